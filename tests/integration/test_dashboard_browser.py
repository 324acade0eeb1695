"""The dashboard in a real browser (Debian's Chromium, headless, through Playwright), offline.

Loads the dashboard on the small synthetic store, checks the map, timeline, network and table
render, applies filters (form, network node, map marker), opens an event and checks its evidence
sentences are highlighted inside their stories. Every request outside the loopback server is
blocked and recorded: the test fails if the page even tries to reach the internet.

A screenshot goes to ``$EVENTWIRE_SCREENSHOT`` when set (``docs/dashboard.png`` is made this
way, see docs/api.md), else into the test's tmp dir.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from api_fixtures import build_store, live_server

from eventwire.api import create_app

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                 "--no-first-run", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync"]

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not CHROMIUM.exists(),
                       reason="Debian's Chromium is not installed (apt-get install chromium)"),
]
sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed")


@pytest.fixture(scope="module")
def base_url(tmp_path_factory: pytest.TempPathFactory):
    db = build_store(tmp_path_factory.mktemp("browser") / "events.duckdb")
    with live_server(create_app(str(db), coder=lambda text, published: [])) as url:
        yield url


@pytest.fixture(scope="module")
def browser():
    with sync_api.sync_playwright() as pw:
        chromium = pw.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture()
def page(browser, base_url: str):
    """A fresh page on the dashboard; outside requests are blocked and fail the test."""
    yield from _guarded_page(browser, base_url, "/", "body[data-ready='1']")


@pytest.fixture()
def docs_page(browser, base_url: str):
    yield from _guarded_page(browser, base_url, "/docs", ".swagger-ui .opblock")


def _guarded_page(browser, base_url: str, path: str, ready: str):
    blocked: list[str] = []
    errors: list[str] = []
    context = browser.new_context(viewport={"width": 1400, "height": 1000},
                                  device_scale_factor=1)

    def guard(route) -> None:
        url = route.request.url
        if url.startswith((base_url, "data:")):
            route.continue_()
        else:
            blocked.append(url)
            route.abort()

    try:
        context.route("**/*", guard)
        pg = context.new_page()
        pg.on("pageerror", lambda exc: errors.append(str(exc)))
        pg.goto(base_url + path)
        pg.wait_for_selector(ready, timeout=20_000)
        yield pg
    finally:
        context.close()
    assert blocked == [], f"the dashboard tried to reach outside hosts: {blocked}"
    assert errors == [], f"JavaScript errors: {errors}"


def table_rows(page) -> list[str]:
    return page.locator("#events tbody tr").all_inner_texts()


def wait_rows(page, n: int) -> None:
    page.wait_for_function(
        f"document.querySelectorAll('#events tbody tr').length === {n}", timeout=10_000)


def test_all_views_render_offline(page) -> None:
    assert len(table_rows(page)) == 7
    assert "7 events" in page.inner_text("#status")
    # world base map from the bundled TopoJSON: well over a hundred country shapes
    assert page.locator("#map path.ew-country").count() > 100
    # every located event is on the map, as its own marker or inside a cluster
    # (polled: marker clusters re-form in an animation after the map fits the events)
    page.wait_for_function("""() => {
        const markers = document.querySelectorAll('#map path.ew-marker').length;
        const clustered = [...document.querySelectorAll('#map .marker-cluster')]
            .reduce((sum, el) => sum + Number(el.innerText), 0);
        return markers >= 1 && markers + clustered === 7;
    }""", timeout=10_000)
    # 7 (day, type) cells on a daily axis spanning 2016-05-10 .. 2016-06-14
    bars = page.locator("#timeline rect.bar")
    assert bars.count() == 7
    buckets = {bars.nth(i).get_attribute("data-bucket") for i in range(7)}
    assert buckets == {"2016-05-10", "2016-05-11", "2016-05-20", "2016-06-01", "2016-06-02",
                       "2016-06-14"}
    node_ids = page.eval_on_selector_all("#network g.node", "els => els.map(e => e.dataset.id)")
    assert set(node_ids) == {"FSA", "SYRMIL", "IRQGOV", "IRQCOP", "NUSRA"}


def test_filter_then_open_event_highlights_evidence_in_both_stories(page) -> None:
    page.select_option("#f-type", "ASSAULT")
    page.click("#apply")
    wait_rows(page, 2)
    assert all("ASSAULT" in row for row in table_rows(page))
    page.locator("#events tbody tr", has_text="Rebels attacked").click()
    page.wait_for_selector("#detail .story mark.evidence")
    stories = page.locator("#detail .story")
    assert stories.count() == 2
    marked = {stories.nth(i).get_attribute("data-document"):
              stories.nth(i).locator("mark.evidence").inner_text() for i in range(2)}
    assert marked == {
        "wire-aleppo-1": "Rebels attacked an army base near Aleppo on Tuesday.",
        "wire-aleppo-2": "Insurgents stormed a military post outside Aleppo on Tuesday.",
    }
    triggers = {stories.nth(i).get_attribute("data-document"):
                stories.nth(i).locator("mark.evidence .trigger").all_inner_texts()
                for i in range(2)}
    assert triggers == {"wire-aleppo-1": ["attacked"], "wire-aleppo-2": ["stormed"]}
    # the rest of the story is there, unhighlighted
    assert "Fighting resumed in northern Syria" in stories.first.inner_text() or \
        "Fighting resumed in northern Syria" in stories.nth(1).inner_text()
    detail = page.inner_text("#detail")
    assert "wire-aleppo-1" in detail and "wire-aleppo-2" in detail  # sources
    assert "Free Syrian Army" in detail and "Syrian Arab Army" in detail
    assert "0.55" in detail  # confidence


def test_quote_and_linked_filters_from_network_and_map(page, tmp_path: Path) -> None:
    page.locator("#network g.node[data-id='NUSRA'] circle").click()
    wait_rows(page, 1)
    assert page.input_value("#f-actor") == "NUSRA"
    assert "Nusra fighters shelled Azaz" in table_rows(page)[0]

    page.click("#reset")
    wait_rows(page, 7)
    page.locator("#map path.ew-c368").dispatch_event("click")  # Iraq (ISO 3166 numeric 368)
    wait_rows(page, 2)
    assert all("IRQ" in row for row in table_rows(page))

    page.click("#reset")
    wait_rows(page, 7)
    page.select_option("#f-type", "THREATEN")
    page.click("#apply")
    wait_rows(page, 1)
    page.locator("#map path.ew-marker").first.click(force=True)
    page.wait_for_selector("#detail .story mark.evidence")
    detail = page.inner_text("#detail")
    assert "We will respond with force" in detail and "an army spokesman" in detail

    page.click("#reset")
    wait_rows(page, 7)
    page.locator("#events tbody tr", has_text="Rebels attacked").click()
    page.wait_for_selector("#detail .story mark.evidence")
    page.evaluate("window.scrollTo(0, 0)")
    page.wait_for_timeout(300)
    target = Path(os.environ.get("EVENTWIRE_SCREENSHOT") or tmp_path / "dashboard.png")
    page.screenshot(path=str(target), full_page=True)
    assert target.stat().st_size > 20_000


def test_openapi_docs_render_offline(docs_page) -> None:
    """Swagger UI from the vendored bundle lists every endpoint with no outside request."""
    text = docs_page.inner_text(".swagger-ui")
    for path in ("/api/events", "/api/events/{event_id}", "/api/actors", "/api/quotes",
                 "/api/stats", "/api/documents/{document_id}", "/api/code"):
        assert path in text
