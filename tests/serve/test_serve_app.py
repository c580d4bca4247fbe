"""The app around the queries: errors for missing/corrupt stores, tokens, CSP, JSON twins, escaping, read-only."""

from __future__ import annotations

import hashlib
import sqlite3

import pytest
from click.testing import CliRunner
from fastapi.testclient import TestClient

from claimgraph.cli import main
from claimgraph.cli.serve import check_binding, is_loopback
from claimgraph.errors import ServeError
from claimgraph.serve.app import create_app
from serve_samples import HOSTILE_TITLE


def test_missing_database_gives_error_page_and_json(tmp_path):
    client = TestClient(create_app(tmp_path / "nope.sqlite"))
    r = client.get("/api/health")
    assert r.status_code == 503 and r.json()["error"]["code"] == "CG400"
    page = client.get("/", headers={"Accept": "text/html"})
    assert page.status_code == 503 and "CG400" in page.text and "claimgraph analyze" in page.text
    assert page.headers["content-security-policy"].startswith("default-src 'none'")


@pytest.mark.parametrize("content", [b"this is not a database at all" * 100, b""])
def test_corrupt_or_foreign_database_is_cg401(tmp_path, content):
    bad = tmp_path / "bad.sqlite"
    bad.write_bytes(content)
    if not content:  # an SQLite file with someone else's tables
        conn = sqlite3.connect(bad)
        conn.execute("CREATE TABLE t (x)")
        conn.close()
    client = TestClient(create_app(bad))
    r = client.get("/api/entities")
    assert r.status_code == 503 and r.json()["error"]["code"] == "CG401"
    assert "CG401" in client.get("/entities", headers={"Accept": "text/html"}).text


def test_token_is_required_on_every_request(samples_db):
    client = TestClient(create_app(samples_db, token="s3cret"))
    for url in ("/", "/api/claims", "/openapi.json", "/static/app.css"):
        r = client.get(url)
        assert r.status_code == 401, url
    assert client.get("/api/claims", headers={"Authorization": "Bearer wrong"}).status_code == 401
    assert client.get("/api/claims", headers={"Authorization": "Bearer s3cret"}).status_code == 200
    # opening the UI once with ?token= keeps it in an HttpOnly cookie for the page's own requests
    # and takes it out of the address bar
    first = client.get("/graph?modality=denied&token=s3cret", follow_redirects=False)
    assert first.status_code == 303 and first.headers["location"] == "/graph?modality=denied"
    assert "httponly" in first.headers["set-cookie"].lower()
    assert client.get("/api/graph").status_code == 200
    assert client.get("/graph", headers={"Accept": "text/html"}).status_code == 200


def test_security_headers_on_pages_api_and_static(client):
    for url in ("/", "/api/health", "/static/app.css", "/nope"):
        headers = client.get(url).headers
        csp = headers["content-security-policy"]
        assert "script-src 'self'" in csp and "unsafe-inline" not in csp and "http" not in csp
        assert headers["x-content-type-options"] == "nosniff"


def test_every_page_has_a_json_twin(client):
    ent = client.get("/api/entities").json()["items"][0]["id"]
    doc = client.get("/api/documents").json()["items"][0]["id"]
    claim = client.get("/api/claims").json()["items"][0]["id"]
    for url in ("/", "/documents", f"/documents/{doc}", "/entities", f"/entities/{ent}", "/claims",
                f"/claims/{claim}", "/contradictions", "/graph", "/map", "/timeline", "/search?q=army"):
        html = client.get(url, headers={"Accept": "text/html"})
        assert html.headers["content-type"].startswith("text/html"), url
        as_json = client.get(url, headers={"Accept": "application/json"})
        assert as_json.headers["content-type"].startswith("application/json"), url
        sep = "&" if "?" in url else "?"
        assert client.get(f"{url}{sep}format=json").json() == as_json.json(), url
    assert client.get("/entities?format=json").json() == client.get("/api/entities").json()
    assert client.get("/graph?format=json").json() == client.get("/api/graph").json()


def test_hostile_text_is_escaped_in_html(client):
    doc = client.get("/api/documents", params={"source": "Outlet"}).json()["items"][0]
    assert doc["title"] == HOSTILE_TITLE
    for url in (f"/documents/{doc['id']}", "/entities", "/claims", "/", "/search?q=onerror"):
        html = client.get(url, headers={"Accept": "text/html"}).text
        assert "<script>alert" not in html and "<img src=x" not in html, url
        assert "&lt;script&gt;alert" in html or "&lt;img src=x" in html, url


def test_entity_page_marks_denied_and_contested_claims(client):
    jnim = client.get("/api/entities", params={"q": "JNIM"}).json()["items"][0]["id"]
    html = client.get(f"/entities/{jnim}", headers={"Accept": "text/html"}).text
    assert 'class="claim modality-denied contested"' in html
    assert '<span class="badge modality m-denied">denied</span>' in html


def test_server_never_writes_the_store(client, samples_db):
    before = hashlib.sha256(samples_db.read_bytes()).hexdigest()
    for url in ("/", "/api/graph", "/api/places", "/api/search?q=camp", "/api/contradictions", "/timeline"):
        client.get(url)
    assert hashlib.sha256(samples_db.read_bytes()).hexdigest() == before


def test_pagination_links_keep_filters(client):
    html = client.get("/entities?type=Location&limit=2", headers={"Accept": "text/html"}).text
    assert 'rel="next"' in html and "type=Location" in html.split('rel="next" href="')[1].split('"')[0]


@pytest.mark.parametrize(("host", "loopback"), [("127.0.0.1", True), ("localhost", True), ("::1", True),
                                                ("0.0.0.0", False), ("192.168.1.5", False), ("example.org", False)])
def test_loopback_detection(host, loopback):
    assert is_loopback(host) is loopback


def test_non_loopback_host_needs_a_token(monkeypatch):
    monkeypatch.delenv("CLAIMGRAPH_TOKEN", raising=False)
    with pytest.raises(ServeError) as err:
        check_binding("0.0.0.0", None)
    assert err.value.code == "CG700"
    check_binding("0.0.0.0", "t")  # with a token it is allowed
    result = CliRunner().invoke(main, ["serve", "--host", "0.0.0.0", "--db", "x.sqlite"])
    assert result.exit_code == 2 and "CG700" in result.output


def test_serve_refuses_a_missing_database(tmp_path):
    result = CliRunner().invoke(main, ["serve", "--db", str(tmp_path / "missing.sqlite")])
    assert result.exit_code == 2 and "CG400" in result.output


def test_filter_forms_offer_the_types_and_outlets_in_the_store(client):
    html = client.get("/graph", headers={"Accept": "text/html"}).text
    for value in ("ASSAULT", "COOPERATE", "member_of", "Sahel Monitor", "Levant Wire"):
        assert f'<option value="{value}">' in html
