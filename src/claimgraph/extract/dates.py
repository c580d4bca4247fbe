"""Dates with the precision the text gives, and intervals where it gives only a bound.

* Absolute and partial dates keep their precision: "April 2022" → ``2022-04``
  (month), "2019" → ``2019`` (year), "3 May 2021" → ``2021-05-03`` (day).
* Expressions relative to the publication date: "yesterday", "on Monday",
  "last week", "over the past three years" (→ an interval ``after``/``before``).
  For "over the past N units" we bound the interval by the publication date and
  the same date N units earlier — our own rule, documented here.
* "after"/"since"/"before"/"until" around a date turn it into a bound.
* Relative to other events: "after the death of X", "before returning to
  power" bind to a dated anchor only when ``data/events.anchors.yaml`` lists one
  (with its source); otherwise the interval stays open (no date).

Events without a date of their own: an episode noun ("an operation … yesterday") takes
the date of its clause; a later definite mention ("during the operation", "during the
search") takes the episode's date, or, with no earlier mention of that noun, the
main-clause date of the sentence before; and a main-clause event after a dated episode
keeps the episode's time until the text names another (the narrative's reference time —
our rule). Release numbers ("2010-04-CA-015") and the dateline are never event dates.

Absolute dates are read with our own month/day/year patterns and keep the precision
the text shows. A date without a year ("June 14") takes the publication year (the
year before when it would fall after the publication date); with no publication
date it gives no date at all: a year is never taken from the clock.

Day words resolve against the publication day: "today"/"tonight" → that day,
"yesterday"/"last night"/"overnight" → the day before, a weekday name → the latest
such day on or before the publication day (a Sunday story's "Sunday" is that Sunday;
"last Sunday" a week earlier). Against a month-only publication date they stay at
month precision (see :func:`parse_expression`).
"""

from __future__ import annotations

import calendar
import re
from datetime import date, timedelta
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from claimgraph.data import load_yaml
from claimgraph.extract.syntax import adverbial_subject
from claimgraph.ingest.dateline import find_dateline
from claimgraph.model import DateInterval

if TYPE_CHECKING:
    from spacy.tokens import Span as SpacySpan
    from spacy.tokens import Token

    from claimgraph.extract.context import DocContext

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


@lru_cache(maxsize=1)
def anchors() -> tuple[dict[str, Any], ...]:
    return tuple(load_yaml("events.anchors.yaml") or ())


@lru_cache(maxsize=1)
def _report_verbs() -> frozenset[str]:
    """Lemmas of reporting verbs ("confirm", "announce"; ``data/reporting.yaml``)."""
    return frozenset(str(v) for v in load_yaml("reporting.yaml")["verbs"])


def _lemma_text(tokens: Any) -> str:
    return " ".join(t.lemma_.lower() for t in tokens)


def anchor_date(expr_tokens: Any, sentence: SpacySpan) -> str | None:
    """The date of a listed anchor event named by ``expr_tokens`` (e.g. "returning to power")."""
    lem = " " + _lemma_text(expr_tokens) + " "
    raw = " " + " ".join(t.lower_ for t in expr_tokens) + " "
    sent_low = sentence.text.lower()
    for a in anchors():
        if any((" " + p + " ") in lem or (" " + p + " ") in raw or (" " + p) in raw for p in a["phrases"]):
            if any(n in sent_low for n in a["names"]):
                return str(a["date"])
    return None


def _definite(tok: Token) -> bool:
    return any(c.dep_ in ("det", "poss") and c.lower_ in ("the", "this", "that", "these", "its", "their")
               for c in tok.children)


def _as_bound(d: DateInterval, bound: str | None) -> DateInterval:
    if bound is None or d.value is None:
        return d
    if bound == "after":
        return DateInterval(after=d.value, precision=d.precision, text=d.text, span=d.span)
    return DateInterval(before=d.value, precision=d.precision, text=d.text, span=d.span)


def _open_path(tok: Token) -> bool:
    """True when ``tok`` is in its sentence's main clause (not a reported or relative clause)."""
    t = tok
    while t.head.i != t.i:
        if t.dep_ in ("ccomp", "relcl", "acl", "csubj", "parataxis"):
            return False
        t = t.head
    return True


class DateFinder:
    """Dates for claims in one document: DATE entities parsed once, then attached per trigger."""

    def __init__(self, ctx: DocContext):
        self.ctx = ctx
        self.published = ctx.document.published
        self.by_token: dict[int, tuple[Any, DateInterval]] = {}
        for ent, parsed in date_mentions(ctx.sdoc, self.published):
            if parsed is None:
                continue
            for t in ent:
                self.by_token[t.i] = (ent, parsed)
        # episodes ("an operation … yesterday") that later definite mentions refer back to
        self.episode_nouns = frozenset(load_yaml("events.episodes.yaml")["episode_nouns"])
        self.episodes: list[tuple[int, str, DateInterval]] = []
        for tok in ctx.sdoc:
            if tok.pos_ == "NOUN" and tok.lemma_.lower() in self.episode_nouns and not _definite(tok):
                d = self._own_date(tok) or self._clause_date(tok) or self._sentence_date(tok, clause_free=True)
                if d is not None:
                    self.episodes.append((tok.idx, tok.lemma_.lower(), d))

    def _path(self, tok: Token, trigger: Token) -> list[Token] | None:
        """Tokens from ``tok`` up to (excluding) ``trigger``; None when the path crosses a nested clause."""
        path: list[Token] = []
        t = tok
        while t.i != trigger.i:
            if t.dep_ in ("ccomp", "relcl", "acl", "csubj", "advcl") and t.pos_ in ("VERB", "AUX"):
                return None
            path.append(t)
            if t.head.i == t.i or len(path) > 25:
                return None
            t = t.head
        return path

    def for_trigger(self, trigger: Token, scope: tuple[int, int] | None = None) -> DateInterval | None:
        """The date of the event or state triggered at ``trigger``.

        Looks for a DATE expression governed by the trigger (not through a nested
        clause), then for "after/before <event>" clauses: a dated nominal event
        ("after the airstrikes in April 2022") or a listed anchor ("after the death of X").
        Falls back through coordinated and controlling verbs ("summoned … and asked").
        """
        t: Token | None = trigger
        hops = 0
        while t is not None and hops < 3:
            found = self._direct(t)
            if found is not None:
                return found
            if t.dep_ in ("conj", "xcomp") and t.head.i != t.i:
                t = t.head
                hops += 1
                continue
            if t.pos_ == "NOUN" and t.dep_ == "pobj" and t.head.head.pos_ in ("VERB", "AUX"):
                t = t.head.head  # "proposed at Pakistan's request" happens when the proposal does
                hops += 1
                continue
            break
        return self._reported_nominal_date(trigger) or self._sentence_date(trigger) or \
            self._episode_date(trigger) or self._narrative_date(trigger)

    def _reported_nominal_date(self, trigger: Token) -> DateInterval | None:
        """"ISAF today confirmed the capture of a facilitator in Zabul province, June 14": a nominal
        event a reporting verb announces happened when the text after the noun says, not on the
        day of the announcement ("today" dates "confirmed"). The first day-or-month date after the
        noun in its sentence, outside a relative clause, is the event's."""
        if trigger.pos_ != "NOUN" or not any(a.lemma_.lower() in _report_verbs() for a in trigger.ancestors):
            return None
        sent = trigger.sent
        for i in range(trigger.i + 1, sent.end):
            hit = self.by_token.get(i)
            if hit is None:
                continue
            ent, parsed = hit
            relative = any(a.dep_ == "relcl" and a.i > trigger.i for a in ent.root.ancestors)
            if parsed.value and parsed.precision in ("day", "month") and not relative:
                return parsed
        return None

    def _narrative_date(self, trigger: Token) -> DateInterval | None:
        """A report's narrative keeps the time of the episode it opened with until it names
        another: "In Borno last night, a force searched a compound …. The force captured a
        facilitator …" — a main-clause event with no date of its own, after a dated episode
        and with no other date in between, happens in that episode."""
        if not _open_path(trigger):
            return None
        sent = trigger.sent
        earlier = [(start, d) for start, _, d in self.episodes if start < sent.start_char and d.value]
        if not earlier:
            return None
        start, d = earlier[-1]
        episode_sent = self.ctx.sdoc.char_span(start, start + 1, alignment_mode="expand")
        if episode_sent is None:
            return None
        for i in range(episode_sent.sent.end, sent.end):
            if i in self.by_token:
                return None  # a new time named since the episode
        return d

    def _own_date(self, noun: Token) -> DateInterval | None:
        """A date inside the episode's own phrase: "a security operation detaining four suspects
        in Logar province yesterday" — not one of an episode nested in it, nor one in a relative
        clause, which tells the episode as background."""
        for t in noun.subtree:
            hit = self.by_token.get(t.i)
            if hit is None or t.i == noun.i or not hit[1].value:
                continue
            inner = [a for a in t.ancestors if a.i != noun.i and noun in a.ancestors]
            if any(a.dep_ == "relcl" for a in inner):
                continue  # "an attack that killed four soldiers in Kabul Dec. 19" is told as background
            if not any(a.pos_ == "NOUN" and a.lemma_.lower() in self.episode_nouns for a in inner):
                return hit[1]
        return None

    def _clause_date(self, noun: Token) -> DateInterval | None:
        """The date of the clause an episode noun sits in: "efforts to seek sanctuary during two
        operations in Zabul yesterday" — "yesterday" goes with "seek", and so with the operations."""
        head = next((a for a in noun.ancestors if a.pos_ in ("VERB", "AUX")), None)
        if head is None:
            return None
        found = self._direct(head)
        return found if found is not None and found.value else None

    def _episode_date(self, trigger: Token) -> DateInterval | None:
        """"During the operation, the force killed …": the date of the episode referred back to.

        A definite episode noun with no earlier mention of its own ("In Kunduz last night, a
        force went to the village … During the search the force detained …") refers to what
        the sentence before narrates, and takes that sentence's main-clause date."""
        sent = trigger.sent
        for t in sent:
            lemma = t.lemma_.lower()
            if t.pos_ == "NOUN" and lemma in self.episode_nouns and _definite(t):
                earlier = [d for start, lem, d in self.episodes if lem == lemma and start < sent.start_char]
                if earlier:
                    return earlier[-1]
                if sent.start > 0 and not any(lem == lemma for start, lem, _ in self.episodes if start < sent.start_char):
                    before = self.ctx.sdoc[sent.start - 1].sent
                    return self._sentence_date(before.root)
        return None

    def _sentence_date(self, trigger: Token, clause_free: bool = False) -> DateInterval | None:
        """A date stated for the sentence's main clause ("Forces conducted an operation in X
        yesterday. … killed two insurgents") also dates the events of that clause, but never
        reaches into a reported or relative clause."""
        open_path = _open_path
        if not clause_free and not open_path(trigger):
            return None
        sent = trigger.sent
        for i in range(sent.start, sent.end):
            hit = self.by_token.get(i)
            if hit is None:
                continue
            ent, parsed = hit
            if parsed.value and open_path(ent.root) and not any(
                t.lower_ in AFTER_WORDS | BEFORE_WORDS for t in ent.root.ancestors
            ):
                return parsed
        return None

    def _direct(self, trigger: Token) -> DateInterval | None:
        seen: set[int] = set()
        best: tuple[int, DateInterval] | None = None
        for i in range(trigger.left_edge.i, trigger.right_edge.i + 1):
            hit = self.by_token.get(i)
            if hit is None:
                continue
            ent, parsed = hit
            if ent.start in seen:
                continue
            seen.add(ent.start)
            path = self._path(ent.root, trigger)
            if path is None or self._nested_episode(path, trigger):
                continue
            bound = None
            adv = adverbial_subject(trigger)
            if adv is not None and adv in path:
                mark = next(c for c in trigger.children if c.dep_ == "mark" and c.lower_ in AFTER_WORDS | BEFORE_WORDS | {"when", "while", "as", "once"})
                bound = "after" if mark.lower_ in AFTER_WORDS else "before" if mark.lower_ in BEFORE_WORDS else None
            for t in path:
                if t.lower_ in AFTER_WORDS or any(c.dep_ == "mark" and c.lower_ in AFTER_WORDS for c in t.children):
                    bound = "after"
                elif t.lower_ in BEFORE_WORDS or any(c.dep_ == "mark" and c.lower_ in BEFORE_WORDS for c in t.children):
                    bound = "before"
            parsed = _as_bound(parsed, bound)
            if best is None or len(path) < best[0]:
                best = (len(path), parsed)
        if best is not None:
            return best[1]
        return self._relative_clause(trigger)

    def _nested_episode(self, path: list[Token], trigger: Token) -> bool:
        """True when the date on ``path`` dates an episode nested in an argument's description,
        not the trigger: "targeted a leader responsible for an attack Jan. 7" — Jan. 7 is the
        attack's. An episode that is the trigger's own argument ("conducted an operation
        yesterday", "killed two during a raid Monday") passes its date on."""
        for t in path[1:]:
            if t.pos_ == "NOUN" and t.lemma_.lower() in self.episode_nouns:
                head = t.head.head if t.head.dep_ == "prep" else t.head
                if head.i != trigger.i:
                    return True
        return False

    def _relative_clause(self, trigger: Token) -> DateInterval | None:
        """"after the death of X" / "before returning to power" attached to ``trigger``."""
        for c in trigger.children:
            if not (c.dep_ in ("prep", "advcl", "mark") or c.dep_ == "advmod"):
                continue
            word = c.lower_
            head = c
            if c.dep_ == "advcl":
                marks = [m for m in c.children if m.dep_ in ("mark", "prep") and m.lower_ in AFTER_WORDS | BEFORE_WORDS]
                if not marks:
                    continue
                word = marks[0].lower_
            if word not in AFTER_WORDS and word not in BEFORE_WORDS:
                continue
            bound = "after" if word in AFTER_WORDS else "before"
            tokens = list(head.subtree)
            # a dated nested event ("after Pakistan's airstrikes … in April 2022")
            for t in tokens:
                hit = self.by_token.get(t.i)
                if hit is not None and hit[1].value:
                    ent, parsed = hit
                    return DateInterval(**{bound: parsed.value}, precision=parsed.precision,
                                        text=" ".join(x.text for x in tokens), span=(tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)))
            anchored = anchor_date(tokens, trigger.sent)
            if anchored:
                return DateInterval(**{bound: anchored}, precision="day",
                                    text=" ".join(x.text for x in tokens), span=(tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)))
        return None
