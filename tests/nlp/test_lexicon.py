"""Each actor-stage data file loads, has the documented shape, and fails loudly when broken."""

from __future__ import annotations

import pytest

from claimgraph.data import read_text
from claimgraph.errors import ClaimgraphError
from claimgraph.nlp import lexicon


@pytest.mark.parametrize("name", ["actors.yaml", "honorifics.tsv", "transliteration.tsv", "descriptors.yaml"])
def test_data_files_name_their_sources(name):
    head = "\n".join(read_text(name).splitlines()[:15]).lower()
    assert head.startswith("#") and "source" in head


def test_actor_dictionary_covers_groups_from_several_regions():
    ids = {a.id for a in lexicon.actors()}
    for expected in ("taliban", "ttp", "al_qaeda", "iskp", "haqqani_network", "al_shabaab", "boko_haram",
                     "houthis", "hezbollah", "hamas", "pkk", "farc", "unsc", "nato", "etim"):
        assert expected in ids
    ttp = lexicon.actor_by_id()["ttp"]
    assert "TTP" in ttp.acronyms and "Pakistani Taliban" in ttp.aliases and ttp.kind == "armed_group"


def test_no_surface_form_names_two_actors():
    owner: dict[str, str] = {}
    for actor in lexicon.actors():
        for form in actor.surface_forms():
            assert owner.setdefault(form, actor.id) == actor.id, f"{form!r} names {owner[form]} and {actor.id}"


def test_honorifics_mark_what_is_stripped():
    by_term = {h.term: h for h in lexicon.honorifics()}
    assert by_term["Mullah"].strip and by_term["Mullah"].ruler
    assert not by_term["Amir"].strip  # also a given name (Amir Khan Muttaqi)
    assert ("Prime", "Minister") in lexicon.strippable_titles()


def test_descriptor_roles_name_a_relation():
    d = lexicon.descriptors()
    assert d.roles["interior minister"] == "member_of"
    assert d.roles["leader"] == "leader_of" and d.roles["deputy"] == "deputy_of"
    assert "government" in d.actor_self_nouns and "forces" in d.state_agent_nouns


def test_broken_actor_file_is_a_coded_error(monkeypatch):
    monkeypatch.setattr(lexicon, "load_yaml", lambda name: {"actors": [{"id": "x", "name": "X", "kind": "spaceship"}]})
    lexicon.actors.cache_clear()
    try:
        with pytest.raises(ClaimgraphError) as err:
            lexicon.actors()
        assert err.value.code == "CG201" and "actors.yaml" in str(err.value)
    finally:
        monkeypatch.undo()
        lexicon.actors.cache_clear()


def test_broken_transliteration_rule_is_a_coded_error(monkeypatch):
    monkeypatch.setattr(lexicon, "load_tsv", lambda name: ({"pattern": "([a-z", "replacement": "", "note": ""},))
    lexicon.transliteration_rules.cache_clear()
    try:
        with pytest.raises(ClaimgraphError) as err:
            lexicon.transliteration_rules()
        assert err.value.code == "CG201"
    finally:
        monkeypatch.undo()
        lexicon.transliteration_rules.cache_clear()


def test_org_kind_words_use_known_kinds():
    words = lexicon.descriptors().org_kind_words
    assert words["shura"] == "armed_group" and words["ministry"] == "government" and words["news"] == "media"
