"""The export filters — the same four as the API: entity, type, date range, source.

Filters select *claims*; an Extraction keeps the documents, attributions and
entities its kept claims need. With no filter every Extraction passes unchanged
(entities without claims included). Filtering never edits a claim: a kept claim
keeps all its evidence, attribution and modality.

* ``entity``: a name or alias (case-, accent-insensitive), a canonical key, the store's
  canonical id (``can_…``), a dictionary id or a per-document entity id; a claim passes when
  any entity it involves matches.
* ``type``: a PLOVER event type, a relation predicate, or an entity type (``Person``,
  ``Organization``, ``Location``, ``Agreement``, ``Group``: claims involving such an entity); case-insensitive.
  Several values: any may match.
* ``date_from``/``date_to``: YYYY[-MM[-DD]]; a claim passes when its date (value
  or interval) can overlap the range. Undated claims do not pass a date filter.
* ``source``: matches the document's outlet, path, URL, title or id, or any speaker
  of the claim's attribution chain (case-insensitive substring).
* ``modality``: asserted, denied, alleged, requested, promised, hypothetical (e.g. only
  ``asserted`` for a facts-only export).

Different filters combine with AND; the values of one filter with OR.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace

from claimgraph.errors import ExportError
from claimgraph.export.common import canonical_key, normalise_name
from claimgraph.model import MODALITIES, Claim, DateInterval, Entity, Extraction

_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


def check_date(value: str | None, name: str) -> str | None:
    if value is None or value == "":
        return None
    if not _DATE.match(value):
        raise ExportError("CG108", subject=name, detail=f"{value!r} is not YYYY, YYYY-MM or YYYY-MM-DD")
    return value


def _lo(value: str) -> str:
    return value + "-01-01"[len(value) - 4:] if len(value) < 10 else value


def _hi(value: str) -> str:
    return value + "-12-31"[len(value) - 4:] if len(value) < 10 else value


@dataclass(frozen=True)
class ExportFilters:
    entity: tuple[str, ...] = ()
    type: tuple[str, ...] = ()
    date_from: str | None = None
    date_to: str | None = None
    source: tuple[str, ...] = field(default=())
    modality: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        check_date(self.date_from, "--date-from")
        check_date(self.date_to, "--date-to")
        for m in self.modality:
            if m.casefold() not in MODALITIES:
                raise ExportError("CG602", subject="--modality", detail=f"{m!r}; one of {', '.join(MODALITIES)}")

    @property
    def active(self) -> bool:
        return bool(self.entity or self.type or self.date_from or self.date_to or self.source or self.modality)

    def _date_ok(self, date: DateInterval | None) -> bool:
        if not (self.date_from or self.date_to):
            return True
        if date is None:
            return False
        start = date.value or date.after
        end = date.value or date.before
        if start is None and end is None:
            return False
        if self.date_to and start and _lo(start) > _hi(self.date_to):
            return False
        if self.date_from and end and _hi(end) < _lo(self.date_from):
            return False
        return True

    def _entity_ok(self, claim: Claim, entities: dict[str, Entity]) -> bool:
        if not self.entity:
            return True
        wanted = {normalise_name(e) for e in self.entity} | set(self.entity)
        ids = [claim.subject, claim.object, claim.location, claim.origin, *claim.sources, *claim.targets]
        for eid in ids:
            ent = entities.get(eid or "")
            if ent is None:
                continue
            forms = {normalise_name(a) for a in [ent.name, *ent.aliases]} | {ent.id, canonical_key(ent)}
            forms |= {v for k, v in ent.external_ids.items() if k in ("canonical", "dictionary")}
            if forms & wanted:
                return True
        return False

    def _source_ok(self, claim: Claim, x: Extraction) -> bool:
        if not self.source:
            return True
        doc = x.document
        hay = [doc.outlet, doc.path, doc.url, doc.title, doc.id]
        att = x.attribution(claim.attribution)
        if att is not None:
            hay += [s.text for s in att.chain]
        hay_l = [h.casefold() for h in hay if h]
        return any(s.casefold() in h for s in self.source for h in hay_l)

    def _type_ok(self, claim: Claim, entities: dict[str, Entity]) -> bool:
        if not self.type:
            return True
        types = {t.casefold() for t in self.type}
        if claim.predicate.casefold() in types:
            return True
        involved = [claim.subject, claim.object, claim.location, claim.origin, *claim.sources, *claim.targets]
        return any(e.type.casefold() in types for e in (entities.get(i or "") for i in involved) if e is not None)

    def keep(self, claim: Claim, x: Extraction, entities: dict[str, Entity]) -> bool:
        if self.modality and claim.modality not in {m.casefold() for m in self.modality}:
            return False
        return (self._type_ok(claim, entities) and self._date_ok(claim.date) and self._entity_ok(claim, entities)
                and self._source_ok(claim, x))


def filter_extraction(x: Extraction, filters: ExportFilters) -> Extraction | None:
    """The part of ``x`` that passes; None when no claim does (and a filter is active)."""
    if not filters.active:
        return x
    entities = {e.id: e for e in x.entities}
    claims = [c for c in x.claims if filters.keep(c, x, entities)]
    if not claims:
        return None
    needed: set[str] = set()
    atts = {c.attribution for c in claims if c.attribution}
    for c in claims:
        needed.update(i for i in (c.subject, c.object, c.location, c.origin, *c.sources, *c.targets) if i)
    for a in x.attributions:
        if a.id in atts:
            needed.update(s.entity_id for s in a.chain if s.entity_id)
    for e in list(x.entities):
        if e.id in needed and e.place is not None and e.place.parent:
            needed.add(e.place.parent)
    kept_ids = {c.id for c in claims}
    return replace(
        x,
        entities=[e for e in x.entities if e.id in needed],
        mentions=[m for m in x.mentions if m.entity_id in needed],
        attributions=[a for a in x.attributions if a.id in atts],
        claims=claims,
        contradictions=[k for k in x.contradictions if set(k.claims_for + k.claims_against) & kept_ids],
    )


def apply_filters(extractions: Iterable[Extraction], filters: ExportFilters) -> Iterator[Extraction]:
    for x in extractions:
        kept = filter_extraction(x, filters)
        if kept is not None:
            yield kept
