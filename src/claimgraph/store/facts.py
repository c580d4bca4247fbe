"""Derived tables of cross-document facts (:mod:`claimgraph.resolve.crossdoc`), rebuilt from the stored claims.

``fact_groups`` holds one row per fact (claims from any number of documents
that state it) with its counts; ``fact_group_claims`` says which claims make
it up, on which side (``for``: asserted or alleged, ``against``: denied,
``other``), from which independent source, and **why** it joined the fact
(``reason``: "same word ('arrested' ~ 'arrest') in the same report", "shared
named actor … and a place stated in both", "first claim of the fact"; see
:mod:`claimgraph.resolve.crossdoc_match`). Nothing here is a source: the
tables are dropped and rebuilt from ``claims`` in the caller's transaction
whenever documents or identity judgements change, and the reasons are the
decisions of that rebuild, kept beside the claims, which are never rewritten.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from dataclasses import replace
from typing import Any

from claimgraph.model import Extraction


def create_tables(conn: sqlite3.Connection) -> None:
    conn.execute(
        "CREATE TABLE IF NOT EXISTS fact_groups ("
        " id TEXT PRIMARY KEY, kind TEXT NOT NULL, predicate TEXT NOT NULL, key TEXT NOT NULL, label TEXT NOT NULL,"
        " date_start TEXT, date_end TEXT, n_claims INTEGER NOT NULL, n_documents INTEGER NOT NULL,"
        " n_sources INTEGER NOT NULL, n_sources_for INTEGER NOT NULL, n_sources_against INTEGER NOT NULL,"
        " contested INTEGER NOT NULL, summary_json TEXT NOT NULL)"
    )
    conn.execute(
        "CREATE TABLE IF NOT EXISTS fact_group_claims ("
        " group_id TEXT NOT NULL REFERENCES fact_groups(id) ON DELETE CASCADE, claim_id TEXT NOT NULL,"
        " doc_id TEXT NOT NULL, side TEXT NOT NULL, source_key TEXT NOT NULL, source TEXT NOT NULL,"
        " reason TEXT NOT NULL DEFAULT '', PRIMARY KEY (group_id, claim_id))"
    )
    _ensure_reason(conn)
    conn.execute("CREATE INDEX IF NOT EXISTS fact_group_claims_claim ON fact_group_claims(claim_id)")
    conn.execute("CREATE INDEX IF NOT EXISTS fact_groups_rank ON fact_groups(contested, n_sources)")


def _ensure_reason(conn: sqlite3.Connection) -> None:
    """A store made before reasons were kept gets the column; the table is derived, so the rebuild fills it."""
    columns = {r[1] for r in conn.execute("PRAGMA table_info(fact_group_claims)")}
    if "reason" not in columns:
        conn.execute("ALTER TABLE fact_group_claims ADD COLUMN reason TEXT NOT NULL DEFAULT ''")


def _extractions(conn: sqlite3.Connection) -> Iterator[Extraction]:
    """Every stored extraction with its entities' canonical ids in ``external_ids["canonical"]``."""
    from claimgraph.store import read

    canonical = {r[0]: r[1] for r in conn.execute("SELECT id, canonical_id FROM entities")}
    for x in read.iter_extractions(conn):
        entities = [replace(e, external_ids={**e.external_ids, "canonical": canonical[e.id]})
                    if e.id in canonical else e for e in x.entities]
        yield replace(x, entities=entities)


def rebuild(conn: sqlite3.Connection) -> dict[str, int]:
    """Recompute both tables from the stored claims. The caller holds the transaction. Returns counts."""
    from claimgraph.resolve.crossdoc import corroborate, group_record

    _ensure_reason(conn)
    corpus, groups = corroborate(_extractions(conn))
    conn.execute("DELETE FROM fact_group_claims")
    conn.execute("DELETE FROM fact_groups")
    rows, links = [], []
    for g in groups:
        rec = group_record(corpus, g)
        summary = {k: v for k, v in rec.items() if k != "claims"}
        rows.append((rec["id"], rec["kind"], rec["predicate"], rec["key"], rec["label"], rec["date_start"],
                     rec["date_end"], rec["n_claims"], rec["n_documents"], rec["n_sources"], rec["n_sources_for"],
                     rec["n_sources_against"], int(rec["contested"]), json.dumps(summary, ensure_ascii=False)))
        links += [(rec["id"], c["claim_id"], c["doc_id"], c["side"], c["source_key"], c["source"], c["reason"])
                  for c in rec["claims"]]
    conn.executemany("INSERT INTO fact_groups VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows)
    conn.executemany("INSERT INTO fact_group_claims (group_id, claim_id, doc_id, side, source_key, source, reason)"
                     " VALUES (?, ?, ?, ?, ?, ?, ?)", links)
    return counts(conn)


def counts(conn: sqlite3.Connection) -> dict[str, int]:
    one = lambda sql: int(conn.execute(sql).fetchone()[0])  # noqa: E731
    return {
        "facts": one("SELECT COUNT(*) FROM fact_groups"),
        "corroborated": one("SELECT COUNT(*) FROM fact_groups WHERE n_sources > 1 AND n_sources_for > 1"),
        "multi_document": one("SELECT COUNT(*) FROM fact_groups WHERE n_documents > 1"),
        "contested": one("SELECT COUNT(*) FROM fact_groups WHERE contested = 1"),
    }


def top(conn: sqlite3.Connection, limit: int = 10) -> dict[str, list[dict[str, Any]]]:
    """The most corroborated facts (most independent sources for them) and the contested ones."""
    def rows(sql: str) -> list[dict[str, Any]]:
        out = []
        for r in conn.execute(sql, (limit,)):
            rec = json.loads(r[0])
            rec["claims"] = [dict(zip(("claim_id", "doc_id", "side", "source", "reason"), x)) for x in conn.execute(
                "SELECT claim_id, doc_id, side, source, reason FROM fact_group_claims WHERE group_id = ? ORDER BY rowid",
                (rec["id"],))]
            out.append(rec)
        return out

    return {
        "corroborated": rows("SELECT summary_json FROM fact_groups WHERE n_sources_for > 1"
                             " ORDER BY n_sources_for DESC, n_documents DESC, id LIMIT ?"),
        "contested": rows("SELECT summary_json FROM fact_groups WHERE contested = 1"
                          " ORDER BY n_sources DESC, n_documents DESC, id LIMIT ?"),
    }
