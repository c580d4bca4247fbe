"""PLOVER JSON Lines: one record per event claim, with PLOVER's standard field names.

Field names follow the "Data Fields" chapter of the PLOVER manual (``id``,
``date``/``enddate``, ``actor``/``recipient`` entity objects, ``event``,
``mode``, ``context``, ``event_loc``, ``event_text``, ``text``, ``text_info``,
``cite_info`` with ``publication``); the same actors are also given as
``source``/``target`` and the outlet as top-level ``publication``, the names
the PLOVER gold standard records use. claimgraph's provenance travels in named
extension fields — ``modality``, ``attribution`` (chain outermost first),
``evidence`` (exact spans), ``doc_id``, ``date_precision``, ``date_interval``,
``confidence`` — described in ``schemas/plover.schema.json``, which every
record is checked against before it is written.

Modality is also spelled with PLOVER's own auxiliary modes in ``context``
(denied → ``negation``, hypothetical → ``hypothetical``, promised →
``future``, historical claims → ``historical``), so a PLOVER tool that knows
nothing of our extension still does not read a denial as a fact.
"""

from __future__ import annotations

import calendar
import json
from collections.abc import Iterable, Iterator
from functools import lru_cache
from importlib import resources
from typing import Any, TextIO

from claimgraph.data import load_yaml
from claimgraph.errors import ExportError
from claimgraph.export.common import (
    Actor,
    ClaimView,
    Corpus,
    build_corpus,
    country_alpha3,
    country_name,
    jsonl_line,
)
from claimgraph.model import DateInterval, Entity, Extraction

CODEBOOK = "plover-base (claimgraph extension: RELOCATE event, modality/attribution/evidence fields)"
#: GeoNames-style resolution codes of the PLOVER location object, by our Place.feature
RESOLUTION = {"country": 1, "province": 2, "region": 2, "district": 3, "city": 4, "town": 4, "village": 4,
              "neighbourhood": 5, "area": 5}


@lru_cache(maxsize=1)
def plover_schema() -> dict[str, Any]:
    """The JSON Schema every exported record satisfies (packaged as ``claimgraph/schemas``)."""
    text = resources.files("claimgraph").joinpath("schemas/plover.schema.json").read_text(encoding="utf-8")
    schema: dict[str, Any] = json.loads(text)
    return schema


def _pad_start(value: str) -> str:
    parts = value.split("-")
    return "-".join([parts[0], parts[1] if len(parts) > 1 else "01", parts[2] if len(parts) > 2 else "01"])


def _pad_end(value: str) -> str:
    parts = value.split("-")
    year = int(parts[0])
    month = int(parts[1]) if len(parts) > 1 else 12
    day = int(parts[2]) if len(parts) > 2 else calendar.monthrange(year, month)[1]
    return f"{year:04d}-{month:02d}-{day:02d}"


def plover_dates(date: DateInterval | None, published: str | None) -> dict[str, Any]:
    """``date``/``enddate``/``date_precision`` for a claim date (see the schema for the conventions)."""
    out: dict[str, Any] = {}
    if date is not None and date.value:
        precision = date.precision or {4: "year", 7: "month", 10: "day"}.get(len(date.value), "day")
        out["date"] = _pad_start(date.value)
        if precision != "day":
            out["enddate"] = _pad_end(date.value)
        out["date_precision"] = precision
    elif date is not None and (date.after or date.before):
        out["date"] = _pad_start(date.after) if date.after else None
        end = date.before or published
        if end:
            out["enddate"] = _pad_end(end)
        out["date_precision"] = "interval"
    elif published:
        out["date"] = _pad_start(published)
        out["date_precision"] = "publication"
    else:
        out["date"] = None
        out["date_precision"] = "unknown"
    out["date_interval"] = (
        {"value": date.value, "after": date.after, "before": date.before, "text": date.text} if date else None
    )
    return out


def _entity(view: ClaimView, corpus: Corpus, entity_id: str) -> dict[str, Any]:
    key = view.key(entity_id)
    actor: Actor | None = corpus.actor(key)
    surface = next(
        (e.name for e in _doc_entities(corpus, view) if e.id == entity_id), actor.name if actor else entity_id
    )
    record: dict[str, Any] = {"entity_text": surface}
    tables = load_yaml("export_plover.yaml")
    if actor is not None and actor.kind in tables["sector_by_kind"]:
        record["sector"] = tables["sector_by_kind"][actor.kind]
    if actor is not None and actor.kind in tables["code_by_kind"]:
        record["code"] = tables["code_by_kind"][actor.kind]
    if actor is not None:
        record["identifier_id"] = actor.key
        record["identifier_text"] = actor.name
        record["entity_type"] = actor.type
        record["kind"] = actor.kind
        if actor.titles:
            record["office"] = actor.titles[0]
        if actor.place is not None and actor.type == "Location" and country_alpha3(actor.place.country):
            record["code"] = country_alpha3(actor.place.country)
        if actor.type == "Group":
            # an unnamed group: its CAMEO/PLOVER agent (sector) code and, when known, its country
            if actor.external_ids.get("sector"):
                record["sector"] = actor.external_ids["sector"]
            if country_alpha3(actor.external_ids.get("country")):
                record["code"] = country_alpha3(actor.external_ids.get("country"))
    return record


def _doc_entities(corpus: Corpus, view: ClaimView) -> list[Entity]:
    return corpus.doc_entities.get(view.document.id, [])


def _location(view: ClaimView, corpus: Corpus, entity_id: str | None) -> dict[str, Any] | None:
    if entity_id is None:
        return None
    actor = corpus.actor(view.key(entity_id))
    surface = next((e.name for e in _doc_entities(corpus, view) if e.id == entity_id), None)
    loc: dict[str, Any] = {"extracted_place": surface or (actor.name if actor else entity_id)}
    place = actor.place if actor else None
    if place is None:
        return loc
    loc["resolved"] = bool(place.resolved)
    if place.reason:
        loc["reason"] = place.reason
    if place.resolved and place.lat is not None and place.lon is not None:
        loc["lat"] = float(place.lat)
        loc["lon"] = float(place.lon)
    if place.gazetteer_name:
        loc["resolved_place"] = place.gazetteer_name
    if place.geonameid:
        loc["geonameid"] = int(place.geonameid)
    if place.admin2:
        loc["district"] = place.admin2
    if place.admin1:
        loc["province"] = place.admin1
    if place.country:
        loc["country"] = country_name(place.country)
        if country_alpha3(place.country):
            loc["country_code"] = country_alpha3(place.country)
    if place.feature in ("city", "town", "village") and place.gazetteer_name:
        loc["city"] = place.gazetteer_name
    if place.feature in RESOLUTION:
        loc["resolution"] = RESOLUTION[place.feature]
    return loc


def event_record(view: ClaimView, corpus: Corpus) -> dict[str, Any]:
    """The PLOVER record for one event claim."""
    tables = load_yaml("export_plover.yaml")
    c = view.claim
    doc = view.document
    context = []
    aux = tables["auxiliary"].get(c.modality)
    if aux:
        context.append(aux)
    if c.historical:
        context.append("historical")
    record: dict[str, Any] = {
        "id": c.id,
        "has_event": True,
        **plover_dates(c.date, doc.published),
        "actor": [_entity(view, corpus, e) for e in c.sources],
        "recipient": [_entity(view, corpus, e) for e in c.targets],
        "event": [c.predicate],
    }
    if c.mode:
        record["mode"] = [c.mode]
    if context:
        record["context"] = context
    if c.predicate in tables["quad"]:
        record["quad_code"] = tables["quad"][c.predicate]
        scores = tables["scores"][c.predicate]
        record["event_scale"] = float(scores.get((c.mode or "").lower(), scores[""]))
    loc = _location(view, corpus, c.location)
    if loc is not None:
        record["event_loc"] = loc
    origin = _location(view, corpus, c.origin)
    if origin is not None:
        record["origin_loc"] = origin
    if c.counts:
        size = {"dead": c.counts.get("killed"), "injured": c.counts.get("wounded"),
                "arrested": c.counts.get("captured", c.counts.get("arrested"))}
        record["size"] = {k: v for k, v in size.items() if v is not None}
    record["event_text"] = view.evidence_texts
    record["text"] = view.evidence
    if c.evidence:
        record["text_info"] = {"start": c.evidence[0][0], "end": c.evidence[-1][1]}
    cite = {"citation": doc.path or doc.id, "url": doc.url, "title": doc.title, "publication": doc.outlet,
            "publication_date": doc.published, "coder": f"{c.extractor}/{c.extractor_version}", "codebook": CODEBOOK}
    record["cite_info"] = {k: v for k, v in cite.items() if v}
    # the PLOVER gold standard records (and tools built on them) use source/target and a top-level
    # publication; the manual's current table uses actor/recipient and cite_info. Both are written.
    record["source"] = record["actor"]
    record["target"] = record["recipient"]
    if doc.outlet:
        record["publication"] = doc.outlet
    record["coder"] = f"{c.extractor}/{c.extractor_version}"
    record["modality"] = c.modality
    record["attribution"] = [{"text": s.text, "identifier_id": s.key} for s in view.chain]
    record["historical"] = bool(c.historical)
    if view.contradicted_by:
        record["contradicted_by"] = list(view.contradicted_by)
    record["evidence"] = [{"start": s, "end": e, "text": t} for (s, e), t in zip(c.evidence, view.evidence_texts)]
    record["doc_id"] = doc.id
    record["confidence"] = float(c.confidence)
    return record


def iter_records(extractions: Iterable[Extraction], validate: bool = True) -> Iterator[dict[str, Any]]:
    """PLOVER records for every event claim; each is checked against the schema unless ``validate`` is off."""
    import jsonschema

    corpus = build_corpus(extractions)
    validator = jsonschema.Draft202012Validator(plover_schema()) if validate else None
    for view in corpus.events:
        record = event_record(view, corpus)
        if validator is not None:
            error = jsonschema.exceptions.best_match(validator.iter_errors(record))
            if error is not None:
                raise ExportError("CG601", subject=view.id, detail=f"PLOVER record: {error.message}")
        yield record


def write_plover(extractions: Iterable[Extraction], stream: TextIO, validate: bool = True) -> int:
    """Write PLOVER JSON Lines (one event per line); returns the number of records."""
    n = 0
    for record in iter_records(extractions, validate=validate):
        stream.write(jsonl_line(record))
        n += 1
    return n
