"""Writing to the store: one extraction per transaction, all or nothing.

The replacement rule: a document is identified by the hash of its text. Saving
an extraction whose document is already stored by the same pipeline version
changes nothing (``unchanged``). A document at the same path or url with a
different text (or the same text analysed by another pipeline version) is
deleted with all its records and the new one inserted (``replaced``). Any
failure rolls the whole transaction back, so what was stored before survives.
"""

from __future__ import annotations

import json
import sqlite3
from datetime import datetime, timezone
from typing import Any, Literal

from claimgraph.errors import StoreError
from claimgraph.model import Claim, Extraction
from claimgraph.store import identity

SaveResult = Literal["inserted", "unchanged", "replaced"]


def _json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=False)


def _span(span: tuple[int, int] | None) -> tuple[int | None, int | None]:
    return (span[0], span[1]) if span else (None, None)


def stale_documents(conn: sqlite3.Connection, doc_id: str, path: str | None, url: str | None) -> list[str]:
    """Stored documents this one supersedes: same path or url, different text."""
    ids: list[str] = []
    if path:
        ids += [r[0] for r in conn.execute("SELECT id FROM documents WHERE path = ? AND id != ?", (path, doc_id))]
    if url:
        ids += [r[0] for r in conn.execute("SELECT id FROM documents WHERE url = ? AND id != ?", (url, doc_id))]
    return sorted(set(ids))


def is_current(conn: sqlite3.Connection, doc_id: str, path: str | None, url: str | None, pipeline_version: str) -> bool:
    """True when saving this document again would change nothing (so it need not be analysed)."""
    row = conn.execute("SELECT pipeline_version FROM documents WHERE id = ?", (doc_id,)).fetchone()
    return row is not None and row[0] == pipeline_version and not stale_documents(conn, doc_id, path, url)


def delete_document(conn: sqlite3.Connection, doc_id: str) -> None:
    """Remove a document and, by cascade, every record extracted from it. Judgements stay."""
    claim_ids = [r[0] for r in conn.execute("SELECT id FROM claims WHERE doc_id = ?", (doc_id,))]
    conn.executemany("DELETE FROM claim_entities WHERE claim_id = ?", [(c,) for c in claim_ids])
    for table in ("contradictions", "claims", "attributions", "places", "mentions", "entities"):
        conn.execute(f"DELETE FROM {table} WHERE doc_id = ?", (doc_id,))  # noqa: S608 - fixed table names
    conn.execute("DELETE FROM documents WHERE id = ?", (doc_id,))


def save(conn: sqlite3.Connection, x: Extraction, subject: str, force: bool = False) -> SaveResult:
    """Store ``x`` in one transaction; see the module docstring for the rule.

    ``force`` replaces a stored copy even when its pipeline version is the same
    (re-analysis after a change to the extractors that did not bump the version).
    """
    doc = x.document
    conn.execute("BEGIN IMMEDIATE")
    try:
        stale = stale_documents(conn, doc.id, doc.path, doc.url)
        row = conn.execute("SELECT pipeline_version FROM documents WHERE id = ?", (doc.id,)).fetchone()
        if row is not None and row[0] == x.pipeline_version and not force:
            for old in stale:
                delete_document(conn, old)
            conn.execute("COMMIT")
            return "replaced" if stale else "unchanged"
        if row is not None:
            stale.append(doc.id)
        for old in stale:
            delete_document(conn, old)
        _insert(conn, x)
        if _judged(conn, [e.id for e in x.entities]):
            identity.recompute_all(conn)
        conn.execute("COMMIT")
    except BaseException as exc:
        conn.execute("ROLLBACK")
        if isinstance(exc, sqlite3.Error):
            raise StoreError("CG404", subject, f"{type(exc).__name__}: {exc}") from exc
        raise
    return "replaced" if stale else "inserted"


def _judged(conn: sqlite3.Connection, entity_ids: list[str]) -> bool:
    for eid in entity_ids:
        if conn.execute("SELECT 1 FROM judgements WHERE left_id = ? OR right_id = ? LIMIT 1", (eid, eid)).fetchone():
            return True
    return False


def _insert(conn: sqlite3.Connection, x: Extraction) -> None:
    doc = x.document
    now = datetime.now(timezone.utc).isoformat(timespec="seconds")
    conn.execute(
        "INSERT INTO documents (id, path, url, title, outlet, published, source_format, text, meta_json,"
        " pipeline_version, analysed_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (doc.id, doc.path, doc.url, doc.title, doc.outlet, doc.published, doc.source_format, doc.text,
         _json(doc.meta), x.pipeline_version, now),
    )
    uf = identity.resolver(conn)
    for e in x.entities:
        conn.execute(
            "INSERT INTO entities (id, doc_id, canonical_id, type, kind, name, aliases_json, titles_json,"
            " descriptions_json, external_ids_json, mentions_json) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (e.id, doc.id, identity.canonical_for(uf, identity.entity_key(e)), e.type, e.kind, e.name,
             _json(e.aliases), _json(e.titles), _json([d.to_dict() for d in e.descriptions]),
             _json(e.external_ids), _json([list(m) for m in e.mentions])),
        )
        if e.place is not None:
            p = e.place
            conn.execute(
                "INSERT INTO places (entity_id, doc_id, resolved, lat, lon, country, admin1, admin2, feature,"
                " geonameid, gazetteer_name, method, confidence, reason, parent)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (e.id, doc.id, int(p.resolved), p.lat, p.lon, p.country, p.admin1, p.admin2, p.feature,
                 p.geonameid, p.gazetteer_name, p.method, p.confidence, p.reason, p.parent),
            )
    conn.executemany(
        "INSERT INTO mentions (doc_id, entity_id, start, \"end\", text, label, source) VALUES (?, ?, ?, ?, ?, ?, ?)",
        [(doc.id, m.entity_id, m.start, m.end, m.text, m.label, m.source) for m in x.mentions],
    )
    for a in x.attributions:
        conn.execute(
            "INSERT INTO attributions (id, doc_id, chain_json, evidence_start, evidence_end, cue, scope_start,"
            " scope_end) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            (a.id, doc.id, _json([s.to_dict() for s in a.chain]), *_span(a.evidence), a.cue, *_span(a.scope)),
        )
    for c in x.claims:
        _insert_claim(conn, doc.id, c)
    for k in x.contradictions:
        conn.execute(
            "INSERT INTO contradictions (id, doc_id, key, claims_for_json, claims_against_json) VALUES (?, ?, ?, ?, ?)",
            (k.id, doc.id, k.key, _json(k.claims_for), _json(k.claims_against)),
        )


def _insert_claim(conn: sqlite3.Connection, doc_id: str, c: Claim) -> None:
    d = c.date
    conn.execute(
        "INSERT INTO claims (id, doc_id, kind, predicate, subject, object, role, sources_json, targets_json, mode,"
        " location, origin, date_value, date_after, date_before, date_precision, date_json, modality, historical,"
        " attribution_id, evidence_json, trigger_json, counts_json, extractor, extractor_version, confidence)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (c.id, doc_id, c.kind, c.predicate, c.subject, c.object, c.role, _json(c.sources), _json(c.targets),
         c.mode, c.location, c.origin, d.value if d else None, d.after if d else None, d.before if d else None,
         d.precision if d else None, _json(d.to_dict()) if d else None, c.modality, int(c.historical),
         c.attribution, _json([list(e) for e in c.evidence]), _json(list(c.trigger)) if c.trigger else None,
         _json(c.counts), c.extractor, c.extractor_version, c.confidence),
    )
    links = [("subject", c.subject), ("object", c.object), ("location", c.location), ("origin", c.origin)]
    links += [("source", s) for s in c.sources] + [("target", t) for t in c.targets]
    conn.executemany(
        "INSERT INTO claim_entities (claim_id, entity_id, role) VALUES (?, ?, ?)",
        [(c.id, eid, role) for role, eid in links if eid],
    )


def judge(conn: sqlite3.Connection, left: str, right: str, judgement: str, reason: str | None) -> int:
    """Record a judgement between two entity or canonical ids and recompute canonical ids.

    Returns how many entities changed canonical id. A ``same`` judgement that
    would join groups judged ``not_same`` raises CG405.
    """
    if judgement not in identity.JUDGEMENTS:
        raise StoreError("CG405", f"{left} ~ {right}", f"judgement must be one of {', '.join(identity.JUDGEMENTS)}")
    left, right = sorted((left, right))
    conn.execute("BEGIN IMMEDIATE")
    try:
        if judgement == "same" and identity.conflicts(conn, left, right):
            raise StoreError("CG405", f"{left} ~ {right}", "these were judged not the same")
        conn.execute(
            "INSERT OR REPLACE INTO judgements (left_id, right_id, judgement, reason, created_at) VALUES (?, ?, ?, ?, ?)",
            (left, right, judgement, reason, datetime.now(timezone.utc).isoformat(timespec="seconds")),
        )
        changed = identity.recompute_all(conn)
        conn.execute("COMMIT")
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    return changed
