"""STIX 2.1 bundles (the ``stix2`` library) for OpenCTI, MISP and other threat-intelligence tools.

* merged actors: people → ``identity`` (individual); organisations whose kind is
  in :data:`THREAT_KINDS` → ``threat-actor`` (with aliases); other organisations →
  ``identity`` (organization); places with a country or coordinates → ``location``;
* relation claims → ``relationship`` (``located_in`` → STIX's ``located-at``; the
  others keep their name in STIX spelling, e.g. ``leader-of``, a custom type the
  spec permits). A relation whose end has no STIX object (an agreement, a place
  with neither country nor coordinates) becomes a ``note`` on the other end;
* event claims → ``incident`` (name, description) with relationships
  ``attributed-to`` (PLOVER actors), ``targets`` (recipients), ``located-at``;
* one ``report`` per source document referencing every object it supports, with an
  external reference to the document (outlet, URL, document id).

Provenance and modality travel on every claim object as description text and as
top-level properties declared by one ``extension-definition``
(``x_claimgraph_modality``, ``x_claimgraph_attribution``, ``x_claimgraph_evidence``,
``x_claimgraph_claim_id``, ``x_claimgraph_doc_id``, ``x_claimgraph_date``, …), so the
bundle validates without custom-property warnings. ``confidence`` is ours × 100.

Ids are UUIDv4-shaped but derived from our stable keys, so re-exporting the same
store yields the same ids (and OpenCTI updates objects instead of duplicating them).
"""

from __future__ import annotations

import hashlib
import json
import uuid
from collections.abc import Iterable
from datetime import UTC, datetime
from typing import Any, TextIO

import stix2

from claimgraph.export.common import Actor, ClaimView, Corpus, build_corpus
from claimgraph.model import Document, Extraction

#: organisation kinds written as threat-actor rather than identity
THREAT_KINDS: frozenset[str] = frozenset({"armed_group", "militia", "terrorist_group", "insurgent_group"})
EXTENSION_PROPERTIES = [
    "x_claimgraph_modality",
    "x_claimgraph_attribution",
    "x_claimgraph_evidence",
    "x_claimgraph_claim_id",
    "x_claimgraph_claim_ids",
    "x_claimgraph_doc_id",
    "x_claimgraph_date",
    "x_claimgraph_historical",
    "x_claimgraph_event_type",
    "x_claimgraph_mode",
    "x_claimgraph_location_name",
    "x_claimgraph_origin_name",
    "x_claimgraph_canonical_key",
    "x_claimgraph_aliases",
    "x_claimgraph_kind",
    "x_claimgraph_contradicted_by",
]
EXTENSION_SCHEMA = (
    "claimgraph provenance properties. x_claimgraph_modality: asserted|denied|alleged|requested|promised|"
    "hypothetical, how the source states the claim (only 'asserted' is stated as fact). "
    "x_claimgraph_attribution: list of speakers, outermost first (the outlet, then each relaying speaker). "
    "x_claimgraph_evidence: list of {doc_id, start, end, text}, exact character spans in the source document. "
    "x_claimgraph_claim_id / x_claimgraph_claim_ids: claimgraph claim ids. x_claimgraph_doc_id: source document id. "
    "x_claimgraph_date: date as precise as the text gives it (YYYY, YYYY-MM, YYYY-MM-DD or 'after X'/'before Y'). "
    "x_claimgraph_historical: true when the text puts the state of affairs in the past. "
    "x_claimgraph_event_type / x_claimgraph_mode: PLOVER event category and mode. "
    "x_claimgraph_location_name / x_claimgraph_origin_name: the event's place (and a RELOCATE's starting "
    "place) by name, always given, as some places have no STIX location. "
    "x_claimgraph_canonical_key / x_claimgraph_aliases / x_claimgraph_kind: merged entity identity. "
    "x_claimgraph_contradicted_by: claimgraph claim ids that contradict this claim."
)


def stix_id(stix_type: str, *parts: Any) -> str:
    """A deterministic id with a valid UUIDv4 layout, derived from ``parts``."""
    digest = hashlib.sha1(repr((stix_type, *parts)).encode("utf-8")).digest()[:16]
    return f"{stix_type}--{uuid.UUID(bytes=digest, version=4)}"


def _timestamp(value: str | None) -> str | None:
    """A STIX timestamp for a YYYY[-MM[-DD]] date (start of the period), or None."""
    if not value:
        return None
    parts = value.split("-")
    y, m, d = parts[0], parts[1] if len(parts) > 1 else "01", parts[2] if len(parts) > 2 else "01"
    return f"{y}-{m}-{d}T00:00:00Z"


class _Builder:
    def __init__(self, corpus: Corpus, timestamp: datetime) -> None:
        self.corpus = corpus
        self.ts = timestamp
        self.system = stix2.Identity(
            id=stix_id("identity", "claimgraph"), name="claimgraph", identity_class="system",
            description="claimgraph: sourced knowledge graph extracted from conflict reporting",
            created=timestamp, modified=timestamp,
        )
        self.extension = stix2.ExtensionDefinition(
            id=stix_id("extension-definition", "claimgraph-provenance", "1"),
            created_by_ref=self.system.id, name="claimgraph provenance", version="1.0",
            description="Modality, attribution chain and exact evidence spans of claims extracted by claimgraph.",
            schema=EXTENSION_SCHEMA, extension_types=["toplevel-property-extension"],
            extension_properties=EXTENSION_PROPERTIES, created=timestamp, modified=timestamp,
        )
        self.objects: list[Any] = [self.system, self.extension]
        self.actor_ids: dict[str, str] = {}
        self.doc_refs: dict[str, list[str]] = {d.id: [] for d in corpus.documents}

    def common(self, **props: Any) -> dict[str, Any]:
        custom = {k: v for k, v in props.items() if k.startswith("x_claimgraph_") and v not in (None, [], "")}
        plain = {k: v for k, v in props.items() if not k.startswith("x_claimgraph_") and v not in (None, [], "")}
        out: dict[str, Any] = {"created": self.ts, "modified": self.ts, "created_by_ref": self.system.id, **plain}
        if custom:
            out.update(custom)
            out["extensions"] = {self.extension.id: {"extension_type": "toplevel-property-extension"}}
            out["allow_custom"] = True
        return out

    @staticmethod
    def doc_reference(doc: Document, description: str | None = None) -> dict[str, str]:
        ref = {"source_name": doc.outlet or "claimgraph document", "external_id": doc.id}
        if doc.url:
            ref["url"] = doc.url
        ref["description"] = description or (doc.title or doc.path or "source document")
        return ref

    def refer(self, doc_ids: Iterable[str], obj_id: str) -> None:
        for d in doc_ids:
            refs = self.doc_refs.setdefault(d, [])
            if obj_id not in refs:
                refs.append(obj_id)

    def actor(self, actor: Actor) -> None:
        common = self.common(x_claimgraph_canonical_key=actor.key, x_claimgraph_kind=actor.kind)
        description = "; ".join(actor.descriptions) or None
        obj: Any
        if actor.type == "Location":
            place = actor.place
            geo: dict[str, Any] = {}
            if place is not None and place.resolved and place.lat is not None and place.lon is not None:
                geo.update(latitude=float(place.lat), longitude=float(place.lon))
            if place is not None and place.country:
                geo.update(country=place.country.upper())
                if place.admin1:
                    geo["administrative_area"] = place.admin1
                if place.feature in ("city", "town", "village"):
                    geo["city"] = place.gazetteer_name or actor.name
            if not geo:
                return  # STIX needs a country, region or coordinates; the name stays on the claims
            obj = stix2.Location(id=stix_id("location", actor.key), name=actor.name, description=description,
                                 **geo, **common)
        elif actor.type == "Person":
            obj = stix2.Identity(id=stix_id("identity", actor.key), name=actor.name, identity_class="individual",
                                 description=description,
                                 **self.common(x_claimgraph_canonical_key=actor.key, x_claimgraph_kind=actor.kind,
                                               x_claimgraph_aliases=actor.aliases))
        elif actor.type == "Organization" and actor.kind in THREAT_KINDS:
            obj = stix2.ThreatActor(id=stix_id("threat-actor", actor.key), name=actor.name, description=description,
                                    aliases=[a for a in actor.aliases if a != actor.name] or None, **common)
        elif actor.type == "Group":
            # an unnamed collective ("the police", "Afghan rebels"): STIX's identity class for groups
            obj = stix2.Identity(id=stix_id("identity", actor.key), name=actor.name, identity_class="group",
                                 description=description,
                                 **self.common(x_claimgraph_canonical_key=actor.key, x_claimgraph_kind=actor.kind,
                                               x_claimgraph_aliases=actor.aliases))
        elif actor.type == "Organization":
            obj = stix2.Identity(id=stix_id("identity", actor.key), name=actor.name, identity_class="organization",
                                 description=description,
                                 **self.common(x_claimgraph_canonical_key=actor.key, x_claimgraph_kind=actor.kind,
                                               x_claimgraph_aliases=actor.aliases))
        else:
            return  # agreements have no STIX object; claims about them become notes
        self.objects.append(obj)
        self.actor_ids[actor.key] = obj.id
        self.refer(actor.doc_ids, obj.id)

    def claim_props(self, view: ClaimView) -> dict[str, Any]:
        c = view.claim
        doc = view.document
        return dict(
            description=f'{c.modality.upper()} according to {view.chain_text}: "{view.evidence}"',
            confidence=max(0, min(100, round(c.confidence * 100))),
            external_references=[self.doc_reference(doc, "evidence at characters " + ", ".join(
                f"{s}-{e}" for s, e in c.evidence))],
            x_claimgraph_modality=c.modality,
            x_claimgraph_attribution=[s.text for s in view.chain],
            x_claimgraph_evidence=[{"doc_id": doc.id, "start": s, "end": e, "text": t}
                                   for (s, e), t in zip(c.evidence, view.evidence_texts)],
            x_claimgraph_claim_id=c.id,
            x_claimgraph_doc_id=doc.id,
            x_claimgraph_date=view.date_text or None,
            x_claimgraph_historical=bool(c.historical),
            x_claimgraph_contradicted_by=list(view.contradicted_by) or None,
        )

    def relationship(self, view: ClaimView, rel_type: str, source: str, target: str, suffix: str = "",
                     **extra: Any) -> None:
        rel = stix2.Relationship(id=stix_id("relationship", view.id, rel_type, source, target, suffix),
                                 relationship_type=rel_type, source_ref=source, target_ref=target,
                                 **self.common(**self.claim_props(view), **extra))
        self.objects.append(rel)
        self.refer([view.document.id], rel.id)

    def relation(self, view: ClaimView) -> None:
        c = view.claim
        rel_type = "located-at" if c.predicate == "located_in" else c.predicate.replace("_", "-")
        s = self.actor_ids.get(view.subject_key or "")
        o = self.actor_ids.get(view.object_key or "")
        if s and o:
            self.relationship(view, rel_type, s, o)
            return
        anchor = s or o
        if anchor is None:
            return
        subj = self.corpus.actor(view.subject_key)
        obj = self.corpus.actor(view.object_key)
        abstract = f"{subj.name if subj else '?'} {rel_type.replace('-', ' ')} {obj.name if obj else '?'}"
        note = stix2.Note(id=stix_id("note", view.id), abstract=abstract, content=self.claim_props(view)["description"],
                          object_refs=[anchor], **self.common(**self.claim_props(view)))
        self.objects.append(note)
        self.refer([view.document.id], note.id)

    def event(self, view: ClaimView) -> None:
        c = view.claim
        names = [a.name for a in (self.corpus.actor(k) for k in view.source_keys) if a]
        recipients = [a.name for a in (self.corpus.actor(k) for k in view.target_keys) if a]
        name = c.predicate + (f" ({c.mode})" if c.mode else "") + (f": {', '.join(names)}" if names else "")
        if recipients:
            name += f" → {', '.join(recipients)}"
        if c.modality != "asserted":
            name += f" [{c.modality}]"
        place = self.corpus.actor(view.location_key)
        origin = self.corpus.actor(view.origin_key)
        inc = stix2.Incident(id=stix_id("incident", c.id), name=name,
                             **self.common(**self.claim_props(view), x_claimgraph_event_type=c.predicate,
                                           x_claimgraph_mode=c.mode,
                                           x_claimgraph_location_name=place.name if place else None,
                                           x_claimgraph_origin_name=origin.name if origin else None))
        self.objects.append(inc)
        self.refer([view.document.id], inc.id)
        for k in dict.fromkeys(view.source_keys):
            if k in self.actor_ids:
                self.relationship(view, "attributed-to", inc.id, self.actor_ids[k])
        for k in dict.fromkeys(view.target_keys):
            if k in self.actor_ids:
                self.relationship(view, "targets", inc.id, self.actor_ids[k])
        if view.location_key and view.location_key in self.actor_ids:
            self.relationship(view, "located-at", inc.id, self.actor_ids[view.location_key])
        if view.origin_key and view.origin_key in self.actor_ids:
            self.relationship(view, "originates-from", inc.id, self.actor_ids[view.origin_key])

    def report(self, doc: Document) -> None:
        refs = self.doc_refs.get(doc.id) or [self.system.id]
        claims = self.corpus.claims_of(doc.id)
        published = _timestamp(doc.published) or self.ts
        rep = stix2.Report(
            id=stix_id("report", doc.id), name=doc.title or doc.path or doc.id, published=published,
            report_types=["threat-report"], object_refs=refs,
            description=f"claimgraph extraction from {doc.outlet or 'an unnamed outlet'}: {len(claims)} claims "
                        f"({sum(1 for c in claims if c.modality != 'asserted')} not asserted as fact).",
            external_references=[self.doc_reference(doc)],
            **self.common(x_claimgraph_doc_id=doc.id),
        )
        self.objects.append(rep)


def build_bundle(extractions: Iterable[Extraction], timestamp: datetime | None = None) -> stix2.Bundle:
    """A STIX 2.1 bundle for the given Extractions; ``timestamp`` sets created/modified (default: now)."""
    ts = timestamp or datetime.now(UTC).replace(microsecond=0)
    corpus = build_corpus(extractions)
    b = _Builder(corpus, ts)
    for actor in corpus.actors.values():
        b.actor(actor)
    for view in corpus.relations:
        b.relation(view)
    for view in corpus.events:
        b.event(view)
    for doc in corpus.documents:
        b.report(doc)
    return stix2.Bundle(objects=b.objects, id=stix_id("bundle", *[d.id for d in corpus.documents]),
                        allow_custom=True)


def write_stix(extractions: Iterable[Extraction], stream: TextIO, timestamp: datetime | None = None) -> int:
    """Write one STIX 2.1 bundle as JSON; returns the number of objects."""
    bundle = build_bundle(extractions, timestamp)
    # stix2's own pretty printer re-sorts properties in quadratic time (minutes for a few thousand
    # objects); its plain serialisation is fast, and json indents it.
    stream.write(json.dumps(json.loads(bundle.serialize()), indent=2, ensure_ascii=False))
    stream.write("\n")
    return len(bundle.objects)
