"""Queries over the cross-document facts (``fact_groups``, see :mod:`claimgraph.store.facts`).

A fact is the claims of every document that state the same relation or event,
with its independent sources counted; contested facts have claims for and
against. The same rules as :mod:`claimgraph.serve.queries` hold: constant SQL
fragments, every user value bound.
"""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass
from typing import Any

from claimgraph.errors import StoreError
from claimgraph.serve.queries import Page, _page, claims_by_ids
from claimgraph.store.filters import entity_condition

ORDER = " ORDER BY g.contested DESC, g.n_sources DESC, g.n_documents DESC, g.id"


@dataclass(frozen=True)
class FactFilters:
    contested: bool | None = None
    min_sources: int | None = None
    min_documents: int | None = None
    actor: str | None = None  # entity id, canonical id, or part of a name or alias
    kind: str | None = None
    type: str | None = None
    members: tuple[str, ...] | None = None  # per-document entity ids (an entity page)


def _where(f: FactFilters) -> tuple[str, dict[str, Any]]:
    where = ["1 = 1"]
    params: dict[str, Any] = {}
    if f.contested is not None:
        where.append("g.contested = :contested")
        params["contested"] = int(f.contested)
    if f.min_sources:
        where.append("g.n_sources >= :min_sources")
        params["min_sources"] = f.min_sources
    if f.min_documents:
        where.append("g.n_documents >= :min_documents")
        params["min_documents"] = f.min_documents
    if f.kind:
        where.append("g.kind = :kind")
        params["kind"] = f.kind
    if f.type:
        where.append("g.predicate = :type")
        params["type"] = f.type
    if f.actor:
        cond, p = entity_condition("e", "actor", f.actor, partial=True)
        where.append(
            "g.id IN (SELECT fc.group_id FROM fact_group_claims fc JOIN claim_entities ce ON ce.claim_id = fc.claim_id"
            " JOIN entities e ON e.id = ce.entity_id WHERE ce.role IN ('subject', 'object', 'source', 'target') AND "
            + cond + ")"
        )
        params.update(p)
    if f.members is not None:
        names = {f"m{i}": m for i, m in enumerate(f.members)}
        holders = ", ".join(f":{k}" for k in names) or "NULL"
        where.append(
            "g.id IN (SELECT fc.group_id FROM fact_group_claims fc JOIN claim_entities ce ON ce.claim_id = fc.claim_id"
            f" WHERE ce.entity_id IN ({holders}))"
        )
        params.update(names)
    return " AND ".join(where), params


def _claim_columns(conn: sqlite3.Connection) -> str:
    """The columns a fact's claims are read with. ``reason`` (why the claim joined the fact) is empty in
    stores grouped before reasons were kept: the server is read-only, so it does not add the column."""
    has_reason = any(r[1] == "reason" for r in conn.execute("PRAGMA table_info(fact_group_claims)"))
    return "claim_id, doc_id, side, source" + (", reason" if has_reason else ", '' AS reason")


def _record(conn: sqlite3.Connection, row: sqlite3.Row, columns: str) -> dict[str, Any]:
    """A fact with its claims (``columns`` from :func:`_claim_columns`, read once per request)."""
    rec = json.loads(row["summary_json"])
    rec["claims"] = [dict(r) for r in conn.execute(
        f"SELECT {columns} FROM fact_group_claims WHERE group_id = ? ORDER BY rowid", (rec["id"],))]
    return rec


def list_facts(conn: sqlite3.Connection, f: FactFilters, page: Page) -> dict[str, Any]:
    """Facts, contested first, then by independent sources; each with its claims' ids, sides and sources."""
    where, params = _where(f)
    total = conn.execute("SELECT COUNT(*) FROM fact_groups g WHERE " + where, params).fetchone()[0]
    rows = conn.execute("SELECT g.summary_json FROM fact_groups g WHERE " + where + ORDER + " LIMIT :limit OFFSET :offset",
                        {**params, "limit": page.limit, "offset": page.offset}).fetchall()
    columns = _claim_columns(conn)
    return _page(int(total), page, [_record(conn, r, columns) for r in rows])


def get_fact(conn: sqlite3.Connection, fact_id: str) -> dict[str, Any]:
    """One fact with its claims in full (evidence, attribution, document), split by side."""
    row = conn.execute("SELECT summary_json FROM fact_groups WHERE id = ?", (fact_id,)).fetchone()
    if row is None:
        raise StoreError("CG403", fact_id, "no fact with this id")
    rec = _record(conn, row, _claim_columns(conn))
    full = {c["id"]: c for c in claims_by_ids(conn, [c["claim_id"] for c in rec["claims"]])}
    for c in rec["claims"]:
        if c["claim_id"] in full:
            full[c["claim_id"]]["source"] = c["source"]
            if rec["contested"] and c["side"] in ("for", "against"):
                full[c["claim_id"]]["contested"] = True  # another report's claim contradicts it
    rec["sides"] = {
        side: [full[c["claim_id"]] for c in rec["claims"] if c["side"] == side and c["claim_id"] in full]
        for side in ("for", "against", "other")
    }
    return rec


def facts_of_entity(conn: sqlite3.Connection, members: list[str], limit: int = 100) -> dict[str, Any]:
    """The facts an entity takes part in (any role), contested first, with the claims of contested ones in full."""
    data = list_facts(conn, FactFilters(members=tuple(members)), Page(limit=limit))
    contested = [get_fact(conn, rec["id"]) for rec in data["items"] if rec["contested"]][:20]
    return {**data, "contested": contested}

