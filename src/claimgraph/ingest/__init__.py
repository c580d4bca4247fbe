"""Ingest stage: files, HTML, JSON Lines and folders become Documents (or coded errors).

Entry points:

- :func:`iter_documents` — paths (files, folders, ``-`` for stdin) to a stream of
  :class:`~claimgraph.model.Document` or :class:`~claimgraph.errors.IngestError`;
  one bad file never stops the others.
- :func:`document_from_text` — a Document from a string, with the dateline and
  headline read from the text when not given.

Publication date and outlet come from the arguments first, then the file's
metadata (HTML meta tags, JSON fields), then the text's dateline.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from typing import Any

from claimgraph.errors import IngestError
from claimgraph.ingest.dateline import Dateline, find_dateline, iso_date, parse_date
from claimgraph.ingest.files import MAX_BYTES, plan, read_entry
from claimgraph.ingest.text import build_document
from claimgraph.model import Document

__all__ = [
    "MAX_BYTES",
    "Dateline",
    "document_from_text",
    "find_dateline",
    "iso_date",
    "iter_documents",
    "parse_date",
]


def document_from_text(text: str, **meta: Any) -> Document:
    """A Document from raw text; ``published``/``outlet``/``title`` not given are read from the text.

    Raises CG101 for a text with nothing in it.
    """
    subject = meta.get("path") or meta.get("url") or "<text>"
    return build_document(text, str(subject), **meta)


def iter_documents(
    paths: Iterable[str | os.PathLike[str]],
    published: str | None = None,
    outlet: str | None = None,
    max_bytes: int = MAX_BYTES,
) -> Iterator[Document | IngestError]:
    """Every document under ``paths``, in a deterministic order, or a coded error per bad input.

    ``published`` (YYYY[-MM[-DD]] or any date dateparser reads) and ``outlet``
    override what files say; an invalid ``published`` raises CG108 at once,
    before any file is read.
    """
    meta: dict[str, Any] = {}
    if published is not None:
        meta["published"] = iso_date(published, "--published")
    if outlet is not None:
        meta["outlet"] = outlet
    for item, sidecar in plan(paths):
        if isinstance(item, IngestError):
            yield item
        else:
            yield from read_entry(item, sidecar, max_bytes, meta)
