"""Score ``conflict-gold/1`` predictions against gold, exactly as ``FORMAT.md`` "Scoring" says.

:func:`score_seed` is pure: a gold dict, a predicted dict in the same shape (what
``claimgraph extract`` prints, :func:`claimgraph.extract.goldformat.to_gold_format`)
and the document text go in; a flat dict of metrics plus the raw counts comes out.
:func:`aggregate` micro-averages several documents from those counts.

Steps (numbers as in FORMAT.md):

1. entities — types agree and a surface form is shared (case-insensitive);
   one-to-one, greedy by the number of shared forms;
2. alias pairs — over pairs of gold surface forms the system found, "same
   system entity" vs "same gold entity";
3. places — matched entity within ``tolerance_km`` of the gold point;
4. relations — same predicate, both ends mapped to the same gold ids (either
   order for symmetric predicates); recall over core, precision over all;
   status accuracy on matched pairs;
5. events — type in the gold list, sources overlap (or both empty), targets
   overlap (or gold empty); one-to-one by evidence overlap; date, location,
   modality and attribution accuracy on matched events;
6. attribution — over every matched fact;
7. contradictions — an assert/deny link whose evidence overlaps both gold sides.

Also reported: the share of emitted facts (relations and events) with at least
one evidence span inside the text (must be 1.0).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from claimgraph.errors import EvalError
from claimgraph.eval.common import fail, limited, prediction_writer, read_json, read_text
from claimgraph.eval.metrics import (
    PRF,
    Ratio,
    date_consistent,
    greedy_match,
    haversine_km,
    overlap_chars,
    spans_overlap,
)
from claimgraph.eval.report import EvalReport
from claimgraph.model import NAMED_ENTITY_TYPES, PREDICATES, SYMMETRIC_PREDICATES

if TYPE_CHECKING:
    from claimgraph.pipeline import Pipeline


@dataclass
class SeedCounts:
    """The raw counts behind every seed metric; they add up across documents."""

    entities: PRF = field(default_factory=PRF)
    alias_pairs: PRF = field(default_factory=PRF)
    places: Ratio = field(default_factory=Ratio)
    relations: PRF = field(default_factory=PRF)
    relation_status: Ratio = field(default_factory=Ratio)
    events: PRF = field(default_factory=PRF)
    event_date: Ratio = field(default_factory=Ratio)
    event_location: Ratio = field(default_factory=Ratio)
    event_modality: Ratio = field(default_factory=Ratio)
    event_attribution: Ratio = field(default_factory=Ratio)
    attribution: Ratio = field(default_factory=Ratio)
    contradictions: Ratio = field(default_factory=Ratio)  # gold contradictions found
    system_contradictions: int = 0
    evidence: Ratio = field(default_factory=Ratio)  # emitted facts with valid evidence

    def __add__(self, other: SeedCounts) -> SeedCounts:
        out = SeedCounts()
        for name in self.__dataclass_fields__:
            setattr(out, name, getattr(self, name) + getattr(other, name))
        return out

    def metrics(self) -> dict[str, Any]:
        m: dict[str, Any] = {}
        m.update(self.entities.as_dict("entity"))
        m.update(self.alias_pairs.as_dict("alias_pair"))
        m["place_accuracy"] = self.places.value
        m.update(self.relations.as_dict("relation"))
        m["relation_status_accuracy"] = self.relation_status.value
        m.update(self.events.as_dict("event"))
        m["event_date_accuracy"] = self.event_date.value
        m["event_location_accuracy"] = self.event_location.value
        m["event_modality_accuracy"] = self.event_modality.value
        m["event_attribution_accuracy"] = self.event_attribution.value
        m["attribution_accuracy"] = self.attribution.value
        m["contradictions_found"] = self.contradictions.correct
        m["contradictions_gold"] = self.contradictions.total
        m["contradictions_emitted"] = self.system_contradictions
        m["evidence_share"] = self.evidence.value if self.evidence.total else 1.0
        return m

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for name in self.__dataclass_fields__:
            v = getattr(self, name)
            if isinstance(v, PRF):
                out[name] = {"tp": v.tp, "n_pred": v.n_pred, "n_gold": v.n_gold, "tp_pred": v.tp_pred}
            elif isinstance(v, Ratio):
                out[name] = {"correct": v.correct, "total": v.total}
            else:
                out[name] = v
        return out

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> SeedCounts:
        out = cls()
        for name, v in d.items():
            cur = getattr(out, name)
            if isinstance(cur, PRF):
                setattr(out, name, PRF(**v))
            elif isinstance(cur, Ratio):
                setattr(out, name, Ratio(**v))
            else:
                setattr(out, name, v)
        return out


def _norm(s: str | None) -> str:
    return " ".join((s or "").split()).casefold()


def _forms(entity: dict[str, Any]) -> set[str]:
    forms = {_norm(entity.get("name"))} | {_norm(a) for a in entity.get("aliases") or []}
    forms.discard("")
    return forms


def _first_span(value: Any) -> list[int] | None:
    """A gold evidence is one ``[s, e]``; a predicted one a list of them. First span either way."""
    spans = _span_list(value)
    return spans[0] if spans else None


def _span_list(value: Any) -> list[list[int]]:
    if not value:
        return []
    if isinstance(value[0], (int, float)):
        return [[int(value[0]), int(value[1])]]
    return [[int(s[0]), int(s[1])] for s in value if s and len(s) == 2]


def _best_overlap(a: Any, b: Any) -> int:
    return max((overlap_chars(x, y) for x in _span_list(a) for y in _span_list(b)), default=0)


def _any_overlap(a: Any, b: Any) -> bool:
    return any(spans_overlap(x, y) for x in _span_list(a) for y in _span_list(b))


def match_entities(gold_entities: list[dict], sys_entities: list[dict]) -> dict[str, str]:
    """System entity id → gold entity id (FORMAT.md step 1)."""
    sys_ents = [e for e in sys_entities if e.get("type") in NAMED_ENTITY_TYPES]
    sys_forms = [_forms(e) for e in sys_ents]
    gold_forms = [_forms(g) for g in gold_entities]

    def score(i: int, j: int) -> float | None:
        if sys_ents[i].get("type") != gold_entities[j].get("type"):
            return None
        shared = len(sys_forms[i] & gold_forms[j])
        return float(shared) if shared else None

    pairs = greedy_match(range(len(sys_ents)), range(len(gold_entities)), score)
    return {sys_ents[i]["id"]: gold_entities[j]["id"] for i, j in pairs}


def _outlet_ids(gold: dict[str, Any]) -> set[str]:
    """Gold ids of the entity that is the outlet (by the doc's outlet name)."""
    outlet = _norm((gold.get("doc") or {}).get("outlet"))
    if not outlet:
        return set()
    return {e["id"] for e in gold.get("entities") or [] if outlet in _forms(e)}


def _gold_is_outlet(att: dict[str, Any] | None, outlet_ids: set[str]) -> bool:
    if att is None:
        return True
    chain = att.get("chain") or []
    return len(chain) <= 1 and (not chain or chain[0] in outlet_ids)


def _sys_is_outlet(att: dict[str, Any] | None) -> bool:
    return att is None or len(att.get("chain") or []) <= 1


def _attribution_correct(
    sys_att_id: str | None,
    gold_att_id: str | None,
    sys_atts: dict[str, dict],
    gold_atts: dict[str, dict],
    outlet_ids: set[str],
) -> bool:
    sys_att = sys_atts.get(sys_att_id or "")
    gold_att = gold_atts.get(gold_att_id or "")
    if _gold_is_outlet(gold_att, outlet_ids) and _sys_is_outlet(sys_att):
        return True
    if gold_att is None or sys_att is None:
        return False
    return _any_overlap(sys_att.get("evidence"), gold_att.get("evidence"))


def _valid_evidence(spans: Any, n: int) -> bool:
    return any(0 <= s < e <= n for s, e in _span_list(spans))


def _triple(key: str | None) -> tuple[str, str, str] | None:
    parts = (key or "").split()
    return (parts[0], parts[1], parts[2]) if len(parts) == 3 else None


def score_counts(gold: dict[str, Any], predicted: dict[str, Any], text: str) -> SeedCounts:
    """The counts behind :func:`score_seed` for one document."""
    c = SeedCounts()
    gold_entities = gold.get("entities") or []
    sys_entities = predicted.get("entities") or []

    # 1. entities
    emap = match_entities(gold_entities, sys_entities)
    c.entities = PRF(len(emap), sum(1 for e in sys_entities if e.get("type") in NAMED_ENTITY_TYPES), len(gold_entities))

    # 2. alias pairs over gold surface forms the system found
    form_gold: dict[str, set[str]] = {}
    for g in gold_entities:
        for f in _forms(g):
            form_gold.setdefault(f, set()).add(g["id"])
    form_sys: dict[str, set[str]] = {}
    for e in sys_entities:
        if e.get("type") not in NAMED_ENTITY_TYPES:
            continue
        for f in _forms(e):
            if f in form_gold:
                form_sys.setdefault(f, set()).add(e["id"])
    found = sorted(form_sys)
    tp = n_sys = n_gold = 0
    for i, a in enumerate(found):
        for b in found[i + 1 :]:
            same_gold = bool(form_gold[a] & form_gold[b])
            same_sys = bool(form_sys[a] & form_sys[b])
            n_gold += same_gold
            n_sys += same_sys
            tp += same_gold and same_sys
    c.alias_pairs = PRF(tp, n_sys, n_gold)

    # 3. places
    gold_to_sys = {g: s for s, g in emap.items()}
    sys_by_id = {e["id"]: e for e in sys_entities}
    for p in gold.get("places") or []:
        if p.get("lat") is None or p.get("lon") is None:
            continue
        sys_e = sys_by_id.get(gold_to_sys.get(p["entity"], ""))
        ok = False
        if sys_e is not None and sys_e.get("lat") is not None and sys_e.get("lon") is not None:
            d = haversine_km(float(sys_e["lat"]), float(sys_e["lon"]), float(p["lat"]), float(p["lon"]))
            ok = d <= float(p.get("tolerance_km") or 161)
        c.places.add(ok)

    sys_atts = {a["id"]: a for a in predicted.get("attributions") or []}
    gold_atts = {a["id"]: a for a in gold.get("attributions") or []}
    outlet_ids = _outlet_ids(gold)

    def gid(sys_id: str | None) -> str | None:
        return emap.get(sys_id or "")

    # 4. relations
    gold_rels = gold.get("relations") or []
    sys_rels = [r for r in predicted.get("relations") or [] if r.get("predicate") in PREDICATES]

    def rel_score(r: dict, g: dict) -> float | None:
        if r["predicate"] != g["predicate"]:
            return None
        s, o = gid(r.get("subject")), gid(r.get("object"))
        if s is None or o is None:
            return None
        same = (s, o) == (g["subject"], g["object"])
        if not same and g["predicate"] in SYMMETRIC_PREDICATES:
            same = (o, s) == (g["subject"], g["object"])
        if not same:
            return None
        # prefer the gold relation with the same status, then the closest evidence
        return (1_000_000 if r.get("status") == g.get("status") else 0) + _best_overlap(r.get("evidence"), g.get("evidence"))

    rel_pairs = greedy_match(sys_rels, gold_rels, rel_score)
    n_core = sum(1 for g in gold_rels if g.get("core", True))
    core_hit = sum(1 for _, j in rel_pairs if gold_rels[j].get("core", True))
    # precision counts matched system relations; recall counts matched core gold ones
    c.relations = PRF(core_hit, len(sys_rels), n_core, tp_pred=len(rel_pairs))
    for i, j in rel_pairs:
        c.relation_status.add(sys_rels[i].get("status") == gold_rels[j].get("status"))
        c.attribution.add(
            _attribution_correct(sys_rels[i].get("attribution"), gold_rels[j].get("attribution"), sys_atts, gold_atts, outlet_ids)
        )

    # 5. events
    gold_events = gold.get("events") or []
    sys_events = predicted.get("events") or []
    # unnamed groups (type Group) are no gold entities: a source list of groups only counts as empty
    unnamed = {e.get("id") for e in sys_entities if e.get("type") not in NAMED_ENTITY_TYPES}

    def ev_score(e: dict, g: dict) -> float | None:
        types = g.get("event") or []
        if isinstance(types, str):
            types = [types]
        if e.get("event") not in types:
            return None
        src = {gid(s) for s in e.get("source") or []} - {None}
        tgt = {gid(t) for t in e.get("target") or []} - {None}
        g_src, g_tgt = set(g.get("source") or []), set(g.get("target") or [])
        if g_src or any(s not in unnamed for s in e.get("source") or []):
            if not (src & g_src):
                return None
        if g_tgt and not (tgt & g_tgt):
            return None
        return float(_best_overlap(e.get("evidence"), g.get("evidence")))

    ev_pairs = greedy_match(sys_events, gold_events, ev_score)
    n_core_ev = sum(1 for g in gold_events if g.get("core", True))
    core_ev_hit = sum(1 for _, j in ev_pairs if gold_events[j].get("core", True))
    c.events = PRF(core_ev_hit, len(sys_events), n_core_ev, tp_pred=len(ev_pairs))
    for i, j in ev_pairs:
        e, g = sys_events[i], gold_events[j]
        c.event_date.add(date_consistent(e.get("date"), g.get("date")))
        if e.get("location"):  # a stated location must map to the gold one (an unmatched place is wrong)
            c.event_location.add(g.get("location") is not None and gid(e["location"]) == g["location"])
        else:
            c.event_location.add(g.get("location") is None)
        c.event_modality.add(e.get("modality") == g.get("modality"))
        ok = _attribution_correct(e.get("attribution"), g.get("attribution"), sys_atts, gold_atts, outlet_ids)
        c.event_attribution.add(ok)
        c.attribution.add(ok)

    # 7. contradictions
    sys_claims = {x["id"]: x for x in (predicted.get("relations") or []) + sys_events if "id" in x}
    sys_contras = predicted.get("contradictions") or []
    c.system_contradictions = len(sys_contras)
    for gk in gold.get("contradictions") or []:
        g_triple = _triple(gk.get("claim"))
        found_it = False
        for sk in sys_contras:
            if not (_any_overlap(sk.get("evidence_for"), gk.get("evidence_for"))
                    and _any_overlap(sk.get("evidence_against"), gk.get("evidence_against"))):
                continue
            s_triple = _sys_triple(sk, sys_claims)
            if g_triple and s_triple:
                s, p, o = s_triple
                ms, mo = gid(s), gid(o)
                same = (ms, p, mo) == g_triple or (p in SYMMETRIC_PREDICATES and (mo, p, ms) == g_triple)
                if not same:
                    continue
            found_it = True
            break
        c.contradictions.add(found_it)

    # evidence share over every emitted fact
    n = len(text)
    for fact in (predicted.get("relations") or []) + sys_events:
        c.evidence.add(_valid_evidence(fact.get("evidence"), n))
    return c


def _sys_triple(contra: dict[str, Any], claims: dict[str, dict]) -> tuple[str, str, str] | None:
    for cid in (contra.get("claims_for") or []) + (contra.get("claims_against") or []):
        cl = claims.get(cid)
        if cl is None:
            continue
        if "predicate" in cl:
            return (cl.get("subject") or "", cl["predicate"], cl.get("object") or "")
    return _triple(contra.get("claim"))


def score_seed(gold: dict[str, Any], predicted: dict[str, Any], text: str) -> dict[str, Any]:
    """Every FORMAT.md metric for one document: a flat dict, plus ``counts`` for aggregation."""
    counts = score_counts(gold, predicted, text)
    out = counts.metrics()
    out["counts"] = counts.to_dict()
    return out


def aggregate(scores: Iterable[dict[str, Any]]) -> dict[str, Any]:
    """Micro-average several :func:`score_seed` results (sums their counts)."""
    total = SeedCounts()
    for s in scores:
        total = total + SeedCounts.from_dict(s["counts"])
    out = total.metrics()
    out["counts"] = total.to_dict()
    return out


# --- running the pipeline on gold files --------------------------------------------------------


def resolve_doc_path(gold_path: Path, doc_path: str) -> Path:
    """The gold's ``doc.path`` is relative to the shared folder: try the gold file's parents in turn."""
    rel = Path(doc_path)
    if rel.is_absolute() and rel.is_file():
        return rel
    for parent in gold_path.resolve().parents:
        cand = parent / rel
        if cand.is_file():
            return cand
    raise EvalError("CG100", subject=doc_path, detail=f"document text named by {gold_path} not found next to it or above")


def load_gold(path: str | Path) -> dict[str, Any]:
    gold = read_json(path)
    if not isinstance(gold, dict) or gold.get("schema") != "conflict-gold/1":
        raise fail(path, 'not a conflict-gold/1 file (needs "schema": "conflict-gold/1")')
    if not (gold.get("doc") or {}).get("path"):
        raise fail(path, "gold has no doc.path naming its text")
    return gold


def run(
    paths: list[str], pipeline: Pipeline, limit: int | None = None, predictions: str | None = None
) -> EvalReport:
    """Analyse each gold file's text, score ours and the spaCy baseline, write our predictions."""
    from claimgraph.eval.baseline import baseline_gold_format, plain_nlp
    from claimgraph.extract.goldformat import to_gold_format
    from claimgraph.ingest import document_from_text

    ours: list[dict[str, Any]] = []
    base: list[dict[str, Any]] = []
    per_doc: dict[str, Any] = {}
    notes: list[str] = []
    with prediction_writer(predictions) as out:
        for path in limited(paths, limit):
            gold = load_gold(path)
            g_doc = gold["doc"]
            text_path = resolve_doc_path(Path(path), g_doc["path"])
            raw = read_text(text_path)
            document = document_from_text(
                raw, path=g_doc["path"], outlet=g_doc.get("outlet"), published=g_doc.get("published"),
                title=g_doc.get("title"),
            )
            if document.text != raw:
                notes.append(f"{path}: text changed by normalisation; gold offsets may be shifted")
            predicted = to_gold_format(pipeline.analyze(document))
            out.write(predicted)
            s = score_seed(gold, predicted, document.text)
            b = score_seed(gold, baseline_gold_format(document, plain_nlp()(document.text), pipeline.gazetteer), document.text)
            ours.append(s)
            base.append(b)
            per_doc[str(path)] = {k: v for k, v in s.items() if k != "counts"}
    if not ours:
        raise EvalError("CG500", subject="seed", detail="no gold files given")
    agg = aggregate(ours)
    agg_b = aggregate(base)
    notes.append("baseline: spaCy NER spans, one entity per surface form, places at the most populous exact-name "
                 "gazetteer match, no claims")
    return EvalReport(
        kind="seed",
        inputs=[str(p) for p in paths][: len(ours)],
        n_items=len(ours),
        metrics={k: v for k, v in agg.items() if k != "counts"},
        baseline={k: v for k, v in agg_b.items() if k != "counts"},
        sections={"per_document": per_doc, "counts": {"ours": agg["counts"], "baseline": agg_b["counts"]}},
        notes=notes,
        predictions_path=predictions,
    )
