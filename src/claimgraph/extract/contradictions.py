"""Interim contradictions stage: emits nothing yet (replaced by the full stage)."""

from __future__ import annotations

from claimgraph.extract.context import DocContext


def link_contradictions(ctx: DocContext) -> None:
    return None
