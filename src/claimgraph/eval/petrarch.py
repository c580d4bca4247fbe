"""``claimgraph eval petrarch``: CAMEO event codings of the PETRARCH validation suites.

Input: PETRARCH / UniversalPETRARCH validation record files (``<Sentence>`` with
``<EventCoding sourcecode targetcode eventcode>`` and ``<Text>``; a folder stands
for its ``*.xml`` files). Only sentences whose category the file's ``<Include>`` list
names are scored, and not those whose coding expects the coder to reject the record
(``error=…``). Each sentence is analysed on its own.

Gold CAMEO codes become PLOVER types through ``data/eval_petrarch.yaml`` (root code
table plus a few sub-code overrides; 01 statements and the suite's internal 9xx codes
have no PLOVER type and are not scored). Actors are compared by the first three
characters of their codes (the country, or IGO/NGO/``---``). Our actors are coded:
first by the actor dictionaries the file's ``<Environment>`` names (looked up by the
entity's name, aliases and mention texts — this codes *our* spans the way the set
codes actors, so the score is about finding the right actor, not about knowing CAMEO
codes), else by the country of the place or group we resolved, else ``---`` for an
unnamed group.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import TYPE_CHECKING, Any

from claimgraph.data import load_yaml
from claimgraph.errors import EvalError, IngestError
from claimgraph.eval.common import limited, prediction_writer
from claimgraph.eval.metrics import PRF, Ratio
from claimgraph.eval.petrarch_read import (
    Sentence,
    normalise_name,
    read_actor_dictionary,
    read_records,
    record_files,
)
from claimgraph.eval.report import EvalReport
from claimgraph.model import Entity, Extraction

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from claimgraph.pipeline import Pipeline

SHAPE = ("{file, i, id, events: [{event, source: [text], target: [text], source_code: [code|null], "
         "target_code: [code|null]}]} per scored sentence; i = 0-based index of the sentence in its file")
HEADLINE = ["event_type_accuracy", "event_type_f1", "triple_f1", "noevents_accuracy"]
SCORING = (
    "Gold CAMEO event codes are mapped to POLECAT types by their root (first two digits) with four "
    "sub-code overrides (084/087 → RETREAT, 191/192 → COERCE) from the PLOVER CAMEO table "
    "(`data/eval_petrarch.yaml`); 01 statements and the suite's 9xx codes are not scored. Only sentences "
    "of the categories the file's `<Include>` list names are scored, minus those expecting a coder error. "
    "`event_type_accuracy`: the sentence's first event (by trigger position) has one of the gold types; "
    "`event_type_*`: (sentence, type) sets, micro P/R/F1; `triple_*`: (sentence, source, type, target) "
    "sets where actors compare on the first three code characters (country or IGO/NGO/---). Our actors "
    "are coded with the actor dictionaries the file's `<Environment>` names (by name, alias or mention "
    "text), else by the ISO3 country of the resolved place or group, else `---` for an unnamed group. "
    "`noevents_accuracy`: share of `noevents` sentences where we emit no scored event. Baseline: the "
    "majority gold type of each file's scored sentences on every sentence, with the first and second spaCy "
    "GPE/NORP/ORG/PERSON spans as source and target, coded the same way by text."
)


def _config() -> dict[str, Any]:
    return load_yaml("eval_petrarch.yaml")


def cameo_to_plover(code: str) -> str | None:
    """The POLECAT type of a CAMEO event code, ``None`` when it has none (statements, 9xx)."""
    cfg = _config()
    code = code.strip()
    for n in range(len(code), 2, -1):
        hit = cfg["cameo_code_overrides"].get(code[:n])
        if hit:
            return str(hit)
    root = cfg["cameo_root_to_plover"].get(code[:2])
    return str(root) if root else None


def short_code(code: str | None) -> str | None:
    """An actor code cut to its country / non-state prefix (``USAGOV`` → ``USA``)."""
    if not code:
        return None
    return code[: int(_config()["code_width"])].upper()


def _iso3(alpha2: str | None) -> str | None:
    if not alpha2:
        return None
    import pycountry

    c = pycountry.countries.get(alpha_2=alpha2.upper())
    return c.alpha_3 if c else None


def code_text(text: str, dictionaries: list[dict[str, str]]) -> str | None:
    """The code of a surface text by the set's dictionaries, else as a country name (pycountry)."""
    key = normalise_name(text)
    for d in dictionaries:
        if key in d:
            return short_code(d[key])
    import pycountry

    try:
        return pycountry.countries.lookup(text.strip()).alpha_3
    except LookupError:
        return None


def code_entity(entity: Entity, x: Extraction, dictionaries: list[dict[str, str]]) -> str | None:
    """Our entity's actor code: dictionary (name, aliases, mention texts), then resolved country,
    then ``---`` for an unnamed group; ``None`` when nothing places it."""
    texts = [entity.name, *entity.aliases, *(x.document.text[s:t] for s, t in entity.mentions)]
    for text in texts:
        key = normalise_name(text)
        for d in dictionaries:
            if key in d:
                return short_code(d[key])
    country = (entity.place.country if entity.place else None) or entity.external_ids.get("country")
    iso = _iso3(country)
    if iso:
        return iso
    if entity.type == "Group":
        return str(_config()["unplaced_group_code"])
    return None


def _first_trigger(c: Any) -> int:
    if c.trigger:
        return int(c.trigger[0])
    return int(c.evidence[0][0]) if c.evidence else 0


def predict(x: Extraction, dictionaries: list[dict[str, str]], scored_types: set[str]) -> list[dict[str, Any]]:
    """Our events of the sentence, in trigger order, with actor texts and codes (scored types only)."""
    out = []
    for c in sorted(x.events, key=lambda c: (_first_trigger(c), -c.confidence)):
        if c.predicate not in scored_types:
            continue
        src = [e for e in (x.entity(i) for i in c.sources) if e is not None]
        tgt = [e for e in (x.entity(i) for i in c.targets) if e is not None]
        out.append({
            "event": c.predicate,
            "source": [e.name for e in src], "target": [e.name for e in tgt],
            "source_code": [code_entity(e, x, dictionaries) for e in src],
            "target_code": [code_entity(e, x, dictionaries) for e in tgt],
        })
    return out


def triples(events: list[dict[str, Any]]) -> set[tuple[str | None, str, str | None]]:
    """(source code, type, target code) of every event, one per source × target (None for a missing side)."""
    out = set()
    for ev in events:
        for s in ev["source_code"] or [None]:
            for t in ev["target_code"] or [None]:
                out.add((s, ev["event"], t))
    return out


def gold_of(s: Sentence) -> tuple[set[str], set[tuple[str | None, str, str | None]]]:
    types, trip = set(), set()
    for c in s.codings:
        t = cameo_to_plover(c.event)
        if t is None:
            continue
        types.add(t)
        trip.add((short_code(c.source), t, short_code(c.target)))
    return types, trip


class _Tally:
    """Counts for one system (ours or the baseline) over the scored sentences."""

    def __init__(self) -> None:
        self.accuracy = Ratio()
        self.types = PRF()
        self.triples = PRF()
        self.quiet = Ratio()
        self.no_event = Ratio()
        self.confusion: Counter[str] = Counter()
        self.per_type: dict[str, PRF] = {}

    def add(self, main: str | None, types: set[str], trip: set[Any], g_types: set[str], g_trip: set[Any]) -> None:
        if g_types:
            self.accuracy.add(main in g_types)
            self.no_event.add(main is None)
            if main not in g_types:
                self.confusion[f"{'/'.join(sorted(g_types))} → {main or 'no event'}"] += 1
        else:
            self.quiet.add(not types)
        self.types += PRF(len(types & g_types), len(types), len(g_types))
        for t in types | g_types:
            self.per_type[t] = self.per_type.get(t, PRF()) + PRF(int(t in types and t in g_types),
                                                                  int(t in types), int(t in g_types))
        self.triples += PRF(len(trip & g_trip), len(trip), len(g_trip))

    def metrics(self) -> dict[str, float | int | None]:
        return {
            "event_type_accuracy": self.accuracy.value,
            **self.types.as_dict("event_type"),
            **self.triples.as_dict("triple"),
            "noevents_accuracy": self.quiet.value,
            "no_event_share": self.no_event.value,
        }


def _scored(s: Sentence) -> bool:
    return s.included and s.error is None and (s.noevents or bool(gold_of(s)[0]))


def _baseline_events(sdoc: Doc, event: str, dictionaries: list[dict[str, str]]) -> list[dict[str, Any]]:
    labels = set(_config()["baseline_actor_labels"])
    ents = [e.text for e in sdoc.ents if e.label_ in labels]
    src, tgt = ents[:1], ents[1:2]
    return [{"event": event, "source": src, "target": tgt,
             "source_code": [code_text(t, dictionaries) for t in src],
             "target_code": [code_text(t, dictionaries) for t in tgt]}]


def _per_file(by_file: dict[str, _Tally]) -> dict[str, float | int | None]:
    """The headline metrics per record file (``STEM.metric``) when several files are scored: the
    suites differ (stylised unit tests vs. news sentences) and a blend alone would hide that."""
    if len(by_file) < 2:
        return {}
    return {f"{Path(path).stem}.{m}": v for path, t in by_file.items()
            for m, v in t.metrics().items() if m in HEADLINE}


def run(paths: list[str], pipeline: Pipeline, limit: int | None = None, predictions: str | None = None) -> EvalReport:
    from claimgraph.eval.baseline import plain_nlp
    from claimgraph.ingest import document_from_text

    files = [read_records(p) for p in record_files(paths)]
    scored_types = {str(v) for v in _config()["cameo_root_to_plover"].values() if v}
    scored_types |= {str(v) for v in _config()["cameo_code_overrides"].values()}
    items = ((f, s) for f in files for s in f.sentences if _scored(s))
    ours = _Tally()
    ours_by: dict[str, _Tally] = {}
    kept: list[tuple[str, Sentence, list[dict[str, str]], Any]] = []
    with prediction_writer(predictions) as out:
        for f, s in limited(items, limit):
            dictionaries = [read_actor_dictionary(p) for p in f.actor_files]
            try:
                document = document_from_text(s.text, path=f"{f.path}#{s.id}")
            except IngestError:  # an empty sentence: no events
                document = None
            events = predict(pipeline.analyze(document), dictionaries, scored_types) if document else []
            out.write({"file": f.path, "i": s.index, "id": s.id, "events": events})
            g_types, g_trip = gold_of(s)
            for tally in (ours, ours_by.setdefault(f.path, _Tally())):
                tally.add(events[0]["event"] if events else None, {e["event"] for e in events}, triples(events),
                          g_types, g_trip)
            kept.append((f.path, s, dictionaries, plain_nlp()(s.text)))
    if not kept:
        raise EvalError("CG500", subject=",".join(paths), detail="no scored PETRARCH sentences found")
    gold_types = Counter(t for _, s, _, _ in kept for t in gold_of(s)[0])
    # the majority class of each record file: the suites differ too much for one constant answer
    majority: dict[str, str] = {}
    for path in dict.fromkeys(p for p, _, _, _ in kept):
        counts = Counter(t for p, s, _, _ in kept if p == path for t in gold_of(s)[0])
        majority[path] = counts.most_common(1)[0][0] if counts else "ASSAULT"
    base = _Tally()
    base_by: dict[str, _Tally] = {}
    for path, s, dictionaries, sdoc in kept:
        g_types, g_trip = gold_of(s)
        evs = _baseline_events(sdoc, majority[path], dictionaries)
        for tally in (base, base_by.setdefault(path, _Tally())):
            tally.add(majority[path], {majority[path]}, triples(evs), g_types, g_trip)
    all_sentences = [s for f in files for s in f.sentences]
    unscored = sum(1 for s in all_sentences if s.included and s.error is None and not _scored(s))
    return EvalReport(
        kind="petrarch",
        inputs=list(paths),
        n_items=len(kept),
        metrics={**ours.metrics(), **_per_file(ours_by)},
        baseline={**base.metrics(), **_per_file(base_by)},
        sections={
            "per_type": {t: {"precision": c.precision, "recall": c.recall, "f1": c.f1, "support": c.n_gold}
                         for t, c in sorted(ours.per_type.items())},
            "gold_type_counts": dict(gold_types),
            "misses": {"event type (gold → ours)": dict(ours.confusion.most_common(10))},
            "actor_dictionaries": {Path(f.path).name: [p.name for p in f.actor_files] for f in files},
        },
        notes=[
            f"{len(kept)} sentences scored ({sum(1 for _, s, _, _ in kept if s.noevents)} noevents); "
            f"{sum(1 for s in all_sentences if not s.included)} outside the file's <Include> categories, "
            f"{sum(1 for s in all_sentences if s.error)} expecting a coder error, {unscored} with only "
            "01 statement / 9xx codings (no PLOVER type) — not scored",
            "CAMEO → POLECAT by root code with 084/087 → RETREAT, 191/192 → COERCE (data/eval_petrarch.yaml); "
            "our RELOCATE events are not scored (no CAMEO counterpart)",
            "actors compared on the first 3 code characters; ours coded by the set's own actor dictionaries "
            "(<Environment> <Actorfile>), else resolved country ISO3, else --- for unnamed groups",
            f"baseline: the file's majority gold type ({', '.join(sorted(set(majority.values())))}) on every "
            "sentence, first/second spaCy "
            "GPE/NORP/ORG/PERSON span as source/target coded by the same dictionaries or as a country name",
        ],
        predictions_path=predictions,
    )
