"""A date written without a year takes the year that puts it nearest the publication day, the future
counted twice as far as the past; "next week/month/year" count forward from the publication day."""

from __future__ import annotations

import pytest

from claimgraph.extract.dates import parse_expression


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        ("Dec. 19", "2011-01-23", "2010-12-19"),  # a month back, not eleven ahead
        ("Nov. 16", "1989-11-01", "1989-11-16"),  # two weeks ahead, not a year back
        ("Jan. 2", "1989-11-02", "1990-01-02"),  # two months ahead beats ten back
        ("June", "2012-01-14", "2011-06"),  # five months ahead counts as ten: last June is nearer
        ("Feb. 17", "2011-02-16", "2011-02-17"),  # the day after publication is not last year's
        ("October", "1989-11-02", "1989-10"),
    ],
)
def test_yearless_date_takes_the_nearest_year(text: str, published: str, expected: str) -> None:
    d = parse_expression(text, published)
    assert d is not None and d.value == expected


def test_yearless_date_without_publication_date_has_no_year() -> None:
    assert parse_expression("Nov. 16", None) is None


@pytest.mark.parametrize(
    ("text", "value", "after", "before"),
    [
        ("next year", "1990", None, None),
        ("next month", "1989-12", None, None),
        ("next week", None, "1989-11-06", "1989-11-12"),  # Monday to Sunday after a Wednesday
    ],
)
def test_next_counts_forward_from_publication(text, value, after, before) -> None:
    d = parse_expression(text, "1989-11-01")
    assert d is not None and (d.value, d.after, d.before) == (value, after, before)
