"""Was mehrere Hooks brauchen: Pfade, Adressen, das Wheel dieses Baus.

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

ROOT = Path(__file__).resolve().parents[2]
SNIPPETS = ROOT / "snippets"
#: Ordner der Seite für alles, was Lesende herunterladen
DOWNLOADS = "downloads"
#: Umgebungsvariable für die Seite zum Mitnehmen (Offline-Plugin, .html-Links)
OFFLINE_SITE_ENV = "NNV_OFFLINE_SITE"

#: Adresse des Wheels dieses Baus relativ zur Seite (gesetzt von downloads.py)
wheel: dict[str, str] = {}


def offline_site() -> bool:
    """Baut dieser Lauf die Seite zum Mitnehmen (Offline-Plugin, .html-Links)?"""
    return os.environ.get(OFFLINE_SITE_ENV, "").lower() == "true"


def is_notebook(page: Any) -> bool:
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
