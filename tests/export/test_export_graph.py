"""GraphML and GEXF: networkx reads back the same nodes, edges and attributes."""

from __future__ import annotations

import io

import networkx as nx
import pytest

from claimgraph.export.common import build_corpus
from claimgraph.export.graph import write_gexf, write_graphml
from claimgraph.export.network import build_graph


def _graphml(extractions):
    buf = io.BytesIO()
    written = write_graphml(extractions, buf)
    buf.seek(0)
    return written, nx.read_graphml(buf, force_multigraph=True)


def _gexf(extractions):
    buf = io.BytesIO()
    written = write_gexf(extractions, buf)
    buf.seek(0)
    return written, nx.read_gexf(buf)


def test_graphml_round_trip_keeps_every_attribute(corpus_docs):
    written, back = _graphml(corpus_docs)
    assert dict(back.nodes(data=True)) == dict(written.nodes(data=True))
    assert sorted((u, v, k, tuple(sorted(d.items()))) for u, v, k, d in back.edges(keys=True, data=True)) == sorted(
        (u, v, k, tuple(sorted(d.items()))) for u, v, k, d in written.edges(keys=True, data=True))


def test_gexf_round_trip_keeps_every_attribute(corpus_docs):
    written, back = _gexf(corpus_docs)
    for node, data in written.nodes(data=True):
        assert back.nodes[node] == data
    back_edges = {d["id"]: d for _, _, d in back.edges(data=True)}
    assert len(back_edges) == written.number_of_edges()
    for _, _, data in written.edges(data=True):
        assert back_edges[data["id"]] == data


def test_edge_ids_are_unique_in_the_file(corpus_docs):
    _, g = _graphml(corpus_docs)
    keys = [k for _, _, k in g.edges(keys=True)]
    assert len(keys) == len(set(keys)) == g.number_of_edges()


def test_one_node_per_merged_entity_with_type_and_aliases(corpus_docs):
    _, g = _graphml(corpus_docs)
    assert g.number_of_nodes() == len(build_corpus(corpus_docs).actors)
    jnim = g.nodes["dictionary:jnim"]
    assert jnim["type"] == "Organization" and jnim["doc_count"] == 2
    assert set(jnim["aliases"].split(" | ")) == {"JNIM", "Jama'at Nusrat al-Islam wal-Muslimin"}
    assert g.nodes["geonames:1302439"]["latitude"] == 21.3


def test_edges_count_claims_and_independent_sources(corpus_docs):
    _, g = _graphml(corpus_docs)
    (leader,) = [d for u, v, d in g.edges(data=True) if d["type"] == "leader_of"]
    assert leader["claim_count"] == 2
    assert leader["source_count"] == 2  # the Sahel Monitor in its own voice, and UN experts
    assert len(leader["claim_ids"].split(" | ")) == 2


def test_same_speaker_in_two_documents_is_one_source(sahel):
    # the same claim reported twice by the same outlet's voice: two claims, one source
    from copy import deepcopy

    from claimgraph.model import Document

    twin = deepcopy(sahel)
    twin.document = Document.from_text(sahel.document.text + "\\n", outlet=sahel.document.outlet)
    twin.document.id = sahel.document.id + "-copy"
    g = build_graph(build_corpus([sahel, twin]))
    (leader,) = [d for u, v, d in g.edges(data=True) if d["type"] == "leader_of"]
    assert (leader["claim_count"], leader["source_count"]) == (2, 1)


def test_denied_ties_are_separate_edges_with_their_modality(corpus_docs):
    _, g = _graphml(corpus_docs)
    wagner_moura = [d for u, v, d in g.edges(data=True) if u == "dictionary:wagner" and v == "name:location:moura"]
    assert sorted(d["modality"] for d in wagner_moura) == ["asserted", "denied"]
    denied = next(d for d in wagner_moura if d["modality"] == "denied")
    assert denied["date"] == "2024-03" and denied["attribution"] == "Radio Sahel > Wagner"


def test_joint_event_without_recipient_links_its_co_actors(corpus_docs):
    _, g = _graphml(corpus_docs)
    (meeting,) = [d for u, v, d in g.edges(data=True) if d["type"] == "CONSULT"]
    assert meeting["reciprocal"] is True and meeting["date"] == "2024-03-02"


@pytest.mark.parametrize("fmt", ["graphml", "gexf"])
def test_sample_report_graph_reads_back(seed_extraction, fmt):
    written, back = _graphml([seed_extraction]) if fmt == "graphml" else _gexf([seed_extraction])
    assert back.number_of_nodes() == written.number_of_nodes() == len(build_corpus([seed_extraction]).actors)
    assert back.number_of_edges() == written.number_of_edges()
