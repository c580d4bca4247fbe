"""Reading from the store: whole extractions back, and the queries the CLI, API and UI share.

Every query is parameterised (no SQL is built from user text); filters are
combined with AND. Records come back as the model's own dataclasses.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from claimgraph.model import (
    Attribution,
    Claim,
    Contradiction,
    DateInterval,
    Description,
    Document,
    Entity,
    Extraction,
    Mention,
    Place,
    Speaker,
)
from claimgraph.store.filters import ClaimFilter, claim_conditions, where_sql


@dataclass
class StoredEntity:
    """An entity as stored: the per-document record plus its document and canonical id."""

    entity: Entity
    doc_id: str
    canonical_id: str


@dataclass
class StoredClaim:
    """A claim with what a reader needs beside it: who says so and the evidence text."""

    claim: Claim
    attribution: Attribution | None
    evidence_text: list[str]
    document: dict[str, Any] = field(default_factory=dict)  # id, title, outlet, published, path, url


@dataclass
class SearchHit:
    doc_id: str
    title: str | None
    snippet: str
    rank: float


def _span(a: int | None, b: int | None) -> tuple[int, int] | None:
    return None if a is None or b is None else (int(a), int(b))


def document_from_row(row: sqlite3.Row) -> Document:
    return Document(
        id=row["id"], text=row["text"], path=row["path"], url=row["url"], title=row["title"],
        outlet=row["outlet"], published=row["published"], source_format=row["source_format"],
        meta=json.loads(row["meta_json"]),
    )


def entity_from_row(row: sqlite3.Row, place: Place | None) -> Entity:
    return Entity(
        id=row["id"], type=row["type"], name=row["name"], aliases=json.loads(row["aliases_json"]),
        mentions=[(int(s), int(e)) for s, e in json.loads(row["mentions_json"])], kind=row["kind"],
        titles=json.loads(row["titles_json"]),
        descriptions=[Description.from_dict(d) for d in json.loads(row["descriptions_json"])],
        place=place, external_ids=json.loads(row["external_ids_json"]),
    )


def place_from_row(row: sqlite3.Row) -> Place:
    return Place(
        resolved=bool(row["resolved"]), lat=row["lat"], lon=row["lon"], country=row["country"],
        admin1=row["admin1"], admin2=row["admin2"], feature=row["feature"], geonameid=row["geonameid"],
        gazetteer_name=row["gazetteer_name"], method=row["method"], confidence=row["confidence"],
        reason=row["reason"], parent=row["parent"],
    )


def attribution_from_row(row: sqlite3.Row) -> Attribution:
    return Attribution(
        id=row["id"], chain=[Speaker.from_dict(s) for s in json.loads(row["chain_json"])],
        evidence=_span(row["evidence_start"], row["evidence_end"]), cue=row["cue"],
        scope=_span(row["scope_start"], row["scope_end"]),
    )


def claim_from_row(row: sqlite3.Row) -> Claim:
    trigger = json.loads(row["trigger_json"]) if row["trigger_json"] else None
    return Claim(
        id=row["id"], doc_id=row["doc_id"], kind=row["kind"], predicate=row["predicate"],
        evidence=[(int(s), int(e)) for s, e in json.loads(row["evidence_json"])],
        attribution=row["attribution_id"], modality=row["modality"], subject=row["subject"],
        object=row["object"], role=row["role"], sources=json.loads(row["sources_json"]),
        targets=json.loads(row["targets_json"]), mode=row["mode"], location=row["location"],
        origin=row["origin"], date=DateInterval.from_dict(json.loads(row["date_json"])) if row["date_json"] else None,
        historical=bool(row["historical"]), trigger=(int(trigger[0]), int(trigger[1])) if trigger else None,
        counts=json.loads(row["counts_json"]), extractor=row["extractor"],
        extractor_version=row["extractor_version"], confidence=row["confidence"],
    )


def get_extraction(conn: sqlite3.Connection, doc_id: str) -> Extraction | None:
    row = conn.execute("SELECT * FROM documents WHERE id = ?", (doc_id,)).fetchone()
    if row is None:
        return None
    places = {r["entity_id"]: place_from_row(r) for r in conn.execute("SELECT * FROM places WHERE doc_id = ?", (doc_id,))}
    q = "SELECT * FROM {} WHERE doc_id = ? ORDER BY rowid"
    return Extraction(
        document=document_from_row(row),
        entities=[entity_from_row(r, places.get(r["id"])) for r in conn.execute(q.format("entities"), (doc_id,))],
        mentions=[
            Mention(start=r["start"], end=r["end"], text=r["text"], label=r["label"], entity_id=r["entity_id"],
                    source=r["source"])
            for r in conn.execute(q.format("mentions"), (doc_id,))
        ],
        attributions=[attribution_from_row(r) for r in conn.execute(q.format("attributions"), (doc_id,))],
        claims=[claim_from_row(r) for r in conn.execute(q.format("claims"), (doc_id,))],
        contradictions=[
            Contradiction(id=r["id"], key=r["key"], claims_for=json.loads(r["claims_for_json"]),
                          claims_against=json.loads(r["claims_against_json"]))
            for r in conn.execute(q.format("contradictions"), (doc_id,))
        ],
        pipeline_version=row["pipeline_version"],
    )


def document_filters(
    outlet: str | None = None, published_from: str | None = None, published_to: str | None = None,
    path: str | None = None, source_format: str | None = None, alias: str = "documents",
) -> tuple[list[str], list[Any]]:
    where: list[str] = []
    args: list[Any] = []
    if outlet:
        where.append(f"cg_fold({alias}.outlet) = cg_fold(?)")
        args.append(outlet)
    if published_from:
        where.append(f"{alias}.published || '~' >= ?")
        args.append(published_from)
    if published_to:
        where.append(f"{alias}.published <= ?")
        args.append(published_to)
    if path:
        where.append(f"{alias}.path = ?")
        args.append(path)
    if source_format:
        where.append(f"{alias}.source_format = ?")
        args.append(source_format)
    return where, args


def documents(conn: sqlite3.Connection, limit: int | None = None, offset: int = 0, **filters: Any) -> list[Document]:
    where, args = document_filters(**filters)
    sql = "SELECT * FROM documents" + (" WHERE " + " AND ".join(where) if where else "") + " ORDER BY rowid"
    sql += " LIMIT ? OFFSET ?"
    args += [-1 if limit is None else limit, offset]
    return [document_from_row(r) for r in conn.execute(sql, args)]


def document_ids(conn: sqlite3.Connection, **filters: Any) -> list[str]:
    where, args = document_filters(**filters)
    sql = "SELECT id FROM documents" + (" WHERE " + " AND ".join(where) if where else "") + " ORDER BY rowid"
    return [r[0] for r in conn.execute(sql, args)]


def iter_extractions(conn: sqlite3.Connection, doc_ids: list[str] | None = None, **filters: Any) -> Iterator[Extraction]:
    ids = doc_ids if doc_ids is not None else document_ids(conn, **filters)
    for doc_id in ids:
        x = get_extraction(conn, doc_id)
        if x is not None:
            yield x


def find_entities(conn: sqlite3.Connection, name: str, entity_type: str | None = None) -> list[StoredEntity]:
    """Entities whose name or any alias equals ``name``, ignoring case and diacritics."""
    sql = (
        "SELECT e.* FROM entities e WHERE (cg_fold(e.name) = cg_fold(?) OR EXISTS "
        "(SELECT 1 FROM json_each(e.aliases_json) j WHERE cg_fold(j.value) = cg_fold(?)))"
    )
    args: list[Any] = [name, name]
    if entity_type:
        sql += " AND e.type = ?"
        args.append(entity_type)
    return _stored_entities(conn, sql + " ORDER BY e.rowid", args)


def entities_by_canonical(conn: sqlite3.Connection, canonical_id: str) -> list[StoredEntity]:
    return _stored_entities(conn, "SELECT e.* FROM entities e WHERE e.canonical_id = ? ORDER BY e.rowid", [canonical_id])


def entities_of_document(conn: sqlite3.Connection, doc_id: str) -> list[StoredEntity]:
    return _stored_entities(conn, "SELECT e.* FROM entities e WHERE e.doc_id = ? ORDER BY e.rowid", [doc_id])


def _stored_entities(conn: sqlite3.Connection, sql: str, args: list[Any]) -> list[StoredEntity]:
    rows = conn.execute(sql, args).fetchall()
    out = []
    for r in rows:
        prow = conn.execute("SELECT * FROM places WHERE entity_id = ?", (r["id"],)).fetchone()
        out.append(StoredEntity(entity_from_row(r, place_from_row(prow) if prow else None), r["doc_id"], r["canonical_id"]))
    return out


def entity_names(conn: sqlite3.Connection) -> list[str]:
    return [r[0] for r in conn.execute("SELECT DISTINCT name FROM entities ORDER BY name")]


def fts_query(text: str) -> str:
    """A user's words as an FTS5 query: each word quoted, so punctuation cannot break the syntax."""
    words = [w.replace('"', '""') for w in text.split()]
    return " ".join(f'"{w}"' for w in words if w)


def search(conn: sqlite3.Connection, query: str, limit: int = 20, offset: int = 0) -> list[SearchHit]:
    q = fts_query(query)
    if not q:
        return []
    rows = conn.execute(
        "SELECT d.id, d.title, snippet(documents_fts, 1, '[', ']', '…', 12) AS snip, bm25(documents_fts) AS rank"
        " FROM documents_fts JOIN documents d ON d.rowid = documents_fts.rowid"
        " WHERE documents_fts MATCH ? ORDER BY rank LIMIT ? OFFSET ?",
        (q, limit, offset),
    ).fetchall()
    return [SearchHit(r["id"], r["title"], r["snip"], r["rank"]) for r in rows]


_CLAIMS_FROM = (
    " FROM claims c JOIN documents d ON d.id = c.doc_id"
    " LEFT JOIN attributions a ON a.doc_id = c.doc_id AND a.id = c.attribution_id"
)


def _claim_where(filters: dict[str, Any]) -> tuple[str, dict[str, Any]]:
    """Keyword filters (the fields of :class:`~claimgraph.store.filters.ClaimFilter`) as SQL."""
    unknown = set(filters) - set(ClaimFilter.names())
    if unknown:
        raise TypeError(f"unknown claim filter(s): {', '.join(sorted(unknown))}")
    where, params = claim_conditions(ClaimFilter(**filters))
    return where_sql(where), params


def claims(conn: sqlite3.Connection, limit: int | None = None, offset: int = 0, **filters: Any) -> list[StoredClaim]:
    where, params = _claim_where(filters)
    sql = (
        "SELECT c.*, a.id AS a_id, a.chain_json, a.evidence_start, a.evidence_end, a.cue, a.scope_start, a.scope_end,"
        " d.text AS d_text, d.title AS d_title, d.outlet AS d_outlet, d.published AS d_published, d.path AS d_path,"
        " d.url AS d_url" + _CLAIMS_FROM
    )
    sql += where + " ORDER BY d.rowid, c.rowid LIMIT :limit OFFSET :offset"
    params.update(limit=-1 if limit is None else limit, offset=offset)
    out: list[StoredClaim] = []
    for r in conn.execute(sql, params):
        claim = claim_from_row(r)
        att = None
        if r["a_id"] is not None:
            att = Attribution(
                id=r["a_id"], chain=[Speaker.from_dict(s) for s in json.loads(r["chain_json"])],
                evidence=_span(r["evidence_start"], r["evidence_end"]), cue=r["cue"],
                scope=_span(r["scope_start"], r["scope_end"]),
            )
        text = r["d_text"]
        out.append(StoredClaim(
            claim=claim, attribution=att, evidence_text=[text[s:e] for s, e in claim.evidence],
            document={"id": claim.doc_id, "title": r["d_title"], "outlet": r["d_outlet"],
                      "published": r["d_published"], "path": r["d_path"], "url": r["d_url"]},
        ))
    return out


def count_claims(conn: sqlite3.Connection, **filters: Any) -> int:
    where, params = _claim_where(filters)
    return int(conn.execute("SELECT COUNT(*)" + _CLAIMS_FROM + where, params).fetchone()[0])


def stats(conn: sqlite3.Connection) -> dict[str, int]:
    """Row counts a summary table shows."""
    one = lambda sql: int(conn.execute(sql).fetchone()[0])  # noqa: E731
    return {
        "documents": one("SELECT COUNT(*) FROM documents"),
        "entities": one("SELECT COUNT(*) FROM entities"),
        "canonical_entities": one("SELECT COUNT(DISTINCT canonical_id) FROM entities"),
        "mentions": one("SELECT COUNT(*) FROM mentions"),
        "relations": one("SELECT COUNT(*) FROM claims WHERE kind = 'relation'"),
        "events": one("SELECT COUNT(*) FROM claims WHERE kind = 'event'"),
        "attributions": one("SELECT COUNT(*) FROM attributions"),
        "contradictions": one("SELECT COUNT(*) FROM contradictions"),
        "judgements": one("SELECT COUNT(*) FROM judgements"),
    }
