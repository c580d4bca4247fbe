"""Date expressions in text: what a phrase says about time, with its precision.

Text-only half of :mod:`claimgraph.extract.dates` (which attaches these dates to claims):
absolute and partial dates ("April 2022" → month precision), expressions relative to the
publication date ("yesterday", "last week", "over the past three years" → an interval, our
rule), a yearless date's year (the nearest one to the publication date, future days counted
twice), and the date mentions of a parsed text (:func:`date_mentions`, also what
``claimgraph eval timeml`` scores). A year is never taken from the clock.
"""

from __future__ import annotations

import calendar
import re
from datetime import date, timedelta
from typing import TYPE_CHECKING, Any

from claimgraph.ingest.dateline import find_dateline
from claimgraph.model import DateInterval

if TYPE_CHECKING:
    from spacy.tokens import Span as SpacySpan
    from spacy.tokens import Token


_MONTHS = {m.lower(): i for i, m in enumerate(calendar.month_name) if m}
_MONTHS.update({m.lower(): i for i, m in enumerate(calendar.month_abbr) if m})
_MONTHS["sept"] = 9
_WEEKDAYS = {d.lower(): i for i, d in enumerate(calendar.day_name)}
_UNITS = {"day": "days", "days": "days", "week": "weeks", "weeks": "weeks", "month": "months", "months": "months",
          "year": "years", "years": "years", "decade": "decades", "decades": "decades"}
_NUMBER_WORDS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
                 "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "several": 3, "few": 3, "couple": 2}
_YEAR = re.compile(r"\b(1[89]\d\d|20\d\d)\b")
_DAYNUM = re.compile(r"\b([0-3]?\d)(st|nd|rd|th)?\b")
_DECADE = re.compile(r"\b(1[89]\d0|20\d0)s\b")
_PAST_N = re.compile(r"\b(?:over|in|during|for|within)?\s*the\s+(?:past|last)\s+(\w+)\s+(days?|weeks?|months?|years?|decades?)\b", re.I)
_AGO = re.compile(r"\b(\w+)\s+(days?|weeks?|months?|years?)\s+ago\b", re.I)
#: "2021-05-03", "2021-05"; not a code that merely opens with them ("2010-09-CA-240", a release number)
_ISO = re.compile(r"(?<![\w-])(\d{4})-(0[1-9]|1[0-2])(?:-([0-3]\d))?(?![\w-])")

_CODE = re.compile(r"\d[-–/][A-Za-z]+[-–/]?\d")
_CODE_EDGE = re.compile(r"[-–/][A-Za-z0-9]")
_CODE_EDGE_BEFORE = re.compile(r"[A-Za-z0-9][-–/]$")
#: what the model labels DATE but names no time: an age ("62-year-old"), a frequency ("quarterly"),
#: a bare small number ("45")
_NOT_A_DATE = re.compile(r"(?:\S+[-\s])?(?:years?|months?|weeks?|days?)[-\s]old|annual(?:ly)?|quarterly|monthly|weekly"
                         r"|daily|yearly|hourly|biweekly|\d{1,2}", re.IGNORECASE)

AFTER_WORDS = frozenset({"after", "since", "following"})
BEFORE_WORDS = frozenset({"before", "until", "till", "prior", "ahead"})


def published_precision(published: str | None) -> str | None:
    """The precision of a publication date string: ``day``, ``month``, ``year`` or None."""
    if not published:
        return None
    m = _ISO.match(published)
    if m:
        return "day" if m.group(3) else "month"
    return "year" if re.fullmatch(r"\d{4}", published) else None


def parse_published(published: str | None) -> date | None:
    """The publication date as a :class:`date`; a month-only (year-only) date gives its first day,
    so callers that resolve day-level expressions must check :func:`published_precision` first."""
    if not published:
        return None
    m = _ISO.match(published)
    if m:
        y, mo, d = int(m.group(1)), int(m.group(2)), int(m.group(3) or 1)
        try:
            return date(y, mo, d)
        except ValueError:
            return None
    if re.fullmatch(r"\d{4}", published):
        return date(int(published), 1, 1)
    return None


def _shift(d: date, unit: str, n: int) -> date:
    """``d`` moved back ``n`` units (calendar-aware for months and years)."""
    if unit == "days":
        return d - timedelta(days=n)
    if unit == "weeks":
        return d - timedelta(weeks=n)
    months = n * {"months": 1, "years": 12, "decades": 120}[unit]
    y, m = divmod(d.year * 12 + (d.month - 1) - months, 12)
    day = min(d.day, calendar.monthrange(y, m + 1)[1])
    return date(y, m + 1, day)


def _number(word: str) -> int | None:
    w = word.lower()
    if w.isdigit():
        return int(w)
    return _NUMBER_WORDS.get(w)


_PART_OF_DAY = r"(?:\s+(?:morning|afternoon|evening|night))?"
#: "yesterday", "late last night", "earlier today", "Wednesday afternoon", "last Sunday", "on Monday night"
_DAY_WORD = re.compile(
    r"^(?:on\s+|early\s+|late\s+|earlier\s+|later\s+)?(?:(?P<rel>yesterday|today|tonight|tomorrow|overnight"
    r"|last\s+night|the\s+previous\s+night|this\s+(?:morning|afternoon|evening))" + _PART_OF_DAY
    + r"|(?:(?P<last>last\s+)|(?P<next>next\s+))?(?P<wd>" + "|".join(_WEEKDAYS) + r")" + _PART_OF_DAY + r")$"
)
_DAYS_BACK = {"yesterday": 1, "overnight": 1, "last night": 1, "the previous night": 1, "tomorrow": -1}


def days_back(expression: str, published: date, future: bool = False) -> int | None:
    """How many days before ``published`` a day word points: "today" 0, "yesterday"/"last night" 1,
    "tomorrow" -1, a weekday name the latest such day on or before the publication day ("Sunday"
    in a Sunday paper is that day; "last Sunday" then is a week earlier). A weekday said of the
    future ("will meet on Tuesday", ``future``) or "next Tuesday" is the first such day on or after
    it (after it for "next"). None for anything else."""
    m = _DAY_WORD.match(" ".join(expression.lower().split()))
    if m is None:
        return None
    if m.group("rel"):
        return _DAYS_BACK.get(re.sub(r"\s+", " ", m.group("rel")), 0)
    if m.group("next") or (future and not m.group("last")):
        ahead = (_WEEKDAYS[m.group("wd")] - published.weekday()) % 7
        return -(7 if ahead == 0 and m.group("next") else ahead)
    back = (published.weekday() - _WEEKDAYS[m.group("wd")]) % 7
    return 7 if back == 0 and m.group("last") else back


def _month_end(d: date) -> date:
    return d.replace(day=calendar.monthrange(d.year, d.month)[1])


def parse_expression(text: str, published: str | None, span: tuple[int, int] | None = None,
                     future: bool = False) -> DateInterval | None:
    """A :class:`DateInterval` for one date expression, or None when it names no usable date.

    Day words ("today", "yesterday", "Tuesday") against a publication date known only to the
    month or year keep that precision: "yesterday" in a release dated "2011-07" is ``2011-07``
    (month; strictly, a release of the 1st would mean the month before — a day is never
    invented), a weekday is the interval from six days before the month to its end.
    ``future``: the expression is said of the future ("will meet on Tuesday"), see :func:`days_back`.
    """
    pub = parse_published(published)
    pub_precision = published_precision(published)
    t = text.strip()
    low = t.lower()
    # "early next year", "late last month": the year or month itself, at that precision
    low = re.sub(r"^(?:early|late|mid-?|the end of|the start of|the beginning of)\s*(?=(?:next|last|this)\s+(?:year|month)$)",
                 "", low)

    def iv(**kw: Any) -> DateInterval:
        return DateInterval(text=t, span=span, **kw)

    if pub is not None:
        back = days_back(low, pub, future)
        if back is not None:
            if pub_precision == "day":
                return iv(value=(pub - timedelta(days=back)).isoformat(), precision="day")
            if pub_precision == "month":
                if back <= 1:
                    return iv(value=f"{pub.year:04d}-{pub.month:02d}", precision="month")
                return iv(after=(pub - timedelta(days=6)).isoformat(), before=_month_end(pub).isoformat())
            return iv(value=f"{pub.year:04d}", precision="year")
    if pub is not None and pub_precision == "month":  # only month and year steps are known
        if low in ("last month", "the previous month"):
            prev = _shift(pub, "months", 1)
            return iv(value=f"{prev.year:04d}-{prev.month:02d}", precision="month")
        if low in ("last year", "the previous year"):
            return iv(value=f"{pub.year - 1:04d}", precision="year")
        m = _AGO.search(low)
        if m and _number(m.group(1)) and _UNITS[m.group(2)] in ("months", "years"):
            d = _shift(pub, _UNITS[m.group(2)], _number(m.group(1)) or 0)
            return iv(value=f"{d.year:04d}-{d.month:02d}", precision="month") if m.group(2).startswith("month") \
                else iv(value=f"{d.year:04d}", precision="year")
        return None if _AGO.search(low) or _PAST_N.search(low) or low in ("last week", "the previous week") else \
            _absolute(low, t, pub, pub_precision, iv)
    if pub is not None and pub_precision == "day":  # these rules count days from the publication day
        m = _PAST_N.search(low)
        if m:
            n = _number(m.group(1))
            unit = _UNITS[m.group(2)]
            if n:
                return iv(after=_shift(pub, unit, n).isoformat(), before=pub.isoformat())
        if re.search(r"\b(?:the\s+)?(?:past|last|recent)\s+(days?|weeks?|months?|years?)\b", low) and not re.search(r"\blast (week|month|year)\b", low):
            unit = _UNITS[re.search(r"(days?|weeks?|months?|years?)", low).group(1)]  # type: ignore[union-attr]
            return iv(after=_shift(pub, unit, 1).isoformat(), before=pub.isoformat())
        if low in ("last week", "the previous week"):
            start = pub - timedelta(days=pub.weekday() + 7)
            return iv(after=start.isoformat(), before=(start + timedelta(days=6)).isoformat())
        if low in ("last month", "the previous month"):
            prev = _shift(pub.replace(day=1), "months", 1)
            return iv(value=f"{prev.year:04d}-{prev.month:02d}", precision="month")
        if low in ("last year", "the previous year"):
            return iv(value=f"{pub.year - 1:04d}", precision="year")
        if low == "next week":
            start = pub + timedelta(days=7 - pub.weekday())
            return iv(after=start.isoformat(), before=(start + timedelta(days=6)).isoformat())
        if low == "next month":
            nxt = _shift(pub.replace(day=1), "months", -1)
            return iv(value=f"{nxt.year:04d}-{nxt.month:02d}", precision="month")
        if low == "next year":
            return iv(value=f"{pub.year + 1:04d}", precision="year")
        week = pub - timedelta(days=pub.weekday())
        if low in ("this week", "later this week"):
            return iv(after=week.isoformat(), before=(week + timedelta(days=6)).isoformat())
        if low in ("earlier this week", "early this week"):
            return iv(after=week.isoformat(), before=pub.isoformat())
        if low in ("this year", "earlier this year"):
            return iv(after=f"{pub.year:04d}-01-01", before=pub.isoformat())
        if low in ("this month", "earlier this month"):
            return iv(after=f"{pub.year:04d}-{pub.month:02d}-01", before=pub.isoformat())
        m = _AGO.search(low)
        if m:
            n = _number(m.group(1))
            unit = _UNITS[m.group(2)]
            if n:
                d = _shift(pub, unit, n)
                if unit in ("days",):
                    return iv(value=d.isoformat(), precision="day")
                if unit == "months":
                    return iv(value=f"{d.year:04d}-{d.month:02d}", precision="month")
                if unit == "years":
                    return iv(value=f"{d.year:04d}", precision="year")
                return iv(after=(d - timedelta(days=7)).isoformat(), before=(d + timedelta(days=7)).isoformat())

    return _absolute(low, t, pub, pub_precision, iv)


#: how much further a date may lie in the past than in the future and still be preferred
FUTURE_WEIGHT = 2


def nearest_year(month: int, day: int | None, pub: date) -> int:
    """The year of a yearless "June 14" (or "June") written on ``pub``: the candidate year
    (the one before, the same, the one after) that puts it nearest the publication day,
    with days into the future counted twice (our rule: news mostly reports the past, so
    "Dec. 19" in a January report is last December, "Nov. 16" in a Nov. 1 one is this
    November, "June" in January last June). Measured on TimeBank/AQUAINT (``claimgraph
    eval timeml``): weights 1, 2 and 3 get 185, 194 and 190 of 208 such years right,
    always-the-past 131."""
    def cost(year: int) -> int:
        last = calendar.monthrange(year, month)[1]
        when = date(year, month, min(day or 1, last))
        days = (when - pub).days
        if day is None and days < 0:  # a past month counts from its last day
            days = min(0, (date(year, month, last) - pub).days)
        return -days if days <= 0 else days * FUTURE_WEIGHT
    return min((pub.year - 1, pub.year, pub.year + 1), key=lambda y: (cost(y), -y if cost(y) == 0 else y))


def _absolute(low: str, t: str, pub: date | None, pub_precision: str | None, iv: Any) -> DateInterval | None:
    """Decades, ISO dates and written dates; a missing year from the publication date only."""
    m = _DECADE.search(low)
    if m:
        y = int(m.group(1))
        return iv(after=f"{y:04d}", before=f"{y + 9:04d}")
    m = _ISO.search(low)
    if m:
        if m.group(3):
            return iv(value=f"{m.group(1)}-{m.group(2)}-{m.group(3)}", precision="day")
        return iv(value=f"{m.group(1)}-{m.group(2)}", precision="month")

    year_m = _YEAR.search(low)
    words = re.findall(r"[a-z]+", low)
    month = next((_MONTHS[w] for w in words if w in _MONTHS and w not in ("may",) or (w == "may" and year_m)), None)
    if month is None and "may" in words and (_DAYNUM.search(re.sub(_YEAR, "", low))
                                              or re.fullmatch(r"(?:(?:in|early|late|mid|last|next|this)[\s-]+)?may", low)):
        month = 5  # "May 3", or "May" alone in a date expression: the month, not the verb
    rest = _YEAR.sub("", low)
    day_m = _DAYNUM.search(rest) if month else None
    if year_m is None and month is None:
        return None
    if month is None:
        if re.fullmatch(r"(?:in |the year |early |late |mid-?)?" + year_m.group(1), low):  # type: ignore[union-attr]
            return iv(value=year_m.group(1), precision="year")  # type: ignore[union-attr]
        return iv(value=year_m.group(1), precision="year")  # type: ignore[union-attr]
    if year_m:
        year = int(year_m.group(1))
    elif pub is not None and pub_precision in ("day", "month") and {"last", "next", "this"} & set(words):
        # "last May" is the latest May before this month, "next May" the first after it
        year = pub.year if "this" in words else \
            (pub.year if month < pub.month else pub.year - 1) if "last" in words else \
            (pub.year if month > pub.month else pub.year + 1)
    elif pub is not None and pub_precision == "day":
        year = nearest_year(month, int(day_m.group(1)) if day_m else None, pub)
    elif pub is not None and pub_precision == "month":
        # "in December" in a January release is last year's December; never a year from the clock
        year = pub.year - 1 if month > pub.month else pub.year
    elif pub is not None:
        year = pub.year
    else:
        return None  # "June 14" with no year and nothing dated to count from
    if day_m:
        day = int(day_m.group(1))
        try:
            return iv(value=date(year, month, day).isoformat(), precision="day")
        except ValueError:
            pass
    return iv(value=f"{year:04d}-{month:02d}", precision="month")


# --- finding date expressions ----------------------------------------------------------------


def date_mentions(sdoc: Any, published: str | None,
                  labels: tuple[str, ...] = ("DATE", "TIME")) -> list[tuple[SpacySpan, DateInterval | None]]:
    """The date expressions of a parsed document, each with its reading (None when unreadable).

    The candidates are the model's DATE/TIME entities less what only looks like a date: a
    release or case number ("2010-04-CA-015", or the "2010-09" that opens one), an age
    ("62-year-old"), a frequency ("quarterly"), a bare one- or two-digit number, and the
    dateline, which dates the report, not the events it reports. A possessive "'s" is
    not part of the date ("last month's"). ``published`` is the base
    of relative expressions (see :func:`parse_expression`). The evaluation of date finding
    (``claimgraph eval timeml``) scores exactly this list.
    """
    text = sdoc.text
    dateline = find_dateline(text).date_span
    out: list[tuple[SpacySpan, DateInterval | None]] = []
    for ent in sdoc.ents:
        if ent.label_ not in labels:
            continue
        if _CODE.search(ent.text):
            continue
        if dateline is not None and dateline[0] < ent.end_char and ent.start_char < dateline[1]:
            continue
        if _CODE_EDGE.match(text, ent.end_char) or _CODE_EDGE_BEFORE.search(text, 0, ent.start_char):
            continue
        if _NOT_A_DATE.fullmatch(ent.text.strip()):
            continue
        if len(ent) > 1 and ent[-1].tag_ == "POS":
            ent = ent[:-1]  # "last month's results": the date is "last month"
        out.append((ent, parse_expression(ent.text, published, (ent.start_char, ent.end_char),
                                          future=said_of_future(ent.root))))
    return out


_FUTURE_AUX = frozenset({"will", "shall", "'ll", "wo"})
_SCHEDULED = frozenset({"scheduled", "expected", "due", "set", "slated", "planned"})


def said_of_future(tok: Token) -> bool:
    """True when the clause ``tok`` belongs to speaks of the future: "talks *will* resume on
    Tuesday", "the vote is *scheduled to* take place Monday", "*is going to* announce Friday"."""
    verb = next((a for a in [tok, *tok.ancestors] if a.pos_ in ("VERB", "AUX")), None)
    while verb is not None:
        if any(c.dep_ == "aux" and c.lower_ in _FUTURE_AUX for c in verb.children):
            return True
        if verb.dep_ == "xcomp" and (verb.head.lower_ in _SCHEDULED or verb.head.lower_ == "going"):
            return True
        if verb.dep_ not in ("xcomp", "conj") or verb.head.i == verb.i:
            return False
        verb = verb.head
    return False


# --- attaching dates to claims -------------------------------------------------------------
