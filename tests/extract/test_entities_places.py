"""Place repairs of the entity stage: admin words, mislabels, junk and headlines."""

from __future__ import annotations

from entity_helpers import analyse, entity, has_form


def test_district_spellings_are_one_place_and_city_differs_from_province(nlp):
    ctx = analyse(
        nlp,
        "Drones struck Spera District on Monday. Roads reach Spera district now. "
        "Fighters left Kabul for Kabul province.",
    )
    spera = entity(ctx, "Spera District")
    assert "Spera district" in spera.aliases and spera.kind == "district" and spera.type == "Location"
    assert entity(ctx, "Kabul") is not entity(ctx, "Kabul province")


def test_bare_name_listed_as_province_joins_the_province(nlp):
    ctx = analyse(
        nlp,
        "The group moved fighters to the provinces of Logar, Helmand, Kunar and Farah. "
        "Others went to Kunar province.",
    )
    kunar = entity(ctx, "Kunar province")
    assert "Kunar" in kunar.aliases and kunar.kind == "province"
    for name in ("Logar", "Helmand", "Farah"):
        assert entity(ctx, name).type == "Location"


def test_split_place_name_with_admin_word_is_joined(nlp):
    ctx = analyse(nlp, "Roads were built to Dowa Manda district of Khost province.")
    e = entity(ctx, "Dowa Manda district")
    assert e.type == "Location" and e.kind == "district"


def test_generic_area_word_is_not_part_of_the_name(nlp):
    ctx = analyse(nlp, "They met in the Madakhil area of Paktika.")
    e = entity(ctx, "Madakhil area")
    assert e.name == "Madakhil" and e.kind == "area"


def test_gazetteer_repairs_ner_mislabels(nlp, pipeline):
    ctx = analyse(nlp, "Al-Qaeda moved members to Logar, Ghazni and Farah last year.", pipeline.gazetteer)
    for name in ("Logar", "Ghazni", "Farah"):
        assert entity(ctx, name).type == "Location", name


def test_junk_is_dropped(nlp):
    ctx = analyse(nlp, "They wanted a Sharia system. Pakistani officials met 300 elders on 12 May 2022.")
    assert not has_form(ctx, "Sharia") and not has_form(ctx, "Pakistani")
    assert not any(any(ch.isdigit() for ch in a) for e in ctx.entities for a in e.aliases)


def test_headline_keeps_only_names_confirmed_elsewhere(nlp):
    ctx = analyse(
        nlp,
        "Rebels Signed Secret Deal With Wagner Before Offensive\n\n"
        "The Wagner Group supplied the rebels in Bangui, officials said.",
    )
    assert entity(ctx, "Wagner").external_ids == {"dictionary": "wagner"}
    assert not any("Signed" in a or "Secret" in a for e in ctx.entities for a in e.aliases)


def test_every_mention_span_matches_the_text_and_links_an_entity(nlp):
    ctx = analyse(
        nlp,
        "Boko Haram fighters attacked Maiduguri, the Borno State capital. ISWAP also claimed raids near Lake Chad.",
    )
    ids = {e.id for e in ctx.entities}
    assert ctx.mentions
    for m in ctx.mentions:
        assert ctx.document.text[m.start:m.end] == m.text and m.entity_id in ids
    assert entity(ctx, "Boko Haram").kind == "armed_group"


def test_unknown_organisations_get_a_kind_from_their_name(nlp):
    ctx = analyse(
        nlp,
        "Hafiz Gul Bahadur, leader of the Ittehadul Mujahideen Shura of North Waziristan, spoke. "
        "The Ministry of Interior said it knew.",
    )
    assert entity(ctx, "Ittehadul Mujahideen Shura of North Waziristan").kind == "armed_group"
    assert entity(ctx, "Ministry of Interior").kind == "government"


def test_named_unit_tagged_as_place_is_an_organisation(nlp):
    ctx = analyse(nlp, "Fighters of the Kataib Sayyid al-Shuhada Brigade attacked a convoy near Baghdad.")
    unit = entity(ctx, "Kataib Sayyid al-Shuhada Brigade")
    assert unit.type == "Organization" and unit.kind == "armed_group"


def test_a_lone_headline_keeps_its_names(nlp):
    ctx = analyse(nlp, "Militants Kill Twelve Soldiers In Kunduz Province Raid")
    assert entity(ctx, "Kunduz Province").type == "Location"


def test_people_listed_with_their_provinces_stay_people(nlp, pipeline):
    ctx = analyse(
        nlp,
        "The committee had five members: Luigi Leone for the province of Siracusa, "
        "Antonio Licata for the province of Agrigento and Nicola Barbato for the province of Palermo.",
        pipeline.gazetteer,
    )
    assert entity(ctx, "Luigi Leone").type == "Person"
    assert entity(ctx, "Siracusa").type == "Location"
    assert not any(e.type == "Location" and len(e.name.split()) > 1 for e in ctx.entities)


def test_bodies_named_like_admin_areas_and_laws_are_not_places_or_agreements(nlp):
    ctx = analyse(
        nlp,
        "The Sheriff's Department said the Constitution was respected. Clashes hit Arauca Department.",
    )
    assert entity(ctx, "Sheriff's Department").type == "Organization"
    assert not any(e.type == "Agreement" for e in ctx.entities)
    assert entity(ctx, "Arauca Department").type == "Location"


def test_names_do_not_run_across_lines(nlp):
    ctx = analyse(nlp, "Deputy Killed On Gang Duty\nJune 25, 2005\n\nA deputy was shot in Hawaiian Gardens.")
    assert not any("\n" in a for e in ctx.entities for a in e.aliases)


def test_capitalised_common_words_are_not_names(nlp):
    ctx = analyse(
        nlp,
        "Groups of students marched. Several groups joined later. Eva Forest was arrested near the forest. "
        "Police said Forest denied it.",
    )
    assert not has_form(ctx, "Groups")
    assert "Forest" in entity(ctx, "Eva Forest").aliases
