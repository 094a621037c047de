"""Befunde des Durchgangs auswerten: je Thema eine Funktion ``Visit → Probleme``.

Die Tests rufen genau eine davon auf; ``all_problems`` entscheidet beim Durchgang,
ob von einer Seite ein Bildschirmfoto nötig ist.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from tests.browser.visits import Visit

NOT_MEASURED = (
    "nicht gemessen: Laden oder eine frühere Sonde scheiterte "
    "(siehe test_pages_load_without_errors)"
)

# Grenze für die Summe der Layout-Verschiebungen beim Laden (Lighthouse: CLS ≤ 0,1
# ist „gut“). Wo Formeln im ersten Bildschirm stehen, kommen die KaTeX-Schriften
# nach dem ersten Bild an und ändern die Breite der Zeile (font-display: block).
# Vorladen würde das beheben, hält in Chromium aber das erste Bild an, bis die
# Schrift da ist; das wiegt für Leser schwerer. Springen Blöcke mit
# content-visibility oder Abbildungen ohne Maße, liegt die Summe deutlich darüber.
MAX_LAYOUT_SHIFT = 0.05

# So viele Blöcke am Seitenanfang setzt der Browser immer sofort (extra.css).
ALWAYS_RENDERED = 9
# Die längste Lektion: Dort müssen späte Blöcke wirklich erst beim Scrollen entstehen.
LONG_PAGE = "vertiefung/backpropagation/"


def loading(visit: Visit) -> list[str]:
    """HTTP 200, keine Konsolen- und JavaScript-Fehler, alle Sonden gelaufen."""
    issues = []
    if visit.status != 200:
        issues.append(f"HTTP-Status {visit.status} statt 200")
    issues += [f"Konsolenfehler: {text}" for text in visit.console_errors]
    issues += [f"JavaScript-Fehler: {text}" for text in visit.page_errors]
    issues += [f"Sonde: {text}" for text in visit.probe_errors]
    return issues


def requests(visit: Visit) -> list[str]:
    """Keine Anfrage verlässt den Rechner (im Test abgebrochen)."""
    return [f"fremde Anfrage: {entry}" for entry in visit.external_requests]


def accessibility(visit: Visit) -> list[str]:
    """axe-core findet keinen Verstoß, im richtigen Farbschema."""
    if visit.axe_violations is None:
        return [NOT_MEASURED]
    issues = []
    if visit.color_scheme != visit.scheme.material:
        issues.append(
            f"Farbschema „{visit.scheme.material}“ nicht aktiv "
            f"(data-md-color-scheme={visit.color_scheme!r})"
        )
    return issues + [f"axe-core: {text}" for text in visit.axe_violations]


def layout_shift(visit: Visit) -> list[str]:
    """Beim Laden verschiebt sich nichts Sichtbares."""
    if visit.layout_shifts is None:
        return [NOT_MEASURED]
    total = sum(shift["value"] for shift in visit.layout_shifts)
    if total <= MAX_LAYOUT_SHIFT:
        return []
    sources = sorted({s for shift in visit.layout_shifts for s in shift["sources"]})
    return [
        f"Layout springt beim Laden (Summe {total:.3f} > {MAX_LAYOUT_SHIFT}): "
        + "; ".join(sources[:4])
    ]


def phone_layout(visit: Visit) -> list[str]:
    """Bei Telefonbreite: nichts scrollt seitwärts, der Menüknopf ist da."""
    if not visit.loads_on_phone:
        return []
    if visit.phone is None:
        return [NOT_MEASURED]
    issues = []
    if visit.phone["overflow"] > 1:
        issues.append(f"{visit.phone['overflow']} px breiter als der Bildschirm")
    if not visit.phone["menuButton"]:
        issues.append("kein Menüknopf")
    return issues


def late_blocks(visit: Visit) -> list[str]:
    """Späte Blöcke (content-visibility, content.lazy) entstehen beim Hinscrollen
    vollständig: der letzte Codeblock samt Kopierknopf mit eigenem Namen."""
    if not visit.loads_on_phone or visit.notebook:
        return []
    late = visit.late_blocks
    if late is None:
        return [NOT_MEASURED]
    issues = []
    visibility = late["visibility"]
    if visibility[:ALWAYS_RENDERED] != ["visible"] * min(
        ALWAYS_RENDERED, len(visibility)
    ):
        issues.append(
            f"die ersten {ALWAYS_RENDERED} Blöcke sind nicht sofort gesetzt: "
            f"{visibility[:ALWAYS_RENDERED]}"
        )
    if set(visibility[ALWAYS_RENDERED:]) - {"auto"}:
        issues.append(
            "Blöcke nach dem neunten ohne content-visibility: auto: "
            f"{sorted(set(visibility[ALWAYS_RENDERED:]))}"
        )
    if visit.path == LONG_PAGE:
        if len(visibility) <= ALWAYS_RENDERED + 20:
            issues.append(f"nur {len(visibility)} Blöcke – Seite kürzer als erwartet")
        if late["index"] <= 20:
            issues.append(f"nur {late['index'] + 1} Codeblöcke vor dem letzten")
        if late.get("setUpBeforeScroll"):
            issues.append("letzter Codeblock schon vor dem Scrollen eingerichtet")
    if late["index"] < 0:
        return issues
    label = f"Aktionen zu Codeblock {late['index'] + 1}"
    if late["ariaLabel"] != label:
        issues.append(
            f"letzter Codeblock: Navigation heißt {late['ariaLabel']!r} statt {label!r}"
        )
    if not late["copyVisible"]:
        issues.append("letzter Codeblock: kein Kopierknopf zu sehen")
    if not late["codeVisible"] or late["height"] <= 20:
        issues.append(
            f"letzter Codeblock nach dem Scrollen nicht gesetzt ({late['height']} px)"
        )
    return issues


def math(visit: Visit) -> list[str]:
    """Formeln (schon beim Bau gesetzt) zeigen Stil und Schrift von KaTeX."""
    if visit.math is None:
        return [NOT_MEASURED]
    if not visit.math["formulas"]:
        return []
    issues = []
    if not visit.math["katexStyled"]:
        issues.append("Formeln ohne KaTeX-Stil (katex.min.css fehlt?)")
    if not visit.math["katexFont"]:
        issues.append("KaTeX-Schrift nicht geladen")
    return issues


def images(visit: Visit) -> list[str]:
    """Jede Abbildung lädt, wenn man zu ihr scrollt (auch in Lösungen, Reitern)."""
    if visit.images is None:
        return [NOT_MEASURED]
    return [
        f"{image['src']}…: nicht geladen"
        for image in visit.images
        if not image["loaded"] or not image["width"]
    ]


def tooltips(visit: Visit) -> list[str]:
    """Glossarbegriffe zeigen beim Überfahren einen Tooltip mit ihrem Titel."""
    if visit.tooltips is None:
        return [NOT_MEASURED]
    issues = []
    hovered = visit.tooltips["hovered"]
    if visit.tooltips["present"] and not hovered:
        issues.append(
            f"{visit.tooltips['present']} Glossarbegriffe, aber keiner sichtbar"
        )
    for entry in hovered:
        term = entry["term"]
        if not entry["tooltip"]:
            issues.append(f"„{term}“: kein Tooltip beim Überfahren")
        elif not entry["visible"]:
            issues.append(f"„{term}“: Tooltip nicht sichtbar")
        elif entry["role"] != "tooltip":
            issues.append(f"„{term}“: Tooltip hat die Rolle {entry['role']!r}")
        elif entry["text"].split() != entry["title"].split():
            issues.append(
                f"„{term}“: Tooltip zeigt {entry['text']!r} statt {entry['title']!r}"
            )
    return issues


CHECKS: tuple[Callable[[Visit], list[str]], ...] = (
    loading,
    requests,
    accessibility,
    layout_shift,
    phone_layout,
    late_blocks,
    math,
    images,
    tooltips,
)


def all_problems(visit: Visit) -> list[str]:
    """Alles, was an der Seite auffällt (entscheidet über ein Bildschirmfoto)."""
    return [issue for check in CHECKS for issue in check(visit)]


def report(visits: Iterable[Visit], check: Callable[[Visit], list[str]]) -> str:
    """Befunde einer Prüfung über alle Besuche, leer wenn alles stimmt."""
    lines = []
    for visit in visits:
        if issues := check(visit):
            lines.append(f"  {visit.label}:")
            lines += [f"    - {issue}" for issue in issues]
            if visit.screenshot:
                lines.append(f"    Bildschirmfoto: {visit.screenshot}")
    return "\n".join(lines)
