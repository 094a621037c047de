"""Skripte und Notebook zum Herunterladen.

- Das Skript einer Lektion (``snippets/<teil>/<seite>.py``) liegt ohne
  Abschnittsmarken und ohne die Zeilen, die nur beim Bauen gebraucht werden
  (``# markdown-exec: hide``), unter ``downloads/snippets/``; die Seite
  verlinkt es (Knopf „Skript herunterladen“, ``page.meta["snippet_download"]``).
- Im Notebook zum Herunterladen zeigt die Installationszelle auf das Wheel
  dieses Baus (im Repository, für Colab, auf ``git+``).
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

from _common import script_uri, snippet_for, wheel_url
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files

INSTALL_TAG = "installieren"  # Zell-Tag der Installationszelle im Notebook
PIP_TARGET = re.compile(r'^(\s*%pip install --quiet )"[^"]+"', re.MULTILINE)
BUILD_ONLY = re.compile(
    r"markdown-exec: hide|^\s*# --8<-- \[(?:start|end):[\w-]+\]\s*$"
)


def download_script(snippet: Path) -> str:
    """Das Skript, wie Lesende es bekommen: ohne Bau-Zeilen und Abschnittsmarken."""
    lines = [
        line
        for line in snippet.read_text(encoding="utf-8").split("\n")
        if not BUILD_ONLY.search(line)
    ]
    text = "\n".join(lines)
    return re.sub(r"\n{3,}", "\n\n\n", text).strip() + "\n"


def on_files(files: Files, config: Any) -> Files:
    for file in list(files.documentation_pages()):
        snippet = snippet_for(file.src_uri)
        if snippet is not None:
            files.append(
                File.generated(
                    config, script_uri(snippet), content=download_script(snippet)
                )
            )
    return files


def on_page_markdown(markdown: str, page: Any, config: Any, files: Files) -> str:
    snippet = snippet_for(page.file.src_uri)
    if snippet is not None:
        page.meta["snippet_download"] = script_uri(snippet)
    return markdown


def rewrite_notebook(path: Path, config: Any) -> None:
    """Im ausgelieferten Notebook zeigt die Installationszelle auf dieses Wheel."""
    notebook = json.loads(path.read_text(encoding="utf-8"))
    cells = [
        c
        for c in notebook["cells"]
        if INSTALL_TAG in c.get("metadata", {}).get("tags", [])
    ]
    if len(cells) != 1:
        raise PluginError(
            f"{path.name}: Das Notebook braucht genau eine Zelle mit dem Tag "
            f"„{INSTALL_TAG}“ (gefunden: {len(cells)})."
        )
    # Nur die Adresse im %pip-Befehl: Das Repository-Notebook (Colab) installiert
    # aus git, das ausgelieferte aus dem Wheel dieses Baus.
    source = "".join(cells[0]["source"])
    new, count = PIP_TARGET.subn(rf'\1"{wheel_url(config)}"', source)
    if count != 1:
        raise PluginError(
            f"{path.name}: Die Installationszelle braucht genau eine Zeile "
            '%pip install --quiet "…".'
        )
    cells[0]["source"] = new.splitlines(keepends=True)
    path.write_text(
        json.dumps(notebook, ensure_ascii=False, indent=1) + "\n", encoding="utf-8"
    )


def on_post_build(config: Any) -> None:
    for notebook in Path(config.site_dir).rglob("*.ipynb"):
        rewrite_notebook(notebook, config)
