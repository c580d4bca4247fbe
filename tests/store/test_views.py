"""The evidence sentence shown beside a claim."""

from __future__ import annotations

from claimgraph.store.views import sentence_around

TEXT = ('Clashes in Kidal\n\nThe army said it retook the town. A spokesman told AFP, "We lost no men." '
        "Rebels disputed that.\n\nMore fighting followed.")


def _around(word: str) -> str:
    i = TEXT.index(word)
    return sentence_around(TEXT, (i, i + len(word)))


def test_sentence_keeps_its_closing_quote() -> None:
    assert _around("spokesman") == 'A spokesman told AFP, "We lost no men."'


def test_headline_and_paragraph_bounds_stop_the_sentence() -> None:
    assert _around("Kidal") == "Clashes in Kidal"
    assert _around("retook") == "The army said it retook the town."
    assert _around("followed") == "More fighting followed."
