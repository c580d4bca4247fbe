"""GraphML and GEXF through networkx, for Gephi, Cytoscape, yEd and any networkx user.

Both are XML written by networkx's own writers (``write_graphml``/``write_gexf``)
from :func:`claimgraph.export.network.build_graph`; both read back with
``read_graphml``/``read_gexf`` with every attribute intact. The streams are binary
(the writers emit encoded XML).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any, BinaryIO

import networkx as nx

from claimgraph.export.common import build_corpus
from claimgraph.export.network import build_graph
from claimgraph.model import Extraction

# characters XML 1.0 cannot hold at all (C0 controls other than tab/newline/CR, lone surrogates, U+FFFE/F)
_XML_INVALID = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def _xml_safe(value: Any) -> Any:
    return _XML_INVALID.sub("", value) if isinstance(value, str) else value


def xml_safe_graph(graph: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """A copy with every node id, key and string attribute stripped of characters XML cannot carry.

    Article text is hostile input: a form feed or an escape character in a name would otherwise
    make the writer fail (or write a file no reader accepts). Nothing else is changed.
    """
    clean = nx.MultiDiGraph(**{k: _xml_safe(v) for k, v in graph.graph.items()})
    for node, data in graph.nodes(data=True):
        clean.add_node(_xml_safe(node), **{k: _xml_safe(v) for k, v in data.items()})
    for u, v, key, data in graph.edges(keys=True, data=True):
        clean.add_edge(_xml_safe(u), _xml_safe(v), key=_xml_safe(key), **{k: _xml_safe(x) for k, x in data.items()})
    return clean


def write_graphml(extractions: Iterable[Extraction], stream: BinaryIO) -> nx.MultiDiGraph:
    """Write the claim graph as GraphML; returns the graph written."""
    graph = xml_safe_graph(build_graph(build_corpus(extractions)))
    nx.write_graphml(graph, stream, encoding="utf-8", prettyprint=True, named_key_ids=True)
    return graph


def write_gexf(extractions: Iterable[Extraction], stream: BinaryIO) -> nx.MultiDiGraph:
    """Write the claim graph as GEXF 1.2 (Gephi's native format); returns the graph written.

    Same graph as GraphML except that GEXF reserves the edge attribute names ``type`` and
    ``id``: the claim type is ``claim_type`` and the edge id is the edge key.
    """
    graph = xml_safe_graph(build_graph(build_corpus(extractions)))
    # GEXF reserves the edge attributes "type" (directed/undirected) and "id": the claim type
    # travels as ``claim_type`` and the edge id is the edge key, so it survives a round trip
    for _, _, key, data in graph.edges(keys=True, data=True):
        data["claim_type"] = data.pop("type")
        data["id"] = key
        data["label"] = f"{data['claim_type']} ({data['modality']})"
    nx.write_gexf(graph, stream, encoding="utf-8", prettyprint=True, version="1.2draft")
    return graph
