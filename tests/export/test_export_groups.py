"""Unnamed groups ("Colombian rebels", "the police") as event actors in every export format."""

from __future__ import annotations

import io
import json
from datetime import UTC, datetime

import pytest
import stix2

from claimgraph.export.ftm import write_ftm
from claimgraph.export.plover import write_plover
from claimgraph.export.stix import write_stix
from claimgraph.model import Document


@pytest.fixture(scope="module")
def groups_extraction(pipeline):
    doc = Document.from_text("Colombian rebels attacked a police post near Cali on Sunday, officials said.",
                             outlet="Test Wire", published="2024-03-10")
    x = pipeline.analyze(doc)
    assert any(e.type == "Group" for e in x.entities)
    return x


def test_group_actors_in_plover(groups_extraction):
    out = io.StringIO()
    write_plover([groups_extraction], out)
    (record,) = [r for r in map(json.loads, out.getvalue().splitlines()) if r["event"] == ["ASSAULT"]]
    (actor,) = record["actor"]
    assert actor["entity_text"] == "Colombian rebels" and actor["entity_type"] == "Group"
    assert actor["sector"] == "REB" and actor["code"] == "COL"
    assert record["recipient"][0]["sector"] == "COP"


def test_group_actors_in_ftm_and_stix(groups_extraction):
    out = io.StringIO()
    write_ftm([groups_extraction], out)
    entities = list(map(json.loads, out.getvalue().splitlines()))
    orgs = {e["id"]: e["properties"]["name"][0] for e in entities if e["schema"] == "Organization"}
    (event,) = [e for e in entities if e["schema"] == "Event"]
    assert [orgs[i] for i in event["properties"]["organizer"]] == ["Colombian rebels"]

    out = io.StringIO()
    write_stix([groups_extraction], out, timestamp=datetime(2025, 1, 1, tzinfo=UTC))
    objs = stix2.parse(out.getvalue(), allow_custom=True).objects
    groups = {o.name: o for o in objs if o.type == "identity" and o.identity_class == "group"}
    assert {"Colombian rebels", "police"} <= set(groups)
