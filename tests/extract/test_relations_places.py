"""Where places and organisations are (part_of, located_in), and what is not a location at all
(birth and death places, founders), on texts from several regions."""

from __future__ import annotations

import pytest

from claimgraph.model import Document, Extraction


@pytest.fixture(scope="module")
def analyze(pipeline):
    """The whole pipeline, gazetteer included: the place mechanisms ask it to confirm a nesting."""

    def run(text: str) -> Extraction:
        return pipeline.analyze(Document.from_text(text, outlet="Test Wire", published="2024-03-10"))

    return run


def _rels(x: Extraction) -> set[tuple[str, str, str]]:
    name = {e.id: e.name for e in x.entities}
    return {(name[c.subject], c.predicate, name[c.object]) for c in x.relations if c.subject and c.object}


def test_an_address_chain_nests_each_place_in_every_later_one(analyze):
    rels = _rels(analyze("Gunmen attacked a market in Bama District, Borno State, Nigeria."))
    assert {("Bama District", "part_of", "Borno State"), ("Borno State", "part_of", "Nigeria"),
            ("Bama District", "part_of", "Nigeria")} <= rels


def test_a_comma_list_of_places_is_no_nesting(analyze):
    rels = _rels(analyze("Strikes hit Kabul, Kandahar and Herat on Monday."))
    assert not [r for r in rels if r[1] == "part_of"]


def test_a_place_the_map_puts_in_another_country_is_not_nested_by_a_comma(analyze):
    rels = _rels(analyze("The convoy drove through Mosul, Aleppo and Raqqa."))
    assert not [r for r in rels if r[1] == "part_of"]


def test_a_classifying_copula_nests_the_place_along_its_chain(analyze):
    rels = _rels(analyze("Mosul is a city in Nineveh Province, Iraq."))
    assert {("Mosul", "part_of", "Nineveh Province"), ("Mosul", "part_of", "Iraq")} <= rels
    assert not [r for r in rels if r[1] == "located_in"]  # a place lies in a place: part_of


def test_located_in_a_place_is_part_of_for_a_place_and_located_in_for_a_site(analyze):
    rels = _rels(analyze("Mosul is located in Nineveh Province. The Mosul Dam is located in Nineveh Province."))
    assert ("Mosul", "part_of", "Nineveh Province") in rels
    assert ("Mosul Dam", "located_in", "Nineveh Province") in rels


def test_an_organisation_based_or_headquartered_somewhere_is_located_there(analyze):
    rels = _rels(analyze("Mercy Corps is an aid group headquartered in Portland, Oregon."))
    assert {("Mercy Corps", "located_in", "Portland"), ("Mercy Corps", "located_in", "Oregon")} <= rels
    rels = _rels(analyze("The Syrian Observatory for Human Rights, a monitoring group based in Britain, "
                         "reported the strikes."))
    assert any(s.startswith("Syrian Observatory") and p == "located_in" for s, p, _ in rels)


def test_a_nationality_place_noun_nests_the_place_in_a_country_the_text_names(analyze):
    rels = _rels(analyze("The Syrian city of Idlib was shelled overnight. Syria denied it."))
    assert ("Idlib", "part_of", "Syria") in rels


def test_a_nationality_place_noun_invents_no_country(analyze):
    rels = _rels(analyze("The Syrian city of Idlib was shelled overnight."))
    assert not [r for r in rels if r[1] == "part_of" and r[0] == "Idlib"]


def test_birth_and_death_places_are_no_location_of_the_person(analyze):
    x = analyze("Abubakar Shekau was born in Maiduguri, Borno State, and died in the Sambisa Forest.")
    rels = _rels(x)
    assert ("Maiduguri", "part_of", "Borno State") in rels  # the address still nests
    assert not [r for r in rels if r[1] == "located_in"]


def test_a_founder_is_not_the_leader(run_claims):
    ctx = run_claims("Mohammed Yusuf founded Boko Haram in 2002. The founder of Boko Haram, "
                     "Mohammed Yusuf, was killed in 2009. Abubakar Shekau, leader of Boko Haram, spoke.")
    name = {e.id: e.name for e in ctx.entities}
    leaders = {name[c.subject] for c in ctx.claims if c.kind == "relation" and c.predicate == "leader_of"}
    assert "Mohammed Yusuf" not in leaders
    assert "Abubakar Shekau" in leaders  # a leader noun still gives leader_of


def test_an_organisations_own_in_phrase_locates_it_along_the_address(analyze):
    rels = _rels(analyze("She studied at Johns Hopkins University in Baltimore, Maryland."))
    assert {("Johns Hopkins University", "located_in", "Baltimore"),
            ("Johns Hopkins University", "located_in", "Maryland")} <= rels


def test_an_armed_group_in_a_country_and_an_attack_by_a_group_in_a_place_locate_nothing(analyze):
    rels = _rels(analyze("U.S. forces struck the Islamic State in Syria. An attack by Hamas in Israel killed "
                         "hundreds of people."))
    assert not [r for r in rels if r[1] == "located_in"]


def test_nestings_stated_apart_chain_and_cite_both_statements(analyze):
    x = analyze("Gunmen attacked Bama District, Borno State. Borno State, in Nigeria, has suffered most.")
    name = {e.id: e.name for e in x.entities}
    (rel,) = [c for c in x.relations if c.predicate == "part_of" and name[c.subject] == "Bama District"
              and name[c.object] == "Nigeria"]
    assert len(rel.evidence) == 2


def test_no_chain_through_a_list(analyze):
    rels = _rels(analyze("Gunmen attacked Bama District, Borno State. Kano, Kaduna and Lagos stayed calm."))
    assert not [r for r in rels if r[1] == "part_of" and r[0] != "Bama District"]


def test_a_district_in_the_state_nests(analyze):
    rels = _rels(analyze("Fighting hit Konduga district in the Borno State."))
    assert ("Konduga District", "part_of", "Borno State") in rels
