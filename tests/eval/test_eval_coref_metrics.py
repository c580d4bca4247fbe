"""Coreference metrics against the worked examples of the metric papers (hand-checked numbers)."""

from __future__ import annotations

import pytest

from claimgraph.eval.coref_metrics import CorefScore, add_scores, all_scores, as_metrics, b_cubed, ceaf_e, conll, muc

# Pradhan et al. 2014 (Scoring Coreference Partitions of Predicted Mentions), Figure 1:
# key {a,b,c} {d,e,f,g}; response {a,b} {c,d} {f,g,h,i}
PRADHAN_KEY = [["a", "b", "c"], ["d", "e", "f", "g"]]
PRADHAN_RESPONSE = [["a", "b"], ["c", "d"], ["f", "g", "h", "i"]]

# Bagga & Baldwin 1998, the example where MUC cannot tell two errors apart:
# key {1..5} {6,7} {8..12}; response {1..5} {6..12}
BB_KEY = [[1, 2, 3, 4, 5], [6, 7], [8, 9, 10, 11, 12]]
BB_RESPONSE = [[1, 2, 3, 4, 5], [6, 7, 8, 9, 10, 11, 12]]


def test_muc_vilain_example_splitting_one_chain_in_two_loses_one_link():
    s = muc([["A", "B", "C", "D"]], [["A", "B"], ["C", "D"]])
    assert s.recall == pytest.approx(2 / 3)
    assert s.precision == pytest.approx(1.0)


def test_muc_pradhan_example_counts_twinless_mentions_as_their_own_parts():
    s = muc(PRADHAN_KEY, PRADHAN_RESPONSE)
    assert s.recall == pytest.approx(2 / 5)
    assert s.precision == pytest.approx(2 / 5)


def test_b_cubed_pradhan_example():
    s = b_cubed(PRADHAN_KEY, PRADHAN_RESPONSE)
    assert s.recall == pytest.approx(5 / 12)
    assert s.precision == pytest.approx(1 / 2)


def test_ceaf_e_pradhan_example_aligns_each_key_chain_with_its_best_response_chain():
    s = ceaf_e(PRADHAN_KEY, PRADHAN_RESPONSE)
    assert s.recall == pytest.approx(1.3 / 2)
    assert s.precision == pytest.approx(1.3 / 3)


def test_bagga_baldwin_example_b_cubed_punishes_merging_the_large_chain():
    assert muc(BB_KEY, BB_RESPONSE).recall == pytest.approx(1.0)
    assert muc(BB_KEY, BB_RESPONSE).precision == pytest.approx(9 / 10)
    b3 = b_cubed(BB_KEY, BB_RESPONSE)
    assert b3.recall == pytest.approx(1.0)
    assert b3.precision == pytest.approx((5 + 2 * 2 / 7 + 5 * 5 / 7) / 12)
    ce = ceaf_e(BB_KEY, BB_RESPONSE)
    assert ce.recall == pytest.approx((1 + 10 / 12) / 3)
    assert ce.precision == pytest.approx((1 + 10 / 12) / 2)


def test_perfect_response_scores_one_everywhere_and_conll_averages_the_three():
    scores = all_scores(PRADHAN_KEY, PRADHAN_KEY)
    assert conll(scores) == pytest.approx(1.0)
    assert as_metrics(scores, "x")["x.b3_f1"] == pytest.approx(1.0)


def test_all_singletons_get_no_muc_credit_but_b_cubed_and_ceaf_credit():
    key = [["a", "b"], ["c"]]
    response = [["a"], ["b"], ["c"]]
    assert muc(key, response).f1 == 0.0
    assert b_cubed(key, response).precision == pytest.approx(1.0)
    assert b_cubed(key, response).recall == pytest.approx((1 / 2 + 1 / 2 + 1) / 3)
    assert ceaf_e(key, response).recall == pytest.approx((2 / 3 + 1) / 2)


def test_empty_response_scores_zero_not_an_error():
    scores = all_scores(PRADHAN_KEY, [])
    assert conll(scores) == 0.0


def test_a_mention_in_two_clusters_is_refused():
    with pytest.raises(ValueError):
        muc([["a", "b"], ["b", "c"]], [["a"]])


def test_scores_add_up_like_a_micro_average_over_documents():
    one = all_scores([["a", "b"]], [["a", "b"]])
    two = all_scores([["c", "d"]], [["c"], ["d"]])
    both = add_scores(one, two)
    assert both["muc"].recall == pytest.approx(1 / 2)
    assert both["muc"] == CorefScore(1, 2, 1, 1)


def test_ceaf_e_separate_components_match_one_joint_alignment():
    key = [[1, 2], [3, 4], [5, 6, 7]]
    response = [[1, 3], [2, 4], [5, 6], [7, 8]]
    s = ceaf_e(key, response)
    # best: {1,2}-{1,3} 0.5, {3,4}-{2,4} 0.5, {5,6,7}-{5,6} 0.8
    assert s.recall == pytest.approx(1.8 / 3)
    assert s.precision == pytest.approx(1.8 / 4)


def test_ceaf_e_merges_components_a_later_key_chain_bridges():
    # {2,4} links the response chains {1,2} and {3,4}, met separately through {1} and {3} first
    s = ceaf_e([[1], [3], [2, 4]], [[1, 2], [3, 4]])
    assert s.recall == pytest.approx((2 / 3 + 2 / 3) / 3)
    assert s.precision == pytest.approx((2 / 3 + 2 / 3) / 2)
