"""FORMAT.md scoring with unnamed groups (type Group) among the system's entities."""

from __future__ import annotations

from claimgraph.eval.seed import score_seed

TEXT = "Gunmen attacked a police post in Kano. Nigeria's army attacked Boko Haram in Borno."


def _span(s: str) -> list[int]:
    i = TEXT.index(s)
    return [i, i + len(s)]


GOLD = {
    "schema": "conflict-gold/1",
    "doc": {"id": "g", "path": "g.txt", "published": "2024-05-01", "outlet": "Wire"},
    "entities": [
        {"id": "nigeria", "type": "Location", "name": "Nigeria", "aliases": ["Nigeria"]},
        {"id": "bh", "type": "Organization", "name": "Boko Haram", "aliases": ["Boko Haram"]},
    ],
    "places": [], "attributions": [], "relations": [], "contradictions": [],
    "events": [
        {"id": "e1", "event": ["ASSAULT"], "source": [], "target": [], "evidence": _span("Gunmen attacked a police post"),
         "modality": "asserted", "core": True},
        {"id": "e2", "event": ["ASSAULT"], "source": ["nigeria"], "target": ["bh"],
         "evidence": _span("Nigeria's army attacked Boko Haram"), "modality": "asserted", "core": True},
    ],
}


def _predicted(first_sources: list[str]) -> dict:
    return {
        "entities": [
            {"id": "s_ng", "type": "Location", "name": "Nigeria", "aliases": ["Nigeria"]},
            {"id": "s_bh", "type": "Organization", "name": "Boko Haram", "aliases": ["Boko Haram"]},
            {"id": "s_gun", "type": "Group", "name": "Gunmen", "aliases": ["Gunmen"]},
            {"id": "s_army", "type": "Group", "name": "army", "aliases": ["army"]},
        ],
        "relations": [], "attributions": [], "contradictions": [],
        "events": [
            {"event": "ASSAULT", "source": first_sources, "target": [], "evidence": [_span("Gunmen attacked")],
             "modality": "asserted"},
            {"event": "ASSAULT", "source": ["s_ng"], "target": ["s_bh"], "evidence": [_span("army attacked Boko Haram")],
             "modality": "asserted"},
        ],
    }


def test_groups_do_not_count_as_entities():
    scores = score_seed(GOLD, _predicted(["s_gun"]), TEXT)
    assert scores["entity_precision"] == 1.0 and scores["entity_recall"] == 1.0


def test_a_group_only_source_matches_an_actorless_gold_event():
    assert score_seed(GOLD, _predicted(["s_gun"]), TEXT)["event_recall"] == 1.0
    # a named source the gold does not have still fails the match
    assert score_seed(GOLD, _predicted(["s_bh"]), TEXT)["event_recall"] == 0.5
