"""Dates keep their precision; relative expressions resolve against the publication date."""

from __future__ import annotations

import pytest

from claimgraph.extract.dates import parse_expression


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("April 2022", {"value": "2022-04"}),
        ("2019", {"value": "2019"}),
        ("3 May 2021", {"value": "2021-05-03"}),
        ("Jan. 24, 2013", {"value": "2013-01-24"}),
        ("yesterday", {"value": "2025-01-13"}),
        ("Monday", {"value": "2025-01-13"}),
        ("last month", {"value": "2024-12"}),
        ("the past three years", {"after": "2022-01-14", "before": "2025-01-14"}),
        ("over the past two weeks", {"after": "2024-12-31", "before": "2025-01-14"}),
        ("the 1990s", {"after": "1990", "before": "1999"}),
        ("December 5", {"value": "2024-12-05"}),  # a later month in a January report is last year's
    ],
)
def test_parse_expression(text, expected):
    d = parse_expression(text, "2025-01-14")
    assert d is not None and d.to_gold() == expected


def test_precision_is_kept():
    assert parse_expression("April 2022", None).precision == "month"
    assert parse_expression("2019", None).precision == "year"
    assert parse_expression("3 May 2021", None).precision == "day"


def test_vague_durations_give_no_date():
    assert parse_expression("for years", "2025-01-14") is None
    assert parse_expression("yesterday", None) is None  # nothing to be relative to


def _event_date(ctx, predicate):
    (c,) = [c for c in ctx.claims if c.kind == "event" and c.predicate == predicate]
    return c.date.to_gold() if c.date else None


def test_after_a_dated_event(run_claims):
    ctx = run_claims(
        "After Israel's airstrikes on Hezbollah in March 2024, Lebanon summoned the Israeli envoy."
    )
    assert _event_date(ctx, "ASSAULT") == {"value": "2024-03"}  # the nominal event's own date
    assert _event_date(ctx, "CONSULT") == {"after": "2024-03"}  # the summons came after it


def test_anchor_from_the_data_file_binds_before_returning_to_power(run_claims):
    ctx = run_claims("Before returning to power, the Taliban signed an agreement with al-Qaeda.")
    (c,) = [c for c in ctx.claims if c.kind == "event"]
    assert c.date is not None and c.date.before == "2021-08-15"


def test_unknown_anchor_leaves_the_interval_open(run_claims):
    ctx = run_claims("Before the split, the Islamic Courts Union signed an agreement with Eritrea.")
    (c,) = [c for c in ctx.claims if c.kind == "event"]
    assert c.date is None


def test_sentence_date_does_not_leak_into_a_reported_clause(run_claims):
    ctx = run_claims(
        "In June 2023, the United Nations announced that al-Shabaab had attacked Mogadishu.", published="2023-07-01"
    )
    assert _event_date(ctx, "ASSAULT") is None


def test_events_of_a_described_episode_take_its_date(run_claims):
    ctx = run_claims(
        "Coalition forces conducted an operation in Helmand province yesterday. "
        "During the operation, the security force killed two insurgents.",
        published="2011-03-12",
    )
    assert _event_date(ctx, "ASSAULT") == {"value": "2011-03-11"}


def test_main_clause_date_dates_the_clause_but_not_a_relative_clause(run_claims):
    ctx = run_claims(
        "Afghan forces detained a Taliban leader who killed two policemen, in Kandahar province on Monday.",
        published="2011-03-12",
    )
    assert _event_date(ctx, "COERCE") == {"value": "2011-03-07"}
    assert _event_date(ctx, "ASSAULT") is None


def test_after_the_death_of_someone_the_document_dates(run_claims):
    ctx = run_claims(
        "Abu Ibrahim al-Hashimi was killed by US forces in Idlib on 3 February 2022. "
        "After the death of Abu Ibrahim al-Hashimi, the Islamic State appointed a new leader and attacked Raqqa.",
        published="2022-03-01",
    )
    later = [c for c in ctx.claims if c.kind == "event" and c.trigger and c.trigger[0] > 80 and c.predicate == "ASSAULT"]
    assert later and later[0].date is not None and later[0].date.after == "2022-02-03"
