"""``make lesson``: legt eine Lektion an, die den Aufbau jeder Lektion hat.

Das Werkzeug arbeitet hier auf Kopien von mkdocs.yml und docs/index.md in einem
leeren Ordner; das Skript der neuen Seite läuft wirklich.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from tests.paths import DOCS, ROOT
from tests.test_lessons import _Loader
from tools.new_lesson import MARK, LessonError, create_lesson, slugify


@pytest.fixture
def project(tmp_path: Path) -> Path:
    shutil.copy(ROOT / "mkdocs.yml", tmp_path / "mkdocs.yml")
    (tmp_path / "docs").mkdir()
    shutil.copy(DOCS / "index.md", tmp_path / "docs" / "index.md")
    return tmp_path


def nav_section(root: Path, part: str) -> list[str]:
    nav = yaml.load((root / "mkdocs.yml").read_text(encoding="utf-8"), _Loader)["nav"]
    section = next(item for item in nav if part in item)[part]
    return [next(iter(entry.values())) for entry in section]


def test_slugs_are_german_ascii() -> None:
    assert slugify("Überanpassung und Regularisierung") == (
        "ueberanpassung-und-regularisierung"
    )
    assert slugify("  Faltung verstehen! ") == "faltung-verstehen"
    with pytest.raises(LessonError, match="kein Dateiname"):
        slugify("???")


def test_new_lesson_is_complete_and_its_script_runs(project: Path) -> None:
    before = nav_section(project, "Vertiefung")
    result = subprocess.run(
        [sys.executable, str(ROOT / "tools" / "new_lesson.py"), "Faltung verstehen",
         "vertiefung", "--root", str(project)],
        capture_output=True, text=True, check=True,
    )  # fmt: skip
    assert "docs/vertiefung/faltung-verstehen.md" in result.stdout
    assert nav_section(project, "Vertiefung") == [
        *before,
        "vertiefung/faltung-verstehen.md",
    ]
    index = (project / "docs" / "index.md").read_text(encoding="utf-8")
    learning_path = index[index.index("**Vertiefung**") : index.index("**Keras**")]
    assert "- [Faltung verstehen](vertiefung/faltung-verstehen.md):" in learning_path

    page = (project / "docs" / "vertiefung" / "faltung-verstehen.md").read_text(
        encoding="utf-8"
    )
    script = project / "snippets" / "vertiefung" / "faltung-verstehen.py"
    for heading in ("Das lernst du hier", "Das brauchst du vorher",
                    "Was im Quellmaterial anders war", "## Zusammenfassung",
                    "## Übungen"):  # fmt: skip
        assert heading in page
    # Jeder Abschnitt des Skripts steht auf der Seite, in derselben Reihenfolge.
    shown = re.findall(r'^--8<-- "snippets/vertiefung/[\w-]+\.py:(\w+)"$', page, re.M)
    sections = re.findall(r"# --8<-- \[start:(\w+)\]", script.read_text("utf-8"))
    assert shown == sections == ["erster_block"]
    run = subprocess.run(
        [sys.executable, str(script)], capture_output=True, text=True, check=True
    )
    assert run.stdout == "Shape: (2, 3)\n"
    # Die Vorlage ist als unfertig erkennbar, bis jede ✎-Stelle geschrieben ist.
    assert MARK in page and MARK in script.read_text(encoding="utf-8")


def test_bad_requests_get_german_errors_and_change_nothing(project: Path) -> None:
    original = (project / "mkdocs.yml").read_text(encoding="utf-8")
    with pytest.raises(LessonError, match="Unbekannter Teil 'vertifung'"):
        create_lesson(project, "Faltung", "vertifung")
    with pytest.raises(LessonError, match="Titel fehlt"):
        create_lesson(project, "  ", "vertiefung")
    create_lesson(project, "Faltung", "vertiefung")
    with pytest.raises(LessonError, match="gibt es schon"):
        create_lesson(project, "Faltung", "vertiefung")
    (project / "docs" / "index.md").write_text("# Start\n", encoding="utf-8")
    with pytest.raises(LessonError, match="Lernpfad"):
        create_lesson(project, "Noch eine", "keras")
    assert not (project / "docs" / "keras" / "noch-eine.md").exists()
    assert (project / "mkdocs.yml").read_text(encoding="utf-8").count(
        "Faltung"
    ) == original.count("Faltung") + 1
