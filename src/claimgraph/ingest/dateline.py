"""Publication date, outlet and headline found in the first lines of a text.

News copy usually opens with a headline, then a dateline or a date on its own
line: ``Tuesday, 01/14/2025``, ``KABUL, Afghanistan (Jan. 25, 2013) —``,
``LONDON (Reuters) -``, ``March 3, 2021``. Only the top of the document is
looked at, and only short lines (a date inside the first paragraph of body text
is an event date, not the publication date). Dates keep their precision:
``April 2022`` stays ``2022-04``.

A dateline without a year — ``KABUL, Afghanistan (June 14)``, or a headline that
opens with a date, ``Dec. 6: Operations in Laghman`` — is completed only from the
document itself, never from the clock: when the first lines state a year
(a full date such as ``Operational Update, Feb. 21, 2011``, or a release number
``2011-01-S-115``) and **exactly one** year is stated there, that year is taken,
and the text it came from is recorded (:attr:`Dateline.year_span`). When the
evidence also gives a month, the year is the one that puts the dateline nearest
to it (``Jan. 2`` on a release numbered ``2010-12-…`` is 2011-01-02). With no
such evidence, or several different years, the dateline gives no date.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from dateparser.date import DateDataParser

#: how many non-empty lines at the top may hold a dateline
TOP_LINES = 8
#: a line longer than this is body text, not a dateline or a headline
SHORT_LINE = 120

_MONTH = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
    r"Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
_WEEKDAY = r"(?:Mon|Tues?|Wed(?:nes)?|Thu(?:rs)?|Fri|Sat(?:ur)?|Sun)(?:day)?\.?,?\s+"
#: dates written out: "March 3, 2021", "3 March 2021", "Jan. 25, 2013", "01/14/2025", "2025-01-14", "April 2022"
_DATE = (
    rf"(?:{_WEEKDAY})?(?:"
    rf"{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?[,.]?\s+\d{{4}}"
    rf"|\d{{1,2}}(?:st|nd|rd|th)?\s+{_MONTH},?\s+\d{{4}}"
    rf"|\d{{1,2}}[/.]\d{{1,2}}[/.]\d{{4}}"
    rf"|\d{{4}}-\d{{2}}-\d{{2}}(?:[T ]\d{{2}}:\d{{2}}(?::\d{{2}})?(?:\.\d+)?(?:Z|[+-]\d{{2}}:?\d{{2}})?)?"
    rf"|{_MONTH}\s+\d{{4}}"
    rf")"
)
_DATE_RE = re.compile(_DATE, re.IGNORECASE)
#: "KABUL, Afghanistan (Jan. 25, 2013)" or "LONDON (Reuters) -": place in capitals, then parentheses
_DATELINE_RE = re.compile(r"^(?P<place>[A-Z][A-Z .'’-]{1,40}(?:,\s*[A-Z][\w .'’-]{1,40})?)\s*\((?P<paren>[^)]{2,60})\)")
#: "KABUL, March 3, 2021 —" or "Islamabad, 14 January 2025:" (a place, a comma, a date)
_PLACE_DATE_RE = re.compile(rf"^(?P<place>[A-Z][\w .'’-]{{1,40}}),\s*(?P<date>{_DATE})\b", re.IGNORECASE)
#: a whole line that is only a date (maybe with a time, a zone, "Published:" or "Updated")
_DATE_LINE_RE = re.compile(
    rf"^(?:(?:published|posted|updated|date)\s*(?:on)?\s*:?\s*)?(?P<date>{_DATE})"
    r"(?:\s*(?:[-–—|,]|at)?\s*\d{1,2}[:.]\d{2}(?:\s*[ap]\.?m\.?)?(?:\s*[A-Z]{2,5})?)?\s*$",
    re.IGNORECASE,
)
#: "By Jane Doe | March 3, 2021" and other short lines ending in a date
_TRAILING_DATE_RE = re.compile(rf"(?:^|[|,·•–—-]\s*)(?P<date>{_DATE})\s*$", re.IGNORECASE)


#: a date without a year: "June 14", "Feb. 07", "14 June"
_YEARLESS = rf"(?:{_WEEKDAY})?(?:{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?|\d{{1,2}}(?:st|nd|rd|th)?\s+{_MONTH})"
_YEARLESS_RE = re.compile(rf"^\s*(?P<date>{_YEARLESS})\s*$", re.IGNORECASE)
#: a headline opening with a yearless date and a colon: "Dec. 6: Operations Conducted in Laghman"
_HEADLINE_DATE_RE = re.compile(rf"^\s*(?P<date>{_YEARLESS})\s*:\s+\w", re.IGNORECASE)
#: a release number that opens with year and month: "2011-01-S-115", "2010-07-CA-046"
_RELEASE_NO_RE = re.compile(r"(?<![\w-])(?P<year>(?:19|20)\d\d)[-–](?P<month>0[1-9]|1[0-2])[-–][A-Z]{1,3}[-–]\d+\b")

#: lines end at newlines and at the Unicode line/paragraph separators some feeds use
_LINE_RE = re.compile(r"[^\n\u2028\u2029]*")


@dataclass(frozen=True)
class Dateline:
    """What the top of a text says about itself. Offsets are into the text given."""

    published: str | None = None  # YYYY[-MM[-DD]]
    precision: str | None = None  # year | month | day
    outlet: str | None = None
    #: where the date was read; also set, with no ``published``, for a dateline date no year completes
    date_span: tuple[int, int] | None = None
    title: str | None = None
    #: where the year of a yearless dateline was read (a full date or release number in the first lines)
    year_span: tuple[int, int] | None = None


@lru_cache(maxsize=1)
def _parser() -> DateDataParser:
    from dateparser.date import DateDataParser

    return DateDataParser(languages=["en"], settings={"PREFER_DAY_OF_MONTH": "first", "RETURN_TIME_AS_PERIOD": False})


def parse_date(text: str) -> tuple[str, str] | None:
    """An ISO date string at the precision the expression gives, and that precision.

    ``"April 2022"`` → ``("2022-04", "month")``; ``"Tuesday, 01/14/2025"`` →
    ``("2025-01-14", "day")``. ``None`` when it is not a date.
    """
    text = text.strip()
    if not text:
        return None
    # "Nov. 1. 2011": a full stop typed for the comma between day and year
    text = re.sub(r"(?<=[A-Za-z.]\s)(\d{1,2})\.\s+(\d{4})\b", r"\1, \2", text)
    if re.fullmatch(r"\d{4}", text):
        return text, "year"
    if re.fullmatch(r"\d{4}-\d{2}", text):
        year, month = text.split("-")
        return (text, "month") if 1 <= int(month) <= 12 else None
    data = _parser().get_date_data(text)
    if data.date_obj is None:
        return None
    d = data.date_obj
    period = data.period or "day"
    if period == "year":
        return f"{d.year:04d}", "year"
    if period == "month":
        return f"{d.year:04d}-{d.month:02d}", "month"
    return f"{d.year:04d}-{d.month:02d}-{d.day:02d}", "day"


def _top_lines(text: str) -> list[tuple[int, str]]:
    """(offset, line) for the first non-empty lines of the text."""
    out: list[tuple[int, str]] = []
    for m in _LINE_RE.finditer(text):
        if m.group().strip():
            out.append((m.start(), m.group()))
            if len(out) >= TOP_LINES:
                break
    return out


def _looks_like_outlet(paren: str) -> bool:
    """"(Reuters)", "(AP)", "(AFP)": a short name with no digits."""
    return not any(ch.isdigit() for ch in paren) and len(paren.split()) <= 4 and paren[:1].isupper()


@lru_cache(maxsize=1)
def _not_headlines() -> frozenset[str]:
    from claimgraph.data import load_yaml

    return frozenset(_plain(x) for x in load_yaml("ingest.yaml")["not_headlines"])


def _plain(line: str) -> str:
    return " ".join(re.sub(r"[^\w\s]", " ", line.casefold()).split())


def _is_headline(line: str) -> bool:
    stripped = line.strip()
    if _plain(stripped) in _not_headlines():
        return False
    if not stripped or len(stripped) > SHORT_LINE + 40 or len(stripped.split()) > 25:
        return False
    if stripped[-1] in ".;:,":
        return False
    if _DATE_LINE_RE.match(stripped) or _DATELINE_RE.match(stripped) or _PLACE_DATE_RE.match(stripped):
        return False
    return sum(ch.isalpha() for ch in stripped) >= 3


def _header_years(lines: list[tuple[int, str]], skip: tuple[int, int]) -> list[tuple[int, int | None, tuple[int, int]]]:
    """(year, month or None, span) of every full date and release number in the short first
    lines (headers, not body paragraphs), outside the span ``skip`` (the yearless dateline itself)."""
    found: list[tuple[int, int | None, tuple[int, int]]] = []
    for offset, line in lines:
        if len(line.strip()) > SHORT_LINE:
            continue  # body text: a date there is an event date ("an attack in June 2011")
        for m in _RELEASE_NO_RE.finditer(line):
            found.append((int(m.group("year")), int(m.group("month")), (offset + m.start(), offset + m.end())))
        for m in _DATE_RE.finditer(line):
            span = (offset + m.start(), offset + m.end())
            if skip[0] <= span[0] < skip[1] or _RELEASE_NO_RE.search(line[max(0, m.start() - 12) : m.end() + 12]):
                continue
            parsed = parse_date(m.group())
            if parsed and parsed[1] in ("day", "month"):
                found.append((int(parsed[0][:4]), int(parsed[0][5:7]), span))
            elif parsed:
                found.append((int(parsed[0][:4]), None, span))
    return found


def _complete_year(expr: str, span: tuple[int, int], lines: list[tuple[int, str]],
                   outlet: str | None, title: str | None) -> Dateline | None:
    """A yearless dateline date completed with the one year the first lines state (see the module doc)."""
    evidence = _header_years(lines, span)
    if not evidence or len({y for y, _, _ in evidence}) != 1:
        return None
    parsed = parse_date(f"{expr.strip()} 2000")  # a leap year, so "Feb. 29" parses; the year is replaced
    if parsed is None or parsed[1] != "day":
        return None
    month, day = int(parsed[0][5:7]), int(parsed[0][8:10])
    year, ev_month, ev_span = evidence[0]
    if ev_month is not None:
        # the year that puts the dateline nearest the evidence month (a January dateline, a December number)
        year = min((year - 1, year, year + 1), key=lambda y: abs((y * 12 + month) - (evidence[0][0] * 12 + ev_month)))
    try:
        value = date(year, month, day).isoformat()
    except ValueError:
        return None
    return Dateline(value, "day", outlet, span, title, ev_span)


def find_dateline(text: str) -> Dateline:
    """Look at the top of ``text`` for a publication date, an outlet and a headline."""
    lines = _top_lines(text)
    title = None
    if lines and _is_headline(lines[0][1]):
        # a headline stands alone: the next line is blank or there is no body on the same paragraph
        first_off, first = lines[0]
        after = text[first_off + len(first) : first_off + len(first) + 2].replace("\u2028", "\n").replace("\u2029", "\n\n")
        next_is_date = len(lines) > 1 and _DATE_LINE_RE.match(lines[1][1].strip()) is not None
        if after.startswith("\n\n") or after in ("", "\n") or len(lines) == 1 or next_is_date:
            title = first.strip()

    outlet = None
    uncompleted: tuple[int, int] | None = None  # a yearless dateline no header year completes
    for offset, line in lines:
        indent = len(line) - len(line.lstrip())  # NBSP and other blanks before a dateline
        m = _DATELINE_RE.match(line[indent : indent + SHORT_LINE])  # a dateline opens its line, however long the paragraph
        if m:
            paren = m.group("paren").strip()
            parsed = parse_date(paren) if _DATE_RE.search(paren) else None
            if parsed:
                start = offset + indent + m.start("paren")
                return Dateline(parsed[0], parsed[1], outlet, (start, start + len(paren)), title)
            if _YEARLESS_RE.match(paren):
                start = offset + indent + m.start("paren")
                completed = _complete_year(paren, (start, start + len(paren)), lines, outlet, title)
                if completed is not None:
                    return completed
                uncompleted = uncompleted or (start, start + len(paren))
            if outlet is None and _looks_like_outlet(paren):
                outlet = paren
        stripped = line.strip()
        lead = len(line) - len(line.lstrip())
        short = len(line) <= SHORT_LINE
        m = _DATE_LINE_RE.match(stripped) if short else None
        m = m or _PLACE_DATE_RE.match(stripped)
        m = m or (_TRAILING_DATE_RE.search(stripped) if short else None)
        if m and (parsed := parse_date(m.group("date"))):
            span = (offset + lead + m.start("date"), offset + lead + m.end("date"))
            return Dateline(parsed[0], parsed[1], outlet, span, title)
    if lines and (m := _HEADLINE_DATE_RE.match(lines[0][1])):
        span = (lines[0][0] + m.start("date"), lines[0][0] + m.end("date"))
        completed = _complete_year(m.group("date"), span, lines, outlet, title)
        if completed is not None:
            return completed
    # no publication date; the span still says where the dateline is (its date dates the report, not an event)
    return Dateline(outlet=outlet, title=title, date_span=uncompleted)


def iso_date(value: str, subject: str | None = None) -> str:
    """Normalise a date given by a user or in metadata to ``YYYY[-MM[-DD]]`` (CG108 if it is not one)."""
    from claimgraph.errors import IngestError

    value = str(value).strip()
    if re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", value):
        parts = [int(p) for p in value.split("-")]
        if (len(parts) < 2 or 1 <= parts[1] <= 12) and (len(parts) < 3 or 1 <= parts[2] <= 31):
            return value
        raise IngestError("CG108", subject, f"{value!r} is out of range")
    m = re.match(r"^(\d{4}-\d{2}-\d{2})[T ]\d{2}:\d{2}", value)  # ISO timestamps: keep the day
    if m:
        return m.group(1)
    parsed = parse_date(value) if len(value) <= 60 else None
    if parsed is None:
        raise IngestError("CG108", subject, f"{value!r} is not a date")
    return parsed[0]
