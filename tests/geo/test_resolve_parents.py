"""Written parents and namesakes: a parent is read in the light of its child ("Atlanta, Georgia"), names
that are only listed together are no parent and child ("China, Indonesia"), and a name written as an
admin area is not put at a foreign town of that name."""

from __future__ import annotations

from claimgraph.geo.geoparse import geoparse
from claimgraph.geo.resolve import Toponym, haversine_km, resolve_toponyms


def _places(nlp, gazetteer, text):
    return {g.text: g.place for g in geoparse(nlp(text), gazetteer)}


def test_a_parent_is_the_entry_that_holds_its_child(gazetteer):
    tops = [Toponym("atl", "Atlanta", parent_key="ga"), Toponym("ga", "Georgia")]
    got = resolve_toponyms(gazetteer, tops)
    assert got["ga"].country == "US" and got["ga"].feature == "province"
    assert got["atl"].resolved and got["atl"].country == "US"
    # with a child that lies in the Caucasus, the same name is the country
    tops = [Toponym("tb", "Tbilisi", parent_key="ga"), Toponym("ga", "Georgia")]
    got = resolve_toponyms(gazetteer, tops)
    assert got["ga"].country == "GE" and got["tb"].country == "GE"


def test_names_listed_together_are_no_parent_and_child(gazetteer):
    tops = [Toponym("cn", "China", parent_key="id"), Toponym("id", "Indonesia")]
    got = resolve_toponyms(gazetteer, tops)
    assert got["cn"].resolved and got["cn"].country == "CN"
    # a town that really lies elsewhere than its written parent still is not moved there
    tops = [Toponym("k", "Kandahar", parent_key="n"), Toponym("n", "Nigeria")]
    got = resolve_toponyms(gazetteer, tops)
    assert not got["k"].resolved and "Nigeria" in (got["k"].reason or "")


def test_the_region_of_a_country_leaves_the_country_a_country(nlp, gazetteer):
    text = ("Aid workers reported a crisis in the eastern region of Chad. Chad shares a border with Sudan, "
            "and refugees keep arriving in Chad.")
    got = _places(nlp, gazetteer, text)
    assert got["Chad"].resolved and got["Chad"].country == "TD" and got["Chad"].feature == "country"


def test_a_province_missing_from_the_gazetteer_is_not_a_namesake_town_abroad(nlp, gazetteer):
    text = ("Cholera spread in Nyanza province, Kenyan officials said. Hospitals in Kisumu and Nairobi "
            "were full, and Kenya asked for help.")
    nyanza = _places(nlp, gazetteer, text)["Nyanza province"]
    assert not nyanza.resolved and nyanza.lat is None
    assert "RW" in (nyanza.reason or "") or "outside" in (nyanza.reason or "")
    # the Rwandan town itself resolves where the text is about Rwanda
    got = _places(nlp, gazetteer, "Rwanda opened a museum in Nyanza, south of Kigali.")
    assert got["Nyanza"].resolved and got["Nyanza"].country == "RW"


def test_a_state_among_its_siblings_is_the_state_not_the_country(nlp, gazetteer):
    text = "Cases were reported in Arizona, California, Colorado, Georgia, Illinois and Ohio."
    assert _places(nlp, gazetteer, text)["Georgia"].country == "US"
    text = "Russian troops stayed in Georgia after the war, and talks in Tbilisi and Moscow stalled."
    assert _places(nlp, gazetteer, text)["Georgia"].country == "GE"


def test_an_english_city_in_a_british_story_is_not_a_jamaican_parish(nlp, gazetteer):
    text = ("The British soldier was born in Manchester and trained in Colchester before he served "
            "with his regiment in London.")
    got = _places(nlp, gazetteer, text)
    assert got["Manchester"].country == "GB"
    assert got["Colchester"].country == "GB"


def test_a_country_resolves_at_its_own_point_not_at_a_namesake_town(gazetteer):
    got = resolve_toponyms(gazetteer, [Toponym("c", "Chad"), Toponym("k", "N'Djamena")])
    chad, capital = got["c"], got["k"]
    assert chad.resolved and chad.feature == "country" and chad.country == "TD"
    # the country's point lies inside it, a few hundred km from its capital, not in Russia
    assert capital.country == "TD"
    assert haversine_km(chad.lat, chad.lon, capital.lat, capital.lon) < 1000


def test_a_name_the_gazetteer_confirms_gets_no_kind_from_its_most_prominent_namesake(nlp, gazetteer):
    from claimgraph.geo.toponyms import toponym_spans

    text = "The ministry opened an office in Nelson, British Columbia, and staff moved to Nelson in May."
    spans = [s for s in toponym_spans(nlp(text), gazetteer) if s.text == "Nelson"]
    # a kind taken from New Zealand's Nelson region is marked as the gazetteer's guess, not the text's word
    assert spans and all(s.kind is None or s.guessed for s in spans)
    got = _places(nlp, gazetteer, text)
    assert got["Nelson"].country == "CA"


def test_a_chain_down_from_a_country_is_a_place_with_its_parent_not_a_list(nlp, gazetteer):
    from claimgraph.geo.toponyms import toponym_spans

    text = "The truck was stopped on the highway in Barrie, Ontario, Canada, on Friday."
    spans = {s.text: s for s in toponym_spans(nlp(text), gazetteer)}
    assert spans["Barrie"].parent_text == "Ontario"
    # a plain list of countries is no chain
    text = "Flights resumed to Kenya, Uganda, Tanzania and Rwanda."
    assert all(s.parent_text is None for s in toponym_spans(nlp(text), gazetteer))


def test_the_states_of_a_country_keep_their_admin_kind_when_a_country_shares_the_name(nlp, gazetteer):
    text = "The plant, operating in the states of Texas and Georgia, recalled its peanut butter."
    got = _places(nlp, gazetteer, text)
    assert got["Georgia"].country == "US" and got["Georgia"].feature == "province"


def test_an_institution_named_after_a_state_is_placed_in_the_state_not_a_township(gazetteer):
    from claimgraph.geo.geoparse import resolve_spans
    from claimgraph.geo.toponyms import ToponymSpan

    text = "Researchers at Kansas State University disagreed."
    names = ["Kansas State University"]
    spans = [ToponymSpan(text.index(n), text.index(n) + len(n), n) for n in names]
    got = {g.text: g.place for g in resolve_spans(gazetteer, spans)}
    uni = got["Kansas State University"]
    assert uni.resolved and uni.country == "US" and uni.admin1 == "Kansas" and "embedded" in (uni.method or "")
    # a name that is itself an admin unit is not an institution named after a place
    from claimgraph.geo.geoparse import _embedded_name

    assert _embedded_name(gazetteer, "Springfield District") is None
    # and a leading name is never cut off from its admin word
    assert _embedded_name(gazetteer, "Walker County Sheriff's Office") != "Walker"
