"""Toponym finding: admin phrases, parents and lists, on short texts from several regions."""

from __future__ import annotations

import pytest

from claimgraph.geo.toponyms import toponym_spans


def _spans(nlp, text, gazetteer=None):
    return {(s.text, s.kind, s.parent_text) for s in toponym_spans(nlp(text), gazetteer)}


def test_admin_phrase_with_comma_parent(nlp):
    spans = _spans(nlp, "Pakistan's airstrikes in Spera District, Khost Province, killed eight.")
    assert ("Spera District", "district", "Khost Province") in spans
    assert ("Khost Province", "province", None) in spans


@pytest.mark.parametrize(
    ("text", "child", "parent"),
    [
        ("Fighters moved to Shindand district of Herat province last year.", "Shindand district", "Herat province"),
        ("He went to the border areas of Barmal district in Paktika.", "Barmal district", "Paktika"),
        ("Roads were built to the Madakhil area of Paktika.", "Madakhil area", "Paktika"),
        ("Troops shelled the Tal Afar district of Nineveh governorate.", "Tal Afar district", "Nineveh governorate"),
    ],
)
def test_parent_is_the_containing_place(nlp, text, child, parent):
    by_text = {s.text: s for s in toponym_spans(nlp(text))}
    assert by_text[child].parent_text == parent
    assert parent in by_text


def test_lists_after_and_before_a_plural_admin_word(nlp):
    spans = _spans(nlp, "Al-Qaeda moved members to the provinces of Logar, Helmand and Farah.")
    assert {s[0] for s in spans if s[1] == "province"} == {"Logar", "Helmand", "Farah"}
    spans = _spans(nlp, "Clashes spread across Diyala and Anbar governorates and Kurram and Orakzai agencies.")
    assert {s[0] for s in spans if s[1] == "province"} == {"Diyala", "Anbar"}
    assert {s[0] for s in spans if s[1] == "district"} == {"Kurram", "Orakzai"}


def test_capitalised_weak_admin_words_need_the_gazetteer(nlp):
    # "Islamic State" and "Central Region" are not places without confirmation
    assert _spans(nlp, "The Islamic State said the Central Region command was hit.") == set()
    # a lower-case "area" after a name is an admin phrase on its own
    assert ("Mir Ali area", "area", "North Waziristan") in _spans(nlp, "They met in the Mir Ali area of North Waziristan.")


def test_spans_do_not_overlap_and_match_the_text(nlp):
    text = "Spera District, Khost Province and the provinces of Kunar and Nuristan."
    spans = toponym_spans(nlp(text))
    for a, b in zip(spans, spans[1:]):
        assert a.end <= b.start
    assert all(text[s.start : s.end] == s.text for s in spans)


def test_a_place_followed_by_its_state_after_a_comma_gets_that_parent(nlp, gazetteer):
    spans = _spans(nlp, "The outbreak began in Paris, Texas, last week.", gazetteer)
    assert ("Paris", None, "Texas") in spans
    # a list of provinces is not a chain of parents
    listed = _spans(nlp, "Fighters moved to Logar, Helmand and Farah last year.", gazetteer)
    assert not any(parent for _text, _kind, parent in listed)


def test_gazetteer_repairs_mislabelled_provinces_only_in_a_locative_context(nlp, gazetteer):
    sdoc = nlp("Fighters moved to Logar, Helmand and Farah last year.")  # the small model tags Logar ORG here
    assert any(e.text == "Logar" and e.label_ != "GPE" for e in sdoc.ents)
    assert any(s.text == "Logar" and s.kind == "province" for s in toponym_spans(sdoc, gazetteer))
    assert not toponym_spans(nlp("Farah Khan said the film was a success."), gazetteer)
