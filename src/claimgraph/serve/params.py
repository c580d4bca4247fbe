"""Validated request parameters shared by the API and the UI routes.

Every value a user can send is typed and bounded here (enums, patterns,
lengths, ranges), so a bad one is a 422 with code CG701 before any query runs.
"""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import Query

from claimgraph.serve.facts import FactFilters
from claimgraph.serve.queries import Filters, Page

DATE_PATTERN = r"^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$"
TYPE_PATTERN = r"^[A-Za-z_]{1,40}$"
MAX_OFFSET = 1_000_000

EntityTypeParam = Literal["Person", "Organization", "Location", "Agreement", "Group"]
ModalityParam = Literal["asserted", "denied", "alleged", "requested", "promised", "hypothetical"]
KindParam = Literal["relation", "event"]
FormatParam = Literal["html", "json"]

Text = Annotated[str | None, Query(max_length=200, description="text to look for")]
Actor = Annotated[
    str | None, Query(max_length=200, description="an actor: entity id, canonical id, or part of a name or alias")
]
PlaceQ = Annotated[
    str | None, Query(max_length=200, description="a place: entity id, canonical id, or part of a name or alias")
]
Source = Annotated[str | None, Query(max_length=200, description="part of the outlet, path or URL of the source document")]
DocumentQ = Annotated[str | None, Query(max_length=100, description="exact document id")]
DateFrom = Annotated[str | None, Query(pattern=DATE_PATTERN, description="earliest date, YYYY[-MM[-DD]] (overlap)")]
DateTo = Annotated[str | None, Query(pattern=DATE_PATTERN, description="latest date, YYYY[-MM[-DD]] (overlap)")]
ClaimType = Annotated[
    str | None, Query(pattern=TYPE_PATTERN, description="relation predicate (leader_of…) or PLOVER event type (ASSAULT…)")
]
Format = Annotated[FormatParam | None, Query(description="json for the page's JSON twin (or send Accept: application/json)")]


def page_params(
    limit: Annotated[int, Query(ge=1, le=500, description="items per page")] = 50,
    offset: Annotated[int, Query(ge=0, le=MAX_OFFSET, description="items to skip")] = 0,
) -> Page:
    return Page(limit=limit, offset=offset)


def claim_filters(
    q: Text = None,
    kind: Annotated[KindParam | None, Query(description="relation or event")] = None,
    type: ClaimType = None,  # noqa: A002 - the API's parameter name
    actor: Actor = None,
    place: PlaceQ = None,
    modality: Annotated[ModalityParam | None, Query(description="how the claim is stated")] = None,
    source: Source = None,
    document: DocumentQ = None,
    date_from: DateFrom = None,
    date_to: DateTo = None,
) -> Filters:
    return Filters(q=q, kind=kind, type=type, actor=actor, place=place, modality=modality, source=source,
                   document=document, date_from=date_from, date_to=date_to)


def event_filters(
    q: Text = None,
    type: ClaimType = None,  # noqa: A002
    actor: Actor = None,
    place: PlaceQ = None,
    modality: Annotated[ModalityParam | None, Query(description="how the event is stated")] = None,
    source: Source = None,
    document: DocumentQ = None,
    date_from: DateFrom = None,
    date_to: DateTo = None,
) -> Filters:
    return Filters(q=q, kind="event", type=type, actor=actor, place=place, modality=modality, source=source,
                   document=document, date_from=date_from, date_to=date_to)


def entity_filters(
    q: Text = None,
    type: Annotated[EntityTypeParam | None, Query(description="entity type")] = None,  # noqa: A002
    source: Source = None,
    document: DocumentQ = None,
) -> Filters:
    return Filters(q=q, type=type, source=source, document=document)


def document_filters(
    q: Text = None,
    source: Source = None,
    actor: Actor = None,
    date_from: DateFrom = None,
    date_to: DateTo = None,
) -> Filters:
    return Filters(q=q, source=source, actor=actor, date_from=date_from, date_to=date_to)


def contradiction_filters(document: DocumentQ = None) -> Filters:
    return Filters(document=document)


def fact_filters(
    contested: Annotated[bool | None, Query(description="true: only facts with claims for and against; false: none")] = None,
    min_sources: Annotated[int | None, Query(ge=1, le=10_000, description="at least this many independent sources")] = None,
    min_documents: Annotated[int | None, Query(ge=1, le=1_000_000, description="stated in at least this many documents")] = None,
    actor: Actor = None,
    kind: Annotated[KindParam | None, Query(description="relation or event")] = None,
    type: ClaimType = None,  # noqa: A002
) -> FactFilters:
    return FactFilters(contested=contested, min_sources=min_sources, min_documents=min_documents, actor=actor,
                       kind=kind, type=type)
