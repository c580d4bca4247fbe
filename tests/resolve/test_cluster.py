"""Alias clustering rules, one by one, on hand-made items (no parser needed)."""

from __future__ import annotations

from claimgraph.resolve.cluster import Item, cluster, dictionary_index
from claimgraph.resolve.names import fold


def _person(name: str) -> Item:
    return Item("Person", name, fold(name))


def _together(groups: list[list[int]], a: int, b: int) -> bool:
    return any(a in g and b in g for g in groups)


def test_one_word_name_joins_the_only_person_it_names():
    items = [_person("Yaqoob Mujahid"), _person("Yaqoob"), _person("Sirajuddin Haqqani"), _person("Haqqani")]
    groups, decisions = cluster(items)
    assert _together(groups, 0, 1) and _together(groups, 2, 3)
    assert not _together(groups, 0, 2)
    assert {d.rule for d in decisions} == {"partial-name"}


def test_shared_surname_is_ambiguous_and_stays_apart():
    items = [_person("Sirajuddin Haqqani"), _person("Jalaluddin Haqqani"), _person("Haqqani")]
    groups, decisions = cluster(items)
    assert len(groups) == 3
    assert any(d.rule == "partial-name-ambiguous" and not d.same for d in decisions)


def test_partial_name_tolerates_transliteration():
    groups, _ = cluster([_person("Noor Wali Mahsud"), _person("Mehsud")])
    assert len(groups) == 1


def test_organisation_never_merges_with_a_person():
    items = [_person("Sirajuddin Haqqani"), Item("Organization", "Haqqani Network", fold("Haqqani Network"),
                                                 dict_id="haqqani_network"), _person("Haqqani")]
    groups, _ = cluster(items)
    assert _together(groups, 0, 2) and not _together(groups, 1, 2)


def test_dictionary_entries_merge_by_id_and_two_entries_stay_two():
    items = [
        Item("Organization", "Pakistani Taliban", fold("Pakistani Taliban"), dict_id="ttp"),
        Item("Organization", "TTP", fold("TTP"), dict_id="ttp"),
        Item("Organization", "Taliban", fold("Taliban"), dict_id="taliban"),
    ]
    groups, _ = cluster(items)
    assert _together(groups, 0, 1) and not _together(groups, 0, 2)


def test_acronym_in_parentheses_joins_its_expansion():
    items = [Item("Organization", "Ittehadul Mujahideen Shura", fold("Ittehadul Mujahideen Shura")),
             Item("Organization", "IMS", fold("IMS"), acronym_of=0)]
    groups, decisions = cluster(items)
    assert len(groups) == 1 and decisions[0].rule == "acronym"


def test_place_with_and_without_admin_word():
    items = [
        Item("Location", "Spera District", "spera|district"),
        Item("Location", "Spera district", "spera|district"),
        Item("Location", "Kabul", "kabul|"),
        Item("Location", "Kabul province", "kabul|province"),
        Item("Location", "Kunar", "kunar|", bare_province=True),
        Item("Location", "Kunar province", "kunar|province"),
    ]
    groups, _ = cluster(items)
    assert _together(groups, 0, 1)
    assert not _together(groups, 2, 3)  # the city is not its province
    assert _together(groups, 4, 5)  # listed as a province


def test_country_stand_ins_join_the_country():
    items = [Item("Location", "Pakistan", "pakistan|"), Item("Location", "Islamabad", "pakistan|", country_of="Pakistan")]
    groups, _ = cluster(items)
    assert len(groups) == 1


def test_dictionary_index_folds_spellings():
    index = dictionary_index()
    assert index[fold("Tehrik-e-Taliban Pakistan")] == "ttp"
    assert index[fold("Hizbullah")] == "hezbollah"


def test_stated_alias_merges_and_is_recorded():
    items = [_person("Nestor Gregorio Vera"), _person("Ivan Mordisco"), _person("Mordisco")]
    items[1].alias_of = 0
    groups, decisions = cluster(items)
    assert len(groups) == 1
    assert {d.rule for d in decisions} == {"stated-alias", "partial-name"}
