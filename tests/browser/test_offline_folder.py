"""Die Seite zum Mitnehmen, geöffnet aus ihrem Ordner (file://)."""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import Browser, Route, expect

from tests.browser.visits import TIMEOUT_MS, watch_errors

pytestmark = pytest.mark.browser


def test_site_works_from_a_downloaded_folder(
    browser: Browser, offline_site: Path
) -> None:
    """Aus dem Ordner: Startseite, Link zu einer Lektion, Suche; nichts von außen,
    keine Fehler."""
    external: list[str] = []
    console_errors: list[str] = []
    page_errors: list[str] = []
    context = browser.new_context()

    def handle(route: Route) -> None:
        url = route.request.url
        if url.startswith(("file:", "data:", "blob:", "about:")):
            route.continue_()
        else:
            external.append(url)
            route.abort()

    context.route("**/*", handle)
    try:
        page = context.new_page()
        watch_errors(page, console_errors, page_errors)
        page.goto((offline_site / "index.html").as_uri(), wait_until="load")
        expect(page.locator("h1").first).to_contain_text("Neuronale Netze verstehen")
        # Einem Link der Startseite zu einer Lektion folgen
        page.locator(".md-content a[href$='tensoren.html']").first.click()
        page.wait_for_load_state("load")
        assert page.url.endswith("grundlagen/tensoren.html"), page.url
        expect(page.locator("h1").first).to_contain_text("Tensoren")
        # Suche über den mitgelieferten iframe-worker-Shim
        page.keyboard.press("s")
        page.keyboard.type("Gewichte", delay=30)
        results = page.locator("a.md-search-result__link")
        expect(results.first).to_be_visible(timeout=TIMEOUT_MS)
    finally:
        context.close()
    assert not (console_errors or page_errors), "\n".join(console_errors + page_errors)
    assert not external, "Anfragen an fremde Rechner:\n" + "\n".join(external)
