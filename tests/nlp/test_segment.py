"""Blank lines end sentences: headlines, datelines and subheadings stay on their own."""

from __future__ import annotations


def _sentences(nlp, text: str) -> list[str]:
    return [s.text.strip() for s in nlp(text).sents if s.text.strip()]


def test_headline_does_not_merge_into_first_sentence(nlp):
    text = "Rebels Seize Town In North Kivu\n\nM23 fighters took control of Rubaya on Tuesday, residents said."
    sents = _sentences(nlp, text)
    assert sents[0] == "Rebels Seize Town In North Kivu"
    assert sents[1].startswith("M23 fighters")


def test_dateline_and_subheading_are_sentences(nlp):
    text = (
        "Monday, 03/04/2024\n\nHouthi forces fired two missiles at a tanker.\n\n"
        "'Attacks Will Continue'\n\nThe group's spokesman said more strikes would follow."
    )
    sents = _sentences(nlp, text)
    assert "Monday, 03/04/2024" in sents
    assert "'Attacks Will Continue'" in sents
    assert any(s.startswith("The group's spokesman") for s in sents)


def test_single_line_break_inside_a_sentence_is_kept(nlp):
    text = "The Syrian Democratic Forces said\nthat the convoy was hit near Qamishli."
    assert len(_sentences(nlp, text)) == 1


def test_component_runs_before_the_parser(nlp):
    names = nlp.pipe_names
    assert names.index("claimgraph_blank_lines") < names.index("parser")
    for name in ("claimgraph_actor_ruler", "claimgraph_acronym_ruler", "claimgraph_actor_variants"):
        assert names.index(name) < names.index("ner")
