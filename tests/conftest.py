"""Shared fixtures. Tests may read ../shared (gold sets, data); the product never does."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("CLAIMGRAPH_SHARED", REPO.parent / "shared"))


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    if not SHARED.is_dir():
        pytest.skip(f"../shared not found at {SHARED}")
    return SHARED


@pytest.fixture(scope="session")
def seed_text(shared_dir: Path) -> str:
    return (shared_dir / "seed" / "mir-ali-agreement.txt").read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def seed_gold(shared_dir: Path) -> dict:
    return json.loads((shared_dir / "gold" / "seed" / "mir-ali-agreement.gold.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="session")
def nlp():
    """The spaCy pipeline, loaded once per test session (it takes seconds)."""
    from claimgraph.nlp.pipeline import load_nlp

    return load_nlp()


@pytest.fixture(scope="session")
def pipeline(nlp):
    """The full pipeline with the gazetteer, shared by every test that analyses text."""
    from claimgraph.geo.gazetteer import Gazetteer
    from claimgraph.pipeline import Pipeline

    return Pipeline(nlp=nlp, gazetteer=Gazetteer.open())


@pytest.fixture(scope="session")
def seed_extraction(pipeline, seed_text):
    from claimgraph.ingest import document_from_text

    doc = document_from_text(
        seed_text, path="seed/mir-ali-agreement.txt", outlet="Afghanistan International", published="2025-01-14"
    )
    return pipeline.analyze(doc)


@pytest.fixture(scope="session")
def run_claims(nlp):
    """Run the entity stage and the claim stages (attribution → contradictions) on a small text.

    Returns a function ``run(text, outlet=..., published=...) -> DocContext``; no gazetteer,
    so place coordinates are not resolved (the claim stages do not need them).
    """
    from claimgraph.extract import agents, attribution, contradictions, entities, events, relations
    from claimgraph.extract.context import DocContext
    from claimgraph.model import Document

    def run(text: str, outlet: str = "Test Wire", published: str = "2024-03-10") -> DocContext:
        doc = Document.from_text(text, outlet=outlet, published=published)
        ctx = DocContext(document=doc, sdoc=nlp(doc.text))
        entities.find_entities(ctx)
        agents.find_agents(ctx)
        attribution.find_attributions(ctx)
        relations.find_relations(ctx)
        events.find_events(ctx)
        contradictions.link_contradictions(ctx)
        return ctx

    return run
