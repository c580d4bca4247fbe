"""GraphML and GEXF through networkx, for Gephi, Cytoscape, yEd and any networkx user.

Both are XML written by networkx's own writers (``write_graphml``/``write_gexf``)
from :func:`claimgraph.export.network.build_graph`; both read back with
``read_graphml``/``read_gexf`` with every attribute intact. The streams are binary
(the writers emit encoded XML).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import BinaryIO

import networkx as nx

from claimgraph.export.common import build_corpus
from claimgraph.export.network import build_graph
from claimgraph.model import Extraction


def write_graphml(extractions: Iterable[Extraction], stream: BinaryIO) -> nx.MultiDiGraph:
    """Write the claim graph as GraphML; returns the graph written."""
    graph = build_graph(build_corpus(extractions))
    nx.write_graphml(graph, stream, encoding="utf-8", prettyprint=True, named_key_ids=True)
    return graph


def write_gexf(extractions: Iterable[Extraction], stream: BinaryIO) -> nx.MultiDiGraph:
    """Write the claim graph as GEXF 1.2 (Gephi's native format); returns the graph written.

    Same graph as GraphML except that GEXF reserves the edge attribute names ``type`` and
    ``id``: the claim type is ``claim_type`` and the edge id is the edge key.
    """
    graph = build_graph(build_corpus(extractions))
    # GEXF reserves the edge attributes "type" (directed/undirected) and "id": the claim type
    # travels as ``claim_type`` and the edge id is the edge key, so it survives a round trip
    for _, _, key, data in graph.edges(keys=True, data=True):
        data["claim_type"] = data.pop("type")
        data["id"] = key
        data["label"] = f"{data['claim_type']} ({data['modality']})"
    nx.write_gexf(graph, stream, encoding="utf-8", prettyprint=True, version="1.2draft")
    return graph
