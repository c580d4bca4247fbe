"""Extraction: from a parsed document to entities, attributions and claims.

The stage order is the data flow; each stage is one module with one entry point
taking the shared :class:`~claimgraph.extract.context.DocContext`:

1. ``entities.find_entities``       mentions + entities with aliases and descriptors
   ``agents.find_agents``           unnamed collective actors ("the police", "Afghan rebels") as Group entities
2. ``claimgraph.geo.resolve.resolve_places``  coordinates (or a reason) for Location entities
3. ``attribution.find_attributions`` who says what, and which text each speaker covers
4. ``relations.find_relations``     leader_of, member_of, located_in, ... claims
5. ``events.find_events``           PLOVER event claims (+ RELOCATE)
6. ``contradictions.link_contradictions``  assertion vs denial

Every stage must only emit records whose evidence spans lie inside the document.
"""

from __future__ import annotations

import time
from typing import TYPE_CHECKING, Any

from claimgraph.extract.context import DocContext
from claimgraph.model import Document, Extraction

if TYPE_CHECKING:
    from spacy.language import Language

#: Bump whenever extraction output can change: `analyze` re-analyses stored documents of another version
#: (and skips those of this one unless --force).
EXTRACTOR_VERSION = "0.2.0"


def extract_document(
    document: Document, nlp: Language, gazetteer: Any | None = None, timings: dict[str, float] | None = None
) -> Extraction:
    """Run every extraction stage on one document and return its records.

    ``timings``, when given, accumulates the seconds spent in each stage under the
    stage's name ("nlp", "entities", ...) — used by ``claimgraph bench``.
    """
    from claimgraph.extract import agents, attribution, contradictions, entities, events, relations
    from claimgraph.geo import resolve

    clock = time.perf_counter
    t0 = clock()
    ctx = DocContext(document=document, sdoc=nlp(document.text), gazetteer=gazetteer)
    stages = (
        ("entities", entities.find_entities),
        ("agents", agents.find_agents),
        ("places", resolve.resolve_places),
        ("attribution", attribution.find_attributions),
        ("relations", relations.find_relations),
        ("events", events.find_events),
        ("contradictions", contradictions.link_contradictions),
    )
    if timings is not None:
        timings["nlp"] = timings.get("nlp", 0.0) + clock() - t0
    for name, stage in stages:
        t0 = clock()
        stage(ctx)
        if timings is not None:
            timings[name] = timings.get(name, 0.0) + clock() - t0
    return Extraction(
        document=document,
        entities=ctx.entities,
        mentions=ctx.mentions,
        attributions=ctx.attributions,
        claims=ctx.claims,
        contradictions=ctx.contradictions,
        pipeline_version=EXTRACTOR_VERSION,
    )
