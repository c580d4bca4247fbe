"""Shared helpers for the entity-stage tests (run the stage on a small text, look entities up)."""

from __future__ import annotations

from typing import Any

from claimgraph.extract.context import DocContext
from claimgraph.extract.entities import find_entities
from claimgraph.model import Document, Entity


def analyse(nlp: Any, text: str, gazetteer: Any | None = None) -> DocContext:
    doc = Document.from_text(text)
    ctx = DocContext(document=doc, sdoc=nlp(doc.text), gazetteer=gazetteer)
    find_entities(ctx)
    return ctx


def entity(ctx: DocContext, form: str) -> Entity:
    """The one entity that has ``form`` among its surface forms (fails clearly otherwise)."""
    found = [e for e in ctx.entities if form in e.aliases]
    assert len(found) == 1, f"{form!r} in {len(found)} entities: {[(e.name, e.aliases) for e in ctx.entities]}"
    return found[0]


def has_form(ctx: DocContext, form: str) -> bool:
    return any(form in e.aliases for e in ctx.entities)
