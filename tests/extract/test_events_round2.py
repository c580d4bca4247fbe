"""Events found on unseen text when no participant is named (issue #5, round 2): victims that are
numbers, ranks or pronouns, bombs that go off, and incidents pinned to a time — with the
references, figures of speech and accidents that must stay out."""

from __future__ import annotations

from claimgraph.extract.context import DocContext


def _triggers(ctx: DocContext, predicate: str) -> list[str]:
    """Trigger words of the event claims of one type."""
    text = ctx.document.text
    return [text[c.trigger[0]:c.trigger[1]] for c in ctx.claims
            if c.kind == "event" and c.predicate == predicate and c.trigger]


def test_a_ranked_victim_makes_a_killing(run_claims):
    ctx = run_claims("A brigadier general was killed by a roadside bomb near Kandahar on Tuesday.")
    assert "killed" in _triggers(ctx, "ASSAULT")


def test_a_pronoun_victim_makes_an_arrest(run_claims):
    ctx = run_claims("The journalist returned to Harare in March. In May, she was arrested at her home.")
    assert "arrested" in _triggers(ctx, "COERCE")


def test_a_bare_number_of_victims_counts_as_people(run_claims):
    ctx = run_claims("Militants stormed the camp. In the raid 40 were killed and another 15 were wounded.")
    assert {"killed", "wounded"} <= set(_triggers(ctx, "ASSAULT"))


def test_a_number_of_things_destroyed_is_no_victim(run_claims):
    # "destroyed" has no victim count: a bare number of things is no participant
    ctx = run_claims("By the end of the storm, 40 had been destroyed along the coast.")
    assert _triggers(ctx, "COERCE") == [] and _triggers(ctx, "ASSAULT") == []


def test_a_bomb_going_off_is_an_attack(run_claims):
    ctx = run_claims("A car bomb exploded outside a police station in Mogadishu, the state news agency said.")
    assert "exploded" in _triggers(ctx, "ASSAULT")


def test_a_figurative_explosion_is_no_attack(run_claims):
    ctx = run_claims("Violence exploded across the capital after the price of bread doubled.")
    assert _triggers(ctx, "ASSAULT") == []


def test_a_dated_blast_is_an_incident(run_claims):
    ctx = run_claims("Investigators are still looking for whoever planted the device behind Friday's blast.")
    assert "blast" in _triggers(ctx, "ASSAULT")


def test_an_explosion_acting_in_its_clause_is_an_incident(run_claims):
    ctx = run_claims("The explosion shattered windows along the whole street.")
    assert "explosion" in _triggers(ctx, "ASSAULT")


def test_an_anaphoric_reference_to_an_attack_is_no_new_event(run_claims):
    ctx = run_claims("Officials have opened an inquiry into the attack.")
    assert _triggers(ctx, "ASSAULT") == []


def test_a_slaying_of_protesters_is_a_killing(run_claims):
    ctx = run_claims("The opposition called new marches after the slaying of seven demonstrators by riot police "
                     "in Caracas.")
    assert "slaying" in _triggers(ctx, "ASSAULT")


def test_a_shooting_range_is_no_shooting(run_claims):
    ctx = run_claims("The cadets spent the morning at the shooting range outside Lahore.")
    assert _triggers(ctx, "ASSAULT") == []


def _sources(ctx: DocContext, predicate: str, trigger: str) -> list[str]:
    name = {e.id: e.name for e in ctx.entities}
    text = ctx.document.text
    return [name[s] for c in ctx.claims if c.kind == "event" and c.predicate == predicate and c.trigger
            and text[c.trigger[0]:c.trigger[1]] == trigger for s in c.sources]


def test_they_continues_the_previous_sentence_subject(run_claims):
    ctx = run_claims("Al-Shabaab fighters stormed an army base near Kismayo on Monday. "
                     "They killed nine soldiers before withdrawing.")
    assert "al-shabaab" in [s.lower() for s in _sources(ctx, "ASSAULT", "killed")]


def test_they_does_not_continue_a_lone_person(run_claims):
    ctx = run_claims("Ahmed Madobe visited the base near Kismayo on Monday. They killed nine soldiers the next day.")
    assert "Ahmed Madobe" not in _sources(ctx, "ASSAULT", "killed")


def test_a_planted_bomb_is_a_weapon_not_an_event(run_claims):
    ctx = run_claims("Witnesses said the bomb had been planted in a parked van.")
    assert _triggers(ctx, "ASSAULT") == []


def test_when_bombs_explode_the_explosion_is_the_event(run_claims):
    ctx = run_claims("Twin bombs exploded near the central market in Maiduguri.")
    assert _triggers(ctx, "ASSAULT") == ["exploded"]


def test_victims_of_an_attack_are_killed_by_its_authors(run_claims):
    ctx = run_claims("In March, eleven Nigerian soldiers were killed in Boko Haram attacks near Maiduguri.")
    assert "Boko Haram" in _sources(ctx, "ASSAULT", "killed")


def test_a_killing_with_its_own_agent_keeps_it(run_claims):
    ctx = run_claims("Two fighters were killed by Nigerian troops in a Boko Haram ambush near Maiduguri.")
    killed = _sources(ctx, "ASSAULT", "killed")
    assert killed and "Boko Haram" not in killed


def test_a_relative_clause_adds_its_count_to_the_incident(run_claims):
    ctx = run_claims("Kenyan police are searching for a man responsible for a Saturday blast which wounded eight people.")
    attacks = [c for c in ctx.claims if c.kind == "event" and c.predicate == "ASSAULT"]
    assert len(attacks) == 1 and attacks[0].counts.get("wounded") == 8


def _targets(ctx: DocContext, predicate: str, trigger: str) -> list[str]:
    name = {e.id: e.name for e in ctx.entities}
    text = ctx.document.text
    return [name[t] for c in ctx.claims if c.kind == "event" and c.predicate == predicate and c.trigger
            and text[c.trigger[0]:c.trigger[1]] == trigger for t in c.targets]


def test_who_was_arrested_is_the_person_the_clause_is_about(run_claims):
    ctx = run_claims("Kizza Besigye, who was arrested in Kampala on Tuesday, was released on bail.")
    assert _targets(ctx, "COERCE", "arrested") == ["Kizza Besigye"]


def test_who_arrested_someone_is_the_source_not_the_target(run_claims):
    ctx = run_claims("Uganda's police chief, who arrested Kizza Besigye in Kampala, was promoted.")
    assert "Kizza Besigye" in _targets(ctx, "COERCE", "arrested")


def test_a_strike_that_killed_gives_the_killing_its_author(run_claims):
    ctx = run_claims("A Turkish drone strike killed a senior PKK commander in Sinjar, Iraqi officials said.")
    assert _sources(ctx, "ASSAULT", "killed") and _sources(ctx, "ASSAULT", "killed") == _sources(ctx, "ASSAULT", "strike")


def test_retaliating_with_sanctions_makes_the_subject_the_source(run_claims):
    ctx = run_claims("Russia retaliated with sanctions on Georgian wine.")
    assert _sources(ctx, "SANCTION", "sanctions") == ["Russia"]


def test_a_killing_with_no_attack_or_agent_named_has_no_author(run_claims):
    ctx = run_claims("Two Tuareg rebels were killed in Kidal on Sunday.")
    assert _sources(ctx, "ASSAULT", "killed") == []


def test_an_indictment_is_a_formal_accusation(run_claims):
    ctx = run_claims("A federal grand jury indicted two Somali men on terrorism charges in Minneapolis.")
    assert "indicted" in _triggers(ctx, "ACCUSE")


def test_a_weather_warning_is_no_threat(run_claims):
    ctx = run_claims("A weather warning was issued for the coast of Mozambique on Friday.")
    assert _triggers(ctx, "THREATEN") == []


def test_naming_an_explosion_an_attack_does_not_make_the_speaker_its_author(run_claims):
    ctx = run_claims("On Friday, the Kenyan president, William Ruto, called the explosion an attack on the nation.")
    assert "William Ruto" not in _sources(ctx, "ASSAULT", "explosion")


def test_a_light_verb_still_lends_its_subject(run_claims):
    ctx = run_claims("Al-Shabaab carried out an attack on a hotel in Mogadishu.")
    assert [s.lower() for s in _sources(ctx, "ASSAULT", "attack")] == ["al-shabaab"]


def test_those_released_are_the_target(run_claims):
    ctx = run_claims("Eva Forest and Mari Luz Fernandez were released in June 1977 under an amnesty.")
    assert _targets(ctx, "RETREAT", "released") == ["Eva Forest", "Mari Luz Fernandez"]
    assert _sources(ctx, "RETREAT", "released") == []


def test_those_demobilized_still_retreat(run_claims):
    ctx = run_claims("Colombian guerrillas have been demobilized under the 2016 accord.")
    assert _sources(ctx, "RETREAT", "demobilized") == ["Colombian guerrillas"]


def _location(ctx: DocContext, predicate: str, trigger: str) -> list[str | None]:
    name = {e.id: e.name for e in ctx.entities}
    text = ctx.document.text
    return [name.get(c.location) if c.location else None for c in ctx.claims if c.kind == "event"
            and c.predicate == predicate and c.trigger and text[c.trigger[0]:c.trigger[1]] == trigger]


def test_the_city_is_the_town_just_named(run_claims):
    ctx = run_claims("Fighting resumed in Kismayo on Monday. Al-Shabaab fighters attacked an army post in the city.")
    assert _location(ctx, "ASSAULT", "attacked") == ["Kismayo"]


def test_the_city_is_not_a_country(run_claims):
    ctx = run_claims("Somalia held elections on Monday. Al-Shabaab fighters attacked an army post in the city.")
    assert _location(ctx, "ASSAULT", "attacked") == [None]


def test_a_city_named_long_before_is_not_taken(run_claims):
    ctx = run_claims("Fighting resumed in Kismayo on Monday. Aid agencies warned of hunger. Prices rose. "
                     "Schools closed. Roads were cut. Al-Shabaab fighters attacked an army post in the city.")
    assert _location(ctx, "ASSAULT", "attacked") == [None]


def test_a_unit_acts_for_its_organisation(run_claims):
    ctx = run_claims("Hezbollah's elite Radwan unit attacked Israeli positions near Metula.")
    assert _sources(ctx, "ASSAULT", "attacked") == ["Hezbollah"]


def test_a_unit_named_after_a_town_is_not_the_town(run_claims):
    ctx = run_claims("The Kandahar brigade attacked insurgent positions near Spin Boldak.")
    assert "Kandahar" not in _sources(ctx, "ASSAULT", "attacked")
