"""The sample report end to end: places of the gold resolved, and the ones no packaged data knows left open."""

from __future__ import annotations

from claimgraph.geo.resolve import haversine_km


def _entity(extraction, *forms):
    wanted = {f.lower() for f in forms}
    for e in extraction.entities:
        if e.type == "Location" and wanted & {a.lower() for a in [e.name, *e.aliases]}:
            return e
    return None


def test_seed_places_are_right_or_unresolved_never_wrong(seed_extraction, seed_gold):
    entities = {e["id"]: e for e in seed_gold["entities"]}
    correct = total = 0
    for gp in seed_gold["places"]:
        ge = entities[gp["entity"]]
        ours = _entity(seed_extraction, ge["name"], *ge.get("aliases", []))
        if ours is None or ours.place is None or gp["lat"] is None:
            continue
        total += 1
        if ours.place.resolved:
            km = haversine_km(gp["lat"], gp["lon"], ours.place.lat, ours.place.lon)
            assert km <= max(gp["tolerance_km"], 161), f"{ge['name']} placed {km:.0f} km off"
            correct += 1
        else:
            assert ours.place.reason and ours.place.lat is None
    assert total >= 15 and correct / total >= 0.7


def test_seed_district_carries_its_province_and_a_caveat(seed_extraction):
    spera = _entity(seed_extraction, "Spera District")
    assert spera is not None and spera.place.resolved
    assert spera.place.country == "AF" and spera.place.admin1 == "Khost"
    assert "centre" in spera.place.reason
    khair = _entity(seed_extraction, "Khairkhana", "Khair Khana")
    assert khair is not None and not khair.place.resolved and khair.place.reason
