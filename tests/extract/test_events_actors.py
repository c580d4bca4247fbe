"""Event actors read from the parse on unseen text: nationality words and possessors as actors,
and the owner of a thing acted on."""

from __future__ import annotations

from claimgraph.extract.context import DocContext


def _events(ctx: DocContext, predicate: str) -> list[tuple[list[str], list[str], str]]:
    """(source names, target names, modality) of the event claims of one type."""
    name = {e.id: e.name for e in ctx.entities}
    return [([name[s] for s in c.sources], [name[t] for t in c.targets], c.modality)
            for c in ctx.claims if c.kind == "event" and c.predicate == predicate]


def test_a_nationality_word_on_a_rejected_thing_is_the_target(run_claims):
    ctx = run_claims("Mali's junta rejected an Algerian proposal for new peace talks with the rebels.")
    rejects = _events(ctx, "REJECT")
    assert rejects and rejects[0][1] == ["Algerian"]


def test_nationality_author_of_a_nominal_attack(run_claims):
    ctx = run_claims("Yemen complained to the Security Council over two Saudi air raids on Saada.")
    accuse = _events(ctx, "ACCUSE")
    assert accuse and accuse[0][0] == ["Yemen"] and accuse[0][1] == ["Saudi"]
    raids = [e for t in ("ASSAULT", "COERCE") for e in _events(ctx, t)]
    assert raids and raids[0][0] == ["Saudi"]


def test_owner_of_the_thing_destroyed_is_the_target(run_claims):
    ctx = run_claims("Russian troops shelled Ukrainian homes near Kharkiv on Sunday.")
    ((sources, targets, _),) = _events(ctx, "ASSAULT")
    assert targets == ["Ukrainian"]


def test_nationality_acts_for_the_country_the_document_names(run_claims):
    ctx = run_claims("Colombia said Venezuelan soldiers crossed the border. Bogota rejected the Venezuelan "
                     "demands for talks. Venezuela denied it.")
    rejects = _events(ctx, "REJECT")
    assert any(targets == ["Venezuela"] for _, targets, _ in rejects)


def test_a_demonym_inside_an_agent_phrase_or_a_name_is_no_separate_actor(run_claims):
    ctx = run_claims("Malian rebels attacked a French convoy near Gao. The Nigerian Army denied involvement.")
    groups = {e.name for e in ctx.entities if e.type == "Group" and e.kind == "nationality"}
    assert "Malian" not in groups and "Nigerian" not in groups
    assert "French" in groups


def test_a_definite_description_of_an_armed_group_is_the_group_just_named(run_claims):
    ctx = run_claims("Al-Shabaab fighters attacked an army base near Mogadishu on Friday. "
                     "The militant group said its fighters killed ten soldiers.")
    killed = _events(ctx, "ASSAULT")
    assert any(sources == ["al-Shabaab"] for sources, _, _ in killed[1:])
    assert not [e for e in ctx.entities if e.type == "Group" and "militant" in e.name.lower()]


def test_a_description_before_any_named_armed_group_stays_a_group(run_claims):
    ctx = run_claims("The insurgents attacked a checkpoint in Kidal. JNIM was blamed later.")
    ((sources, _, _),) = _events(ctx, "ASSAULT")
    assert sources == ["insurgents"]


def test_a_denial_by_the_accused_answers_the_accusation(run_claims):
    ctx = run_claims("Houthi rebels seized a tanker in the Red Sea. Saudi Arabia accused the Houthis of piracy. "
                     "The rebel group denied the charge on Sunday.")
    ((sources, targets, modality),) = _events(ctx, "REJECT")
    assert sources == ["Houthis"] and targets == ["Saudi Arabia"]
    assert modality != "asserted"  # a denial is never stored as an assertion


def test_a_denial_by_someone_not_accused_gets_no_invented_target(run_claims):
    ctx = run_claims("Colombia accused the ELN of the bombing in Cali. Venezuela denied any role on Monday.")
    ((sources, targets, _),) = _events(ctx, "REJECT")
    assert sources == ["Venezuela"] and targets == []


def _located(ctx: DocContext, predicate: str) -> list[str | None]:
    name = {e.id: e.name for e in ctx.entities}
    return [name.get(c.location or "") for c in ctx.claims if c.kind == "event" and c.predicate == predicate]


def test_withdrawing_from_a_country_targets_it(run_claims):
    ctx = run_claims("Rwanda says it is willing to withdraw its troops from Congo.")
    assert [t for _, t, _ in _events(ctx, "AGREE")] == [["Congo"]]


def test_the_place_of_a_threatened_action_is_its_target_not_where_the_threat_was_made(run_claims):
    ctx = run_claims("The junta threatened to ban all rallies in Niamey.")
    assert [t for _, t, _ in _events(ctx, "THREATEN")] == [["Niamey"]]
    assert _located(ctx, "THREATEN") == [None]


def test_a_threat_with_a_condition_targets_the_one_it_is_on(run_claims):
    ctx = run_claims("Russia has threatened to halt grain exports if Ukraine attacks its ships.")
    assert [t for _, t, _ in _events(ctx, "THREATEN")] == [["Ukraine"]]


def test_with_a_person_acted_on_a_place_is_the_place_not_a_second_target(run_claims):
    ctx = run_claims("Yemeni soldiers beat Houthi detainees on the outskirts of Marib.")
    for _, targets, _ in _events(ctx, "ASSAULT"):
        assert "Marib" not in targets


def test_a_hunger_strike_to_demand_a_resignation_is_aimed_at_the_one_to_resign(run_claims):
    ctx = run_claims("Colombian students continued their hunger strike to demand the resignation of Gustavo Petro.")
    protests = _events(ctx, "PROTEST")
    assert protests and protests[0][1] == ["Gustavo Petro"]


def test_an_arrest_is_placed_where_the_people_arrested_were(run_claims):
    ctx = run_claims("The operation led to the arrest of five people in the town of Kidal.")
    assert _located(ctx, "COERCE") == ["Kidal"]


def test_a_described_armed_group_is_a_party_to_the_deal_it_signed(run_claims):
    ctx = run_claims("The RSF shelled El Fasher on Monday. Sudan signed the Jeddah Declaration with the "
                     "paramilitary group in May.")
    name = {e.id: e.name for e in ctx.entities}
    parties = {name[c.subject] for c in ctx.claims if c.kind == "relation" and c.predicate == "party_to"}
    assert "Rapid Support Forces" in parties and "Sudan" in parties


def test_the_owner_of_a_reiterated_demand_makes_it_and_its_that_clause_names_who_is_to_act(run_claims):
    ctx = run_claims("The African Union reiterated its demand that Mali hold elections by February.")
    requests = _events(ctx, "REQUEST")
    assert requests and requests[0][0] == ["African Union"] and requests[0][1] == ["Mali"]


def test_a_passive_that_clause_does_not_name_who_is_asked(run_claims):
    ctx = run_claims("Egypt proposed the truce at Qatar's request that Hamas fighters be moved from Rafah.")
    requests = _events(ctx, "REQUEST")
    assert requests
    for _, targets, _ in requests:
        assert "Hamas" not in targets


def test_those_who_gather_for_a_rally_hold_it(run_claims):
    ctx = run_claims("Thousands of Sudanese protesters gathered for a rally in Khartoum on Thursday.")
    rallies = _events(ctx, "PROTEST")
    assert rallies and rallies[0][0]


def test_what_a_speaker_said_in_a_meeting_makes_no_meeting_of_theirs(run_claims):
    ctx = run_claims("Yevgeny Prigozhin told Sergei Shoigu in a meeting that the deal was over.")
    assert not [s for s, _, _ in _events(ctx, "CONSULT") if s == ["Yevgeny Prigozhin"]]


def test_a_quoted_must_is_the_speakers_demand_and_its_action_is_content(run_claims):
    ctx = run_claims("\u201cIf the junta is serious, it must stop arresting journalists and return to talks,\u201d "
                     "Bola Tinubu told reporters.")
    requests = _events(ctx, "REQUEST")
    assert requests and requests[0][0] == ["Bola Tinubu"] and requests[0][2] == "requested"
    assert not _events(ctx, "COERCE")  # the arrests are what is demanded to stop, not a reported event


def test_we_must_is_a_commitment_not_a_demand(run_claims):
    ctx = run_claims("\u201cWe must defend our land,\u201d the Tuareg commander Bilal Ag Acherif said.")
    assert not _events(ctx, "REQUEST")


def test_a_must_in_the_outlets_own_voice_is_no_ones_demand(run_claims):
    ctx = run_claims("The talks in Doha must resume before the rains come to Darfur.")
    assert not _events(ctx, "REQUEST")


def test_rejecting_the_accusations_rejects_the_speaker_of_the_latest_quoted_blame(run_claims):
    ctx = run_claims("Yemen accused the Houthis of piracy on Monday. \u201cThe Yemeni government has repeatedly "
                     "attacked our positions in Hodeidah,\u201d Abdul-Malik al-Houthi said on Sunday. A spokesman "
                     "for the Yemeni government rejected the accusations.")
    rejects = _events(ctx, "REJECT")
    assert rejects and rejects[0][1] == ["Abdul-Malik al-Houthi"]


def test_nationality_militants_are_not_a_union_named_after_the_nation(run_claims):
    ctx = run_claims("The Nigerian Union of Journalists condemned the raid. Nigerian militants attacked a "
                     "newsroom in Lagos.")
    attacks = _events(ctx, "ASSAULT")
    assert attacks and all("Nigerian Union of Journalists" not in s for s, _, _ in attacks)


def test_withdrawing_from_the_country_just_named_targets_it(run_claims):
    ctx = run_claims("Mali's junta expelled the French ambassador. The withdrawal of French forces from the "
                     "country ended in August.")
    assert ("RETREAT", ["France"], ["Mali"]) in [("RETREAT", s, t) for s, t, _ in _events(ctx, "RETREAT")]


def test_withdrawing_from_a_town_does_not_make_the_town_a_party(run_claims):
    ctx = run_claims("Russian forces completed their withdrawal from the town of Kherson.")
    assert [t for _, t, _ in _events(ctx, "RETREAT")] == [[]]


def test_claiming_an_attack_makes_the_claimant_its_author(run_claims):
    for text in ("Al-Shabaab claimed responsibility for the bombing in Mogadishu.",
                 "Al-Shabaab claimed the bombing in Mogadishu on Sunday.",
                 "Earlier bombings in Mogadishu were claimed by Al-Shabaab."):
        attacks = _events(run_claims(text), "ASSAULT")
        assert attacks and attacks[0][0] == ["al-Shabaab"], text


def test_saying_someone_else_was_responsible_is_not_a_claim_by_the_speaker(run_claims):
    ctx = run_claims("Somali police said Al-Shabaab was responsible for the bombing in Mogadishu.")
    attacks = _events(ctx, "ASSAULT")
    assert attacks and attacks[0][0] == ["al-Shabaab"]


def test_an_attack_blamed_on_a_group_has_it_as_author(run_claims):
    ctx = run_claims("Ten soldiers died in an attack blamed on Boko Haram near Maiduguri.")
    attacks = _events(ctx, "ASSAULT")
    assert attacks and attacks[0][0] == ["Boko Haram"]
    assert not _events(ctx, "ACCUSE")  # nobody is said to accuse: no accusation event without an accuser
