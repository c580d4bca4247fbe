"""Analyst UI pages. Each route renders a template, or its JSON twin for
``?format=json`` / ``Accept: application/json``; both come from the same query,
so the page never shows anything the API does not."""

from __future__ import annotations

import sqlite3
from dataclasses import replace
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Path, Query, Request
from fastapi.responses import HTMLResponse, JSONResponse, Response

from claimgraph.serve import aggregates, facts, queries
from claimgraph.serve.app import get_conn, wants_json
from claimgraph.serve.params import (
    Format,
    claim_filters,
    contradiction_filters,
    document_filters,
    entity_filters,
    event_filters,
    fact_filters,
    page_params,
)
from claimgraph.serve.queries import Filters, Page
from claimgraph.serve.records import Mark, segment

router = APIRouter(tags=["pages"], responses={404: {"description": "CG403/CG703"}, 422: {"description": "CG701"}})

Conn = Annotated[sqlite3.Connection, Depends(get_conn)]
PageDep = Annotated[Page, Depends(page_params)]
IdPath = Annotated[str, Path(max_length=200)]
HTML_OR_JSON: dict[int | str, dict[str, Any]] = {
    200: {"content": {"text/html": {}, "application/json": {}}, "description": "the page, or its JSON twin"}
}


def render(request: Request, template: str, data: dict[str, Any], **context: Any) -> Response:
    """The page's JSON twin (``data``) or the template rendered with ``data`` and ``context``."""
    if wants_json(request):
        return JSONResponse(data)
    html = request.app.state.templates.get_template(template).render(request=request, data=data, **context)
    return HTMLResponse(html)


def pager(request: Request, page_data: dict[str, Any]) -> dict[str, Any]:
    """Previous/next links for a paginated result, keeping the other query parameters."""
    total, limit, offset = page_data["total"], page_data["limit"], page_data["offset"]
    prev_url = str(request.url.include_query_params(offset=max(0, offset - limit))) if offset > 0 else None
    next_url = str(request.url.include_query_params(offset=offset + limit)) if offset + limit < total else None
    return {"total": total, "first": offset + 1 if total else 0, "last": min(total, offset + limit),
            "prev": prev_url, "next": next_url}


def actor_names(refs: list[dict[str, Any]]) -> str:
    return ", ".join(r["name"] for r in refs if r) or "?"


def claim_label(c: dict[str, Any]) -> str:
    """One line saying what a claim states, e.g. ``A → ASSAULT → B (denied)``."""
    if c["kind"] == "relation":
        left = c["subject"]["name"] if c["subject"] else "?"
        right = c["object"]["name"] if c["object"] else "?"
        role = f" ({c['role']})" if c.get("role") else ""
        core = f"{left} — {c['predicate']}{role} → {right}"
    else:
        core = f"{actor_names(c['sources'])} — {c['predicate']} → {actor_names(c['targets'])}"
        if c["location"]:
            core += f" @ {c['location']['name']}"
    return f"{core} [{c['modality']}]"


def chain_text(c: dict[str, Any]) -> str:
    att = c.get("attribution")
    if not att or not att["chain"]:
        return "no attribution recorded"
    return " › ".join(s["text"] for s in att["chain"])


def claim_marks(c: dict[str, Any]) -> list[Mark]:
    label = f"{claim_label(c)}\nsaid by: {chain_text(c)}"
    marks = [Mark(e["start"], e["end"], "evidence", c["id"], label, f"modality-{c['modality']}") for e in c["evidence"]]
    if c.get("trigger"):
        marks.append(Mark(c["trigger"]["start"], c["trigger"]["end"], "trigger", c["id"], f"trigger of {c['predicate']}"))
    att = c.get("attribution")
    if att and att.get("evidence"):
        ev = att["evidence"]
        marks.append(Mark(ev["start"], ev["end"], "speech", c["id"], f"attribution: {chain_text(c)}"))
    return marks


def claim_view(c: dict[str, Any], text: str | None = None, mentions: list[Mark] | None = None) -> dict[str, Any]:
    """A claim plus its sentence cut into highlightable segments."""
    view = dict(c)
    view["label"] = claim_label(c)
    view["chain_text"] = chain_text(c)
    sent = c.get("sentence")
    view["segments"] = []
    if sent and sent["text"] is not None:
        marks = [m for m in claim_marks(c) if m.kind != "speech"]
        if mentions:
            marks += mentions
        shifted = [Mark(m.start - sent["start"], m.end - sent["start"], m.kind, m.ref, m.label, m.css) for m in marks]
        view["segments"] = segment(sent["text"], shifted)
    return view


# --------------------------------------------------------------------------- pages


@router.get("/", response_class=HTMLResponse, responses=HTML_OR_JSON, summary="Home: what the store holds")
def home(request: Request, conn: Conn, format: Format = None) -> Response:  # noqa: A002
    data = {"counts": queries.overview(conn),
            "documents": queries.list_documents(conn, Filters(), Page(limit=20)),
            "entities": queries.list_entities(conn, Filters(), Page(limit=30))}
    return render(request, "home.html", data)


@router.get("/documents", response_class=HTMLResponse, responses=HTML_OR_JSON, summary="Document list")
def documents(request: Request, conn: Conn, page: PageDep, f: Annotated[Filters, Depends(document_filters)],
              format: Format = None) -> Response:  # noqa: A002
    data = queries.list_documents(conn, f, page)
    return render(request, "documents.html", data, filters=f, pager=pager(request, data))


@router.get("/documents/{doc_id}", response_class=HTMLResponse, responses=HTML_OR_JSON,
            summary="Document view: text with every mention and claim highlighted")
def document(request: Request, conn: Conn, doc_id: IdPath, format: Format = None) -> Response:  # noqa: A002
    data = queries.get_document(conn, doc_id)
    if wants_json(request):
        return JSONResponse(data)
    names = {e["id"]: e for e in data["entities"]}
    marks: list[Mark] = []
    for m in data["mentions"]:
        ent = names.get(m["entity_id"] or "")
        label = f"{ent['type']}: {ent['name']}" if ent else f"{m['label']} (no entity)"
        marks.append(Mark(m["start"], m["end"], "mention", m["entity_id"] or "", label,
                          f"type-{(ent['type'] if ent else 'none').lower()}"))
    for c in data["claims"]:
        marks += claim_marks(c)
    segments = segment(data["text"], marks)
    claims = [claim_view(c) for c in data["claims"]]
    return render(request, "document.html", data, segments=segments, claims=claims)


@router.get("/entities", response_class=HTMLResponse, responses=HTML_OR_JSON, summary="Entity list")
def entities(request: Request, conn: Conn, page: PageDep, f: Annotated[Filters, Depends(entity_filters)],
             format: Format = None) -> Response:  # noqa: A002
    data = queries.list_entities(conn, f, page)
    return render(request, "entities.html", data, filters=f, pager=pager(request, data))


@router.get("/entities/{entity_id}", response_class=HTMLResponse, responses=HTML_OR_JSON,
            summary="Entity page: names, roles with dates, ties, events and every claim with its evidence")
def entity(request: Request, conn: Conn, entity_id: IdPath, page: Annotated[Page, Depends(page_params)],
           format: Format = None) -> Response:  # noqa: A002
    data = aggregates.get_entity(conn, entity_id, page)
    if wants_json(request):
        return JSONResponse(data)
    mention_marks: dict[str, list[Mark]] = {}
    for doc_id, spans in aggregates.entity_mentions(conn, data["members"]).items():
        mention_marks[doc_id] = [Mark(s, e, "mention", eid, data["name"], "self") for s, e, eid in spans]
    claims = [claim_view(c, mentions=mention_marks.get(c["doc_id"], [])) for c in data["claims"]["items"]]
    contested = [{**f, "sides": {side: [claim_view(c) for c in cs] for side, cs in f["sides"].items()}}
                 for f in data["facts"]["contested"]]
    return render(request, "entity.html", data, claims=claims, pager=pager(request, data["claims"]),
                  contested_facts=contested)


@router.get("/claims", response_class=HTMLResponse, responses=HTML_OR_JSON, summary="Claim list with evidence")
def claims(request: Request, conn: Conn, page: PageDep, f: Annotated[Filters, Depends(claim_filters)],
           ids: Annotated[str | None, Query(max_length=4000, pattern=r"^[\w,-]*$",
                                            description="comma-separated claim ids (overrides the filters)")] = None,
           format: Format = None) -> Response:  # noqa: A002
    if ids:
        wanted = [i for i in ids.split(",") if i][:500]
        found = queries.claims_by_ids(conn, wanted)
        data: dict[str, Any] = {"total": len(found), "limit": page.limit, "offset": 0, "items": found[: page.limit]}
    else:
        data = queries.list_claims(conn, f, page)
    views = [claim_view(c) for c in data["items"]]
    return render(request, "claims.html", data, claims=views, filters=f, pager=pager(request, data))


@router.get("/claims/{claim_id}", response_class=HTMLResponse, responses=HTML_OR_JSON,
            summary="One claim: evidence sentence, attribution chain, modality, contradictions")
def claim(request: Request, conn: Conn, claim_id: IdPath, format: Format = None) -> Response:  # noqa: A002
    data = queries.get_claim(conn, claim_id)
    related = []
    for k in data["contradictions"]:
        other = [i for i in k["claims_for"] + k["claims_against"] if i != claim_id]
        related += [claim_view(c) for c in queries.claims_by_ids(conn, other)]
    return render(request, "claim.html", data, claim=claim_view(data), related=related)


@router.get("/contradictions", response_class=HTMLResponse, responses=HTML_OR_JSON,
            summary="Contradictions: assertion and denial side by side")
def contradictions(request: Request, conn: Conn, page: PageDep,
                   f: Annotated[Filters, Depends(contradiction_filters)], format: Format = None) -> Response:  # noqa: A002
    data = queries.list_contradictions(conn, f, page)
    views = [{"id": k["id"], "key": k["key"], "for": [claim_view(c) for c in k["claims_for"]],
              "against": [claim_view(c) for c in k["claims_against"]]} for k in data["items"]]
    return render(request, "contradictions.html", data, items=views, pager=pager(request, data))


@router.get("/facts", response_class=HTMLResponse, responses=HTML_OR_JSON,
            summary="Facts across reports: how many independent sources state each, contested ones side by side")
def facts_page(request: Request, conn: Conn, page: PageDep, f: Annotated[facts.FactFilters, Depends(fact_filters)],
               format: Format = None) -> Response:  # noqa: A002
    data = facts.list_facts(conn, f, page)
    return render(request, "facts.html", data, filters=f, pager=pager(request, data))


@router.get("/facts/{fact_id}", response_class=HTMLResponse, responses=HTML_OR_JSON,
            summary="One fact: every claim stating it, the claiming side beside the denying side")
def fact_page(request: Request, conn: Conn, fact_id: IdPath, format: Format = None) -> Response:  # noqa: A002
    data = facts.get_fact(conn, fact_id)
    sides = {side: [claim_view(c) for c in claims] for side, claims in data["sides"].items()}
    return render(request, "fact.html", data, sides=sides)


@router.get("/graph", response_class=HTMLResponse, responses=HTML_OR_JSON,
            summary="Network view: actors and their ties (cytoscape.js over /api/graph)")
def graph(request: Request, conn: Conn, page: Annotated[Page, Depends(page_params)],
          f: Annotated[Filters, Depends(claim_filters)], format: Format = None) -> Response:  # noqa: A002
    if wants_json(request):
        return JSONResponse(aggregates.graph(conn, f, page))
    return render(request, "graph.html", {}, filters=f, facets=queries.facets(conn))


@router.get("/map", response_class=HTMLResponse, responses=HTML_OR_JSON,
            summary="Map: places and events as pins on offline country outlines (over /api/places)")
def map_view(request: Request, conn: Conn, page: Annotated[Page, Depends(page_params)],
             f: Annotated[Filters, Depends(event_filters)], format: Format = None) -> Response:  # noqa: A002
    if wants_json(request):
        return JSONResponse(aggregates.places_geojson(conn, replace(f, kind=None), page))
    return render(request, "map.html", {}, filters=f, facets=queries.facets(conn))


@router.get("/timeline", response_class=HTMLResponse, responses=HTML_OR_JSON,
            summary="Timeline of events, each bar as wide as its date's precision (over /api/events)")
def timeline(request: Request, conn: Conn, page: Annotated[Page, Depends(page_params)],
             f: Annotated[Filters, Depends(event_filters)], format: Format = None) -> Response:  # noqa: A002
    if wants_json(request):
        return JSONResponse(queries.list_claims(conn, f, page))
    return render(request, "timeline.html", {}, filters=f, facets=queries.facets(conn))


@router.get("/search", response_class=HTMLResponse, responses=HTML_OR_JSON, summary="Full-text search page")
def search(request: Request, conn: Conn, page: PageDep,
           q: Annotated[str | None, Query(max_length=200, description="words to find")] = None,
           format: Format = None) -> Response:  # noqa: A002
    data: dict[str, Any] = {"query": q, "documents": None, "entities": None}
    if q and q.strip():
        data = queries.search(conn, q, page)
    snippets = []
    for d in (data["documents"] or {}).get("items", []):
        snippets.append(_snippet_parts(d.get("snippet") or ""))
    return render(request, "search.html", data, snippets=snippets)


def _snippet_parts(snippet: str) -> list[tuple[str, bool]]:
    """Split an FTS snippet at its U+0002/U+0003 hit markers into (text, is_hit) parts."""
    parts: list[tuple[str, bool]] = []
    for i, chunk in enumerate(snippet.split("\x02")):
        if i == 0:
            parts.append((chunk, False))
            continue
        hit, _, rest = chunk.partition("\x03")
        parts += [(hit, True), (rest, False)]
    return [p for p in parts if p[0]]
