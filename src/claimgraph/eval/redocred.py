"""``claimgraph eval redocred``: document-level relations on Re-DocRED (Wikidata P-ids).

Input: Re-DocRED / DocRED JSON (a list of documents with ``sents`` as token lists,
``vertexSet`` entity clusters and gold ``labels`` ``{h, t, r}``); a folder stands for
its ``*.json`` files that hold such lists (``rel_info.json`` and the like are passed
over). Each document's text is rebuilt from its tokens with ordinary English spacing
and analysed whole; every vertexSet mention gets its character span in that text.

Our entities are aligned to vertexSet entities by character overlap of their
mentions (the vertex sharing most mentions with ours). Our relation claims become
(h, t, predicate) triples; gold labels become triples of our predicates through
``data/eval_redocred.yaml`` (e.g. P463/P102/P54/P241/P108 → member_of, P488/P35/P6 →
leader_of reversed, P361/P527⁻¹/P131/P150⁻¹/P17 on places → part_of, P159/P551/P937
and P131/P276 on people/organisations → located_in, P1344/P710⁻¹ → party_to).
Scores: micro P/R/F1 of those triples restricted to the mapped labels (a relation
we state about a pair no vertex covers counts as wrong), per predicate; and recall of
the PER/ORG/LOC vertexSet mentions and entities. Baseline in the same run: spaCy NER
spans and one rule — "A, B" between two place entities gives part_of(A, B).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from claimgraph.data import load_yaml
from claimgraph.errors import EvalError, IngestError
from claimgraph.eval.common import fail, limited, prediction_writer, read_json
from claimgraph.eval.metrics import PRF, spans_overlap
from claimgraph.eval.report import EvalReport
from claimgraph.eval.token_align import Span, join_tokens, realign

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from claimgraph.model import Extraction
    from claimgraph.pipeline import Pipeline

SHAPE = ("{file, i, title, relations: [{predicate, subject, object, h: vertex index|null, t: vertex index|null}]} "
         "per document; i = 0-based index in the file's list")
HEADLINE = ["triple_f1", "triple_precision", "triple_recall", "mention_recall"]
SCORING = (
    "Gold (h, t, P-id) labels become triples of our predicates through `data/eval_redocred.yaml` "
    "(member_of ← P463, P102, P54, P241, P108; leader_of ← P488, P35, P6 reversed; part_of ← P361, P527 "
    "reversed, P150 reversed, and P131/P17 of places; located_in ← P159, P551, P937, and P131/P276 of "
    "people and organisations; party_to ← P1344, P710 reversed); the other P-ids, and our deputy_of, "
    "supports and allied_with (no Wikidata property among the 96), are not scored. Our entities align to "
    "vertexSet entities by character overlap of mentions in the text rebuilt from the tokens; denied "
    "claims are not taken as stating a relation. Triple micro P/R/F1 over the mapped labels (our triple "
    "about an unaligned entity counts as wrong), per predicate; recall of PER/ORG/LOC vertexSet mentions "
    "and entities. Baseline: spaCy NER and the rule \"A, B\" between two GPE/LOC spans → part_of(A, B)."
)


def _config() -> dict[str, Any]:
    return load_yaml("eval_redocred.yaml")


@dataclass
class Vertex:
    type: str
    spans: list[Span]                 # character spans of its mentions in the stored text
    name: str


@dataclass
class RedocDoc:
    file: str
    index: int
    title: str
    sents: list[list[str]]
    vertices: list[list[dict[str, Any]]]
    labels: list[dict[str, Any]]


def input_files(paths: list[str]) -> list[str]:
    """Files as given; a folder stands for its ``*.json`` files holding document lists."""
    out: list[str] = []
    for p in paths:
        q = Path(p)
        if not q.is_dir():
            out.append(p)
            continue
        found = [str(f) for f in sorted(q.rglob("*.json")) if f.is_file() and isinstance(read_json(f), list)]
        if not found:
            raise fail(p, "folder holds no Re-DocRED *.json document lists")
        out.extend(found)
    return out


def read_docs(path: str) -> list[RedocDoc]:
    """Every document of a Re-DocRED file (CG500 when a document lacks sents, vertexSet or labels)."""
    data = read_json(path)
    if not isinstance(data, list):
        raise fail(path, "a Re-DocRED file is a JSON list of documents")
    out = []
    for i, d in enumerate(data):
        if not isinstance(d, dict) or not all(k in d for k in ("sents", "vertexSet", "labels")):
            raise fail(path, f"document {i} has no sents, vertexSet or labels")
        sents = d["sents"]
        if not isinstance(sents, list) or not all(isinstance(s, list) for s in sents):
            raise fail(path, f"document {i}: sents is not a list of token lists")
        for v in d["vertexSet"]:
            for m in v:
                try:
                    s, (a, b) = int(m["sent_id"]), m["pos"]
                    ok = 0 <= s < len(sents) and 0 <= int(a) < int(b) <= len(sents[s])
                except (KeyError, TypeError, ValueError) as exc:
                    raise fail(path, f"document {i}: a vertexSet mention lacks sent_id/pos ({exc!r})") from exc
                if not ok:
                    raise fail(path, f"document {i}: a vertexSet mention lies outside its sentence")
        for lab in d["labels"]:
            if not (isinstance(lab, dict) and {"h", "t", "r"} <= set(lab)
                    and all(0 <= int(lab[k]) < len(d["vertexSet"]) for k in ("h", "t"))):
                raise fail(path, f"document {i}: a label is not {{h, t, r}} over its vertexSet")
        out.append(RedocDoc(path, i, str(d.get("title", "")), [[str(t) for t in s] for s in sents],
                            d["vertexSet"], d["labels"]))
    return out


def gold_triples(doc: RedocDoc) -> set[tuple[int, int, str]]:
    """The document's labels as (subject vertex, object vertex, our predicate), mapped rows only."""
    rows: dict[str, list[dict[str, Any]]] = {}
    for row in _config()["mapping"]:
        rows.setdefault(str(row["pid"]), []).append(row)
    out = set()
    for lab in doc.labels:
        h, t = int(lab["h"]), int(lab["t"])
        htype = str(doc.vertices[h][0].get("type", "")) if doc.vertices[h] else ""
        for row in rows.get(str(lab["r"]), []):
            if row.get("head_types") and htype not in row["head_types"]:
                continue
            out.add((t, h, row["predicate"]) if row.get("reverse") else (h, t, row["predicate"]))
    return out


def scored_predicates() -> set[str]:
    return {str(r["predicate"]) for r in _config()["mapping"]}


def vertices(doc: RedocDoc, text: str, stored: str, offsets: list[list[Span]]) -> list[Vertex]:
    out = []
    for v in doc.vertices:
        spans = []
        for m in v:
            sent = offsets[int(m["sent_id"])]
            a, b = int(m["pos"][0]), int(m["pos"][1])
            moved = realign(text, stored, [(sent[a][0], sent[b - 1][1])])[0]
            if moved:
                spans.append(moved)
        out.append(Vertex(str(v[0].get("type", "")) if v else "", spans, str(v[0].get("name", "")) if v else ""))
    return out


def align(spans: list[Span], verts: list[Vertex]) -> int | None:
    """The vertex sharing most mentions with an entity's spans (earliest on a tie), None when none."""
    best, best_n = None, 0
    for k, v in enumerate(verts):
        n = sum(1 for s in spans for g in v.spans if spans_overlap(s, g))
        if n > best_n:
            best, best_n = k, n
    return best


def our_relations(x: Extraction, verts: list[Vertex]) -> list[dict[str, Any]]:
    skip = set(_config()["skip_modalities"])
    keep = scored_predicates()
    out = []
    for c in x.relations:
        if c.predicate not in keep or c.modality in skip or not c.subject or not c.object:
            continue
        s, o = x.entity(c.subject), x.entity(c.object)
        if s is None or o is None:
            continue
        out.append({"predicate": c.predicate, "subject": s.name, "object": o.name,
                    "h": align([tuple(m) for m in s.mentions], verts),  # type: ignore[misc]
                    "t": align([tuple(m) for m in o.mentions], verts)})  # type: ignore[misc]
    return out


def baseline_relations(sdoc: Doc, verts: list[Vertex]) -> tuple[list[dict[str, Any]], list[Span]]:
    """The "A, B" rule on spaCy's place entities, and spaCy's entity spans (for mention recall)."""
    cfg = _config()
    labels, places = set(cfg["baseline_labels"]), set(cfg["baseline_place_labels"])
    ents = [e for e in sdoc.ents if e.label_ in labels]
    # spaCy alone has no coreference: an entity is all spans of one surface form
    by_form: dict[str, list[Span]] = {}
    for e in ents:
        by_form.setdefault(e.text.casefold(), []).append((e.start_char, e.end_char))
    rels = []
    for a, b in zip(ents, ents[1:]):
        if a.label_ in places and b.label_ in places and sdoc.text[a.end_char:b.start_char] == ", ":
            rels.append({"predicate": "part_of", "subject": a.text, "object": b.text,
                         "h": align(by_form[a.text.casefold()], verts), "t": align(by_form[b.text.casefold()], verts)})
    return rels, [(e.start_char, e.end_char) for e in ents]


class Tally:
    """Triple and mention counts of one system over the documents."""

    def __init__(self) -> None:
        self.triples = PRF()
        self.per_predicate: dict[str, PRF] = {}
        self.mentions = PRF()
        self.entities = PRF()

    def add(self, rels: list[dict[str, Any]], gold: set[tuple[int, int, str]], verts: list[Vertex],
            spans: list[Span], entity_spans: list[list[Span]]) -> None:
        pred: set[tuple[Any, ...]] = set()
        for n, r in enumerate(rels):
            if r["h"] is None or r["t"] is None:
                pred.add(("unaligned", n, r["predicate"]))
            else:
                pred.add((r["h"], r["t"], r["predicate"]))
        self.triples += PRF(len(pred & gold), len(pred), len(gold))
        for p in scored_predicates():
            pp, gg = {x for x in pred if x[2] == p}, {x for x in gold if x[2] == p}
            self.per_predicate[p] = self.per_predicate.get(p, PRF()) + PRF(len(pp & gg), len(pp), len(gg))
        kinds = set(_config()["mention_types"])
        counted = [v for v in verts if v.type in kinds]
        found = sum(1 for v in counted for g in v.spans if any(spans_overlap(s, g) for s in spans))
        self.mentions += PRF(found, 0, sum(len(v.spans) for v in counted))
        aligned = {align(es, verts) for es in entity_spans}
        self.entities += PRF(sum(1 for k, v in enumerate(verts) if v.type in kinds and k in aligned), 0, len(counted))

    def metrics(self) -> dict[str, float | int | None]:
        return {**self.triples.as_dict("triple"), "triples_emitted": self.triples.n_pred,
                "mention_recall": self.mentions.recall, "entity_recall": self.entities.recall}


def run(paths: list[str], pipeline: Pipeline, limit: int | None = None, predictions: str | None = None) -> EvalReport:
    from claimgraph.eval.baseline import plain_nlp
    from claimgraph.ingest import document_from_text

    files = input_files(paths)
    items = (d for f in files for d in read_docs(f))
    ours, base = Tally(), Tally()
    n = 0
    gold_counts: Counter[str] = Counter()
    with prediction_writer(predictions) as out:
        for doc in limited(items, limit):
            text, offsets = join_tokens(doc.sents)
            try:
                document = document_from_text(text, path=f"{doc.file}#{doc.index}")
            except IngestError:  # a document with no tokens: nothing to find
                continue
            verts = vertices(doc, text, document.text, offsets)
            gold = gold_triples(doc)
            gold_counts.update(p for _, _, p in gold)
            x = pipeline.analyze(document)
            rels = our_relations(x, verts)
            out.write({"file": doc.file, "i": doc.index, "title": doc.title, "relations": rels})
            named = [e for e in x.entities if e.type != "Group"]
            ours.add(rels, gold, verts, [tuple(m) for e in named for m in e.mentions],  # type: ignore[misc]
                     [[tuple(m) for m in e.mentions] for e in named])  # type: ignore[misc]
            b_rels, b_spans = baseline_relations(plain_nlp()(document.text), verts)
            base.add(b_rels, gold, verts, b_spans, [[s] for s in b_spans])
            n += 1
    if not n:
        raise EvalError("CG500", subject=",".join(paths), detail="no Re-DocRED documents found")
    per_pred = {p: {"precision": c.precision, "recall": c.recall, "f1": c.f1, "support": c.n_gold,
                    "predicted": c.n_pred} for p, c in sorted(ours.per_predicate.items())}
    return EvalReport(
        kind="redocred",
        inputs=list(paths),
        n_items=n,
        metrics=ours.metrics(),
        baseline=base.metrics(),
        sections={"per_label": per_pred, "gold_triples_by_predicate": dict(gold_counts)},
        notes=[
            f"{sum(gold_counts.values())} gold triples after mapping P-ids to our predicates "
            "(data/eval_redocred.yaml); other P-ids and our deputy_of/supports/allied_with are not scored",
            "entities aligned to vertexSet entities by character overlap of mentions in the text rebuilt from tokens; "
            "a triple about an entity no vertex covers counts as wrong; denied claims are not counted",
            "mention/entity recall over PER/ORG/LOC vertexSet mentions/entities (ours: named entities, no Groups)",
            "baseline: spaCy NER (one entity per surface form) + 'A, B' between two GPE/LOC spans → part_of(A, B)",
        ],
        predictions_path=predictions,
    )
