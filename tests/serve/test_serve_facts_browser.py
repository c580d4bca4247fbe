"""The facts pages in Debian's Chromium: no console errors (CSP), both sides visible, screenshots to test-artifacts/."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "resolve"))
import crossdoc_samples as s  # noqa: E402
from test_serve_browser import ARTIFACTS, Watched, _start, _stop, browser  # noqa: E402,F401 - browser is a fixture

from claimgraph.store import Store  # noqa: E402

pytestmark = [pytest.mark.browser, pytest.mark.slow]


@pytest.fixture(scope="module")
def facts_server(tmp_path_factory):
    db = tmp_path_factory.mktemp("facts-ui") / "facts.sqlite"
    with Store.open(db) as store:
        for make in (s.kharkiv_month, s.kharkiv_day, s.kharkiv_next_year, s.iran_houthis_asserted,
                     s.iran_houthis_denied):
            store.save(make().extraction())
        store.recompute_facts()
    proc, base = _start(db)
    yield base
    _stop(proc)


def test_facts_pages_render_cleanly_with_sides(browser, facts_server) -> None:  # noqa: F811
    context = browser.new_context(base_url=facts_server, viewport={"width": 1400, "height": 1000})
    page = Watched(context.new_page())
    p = page.page
    p.goto("/facts")
    rows = p.locator("table.facts-table tbody tr")
    assert rows.count() == 3
    assert "contested: 1 for, 1 against" in rows.first.inner_text()
    ARTIFACTS.mkdir(exist_ok=True)
    p.screenshot(path=str(ARTIFACTS / "facts.png"), full_page=True)
    rows.first.get_by_role("link", name="claims ›").click()
    pair = p.locator("section.contradiction-pair")
    assert "Iran supplies the Houthis" in pair.locator(".side").nth(0).inner_text()
    assert "Tehran arms the Houthis" in pair.locator(".side").nth(1).inner_text()
    p.screenshot(path=str(ARTIFACTS / "fact.png"), full_page=True)
    p.get_by_role("link", name="Houthis").first.click()
    assert p.locator("section.entity-facts .contradiction-pair").count() == 1
    page.clean()
    context.close()
