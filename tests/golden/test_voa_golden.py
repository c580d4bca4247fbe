"""Generalisation check: the pipeline on two hand-annotated VOA articles it was never tuned on.

The gold files in this folder were annotated by hand from the text alone (see README.md), and are
scored with the same function as ``claimgraph eval seed``. The floors below sit a little under
what the pipeline measured when the gold was written, so a regression on unseen text fails here
even when the sample report still scores well. Figures and failure causes: docs/GENERALISATION.md.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from claimgraph.eval.seed import aggregate, load_gold, resolve_doc_path, score_seed
from claimgraph.extract.goldformat import to_gold_format
from claimgraph.ingest import document_from_text

HERE = Path(__file__).resolve().parent
GOLD_FILES = sorted(HERE.glob("*.gold.json"))
DOC_IDS = [p.name.removesuffix(".gold.json") for p in GOLD_FILES]

# Floors: re-measured 2026-11-26 ~13:30 UTC at commit 9553542 after the claims work of issue #5 (first set
# 2026-11-26 ~10:30 UTC at 75fbc9d); the measured value is in the comment. The margin absorbs small moves
# from ongoing work on src/. Raise them when the pipeline improves; never lower one without saying why in
# docs/GENERALISATION.md.
FLOORS: dict[str, dict[str, float]] = {
    "voa_6205629": {
        "entity_f1": 0.85,  # 0.947
        "alias_pair_f1": 0.66,  # 0.759 (precision held down by a convention question, see GENERALISATION.md)
        "place_accuracy": 0.66,  # 0.833 (5/6; one more miss is 0.667)
        "relation_recall": 0.57,  # 0.714 (5/7 core; one fewer is 0.571)
        "relation_precision": 0.8,  # 1.000
        "event_recall": 0.3,  # 0.381 (8/21 core)
        "event_precision": 0.24,  # 0.306
        "contradictions_found": 2,  # 2 of 2
    },
    "voa_8011115": {
        "entity_f1": 0.8,  # 0.894
        "alias_pair_f1": 0.75,  # 0.909
        "place_accuracy": 0.62,  # 0.750 (6/8)
        "relation_recall": 0.28,  # 0.429 (3/7 core; one fewer is 0.286)
        "relation_precision": 0.8,  # 1.000
        "event_recall": 0.4,  # 0.600 (3/5 core; one fewer is 0.4)
        "event_precision": 0.35,  # 0.500
    },
}
AGGREGATE_FLOORS = {"entity_f1": 0.85, "relation_f1": 0.6, "event_f1": 0.3}  # measured 0.918, 0.727, 0.386


def _words_bounded(text: str, start: int, end: int) -> bool:
    """The span neither starts nor ends inside a word (a shifted offset almost always does)."""
    before_ok = start == 0 or not text[start - 1].isalnum() or not text[start].isalnum()
    after_ok = end == len(text) or not text[end].isalnum() or not text[end - 1].isalnum()
    return before_ok and after_ok


def _text_for(gold_path: Path) -> tuple[dict, str]:
    gold = load_gold(gold_path)
    raw = resolve_doc_path(gold_path, gold["doc"]["path"]).read_text(encoding="utf-8")
    return gold, raw


# --- the gold itself: offsets, aliases, ids -------------------------------------------------------


@pytest.mark.parametrize("gold_path", GOLD_FILES, ids=DOC_IDS)
def test_gold_is_consistent_with_its_text(gold_path: Path) -> None:
    gold, text = _text_for(gold_path)
    doc = document_from_text(text, path=gold["doc"]["path"], outlet=gold["doc"]["outlet"],
                             published=gold["doc"]["published"])
    assert doc.text == text, "ingest normalises this text, so gold offsets would be shifted"

    problems: list[str] = []
    ent_ids = {e["id"] for e in gold["entities"]}
    att_ids = {a["id"] for a in gold["attributions"]}
    for e in gold["entities"]:
        for form in e["aliases"] + e["descriptions"]:
            if form not in text:
                problems.append(f"{e['id']}: {form!r} does not occur in the text")

    def span(label: str, ev: list[int]) -> None:
        s, t = ev
        if not (0 <= s < t <= len(text)):
            problems.append(f"{label}: span {ev} outside the text")
        elif not _words_bounded(text, s, t):
            problems.append(f"{label}: span {ev} cuts a word: {text[s:t]!r}")

    for a in gold["attributions"]:
        span(a["id"], a["evidence"])
        if a["chain"] and a["chain"][0] not in ent_ids:
            problems.append(f"{a['id']}: chain starts with unknown entity {a['chain'][0]!r}")
    for r in gold["relations"]:
        label = f"{r['subject']} {r['predicate']} {r['object']}"
        span(label, r["evidence"])
        problems += [f"{label}: unknown entity {x!r}" for x in (r["subject"], r["object"]) if x not in ent_ids]
        if r["attribution"] is not None and r["attribution"] not in att_ids:
            problems.append(f"{label}: unknown attribution {r['attribution']!r}")
    for v in gold["events"]:
        span(v["id"], v["evidence"])
        refs = v["source"] + v["target"] + ([v["location"]] if v["location"] else [])
        problems += [f"{v['id']}: unknown entity {x!r}" for x in refs if x not in ent_ids]
        if v["attribution"] is not None and v["attribution"] not in att_ids:
            problems.append(f"{v['id']}: unknown attribution {v['attribution']!r}")
    for c in gold["contradictions"]:
        span(c["claim"], c["evidence_for"])
        span(c["claim"], c["evidence_against"])
        problems += [f"{c['claim']}: unknown attribution {x!r}" for x in c["for"] + c["against"] if x not in att_ids]
    for p in gold["places"]:
        if p["entity"] not in ent_ids:
            problems.append(f"place for unknown entity {p['entity']!r}")
    assert not problems, "\n".join(problems)


# --- the pipeline against the gold ---------------------------------------------------------------


@pytest.fixture(scope="module")
def scores(pipeline) -> dict[str, dict]:
    out = {}
    for gold_path, doc_id in zip(GOLD_FILES, DOC_IDS):
        gold, text = _text_for(gold_path)
        g = gold["doc"]
        document = document_from_text(text, path=g["path"], outlet=g["outlet"], published=g["published"],
                                      title=g.get("title"))
        out[doc_id] = score_seed(gold, to_gold_format(pipeline.analyze(document)), document.text)
    return out


@pytest.mark.slow
@pytest.mark.parametrize("doc_id", sorted(FLOORS))
def test_scores_stay_above_floors(scores: dict[str, dict], doc_id: str) -> None:
    s = scores[doc_id]
    below = {k: (round(s[k] or 0.0, 3), floor) for k, floor in FLOORS[doc_id].items() if (s[k] or 0.0) < floor}
    assert not below, f"{doc_id}: metric (measured, floor) below its floor: {below}"


@pytest.mark.slow
def test_every_emitted_fact_has_evidence_in_the_text(scores: dict[str, dict]) -> None:
    assert {d: s["evidence_share"] for d, s in scores.items()} == {d: 1.0 for d in scores}


@pytest.mark.slow
def test_micro_average_stays_above_floors(scores: dict[str, dict]) -> None:
    agg = aggregate(scores.values())
    below = {k: (round(agg[k] or 0.0, 3), f) for k, f in AGGREGATE_FLOORS.items() if (agg[k] or 0.0) < f}
    assert not below, f"micro-average below floor: {below}"


@pytest.mark.slow
def test_iraq_killing_is_found(scores: dict[str, dict]) -> None:
    assert scores["voa_8011115"]["event_recall"] > 0
