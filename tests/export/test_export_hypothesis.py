"""Hostile and unusual text survives every format: Hypothesis round trips on generated names and evidence."""

from __future__ import annotations

import csv
import io
import json

import networkx as nx
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from claimgraph.export.csv import write_csv
from claimgraph.export.graph import write_gexf, write_graphml
from claimgraph.export.plover import write_plover
from claimgraph.model import Attribution, Claim, Document, Entity, Extraction, Speaker

names = st.text(min_size=1, max_size=20).filter(lambda s: s.strip() != "")
modalities = st.sampled_from(["asserted", "denied", "alleged", "requested", "promised", "hypothetical"])


@st.composite
def extractions(draw) -> Extraction:
    a, b, speaker = draw(names), draw(names), draw(names)
    filler = draw(st.text(max_size=30))
    text = f"{a} {filler} {b}. {speaker} said so."
    doc = Document.from_text(text, outlet=draw(st.one_of(st.none(), names)))
    text = doc.text  # normalised
    sa = text.find(a.strip()) if a.strip() else 0
    ea = Entity(id="ent_a", type="Organization", name=a, aliases=[a], mentions=[(max(sa, 0), max(sa, 0) + 1)])
    eb = Entity(id="ent_b", type="Person", name=b, aliases=[b])
    att = Attribution(id="att_1", chain=[Speaker(text=doc.outlet or "outlet"), Speaker(text=speaker)])
    ev = [(0, len(text))]
    rel = Claim(id="clm_rel", doc_id=doc.id, kind="relation", predicate="leader_of", evidence=ev, attribution="att_1",
                modality=draw(modalities), subject="ent_b", object="ent_a")
    evt = Claim(id="clm_evt", doc_id=doc.id, kind="event", predicate="ASSAULT", evidence=ev, attribution="att_1",
                modality=draw(modalities), sources=["ent_a"], targets=["ent_b"])
    return Extraction(document=doc, entities=[ea, eb], attributions=[att], claims=[rel, evt])


FAST = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@FAST
@given(extractions())
def test_graphml_round_trip_with_any_text(x):
    buf = io.BytesIO()
    written = write_graphml([x], buf)
    buf.seek(0)
    back = nx.read_graphml(buf, force_multigraph=True)
    assert dict(back.nodes(data=True)) == dict(written.nodes(data=True))
    assert sorted(d["modality"] for _, _, d in back.edges(data=True)) == sorted(c.modality for c in x.claims)
    assert {d["evidence"] for _, _, d in back.edges(data=True)} == {
        d["evidence"] for _, _, d in written.edges(data=True)}


@FAST
@given(extractions())
def test_gexf_round_trip_with_any_text(x):
    buf = io.BytesIO()
    written = write_gexf([x], buf)
    buf.seek(0)
    back = nx.read_gexf(buf)
    for node, data in written.nodes(data=True):
        assert back.nodes[node] == data


@FAST
@given(extractions())
def test_csv_and_plover_round_trip_with_any_text(x):
    out = io.StringIO(newline="")
    write_csv([x], out)
    rows = list(csv.DictReader(io.StringIO(out.getvalue(), newline="")))
    assert len(rows) == 1, repr(out.getvalue())
    (row,) = rows
    assert row["notes"] == x.document.text.strip() or row["notes"] == x.document.text
    assert row["modality"] == x.events[0].modality
    out = io.StringIO()
    write_plover([x], out)
    (record,) = [json.loads(line) for line in out.getvalue().splitlines()]
    assert record["evidence"][0]["text"] == x.document.text


@FAST
@given(extractions())
def test_ftm_entities_are_stable_under_model_cleaning_with_any_text(x):
    from followthemoney import model

    from claimgraph.export.ftm import write_ftm

    out = io.StringIO()
    write_ftm([x], out)
    rows = [json.loads(line) for line in out.getvalue().split("\n") if line]
    assert sum(1 for r in rows if r["schema"] == "Event") == 1
    for row in rows:
        proxy = model.get_proxy(row, cleaned=False)
        again = model.make_entity(proxy.schema)
        for prop, values in proxy.properties.items():
            again.add(prop, values)
        assert again.to_dict()["properties"] == row["properties"]
