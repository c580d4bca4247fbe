"""Paths to Documents: files, folders (recursive, sorted) and standard input.

Each path yields Documents or coded :class:`IngestError` values, never raises
for one bad file, so a run goes on with the others. Sizes are checked with
``stat`` before a byte is read: a 50 MB file is refused without reading it.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from claimgraph.errors import IngestError
from claimgraph.ingest.html import HTML_SUFFIXES, declared_html_charset, document_from_html, looks_like_html
from claimgraph.ingest.jsonl import JSONL_SUFFIXES, read_jsonl
from claimgraph.ingest.text import build_document, decode
from claimgraph.model import Document

#: default cap on one document (a plain-text or HTML file, or one JSON Lines record)
MAX_BYTES = 10_000_000
STDIN = "-"


def expand_paths(paths: Iterable[str | os.PathLike[str]]) -> Iterator[Path | IngestError]:
    """Every file named or under a folder named, in a deterministic order.

    Folders are walked recursively in sorted order, skipping hidden entries
    (``.git``, ``.DS_Store``). A missing path gives CG100, a broken symbolic
    link CG106.
    """
    for raw in paths:
        if str(raw) == STDIN:
            yield Path(STDIN)
            continue
        path = Path(raw)
        if path.is_dir():
            yield from _walk(path)
        elif path.exists():
            yield path
        elif path.is_symlink():
            yield IngestError("CG106", str(path), f"broken symbolic link to {os.readlink(path)}")
        else:
            yield IngestError("CG100", str(path), "no such file or folder")


def plan(paths: Iterable[str | os.PathLike[str]]) -> list[tuple[Path | IngestError, dict[str, Any]]]:
    """Every input with the metadata a sidecar ``metadata.jsonl`` gives it (see :mod:`.sidecar`).

    Sidecars themselves are left out; everything else keeps the order of
    :func:`expand_paths`.
    """
    from claimgraph.ingest.sidecar import attach

    entries = list(expand_paths(paths))
    files = [e for e in entries if isinstance(e, Path) and str(e) != STDIN]
    by_file, sidecars = attach(files)
    return [(e, by_file.get(e, {}) if isinstance(e, Path) else {}) for e in entries
            if not (isinstance(e, Path) and e in sidecars)]


def read_entry(entry: Path, sidecar: dict[str, Any], max_bytes: int, meta: dict[str, Any]
               ) -> Iterator[Document | IngestError]:
    """Documents of one planned entry: arguments (``meta``) win over sidecar metadata, which wins over the file's own."""
    if not sidecar or entry.suffix.lower() in JSONL_SUFFIXES:
        yield from read_path(entry, max_bytes=max_bytes, **meta)
        return
    merged = {k: v for k, v in sidecar.items() if k != "meta"}
    merged.update(meta)
    yield from read_path(entry, max_bytes=max_bytes, meta=dict(sidecar.get("meta") or {}), **merged)


def _walk(folder: Path) -> Iterator[Path | IngestError]:
    try:
        entries = sorted(folder.iterdir(), key=lambda p: p.name)
    except OSError as exc:
        yield IngestError("CG106", str(folder), exc.strerror or type(exc).__name__)
        return
    for entry in entries:
        if entry.name.startswith("."):
            continue
        if entry.is_dir():
            yield from _walk(entry)
        elif entry.is_file():
            yield entry
        elif entry.is_symlink():
            yield IngestError("CG106", str(entry), f"broken symbolic link to {os.readlink(entry)}")


def read_bytes(path: Path, max_bytes: int) -> bytes:
    """The file's bytes, refused (CG104) before reading when it is over ``max_bytes``."""
    subject = str(path)
    try:
        if path.is_dir():
            raise IngestError("CG106", subject, "is a folder, not a file")
        size = path.stat().st_size
        if size > max_bytes:
            raise IngestError("CG104", subject, f"{size} bytes, over the limit of {max_bytes}")
        with path.open("rb") as stream:
            data = stream.read(max_bytes + 1)
    except FileNotFoundError as exc:
        raise IngestError("CG100", subject, "no such file") from exc
    except OSError as exc:
        raise IngestError("CG106", subject, exc.strerror or type(exc).__name__) from exc
    if len(data) > max_bytes:  # grew since stat, or a special file
        raise IngestError("CG104", subject, f"over the limit of {max_bytes} bytes")
    return data


def read_path(path: Path, max_bytes: int = MAX_BYTES, **meta: Any) -> Iterator[Document | IngestError]:
    """The documents in one file: one for text or HTML, one per line for JSON Lines."""
    subject = str(path)
    suffix = path.suffix.lower()
    try:
        if subject == STDIN:
            data = sys.stdin.buffer.read(max_bytes + 1)
            if len(data) > max_bytes:
                raise IngestError("CG104", "<stdin>", f"over the limit of {max_bytes} bytes")
            yield _from_bytes(data, "<stdin>", "", None, meta)
            return
        if suffix in JSONL_SUFFIXES:
            yield from _read_jsonl(path, max_bytes, meta)
            return
        data = read_bytes(path, max_bytes)
        yield _from_bytes(data, subject, suffix, os.path.abspath(path), meta)
    except IngestError as exc:
        yield exc


def _from_bytes(data: bytes, subject: str, suffix: str, abspath: str | None, meta: dict[str, Any]) -> Document:
    declared = declared_html_charset(data) if suffix not in (".txt", ".text") else None
    text = decode(data, subject, fallback=declared)
    if suffix in HTML_SUFFIXES or (suffix not in (".txt", ".text") and looks_like_html(text)):
        return document_from_html(text, subject, path=abspath, **meta)
    return build_document(text, subject, path=abspath, source_format="text", **meta)


def _read_jsonl(path: Path, max_bytes: int, meta: dict[str, Any]) -> Iterator[Document | IngestError]:
    subject = str(path)
    try:
        if path.is_dir():
            raise IngestError("CG106", subject, "is a folder, not a file")
        stream = path.open("rb")
    except FileNotFoundError as exc:
        raise IngestError("CG100", subject, "no such file") from exc
    except OSError as exc:
        raise IngestError("CG106", subject, exc.strerror or type(exc).__name__) from exc
    with stream:
        any_line = False
        for item in read_jsonl(stream, os.path.abspath(path), max_bytes, **meta):
            any_line = True
            yield item
        if not any_line:
            yield IngestError("CG101", subject, "no JSON Lines records")
