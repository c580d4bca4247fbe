"""``claimgraph eval news``: the conflict_news_selection texts, each scored with its source dataset's gold.

Input: a selection folder (``articles/*.txt`` + ``metadata.jsonl``: ``{id, src, orig_id,
path, date, …}``), its ``metadata.jsonl``, or single ``.txt`` files (their records are
looked up in a ``metadata.jsonl`` in the file's folder or the one above). Every text is
analysed by ``pipeline.analyze`` (with the record's ``date`` as the publication date when
it is a valid date); a text without a record, without readable gold or from a source no
scorer covers is still analysed and counted.

The gold is looked up next to the selection (the data root, the selection folder's
parent; :mod:`claimgraph.eval.news_gold`) and scored with the source's own scorer,
imported from its evaluation kind:

* ``ISAF-PR`` — :func:`claimgraph.eval.isaf.adapt` on our extraction (the dateline date as
  publication date, as ``eval isaf`` does); per-field accuracy / set-F1 / exact counts;
  baseline: :func:`claimgraph.eval.isaf.baseline_prediction`;
* ``GeoWebNews``, ``LGL``, ``TR-News`` — :func:`claimgraph.eval.geo.predict_ours` and
  :class:`claimgraph.eval.geo.GeoScore` (span P/R/F1, acc161, AUC, km errors), gold spans
  carried onto the text as stored here (:mod:`claimgraph.eval.align`); baseline:
  :func:`claimgraph.eval.geo.predict_baseline`;
* ``ECB+`` — event mention detection and within-document event coreference as
  ``eval ecb`` scores them (the document's annotated sentences only);
* ``WikiEvents`` — :func:`claimgraph.eval.wikievents.gold_items` (gold moved onto the
  stored text), :func:`~claimgraph.eval.wikievents.our_events` and its ``Tally`` (trigger /
  argument identification and classification F1); baseline: its trigger-lemma baseline,
  the lemmas learnt from the WikiEvents texts scored here.

Metrics are per source (``<src>.<metric>``) plus ``texts.*`` counts.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from claimgraph.errors import EvalError, IngestError
from claimgraph.eval.common import prediction_writer, read_jsonl, read_text
from claimgraph.eval.metrics import PRF, greedy_match, overlap_chars
from claimgraph.eval.news_gold import GoldFinder, config
from claimgraph.eval.report import EvalReport

if TYPE_CHECKING:
    from claimgraph.model import Extraction
    from claimgraph.pipeline import Pipeline

SHAPE = ("{id, src, orig_id, gold_found, scorer, claims, events, entities, scores} per text: what we extracted, "
         "whether its source gold was readable, which scorer scored it and its per-text scores")
HEADLINE = ["texts.with_gold", "texts.scored", "GeoWebNews.span_f1", "ECB+.mentions.f1",
            "WikiEvents.trigger_classification_f1"]
SCORING = (
    "Each text is analysed; its metadata.jsonl record (src, orig_id, path) names the source dataset, whose gold is "
    "read from the sibling folders of the data root (data/eval_news.yaml) and scored with that dataset's own "
    "scorer: ISAF-PR with eval/isaf.py's adapter (date exact, lists set-F1, counts exact), GeoWebNews/LGL/TR-News "
    "with eval/geo.py (toponym span P/R/F1, acc161, AUC; gold spans carried onto the stored text), ECB+ with "
    "eval/ecb.py's mention matching (trigger overlap) and within-document coreference, WikiEvents with "
    "eval/wikievents.py (trigger/argument F1 on mapped KAIROS types). Rows are per source; baselines are each "
    "scorer's own (ISAF constant answers, spaCy places at their most populous candidate, every VERB a mention, "
    "the most frequent gold trigger lemma per type)."
)
TARGETS: dict[str, float] = {}

_DATE = re.compile(r"^\d{4}(?:-\d{2}(?:-\d{2})?)?$")


@dataclass
class NewsText:
    id: str
    path: Path
    meta: dict[str, Any] = field(default_factory=dict)


def _read_metadata(path: Path) -> dict[str, dict[str, Any]]:
    out: dict[str, dict[str, Any]] = {}
    for line, rec in read_jsonl(path):
        if not isinstance(rec.get("id"), str) or not rec["id"]:
            raise EvalError("CG500", subject=str(path), detail=f"line {line + 1}: a record needs a string \"id\"")
        out.setdefault(rec["id"], rec)
    return out


def read_selection(paths: list[str]) -> tuple[list[NewsText], list[Path], int]:
    """The texts under ``paths`` with their records, the folders they came from, and records without a text."""
    name = config()["metadata"]
    texts: dict[Path, NewsText] = {}
    folders: list[Path] = []
    missing = 0
    for raw in paths:
        p = Path(raw)
        if not p.exists():
            raise EvalError("CG100", subject=str(p), detail="evaluation input not found")
        if p.is_file() and p.name == name:
            p = p.parent
        if p.is_dir():
            meta_path = p / name
            records = _read_metadata(meta_path) if meta_path.is_file() else {}
            files = {f.stem: f for f in sorted(p.rglob("*.txt")) if f.is_file() and not f.name.startswith(".")}
            if not files and not records:
                raise EvalError("CG500", subject=str(p), detail=f"no .txt texts and no {name} in the folder")
            missing += sum(1 for rid in records if rid not in files)
            for stem, f in files.items():
                texts.setdefault(f, NewsText(stem, f, records.get(stem, {})))
            folders.append(p)
        elif p.suffix.lower() == ".txt":
            records = {}
            for folder in (p.parent, p.parent.parent):
                if (folder / name).is_file():
                    records = _read_metadata(folder / name)
                    folders.append(folder)
                    break
            texts.setdefault(p, NewsText(p.stem, p, records.get(p.stem, {})))
        else:
            raise EvalError("CG500", subject=str(p), detail=f"expected a selection folder, its {name} or .txt files")
    return list(texts.values()), list(dict.fromkeys(folders)), missing


def _published(meta: dict[str, Any]) -> str | None:
    value = str(meta.get("date") or "").strip()[:10]
    return value if _DATE.match(value) else None


# --------------------------------------------------------------------------- scorers


class _Isaf:
    """ISAF fields, scored as ``eval isaf`` scores them."""

    def __init__(self) -> None:
        self.sums: dict[str, list[float]] = defaultdict(list)

    @staticmethod
    def fields(pred: dict[str, Any], gold: dict[str, Any]) -> dict[str, float]:
        from claimgraph.eval.isaf import field_scores

        return {k: v for k, v in field_scores(pred, gold).items() if not k.endswith(("_exact", "_within1"))}

    def score(self, pipeline: Pipeline, plain: Any, text: NewsText, body: str, rec: dict[str, Any]
              ) -> tuple[Extraction | None, dict[str, float]]:
        from claimgraph.eval.isaf import Dateline, adapt, baseline_prediction, parse_dateline
        from claimgraph.ingest import document_from_text

        rid = str(rec.get("id") or "")
        dl = parse_dateline(body, rid)
        document = document_from_text(body, path=str(text.path), published=dl.date)
        x = pipeline.analyze(document)
        on_doc = parse_dateline(document.text, rid)
        dl_doc = Dateline(dl.date, on_doc.end, on_doc.regions)
        pred, _flags = adapt(x, dl_doc)
        ours = self.fields(pred, rec["gold"])
        base = self.fields(baseline_prediction(plain(document.text), dl_doc), rec["gold"])
        for k, v in ours.items():
            self.sums[k].append(v)
        for k, v in base.items():
            self.sums[f"base.{k}"].append(v)
        return x, ours

    def metrics(self, prefix: str) -> tuple[dict[str, float | None], dict[str, float | None]]:
        ours = {f"{prefix}.{k}": sum(v) / len(v) for k, v in self.sums.items() if not k.startswith("base.")}
        base = {f"{prefix}.{k[5:]}": sum(v) / len(v) for k, v in self.sums.items() if k.startswith("base.")}
        return dict(ours), dict(base)


def _geo_item(gold: Any, src: str, text: str) -> tuple[Any, int]:
    """The gold item with its toponyms carried onto ``text``; and how many could not be carried."""
    from claimgraph.eval.align import OffsetMap
    from claimgraph.eval.geo import GeoItem, GoldToponym

    to_text = OffsetMap(gold.text, text)
    tops, lost = [], 0
    for t in gold.toponyms:
        sp = to_text.span((t.start, t.end))
        if sp is None:
            lost += 1
            continue
        tops.append(GoldToponym(sp[0], sp[1], text[sp[0]:sp[1]], t.lat, t.lon, t.geonameid))
    return GeoItem(src, gold.doc, text, tops), lost


@dataclass
class _Ecb:
    """ECB+ mention detection and within-document coreference, as ``eval ecb`` scores them."""

    det: PRF = field(default_factory=PRF)
    det_base: PRF = field(default_factory=PRF)
    wd: dict[str, Any] = field(default_factory=dict)
    wd_base: dict[str, Any] = field(default_factory=dict)

    def score(self, gold_path: Path, x: Extraction, plain: Any) -> dict[str, float]:
        from claimgraph.eval.align import OffsetMap
        from claimgraph.eval.cat_xml import parse_document
        from claimgraph.eval.coref_metrics import add_scores, all_scores
        from claimgraph.eval.ecb import (
            clusters, head_lemma, find_sentence_index, gold_mentions, match, predicted_mentions,
            read_sentence_index, sentence_ranges,
        )
        from claimgraph.resolve.crossdoc import corroborate

        doc = parse_document(gold_path)
        index_path = find_sentence_index([str(gold_path)])
        sentences = read_sentence_index(index_path).get(doc.stem, set()) if index_path else None
        text = x.document.text
        to_text = OffsetMap(doc.text, text)
        golds = []
        for g in gold_mentions(doc, sentences):
            sp = to_text.span(g.span)
            if sp is not None:
                g.span = sp
                golds.append(g)
        ranges = sentence_ranges(doc, sentences)
        mapped = [r for r in (to_text.span(r) for r in ranges) if r] if ranges is not None else None
        preds = predicted_mentions(x, doc.stem, mapped)
        pairs = match(preds, golds)
        det = PRF(len(pairs), len(preds), len(golds))
        self.det = self.det + det
        sdoc = plain(text)
        verbs = [(t.idx, t.idx + len(t)) for t in sdoc if t.pos_ == "VERB"
                 and (mapped is None or any(a <= t.idx < b for a, b in mapped))]
        vb = greedy_match(verbs, golds, lambda v, g: overlap_chars(v, g.span) or None)
        self.det_base = self.det_base + PRF(len(vb), len(verbs), len(golds))
        _corpus, groups = corroborate([x])
        group_of = {v.claim.id: g.id for g in groups for v in g.claims}
        key = {golds[j].key: golds[j].chain for _i, j in pairs}
        ours = {golds[j].key: group_of.get(preds[i].claim_ids[0], preds[i].key) for i, j in pairs}
        lemma = {golds[j].key: head_lemma(sdoc, golds[j].span) for _i, j in pairs}
        self.wd = add_scores(self.wd, all_scores(clusters(key), clusters(ours)))
        self.wd_base = add_scores(self.wd_base, all_scores(clusters(key), clusters(lemma)))
        return {"mentions.f1": det.f1, "mentions.recall": det.recall, "mentions.precision": det.precision}

    def metrics(self, prefix: str) -> tuple[dict[str, float | None], dict[str, float | None]]:
        from claimgraph.eval.coref_metrics import as_metrics

        ours: dict[str, float | None] = {f"{prefix}.mentions.{k[2:]}": v for k, v in self.det.as_dict("m").items()}
        base: dict[str, float | None] = {f"{prefix}.mentions.{k[2:]}": v for k, v in self.det_base.as_dict("m").items()}
        if self.wd:
            ours[f"{prefix}.wd.matched.conll_f1"] = as_metrics(self.wd, "x")["x.conll_f1"]
            base[f"{prefix}.wd.matched.conll_f1"] = as_metrics(self.wd_base, "x")["x.conll_f1"]
        return ours, base


@dataclass
class _Wiki:
    """WikiEvents triggers and arguments, scored by ``eval wikievents``'s own tally."""

    parsed: list[tuple[Any, list[Any]]] = field(default_factory=list)
    tally: Any = None

    def score(self, wdoc: Any, x: Extraction, plain: Any) -> dict[str, float]:
        from claimgraph.eval.wikievents import Tally, gold_items, our_events

        if self.tally is None:
            self.tally = Tally()
        golds = gold_items(wdoc, x.document.text)
        one = Tally()
        preds = our_events(x)
        one.add(preds, golds)
        self.tally.add(preds, golds)
        self.parsed.append((plain(x.document.text), golds))
        return {k: v for k, v in one.metrics().items() if k.endswith("_f1") and v is not None}

    def metrics(self, prefix: str) -> tuple[dict[str, float | None], dict[str, float | None]]:
        from claimgraph.eval.wikievents import Tally, baseline_events, trigger_lemmas

        lemmas = trigger_lemmas(self.parsed)
        base = Tally()
        for sdoc, golds in self.parsed:
            base.add(baseline_events(sdoc, lemmas), golds)
        keep = ("trigger_identification_f1", "trigger_classification_f1", "argument_identification_f1",
                "argument_classification_f1")
        ours = {f"{prefix}.{k}": v for k, v in self.tally.metrics().items() if k in keep}
        return ours, {f"{prefix}.{k}": v for k, v in base.metrics().items() if k in keep}


# --------------------------------------------------------------------------- run


def run(paths: list[str], pipeline: Pipeline, limit: int | None = None, predictions: str | None = None) -> EvalReport:
    """Analyse every text under ``paths`` and score those whose source gold is readable; ``limit``: first N texts."""
    from claimgraph.eval.baseline import plain_nlp
    from claimgraph.eval.geo import GeoScore, predict_baseline, predict_ours
    from claimgraph.ingest import document_from_text

    texts, folders, missing = read_selection(paths)
    if limit is not None:
        texts = texts[:limit]
    from claimgraph.geo.gazetteer import Gazetteer

    root = folders[0].parent if folders else None
    gaz = pipeline.gazetteer if pipeline.gazetteer is not None else Gazetteer.open()
    finder = GoldFinder(root, gaz)
    plain = plain_nlp()
    isaf, ecb, wiki = _Isaf(), _Ecb(), _Wiki()
    geo: dict[str, tuple[GeoScore, GeoScore]] = {}
    rows: dict[str, Counter[str]] = defaultdict(Counter)
    lost_toponyms = 0
    unreadable_texts: list[str] = []
    with prediction_writer(predictions) as out:
        for t in texts:
            src = str(t.meta.get("src") or "(no metadata)")
            orig = str(t.meta.get("orig_id") or "")
            scorer = finder.scorer(src)
            row = rows[src]
            row["texts"] += 1
            try:
                body = read_text(t.path)
            except EvalError as exc:
                unreadable_texts.append(f"{t.path.name}: {exc.code}")
                continue
            x: Extraction | None = None
            scores: dict[str, float] = {}
            gold_found = False
            try:
                if scorer == "isaf" and (rec := finder.isaf(orig, body)) is not None:
                    gold_found = True
                    x, scores = isaf.score(pipeline, plain, t, body, rec)
                else:
                    x = pipeline.analyze(document_from_text(body, path=str(t.path), published=_published(t.meta)))
                    if scorer == "geo" and (item := finder.geo(src, orig)) is not None:
                        gold_found = True
                        gold, lost = _geo_item(item, src, x.document.text)
                        lost_toponyms += lost
                        ours_s, base_s = geo.setdefault(src, (GeoScore(), GeoScore()))
                        pred = predict_ours(gold, pipeline.nlp(gold.text), gaz, False)
                        ours_s.add(gold, pred)
                        base_s.add(gold, predict_baseline(gold, plain(gold.text), gaz, False))
                        scores = {"toponyms_gold": float(len(gold.toponyms)), "toponyms_found": float(len(pred))}
                    elif scorer == "ecb" and (gold_path := finder.ecb(t.meta)) is not None:
                        gold_found = True
                        scores = ecb.score(gold_path, x, plain)
                    elif scorer == "wikievents" and (wdoc := finder.wikievents(orig)) is not None:
                        gold_found = True
                        scores = wiki.score(wdoc, x, plain)
            except IngestError as exc:  # an empty text: counted, nothing to analyse
                unreadable_texts.append(f"{t.path.name}: {exc.code}")
            row["analysed"] += x is not None
            row["with_gold"] += gold_found
            scored = gold_found and bool(scores)
            row["scored"] += scored
            out.write({"id": t.id, "src": t.meta.get("src"), "orig_id": t.meta.get("orig_id"),
                       "gold_found": gold_found, "scorer": scorer if scored else None,
                       "claims": len(x.claims) if x else 0, "events": len(x.events) if x else 0,
                       "entities": len(x.entities) if x else 0, "scores": scores})
    if not texts:
        raise EvalError("CG500", subject=",".join(paths), detail="no texts found")
    metrics: dict[str, float | int | None] = {
        "texts.analysed": sum(r["analysed"] for r in rows.values()),
        "texts.with_gold": sum(r["with_gold"] for r in rows.values()),
        "texts.scored": sum(r["scored"] for r in rows.values()),
    }
    baseline: dict[str, float | int | None] = {}
    if isaf.sums:
        o, b = isaf.metrics("ISAF-PR")
        metrics.update(o)
        baseline.update(b)
    for src, (o_s, b_s) in sorted(geo.items()):
        metrics.update(o_s.metrics(f"{src}."))
        baseline.update(b_s.metrics(f"{src}."))
    if ecb.det.n_gold or ecb.det.n_pred:
        o, b = ecb.metrics("ECB+")
        metrics.update(o)
        baseline.update(b)
    if wiki.parsed:
        o, b = wiki.metrics("WikiEvents")
        metrics.update(o)
        baseline.update(b)
    no_scorer = [s for s, r in rows.items() if r["with_gold"] and not r["scored"]]
    return EvalReport(
        kind="news", inputs=list(paths), n_items=len(texts), metrics=metrics, baseline=baseline,
        sections={"sources": {s: dict(r) for s, r in sorted(rows.items())}},
        notes=[
            f"gold looked up under {root}" if root else "no data root: texts analysed, none scored",
            *([f"gold found but no scorer available for: {', '.join(sorted(no_scorer))} (analysed, not scored)"]
              if no_scorer else []),
            *([f"{missing} metadata record(s) without a text file"] if missing else []),
            *([f"{lost_toponyms} gold toponym(s) could not be carried onto the stored text"] if lost_toponyms else []),
            *([f"unreadable gold file(s) skipped: {'; '.join(finder.unreadable[:5])}"] if finder.unreadable else []),
            *([f"texts not analysed: {', '.join(unreadable_texts[:10])}"] if unreadable_texts else []),
            *([f"--limit {limit}: the first {limit} text(s)"] if limit else []),
        ],
        predictions_path=predictions,
    )
