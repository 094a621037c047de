"""mkdocs-Hooks der Seite.

- Umgebung für die Ausführung der Notebooks beim Bauen (die Kernel erben sie),
- „Getestet mit“: Versionen und Datum des Baus, der den Code ausgeführt hat,
- Alternativtexte für die Abbildungen der Notebooks (aus den Zell-Metadaten „alt“),
- Abbildungen als eigene Dateien statt eingebetteter Daten (kleineres HTML,
  verzögertes Laden), Formeln mit KaTeX schon beim Bau.
"""

from __future__ import annotations

import atexit
import base64
import datetime as dt
import functools
import hashlib
import io
import json
import os
import platform
import posixpath
import re
import shutil
import tempfile
from importlib.metadata import version
from pathlib import Path
from typing import Any
from urllib.parse import unquote_to_bytes

from bs4 import BeautifulSoup
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import Files
from mkdocs.utils import get_relative_url

KERNEL_CONFIG = """\
# Ausgaben von C-Bibliotheken (TensorFlows Start-Meldungen über CUDA, oneDNN …)
# nicht in die Notebook-Ausgaben übernehmen; sie landen in der Konsole von mkdocs.
c.IPKernelApp.capture_fd_output = False
"""

ROOT = Path(__file__).resolve().parent.parent
FIGURES = "assets/abbildungen"
KATEX_DIR = ROOT / "docs" / "assets" / "vendor" / "katex"
DATA_URI = re.compile(r"data:image/(png|svg\+xml|jpeg|webp|gif)(;base64)?,(.*)", re.S)
EXTENSIONS = {
    "png": "png",
    "svg+xml": "svg",
    "jpeg": "jpg",
    "webp": "webp",
    "gif": "gif",
}

# Abbildungen dieses Baus: Dateiname → Inhalt (geschrieben in on_post_build)
_figures: dict[str, bytes] = {}


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


def on_pre_build(config: Any) -> None:
    _figures.clear()


def on_page_content(html: str, page: Any, config: Any, files: Files) -> str:
    soup = BeautifulSoup(html, "html.parser")
    if page.file.src_uri.endswith(".ipynb"):
        describe_notebook_images(soup, page)
        link_notebook_pages(soup, page, files)
    move_figures_to_files(soup, page)
    first_tooltip_only(soup)
    make_scroll_areas_focusable(soup)
    # Formeln setzt KaTeX schon beim Bau; die Seite braucht dann nur Stil und
    # Schriften.
    page.meta["katex_css"] = render_math(soup, page) > 0
    return str(soup)


def link_notebook_pages(soup: BeautifulSoup, page: Any, files: Files) -> None:
    """Links aus Notebook-Text auf ``.md``-Seiten in Adressen der Seite umschreiben.

    mkdocs-jupyter übernimmt Markdown-Links unverändert; ``../a/b.md#x`` führte
    auf der Seite ins Leere. Unbekannte Ziele lassen den Bau scheitern, wie es
    ``mkdocs build --strict`` bei Markdown-Seiten tut.
    """
    base = posixpath.dirname(page.file.src_uri)
    for link in soup.select("a[href]"):
        href = link["href"]
        target, _, anchor = href.partition("#")
        if "://" in target or not target.endswith(".md"):
            continue
        src = posixpath.normpath(posixpath.join(base, target))
        file = files.get_file_from_path(src)
        if file is None:
            raise PluginError(
                f"{page.file.src_uri}: Der Link {href} zeigt auf keine Seite ({src})."
            )
        url = get_relative_url(file.url, page.url or ".")
        link["href"] = f"{url}#{anchor}" if anchor else url


def describe_notebook_images(soup: BeautifulSoup, page: Any) -> None:
    """Bilder in Notebook-Ausgaben bekommen den Alternativtext ihrer Zelle.

    nbconvert schreibt sonst „No description has been provided for this image“.
    Jede Code-Zelle, die ein Bild zeigt, braucht in ihren Metadaten ``"alt"``
    (ein Text oder eine Liste mit einem Text pro Bild) – sonst scheitert der Bau.
    """
    notebook = json.loads(Path(page.file.abs_src_path).read_text(encoding="utf-8"))
    code_cells = [c for c in notebook["cells"] if c["cell_type"] == "code"]
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
    """Formeln von pymdownx.arithmatex (``\\(…\\)``, ``\\[…\\]``) mit KaTeX setzen.

    Im Browser muss dann kein Skript mehr rechnen: weniger Blockierzeit beim
    Laden, und der Text springt nicht, wenn die Formeln gesetzt werden.
    """
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


# Bereiche, die bei schmalem Bildschirm seitwärts scrollen können: Notebook-Code,
# Notebook-Ausgaben, abgesetzte Formeln. Codeblöcke aus Markdown macht
# mkdocs-material selbst fokussierbar, sobald sie überlaufen.
SCROLL_AREAS = ".highlight-ipynb, .jp-OutputArea-output pre, div.arithmatex"


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


def image_size(kind: str, data: bytes) -> tuple[int, int] | None:
    """Breite und Höhe in CSS-Pixeln (gegen Layout-Sprünge beim Nachladen)."""
    if kind == "svg+xml":
        head = data[:2000].decode("utf-8", "replace")
        width = re.search(r'<svg[^>]*\swidth="([\d.]+)(pt|px)?"', head)
        height = re.search(r'<svg[^>]*\sheight="([\d.]+)(pt|px)?"', head)
        if not (width and height):
            return None
        scale = 4 / 3 if width.group(2) == "pt" else 1  # 1 pt = 4/3 px
        return round(float(width.group(1)) * scale), round(
            float(height.group(1)) * scale
        )
    from PIL import Image

    with Image.open(io.BytesIO(data)) as image:
        return image.size


def smaller_png(data: bytes) -> bytes:
    """PNG mit höchstens 256 Farben neu speichern, wenn das kleiner ist (wie pngquant).

    Diagramme haben wenige Farben; eine 3D-Fläche schrumpft so etwa auf ein
    Fünftel, ohne sichtbaren Unterschied. Bilder mit echter Transparenz bleiben.
    """
    from PIL import Image

    with Image.open(io.BytesIO(data)) as image:
        if image.mode == "RGBA" and image.getchannel("A").getextrema() != (255, 255):
            return data
        if image.mode not in {"RGB", "RGBA"}:
            return data
        reduced = image.convert("RGB").quantize(
            colors=256, method=Image.Quantize.FASTOCTREE, dither=Image.Dither.NONE
        )
        buffer = io.BytesIO()
        reduced.save(buffer, format="PNG", optimize=True)
    return buffer.getvalue() if buffer.tell() < len(data) else data


def move_figures_to_files(soup: BeautifulSoup, page: Any) -> None:
    """Eingebettete Bilder (``data:``-URIs) als Dateien unter ``assets/abbildungen``.

    Der Code der Seite erzeugt seine Abbildungen als ``data:``-URI (so ist jeder
    Codeblock für sich lauffähig). Auf der Seite werden daraus eigene Dateien,
    benannt nach ihrem Inhalt: Das HTML bleibt klein und der Text erscheint
    sofort, Bilder laden erst, wenn man zu ihnen scrollt (``loading="lazy"``).
    """
    for image in soup.select("img[src^='data:image/']"):
        match = DATA_URI.fullmatch(image["src"])
        if match is None:
            raise PluginError(
                f"{page.file.src_uri}: unbekanntes eingebettetes Bild "
                f"{image['src'][:40]}…"
            )
        kind, is_base64, payload = match.groups()
        data = base64.b64decode(payload) if is_base64 else unquote_to_bytes(payload)
        if kind == "png":
            data = smaller_png(data)
        name = f"{hashlib.sha256(data).hexdigest()[:16]}.{EXTENSIONS[kind]}"
        _figures[name] = data
        image["src"] = get_relative_url(f"{FIGURES}/{name}", page.url or ".")
        image["loading"] = "lazy"
        image["decoding"] = "async"
        size = image_size(kind, data)
        if size is not None and not image.get("width"):
            image["width"], image["height"] = (str(v) for v in size)


# Skripte der Seite selbst: <script src="…js"></script> ohne weitere Attribute
# (mkdocs-material, extra_javascript, iframe-worker-Shim).
LOCAL_SCRIPT = re.compile(
    r'<script src="(?![a-z][a-z0-9+.-]*:|//)([^"]+\.js)"></script>'
)


def defer_scripts(html: str) -> str:
    """Skripte erst nach dem Einlesen der Seite ausführen (``defer``).

    Ohne ``defer`` hält jedes Skript den Parser an; der Browser zeigt den Text
    dann später (Lighthouse mobil, Backpropagation: erstes Bild 2,0 → 1,5 s).
    ``defer`` behält die Reihenfolge bei: Shim vor mkdocs-material, dann die
    Skripte, die dessen ``document$`` brauchen. Alle laufen vor DOMContentLoaded,
    wo mkdocs-material die Seite einrichtet.
    """
    return LOCAL_SCRIPT.sub(r'<script src="\1" defer></script>', html)


def on_post_page(output: str, page: Any, config: Any) -> str:
    return defer_scripts(output)


def on_post_build(config: Any) -> None:
    target = Path(config.site_dir) / FIGURES
    target.mkdir(parents=True, exist_ok=True)
    for name, data in _figures.items():
        (target / name).write_bytes(data)
