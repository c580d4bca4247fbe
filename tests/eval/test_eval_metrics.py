"""Scoring helpers on tiny cases whose answers are worked out by hand."""

from __future__ import annotations

import pytest

from claimgraph.eval.metrics import (
    PRF,
    date_consistent,
    date_range,
    greedy_match,
    haversine_km,
    macro_f1,
    partial_date_range,
    prf,
    set_f1,
    token_f1,
)


def test_prf_counts_and_empty_conventions():
    assert prf(2, 4, 5) == pytest.approx({"precision": 0.5, "recall": 0.4, "f1": 2 * 0.5 * 0.4 / 0.9})
    # nothing predicted, something to find: precision and recall 0
    assert prf(0, 0, 3) == {"precision": 0.0, "recall": 0.0, "f1": 0.0}
    # nothing predicted, nothing to find: perfect
    assert prf(0, 0, 0) == {"precision": 1.0, "recall": 1.0, "f1": 1.0}
    # predictions but nothing to find: every prediction is wrong
    assert prf(0, 3, 0)["precision"] == 0.0


def test_prf_separate_precision_numerator_adds_up():
    a = PRF(tp=1, n_pred=2, n_gold=2, tp_pred=2)  # 2 correct predictions, 1 core item found
    b = PRF(tp=1, n_pred=2, n_gold=1)
    total = a + b
    assert (total.tp, total.n_pred, total.n_gold, total.correct_pred) == (2, 4, 3, 3)
    assert total.precision == 0.75 and total.recall == pytest.approx(2 / 3)


def test_set_f1_duplicates_and_empties():
    assert set_f1(["taliban", "taliban"], ["taliban"]) == 1.0
    assert set_f1([], []) == 1.0
    assert set_f1([], ["haqqani"]) == 0.0
    assert set_f1(["taliban", "aq"], ["taliban", "haqqani"]) == pytest.approx(0.5)


@pytest.mark.parametrize(
    ("a", "b", "km", "tol"),
    [
        ((34.5553, 69.2075), (34.5553, 69.2075), 0.0, 1e-6),  # same point
        ((0.0, 0.0), (0.0, 1.0), 111.195, 0.01),  # one degree on the equator
        ((51.5074, -0.1278), (48.8566, 2.3522), 343.6, 0.5),  # London-Paris, across the prime meridian
        ((-33.8688, 151.2093), (-36.8485, 174.7633), 2156, 5),  # Sydney-Auckland, southern hemisphere
        ((89.0, 10.0), (89.0, -170.0), 222.39, 0.1),  # over the pole
    ],
)
def test_haversine_known_distances(a, b, km, tol):
    assert haversine_km(*a, *b) == pytest.approx(km, abs=tol)
    assert haversine_km(*b, *a) == pytest.approx(km, abs=tol)


def test_partial_dates_cover_their_whole_period():
    assert [str(d) for d in partial_date_range("2024")] == ["2024-01-01", "2024-12-31"]
    assert [str(d) for d in partial_date_range("2024-02")] == ["2024-02-01", "2024-02-29"]
    assert [str(d) for d in partial_date_range("2023-02-28")] == ["2023-02-28", "2023-02-28"]
    with pytest.raises(ValueError):
        partial_date_range("last spring")
    assert date_range(None) is None and date_range({}) is None


def test_date_consistency_with_values_and_intervals():
    assert date_consistent({"value": "2022-04-10"}, {"value": "2022-04"})
    assert not date_consistent({"value": "2022"}, {"value": "2022-04"})  # vaguer than the text
    assert not date_consistent({"value": "2022-05"}, {"value": "2022-04"})
    assert date_consistent({"before": "2021-08-15"}, {"before": "2021-08-15"})
    assert date_consistent({"value": "2020-03"}, {"before": "2021-08-15"})
    assert not date_consistent({"value": "2021-09"}, {"before": "2021-08-15"})
    assert date_consistent({"value": "2022-06"}, {"after": "2022-04"})
    assert date_consistent({"after": "2022-03", "before": "2022-12"}, {"after": "2022-01", "before": "2025-01-14"})
    assert not date_consistent({"after": "2022-03"}, {"after": "2022-01", "before": "2025-01-14"})  # open-ended
    assert date_consistent(None, None)
    assert not date_consistent({"value": "2022"}, None)
    assert not date_consistent(None, {"value": "2022"})
    assert not date_consistent({"value": "yesterday"}, {"value": "2022"})


def test_greedy_match_is_one_to_one_best_first():
    preds = ["a", "b", "c"]
    golds = ["x", "y"]
    table = {("a", "x"): 1, ("b", "x"): 5, ("b", "y"): 4, ("c", "y"): 3}
    pairs = greedy_match(preds, golds, lambda p, g: table.get((p, g)))
    # b-x is best; b is then used, so y goes to c (3), not b (4); a finds nothing
    assert sorted(pairs) == [(1, 0), (2, 1)]
    # duplicates: two identical predictions, one gold item -> one match only
    assert greedy_match(["a", "a"], ["a"], lambda p, g: 1.0 if p == g else None) == [(0, 0)]
    assert greedy_match([], ["x"], lambda p, g: 1.0) == []


def test_macro_f1_and_token_f1():
    pairs = [("AGREE", "AGREE"), ("AGREE", "REJECT"), ("REJECT", "REJECT")]
    # AGREE: P 1/2 R 1 -> 2/3 ; REJECT: P 1 R 1/2 -> 2/3
    assert macro_f1(pairs) == pytest.approx(2 / 3)
    assert token_f1("the Taliban", "Taliban") == 1.0
    assert token_f1("Afghan Taliban fighters", "Taliban") == pytest.approx(0.5)
    assert token_f1("", "") == 1.0 and token_f1("x", "") == 0.0
