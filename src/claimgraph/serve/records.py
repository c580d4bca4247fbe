"""Pure helpers that shape stored values for the API: dates, spans, sentences, highlights.

Nothing here touches the database, so each helper is tested on its own.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

_DATE_RE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")


def _parse(value: str | None) -> tuple[date, str] | None:
    """The first day a partial ISO date covers, and its precision (year/month/day)."""
    if not value:
        return None
    m = _DATE_RE.match(value)
    if not m:
        return None
    y, mo, d = m.group(1), m.group(2), m.group(3)
    try:
        if d:
            return date(int(y), int(mo), int(d)), "day"
        if mo:
            return date(int(y), int(mo), 1), "month"
        return date(int(y), 1, 1), "year"
    except ValueError:
        return None


def _period_end(first: date, precision: str) -> date:
    """The day after the period that starts at ``first`` (exclusive end)."""
    if precision == "day":
        return first + timedelta(days=1)
    if precision == "month":
        days = calendar.monthrange(first.year, first.month)[1]
        return first + timedelta(days=days)
    return date(first.year + 1, 1, 1)


def date_bounds(
    value: str | None, after: str | None, before: str | None, published: str | None = None
) -> dict[str, Any] | None:
    """The time range a claim's date covers, with its precision kept honest.

    A stated date covers its whole period: ``2022-04`` runs from 2022-04-01 to
    2022-05-01 (exclusive). An interval runs from ``after`` to ``before``; an
    open side is flagged (``open_start``/``open_end``) rather than invented. An
    interval open at the end is capped at the report's publication date, since
    a report cannot describe what happens after it is published, and says so.
    """
    if value:
        parsed = _parse(value)
        if not parsed:
            return None
        first, precision = parsed
        return {
            "start": first.isoformat(),
            "end": _period_end(first, precision).isoformat(),
            "precision": precision,
            "interval": False,
            "open_start": False,
            "open_end": False,
        }
    lo = _parse(after)
    hi = _parse(before)
    if not lo and not hi:
        return None
    start = lo[0].isoformat() if lo else None
    end = hi[0].isoformat() if hi else None
    capped = False
    if end is None and published:
        pub = _parse(published)
        if pub:
            end = _period_end(*pub).isoformat()
            capped = True
    return {
        "start": start,
        "end": end,
        "precision": "interval",
        "interval": True,
        "open_start": lo is None,
        "open_end": hi is None,
        "end_is_publication": capped,
    }


_SENTENCE_END = re.compile(r"(?<=[.!?])[\"'”’)]*\s+|\n")


def sentence_around(text: str, start: int, end: int, max_chars: int = 600) -> tuple[int, int]:
    """The span of the sentence(s) containing ``text[start:end]``.

    Sentence ends are approximated by terminal punctuation followed by space, or
    a newline; the window is clipped to ``max_chars`` around the evidence so
    a document without punctuation does not return itself.
    """
    start = max(0, min(start, len(text)))
    end = max(start, min(end, len(text)))
    lo = max(0, start - max_chars // 2)
    s = lo
    for m in _SENTENCE_END.finditer(text, lo, start):
        s = m.end()
    hi = min(len(text), end + max_chars // 2)
    stop = _SENTENCE_END.search(text, end, hi)
    # a match starts right after the full stop; keep closing quotes, drop the space
    e = stop.start() + len(stop.group(0).rstrip()) if stop else hi
    return s, max(e, end)


def span_record(text: str, span: Any) -> dict[str, Any] | None:
    """``{start, end, text}`` for a stored ``[start, end]`` pair, or None if it is not one."""
    if not span or len(span) != 2:
        return None
    s, e = int(span[0]), int(span[1])
    if not (0 <= s <= e <= len(text)):
        return {"start": s, "end": e, "text": None}
    return {"start": s, "end": e, "text": text[s:e]}


@dataclass
class Mark:
    """One annotation to highlight in a text: a mention, an evidence span or a trigger."""

    start: int
    end: int
    kind: str  # mention | evidence | trigger
    ref: str  # entity id or claim id
    label: str  # short human description, shown on hover
    css: str = ""


@dataclass
class Segment:
    """A run of text with the annotations covering all of it (possibly none)."""

    text: str
    start: int
    end: int
    marks: list[Mark] = field(default_factory=list)

    @property
    def classes(self) -> str:
        out: list[str] = []
        for m in self.marks:
            out.append(m.kind)
            if m.css:
                out.append(m.css)
        return " ".join(dict.fromkeys(out))

    @property
    def title(self) -> str:
        return "\n".join(dict.fromkeys(m.label for m in self.marks))

    @property
    def entity_ids(self) -> str:
        return " ".join(dict.fromkeys(m.ref for m in self.marks if m.kind == "mention"))

    @property
    def claim_ids(self) -> str:
        return " ".join(dict.fromkeys(m.ref for m in self.marks if m.kind != "mention"))


def segment(text: str, marks: list[Mark], lo: int = 0, hi: int | None = None) -> list[Segment]:
    """Cut ``text[lo:hi]`` at every mark boundary so overlapping marks can be shown.

    Each segment lists every mark that covers it; the template renders a
    segment as one escaped ``<span>``, so overlaps never produce broken markup.
    """
    hi = len(text) if hi is None else hi
    valid = [m for m in marks if lo <= m.start < m.end <= hi]
    cuts = {lo, hi}
    for m in valid:
        cuts.add(m.start)
        cuts.add(m.end)
    points = sorted(cuts)
    starts: dict[int, list[Mark]] = {}
    ends: dict[int, list[Mark]] = {}
    for m in valid:
        starts.setdefault(m.start, []).append(m)
        ends.setdefault(m.end, []).append(m)
    # sweep left to right keeping the marks open at each cut: linear in cuts + marks,
    # so a long document with thousands of mentions renders quickly
    active: list[Mark] = []
    out: list[Segment] = []
    for a, b in zip(points, points[1:]):
        for m in ends.get(a, ()):
            active.remove(m)
        active.extend(starts.get(a, ()))
        out.append(Segment(text=text[a:b], start=a, end=b, marks=list(active)))
    return out
