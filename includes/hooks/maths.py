"""Formeln mit KaTeX schon beim Bau setzen (über das PyPI-Paket ``quickjs``).

Im Browser muss dann kein Skript mehr rechnen: weniger Blockierzeit beim Laden,
und der Text springt nicht, wenn die Formeln gesetzt werden. Seiten mit Formeln
binden nur Stil und Schriften von KaTeX ein (``page.meta["katex_css"]``,
``includes/overrides/main.html``).

Notebook-Text setzt mkdocs-jupyter ohne pymdownx.arithmatex um; Formeln dort
würden nicht gesetzt. Der Bau scheitert deshalb mit einer Meldung, statt sie
als rohes TeX auszuliefern.
"""

from __future__ import annotations

import functools
import re
from typing import Any

from _common import ROOT, is_notebook, page_html, page_soup
from bs4 import BeautifulSoup
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import Files

KATEX_DIR = ROOT / "docs" / "assets" / "vendor" / "katex"
# $…$, \(…\), \[…\] im Notebook-Text
NOTEBOOK_MATH = re.compile(r"\$[^$\s][^$]*\$|\\\(|\\\[")


def on_page_content(html: str, page: Any, config: Any, files: Files) -> str:
    page.meta["katex_css"] = False
    if "arithmatex" not in html and not is_notebook(page):
        return html  # keine Formeln: das HTML nicht unnötig zerlegen
    soup = page_soup(html)
    if is_notebook(page):
        reject_notebook_math(soup, page)
    page.meta["katex_css"] = render_math(soup, page) > 0
    return page_html(soup)


@functools.cache
def _katex() -> Any:
    """KaTeX (das mitgelieferte katex.min.js) in QuickJS, einmal pro Bau geladen."""
    import quickjs

    context = quickjs.Context()
    context.eval((KATEX_DIR / "katex.min.js").read_text(encoding="utf-8"))
    return context.eval(
        "(tex, display) => katex.renderToString(tex, "
        "{displayMode: display, throwOnError: true})"
    )


@functools.cache
def katex_html(tex: str, display: bool) -> str:
    """Eine Formel als HTML (mit MathML für Screenreader), wie KaTeX im Browser."""
    return _katex()(tex, display)


def render_math(soup: BeautifulSoup, page: Any) -> int:
    """Formeln von pymdownx.arithmatex (``\\(…\\)``, ``\\[…\\]``) mit KaTeX setzen."""
    count = 0
    for element in soup.select(".arithmatex"):
        text = element.get_text().strip()
        display = element.name == "div"
        opening, closing = (r"\[", r"\]") if display else (r"\(", r"\)")
        if not (text.startswith(opening) and text.endswith(closing)):
            raise PluginError(
                f"{page.file.src_uri}: Formel ohne erwartete Klammern: {text[:60]}"
            )
        tex = text[len(opening) : -len(closing)].strip()
        try:
            html = katex_html(tex, display)
        except Exception as error:  # quickjs.JSException: Syntaxfehler in TeX
            raise PluginError(
                f"{page.file.src_uri}: KaTeX kann die Formel {tex[:80]!r} nicht "
                f"setzen: {str(error).splitlines()[0]}"
            ) from error
        element.clear()
        element.append(BeautifulSoup(html, "html.parser"))
        count += 1
    return count


def reject_notebook_math(soup: BeautifulSoup, page: Any) -> None:
    """Formeln im Notebook-Text lassen den Bau scheitern (Code zählt nicht)."""
    for cell in soup.select(".jp-MarkdownCell"):
        text = "".join(
            piece
            for piece in cell.find_all(string=True)
            if piece.find_parent(["code", "pre"]) is None
        )
        if match := NOTEBOOK_MATH.search(text):
            raise PluginError(
                f"{page.file.src_uri}: Formel im Notebook-Text ({match.group()[:40]}). "
                "Formeln setzt der Bau nur auf Markdown-Seiten – schreib sie dort "
                "(\\(…\\) oder \\[…\\]) und verlinke die Stelle aus dem Notebook."
            )
