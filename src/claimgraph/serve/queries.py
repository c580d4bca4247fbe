"""The read queries behind every API route and UI page.

Each function takes an open read-only connection and validated filter values
and returns plain JSON-ready dicts. SQL text is assembled only from the
constant fragments in this module; every user value is a bound parameter.
Entities are grouped by ``canonical_id`` (the store's cross-document identity),
so an entity page shows an actor across all documents; claims keep pointing at
the per-document entity ids they were extracted with.
"""

from __future__ import annotations

import json
import sqlite3
from collections import Counter, defaultdict
from dataclasses import dataclass
from typing import Any

from claimgraph.errors import ServeError, StoreError
from claimgraph.serve.records import date_bounds, sentence_around, span_record
from claimgraph.store.filters import ClaimFilter, claim_conditions, document_source, entity_condition, like


@dataclass(frozen=True)
class Filters:
    """Validated filter values shared by the list endpoints (None = no filter)."""

    q: str | None = None
    kind: str | None = None  # relation | event
    type: str | None = None  # predicate or PLOVER event type; for entities: entity type
    actor: str | None = None  # entity id, canonical id, or part of a name
    place: str | None = None
    modality: str | None = None
    source: str | None = None  # outlet, path, url or document id (part of)
    document: str | None = None  # exact document id
    date_from: str | None = None  # YYYY[-MM[-DD]]
    date_to: str | None = None


@dataclass(frozen=True)
class Page:
    limit: int = 50
    offset: int = 0


def _loads(value: str | None, default: Any) -> Any:
    if not value:
        return default
    try:
        return json.loads(value)
    except ValueError:
        return default


def _page(total: int, page: Page, items: list[Any]) -> dict[str, Any]:
    return {"total": total, "limit": page.limit, "offset": page.offset, "items": items}


def _in(values: list[str]) -> str:
    """``(?, ?, …)`` with one placeholder per value (values are bound separately)."""
    return "(" + ", ".join("?" for _ in values) + ")" if values else "(NULL)"


# --------------------------------------------------------------------------- overview


def overview(conn: sqlite3.Connection) -> dict[str, Any]:
    """Counts of what the store holds, for the home page and /api/health."""

    def one(sql: str) -> int:
        return int(conn.execute(sql).fetchone()[0])

    return {
        "documents": one("SELECT COUNT(*) FROM documents"),
        "entities": one("SELECT COUNT(DISTINCT canonical_id) FROM entities"),
        "mentions": one("SELECT COUNT(*) FROM mentions"),
        "relations": one("SELECT COUNT(*) FROM claims WHERE kind = 'relation'"),
        "events": one("SELECT COUNT(*) FROM claims WHERE kind = 'event'"),
        "contradictions": one("SELECT COUNT(*) FROM contradictions"),
        "facts_in_several_documents": one("SELECT COUNT(*) FROM fact_groups WHERE n_documents > 1"),
        "contested_facts": one("SELECT COUNT(*) FROM fact_groups WHERE contested = 1"),
        "places_resolved": one("SELECT COUNT(*) FROM places WHERE resolved = 1"),
        "places_unresolved": one("SELECT COUNT(*) FROM places WHERE resolved = 0"),
    }


def facets(conn: sqlite3.Connection) -> dict[str, list[str]]:
    """The values present in the store for the filter forms (claim types, outlets)."""
    return {
        "types": [r[0] for r in conn.execute("SELECT DISTINCT predicate FROM claims ORDER BY kind DESC, predicate")],
        "outlets": [r[0] for r in conn.execute(
            "SELECT DISTINCT outlet FROM documents WHERE outlet IS NOT NULL AND outlet != '' ORDER BY outlet")],
    }


# --------------------------------------------------------------------------- entities


def entity_refs(conn: sqlite3.Connection, ids: set[str]) -> dict[str, dict[str, Any]]:
    """Short records ``{id, canonical_id, name, type, kind}`` for per-document entity ids."""
    ids_l = sorted(i for i in ids if i)
    if not ids_l:
        return {}
    rows = conn.execute(
        "SELECT id, canonical_id, name, type, kind FROM entities WHERE id IN " + _in(ids_l), ids_l
    ).fetchall()
    return {r["id"]: dict(r) for r in rows}


def list_entities(conn: sqlite3.Connection, f: Filters, page: Page) -> dict[str, Any]:
    """Entities grouped by canonical id, filtered by name/alias text, type, source and document."""
    where = ["1 = 1"]
    params: dict[str, Any] = {}
    if f.q:
        where.append("(e.name LIKE :q ESCAPE '\\' OR e.aliases_json LIKE :q ESCAPE '\\')")
        params["q"] = like(f.q)
    if f.type:
        where.append("e.type = :type")
        params["type"] = f.type
    if f.document:
        where.append("e.doc_id = :document")
        params["document"] = f.document
    if f.source:
        where.append("e.doc_id IN (SELECT x.id FROM documents x WHERE " + document_source("x") + ")")
        params["source"] = f.source
    cond = " AND ".join(where)
    total = conn.execute(f"SELECT COUNT(DISTINCT e.canonical_id) FROM entities e WHERE {cond}", params).fetchone()[0]
    params.update(limit=page.limit, offset=page.offset)
    rows = conn.execute(
        f"""SELECT e.canonical_id AS cid, MIN(e.type) AS type, COUNT(DISTINCT e.doc_id) AS documents,
                   (SELECT COUNT(*) FROM mentions m JOIN entities x ON x.id = m.entity_id
                     WHERE x.canonical_id = e.canonical_id) AS mention_count
            FROM entities e WHERE {cond}
            GROUP BY e.canonical_id ORDER BY mention_count DESC, cid LIMIT :limit OFFSET :offset""",
        params,
    ).fetchall()
    cids = [r["cid"] for r in rows]
    groups = _entity_groups(conn, cids)
    items = []
    for r in rows:
        g = groups.get(r["cid"], {})
        items.append({**g, "documents": r["documents"], "mention_count": r["mention_count"]})
    return _page(total, page, items)


def _entity_groups(conn: sqlite3.Connection, cids: list[str]) -> dict[str, dict[str, Any]]:
    """Merge the per-document rows of each canonical entity into one summary."""
    if not cids:
        return {}
    rows = conn.execute(
        "SELECT e.*, (SELECT COUNT(*) FROM mentions m WHERE m.entity_id = e.id) AS n"
        " FROM entities e WHERE e.canonical_id IN " + _in(cids) + " ORDER BY e.id",
        cids,
    ).fetchall()
    by: dict[str, list[sqlite3.Row]] = defaultdict(list)
    for r in rows:
        by[r["canonical_id"]].append(r)
    out: dict[str, dict[str, Any]] = {}
    for cid, members in by.items():
        names: Counter[str] = Counter()
        aliases: dict[str, None] = {}
        titles: dict[str, None] = {}
        for m in members:
            names[m["name"]] += max(1, m["n"])
            for a in _loads(m["aliases_json"], []):
                aliases[a] = None
            for t in _loads(m["titles_json"], []):
                titles[t] = None
        name = max(names.items(), key=lambda kv: (kv[1], len(kv[0])))[0]
        out[cid] = {
            "id": cid,
            "name": name,
            "type": members[0]["type"],
            "kind": next((m["kind"] for m in members if m["kind"]), None),
            "aliases": [a for a in aliases if a != name],
            "titles": list(titles),
            "members": [m["id"] for m in members],
        }
    return out


def resolve_entity(conn: sqlite3.Connection, entity_id: str) -> str:
    """The canonical id for a per-document or canonical entity id (CG403 if unknown)."""
    row = conn.execute(
        "SELECT canonical_id FROM entities WHERE canonical_id = ? OR id = ? LIMIT 1", (entity_id, entity_id)
    ).fetchone()
    if not row:
        raise StoreError("CG403", entity_id, detail="no entity with this id")
    return str(row[0])


# --------------------------------------------------------------------------- claims


def claim_where(f: Filters) -> tuple[str, dict[str, Any]]:
    """The WHERE clause and bound parameters for the UI's claim filters (names matched in part)."""
    where, params = claim_conditions(ClaimFilter(
        text=f.q, kind=f.kind, predicate=f.type, actor=f.actor, place=f.place, modality=f.modality,
        source=f.source, doc_id=f.document, date_from=f.date_from, date_to=f.date_to, partial_names=True,
    ))
    return " AND ".join(where) or "1 = 1", params


def list_claims(conn: sqlite3.Connection, f: Filters, page: Page) -> dict[str, Any]:
    """Claims (relations and events) with evidence, attribution and modality, filtered and paginated."""
    cond, params = claim_where(f)
    base = f"FROM claims c JOIN documents d ON d.id = c.doc_id WHERE {cond}"
    total = conn.execute(f"SELECT COUNT(*) {base}", params).fetchone()[0]
    params.update(limit=page.limit, offset=page.offset)
    ids = [
        r[0]
        for r in conn.execute(
            f"SELECT c.id {base} ORDER BY COALESCE(c.date_value, c.date_after, c.date_before, '9999'), c.doc_id,"
            " json_extract(c.evidence_json, '$[0][0]'), c.id LIMIT :limit OFFSET :offset",
            params,
        ).fetchall()
    ]
    return _page(total, page, claims_by_ids(conn, ids))


def claim_ids_matching(conn: sqlite3.Connection, f: Filters) -> list[str]:
    cond, params = claim_where(f)
    return [r[0] for r in conn.execute(f"SELECT c.id FROM claims c JOIN documents d ON d.id = c.doc_id WHERE {cond}", params)]


def get_claim(conn: sqlite3.Connection, claim_id: str) -> dict[str, Any]:
    found = claims_by_ids(conn, [claim_id])
    if not found:
        raise StoreError("CG403", claim_id, detail="no claim with this id")
    claim = found[0]
    claim["contradictions"] = _contradictions_for(conn, [claim_id])
    return claim


def _contested_ids(conn: sqlite3.Connection, doc_ids: list[str]) -> dict[str, list[str]]:
    """claim id → ids of the contradictions it takes part in (either side)."""
    out: dict[str, list[str]] = defaultdict(list)
    if not doc_ids:
        return out
    for r in conn.execute(
        "SELECT id, claims_for_json, claims_against_json FROM contradictions WHERE doc_id IN " + _in(doc_ids), doc_ids
    ):
        for cid in _loads(r["claims_for_json"], []) + _loads(r["claims_against_json"], []):
            out[cid].append(r["id"])
    return out


def claims_by_ids(conn: sqlite3.Connection, ids: list[str]) -> list[dict[str, Any]]:
    """Full claim records for ``ids``, in the order given (unknown ids are skipped)."""
    if not ids:
        return []
    wanted = list(dict.fromkeys(ids))
    rows = []
    for i in range(0, len(wanted), 500):  # stay under SQLite's bound-parameter limit
        chunk = wanted[i : i + 500]
        rows += conn.execute("SELECT * FROM claims WHERE id IN " + _in(chunk), chunk).fetchall()
    by_id = {r["id"]: r for r in rows}
    ordered = [by_id[i] for i in wanted if i in by_id]
    doc_ids = sorted({r["doc_id"] for r in ordered})
    docs = {
        d["id"]: d
        for d in conn.execute(
            "SELECT id, text, title, outlet, published, path FROM documents WHERE id IN " + _in(doc_ids), doc_ids
        )
    }  # each document's text is read once, however many claims it holds
    ent_ids: set[str] = set()
    att_keys: set[tuple[str, str]] = set()
    for r in ordered:
        ent_ids.update(x for x in (r["subject"], r["object"], r["location"], r["origin"]) if x)
        ent_ids.update(_loads(r["sources_json"], []))
        ent_ids.update(_loads(r["targets_json"], []))
        if r["attribution_id"]:
            att_keys.add((r["doc_id"], r["attribution_id"]))
    refs = entity_refs(conn, ent_ids)
    places = _place_refs(conn, ent_ids)
    atts = _attributions(conn, doc_ids, att_keys)
    contested = _contested_ids(conn, doc_ids)
    return [_claim_dict(r, docs[r["doc_id"]], refs, places, atts, contested) for r in ordered]


def _place_refs(conn: sqlite3.Connection, ids: set[str]) -> dict[str, dict[str, Any]]:
    ids_l = sorted(ids)
    if not ids_l:
        return {}
    rows = conn.execute(
        "SELECT entity_id, resolved, lat, lon, country, admin1, admin2, feature, reason FROM places WHERE entity_id IN "
        + _in(ids_l),
        ids_l,
    ).fetchall()
    return {r["entity_id"]: {**dict(r), "resolved": bool(r["resolved"])} for r in rows}


def _attributions(
    conn: sqlite3.Connection, doc_ids: list[str], keys: set[tuple[str, str]]
) -> dict[tuple[str, str], sqlite3.Row]:
    if not keys:
        return {}
    rows = conn.execute("SELECT * FROM attributions WHERE doc_id IN " + _in(doc_ids), doc_ids).fetchall()
    return {(r["doc_id"], r["id"]): r for r in rows if (r["doc_id"], r["id"]) in keys}


def _ref(refs: dict[str, dict[str, Any]], places: dict[str, dict[str, Any]], eid: str | None) -> dict[str, Any] | None:
    if not eid:
        return None
    ref = dict(refs.get(eid) or {"id": eid, "canonical_id": eid, "name": eid, "type": None, "kind": None})
    if eid in places:
        ref["place"] = places[eid]
    return ref


def _claim_dict(
    r: sqlite3.Row,
    doc: sqlite3.Row,
    refs: dict[str, dict[str, Any]],
    places: dict[str, dict[str, Any]],
    atts: dict[tuple[str, str], sqlite3.Row],
    contested: dict[str, list[str]],
) -> dict[str, Any]:
    text = doc["text"]
    evidence = [s for s in (span_record(text, e) for e in _loads(r["evidence_json"], [])) if s]
    sentence = None
    if evidence:
        first = min(evidence, key=lambda s: s["start"])
        last = max(evidence, key=lambda s: s["end"])
        s, e = sentence_around(text, first["start"], last["end"])
        sentence = {"start": s, "end": e, "text": text[s:e]}
    date_obj = _loads(r["date_json"], None)
    if not date_obj and (r["date_value"] or r["date_after"] or r["date_before"]):
        date_obj = {
            "value": r["date_value"], "after": r["date_after"], "before": r["date_before"],
            "precision": r["date_precision"], "text": None, "span": None,
        }
    attribution = None
    arow = atts.get((r["doc_id"], r["attribution_id"])) if r["attribution_id"] else None
    if arow:
        attribution = {
            "id": arow["id"],
            "cue": arow["cue"],
            "chain": _loads(arow["chain_json"], []),
            "evidence": span_record(text, [arow["evidence_start"], arow["evidence_end"]])
            if arow["evidence_start"] is not None
            else None,
        }
    return {
        "id": r["id"],
        "doc_id": r["doc_id"],
        "document": {"id": r["doc_id"], "title": doc["title"], "outlet": doc["outlet"],
                     "published": doc["published"], "path": doc["path"]},
        "kind": r["kind"],
        "predicate": r["predicate"],
        "mode": r["mode"],
        "modality": r["modality"],
        "historical": bool(r["historical"]),
        "contested": r["id"] in contested,
        "contradictions": contested.get(r["id"], []),
        "subject": _ref(refs, places, r["subject"]),
        "object": _ref(refs, places, r["object"]),
        "role": r["role"],
        "sources": [x for x in (_ref(refs, places, i) for i in _loads(r["sources_json"], [])) if x],
        "targets": [x for x in (_ref(refs, places, i) for i in _loads(r["targets_json"], [])) if x],
        "location": _ref(refs, places, r["location"]),
        "origin": _ref(refs, places, r["origin"]),
        "date": date_obj,
        "bounds": date_bounds(r["date_value"], r["date_after"], r["date_before"], doc["published"]),
        "evidence": evidence,
        "sentence": sentence,
        "trigger": span_record(text, _loads(r["trigger_json"], None)),
        "attribution": attribution,
        "counts": _loads(r["counts_json"], {}),
        "extractor": r["extractor"],
        "extractor_version": r["extractor_version"],
        "confidence": r["confidence"],
    }


# --------------------------------------------------------------------------- contradictions


def _contradictions_for(conn: sqlite3.Connection, claim_ids: list[str]) -> list[dict[str, Any]]:
    wanted = set(claim_ids)
    out = []
    for r in conn.execute("SELECT * FROM contradictions ORDER BY id"):
        sides = set(_loads(r["claims_for_json"], [])) | set(_loads(r["claims_against_json"], []))
        if sides & wanted:
            out.append({"id": r["id"], "key": r["key"], "claims_for": _loads(r["claims_for_json"], []),
                        "claims_against": _loads(r["claims_against_json"], [])})
    return out


def list_contradictions(conn: sqlite3.Connection, f: Filters, page: Page) -> dict[str, Any]:
    """Contradictions with both sides expanded into full claim records."""
    where, params = "1 = 1", {}
    if f.document:
        where, params = "doc_id = :document", {"document": f.document}
    total = conn.execute(f"SELECT COUNT(*) FROM contradictions WHERE {where}", params).fetchone()[0]
    rows = conn.execute(
        f"SELECT * FROM contradictions WHERE {where} ORDER BY doc_id, id LIMIT :limit OFFSET :offset",
        {**params, "limit": page.limit, "offset": page.offset},
    ).fetchall()
    items = []
    for r in rows:
        pro = _loads(r["claims_for_json"], [])
        con = _loads(r["claims_against_json"], [])
        items.append({"id": r["id"], "doc_id": r["doc_id"], "key": r["key"],
                      "claims_for": claims_by_ids(conn, pro), "claims_against": claims_by_ids(conn, con)})
    return _page(total, page, items)


# --------------------------------------------------------------------------- documents


def _document_where(f: Filters) -> tuple[str, dict[str, Any]]:
    where = ["1 = 1"]
    params: dict[str, Any] = {}
    if f.q:
        where.append("(d.title LIKE :q ESCAPE '\\' OR d.text LIKE :q ESCAPE '\\')")
        params["q"] = like(f.q)
    if f.source:
        where.append(document_source("d"))
        params["source"] = f.source
    if f.date_from:
        where.append("d.published || :hi_pad >= :date_from")
        params["date_from"] = f.date_from
        params["hi_pad"] = "\uffff"
    if f.date_to:
        where.append("d.published <= :date_to || :hi_pad")
        params["date_to"] = f.date_to
        params["hi_pad"] = "\uffff"
    if f.actor:
        cond, p = entity_condition("e", "actor", f.actor, partial=True)
        where.append("d.id IN (SELECT e.doc_id FROM entities e WHERE " + cond + ")")
        params.update(p)
    return " AND ".join(where), params


def list_documents(conn: sqlite3.Connection, f: Filters, page: Page) -> dict[str, Any]:
    cond, params = _document_where(f)
    total = conn.execute(f"SELECT COUNT(*) FROM documents d WHERE {cond}", params).fetchone()[0]
    params.update(limit=page.limit, offset=page.offset)
    rows = conn.execute(
        f"""SELECT d.id, d.title, d.outlet, d.published, d.path, d.url, d.source_format, d.pipeline_version,
                   d.analysed_at, length(d.text) AS chars,
                   (SELECT COUNT(*) FROM entities e WHERE e.doc_id = d.id) AS entity_count,
                   (SELECT COUNT(*) FROM claims c WHERE c.doc_id = d.id AND c.kind = 'relation') AS relation_count,
                   (SELECT COUNT(*) FROM claims c WHERE c.doc_id = d.id AND c.kind = 'event') AS event_count
            FROM documents d WHERE {cond}
            ORDER BY d.published DESC, d.title, d.id LIMIT :limit OFFSET :offset""",
        params,
    ).fetchall()
    return _page(total, page, [dict(r) for r in rows])


def get_document(conn: sqlite3.Connection, doc_id: str) -> dict[str, Any]:
    """A document with its text, mentions, entities, claims and attributions."""
    row = conn.execute("SELECT * FROM documents WHERE id = ?", (doc_id,)).fetchone()
    if not row:
        raise StoreError("CG403", doc_id, detail="no document with this id")
    doc = {k: row[k] for k in row.keys() if k not in ("rowid", "meta_json")}
    doc["meta"] = _loads(row["meta_json"], {})
    ents = conn.execute(
        "SELECT id, canonical_id, name, type, kind, aliases_json FROM entities WHERE doc_id = ? ORDER BY name", (doc_id,)
    ).fetchall()
    doc["entities"] = [
        {"id": e["id"], "canonical_id": e["canonical_id"], "name": e["name"], "type": e["type"], "kind": e["kind"],
         "aliases": _loads(e["aliases_json"], [])}
        for e in ents
    ]
    doc["mentions"] = [
        dict(m)
        for m in conn.execute(
            'SELECT start, "end", text, label, entity_id, source FROM mentions WHERE doc_id = ? ORDER BY start, "end"',
            (doc_id,),
        )
    ]
    claim_ids = [
        r[0]
        for r in conn.execute(
            "SELECT id FROM claims WHERE doc_id = ? ORDER BY json_extract(evidence_json, '$[0][0]'), id", (doc_id,)
        )
    ]
    doc["claims"] = claims_by_ids(conn, claim_ids)
    doc["attributions"] = [
        {"id": a["id"], "chain": _loads(a["chain_json"], []), "cue": a["cue"],
         "evidence": [a["evidence_start"], a["evidence_end"]] if a["evidence_start"] is not None else None,
         "scope": [a["scope_start"], a["scope_end"]] if a["scope_start"] is not None else None}
        for a in conn.execute("SELECT * FROM attributions WHERE doc_id = ? ORDER BY id", (doc_id,))
    ]
    doc["contradictions"] = list_contradictions(conn, Filters(document=doc_id), Page(limit=500))["items"]
    return doc


# --------------------------------------------------------------------------- search


def fts_query(text: str) -> str:
    """An FTS5 query matching every word of ``text`` (each word quoted, so no FTS syntax gets through)."""
    words = [w for w in text.split() if w.strip('"')]
    if not words:
        raise ServeError("CG701", "q", detail="search text has no words")
    return " ".join('"' + w.replace('"', '""') + '"' for w in words)


def search(conn: sqlite3.Connection, q: str, page: Page) -> dict[str, Any]:
    """Full-text search over documents (FTS5, with highlighted snippets) and entity names/aliases.

    Snippets mark hits with U+0002/U+0003 so clients can highlight them without
    treating document text as markup.
    """
    match = fts_query(q)
    try:
        total = conn.execute("SELECT COUNT(*) FROM documents_fts WHERE documents_fts MATCH ?", (match,)).fetchone()[0]
        rows = conn.execute(
            "SELECT d.id, d.title, d.outlet, d.published,"
            " snippet(documents_fts, 1, char(2), char(3), '…', 16) AS snippet"
            " FROM documents_fts JOIN documents d ON d.rowid = documents_fts.rowid"
            " WHERE documents_fts MATCH ? ORDER BY rank LIMIT ? OFFSET ?",
            (match, page.limit, page.offset),
        ).fetchall()
    except sqlite3.OperationalError as exc:
        raise ServeError("CG701", "q", detail=f"search text not understood: {exc}") from exc
    docs = [dict(r) for r in rows]
    entities = list_entities(conn, Filters(q=q), Page(limit=page.limit))
    return {"query": q, "documents": _page(total, page, docs), "entities": entities}
