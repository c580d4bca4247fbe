"""Interim place resolution: everything unresolved until the gazetteer stage lands."""

from __future__ import annotations

from claimgraph.extract.context import DocContext
from claimgraph.model import Place


def resolve_places(ctx: DocContext) -> None:
    for entity in ctx.entities:
        if entity.type == "Location" and entity.place is None:
            entity.place = Place(resolved=False, reason="no gazetteer available")
