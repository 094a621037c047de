"""Was mehrere Hooks brauchen: Pfade, das Wheel dieses Baus, den HTML-Baum.

Kein Hook (steht nicht unter ``hooks:`` in ``mkdocs.yml``). mkdocs nimmt beim
Laden eines Hooks dessen Ordner in ``sys.path`` auf; so importieren die Hooks
dieses Modul mit ``import _common`` – alle dieselbe Instanz. Zustand, den ein
Hook für einen anderen festhält, steht deshalb hier und nicht in den Hooks
selbst (die mkdocs unter ihrem Pfad lädt).
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from bs4 import BeautifulSoup

ROOT = Path(__file__).resolve().parents[2]
SNIPPETS = ROOT / "snippets"
#: Ordner der Seite für alles, was Lesende herunterladen
DOWNLOADS = "downloads"
#: Umgebungsvariable für die Seite zum Mitnehmen (Offline-Plugin, .html-Links)
OFFLINE_SITE_ENV = "NNV_OFFLINE_SITE"

#: Adresse des Wheels dieses Baus relativ zur Seite (gesetzt von downloads.py)
wheel: dict[str, str] = {}
# Das HTML, das der letzte Hook zurückgab, und sein Baum (siehe page_soup)
_last_page: dict[str, Any] = {}


def page_soup(html: str) -> BeautifulSoup:
    """Der HTML-Baum einer Seite für ``on_page_content``.

    Mehrere Hooks bearbeiten nacheinander dasselbe HTML. Ist ``html`` genau das
    Objekt, das der vorige Hook mit ``page_html`` zurückgab, geht dessen Baum
    weiter, statt dasselbe HTML noch einmal zu zerlegen (das kostet auf langen
    Seiten die meiste Zeit der Hooks).
    """
    if _last_page.get("html") is html:
        return _last_page["soup"]
    return BeautifulSoup(html, "html.parser")


def page_html(soup: BeautifulSoup) -> str:
    """HTML des Baums, als Rückgabe von ``on_page_content`` (merkt sich beides)."""
    html = str(soup)
    _last_page.update(html=html, soup=soup)
    return html


def offline_site() -> bool:
    """Baut dieser Lauf die Seite zum Mitnehmen (Offline-Plugin, .html-Links)?"""
    return os.environ.get(OFFLINE_SITE_ENV, "").lower() == "true"


def is_notebook(page: Any) -> bool:
    """Ist die Seite ein Notebook (mkdocs-jupyter)?"""
    return page.file.src_uri.endswith(".ipynb")


def snippet_for(src_uri: str) -> Path | None:
    """Das Skript einer Lektion (``snippets/<teil>/<seite>.py``) oder ``None``."""
    candidate = SNIPPETS / Path(src_uri).with_suffix(".py")
    return candidate if candidate.is_file() else None


def script_uri(snippet: Path) -> str:
    """Wo das Skript einer Lektion auf der Seite liegt."""
    return f"{DOWNLOADS}/snippets/{snippet.relative_to(SNIPPETS).as_posix()}"


def wheel_url(config: Any) -> str:
    """Adresse, unter der pip das Wheel dieses Baus findet."""
    if offline_site():
        return wheel["uri"]  # relativ zum entpackten Ordner
    return config.site_url.rstrip("/") + "/" + wheel["uri"]
