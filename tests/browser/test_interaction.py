"""Bedienung: Suche, Farbschema-Schalter, Tooltips der Glossarbegriffe."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from tests.browser import findings
from tests.browser.visits import TIMEOUT_MS, OfflineBrowsing, Visit

pytestmark = pytest.mark.browser

NOTEBOOK_PAGE = "einstieg/mnist-mit-keras/"


def test_german_search_finds_mnist_lesson(
    offline: OfflineBrowsing, site_url: str
) -> None:
    """Die Suche (Web Worker mit deutschem Stemmer) findet „Gewichte“ in der Lektion."""
    page = offline.context.new_page()
    page.goto(site_url, wait_until="networkidle")
    # Taste „s“ öffnet die Suche von mkdocs-material.
    page.keyboard.press("s")
    query = page.locator("input.md-search__input")
    expect(query, "Taste „s“ öffnet die Suche nicht").to_be_focused()
    # Echte Tastendrücke: die Suche reagiert auf keyup, nicht auf fill().
    query.press_sequentially("Gewichte", delay=30)
    results = page.locator("a.md-search-result__link")
    expect(results.first, "Suche nach „Gewichte“ liefert keine Treffer").to_be_visible(
        timeout=TIMEOUT_MS
    )
    lesson = page.locator(f'a.md-search-result__link[href*="{NOTEBOOK_PAGE}"]')
    # mkdocs-material zeigt zuerst zehn Trefferseiten und lädt beim Scrollen nach.
    for _ in range(5):
        if lesson.count():
            break
        page.locator(".md-search__scrollwrap").evaluate(
            "wrap => { wrap.scrollTop = wrap.scrollHeight; }"
        )
        page.wait_for_timeout(300)
    hrefs = results.evaluate_all("links => links.map(a => a.getAttribute('href'))")
    expect(
        lesson.first,
        f"Kein Treffer für „Gewichte“ verweist auf {NOTEBOOK_PAGE}; Treffer: {hrefs}",
    ).to_be_visible(timeout=TIMEOUT_MS)
    offline.assert_no_external_requests()


def test_color_scheme_toggle(offline: OfflineBrowsing, site_url: str) -> None:
    """Der Schalter wechselt zwischen hellem und dunklem Schema (und zurück)."""
    page = offline.context.new_page()
    page.goto(site_url, wait_until="networkidle")
    body = page.locator("body")
    expect(body).to_have_attribute("data-md-color-scheme", "default")
    # Die Schalter tragen ihren Namen als title; mkdocs-material macht daraus beim
    # Überfahren einen Tooltip (title verschwindet), deshalb über „for“ ansprechen.
    expect(page.locator("label[for='__palette_1']")).to_have_attribute(
        "title", "Dunkles Farbschema"
    )
    page.locator("label[for='__palette_1']").click()
    expect(body).to_have_attribute("data-md-color-scheme", "slate")
    page.locator("label[for='__palette_0']").click()
    expect(body).to_have_attribute("data-md-color-scheme", "default")
    offline.assert_no_external_requests()


def test_glossary_terms_show_their_tooltip_on_hover(
    visits: dict[tuple[str, str], Visit],
) -> None:
    """Auf jeder Seite zeigen die ersten Glossarbegriffe beim Überfahren einen
    sichtbaren Tooltip (role="tooltip") mit ihrem Glossartext."""
    hovered = sum(len(v.tooltips["hovered"]) for v in visits.values() if v.tooltips)
    assert hovered >= 2 * len(visits), f"Nur {hovered} Begriffe überfahren?"
    problems = findings.report(visits.values(), findings.tooltips)
    assert not problems, problems
