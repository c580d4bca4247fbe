"""Event place versus mentioned place: where did the thing at [start, end) happen?

"Pakistan's airstrikes on its militants in April 2022 in Bama District, Borno
Province" happened in Bama, not in Pakistan: Pakistan is the actor. The rules,
in order of weight (all general, none about particular places):

* only Location mentions in the trigger's sentence are candidates;
* a mention followed by a possessive ("Pakistan's") is an actor, not a place;
* a mention after a locative preposition ("in", "at", "near", ...) is a place;
* the most specific place wins (town/district over province over country), and
  a place that is the written parent of another candidate yields to the child;
* nearer to the trigger beats farther (a weak tie-breaker).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from claimgraph.model import Entity

if TYPE_CHECKING:
    from claimgraph.extract.context import DocContext

_LOCATIVE = re.compile(r"\b(?:in|at|near|inside|outside|on|across|into|around|within|from)\s+(?:the\s+)?$", re.I)
_POSSESSIVE = re.compile(r"^(?:'s|’s|')\b")
SPECIFICITY = {"country": 0.0, "continent": -0.5, "province": 1.0, "district": 1.5, "area": 1.8, "town": 1.8,
               "city": 1.6, "village": 1.9, "neighbourhood": 2.0}


def _specificity(entity: Entity) -> float:
    kind = entity.kind or (entity.place.feature if entity.place else None)
    return SPECIFICITY.get(kind or "", 1.2)


def nearest_place_entity(ctx: DocContext, start: int, end: int) -> Entity | None:
    """The Location entity where the event whose trigger spans [start, end) took place, or None."""
    sentence = ctx.sentence_of(start) or (max(0, start - 200), min(len(ctx.document.text), end + 200))
    text = ctx.document.text
    locations = {e.id: e for e in ctx.entities if e.type == "Location"}
    parents = {e.place.parent for e in locations.values() if e.place and e.place.parent}
    best: tuple[float, Entity] | None = None
    for m in ctx.mentions:
        entity = locations.get(m.entity_id or "")
        if entity is None or not (sentence[0] <= m.start and m.end <= sentence[1]):
            continue
        if _POSSESSIVE.match(text[m.end : m.end + 3]):
            continue
        score = _specificity(entity)
        if _LOCATIVE.search(text[max(sentence[0], m.start - 20) : m.start]):
            score += 2.0
        if entity.id in parents and any(
            p.place and p.place.parent == entity.id and any(sentence[0] <= s and e <= sentence[1] for s, e in p.mentions)
            for p in locations.values()
        ):
            score -= 1.0
        distance = m.start - end if m.start >= end else start - m.end
        score -= max(0, distance) / 200.0
        if best is None or score > best[0]:
            best = (score, entity)
    return best[1] if best else None
