"""CLI commands: analyze (owned by its area; see cli/__init__.py)."""

from __future__ import annotations

import click


def register(group: click.Group) -> None:
    """Add this module's commands to the top-level group."""
