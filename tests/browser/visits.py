"""Ein Durchgang pro Seite und Farbschema: laden, alle Sonden, Befunde sammeln.

Jede Seite wird in jedem Farbschema genau einmal geladen. Dabei laufen alle
Sonden (Fehler, fremde Anfragen, Springen beim Laden, Telefonbreite, späte Blöcke,
Formeln, Abbildungen, axe-core, Tooltips); die Tests werten die Befunde nur aus
(``tests/browser/findings.py``). Die Sonden selbst liegen als ``.js``-Dateien in
``tests/browser/js/``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Browser, BrowserContext, ConsoleMessage, Page, Route
from playwright.sync_api import Error as PlaywrightError

from tests.browser_setup import js
from tests.paths import ARTIFACTS

LOCAL_HOSTS = frozenset({"127.0.0.1", "localhost", "::1"})
# Schemata ohne Netzverkehr
LOCAL_SCHEMES = frozenset({"data", "blob", "about", "chrome-error"})
TIMEOUT_MS = 20_000
DESKTOP = {"width": 1280, "height": 720}
PHONE = {"width": 390, "height": 844}
# Bildschirmfotos nur von Seiten mit Befund: die schaut sich jemand an.
SCREENSHOTS = ARTIFACTS / "screenshots"
# Bildschirmfotos der Seiten zum Ausprobieren (Zeichenfeld, Lernraten-Regler), in
# jedem Lauf neu; kein Befund, deshalb in einem eigenen Ordner.
TRY_IT_SHOTS = SCREENSHOTS / "ausprobieren"
# So viele Glossarbegriffe pro Seite überfahren (der erste allein prüft nicht, dass
# auch der nächste nach dem Wegbewegen der Maus seinen Tooltip bekommt).
TOOLTIPS_PER_PAGE = 3


@dataclass(frozen=True)
class Scheme:
    """Ein Farbschema und die Breite, in der die Seite darin geladen wird."""

    name: str  # in Meldungen und Dateinamen
    media: str  # prefers-color-scheme, das Chromium meldet
    material: str  # data-md-color-scheme, das mkdocs-material daraufhin setzt
    viewport: dict[str, int]
    device: str


# Hell lädt in Desktop-, dunkel in Telefonbreite. So misst derselbe Durchgang das
# Springen beim Laden in beiden Breiten und Überlauf, Menü und späte Blöcke am
# Telefon; axe-core und die übrigen Sonden laufen danach in beiden Schemata in
# Desktopbreite, wo auch Seitennavigation und Inhaltsverzeichnis sichtbar sind und
# auf Kontrast geprüft werden.
LIGHT = Scheme("hell", "light", "default", DESKTOP, "desktop")
DARK = Scheme("dunkel", "dark", "slate", PHONE, "telefon")
SCHEMES = (LIGHT, DARK)


@dataclass
class Visit:
    """Was beim Laden einer Seite in einem Farbschema beobachtet wurde.

    ``None`` heißt: nicht gemessen, weil das Laden oder eine frühere Sonde
    scheiterte (steht dann in ``probe_errors``).
    """

    path: str
    scheme: Scheme
    url: str
    status: int | None = None
    notebook: bool = False
    color_scheme: str | None = None
    console_errors: list[str] = field(default_factory=list)
    page_errors: list[str] = field(default_factory=list)
    probe_errors: list[str] = field(default_factory=list)
    external_requests: list[str] = field(default_factory=list)
    layout_shifts: list[dict[str, Any]] | None = None
    phone: dict[str, Any] | None = None
    late_blocks: dict[str, Any] | None = None
    math: dict[str, Any] | None = None
    images: list[dict[str, Any]] | None = None
    axe_violations: list[str] | None = None
    tooltips: dict[str, Any] | None = None
    screenshot: Path | None = None

    @property
    def label(self) -> str:
        return f"{self.path or '/'} ({self.scheme.name}, {self.scheme.device})"

    @property
    def loads_on_phone(self) -> bool:
        return self.scheme.viewport == PHONE


def is_local(url: str) -> bool:
    """Bleibt die Anfrage auf diesem Rechner?"""
    parts = urlsplit(url)
    return parts.scheme in LOCAL_SCHEMES or parts.hostname in LOCAL_HOSTS


def offline_context(
    browser: Browser, external: list[str], **options: Any
) -> BrowserContext:
    """Neuer Kontext, der jede Anfrage an fremde Rechner protokolliert und abbricht.

    ``options`` gehen an ``browser.new_context`` (Farbschema, Breite …).
    """
    context = browser.new_context(locale="de-DE", service_workers="block", **options)
    context.set_default_timeout(TIMEOUT_MS)
    context.add_init_script(js("layout_shift_init.js"))

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


@dataclass
class OfflineBrowsing:
    """Ein frischer Offline-Kontext und die darin abgebrochenen fremden Anfragen."""

    context: BrowserContext
    external: list[str]

    def assert_no_external_requests(self) -> None:
        assert not self.external, "Anfragen an fremde Rechner:\n" + "\n".join(
            self.external
        )


def watch_errors(page: Page, console_errors: list[str], page_errors: list[str]) -> None:
    """Konsolenfehler und unbehandelte JavaScript-Fehler der Seite sammeln."""

    def on_console(message: ConsoleMessage) -> None:
        if message.type == "error":
            loc = message.location
            where = f"{loc.get('url', '')}:{loc.get('lineNumber', '?')}" if loc else ""
            console_errors.append(f"{message.text} [{where}]")

    page.on("console", on_console)
    page.on("pageerror", lambda error: page_errors.append(str(error)))


_AXE = Axe()


def axe_violations(page: Page) -> list[str]:
    """axe-core (aus dem PyPI-Paket axe-playwright-python) auf der geladenen Seite."""
    results = _AXE.run(page)
    return [
        f"{v['id']} ({v['impact']}): {len(v['nodes'])}× – "
        f"{v['nodes'][0]['target']} – {v['help']}"
        for v in results.response["violations"]
    ]


def hover_tooltips(page: Page) -> dict[str, Any]:
    """Die ersten sichtbaren Glossarbegriffe der Seite überfahren wie mit der Maus.

    Liefert die Zahl der Begriffe auf der Seite und je überfahrenem Begriff den
    Titel (vor dem Überfahren gelesen: mkdocs-material entfernt ``title`` dabei),
    die Kennung des Tooltips, ob er sichtbar ist, seine Rolle und seinen Text.
    """
    present = page.locator(".md-content abbr[title]").count()
    # Fest an die Elemente binden: Ein Locator auf abbr[title] zeigte nach dem
    # Überfahren auf den nächsten Begriff.
    terms = page.locator(".md-content abbr[title]:visible").element_handles()
    results: list[dict[str, Any]] = []
    for abbr in terms[:TOOLTIPS_PER_PAGE]:
        entry: dict[str, Any] = {
            "term": (abbr.text_content() or "").strip(),
            "title": abbr.get_attribute("title") or "",
            "tooltip": "",
        }
        for _ in range(10):  # Tooltips werden erst nach dem Laden angebunden
            page.mouse.move(0, 0)
            abbr.hover()
            entry["tooltip"] = abbr.get_attribute("aria-describedby") or ""
            if entry["tooltip"]:
                break
            page.wait_for_timeout(200)
        if entry["tooltip"]:
            tooltip = page.locator(f'[id="{entry["tooltip"]}"]')
            try:
                tooltip.wait_for(state="visible", timeout=2_000)
                entry["visible"] = True
            except PlaywrightError:
                entry["visible"] = False
            entry["role"] = tooltip.get_attribute("role")
            entry["text"] = tooltip.inner_text().strip()
        results.append(entry)
    page.mouse.move(0, 0)
    return {"present": present, "hovered": results}


class ProbeFailed(Exception):
    """Eine Sonde brach ab; die Meldung nennt sie."""


def probe(page: Page, name: str, selector: str | None = None) -> Any:
    """Sonde ``js/<name>`` ausführen; mit ``selector`` auf alle passenden Elemente."""
    try:
        if selector is None:
            return page.evaluate(js(name))
        return page.eval_on_selector_all(selector, js(name))
    except PlaywrightError as error:
        raise ProbeFailed(f"{name}: {error.message.splitlines()[0]}") from error


def run_probes(page: Page, visit: Visit) -> None:
    """Alle Sonden auf der frisch geladenen Seite, in einer festen Reihenfolge."""
    # Springen beim Laden, bevor irgendetwas scrollt (danach zählt es nicht).
    page.wait_for_timeout(300)
    visit.layout_shifts = probe(page, "layout_shifts.js")
    visit.color_scheme = probe(page, "color_scheme.js")
    visit.notebook = page.locator(".jupyter-wrapper").count() > 0
    if visit.loads_on_phone:
        visit.phone = probe(page, "phone_layout.js")
        # Vor render_all.js: sie prüft, was der Browser erst beim Scrollen setzt.
        visit.late_blocks = probe(page, "late_blocks.js")
        page.set_viewport_size(DESKTOP)
    visit.math = probe(page, "math.js")
    # Abbildungen laden verzögert: wie ein Leser zu jeder hinscrollen.
    probe(page, "reveal_images.js", ".md-content img")
    visit.images = probe(page, "images.js", ".md-content img")
    probe(page, "render_all.js")
    try:
        visit.axe_violations = axe_violations(page)
    except PlaywrightError as error:
        raise ProbeFailed(f"axe-core: {error.message.splitlines()[0]}") from error
    try:
        visit.tooltips = hover_tooltips(page)
    except PlaywrightError as error:
        raise ProbeFailed(f"Tooltips: {error.message.splitlines()[0]}") from error


def screenshot_path(visit: Visit) -> Path:
    """Datei des Bildschirmfotos, z. B. ``grundlagen_tensoren-dunkel-telefon.png``."""
    name = visit.path.strip("/").replace("/", "_") or "start"
    return SCREENSHOTS / f"{name}-{visit.scheme.name}-{visit.scheme.device}.png"


def visit_page(
    browser: Browser,
    site_url: str,
    path: str,
    scheme: Scheme,
    problems: Callable[[Visit], list[str]],
) -> Visit:
    """Eine Seite in einem Farbschema einmal laden und alle Sonden darauf ausführen.

    Meldet ``problems`` für die Seite etwas, hält ein ganzseitiges Bildschirmfoto in
    der Breite fest, in der sie geladen wurde.
    """
    visit = Visit(path=path, scheme=scheme, url=site_url + path)
    context = offline_context(
        browser,
        visit.external_requests,
        color_scheme=scheme.media,
        viewport=scheme.viewport,
    )
    try:
        page = context.new_page()
        watch_errors(page, visit.console_errors, visit.page_errors)
        try:
            response = page.goto(visit.url, wait_until="networkidle")
            visit.status = response.status if response else None
            run_probes(page, visit)
        except ProbeFailed as error:
            visit.probe_errors.append(str(error))
        except PlaywrightError as error:
            visit.probe_errors.append(f"Abgebrochen: {error.message.splitlines()[0]}")
        if problems(visit):
            target = screenshot_path(visit)
            target.parent.mkdir(parents=True, exist_ok=True)
            try:
                page.set_viewport_size(scheme.viewport)
                page.evaluate(js("scroll_top.js"))
                page.screenshot(path=target, full_page=True)
                visit.screenshot = target
            except PlaywrightError as error:
                visit.probe_errors.append(f"Kein Bildschirmfoto: {error.message}")
    finally:
        context.close()
    return visit
