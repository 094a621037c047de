"""pytest-codeblocks auf die Seite abstimmen.

pytest-codeblocks liest rohes Markdown. Eingebundene Snippets
(``--8<-- "datei.py:abschnitt"``) lösen wir deshalb vorher mit pymdownx.snippets
auf – mit derselben Konfiguration wie in mkdocs.yml –, und aus Fence-Zeilen wie
```` ```python title="…" ```` wird ```` ```python ````, damit auch betitelte
Blöcke ausgeführt werden.

Jeder Block läuft in einem Testlauf genau einmal, bei genau einem Läufer
(``tests/test_site.py::test_every_python_block_runs_exactly_once`` prüft das):

- Blöcke mit ``exec="on"`` führt der strenge Bau aus (markdown-exec, in einer
  Umgebung mit der Bibliothek als Wheel); pytest-codeblocks lässt sie aus.
- Alle übrigen Python-Blöcke führt pytest-codeblocks aus, mit ihrer festgehaltenen
  Ausgabe.
- Bibliotheks-Auszüge (ein Abschnitt aus ``mnist_lib``, Titel = Pfad der Datei)
  zeigen Methoden mitten aus einer Klasse; die Einheitstests der Bibliothek rufen
  genau diese Methoden auf (``tests/test_one_source.py`` prüft das).
"""

from __future__ import annotations

import io
import os
import re
from collections import defaultdict
from functools import cache
from pathlib import Path
from typing import Any

import markdown
import pytest
import pytest_codeblocks.plugin
import yaml
from pytest_codeblocks.main import CodeBlock, extract_from_buffer

# Pfade stehen nur in tests/paths.py; pytest nimmt den Ordner dieser Datei vor dem
# Laden in sys.path auf, der Import klappt also auch bei `pytest docs/….md`.
from tests.paths import ROOT

# Tests laufen immer offline und ohne Bildschirm – auch ohne `make test` und auch,
# wenn nur eine einzelne Seite geprüft wird (pytest docs/….md).
os.environ["MNIST_LIB_OFFLINE"] = "1"
os.environ.setdefault("MPLBACKEND", "Agg")
os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")

# ```python title="x" / ```python hl_lines="2" → ```python
_PYTHON_FENCE_WITH_OPTIONS = re.compile(
    r"^(?P<indent>[ \t]*)(?P<fence>`{3,})python[ \t]+\S.*$"
)

_PYTHON_FENCE = re.compile(r"^(?P<indent>[ \t]*)(?P<fence>`{3,})python(?P<info>.*)$")
_BUILD_EXEC = re.compile(r'\bexec="(?:on|1|true|yes)"')

#: Ein Bibliotheks-Auszug: genau ein Abschnitt aus mnist_lib, der Pfad ist der Titel
LIBRARY_EXCERPT = re.compile(
    r"^(?P<indent>[ \t]*)(?P<fence>`{3,})python "
    r'title="(?P<path>mnist_lib/[\w/]+\.py)"\n'
    r'(?P=indent)--8<-- "(?P=path):(?P<name>[\w-]+)"\n'
    r"(?P=indent)(?P=fence)[ \t]*$",
    re.MULTILINE,
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


def without_library_excerpts(text: str) -> str:
    """Die Bibliotheks-Auszüge entfernen – nur sie, alle anderen Blöcke bleiben."""
    return LIBRARY_EXCERPT.sub("", text)


def is_build_block(info: str) -> bool:
    """Führt der Bau diesen Block aus (markdown-exec, ``exec="on"``)?"""
    return _BUILD_EXEC.search(info) is not None


def without_build_blocks(text: str) -> str:
    """Die Python-Blöcke entfernen, die der Bau ausführt – nur sie."""
    kept: list[str] = []
    closing: re.Pattern[str] | None = None
    for line in text.split("\n"):
        if closing is not None:
            if closing.match(line):
                closing = None
            continue
        fence = _PYTHON_FENCE.match(line)
        if fence and is_build_block(fence["info"]):
            # Ein <!--pytest-codeblocks:cont--> davor gilt diesem Block, nicht dem
            # nächsten, den pytest ausführt.
            while kept and not kept[-1].strip():
                kept.pop()
            if kept and kept[-1].strip() == "<!--pytest-codeblocks:cont-->":
                kept.pop()
            indent, ticks = re.escape(fence["indent"]), re.escape(fence["fence"])
            closing = re.compile(rf"^{indent}{ticks}[ \t]*$")
            continue
        kept.append(line)
    return "\n".join(kept)


def extract_blocks(path: str | Path, encoding: str | None = "utf-8") -> list[CodeBlock]:
    """Die Blöcke einer Seite, die pytest-codeblocks ausführt.

    Ohne Bibliotheks-Auszüge und ohne die Blöcke, die schon der Bau ausführt.
    """
    text = Path(path).read_text(encoding=encoding)
    text = without_build_blocks(without_library_excerpts(text))
    return extract_from_buffer(io.StringIO(normalize_fences(expand_snippets(text))))


# pytest-codeblocks holt sich die Blöcke über diesen Namen.
pytest_codeblocks.plugin.extract_from_file = extract_blocks


# Laufzeit je Teil der Tests, am Ende ausgegeben (damit CI-Protokolle zeigen,
# welcher Teil langsamer wird). Der Bau zählt für sich.
_phase_seconds: defaultdict[str, float] = defaultdict(float)
PHASES = [
    ("tests/browser/", "Browser (Chromium, ein Durchgang pro Seite und Schema)"),
    ("tests/test_reader.py", "Lesetest (Downloads in frischer Umgebung)"),
    ("docs/", "Codeblöcke der Seiten (pytest-codeblocks)"),
    ("tests/test_site.py", "gebaute Seite (HTML)"),
    ("tests/test_exec_cache.py", "Ausführungs-Cache (kleine Baus)"),
    ("tests/test_hooks.py", "Hooks des Baus (Adapter für fremde Interna)"),
    ("tests/", "Bibliothek und übrige Einheitstests"),
]


def phase_of(nodeid: str) -> str:
    found = (name for prefix, name in PHASES if nodeid.startswith(prefix))
    return next(found, "Tests außerhalb von tests/ und docs/")


BUILD_PHASE = "Bau der Seite (mkdocs, im Hintergrund, mit Seite zum Mitnehmen)"
WAIT_PHASE = "davon auf den Bau gewartet"
_build_in_setup = [0.0]  # Wartezeit auf den Bau im Setup des laufenden Tests


def pytest_runtest_logreport(report: pytest.TestReport) -> None:
    duration = report.duration
    if report.when == "setup" and _build_in_setup[0]:
        duration -= _build_in_setup[0]
        _build_in_setup[0] = 0.0
    _phase_seconds[phase_of(report.nodeid)] += max(duration, 0.0)


_build_notes: list[str] = []  # Zeilen aus dem Protokoll des Baus, am Ende gezeigt


def record_build(seconds: float, waited: float, log: str = "") -> None:
    """Der Bau ist ein eigener Posten; das Warten auf ihn zählt nicht zum Test."""
    _build_in_setup[0] = waited
    _build_notes.extend(re.findall(r"Bauzeit je Seite.*", log))
    _phase_seconds[BUILD_PHASE] += seconds
    _phase_seconds[WAIT_PHASE] += waited


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    if _phase_seconds:
        terminalreporter.section("Laufzeit je Teil")
        for name, seconds in sorted(_phase_seconds.items(), key=lambda i: -i[1]):
            terminalreporter.write_line(f"{name:55} {seconds:7.1f} s")
        for note in _build_notes:
            terminalreporter.write_line(note)
