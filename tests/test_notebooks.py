"""Notebooks in docs/: ohne gespeicherte Ausgaben, mit Installationszelle.

Ausgeführt wird das Notebook beim Bau (mit der Bibliothek als Wheel, siehe
tests/conftest.py::site_build); die Installationszelle des Downloads prüft
tests/test_reader.py in einer Umgebung ohne Bibliothek.
"""

from __future__ import annotations

from pathlib import Path

import nbformat
import pytest

from tests.paths import DOCS

NOTEBOOKS = sorted(
    p for p in DOCS.rglob("*.ipynb") if ".ipynb_checkpoints" not in p.parts
)


def rel(path: Path) -> str:
    return path.relative_to(DOCS).as_posix()


def test_there_are_notebooks() -> None:
    assert NOTEBOOKS


@pytest.mark.parametrize("path", NOTEBOOKS, ids=rel)
def test_notebook_is_stored_without_outputs(path: Path) -> None:
    notebook = nbformat.read(path, as_version=4)
    stored = [i for i, c in enumerate(notebook.cells) if c.get("outputs")]
    assert not stored, f"Zellen {stored} haben gespeicherte Ausgaben"
    counts = [c.get("execution_count") for c in notebook.cells if c.cell_type == "code"]
    assert not any(counts), "execution_count muss leer sein"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=rel)
def test_notebook_starts_with_its_install_cell(path: Path) -> None:
    """Die erste Code-Zelle installiert die Bibliothek, wenn sie fehlt (Colab)."""
    notebook = nbformat.read(path, as_version=4)
    first = next(c for c in notebook.cells if c.cell_type == "code")
    assert "installieren" in first.metadata.get("tags", [])
    assert 'find_spec("mnist_lib") is None' in first.source
    assert "%pip install --quiet" in first.source
