"""Relations: roles from appositions, titles and copulas; verb frames; admin nesting."""

from __future__ import annotations

from claimgraph.extract.context import DocContext


def _rels(ctx: DocContext) -> set[tuple[str, str, str, str]]:
    """(subject name, predicate, object name, status) of every relation claim."""
    name = {e.id: e.name for e in ctx.entities}
    return {(name[c.subject], c.predicate, name[c.object], c.status) for c in ctx.claims if c.kind == "relation"}


def _pairs(ctx: DocContext) -> set[tuple[str, str, str]]:
    return {(s, p, o) for s, p, o, _ in _rels(ctx)}


def test_apposition_leader_of(run_claims):
    ctx = run_claims("Abu Bakr al-Baghdadi, leader of the Islamic State, was killed in Syria.")
    assert ("Abu Bakr al-Baghdadi", "leader_of", "Islamic State", "asserted") in _rels(ctx)


def test_title_before_name_gives_membership_with_role(run_claims):
    ctx = run_claims("Pakistan Foreign Minister Bilawal Bhutto Zardari visited Kabul in May 2023.")
    names = {e.id: e.name for e in ctx.entities}
    roles = {(names[c.object], c.predicate, c.role) for c in ctx.claims if c.kind == "relation"}
    assert ("Pakistan", "member_of", "Foreign Minister") in roles


def test_definite_commander_of_leads_the_group(run_claims):
    ctx = run_claims("Mohammed Deif, the commander of the Qassam Brigades, met Ismail Haniyeh in Gaza.")
    preds = {(p, o) for s, p, o in _pairs(ctx) if s == "Mohammed Deif"}
    assert any(p == "leader_of" and "Qassam" in o for p, o in preds)


def test_past_copula_is_historical(run_claims):
    ctx = run_claims("Mohammed Deif was the deputy of Marwan Issa.")
    assert ("Mohammed Deif", "deputy_of", "Marwan Issa", "historical") in _rels(ctx)


def test_supports_with_coordinated_objects(run_claims):
    ctx = run_claims("Iran has supported Hezbollah and the Houthis for years.")
    assert {("Iran", "supports", "Hezbollah"), ("Iran", "supports", "Houthis")} <= _pairs(ctx)


def test_fought_alongside_is_a_past_alliance(run_claims):
    ctx = run_claims("The Wagner Group fought alongside the Malian army against jihadists.")
    (rel,) = [c for c in ctx.claims if c.kind == "relation" and c.predicate == "allied_with"]
    names = {e.id: e.name for e in ctx.entities}
    assert {names[rel.subject], names[rel.object]} == {"Wagner Group", "Mali"}
    assert rel.status == "historical"


def test_movement_places_actor_at_destination_and_origin_in_the_past(run_claims):
    ctx = run_claims("Ayman al-Zawahiri lived in Kabul. He went from Kabul to Kandahar.")
    rels = _rels(ctx)
    assert ("Ayman al-Zawahiri", "located_in", "Kandahar", "asserted") in rels
    assert ("Ayman al-Zawahiri", "located_in", "Kabul", "historical") in rels


def test_admin_nesting_but_not_a_list_of_provinces(run_claims):
    ctx = run_claims(
        "Coalition forces detained two suspects in Nad Ali district, Helmand province. "
        "Operations also took place in Kandahar, Helmand and Zabul."
    )
    part_of = {(s, o) for s, p, o in _pairs(ctx) if p == "part_of"}
    assert part_of == {("Nad Ali District", "Helmand Province")}


def test_network_named_after_a_person_is_not_the_person(run_claims):
    ctx = run_claims(
        "Haqqani Network fighters attacked the hotel in Kabul. Sirajuddin Haqqani, the network's leader, was not there."
    )
    attacks = [c for c in ctx.claims if c.kind == "event" and c.predicate == "ASSAULT"]
    names = {e.id: e.name for e in ctx.entities}
    assert attacks and all(names[s] != "Sirajuddin Haqqani" for c in attacks for s in c.sources)


def test_relation_claims_carry_provenance(run_claims):
    ctx = run_claims("Iran has supported Hezbollah and the Houthis for years.")
    assert [c for c in ctx.claims if c.kind == "relation"]  # the loop below is not vacuous
    for c in ctx.claims:
        assert c.evidence and all(0 <= s < e <= len(ctx.document.text) for s, e in c.evidence)
        assert c.attribution and c.modality and c.extractor.startswith("claimgraph.")
        assert c.id.startswith("clm_")


def test_capital_appositions_and_possessed_places_nest(run_claims):
    ctx = run_claims(
        "Talks resumed in Qatar's capital, Doha, on Monday. Later they moved to Nairobi, the capital of Kenya."
    )
    part_of = {(s, o) for s, p, o in _pairs(ctx) if p == "part_of"}
    assert ("Doha", "Qatar") in part_of and ("Nairobi", "Kenya") in part_of


def test_parties_of_a_negotiated_pact(run_claims):
    ctx = run_claims(
        "The Doha Agreement was announced in 2020. The pact the United States negotiated with the Taliban "
        "set a date for the withdrawal."
    )
    parties = {s for s, p, o in _pairs(ctx) if p == "party_to"}
    assert {"United States", "Taliban"} <= parties
