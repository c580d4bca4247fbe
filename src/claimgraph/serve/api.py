"""JSON API routes (/api/…): thin wrappers over serve.queries with validated parameters."""

from __future__ import annotations

import sqlite3
from dataclasses import replace
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Path, Query, Request

from claimgraph.serve import aggregates, facts, queries
from claimgraph.serve.app import get_conn
from claimgraph.serve.params import (
    claim_filters,
    contradiction_filters,
    document_filters,
    entity_filters,
    event_filters,
    fact_filters,
    page_params,
)
from claimgraph.serve.queries import Filters, Page

ERRORS: dict[int | str, dict[str, Any]] = {
    404: {"description": "CG403: no such id in the store"},
    422: {"description": "CG701: invalid parameter"},
    503: {"description": "CG400/CG401: database missing or corrupt"},
}

router = APIRouter(prefix="/api", tags=["api"], responses=ERRORS)

Conn = Annotated[sqlite3.Connection, Depends(get_conn)]
PageDep = Annotated[Page, Depends(page_params)]
IdPath = Annotated[str, Path(max_length=200, description="an id as the API returns it")]


@router.get("/health", summary="Store summary: counts of documents, entities, claims, places")
def health(conn: Conn, request: Request) -> dict[str, Any]:
    return {"ok": True, "db": request.app.state.db_path, "counts": queries.overview(conn)}


@router.get("/documents", summary="Documents, filterable by text, source, publication date and actor")
def documents(conn: Conn, page: PageDep, f: Annotated[Filters, Depends(document_filters)]) -> dict[str, Any]:
    return queries.list_documents(conn, f, page)


@router.get("/documents/{doc_id}", summary="One document: text, mentions, entities, claims, attributions")
def document(conn: Conn, doc_id: IdPath) -> dict[str, Any]:
    return queries.get_document(conn, doc_id)


@router.get("/entities", summary="Entities grouped across documents, filterable by name, type, source")
def entities(conn: Conn, page: PageDep, f: Annotated[Filters, Depends(entity_filters)]) -> dict[str, Any]:
    return queries.list_entities(conn, f, page)


@router.get("/entities/{entity_id}", summary="One entity: aliases, roles over time, ties, events, places, documents")
def entity(conn: Conn, entity_id: IdPath, page: PageDep) -> dict[str, Any]:
    return aggregates.get_entity(conn, entity_id, page)


@router.get("/claims", summary="Relations and events with evidence spans, attribution chain and modality")
def claims(conn: Conn, page: PageDep, f: Annotated[Filters, Depends(claim_filters)]) -> dict[str, Any]:
    return queries.list_claims(conn, f, page)


@router.get("/claims/{claim_id}", summary="One claim with its evidence, attribution and contradictions")
def claim(conn: Conn, claim_id: IdPath) -> dict[str, Any]:
    return queries.get_claim(conn, claim_id)


@router.get("/events", summary="Events (PLOVER) with date bounds, places, evidence, attribution, modality")
def events(conn: Conn, page: PageDep, f: Annotated[Filters, Depends(event_filters)]) -> dict[str, Any]:
    return queries.list_claims(conn, f, page)


@router.get("/contradictions", summary="Contradicting claims, both sides with evidence and attribution")
def contradictions(conn: Conn, page: PageDep, f: Annotated[Filters, Depends(contradiction_filters)]) -> dict[str, Any]:
    return queries.list_contradictions(conn, f, page)


@router.get("/facts", summary="Cross-document facts: claims of many reports that state the same thing, "
            "with independent sources counted; contested first")
def facts_list(conn: Conn, page: PageDep, f: Annotated[facts.FactFilters, Depends(fact_filters)]) -> dict[str, Any]:
    return facts.list_facts(conn, f, page)


@router.get("/facts/{fact_id}", summary="One cross-document fact with its claims in full, for and against")
def fact(conn: Conn, fact_id: IdPath) -> dict[str, Any]:
    return facts.get_fact(conn, fact_id)


@router.get("/places", summary="Places as a GeoJSON FeatureCollection, with events per place and unresolved places")
def places(conn: Conn, page: PageDep, f: Annotated[Filters, Depends(event_filters)]) -> dict[str, Any]:
    return aggregates.places_geojson(conn, replace(f, kind=None), page)


@router.get("/graph", summary="Actors as nodes, relations and events as edges with claim counts")
def graph(conn: Conn, page: PageDep, f: Annotated[Filters, Depends(claim_filters)]) -> dict[str, Any]:
    return aggregates.graph(conn, f, page)


@router.get("/search", summary="Full-text search (FTS5) over documents, plus entity names and aliases")
def search(
    conn: Conn,
    page: PageDep,
    q: Annotated[str, Query(min_length=1, max_length=200, description="words to find (all must occur)")],
) -> dict[str, Any]:
    return queries.search(conn, q, page)
