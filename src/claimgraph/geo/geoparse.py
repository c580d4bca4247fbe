"""Geoparsing a parsed text on its own: toponym spans and a place for each.

The extraction pipeline resolves Location *entities*; this module does the
same for raw spans without the rest of the pipeline, which is what the
geoparsing evaluation and ``claimgraph gazetteer`` users need:

* :func:`find_toponyms` — spaCy GPE/LOC/FAC spans merged with
  :func:`~claimgraph.geo.toponyms.toponym_spans` (admin phrases win over the
  NER's shorter or mislabelled spans);
* :func:`geoparse` — those spans resolved together (one place per distinct
  name in a document, parents from admin phrases).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from claimgraph.geo.gazetteer import Gazetteer
from claimgraph.geo.names import norm, split_admin
from claimgraph.geo.resolve import Toponym, resolve_toponyms
from claimgraph.geo.toponyms import ToponymSpan, toponym_spans
from claimgraph.model import Place

if TYPE_CHECKING:
    from spacy.tokens import Doc

NER_LABELS = ("GPE", "LOC", "FAC")


@dataclass
class Geoparsed:
    start: int
    end: int
    text: str
    place: Place


def find_toponyms(sdoc: Doc, gazetteer: Gazetteer | None, labels: tuple[str, ...] = NER_LABELS) -> list[ToponymSpan]:
    """Toponym spans, sorted and without overlaps."""
    ours = toponym_spans(sdoc, gazetteer)
    spans = list(ours)
    for ent in sdoc.ents:
        if ent.label_ not in labels:
            continue
        if any(s.start < ent.end_char and ent.start_char < s.end for s in ours):
            continue
        text = ent.text
        start = ent.start_char
        if text.lower().startswith("the "):
            start, text = start + 4, text[4:]
        spans.append(ToponymSpan(start, start + len(text), text, None))
    return sorted(spans, key=lambda s: s.start)


def _key(text: str) -> str:
    core, word = split_admin(text)
    return f"{core}|{word or ''}"


def resolve_spans(gazetteer: Gazetteer, spans: list[ToponymSpan]) -> list[Geoparsed]:
    """Resolve spans together; spans with the same name (and admin word) share one place."""
    toponyms: dict[str, Toponym] = {}
    key_of: list[str] = []
    for sp in spans:
        key = _key(sp.text)
        key_of.append(key)
        if key in toponyms:
            toponyms[key].weight += 1
            continue
        toponyms[key] = Toponym(key=key, text=sp.text, kind=sp.kind)
    for sp, key in zip(spans, key_of):
        if sp.parent_text and toponyms[key].parent_key is None:
            pkey = _key(sp.parent_text)
            if pkey in toponyms and pkey != key:
                toponyms[key].parent_key = pkey
    places = resolve_toponyms(gazetteer, list(toponyms.values()))
    return [Geoparsed(sp.start, sp.end, sp.text, places[key]) for sp, key in zip(spans, key_of)]


def geoparse(sdoc: Doc, gazetteer: Gazetteer) -> list[Geoparsed]:
    """Every toponym of a parsed text with its place (resolved or not, with the reason)."""
    return resolve_spans(gazetteer, find_toponyms(sdoc, gazetteer))


def same_toponym(a: str, b: str) -> bool:
    return norm(a) == norm(b)
