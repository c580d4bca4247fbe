"""Scoring helpers shared by every evaluation: P/R/F1, set F1, great-circle distance,
partial-date intervals, greedy one-to-one matching and span overlap.

Conventions (the same everywhere, documented in ``docs/EVALUATION.md``):

* precision with no predictions is 0.0 unless there is also nothing to find
  (then every ratio is 1.0: an empty answer to an empty question is right);
* recall with nothing to find is 1.0;
* F1 is the harmonic mean, 0.0 when both are 0.
"""

from __future__ import annotations

import calendar
import math
from collections.abc import Callable, Hashable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any, TypeVar

EARTH_RADIUS_KM = 6371.0088

A = TypeVar("A")
B = TypeVar("B")


@dataclass
class PRF:
    """True positives over predictions and gold items; ratios derived on demand.

    ``tp`` counts gold items found (recall's numerator). ``tp_pred`` counts correct
    predictions (precision's numerator) when that differs, e.g. when recall is over
    core gold items only but a match to any gold item makes a prediction correct.
    """

    tp: int = 0
    n_pred: int = 0
    n_gold: int = 0
    tp_pred: int | None = None

    @property
    def correct_pred(self) -> int:
        return self.tp if self.tp_pred is None else self.tp_pred

    def __add__(self, other: PRF) -> PRF:
        both_plain = self.tp_pred is None and other.tp_pred is None
        return PRF(
            self.tp + other.tp, self.n_pred + other.n_pred, self.n_gold + other.n_gold,
            None if both_plain else self.correct_pred + other.correct_pred,
        )

    @property
    def precision(self) -> float:
        if self.n_pred == 0:
            return 1.0 if self.n_gold == 0 else 0.0
        return self.correct_pred / self.n_pred

    @property
    def recall(self) -> float:
        if self.n_gold == 0:
            return 1.0
        return self.tp / self.n_gold

    @property
    def f1(self) -> float:
        return f1(self.precision, self.recall)

    def as_dict(self, prefix: str) -> dict[str, float]:
        return {f"{prefix}_precision": self.precision, f"{prefix}_recall": self.recall, f"{prefix}_f1": self.f1}


def f1(precision: float, recall: float) -> float:
    if precision + recall == 0:
        return 0.0
    return 2 * precision * recall / (precision + recall)


def prf(tp: int, n_pred: int, n_gold: int) -> dict[str, float]:
    """Precision, recall and F1 from counts (see the module conventions)."""
    p = PRF(tp, n_pred, n_gold)
    return {"precision": p.precision, "recall": p.recall, "f1": p.f1}


@dataclass
class Ratio:
    """A running accuracy: correct over total, ``None`` when nothing was scored."""

    correct: int = 0
    total: int = 0

    def add(self, ok: bool) -> None:
        self.total += 1
        self.correct += int(bool(ok))

    def __add__(self, other: Ratio) -> Ratio:
        return Ratio(self.correct + other.correct, self.total + other.total)

    @property
    def value(self) -> float | None:
        return self.correct / self.total if self.total else None


def set_prf(pred: Iterable[Hashable], gold: Iterable[Hashable]) -> PRF:
    """Counts of a set comparison; duplicates in either input count once."""
    p, g = set(pred), set(gold)
    return PRF(len(p & g), len(p), len(g))


def set_f1(pred: Iterable[Hashable], gold: Iterable[Hashable]) -> float:
    """F1 of two sets; two empty sets agree completely (1.0)."""
    return set_prf(pred, gold).f1


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in km between two WGS84 points (spherical Earth)."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp = p2 - p1
    dl = math.radians(lon2 - lon1)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(h)))


def spans_overlap(a: Sequence[int] | None, b: Sequence[int] | None) -> bool:
    """Whether two half-open ``[start, end)`` spans share at least one character."""
    if not a or not b:
        return False
    return int(a[0]) < int(b[1]) and int(b[0]) < int(a[1])


def overlap_chars(a: Sequence[int] | None, b: Sequence[int] | None) -> int:
    if not a or not b:
        return 0
    return max(0, min(int(a[1]), int(b[1])) - max(int(a[0]), int(b[0])))


# --- dates -----------------------------------------------------------------------------------

MIN_DAY = date(1, 1, 1)
MAX_DAY = date(9999, 12, 31)


def partial_date_range(value: str) -> tuple[date, date]:
    """The first and last day a ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD`` value can mean.

    Raises ``ValueError`` on anything else.
    """
    parts = str(value).strip().split("-")
    if not parts or not parts[0].isdigit() or len(parts) > 3:
        raise ValueError(f"not a partial ISO date: {value!r}")
    year = int(parts[0])
    if len(parts) == 1:
        return date(year, 1, 1), date(year, 12, 31)
    month = int(parts[1])
    if len(parts) == 2:
        return date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1])
    day = date(year, month, int(parts[2]))
    return day, day


def date_range(d: dict[str, Any] | None) -> tuple[date, date] | None:
    """The closed day range a gold-format date denotes, ``None`` for no date.

    ``{value}`` is its partial-date range; ``{after: X}`` runs from the first day of
    X on, ``{before: Y}`` up to the last day of Y (bounds are read inclusively, so a
    system that repeats the gold bound is consistent with it).
    """
    if not d:
        return None
    if d.get("value"):
        return partial_date_range(d["value"])
    lo, hi = MIN_DAY, MAX_DAY
    if d.get("after"):
        lo = partial_date_range(d["after"])[0]
    if d.get("before"):
        hi = partial_date_range(d["before"])[1]
    if lo == MIN_DAY and hi == MAX_DAY:
        return None
    return lo, hi


def date_consistent(pred: dict[str, Any] | None, gold: dict[str, Any] | None) -> bool:
    """Whether a predicted date is consistent with the gold value or interval.

    Consistent means everything the prediction allows, the gold allows too: the
    predicted range lies inside the gold range ("2022-04-10" is consistent with
    gold "2022-04"; "2022" is not, it is vaguer than the text). No gold date: only
    no predicted date is consistent. Unparseable predicted dates are inconsistent.
    """
    try:
        g = date_range(gold)
    except ValueError:
        g = None
    try:
        p = date_range(pred)
    except (ValueError, TypeError):
        return False
    if g is None:
        return p is None
    if p is None:
        return False
    return g[0] <= p[0] and p[1] <= g[1]


# --- matching --------------------------------------------------------------------------------


def greedy_match(
    preds: Sequence[A],
    golds: Sequence[B],
    score: Callable[[A, B], float | None],
) -> list[tuple[int, int]]:
    """One-to-one greedy matching: the highest-scoring compatible pairs first.

    ``score`` returns ``None`` for pairs that may not match at all. Ties keep input
    order (earlier predictions and gold items first), so the result is deterministic.
    Returns ``(pred_index, gold_index)`` pairs.
    """
    candidates: list[tuple[float, int, int]] = []
    for i, p in enumerate(preds):
        for j, g in enumerate(golds):
            s = score(p, g)
            if s is not None:
                candidates.append((s, i, j))
    candidates.sort(key=lambda c: (-c[0], c[1], c[2]))
    used_p: set[int] = set()
    used_g: set[int] = set()
    out: list[tuple[int, int]] = []
    for _, i, j in candidates:
        if i in used_p or j in used_g:
            continue
        used_p.add(i)
        used_g.add(j)
        out.append((i, j))
    return out


def macro_f1(pairs: Iterable[tuple[str | None, str]], labels: Iterable[str] | None = None) -> float:
    """Macro-averaged F1 over the gold labels (or ``labels``) of (predicted, gold) label pairs."""
    pairs = list(pairs)
    label_set = set(labels) if labels is not None else {g for _, g in pairs}
    if not label_set:
        return 1.0
    scores = []
    for lab in sorted(label_set):
        tp = sum(1 for p, g in pairs if p == lab and g == lab)
        n_pred = sum(1 for p, _ in pairs if p == lab)
        n_gold = sum(1 for _, g in pairs if g == lab)
        scores.append(PRF(tp, n_pred, n_gold).f1)
    return sum(scores) / len(scores)


def token_f1(pred: str, gold: str) -> float:
    """SQuAD-style token-overlap F1 of two strings (lower-cased, punctuation-split)."""
    pt, gt = _tokens(pred), _tokens(gold)
    if not pt and not gt:
        return 1.0
    if not pt or not gt:
        return 0.0
    common: dict[str, int] = {}
    for t in pt:
        common[t] = common.get(t, 0) + 1
    same = 0
    for t in gt:
        if common.get(t, 0) > 0:
            same += 1
            common[t] -= 1
    if same == 0:
        return 0.0
    return f1(same / len(pt), same / len(gt))


def _tokens(s: str) -> list[str]:
    out, cur = [], []
    for ch in s.lower():
        if ch.isalnum():
            cur.append(ch)
        elif cur:
            out.append("".join(cur))
            cur = []
    if cur:
        out.append("".join(cur))
    return [t for t in out if t not in _STOP]


_STOP = frozenset({"the", "a", "an", "of"})
