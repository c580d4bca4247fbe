"""The SQLite store: one writer, many readers, WAL mode, foreign keys on.

:class:`Store` is the handle every other stage uses (CLI, runner, API,
exports). It opens or creates the file, runs migrations, and delegates to
:mod:`~claimgraph.store.write` and :mod:`~claimgraph.store.read`.
"""

from __future__ import annotations

import json
import os
import sqlite3
import unicodedata
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from claimgraph.errors import StoreError
from claimgraph.model import Extraction
from claimgraph.store import migrations, read, write

_REQUIRED_TABLES = frozenset({"documents", "entities", "claims", "attributions", "judgements"})


def _fold(value: str | None) -> str | None:
    """Case- and diacritic-insensitive form used by name and text filters."""
    if value is None:
        return None
    decomposed = unicodedata.normalize("NFKD", str(value))
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).casefold()


def _evidence(text: str | None, evidence_json: str | None) -> str:
    if not text or not evidence_json:
        return ""
    return " … ".join(text[s:e] for s, e in json.loads(evidence_json))


def connect(path: str | os.PathLike[str], readonly: bool = False) -> sqlite3.Connection:
    """A connection in autocommit mode (transactions are explicit) with our SQL functions."""
    target = Path(path)
    if str(path) == ":memory:":
        conn = sqlite3.connect(":memory:", isolation_level=None, check_same_thread=False)
    elif readonly:
        conn = sqlite3.connect(f"{target.resolve().as_uri()}?mode=ro", uri=True, isolation_level=None,
                               check_same_thread=False)
    else:
        conn = sqlite3.connect(str(target), isolation_level=None, check_same_thread=False, timeout=30)
    conn.row_factory = sqlite3.Row
    conn.create_function("cg_fold", 1, _fold, deterministic=True)
    conn.create_function("cg_evidence", 2, _evidence, deterministic=True)
    return conn


class Store:
    """Handle on one claimgraph database. Constructed by :meth:`open`; do no I/O in ``__init__``."""

    def __init__(self, conn: sqlite3.Connection, path: str, readonly: bool) -> None:
        self.conn = conn
        self.path = path
        self.readonly = readonly

    @classmethod
    def open(cls, path: str | os.PathLike[str], readonly: bool = False, create: bool = True) -> Store:
        """Open (and, unless ``readonly`` or not ``create``, create and migrate) a database.

        CG400 when the file is missing and may not be created; CG401 when it is not
        a claimgraph database or is corrupt; CG402 when it is newer than this code.
        """
        subject = str(path)
        if subject == ":memory:":  # for tests and throw-away runs
            conn = connect(subject)
            cls._prepare(conn, subject, readonly=False)
            return cls(conn, subject, readonly=False)
        target = Path(path)
        if not target.exists() and (readonly or not create):
            raise StoreError("CG400", subject, "no such file")
        if target.is_dir():
            raise StoreError("CG401", subject, "is a folder")
        if not target.exists():
            try:
                target.parent.mkdir(parents=True, exist_ok=True)
            except OSError as exc:
                raise StoreError("CG400", subject, f"cannot create its folder: {exc.strerror}") from exc
        try:
            conn = connect(target, readonly=readonly)
        except sqlite3.Error as exc:
            raise StoreError("CG401", subject, str(exc)) from exc
        try:
            cls._prepare(conn, subject, readonly)
        except BaseException:
            conn.close()
            raise
        return cls(conn, subject, readonly)

    @staticmethod
    def _prepare(conn: sqlite3.Connection, subject: str, readonly: bool) -> None:
        try:
            tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type IN ('table', 'view')")}
            conn.execute("PRAGMA foreign_keys = ON")
            if not readonly:
                conn.execute("PRAGMA journal_mode = WAL")
                conn.execute("PRAGMA synchronous = NORMAL")
        except sqlite3.DatabaseError as exc:
            raise StoreError("CG401", subject, str(exc)) from exc
        ours = "schema_migrations" in tables and _REQUIRED_TABLES <= tables
        if tables and not ours:
            raise StoreError("CG401", subject, "it has tables but not claimgraph's")
        if readonly:
            if not ours:
                raise StoreError("CG401", subject, "an empty database")
            version = migrations.current_version(conn)
            if version > migrations.LATEST:
                raise StoreError("CG402", subject, f"schema version {version}")
            if version < migrations.LATEST:
                raise StoreError("CG401", subject, f"schema version {version} needs upgrading: open it once for writing")
            return
        try:
            migrations.migrate(conn, subject)
        except sqlite3.DatabaseError as exc:
            raise StoreError("CG401", subject, str(exc)) from exc

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @property
    def schema_version(self) -> int:
        return migrations.current_version(self.conn)

    # -- writing -----------------------------------------------------------------------------------

    def _writable(self) -> None:
        if self.readonly:
            raise StoreError("CG404", self.path, "the database was opened read-only")

    def save(self, extraction: Extraction, force: bool = False) -> write.SaveResult:
        """Store one extraction in one transaction: ``inserted``, ``unchanged`` or ``replaced``.

        ``force`` replaces a stored copy of the same text and pipeline version too.
        """
        self._writable()
        subject = extraction.document.path or extraction.document.url or extraction.document.id
        return write.save(self.conn, extraction, subject, force=force)

    def is_current(self, document: Any, pipeline_version: str) -> bool:
        """True when ``document`` is stored by ``pipeline_version`` and nothing would change on saving it."""
        return write.is_current(self.conn, document.id, document.path, document.url, pipeline_version)

    def delete_document(self, doc_id: str) -> bool:
        self._writable()
        self.conn.execute("BEGIN IMMEDIATE")
        try:
            found = self.conn.execute("SELECT 1 FROM documents WHERE id = ?", (doc_id,)).fetchone() is not None
            write.delete_document(self.conn, doc_id)
            if found:
                from claimgraph.store import facts

                facts.rebuild(self.conn)
            self.conn.execute("COMMIT")
        except BaseException:
            self.conn.execute("ROLLBACK")
            raise
        return found

    def judge(self, left: str, right: str, judgement: str, reason: str | None = None) -> int:
        """Record that two entities (or canonical ids) are the same / not the same / unsure."""
        self._writable()
        changed = write.judge(self.conn, left, right, judgement, reason)
        if changed:
            self.recompute_facts()
        return changed

    def recompute_facts(self) -> dict[str, int]:
        """Rebuild the cross-document fact tables from the stored claims in one transaction; returns counts."""
        from claimgraph.store import facts

        self._writable()
        self.conn.execute("BEGIN IMMEDIATE")
        try:
            result = facts.rebuild(self.conn)
            self.conn.execute("COMMIT")
        except BaseException:
            self.conn.execute("ROLLBACK")
            raise
        return result

    def fact_counts(self) -> dict[str, int]:
        from claimgraph.store import facts

        return facts.counts(self.conn)

    def judgements(self) -> list[dict[str, Any]]:
        return [dict(r) for r in self.conn.execute("SELECT * FROM judgements ORDER BY created_at, left_id, right_id")]

    # -- reading -----------------------------------------------------------------------------------

    def get_extraction(self, doc_id: str) -> Extraction:
        x = read.get_extraction(self.conn, doc_id)
        if x is None:
            raise StoreError("CG403", doc_id, "no document with this id")
        return x

    def iter_extractions(self, doc_ids: list[str] | None = None, **filters: Any) -> Iterator[Extraction]:
        return read.iter_extractions(self.conn, doc_ids, **filters)

    def documents(self, limit: int | None = None, offset: int = 0, **filters: Any) -> list[Any]:
        return read.documents(self.conn, limit=limit, offset=offset, **filters)

    def document_info(self, doc_id: str) -> dict[str, Any] | None:
        row = self.conn.execute(
            "SELECT id, path, url, title, outlet, published, source_format, pipeline_version, analysed_at"
            " FROM documents WHERE id = ?", (doc_id,)).fetchone()
        return dict(row) if row else None

    def find_entities(self, name: str, entity_type: str | None = None) -> list[read.StoredEntity]:
        return read.find_entities(self.conn, name, entity_type)

    def entities_by_canonical(self, canonical_id: str) -> list[read.StoredEntity]:
        return read.entities_by_canonical(self.conn, canonical_id)

    def entity_names(self) -> list[str]:
        return read.entity_names(self.conn)

    def search(self, query: str, limit: int = 20, offset: int = 0) -> list[read.SearchHit]:
        return read.search(self.conn, query, limit, offset)

    def claims(self, limit: int | None = None, offset: int = 0, **filters: Any) -> list[read.StoredClaim]:
        return read.claims(self.conn, limit=limit, offset=offset, **filters)

    def count_claims(self, **filters: Any) -> int:
        return read.count_claims(self.conn, **filters)

    def stats(self) -> dict[str, int]:
        return read.stats(self.conn)
