"""``claimgraph eval ecb``: event mentions and event coreference on ECB+ (CAT/CROMER XML).

Input: ECB+ documents (``<topic>/<n>ecb.xml``, ``<n>ecbplus.xml``) — single files, topic
folders or the corpus folder — and, when it sits in the folder given or up to three
folders above (or is passed as a path), ``ECBplus_coreference_sentences.csv``, the
sentences whose annotation is complete: as the release README says, only they are scored
(gold and predicted mentions elsewhere are left out; a document the index does not list
is not scored). Without the index every sentence is scored, and the notes say so.

Each document's text is rebuilt from its tokens (:mod:`claimgraph.eval.cat_xml`) and
analysed by ``pipeline.analyze``. Gold event mentions are the ``ACTION_*`` and
``NEG_ACTION_*`` markables (``data/eval_ecb.yaml``); a mention's gold chain is the
``CROSS_DOC_COREF`` instance it points to, else its ``INTRA_DOC_COREF`` chain, else itself.

Topics: when the input holds any dev or test topic of the standard split (Cybulska & Vossen
2015; ``data/eval_ecb.yaml``), only those are scored — train topics are what systems tune on,
and all 43 topics take minutes — so the visible corpus scores its 8 dev topics and the
complete corpus its dev and test topics; an input of train topics only is scored in full.
``--limit N`` keeps the first N of the chosen topics.

Ours: every event claim is a mention at its trigger span (else its first evidence span;
claims sharing a span are one mention); our coreference is
:func:`claimgraph.resolve.crossdoc.corroborate`'s fact groups, run per topic (the usual
"gold topic" setting). Scores:

* ``mentions.*`` — P/R/F1 of event mention detection; a predicted and a gold mention
  match when their character spans overlap (one to one, most shared characters first);
* ``wd.matched.*`` / ``cd.matched.*`` — within- / cross-document coreference (MUC, B³,
  CEAF-e, CoNLL F1) on the gold mentions we matched, our clusters against the gold chains;
* ``cd.e2e.conll_f1`` — cross-document, end to end: all gold mentions against all of ours.

Baselines in the same run: for detection, every token plain spaCy tags VERB; for
coreference on the same matched mentions, *same lemma* (head lemmas equal → corefer;
the standard baseline) under the same metric names, and ``singleton.*``; and both on all
gold mentions (``gold_mentions.*``, the literature's setting) for reference.
"""

from __future__ import annotations

import csv
import io
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from claimgraph.data import load_yaml
from claimgraph.errors import EvalError, IngestError
from claimgraph.eval.cat_xml import CatDocument, find_files, parse_document
from claimgraph.eval.common import fail, prediction_writer, read_text
from claimgraph.eval.coref_metrics import CorefScore, add_scores, all_scores, as_metrics
from claimgraph.eval.metrics import PRF, greedy_match, overlap_chars
from claimgraph.eval.report import EvalReport

if TYPE_CHECKING:
    from claimgraph.model import Extraction
    from claimgraph.pipeline import Pipeline

SHAPE = ("{doc, topic, mentions: [{start, end, text, predicate, cluster, gold}]} per scored document: our event "
         "mentions (offsets into the text rebuilt from the tokens), the fact group each belongs to, and the m_id "
         "of the gold mention it matched (or null)")
HEADLINE = ["mentions.f1", "wd.matched.conll_f1", "cd.matched.conll_f1", "cd.e2e.conll_f1"]
SCORING = (
    "Gold event mentions are the ACTION_* and NEG_ACTION_* markables in the sentences listed in "
    "ECBplus_coreference_sentences.csv (the release's convention); gold chains come from CROSS_DOC_COREF "
    "instances, else INTRA_DOC_COREF chains, else singletons. Our mentions are event claims' trigger spans "
    "(else first evidence span); a mention matches a gold one when the character spans overlap (one to one, "
    "most shared characters first). Coreference is scored with MUC, B³, CEAF-e and their CoNLL average, "
    "implemented in eval/coref_metrics.py, within documents (wd) and across the documents of a topic (cd), "
    "on the matched gold mentions (ours = corroborate's fact groups run per topic) and end to end (e2e). "
    "Baselines in the same run: every plain-spaCy VERB as a mention; same head lemma → corefer, and all "
    "singletons, on the same mentions and on all gold mentions."
)
TARGETS: dict[str, float] = {}

Span = tuple[int, int]


def _config() -> dict[str, Any]:
    return load_yaml("eval_ecb.yaml")


# --------------------------------------------------------------------------- gold


@dataclass
class GoldMention:
    key: str  # "<doc stem>#<m_id>"
    doc: str
    m_id: str
    span: Span
    tag: str
    chain: str  # cross-document chain id (unique within the corpus)


@dataclass
class PredMention:
    key: str
    doc: str
    span: Span
    text: str
    predicate: str
    claim_ids: list[str] = field(default_factory=list)


def is_event_tag(tag: str, prefixes: list[str] | None = None) -> bool:
    return any(tag.startswith(p) for p in (prefixes or _config()["event_tag_prefixes"]))


def chain_ids(doc: CatDocument) -> dict[str, str]:
    """m_id -> chain id for every linked mention of ``doc`` (cross-document instances win)."""
    out: dict[str, str] = {}
    for rel in doc.relations:
        if rel.tag != "INTRA_DOC_COREF":
            continue
        for src in rel.sources:
            out[src] = f"{doc.stem}:intra:{rel.targets[0] if rel.targets else rel.r_id}"
    for rel in doc.relations:
        if rel.tag != "CROSS_DOC_COREF":
            continue
        target = doc.markables.get(rel.targets[0]) if rel.targets else None
        instance = (target.attrs.get("instance_id") if target else None) or rel.attrs.get("note")
        chain = f"{doc.topic}:{instance}" if instance else f"{doc.stem}:cross:{rel.r_id}"
        for src in rel.sources:
            out[src] = chain
    return out


def gold_mentions(doc: CatDocument, sentences: set[int] | None) -> list[GoldMention]:
    """The event mentions of ``doc`` in the scored ``sentences`` (all when None), in text order."""
    prefixes = _config()["event_tag_prefixes"]
    chains = chain_ids(doc)
    out = []
    for m in doc.markables.values():
        if not m.is_mention or not is_event_tag(m.tag, prefixes):
            continue
        span = doc.span(m)
        if span is None:
            continue
        if sentences is not None and not doc.sentences_of(m) <= sentences:
            continue
        out.append(GoldMention(f"{doc.stem}#{m.m_id}", doc.stem, m.m_id, span, m.tag,
                               chains.get(m.m_id, f"{doc.stem}:{m.m_id}")))
    return sorted(out, key=lambda g: (g.span, g.m_id))


def read_sentence_index(path: str | Path) -> dict[str, set[int]]:
    """``ECBplus_coreference_sentences.csv`` as document stem ("1_10ecbplus") -> sentence numbers."""
    rows = list(csv.reader(io.StringIO(read_text(path))))
    if not rows or [c.strip().lower() for c in rows[0][:3]] != ["topic", "file", "sentence number"]:
        raise fail(path, "not an ECB+ sentence index (expected the header Topic,File,Sentence Number)")
    out: dict[str, set[int]] = defaultdict(set)
    for n, row in enumerate(rows[1:], start=2):
        if not row or not any(c.strip() for c in row):
            continue
        if len(row) < 3 or not row[2].strip().isdigit():
            raise fail(path, f"line {n}: expected Topic,File,Sentence Number")
        out[f"{row[0].strip()}_{row[1].strip()}"].add(int(row[2]))
    return dict(out)


def find_sentence_index(paths: list[str]) -> Path | None:
    """The sentence index passed as a path, else the first one in or up to three folders above a path."""
    name = _config()["sentence_index"]
    for raw in paths:
        if raw.lower().endswith(".csv"):
            return Path(raw)
    for raw in paths:
        p = Path(raw).resolve()
        for folder in [p if p.is_dir() else p.parent, *list(p.parents)[:3]]:
            if (folder / name).is_file():
                return folder / name
    return None


def sentence_ranges(doc: CatDocument, sentences: set[int] | None) -> list[Span] | None:
    """Character ranges of the scored sentences in the rebuilt text (None: the whole text)."""
    if sentences is None:
        return None
    ranges: dict[int, list[int]] = {}
    for t in doc.tokens:
        if t.sentence in sentences and t.t_id in doc.offsets:
            s, e = doc.offsets[t.t_id]
            r = ranges.setdefault(t.sentence, [s, e])
            r[0], r[1] = min(r[0], s), max(r[1], e)
    return [(a, b) for a, b in sorted(ranges.values())]


def _inside(span: Span, ranges: list[Span] | None) -> bool:
    return ranges is None or any(a <= span[0] and span[1] <= b for a, b in ranges)


# --------------------------------------------------------------------------- ours


def predicted_mentions(x: Extraction, doc: str, ranges: list[Span] | None,
                       text: str | None = None) -> list[PredMention]:
    """Our event mentions: one per distinct trigger span (else first evidence span) in the scored ranges.

    Spans are offsets into ``text`` (the gold text) when given: the analysed document's text is
    normalised on ingest, so its offsets are carried over when the two differ.
    """
    from claimgraph.eval.align import OffsetMap

    by_span: dict[Span, PredMention] = {}
    text = x.document.text if text is None else text
    to_gold = OffsetMap(x.document.text, text)
    for c in x.claims:
        if c.kind != "event":
            continue
        raw = c.trigger if c.trigger else (c.evidence[0] if c.evidence else None)
        sp = to_gold.span((int(raw[0]), int(raw[1]))) if raw else None
        if sp is None or not _inside(sp, ranges):
            continue
        m = by_span.get(sp)
        if m is None:
            m = by_span[sp] = PredMention(f"{doc}@{sp[0]}-{sp[1]}", doc, sp, text[sp[0]:sp[1]], c.predicate)
        m.claim_ids.append(c.id)
    return sorted(by_span.values(), key=lambda m: m.span)


def match(preds: list[PredMention], golds: list[GoldMention]) -> list[tuple[int, int]]:
    """One-to-one overlap matching, most shared characters first."""
    return greedy_match(preds, golds, lambda p, g: overlap_chars(p.span, g.span) or None)


# --------------------------------------------------------------------------- clusters


def clusters(items: dict[str, str]) -> list[list[str]]:
    """Mention id -> cluster label, as a list of clusters (in first-seen order)."""
    out: dict[str, list[str]] = {}
    for mention, label in items.items():
        out.setdefault(label, []).append(mention)
    return list(out.values())


def by_doc(items: dict[str, str], doc_of: dict[str, str]) -> dict[str, dict[str, str]]:
    out: dict[str, dict[str, str]] = defaultdict(dict)
    for mention, label in items.items():
        out[doc_of[mention]][mention] = label
    return out


def score_clusters(key: dict[str, str], response: dict[str, str], doc_of: dict[str, str],
                   within: bool) -> dict[str, CorefScore]:
    """Scores of one topic: across its documents, or summed over its documents (``within``)."""
    if not within:
        return all_scores(clusters(key), clusters(response))
    total: dict[str, CorefScore] = {}
    kd, rd = by_doc(key, doc_of), by_doc(response, doc_of)
    for d in sorted(set(kd) | set(rd)):
        total = add_scores(total, all_scores(clusters(kd.get(d, {})), clusters(rd.get(d, {}))))
    return total


# --------------------------------------------------------------------------- run


@dataclass
class _Topic:
    name: str
    docs: list[tuple[CatDocument, list[GoldMention], list[Span] | None]] = field(default_factory=list)


def evaluation_topics(topics: list[str]) -> list[str]:
    """The topics to score: the standard split's dev and test topics when the input holds any of them.

    Train topics are what systems may tune on, and scoring all 43 topics takes minutes, so when
    an evaluation topic is present the train topics are left out; an input with train topics
    only (a single file, one topic folder, a home-made corpus) is scored in full.
    """
    cfg = _config()
    wanted = {str(t) for t in [*cfg["dev_topics"], *cfg["test_topics"]]}
    chosen = [t for t in topics if t in wanted]
    return chosen or list(topics)


def _topics(paths: list[str], limit: int | None) -> tuple[list[_Topic], dict[str, set[int]] | None, int, int]:
    index_path = find_sentence_index(paths)
    index = read_sentence_index(index_path) if index_path else None
    files = find_files([p for p in paths if not p.lower().endswith(".csv")])
    if not files:
        raise EvalError("CG500", subject=",".join(paths), detail="no ECB+ XML files found")
    docs = [parse_document(f) for f in files]
    keep = evaluation_topics(list(dict.fromkeys(d.topic for d in docs)))
    if limit is not None:
        keep = keep[:limit]
    skipped_train = sum(1 for d in docs if d.topic not in keep) if limit is None else 0
    topics: dict[str, _Topic] = {}
    unlisted = 0
    for doc in docs:
        if doc.topic not in keep:
            continue
        sentences = index.get(doc.stem) if index is not None else None
        if index is not None and sentences is None:
            unlisted += 1
            continue
        topics.setdefault(doc.topic, _Topic(doc.topic)).docs.append(
            (doc, gold_mentions(doc, sentences), sentence_ranges(doc, sentences)))
    return list(topics.values()), index, unlisted, skipped_train


def head_lemma(sdoc: Any, span: Span) -> str:
    """The lemma of the syntactic head of ``span`` in a parsed spaCy doc (the same-lemma baseline's key)."""
    sp = sdoc.char_span(span[0], span[1], alignment_mode="expand")
    if sp is None or not len(sp):
        return sdoc.text[span[0]:span[1]].lower()
    return str(sp.root.lemma_).lower()


def run(paths: list[str], pipeline: Pipeline, limit: int | None = None, predictions: str | None = None) -> EvalReport:
    """Score the ECB+ documents under ``paths`` (see :func:`evaluation_topics`); ``limit``: the first N topics."""
    from claimgraph.eval.baseline import plain_nlp
    from claimgraph.ingest import document_from_text
    from claimgraph.resolve.crossdoc import corroborate

    topics, index, unlisted, skipped_train = _topics(paths, limit)
    plain = plain_nlp()
    pos = set(_config()["baseline_event_pos"])
    det, det_base = PRF(), PRF()
    s: dict[str, dict[str, CorefScore]] = defaultdict(dict)  # setting -> scores
    n_docs = n_gold = n_chains = 0
    with prediction_writer(predictions) as out:
        for topic in topics:
            extractions: list[Extraction] = []
            per_doc: list[tuple[CatDocument, list[GoldMention], list[PredMention], Any]] = []
            for doc, golds, ranges in topic.docs:
                try:
                    x = pipeline.analyze(document_from_text(doc.text, path=doc.path))
                except IngestError:  # an empty document: nothing to find, nothing found
                    continue
                sdoc = plain(doc.text)
                preds = predicted_mentions(x, doc.stem, ranges, doc.text)
                extractions.append(x)
                per_doc.append((doc, golds, preds, sdoc))
                verbs = [(t.idx, t.idx + len(t)) for t in sdoc if t.pos_ in pos
                         and _inside((t.idx, t.idx + len(t)), ranges)]
                base_pairs = greedy_match(verbs, golds, lambda p, g: overlap_chars(p, g.span) or None)
                det_base = det_base + PRF(len(base_pairs), len(verbs), len(golds))
            _corpus, groups = corroborate(extractions)
            group_of = {(v.document.id, v.claim.id): g.id for g in groups for v in g.claims}
            doc_ids = {x.document.path: x.document.id for x in extractions}
            gold_chain: dict[str, str] = {}
            doc_of: dict[str, str] = {}
            ours_m: dict[str, str] = {}  # matched gold key -> our cluster
            ours_e: dict[str, str] = {}  # every mention of ours (gold key when matched) -> our cluster
            lemma_m: dict[str, str] = {}
            lemma_all: dict[str, str] = {}
            for doc, golds, preds, sdoc in per_doc:
                pairs = match(preds, golds)
                det = det + PRF(len(pairs), len(preds), len(golds))
                n_docs += 1
                n_gold += len(golds)
                matched = {i: golds[j] for i, j in pairs}
                did = doc_ids.get(doc.path, "")
                records = []
                for g in golds:
                    gold_chain[g.key], doc_of[g.key] = g.chain, doc.stem
                    lemma_all[g.key] = head_lemma(sdoc, g.span)
                for i, p in enumerate(preds):
                    cluster = group_of.get((did, p.claim_ids[0]), p.key)
                    hit = matched.get(i)
                    mid = hit.key if hit else p.key
                    doc_of[mid] = doc.stem
                    ours_e[mid] = cluster
                    if hit is not None:
                        ours_m[hit.key] = cluster
                        lemma_m[hit.key] = lemma_all[hit.key]
                    records.append({"start": p.span[0], "end": p.span[1], "text": p.text, "predicate": p.predicate,
                                    "cluster": cluster, "gold": hit.m_id if hit else None})
                out.write({"doc": doc.stem, "topic": topic.name, "mentions": records})
            n_chains += len(set(gold_chain.values()))
            key_m = {k: gold_chain[k] for k in ours_m}
            single_m = {k: k for k in ours_m}
            single_all = {k: k for k in gold_chain}
            for within, tag in ((True, "wd"), (False, "cd")):
                settings = {
                    f"{tag}.matched": (key_m, ours_m), f"{tag}.e2e": (gold_chain, ours_e),
                    f"lemma.{tag}.matched": (key_m, lemma_m), f"singleton.{tag}.matched": (key_m, single_m),
                    f"gold_mentions.lemma.{tag}": (gold_chain, lemma_all),
                    f"gold_mentions.singleton.{tag}": (gold_chain, single_all),
                }
                for name, (key, resp) in settings.items():
                    s[name] = add_scores(s[name], score_clusters(key, resp, doc_of, within))
    if n_docs == 0:
        raise EvalError("CG500", subject=",".join(paths), detail="no ECB+ document with scored sentences")
    metrics: dict[str, float | int | None] = {"mentions.precision": det.precision, "mentions.recall": det.recall, "mentions.f1": det.f1,
               "mentions.matched": det.tp, "mentions.gold": det.n_gold, "mentions.predicted": det.n_pred}
    for name in ("wd.matched", "cd.matched", "wd.e2e", "cd.e2e"):
        metrics.update(as_metrics(s[name], name))
    baseline: dict[str, float | int | None] = {
        "mentions.precision": det_base.precision, "mentions.recall": det_base.recall, "mentions.f1": det_base.f1}
    for name in ("wd.matched", "cd.matched"):
        baseline.update(as_metrics(s[f"lemma.{name}"], name))
        baseline[f"singleton.{name}.conll_f1"] = as_metrics(s[f"singleton.{name}"], "x")["x.conll_f1"]
    for name in ("lemma.wd", "lemma.cd", "singleton.wd", "singleton.cd"):
        baseline[f"gold_mentions.{name}.conll_f1"] = as_metrics(s[f"gold_mentions.{name}"], "x")["x.conll_f1"]
    cfg = _config()
    topic_names = [t.name for t in topics]
    return EvalReport(
        kind="ecb", inputs=list(paths), n_items=n_docs, metrics=metrics, baseline=baseline,
        sections={"topics": {"scored": topic_names,
                             "dev": [t for t in topic_names if t.isdigit() and int(t) in cfg["dev_topics"]],
                             "test": [t for t in topic_names if t.isdigit() and int(t) in cfg["test_topics"]]},
                  "gold": {"documents": n_docs, "event_mentions": n_gold, "chains": n_chains}},
        notes=[
            "mention match: character overlap of our trigger span with the gold ACTION_*/NEG_ACTION_* markable, "
            "one to one (not head match)",
            "coreference 'matched': on the gold mentions we matched (ours: corroborate fact groups per topic); "
            "'e2e': all gold vs all predicted mentions; CoNLL F1 = mean of MUC, B³, CEAF-e F1",
            "baseline columns: VERB tokens for mentions; same-lemma clusters on the same matched mentions; "
            "singleton.* and gold_mentions.* (all gold mentions) for reference",
            (f"scored only the sentences in {cfg['sentence_index']} ({unlisted} document(s) not listed, skipped)"
             if index is not None else f"no {cfg['sentence_index']} found: every sentence scored"),
            *([f"train topics skipped ({skipped_train} document(s)): only the dev/test topics of the standard "
               "split are scored when the input holds any (pass a train topic's folder to score it)"]
              if skipped_train else []),
            *([f"--limit {limit}: the first {limit} evaluation topic(s) in topic-number order"] if limit else []),
        ],
        predictions_path=predictions,
    )
