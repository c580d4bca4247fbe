"""Ingest stage: files, HTML, JSON Lines and folders become Documents (or coded errors)."""

from __future__ import annotations

from typing import Any

from claimgraph.model import Document


def document_from_text(text: str, **meta: Any) -> Document:
    """A Document from raw text (interim; the ingest stage adds dateline/outlet detection)."""
    return Document.from_text(text, **meta)
