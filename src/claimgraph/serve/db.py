"""Read-only access to a claimgraph store for the API and UI.

The server never writes: the database is opened through ``Store.open(...,
readonly=True)`` (SQLite ``mode=ro``) with ``query_only`` on, so a bug in a
query cannot damage what ``analyze`` stored. A missing file is CG400, a file
that is not a claimgraph store (or is corrupt) CG401, a newer schema CG402;
each reaches the user as a JSON error or an error page.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from claimgraph.errors import StoreError
from claimgraph.store import Store


def connect_readonly(path: str | Path) -> sqlite3.Connection:
    """A read-only connection to the store at ``path`` (rows as ``sqlite3.Row``)."""
    if Path(path).is_dir():
        raise StoreError("CG401", str(path), detail="is a folder")
    conn = Store.open(path, readonly=True).conn
    try:
        conn.execute("PRAGMA query_only = ON")
    except sqlite3.DatabaseError as exc:
        conn.close()
        raise StoreError("CG401", str(path), detail=str(exc)) from exc
    conn.row_factory = sqlite3.Row
    return conn
