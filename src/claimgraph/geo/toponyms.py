"""Toponym finding beyond NER (interim: none; the geo stage adds admin-phrase patterns)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from spacy.tokens import Doc


@dataclass(frozen=True)
class ToponymSpan:
    start: int
    end: int
    text: str
    kind: str | None = None       # province | district | city | area | country | ...
    parent_text: str | None = None  # "Khost Province" for "Spera District, Khost Province"


def toponym_spans(sdoc: Doc, gazetteer: Any | None = None) -> list[ToponymSpan]:
    """Place-name spans the NER may miss or mislabel. Interim: none."""
    return []
