"""``claimgraph eval isaf``: ISAF press releases scored field by field.

Input: JSON Lines, one release per line: ``{id, text, gold: {start_date, province,
target_group, event_type, min_killed, min_captured, ...}}``. ``id`` repeats when
a release holds several items, so predictions carry ``line`` (0-based line number).
``id`` is the release's first line (a title or release number); a record whose
``text`` is empty is read from its ``id`` alone (some records hold the whole release there).

The adapter expresses our :class:`~claimgraph.model.Extraction` in the dataset's
labels, using only what the pipeline extracted (mappings in ``data/eval_isaf.yaml``):

* the release's operation events: ASSAULT/COERCE, asserted or alleged, less the other side's
  attacks (:func:`insurgent_attack`) and campaign tallies (:func:`running_total`);
* ``start_date`` — the earliest day-precision date of an operation event with an outcome
  (people killed or detained), else of any operation event; when none has one, the
  dateline date (reported as a share);
* ``province`` — admin1 of every resolved Afghan place mentioned after the
  dateline, renamed to the dataset's spelling;
* ``target_group`` — actor entities whose dictionary id maps to a group label;
* ``event_type`` — ordered rules over the operation events' modes and counts;
* ``min_killed`` / ``min_captured`` — ``claim.counts`` of operation events, summed
  over events with overlapping evidence; across passages the largest such sum (a
  release restates the same people in its lede and its detail paragraph), plus the
  counts of later passages that mark their people as further ones ("one additional
  suspect was detained", "the force also detained two"; cue words in the data file).
  The event stage already counts a definite re-mention ("the insurgents") nothing;
  the rule is ours and is documented in :func:`lower_bound_count`.
* the release date is read from the dateline with
  :func:`claimgraph.ingest.dateline.find_dateline` over the id line and the text (a
  yearless dateline takes the one year the header states) and passed to the pipeline
  as the publication date, the base of "today", "yesterday" and weekday names.

Scores: dates exact; lists as mean set-F1 per release (``*_exact``: the share of
releases with exactly the gold set); counts exact (``*_within1``: off by at most 1).
Gold labels joined with ";" ("aq;taliban") are split; spellings are compared after
folding case, "-", "_" and spaces. Baselines in the same run: always "detention",
always "taliban", 0 killed, 0 captured, the dateline date, and spaCy place names
looked up in the province table.
"""

from __future__ import annotations

import calendar
import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from claimgraph.data import load_yaml
from claimgraph.errors import EvalError, IngestError
from claimgraph.eval.common import fail, limited, prediction_writer, read_jsonl
from claimgraph.eval.metrics import set_f1
from claimgraph.eval.report import EvalReport
from claimgraph.model import Extraction

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from claimgraph.pipeline import Pipeline

LIST_FIELDS = ("province", "target_group", "event_type")
#: The prediction for a record with no text to read.
EMPTY: dict[str, Any] = {"start_date": None, "province": [], "target_group": [], "event_type": [],
                         "min_killed": 0, "min_captured": 0}
COUNT_FIELDS = ("min_killed", "min_captured")


def _config() -> dict[str, Any]:
    return load_yaml("eval_isaf.yaml")


def fold(label: str) -> str:
    """Compare-form of a label: case, hyphens, underscores and spaces folded."""
    return re.sub(r"[\s_\-]+", "_", label.strip().casefold())


def gold_labels(value: Any) -> list[str]:
    """A gold list field as labels: ";"-joined entries split, empties dropped."""
    if value is None:
        return []
    items = value if isinstance(value, list) else [value]
    out: list[str] = []
    for item in items:
        for part in str(item).split(";"):
            if part.strip():
                out.append(part.strip())
    return out


# --- dateline ---------------------------------------------------------------------------------

_MONTHS = {m.casefold(): i for i, m in enumerate(calendar.month_name) if m}
_MONTHS.update({m.casefold(): i for i, m in enumerate(calendar.month_abbr) if m})
_MONTHS["sept"] = 9
_MONTH_RE = "|".join(sorted(_MONTHS, key=len, reverse=True))
_DATELINE = re.compile(rf"\(\s*({_MONTH_RE})\.?\s+(\d{{1,2}})(?:\s*[,.]\s*(\d{{4}}))?\s*\)", re.IGNORECASE)
_HEADER_DATE = re.compile(rf"\b({_MONTH_RE})\.?\s+(\d{{1,2}})\s*,\s*(\d{{4}})\b", re.IGNORECASE)
_RELEASE_NO = re.compile(r"\b((?:19|20)\d\d)[-–](0[1-9]|1[0-2])[-–][A-Z]{1,3}[-–]\d+")


@dataclass(frozen=True)
class Dateline:
    date: str | None  # YYYY-MM-DD, or YYYY-MM when only the release number dates it
    end: int  # offset where the release body starts (after the dateline)
    #: every dateline line in the text ("KABUL, Afghanistan (Aug. 20, 2012)"), the header included:
    #: a release text may hold several releases, each with its own dateline
    regions: tuple[tuple[int, int], ...] = ()

    def outside(self, start: int) -> bool:
        return start >= self.end and not any(s <= start < e for s, e in self.regions)


def parse_dateline(text: str, release_id: str | None = None) -> Dateline:
    """The release date from its dateline ("KABUL, Afghanistan (Jan. 25, 2013)").

    The date is what :func:`claimgraph.ingest.dateline.find_dateline` reads from the top
    of the release, its id line (the first line of the original release: a title or a
    release number) included: a yearless dateline ("(June 14)") takes the one year the
    first lines state, with the evidence recorded there. When that gives nothing, a
    dateline date with a year anywhere in the header counts, and with none, the release
    number ("2012-06-S-026") dates the release to its month only.
    """
    from claimgraph.ingest.dateline import find_dateline

    head = text[:600]
    year = month = None
    rel = _RELEASE_NO.search(head) or _RELEASE_NO.search(release_id or "")
    if rel:
        year, month = int(rel.group(1)), int(rel.group(2))
    end = 0
    m = _DATELINE.search(head) or _HEADER_DATE.search(head)
    if m is not None:
        end = m.end()
    regions = tuple((text.rfind("\n", 0, d.start()) + 1, d.end()) for d in _DATELINE.finditer(text))
    header = f"{release_id}\n{text}" if release_id else text
    found = find_dateline(header)
    if found.published and found.precision == "day":
        return Dateline(found.published, end, regions)
    if m is None:
        m = _HEADER_DATE.search(release_id or "")
    if m and m.group(3):
        try:
            return Dateline(date(int(m.group(3)), _MONTHS[m.group(1).casefold()], int(m.group(2))).isoformat(), end, regions)
        except ValueError:
            pass
    if year is not None:
        return Dateline(f"{year:04d}-{month:02d}", end, regions)
    return Dateline(None, end, regions)


# --- adapter ----------------------------------------------------------------------------------


def _province_index() -> dict[str, str]:
    idx: dict[str, str] = {}
    for label, spellings in _config()["provinces"].items():
        idx[fold(label)] = label
        for s in spellings:
            idx[fold(s)] = label
    return idx


def province_label(name: str | None) -> str | None:
    """The dataset's label for a province name in any listed spelling, else None."""
    if not name:
        return None
    key = fold(re.sub(r"\s+province$", "", name.strip(), flags=re.IGNORECASE))
    return _province_index().get(key)


def _day(value: str | None) -> str | None:
    if value and re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        return value
    return None


def lower_bound_count(events: list[Any], key: str, text: str | None = None) -> int:
    """The least number of people the events say were ``key`` (killed, captured).

    Counts of events whose evidence overlaps (one sentence: "detained a leader and two
    associates") add up. Across separate passages a release often restates the same
    people ("killed two insurgents … the two insurgents killed were …"), so without
    event coreference only the largest of those sums is a safe minimum — except for a
    passage that marks its people as further ones ("one additional suspect was detained",
    "the force also detained two"; cue words in ``data/eval_isaf.yaml`` ``additive_cues``):
    after an earlier counted passage, its count adds to the total. A cue coordinated
    inside the passage ("detained the facilitator and several additional suspects") marks
    people further to those named in that same passage, which restates the earlier ones,
    so it does not add. ``text`` is the document text the evidence spans point into;
    without it no passage is additive.
    """
    cues = [re.escape(w) for w in _config().get("additive_cues") or ()]
    cue_re = re.compile(r"\b(?:" + "|".join(cues) + r")\b", re.IGNORECASE) if cues and text else None
    # "killing Fayez Jan and one additional insurgent": the further ones are further within the passage
    inner_re = re.compile(r"\b(?:and|along with|together with)\s+(?:\w+\s+)?(?:" + "|".join(cues) + r")\b", re.IGNORECASE) if cues else None

    def additive(spans: list[tuple[int, int]]) -> bool:
        if cue_re is None or inner_re is None or text is None:
            return False
        parts = [text[a:b] for a, b in spans]
        return any(cue_re.search(p) for p in parts) and not any(inner_re.search(p) for p in parts)

    groups: list[tuple[list[tuple[int, int]], int]] = []
    for c in sorted(events, key=lambda c: c.evidence[0] if c.evidence else (0, 0)):
        n = int(c.counts.get(key, 0) or 0)
        for i, (spans, total) in enumerate(groups):
            if any(a < f and e < b for a, b in spans for e, f in c.evidence):
                groups[i] = (spans + list(c.evidence), total + n)
                break
        else:
            groups.append((list(c.evidence), n))
    base = extra = 0
    seen = False
    for spans, total in groups:
        if seen and additive(spans):
            extra += total
        else:
            base = max(base, total)
        seen = seen or total > 0
    return max(base + extra, max((total for _, total in groups), default=0))


def insurgent_attack(claim: Any, entities: dict[str, Any], cfg: dict[str, Any]) -> bool:
    """True for an event the other side carried out: an insurgent group is its source, or the
    releasing side is its target — its forces (``own_forces`` dictionary ids: ISAF, NATO, the
    Afghan forces) or a foreign country's people ("two American soldiers were killed"; a country
    other than ``country`` as a target). A release mentions such attacks as its targets' record;
    they are not the operation it reports (our rule, from the dataset card's definition of the
    fields as the outcome of the reported operation)."""
    insurgents = set(cfg["target_groups"])
    own = set(cfg.get("own_forces") or ())

    def dictionary(eid: str) -> str:
        e = entities.get(eid)
        return (e.external_ids.get("dictionary", "") if e is not None else "") or ""

    # the parser sometimes makes the target the agent of a detention ("targeted a Taliban leader who
    # operates in X detaining suspects"): only an attack by an insurgent group is taken as theirs
    if claim.predicate == "ASSAULT" and any(dictionary(s) in insurgents for s in claim.sources):
        return True
    for t in claim.targets:
        e = entities.get(t)
        if e is None:
            continue
        if dictionary(t) in own:
            return True
        place = e.place
        if place is not None and place.feature == "country" and place.country and place.country != cfg["country"]:
            return True
    return False


def running_total(claim: Any, text: str, cfg: dict[str, Any]) -> bool:
    """True for a tally over a period ("forces have detained more than 35 leaders since the first
    of the year"): a present-perfect trigger whose evidence names the period (``running_total_cues``
    in ``data/eval_isaf.yaml``). A release's fields count the operation it reports, not the campaign."""
    cues = [re.escape(str(w)) for w in cfg.get("running_total_cues") or ()]
    if not cues or claim.trigger is None:
        return False
    before = text[max(0, claim.trigger[0] - 24) : claim.trigger[0]]
    if not re.search(r"\b(?:have|has)\s+(?:\w+\s+)?$", before, re.IGNORECASE):
        return False
    evidence = " ".join(text[a:b] for a, b in claim.evidence)
    return re.search(r"\b(?:" + "|".join(cues) + r")\b", evidence, re.IGNORECASE) is not None


def adapt(x: Extraction, dateline: Dateline) -> tuple[dict[str, Any], dict[str, bool]]:
    """Our extraction in ISAF labels, plus flags saying where each answer came from."""
    cfg = _config()
    op_types = set(cfg["operation_types"])
    # the operation the release reports: asserted or alleged, not background history ("attacks that killed…")
    by_id = {e.id: e for e in x.entities}
    ops = [c for c in x.events
           if c.predicate in op_types and c.modality in ("asserted", "alleged") and not c.historical
           and not insurgent_attack(c, by_id, cfg) and not running_total(c, x.document.text, cfg)]

    # the operation's date: that of an event with an outcome (people killed or detained) when one has
    # a date, so a target's earlier attack ("responsible for the Dec. 2 attack") does not date it
    outcome = [c for c in ops if c.counts.get("killed") or c.counts.get("captured")]
    dates = sorted(d for d in (_day(c.date.value) if c.date else None for c in outcome) if d) or \
        sorted(d for d in (_day(c.date.value) if c.date else None for c in ops) if d)
    start_date = dates[0] if dates else (dateline.date if _day(dateline.date) else None)

    # provinces where the operation happened: places named in an operation event's evidence or as its
    # location; when no event names one, every place the release body mentions
    op_spans = [sp for c in ops for sp in c.evidence]
    op_places = {c.location for c in ops if c.location}

    def province_of(e: Any) -> str | None:
        p = e.place
        if p is None or not p.resolved or (p.country and p.country != cfg["country"]):
            return None
        label = province_label(p.admin1)
        if label is None and p.feature == "province":
            label = province_label(p.gazetteer_name) or province_label(e.name)
        return label

    def in_body(e: Any) -> list[tuple[int, int]]:
        return [m for m in e.mentions if dateline.outside(m[0])]

    provinces: list[str] = []
    for e in x.entities:
        label = province_of(e)
        in_op = e.id in op_places or any(s < oe and os_ < t for s, t in in_body(e) for os_, oe in op_spans)
        if label and in_op and label not in provinces:
            provinces.append(label)
    if not provinces:
        for e in x.entities:
            label = province_of(e)
            if label and in_body(e) and label not in provinces:
                provinces.append(label)

    groups: list[str] = []
    for e in x.entities:
        label = cfg["target_groups"].get(e.external_ids.get("dictionary", ""))
        if label and any(dateline.outside(s) for s, _ in e.mentions) and label not in groups:
            groups.append(label)

    killed = lower_bound_count(ops, "killed", x.document.text)
    captured = lower_bound_count(ops, "captured", x.document.text)
    modes = {c.mode for c in ops if c.mode}
    types = {c.predicate for c in ops}
    event_type: list[str] = []
    for rule in cfg["event_type_rules"]:
        if "modes" in rule and not modes & set(rule["modes"]):
            continue
        if "types" in rule and not types & set(rule["types"]):
            continue
        if "killed" in rule and (killed > 0) != bool(rule["killed"]):
            continue
        if "captured" in rule and (captured > 0) != bool(rule["captured"]):
            continue
        event_type = [rule["label"]]
        break

    pred = {
        "start_date": start_date,
        "province": provinces,
        "target_group": groups,
        "event_type": event_type,
        "min_killed": killed,
        "min_captured": captured,
    }
    return pred, {"date_from_events": bool(dates)}


def baseline_prediction(sdoc: Doc, dateline: Dateline) -> dict[str, Any]:
    b = _config()["baseline"]
    provinces: list[str] = []
    for ent in sdoc.ents:
        if ent.label_ in ("GPE", "LOC", "FAC") and dateline.outside(ent.start_char):
            label = province_label(ent.text)
            if label and label not in provinces:
                provinces.append(label)
    return {
        "start_date": dateline.date if _day(dateline.date) else None,
        "province": provinces,
        "target_group": list(b["target_group"]),
        "event_type": list(b["event_type"]),
        "min_killed": int(b["min_killed"]),
        "min_captured": int(b["min_captured"]),
    }


# --- scoring ----------------------------------------------------------------------------------


def _date_miss(pred: str | None, gold: str | None) -> str:
    """How a predicted start date misses: none, month only, or off by N days."""
    if not pred:
        return "no date"
    p_day, g_day = _day(pred), _day(gold)
    if p_day is None or g_day is None:
        return "not a day"
    days = (date.fromisoformat(p_day) - date.fromisoformat(g_day)).days
    return f"{days:+d} day" if abs(days) == 1 else f"{days:+d} days" if abs(days) <= 7 else "off by more than a week"


def field_scores(pred: dict[str, Any], gold: dict[str, Any]) -> dict[str, float]:
    """One release's scores per field, as ``claimgraph eval isaf`` counts them: ``start_date`` exact; each list
    field's set-F1 and ``*_exact``; each count exact and ``*_within1`` (counts only where the gold has one)."""
    out = {"start_date": float(pred.get("start_date") == gold.get("start_date"))}
    for f in LIST_FIELDS:
        p = {fold(v) for v in pred.get(f) or []}
        g = {fold(v) for v in gold_labels(gold.get(f))}
        out[f] = set_f1(p, g)
        out[f"{f}_exact"] = float(p == g)
    for f in COUNT_FIELDS:
        g_val, p_val = gold.get(f), pred.get(f)
        if g_val is None:
            continue
        out[f] = float(p_val == g_val)
        out[f"{f}_within1"] = float(p_val is not None and abs(int(p_val) - int(g_val)) <= 1)
    return out


class _Tally:
    def __init__(self) -> None:
        self.n = 0
        self.sums: dict[str, float] = {}
        self.misses: dict[str, Counter[str]] = {}

    def _miss(self, field: str, what: str) -> None:
        self.misses.setdefault(field, Counter())[what] += 1

    def _add(self, key: str, value: float) -> None:
        self.sums[key] = self.sums.get(key, 0.0) + value

    def add(self, pred: dict[str, Any], gold: dict[str, Any]) -> None:
        self.n += 1
        for key, value in field_scores(pred, gold).items():
            self._add(key, value)
        p_date, g_date = pred.get("start_date"), gold.get("start_date")
        if p_date != g_date:
            self._miss("start_date", _date_miss(p_date, g_date))
        for f in LIST_FIELDS:
            p = {fold(v) for v in pred.get(f) or []}
            g = {fold(v) for v in gold_labels(gold.get(f))}
            for v in sorted(p - g):
                self._miss(f, f"extra {v}")
            for v in sorted(g - p):
                self._miss(f, f"missing {v}")
        for f in COUNT_FIELDS:
            g_val, p_val = gold.get(f), pred.get(f)
            if g_val is None:
                continue
            self._add(f"{f}_n", 1.0)
            if p_val != g_val:
                self._miss(f, "too high" if (p_val or 0) > g_val else "too low" if p_val else "none found")

    def metrics(self) -> dict[str, float | None]:
        out: dict[str, float | None] = {}
        n = self.n or 1
        out["start_date"] = self.sums.get("start_date", 0) / n
        for f in LIST_FIELDS:
            out[f] = self.sums.get(f, 0) / n
            out[f"{f}_exact"] = self.sums.get(f"{f}_exact", 0) / n
        for f in COUNT_FIELDS:
            m = self.sums.get(f"{f}_n", 0)
            out[f] = self.sums.get(f, 0) / m if m else None
            out[f"{f}_within1"] = self.sums.get(f"{f}_within1", 0) / m if m else None
        return out


def read_items(path: str | Path) -> Iterator[tuple[int, dict[str, Any]]]:
    """``(line, record)`` of an ISAF JSON Lines file; each record needs ``text`` and ``gold``."""
    for line, rec in read_jsonl(path):
        if not isinstance(rec.get("text"), str) or not isinstance(rec.get("gold"), dict):
            raise fail(path, f"line {line + 1}: an ISAF record needs \"text\" and a \"gold\" object")
        yield line, rec


def run(paths: list[str], pipeline: Pipeline, limit: int | None = None, predictions: str | None = None) -> EvalReport:
    from claimgraph.eval.baseline import plain_nlp
    from claimgraph.ingest import document_from_text

    ours, base = _Tally(), _Tally()
    from_events = 0
    empty: list[str] = []
    items = ((p, line, rec) for p in paths for line, rec in read_items(p))
    with prediction_writer(predictions) as out:
        for path, line, rec in limited(items, limit):
            text, rid = rec["text"], str(rec.get("id") or "")
            if not text.strip() and rid.strip():
                # the id is the release's first line; in a few records it holds the whole release
                text, rid = rid, ""
            dl = parse_dateline(text, rid)
            try:
                document = document_from_text(text, path=f"{path}:{line}", published=dl.date)
            except IngestError as exc:  # e.g. an empty release text: nothing to extract, scored as such
                empty.append(f"line {line}: {exc.code}")
                pred, base_pred = dict(EMPTY), dict(EMPTY)
            else:
                # the dateline end is measured again on the normalised text the offsets refer to
                x = pipeline.analyze(document)
                on_doc = parse_dateline(document.text, rid)
                dl_doc = Dateline(dl.date, on_doc.end, on_doc.regions)
                pred, flags = adapt(x, dl_doc)
                from_events += flags["date_from_events"]
                base_pred = baseline_prediction(plain_nlp()(document.text), dl_doc)
            out.write({"line": line, "id": rec.get("id"), **pred})
            ours.add(pred, rec["gold"])
            base.add(base_pred, rec["gold"])
    if ours.n == 0:
        raise EvalError("CG500", subject=",".join(paths), detail="no ISAF records found")
    metrics = ours.metrics()
    metrics["start_date_from_events_share"] = from_events / ours.n
    return EvalReport(
        kind="isaf",
        inputs=list(paths),
        n_items=ours.n,
        metrics=metrics,
        baseline=base.metrics(),
        sections={"misses": {f: dict(c.most_common(8)) for f, c in sorted(ours.misses.items())}},
        notes=[
            "lists: mean set-F1 per release (*_exact: share with exactly the gold set); counts exact (*_within1: ±1)",
            "baseline: always detention / taliban / 0 killed / 0 captured, dateline date, "
            "spaCy place names looked up in the province table",
            "start_date falls back to the dateline date when no operation event carries a day-precision date",
            *([f"{len(empty)} record(s) without text, predicted empty: {', '.join(empty)}"] if empty else []),
        ],
        predictions_path=predictions,
    )
