"""Trigger senses and nominal events on unseen text: verb senses picked by their preposition or
object, possessors that undergo the act, counting nouns, and places that are not actors."""

from __future__ import annotations

from claimgraph.extract.context import DocContext


def _events(ctx: DocContext, predicate: str | None = None) -> list[tuple[str, list[str], list[str]]]:
    name = {e.id: e.name for e in ctx.entities}
    return [(c.predicate, [name[s] for s in c.sources], [name[t] for t in c.targets])
            for c in ctx.claims if c.kind == "event" and (predicate is None or c.predicate == predicate)]


def test_warning_of_a_danger_is_no_threat_but_a_warning_to_someone_is(run_claims):
    assert not _events(run_claims("UN officials warned of a possible famine in Sudan's Darfur region."), "THREATEN")
    ctx = run_claims("Iran warned Israel that it would retaliate for the strike on its consulate.")
    assert [(s, t) for _, s, t in _events(ctx, "THREATEN")] == [(["Iran"], ["Israel"])]


def test_sharing_news_is_no_cooperation_but_sharing_intelligence_is(run_claims):
    assert not _events(run_claims("Colombia's defence minister was first to share word of the raid in Cauca."),
                       "COOPERATE")
    ctx = run_claims("Turkey has been sharing intelligence with Iraq since May.")
    assert _events(ctx, "COOPERATE") == [("COOPERATE", ["Turkey"], ["Iraq"])]


def test_pointing_a_finger_is_an_accusation(run_claims):
    ctx = run_claims("Volodymyr Zelensky pointed a finger at Moscow after the strike.")
    accusations = _events(ctx, "ACCUSE")
    assert accusations and accusations[0][2] == ["Moscow"]


def test_a_possessor_of_a_killing_is_the_one_killed(run_claims):
    ctx = run_claims("Islamic State confirmed Abu Bakr al-Baghdadi's killing in a statement.")
    kills = _events(ctx, "ASSAULT")
    assert kills and "Abu Bakr al-Baghdadi" in kills[0][2] and "Abu Bakr al-Baghdadi" not in kills[0][1]


def test_a_possessor_with_an_of_phrase_is_the_killer(run_claims):
    ctx = run_claims("Human Rights Watch documented the Sudanese army's killing of civilians in El Fasher.")
    kills = _events(ctx, "ASSAULT")
    assert kills and kills[0][1] and "civilians" in kills[0][2]


def test_a_series_of_strikes_is_one_event_with_the_light_verbs_subject(run_claims):
    ctx = run_claims("Houthi rebels carried out a series of drone strikes against Saudi Arabia on Monday.")
    assert _events(ctx, "ASSAULT") == [("ASSAULT", ["Houthis"], ["Saudi Arabia"])]


def test_a_town_before_an_attack_is_its_place_not_its_author(run_claims):
    ctx = run_claims("The Kharkiv attack killed nine people.")
    for _, sources, _ in _events(ctx, "ASSAULT"):
        assert "Kharkiv" not in sources


def test_condemning_an_attack_does_not_make_the_speaker_the_attacker(run_claims):
    ctx = run_claims("Mali's government condemned the attack on a convoy near Gao.")
    attacks = [e for e in _events(ctx, "ASSAULT")]
    assert attacks and all("Mali" not in sources for _, sources, _ in attacks)


def test_an_arrest_of_unnamed_people_is_an_event_without_invented_actors(run_claims):
    ctx = run_claims("The raid led to the arrest of another five people in the town of Mopti.")
    ((_, sources, targets),) = _events(ctx, "COERCE")
    assert sources == [] and set(targets) <= {"Mopti"}  # the place may stand for its people, nothing else


def test_pushing_fighters_out_of_their_strongholds_is_fighting_and_pushing_for_talks_is_a_request(run_claims):
    ctx = run_claims("Ukrainian forces pushed Russian troops out of Kherson in November.")
    assert [t for t, *_ in _events(ctx)] == ["ASSAULT"]
    ctx = run_claims("Qatar is pushing for talks between Hamas and Israel.")
    assert "ASSAULT" not in [t for t, *_ in _events(ctx)]


def test_an_offensive_launched_by_someone_has_them_as_its_author(run_claims):
    ctx = run_claims("An offensive launched by the Malian army in May has driven JNIM out of several villages.")
    offensives = [e for e in _events(ctx, "ASSAULT") if e[1]]
    assert offensives and offensives[0][1] == ["Mali"]


def test_inflicting_casualties_on_someone_is_an_assault_on_them(run_claims):
    ctx = run_claims("Al-Shabaab fighters inflicted heavy casualties on Kenyan troops near Lamu.")
    assert ("ASSAULT", ["al-Shabaab"], ["Kenya"]) in _events(ctx, "ASSAULT")


def test_executing_people_is_killing_but_executing_projects_is_not(run_claims):
    assert _events(run_claims("Islamic State executed five prisoners in Raqqa."), "ASSAULT")
    assert not _events(run_claims("The projects were executed by Ethiopian army engineers in Tigray."), "ASSAULT")


def test_striking_out_on_ones_own_and_pressing_operations_are_no_events(run_claims):
    assert not _events(run_claims("Viktor Bout struck out on his own in 1993."))
    assert not _events(run_claims("The Syrian army is pressing its military operations in Idlib."), "REQUEST")


def test_a_mediation_effort_between_two_states_is_a_consultation_with_both(run_claims):
    ctx = run_claims("Qatar's emir launched a mediation effort on Saturday between Ethiopia and Eritrea.")
    consults = _events(ctx, "CONSULT")
    assert consults and set(consults[0][2]) == {"Ethiopia", "Eritrea"}


def test_talks_between_two_sides_have_one_as_source_and_the_other_as_target(run_claims):
    ctx = run_claims("Talks between Ethiopia and Eritrea resumed in Algiers.")
    assert _events(ctx, "CONSULT") == [("CONSULT", ["Ethiopia"], ["Eritrea"])]


def test_torture_in_custody_is_an_assault(run_claims):
    ctx = run_claims("A Yemeni prisoner died as a result of torture in Houthi custody in Sanaa.")
    assert _events(ctx, "ASSAULT")
