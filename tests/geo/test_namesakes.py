"""Far-away namesakes: a region or sea name, a small town abroad and a name several countries share must
not give a wrong point ("never a guessed point") — they stay unresolved with a reason, or go to the place
in or beside the countries the text is about."""

from __future__ import annotations

import pytest

from claimgraph.geo.geoparse import geoparse
from claimgraph.geo.rank import macro_region
from claimgraph.geo.resolve import Toponym, haversine_km, resolve_toponyms


def _resolve(gazetteer, *names):
    places = resolve_toponyms(gazetteer, [Toponym(key=n, text=n) for n in names])
    return [places[n] for n in names]


def _places(nlp, gazetteer, text):
    return {g.text: g.place for g in geoparse(nlp(text), gazetteer)}


@pytest.mark.parametrize("name", ["Middle East", "the Middle East", "Pacific", "Atlantic", "Levant", "Gulf",
                                  "Horn of Africa", "Caucasus"])
def test_a_region_or_sea_is_never_a_namesake_town(gazetteer, name):
    (place,) = _resolve(gazetteer, name)
    assert not place.resolved and place.lat is None
    assert "region/sea not in the packaged gazetteer" in place.reason


def test_region_names_come_from_the_data_file_not_from_capitalisation(gazetteer):
    assert macro_region("the Middle East") and macro_region("Pacific")
    assert not macro_region("Kabul") and not macro_region("Gaza")
    (kabul,) = _resolve(gazetteer, "Kabul")
    assert kabul.resolved and kabul.country == "AF"


def test_a_region_name_does_not_drag_the_other_places_abroad(nlp, gazetteer):
    text = ("Tensions across the Middle East rose after the strike in Syria. Officials in Damascus said "
            "the Middle East could not afford another war.")
    places = _places(nlp, gazetteer, text)
    assert not places["Middle East"].resolved
    assert "region/sea" in places["Middle East"].reason
    assert places["Damascus"].resolved and places["Damascus"].country == "SY"


def test_a_continent_the_gazetteer_holds_still_resolves(gazetteer):
    (europe,) = _resolve(gazetteer, "Europe")
    assert europe.resolved and europe.country is None


def test_gaza_beside_israel_is_gaza_city_not_mozambique(nlp, gazetteer):
    text = "Israel said its aircraft struck targets in Gaza overnight; residents of Gaza reported heavy damage."
    gaza = _places(nlp, gazetteer, text)["Gaza"]
    assert gaza.resolved and gaza.country == "PS"
    assert haversine_km(gaza.lat, gaza.lon, 31.50, 34.47) < 30


def test_gaza_in_a_text_about_mozambique_stays_the_province(gazetteer):
    gaza, _ = _resolve(gazetteer, "Gaza", "Mozambique")
    assert gaza.resolved and gaza.country == "MZ"


def test_a_small_town_abroad_is_rejected_and_named_in_the_reason(gazetteer):
    town, kenya, nairobi = _resolve(gazetteer, "L'Aventure", "Kenya", "Nairobi")
    assert kenya.resolved and nairobi.resolved
    assert not town.resolved and town.lat is None
    assert "Laventure" in town.reason and "MU" in town.reason


def test_the_same_small_town_resolves_where_the_text_is_about_its_country(gazetteer):
    town, _ = _resolve(gazetteer, "L'Aventure", "Mauritius")
    assert town.resolved and town.country == "MU"


def test_gaza_as_a_province_beside_israel_is_palestine_in_the_full_pipeline(pipeline):
    from claimgraph.model import Document

    ex = pipeline.analyze(Document(id="gaza-test", text="Israel said its aircraft struck targets in Gaza "
                                                        "overnight, the army said."))
    gaza = next(e.place for e in ex.entities if e.type == "Location" and e.name == "Gaza")
    assert gaza.resolved and gaza.country == "PS"
    assert haversine_km(gaza.lat, gaza.lon, 31.50, 34.47) < 100


def test_a_province_name_beside_a_mentioned_country_beats_a_namesake_province_abroad(gazetteer):
    places = resolve_toponyms(gazetteer, [Toponym(key="g", text="Gaza", kind="province"),
                                          Toponym(key="i", text="Israel", kind="country")])
    assert places["g"].country == "PS"
