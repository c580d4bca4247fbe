"""Serialise an :class:`~claimgraph.model.Extraction` in the shape of ``conflict-gold/1``.

This is what ``claimgraph extract`` prints, so its output can be scored against
any gold file of that format (``claimgraph eval seed``). Evidence fields are
lists of ``[start, end]`` offsets into the document text.
"""

from __future__ import annotations

from typing import Any

from claimgraph.model import Claim, Extraction


def _spans(spans: list[tuple[int, int]]) -> list[list[int]]:
    return [[s, e] for s, e in spans]


def to_gold_format(x: Extraction) -> dict[str, Any]:
    doc = x.document
    att_by_id = {a.id: a for a in x.attributions}
    claims_by_id = {c.id: c for c in x.claims}

    def chain(att_id: str | None) -> list[str]:
        att = att_by_id.get(att_id or "")
        if att is None:
            return []
        return [s.entity_id or s.text for s in att.chain]

    entities = []
    places = []
    for e in x.entities:
        item: dict[str, Any] = {
            "id": e.id,
            "type": e.type,
            "name": e.name,
            "aliases": list(e.aliases),
            "kind": e.kind,
            "descriptions": [d.text for d in e.descriptions],
            "evidence": _spans(e.mentions),
        }
        if e.place is not None:
            item["lat"] = e.place.lat
            item["lon"] = e.place.lon
            places.append(
                {
                    "entity": e.id,
                    "resolved": e.place.resolved,
                    "country": e.place.country,
                    "admin1": e.place.admin1,
                    "admin2": e.place.admin2,
                    "feature": e.place.feature,
                    "geonameid": e.place.geonameid,
                    "lat": e.place.lat,
                    "lon": e.place.lon,
                    "parent": e.place.parent,
                    "method": e.place.method,
                    "confidence": e.place.confidence,
                    "reason": e.place.reason,
                }
            )
        entities.append(item)

    attributions = [
        {"id": a.id, "chain": chain(a.id), "speakers": [s.to_dict() for s in a.chain],
         "evidence": list(a.evidence) if a.evidence else None, "cue": a.cue}
        for a in x.attributions
    ]

    def base(c: Claim) -> dict[str, Any]:
        return {
            "id": c.id,
            "attribution": c.attribution,
            "modality": c.modality,
            "evidence": _spans(c.evidence),
            "confidence": c.confidence,
            "extractor": f"{c.extractor}/{c.extractor_version}",
        }

    relations = []
    events = []
    for c in x.claims:
        if c.kind == "relation":
            relations.append(
                {**base(c), "subject": c.subject, "predicate": c.predicate, "object": c.object, "role": c.role,
                 "when": c.date.to_gold() if c.date else None, "status": c.status}
            )
        else:
            events.append(
                {**base(c), "event": c.predicate, "mode": c.mode, "source": list(c.sources), "target": list(c.targets),
                 "location": c.location, "origin": c.origin, "date": c.date.to_gold() if c.date else None,
                 "counts": dict(c.counts)}
            )

    contradictions = []
    for k in x.contradictions:
        pro = [claims_by_id[i] for i in k.claims_for if i in claims_by_id]
        con = [claims_by_id[i] for i in k.claims_against if i in claims_by_id]
        contradictions.append(
            {
                "id": k.id,
                "claim": k.key,
                "for": sorted({c.attribution for c in pro if c.attribution}),
                "against": sorted({c.attribution for c in con if c.attribution}),
                "claims_for": list(k.claims_for),
                "claims_against": list(k.claims_against),
                "evidence_for": [s for c in pro for s in _spans(c.evidence)],
                "evidence_against": [s for c in con for s in _spans(c.evidence)],
            }
        )

    return {
        "schema": "conflict-gold/1",
        "producer": f"claimgraph/{x.pipeline_version}",
        "doc": {"id": doc.id, "path": doc.path, "published": doc.published, "outlet": doc.outlet, "title": doc.title},
        "entities": entities,
        "places": places,
        "attributions": attributions,
        "relations": relations,
        "events": events,
        "contradictions": contradictions,
    }
