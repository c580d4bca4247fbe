"""Unnamed collective actors (Group entities) and the claim stages that fall back to them."""

from __future__ import annotations

from claimgraph.extract.agents import country_code, lexicon
from claimgraph.extract.context import DocContext


def _groups(ctx: DocContext) -> dict[str, dict]:
    text = ctx.document.text
    out = {}
    for e in ctx.entities:
        if e.type == "Group":
            out[e.name] = {"sector": e.external_ids.get("sector"), "country": e.external_ids.get("country"),
                           "kind": e.kind, "spans": [text[s:t] for s, t in e.mentions]}
    return out


def _events(ctx: DocContext, predicate: str) -> list[tuple[list[str], list[str]]]:
    name = {e.id: e.name for e in ctx.entities}
    return [([name[s] for s in c.sources], [name[t] for t in c.targets])
            for c in ctx.claims if c.kind == "event" and c.predicate == predicate]


def test_sector_codes_are_declared():
    lex = lexicon()
    assert set(lex.nouns.values()) <= set(lex.sectors)
    assert lex.nouns["police"] == "COP" and lex.nouns["rebel"] == "REB"


def test_demonym_modifier_gives_country_and_sector(run_claims):
    ctx = run_claims("Colombian rebels attacked a police post near Cali on Sunday.")
    groups = _groups(ctx)
    assert groups["Colombian rebels"]["sector"] == "REB"
    assert groups["Colombian rebels"]["country"] == "CO"
    assert groups["Colombian rebels"]["spans"] == ["Colombian rebels"]
    # "a police post": the police are the ones attacked
    assert groups["police"]["sector"] == "COP"
    ((sources, targets),) = _events(ctx, "ASSAULT")
    assert sources == ["Colombian rebels"] and targets == ["police"]


def test_group_spans_drop_determiners_and_numbers(run_claims):
    ctx = run_claims("The two soldiers were wounded when protesters threw stones in Yangon.")
    groups = _groups(ctx)
    assert "soldiers" in groups and groups["soldiers"]["sector"] == "MIL"
    assert groups["protesters"]["sector"] == "OPP"
    assert all(not n.lower().startswith(("the ", "two ")) for n in groups)


def test_government_of_a_country_is_not_invented(run_claims):
    ctx = run_claims("The government of Sudan rejected the proposal, officials in Khartoum said.")
    groups = _groups(ctx)
    # no group swallows the country name; the group carries the country it belongs to
    assert all("Sudan" not in n for n in groups)
    assert groups["government"]["country"] == "SD"
    names = {e.name for e in ctx.entities}
    assert "Sudan" in names


def test_named_group_wins_over_generic_noun(run_claims):
    ctx = run_claims("Al-Shabaab fighters attacked African Union troops in Mogadishu.")
    groups = _groups(ctx)
    assert not any("Shabaab" in n for n in groups)
    ((sources, targets),) = _events(ctx, "ASSAULT")
    assert len(sources) == 1 and "Shabaab" in sources[0]
    # "African Union troops": the named organisation, not an anonymous group
    assert targets and "African Union" in targets[0]


def test_events_fall_back_to_groups(run_claims):
    ctx = run_claims("Soldiers opened fire on protesters in Lagos on Tuesday.")
    ((sources, targets),) = _events(ctx, "ASSAULT")
    assert sources == ["Soldiers"] and targets == ["protesters"]


def test_country_named_in_subject_stays_source(run_claims):
    ctx = run_claims("Pakistan's army shelled border villages on Monday.")
    ((sources, _),) = _events(ctx, "ASSAULT")
    assert sources == ["Pakistan"]
    assert _groups(ctx)["army"]["country"] == "PK"


def test_bare_remention_joins_the_earlier_group(run_claims):
    ctx = run_claims("Maoist rebels ambushed a convoy in Chhattisgarh. The rebels fled into the forest.")
    groups = _groups(ctx)
    assert groups["Maoist rebels"]["spans"] == ["Maoist rebels", "rebels"]
    assert "rebels" not in groups


def test_police_as_speaker(run_claims):
    ctx = run_claims("Gunmen killed three villagers in Zamfara state, police said.")
    groups = {e.id: e.name for e in ctx.entities if e.type == "Group"}
    speakers = [s for a in ctx.attributions for s in a.chain[1:]]
    assert any(groups.get(s.entity_id or "") == "police" for s in speakers)
    ((sources, targets),) = _events(ctx, "ASSAULT")
    assert sources == ["Gunmen"] and targets == ["villagers"]


def test_relations_never_use_groups(run_claims):
    ctx = run_claims("Syrian rebels led by Ahmed al-Sharaa are members of the opposition alliance.")
    groups = {e.id for e in ctx.entities if e.type == "Group"}
    assert groups
    for c in ctx.claims:
        if c.kind == "relation":
            assert c.subject not in groups and c.object not in groups


def test_country_code_lookups():
    assert country_code("Afghan") == "AF"
    assert country_code("Kenya") == "KE"
    assert country_code("Atlantis") is None


def test_counted_people_are_the_actor(run_claims):
    ctx = run_claims("Thousands of students staged demonstrations in Dhaka on Sunday.")
    ((sources, _),) = _events(ctx, "PROTEST")
    assert sources == ["students"]


def test_object_owned_by_a_named_actor_is_the_target(run_claims):
    # the proposal is no actor; the one it comes from is the one rejected
    ctx = run_claims("Bangladesh rejected Myanmar's proposal for new border talks.")
    ((sources, targets),) = _events(ctx, "REJECT")
    assert sources == ["Bangladesh"] and targets == ["Myanmar"]
    ctx = run_claims("Rebels in Darfur rejected an appeal from President Omar al-Bashir.")
    ((_, targets),) = _events(ctx, "REJECT")
    assert targets and "Bashir" in targets[0]


def test_peoples_and_armed_instruments(run_claims):
    ctx = run_claims("Thousands of Iraqi Kurds demonstrated in Kirkuk. British aircraft later killed four Iraqis near Basra.")
    groups = _groups(ctx)
    assert groups["Iraqi Kurds"]["country"] == "IQ"
    assert groups["British aircraft"] == {"sector": "MIL", "country": "GB", "kind": "military",
                                          "spans": ["British aircraft"]}
    ((sources, _),) = _events(ctx, "PROTEST")
    assert sources == ["Iraqi Kurds"]


def test_named_user_of_an_instrument_is_the_actor(run_claims):
    ctx = run_claims("U.N. helicopters attacked rebel positions near Goma on Friday.")
    assert not any("helicopter" in n for n in _groups(ctx))
    sources = [s for s, _ in _events(ctx, "ASSAULT")]
    assert sources and sources[0] and "United Nations" in sources[0][0]


def test_state_group_of_a_named_country_acts_for_it(run_claims):
    # the report names Kenya: its lawmakers act for the state; elsewhere the group stays the group
    ctx = run_claims("Kenya closed the border. Kenyan lawmakers accused smugglers of bribery.")
    names = {e.id: e.name for e in ctx.entities}
    (accuse,) = [c for c in ctx.claims if c.kind == "event" and c.predicate == "ACCUSE"]
    assert [names[s] for s in accuse.sources] == ["Kenya"]
    assert [names[t] for t in accuse.targets] == ["smugglers"]
    ctx = run_claims("Kenyan lawmakers accused smugglers of bribery.")
    names = {e.id: e.name for e in ctx.entities}
    (accuse,) = [c for c in ctx.claims if c.kind == "event" and c.predicate == "ACCUSE"]
    assert [names[s] for s in accuse.sources] == ["Kenyan lawmakers"]


def test_bare_remention_of_a_named_phrase_is_its_coreference(run_claims):
    ctx = run_claims("Israeli police said two men were detained. The police also said they seized weapons in Haifa.")
    israel = next(e for e in ctx.entities if e.name == "Israel")
    corefs = [m for m in ctx.mentions if m.source == "coref" and m.label == "AGENT"]
    assert [(m.text, m.entity_id) for m in corefs] == [("police", israel.id)]
    assert not any(e.type == "Group" and e.name == "police" for e in ctx.entities)


def test_by_agent_owns_the_unnamed_forces(run_claims):
    ctx = run_claims("Officials welcomed the withdrawal of forces by Ethiopia from the Tigray region.")
    names = {e.id: (e.name, e.type) for e in ctx.entities}
    (ev,) = [c for c in ctx.claims if c.kind == "event" and c.predicate == "RETREAT"]
    assert [names[s] for s in ev.sources] == [("Ethiopia", "Location")]


def test_threatened_action_aims_at_its_object_and_recipient(run_claims):
    ctx = run_claims("Ethiopia threatened to cut off electricity to Djibouti over unpaid bills.")
    ((sources, targets),) = _events(ctx, "THREATEN")
    assert sources == ["Ethiopia"] and targets == ["Djibouti"]
    ctx = run_claims("President Yoweri Museveni threatened to ban Ugandan opposition candidates from the vote.")
    ((_, targets),) = _events(ctx, "THREATEN")
    assert targets == ["Ugandan opposition candidates"]


def test_sanction_reaches_the_recipient_of_what_is_withheld(run_claims):
    ctx = run_claims("Japan halted economic aid to Serbia on Tuesday.")
    ((sources, targets),) = _events(ctx, "SANCTION")
    assert sources == ["Japan"] and targets == ["Serbia"]


def test_the_people_of_an_attacked_place_are_the_target(run_claims):
    ctx = run_claims("A camp for Congolese refugees was attacked by Burundian militiamen near Bujumbura.")
    ((sources, targets),) = _events(ctx, "ASSAULT")
    assert sources == ["Burundian militiamen"] and targets == ["Congolese refugees"]


def test_issuer_of_a_declaration_demands(run_claims):
    ctx = run_claims("The Kurdistan Workers' Party issued a declaration demanding that the Turkish government "
                     "release prisoners.")
    ((sources, targets),) = _events(ctx, "REQUEST")
    assert sources and "Kurdistan Workers" in sources[0]
    assert targets == ["Turkey"]  # the entity stage links "the Turkish government" to the state


def test_fraction_of_a_group_is_the_group(run_claims):
    ctx = run_claims("One third of the Tamil rebels surrendered to the army in Jaffna.")
    groups = _groups(ctx)
    assert groups["Tamil rebels"]["sector"] == "REB"
    events = [c for c in ctx.claims if c.kind == "event"]
    names = {e.id: e.name for e in ctx.entities}
    assert any("Tamil rebels" in [names[s] for s in c.sources] for c in events)


def test_rebels_in_a_country_are_not_its_state(run_claims):
    ctx = run_claims("Rebels in Chad rejected an appeal from President Idriss Deby on Friday.")
    groups = {e.id: e for e in ctx.entities if e.type == "Group"}
    (ev,) = [c for c in ctx.claims if c.kind == "event" and c.predicate == "REJECT"]
    assert len(ev.sources) == 1 and ev.sources[0] in groups
    assert groups[ev.sources[0]].external_ids == {"sector": "REB", "country": "TD"}
    # officials from a country still speak for it
    ctx = run_claims("Officials from Chad rejected an appeal from President Idriss Deby on Friday.")
    names = {e.id: e.name for e in ctx.entities}
    (ev,) = [c for c in ctx.claims if c.kind == "event" and c.predicate == "REJECT"]
    assert [names[s] for s in ev.sources] == ["Chad"]


def test_blast_that_kills_aims_at_the_killed(run_claims):
    ctx = run_claims("A roadside bombing near Kandahar killed two Afghan soldiers on Sunday.")
    events = _events(ctx, "ASSAULT")
    assert events and all(targets and targets[0] != "Kandahar" for _, targets in events)


def test_fire_to_disperse_aims_at_the_dispersed(run_claims):
    ctx = run_claims("Police opened fire to disperse student demonstrators in Dhaka.")
    events = _events(ctx, "ASSAULT")
    assert (["Police"], ["student demonstrators"]) in events


def test_protest_target_is_whom_it_is_against(run_claims):
    ctx = run_claims("Thousands of Kenyan students staged rallies in Nairobi against President William Ruto.")
    ((sources, targets),) = _events(ctx, "PROTEST")
    assert sources == ["Kenyan students"] and targets == ["William Ruto"]
    ctx = run_claims("Farmers staged a protest in Delhi.")
    ((_, targets),) = _events(ctx, "PROTEST")
    assert targets == []  # no one is named as protested against


def test_demobilized_fighters_retreat(run_claims):
    ctx = run_claims("Hundreds of Tuareg rebels have been demobilized in northern Mali since the accord.")
    groups = {e.id: e for e in ctx.entities if e.type == "Group"}
    (ev,) = [c for c in ctx.claims if c.kind == "event" and c.predicate == "RETREAT"]
    assert [groups[s].external_ids["sector"] for s in ev.sources if s in groups] == ["REB"]
    assert not any(t in groups for t in ev.targets)


def test_a_side_is_a_party_only_with_a_country(run_claims):
    ctx = run_claims("Russia said the American side had violated the deal. Fighting went on in the east side of "
                     "Bakhmut.")
    groups = {e.name for e in ctx.entities if e.type == "Group"}
    assert "American side" in groups
    assert not [g for g in groups if "east side" in g]


def test_a_nations_leaders_act_and_rebel_leaders_stay_rebels(run_claims):
    ctx = run_claims("Palestinian leaders said they would boycott all contact with the United States. "
                     "Rebel commanders in Darfur met the envoy.")
    kinds = {e.name: e.external_ids.get("sector") for e in ctx.entities if e.type == "Group"}
    assert kinds.get("Palestinian leaders") == "GOV"
    assert kinds.get("Rebel commanders") == "REB"
    assert [c for c in ctx.claims if c.kind == "event" and c.predicate in ("PROTEST", "THREATEN", "SANCTION")]
