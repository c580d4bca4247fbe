"""Day words ("yesterday", "last night", weekday names) against the publication date, and what
happens when that date is known only to the month or not at all: a day or a year is never invented."""

from __future__ import annotations

import pytest

from claimgraph.extract.dates import parse_expression

SUNDAY = "2024-03-10"  # a Sunday


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Sunday", "2024-03-10"),  # a Sunday story's "Sunday" is that day
        ("on Sunday", "2024-03-10"),
        ("last Sunday", "2024-03-03"),  # ... and "last Sunday" the week before
        ("Saturday", "2024-03-09"),
        ("Monday", "2024-03-04"),
        ("Wednesday night", "2024-03-06"),
        ("early Friday", "2024-03-08"),
        ("last night", "2024-03-09"),
        ("late last night", "2024-03-09"),
        ("overnight", "2024-03-09"),
        ("yesterday afternoon", "2024-03-09"),
        ("earlier today", "2024-03-10"),
        ("this morning", "2024-03-10"),
    ],
)
def test_day_words_resolve_against_the_publication_day(text, expected):
    d = parse_expression(text, SUNDAY)
    assert d is not None and d.to_gold() == {"value": expected} and d.precision == "day"


def test_weekday_plurals_are_habits_not_dates():
    assert parse_expression("Mondays", SUNDAY) is None


@pytest.mark.parametrize("text", ["yesterday", "today", "last night", "tonight"])
def test_a_month_only_publication_date_keeps_day_words_at_month_precision(text):
    d = parse_expression(text, "2011-07")
    assert d is not None and d.to_gold() == {"value": "2011-07"} and d.precision == "month"


def test_a_weekday_against_a_month_only_publication_date_is_an_interval():
    d = parse_expression("Wednesday", "2011-07")
    assert d is not None and d.value is None
    assert (d.after, d.before) == ("2011-06-25", "2011-07-31")


def test_day_counts_against_a_month_only_publication_date_give_no_day():
    assert parse_expression("three days ago", "2011-07") is None
    assert parse_expression("last week", "2011-07") is None
    assert parse_expression("last month", "2011-07").to_gold() == {"value": "2011-06"}


def test_a_year_only_publication_date_keeps_day_words_at_year_precision():
    assert parse_expression("yesterday", "2019").to_gold() == {"value": "2019"}


def test_a_date_without_year_and_no_publication_date_is_no_date():
    assert parse_expression("June 14", None) is None  # never the year of the clock
    assert parse_expression("Dec. 22", None) is None
    assert parse_expression("June 14, 2012", None).to_gold() == {"value": "2012-06-14"}


def test_a_date_without_year_takes_the_month_only_publication_year():
    assert parse_expression("Dec. 5", "2010-12").to_gold() == {"value": "2010-12-05"}
    assert parse_expression("Nov. 28", "2010-12").to_gold() == {"value": "2010-11-28"}
    assert parse_expression("Jan. 3", "2010-12").to_gold() == {"value": "2010-01-03"}


def test_a_code_opening_with_year_and_month_is_not_a_month():
    d = parse_expression("2010-09", None)
    assert d is not None and d.to_gold() == {"value": "2010-09"}
    assert parse_expression("2021-13", None).to_gold() == {"value": "2021"}  # no month 13


def _dates(ctx, predicate):
    return [c.date.to_gold() if c.date else None for c in ctx.claims if c.kind == "event" and c.predicate == predicate]


def test_same_sentence_yesterday_dates_the_arrest(run_claims):
    ctx = run_claims("Malian troops arrested two militants near Gao yesterday.", published="2023-05-08")
    assert _dates(ctx, "COERCE") == [{"value": "2023-05-07"}]


def test_sunday_story_saying_sunday(run_claims):
    ctx = run_claims("Colombian soldiers killed three guerrillas in Cauca on Sunday.", published=SUNDAY)
    assert _dates(ctx, "ASSAULT") == [{"value": SUNDAY}]


def test_month_only_publication_date_gives_a_month_not_a_day(run_claims):
    ctx = run_claims("Police in Lagos arrested three suspects yesterday.", published="2011-07")
    assert _dates(ctx, "COERCE") == [{"value": "2011-07"}]


def test_the_search_refers_to_the_episode_the_sentence_before_narrates(run_claims):
    ctx = run_claims(
        "In Mindanao last night, Philippine marines went to a village near Jolo after informants reported "
        "rebel activity. During the search the marines detained four suspected rebels.",
        published="2022-08-15",
    )
    assert _dates(ctx, "COERCE") == [{"value": "2022-08-14"}]


def test_an_episode_takes_the_date_of_its_own_clause(run_claims):
    ctx = run_claims(
        "Nigerian troops continued efforts to reopen the highway during two operations in Borno state yesterday. "
        "During the operations the soldiers arrested five suspects.",
        published="2021-02-03",
    )
    assert _dates(ctx, "COERCE") == [{"value": "2021-02-02"}]


def test_a_release_number_and_the_dateline_are_not_event_dates(run_claims):
    ctx = run_claims(
        "ISAF Joint Command - Afghanistan\u20282010-09-CA-240 For Immediate Release\u2028\u2028"
        "KABUL, Afghanistan (Sept. 22, 2010) - Afghan and coalition forces detained a facilitator in Ghazni "
        "province overnight.",
        published="2010-09-22",
    )
    assert _dates(ctx, "COERCE") == [{"value": "2010-09-21"}]


def _date_of(ctx, word):
    """The date of the one event whose evidence holds ``word``."""
    (c,) = [c for c in ctx.claims if c.kind == "event"
            and word in ctx.document.text[c.evidence[0][0]:c.evidence[-1][1]]]
    return c.date.to_gold() if c.date else None


def test_the_narrative_keeps_the_episode_time_until_another_is_named(run_claims):
    ctx = run_claims(
        "In Kayes region last night, Malian soldiers searched a compound in a raid near the border. "
        "The soldiers arrested three suspected smugglers. "
        "On March 2, gunmen attacked a checkpoint in Nioro.",
        published="2024-03-10",
    )
    assert _date_of(ctx, "arrested") == {"value": "2024-03-09"}
    assert _date_of(ctx, "checkpoint") == {"value": "2024-03-02"}  # its own date, not the raid's


def test_a_new_date_ends_the_episode_time(run_claims):
    ctx = run_claims(
        "Kenyan police conducted a raid in Mandera yesterday. Last year the group was banned. "
        "Officers arrested two men.",
        published="2022-06-01",
    )
    assert _date_of(ctx, "arrested") is None


def test_a_release_number_token_is_no_date(run_claims):
    ctx = run_claims(
        "NEWS RELEASE\u2028ISAF Joint Command - Afghanistan\u2028\u20282010-04-CA-015 \u2028For Immediate Release\n"
        "In Khost Province last night, a joint security force searched a compound. "
        "During the search the joint force captured a Haqqani facilitator.",
        published="2010-04-05",
    )
    assert {"value": "2010"} not in _dates(ctx, "COERCE")
    assert {"value": "2010-04-04"} in _dates(ctx, "COERCE")


def test_a_yearless_dateline_is_not_an_event_date(run_claims):
    # the dateline dates the report; the detention itself is undated here
    ctx = run_claims("NAIROBI, Kenya (May 15) - Kenyan police detained two suspects in Mandera county.",
                     published="2012-05-15")
    assert _date_of(ctx, "detained") is None


@pytest.mark.parametrize(
    ("text", "future", "expected"),
    [
        ("tomorrow", False, "2024-03-11"),
        ("next Tuesday", False, "2024-03-12"),
        ("next Sunday", False, "2024-03-17"),  # a week on, not the publication day itself
        ("Tuesday", True, "2024-03-12"),  # "talks will resume on Tuesday"
        ("Tuesday", False, "2024-03-05"),  # "talks resumed on Tuesday"
        ("last Tuesday", True, "2024-03-05"),  # "last" wins over a future clause
    ],
)
def test_day_words_of_the_future_count_forward(text: str, future: bool, expected: str) -> None:
    d = parse_expression(text, SUNDAY, future=future)
    assert d is not None and d.value == expected


def test_weeks_and_named_months_relative_to_publication() -> None:
    this_week = parse_expression("this week", SUNDAY)
    assert (this_week.after, this_week.before) == ("2024-03-04", "2024-03-10")
    earlier = parse_expression("earlier this week", "2024-03-06")
    assert (earlier.after, earlier.before) == ("2024-03-04", "2024-03-06")
    assert parse_expression("last May", SUNDAY).value == "2023-05"
    assert parse_expression("next January", SUNDAY).value == "2025-01"
    assert parse_expression("early next year", SUNDAY).value == "2025"
    assert parse_expression("May", SUNDAY).value == "2024-05"  # a DATE entity "May" is the month


def test_said_of_future_reads_the_clause(nlp) -> None:
    from claimgraph.extract.dates import said_of_future

    def day(text: str) -> bool:
        doc = nlp(text)
        return said_of_future(next(t for t in doc if t.lower_ == "tuesday"))

    assert day("Talks will resume on Tuesday in Doha.")
    assert day("The vote is scheduled to take place on Tuesday.")
    assert not day("Rebels attacked the town on Tuesday.")
