"""Candidate ranking: which of the places a name may denote is the one the text means.

Evidence, strongest first: an explicitly mentioned parent ("Konduga district in
Borno"), the admin word written with the name ("Borno State" wants a
province, "Bama District" a district or its seat), the document's country and
province focus (what the other toponyms resolve to), the size of the place
(countries and provinces before villages, population among towns) and how well
the name matches (exact, alternate name, transliteration skeleton, fuzzy).

The weights are few and documented here; they were set by reading errors on
the visible GeoWebNews/GeoVirus sets, not by fitting.
"""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache

from claimgraph.geo.gazetteer import Candidate, GazEntry
from claimgraph.geo.names import admin_words, strip_leading, vocabulary

#: prior by level when the text gives no admin word (a bare "Logar" is the province, "Kabul" the city)
LEVEL_PRIOR = {0: 3.0, 1: 1.2, 2: -0.3, 3: 0.0, 4: -0.5}
#: how a written admin word's level fits a candidate's level: (wanted, got) -> bonus
KIND_FIT = {
    (0, 0): 2.5, (0, 1): -1.0, (0, 2): -1.5, (0, 3): -1.5,
    (1, 1): 2.5, (1, 0): -1.0, (1, 2): 0.0, (1, 3): -0.4,
    (2, 2): 2.5, (2, 3): 1.8, (2, 1): -0.5, (2, 0): -1.5,
    (3, 3): 1.0, (3, 2): 0.6, (3, 1): -0.3, (3, 0): -1.5,
}
#: name scores below this are too weak to resolve on, unless the parent or the focus agrees
MIN_NAME_SCORE = 0.92
#: how much a tenfold population weighs among candidates of the level the text asks for. Raised from 0.3
#: after reading namesake errors (a 1,000-people village in a mentioned country beat a 77,000-people town
#: abroad); of the two values tried on the visible GeoWebNews/GeoVirus sets, 0.4 and 0.5, 0.4 did better
POP_WEIGHT = 0.4
#: a candidate this close to another name's likely place gains (co-mentioned places cluster)
NEAR_KM = 250.0
#: below this population a town abroad, in a country the text never mentions, is a namesake, not a resolution
SMALL_PLACE = 15_000
#: a candidate in an unmentioned country this close to a mentioned country's centre gains as if it were
#: mentioned ("Gaza" in a text about Israel); a big country's centre is far from its neighbours, so this
#: only ever helps the neighbours of small countries
ANCHOR_KM = 100.0
ANCHOR_BONUS = 1.5
#: a city this big in a country the text mentions outranks a namesake province or country abroad
BIG_CITY = 100_000
#: taken off a candidate abroad when another candidate of the name lies beside a mentioned country
FOREIGN_PENALTY = 1.5


@dataclass
class Focus:
    """Where the document is: country and province weights from its other toponyms."""

    countries: Counter[str] = field(default_factory=Counter)
    admin1: Counter[tuple[str, str]] = field(default_factory=Counter)
    #: points of the other names' likely places (towns and districts only: a country centroid says little)
    points: list[tuple[float, float]] = field(default_factory=list)
    #: centres of the countries the other names resolve to
    anchors: list[tuple[float, float]] = field(default_factory=list)

    def near(self, entry: GazEntry, km: float = NEAR_KM, anchors: bool = False) -> bool:
        pts = self.anchors if anchors else self.points
        if not entry.has_point or not pts:
            return False
        lat, lon = float(entry.lat), float(entry.lon)  # type: ignore[arg-type]
        coslat = math.cos(math.radians(lat))
        for plat, plon in pts:
            dx = (lon - plon) * coslat * 111.32
            dy = (lat - plat) * 110.57
            if dx * dx + dy * dy <= km * km:
                return True
        return False

    def country_share(self, cc: str | None) -> float:
        total = sum(self.countries.values())
        return self.countries[cc] / (total + 1) if cc else 0.0

    def admin1_share(self, cc: str | None, a1: str | None) -> float:
        total = sum(self.admin1.values())
        return self.admin1[(cc or "", a1 or "")] / (total + 1) if a1 else 0.0


def wanted_level(kind: str | None) -> int | None:
    if kind is None:
        return None
    for spec in admin_words().values():
        if spec["kind"] == kind:
            return int(spec["level"])
    return {"country": 0, "province": 1, "district": 2}.get(kind, 3)


def inside(entry: GazEntry, parent: GazEntry) -> bool:
    """True when ``entry`` lies in ``parent`` by the admin names both carry."""
    if parent.country and entry.country != parent.country:
        return False
    if parent.level == 0:
        return True
    if parent.level == 1:
        return bool(entry.admin1) and (entry.admin1 == parent.admin1 or entry.admin1_code == parent.admin1_code is not None)
    if parent.level == 2:
        return bool(entry.admin2) and entry.admin2 == parent.admin2
    return False


def score(cand: Candidate, kind: str | None, parent: GazEntry | None, focus: Focus) -> float:
    e = cand.entry
    s = 3.0 + 6.0 * (cand.name_score - 1.0)  # exact 3, alternate name 2.7, good skeleton ~2.3
    want = wanted_level(kind)
    level = min(e.level, 4)
    s += KIND_FIT.get((want, level), -0.5) if want is not None else LEVEL_PRIOR.get(level, 0.0)
    fits = want is None or (want >= 3 and e.level >= 3) or want == e.level
    if fits:  # size speaks only among places of the level the text asks for
        s += POP_WEIGHT * math.log10(e.population + 1)
    if e.fcode == "PPLC" and fits:
        s += 1.0  # a national capital is the usual referent of its name ("London", "Kabul")
    if parent is not None:
        s += 3.0 if inside(e, parent) else -1.5
    s += 1.5 * focus.country_share(e.country)
    if e.level >= 1 and not focus.country_share(e.country) and focus.near(e, ANCHOR_KM, anchors=True):
        s += ANCHOR_BONUS
    if e.level >= 2:
        s += 0.7 * focus.admin1_share(e.country, e.admin1)
        if cand.name_score >= 0.9 and focus.near(e):
            s += 1.0
    if cand.name_score < MIN_NAME_SCORE and focus.countries and not focus.country_share(e.country):
        s -= 1.5  # a spelling variant is plausible only where the text is
    if not e.has_point:
        s -= 0.3
    return s


def rank(
    candidates: tuple[Candidate, ...], kind: str | None, parent: GazEntry | None, focus: Focus
) -> list[tuple[float, Candidate]]:
    """Candidates with their scores, best first."""
    scored = [(score(c, kind, parent, focus), c) for c in candidates]
    if focus.anchors:
        # a name several countries share means the one beside a country the text mentions, all that
        # country's entries of the name alike ("Gaza" with Israel: Palestine's, not Mozambique's province)
        beside = {c.entry.country for c in candidates if c.entry.country and c.name_score >= 0.95
                  and not focus.country_share(c.entry.country) and focus.near(c.entry, ANCHOR_KM, anchors=True)}
        if beside:
            scored = [(s if c.entry.country in beside or focus.country_share(c.entry.country) else s - FOREIGN_PENALTY,
                       c) for s, c in scored]
    # a country or province abroad is not meant when the name also denotes a province or a big city in a
    # country the text is about ("Georgia" among US states; "Gaza" with Israel and Egypt, not Mozambique's)
    home = {c.entry.country for c in candidates if c.name_score >= 0.95 and focus.country_share(c.entry.country)
            and (c.entry.level == 1 or c.entry.population >= BIG_CITY)}
    if home:
        scored = [(s - FOREIGN_PENALTY if c.entry.level <= 1 and not focus.country_share(c.entry.country) else s, c)
                  for s, c in scored]
    if wanted_level(kind) is None:
        # a bare name shared by a province and its namesake capital means the city ("Kabul", "Borno"),
        # and one shared by a province and its country's capital means the capital ("Washington")
        named = [c for c in candidates if c.match in ("exact", "alias") and c.entry.level == 3]
        capitals = {(c.entry.country, c.entry.admin1) for c in named if c.entry.population >= 10_000}
        national = {c.entry.country for c in named if c.entry.fcode == "PPLC"}
        scored = [(s - 1.5 if c.entry.level == 1 and ((c.entry.country, c.entry.admin1) in capitals
                                                     or c.entry.country in national) else s, c)
                  for s, c in scored]
    scored.sort(key=lambda sc: (-sc[0], -sc[1].entry.population, sc[1].entry.id))
    return scored


def supported(cand: Candidate, parent: GazEntry | None, focus: Focus) -> bool:
    """A weak name match is accepted only when the text's geography agrees with it."""
    ns, e = cand.name_score, cand.entry
    if ns >= MIN_NAME_SCORE:
        return True
    if parent is not None and inside(e, parent):
        return ns >= 0.75
    if e.level <= 2 and focus.country_share(e.country) > 0:
        return ns >= 0.85
    return focus.admin1_share(e.country, e.admin1) > 0 and ns >= 0.85


def far_fetched(cand: Candidate, focus: Focus, kind: str | None = None) -> bool:
    """A small town or a neighbourhood abroad, while the text is about somewhere else, is a guess; so is
    any town abroad for a name written as a province ("Nyanza province" in a text about Kenya is not the
    Rwandan town: the gazetteer lacks the province, and the town is only its namesake). A district's
    namesake town is not ruled out so: districts split by a border share their seat's name."""
    e = cand.entry
    want = wanted_level(kind)
    small = e.population < SMALL_PLACE or e.feature == "neighbourhood" or want == 1
    return (e.level >= 3 and small and bool(focus.countries) and not focus.country_share(e.country)
            and not focus.near(e, ANCHOR_KM, anchors=True))


@lru_cache(maxsize=1)
def _macro_regions() -> frozenset[str]:
    return frozenset(strip_leading(n) for n in vocabulary().get("macro_regions", []))


def macro_region(text: str) -> bool:
    """True for a region, sea or ocean name ("the Middle East", "Pacific"; data/geo_names.yaml macro_regions)."""
    return strip_leading(text) in _macro_regions()


def region_candidate(cand: Candidate, focus: Focus | None) -> bool:
    """Whether a region name may denote this entry: a continent or other non-populated feature of the
    name; an admin area of exactly that name only in a country the text mentions ("Pacific" is not
    Pacific County); never a populated place."""
    e = cand.entry
    if e.level == 3 or cand.match != "exact":
        return False
    if e.level >= 4 or e.country is None:
        return True
    return focus is None or focus.country_share(e.country) > 0
