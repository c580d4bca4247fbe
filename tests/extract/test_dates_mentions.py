"""Date expressions found in a parsed text: what the model labels DATE but names no time is dropped."""

from __future__ import annotations

from claimgraph.extract.dates import date_mentions


def _found(nlp, text: str, published: str = "2024-03-10") -> dict[str, str | None]:
    return {span.text: (d.value if d else None) for span, d in date_mentions(nlp(text), published)}


def test_ages_and_frequencies_are_not_dates(nlp):
    found = _found(nlp, "The 62-year-old commander, who held quarterly meetings, was arrested on March 3, 2024.")
    assert "March 3, 2024" in found and found["March 3, 2024"] == "2024-03-03"
    assert not any("year-old" in t or "quarterly" in t for t in found)


def test_possessive_is_trimmed_from_the_date(nlp):
    found = _found(nlp, "Last month's clashes in Goma displaced thousands, the UN said.")
    assert "Last month" in found and found["Last month"] == "2024-02"
    assert not any(t.endswith("'s") for t in found)


def test_release_number_and_dateline_are_not_dates(nlp):
    text = "KABUL, Afghanistan (Jan. 25, 2013)\n2013-01-S-025\nForces detained two men in Ghazni yesterday."
    found = _found(nlp, text, "2013-01-25")
    assert found.get("yesterday") == "2013-01-24"
    assert not any("2013-01-S" in t or "Jan. 25" in t for t in found)
