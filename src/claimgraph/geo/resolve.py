"""Place resolution: a :class:`~claimgraph.model.Place` for every Location entity.

Two entry points:

* :func:`resolve_places` — the extraction stage: reads the Location entities of
  a :class:`DocContext`, finds their written parents ("Konduga district in
  Borno") and sets ``entity.place``.
* :func:`resolve_toponyms` — the same resolution on plain :class:`Toponym`
  records, used by the geoparsing evaluation and anything without a context.

Resolution runs in three steps: look up candidates for each name; guess each
name's place from priors alone and let those guesses vote for the document's
country and province focus; then rank again with the parent (resolved first)
and the focus of the *other* names. A place that cannot be resolved gets
``resolved=False`` and a reason — never a guessed point — but keeps the country
and province its written parent implies.
"""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from claimgraph.geo.gazetteer import Candidate, GazEntry, Gazetteer
from claimgraph.geo.names import norm, skeleton, split_admin
from claimgraph.geo.rank import (
    Focus, far_fetched, inside, macro_region, rank, region_candidate, supported, wanted_level,
)
from claimgraph.model import Place

if TYPE_CHECKING:
    from claimgraph.extract.context import DocContext


@dataclass
class Toponym:
    """One place name of a document to resolve (all mentions of one entity, or one span)."""

    key: str
    text: str  # the surface form to look up; an admin word in it ("Borno State") sets the kind
    kind: str | None = None  # province | district | city | town | area | country | ...
    parent_key: str | None = None
    weight: int = 1  # number of mentions, for the focus vote


@dataclass
class _Choice:
    candidate: Candidate
    score: float
    margin: float


def _kind_of(toponym: Toponym, gaz: Gazetteer | None = None) -> str | None:
    if toponym.kind in ("province", "district", "city", "town", "village", "area", "country", "neighbourhood"):
        return toponym.kind
    _core, word = split_admin(toponym.text)
    if not word:
        return None
    from claimgraph.geo.names import admin_words

    spec = admin_words()[word]
    if gaz is not None:
        levels = gaz.name_levels(toponym.text)
        if levels and int(spec["level"]) not in levels and (int(spec["level"]) != 2 or 3 not in levels):
            return None  # "United States", "Mexico City": the admin word is part of the name
    return str(spec["kind"])


def _far_apart(a: GazEntry, b: GazEntry, km: float = 50.0) -> bool:
    if not (a.has_point and b.has_point):
        return a.id != b.id
    return haversine_km(a.lat, a.lon, b.lat, b.lon) > km  # type: ignore[arg-type]


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in kilometres."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0088 * math.asin(min(1.0, math.sqrt(a)))


def _choose(cands: tuple[Candidate, ...], kind: str | None, parent: GazEntry | None, focus: Focus) -> _Choice | None:
    ranked = rank(cands, kind, parent, focus)
    if not ranked:
        return None
    best_score, best = ranked[0]
    rival = next((s for s, c in ranked[1:] if _far_apart(c.entry, best.entry)), None)
    margin = best_score - rival if rival is not None else 4.0
    return _Choice(best, best_score, margin)


def _seat_of(gaz: Gazetteer, entry: GazEntry) -> GazEntry | None:
    """A coordinate-less admin area's seat: a place of the same name in the same country and province."""
    if not entry.country:
        return None
    rows = gaz.entries(
        "country = ? AND lat IS NOT NULL AND level >= 2 AND (admin1_code IS ? OR admin1 IS ?)",
        (entry.country, entry.admin1_code, entry.admin1),
    )
    core = skeleton(split_admin(entry.name)[0])
    same = [r for r in rows if skeleton(split_admin(r.name)[0]) == core and r.id != entry.id]
    return max(same, key=lambda r: (r.level == 3, r.population), default=None)


def _unresolved(reason: str, parent_place: Place | None, parent_key: str | None) -> Place:
    place = Place(resolved=False, reason=reason, parent=parent_key)
    if parent_place is not None and parent_place.country:
        place.country = parent_place.country
        place.admin1 = parent_place.admin1
        where = parent_place.admin1 or parent_place.gazetteer_name or parent_place.country
        place.reason = f"{reason}; the text places it in {where}"
    return place


def _place(gaz: Gazetteer, t: Toponym, choice: _Choice, parent: GazEntry | None, focus: Focus,
           parent_place: Place | None) -> Place:
    e = choice.candidate.entry
    kind = _kind_of(t, gaz)
    want = wanted_level(kind)
    method = [f"gazetteer:{choice.candidate.match}"]
    if parent is not None:
        method.append("parent")
    if focus.country_share(e.country) > 0:
        method.append("focus")
    reason = None
    point = e
    feature = e.feature
    if want == 2 and e.level >= 3:
        feature = "district"
        reason = f"district resolved to its administrative centre ({e.name}); no polygon or centroid available"
        method.append("admin-centre")
    elif e.level == 2 and (e.fcode or "").endswith(":mean"):
        reason = "district resolved to the mean position of its towns; no polygon or centroid available"
    elif e.level == 2 and (e.fcode or "").endswith(":seat"):
        reason = "district resolved to its administrative centre; no polygon or centroid available"
        method.append("admin-centre")
    elif e.level == 1:
        reason = "province resolved to its centroid"
    if not e.has_point:
        seat = _seat_of(gaz, e)
        if seat is None:
            where = f"{e.admin1}, {e.country}" if e.admin1 and e.level >= 2 else e.country
            return Place(
                resolved=False, country=e.country, admin1=e.admin1 if e.level >= 1 else None,
                admin2=e.admin2 if e.level >= 2 else None, feature=e.feature, geonameid=e.geonameid,
                gazetteer_name=e.name, method="+".join(method), parent=t.parent_key,
                reason=f"'{e.name}' ({e.feature} in {where}) is in the gazetteer without coordinates "
                       "or an administrative centre of the same name",
            )
        point = seat
        reason = f"{e.feature} resolved to its administrative centre ({seat.name}); no polygon or centroid available"
        method.append("admin-centre")
    confidence = choice.candidate.name_score / (1.0 + math.exp(-(choice.margin - 0.5)))
    return Place(
        resolved=True, lat=point.lat, lon=point.lon, country=e.country,
        admin1=e.admin1 if e.level >= 1 else None, admin2=e.admin2 if e.level >= 2 else None,
        feature=feature, geonameid=e.geonameid, gazetteer_name=e.name, method="+".join(method),
        confidence=round(min(0.99, confidence), 3), reason=reason, parent=t.parent_key,
    )


def _order(toponyms: list[Toponym]) -> list[Toponym]:
    """Parents before children (a cycle or a missing parent is simply ignored)."""
    by_key = {t.key: t for t in toponyms}
    done: set[str] = set()
    out: list[Toponym] = []

    def visit(t: Toponym, path: set[str]) -> None:
        if t.key in done or t.key in path:
            return
        if t.parent_key and t.parent_key in by_key:
            visit(by_key[t.parent_key], path | {t.key})
        done.add(t.key)
        out.append(t)

    for t in toponyms:
        visit(t, set())
    return out


def resolve_toponyms(gaz: Gazetteer, toponyms: list[Toponym]) -> dict[str, Place]:
    """A Place for every toponym key (resolved, or unresolved with a reason)."""
    cands = {t.key: gaz.candidates(t.text) for t in toponyms}
    regions = {t.key for t in toponyms if macro_region(t.text)}
    # 1. prior-only guesses vote for the document's focus (a region name does not vote)
    votes: dict[str, tuple[Counter[str], Counter[tuple[str, str]]]] = {}
    points: dict[str, tuple[float, float]] = {}
    anchors: dict[str, tuple[float, float]] = {}
    focus = Focus()
    for t in toponyms:
        choice = None if t.key in regions else _choose(cands[t.key], _kind_of(t, gaz), None, Focus())
        c_votes: Counter[str] = Counter()
        a_votes: Counter[tuple[str, str]] = Counter()
        if choice is not None and choice.candidate.name_score >= 0.95 and choice.margin > 0.5:
            e = choice.candidate.entry
            if e.country:
                c_votes[e.country] += t.weight * (2 if e.level == 0 else 1)
            if e.level >= 1 and e.admin1:
                a_votes[(e.country or "", e.admin1)] += t.weight
            if e.level >= 2 and e.has_point:
                points[t.key] = (float(e.lat), float(e.lon))  # type: ignore[arg-type]
            if e.level == 0 and e.has_point:
                anchors[t.key] = (float(e.lat), float(e.lon))  # type: ignore[arg-type]
        votes[t.key] = (c_votes, a_votes)
        focus.countries.update(c_votes)
        focus.admin1.update(a_votes)
    # 2. rank with parents and the others' focus
    out: dict[str, Place] = {}
    chosen: dict[str, GazEntry] = {}
    children: dict[str, list[str]] = {}
    for t in toponyms:
        if t.parent_key:
            children.setdefault(t.parent_key, []).append(t.key)
    for t in _order(toponyms):
        own_c, own_a = votes[t.key]
        others = Focus(focus.countries - own_c, focus.admin1 - own_a,
                       [p for k, p in points.items() if k != t.key], [p for k, p in anchors.items() if k != t.key])
        parent = chosen.get(t.parent_key or "")
        parent_place = out.get(t.parent_key or "")
        own = cands[t.key]
        if parent is None:  # a parent that has its own written parent is placed by that one
            own = _holding_children(own, [cands[k] for k in children.get(t.key, [])])
        if parent is not None and _not_a_child(own, _kind_of(t, gaz), parent):
            parent = parent_place = None  # "China, Indonesia": a list, not a place and its parent
        if t.key in regions:
            own = tuple(c for c in own if region_candidate(c, others))
            if not own:
                out[t.key] = _unresolved(f"'{t.text}' is a region/sea not in the packaged gazetteer",
                                         parent_place, t.parent_key)
                continue
        choice = _choose(own, _kind_of(t, gaz), parent, others)
        if choice is None:
            out[t.key] = _unresolved(f"no gazetteer entry matches '{t.text}'", parent_place, t.parent_key)
            continue
        if parent is not None and not inside(choice.candidate.entry, parent):
            out[t.key] = _unresolved(
                f"no place called '{t.text}' in the gazetteer lies in {parent.name}", parent_place, t.parent_key
            )
            continue
        if parent is None and far_fetched(choice.candidate, others, _kind_of(t, gaz)):
            e = choice.candidate.entry
            out[t.key] = _unresolved(
                f"best match rejected: '{e.name}' ({e.country}, population {e.population}) is a small place "
                "outside the countries the text is about",
                parent_place, t.parent_key,
            )
            continue
        if not supported(choice.candidate, parent, others):
            e = choice.candidate.entry
            out[t.key] = _unresolved(
                f"only weak name matches in the gazetteer (best: '{e.name}', {e.country})", parent_place, t.parent_key
            )
            continue
        place = _place(gaz, t, choice, parent, others, parent_place)
        out[t.key] = place
        if place.resolved:
            chosen[t.key] = choice.candidate.entry
    return out


def _holding_children(own: tuple[Candidate, ...], kids: list[tuple[Candidate, ...]]) -> tuple[Candidate, ...]:
    """A written parent's candidates that hold a place of its child's name ("Atlanta, Georgia": the US
    state, not the country), or all of them when none does."""
    if not kids:
        return own
    named = [c.entry for k in kids for c in k if c.match in ("exact", "alias")]
    holding = tuple(c for c in own if c.entry.level <= 2 and any(inside(e, c.entry) for e in named if e.id != c.entry.id))
    return holding or own


def _not_a_child(own: tuple[Candidate, ...], kind: str | None, parent: GazEntry) -> bool:
    """True when no candidate lies in the written parent and the name's own best place is as large as the
    parent or larger and in another country (a country beside a country, a city beside a foreign city):
    the two names were only listed together. A name written as a smaller unit ("X district" under a
    province) is always a child, resolved inside its parent or not at all."""
    want = wanted_level(kind)
    if (want is not None and want > parent.level) or any(inside(c.entry, parent) for c in own):
        return False
    choice = _choose(own, kind, None, Focus())
    if choice is None or choice.candidate.match not in ("exact", "alias"):
        return False
    e = choice.candidate.entry
    return e.level <= parent.level and e.country != parent.country


# -- the extraction stage -------------------------------------------------------------------------


def _entity_toponyms(ctx: DocContext) -> list[Toponym]:
    from claimgraph.geo.toponyms import toponym_spans

    locations = [e for e in ctx.entities if e.type == "Location"]
    parents: dict[str, str] = {}
    if locations:
        spans = ctx.toponym_spans if ctx.toponym_spans is not None else toponym_spans(ctx.sdoc, ctx.gazetteer)
        for i, sp in enumerate(spans):
            if not sp.parent_text:
                continue
            child = ctx.entity_at(sp.start, sp.end)
            ptext = next((p for p in spans[i + 1 :] if p.text == sp.parent_text), None)
            parent = ctx.entity_at(ptext.start, ptext.end) if ptext else None
            if child is not None and parent is not None and child.id != parent.id and parent.type == "Location":
                parents.setdefault(child.id, parent.id)
    out = []
    for e in locations:
        forms = [e.name, *e.aliases]
        with_word = next((f for f in forms if split_admin(f)[1]), None)
        out.append(Toponym(key=e.id, text=with_word or e.name, kind=e.kind, parent_key=parents.get(e.id),
                           weight=max(1, len(e.mentions))))
    return out


def resolve_places(ctx: DocContext) -> None:
    """Set ``entity.place`` on every Location entity of the context."""
    gaz = ctx.gazetteer
    toponyms = _entity_toponyms(ctx)
    if gaz is None:
        for e in ctx.entities:
            if e.type == "Location" and e.place is None:
                e.place = Place(resolved=False, reason="no gazetteer available")
        return
    places = resolve_toponyms(gaz, toponyms)
    for e in ctx.entities:
        if e.id in places and e.place is None:
            e.place = places[e.id]


def province_of(place: Place | None) -> str | None:
    """The first-order admin area (province/state) of a place, resolved or implied by its parent."""
    if place is None:
        return None
    return place.admin1


def same_name(a: str, b: str) -> bool:
    """Two spellings of one place name (``Paktya``/``Paktia``, ``Sar-e Pul``/``Sar-e Pol``)."""
    return norm(a) == norm(b) or skeleton(a) == skeleton(b)


def place_summary(place: Place) -> dict[str, Any]:
    return {k: v for k, v in place.to_dict().items() if v not in (None, "")}
