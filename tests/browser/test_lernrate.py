"""„Probier es selbst“ auf der Seite „Optimierer“: der Regler für die Lernrate.

Der Browser zeichnet nur, was der Bau mit ``mnist_lib.optimizers`` ausgerechnet hat.
Geprüft wird, dass der gezeichnete Weg (aus den Punkten der SVG-Linie zurückgerechnet
und aus ``window.nnvLernrate``) der Weg von ``run_trajectory`` ist.
"""

from __future__ import annotations

from collections.abc import Iterator

import numpy as np
import pytest
from playwright.sync_api import Browser, Page, expect

from mnist_lib.optimizers import diabetes_surface, make_optimizer, run_trajectory
from tests.browser.visits import (
    DARK,
    LIGHT,
    TRY_IT_SHOTS,
    OfflineBrowsing,
    offline_context,
    watch_errors,
)

pytestmark = pytest.mark.browser

PAGE = "vertiefung/optimierer/"
# Zeichenfläche im SVG (wie in docs/assets/javascripts/lernrate.js)
PLOT_LEFT, PLOT_TOP, PLOT_RIGHT, PLOT_BOTTOM = 48, 10, 410, 372
SURFACE = diabetes_surface()


def open_explorer(offline: OfflineBrowsing, site_url: str, errors: list[str]) -> Page:
    page = offline.context.new_page()
    watch_errors(page, errors, errors)
    page.goto(site_url + PAGE, wait_until="networkidle")
    # Der Regler zeichnet erst, wenn er in die Nähe des Bildschirms kommt.
    page.locator("#lernrate-ausprobieren").scroll_into_view_if_needed()
    page.wait_for_function("window.nnvLernrate !== undefined")
    expect(page.locator("#nnv-lernrate-eta")).to_be_enabled()
    return page


@pytest.fixture
def explorer(offline: OfflineBrowsing, site_url: str) -> Iterator[Page]:
    errors: list[str] = []
    page = open_explorer(offline, site_url, errors)
    yield page
    assert not errors, errors
    offline.assert_no_external_requests()


def choose(page: Page, optimizer: str, rate: float) -> None:
    """Optimierer wählen und den Regler auf die Lernrate stellen (wie eine Maus)."""
    page.select_option("#nnv-lernrate-optimierer", label=optimizer)
    rates = page.evaluate("window.nnvLernrate.data.rates")
    index = rates.index(rate)
    page.locator("#nnv-lernrate-eta").fill(str(index))


def drawn_from_svg(page: Page) -> np.ndarray:
    """Die Punkte der gezeichneten Linie, zurück in Flächenkoordinaten."""
    text = page.locator(".nnv-lernrate__bild polyline.weg").get_attribute("points")
    pixels = np.array([[float(v) for v in p.split(",")] for p in text.split()])
    (x_low, x_high), (y_low, y_high) = SURFACE.xlim, SURFACE.ylim
    width, height = PLOT_RIGHT - PLOT_LEFT, PLOT_BOTTOM - PLOT_TOP
    x = x_low + (pixels[:, 0] - PLOT_LEFT) / width * (x_high - x_low)
    y = y_low + (PLOT_BOTTOM - pixels[:, 1]) / height * (y_high - y_low)
    return np.column_stack([x, y])


def python_path(key: str, rate: float, steps: int) -> np.ndarray:
    optimizer = make_optimizer(key, learning_rate=rate)
    return run_trajectory(optimizer, SURFACE.gradient, SURFACE.start, steps=steps)


def assert_draws_python_path(page: Page, key: str, rate: float) -> np.ndarray:
    current = page.evaluate("window.nnvLernrate.current()")
    assert current["optimizer"] == key
    assert current["learningRate"] == rate
    drawn = np.array(current["drawn"])
    expected = python_path(key, rate, steps=len(drawn) - 1)
    # Der Bau rundet auf Tausendstel; das SVG auf Zehntel Bildpunkte (≈ 0,0016).
    np.testing.assert_allclose(drawn, expected, rtol=0, atol=0.0005 + 1e-9)
    np.testing.assert_allclose(drawn_from_svg(page), expected, rtol=0, atol=0.003)
    return drawn


@pytest.mark.parametrize(
    ("rate", "verdict"),
    [(0.1, "läuft ruhig bergab"), (0.4, "schwingt"), (0.6, "divergiert")],
)
def test_slider_draws_the_python_path(
    explorer: Page, rate: float, verdict: str
) -> None:
    """Konvergent, schwingend, divergent: Gezeichnet wird der Weg von run_trajectory."""
    choose(explorer, "SGD", rate)
    drawn = assert_draws_python_path(explorer, "sgd", rate)
    live = explorer.locator(".nnv-lernrate [aria-live='polite']")
    expect(live).to_contain_text(f"SGD, η = {rate:g}:".replace(".", ","))
    expect(live).to_contain_text(verdict)
    exit_mark = explorer.locator(".nnv-lernrate__bild .ausgang")
    (x_low, x_high), (y_low, y_high) = SURFACE.xlim, SURFACE.ylim
    last = drawn[-1]
    outside = not (x_low <= last[0] <= x_high and y_low <= last[1] <= y_high)
    if verdict == "divergiert":
        # abgeschnitten am Rand: der Weg endet mit dem ersten Punkt draußen
        assert outside
        assert len(drawn) < 101
        inside = drawn[:-1]
        assert np.all((inside >= -3) & (inside <= 3))
        assert exit_mark.get_attribute("d")
        expect(live).to_contain_text(f"in Schritt {len(drawn) - 1}")
    else:
        assert not outside
        assert len(drawn) == 101
        assert not exit_mark.get_attribute("d")


def test_switching_the_optimizer_changes_the_path(explorer: Page) -> None:
    choose(explorer, "SGD", 0.1)
    sgd = assert_draws_python_path(explorer, "sgd", 0.1)
    choose(explorer, "Adam", 0.1)
    adam = assert_draws_python_path(explorer, "adam", 0.1)
    assert sgd.shape != adam.shape or not np.allclose(sgd, adam)
    expect(explorer.locator(".nnv-lernrate [aria-live='polite']")).to_contain_text(
        "Adam, η = 0,1:"
    )
    assert explorer.locator("#nnv-lernrate-optimierer option").count() == 8


def test_slider_works_with_arrow_keys(explorer: Page) -> None:
    """Tastatur: Pfeiltasten bewegen den Regler, die aria-live-Zeile folgt."""
    choose(explorer, "SGD", 0.3)
    slider = explorer.locator("#nnv-lernrate-eta")
    live = explorer.locator(".nnv-lernrate [aria-live='polite']")
    slider.focus()
    before = live.inner_text()
    slider.press("ArrowRight")
    expect(live).to_contain_text("SGD, η = 0,4:")
    assert live.inner_text() != before
    expect(slider).to_have_attribute("aria-valuetext", "η = 0,4")
    expect(explorer.locator("#nnv-lernrate-wert")).to_have_text("0,4")
    slider.press("ArrowRight")
    expect(live).to_contain_text("SGD, η = 0,6: divergiert")
    slider.press("ArrowLeft")
    slider.press("ArrowLeft")
    expect(live).to_have_text(before)
    assert_draws_python_path(explorer, "sgd", 0.3)


@pytest.mark.parametrize("scheme", [LIGHT, DARK], ids=lambda s: s.name)
def test_screenshot_with_diverging_rate(
    browser: Browser, site_url: str, scheme
) -> None:
    """Bildschirmfotos hell und dunkel bei einer divergierenden Lernrate."""
    external: list[str] = []
    context = offline_context(
        browser, external, color_scheme=scheme.media, viewport=scheme.viewport
    )
    errors: list[str] = []
    try:
        page = open_explorer(OfflineBrowsing(context, external), site_url, errors)
        expect(page.locator("body")).to_have_attribute(
            "data-md-color-scheme", scheme.material
        )
        choose(page, "SGD", 0.6)
        widget = page.locator("#lernrate-ausprobieren")
        # Am Telefon passt der Regler in die Breite: nichts ragt heraus.
        width = page.evaluate("document.documentElement.clientWidth")
        box = widget.bounding_box()
        assert box is not None and box["x"] >= 0 and box["x"] + box["width"] <= width
        TRY_IT_SHOTS.mkdir(parents=True, exist_ok=True)
        target = TRY_IT_SHOTS / f"lernrate-{scheme.name}.png"
        # Die feste Kopfzeile würde den oberen Rand des Reglers verdecken.
        widget.screenshot(path=str(target), style=".md-header { visibility: hidden }")
        assert target.stat().st_size > 5_000
        assert not errors, errors
        assert not external, external
    finally:
        context.close()
