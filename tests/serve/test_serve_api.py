"""The JSON API over a store of hand-annotated sample extractions (Sahel, Syria, a hostile document)."""

from __future__ import annotations

import pytest


def _names(items):
    return {i["name"] for i in items}


def test_health_counts_what_was_saved(client):
    body = client.get("/api/health").json()
    assert body["ok"] is True
    assert body["counts"]["documents"] == 3
    assert body["counts"]["events"] == 5 and body["counts"]["relations"] == 1
    assert body["counts"]["contradictions"] == 1


def test_documents_list_paginates_with_total(client):
    first = client.get("/api/documents", params={"limit": 2}).json()
    second = client.get("/api/documents", params={"limit": 2, "offset": 2}).json()
    assert first["total"] == second["total"] == 3
    assert len(first["items"]) == 2 and len(second["items"]) == 1
    assert {d["id"] for d in first["items"]}.isdisjoint({d["id"] for d in second["items"]})


def test_documents_filter_by_source_text_and_date(client):
    assert [d["outlet"] for d in client.get("/api/documents", params={"source": "Sahel"}).json()["items"]] == [
        "Sahel Monitor"
    ]
    assert client.get("/api/documents", params={"q": "Kafr Nabudah"}).json()["total"] == 1
    recent = client.get("/api/documents", params={"date_from": "2024-02"}).json()["items"]
    assert {d["published"] for d in recent} == {"2024-03-12"}
    assert client.get("/api/documents", params={"actor": "JNIM"}).json()["total"] == 1


def test_document_detail_has_text_mentions_and_claims(client):
    doc_id = client.get("/api/documents", params={"source": "Sahel"}).json()["items"][0]["id"]
    doc = client.get(f"/api/documents/{doc_id}").json()
    assert doc["text"].startswith("Army says it struck")
    for m in doc["mentions"]:
        assert doc["text"][m["start"] : m["end"]] == m["text"]
    assert {c["predicate"] for c in doc["claims"]} == {"ASSAULT", "member_of", "COOPERATE"}
    assert len(doc["contradictions"]) == 1


def test_unknown_ids_are_404_with_code(client):
    for url in ("/api/documents/doc_nope", "/api/entities/ent_nope", "/api/claims/clm_nope"):
        r = client.get(url)
        assert r.status_code == 404
        assert r.json()["error"]["code"] == "CG403"


def test_entities_grouped_with_aliases_and_filters(client):
    orgs = client.get("/api/entities", params={"type": "Organization"}).json()
    assert all(e["type"] == "Organization" for e in orgs["items"])
    jnim = client.get("/api/entities", params={"q": "JNIM"}).json()["items"]
    assert len(jnim) == 1 and "JNIM" in jnim[0]["aliases"]
    assert _names(client.get("/api/entities", params={"source": "Levant"}).json()["items"]) == {
        "Hayat Tahrir al-Sham", "Syrian army", "Kafr Nabudah"}


def test_entity_detail_roles_ties_events_places(client):
    person = client.get("/api/entities", params={"q": "Dembele"}).json()["items"][0]
    detail = client.get(f"/api/entities/{person['id']}").json()
    assert detail["name"] == "Souleymane Dembele"
    assert [(r["predicate"], r["role"], r["object"]["name"]) for r in detail["roles"]] == [
        ("member_of", "spokesman", "Malian Armed Forces")]
    army = client.get("/api/entities", params={"q": "Malian"}).json()["items"][0]
    detail = client.get(f"/api/entities/{army['id']}").json()
    tied = {(t["entity"]["name"], t["predicate"]) for t in detail["ties"]}
    assert ("Jama'at Nusrat al-Islam wal-Muslimin", "ASSAULT") in tied
    assert ("Souleymane Dembele", "member_of") in tied
    # events in time order: both February claims (asserted and denied), then the late-February interval
    assert [(e["predicate"], e["modality"]) for e in detail["events"]][2] == ("COOPERATE", "asserted")
    assert {e["modality"] for e in detail["events"][:2]} == {"asserted", "denied"}
    assert any(p["name"] == "Menaka" and p["resolved"] for p in detail["places"])
    # the same entity is reachable by a per-document id
    by_member = client.get(f"/api/entities/{detail['members'][0]}").json()
    assert by_member["id"] == detail["id"]


def test_claims_carry_evidence_attribution_and_modality(client):
    items = client.get("/api/claims", params={"kind": "event", "type": "ASSAULT", "source": "Sahel"}).json()["items"]
    assert {c["modality"] for c in items} == {"asserted", "denied"}
    for c in items:
        assert c["contested"] is True
        for ev in c["evidence"]:
            assert ev["text"] and ev["text"] in c["sentence"]["text"]
        assert c["attribution"]["chain"][0]["text"] == "Sahel Monitor"
    denied = next(c for c in items if c["modality"] == "denied")
    assert denied["attribution"]["chain"][-1]["text"] == "JNIM"
    assert denied["sentence"]["text"] == "JNIM denied that the camp had been attacked."


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"modality": "alleged"}, {"ASSAULT"}),
        ({"actor": "HTS"}, {"ASSAULT"}),
        ({"place": "Menaka"}, {"ASSAULT"}),
        ({"actor": "Dembele"}, {"member_of"}),
        ({"kind": "relation"}, {"member_of"}),
        ({"q": "coordinated"}, {"COOPERATE"}),
        ({"date_from": "2024-03-01", "date_to": "2024-03-31"}, {"COOPERATE"}),
    ],
)
def test_claim_filters(client, params, expected):
    body = client.get("/api/claims", params=params).json()
    assert body["total"] >= 1
    assert {c["predicate"] for c in body["items"]} == expected


def test_date_filter_uses_overlap_of_stated_period(client):
    # "February 2024" is a month: any day inside it overlaps, a day after it does not
    inside = client.get("/api/events", params={"date_from": "2024-02-10", "date_to": "2024-02-10"}).json()
    assert {c["date"]["value"] for c in inside["items"]} == {"2024-02"}
    after = client.get("/api/events", params={"date_from": "2024-03-13"}).json()
    assert after["total"] == 0


def test_events_have_honest_bounds(client):
    items = client.get("/api/events", params={"limit": 500}).json()["items"]
    by_value = {(c["date"] or {}).get("value"): c["bounds"] for c in items}
    assert by_value["2024-02"]["start"] == "2024-02-01" and by_value["2024-02"]["end"] == "2024-03-01"
    assert by_value["2023"]["precision"] == "year"
    interval = next(c["bounds"] for c in items if c["predicate"] == "COOPERATE")
    assert interval["interval"] and (interval["start"], interval["end"]) == ("2024-02-27", "2024-03-12")


def test_contradictions_show_both_sides(client):
    body = client.get("/api/contradictions").json()
    assert body["total"] == 1
    pair = body["items"][0]
    assert [c["modality"] for c in pair["claims_for"]] == ["asserted"]
    assert [c["modality"] for c in pair["claims_against"]] == ["denied"]


def test_places_geojson_and_unresolved(client):
    body = client.get("/api/places").json()
    assert body["type"] == "FeatureCollection"
    names = {f["properties"]["name"] for f in body["features"]}
    assert {"Menaka", "Niger", "Goma"} <= names
    for f in body["features"]:
        lon, lat = f["geometry"]["coordinates"]
        assert -180 <= lon <= 180 and -90 <= lat <= 90
    menaka = next(f for f in body["features"] if f["properties"]["name"] == "Menaka")
    assert menaka["properties"]["event_count"] == 2
    unresolved = {p["name"]: p for p in body["unresolved"]}
    assert unresolved["Kafr Nabudah"]["reason"] and unresolved["Kafr Nabudah"]["event_count"] == 1
    # an event filter keeps only places where such events happened
    alleged = client.get("/api/places", params={"modality": "alleged"}).json()
    assert alleged["features"] == [] and [p["name"] for p in alleged["unresolved"]] == ["Kafr Nabudah"]


def test_graph_edges_aggregate_claims_with_modality(client):
    g = client.get("/api/graph").json()
    labels = {n["id"]: n["label"] for n in g["nodes"]}
    edges = {(labels[e["source"]], e["predicate"], labels[e["target"]], e["modality"]): e for e in g["edges"]}
    key = ("Malian Armed Forces", "ASSAULT", "Jama'at Nusrat al-Islam wal-Muslimin", "denied")
    assert edges[key]["claim_count"] == 1
    assert ("Souleymane Dembele", "member_of", "Malian Armed Forces", "asserted") in edges
    assert g["total_edges"] == len(g["edges"])
    only_denied = client.get("/api/graph", params={"modality": "denied"}).json()
    assert {e["modality"] for e in only_denied["edges"]} == {"denied"}
    page = client.get("/api/graph", params={"limit": 1, "offset": 1}).json()
    assert len(page["edges"]) == 1 and page["total_edges"] == g["total_edges"]


def test_search_finds_documents_and_entities(client):
    body = client.get("/api/search", params={"q": "camp attacked"}).json()
    assert body["documents"]["total"] == 1
    snippet = body["documents"]["items"][0]["snippet"]
    assert "\x02" in snippet and "\x03" in snippet
    assert client.get("/api/search", params={"q": "HTS"}).json()["entities"]["total"] == 1
    # FTS syntax in user text is searched as words, not parsed
    assert client.get("/api/search", params={"q": 'NEAR( "camp" OR *'}).status_code == 200


@pytest.mark.parametrize(
    "url",
    [
        "/api/claims?limit=0",
        "/api/claims?limit=501",
        "/api/claims?offset=-1",
        "/api/claims?modality=certain",
        "/api/claims?date_from=2024-13",
        "/api/claims?type=DROP%20TABLE",
        "/api/entities?type=Alien",
        "/api/search?q=",
        "/api/search?q=%22%22",
    ],
)
def test_bad_parameters_are_422_with_cg701(client, url):
    r = client.get(url)
    assert r.status_code == 422
    assert r.json()["error"]["code"] == "CG701"


def test_bad_page_parameter_gets_an_error_page(client):
    r = client.get("/graph", params={"format": "xml"}, headers={"Accept": "text/html"})
    assert r.status_code == 422
    assert r.headers["content-type"].startswith("text/html") and "CG701" in r.text


def test_unknown_route_is_coded_404(client):
    r = client.get("/api/nothing-here")
    assert r.status_code == 404 and r.json()["error"]["code"] == "CG703"


def test_openapi_lists_every_api_route(client):
    spec = client.get("/openapi.json").json()
    for path in ("/api/documents", "/api/documents/{doc_id}", "/api/entities", "/api/entities/{entity_id}",
                 "/api/claims", "/api/claims/{claim_id}", "/api/events", "/api/contradictions", "/api/places",
                 "/api/graph", "/api/search"):
        assert path in spec["paths"], path


def test_graph_filters_by_date_and_source(client):
    early_feb = client.get("/api/graph", params={"date_from": "2024-02-01", "date_to": "2024-02-20"}).json()
    assert {e["predicate"] for e in early_feb["edges"]} == {"ASSAULT"}
    # the cooperation "over the past two weeks" before 12 March overlaps the end of February
    late_feb = client.get("/api/graph", params={"date_from": "2024-02-28", "date_to": "2024-02-29"}).json()
    assert {e["predicate"] for e in late_feb["edges"]} == {"ASSAULT", "COOPERATE"}
    levant = client.get("/api/graph", params={"source": "Levant"}).json()
    assert {n["label"] for n in levant["nodes"]} == {"Hayat Tahrir al-Sham", "Syrian army"}
    assert [e["modality"] for e in levant["edges"]] == ["alleged"]


def test_entity_claims_are_paginated(client):
    army = client.get("/api/entities", params={"q": "Malian"}).json()["items"][0]["id"]
    page1 = client.get(f"/api/entities/{army}", params={"limit": 2}).json()["claims"]
    page2 = client.get(f"/api/entities/{army}", params={"limit": 2, "offset": 2}).json()["claims"]
    assert page1["total"] == page2["total"] == 4
    assert {c["id"] for c in page1["items"]}.isdisjoint({c["id"] for c in page2["items"]})


def test_claims_page_by_ids_shows_exactly_those_claims(client):
    ids = [c["id"] for c in client.get("/api/claims", params={"modality": "denied"}).json()["items"]]
    body = client.get("/claims", params={"ids": ",".join(ids), "format": "json"}).json()
    assert [c["id"] for c in body["items"]] == ids
