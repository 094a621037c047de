"""mkdocs-Hooks der Seite.

- Umgebung für die Ausführung der Notebooks beim Bauen (die Kernel erben sie),
- „Getestet mit“: Versionen und Datum des Baus, der den Code ausgeführt hat,
- Snippet-Dateien jeder Lektion zum Herunterladen,
- Alternativtexte für die Abbildungen der Notebooks (aus den Zell-Metadaten „alt“).
"""

from __future__ import annotations

import atexit
import datetime as dt
import json
import os
import platform
import shutil
import tempfile
from importlib.metadata import version
from pathlib import Path
from typing import Any

from bs4 import BeautifulSoup
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files

KERNEL_CONFIG = """\
# Ausgaben von C-Bibliotheken (TensorFlows Start-Meldungen über CUDA, oneDNN …)
# nicht in die Notebook-Ausgaben übernehmen; sie landen in der Konsole von mkdocs.
c.IPKernelApp.capture_fd_output = False
"""

ROOT = Path(__file__).resolve().parent.parent
SNIPPETS = ROOT / "snippets"
DOWNLOADS = "downloads/snippets"


def on_startup(command: str, dirty: bool) -> None:
    # TensorFlow-Meldungen auf Fehler begrenzen. (MPLBACKEND bleibt ungesetzt:
    # im Kernel braucht Matplotlib sein Inline-Backend, sonst fehlen die Bilder.)
    os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")
    # Eigenes IPython-Verzeichnis nur für diesen Bau, damit die Einstellung oben
    # keine persönliche Jupyter-Konfiguration berührt.
    ipython_dir = Path(tempfile.mkdtemp(prefix="nnv-ipython-"))
    profile = ipython_dir / "profile_default"
    profile.mkdir()
    (profile / "ipython_kernel_config.py").write_text(KERNEL_CONFIG, encoding="utf-8")
    os.environ["IPYTHONDIR"] = str(ipython_dir)
    atexit.register(shutil.rmtree, ipython_dir, ignore_errors=True)


def tested_with() -> dict[str, str]:
    """Versionen, mit denen der Code dieses Baus lief, und das Datum des Baus."""
    return {
        "python": platform.python_version(),
        "tensorflow": version("tensorflow"),
        "keras": version("keras"),
        "numpy": version("numpy"),
        "date": dt.datetime.now(dt.UTC).strftime("%d.%m.%Y"),
    }


def on_config(config: Any) -> Any:
    config.extra["tested_with"] = tested_with()
    return config


def snippet_for(src_uri: str) -> Path | None:
    """Die Snippet-Datei einer Seite: gleicher Pfad, Endung .py."""
    candidate = SNIPPETS / Path(src_uri).with_suffix(".py")
    return candidate if candidate.is_file() else None


def on_files(files: Files, config: Any) -> Files:
    # Jede Snippet-Datei, die zu einer Seite gehört, liegt der Seite zum Download bei.
    for file in list(files.documentation_pages()):
        snippet = snippet_for(file.src_uri)
        if snippet is not None:
            uri = f"{DOWNLOADS}/{snippet.relative_to(SNIPPETS).as_posix()}"
            files.append(File.generated(config, uri, abs_src_path=str(snippet)))
    return files


def on_page_markdown(markdown: str, page: Any, config: Any, files: Files) -> str:
    snippet = snippet_for(page.file.src_uri)
    if snippet is not None:
        page.meta["snippet_download"] = (
            f"{DOWNLOADS}/{snippet.relative_to(SNIPPETS).as_posix()}"
        )
    return markdown


def on_page_content(html: str, page: Any, config: Any, files: Files) -> str:
    """Bilder in Notebook-Ausgaben bekommen den Alternativtext ihrer Zelle.

    nbconvert schreibt sonst „No description has been provided for this image“.
    Jede Code-Zelle, die ein Bild zeigt, braucht in ihren Metadaten ``"alt"``
    (ein Text oder eine Liste mit einem Text pro Bild) – sonst scheitert der Bau.
    """
    if not page.file.src_uri.endswith(".ipynb"):
        return html
    notebook = json.loads(Path(page.file.abs_src_path).read_text(encoding="utf-8"))
    code_cells = [c for c in notebook["cells"] if c["cell_type"] == "code"]
    soup = BeautifulSoup(html, "html.parser")
    divs = [
        div
        for div in soup.select("div.jp-CodeCell")
        if div.find_parent("div", class_="jp-CodeCell") is None
    ]
    if len(divs) != len(code_cells):
        raise PluginError(
            f"{page.file.src_uri}: {len(code_cells)} Code-Zellen, aber {len(divs)} "
            "im HTML – Alternativtexte lassen sich nicht zuordnen."
        )
    for number, (cell, div) in enumerate(zip(code_cells, divs, strict=True), 1):
        images = div.select(".jp-OutputArea img")
        if not images:
            continue
        alt = cell.get("metadata", {}).get("alt")
        alts = alt if isinstance(alt, list) else [alt] * len(images)
        if not all(alts) or len(alts) != len(images):
            raise PluginError(
                f"{page.file.src_uri}, Code-Zelle {number}: {len(images)} Bild(er), "
                f'aber kein passender Alternativtext in den Zell-Metadaten ("alt").'
            )
        for image, text in zip(images, alts, strict=True):
            image["alt"] = text
    return str(soup)
