"""Role descriptions and descriptor coreference ("the Taliban's interior minister" -> the person)."""

from __future__ import annotations

from entity_helpers import analyse, entity, has_form

from claimgraph.extract.actors_roles import role_statements


def test_apposition_description_and_later_descriptor_resolve_to_the_person(nlp):
    text = (
        "Mullah Baradar told Sirajuddin Haqqani, the Taliban's interior minister, to leave. "
        "Another source said the Taliban's interior minister promised fighters new roads."
    )
    ctx = analyse(nlp, text)
    siraj = entity(ctx, "Sirajuddin Haqqani")
    assert "the Taliban's interior minister" in [d.text for d in siraj.descriptions]
    later = text.rindex("interior minister")
    hit = ctx.entity_at(later, later + len("interior minister"))
    assert hit is siraj
    # the possessor still maps to the group, not the minister
    taliban = text.rindex("Taliban")
    assert ctx.entity_at(taliban, taliban + len("Taliban")).name == "Taliban"


def test_role_before_name_is_a_description(nlp):
    ctx = analyse(nlp, "Al-Shabaab spokesman Sheikh Ali Mohamud Rage claimed the attack in Mogadishu.")
    rage = entity(ctx, "Sheikh Ali Mohamud Rage")
    assert [d.text for d in rage.descriptions] == ["Al-Shabaab spokesman"]


def test_name_in_apposition_to_role(nlp):
    ctx = analyse(nlp, "The Houthis' military spokesman, Yahya Saree, said two ships were hit.")
    assert any("spokesman" in d.text for d in entity(ctx, "Yahya Saree").descriptions)


def test_copula_role_statement_names_both_people(nlp):
    ctx = analyse(nlp, "Sirajuddin Haqqani was the deputy of Mullah Hibatullah Akhundzada for years.")
    by_id = {e.id: e for e in ctx.entities}
    sts = role_statements(ctx.sdoc, ctx.mentions, by_id)
    deputy = [s for s in sts if s.relation == "deputy_of"]
    assert deputy and by_id[deputy[0].person].name == "Sirajuddin Haqqani"
    assert by_id[deputy[0].org].name == "Hibatullah Akhundzada"


def test_descriptor_held_by_two_people_stays_unresolved(nlp):
    text = (
        "Ahmad Shah, a Taliban commander, and Gul Agha, a Taliban commander, met. "
        "Later the Taliban commander said the talks failed."
    )
    ctx = analyse(nlp, text)
    assert not any(m.source == "coref" for m in ctx.mentions)


def test_role_with_organisation_before_name(nlp):
    ctx = analyse(nlp, "Hayat Tahrir al-Sham leader Abu Mohammed al-Jolani visited Idlib. The HTS leader later met Turkish officials.")
    jolani = entity(ctx, "Abu Mohammed al-Jolani")
    assert "Hayat Tahrir al-Sham leader" in [d.text for d in jolani.descriptions]
    assert any(m.source == "coref" and m.entity_id == jolani.id for m in ctx.mentions)


def test_hyphenated_role_with_organisation(nlp):
    ctx = analyse(nlp, "UN Secretary-General Antonio Guterres condemned the attack. Guterres called for calm.")
    guterres = entity(ctx, "Guterres")
    assert [d.text for d in guterres.descriptions] == ["UN Secretary-General"]


def test_demonym_role_points_to_the_country(nlp):
    text = "Pakistani Defence Minister Khawaja Asif said Pakistan would strike."
    ctx = analyse(nlp, text)
    by_id = {e.id: e for e in ctx.entities}
    sts = role_statements(ctx.sdoc, ctx.mentions, by_id)
    assert sts[0].text == "Pakistani Defence Minister" and by_id[sts[0].org].name == "Pakistan"


def test_honorific_inside_a_name_does_not_split_it(nlp):
    ctx = analyse(nlp, "Somali President Hassan Sheikh Mohamud vowed to defeat al-Shabaab.")
    president = entity(ctx, "Hassan Sheikh Mohamud")
    assert president.type == "Person" and "Somali President" in [d.text for d in president.descriptions]


def test_possessive_office_before_a_name(nlp):
    ctx = analyse(nlp, "Pakistan's Interior Minister Mohsin Naqvi said the attackers came from Afghanistan.")
    naqvi = entity(ctx, "Mohsin Naqvi")
    assert [d.text for d in naqvi.descriptions] == ["Pakistan's Interior Minister"]
    assert not has_form(ctx, "Interior")


def test_military_rank_is_a_title_not_a_description(nlp):
    ctx = analyse(nlp, "The army spokesman, Lieutenant General Ahmed Sharif Chaudhry, said the army would respond.")
    officer = entity(ctx, "Ahmed Sharif Chaudhry")
    assert "Lieutenant General" in officer.titles
    assert "Lieutenant General" not in [d.text for d in officer.descriptions]
