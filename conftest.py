"""pytest-codeblocks auf die Seite abstimmen.

pytest-codeblocks liest rohes Markdown. Eingebundene Snippets
(``--8<-- "datei.py:abschnitt"``) lösen wir deshalb vorher mit pymdownx.snippets
auf – mit derselben Konfiguration wie in mkdocs.yml –, und aus Fence-Zeilen wie
```` ```python title="…" ```` wird ```` ```python ````, damit auch betitelte
Blöcke ausgeführt werden.
"""

from __future__ import annotations

import io
import os
import re
from functools import cache
from pathlib import Path
from typing import Any

import markdown
import pytest_codeblocks.plugin
import yaml
from pytest_codeblocks.main import CodeBlock, extract_from_buffer

ROOT = Path(__file__).resolve().parent

# Tests laufen immer offline und ohne Bildschirm – auch ohne `make test` und auch,
# wenn nur eine einzelne Seite geprüft wird (pytest docs/….md).
os.environ["MNIST_LIB_OFFLINE"] = "1"
os.environ.setdefault("MPLBACKEND", "Agg")
os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")

# ```python title="x" / ```python hl_lines="2" → ```python
_PYTHON_FENCE_WITH_OPTIONS = re.compile(
    r"^(?P<indent>[ \t]*)(?P<fence>`{3,})python[ \t]+\S.*$"
)


class _MkdocsLoader(yaml.SafeLoader):
    """mkdocs.yml lesen, auch mit Tags wie ``!ENV`` oder ``!!python/name``."""


_MkdocsLoader.add_multi_constructor("", lambda loader, suffix, node: None)


@cache
def snippets_config() -> dict[str, Any]:
    """Die Optionen von pymdownx.snippets aus mkdocs.yml, Pfade absolut gemacht."""
    config = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), _MkdocsLoader)
    for entry in config.get("markdown_extensions", []):
        if isinstance(entry, dict) and "pymdownx.snippets" in entry:
            options = dict(entry["pymdownx.snippets"] or {})
            break
    else:
        raise RuntimeError("mkdocs.yml bindet pymdownx.snippets nicht ein.")
    options["base_path"] = [str(ROOT / p) for p in options.get("base_path", ["."])]
    return options


def expand_snippets(text: str) -> str:
    """Snippet-Einbindungen auflösen, wie mkdocs es beim Bauen tut."""
    md = markdown.Markdown(
        extensions=["pymdownx.snippets"],
        extension_configs={"pymdownx.snippets": snippets_config()},
    )
    return "\n".join(md.preprocessors["snippet"].run(text.split("\n"))) + "\n"


def normalize_fences(text: str) -> str:
    """Optionen hinter ```` ```python ```` entfernen (Titel, Hervorhebungen …)."""
    return "\n".join(
        _PYTHON_FENCE_WITH_OPTIONS.sub(r"\g<indent>\g<fence>python", line)
        for line in text.split("\n")
    )


def extract_blocks(path: str | Path, encoding: str | None = "utf-8") -> list[CodeBlock]:
    """Codeblöcke einer Markdown-Datei so, wie die Seite sie zeigt."""
    text = Path(path).read_text(encoding=encoding)
    return extract_from_buffer(io.StringIO(normalize_fences(expand_snippets(text))))


# pytest-codeblocks holt sich die Blöcke über diesen Namen.
pytest_codeblocks.plugin.extract_from_file = extract_blocks
