"""FORMAT.md scoring on a tiny hand-made gold/prediction pair with known answers."""

from __future__ import annotations

import copy

import pytest

from claimgraph.eval.seed import aggregate, score_seed

TEXT = (
    "Kabul (Outlet) - The Taliban and the TTP are allies, officials said. "
    "The Taliban denied supporting the TTP. Pakistan struck Khost in April 2022."
)


def _span(s: str, nth: int = 0) -> list[int]:
    start = -1
    for _ in range(nth + 1):
        start = TEXT.index(s, start + 1)
    return [start, start + len(s)]


GOLD = {
    "schema": "conflict-gold/1",
    "doc": {"id": "t", "path": "t.txt", "published": "2022-05-01", "outlet": "Outlet"},
    "entities": [
        {"id": "taliban", "type": "Organization", "name": "Taliban", "aliases": ["Taliban", "Afghan Taliban"]},
        {"id": "ttp", "type": "Organization", "name": "Tehrik-i-Taliban Pakistan", "aliases": ["TTP"]},
        {"id": "pakistan", "type": "Location", "name": "Pakistan", "aliases": ["Pakistan", "Islamabad"]},
        {"id": "khost", "type": "Location", "name": "Khost", "aliases": ["Khost"]},
        {"id": "outlet", "type": "Organization", "name": "Outlet", "aliases": []},
    ],
    "places": [
        {"entity": "khost", "lat": 33.33, "lon": 69.92, "tolerance_km": 50},
        {"entity": "pakistan", "lat": 30.0, "lon": 70.0, "tolerance_km": 500},
        {"entity": "taliban", "lat": None, "lon": None, "tolerance_km": 50},
    ],
    "attributions": [
        {"id": "S_off", "chain": ["outlet", "officials"], "evidence": _span("officials said")},
        {"id": "S_tal", "chain": ["taliban"], "evidence": _span("The Taliban denied")},
    ],
    "relations": [
        {"subject": "ttp", "predicate": "allied_with", "object": "taliban", "status": "asserted",
         "attribution": "S_off", "evidence": _span("The Taliban and the TTP are allies"), "core": True},
        {"subject": "taliban", "predicate": "supports", "object": "ttp", "status": "denied",
         "attribution": "S_tal", "evidence": _span("The Taliban denied supporting the TTP"), "core": True},
        {"subject": "khost", "predicate": "part_of", "object": "pakistan", "status": "asserted",
         "attribution": None, "evidence": _span("Khost"), "core": False},
    ],
    "events": [
        {"id": "V1", "event": ["ASSAULT"], "source": ["pakistan"], "target": [], "location": "khost",
         "date": {"value": "2022-04"}, "modality": "asserted", "attribution": None,
         "evidence": _span("Pakistan struck Khost in April 2022"), "core": True},
        {"id": "V2", "event": ["REJECT", "ACCUSE"], "source": ["taliban"], "target": ["pakistan"], "location": None,
         "date": None, "modality": "denied", "attribution": "S_tal",
         "evidence": _span("The Taliban denied supporting the TTP"), "core": False},
    ],
    "contradictions": [
        {"claim": "taliban supports ttp", "for": ["S_off"], "against": ["S_tal"],
         "evidence_for": _span("The Taliban and the TTP are allies"),
         "evidence_against": _span("The Taliban denied supporting the TTP")},
    ],
}


def _pred() -> dict:
    return {
        "schema": "conflict-gold/1",
        "entities": [
            {"id": "e1", "type": "Organization", "name": "Taliban", "aliases": ["taliban"]},  # case-insensitive
            {"id": "e2", "type": "Organization", "name": "TTP", "aliases": ["TTP"]},
            {"id": "e3", "type": "Location", "name": "Pakistan", "aliases": ["Pakistan"], "lat": 30.2, "lon": 69.8},
            {"id": "e4", "type": "Location", "name": "Khost", "aliases": ["Khost"], "lat": 34.5, "lon": 69.2},  # ~145 km off
            {"id": "e5", "type": "Person", "name": "Officials", "aliases": ["Officials"]},  # spurious
            {"id": "e6", "type": "DATE", "name": "April 2022", "aliases": []},  # ignored type
        ],
        "attributions": [
            {"id": "a_out", "chain": ["Outlet"], "evidence": None},
            {"id": "a_off", "chain": ["Outlet", "officials"], "evidence": _span("officials said")},
            {"id": "a_tal", "chain": ["Outlet", "e1"], "evidence": _span("The Taliban denied")},
        ],
        "relations": [
            # symmetric: reversed order still matches
            {"id": "r1", "subject": "e1", "predicate": "allied_with", "object": "e2", "status": "asserted",
             "attribution": "a_off", "evidence": [_span("The Taliban and the TTP are allies")]},
            {"id": "r2", "subject": "e1", "predicate": "supports", "object": "e2", "status": "asserted",
             "attribution": "a_out", "evidence": [_span("The Taliban denied supporting the TTP")]},
            # duplicate of r2: only one can match
            {"id": "r3", "subject": "e1", "predicate": "supports", "object": "e2", "status": "asserted",
             "attribution": "a_out", "evidence": [_span("The Taliban denied supporting the TTP")]},
            # non-core gold relation: counts for precision
            {"id": "r4", "subject": "e4", "predicate": "part_of", "object": "e3", "status": "asserted",
             "attribution": "a_out", "evidence": [_span("Khost")]},
        ],
        "events": [
            {"id": "v1", "event": "ASSAULT", "source": ["e3"], "target": [], "location": "e4",
             "date": {"value": "2022-04-03"}, "modality": "asserted", "attribution": "a_out",
             "evidence": [_span("Pakistan struck Khost in April 2022")]},
            {"id": "v2", "event": "ASSAULT", "source": ["e1"], "target": [], "location": None,  # wrong source
             "date": None, "modality": "asserted", "attribution": "a_out",
             "evidence": [_span("Pakistan struck Khost in April 2022")]},
        ],
        "contradictions": [
            {"claim": "e1 supports e2", "claims_for": ["r2"], "claims_against": ["r3"],
             "evidence_for": [_span("The Taliban and the TTP are allies")],
             "evidence_against": [_span("The Taliban denied supporting the TTP")]},
        ],
    }


def test_score_seed_hand_computed():
    s = score_seed(GOLD, _pred(), TEXT)
    # entities: 4 of 5 system entities (DATE ignored) match; 4 of 5 gold found
    assert s["entity_precision"] == pytest.approx(4 / 5)
    assert s["entity_recall"] == pytest.approx(4 / 5)
    # places: Pakistan within 500 km, Khost 145 km off a 50 km tolerance; Taliban has no coords
    assert s["place_accuracy"] == pytest.approx(1 / 2)
    # relations: allied_with (reversed) + supports (status wrong) + part_of (non-core) match;
    # r3 duplicates r2 and stays unmatched. Precision 3/4, recall 2 core of 2.
    assert s["relation_precision"] == pytest.approx(3 / 4)
    assert s["relation_recall"] == 1.0
    assert s["relation_status_accuracy"] == pytest.approx(2 / 3)
    # events: v1 matches V1; v2 has the wrong source. Recall 1/1 core, precision 1/2.
    assert s["event_recall"] == 1.0 and s["event_precision"] == 0.5
    assert s["event_date_accuracy"] == 1.0  # 2022-04-03 lies in April 2022
    assert s["event_location_accuracy"] == 1.0
    assert s["event_modality_accuracy"] == 1.0
    assert s["event_attribution_accuracy"] == 1.0  # both the outlet
    # attribution over matched facts: r1 ok (overlaps), r2 wrong (outlet vs Taliban), part_of ok, v1 ok
    assert s["attribution_accuracy"] == pytest.approx(3 / 4)
    assert s["contradictions_found"] == 1 and s["contradictions_gold"] == 1
    assert s["evidence_share"] == 1.0


def test_empty_prediction_scores_zero_not_error():
    s = score_seed(GOLD, {"entities": [], "relations": [], "events": []}, TEXT)
    assert s["entity_recall"] == 0.0 and s["entity_precision"] == 0.0
    assert s["relation_f1"] == 0.0 and s["event_f1"] == 0.0
    assert s["place_accuracy"] == 0.0
    assert s["relation_status_accuracy"] is None  # nothing matched, nothing to score
    assert s["contradictions_found"] == 0
    assert s["evidence_share"] == 1.0  # no facts emitted, none without evidence


def test_alias_pairs():
    pred = _pred()
    # system merges "Taliban" and "TTP" into one entity (wrong) and keeps Pakistan apart
    pred["entities"][0]["aliases"] = ["Taliban", "TTP", "Afghan Taliban"]
    s = score_seed(GOLD, pred, TEXT)
    # found gold forms: taliban, afghan taliban, ttp, tehrik? (no), pakistan, khost
    # gold-positive pairs among found: (taliban, afghan taliban) -> 1
    # system-positive pairs: e1 holds taliban, ttp, afghan taliban -> 3 pairs; e2 also holds ttp
    # true positive: (afghan taliban, taliban)
    assert s["alias_pair_recall"] == 1.0
    assert s["alias_pair_precision"] == pytest.approx(1 / 3)


def test_evidence_outside_text_lowers_the_share_and_contradiction_needs_overlap():
    pred = _pred()
    pred["events"][1]["evidence"] = [[len(TEXT) + 5, len(TEXT) + 9]]
    pred["contradictions"][0]["evidence_against"] = [[0, 5]]
    s = score_seed(GOLD, pred, TEXT)
    assert s["evidence_share"] == pytest.approx(5 / 6)
    assert s["contradictions_found"] == 0


def test_aggregate_micro_averages_counts():
    one = score_seed(GOLD, _pred(), TEXT)
    empty = score_seed(GOLD, {}, TEXT)
    agg = aggregate([one, empty])
    assert agg["entity_recall"] == pytest.approx(4 / 10)
    assert agg["entity_precision"] == pytest.approx(4 / 5)
    assert agg["contradictions_gold"] == 2
    # aggregating one document changes nothing
    assert {k: v for k, v in aggregate([one]).items() if k != "counts"} == {
        k: v for k, v in one.items() if k != "counts"}


def test_gold_is_not_mutated():
    g = copy.deepcopy(GOLD)
    score_seed(g, _pred(), TEXT)
    assert g == GOLD


def test_contradiction_on_another_triple_is_not_found():
    pred = _pred()
    pred["contradictions"][0]["claims_for"] = ["r1"]  # allied_with, not supports
    pred["contradictions"][0]["claims_against"] = ["r1"]
    assert score_seed(GOLD, pred, TEXT)["contradictions_found"] == 0


def test_seed_run_on_the_sample(pipeline, shared_dir, tmp_path):
    """`eval seed` end to end on the sample: scores ours and the baseline, writes the prediction."""
    import json

    from claimgraph.eval import seed

    out = tmp_path / "pred.jsonl"
    report = seed.run([str(shared_dir / "gold/seed/mir-ali-agreement.gold.json")], pipeline, predictions=str(out))
    assert report.n_items == 1
    lines = out.read_text(encoding="utf-8").splitlines()
    assert len(lines) == 1 and json.loads(lines[0])["schema"] == "conflict-gold/1"
    assert report.metrics["evidence_share"] == 1.0
    assert report.baseline["entity_recall"] > 0.3  # spaCy alone finds a good part of the names
    assert report.baseline["relation_recall"] == 0.0


def test_event_location_unmatched_place_is_wrong_even_when_gold_has_none():
    gold = copy.deepcopy(GOLD)
    gold["events"][0]["location"] = None
    pred = _pred()
    pred["events"][0]["location"] = "e_nowhere"  # not an entity the gold knows
    assert score_seed(gold, pred, TEXT)["event_location_accuracy"] == 0.0
    pred["events"][0]["location"] = None
    assert score_seed(gold, pred, TEXT)["event_location_accuracy"] == 1.0
