"""Publication dates, outlets and headlines read from the top of a text."""

from __future__ import annotations

import pytest

from claimgraph.errors import IngestError
from claimgraph.ingest import document_from_text, find_dateline, iso_date, parse_date


@pytest.mark.parametrize(
    ("text", "published", "precision"),
    [
        ("Drone strike kills two in Mali\n\nTuesday, 01/14/2025\n\nBody text follows here.", "2025-01-14", "day"),
        ("KABUL, Afghanistan (Jan. 25, 2013) — Afghan forces detained a suspect.", "2013-01-25", "day"),
        ("MOGADISHU, March 3, 2021 — Al-Shabaab fighters attacked a base.", "2021-03-03", "day"),
        ("Clashes in Darfur\n\nBy Jane Doe | 14 February 2024\n\nFighting resumed.", "2024-02-14", "day"),
        ("Ceasefire talks stall\n\nPublished: April 2022\n\nTalks in Doha ended.", "2022-04", "month"),
        ("Kyiv update\n\n2023-06-05 10:42 UTC\n\nShelling continued overnight.", "2023-06-05", "day"),
        ("Kyiv update\n\n2023-06-05T10:42:00Z\n\nShelling continued overnight.", "2023-06-05", "day"),
        ("Kyiv update\n\nMar 3, 2021 at 10:42 am\n\nShelling continued.", "2021-03-03", "day"),
        # a full stop typed for the comma between day and year
        ("For Immediate Release\n\nKABUL, Afghanistan (Nov. 1. 2011)\nA force detained two.", "2011-11-01", "day"),
    ],
)
def test_dateline_gives_publication_date_with_precision(text: str, published: str, precision: str) -> None:
    line = find_dateline(text)
    assert (line.published, line.precision) == (published, precision)
    start, end = line.date_span
    assert parse_date(text[start:end])[0] == published


def test_date_in_body_sentence_is_not_a_publication_date() -> None:
    text = ("Army retakes Gao\n\nThe army said on March 3, 2021 that it had retaken the town after clashes with "
            "militants near the river crossing south of the market, officials told reporters.")
    assert find_dateline(text).published is None


def test_wire_dateline_gives_outlet() -> None:
    line = find_dateline("LONDON (Reuters) - Britain imposed new sanctions on Tuesday.")
    assert line.outlet == "Reuters"
    assert line.published is None


def test_headline_becomes_title_and_dateline_fills_published() -> None:
    doc = document_from_text("Militants Raid Checkpoint In Sinai\n\nMonday, 05/06/2019\n\nGunmen attacked.")
    assert doc.title == "Militants Raid Checkpoint In Sinai"
    assert doc.published == "2019-05-06"
    assert doc.meta["published_from"] == "dateline"


def test_arguments_win_over_dateline() -> None:
    doc = document_from_text("Headline\n\nMonday, 05/06/2019\n\nBody.", published="2020-01-01", outlet="Dawn")
    assert (doc.published, doc.outlet) == ("2020-01-01", "Dawn")


def test_first_line_sentence_is_not_a_title() -> None:
    doc = document_from_text("Gunmen attacked a police post in Zamfara state on Sunday.\nNo one was hurt.")
    assert doc.title is None


@pytest.mark.parametrize(("value", "expected"), [("2022", "2022"), ("2022-04", "2022-04"),
                                                  ("2022-04-09T10:00:00Z", "2022-04-09"), ("9 April 2022", "2022-04-09")])
def test_iso_date_keeps_precision(value: str, expected: str) -> None:
    assert iso_date(value) == expected


@pytest.mark.parametrize("value", ["2022-13", "yesterday-ish nonsense words", "2022-02-40"])
def test_iso_date_refuses_non_dates(value: str) -> None:
    with pytest.raises(IngestError) as info:
        iso_date(value, "--published")
    assert info.value.code == "CG108"


def test_headline_directly_above_a_date_line_is_a_title() -> None:
    doc = document_from_text("Mogadishu Blast Kills Five\n2 Feb 2024\nA car bomb exploded near a checkpoint.")
    assert (doc.title, doc.published) == ("Mogadishu Blast Kills Five", "2024-02-02")


def test_dateline_opening_a_long_paragraph_gives_outlet_but_no_yearless_date() -> None:
    text = "SOUTH WAZIRISTAN, April 5 (APP):Chief of Army Staff inaugurated two projects in the agency. " * 5
    line = find_dateline(text)
    assert line.outlet == "APP"
    assert line.published is None  # "April 5" has no year: never guessed


def test_long_single_paragraph_is_not_a_title() -> None:
    text = ("On the morning of 1 March 2019, Taliban gunmen and suicide bombers attacked Camp Shorabak in Helmand "
            "Province, Afghanistan. They killed 23 Afghan soldiers and injured another 15 == References ==")
    assert document_from_text(text).title is None


def test_press_release_marker_is_not_a_title() -> None:
    doc = document_from_text("For Immediate Release\n\nKABUL, Afghanistan (May 24, 2011)\nA security force detained two.")
    assert doc.title is None and doc.published == "2011-05-24"


def test_unicode_line_separators_split_lines() -> None:
    line = find_dateline("ISAF Joint Command\u2028For Immediate Release\u2028KABUL, Afghanistan (Feb. 8, 2011)\u2028ISAF said")
    assert line.published == "2011-02-08"


def test_full_stop_between_day_and_year_does_not_read_other_numbers_as_dates() -> None:
    assert parse_date("Nov. 1. 2011") == ("2011-11-01", "day")
    # a day and a year with no month are no date, whatever the punctuation
    assert find_dateline("KABUL, Afghanistan (1. 2011)\nA force detained two.").published is None
