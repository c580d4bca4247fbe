"""The sample report: entity and alias-pair scores as FORMAT.md defines them (issue 5 targets).

Only the entity stage runs here, so these figures do not depend on later stages.
"""

from __future__ import annotations

import pytest
from entity_helpers import analyse

from claimgraph.eval.seed import score_seed
from claimgraph.extract.goldformat import to_gold_format
from claimgraph.model import Extraction


@pytest.fixture(scope="module")
def seed_ctx(nlp, pipeline, seed_text):
    return analyse(nlp, seed_text, pipeline.gazetteer)


def test_seed_entity_and_alias_scores_meet_targets(seed_ctx, seed_gold):
    x = Extraction(document=seed_ctx.document, entities=seed_ctx.entities, mentions=seed_ctx.mentions)
    scores = score_seed(seed_gold, to_gold_format(x), seed_ctx.document.text)
    assert scores["entity_f1"] >= 0.95, scores
    assert scores["alias_pair_f1"] >= 0.90, scores


def test_seed_headline_facts_about_actors(seed_ctx):
    by_form = {a: e for e in seed_ctx.entities for a in e.aliases}
    assert by_form["TTP"] is by_form["Pakistani Taliban"] is by_form["Tehreek-e-Taliban Pakistan"]
    assert by_form["Haqqani"] is by_form["Sirajuddin Haqqani"]
    assert by_form["Haqqani Network"] is not by_form["Haqqani"]
    assert by_form["Pakistani Taliban"] is not by_form["Pakistan"]
    assert by_form["Islamabad"] is by_form["Pakistan"]
