"""A claim and its denial: both exported, each with its own modality, each pointing at the other."""

from __future__ import annotations

import csv
import io
import json
from datetime import UTC, datetime

import networkx as nx
import stix2

from claimgraph.export.csv import write_csv
from claimgraph.export.ftm import write_ftm
from claimgraph.export.graph import write_graphml
from claimgraph.export.plover import write_plover
from claimgraph.export.stix import write_stix


def _ids(x):
    (k,) = x.contradictions
    return k.claims_for[0], k.claims_against[0]


def test_plover_and_csv_link_both_sides(contested):
    asserted, denied = _ids(contested)
    out = io.StringIO()
    write_plover([contested], out)
    records = {r["id"]: r for r in map(json.loads, out.getvalue().splitlines())}
    assert records[asserted]["contradicted_by"] == [denied]
    assert records[denied]["contradicted_by"] == [asserted]
    assert records[denied]["modality"] == "denied" and "negation" in records[denied]["context"]
    out = io.StringIO()
    write_csv([contested], out)
    rows = {r["event_id"]: r for r in csv.DictReader(io.StringIO(out.getvalue()))}
    assert rows[asserted]["contradicted_by"] == denied
    assert (rows[asserted]["modality"], rows[denied]["modality"]) == ("asserted", "denied")


def test_graph_marks_both_edges_contested(contested):
    buf = io.BytesIO()
    write_graphml([contested], buf)
    buf.seek(0)
    g = nx.read_graphml(buf, force_multigraph=True)
    edges = [d for _, _, d in g.edges(data=True)]
    assert sorted(d["modality"] for d in edges) == ["asserted", "denied"]
    assert all(d["contested"] is True for d in edges)


def test_stix_and_ftm_carry_the_link(contested):
    asserted, denied = _ids(contested)
    out = io.StringIO()
    write_stix([contested], out, timestamp=datetime(2025, 1, 1, tzinfo=UTC))
    incidents = {o.x_claimgraph_claim_id: o for o in stix2.parse(out.getvalue(), allow_custom=True).objects
                 if o.type == "incident"}
    assert incidents[asserted].x_claimgraph_contradicted_by == [denied]
    assert incidents[denied].x_claimgraph_modality == "denied"
    out = io.StringIO()
    write_ftm([contested], out)
    events = {e["properties"]["recordId"][0]: e for e in map(json.loads, out.getvalue().splitlines())
              if e["schema"] == "Event"}
    assert denied in events[asserted]["properties"]["summary"][0]
    assert events[denied]["properties"]["summary"][0].startswith("denied, according to")
