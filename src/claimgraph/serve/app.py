"""The FastAPI application: JSON API under /api, analyst UI pages with JSON twins, static assets.

``create_app(db_path, token=None)`` builds the app without touching the
database (a missing or corrupt store is reported per request as CG400/CG401,
as an error page or a JSON error). Every response carries a strict
Content-Security-Policy: scripts and styles come only from /static, nothing
from another origin, so hostile article text cannot run even if it slipped
past escaping. With a token, every request must present it.
"""

from __future__ import annotations

import hmac
import sqlite3
from collections.abc import Awaitable, Callable, Iterator
from pathlib import Path
from typing import Any

from fastapi import FastAPI, Request
from fastapi.encoders import jsonable_encoder
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, RedirectResponse, Response
from fastapi.staticfiles import StaticFiles
from jinja2 import Environment, FileSystemLoader
from starlette.exceptions import HTTPException as StarletteHTTPException

from claimgraph import __version__
from claimgraph.errors import ClaimgraphError, ServeError, StoreError
from claimgraph.serve.db import connect_readonly

HERE = Path(__file__).resolve().parent
TOKEN_COOKIE = "claimgraph_token"

CSP = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
    "font-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
)
SECURITY_HEADERS = {
    "Content-Security-Policy": CSP,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "X-Frame-Options": "DENY",
    "Cross-Origin-Opener-Policy": "same-origin",
}

#: HTTP status for each coded error the server can meet.
STATUS = {"CG400": 503, "CG401": 503, "CG402": 503, "CG403": 404, "CG700": 401, "CG701": 422, "CG702": 401, "CG703": 404}


def templates_env() -> Environment:
    """Jinja2 with autoescaping on for every template: document text is hostile input."""
    env = Environment(loader=FileSystemLoader(str(HERE / "templates")), autoescape=True, trim_blocks=True,
                      lstrip_blocks=True)
    env.globals["version"] = __version__
    return env


def wants_json(request: Request) -> bool:
    """Content negotiation for pages: ``?format=json`` or an Accept header preferring JSON."""
    fmt = request.query_params.get("format")
    if fmt in ("json", "html"):
        return fmt == "json"
    if request.url.path.startswith("/api/") or request.url.path == "/openapi.json":
        return True
    accept = request.headers.get("accept", "")
    return "application/json" in accept and "text/html" not in accept


def error_response(request: Request, error: ClaimgraphError, status: int | None = None,
                   extra: dict[str, Any] | None = None) -> Response:
    status = status or STATUS.get(error.code, 500)
    body: dict[str, Any] = {"error": error.to_dict()}
    if extra:
        body.update(extra)
    if wants_json(request):
        return JSONResponse(jsonable_encoder(body), status_code=status)
    html = request.app.state.templates.get_template("error.html").render(error=error.to_dict(), status=status,
                                                                           request=request, token_needed=False)
    return HTMLResponse(html, status_code=status)


def get_conn(request: Request) -> Iterator[sqlite3.Connection]:
    """One read-only connection per request (SQLite connections are cheap; readers never block)."""
    conn = connect_readonly(request.app.state.db_path)
    try:
        yield conn
    finally:
        conn.close()


def _token_ok(request: Request, token: str) -> tuple[bool, bool]:
    """(accepted, came from the query string) for the request's token, compared in constant time."""
    auth = request.headers.get("authorization", "")
    candidates = [
        (auth[7:] if auth.lower().startswith("bearer ") else "", False),
        (request.headers.get("x-claimgraph-token", ""), False),
        (request.cookies.get(TOKEN_COOKIE, ""), False),
        (request.query_params.get("token", ""), True),
    ]
    for value, from_query in candidates:
        if value and hmac.compare_digest(value.encode("utf-8", "replace"), token.encode("utf-8")):
            return True, from_query
    return False, False


def create_app(db_path: str | Path, token: str | None = None) -> FastAPI:
    """The claimgraph web app over the store at ``db_path`` (opened read-only per request)."""
    from claimgraph.serve import api, pages

    app = FastAPI(
        title="claimgraph",
        version=__version__,
        description=(
            "Read-only API over a claimgraph store: documents, entities, claims with evidence spans, "
            "attribution and modality, events, contradictions, places (GeoJSON), the actor graph and "
            "full-text search. Errors are JSON `{error: {code, title, detail, hint, message}}`."
        ),
        docs_url=None,  # Swagger/ReDoc pages load scripts from CDNs: not offline, not CSP-clean
        redoc_url=None,
        openapi_url="/openapi.json",
    )
    app.state.db_path = str(db_path)
    app.state.token = token
    app.state.templates = templates_env()

    @app.middleware("http")
    async def guard(request: Request, call_next: Callable[[Request], Awaitable[Response]]) -> Response:
        set_cookie = False
        if token:
            ok, from_query = _token_ok(request, token)
            if not ok:
                response = error_response(request, ServeError("CG702", "token"))
                response.headers.update(SECURITY_HEADERS)
                return response
            set_cookie = from_query
        if set_cookie and request.method == "GET" and not wants_json(request):
            # a page opened with ?token=…: keep the token in a cookie and drop it from the address bar
            clean = request.url.remove_query_params("token")
            location = clean.path + (f"?{clean.query}" if clean.query else "")  # same origin: a relative URL
            response = RedirectResponse(location, status_code=303)
        else:
            response = await call_next(request)
        response.headers.update(SECURITY_HEADERS)
        if set_cookie and token:
            response.set_cookie(TOKEN_COOKIE, token, httponly=True, samesite="strict")
        return response

    @app.exception_handler(ClaimgraphError)
    async def coded(request: Request, exc: ClaimgraphError) -> Response:
        return error_response(request, exc)

    @app.exception_handler(sqlite3.DatabaseError)
    async def corrupt(request: Request, exc: sqlite3.DatabaseError) -> Response:
        return error_response(request, StoreError("CG401", request.app.state.db_path, detail=str(exc)))

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, exc: RequestValidationError) -> Response:
        errors = exc.errors()
        names = ", ".join(".".join(str(p) for p in e.get("loc", ())[1:]) or "request" for e in errors)
        detail = "; ".join(str(e.get("msg")) for e in errors)
        return error_response(request, ServeError("CG701", names, detail=detail),
                              extra={"detail": jsonable_encoder(errors, custom_encoder={Exception: str})})

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> Response:
        if exc.status_code == 404:
            return error_response(request, ServeError("CG703", request.url.path), status=404)
        err = ServeError("CG701", request.url.path, detail=str(exc.detail))
        return error_response(request, err, status=exc.status_code)

    app.include_router(api.router)
    app.include_router(pages.router)
    app.mount("/static", StaticFiles(directory=str(HERE / "static"), check_dir=False), name="static")
    return app
