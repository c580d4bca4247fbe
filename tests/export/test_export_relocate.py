"""RELOCATE (claimgraph's extension event type): the starting place travels with the destination."""

from __future__ import annotations

import csv
import io
import json
from datetime import UTC, datetime

import jsonschema
import networkx as nx
import stix2

from claimgraph.export.csv import write_csv
from claimgraph.export.ftm import write_ftm
from claimgraph.export.graph import write_graphml
from claimgraph.export.plover import plover_schema, write_plover
from claimgraph.export.stix import write_stix


def test_plover_has_origin_and_destination(relocation):
    out = io.StringIO()
    write_plover([relocation], out)
    (record,) = [json.loads(line) for line in out.getvalue().splitlines()]
    jsonschema.validate(record, plover_schema())
    assert record["event"] == ["RELOCATE"] and "quad_code" not in record  # PLOVER defines none for it
    assert record["event_loc"]["extracted_place"] == "Baramulla"
    assert record["origin_loc"]["extracted_place"] == "Kupwara"
    assert record["origin_loc"]["country_code"] == "IND"


def test_csv_graph_stix_and_ftm_name_the_origin(relocation):
    out = io.StringIO()
    write_csv([relocation], out)
    (row,) = list(csv.DictReader(io.StringIO(out.getvalue())))
    assert (row["location"], row["origin"]) == ("Baramulla", "Kupwara")

    buf = io.BytesIO()
    write_graphml([relocation], buf)
    buf.seek(0)
    g = nx.read_graphml(buf, force_multigraph=True)
    roles = {(g.nodes[v]["label"], d["role"]) for _, v, d in g.edges(data=True)}
    assert roles == {("Baramulla", "at"), ("Kupwara", "from")}

    out = io.StringIO()
    write_stix([relocation], out, timestamp=datetime(2025, 1, 1, tzinfo=UTC))
    objs = stix2.parse(out.getvalue(), allow_custom=True).objects
    (inc,) = [o for o in objs if o.type == "incident"]
    assert inc.x_claimgraph_origin_name == "Kupwara"
    names = {o.id: o.name for o in objs if o.type == "location"}
    rels = {(r.relationship_type, names.get(r.target_ref)) for r in objs if r.type == "relationship"}
    assert {("located-at", "Baramulla"), ("originates-from", "Kupwara")} <= rels

    out = io.StringIO()
    write_ftm([relocation], out)
    (event,) = [e for e in map(json.loads, out.getvalue().splitlines()) if e["schema"] == "Event"]
    assert "from: Kupwara" in event["properties"]["notes"]
