"""CLI commands: ``claimgraph serve`` — the read-only HTTP API and analyst UI."""

from __future__ import annotations

import ipaddress
import os

import click

from claimgraph.cli.common import DEFAULT_DB, coded_errors
from claimgraph.errors import ServeError

TOKEN_ENV = "CLAIMGRAPH_TOKEN"


def is_loopback(host: str) -> bool:
    """True for hosts only this machine can reach (127.0.0.0/8, ::1, localhost)."""
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def check_binding(host: str, token: str | None) -> None:
    """Refuse (CG700) to expose the store beyond this machine without a token."""
    if not is_loopback(host) and not token:
        raise ServeError("CG700", host, detail=f"set --token or {TOKEN_ENV}")


@click.command("serve")
@click.option("--db", "db", default=DEFAULT_DB, show_default=True, type=click.Path(dir_okay=False),
              help="claimgraph store to serve (opened read-only)")
@click.option("--host", default="127.0.0.1", show_default=True,
              help="interface to bind; anything but loopback requires a token")
@click.option("--port", default=8000, show_default=True, type=click.IntRange(0, 65535), help="TCP port")
@click.option("--token", default=None, help=f"require this token on every request (default: ${TOKEN_ENV})")
@coded_errors
def serve(db: str, host: str, port: int, token: str | None) -> None:
    """Serve the JSON API (/api, /openapi.json) and the analyst UI over a store, read-only.

    Open http://HOST:PORT/ in a browser. With a token, open the UI once as
    http://HOST:PORT/?token=TOKEN (it is then kept in a cookie) or send
    'Authorization: Bearer TOKEN' to the API.
    """
    import uvicorn

    from claimgraph.serve.app import create_app
    from claimgraph.serve.db import connect_readonly

    token = token or os.environ.get(TOKEN_ENV) or None
    check_binding(host, token)
    connect_readonly(db).close()  # fail now with CG400/CG401 rather than on the first page
    app = create_app(db, token=token)
    shown = "localhost" if is_loopback(host) else host
    click.echo(f"claimgraph: serving {db} read-only at http://{shown}:{port}/ (Ctrl-C to stop)", err=True)
    uvicorn.run(app, host=host, port=port, log_level="warning")


def register(group: click.Group) -> None:
    """Add this module's commands to the top-level group."""
    group.add_command(serve)
