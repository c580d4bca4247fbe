"""Quality floors on a fast subset of the visible gold sets: a change that makes extraction worse fails here.

The subset: `eval seed` on the sample report, the first 40 ISAF releases, every third PLOVER record
(60 records, all types), the first 120 CrossNER politics dev sentences. Floors sit a little under the
numbers measured at FLOORS_MEASURED (each floor's comment gives the measured value); raise them when
quality improves. The full numbers: `claimgraph eval all` (docs/EVALUATION.md).
"""

from __future__ import annotations

import json

import pytest

from claimgraph.eval import isaf, ner, plover, seed

FLOORS_MEASURED = "2026-11-26 11:20 UTC, end of the first working session"

SEED_FLOORS = {
    "entity_f1": 0.95,  # measured 1.000
    "alias_pair_f1": 0.90,  # 1.000
    "place_accuracy": 0.70,  # 0.800
    "relation_f1": 0.88,  # 0.951
    "event_f1": 0.70,  # 0.777
    "event_modality_accuracy": 0.90,  # 1.000
    "attribution_accuracy": 0.88,  # 0.945
    "contradictions_found": 1,  # 1 of 1
    "evidence_share": 1.0,  # 1.000: never a fact without evidence
}
ISAF_FLOORS = {  # first 40 releases
    "start_date": 0.62,  # 0.675
    "province": 0.88,  # 0.942
    "target_group": 0.90,  # 0.975
    "event_type": 0.82,  # 0.875
    "min_killed": 0.87,  # 0.925
    "min_captured": 0.65,  # 0.725
}
NER_FLOORS = {  # first 120 CrossNER politics dev sentences
    "micro_f1": 0.63,  # 0.673
}
PLOVER_FLOORS = {  # every third visible record
    "event_type_accuracy": 0.74,  # 0.797
    "source_f1": 0.60,  # 0.678
    "triple_accuracy": 0.25,  # 0.305
}


def _check(metrics: dict, baseline: dict, floors: dict, what: str) -> None:
    low = {k: (round(metrics[k], 3), v) for k, v in floors.items() if metrics.get(k) is None or metrics[k] < v}
    assert not low, f"{what} below its floor (measured, floor): {low}; baseline in the same run: {baseline}"


pytestmark = pytest.mark.slow


def test_seed_floors(pipeline, shared_dir):
    r = seed.run([str(shared_dir / "gold/seed/mir-ali-agreement.gold.json")], pipeline)
    _check(r.metrics, r.baseline, SEED_FLOORS, "seed")
    assert r.metrics["entity_f1"] > r.baseline["entity_f1"]


def test_isaf_floors(pipeline, shared_dir):
    r = isaf.run([str(shared_dir / "data/isaf_press_releases/isaf_dev_gold.jsonl")], pipeline, limit=40)
    assert r.n_items == 40
    _check(r.metrics, r.baseline, ISAF_FLOORS, "isaf (first 40 releases)")
    assert r.metrics["target_group"] > r.baseline["target_group"]


def test_plover_floors(pipeline, shared_dir, tmp_path):
    records = json.loads((shared_dir / "data/plover_gsr/gold_standard_records/plover_gsr_dev.json").read_text("utf-8"))
    subset = tmp_path / "plover_subset.json"
    subset.write_text(json.dumps(records[::3]), encoding="utf-8")
    r = plover.run([str(subset)], pipeline)
    assert r.n_items >= 55
    _check(r.metrics, r.baseline, PLOVER_FLOORS, "plover (every third record)")


def test_ner_floors(pipeline, shared_dir):
    r = ner.run([str(shared_dir / "data/crossner_politics/ner_data/politics/dev.txt")], pipeline, limit=120)
    assert r.n_items == 120
    _check(r.metrics, r.baseline, NER_FLOORS, "ner (first 120 CrossNER politics dev sentences)")
    assert r.metrics["micro_f1"] > r.baseline["micro_f1"]
