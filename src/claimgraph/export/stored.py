"""Read Extractions from the store for export, with the store's cross-document identity attached.

The store keeps each entity's ``canonical_id`` (derived from resolution
judgements) beside the per-document record; exports need it to merge actors
across documents, so it is copied into ``external_ids["canonical"]``, which
:func:`claimgraph.export.common.canonical_key` reads first.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from typing import TYPE_CHECKING

from claimgraph.model import Extraction

if TYPE_CHECKING:
    from claimgraph.store import Store


def with_canonical_ids(x: Extraction, canonical: dict[str, str]) -> Extraction:
    """A copy of ``x`` whose entities carry their canonical id (entities the map lacks are left as they are)."""
    entities = [
        replace(e, external_ids={**e.external_ids, "canonical": canonical[e.id]}) if e.id in canonical else e
        for e in x.entities
    ]
    return replace(x, entities=entities)


def iter_store_extractions(store: Store, doc_ids: list[str] | None = None) -> Iterator[Extraction]:
    """Every stored Extraction (or those of ``doc_ids``), in storage order, with canonical ids attached."""
    from claimgraph.store import read

    for x in store.iter_extractions(doc_ids):
        stored = read.entities_of_document(store.conn, x.document.id)
        yield with_canonical_ids(x, {s.entity.id: s.canonical_id for s in stored})
