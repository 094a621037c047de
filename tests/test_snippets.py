"""Jedes Skript gehört zu einer Seite, die es einbindet.

Jeder Abschnitt läuft als Block seiner Seite (beim Bau oder mit pytest-codeblocks);
dass der Download nur aus solchen Abschnitten besteht, prüft tests/test_reader.py.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from tests.paths import ROOT
from tests.paths import SNIPPETS as SNIPPETS_DIR

SNIPPETS = sorted(SNIPPETS_DIR.rglob("*.py"))
SECTION = re.compile(r"--8<-- \[start:(?P<name>[\w-]+)\]")


def rel(path: Path) -> str:
    return path.relative_to(ROOT).as_posix()


def test_there_are_snippets() -> None:
    assert SNIPPETS, "snippets/ enthält keine Skripte"


@pytest.mark.parametrize("path", SNIPPETS, ids=rel)
def test_snippet_header_names_its_page(path: Path) -> None:
    docstring = ast.get_docstring(ast.parse(path.read_text(encoding="utf-8")))
    assert docstring, f"{rel(path)}: deutscher Docstring als Kopf fehlt"
    match = re.search(r"^Seite: (docs/\S+\.(?:md|ipynb))$", docstring, re.MULTILINE)
    assert match, f"{rel(path)}: Kopfzeile „Seite: docs/….md“ fehlt"
    page = ROOT / match.group(1)
    assert page.exists(), f"{rel(path)}: Seite {match.group(1)} gibt es nicht"
    # Gleicher Dateistamm wie die Seite (CONTRIBUTING.md)
    expected = Path("snippets") / page.relative_to(ROOT / "docs").with_suffix(".py")
    assert Path(rel(path)) == expected


@pytest.mark.parametrize("path", SNIPPETS, ids=rel)
def test_every_section_is_included_on_a_page(path: Path) -> None:
    pages = "\n".join(
        p.read_text(encoding="utf-8") for p in (ROOT / "docs").rglob("*.md")
    )
    for section in SECTION.finditer(path.read_text(encoding="utf-8")):
        include = f'--8<-- "{rel(path)}:{section["name"]}"'
        assert include in pages, f"Abschnitt {section['name']} wird nirgends gezeigt"
