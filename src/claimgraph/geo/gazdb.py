"""The gazetteer's SQLite layout and the one writer that fills it.

One table of places (``place``), one of names (``alias``: every Latin-script
name of a place under its :func:`~claimgraph.geo.names.norm` and
:func:`~claimgraph.geo.names.skeleton` keys) and an FTS5 trigram index over the
distinct normalised names for fuzzy lookups. Builders (packaged data, GeoNames
imports) go through :class:`GazetteerWriter`, so both keep the keys consistent.

Levels: 0 country, 1 first-order admin area (province/state), 2 second-order
(district/agency/county), 3 populated place, 4 other features (rivers,
mountains, areas) that only GeoNames imports bring.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable
from typing import Any

from claimgraph.geo.names import is_latin, norm, skeleton, strip_centre_prefix

#: bump when the layout or the meaning of a column changes; an older file is rebuilt
SCHEMA_VERSION = "3"

SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT);
CREATE TABLE IF NOT EXISTS place (
    id INTEGER PRIMARY KEY,
    geonameid INTEGER,
    name TEXT NOT NULL,
    lat REAL,
    lon REAL,
    level INTEGER NOT NULL,
    feature TEXT NOT NULL,
    fcode TEXT,
    country TEXT,
    admin1_code TEXT,
    admin1 TEXT,
    admin2_code TEXT,
    admin2 TEXT,
    population INTEGER NOT NULL DEFAULT 0,
    source TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS alias (
    norm TEXT NOT NULL,
    skel TEXT NOT NULL,
    place_id INTEGER NOT NULL,
    quality INTEGER NOT NULL  -- 2 the place's own name, 1 an alternate name, 0 derived (district-seat prefix removed)
);
CREATE UNIQUE INDEX IF NOT EXISTS place_geonameid ON place(geonameid) WHERE geonameid IS NOT NULL;
CREATE INDEX IF NOT EXISTS place_admin ON place(country, admin1_code, level);
CREATE UNIQUE INDEX IF NOT EXISTS alias_key ON alias(norm, place_id);
CREATE INDEX IF NOT EXISTS alias_skel ON alias(skel);
CREATE INDEX IF NOT EXISTS alias_place ON alias(place_id);
"""

INDEXES = ""

FTS = "CREATE VIRTUAL TABLE IF NOT EXISTS name_fts USING fts5(norm, tokenize='trigram')"

PLACE_COLUMNS = (
    "geonameid", "name", "lat", "lon", "level", "feature", "fcode", "country",
    "admin1_code", "admin1", "admin2_code", "admin2", "population", "source",
)


def feature_for_population(population: int) -> str:
    """A populated place's feature kind by size (GeoNames has no city/town distinction)."""
    if population >= 100_000:
        return "city"
    if population >= 1_000:
        return "town"
    return "village"


class GazetteerWriter:
    """Adds places and names to an open gazetteer connection (one writer at a time)."""

    def __init__(self, conn: sqlite3.Connection):
        self.conn = conn
        conn.executescript(SCHEMA)

    def add_place(self, names: Iterable[str], **cols: Any) -> int:
        """Insert one place and its names; returns its row id. ``cols`` are :data:`PLACE_COLUMNS`."""
        values = [cols.get(c) for c in PLACE_COLUMNS]
        values[PLACE_COLUMNS.index("population")] = int(cols.get("population") or 0)
        cur = self.conn.execute(
            f"INSERT INTO place ({', '.join(PLACE_COLUMNS)}) VALUES ({', '.join('?' * len(PLACE_COLUMNS))})", values
        )
        pid = int(cur.lastrowid or 0)
        self.add_names(pid, [cols["name"]], quality=2)
        self.add_names(pid, names, quality=1)
        return pid

    def update_place(self, pid: int, **cols: Any) -> None:
        sets = [c for c in cols if c in PLACE_COLUMNS]
        if sets:
            self.conn.execute(
                f"UPDATE place SET {', '.join(f'{c} = ?' for c in sets)} WHERE id = ?", [cols[c] for c in sets] + [pid]
            )

    def add_names(self, pid: int, names: Iterable[str], quality: int = 1) -> None:
        rows = []
        for name in names:
            if not name or not is_latin(name):
                continue
            n = norm(name)
            if len(n) < 2:
                continue
            rows.append((n, skeleton(n), pid, quality))
            core = strip_centre_prefix(n)
            if core:
                rows.append((core, skeleton(core), pid, 0))
        self.conn.executemany("INSERT OR IGNORE INTO alias (norm, skel, place_id, quality) VALUES (?, ?, ?, ?)", rows)

    def place_by_geonameid(self, geonameid: int) -> int | None:
        row = self.conn.execute("SELECT id FROM place WHERE geonameid = ?", (geonameid,)).fetchone()
        return int(row[0]) if row else None

    def finish(self, meta: dict[str, str]) -> None:
        """Create indexes, rebuild the fuzzy index, record ``meta``; commit."""
        self.conn.executescript(INDEXES)
        self.conn.execute("DROP TABLE IF EXISTS name_fts")
        self.conn.execute(FTS)
        self.conn.execute("INSERT INTO name_fts (norm) SELECT DISTINCT norm FROM alias WHERE length(norm) >= 3")
        self.conn.executemany("INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)", sorted(meta.items()))
        self.conn.commit()
