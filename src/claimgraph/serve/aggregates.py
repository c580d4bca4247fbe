"""Queries that aggregate claims across documents: entity profiles, the actor graph, places as GeoJSON.

Built on the record queries in :mod:`claimgraph.serve.queries`; the same
rules hold (constant SQL fragments, every user value bound).
"""

from __future__ import annotations

import sqlite3
from collections import defaultdict
from typing import Any

from claimgraph.serve.queries import (
    Filters,
    Page,
    _entity_groups,
    _in,
    _loads,
    _page,
    claim_ids_matching,
    claim_where,
    claims_by_ids,
    entity_refs,
    resolve_entity,
)
from claimgraph.store.filters import document_source, like


def get_entity(conn: sqlite3.Connection, entity_id: str, page: Page) -> dict[str, Any]:
    """Everything known about one (canonical) entity: names, roles, ties, events, places, documents, claims."""
    cid = resolve_entity(conn, entity_id)
    group = _entity_groups(conn, [cid])[cid]
    members = group["members"]
    rows = conn.execute("SELECT * FROM entities WHERE id IN " + _in(members), members).fetchall()
    descriptions = []
    doc_ids = sorted({r["doc_id"] for r in rows})
    for r in rows:
        for d in _loads(r["descriptions_json"], []):
            descriptions.append({"doc_id": r["doc_id"], "text": d.get("text"), "span": d.get("span")})
    external: dict[str, str] = {}
    for r in rows:
        external.update(_loads(r["external_ids_json"], {}))

    claim_ids = [
        r[0]
        for r in conn.execute(
            "SELECT DISTINCT claim_id FROM claim_entities WHERE entity_id IN " + _in(members), members
        ).fetchall()
    ]
    claims = claims_by_ids(conn, claim_ids)
    member_set = set(members)
    roles, relations, events = [], [], []
    ties: dict[tuple[str, str, str], dict[str, Any]] = {}
    for c in claims:
        if c["kind"] == "relation":
            relations.append(c)
            if c["subject"] and c["subject"]["id"] in member_set:
                roles.append(
                    {
                        "claim_id": c["id"],
                        "predicate": c["predicate"],
                        "role": c["role"],
                        "object": c["object"],
                        "date": c["date"],
                        "bounds": c["bounds"],
                        "historical": c["historical"],
                        "modality": c["modality"],
                        "contested": c["contested"],
                    }
                )
        else:
            events.append(c)
        for other, direction in _others(c, member_set):
            key = (other["canonical_id"], c["predicate"], direction)
            tie = ties.setdefault(
                key,
                {"entity": other, "predicate": c["predicate"], "kind": c["kind"], "direction": direction,
                 "claim_ids": [], "modalities": []},
            )
            tie["claim_ids"].append(c["id"])
            tie["modalities"].append(c["modality"])
    for tie in ties.values():
        tie["modalities"] = sorted(set(tie["modalities"]))
        tie["claim_count"] = len(tie["claim_ids"])

    places = _entity_places(conn, members, claims)
    documents = [
        dict(r)
        for r in conn.execute(
            "SELECT id, title, outlet, published, path, url FROM documents WHERE id IN " + _in(doc_ids), doc_ids
        ).fetchall()
    ]
    mention_count = conn.execute(
        "SELECT COUNT(*) FROM mentions WHERE entity_id IN " + _in(members), members
    ).fetchone()[0]
    window = claims[page.offset : page.offset + page.limit]
    from claimgraph.serve.facts import facts_of_entity

    return {
        **group,
        "descriptions": descriptions,
        "external_ids": external,
        "mention_count": mention_count,
        "roles": sorted(roles, key=_when),
        "ties": sorted(ties.values(), key=lambda t: (-t["claim_count"], t["entity"]["name"])),
        "relations": [c["id"] for c in relations],
        "events": sorted((_event_summary(c) for c in events), key=_when),
        "places": places,
        "documents": documents,
        "claims": _page(len(claims), page, window),
        "facts": facts_of_entity(conn, members),
    }


def _when(item: dict[str, Any]) -> tuple[int, str]:
    """Sort key: dated items by start (or end) of their period, undated ones last."""
    b = item.get("bounds") or {}
    start = b.get("start") or b.get("end")
    return (0, start) if start else (1, "")


def _event_summary(c: dict[str, Any]) -> dict[str, Any]:
    """One line of an entity's event list: what, with whom, where, when, how it is stated."""
    return {
        "claim_id": c["id"],
        "predicate": c["predicate"],
        "mode": c["mode"],
        "modality": c["modality"],
        "contested": c["contested"],
        "sources": c["sources"],
        "targets": c["targets"],
        "location": c["location"],
        "date": c["date"],
        "bounds": c["bounds"],
    }


def entity_mentions(conn: sqlite3.Connection, members: list[str]) -> dict[str, list[tuple[int, int, str]]]:
    """document id → (start, end, entity id) of every mention of the given per-document entities."""
    out: dict[str, list[tuple[int, int, str]]] = defaultdict(list)
    for r in conn.execute(
        'SELECT doc_id, start, "end", entity_id FROM mentions WHERE entity_id IN ' + _in(members) + " ORDER BY start",
        members,
    ):
        out[r["doc_id"]].append((r["start"], r["end"], r["entity_id"]))
    return out


def _others(claim: dict[str, Any], members: set[str]) -> list[tuple[dict[str, Any], str]]:
    """The other actors in a claim that involves ``members``, with the direction of the tie."""
    ours_out = (claim["subject"] and claim["subject"]["id"] in members) or any(
        s["id"] in members for s in claim["sources"]
    )
    ours_in = (claim["object"] and claim["object"]["id"] in members) or any(
        t["id"] in members for t in claim["targets"]
    )
    out: list[tuple[dict[str, Any], str]] = []
    if ours_out:
        out += [(x, "out") for x in ([claim["object"]] if claim["object"] else []) + claim["targets"]]
    if ours_in:
        out += [(x, "in") for x in ([claim["subject"]] if claim["subject"] else []) + claim["sources"]]
    return [(x, d) for x, d in out if x and x["id"] not in members]


def _entity_places(conn: sqlite3.Connection, members: list[str], claims: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The entity's own place (for a Location) and the places of the events it is part of."""
    ids = set(members)
    for c in claims:
        for key in ("location", "origin"):
            if c.get(key):
                ids.add(c[key]["id"])
    ids_l = sorted(ids)
    rows = conn.execute(
        "SELECT e.id, e.canonical_id, e.name, p.* FROM places p JOIN entities e ON e.id = p.entity_id"
        " WHERE p.entity_id IN " + _in(ids_l),
        ids_l,
    ).fetchall()
    out = []
    for r in rows:
        d = _place_dict(r)
        d["own"] = r["id"] in members
        out.append(d)
    return out


def _place_dict(r: sqlite3.Row) -> dict[str, Any]:
    return {
        "entity_id": r["entity_id"],
        "canonical_id": r["canonical_id"],
        "name": r["name"],
        "resolved": bool(r["resolved"]),
        "lat": r["lat"],
        "lon": r["lon"],
        "country": r["country"],
        "admin1": r["admin1"],
        "admin2": r["admin2"],
        "feature": r["feature"],
        "geonameid": r["geonameid"],
        "gazetteer_name": r["gazetteer_name"],
        "method": r["method"],
        "confidence": r["confidence"],
        "reason": r["reason"],
    }


# --------------------------------------------------------------------------- graph


def graph(conn: sqlite3.Connection, f: Filters, page: Page) -> dict[str, Any]:
    """Actors as nodes (canonical ids) and claims as edges, aggregated by (source, target, type, modality).

    Relations give one edge subject→object; events one edge per source×target.
    Each edge lists its claim ids so a click can show the evidence.
    """
    cond, params = claim_where(f)
    rows = conn.execute(
        "SELECT c.id, c.kind, c.predicate, c.modality, c.subject, c.object, c.sources_json, c.targets_json, c.doc_id"
        f" FROM claims c JOIN documents d ON d.id = c.doc_id WHERE {cond}",
        params,
    ).fetchall()
    ent_ids: set[str] = set()
    for r in rows:
        ent_ids.update(x for x in (r["subject"], r["object"]) if x)
        ent_ids.update(_loads(r["sources_json"], []))
        ent_ids.update(_loads(r["targets_json"], []))
    refs = entity_refs(conn, ent_ids)

    def canon(eid: str) -> str:
        return refs[eid]["canonical_id"] if eid in refs else eid

    edges: dict[tuple[str, str, str, str, str], dict[str, Any]] = {}
    node_claims: dict[str, set[str]] = defaultdict(set)
    for r in rows:
        if r["kind"] == "relation":
            pairs = [(r["subject"], r["object"])] if r["subject"] and r["object"] else []
            actors = [x for x in (r["subject"], r["object"]) if x]
        else:
            srcs, tgts = _loads(r["sources_json"], []), _loads(r["targets_json"], [])
            pairs = [(s, t) for s in srcs for t in tgts]
            actors = srcs + tgts
        for a in actors:
            node_claims[canon(a)].add(r["id"])
        for s, t in pairs:
            cs, ct = canon(s), canon(t)
            if cs == ct:
                continue
            key = (cs, ct, r["kind"], r["predicate"], r["modality"])
            edge = edges.setdefault(
                key,
                {"id": "", "source": cs, "target": ct, "kind": r["kind"], "predicate": r["predicate"],
                 "modality": r["modality"], "claim_ids": [], "documents": set()},
            )
            edge["claim_ids"].append(r["id"])
            edge["documents"].add(r["doc_id"])
    edge_list = sorted(edges.values(), key=lambda e: (-len(e["claim_ids"]), e["source"], e["target"], e["predicate"]))
    for i, e in enumerate(edge_list):
        e["id"] = f"e{i}"
        e["claim_count"] = len(e["claim_ids"])
        e["document_count"] = len(e["documents"])
        del e["documents"]
    total = len(edge_list)
    window = edge_list[page.offset : page.offset + page.limit]
    node_ids = {e["source"] for e in window} | {e["target"] for e in window}
    if page.offset == 0:  # actors without a two-sided edge still appear on the first page
        node_ids |= set(node_claims)
    groups = _entity_groups(conn, sorted(node_ids))
    nodes = []
    for nid in sorted(node_ids):
        g = groups.get(nid, {"id": nid, "name": nid, "type": None, "kind": None, "aliases": []})
        nodes.append({"id": nid, "label": g["name"], "type": g["type"], "kind": g.get("kind"),
                      "aliases": g.get("aliases", []), "claim_count": len(node_claims.get(nid, ()))})
    return {"nodes": nodes, "edges": window, "total_edges": total, "limit": page.limit, "offset": page.offset}


# --------------------------------------------------------------------------- places (GeoJSON)


def places_geojson(conn: sqlite3.Connection, f: Filters, page: Page) -> dict[str, Any]:
    """Resolved places as GeoJSON Point features (grouped by canonical id), the events located at each,
    and the unresolved places with their reasons (a GeoJSON foreign member)."""
    where, params = ["1 = 1"], {}
    if f.document:
        where.append("p.doc_id = :document")
        params["document"] = f.document
    if f.q:
        where.append("(e.name LIKE :q ESCAPE '\\' OR p.gazetteer_name LIKE :q ESCAPE '\\')")
        params["q"] = like(f.q)
    if f.source:
        where.append("p.doc_id IN (SELECT x.id FROM documents x WHERE " + document_source("x") + ")")
        params["source"] = f.source
    rows = conn.execute(
        "SELECT e.id, e.canonical_id, e.name, e.doc_id AS edoc, p.* FROM places p JOIN entities e ON e.id = p.entity_id"
        " WHERE " + " AND ".join(where) + " ORDER BY e.canonical_id, e.id",
        params,
    ).fetchall()
    event_filter = Filters(kind="event", type=f.type, actor=f.actor, modality=f.modality, source=f.source,
                           document=f.document, date_from=f.date_from, date_to=f.date_to)
    events = claims_by_ids(conn, claim_ids_matching(conn, event_filter))
    events_at: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for ev in events:
        if ev["location"]:
            events_at[ev["location"]["id"]].append(
                {"id": ev["id"], "predicate": ev["predicate"], "modality": ev["modality"], "date": ev["date"],
                 "evidence": ev["evidence"][0]["text"] if ev["evidence"] else None}
            )
    grouped: dict[str, list[sqlite3.Row]] = defaultdict(list)
    for r in rows:
        grouped[r["canonical_id"]].append(r)
    features: list[dict[str, Any]] = []
    unresolved: list[dict[str, Any]] = []
    for cid, members in grouped.items():
        evs = [e for m in members for e in events_at.get(m["id"], [])]
        resolved = [m for m in members if m["resolved"] and m["lat"] is not None and m["lon"] is not None]
        if resolved:
            best = max(resolved, key=lambda m: m["confidence"] or 0.0)
            props = _place_dict(best)
            props.update(id=cid, name=best["name"], documents=sorted({m["doc_id"] for m in members}),
                         events=evs, event_count=len(evs))
            features.append({"type": "Feature", "id": cid,
                             "geometry": {"type": "Point", "coordinates": [best["lon"], best["lat"]]},
                             "properties": props})
        else:
            m = members[0]
            unresolved.append({"id": cid, "name": m["name"], "reason": m["reason"],
                               "documents": sorted({x["doc_id"] for x in members}), "events": evs,
                               "event_count": len(evs)})
    if f.kind == "event" or f.type or f.actor or f.modality or f.date_from or f.date_to:
        # an event filter asks "where did these events happen": keep only places that have one
        features = [x for x in features if x["properties"]["event_count"]]
        unresolved = [x for x in unresolved if x["event_count"]]
    total = len(features)
    return {
        "type": "FeatureCollection",
        "features": features[page.offset : page.offset + page.limit],
        "total": total,
        "limit": page.limit,
        "offset": page.offset,
        "unresolved": unresolved,
        "events_without_place": [
            {"id": ev["id"], "predicate": ev["predicate"], "modality": ev["modality"]} for ev in events if not ev["location"]
        ],
    }


