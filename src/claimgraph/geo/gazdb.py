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
SCHEMA_VERSION = "6"

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
"""

INDEXES = """
CREATE UNIQUE INDEX IF NOT EXISTS place_geonameid ON place(geonameid) WHERE geonameid IS NOT NULL;
CREATE INDEX IF NOT EXISTS place_admin ON place(country, admin1_code, level);
CREATE UNIQUE INDEX IF NOT EXISTS alias_key ON alias(norm, place_id);
CREATE INDEX IF NOT EXISTS alias_skel ON alias(skel);
CREATE INDEX IF NOT EXISTS alias_place ON alias(place_id);
"""

FTS = "CREATE VIRTUAL TABLE IF NOT EXISTS name_fts USING fts5(norm, tokenize='trigram')"
#: how many names hold each trigram (to query with the rarest ones)
FTS_VOCAB = "CREATE VIRTUAL TABLE IF NOT EXISTS name_vocab USING fts5vocab(name_fts, 'row')"

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
    """Adds places and names to an open gazetteer connection (one writer at a time).

    Rows are buffered and written in batches; every read through the writer, and
    :meth:`finish`, flushes first. Ids are assigned here so a place's names can be
    buffered with it.
    """

    BATCH = 20_000

    def __init__(self, conn: sqlite3.Connection, bulk: bool = False):
        """``bulk``: a fresh database filled in one go — indexes are created by :meth:`finish`."""
        self.conn = conn
        conn.executescript(SCHEMA)
        if not bulk:
            conn.executescript(INDEXES)
        self._seen: tuple[int, set[str]] = (0, set())
        self._next_id = int(conn.execute("SELECT coalesce(max(id), 0) + 1 FROM place").fetchone()[0])
        self._places: list[list[Any]] = []
        self._names: list[tuple[str, str, int, int]] = []

    def flush(self) -> None:
        if self._places:
            self.conn.executemany(
                f"INSERT INTO place (id, {', '.join(PLACE_COLUMNS)}) VALUES ({', '.join('?' * (len(PLACE_COLUMNS) + 1))})",
                self._places,
            )
            self._places = []
        if self._names:
            self.conn.executemany("INSERT OR IGNORE INTO alias (norm, skel, place_id, quality) VALUES (?, ?, ?, ?)",
                                  self._names)
            self._names = []

    def discard(self) -> None:
        """Drop buffered rows (a failed import rolls back what it wrote)."""
        self._places, self._names = [], []
        self._next_id = int(self.conn.execute("SELECT coalesce(max(id), 0) + 1 FROM place").fetchone()[0])

    def add_place(self, names: Iterable[str], **cols: Any) -> int:
        """Add one place and its names; returns its row id. ``cols`` are :data:`PLACE_COLUMNS`."""
        pid = self._next_id
        self._next_id += 1
        values = [pid] + [cols.get(c) for c in PLACE_COLUMNS]
        values[1 + PLACE_COLUMNS.index("population")] = int(cols.get("population") or 0)
        self._places.append(values)
        self.add_names(pid, [cols["name"]], quality=2)
        self.add_names(pid, names, quality=1)
        if len(self._places) >= self.BATCH:
            self.flush()
        return pid

    def update_place(self, pid: int, **cols: Any) -> None:
        self.flush()
        sets = [c for c in cols if c in PLACE_COLUMNS]
        if sets:
            self.conn.execute(
                f"UPDATE place SET {', '.join(f'{c} = ?' for c in sets)} WHERE id = ?", [cols[c] for c in sets] + [pid]
            )

    def add_names(self, pid: int, names: Iterable[str], quality: int = 1) -> None:
        rows = self._names
        if self._seen[0] != pid:
            self._seen = (pid, set())
        seen = self._seen[1]
        for name in names:
            if not name or not is_latin(name):
                continue
            n = norm(name)
            if len(n) < 2 or n in seen:
                continue
            seen.add(n)
            rows.append((n, skeleton(n), pid, quality))
            core = strip_centre_prefix(n)
            if core and core not in seen:
                seen.add(core)
                rows.append((core, skeleton(core), pid, 0))
        if len(rows) >= 5 * self.BATCH:
            self.flush()

    def place_by_geonameid(self, geonameid: int) -> int | None:
        self.flush()
        row = self.conn.execute("SELECT id FROM place WHERE geonameid = ?", (geonameid,)).fetchone()
        return int(row[0]) if row else None

    def finish(self, meta: dict[str, str]) -> None:
        """Create indexes, rebuild the fuzzy index, record ``meta``; commit."""
        self.flush()
        self.conn.executescript(INDEXES)
        self.conn.execute("DROP TABLE IF EXISTS name_vocab")
        self.conn.execute("DROP TABLE IF EXISTS name_fts")
        self.conn.execute(FTS)
        self.conn.execute(FTS_VOCAB)
        self.conn.execute("INSERT INTO name_fts (norm) SELECT DISTINCT norm FROM alias WHERE length(norm) >= 3")
        self.conn.executemany("INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)", sorted(meta.items()))
        self.conn.commit()
