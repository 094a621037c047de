"""Feinschliff jeder Seite: Tastatur, Tooltips, Ladezeit.

- Scrollbare Bereiche (Notebook-Code und -Ausgaben, abgesetzte Formeln) sind
  mit der Tastatur erreichbar.
- Jeder Glossarbegriff hat pro Seite nur beim ersten Vorkommen einen Tooltip.
- Alle Skripte der Seite laufen mit ``defer``.
"""

from __future__ import annotations

import re
from typing import Any

from _common import page_html, page_soup
from bs4 import BeautifulSoup
from mkdocs.structure.files import Files

# Bereiche, die bei schmalem Bildschirm seitwärts scrollen können: Notebook-Code,
# Notebook-Ausgaben, abgesetzte Formeln. Codeblöcke aus Markdown macht
# mkdocs-material selbst fokussierbar, sobald sie überlaufen.
SCROLL_AREAS = ".highlight-ipynb, .jp-OutputArea-output pre, div.arithmatex"

# Skripte der Seite selbst: <script src="…js"></script> ohne weitere Attribute
# (mkdocs-material, extra_javascript, iframe-worker-Shim).
LOCAL_SCRIPT = re.compile(
    r'<script src="(?![a-z][a-z0-9+.-]*:|//)([^"]+\.js)"></script>'
)


def on_page_content(html: str, page: Any, config: Any, files: Files) -> str:
    soup = page_soup(html)
    first_tooltip_only(soup)
    make_scroll_areas_focusable(soup)
    return page_html(soup)


def on_post_page(output: str, page: Any, config: Any) -> str:
    return defer_scripts(output)


def make_scroll_areas_focusable(soup: BeautifulSoup) -> None:
    """Scrollbare Bereiche mit der Tastatur erreichbar machen (axe: WCAG 2.1.1).

    Ob ein Bereich überläuft, hängt von der Bildschirmbreite ab; deshalb alle.
    Schon beim Bau statt per Skript: kein Umbau der Seite nach dem Laden.
    """
    for element in soup.select(SCROLL_AREAS):
        if not element.has_attr("tabindex"):
            element["tabindex"] = "0"


def first_tooltip_only(soup: BeautifulSoup) -> None:
    """Jeder Glossarbegriff bekommt pro Seite nur beim ersten Vorkommen einen Tooltip.

    ``includes/abbreviations.md`` markiert jedes Vorkommen. Fünfzig gepunktete
    Unterstreichungen desselben Worts lenken ab, und jeder Tooltip kostet den
    Browser beim Laden Zeit; wer weiterliest, kennt den Begriff schon.
    """
    seen: set[str] = set()
    for abbr in soup.select("abbr[title]"):
        if abbr["title"] in seen:
            abbr.unwrap()
        else:
            seen.add(abbr["title"])


def defer_scripts(html: str) -> str:
    """Skripte erst nach dem Einlesen der Seite ausführen (``defer``).

    Ohne ``defer`` hält jedes Skript den Parser an, und der Browser zeigt den
    Text später.
    ``defer`` behält die Reihenfolge bei: Shim vor mkdocs-material, dann die
    Skripte, die dessen ``document$`` brauchen. Alle laufen vor DOMContentLoaded,
    wo mkdocs-material die Seite einrichtet.
    """
    return LOCAL_SCRIPT.sub(r'<script src="\1" defer></script>', html)
