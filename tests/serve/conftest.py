"""Fixtures for the API/UI tests: a store of hand-annotated samples (the browser tests add the seed report)."""

from __future__ import annotations

from pathlib import Path

import pytest

from claimgraph.model import Extraction
import serve_samples as samples
from serve_samples import write_store


@pytest.fixture(scope="session")
def sample_extractions() -> list[Extraction]:
    return [samples.sahel(), samples.syria(), samples.hostile()]


@pytest.fixture(scope="session")
def samples_db(tmp_path_factory, sample_extractions) -> Path:
    """A store with only the hand-annotated samples (fast, exact expectations)."""
    return write_store(tmp_path_factory.mktemp("serve") / "samples.sqlite", sample_extractions)


@pytest.fixture()
def client(samples_db):
    from fastapi.testclient import TestClient

    from claimgraph.serve.app import create_app

    with TestClient(create_app(samples_db)) as c:
        yield c
