"""The analyst UI in Debian's Chromium (Playwright), against `claimgraph serve` on a free loopback port.

The store holds the sample report as the pipeline analyses it today, the
hand-annotated samples, and a hostile document analysed by the pipeline.
Every page is checked for console errors (CSP violations show up there) and
for dialogs (a script payload that ran would open one). Screenshots of each
view go to test-artifacts/.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest

pytestmark = [pytest.mark.browser, pytest.mark.slow]

CHROMIUM = Path(os.environ.get("CLAIMGRAPH_CHROMIUM", "/usr/bin/chromium"))
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"
VENDOR = Path(__file__).resolve().parents[2] / "src" / "claimgraph" / "serve" / "static" / "vendor"

HOSTILE_REPORT = (
    "Rebels seize town\n\n"
    "<script>alert('pwned')</script> NAIROBI - Al-Shabaab fighters attacked a police station in Mandera "
    "on Monday, police said. <img src=x onerror=alert(1)> The group's spokesman denied the attack."
)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="module")
def browser_db(tmp_path_factory, pipeline, seed_extraction, sample_extractions):
    from serve_samples import write_store

    from claimgraph.ingest import document_from_text

    hostile = pipeline.analyze(document_from_text(HOSTILE_REPORT, path="hostile.txt", title="<script>alert('t')</script>",
                                                  outlet="Wire", published="2024-05-06"))
    db = tmp_path_factory.mktemp("browser") / "ui.sqlite"
    return write_store(db, [seed_extraction, *sample_extractions, hostile]), hostile.document.id


def _start(db: Path, *extra: str, env: dict[str, str] | None = None):
    """Run `claimgraph serve` on a free loopback port; return (process, base URL) once it answers."""
    port = _free_port()
    cli = Path(sys.executable).with_name("claimgraph")
    proc = subprocess.Popen([str(cli), "serve", "--db", str(db), "--port", str(port), *extra],
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, env={**os.environ, **(env or {})})
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 30
    while True:
        try:
            if httpx.get(base + "/static/app.css", timeout=1).status_code in (200, 401):
                return proc, base
        except httpx.HTTPError:
            pass
        if proc.poll() is not None or time.monotonic() > deadline:
            proc.kill()
            out = proc.stdout.read().decode() if proc.stdout else ""
            pytest.fail(f"claimgraph serve did not start: {out}")
        time.sleep(0.2)


def _stop(proc) -> None:
    proc.terminate()
    try:
        proc.wait(timeout=10)
    except subprocess.TimeoutExpired:
        proc.kill()


@pytest.fixture(scope="module")
def server(browser_db):
    proc, base = _start(browser_db[0])
    yield base
    _stop(proc)


@pytest.fixture(scope="module")
def browser():
    if not CHROMIUM.exists():
        pytest.skip(f"Debian chromium not installed at {CHROMIUM} (scripts/system-deps.sh installs it)")
    if not (VENDOR / "cytoscape.min.js").exists():
        pytest.fail("front-end assets not built: run `make frontend` (scripts/build-frontend.sh)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        b = pw.chromium.launch(
            executable_path=str(CHROMIUM),
            args=["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                  "--disable-component-update", "--disable-sync", "--no-first-run"],
        )
        yield b
        b.close()


class Watched:
    """A page whose console errors, uncaught exceptions and dialogs are recorded."""

    def __init__(self, page):
        self.page = page
        self.errors: list[str] = []
        self.dialogs: list[str] = []
        page.on("console", lambda m: self.errors.append(m.text) if m.type == "error" else None)
        page.on("pageerror", lambda e: self.errors.append(str(e)))

        def on_dialog(dialog):
            self.dialogs.append(dialog.message)
            dialog.dismiss()

        page.on("dialog", on_dialog)

    def clean(self) -> None:
        assert self.dialogs == [], f"a script payload ran: {self.dialogs}"
        assert self.errors == [], f"console errors: {self.errors}"


@pytest.fixture()
def page(browser, server):
    context = browser.new_context(base_url=server, viewport={"width": 1400, "height": 1000})
    p = context.new_page()
    p.set_default_timeout(15000)
    watched = Watched(p)
    yield watched
    context.close()


def shot(page, name: str) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)


def test_entity_page_for_sirajuddin_haqqani(page):
    p = page.page
    p.goto("/entities?q=Sirajuddin")
    p.get_by_role("link", name="Sirajuddin Haqqani").first.click()
    p.wait_for_url("**/entities/**")
    assert "Sirajuddin Haqqani" in p.locator("h1.entity-name").inner_text()
    assert p.locator("dl.facts").is_visible()
    for heading in ("Roles", "Ties", "Events", "Documents", "Claims"):
        assert p.get_by_role("heading", name=heading).count() >= 1
    # every claim card shows its sentence and who says so
    cards = p.locator("article.claim")
    for i in range(min(cards.count(), 5)):
        assert cards.nth(i).locator("blockquote.sentence").inner_text().strip()
        assert cards.nth(i).locator("ol.chain li").count() >= 1
    shot(p, "entity")
    page.clean()


def test_marked_claims_on_entity_page(page):
    """The denied claim is visibly marked (badge and dashed border) and flagged contested."""
    p = page.page
    p.goto("/entities?q=JNIM")
    p.get_by_role("link", name="Jama'at Nusrat al-Islam wal-Muslimin").click()
    denied = p.locator("article.claim.modality-denied")
    assert denied.count() >= 1
    assert denied.first.locator(".badge.m-denied").inner_text() == "denied"
    assert denied.first.locator(".contested-flag").count() == 1
    style = denied.first.evaluate("e => getComputedStyle(e).borderLeftStyle")
    assert style == "dashed"
    assert "JNIM denied" in denied.first.locator("blockquote.sentence").inner_text()
    assert denied.first.locator(".evidence").count() >= 1
    p.goto("/contradictions")
    pair = p.locator("section.contradiction-pair").first
    assert pair.locator(".side").nth(0).locator("article.claim").count() >= 1
    assert pair.locator(".side").nth(1).locator("article.claim").count() >= 1
    shot(p, "contradictions")
    page.clean()


def _click_edge(p) -> dict:
    """Click the rendered midpoint of the longest edge in the cytoscape canvas (least likely to
    overlap a node or another edge); return what cytoscape says was selected."""
    point = p.evaluate(
        """() => { const len = e => { const a = e.source().renderedPosition(), b = e.target().renderedPosition();
                                      return Math.hypot(a.x - b.x, a.y - b.y); };
                   const e = window.cgGraph.edges().sort((x, y) => len(y) - len(x))[0];
                   const m = e.renderedMidpoint(), r = document.getElementById('cy').getBoundingClientRect();
                   return {x: r.left + m.x, y: r.top + m.y}; }"""
    )
    p.mouse.click(point["x"], point["y"])
    selected = p.evaluate(
        "window.cgGraph.$('edge:selected').map(e => ({claims: e.data('claim_ids'), predicate: e.data('predicate')}))"
    )
    assert len(selected) == 1, "the click did not select an edge"
    return selected[0]


def test_graph_edge_leads_to_evidence(page, server):
    p = page.page
    haqqani = httpx.get(server + "/api/entities", params={"q": "Sirajuddin"}).json()["items"][0]["id"]
    g = httpx.get(server + "/api/graph", params={"actor": haqqani}).json()
    # Haqqani's own ties when the extraction finds them; otherwise the whole graph (the samples have edges)
    p.goto(f"/graph?actor={haqqani}" if g["edges"] else "/graph")
    p.wait_for_selector("#cy[data-ready=true]")
    assert p.evaluate("window.cgGraph.edges().length") >= 1
    dashed = p.evaluate("window.cgGraph.edges('[modality = \"denied\"]').map(e => e.style('line-style'))")
    assert all(s == "dashed" for s in dashed)
    info = _click_edge(p)
    card = p.locator("#evidence-body article.claim").first
    card.wait_for()
    assert p.locator("#evidence-body article.claim").count() == len(info["claims"])
    assert card.locator(".badge.predicate").inner_text().startswith(info["predicate"])
    assert card.locator(".evidence").first.inner_text().strip()
    shot(p, "graph")
    card.get_by_role("link", name="evidence ›").click()
    p.wait_for_url("**/claims/**")
    assert p.locator("blockquote.sentence .evidence").first.inner_text().strip()
    assert p.locator("ol.chain li").count() >= 1
    shot(p, "claim")
    page.clean()


def test_map_shows_pins_and_unresolved_places(page):
    p = page.page
    p.goto("/map")
    p.wait_for_selector("#map[data-ready=true]")
    assert p.locator("path.pin-event").count() >= 1
    assert p.locator("path.pin-event").count() + p.locator("path.pin-place").count() >= 3
    assert p.locator("path.leaflet-interactive").count() >= 3
    assert p.locator("#unresolved li.unresolved-place").count() >= 1
    p.locator("path.pin-event").first.click(force=True)
    assert p.locator("#map-detail h3").inner_text().strip()
    shot(p, "map")
    page.clean()


def test_timeline_bars_are_as_wide_as_the_stated_period(page):
    p = page.page
    p.goto("/timeline?source=Sahel")
    p.wait_for_selector("#timeline[data-ready=true]")
    bars = p.locator("#timeline .bar")
    assert bars.count() >= 3
    month = p.locator("#timeline .bar.prec-month").first.bounding_box()
    interval = p.locator("#timeline .bar.prec-interval").first.bounding_box()
    # February 2024 has 29 days; the interval 2024-02-27 → 2024-03-12 has 14
    assert month["width"] / interval["width"] == pytest.approx(29 / 14, rel=0.1)
    p.goto("/timeline")
    p.wait_for_selector("#timeline[data-ready=true]")
    assert p.locator("#timeline .bar").count() >= 4
    p.locator("#timeline .bar").first.click()
    assert p.locator("#evidence-body article.claim").count() == 1
    shot(p, "timeline")
    page.clean()


def test_hostile_document_is_shown_as_text_and_nothing_runs(page, browser_db, server):
    p = page.page
    _, hostile_id = browser_db
    p.goto(f"/documents/{hostile_id}")
    text = p.locator("#doc-text").inner_text()
    assert "<script>alert('pwned')</script>" in text and "<img src=x onerror=alert(1)>" in text
    assert p.locator("#doc-text img, #doc-text script").count() == 0
    assert "<script>" in p.locator("h1.doc-title").inner_text()
    # the only scripts on the page are our own static files
    srcs = p.evaluate("[...document.scripts].map(s => s.getAttribute('src'))")
    assert srcs and all(s and s.startswith("/static/") for s in srcs)
    shot(p, "document-hostile")

    # the hand-annotated hostile sample puts payloads in entity names, evidence and the outlet
    sample = httpx.get(server + "/api/documents", params={"source": "Outlet"}).json()["items"][0]["id"]
    p.goto(f"/documents/{sample}")
    p.locator("#doc-text span.mention").first.hover()
    assert p.locator("#inspector-body").inner_text().strip()
    for url in ("/graph", "/map", "/timeline", "/entities", "/claims", "/search?q=onerror"):
        p.goto(url)
        p.wait_for_load_state("networkidle")
    p.goto("/graph")
    p.wait_for_selector("#cy[data-ready=true]")
    p.get_by_text("Edges as a list").click()
    p.locator("#edge-list button", has_text="<img src=x").first.click()
    p.locator("#evidence-body article.claim").first.wait_for()
    assert p.locator("#evidence-body img").count() == 0
    assert "onerror=alert(1)" in p.locator("#evidence-body").inner_text()
    page.clean()


def test_document_view_highlights_mentions_and_claims(page, server):
    p = page.page
    sahel = httpx.get(server + "/api/documents", params={"source": "Sahel"}).json()["items"][0]["id"]
    p.goto(f"/documents/{sahel}")
    assert p.locator("#doc-text span.mention").count() >= 5
    assert p.locator("#doc-text span.evidence.modality-denied").count() >= 1
    p.locator("#doc-text span.evidence.modality-denied").first.hover()
    inspected = p.locator("#inspector-body article.claim")
    inspected.first.wait_for()
    assert "denied" in inspected.first.locator(".badge.modality").inner_text()
    shot(p, "document")
    p.goto("/")
    shot(p, "home")
    page.clean()


def test_csp_header_forbids_inline_and_foreign_scripts(server):
    r = httpx.get(server + "/")
    csp = r.headers["content-security-policy"]
    assert "script-src 'self'" in csp and "unsafe-inline" not in csp and "default-src 'none'" in csp


def test_token_protected_server_works_in_the_browser(browser, browser_db):
    """Opened once with ?token=, the UI keeps working (its API calls carry the cookie); without it, 401."""
    proc, base = _start(browser_db[0], env={"CLAIMGRAPH_TOKEN": "t0ken-for-tests"})
    try:
        context = browser.new_context(base_url=base)
        p = context.new_page()
        watched = Watched(p)
        p.goto("/graph?token=t0ken-for-tests")
        assert "token" not in p.url
        p.wait_for_selector("#cy[data-ready=true]")
        assert p.evaluate("window.cgGraph.edges().length") >= 1
        watched.clean()
        context.close()
        stranger = browser.new_context(base_url=base)
        response = stranger.new_page().goto("/graph")
        assert response.status == 401
        stranger.close()
    finally:
        _stop(proc)
