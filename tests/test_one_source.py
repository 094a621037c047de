"""Eine Quelle pro Seite: Aller Python-Code einer Seite steht in ihrem Skript.

Das Skript ``snippets/<teil>/<seite>.py`` ist der Download der Seite. Jeder
Python-Block der Seite bindet genau einen Abschnitt daraus ein, und zwar in der
Reihenfolge des Skripts – so läuft der Download von oben nach unten wie die Seite.
Ein Block, der allein nicht läuft, sagt sichtbar, welchen er fortsetzt.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.paths import DOCS, ROOT, SNIPPETS

PAGES = sorted(DOCS.rglob("*.md"))
FENCE_OPEN = re.compile(r"^(?P<indent>[ \t]*)(?P<fence>`{3,})(?P<info>.*)$")
INCLUDE = re.compile(r'^--8<-- "(?P<file>snippets/[^":]+\.py):(?P<name>[\w-]+)"$')
SECTION = re.compile(r"# --8<-- \[start:(?P<name>[\w-]+)\]")
CONTINUES = re.compile(r'title="Fortsetzung (?:des vorigen Blocks|des Blocks unter „)')


def rel(path: Path) -> str:
    return path.relative_to(ROOT).as_posix()


def python_fences(markdown: str) -> list[tuple[str, list[str], bool]]:
    """(Info, Zeilen, fortgesetzt?) jeder Python-Fence der rohen Seite."""
    lines = markdown.split("\n")
    found = []
    i = 0
    while i < len(lines):
        match = FENCE_OPEN.match(lines[i])
        if match and match["info"].strip():
            info = match["info"].strip()
            fence = match["fence"]
            body = []
            j = i + 1
            while not re.match(rf"^[ \t]*{fence}[ \t]*$", lines[j]):
                body.append(lines[j].strip())
                j += 1
            language = info.split()[0].lstrip("{.")
            if language in {"python", "py"}:
                before = [line.strip() for line in lines[max(0, i - 3) : i]]
                cont = "<!--pytest-codeblocks:cont-->" in before
                found.append((info, [b for b in body if b], cont))
            i = j
        i += 1
    return found


def snippet_for(page: Path) -> Path:
    return SNIPPETS / page.relative_to(DOCS).with_suffix(".py")


@pytest.mark.parametrize("page", PAGES, ids=rel)
def test_page_code_comes_from_its_script_in_order(page: Path) -> None:
    fences = python_fences(page.read_text(encoding="utf-8"))
    if not fences:
        return
    script = snippet_for(page)
    assert script.exists(), f"{rel(page)} zeigt Code, aber {rel(script)} fehlt"
    names = []
    for info, body, _ in fences:
        matches = [INCLUDE.match(line) for line in body]
        assert len(body) == 1 and matches[0], (
            f"{rel(page)}: Code steht direkt in der Seite statt im Skript:\n"
            f"```{info}\n" + "\n".join(body[:8])
        )
        assert matches[0]["file"] == rel(script), (
            f"{rel(page)} bindet {matches[0]['file']} ein; erlaubt ist nur "
            f"{rel(script)} (eine Quelle pro Seite)"
        )
        names.append(matches[0]["name"])
    sections = SECTION.findall(script.read_text(encoding="utf-8"))
    assert names == sections, (
        f"{rel(page)}: Blöcke der Seite und Abschnitte von {rel(script)} "
        f"stimmen nicht überein (Reihenfolge, fehlend oder doppelt):\n"
        f"Seite:  {names}\nSkript: {sections}"
    )


@pytest.mark.parametrize("page", PAGES, ids=rel)
def test_continued_blocks_say_what_they_continue(page: Path) -> None:
    """Wer einen Block allein kopiert, sieht, wenn er einen früheren braucht."""
    sessions: set[str] = set()
    for info, body, cont in python_fences(page.read_text(encoding="utf-8")):
        session = re.search(r'session="([^"]+)"', info)
        continues = cont or (session is not None and session[1] in sessions)
        if session:
            sessions.add(session[1])
        if continues:
            assert CONTINUES.search(info), (
                f"{rel(page)}: {body[0]} setzt einen früheren Block fort; "
                f'die Fence braucht title="Fortsetzung des vorigen Blocks" oder '
                f'title="Fortsetzung des Blocks unter „Überschrift“"'
            )
