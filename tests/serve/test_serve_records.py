"""Date bounds, sentence windows and highlight segments used by the API and the UI."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from claimgraph.serve.records import Mark, date_bounds, segment, sentence_around


def test_stated_dates_cover_their_whole_period():
    assert date_bounds("2024-02", None, None) == {"start": "2024-02-01", "end": "2024-03-01", "precision": "month",
                                                  "interval": False, "open_start": False, "open_end": False}
    assert date_bounds("2023", None, None)["end"] == "2024-01-01"
    assert date_bounds("2022-12-31", None, None)["end"] == "2023-01-01"


def test_intervals_keep_open_sides_open():
    both = date_bounds(None, "2022-01", "2025-01-14")
    assert (both["start"], both["end"], both["open_start"], both["open_end"]) == ("2022-01-01", "2025-01-14", False, False)
    before = date_bounds(None, None, "2021-08-15")
    assert before["start"] is None and before["open_start"]
    after = date_bounds(None, "2022-08", None, published="2025-01-14")
    assert after["end"] == "2025-01-15" and after["end_is_publication"] and after["open_end"]
    assert date_bounds(None, "2022-08", None)["end"] is None


def test_unusable_dates_give_none():
    assert date_bounds(None, None, None) is None
    assert date_bounds("sometime", None, None) is None
    assert date_bounds("2024-13", None, None) is None


def test_sentence_around_finds_the_sentence():
    text = "First one. The army said it attacked the camp. Third sentence here."
    s, e = sentence_around(text, text.index("attacked"), text.index("attacked") + 8)
    assert text[s:e] == "The army said it attacked the camp."
    text = 'He said: "We did not do it." Then he left.'
    s, e = sentence_around(text, 9, 12)
    assert text[s:e] == 'He said: "We did not do it."'


def test_segments_cover_overlapping_marks():
    text = "Al-Shabaab attacked Mandera."
    marks = [Mark(0, 19, "evidence", "c1", "claim"), Mark(0, 10, "mention", "e1", "org"), Mark(11, 19, "trigger", "c1", "t")]
    segs = segment(text, marks)
    assert "".join(s.text for s in segs) == text
    first = segs[0]
    assert first.text == "Al-Shabaab" and first.entity_ids == "e1" and "evidence" in first.classes
    assert [s.text for s in segs if "trigger" in s.classes] == ["attacked"]


@given(st.text(max_size=60), st.lists(st.tuples(st.integers(0, 70), st.integers(0, 70)), max_size=6))
def test_segments_always_reassemble_the_text(text, spans):
    marks = [Mark(min(a, b), max(a, b), "mention", str(i), "x") for i, (a, b) in enumerate(spans)]
    assert "".join(s.text for s in segment(text, marks)) == text


@given(st.text(min_size=1, max_size=40), st.lists(st.tuples(st.integers(0, 40), st.integers(0, 40)), max_size=8))
def test_segment_marks_are_exactly_those_covering_it(text, spans):
    marks = [Mark(min(a, b), max(a, b), "mention", str(i), "x") for i, (a, b) in enumerate(spans)]
    for seg in segment(text, marks):
        expected = {m.ref for m in marks if m.start < m.end <= len(text) and m.start <= seg.start and seg.end <= m.end}
        assert {m.ref for m in seg.marks} == expected
