"""Eine Quelle pro Seite: Aller Python-Code einer Seite steht in ihrem Skript.

Das Skript ``snippets/<teil>/<seite>.py`` ist der Download der Seite. Jeder
Python-Block der Seite bindet genau einen Abschnitt daraus ein, und zwar in der
Reihenfolge des Skripts – so läuft der Download von oben nach unten wie die Seite.
Ein Block, der allein nicht läuft, sagt sichtbar, welchen er fortsetzt.

Die einzige Ausnahme sind Bibliotheks-Auszüge: Ein Block mit dem Titel
``mnist_lib/<modul>.py`` zeigt einen Abschnitt aus dieser Datei, damit die Seite
den Code zeigt, der wirklich läuft. Er wird nicht ausgeführt; bewiesen ist er durch
``tests/test_<modul>.py``, das jede gezeigte Funktion und Methode aufruft.
"""

from __future__ import annotations

import ast
import re
import textwrap
from pathlib import Path

import pytest

from conftest import LIBRARY_EXCERPT
from tests.paths import DOCS, ROOT, SNIPPETS

PAGES = sorted(DOCS.rglob("*.md"))
LIBRARY = sorted((ROOT / "mnist_lib").glob("*.py"))
FENCE_OPEN = re.compile(r"^(?P<indent>[ \t]*)(?P<fence>`{3,})(?P<info>.*)$")
INCLUDE = re.compile(r'^--8<-- "(?P<file>snippets/[^":]+\.py):(?P<name>[\w-]+)"$')
LIBRARY_INCLUDE = re.compile(r'^--8<-- "(?P<file>mnist_lib/[^":]+):(?P<name>[\w-]+)"$')
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
        if len(body) == 1 and LIBRARY_INCLUDE.match(body[0]):
            continue  # Bibliotheks-Auszug: geprüft in den Tests darunter
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


# ── Bibliotheks-Auszüge ─────────────────────────────────────────────────────


def section_code(path: Path, name: str) -> str | None:
    """Die Zeilen eines Abschnitts, ohne gemeinsame Einrückung (None: fehlt)."""
    lines = path.read_text(encoding="utf-8").split("\n")
    starts = [i for i, line in enumerate(lines) if f"--8<-- [start:{name}]" in line]
    ends = [i for i, line in enumerate(lines) if f"--8<-- [end:{name}]" in line]
    if len(starts) != 1 or len(ends) != 1 or ends[0] < starts[0]:
        return None
    return textwrap.dedent("\n".join(lines[starts[0] + 1 : ends[0]]))


def called_names(path: Path) -> set[str]:
    """Namen aller Funktionen und Methoden, die eine Datei aufruft."""
    names = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Call):
            function = node.func
            names.add(getattr(function, "attr", getattr(function, "id", "")))
    return names


def library_excerpts(page: Path) -> list[tuple[str, str, int]]:
    """(Datei, Abschnitt, Zeile) jedes Bibliotheks-Auszugs einer Seite."""
    text = page.read_text(encoding="utf-8")
    return [
        (m["path"], m["name"], text.count("\n", 0, m.start()) + 1)
        for m in LIBRARY_EXCERPT.finditer(text)
    ]


@pytest.mark.parametrize("page", PAGES, ids=rel)
def test_library_excerpts_are_titled_and_stand_alone(page: Path) -> None:
    """Jedes Include aus mnist_lib ist ein Auszug in der festen Form."""
    text = page.read_text(encoding="utf-8")
    includes = [
        line.strip() for line in text.split("\n") if LIBRARY_INCLUDE.match(line.strip())
    ]
    assert len(includes) == len(library_excerpts(page)), (
        f"{rel(page)}: Ein Block aus mnist_lib braucht genau die Form "
        '```python title="mnist_lib/<modul>.py" mit nur der Zeile '
        '--8<-- "mnist_lib/<modul>.py:<abschnitt>" (Titel = Pfad der Datei)'
    )
    lines = text.split("\n")
    for path, name, line in library_excerpts(page):
        before = [text.strip() for text in lines[max(0, line - 4) : line - 1]]
        assert not any("pytest-codeblocks" in text for text in before), (
            f"{rel(page)}:{line}: Der Auszug {path}:{name} läuft nicht; er kann "
            "weder fortgesetzt werden noch eine Ausgabe haben"
        )


def excerpt_problems(path: str, name: str) -> list[str]:
    """Was an einem Bibliotheks-Auszug nicht stimmt (leer: nichts).

    Der Abschnitt muss in der Datei stehen, und ``tests/test_<modul>.py`` muss jede
    Funktion und Methode aufrufen, die er zeigt. Auch der Meta-Test in
    ``tests/test_site.py`` fragt hier nach.
    """
    code = section_code(ROOT / path, name)
    if code is None:
        return [f"Abschnitt {name} fehlt in {path} (oder steht dort mehrmals)"]
    tests = ROOT / "tests" / f"test_{Path(path).stem}.py"
    if not tests.exists():
        return [f"{rel(tests)} fehlt: Wer prüft den Auszug {path}:{name}?"]
    tree = ast.parse(code)
    defined = [n.name for n in ast.walk(tree) if isinstance(n, ast.FunctionDef)]
    if not defined:
        return [f"{path}:{name} zeigt keine Funktion und keine Methode"]
    missing = sorted(set(defined) - called_names(tests))
    return [f"{rel(tests)} ruft {name} nicht auf: {missing}"] if missing else []


@pytest.mark.parametrize("page", PAGES, ids=rel)
def test_library_excerpts_are_called_in_the_unit_tests(page: Path) -> None:
    """Was die Seite aus der Bibliothek zeigt, rufen die Einheitstests auf."""
    for path, name, line in library_excerpts(page):
        problems = excerpt_problems(path, name)
        assert not problems, f"{rel(page)}:{line}: " + "; ".join(problems)


@pytest.mark.parametrize("path", LIBRARY, ids=rel)
def test_every_library_section_is_shown(path: Path) -> None:
    """Abschnittsmarken in mnist_lib sind nur für Auszüge da, die eine Seite zeigt."""
    shown = {(p, n) for page in PAGES for p, n, _ in library_excerpts(page)}
    for name in SECTION.findall(path.read_text(encoding="utf-8")):
        assert (rel(path), name) in shown, (
            f"Abschnitt {name} in {rel(path)} zeigt keine Seite"
        )
