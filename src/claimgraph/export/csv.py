"""CSV with one row per event, in the shape of ACLED's columns, for spreadsheets and pandas.

Columns follow ACLED names where one exists (``event_id_cnty`` becomes our
``event_id``; ``time_precision`` our ``date_precision``; ``notes`` holds the
exact evidence text) and add claimgraph's provenance: ``modality``, the
``attribution`` chain (outermost first, joined with ``" > "``), the document id
and evidence offsets. A denied or alleged event is a row like any other with
its modality in its own column: filter on ``modality == "asserted"`` before
counting events as facts.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable
from typing import TextIO

from claimgraph.export.common import ClaimView, Corpus, build_corpus, country_name, date_label, date_precision
from claimgraph.model import Extraction

COLUMNS: tuple[str, ...] = (
    "event_id",
    "event_date",
    "date_precision",
    "event_type",
    "sub_event_type",
    "actor1",
    "assoc_actor_1",
    "actor2",
    "assoc_actor_2",
    "country",
    "admin1",
    "admin2",
    "location",
    "latitude",
    "longitude",
    "geo_precision",
    "origin",
    "source",
    "source_scale",
    "notes",
    "fatalities",
    "modality",
    "attribution",
    "contradicted_by",
    "historical",
    "confidence",
    "doc_id",
    "evidence_spans",
    "source_url",
    "published",
)

JOIN = "; "  # ACLED joins associated actors with semicolons


def _names(corpus: Corpus, keys: list[str]) -> list[str]:
    out = []
    for k in dict.fromkeys(keys):
        actor = corpus.actor(k)
        out.append(actor.name if actor else k)
    return out


def event_row(corpus: Corpus, view: ClaimView) -> dict[str, str]:
    """One CSV row; every value is a string (empty when unknown, never a guess)."""
    c = view.claim
    doc = view.document
    actors = _names(corpus, view.source_keys)
    recipients = _names(corpus, view.target_keys)
    place_actor = corpus.actor(view.location_key)
    origin = corpus.actor(view.origin_key)
    place = place_actor.place if place_actor else None
    resolved = place is not None and place.resolved and place.lat is not None and place.lon is not None
    location = place_actor.name if place_actor else ""
    fatalities = c.counts.get("killed")
    return {
        "event_id": c.id,
        "event_date": date_label(c.date),
        "date_precision": date_precision(c.date),
        "event_type": c.predicate,
        "sub_event_type": c.mode or "",
        "actor1": actors[0] if actors else "",
        "assoc_actor_1": JOIN.join(actors[1:]),
        "actor2": recipients[0] if recipients else "",
        "assoc_actor_2": JOIN.join(recipients[1:]),
        "country": country_name(place.country) if place else "",
        "admin1": (place.admin1 or "") if place else "",
        "admin2": (place.admin2 or "") if place else "",
        "location": location,
        "latitude": f"{place.lat:.5f}" if resolved and place else "",
        "longitude": f"{place.lon:.5f}" if resolved and place else "",
        "geo_precision": (place.feature or "") if resolved and place else "",
        "origin": origin.name if origin else "",
        "source": doc.outlet or "",
        "source_scale": str(doc.meta.get("source_scale", "")),
        "notes": view.evidence,
        "fatalities": "" if fatalities is None else str(fatalities),
        "modality": c.modality,
        "attribution": view.chain_text,
        "contradicted_by": JOIN.join(view.contradicted_by),
        "historical": "true" if c.historical else "false",
        "confidence": f"{c.confidence:.2f}",
        "doc_id": doc.id,
        "evidence_spans": JOIN.join(f"{s}-{e}" for s, e in c.evidence),
        "source_url": doc.url or "",
        "published": doc.published or "",
    }


def write_csv(extractions: Iterable[Extraction], stream: TextIO) -> int:
    """Write one row per event claim; returns the number of rows."""
    corpus = build_corpus(extractions)
    # RFC 4180 line ends: the writer then quotes any field holding \r or \n, so no reader splits a row
    writer = csv.DictWriter(stream, fieldnames=list(COLUMNS), lineterminator="\r\n")
    writer.writeheader()
    n = 0
    for view in corpus.events:
        writer.writerow(event_row(corpus, view))
        n += 1
    return n
