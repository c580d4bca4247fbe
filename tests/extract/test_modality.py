"""Modality: denied, alleged, requested, promised, hypothetical — and asserted only when plainly stated."""

from __future__ import annotations

import pytest

from claimgraph.extract.modality import cues, modality_of
from claimgraph.model import MODALITIES


def _modalities(ctx, predicate: str) -> list[str]:
    return [c.modality for c in ctx.claims if c.predicate == predicate]


def test_cue_file_uses_known_modalities():
    c = cues()
    for table in (c.self_, c.scope, c.scope_nouns, c.adverbs, c.modals):
        assert set(table.values()) <= set(MODALITIES)


def test_denied_event_is_never_stored_as_an_assertion(run_claims):
    ctx = run_claims("The Syrian government denied that its forces attacked the rebels in Idlib.")
    assert _modalities(ctx, "ASSAULT") == ["denied"]


def test_negated_verb_is_denied(run_claims):
    ctx = run_claims("Ukrainian officials said Russian forces did not attack Kharkiv on Friday.")
    assert "asserted" not in _modalities(ctx, "ASSAULT")
    assert _modalities(ctx, "ASSAULT") == ["denied"]


def test_accused_content_is_alleged_and_the_accusation_asserted(run_claims):
    ctx = run_claims("Russia has repeatedly accused Ukraine of shelling the Zaporizhzhia plant.")
    assert _modalities(ctx, "ACCUSE") == ["asserted"]
    assert _modalities(ctx, "ASSAULT") == ["alleged"]


def test_reportedly_is_alleged(run_claims):
    ctx = run_claims("The Houthis reportedly fired missiles at Saudi Arabia.")
    assert _modalities(ctx, "ASSAULT") == ["alleged"]


def test_request_and_promise(run_claims):
    ctx = run_claims(
        "Ethiopia asked Eritrea to withdraw its troops. President Ruto promised that Kenya would build roads in Turkana."
    )
    assert _modalities(ctx, "REQUEST") == ["requested"]
    assert _modalities(ctx, "AGREE") == ["promised"]


def test_conditional_is_hypothetical(nlp):
    doc = nlp("Israel could strike Iran if the talks fail.")
    strike = next(t for t in doc if t.lower_ == "strike")
    assert modality_of(strike) == "hypothetical"


@pytest.mark.parametrize(
    ("text", "word", "expected"),
    [
        ("The army killed ten fighters near Goma.", "killed", "asserted"),
        ("The army did not kill anyone near Goma.", "kill", "denied"),
        ("The rebels allegedly killed ten villagers.", "killed", "alleged"),
        ("The UN urged both sides to stop fighting.", "urged", "requested"),
        ("Hamas pledged to release the hostages.", "pledged", "promised"),
    ],
)
def test_modality_of_trigger(nlp, text, word, expected):
    doc = nlp(text)
    tok = next(t for t in doc if t.lower_ == word)
    assert modality_of(tok) == expected
