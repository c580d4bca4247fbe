"""``claimgraph eval wikievents``: event triggers and arguments on WikiEvents (KAIROS) documents.

Input: WikiEvents JSON Lines (``dev.jsonl``/``test.jsonl``; a folder stands for its
``*.jsonl``) with the coreference file ``coref/<stem>.jsonlines`` beside it when present.
Each document is rebuilt from its sentences (see ``wikievents_read``) and analysed
whole by the pipeline.

KAIROS types map to PLOVER types by ``data/eval_wikievents.yaml``; gold events of
unmapped types are not scored, and neither are our events on their triggers (when
they touch no mapped trigger) nor our events of PLOVER types no KAIROS type maps to.
Triggers: our event's trigger span (its first evidence span when it has none) must
overlap the gold trigger's characters — gold triggers are head words, so this is the
dataset's head match; one-to-one greedy matching. Identification ignores the type,
classification needs the mapped type. Arguments: only roles that map to our source /
target / location slots; an argument is right when one mention of our entity overlaps
any mention of the gold argument's coreference cluster, within a matched event pair
(identification: any slot; classification: the mapped slot; KAIROS ``Participant``
fits either actor slot). Baseline in the same run: for each PLOVER type, every token
whose spaCy lemma is that type's most frequent gold trigger lemma in the scored set,
with the nearest spaCy entity before it in the sentence as source, after it as
target, and the nearest place after it as location.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from claimgraph.data import load_yaml
from claimgraph.errors import EvalError, IngestError
from claimgraph.eval.common import limited, prediction_writer
from claimgraph.eval.metrics import PRF, greedy_match, overlap_chars, spans_overlap
from claimgraph.eval.report import EvalReport
from claimgraph.eval.token_align import Span, realign
from claimgraph.eval.wikievents_read import GoldEvent, WikiDoc, coref_file, input_files, read_docs
from claimgraph.model import Extraction

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from claimgraph.pipeline import Pipeline

SHAPE = ("{doc_id, events: [{event, trigger: [start, end]|null, trigger_text, source: [text], target: [text], "
         "location: [text]}]} per document; offsets into the document rebuilt from its sentences, one per line")
HEADLINE = ["trigger_classification_f1", "argument_classification_f1", "trigger_identification_f1"]
SCORING = (
    "KAIROS types map to PLOVER in `data/eval_wikievents.yaml` (Conflict.Attack/Life.Die/Life.Injure/"
    "Damage-Destroy → ASSAULT, Demonstrate → PROTEST, Contact.Contact.Meet/Correspondence → "
    "CONSULT, RequestCommand → REQUEST, ThreatenCoerce → THREATEN, ArrestJailDetain/ImpedeInterfereWith/"
    "PreventPassage → COERCE, ChargeIndict/InvestigateCrime → ACCUSE, Convict/Sentence → SANCTION, "
    "ReleaseParole → RETREAT, Transportation → RELOCATE, Donation → AID); the rest (Broadcast and Unspecified "
    "Contact — statements —, GenericCrime, Disaster, Medical, Cognitive, Personnel, ExchangeBuySell, TrialHearing…) is not scored, "
    "nor are our events on those triggers or of types nothing maps to. Trigger identification/classification "
    "P/R/F1: our trigger span overlaps the gold head-word trigger (one-to-one), classification also needs "
    "the type. Argument identification/classification P/R/F1 over the roles that map to our slots "
    "(Attacker/Killer/…→source, Target/Victim/Detainee/…→target, Place→location, Participant→either; "
    "RELOCATE: Transporter/PassengerArtifact→source, Destination→location) within matched event pairs; "
    "right when a mention of our entity overlaps any mention of the gold argument's coreference cluster. "
    "Entity mention P/R/F1: gold PER/ORG/GPE/LOC mentions (nominals and pronouns included) against the "
    "mentions of all our entities, one-to-one by overlap. "
    "Baseline: every token whose spaCy lemma is a type's most frequent gold trigger lemma, nearest spaCy "
    "entity before/after as source/target, nearest place after as location; spaCy's entity spans."
)


def _config() -> dict[str, Any]:
    return load_yaml("eval_wikievents.yaml")


def kairos_to_plover(kairos: str) -> str | None:
    """PLOVER type of a KAIROS type by its longest listed dotted prefix; None when unmapped."""
    table = _config()["kairos_to_plover"]
    parts = kairos.split(".")
    for n in range(len(parts), 0, -1):
        key = ".".join(parts[:n])
        if key in table:
            return str(table[key]) if table[key] else None
    return None


def scored_types() -> set[str]:
    return {str(v) for v in _config()["kairos_to_plover"].values() if v}


def role_slot(plover: str, role: str) -> str | None:
    """Our slot (source, target, location, either) for a KAIROS role of an event of this PLOVER type."""
    cfg = _config()
    special = (cfg.get("type_role_slots") or {}).get(plover) or {}
    if role in special:
        return str(special[role])
    for slot, roles in cfg["role_slots"].items():
        if role in roles:
            return str(slot)
    return None


@dataclass
class Arg:
    """An event argument in one of our slots, with every character span that names it."""

    slot: str
    spans: list[Span]
    text: str


@dataclass
class Pred:
    """One predicted event, ours or the baseline's, in document character offsets."""

    type: str
    span: Span | None
    args: list[Arg] = field(default_factory=list)


@dataclass
class GoldItem:
    """A gold event: its KAIROS type, mapped PLOVER type (None: not scored), trigger span, arguments."""

    kairos: str
    type: str | None
    span: Span | None
    args: list[Arg]                   # one per distinct (slot, cluster); spans = the cluster's mentions


def gold_items(doc: WikiDoc, stored: str) -> list[GoldItem]:
    """The document's gold events with trigger and cluster spans moved onto the stored text."""
    spans = realign(doc.text, stored, doc.token_spans)

    def char_span(tok: tuple[int, int]) -> Span | None:
        a, b = spans[tok[0]], spans[tok[1] - 1]
        return (a[0], b[1]) if a and b else None

    clusters: dict[str, list[Span]] = {}
    for mid, tok in doc.mentions.items():
        sp = char_span(tok)
        if sp:
            clusters.setdefault(doc.clusters.get(mid, mid), []).append(sp)
    out = []
    for e in doc.events:
        plover = kairos_to_plover(e.kairos)
        args: dict[tuple[str, str], Arg] = {}
        for a in e.arguments:
            slot = role_slot(plover, a.role) if plover else None
            key = doc.clusters.get(a.entity_id, a.entity_id)
            if slot and (slot, key) not in args:
                args[(slot, key)] = Arg(slot, clusters.get(key, []), a.text)
        out.append(GoldItem(e.kairos, plover, char_span(e.trigger), list(args.values())))
    return out


def our_events(x: Extraction) -> list[Pred]:
    """Every event claim of the extraction, anchored at its trigger (else its first evidence span),
    with its sources, targets and location as arguments named by all of the entity's mentions."""
    out = []
    for c in x.events:
        span = tuple(c.trigger) if c.trigger else (tuple(c.evidence[0]) if c.evidence else None)
        args = []
        for slot, ids in (("source", c.sources), ("target", c.targets), ("location", [c.location] if c.location else [])):
            for eid in ids:
                e = x.entity(eid)
                if e is not None:
                    args.append(Arg(slot, [tuple(m) for m in e.mentions], e.name))  # type: ignore[misc]
        out.append(Pred(c.predicate, span, args))  # type: ignore[arg-type]
    return out


def _slot_fits(pred: str, gold: str) -> bool:
    return pred == gold or (gold == "either" and pred in ("source", "target"))


def _arg_matches(pred: Sequence[Arg], gold: Sequence[Arg], with_slot: bool) -> int:
    def score(p: Arg, g: Arg) -> float | None:
        if with_slot and not _slot_fits(p.slot, g.slot):
            return None
        return 1.0 if any(spans_overlap(a, b) for a in p.spans for b in g.spans) else None

    return len(greedy_match(pred, gold, score))


@dataclass
class Tally:
    trig_id: PRF = field(default_factory=PRF)
    trig_cls: PRF = field(default_factory=PRF)
    arg_id: PRF = field(default_factory=PRF)
    arg_cls: PRF = field(default_factory=PRF)
    per_type: dict[str, PRF] = field(default_factory=dict)
    found_kairos: Counter[str] = field(default_factory=Counter)
    excluded: int = 0

    def add(self, preds: list[Pred], golds: list[GoldItem]) -> None:
        types = scored_types()
        mapped = [g for g in golds if g.type]
        unmapped = [g.span for g in golds if not g.type and g.span]
        kept = []
        for p in preds:
            touches_mapped = any(spans_overlap(p.span, g.span) for g in mapped)
            if p.type not in types or (not touches_mapped and any(spans_overlap(p.span, u) for u in unmapped)):
                self.excluded += 1
            else:
                kept.append(p)

        def typed(p: Pred, g: GoldItem) -> float | None:
            return overlap_chars(p.span, g.span) or None if p.type == g.type else None

        id_pairs = greedy_match(kept, mapped, lambda p, g: overlap_chars(p.span, g.span) or None)
        cls_pairs = greedy_match(kept, mapped, typed)
        self.trig_id += PRF(len(id_pairs), len(kept), len(mapped))
        self.trig_cls += PRF(len(cls_pairs), len(kept), len(mapped))
        n_pred_args = sum(len(p.args) for p in kept)
        n_gold_args = sum(len(g.args) for g in mapped)
        self.arg_id += PRF(sum(_arg_matches(kept[i].args, mapped[j].args, False) for i, j in id_pairs),
                           n_pred_args, n_gold_args)
        self.arg_cls += PRF(sum(_arg_matches(kept[i].args, mapped[j].args, True) for i, j in cls_pairs),
                            n_pred_args, n_gold_args)
        hit = {j for _, j in cls_pairs}
        for t in types:
            self.per_type[t] = self.per_type.get(t, PRF()) + PRF(
                sum(1 for _, j in cls_pairs if mapped[j].type == t),
                sum(1 for p in kept if p.type == t), sum(1 for g in mapped if g.type == t))
        self.found_kairos.update(mapped[j].kairos for j in hit)

    def metrics(self) -> dict[str, float | int | None]:
        return {**self.trig_id.as_dict("trigger_identification"), **self.trig_cls.as_dict("trigger_classification"),
                **self.arg_id.as_dict("argument_identification"), **self.arg_cls.as_dict("argument_classification"),
                "events_emitted": self.trig_cls.n_pred + self.excluded, "events_scored_emitted": self.trig_cls.n_pred}


# --- baseline ---------------------------------------------------------------------------------


def _lemma_at(sdoc: Doc, span: Span | None) -> str | None:
    if not span:
        return None
    for tok in sdoc:
        if tok.idx < span[1] and span[0] < tok.idx + len(tok.text):
            return str(tok.lemma_).lower()
    return None


def trigger_lemmas(docs: list[tuple[Doc, list[GoldItem]]]) -> dict[str, str]:
    """lemma -> PLOVER type: each type's most frequent gold trigger lemma (ties: alphabetical),
    a lemma shared by two types going to the type it triggers more often."""
    counts: dict[str, Counter[str]] = {}
    for sdoc, golds in docs:
        for g in golds:
            lemma = _lemma_at(sdoc, g.span) if g.type else None
            if lemma:
                counts.setdefault(g.type, Counter())[lemma] += 1  # type: ignore[arg-type]
    out: dict[str, tuple[int, str]] = {}
    for t, c in sorted(counts.items()):
        lemma, n = sorted(c.items(), key=lambda kv: (-kv[1], kv[0]))[0]
        if lemma not in out or out[lemma][0] < n:
            out[lemma] = (n, t)
    return {lemma: t for lemma, (_, t) in out.items()}


def baseline_events(sdoc: Doc, lemmas: dict[str, str]) -> list[Pred]:
    cfg = _config()
    actors, places = set(cfg["baseline_actor_labels"]), set(cfg["baseline_place_labels"])
    out = []
    for tok in sdoc:
        t = lemmas.get(str(tok.lemma_).lower())
        if t is None:
            continue
        ents = list(tok.sent.ents)
        before = [e for e in ents if e.end_char <= tok.idx and e.label_ in actors]
        after = [e for e in ents if e.start_char >= tok.idx + len(tok.text)]
        args = []
        if before:
            args.append(Arg("source", [(before[-1].start_char, before[-1].end_char)], before[-1].text))
        tgt = next((e for e in after if e.label_ in actors), None)
        if tgt is not None:
            args.append(Arg("target", [(tgt.start_char, tgt.end_char)], tgt.text))
        loc = next((e for e in after if e.label_ in places), None)
        if loc is not None:
            args.append(Arg("location", [(loc.start_char, loc.end_char)], loc.text))
        out.append(Pred(t, (tok.idx, tok.idx + len(tok.text)), args))
    return out


def gold_mentions(doc: WikiDoc, stored: str) -> list[Span]:
    """Character spans of the document's PER/ORG/GPE/LOC mentions (types from the mapping file)."""
    kinds = set(_config()["mention_types"])
    spans = realign(doc.text, stored, doc.token_spans)
    out = []
    for mid, (s, t) in doc.mentions.items():
        a, b = spans[s], spans[t - 1]
        if doc.mention_types.get(mid) in kinds and a and b:
            out.append((a[0], b[1]))
    return out


def mention_prf(pred: list[Span], gold: list[Span]) -> PRF:
    """Entity mention detection: one-to-one matching of overlapping spans."""
    return PRF(len(greedy_match(pred, gold, lambda p, g: overlap_chars(p, g) or None)), len(pred), len(gold))


def _prediction(doc_id: str, text: str, preds: list[Pred]) -> dict[str, Any]:
    return {"doc_id": doc_id, "events": [
        {"event": p.type, "trigger": list(p.span) if p.span else None,
         "trigger_text": text[p.span[0]:p.span[1]] if p.span else None,
         **{slot: [a.text for a in p.args if a.slot == slot] for slot in ("source", "target", "location")}}
        for p in preds]}


def run(paths: list[str], pipeline: Pipeline, limit: int | None = None, predictions: str | None = None) -> EvalReport:
    from claimgraph.eval.baseline import plain_nlp
    from claimgraph.ingest import document_from_text

    files = input_files(paths)
    no_coref = [f for f in files if coref_file(f) is None]
    items = ((f, d) for f in files for d in read_docs(f))
    ours = Tally()
    parsed: list[tuple[Doc, list[GoldItem]]] = []
    mentions_ours, mentions_base = PRF(), PRF()
    base_labels = set(_config()["baseline_actor_labels"]) | set(_config()["baseline_place_labels"])
    with prediction_writer(predictions) as out:
        for f, doc in limited(items, limit):
            try:
                document = document_from_text(doc.text, path=f"{f}#{doc.doc_id}")
            except IngestError:  # a document with no text: nothing to find, nothing found
                continue
            golds = gold_items(doc, document.text)
            x = pipeline.analyze(document)
            preds = our_events(x)
            out.write(_prediction(doc.doc_id, document.text, preds))
            ours.add(preds, golds)
            sdoc = plain_nlp()(document.text)
            parsed.append((sdoc, golds))
            g_mentions = gold_mentions(doc, document.text)
            mentions_ours += mention_prf([(s, t) for e in x.entities for s, t in e.mentions], g_mentions)
            mentions_base += mention_prf([(e.start_char, e.end_char) for e in sdoc.ents if e.label_ in base_labels],
                                         g_mentions)
    if not parsed:
        raise EvalError("CG500", subject=",".join(paths), detail="no WikiEvents documents found")
    lemmas = trigger_lemmas(parsed)
    base = Tally()
    for sdoc, golds in parsed:
        base.add(baseline_events(sdoc, lemmas), golds)
    gold_all = Counter(g.kairos for _, golds in parsed for g in golds)
    unscored = {k: n for k, n in gold_all.items() if kairos_to_plover(k) is None}
    return EvalReport(
        kind="wikievents",
        inputs=list(paths),
        n_items=len(parsed),
        metrics={**ours.metrics(), **mentions_ours.as_dict("entity_mention")},
        baseline={**base.metrics(), **mentions_base.as_dict("entity_mention")},
        sections={
            "per_type": {t: {"precision": c.precision, "recall": c.recall, "f1": c.f1, "support": c.n_gold}
                         for t, c in sorted(ours.per_type.items()) if c.n_gold or c.n_pred},
            "recall_by_kairos_type": {k: ours.found_kairos[k] / n for k, n in sorted(gold_all.items())
                                      if k not in unscored},
            "unscored_gold_types": dict(sorted(unscored.items(), key=lambda kv: -kv[1])),
            "baseline_trigger_lemmas": lemmas,
        },
        notes=[
            f"{sum(gold_all.values()) - sum(unscored.values())} gold events of mapped KAIROS types scored; "
            f"{sum(unscored.values())} of unmapped types not scored (section unscored_gold_types)",
            f"{ours.excluded} of our events not scored (a PLOVER type no KAIROS type maps to, or on an unmapped trigger)",
            "trigger match = character overlap with the gold head-word trigger, one-to-one; arguments within "
            "matched pairs, right when a mention of our entity overlaps a mention of the gold coreference cluster",
            "entity mentions: gold PER/ORG/GPE/LOC mentions (names, nominals and pronouns alike) against the "
            "mentions of every entity we find (groups too) / spaCy's PERSON/ORG/GPE/NORP/LOC/FAC spans, "
            "one-to-one by overlap",
            "baseline: each PLOVER type's most frequent gold trigger lemma (spaCy lemmas) wherever it occurs, "
            "nearest spaCy entity before/after as source/target, nearest GPE/LOC/FAC after as location",
            *([f"no coreference file beside {', '.join(no_coref)}: each mention is its own cluster"] if no_coref else []),
        ],
        predictions_path=predictions,
    )
