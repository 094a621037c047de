"""Die gebaute Seite im echten Browser prüfen (Chromium über Playwright).

Alle Seiten werden aus dem gebauten Ordner ermittelt (jede ``index.html`` außer
unter ``assets/``), damit neue Lektionen ohne Änderung hier mitgeprüft
werden. Die Seite wird offline-fähig gebaut (ohne Verzeichnis-URLs).
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import (
    Browser,
    BrowserContext,
    ConsoleMessage,
    Page,
    Route,
    expect,
    sync_playwright,
)
from playwright.sync_api import Error as PlaywrightError

from tests.browser_setup import (
    CHROMIUM,
    CHROMIUM_ARGS,
    LAYOUT_SHIFT_INIT_JS,
    LAYOUT_SHIFT_JS,
    RENDER_ALL_JS,
    REVEAL_IMAGES_JS,
)

pytestmark = pytest.mark.browser

LOCAL_HOSTS = frozenset({"127.0.0.1", "localhost", "::1"})
# Schemata ohne Netzverkehr
LOCAL_SCHEMES = frozenset({"data", "blob", "about", "chrome-error"})
TIMEOUT_MS = 20_000
# Bildschirmfotos jeder Seite (Desktop und Telefon) zum Anschauen durch Menschen
SCREENSHOTS = Path(__file__).resolve().parent.parent / "test-artifacts" / "screenshots"
PHONE = {"width": 390, "height": 844}

NOTEBOOK_PAGE = "einstieg/mnist-mit-keras/"
GLOSSARY_PAGE = "grundlagen/glossar/"
GLOSSARY_TERMS = ("Sample", "Label", "Feature")
# Häufige deutsche Funktionswörter: grober Beleg, dass ein Tooltip deutsch ist.
GERMAN_WORDS = re.compile(
    r"\b(der|die|das|den|dem|des|ein|eine|einer|eines|und|bei|mit|von|für)\b",
    re.IGNORECASE,
)

MATH_PROBE_JS = """async () => {
  const formulas = [...document.querySelectorAll(".arithmatex")];
  const first = document.querySelector(".arithmatex .katex-html");
  // Formeln weiter unten setzt der Browser erst beim Hinscrollen (content-visibility)
  // und lädt erst dann die Schrift: wie ein Leser zur ersten Formel scrollen.
  if (first) {
    first.scrollIntoView({ block: "center" });
    await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve)));
  }
  await document.fonts.ready;
  return {
    formulas: formulas.length,
    unrendered: formulas
      .filter((el) => el.querySelector(".katex") === null)
      .map((el) => el.textContent.trim().slice(0, 80)),
    // MathML für Screenreader neben dem sichtbaren HTML
    withoutMathml: formulas.filter((el) => el.querySelector("math") === null).length,
    katexErrors: [...document.querySelectorAll(".katex-error")].map((el) =>
      (el.getAttribute("title") || el.textContent).slice(0, 120),
    ),
    katexScript: typeof window.katex !== "undefined",
    katexStylesheet: document.querySelector('link[href$="katex.min.css"]') !== null,
    katexStyled: first !== null
      && getComputedStyle(first.querySelector(".mord") || first).fontFamily
        .includes("KaTeX"),
    katexFont: document.fonts.check("16px KaTeX_Main"),
  };
}"""


def is_local(url: str) -> bool:
    """Bleibt die Anfrage auf diesem Rechner?"""
    parts = urlsplit(url)
    return parts.scheme in LOCAL_SCHEMES or parts.hostname in LOCAL_HOSTS


@dataclass
class PageVisit:
    """Was beim Laden einer Seite beobachtet wurde."""

    path: str
    url: str
    status: int | None = None
    h1: str = ""
    console_errors: list[str] = field(default_factory=list)
    page_errors: list[str] = field(default_factory=list)
    external_requests: list[str] = field(default_factory=list)
    math: dict[str, Any] = field(default_factory=dict)
    is_notebook: bool = False
    ipynb_links: list[str] = field(default_factory=list)
    tooltip_terms: list[str] = field(default_factory=list)
    images: list[dict[str, Any]] = field(default_factory=list)
    axe_violations: list[str] = field(default_factory=list)
    layout_shifts: list[dict[str, Any]] = field(default_factory=list)


def offline_context(browser: Browser, external: list[str]) -> BrowserContext:
    """Neuer Kontext, der jede Anfrage an fremde Rechner protokolliert und abbricht."""
    context = browser.new_context(locale="de-DE", service_workers="block")
    context.set_default_timeout(TIMEOUT_MS)
    context.add_init_script(LAYOUT_SHIFT_INIT_JS)

    def record(kind: str, url: str) -> None:
        entry = f"{kind}: {url}"
        if entry not in external:
            external.append(entry)

    def handle(route: Route) -> None:
        request = route.request
        if is_local(request.url):
            route.continue_()
        else:
            record(request.resource_type, request.url)
            route.abort("blockedbyclient")

    context.route("**/*", handle)
    # Zusätzlich: Anfragen, die an der Route vorbeigehen könnten, und WebSockets.
    context.on(
        "request",
        lambda request: (
            None
            if is_local(request.url)
            else record(request.resource_type, request.url)
        ),
    )
    context.on(
        "page",
        lambda page: page.on(
            "websocket",
            lambda ws: None if is_local(ws.url) else record("websocket", ws.url),
        ),
    )
    return context


def watch_errors(page: Page, visit: PageVisit) -> None:
    """Konsolenfehler und unbehandelte JavaScript-Fehler der Seite sammeln."""

    def on_console(message: ConsoleMessage) -> None:
        if message.type == "error":
            loc = message.location
            where = f"{loc.get('url', '')}:{loc.get('lineNumber', '?')}" if loc else ""
            visit.console_errors.append(f"{message.text} [{where}]")

    page.on("console", on_console)
    page.on("pageerror", lambda error: visit.page_errors.append(str(error)))


def format_problems(problems: dict[str, list[str]]) -> str:
    return "\n".join(
        f"  {path or '/'}:\n" + "\n".join(f"    - {item}" for item in items)
        for path, items in problems.items()
    )


def axe_violations(page: Page) -> list[str]:
    """axe-core (aus dem PyPI-Paket axe-playwright-python) auf der geladenen Seite."""
    results = Axe().run(page)
    return [
        f"{v['id']} ({v['impact']}): {len(v['nodes'])}× – "
        f"{v['nodes'][0]['target']} – {v['help']}"
        for v in results.response["violations"]
    ]


# Grenze für die Summe der Layout-Verschiebungen beim Laden (Lighthouse: CLS ≤ 0,1
# ist „gut“). Gemessen: 0 auf den meisten Seiten; bis 0,028, wo Formeln im ersten
# Bildschirm stehen – KaTeX-Schriften kommen nach dem ersten Bild an und ändern die
# Breite der Zeile (font-display: block). Vorladen würde das beheben, hält in
# Chromium aber das erste Bild an, bis die Schrift da ist (Lighthouse mobil: erstes
# Bild bis 2,3 s statt 0,15 s); das wiegt für Leser schwerer. Springen Blöcke mit
# content-visibility oder Abbildungen ohne Maße, sind es 0,14–0,22.
MAX_LAYOUT_SHIFT = 0.05


def layout_shift_problem(shifts: list[dict[str, Any]]) -> str | None:
    total = sum(shift["value"] for shift in shifts)
    if total <= MAX_LAYOUT_SHIFT:
        return None
    sources = sorted({s for shift in shifts for s in shift["sources"]})
    return (
        f"Layout springt beim Laden (Summe {total:.3f} > {MAX_LAYOUT_SHIFT}): "
        + "; ".join(sources[:4])
    )


def screenshot_path(path: str, variant: str) -> Path:
    """Bildschirmfoto-Datei einer Seite, z. B. grundlagen_tensoren-phone.png."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    name = path.strip("/").replace("/", "_") or "start"
    return SCREENSHOTS / f"{name}-{variant}.png"


# ── Fixtures ────────────────────────────────────────────────────────────


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    """Ein Chromium für alle Tests dieses Moduls."""
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


@pytest.fixture(scope="module")
def page_paths(built_site: Path) -> list[str]:
    """Relative URLs aller gebauten Seiten (Startseite ``""``, sonst ``"a/b/"``)."""
    paths = sorted(
        (html.parent.relative_to(built_site).as_posix() + "/").removeprefix("./")
        for html in built_site.rglob("index.html")
        if html.relative_to(built_site).parts[0] != "assets"
    )
    assert "" in paths, f"Keine Startseite index.html in {built_site} gefunden."
    return paths


@pytest.fixture(scope="module")
def visits(browser: Browser, site_url: str, page_paths: list[str]) -> list[PageVisit]:
    """Jede Seite einmal in einem frischen, vom Netz getrennten Kontext laden."""
    results: list[PageVisit] = []
    for path in page_paths:
        visit = PageVisit(path=path, url=site_url + path)
        context = offline_context(browser, visit.external_requests)
        try:
            page = context.new_page()
            watch_errors(page, visit)
            try:
                response = page.goto(visit.url, wait_until="networkidle")
            except PlaywrightError as error:
                visit.page_errors.append(f"Laden fehlgeschlagen: {error.message}")
                results.append(visit)
                continue
            visit.status = response.status if response else None
            # Verschiebungen beim Laden, bevor wir scrollen (danach zählt es nicht).
            page.wait_for_timeout(300)
            visit.layout_shifts = page.evaluate(LAYOUT_SHIFT_JS)
            headings = page.locator("h1")
            if headings.count():
                visit.h1 = headings.first.inner_text().replace("¶", "").strip()
            visit.math = page.evaluate(MATH_PROBE_JS)
            visit.is_notebook = page.locator(".jupyter-wrapper").count() > 0
            visit.ipynb_links = page.eval_on_selector_all(
                'a[download][href$=".ipynb"]', "links => links.map(a => a.href)"
            )
            visit.tooltip_terms = page.eval_on_selector_all(
                ".md-content abbr[title]", "els => els.map(e => e.textContent.trim())"
            )
            # Abbildungen laden verzögert: wie ein Leser zu jeder hinscrollen.
            page.eval_on_selector_all(".md-content img", REVEAL_IMAGES_JS)
            visit.images = page.eval_on_selector_all(
                ".md-content img",
                """imgs => imgs.map(i => ({src: i.getAttribute("src").slice(0, 80),
                    alt: i.getAttribute("alt") || "", loaded: i.complete,
                    width: i.naturalWidth, lazy: i.loading === "lazy",
                    sized: i.hasAttribute("width") && i.hasAttribute("height")}))""",
            )
            page.evaluate(RENDER_ALL_JS)
            visit.axe_violations = axe_violations(page)
            page.screenshot(path=screenshot_path(path, "desktop"), full_page=True)
        finally:
            context.close()
        results.append(visit)
    return results


@dataclass
class OfflineBrowsing:
    """Ein frischer Offline-Kontext und die darin abgebrochenen fremden Anfragen."""

    context: BrowserContext
    external: list[str]

    def assert_no_external_requests(self) -> None:
        assert not self.external, "Anfragen an fremde Rechner:\n" + "\n".join(
            self.external
        )


@pytest.fixture
def offline(browser: Browser) -> Iterator[OfflineBrowsing]:
    """Frischer Kontext pro Test, vom Netz getrennt (nur localhost)."""
    external: list[str] = []
    context = offline_context(browser, external)
    try:
        yield OfflineBrowsing(context, external)
    finally:
        context.close()


# ── Tests ───────────────────────────────────────────────────────────────


def test_pages_load_without_errors(visits: list[PageVisit]) -> None:
    """Jede Seite: HTTP 200, nicht leere Überschrift, keine JavaScript-Fehler."""
    problems: dict[str, list[str]] = {}
    for visit in visits:
        issues: list[str] = []
        if visit.status != 200:
            issues.append(f"HTTP-Status {visit.status} statt 200")
        if not visit.h1:
            issues.append("keine oder leere <h1>")
        issues += [f"Konsolenfehler: {text}" for text in visit.console_errors]
        issues += [f"JavaScript-Fehler: {text}" for text in visit.page_errors]
        if issues:
            problems[visit.path] = issues
    assert not problems, (
        f"{len(problems)} von {len(visits)} Seiten haben Fehler:\n"
        + format_problems(problems)
    )


def test_nothing_jumps_while_loading(visits: list[PageVisit]) -> None:
    """Beim Laden (Desktop-Breite) verschiebt sich nichts Sichtbares."""
    problems = {
        visit.path or "/": [problem]
        for visit in visits
        if (problem := layout_shift_problem(visit.layout_shifts))
    }
    assert not problems, format_problems(problems)


LONG_PAGE = "vertiefung/backpropagation/"
# So viele Blöcke am Seitenanfang setzt der Browser immer sofort (extra.css).
ALWAYS_RENDERED = 9


def test_long_pages_render_late_blocks_when_scrolled_to(
    offline: OfflineBrowsing, site_url: str
) -> None:
    """Blöcke unterhalb des ersten Bildschirms setzt der Browser erst beim
    Hinscrollen (content-visibility, content.lazy) – dann aber vollständig, samt
    Kopierknopf mit eigenem Namen."""
    page = offline.context.new_page()
    page.set_viewport_size(PHONE)
    page.goto(site_url + LONG_PAGE, wait_until="networkidle")
    visibility = page.eval_on_selector_all(
        ".md-content .md-typeset > :not(script, style, input)",
        "blocks => blocks.map((b) => getComputedStyle(b).contentVisibility)",
    )
    assert visibility[:ALWAYS_RENDERED] == ["visible"] * ALWAYS_RENDERED
    assert len(visibility) > ALWAYS_RENDERED + 20, "Seite kürzer als erwartet"
    assert set(visibility[ALWAYS_RENDERED:]) == {"auto"}

    # Der letzte Codeblock außerhalb zugeklappter Lösungen (<details>)
    index = page.evaluate(
        """() => [...document.querySelectorAll(".md-content pre")]
            .findLastIndex((pre) => !pre.closest("details:not([open])"))"""
    )
    assert index > 20, f"zu wenige Codeblöcke auf {LONG_PAGE}"
    last = page.locator(".md-content pre").nth(index)
    # Vor dem Scrollen: der letzte Codeblock ist noch nicht eingerichtet.
    assert last.locator(".md-code__nav").count() == 0
    last.scroll_into_view_if_needed()
    copy = last.locator(".md-code__nav button[data-md-type='copy']")
    expect(copy).to_be_visible()
    expect(last.locator(".md-code__nav")).to_have_attribute(
        "aria-label", f"Aktionen zu Codeblock {index + 1}"
    )
    expect(last.locator("code")).to_be_visible()
    box = last.bounding_box()
    assert box is not None and box["height"] > 20, box
    offline.assert_no_external_requests()


def test_no_requests_leave_localhost(visits: list[PageVisit]) -> None:
    """Schriften, Skripte, Suche: nichts darf von fremden Servern kommen."""
    problems = {
        visit.path: visit.external_requests
        for visit in visits
        if visit.external_requests
    }
    assert not problems, (
        "Seiten laden Inhalte von fremden Rechnern (im Test abgebrochen):\n"
        + format_problems(problems)
    )


def test_math_is_rendered_with_katex(visits: list[PageVisit]) -> None:
    """Formeln setzt KaTeX schon beim Bau; der Browser braucht nur Stil und Schrift.

    Auf Markdown-Seiten läuft kein KaTeX-Skript (weniger Blockierzeit, kein
    Springen des Texts); Seiten ohne Formeln laden auch den KaTeX-Stil nicht.
    """
    problems: dict[str, list[str]] = {}
    with_math = [v for v in visits if v.math and v.math["formulas"]]
    assert len(with_math) >= 5, "Kaum Seiten mit Formeln gefunden?"
    for visit in visits:
        math = visit.math
        issues: list[str] = []
        if not math:
            issues.append("Seite nicht geladen, KaTeX nicht prüfbar")
        elif not math["formulas"]:
            if math["katexStylesheet"] or math["katexScript"]:
                issues.append("KaTeX geladen, obwohl die Seite keine Formeln hat")
        else:
            if math["katexScript"] and not visit.is_notebook:
                issues.append("KaTeX-Skript geladen, obwohl der Bau schon setzt")
            if not math["katexStyled"]:
                issues.append("Formeln ohne KaTeX-Stil (katex.min.css fehlt?)")
            if not math["katexFont"]:
                issues.append("KaTeX-Schrift nicht geladen")
            if math["withoutMathml"]:
                issues.append(f"{math['withoutMathml']} Formeln ohne MathML")
            issues += [f"Formel nicht gesetzt: {tex}" for tex in math["unrendered"]]
            issues += [f"KaTeX-Fehler: {text}" for text in math["katexErrors"]]
        if issues:
            problems[visit.path] = issues
    assert not problems, "Formelsatz mit KaTeX gestört:\n" + format_problems(problems)


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
    hrefs = results.evaluate_all("links => links.map(a => a.getAttribute('href'))")
    expect(
        lesson.first,
        f"Kein Treffer für „Gewichte“ verweist auf {NOTEBOOK_PAGE}; Treffer: {hrefs}",
    ).to_be_visible(timeout=TIMEOUT_MS)
    offline.assert_no_external_requests()


def test_glossary_terms_have_german_tooltips(
    offline: OfflineBrowsing, site_url: str
) -> None:
    """Glossarbegriffe tragen <abbr title> und zeigen beim Überfahren einen Tooltip."""
    page = offline.context.new_page()
    errors = PageVisit(path=GLOSSARY_PAGE, url=site_url + GLOSSARY_PAGE)
    watch_errors(page, errors)
    page.goto(errors.url, wait_until="networkidle")
    # Titel vorher lesen: mkdocs-material entfernt title beim ersten Überfahren.
    titles: dict[str, str] = page.eval_on_selector_all(
        ".md-content abbr[title]",
        "els => Object.fromEntries(els.map(e => [e.textContent.trim(), e.title]))",
    )
    for term in GLOSSARY_TERMS:
        title = titles.get(term, "")
        assert title.strip(), (
            f"„{term}“ ist auf {GLOSSARY_PAGE} kein <abbr> mit Titel; "
            f"gefunden: {sorted(titles)}"
        )
        assert title.strip() != term and GERMAN_WORDS.search(title), (
            f"Tooltip zu „{term}“ ist keine deutsche Erklärung: {title!r}"
        )

    for term in GLOSSARY_TERMS:
        page.mouse.move(0, 0)
        abbr = page.locator(".md-content abbr").filter(
            has_text=re.compile(rf"^{re.escape(term)}$")
        )
        abbr.first.hover()
        expect(
            abbr.first,
            f"„{term}“: beim Überfahren entsteht kein Tooltip (aria-describedby fehlt)",
        ).to_have_attribute("aria-describedby", re.compile(r"\S"))
        tooltip_id = abbr.first.get_attribute("aria-describedby") or ""
        tooltip = page.locator(f'[id="{tooltip_id}"]')
        expect(tooltip, f"Tooltip zu „{term}“ nicht sichtbar").to_be_visible()
        expect(tooltip, f"Tooltip zu „{term}“ hat die falsche Rolle").to_have_attribute(
            "role", "tooltip"
        )
        expect(
            tooltip, f"Tooltip zu „{term}“ zeigt nicht den Glossartext"
        ).to_have_text(titles[term])

    assert not (errors.console_errors or errors.page_errors), (
        "Fehler beim Überfahren der Begriffe:\n"
        + "\n".join(errors.console_errors + errors.page_errors)
    )
    offline.assert_no_external_requests()


def test_every_lesson_page_has_glossary_tooltips(
    visits: list[PageVisit], offline: OfflineBrowsing, site_url: str
) -> None:
    """Auf jeder Markdown-Seite erklären Tooltips die Glossarbegriffe im Text."""
    lessons = [v for v in visits if not v.is_notebook]
    assert len(lessons) >= 2
    missing = [v.path or "/" for v in lessons if len(set(v.tooltip_terms)) < 3]
    assert not missing, f"Seiten mit weniger als drei Glossar-Tooltips: {missing}"

    # Auf jeder Seite zeigt der erste Begriff beim Überfahren seinen Tooltip.
    for visit in lessons:
        page = offline.context.new_page()
        page.goto(visit.url, wait_until="networkidle")
        # Fest an das Element binden: mkdocs-material entfernt title beim Überfahren,
        # ein Locator auf abbr[title] zeigte danach auf den nächsten Begriff.
        abbr = page.locator(".md-content abbr[title]:visible").first.element_handle()
        abbr.scroll_into_view_if_needed()
        tooltip_id = ""
        for _ in range(10):  # Tooltips werden erst nach dem Laden angebunden
            page.mouse.move(0, 0)
            abbr.hover()
            tooltip_id = abbr.get_attribute("aria-describedby") or ""
            if tooltip_id:
                break
            page.wait_for_timeout(200)
        assert tooltip_id, f"{visit.path or '/'}: kein Tooltip beim Überfahren"
        expect(page.locator(f'[id="{tooltip_id}"]')).to_be_visible()
        page.close()
    offline.assert_no_external_requests()


def test_notebooks_can_be_downloaded(
    visits: list[PageVisit], browser: Browser, built_site: Path
) -> None:
    """Jede Notebook-Seite verlinkt ihr .ipynb, und der Link liefert gültiges JSON."""
    notebooks = [visit for visit in visits if visit.is_notebook]
    assert NOTEBOOK_PAGE in {visit.path for visit in notebooks}, (
        f"{NOTEBOOK_PAGE} fehlt oder ist nicht als Notebook gerendert; "
        f"Notebook-Seiten: {[visit.path for visit in notebooks]}"
    )
    context = browser.new_context()
    problems: dict[str, list[str]] = {}
    try:
        for visit in notebooks:
            issues: list[str] = []
            if not visit.ipynb_links:
                built = sorted(
                    p.name for p in (built_site / visit.path).glob("*.ipynb")
                )
                issues.append(
                    'kein Download-Link (a[download][href$=".ipynb"]) auf der Seite; '
                    f"im gebauten Ordner liegen: {built or 'keine .ipynb'}"
                )
            for link in dict.fromkeys(visit.ipynb_links):
                if not is_local(link):
                    issues.append(f"Download-Link zeigt auf fremden Rechner: {link}")
                    continue
                response = context.request.get(link)
                if response.status != 200:
                    issues.append(
                        f"{link}: HTTP-Status {response.status} statt 200 (der Link "
                        "muss relativ zur Seite sein; page.nb_url von mkdocs-jupyter "
                        "ist absolut und enthält den Pfad aus site_url)"
                    )
                    continue
                try:
                    notebook = json.loads(response.body())
                except ValueError as error:
                    issues.append(f"{link}: kein gültiges JSON ({error})")
                    continue
                if not isinstance(notebook, dict) or not notebook.get("cells"):
                    issues.append(f"{link}: Notebook ohne Zellen")
            if issues:
                problems[visit.path] = issues
    finally:
        context.close()
    assert not problems, "Notebook-Download gestört:\n" + format_problems(problems)


def test_images_are_loaded_and_described_in_german(visits: list[PageVisit]) -> None:
    """Jedes Bild ist geladen und hat einen deutschen Alternativtext."""
    problems: dict[str, list[str]] = {}
    for visit in visits:
        issues = (
            [
                f"{image['src']}…: nicht geladen"
                for image in visit.images
                if not image["loaded"] or not image["width"]
            ]
            + [
                f"{image['src']}…: eingebettet statt als Datei, ohne loading=lazy "
                "oder ohne width/height"
                for image in visit.images
                if image["src"].startswith("data:")
                or not image["lazy"]
                or not image["sized"]
            ]
            + [
                f"{image['src']}…: Alternativtext fehlt oder ist nicht deutsch "
                f"({image['alt']!r})"
                for image in visit.images
                if not (
                    GERMAN_WORDS.search(image["alt"])
                    or re.search("[äöüß]", image["alt"])
                )
            ]
        )
        if issues:
            problems[visit.path or "/"] = issues
    assert sum(len(v.images) for v in visits) >= 4, "Keine Abbildungen gefunden?"
    assert not problems, format_problems(problems)


def test_axe_finds_no_accessibility_violations(
    visits: list[PageVisit], browser: Browser, site_url: str
) -> None:
    """axe-core: keine Verstöße, im hellen und im dunklen Farbschema."""
    problems = {
        f"{v.path or '/'} (hell)": v.axe_violations for v in visits if v.axe_violations
    }
    context = browser.new_context(color_scheme="dark")
    try:
        for visit in visits:
            page = context.new_page()
            page.goto(visit.url, wait_until="networkidle")
            scheme = page.get_attribute("body", "data-md-color-scheme")
            assert scheme == "slate", f"{visit.path}: dunkles Schema nicht aktiv"
            page.evaluate(RENDER_ALL_JS)
            if violations := axe_violations(page):
                problems[f"{visit.path or '/'} (dunkel)"] = violations
            page.close()
    finally:
        context.close()
    assert not problems, format_problems(problems)


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


def test_phone_layout_and_screenshots(
    browser: Browser, site_url: str, visits: list[PageVisit]
) -> None:
    """Bei Telefonbreite scrollt keine Seite seitwärts, und beim Laden springt
    nichts; Fotos beider Breiten."""
    problems: dict[str, list[str]] = {}
    context = browser.new_context(viewport=PHONE, device_scale_factor=2)
    context.add_init_script(LAYOUT_SHIFT_INIT_JS)
    try:
        for visit in visits:
            page = context.new_page()
            page.goto(visit.url, wait_until="networkidle")
            page.wait_for_timeout(300)
            if shift := layout_shift_problem(page.evaluate(LAYOUT_SHIFT_JS)):
                problems[visit.path or "/"] = [shift]
            overflow = page.evaluate(
                "() => document.documentElement.scrollWidth - window.innerWidth"
            )
            if overflow > 1:
                problems.setdefault(visit.path or "/", []).append(
                    f"{overflow} px breiter als der Bildschirm"
                )
            if not page.locator("label.md-header__button[for='__drawer']").is_visible():
                problems.setdefault(visit.path or "/", []).append("kein Menüknopf")
            page.evaluate(RENDER_ALL_JS)
            page.screenshot(path=screenshot_path(visit.path, "phone"), full_page=True)
            page.close()
    finally:
        context.close()
    assert not problems, format_problems(problems)
    shots = sorted(SCREENSHOTS.glob("*.png"))
    assert len(shots) >= 2 * len(visits), f"Bildschirmfotos fehlen in {SCREENSHOTS}"
    print(f"\nBildschirmfotos: {SCREENSHOTS} ({len(shots)} Dateien)")


def test_site_works_from_a_downloaded_folder(
    browser: Browser, offline_site: Path
) -> None:
    """Seite zum Mitnehmen aus dem Ordner (file://): Links, Suche, nichts von außen."""
    external: list[str] = []
    context = browser.new_context()

    def handle(route: Route) -> None:
        url = route.request.url
        if url.startswith(("file:", "data:", "blob:", "about:")):
            route.continue_()
        else:
            external.append(url)
            route.abort()

    context.route("**/*", handle)
    errors = PageVisit(path="file://", url=(offline_site / "index.html").as_uri())
    try:
        page = context.new_page()
        watch_errors(page, errors)
        page.goto(errors.url, wait_until="load")
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
    assert not (errors.console_errors or errors.page_errors), "\n".join(
        errors.console_errors + errors.page_errors
    )
    assert not external, "Anfragen an fremde Rechner:\n" + "\n".join(external)
