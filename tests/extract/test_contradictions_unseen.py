"""Accusations and denials across sentences on unseen text: the accused's denial answers the
accusation; "rejected the accusations" points back to a speaker's quoted blame."""

from __future__ import annotations


def _linked(ctx) -> list[tuple[list, list]]:
    by_id = {c.id: c for c in ctx.claims}
    return [([by_id[i] for i in k.claims_for], [by_id[i] for i in k.claims_against]) for k in ctx.contradictions]


def test_the_accused_denying_involvement_contradicts_the_accusation(run_claims):
    ctx = run_claims("A bomb exploded at a market in Maiduguri on Friday. Nigerian officials accused Boko Haram "
                     "of planning the attack. The militant group denied involvement.")
    pairs = [(pro, con) for pro, con in _linked(ctx) if any(c.predicate == "ACCUSE" for c in pro)]
    assert pairs
    pro, con = pairs[0]
    assert {c.predicate for c in con} == {"REJECT"} and {c.modality for c in con} == {"denied"}
    assert pro[0].attribution != con[0].attribution or pro[0].sources != con[0].sources


def test_a_denial_by_a_bystander_contradicts_nothing(run_claims):
    ctx = run_claims("Colombia accused the ELN of the bombing in Cali. Venezuela denied any role on Monday.")
    assert not [pro for pro, _ in _linked(ctx) if any(c.predicate == "ACCUSE" for c in pro)]


def test_rejecting_the_accusations_answers_the_quoted_blame(run_claims):
    ctx = run_claims("\u201cThe Yemeni government has repeatedly attacked our positions in Hodeidah,\u201d "
                     "Abdul-Malik al-Houthi said on Sunday. A spokesman for the Yemeni government rejected "
                     "the accusations.")
    pairs = _linked(ctx)
    assert pairs
    pro, con = pairs[0]
    assert pro[0].modality == "asserted" and {c.modality for c in con} == {"denied"}
    text = ctx.document.text
    assert "attacked" in text[pro[0].evidence[0][0]:pro[0].evidence[0][1]]
    assert "rejected" in text[con[0].evidence[0][0]:con[0].evidence[0][1]]


def test_the_outlets_own_report_of_an_attack_is_no_accusation_to_reject(run_claims):
    ctx = run_claims("Houthi forces attacked a ship in the Red Sea on Sunday. "
                     "A spokesman for the group rejected the accusations.")
    assert not [pro for pro, _ in _linked(ctx) if any(c.predicate == "ASSAULT" and c.modality == "asserted"
                                                       for c in pro)]
