"""``claimgraph eval storyline``: temporal order of events on the EventStoryLine corpus (ESC v1.5).

Input: ESC CAT XML documents (``annotated_data/v1.5/<topic>/<doc>.xml.xml``) — files or
folders of any depth. Gold events are the ACTION_*/NEG_ACTION_* markables; gold relations
are the TLINKs between two events (links to time expressions are counted, not scored) and
the PLOT_LINKs (PRECONDITION / FALLING_ACTION: causal and plot relations).

claimgraph gives each event a date (a :class:`~claimgraph.model.DateInterval`) and
extracts no causal links, so this scores what it does produce, honestly:

* each document's text is rebuilt from its tokens and analysed (the DCT, the
  ``TIME_DATE`` markable with ``DCT="TRUE"``, is passed as the publication date: the
  document's own date, which any reader of the article has);
* our events are matched to gold events as in ``eval ecb`` (trigger span overlaps the
  markable, one to one);
* for each gold event-event TLINK whose two events both match dated events of ours, the
  relation of the two date intervals (BEFORE, AFTER, SIMULTANEOUS, INCLUDES, IS_INCLUDED,
  OVERLAP) is compared with the gold relType mapped as in ``data/eval_storyline.yaml``.
  ``temporal.coverage`` is the share of gold pairs we can order this way,
  ``temporal.accuracy`` the share of those we order right (``coarse_accuracy``: before /
  after / overlapping only), ``temporal.accuracy_all`` right answers over all gold pairs.
* causal: we predict no PLOT_LINK, so recall is 0 and precision undefined (reported as
  ``None``); the number of gold links is reported.

Baseline in the same run: text order — the earlier mention BEFORE the later one — on
every gold pair (its ``temporal.accuracy`` is measured on the same pairs we order).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING, Any

from claimgraph.data import load_yaml
from claimgraph.errors import EvalError, IngestError
from claimgraph.eval.cat_xml import CatDocument, find_files, parse_document
from claimgraph.eval.common import prediction_writer
from claimgraph.eval.ecb import gold_mentions, is_event_tag, match, predicted_mentions
from claimgraph.eval.metrics import PRF, Ratio
from claimgraph.eval.report import EvalReport

if TYPE_CHECKING:
    from claimgraph.model import Extraction
    from claimgraph.pipeline import Pipeline

SHAPE = ("{doc, r_id, source, target, gold, pred, baseline, source_date, target_date} per gold event-event TLINK: "
         "m_ids of the two gold events, the gold relation (mapped), ours from our events' date intervals (null when "
         "we cannot order the pair) and the text-order baseline's")
HEADLINE = ["temporal.time_event.coverage", "temporal.time_event.accuracy", "temporal.event_event.coverage",
            "events.f1"]
SCORING = (
    "Gold: TLINKs between two ACTION_*/NEG_ACTION_* markables with a non-empty relType, mapped to BEFORE, AFTER, "
    "SIMULTANEOUS, INCLUDES (ESC's CONTAINS), IS_INCLUDED, OVERLAP (BEGINS_ON/ENDS_ON and their inverses → "
    "OVERLAP; data/eval_storyline.yaml). Ours: when both events match our events (trigger overlap) and both carry "
    "a date, the relation of the two date intervals. Coverage = pairs we order / gold pairs; accuracy = right / "
    "ordered (coarse: before/after/overlap only); accuracy_all = right / all gold pairs. Causal PLOT_LINKs: we "
    "extract none (recall 0, precision undefined). Baseline: text order (earlier mention BEFORE later)."
)
TARGETS: dict[str, float] = {}

Interval = tuple[str, str]


def _config() -> dict[str, Any]:
    return load_yaml("eval_storyline.yaml")


def interval_relation(a: Interval, b: Interval) -> str:
    """The relation of interval ``a`` to ``b`` (ISO day text, inclusive bounds)."""
    if a[1] < b[0]:
        return "BEFORE"
    if a[0] > b[1]:
        return "AFTER"
    if a == b:
        return "SIMULTANEOUS"
    if a[0] <= b[0] and b[1] <= a[1]:
        return "INCLUDES"
    if b[0] <= a[0] and a[1] <= b[1]:
        return "IS_INCLUDED"
    return "OVERLAP"


def time_event_relation(time: Interval, event: Interval) -> str:
    """The relation of a time expression's unit to an event's date: a date holds what happened on it."""
    if event[0] >= time[0] and event[1] <= time[1]:
        return "INCLUDES"
    return interval_relation(time, event)


@dataclass
class GoldLink:
    r_id: str
    source: str  # m_id
    target: str
    label: str  # mapped relation
    family: str  # "ee" (event-event) or "te" (time-event)
    time: Interval | None = None  # the time expression's unit, for "te"


def time_interval(value: str | None) -> Interval | None:
    """The days a normalised TIMEX value ("2013-05-03", "2010-09", "2010") may stand for; None otherwise."""
    from claimgraph.eval.metrics import partial_date_range

    v = (value or "").strip()[:10]
    if not re.fullmatch(r"\d{4}(?:-\d{2}(?:-\d{2})?)?", v):
        return None
    try:
        lo, hi = partial_date_range(v)
    except ValueError:
        return None
    return lo.isoformat(), hi.isoformat()


def temporal_links(doc: CatDocument) -> tuple[list[GoldLink], dict[str, int]]:
    """Scorable TLINKs (event-event, and time-event where the time has a calendar value), and counts of the rest."""
    cfg = _config()
    labels, te_labels = cfg["tlink_labels"], cfg.get("time_event_labels") or {}
    events = {m.m_id for m in doc.markables.values() if m.is_mention and is_event_tag(m.tag)}
    times = {m.m_id: m for m in doc.markables.values() if m.tag.startswith("TIME")}
    out: list[GoldLink] = []
    skipped = {"unlabelled": 0, "time_without_calendar_value": 0, "other": 0}
    for rel in doc.relations:
        if rel.tag != "TLINK" or not rel.sources or not rel.targets:
            continue
        s, t = rel.sources[0], rel.targets[0]
        label = labels.get((rel.attrs.get("relType") or "").strip().upper())
        if s in events and t in events:
            family, time = "ee", None
        elif s in times and t in events:
            family, time = "te", time_interval(times[s].attrs.get("value"))
            if label is not None:
                label = te_labels.get(label, label)
            if time is None:
                skipped["time_without_calendar_value"] += 1
                continue
        else:
            skipped["other"] += 1
            continue
        if label is None:
            skipped["unlabelled"] += 1
            continue
        out.append(GoldLink(rel.r_id, s, t, label, family, time))
    return out, skipped


def plot_links(doc: CatDocument) -> int:
    kinds = set(_config()["plot_link_types"])
    return sum(1 for r in doc.relations if r.tag == "PLOT_LINK" and (r.attrs.get("relType") or "") in kinds)


def document_date(doc: CatDocument) -> str | None:
    """The DCT (``TIME_DATE`` with ``DCT="TRUE"``) when it is a valid day."""
    for m in doc.markables.values():
        if m.attrs.get("DCT") == "TRUE":
            value = (m.attrs.get("value") or "").strip()
            try:
                date.fromisoformat(value)
            except ValueError:
                continue
            return value
    return None


def _event_dates(x: Extraction, doc: CatDocument) -> dict[str, Interval]:
    """Gold m_id -> the date interval of the event of ours that matched it (when it has one)."""
    from claimgraph.resolve.crossdoc import interval

    preds = predicted_mentions(x, doc.stem, None, doc.text)
    golds = gold_mentions(doc, None)
    claims = {c.id: c for c in x.claims}
    out: dict[str, Interval] = {}
    for i, j in match(preds, golds):
        for cid in preds[i].claim_ids:
            span = interval(claims[cid].date)
            if span is not None:
                out[golds[j].m_id] = span
                break
    return out


def _text_order(doc: CatDocument, link: GoldLink) -> str:
    """Text order: the earlier mention BEFORE the later; a time with no place in the text (the DCT, an
    instance descriptor) comes AFTER the events a report tells of."""
    s_m, t_m = doc.markables[link.source], doc.markables[link.target]
    s, t = doc.span(s_m), doc.span(t_m)
    if s is None or t is None or s_m.attrs.get("DCT") == "TRUE":
        return "AFTER"
    return "BEFORE" if s[0] <= t[0] else "AFTER"


@dataclass
class _Tally:
    """Accuracy of one link family, ours and the baseline's on the same pairs."""

    pairs: int = 0
    ordered: int = 0
    acc: Ratio = field(default_factory=Ratio)
    coarse: Ratio = field(default_factory=Ratio)
    acc_all: Ratio = field(default_factory=Ratio)
    base_acc: Ratio = field(default_factory=Ratio)
    base_coarse: Ratio = field(default_factory=Ratio)
    base_all: Ratio = field(default_factory=Ratio)
    by_label: dict[str, Ratio] = field(default_factory=dict)

    def add(self, gold: str, pred: str | None, base: str, coarse: dict[str, str]) -> None:
        self.pairs += 1
        self.acc_all.add(pred == gold)
        self.base_all.add(base == gold)
        if pred is None:
            return
        self.ordered += 1
        self.acc.add(pred == gold)
        self.coarse.add(coarse[pred] == coarse[gold])
        self.base_acc.add(base == gold)
        self.base_coarse.add(coarse[base] == coarse[gold])
        self.by_label.setdefault(gold, Ratio()).add(pred == gold)

    def metrics(self, prefix: str) -> tuple[dict[str, float | int | None], dict[str, float | int | None]]:
        ours: dict[str, float | int | None] = {
            f"{prefix}.gold_pairs": self.pairs, f"{prefix}.ordered": self.ordered,
            f"{prefix}.coverage": self.ordered / self.pairs if self.pairs else None,
            f"{prefix}.accuracy": self.acc.value, f"{prefix}.coarse_accuracy": self.coarse.value,
            f"{prefix}.accuracy_all": self.acc_all.value}
        base: dict[str, float | int | None] = {
            f"{prefix}.coverage": 1.0 if self.pairs else None, f"{prefix}.accuracy": self.base_acc.value,
            f"{prefix}.coarse_accuracy": self.base_coarse.value, f"{prefix}.accuracy_all": self.base_all.value}
        return ours, base


def run(paths: list[str], pipeline: Pipeline, limit: int | None = None, predictions: str | None = None) -> EvalReport:
    """Score every ESC document under ``paths``; ``limit`` keeps the first N documents (topic, then number order)."""
    from claimgraph.ingest import document_from_text

    files = find_files(paths)
    if not files:
        raise EvalError("CG500", subject=",".join(paths), detail="no EventStoryLine XML files found")
    if limit is not None:
        files = files[:limit]
    coarse = _config()["coarse"]
    n_docs = n_plot = 0
    tallies = {"ee": _Tally(), "te": _Tally()}
    skipped: dict[str, int] = {}
    events = PRF()
    with prediction_writer(predictions) as out:
        for f in files:
            doc = parse_document(f)
            links, skip = temporal_links(doc)
            for k, v in skip.items():
                skipped[k] = skipped.get(k, 0) + v
            n_plot += plot_links(doc)
            try:
                x = pipeline.analyze(document_from_text(doc.text, path=doc.path, published=document_date(doc)))
            except IngestError:
                continue
            n_docs += 1
            preds, golds = predicted_mentions(x, doc.stem, None, doc.text), gold_mentions(doc, None)
            events = events + PRF(len(match(preds, golds)), len(preds), len(golds))
            dates = _event_dates(x, doc)
            for link in links:
                target = dates.get(link.target)
                if link.family == "te":
                    source = link.time
                    pred = time_event_relation(source, target) if source and target else None
                else:
                    source = dates.get(link.source)
                    pred = interval_relation(source, target) if source and target else None
                base = _text_order(doc, link)
                tallies[link.family].add(link.label, pred, base, coarse)
                out.write({"doc": doc.stem, "r_id": link.r_id, "family": link.family, "source": link.source,
                           "target": link.target, "gold": link.label, "pred": pred, "baseline": base,
                           "source_date": list(source) if source else None,
                           "target_date": list(target) if target else None})
    if n_docs == 0:
        raise EvalError("CG500", subject=",".join(paths), detail="no EventStoryLine document could be read")
    metrics: dict[str, float | int | None] = {}
    baseline: dict[str, float | int | None] = {}
    for family, name in (("te", "temporal.time_event"), ("ee", "temporal.event_event")):
        ours_m, base_m = tallies[family].metrics(name)
        metrics.update(ours_m)
        baseline.update(base_m)
    metrics.update({"causal.gold_links": n_plot, "causal.precision": None, "causal.recall": 0.0 if n_plot else None,
                    "events.precision": events.precision, "events.recall": events.recall, "events.f1": events.f1})
    return EvalReport(
        kind="storyline", inputs=list(paths), n_items=n_docs, metrics=metrics, baseline=baseline,
        sections={"accuracy_by_gold_label": {f"{fam}.{k}": {"ordered": r.total, "accuracy": r.value}
                                             for fam, t in sorted(tallies.items()) for k, r in sorted(t.by_label.items())},
                  "tlinks_not_scored": skipped},
        notes=[
            "events match gold ACTION_*/NEG_ACTION_* markables when our trigger span overlaps them (one to one)",
            "time_event: gold TLINK from a time expression with a calendar value to an event, vs our event's date; "
            "event_event: TLINK between two events, vs the relation of our two events' dates",
            "a pair is ordered (coverage) only when its event(s) match dated events of ours",
            "baseline: text order (earlier mention BEFORE later; the DCT AFTER); its accuracy is on the pairs we order",
            "causal: claimgraph extracts no causal/plot links — recall 0, precision undefined (None)",
            "the DCT (TIME_DATE DCT=TRUE) is passed as the publication date",
            *([f"--limit {limit}: the first {limit} document(s) in topic/number order"] if limit else []),
        ],
        predictions_path=predictions,
    )
