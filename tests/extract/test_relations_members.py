"""Membership stated without a role noun ("X of the Y party", "X's Y party", "Y is a member of Z"),
on texts from several regions, with the look-alikes that are no membership."""

from __future__ import annotations

from claimgraph.extract.context import DocContext


def _members(ctx: DocContext) -> set[tuple[str, str]]:
    name = {e.id: e.name for e in ctx.entities}
    return {(name[c.subject], name[c.object]) for c in ctx.claims
            if c.kind == "relation" and c.predicate == "member_of" and c.subject and c.object}


def test_a_person_of_a_party_is_its_member(run_claims):
    members = _members(run_claims("Pita Limjaroenrat, of the Move Forward Party, spoke in Bangkok."))
    assert ("Pita Limjaroenrat", "Move Forward Party") in members


def test_a_person_of_a_named_group_after_an_event_noun_is_still_its_member(run_claims):
    members = _members(run_claims("The killing of Saleh al-Arouri of Hamas angered Iran."))
    assert ("Saleh al-Arouri", "Hamas") in members
    assert not [m for m in members if m[1] == "Iran"]


def test_a_person_of_a_place_is_no_member(run_claims):
    members = _members(run_claims("Abu Bakr of Baghdad spoke to reporters."))
    assert not members


def test_a_possessed_party_is_the_possessors_party_but_an_army_is_not(run_claims):
    members = _members(run_claims("Netanyahu's Likud party won. Putin's army advanced on Avdiivka."))
    assert ("Netanyahu", "Likud") in members
    assert not [m for m in members if m[0] == "Putin"]


def test_an_organisation_can_be_a_member_of_an_alliance(run_claims):
    members = _members(run_claims("Hezbollah is a member of the Axis of Resistance."))
    assert ("Hezbollah", "Axis of Resistance") in members
