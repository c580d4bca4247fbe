"""Interim relations stage: emits nothing yet (replaced by the full stage)."""

from __future__ import annotations

from claimgraph.extract.context import DocContext


def find_relations(ctx: DocContext) -> None:
    return None
