"""Import GeoNames dump files into the gazetteer (``claimgraph gazetteer import``).

The packaged data stops at places of 500 people and has no second-order admin
areas for most of the world; a user with internet access can download the
GeoNames dumps (``AF.zip``, ``PK.zip``, ``allCountries.zip``, ``admin2Codes.txt``,
``alternateNamesV2.zip`` from https://download.geonames.org/export/dump/) and
import them here to get every district and village. Recognised formats, by
their columns (a ``.zip`` is read member by member, ``readme.txt`` skipped):

* ``geoname`` (19 columns): country dumps, ``allCountries.txt``, ``cities*.txt``;
* ``admin1CodesASCII.txt`` / ``admin2Codes.txt`` (4 columns, ``CC.A1[.A2]`` codes);
* ``alternateNames.txt`` (8 columns) / ``alternateNamesV2.txt`` (10 columns).

Rows update places already present (same geonameid, or the same admin code for
provinces built from countrystatecity) and add the rest. A malformed line stops
the import with CG301 naming the file and line; rows written before it from
earlier files stay (each file is one transaction).
"""

from __future__ import annotations

import io
import json
import re
import zipfile
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import IO

from claimgraph.errors import GeoError
from claimgraph.geo.gazdb import GazetteerWriter, feature_for_population
from claimgraph.geo.gazetteer import Gazetteer

#: GeoNames feature class -> our feature kind for places outside the admin/populated classes
CLASS_FEATURE = {"H": "water", "T": "terrain", "L": "area", "S": "facility", "R": "road", "V": "vegetation", "U": "undersea"}
COUNTRY_CODES = {"PCLI", "PCLD", "PCLF", "PCLS", "PCLIX", "PCL", "TERR"}
#: alternate-name "languages" that are not names (links, postcodes, airport codes, ...)
NOT_NAMES = {"link", "post", "iata", "icao", "faac", "fr_1793", "abbr", "wkdt", "unlc", "tcid"}
_ADMIN1_CODE = re.compile(r"^[A-Z]{2}\.[^.\s]+$")
_ADMIN2_CODE = re.compile(r"^[A-Z]{2}\.[^.\s]+\.[^.\s]+$")


def _bad(name: str, line: int, detail: str) -> GeoError:
    return GeoError("CG301", subject=f"{name}:{line}", detail=detail)


def _members(path: Path) -> Iterator[tuple[str, IO[str]]]:
    if not path.is_file():
        raise GeoError("CG301", subject=str(path), detail="file not found")
    if zipfile.is_zipfile(path):
        with zipfile.ZipFile(path) as zf:
            for info in zf.infolist():
                if info.is_dir() or info.filename.lower().endswith("readme.txt"):
                    continue
                with zf.open(info) as raw:
                    yield f"{path}!{info.filename}", io.TextIOWrapper(raw, encoding="utf-8")
        return
    with path.open(encoding="utf-8") as fh:
        yield str(path), fh


def detect_format(first_line: str) -> str | None:
    cols = first_line.rstrip("\n").split("\t")
    if len(cols) == 19 and cols[0].isdigit():
        return "geoname"
    if len(cols) == 4 and cols[3].strip().isdigit():
        if _ADMIN2_CODE.match(cols[0]):
            return "admin2"
        if _ADMIN1_CODE.match(cols[0]):
            return "admin1"
    if len(cols) in (8, 10) and cols[0].isdigit() and cols[1].isdigit():
        return "alternate"
    return None


def _rows(name: str, fh: IO[str]) -> Iterator[tuple[int, list[str]]]:
    try:
        for n, line in enumerate(fh, start=1):
            if not line.strip() or line.startswith("#"):
                continue
            yield n, line.rstrip("\n").split("\t")
    except UnicodeDecodeError as exc:
        raise GeoError("CG301", subject=name, detail=f"not UTF-8 text ({exc.reason})") from exc


class Importer:
    """Imports files into one open gazetteer; :meth:`finish` rebuilds the fuzzy index once at the end."""

    def __init__(self, gazetteer: Gazetteer):
        self.gaz = gazetteer
        self.conn = gazetteer.conn
        self.writer = GazetteerWriter(self.conn)
        self.admin1_names: dict[tuple[str, str], str] = {
            (cc, code): name
            for cc, code, name in self.conn.execute(
                "SELECT country, admin1_code, admin1 FROM place WHERE level = 1 AND admin1_code IS NOT NULL"
            )
        }
        self.imported: list[dict[str, object]] = []

    def import_file(self, path: Path) -> dict[str, int]:
        counts: Counter[str] = Counter()
        for name, fh in _members(path):
            rows = _rows(name, fh)
            first = next(rows, None)
            if first is None:
                raise GeoError("CG301", subject=name, detail="file is empty")
            fmt = detect_format("\t".join(first[1]))
            if fmt is None:
                raise _bad(name, first[0], f"not a GeoNames dump format ({len(first[1])} tab-separated columns)")
            handler = {"geoname": self._geoname, "admin1": self._admin1, "admin2": self._admin2,
                       "alternate": self._alternate}[fmt]
            try:
                for line_no, cols in _chain(first, rows):
                    counts[handler(name, line_no, cols)] += 1
                self.writer.flush()
            except BaseException:
                self.writer.discard()
                self.conn.rollback()
                raise
            self.conn.commit()
            counts[f"format:{fmt}"] += 1
        self.imported.append({"file": str(path), **counts})
        return dict(counts)

    # -- formats ---------------------------------------------------------------------------------

    def _geoname(self, name: str, n: int, c: list[str]) -> str:
        if len(c) != 19:
            raise _bad(name, n, f"expected 19 tab-separated columns, found {len(c)}")
        try:
            gid, lat, lon = int(c[0]), float(c[4]), float(c[5])
            pop = int(c[14] or 0)
        except ValueError as exc:
            raise _bad(name, n, f"bad number ({exc})") from exc
        fclass, fcode, cc, a1, a2 = c[6], c[7], c[8], c[10], c[11]
        if fclass == "A" and fcode in COUNTRY_CODES:
            level, feature = 0, "country"
        elif fclass == "A" and fcode.startswith("ADM1"):
            level, feature = 1, "province"
        elif fclass == "A" and fcode.startswith(("ADM2", "ADM3", "ADM4", "ADM5", "ADMD")):
            level, feature = 2, "district"
        elif fclass == "P":
            level = 3
            feature = "neighbourhood" if fcode == "PPLX" else feature_for_population(pop)
        else:
            level, feature = 4, CLASS_FEATURE.get(fclass, "feature")
        admin1 = self.admin1_names.get((cc, a1))
        names = [c[2], *c[3].split(",")] if c[3] else [c[2]]
        cols = dict(geonameid=gid, name=c[1], lat=lat, lon=lon, level=level, feature=feature, fcode=fcode,
                    country=cc or None, admin1_code=a1 or None, admin1=admin1 if level >= 1 else None,
                    admin2_code=a2 or None, population=pop, source="geonames-import")
        pid = self.writer.place_by_geonameid(gid)
        if pid is None and level == 1:
            pid = self._province(cc, a1)
            if pid is not None:
                cols["admin1"] = self.admin1_names.get((cc, a1), c[1])
                cols["name"] = cols["admin1"]
        if pid is None:
            if level == 1:
                self.admin1_names[(cc, a1)] = c[1]
                cols["admin1"] = c[1]
            self.writer.add_place(names, **cols)
            return "added"
        self.writer.update_place(pid, **{k: v for k, v in cols.items() if v is not None and k != "name"})
        self.writer.add_names(pid, [c[1], *names])
        return "updated"

    def _province(self, cc: str, code: str) -> int | None:
        self.writer.flush()
        row = self.conn.execute(
            "SELECT id FROM place WHERE level = 1 AND country = ? AND admin1_code = ? AND geonameid IS NULL "
            "ORDER BY population DESC LIMIT 1", (cc, code),
        ).fetchone()
        return int(row[0]) if row else None

    def _admin_row(self, name: str, n: int, c: list[str]) -> tuple[list[str], int]:
        if len(c) != 4:
            raise _bad(name, n, f"expected 4 tab-separated columns, found {len(c)}")
        try:
            return c[0].split("."), int(c[3])
        except ValueError as exc:
            raise _bad(name, n, f"bad geonameid {c[3]!r}") from exc

    def _admin1(self, name: str, n: int, c: list[str]) -> str:
        parts, gid = self._admin_row(name, n, c)
        if len(parts) != 2:
            raise _bad(name, n, f"admin1 code {c[0]!r} is not CC.ADM1")
        cc, code = parts
        pid = self.writer.place_by_geonameid(gid) or self._province(cc, code)
        if pid is not None:
            self.writer.update_place(pid, geonameid=gid, admin1_code=code)
            self.writer.add_names(pid, [c[1], c[2]])
            self.admin1_names.setdefault((cc, code), c[1])
            return "updated"
        self.admin1_names[(cc, code)] = c[1]
        self.writer.add_place([c[2]], geonameid=gid, name=c[1], level=1, feature="province", fcode="ADM1",
                              country=cc, admin1_code=code, admin1=c[1], source="geonames-import")
        return "added"

    def _admin2(self, name: str, n: int, c: list[str]) -> str:
        parts, gid = self._admin_row(name, n, c)
        if len(parts) != 3:
            raise _bad(name, n, f"admin2 code {c[0]!r} is not CC.ADM1.ADM2")
        cc, a1, a2 = parts
        admin1 = self.admin1_names.get((cc, a1))
        self.writer.flush()
        self.conn.execute(
            "UPDATE place SET admin2 = ? WHERE country = ? AND admin1_code = ? AND admin2_code = ? AND level >= 3",
            (c[1], cc, a1, a2),
        )
        pid = self.writer.place_by_geonameid(gid)
        if pid is not None:
            self.writer.update_place(pid, admin1_code=a1, admin1=admin1, admin2_code=a2, admin2=c[1], level=2,
                                     feature="district")
            self.writer.add_names(pid, [c[1], c[2]])
            return "updated"
        self.writer.add_place([c[2]], geonameid=gid, name=c[1], level=2, feature="district", fcode="ADM2",
                              country=cc, admin1_code=a1, admin1=admin1, admin2_code=a2, admin2=c[1],
                              source="geonames-import")
        return "added"

    def _alternate(self, name: str, n: int, c: list[str]) -> str:
        if len(c) not in (8, 10):
            raise _bad(name, n, f"expected 8 or 10 tab-separated columns, found {len(c)}")
        if not c[1].isdigit():
            raise _bad(name, n, f"bad geonameid {c[1]!r}")
        if c[2] in NOT_NAMES or (len(c) > 7 and c[7] == "1"):  # not a name, or a historic one
            return "skipped"
        pid = self.writer.place_by_geonameid(int(c[1]))
        if pid is None:
            return "unknown_place"
        self.writer.add_names(pid, [c[3]])
        return "names"

    def finish(self) -> None:
        previous = self.conn.execute("SELECT value FROM meta WHERE key = 'imports'").fetchone()
        imports = json.loads(previous[0]) if previous else []
        self.writer.finish({"imports": json.dumps(imports + self.imported)})
        self.gaz.clear_cache()


def _chain(first: tuple[int, list[str]], rest: Iterator[tuple[int, list[str]]]) -> Iterator[tuple[int, list[str]]]:
    yield first
    yield from rest


def import_files(gazetteer: Gazetteer, paths: list[str | Path]) -> dict[str, dict[str, int]]:
    """Import GeoNames files in order; returns counts per file. Raises CG301 on the first bad line."""
    importer = Importer(gazetteer)
    out: dict[str, dict[str, int]] = {}
    try:
        for p in paths:
            out[str(p)] = importer.import_file(Path(p))
    finally:
        importer.finish()
    return out
