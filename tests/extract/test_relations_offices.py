"""Roles stated with "as" ("served as mayor of X", "appointed X as commander of Y") and the offices
that head a place's government (mayor, governor), on texts from several regions."""

from __future__ import annotations

from claimgraph.extract.context import DocContext
from claimgraph.model import Document


def _rels(ctx: DocContext) -> set[tuple[str, str, str, str]]:
    name = {e.id: e.name for e in ctx.entities}
    return {(name[c.subject], c.predicate, name[c.object], c.status) for c in ctx.claims
            if c.kind == "relation" and c.subject and c.object}


def test_served_as_mayor_in_the_past_is_a_historical_leadership(pipeline):
    x = pipeline.analyze(Document.from_text("Ihor Terekhov was a politician who served as mayor of Kharkiv from 2015.",
                                            outlet="Test Wire", published="2024-03-10"))
    name = {e.id: e.name for e in x.entities}
    rels = {(name[c.subject], c.predicate, name[c.object], c.status) for c in x.relations}
    assert ("Ihor Terekhov", "leader_of", "Kharkiv", "historical") in rels


def test_the_appointee_not_the_appointer_holds_the_role(run_claims):
    rels = _rels(run_claims("In 2019 Ali Khamenei appointed Hossein Salami as commander of the Revolutionary Guards."))
    assert [r for r in rels if r[0] == "Hossein Salami" and r[1] == "leader_of"]
    assert not [r for r in rels if r[0] == "Ali Khamenei"]


def test_identified_as_a_member_names_the_group_that_owns_the_body(run_claims):
    rels = _rels(run_claims("United Nations reports identified Abu Khadija as a member of the Islamic State's "
                            "delegated committee."))
    assert ("Abu Khadija", "member_of", "Islamic State", "asserted") in rels


def test_an_as_phrase_after_other_verbs_gives_no_role(run_claims):
    rels = _rels(run_claims("Volodymyr Zelensky spoke as a member of the Ukrainian delegation in Geneva. "
                            "Mohammed Deif was hailed as a leader of Hamas."))
    assert not [r for r in rels if r[1] in ("member_of", "leader_of")]


def test_a_governor_title_heads_the_state_and_a_deputy_governor_does_not(run_claims):
    rels = _rels(run_claims("Borno State Governor Babagana Zulum visited Bama. "
                            "Deputy Governor Umar Kadafur of Borno State spoke later."))
    assert ("Babagana Zulum", "leader_of", "Borno State", "asserted") in rels
    assert not [r for r in rels if r[0] == "Umar Kadafur" and r[1] == "leader_of"]


def test_a_group_acronym_cut_off_its_title_by_the_parser_still_names_the_group(run_claims):
    ctx = run_claims("The Islamic State lost ground. Iraqi forces said they had \"successfully eliminated\" "
                     "IS deputy caliph Abu Khadija.")
    name = {e.id: e.name for e in ctx.entities}
    roles = {(name[c.subject], c.predicate, name[c.object], (c.role or "").lower()) for c in ctx.claims
             if c.kind == "relation"}
    assert ("Abu Khadija", "member_of", "Islamic State", "deputy caliph") in roles


def test_led_by_after_a_named_body_gives_its_leader(run_claims):
    rels = _rels(run_claims("The Sovereignty Council, led by Abdel Fattah al-Burhan, met in Port Sudan."))
    assert ("Abdel Fattah al-Burhan", "leader_of", "Sovereignty Council", "asserted") in rels


def test_a_role_subject_with_a_named_complement_gives_the_role(run_claims):
    rels = _rels(run_claims("Fighting went on in Tigray. The prime minister of Ethiopia is Abiy Ahmed."))
    assert ("Abiy Ahmed", "leader_of", "Ethiopia", "asserted") in rels
    rels = _rels(run_claims("The winner of the award was Abiy Ahmed."))
    assert not [r for r in rels if r[0] == "Abiy Ahmed"]


def test_the_group_led_by_x_is_the_armed_group_just_named(run_claims):
    rels = _rels(run_claims("Al-Shabaab attacked a base in Lower Shabelle. Officials said the group is now led "
                            "by Ahmed Diriye."))
    assert ("Ahmed Diriye", "leader_of", "al-Shabaab", "asserted") in rels


def test_the_group_with_no_armed_group_before_it_gets_no_leader(run_claims):
    rels = _rels(run_claims("The government said the group is now led by Ahmed Diriye."))
    assert not [r for r in rels if r[1] == "leader_of"]
