"""``claimgraph eval timeml``: date finding scored on TimeML TIMEX3 annotations (TempEval-3 style).

Input: any ``.tml`` file, or folder searched recursively for them (TimeBank, AQUAINT,
the TempEval-3 platinum test). Each document's text is the character content of its
``<TEXT>`` element with the tags removed; its creation time (the ``<DCT>`` TIMEX3
``value``) is the publication date, the base of "yesterday", "last month", "Friday".

Ours: :func:`claimgraph.extract.dates.date_mentions` on the pipeline's parse of the text,
each reading expressed as a TimeML value (:func:`timeml_value`). Baseline in the same run:
the plain spaCy model's DATE entities, their values read by ``dateparser`` relative to the
DCT. Scores: detection of TIMEX3 DATE/DURATION (strict = identical span, relaxed = any
overlap, one to one), and value accuracy on relaxed-matched gold DATE timexes, plus the
TempEval-3 value F1 (correct values over all predictions and over all gold timexes).
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from claimgraph.data import load_yaml
from claimgraph.errors import EvalError
from claimgraph.eval.common import fail, limited, prediction_writer
from claimgraph.eval.metrics import PRF, greedy_match, overlap_chars
from claimgraph.eval.report import EvalReport

if TYPE_CHECKING:
    from dateparser.date import DateDataParser

    from claimgraph.model import DateInterval
    from claimgraph.pipeline import Pipeline

SHAPE = ("{file, doc, dct, timexes: [{start, end, text, value, gold_tid, gold_value}]} per document: our date "
         "expressions (offsets into the <TEXT> content without tags), their TimeML value or null, and the gold "
         "TIMEX3 each matched (relaxed) or null")
HEADLINE = ["strict_f1", "relaxed_f1", "value_accuracy", "value_f1"]
SCORING = (
    "Gold: TIMEX3 of type DATE and DURATION inside <TEXT> (the DCT is the publication date, not a target); a "
    "prediction overlapping a gold TIME or SET timex is left out of precision (clock times and recurrences are "
    "not read). Detection: strict = identical character span, relaxed = overlapping span, one to one (most shared "
    "characters first). Values: on relaxed matches with a gold DATE, our reading as a TimeML value (day "
    "\"1998-01-08\", month \"1998-01\", year \"1998\", a decade interval \"199\", an interval from a Monday to a day of "
    "that week \"1998-W02\", one from the first of a year or month to a day within it (\"this year\", \"earlier this "
    "month\") that year or month; an open bound or other interval gives no value) must equal the gold value exactly; "
    "value_accuracy is over those matched DATE timexes, value_f1 is TempEval-3's (correct values over all "
    "predictions and all gold DATE/DURATION timexes). Baseline in the same run: plain spaCy DATE entities, "
    "values from dateparser relative to the DCT."
)
TARGETS: dict[str, float] = {}

Span = tuple[int, int]


def _config() -> dict[str, Any]:
    return load_yaml("eval_timeml.yaml")


@dataclass(frozen=True)
class Timex:
    tid: str
    type: str
    value: str
    span: Span
    text: str


@dataclass
class TimeMLDocument:
    name: str
    text: str
    dct: str | None
    timexes: list[Timex] = field(default_factory=list)


def find_files(paths: list[str]) -> list[Path]:
    """Every ``.tml`` file named or under a named folder, in a stable order (CG100 when a path is missing)."""
    out: list[Path] = []
    for raw in paths:
        p = Path(raw)
        if p.is_dir():
            out.extend(sorted(q for q in p.rglob("*.tml") if q.is_file()))
        elif p.is_file():
            out.append(p)
        else:
            raise EvalError("CG100", subject=str(p), detail="evaluation input not found")
    return out


def _day(value: str | None) -> str | None:
    """The DCT as a claimgraph publication date: ``YYYY[-MM[-DD]]`` from a TimeML value ("1998-01-08T18:30")."""
    m = re.match(r"^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?", value or "")
    if not m:
        return None
    return "-".join(g for g in m.groups() if g)


def parse_tml(path: str | Path) -> TimeMLDocument:
    """One TimeML document: the plain text of ``<TEXT>``, its TIMEX3 spans and the DCT (CG500 on bad XML)."""
    try:
        root = ET.parse(path).getroot()
    except (ET.ParseError, OSError) as exc:
        raise fail(path, f"not TimeML XML: {exc}") from exc
    body = root.find(".//TEXT")
    if body is None:
        raise fail(path, "no <TEXT> element")
    dct_el = root.find(".//DCT/TIMEX3")
    parts: list[str] = []
    timexes: list[Timex] = []
    pos = 0

    def walk(el: ET.Element) -> None:
        nonlocal pos
        if el.text:
            parts.append(el.text)
            pos += len(el.text)
        for child in el:
            start = pos
            walk(child)
            if child.tag == "TIMEX3":
                inner = "".join(child.itertext())
                lead = len(inner) - len(inner.lstrip())
                trail = len(inner) - len(inner.rstrip())
                timexes.append(Timex(child.get("tid", ""), child.get("type", ""), child.get("value", ""),
                                     (start + lead, pos - trail), inner.strip()))
            if child.tail:
                parts.append(child.tail)
                pos += len(child.tail)

    walk(body)
    name = (root.findtext(".//DOCID") or Path(path).stem).strip()
    return TimeMLDocument(name, "".join(parts), _day(dct_el.get("value")) if dct_el is not None else None, timexes)


def read_documents(paths: list[str]) -> Iterator[tuple[Path, TimeMLDocument]]:
    files = find_files(paths)
    if not files:
        raise EvalError("CG500", subject=",".join(paths), detail="no .tml files found")
    for f in files:
        yield f, parse_tml(f)


# --------------------------------------------------------------------------- predictions


def _monday(d: date) -> bool:
    return d.weekday() == 0


def timeml_value(d: DateInterval | None) -> str | None:
    """Our reading of a date expression as a TimeML value, or None when it has no single one.

    A stated date keeps its precision ("2022-04" is a month); an interval that is exactly a
    decade ("the 1990s") is "199", one that is exactly a Monday-to-Sunday week ("last week")
    is its ISO week "1998-W02", and one from the first day of a week, month or year to a day
    within it ("earlier this week", "this year" up to the publication day) is that week, month
    or year, as TimeML writes "this year". Other intervals (open bounds, "the past three years") have none.
    """
    if d is None:
        return None
    if d.value:
        return d.value
    a, b = d.after or "", d.before or ""
    if re.fullmatch(r"\d{3}0", a) and re.fullmatch(r"\d{3}9", b) and a[:3] == b[:3]:
        return a[:3]
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", a) and re.fullmatch(r"\d{4}-\d{2}-\d{2}", b):
        start, end = date.fromisoformat(a), date.fromisoformat(b)
        if _monday(start) and timedelta(0) <= end - start <= timedelta(days=6):
            year, week, _ = start.isocalendar()
            return f"{year:04d}-W{week:02d}"
        # "this year", "earlier this month": from the start of a calendar unit to a day within it
        if end >= start and (start.month, start.day) == (1, 1) and end.year == start.year:
            return f"{start.year:04d}"
        if end >= start and start.day == 1 and (end.year, end.month) == (start.year, start.month):
            return f"{start.year:04d}-{start.month:02d}"
    return None


def ours(doc: TimeMLDocument, pipeline: Pipeline) -> list[tuple[Span, str, str | None]]:
    """(span, text, TimeML value) of each date expression claimgraph finds in the document."""
    from claimgraph.extract.dates import date_mentions

    sdoc = pipeline.nlp(doc.text)
    labels = tuple(_config()["spacy_labels"])
    return [((e.start_char, e.end_char), e.text, timeml_value(parsed))
            for e, parsed in date_mentions(sdoc, doc.dct, labels=labels)]


@lru_cache(maxsize=4)
def _dateparser(dct: str | None) -> DateDataParser:
    """A dateparser reader relative to the DCT (one per document date; the baseline's reader)."""
    from dateparser.date import DateDataParser

    settings: dict[str, Any] = {"RETURN_TIME_AS_PERIOD": False, "PREFER_DATES_FROM": "past"}
    if dct and re.fullmatch(r"\d{4}-\d{2}-\d{2}", dct):
        settings["RELATIVE_BASE"] = datetime.fromisoformat(dct)
    return DateDataParser(languages=["en"], settings=settings)


def _dateparser_value(text: str, dct: str | None) -> str | None:
    """dateparser's reading of ``text`` relative to the DCT, at the period it reports."""
    parser = _dateparser(dct)
    data = parser.get_date_data(text)
    if data.date_obj is None:
        return None
    d = data.date_obj
    if data.period == "year":
        return f"{d.year:04d}"
    if data.period == "month":
        return f"{d.year:04d}-{d.month:02d}"
    if data.period == "week":
        year, week, _ = d.date().isocalendar()
        return f"{year:04d}-W{week:02d}"
    return d.date().isoformat()


def baseline(doc: TimeMLDocument, nlp: Any) -> list[tuple[Span, str, str | None]]:
    labels = set(_config()["spacy_labels"])
    return [((e.start_char, e.end_char), e.text, _dateparser_value(e.text, doc.dct))
            for e in nlp(doc.text).ents if e.label_ in labels]


# --------------------------------------------------------------------------- scoring


@dataclass
class Tally:
    strict: PRF = field(default_factory=PRF)
    relaxed: PRF = field(default_factory=PRF)
    value_correct: int = 0
    value_matched: int = 0
    misses: Counter[str] = field(default_factory=Counter)

    def add(self, doc: TimeMLDocument, preds: list[tuple[Span, str, str | None]]) -> list[dict[str, Any]]:
        """Score one document's predictions; returns them with the gold timex each matched."""
        cfg = _config()
        gold = [t for t in doc.timexes if t.type in cfg["scored_types"]]
        ignored = [t for t in doc.timexes if t.type in cfg["ignored_types"]]
        kept = [p for p in preds if not any(overlap_chars(p[0], t.span) for t in ignored)
                or any(overlap_chars(p[0], g.span) for g in gold)]
        exact = {g.span for g in gold}
        n_strict = sum(1 for p in kept if p[0] in exact)
        self.strict += PRF(n_strict, len(kept), len(gold))
        pairs = greedy_match(kept, gold, lambda p, g: float(overlap_chars(p[0], g.span)) or None)
        self.relaxed += PRF(len(pairs), len(kept), len(gold))
        matched = {i: gold[j] for i, j in pairs}
        for i, g in matched.items():
            if g.type not in cfg["value_types"]:
                continue
            self.value_matched += 1
            value = kept[i][2]
            if value == g.value:
                self.value_correct += 1
            else:
                self.misses[_value_miss(value, g.value)] += 1
        out = []
        for i, (span, text, value) in enumerate(kept):
            hit = matched.get(i)
            out.append({"start": span[0], "end": span[1], "text": text, "value": value,
                        "gold_tid": hit.tid if hit else None, "gold_value": hit.value if hit else None})
        return out

    def metrics(self) -> dict[str, float | int | None]:
        n_pred, n_gold = self.relaxed.n_pred, self.relaxed.n_gold
        value_p = self.value_correct / n_pred if n_pred else 0.0
        value_r = self.value_correct / n_gold if n_gold else 0.0
        return {
            **self.strict.as_dict("strict"),
            **self.relaxed.as_dict("relaxed"),
            "value_accuracy": self.value_correct / self.value_matched if self.value_matched else None,
            "value_f1": 2 * value_p * value_r / (value_p + value_r) if value_p + value_r else 0.0,
            "gold_timexes": n_gold,
            "predicted": n_pred,
        }


def _value_miss(pred: str | None, gold: str) -> str:
    """What kind of gold value we missed: a day, a month, a year, a week, a reference word, ..."""
    kind = ("day" if re.fullmatch(r"\d{4}-\d{2}-\d{2}", gold) else "month" if re.fullmatch(r"\d{4}-\d{2}", gold)
            else "year" if re.fullmatch(r"\d{4}", gold) else "week" if "-W" in gold
            else "quarter/season/half" if re.search(r"-(Q|H|SP|SU|FA|WI)", gold)
            else "reference (PAST_REF, PRESENT_REF, ...)" if gold.endswith("_REF") else "other")
    return f"gold {kind}: {'no value' if pred is None else 'other value'}"


def run(paths: list[str], pipeline: Pipeline, limit: int | None = None, predictions: str | None = None) -> EvalReport:
    from claimgraph.eval.baseline import plain_nlp

    ours_tally, base_tally = Tally(), Tally()
    n = 0
    no_dct = 0
    with prediction_writer(predictions) as out:
        for path, doc in limited(read_documents(paths), limit):
            n += 1
            no_dct += doc.dct is None
            scored = ours_tally.add(doc, ours(doc, pipeline))
            base_tally.add(doc, baseline(doc, plain_nlp()))
            out.write({"file": str(path), "doc": doc.name, "dct": doc.dct, "timexes": scored})
    return EvalReport(
        kind="timeml",
        inputs=list(paths),
        n_items=n,
        metrics=ours_tally.metrics(),
        baseline=base_tally.metrics(),
        sections={"value_misses": dict(ours_tally.misses.most_common(10))},
        notes=[
            "detection of TIMEX3 DATE/DURATION: strict = same span, relaxed = overlap; predictions on gold "
            "TIME/SET timexes are left out",
            "value_accuracy: matched gold DATE timexes whose value we give exactly (precision kept); "
            "value_f1: TempEval-3's, correct values over all predictions and all gold timexes",
            "baseline: plain spaCy DATE entities, values from dateparser relative to the DCT",
            *([f"{no_dct} document(s) without a DCT: relative expressions there get no value"] if no_dct else []),
        ],
        predictions_path=predictions,
    )
