"""JSON Lines: one document per line, ``{text, url?, title?, published?, outlet?}``.

A bad line is reported with its line number (CG105) and the other lines still
go in. Lines are read with a size cap, so a huge line is refused without being
parsed or held in memory whole.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import IO, Any

from claimgraph.errors import IngestError
from claimgraph.ingest.dateline import iso_date
from claimgraph.ingest.text import build_document
from claimgraph.model import Document

JSONL_SUFFIXES = frozenset({".jsonl", ".ndjson", ".jsonlines"})
_FIELDS = ("url", "title", "published", "outlet")
_CHUNK = 1 << 20


def _lines(stream: IO[bytes], max_bytes: int) -> Iterator[tuple[int, bytes | None]]:
    """(line number, bytes) per line; ``None`` for a line longer than ``max_bytes``, skipped in chunks."""
    number = 0
    while True:
        line = stream.readline(max_bytes + 1)
        if not line:
            return
        number += 1
        if len(line) > max_bytes and not line.endswith(b"\n"):
            while True:  # drain the rest of the long line without keeping it
                rest = stream.readline(_CHUNK)
                if not rest or rest.endswith(b"\n"):
                    break
            yield number, None
            continue
        yield number, line


def read_jsonl(
    stream: IO[bytes], subject: str, max_bytes: int, **defaults: Any
) -> Iterator[Document | IngestError]:
    """Documents (or coded errors) from a JSON Lines byte stream; ``defaults`` (published, outlet) win."""
    for number, raw in _lines(stream, max_bytes):
        where = f"{subject}:{number}"
        if raw is None:
            yield IngestError("CG104", where, f"line {number} is over {max_bytes} bytes")
            continue
        if not raw.strip():
            continue
        try:
            record = json.loads(raw.decode("utf-8"))
        except UnicodeDecodeError as exc:
            yield IngestError("CG103", where, f"line {number}: bad byte at offset {exc.start} of the line")
            continue
        except json.JSONDecodeError as exc:
            yield IngestError("CG105", where, f"line {number}: {exc.msg} at column {exc.colno}", line=number)
            continue
        try:
            yield _document(record, where, number, defaults)
        except IngestError as exc:
            yield exc


def _document(record: Any, where: str, number: int, defaults: dict[str, Any]) -> Document:
    if not isinstance(record, dict):
        raise IngestError("CG105", where, f"line {number}: a JSON object is needed, got {type(record).__name__}")
    text = record.get("text")
    if not isinstance(text, str):
        raise IngestError("CG105", where, f"line {number}: \"text\" must be a string", line=number)
    if not text.strip():
        raise IngestError("CG101", where, f"line {number}: \"text\" is empty")
    if "\x00" in text:
        raise IngestError("CG102", where, f"line {number}: NUL character in text")
    meta: dict[str, Any] = {}
    for name in _FIELDS:
        value = record.get(name)
        if value is not None and not isinstance(value, str):
            raise IngestError("CG105", where, f"line {number}: \"{name}\" must be a string", line=number)
        meta[name] = value
    if meta["published"] is not None:
        meta["published"] = iso_date(meta["published"], where)
    for name, value in defaults.items():
        if value is not None:
            meta[name] = value
    extra = {"line": number}
    if record.get("id") is not None:
        extra["source_id"] = record["id"]
    return build_document(text, where, path=where, source_format="jsonl", meta=extra, **meta)
