"""What ``claimgraph show`` prints, as plain dicts (the JSON twin and the text view share them).

An entity view gathers every stored entity with the same canonical id across
documents: names, aliases, titles, places, and each claim it takes part in,
with the evidence text, the sentence around it, who says so (the attribution
chain, outermost first) and the modality, denied claims marked as such.
"""

from __future__ import annotations

import json
import re
from typing import Any

from claimgraph.errors import StoreError
from claimgraph.model import Attribution, Claim
from claimgraph.store.read import StoredClaim
from claimgraph.store.sqlite import Store

_SENTENCE_END = re.compile(r"(?<=[.!?…])([\"'”’)]*)\s+|\n\s*\n")


def sentence_around(text: str, span: tuple[int, int]) -> str:
    """The sentence (or headline) holding ``span``: from the last sentence end before it to the next after it."""
    start, end = span
    left = 0
    for m in _SENTENCE_END.finditer(text, 0, start):
        left = m.end()
    after = _SENTENCE_END.search(text, end)
    right = after.start() + len(after.group(1) or "") if after else len(text)  # keep closing quotes
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    left = max(left, line_start)
    right = min(right, line_end if line_end >= 0 else len(text))
    return text[left:right].strip()


def speakers(att: Attribution | None) -> list[str]:
    return [s.text for s in att.chain] if att else []


def _names(store: Store, ids: list[str]) -> dict[str, str]:
    out: dict[str, str] = {}
    for eid in ids:
        row = store.conn.execute("SELECT name FROM entities WHERE id = ?", (eid,)).fetchone()
        if row is not None:
            out[eid] = row[0]
    return out


def contested_by(store: Store, claim_id: str, doc_id: str) -> list[str]:
    """Ids of the claims on the other side of any contradiction this claim is part of."""
    others: list[str] = []
    rows = store.conn.execute("SELECT claims_for_json, claims_against_json FROM contradictions WHERE doc_id = ?",
                              (doc_id,))
    for pro_json, con_json in rows:
        pro, con = json.loads(pro_json), json.loads(con_json)
        if claim_id in pro:
            others += con
        elif claim_id in con:
            others += pro
    return others


def claim_view(store: Store, sc: StoredClaim, text: str | None = None) -> dict[str, Any]:
    c: Claim = sc.claim
    ids = [i for i in (c.subject, c.object, c.location, c.origin, *c.sources, *c.targets) if i]
    names = _names(store, ids)
    if text is None:
        text = store.conn.execute("SELECT text FROM documents WHERE id = ?", (c.doc_id,)).fetchone()[0]
    view: dict[str, Any] = {
        "id": c.id, "doc_id": c.doc_id, "kind": c.kind, "predicate": c.predicate, "modality": c.modality,
        "denied": c.modality == "denied", "contested_by": contested_by(store, c.id, c.doc_id),
        "historical": c.historical, "confidence": c.confidence,
        "evidence": [list(e) for e in c.evidence], "evidence_text": sc.evidence_text,
        "sentence": sentence_around(text, c.evidence[0]) if c.evidence else None,
        "says": speakers(sc.attribution), "cue": sc.attribution.cue if sc.attribution else None,
        "date": c.date.to_gold() if c.date else None,
        "extractor": f"{c.extractor}/{c.extractor_version}", "document": sc.document,
    }
    if c.kind == "relation":
        view.update(subject=names.get(c.subject or "", c.subject), object=names.get(c.object or "", c.object),
                    role=c.role)
    else:
        view.update(sources=[names.get(i, i) for i in c.sources], targets=[names.get(i, i) for i in c.targets],
                    mode=c.mode, location=names.get(c.location or "", c.location), counts=dict(c.counts))
    return view


def close_matches(store: Store, name: str, limit: int = 5) -> list[str]:
    from rapidfuzz import process

    return [m[0] for m in process.extract(name, store.entity_names(), limit=limit, score_cutoff=60)]


def entity_view(store: Store, name: str) -> list[dict[str, Any]]:
    """One view per canonical entity matching ``name`` (name or alias, any case). CG403 if none."""
    found = store.find_entities(name) or store.entities_by_canonical(name)
    if not found:  # an entity id
        row = store.conn.execute("SELECT canonical_id FROM entities WHERE id = ?", (name,)).fetchone()
        found = store.entities_by_canonical(row[0]) if row else []
    if not found:
        near = close_matches(store, name)
        detail = f"no entity named {name!r}" + (f"; close: {', '.join(near)}" if near else "")
        raise StoreError("CG403", name, detail)
    views = []
    for canonical in dict.fromkeys(e.canonical_id for e in found):
        members = store.entities_by_canonical(canonical)
        names = list(dict.fromkeys(m.entity.name for m in members))
        aliases = list(dict.fromkeys(a for m in members for a in [m.entity.name, *m.entity.aliases]))
        claims = store.claims(entity=canonical)
        views.append({
            "canonical_id": canonical,
            "name": names[0], "names": names, "aliases": aliases,
            "types": sorted({m.entity.type for m in members}),
            "kinds": sorted({m.entity.kind for m in members if m.entity.kind}),
            "titles": sorted({t for m in members for t in m.entity.titles}),
            "descriptions": list(dict.fromkeys(d.text for m in members for d in m.entity.descriptions)),
            "places": [m.entity.place.to_dict() for m in members if m.entity.place is not None][:1],
            "documents": list(dict.fromkeys(m.doc_id for m in members)),
            "entity_ids": [m.entity.id for m in members],
            "relations": [claim_view(store, sc) for sc in claims if sc.claim.kind == "relation"],
            "events": [claim_view(store, sc) for sc in claims if sc.claim.kind == "event"],
            "facts": entity_facts(store, canonical),
        })
    return views


def entity_facts(store: Store, canonical_id: str) -> list[dict[str, Any]]:
    """The cross-document facts an entity takes part in (any role), contested first, then by sources."""
    rows = store.conn.execute(
        "SELECT id, label, kind, predicate, date_start, date_end, n_claims, n_documents, n_sources, n_sources_for,"
        " n_sources_against, contested FROM fact_groups WHERE id IN (SELECT fc.group_id FROM fact_group_claims fc"
        " JOIN claim_entities ce ON ce.claim_id = fc.claim_id JOIN entities e ON e.id = ce.entity_id"
        " WHERE e.canonical_id = ?) ORDER BY contested DESC, n_sources DESC, n_documents DESC, id", (canonical_id,))
    return [{**dict(r), "contested": bool(r["contested"])} for r in rows]


def document_view(store: Store, doc_id: str | None = None, first: bool = False) -> dict[str, Any]:
    """A document's metadata, entities and claims. ``doc_id`` may be an id, an id prefix or a path."""
    if first:
        row = store.conn.execute("SELECT id FROM documents ORDER BY rowid LIMIT 1").fetchone()
        if row is None:
            raise StoreError("CG403", store.path, "the database holds no documents")
        doc_id = row[0]
    if not doc_id:
        raise StoreError("CG403", "document", "give a document id or --first")
    row = store.conn.execute(
        "SELECT id FROM documents WHERE id = ? OR path = ? OR id LIKE ? || '%' ORDER BY rowid LIMIT 1",
        (doc_id, doc_id, doc_id)).fetchone()
    if row is None:
        raise StoreError("CG403", doc_id, "no document with this id or path")
    x = store.get_extraction(row[0])
    info = store.document_info(x.document.id) or {}
    claims = store.claims(doc_id=x.document.id)
    return {
        "id": x.document.id, "title": x.document.title, "path": x.document.path, "url": x.document.url,
        "outlet": x.document.outlet, "published": x.document.published, "source_format": x.document.source_format,
        "pipeline_version": x.pipeline_version, "analysed_at": info.get("analysed_at"),
        "characters": len(x.document.text),
        "entities": [
            {"id": e.id, "type": e.type, "kind": e.kind, "name": e.name, "aliases": e.aliases,
             "mentions": len(e.mentions),
             "place": e.place.to_dict() if e.place else None}
            for e in x.entities
        ],
        "attributions": [{"id": a.id, "says": speakers(a), "cue": a.cue} for a in x.attributions],
        "relations": [claim_view(store, sc, x.document.text) for sc in claims if sc.claim.kind == "relation"],
        "events": [claim_view(store, sc, x.document.text) for sc in claims if sc.claim.kind == "event"],
        "contradictions": [k.to_dict() for k in x.contradictions],
    }


def resolve_identity(store: Store, ref: str) -> str:
    """The canonical id ``ref`` names: an entity id, a canonical id, or a name/alias of exactly one canonical entity."""
    row = store.conn.execute("SELECT canonical_id FROM entities WHERE id = ? OR canonical_id = ? LIMIT 1",
                             (ref, ref)).fetchone()
    if row is not None:
        return str(row[0])
    groups = list(dict.fromkeys(e.canonical_id for e in store.find_entities(ref)))
    if len(groups) == 1:
        return groups[0]
    if not groups:
        near = close_matches(store, ref)
        raise StoreError("CG403", ref, "no entity with this id or name" + (f"; close: {', '.join(near)}" if near else ""))
    raise StoreError("CG403", ref, f"the name is ambiguous ({len(groups)} entities); pass one of {', '.join(groups)}")
