"""Interim attribution stage: the outlet speaks for everything (replaced by the full stage)."""

from __future__ import annotations

from claimgraph.extract.context import DocContext
from claimgraph.model import Attribution, Speaker, stable_id


def find_attributions(ctx: DocContext) -> None:
    outlet = ctx.document.outlet or "the outlet"
    att = Attribution(id=stable_id("att_", ctx.document.id, "outlet"), chain=[Speaker(text=outlet)])
    ctx.attributions.append(att)
    ctx.outlet_attribution = att.id
