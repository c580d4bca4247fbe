"""Who says what, on unseen text: claims inside a reporting frame belong to its speaker, denials
are never assertions, and a name is not its namesake organisation."""

from __future__ import annotations


def _speakers(ctx, predicate: str) -> list[list[str]]:
    atts = {a.id: a for a in ctx.attributions}
    return [[s.text for s in atts[c.attribution].chain] for c in ctx.claims
            if c.kind == "event" and c.predicate == predicate]


def test_a_claim_inside_x_said_is_attributed_to_x(run_claims):
    ctx = run_claims("Sudan's army said the Rapid Support Forces shelled a market in Omdurman on Sunday.")
    chains = _speakers(ctx, "ASSAULT")
    assert chains and chains[0][-1] == "Sudan's army"


def test_an_appositive_speaker_with_a_phrase_before_the_verb_is_the_speaker(run_claims):
    ctx = run_claims("Kyiv's mayor Vitali Klitschko, in a later post on the Telegram platform, said Russian drones "
                     "struck a school.")
    chains = _speakers(ctx, "ASSAULT")
    assert chains and "Vitali Klitschko" in chains[0][-1]


def test_an_unframed_claim_is_the_outlets_own(run_claims):
    ctx = run_claims("Russian drones struck a school in Kyiv on Sunday.", outlet="Kyiv Independent")
    assert _speakers(ctx, "ASSAULT") == [["Kyiv Independent"]]


def test_a_denied_attack_is_never_stored_as_an_assertion(run_claims):
    ctx = run_claims("The Rapid Support Forces denied that its fighters shelled the market in Omdurman.")
    attacks = [c for c in ctx.claims if c.kind == "event" and c.predicate == "ASSAULT"]
    assert attacks and all(c.modality != "asserted" for c in attacks)


def test_a_person_named_like_a_movement_is_not_the_movement(run_claims):
    ctx = run_claims("Houthi fighters attacked a tanker in the Red Sea. Abdul-Malik al-Houthi denied it on Monday.")
    names = {e.name: e.type for e in ctx.entities}
    assert names.get("Houthis") == "Organization"
    assert names.get("Abdul-Malik al-Houthi") == "Person"
    (reject,) = [c for c in ctx.claims if c.kind == "event" and c.predicate == "REJECT"]
    name = {e.id: e.name for e in ctx.entities}
    assert [name[s] for s in reject.sources] == ["Abdul-Malik al-Houthi"]
