"""Abbildungen: als eigene Dateien, mit Maßen und deutschem Alternativtext.

- Der Code der Seiten erzeugt seine Abbildungen als eingebettete Daten
  (``data:``-URI); daraus werden Dateien unter ``assets/abbildungen``, benannt
  nach ihrem Inhalt, die erst beim Hinscrollen laden.
- Bilder in Notebook-Ausgaben bekommen den Alternativtext aus den Metadaten
  ihrer Zelle (``"alt"``).
"""

from __future__ import annotations

import base64
import hashlib
import io
import json
import re
from pathlib import Path
from typing import Any
from urllib.parse import unquote_to_bytes

from _common import is_notebook, page_html, page_soup
from bs4 import BeautifulSoup
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import Files
from mkdocs.utils import get_relative_url

FIGURES = "assets/abbildungen"
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


def on_pre_build(config: Any) -> None:
    _figures.clear()


def on_page_content(html: str, page: Any, config: Any, files: Files) -> str:
    if "data:image/" not in html and not is_notebook(page):
        return html  # nichts zu tun: das HTML nicht unnötig zerlegen
    soup = page_soup(html)
    if is_notebook(page):
        describe_notebook_images(soup, page)
    move_figures_to_files(soup, page)
    return page_html(soup)


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


def on_post_build(config: Any) -> None:
    target = Path(config.site_dir) / FIGURES
    target.mkdir(parents=True, exist_ok=True)
    for name, data in _figures.items():
        (target / name).write_bytes(data)
