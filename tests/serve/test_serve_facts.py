"""Facts across reports in the API and UI: source counts, filters, contested facts side by side."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "resolve"))
import crossdoc_samples as s  # noqa: E402

from claimgraph.store import Store  # noqa: E402


@pytest.fixture(scope="module")
def facts_db(tmp_path_factory) -> Path:
    db = tmp_path_factory.mktemp("facts") / "facts.sqlite"
    with Store.open(db) as store:
        for make in (s.kharkiv_month, s.kharkiv_day, s.kharkiv_next_year, s.iran_houthis_asserted,
                     s.iran_houthis_denied):
            store.save(make().extraction())
        store.recompute_facts()
    return db


@pytest.fixture()
def fclient(facts_db):
    from fastapi.testclient import TestClient

    from claimgraph.serve.app import create_app

    with TestClient(create_app(facts_db)) as c:
        yield c


def test_api_facts_lists_contested_first_with_source_counts(fclient) -> None:
    data = fclient.get("/api/facts").json()
    assert data["total"] == 3
    first = data["items"][0]
    assert first["contested"] and first["label"] == "Iran supports Houthis"
    strike = next(f for f in data["items"] if f["n_documents"] == 2 and f["kind"] == "event")
    assert strike["n_sources"] == 2 and strike["date_start"] == "2022-04-12"
    assert {c["source"] for c in strike["claims"]} == {"Oleh Synehubov (via Kyiv Independent)",
                                                       "Ukraine's health ministry (via Reuters)"}


@pytest.mark.parametrize(("query", "total"), [
    ("contested=true", 1), ("contested=false", 2), ("min_sources=2", 2), ("min_documents=2", 2),
    ("actor=Russia", 2), ("actor=Houthis&contested=true", 1), ("kind=relation", 1), ("type=ASSAULT", 2),
    ("actor=Wagner", 0),
])
def test_api_facts_filters(fclient, query: str, total: int) -> None:
    r = fclient.get(f"/api/facts?{query}")
    assert r.status_code == 200 and r.json()["total"] == total, query


def test_api_facts_rejects_bad_parameters(fclient) -> None:
    assert fclient.get("/api/facts?min_sources=0").json()["error"]["code"] == "CG701"
    assert fclient.get("/api/facts/fct_nope").status_code == 404


def test_one_fact_has_both_sides_in_full(fclient) -> None:
    fid = fclient.get("/api/facts?contested=true").json()["items"][0]["id"]
    fact = fclient.get(f"/api/facts/{fid}").json()
    assert [c["evidence"][0]["text"] for c in fact["sides"]["for"]] == [
        "Iran supplies the Houthis with missiles and drones"]
    assert [c["modality"] for c in fact["sides"]["against"]] == ["denied"]
    assert all(c["contested"] for c in fact["sides"]["for"] + fact["sides"]["against"])
    page = fclient.get(f"/facts/{fid}")
    assert page.status_code == 200 and "contradiction-pair" in page.text
    assert "Tehran arms the Houthis" in page.text and "Iran&#39;s foreign ministry (via IRNA)" in page.text
    assert "script-src 'self'" in page.headers["content-security-policy"]


def test_facts_page_and_its_json_twin(fclient) -> None:
    html = fclient.get("/facts?min_sources=2")
    assert html.status_code == 200 and "2 sources" in html.text and "<script>" not in html.text
    assert fclient.get("/facts?min_sources=2&format=json").json() == fclient.get("/api/facts?min_sources=2").json()


def test_entity_page_shows_source_counts_and_contested_facts_side_by_side(fclient) -> None:
    iran = next(e["id"] for e in fclient.get("/api/entities?q=Iran").json()["items"] if e["name"] == "Iran")
    data = fclient.get(f"/api/entities/{iran}").json()
    assert data["facts"]["total"] == 1 and len(data["facts"]["contested"]) == 1
    html = fclient.get(f"/entities/{iran}").text
    assert "Facts across reports" in html and "contested: 1 for, 1 against" in html
    assert html.index("Iran supplies the Houthis") < html.index("Tehran arms the Houthis")
    russia = next(e["id"] for e in fclient.get("/api/entities?q=Russia").json()["items"] if e["name"] == "Russia")
    facts = fclient.get(f"/api/entities/{russia}").json()["facts"]["items"]
    assert sorted(f["n_sources"] for f in facts) == [1, 2]


def test_health_counts_facts_and_contradictions_page_links_across_documents(fclient) -> None:
    counts = fclient.get("/api/health").json()["counts"]
    assert counts["facts_in_several_documents"] == 2 and counts["contested_facts"] == 1
    assert 'href="/facts?contested=true"' in fclient.get("/contradictions").text


def test_each_claim_says_why_it_joined_its_fact(fclient) -> None:
    strike = next(f for f in fclient.get("/api/facts").json()["items"] if f["n_documents"] == 2 and f["kind"] == "event")
    reasons = [c["reason"] for c in strike["claims"]]
    assert reasons[0] == "first claim of the fact" and "shared named actor" in reasons[1], reasons
    page = fclient.get(f"/facts/{strike['id']}").text
    assert "joined: " in page
