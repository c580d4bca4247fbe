"""PLOVER events: triggers, source/target through the parse, places, dates and counts."""

from __future__ import annotations

from claimgraph.extract.context import DocContext
from claimgraph.extract.events_lexicon import lexicon
from claimgraph.model import EVENT_TYPES


def _events(ctx: DocContext, predicate: str | None = None) -> list[tuple]:
    """(type, source names, target names, location name, modality, counts) per event claim."""
    name = {e.id: e.name for e in ctx.entities}
    out = []
    for c in ctx.claims:
        if c.kind == "event" and (predicate is None or c.predicate == predicate):
            out.append((c.predicate, [name[s] for s in c.sources], [name[t] for t in c.targets],
                        name.get(c.location or ""), c.modality, c.counts))
    return out


def test_lexicon_types_are_plover_types():
    types = {t.type for triggers in lexicon().values() for t in triggers}
    assert types <= set(EVENT_TYPES)
    assert {"ASSAULT", "COERCE", "REQUEST", "RELOCATE", "ACCUSE", "REJECT"} <= types


def test_active_verb_source_target_location_date(run_claims):
    ctx = run_claims("Hamas leader Yahya Sinwar met Egyptian officials in Cairo on Monday.", published="2024-03-10")
    (ev,) = [c for c in ctx.claims if c.kind == "event"]
    assert ev.predicate == "CONSULT"
    assert _events(ctx)[0][1] == ["Yahya Sinwar"] and _events(ctx)[0][3] == "Cairo"
    assert ev.date is not None and ev.date.value == "2024-03-04"  # the Monday before publication


def test_passive_voice_swaps_source_and_target(run_claims):
    ctx = run_claims("The Malian army was attacked by JNIM fighters near Timbuktu.")
    ((typ, sources, targets, *_),) = _events(ctx, "ASSAULT")
    assert targets == ["Mali"]
    assert len(sources) == 1 and "Nusrat" in sources[0]


def test_compound_actors_from_coordination(run_claims):
    ctx = run_claims("Egypt and Qatar mediated talks between Israel and Hamas in Doha.")
    ((typ, sources, targets, location, *_),) = _events(ctx, "CONSULT")
    assert sources == ["Egypt", "Qatar"] and set(targets) == {"Israel", "Hamas"} and location == "Doha"


def test_request_with_embedded_action_is_one_request(run_claims):
    ctx = run_claims("Ethiopia asked Eritrea to withdraw its troops from Tigray.")
    assert _events(ctx) == [("REQUEST", ["Ethiopia"], ["Eritrea"], None, "requested", {})]


def test_plural_pronoun_object_takes_the_coordinated_verbs_object(run_claims):
    ctx = run_claims("Hassan Nasrallah summoned Hamas leaders and asked them to stop the attacks.")
    requests = _events(ctx, "REQUEST")
    assert requests and requests[0][1] == ["Hassan Nasrallah"] and requests[0][2] == ["Hamas"]


def test_nominal_event_with_possessor_as_source(run_claims):
    ctx = run_claims("After Pakistan's airstrikes on Taliban positions in April 2022, Zabihullah Mujahid condemned Islamabad.")
    assault = [c for c in ctx.claims if c.kind == "event" and c.predicate == "ASSAULT"]
    assert assault
    names = {e.id: e.name for e in ctx.entities}
    assert [names[s] for s in assault[0].sources] == ["Pakistan"]
    assert assault[0].date is not None and assault[0].date.value == "2022-04"


def test_relocate_has_destination_and_origin(run_claims):
    ctx = run_claims("Abu Mohammad al-Julani moved from Idlib to Damascus in December 2024.")
    (ev,) = [c for c in ctx.claims if c.kind == "event" and c.predicate == "RELOCATE"]
    names = {e.id: e.name for e in ctx.entities}
    assert names[ev.location] == "Damascus" and names[ev.origin] == "Idlib"


def test_counts_killed_and_captured(run_claims):
    ctx = run_claims(
        "Afghan and coalition forces killed two insurgents and detained three suspects in Nad Ali district."
    )
    counts = {typ: c for typ, *_, c in _events(ctx)}
    assert counts["ASSAULT"] == {"killed": 2}
    assert counts["COERCE"] == {"captured": 3}


def test_passive_count_and_participle_clause(run_claims):
    ctx = run_claims("Al-Shabaab militants ambushed a convoy in Lower Shabelle, killing five soldiers.")
    killed = [e for e in _events(ctx, "ASSAULT") if e[5]]
    assert killed and killed[0][5] == {"killed": 5} and killed[0][1] == ["al-Shabaab"]


def test_announced_action_is_intent_and_refusal_is_reject(run_claims):
    ctx = run_claims("Syria said it is ready to withdraw its troops from Lebanon. Syria will not accept more refugees.")
    types = [e[0] for e in _events(ctx)]
    assert "AGREE" in types and "REJECT" in types
    assert "RETREAT" not in types and "CONCEDE" not in types


def test_no_event_without_any_participant(run_claims):
    ctx = run_claims("The meeting was postponed because of the weather.")
    assert _events(ctx) == []


def test_every_event_actor_is_an_entity_of_the_document(run_claims):
    ctx = run_claims(
        "Boko Haram fighters attacked Maiduguri. Nigerian troops arrested 12 suspects. Protesters rallied in Abuja."
    )
    ids = {e.id for e in ctx.entities}
    assert {t for t, *_ in _events(ctx)} >= {"ASSAULT", "COERCE", "PROTEST"}  # the loop below is not vacuous
    for c in ctx.claims:
        assert set(c.sources) <= ids and set(c.targets) <= ids
        assert c.location is None or c.location in ids


def test_seed_report_headline_events(seed_extraction):
    x = seed_extraction
    names = {e.id: e.name for e in x.entities}

    def has(typ: str, sources: set[str], targets: set[str], modality: str) -> bool:
        return any(
            c.predicate == typ and {names[s] for s in c.sources} == sources
            and targets <= {names[t] for t in c.targets} and c.modality == modality
            for c in x.events
        )

    # "… summoned Pakistani Taliban leaders, including Hafiz Gul Bahadur, and asked them to stop their attacks"
    assert has("CONSULT", {"Yaqoob Mujahid"}, {"Tehrik-i-Taliban Pakistan"}, "asserted")
    assert has("REQUEST", {"Yaqoob Mujahid"}, {"Tehrik-i-Taliban Pakistan"}, "requested")
    # "Islamabad has repeatedly accused the Afghan Taliban …" / "… has denied these accusations"
    assert has("ACCUSE", {"Pakistan"}, {"Taliban"}, "asserted")
    assert has("REJECT", {"Taliban"}, {"Pakistan"}, "denied")
    relocated_to = {names[c.location] for c in x.events if c.predicate == "RELOCATE" and c.location}
    assert {"Kunar Province", "Shindand District"} <= relocated_to


def test_said_that_someone_must_act_is_a_request(run_claims):
    ctx = run_claims("The African Union said that Sudan must withdraw its troops from Darfur.")
    requests = _events(ctx, "REQUEST")
    assert requests and requests[0][1] == ["African Union"] and requests[0][2] == ["Sudan"]
    assert _events(ctx, "RETREAT") == []  # the demanded withdrawal is the request's content


def test_promised_action_target_comes_from_the_content_clause(run_claims):
    ctx = run_claims("Libya has offered to hand over two suspects to Britain.")
    agree = _events(ctx, "AGREE")
    assert agree and agree[0][1] == ["Libya"] and agree[0][2] == ["United Kingdom"]  # "Britain", canonical name


def test_institution_of_a_state_acts_for_it(run_claims):
    ctx = run_claims("Poland's parliament has demanded an apology from Moscow. Rebels in Ivory Coast rejected the plan.")
    assert ["Poland"] in [e[1] for e in _events(ctx, "REQUEST")]
    # rebels in a country do not act for its state: they are an unnamed group of that country
    assert ["Rebels"] in [e[1] for e in _events(ctx, "REJECT")]
    rebels = next(e for e in ctx.entities if e.name == "Rebels")
    assert rebels.type == "Group" and rebels.external_ids.get("country") == "CI"


def test_nominal_event_object_takes_the_verbs_subject(run_claims):
    ctx = run_claims("NATO tightened the naval blockade of Serbia.")
    blockade = [e for e in _events(ctx) if e[0] == "COERCE"]
    assert blockade and blockade[0][1] == ["NATO"]


def test_praising_a_nominal_event_is_two_events_with_the_agent_of_the_nominal(run_claims):
    ctx = run_claims("Hamas praised the withdrawal of Israeli troops from Gaza. Hamas denied these accusations.")
    assert ("SUPPORT", ["Hamas"]) in [(e[0], e[1]) for e in _events(ctx)]
    retreat = [c for c in ctx.claims if c.kind == "event" and c.predicate == "RETREAT"]
    assert retreat, "the withdrawal itself is an event"
    # "these accusations" refers back: no new ACCUSE event is invented for it
    assert _events(ctx, "ACCUSE") == []


def test_first_person_in_a_quote_is_the_speaker(run_claims):
    ctx = run_claims('"We will attack the convoys in Goma," said Corneille Nangaa.')
    threats = [e for e in _events(ctx) if e[0] == "THREATEN"]
    assert threats and threats[0][1] == ["Corneille Nangaa"]


def test_re_mention_counts_once_with_its_first_number(run_claims):
    ctx = run_claims(
        "Two armed insurgents fired at the patrol from a ditch. The security force returned fire and killed "
        "the insurgents. The force then detained three suspects. The suspects were detained for questioning."
    )
    totals: dict[str, int] = {}
    for c in ctx.claims:
        for k, v in c.counts.items():
            totals[k] = totals.get(k, 0) + v
    assert totals == {"killed": 2, "captured": 3}
