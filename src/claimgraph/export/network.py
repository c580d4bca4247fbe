"""The claim graph as a networkx MultiDiGraph: merged entities as nodes, aggregated claims as edges.

One edge stands for every claim with the same ends, kind, type and modality,
so a denied tie is never folded into an asserted one. Each edge counts its
claims (``claim_count``) and its independent sources (``source_count``, see
:func:`claimgraph.export.common.source_key`).

How claims become edges:

* relation: subject → object (``allied_with`` is symmetric: ends are put in a fixed order);
* event with recipients: each actor → each recipient;
* event with several actors and no recipient (a meeting, an agreement): one edge
  between each pair of co-actors, ``reciprocal=True``;
* event with one actor and no recipient but a location: actor → place (``role=at``), and
  for a RELOCATE with an origin also actor → origin (``role=from``);
* any other event has no counterpart to draw; it is counted on its actor's node
  (``solo_event_count``) so nothing is silently lost.

Every attribute is a scalar (GraphML and GEXF allow nothing else): lists are
joined with ``" | "``.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from itertools import combinations

import networkx as nx

from claimgraph.export.common import ClaimView, Corpus
from claimgraph.model import SYMMETRIC_PREDICATES, stable_id

JOIN = " | "


@dataclass
class EdgeAgg:
    source: str
    target: str
    kind: str
    type: str
    modality: str
    role: str = ""
    reciprocal: bool = False
    claims: list[ClaimView] = field(default_factory=list)

    @property
    def key(self) -> str:
        """Unique in the file (GraphML and GEXF edge ids must be) and stable across exports."""
        return stable_id("edge_", self.source, self.target, self.kind, self.type, self.modality, self.role)


def claim_edges(view: ClaimView) -> list[tuple[str, str, str, bool]]:
    """(source key, target key, role, reciprocal) for each edge this claim draws; may be empty."""
    c = view.claim
    if c.kind == "relation":
        s, o = view.subject_key, view.object_key
        if not s or not o or s == o:
            return []
        if c.predicate in SYMMETRIC_PREDICATES:
            s, o = sorted((s, o))
        return [(s, o, c.role or "", c.predicate in SYMMETRIC_PREDICATES)]
    sources = list(dict.fromkeys(view.source_keys))
    targets = list(dict.fromkeys(view.target_keys))
    if targets:
        return [(s, t, "", False) for s in sources for t in targets if s != t]
    if len(sources) > 1:
        return [(a, b, "", True) for a, b in combinations(sorted(sources), 2)]
    edges = []
    if sources and view.location_key:
        edges.append((sources[0], view.location_key, "at", False))
    if sources and view.origin_key and view.origin_key != view.location_key:
        edges.append((sources[0], view.origin_key, "from", False))
    return edges


def _earliest(values: Iterable[str]) -> str:
    dated = sorted(v for v in values if v)
    return dated[0] if dated else ""


def build_graph(corpus: Corpus) -> nx.MultiDiGraph:
    """Nodes for every merged entity that any claim touches or that was found; edges as described above."""
    g = nx.MultiDiGraph(name="claimgraph", documents=len(corpus.documents), claims=len(corpus.claims))
    solo: dict[str, int] = {}
    aggs: dict[tuple[str, str, str], EdgeAgg] = {}
    for view in corpus.claims:
        edges = claim_edges(view)
        if not edges:
            for k in view.source_keys or ([view.subject_key] if view.subject_key else []):
                solo[k] = solo.get(k, 0) + 1
        for s, t, role, reciprocal in edges:
            agg = EdgeAgg(s, t, view.claim.kind, view.claim.predicate, view.modality, role, reciprocal)
            agg = aggs.setdefault((s, t, agg.key), agg)
            agg.claims.append(view)
    for actor in corpus.actors.values():
        place = actor.place
        coords = {}
        if place is not None and place.lat is not None and place.lon is not None:
            coords = {"latitude": float(place.lat), "longitude": float(place.lon)}
        g.add_node(
            actor.key,
            **coords,
            label=actor.name,
            type=actor.type,
            kind=actor.kind or "",
            aliases=JOIN.join(actor.aliases),
            titles=JOIN.join(actor.titles),
            entity_ids=JOIN.join(actor.entity_ids),
            doc_ids=JOIN.join(actor.doc_ids),
            doc_count=len(actor.doc_ids),
            mention_count=actor.mention_count,
            solo_event_count=solo.get(actor.key, 0),
            country=(place.country or "") if place else "",
        )
    for (s, t, key), agg in aggs.items():
        views = agg.claims
        g.add_edge(
            s,
            t,
            key=key,
            kind=agg.kind,
            type=agg.type,
            modality=agg.modality,
            role=agg.role,
            reciprocal=agg.reciprocal,
            mode=JOIN.join(sorted({v.claim.mode for v in views if v.claim.mode})),
            date=_earliest(v.claim.date.value or v.claim.date.after or "" for v in views if v.claim.date),
            dates=JOIN.join(sorted({v.date_text for v in views if v.date_text})),
            historical=any(v.claim.historical for v in views),
            contested=any(v.contradicted_by for v in views),
            claim_count=len(views),
            source_count=len({v.source_key for v in views}),
            claim_ids=JOIN.join(v.id for v in views),
            doc_ids=JOIN.join(dict.fromkeys(v.document.id for v in views)),
            attribution=JOIN.join(dict.fromkeys(v.chain_text for v in views)),
            evidence=JOIN.join(dict.fromkeys(v.evidence for v in views)),
            confidence=max(v.claim.confidence for v in views),
        )
    return g
