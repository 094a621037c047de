"""„Zeichne eine Ziffer“ im echten Chromium: JavaScript rechnet wie NumPy.

Die Gewichte liest der Test aus der gebauten Seite – genau die, die der Browser
benutzt. Gezeichnet wird mit der Maus; verglichen wird mit
``mnist_lib.drawing.preprocess_drawing`` auf denselben Pixeln des Zeichenfelds.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import keras
import numpy as np
import pytest
from playwright.sync_api import Browser, Page, Route, expect

from mnist_lib.drawing import load_network, preprocess_drawing
from mnist_lib.numpy_net import MiniBatchNetwork
from tests.browser.visits import (
    DESKTOP,
    PHONE,
    TIMEOUT_MS,
    TRY_IT_SHOTS,
    OfflineBrowsing,
    watch_errors,
)

pytestmark = pytest.mark.browser

PAGE = "vertiefung/zeichne-eine-ziffer/"
# Der Bau sortiert die Attribute um: nur nach der id suchen
DATA = re.compile(r'<script[^>]* id="nnv-zeichnen-daten"[^>]*>(.*?)</script>', re.S)
WIDGET = ".nnv-zeichnen"
FIELD = ".nnv-zeichnen__feld canvas"
ANSAGE = ".nnv-zeichnen__ansage"

# Striche in Koordinaten des Zeichenfelds (280 × 280)
BAR = [[(132, 40), (132, 240)], [(148, 40), (148, 240)]]  # dick: zwei Striche
CIRCLE = [
    [
        (140 + 80 * np.sin(a), 140 - 95 * np.cos(a))
        for a in np.linspace(0, 2 * np.pi, 41)
    ]
]
SEVEN = [[(60, 50), (220, 50), (115, 250)]]
SHAPES = {"balken": BAR, "kreis": CIRCLE, "sieben": SEVEN}


@pytest.fixture(scope="module")
def exported(built_site: Path) -> tuple[MiniBatchNetwork, str]:
    """Das Netz, wie es in der gebauten Seite steht, und der JSON-Text dazu."""
    html = (built_site / PAGE / "index.html").read_text(encoding="utf-8")
    match = DATA.search(html)
    assert match, f"Keine eingebetteten Gewichte (#nnv-zeichnen-daten) in {PAGE}"
    return load_network(match.group(1)), match.group(1)


@pytest.fixture
def page(offline: OfflineBrowsing, site_url: str) -> Iterator[Page]:
    errors: list[str] = []
    page = offline.context.new_page()
    watch_errors(page, errors, errors)
    page.goto(site_url + PAGE, wait_until="networkidle")
    page.wait_for_function("window.nnvZeichnen !== undefined")
    yield page
    assert not errors, "\n".join(errors)
    offline.assert_no_external_requests()


def draw(page: Page, strokes: list[list[tuple[float, float]]]) -> None:
    """Mit der Maus zeichnen: drücken, in kleinen Schritten ziehen, loslassen."""
    field = page.locator(FIELD)
    field.scroll_into_view_if_needed()
    area = field.bounding_box()
    assert area, "Zeichenfeld nicht sichtbar"
    scale = area["width"] / 280
    for stroke in strokes:
        points = [(area["x"] + x * scale, area["y"] + y * scale) for x, y in stroke]
        page.mouse.move(*points[0])
        page.mouse.down()
        for point in points[1:]:
            page.mouse.move(*point, steps=8)
        page.mouse.up()


def page_state(page: Page) -> dict:
    """Pixel des Zeichenfelds (Alphakanal), Eingabe und Ausgabe der Seite."""
    return page.evaluate(
        """() => {
            const z = window.nnvZeichnen, shown = document
              .querySelector('.nnv-zeichnen__eingabe canvas').getContext('2d')
              .getImageData(0, 0, 28, 28).data;
            return {
              pixels: Array.from(z.alphas()),
              input: z.state.input && Array.from(z.state.input),
              shown: Array.from({length: 784}, (_, i) => shown[4 * i + 3]),
              probs: z.state.probs,
              accuracy: document
                .querySelector('.nnv-zeichnen__genauigkeit').textContent,
            };
        }"""
    )


def test_javascript_forward_equals_numpy(
    page: Page, exported: tuple[MiniBatchNetwork, str]
) -> None:
    """200 Testziffern: JavaScript und NumPy liefern dieselben Wahrscheinlichkeiten."""
    net, _ = exported
    _, (x_test, _) = keras.datasets.mnist.load_data()
    x = x_test[:200].reshape(200, -1).astype(np.float32) / 255
    from_js = np.array(
        page.evaluate(
            "xs => xs.map(x => Array.from("
            "nnvZeichnen.forward(nnvZeichnen.net, x).probs))",
            x.tolist(),
        )
    )
    from_numpy = net.predict(x)
    assert from_js.shape == (200, 10)
    assert np.abs(from_js - from_numpy).max() <= 1e-4
    np.testing.assert_array_equal(from_js.argmax(axis=1), from_numpy.argmax(axis=1))


def test_page_names_the_accuracy_of_the_exported_network(
    page: Page, exported: tuple[MiniBatchNetwork, str]
) -> None:
    """Die Seite nennt die Genauigkeit des Netzes mit float16-Gewichten."""
    net, _ = exported
    _, (x_test, y_test) = keras.datasets.mnist.load_data()
    _, accuracy = net.evaluate(x_test.reshape(len(x_test), -1) / 255, y_test)
    shown = page_state(page)["accuracy"]
    assert shown.endswith("\u00a0%"), shown
    # eine Nachkommastelle wie in der Ausgabe des Trainings
    assert abs(float(shown[:-2].replace(",", ".")) - 100 * accuracy) <= 0.05 + 1e-9


@pytest.mark.parametrize("shape", SHAPES)
def test_drawing_gives_the_input_and_answer_of_python(
    page: Page, exported: tuple[MiniBatchNetwork, str], shape: str
) -> None:
    """Eingabe der Seite = preprocess_drawing der Canvas-Pixel; gleiche Antwort."""
    net, _ = exported
    draw(page, SHAPES[shape])
    state = page_state(page)
    pixels = np.array(state["pixels"], dtype=np.uint8).reshape(280, 280)
    expected = preprocess_drawing(pixels)
    page_input = np.array(state["input"]).reshape(28, 28)
    assert np.abs(page_input - expected).max() <= 1 / 255
    # Das angezeigte Pixelbild ist dieselbe Eingabe
    shown = np.array(state["shown"]).reshape(28, 28) / 255
    assert np.abs(shown - expected).max() <= 1 / 255
    answer = int(net.predict(expected.reshape(1, -1)).argmax())
    assert int(np.argmax(state["probs"])) == answer
    expect(page.locator(ANSAGE)).to_contain_text(f"Das Netz liest eine {answer} (")
    if shape == "balken":
        assert answer == 1, f"Ein dicker senkrechter Balken wurde als {answer} gelesen"


def test_keyboard_loads_test_digits_and_clears(page: Page) -> None:
    """Tab + Enter auf „Testbild laden“ ändert die Ansage; „Löschen“ leert."""
    ansage = page.locator(ANSAGE)
    expect(ansage).to_have_attribute("aria-live", "polite")
    empty = ansage.text_content()
    page.get_by_role("button", name="Löschen").focus()
    page.keyboard.press("Tab")
    expect(page.get_by_role("button", name="Testbild laden")).to_be_focused()
    page.keyboard.press("Enter")
    expect(ansage).to_contain_text("Testbild 1 von")
    expect(ansage).to_contain_text("Das Netz liest eine")
    first = ansage.text_content()
    page.keyboard.press("Enter")
    expect(ansage).to_contain_text("Testbild 2 von")
    assert ansage.text_content() != first
    assert any(page_state(page)["pixels"]), "Das Testbild fehlt im Zeichenfeld"
    page.keyboard.press("Shift+Tab")
    page.keyboard.press("Enter")
    expect(ansage).to_have_text(empty or "")
    state = page_state(page)
    assert state["input"] is None
    assert not any(state["pixels"]), "Nach „Löschen“ ist das Zeichenfeld nicht leer"


def test_works_from_the_downloaded_folder(browser: Browser, offline_site: Path) -> None:
    """Seite zum Mitnehmen (file://): zeichnen, lesen lassen, nichts von außen."""
    external: list[str] = []
    errors: list[str] = []
    context = browser.new_context()

    def handle(route: Route) -> None:
        if route.request.url.startswith(("file:", "data:", "blob:", "about:")):
            route.continue_()
        else:
            external.append(route.request.url)
            route.abort()

    context.route("**/*", handle)
    try:
        page = context.new_page()
        watch_errors(page, errors, errors)
        page.goto((offline_site / "vertiefung/zeichne-eine-ziffer.html").as_uri())
        page.wait_for_function("window.nnvZeichnen !== undefined", timeout=TIMEOUT_MS)
        draw(page, BAR)
        expect(page.locator(ANSAGE)).to_contain_text("Das Netz liest eine 1 (")
    finally:
        context.close()
    assert not errors, "\n".join(errors)
    assert not external, "Anfragen an fremde Rechner:\n" + "\n".join(external)


@pytest.mark.parametrize("scheme", ["hell", "dunkel"])
@pytest.mark.parametrize("device", ["desktop", "telefon"])
def test_screenshots_with_a_drawn_digit(
    browser: Browser, site_url: str, scheme: str, device: str
) -> None:
    """Hell und dunkel, Desktop und Handy: gezeichnete Sieben, kein Querscrollen."""
    context = browser.new_context(
        color_scheme="light" if scheme == "hell" else "dark",
        viewport=DESKTOP if device == "desktop" else PHONE,
        locale="de-DE",
    )
    try:
        page = context.new_page()
        page.goto(site_url + PAGE, wait_until="networkidle")
        page.wait_for_function("window.nnvZeichnen !== undefined")
        draw(page, SEVEN)
        expect(page.locator(ANSAGE)).to_contain_text("Das Netz liest eine")
        overflow = page.evaluate(
            "document.documentElement.scrollWidth"
            " - document.documentElement.clientWidth"
        )
        assert overflow <= 0, f"{overflow} px waagrechtes Scrollen ({device})"
        TRY_IT_SHOTS.mkdir(parents=True, exist_ok=True)
        page.locator(WIDGET).screenshot(
            path=TRY_IT_SHOTS / f"zeichne-eine-ziffer-{scheme}-{device}.png"
        )
    finally:
        context.close()
