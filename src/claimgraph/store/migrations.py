"""Schema migrations as small recorded functions (sqlite-utils style).

Each migration runs once, inside its own transaction, and is recorded in
``schema_migrations``. Migration 1 is ``schema.sql`` exactly; later ones only
add (columns, triggers, indexes) so code written against migration 1 keeps
working. A database recorded at a version this code does not know raises CG402.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from datetime import datetime, timezone
from importlib import resources

from claimgraph.errors import StoreError

Migration = tuple[int, str, Callable[[sqlite3.Connection], None]]


def _m1_schema(conn: sqlite3.Connection) -> None:
    sql = resources.files("claimgraph.store").joinpath("schema.sql").read_text(encoding="utf-8")
    for statement in _statements(sql):
        conn.execute(statement)


def _m2_entity_mentions(conn: sqlite3.Connection) -> None:
    """Keep Entity.mentions (the spans of every surface form) so a stored extraction round-trips."""
    conn.execute("ALTER TABLE entities ADD COLUMN mentions_json TEXT NOT NULL DEFAULT '[]'")


def _m3_fts_triggers(conn: sqlite3.Connection) -> None:
    """Keep documents_fts in step with documents whoever writes (external-content FTS5)."""
    conn.execute(
        "CREATE TRIGGER IF NOT EXISTS documents_fts_insert AFTER INSERT ON documents BEGIN "
        "INSERT INTO documents_fts(rowid, title, text) VALUES (new.rowid, new.title, new.text); END"
    )
    conn.execute(
        "CREATE TRIGGER IF NOT EXISTS documents_fts_delete AFTER DELETE ON documents BEGIN "
        "INSERT INTO documents_fts(documents_fts, rowid, title, text) VALUES ('delete', old.rowid, old.title, old.text); END"
    )
    conn.execute(
        "CREATE TRIGGER IF NOT EXISTS documents_fts_update AFTER UPDATE ON documents BEGIN "
        "INSERT INTO documents_fts(documents_fts, rowid, title, text) VALUES ('delete', old.rowid, old.title, old.text); "
        "INSERT INTO documents_fts(rowid, title, text) VALUES (new.rowid, new.title, new.text); END"
    )


def _m4_indexes(conn: sqlite3.Connection) -> None:
    """Lookups the replacement rule and the claim filters need."""
    conn.execute("CREATE INDEX IF NOT EXISTS documents_url ON documents(url)")
    conn.execute("CREATE INDEX IF NOT EXISTS attributions_doc ON attributions(doc_id)")
    conn.execute("CREATE INDEX IF NOT EXISTS contradictions_doc ON contradictions(doc_id)")
    conn.execute("CREATE INDEX IF NOT EXISTS places_doc ON places(doc_id)")
    conn.execute("CREATE INDEX IF NOT EXISTS judgements_right ON judgements(right_id)")


def _m5_fact_groups(conn: sqlite3.Connection) -> None:
    """Derived cross-document facts (store/facts.py), filled from whatever is already stored."""
    from claimgraph.store import facts

    facts.create_tables(conn)
    facts.rebuild(conn)


MIGRATIONS: tuple[Migration, ...] = (
    (1, "schema", _m1_schema),
    (2, "entity_mentions", _m2_entity_mentions),
    (3, "fts_triggers", _m3_fts_triggers),
    (4, "indexes", _m4_indexes),
    (5, "fact_groups", _m5_fact_groups),
)
LATEST = MIGRATIONS[-1][0]


def _statements(sql: str) -> list[str]:
    """Split a script into statements (schema.sql has no triggers, so ';' ends each)."""
    lines = [line.split("--", 1)[0] for line in sql.splitlines()]
    return [s.strip() for s in "\n".join(lines).split(";") if s.strip()]


def applied(conn: sqlite3.Connection) -> set[int]:
    conn.execute(
        "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)"
    )
    return {row[0] for row in conn.execute("SELECT version FROM schema_migrations")}


def current_version(conn: sqlite3.Connection) -> int:
    """The highest migration recorded, 0 for a database without the table."""
    try:
        row = conn.execute("SELECT MAX(version) FROM schema_migrations").fetchone()
    except sqlite3.OperationalError:
        return 0
    return int(row[0] or 0)


def migrate(conn: sqlite3.Connection, subject: str) -> list[int]:
    """Apply every migration not yet recorded, each in its own transaction; return those applied."""
    version = current_version(conn)
    if version > LATEST:
        raise StoreError("CG402", subject, f"schema version {version}, this claimgraph knows up to {LATEST}")
    done: list[int] = []
    conn.execute("BEGIN IMMEDIATE")
    try:
        have = applied(conn)
        conn.execute("COMMIT")
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    for number, name, func in MIGRATIONS:
        if number in have:
            continue
        conn.execute("BEGIN IMMEDIATE")
        try:
            if number in applied(conn):  # another writer got there first
                conn.execute("ROLLBACK")
                continue
            func(conn)
            conn.execute(
                "INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)",
                (number, name, datetime.now(timezone.utc).isoformat(timespec="seconds")),
            )
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        done.append(number)
    return done
