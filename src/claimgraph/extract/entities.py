"""Interim entity stage: spaCy entities grouped by exact text (replaced by the full stage)."""

from __future__ import annotations

from claimgraph.extract.context import DocContext
from claimgraph.model import Entity, Mention, stable_id

_TYPES = {"PERSON": "Person", "ORG": "Organization", "NORP": "Organization", "GPE": "Location", "LOC": "Location", "FAC": "Location"}


def find_entities(ctx: DocContext) -> None:
    by_key: dict[tuple[str, str], Entity] = {}
    for ent in ctx.sdoc.ents:
        etype = _TYPES.get(ent.label_)
        if etype is None:
            continue
        key = (etype, ent.text.lower())
        if key not in by_key:
            by_key[key] = Entity(id=stable_id("ent_", ctx.document.id, etype, ent.text.lower()), type=etype, name=ent.text)
        entity = by_key[key]
        if ent.text not in entity.aliases:
            entity.aliases.append(ent.text)
        entity.mentions.append((ent.start_char, ent.end_char))
        ctx.mentions.append(Mention(ent.start_char, ent.end_char, ent.text, ent.label_, entity.id))
    ctx.entities.extend(by_key.values())
