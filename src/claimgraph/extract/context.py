"""The per-document working state that extraction stages pass along.

Stages run in order (see :func:`claimgraph.extract.extract_document`): each
reads what earlier stages put here and adds its own records. Stages never
reach into each other's modules; they share only this context and the model.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from claimgraph.model import Attribution, Claim, Contradiction, Document, Entity, Mention

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from claimgraph.extract.dates import DateFinder


@dataclass
class DocContext:
    document: Document
    sdoc: Doc
    gazetteer: Any | None = None  # claimgraph.geo.gazetteer.Gazetteer when available
    mentions: list[Mention] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)
    attributions: list[Attribution] = field(default_factory=list)
    #: (scope_start, scope_end, attribution_id) — which text each attribution covers
    attribution_scopes: list[tuple[int, int, str]] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)
    contradictions: list[Contradiction] = field(default_factory=list)
    #: default attribution: the outlet speaking in its own voice
    outlet_attribution: str | None = None
    #: the admin-phrase toponym spans of the document (geo.toponyms.toponym_spans), set by the entity stage
    toponym_spans: list[Any] | None = None

    #: lookup caches (stages append to the lists and may re-id entities, so every hit is checked)
    _by_id: dict[str, Entity] = field(default_factory=dict, repr=False, compare=False)
    _by_id_of: tuple[int, int] = field(default=(0, -1), repr=False, compare=False)
    _bounds: list[tuple[int, int]] | None = field(default=None, repr=False, compare=False)
    _dates: DateFinder | None = field(default=None, repr=False, compare=False)

    def date_finder(self) -> DateFinder:
        """The document's :class:`~claimgraph.extract.dates.DateFinder` (date mentions and episodes parsed
        once, shared by the relation and event stages; it reads only the parse and the publication date)."""
        if self._dates is None:
            from claimgraph.extract.dates import DateFinder

            self._dates = DateFinder(self)
        return self._dates

    def entity(self, entity_id: str | None) -> Entity | None:
        """The entity with this id; an index rebuilt when the list has grown, been replaced, or the hit is stale."""
        if entity_id is None:
            return None
        hit = self._by_id.get(entity_id)
        if hit is not None and hit.id == entity_id and self._by_id_of == (id(self.entities), len(self.entities)):
            return hit
        self._by_id = {e.id: e for e in self.entities}
        self._by_id_of = (id(self.entities), len(self.entities))
        return self._by_id.get(entity_id)

    def mention_at(self, start: int, end: int) -> Mention | None:
        """The longest entity-linked mention overlapping [start, end)."""
        best: Mention | None = None
        for m in self.mentions:
            if m.entity_id and m.start < end and start < m.end:
                if best is None or (m.end - m.start) > (best.end - best.start):
                    best = m
        return best

    def entity_at(self, start: int, end: int) -> Entity | None:
        m = self.mention_at(start, end)
        return self.entity(m.entity_id) if m else None

    def attribution_for(self, start: int, end: int) -> str | None:
        """The innermost attribution whose scope covers [start, end), else the outlet's."""
        best: tuple[int, str] | None = None
        for s, e, aid in self.attribution_scopes:
            if s <= start and end <= e:
                width = e - s
                if best is None or width < best[0]:
                    best = (width, aid)
        return best[1] if best else self.outlet_attribution

    def sentence_bounds(self) -> list[tuple[int, int]]:
        """Character bounds of every sentence (the parse never changes, so computed once)."""
        if self._bounds is None:
            self._bounds = [(s.start_char, s.end_char) for s in self.sdoc.sents]
        return self._bounds

    def sentence_of(self, char: int) -> tuple[int, int] | None:
        bounds = self.sentence_bounds()
        starts = [b[0] for b in bounds]
        i = bisect.bisect_right(starts, char) - 1
        if 0 <= i < len(bounds) and bounds[i][0] <= char < bounds[i][1]:
            return bounds[i]
        return None
