"""Sidecar metadata: a ``metadata.jsonl`` beside a folder of text files.

Corpora are often shipped as one text per file plus one metadata record per
file (``{"id": "cn0002", "title": …, "date": …, "outlet": …, "url": …}``).
When a folder being ingested holds such a file — every record an object with
an ``id`` and no ``text`` — its records become the metadata of the files whose
name (without extension) is that id, anywhere under the sidecar's folder, and
the sidecar itself is not ingested as documents.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from claimgraph.errors import IngestError
from claimgraph.ingest.dateline import iso_date

SIDECAR_NAMES = frozenset({"metadata.jsonl", "meta.jsonl"})
#: a sidecar larger than this is treated as an ordinary JSON Lines file
SIDECAR_MAX_BYTES = 20_000_000
_FIELDS = {"title": "title", "headline": "title", "published": "published", "date": "published",
           "outlet": "outlet", "url": "url"}


def read_sidecar(path: Path) -> dict[str, dict[str, Any]] | None:
    """``{id: metadata}`` when ``path`` is a sidecar, else None (then it is read as documents)."""
    try:
        if path.stat().st_size > SIDECAR_MAX_BYTES:
            return None
        lines = path.read_bytes().decode("utf-8").splitlines()
    except (OSError, UnicodeDecodeError):
        return None
    records: dict[str, dict[str, Any]] = {}
    for line in lines:
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError:
            return None
        if not isinstance(record, dict) or "text" in record or not isinstance(record.get("id"), str):
            return None
        records[record["id"]] = record
    return records or None


def metadata_for(record: dict[str, Any], subject: str) -> dict[str, Any]:
    """Document fields from a sidecar record; a date that is not one is left out (kept in meta)."""
    meta: dict[str, Any] = {}
    extra: dict[str, Any] = {"sidecar_id": record["id"]}
    for key, field in _FIELDS.items():
        value = record.get(key)
        if not isinstance(value, str) or not value.strip() or field in meta:
            continue
        if field == "published":
            try:
                value = iso_date(value, subject)
            except IngestError:
                extra["unparsed_date"] = value
                continue
            extra["published_from"] = "metadata"
        meta[field] = value
    if isinstance(record.get("author"), str):
        extra["author"] = record["author"]
    meta["meta"] = extra
    return meta


def attach(files: list[Path]) -> tuple[dict[Path, dict[str, Any]], set[Path]]:
    """Metadata per file from the sidecars among ``files``, and the sidecars to leave out."""
    by_file: dict[Path, dict[str, Any]] = {}
    sidecars: set[Path] = set()
    for path in files:
        if path.name.lower() not in SIDECAR_NAMES:
            continue
        records = read_sidecar(path)
        if records is None:
            continue
        sidecars.add(path)
        folder = path.parent.resolve()
        for other in files:
            if other.stem in records and other not in sidecars and folder in other.resolve().parents:
                by_file[other] = metadata_for(records[other.stem], str(other))
    return by_file, sidecars
