"""Ein Chromium, eine gebaute Seite, ein Durchgang pro Seite und Farbschema."""

from __future__ import annotations

from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from playwright.sync_api import Browser, sync_playwright

from tests.browser.findings import all_problems
from tests.browser.visits import (
    SCHEMES,
    SCREENSHOTS,
    OfflineBrowsing,
    Scheme,
    Visit,
    offline_context,
    visit_page,
)
from tests.browser_setup import CHROMIUM, CHROMIUM_ARGS

# Hat dieser Lauf die Seiten besucht? Sonst gehören Bildschirmfotos im Ordner zu
# einem früheren Lauf.
_visited: list[bool] = []


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    """Ein Chromium für alle Browser-Tests."""
    if not CHROMIUM.exists():
        pytest.fail(
            f"Chromium fehlt unter {CHROMIUM} (installieren mit "
            "`apt-get install chromium` oder Pfad über NNV_CHROMIUM setzen)."
        )
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(
            executable_path=str(CHROMIUM), args=CHROMIUM_ARGS
        )
        try:
            yield chromium
        finally:
            chromium.close()


@pytest.fixture(scope="session")
def page_paths(built_site: Path) -> list[str]:
    """Relative URLs aller gebauten Seiten (Startseite ``""``, sonst ``"a/b/"``).

    Aus dem gebauten Ordner ermittelt (jede ``index.html`` außer unter
    ``assets/``), damit neue Lektionen ohne Änderung hier mitgeprüft werden.
    """
    paths = sorted(
        (html.parent.relative_to(built_site).as_posix() + "/").removeprefix("./")
        for html in built_site.rglob("index.html")
        if html.relative_to(built_site).parts[0] != "assets"
    )
    assert "" in paths, f"Keine Startseite index.html in {built_site} gefunden."
    return paths


# So viele Chromium besuchen die Seiten gleichzeitig (einer je Kern).
PARALLEL_BROWSERS = 2


def visit_all(site_url: str, keys: list[tuple[str, Scheme]]) -> list[Visit]:
    """Die Seiten nacheinander besuchen, mit einem eigenen Chromium in diesem Thread.

    Playwright ist nicht threadsicher: jeder Thread braucht seine eigene Instanz.
    """
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(
            executable_path=str(CHROMIUM), args=CHROMIUM_ARGS
        )
        try:
            return [
                visit_page(chromium, site_url, path, scheme, all_problems)
                for path, scheme in keys
            ]
        finally:
            chromium.close()


@pytest.fixture(scope="session")
def visits(site_url: str, page_paths: list[str]) -> dict[tuple[str, str], Visit]:
    """Jede Seite in jedem Farbschema genau einmal laden, mit allen Sonden.

    Schlüssel: (Pfad, Name des Farbschemas). Zwei Chromium teilen sich die Seiten.
    Bildschirmfotos entstehen nur von Seiten mit Befund; die alten werden vorher
    entfernt.
    """
    for old in SCREENSHOTS.glob("*.png"):
        old.unlink()
    _visited.append(True)
    keys = [(path, scheme) for scheme in SCHEMES for path in page_paths]
    shares = [keys[i::PARALLEL_BROWSERS] for i in range(PARALLEL_BROWSERS)]
    with ThreadPoolExecutor(PARALLEL_BROWSERS) as pool:
        done = pool.map(visit_all, [site_url] * len(shares), shares)
        found = [visit for share in done for visit in share]
    return {(visit.path, visit.scheme.name): visit for visit in found}


@pytest.fixture(params=SCHEMES, ids=lambda scheme: scheme.name)
def scheme(request: pytest.FixtureRequest) -> Scheme:
    """Für Tests, die jedes Farbschema für sich auswerten."""
    return request.param


@pytest.fixture
def offline(browser: Browser) -> Iterator[OfflineBrowsing]:
    """Frischer Kontext pro Test, vom Netz getrennt (nur localhost)."""
    external: list[str] = []
    context = offline_context(browser, external)
    try:
        yield OfflineBrowsing(context, external)
    finally:
        context.close()


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    """Sagen, wo die Bildschirmfotos der Seiten mit Befund liegen."""
    shots = sorted(SCREENSHOTS.glob("*.png"))
    if _visited and shots:
        terminalreporter.write_line(
            f"Bildschirmfotos der Seiten mit Befund ({len(shots)}): {SCREENSHOTS}"
        )
