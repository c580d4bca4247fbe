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


def test_line_separator_ends_header_lines(nlp):
    # press releases copied from web pages separate their header lines with U+2028
    text = (
        "ISAF Joint Command - Afghanistan\u20282011-02-S-049\u2028For Immediate Release \u2028\xa0\u2028"
        "KABUL, Afghanistan (Feb. 8, 2011) \u2028ISAF confirmed a Taliban leader was detained in Zhari district."
    )
    sents = _sentences(nlp, text)
    assert sents[-1] == "ISAF confirmed a Taliban leader was detained in Zhari district."
    assert "For Immediate Release" in sents
    assert "KABUL, Afghanistan (Feb. 8, 2011)" in sents


def test_title_case_line_before_a_single_newline_is_its_own_sentence(nlp):
    text = "Sangin/Helmand\nIn the same area, coalition forces observed several insurgents planting a bomb."
    sents = _sentences(nlp, text)
    assert sents == ["Sangin/Helmand", "In the same area, coalition forces observed several insurgents planting a bomb."]


def test_paragraph_separator_is_a_blank_line(nlp):
    text = "Rebels Seize Town In North Kivu\u2029Rebel fighters took control of Rubaya on Tuesday, residents said."
    sents = _sentences(nlp, text)
    assert sents[0] == "Rebels Seize Town In North Kivu"
    assert sents[1].startswith("Rebel fighters")


def test_wrapped_prose_lines_stay_one_sentence(nlp):
    # a line with lower-case content words, one opening in lower case, or one ending on "the" runs on
    for text in (
        "Officials told the\nPresident that the convoy was hit near Qamishli.",
        "The convoy was hit near Qamishli\u2028according to the\nUnited Nations Security Council.",
        "Investigators for the United Nations\u2028said on Monday that the convoy was hit.",
    ):
        assert len(_sentences(nlp, text)) == 1, text


def test_header_like_judges_lines():
    from claimgraph.nlp.segment import header_like

    assert header_like("For Immediate Release")
    assert header_like("Two Insurgents Killed in Helmand")
    assert header_like("2011-01-S-115")
    assert header_like("KABUL, Afghanistan (Jan. 10, 2011) \u2013")
    assert not header_like("The Syrian Democratic Forces said")
    assert not header_like("by the United Nations")
    assert not header_like("Investigators from the")
    assert not header_like("\xa0 ")
