"""A dateline without a year takes the one year the document's header states, never the clock's."""

from __future__ import annotations

from claimgraph.ingest import document_from_text, find_dateline


def test_yearless_dateline_takes_the_year_of_the_release_number():
    text = ("ISAF Joint Command - Afghanistan\u20282011-01-S-115\u2028For Immediate Release\u2028\u00a0\u2028"
            "KABUL, Afghanistan (Jan. 10) \u2013 Coalition forces detained two suspects.")
    line = find_dateline(text)
    assert (line.published, line.precision) == ("2011-01-10", "day")
    assert text[line.date_span[0]:line.date_span[1]] == "Jan. 10"
    assert text[line.year_span[0]:line.year_span[1]] == "2011-01-S-115"  # the evidence, recorded


def test_yearless_dateline_takes_the_year_of_a_full_date_in_the_header():
    text = ("Press office of the Interior Ministry, bulletin of 3 March 2021 (No. 14)\n"
            "NAIROBI, Kenya (March 4)\nPolice said they arrested six suspects in Mandera.")
    line = find_dateline(text)
    assert line.published == "2021-03-04"
    assert text[line.year_span[0]:line.year_span[1]] == "3 March 2021"


def test_two_different_years_in_the_header_give_no_date():
    text = ("Bulletin of 3 March 2021, replacing the bulletin of 2 March 2020 (No. 14)\n"
            "NAIROBI, Kenya (March 4)\nPolice said they arrested six suspects.")
    assert find_dateline(text).published is None


def test_yearless_dateline_without_any_year_gives_no_date():
    text = "KABUL, Afghanistan (June 14)\nIn Maiwand district, a force detained two suspects today."
    line = find_dateline(text)
    assert line.published is None and line.year_span is None
    assert text[line.date_span[0]:line.date_span[1]] == "June 14"  # where the dateline is, all the same


def test_a_year_in_the_body_is_no_evidence_for_the_dateline():
    text = ("BOGOTA, Colombia (Jan. 14) \u2014 Soldiers captured a FARC dissident leader in Cauca on Thursday. "
            "The leader was responsible for an attack on a police station in Tumaco in June 2011, officials said, "
            "and for the kidnapping of two engineers.")
    assert find_dateline(text).published is None


def test_a_january_dateline_on_a_december_release_number_is_the_next_year():
    assert find_dateline("2010-12-S-310\nKABUL, Afghanistan (Jan. 2) - Forces detained a suspect.").published == "2011-01-02"
    assert find_dateline("2011-01-S-003\nKABUL, Afghanistan (Dec. 30) - Forces detained a suspect.").published == "2010-12-30"


def test_a_headline_opening_with_a_yearless_date_dates_the_release():
    text = ("Dec. 6: Operations Conducted in Laghman and Kandahar\nNEWS RELEASE\n2009-12-CA\u2013060\n"
            "For Immediate Release\nAlso today, a security force detained a commander in Kandahar province.")
    line = find_dateline(text)
    assert line.published == "2009-12-06"
    assert text[line.year_span[0]:line.year_span[1]] == "2009-12-CA\u2013060"


def test_a_dateline_after_a_no_break_space_is_found():
    line = find_dateline("ISAF Joint Command\u2028For Immediate Release\u2028\u00a0KABUL, Afghanistan (Feb. 8, 2011) - ISAF said")
    assert line.published == "2011-02-08"


def test_the_document_records_where_the_year_came_from():
    doc = document_from_text("2012-06-S-026\nFor Immediate Release\nKABUL, Afghanistan (June 14)\nA force detained two.")
    assert doc.published == "2012-06-14"
    start, end = doc.meta["published_year_span"]
    assert doc.text[start:end] == "2012-06-S-026"
