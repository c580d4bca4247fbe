"""Geo fixtures: one gazetteer handle per session (built once into the user cache, then reused)."""

from __future__ import annotations

import pytest


@pytest.fixture(scope="session")
def gazetteer():
    from claimgraph.geo.gazetteer import Gazetteer

    gaz = Gazetteer.open()
    yield gaz
