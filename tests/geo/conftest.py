"""Geo fixtures: one gazetteer handle per session (built once into the user cache, then reused)."""

from __future__ import annotations

import pytest


@pytest.fixture(scope="session")
def gazetteer():
    from claimgraph.geo.gazetteer import Gazetteer

    gaz = Gazetteer.open()
    yield gaz


@pytest.fixture()
def tiny_gazetteer(tmp_path):
    """A small gazetteer of a few Afghan provinces and towns, written with the real writer (fast to copy into)."""
    import sqlite3

    from claimgraph.geo.gazdb import SCHEMA_VERSION, GazetteerWriter
    from claimgraph.geo.gazetteer import Gazetteer

    path = tmp_path / "tiny.sqlite"
    conn = sqlite3.connect(path)
    w = GazetteerWriter(conn)
    w.add_place([], geonameid=1149361, name="Afghanistan", lat=33.0, lon=66.0, level=0, feature="country",
                country="AF", population=37_000_000, source="test")
    for name, code, lat, lon in [("Logar", "17", 34.0, 69.2), ("Paktika", "29", 32.4, 68.7), ("Khost", "37", 33.3, 69.9)]:
        w.add_place([], name=name, lat=lat, lon=lon, level=1, feature="province", country="AF", admin1_code=code,
                    admin1=name, source="test")
    w.add_place(["Khost"], geonameid=1136469, name="Khōst", lat=33.34, lon=69.92, level=3, feature="town",
                country="AF", admin1_code="37", admin1="Khost", population=96_123, source="test")
    w.finish({"schema_version": SCHEMA_VERSION})
    conn.close()
    gaz = Gazetteer.open(path, build_if_missing=False)
    yield gaz
    gaz.close()
