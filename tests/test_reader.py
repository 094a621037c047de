"""Der Lesetest: Was die Seite anbietet, läuft bei Lesenden.

Wie jemand, der nur die Seite kennt: eine frische Python-Umgebung mit den
Abhängigkeiten der Bibliothek, in der dieses Repository nicht importierbar ist;
die gebaute Seite läuft auf 127.0.0.1, und die Bibliothek kommt mit genau dem
Befehl, den die Seiten zeigen, als Wheel von dort.

Jeder Code läuft in einem Testlauf nur einmal. Den Code der Seiten hat schon der
Bau ausgeführt – in so einer Umgebung, mit genau diesem Wheel
(``tests/conftest.py::site_build``) –, die übrigen Blöcke pytest-codeblocks. Hier
wird nur bewiesen, was das noch nicht beweist:

1. Der Befehl der Seite installiert das Wheel von der Seite, und es ist Byte für
   Byte das, mit dem der Bau lief.
2. Jedes Skript zum Herunterladen besteht nur aus Code, den die Seite zeigt (und
   der damit gelaufen ist), und enthält keine Zeile nur für den Bau.
3. Die Installationszelle des heruntergeladenen Notebooks installiert die
   Bibliothek in einer Umgebung ohne sie (der Bau lief mit ihr und brauchte die
   Zelle nicht); die Ergebnisse des Notebooks stehen in der gebauten Seite.
"""

from __future__ import annotations

import ast
import hashlib
import json
import os
import re
import shlex
import urllib.request
from pathlib import Path

import nbformat
import pytest
from bs4 import BeautifulSoup
from nbclient import NotebookClient

from conftest import expand_snippets
from tests.conftest import offline_env
from tests.paths import DOCS, ROOT, SNIPPETS
from tests.reader_env import DISTRIBUTION, Reader, library_location, make_reader
from tests.test_site import PYTHON_LANGS, built_page, fences, without_blank_lines

NOTEBOOK = "einstieg/mnist-mit-keras.ipynb"
LESSONS = sorted(
    page
    for page in DOCS.rglob("*.md")
    if (SNIPPETS / page.relative_to(DOCS).with_suffix(".py")).exists()
)


def rel(path: Path) -> str:
    return path.relative_to(DOCS).as_posix()


def page_dir(page: str) -> str:
    """URL-Pfad einer Seite mit Verzeichnis-URLs: ``a/b.md`` → ``a/b/``."""
    return str(Path(page).with_suffix("")) + "/"


# ── Umgebungen ──────────────────────────────────────────────────────────


def assert_repository_not_importable(reader: Reader, cwd: Path) -> None:
    assert library_location(reader, cwd) is None, (
        "In der Leser-Umgebung ist mnist_lib schon ohne Installation importierbar – "
        "der Test sähe dann das Repository statt des Wheels."
    )


def install_command(site: Path) -> str:
    """Der erste Installationsbefehl, den die Startseite zeigt."""
    html = (site / "index.html").read_text(encoding="utf-8")
    box = BeautifulSoup(html, "html.parser").select_one(".nnv-installieren")
    assert box is not None, "Die Startseite zeigt keinen Installationsbefehl"
    lines = [
        line.removeprefix("$ ").strip()
        for line in box.select_one("pre code").get_text().splitlines()
        if line.startswith("$ ")
    ]
    assert lines, "Im Kasten „Code selbst ausführen“ steht kein Befehl"
    return lines[0]


@pytest.fixture(scope="module")
def reader(
    tmp_path_factory: pytest.TempPathFactory,
    packages: Path,
    built_site: Path,
    site_url: str,
) -> Reader:
    """Leser-Umgebung, in die der Befehl der Seite die Bibliothek installiert hat."""
    base = tmp_path_factory.mktemp("leser") / "venv"
    reader = make_reader(base, packages, offline_env())
    empty = tmp_path_factory.mktemp("leer")
    assert_repository_not_importable(reader, empty)
    command = shlex.split(install_command(built_site))
    assert command[:4] == ["python", "-m", "pip", "install"], command
    assert command[-1].startswith(site_url), (
        f"Der Befehl der Seite zeigt nicht auf diesen Bau ({site_url}): {command}"
    )
    proc = reader.run(command[1:], empty, timeout=300)
    assert proc.returncode == 0, (
        f"Der Installationsbefehl der Seite scheitert: {' '.join(command)}\n"
        f"{(proc.stdout + proc.stderr)[-3000:]}"
    )
    return reader


def download(url: str, target: Path) -> Path:
    with urllib.request.urlopen(url, timeout=30) as response:
        target.write_bytes(response.read())
    return target


# ── Tests ───────────────────────────────────────────────────────────────


def test_every_lesson_with_code_offers_its_script() -> None:
    assert LESSONS, "Keine Lektion mit Skript gefunden"


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_page_command_installs_the_wheel_the_build_ran_with(
    reader: Reader, built_site: Path, site_build, tmp_path: Path
) -> None:
    [served] = sorted((built_site / "downloads").glob("*.whl"))
    assert sha256(served) == sha256(site_build.wheel), (
        "Die Seite liefert ein anderes Wheel aus als das, mit dem ihr Code lief"
    )
    location = library_location(reader, tmp_path)
    assert location and Path(location).is_relative_to(reader.python.parent.parent)


def statements(script: str) -> list[str]:
    """Die Anweisungen eines Skripts auf oberster Ebene, als Quelltext."""
    tree = ast.parse(script)
    body = tree.body[1:] if ast.get_docstring(tree) else tree.body
    return [without_blank_lines(ast.get_source_segment(script, node)) for node in body]


@pytest.mark.parametrize("page", LESSONS, ids=rel)
def test_downloaded_script_is_code_the_page_runs(
    page: Path, built_site: Path, site_url: str, tmp_path: Path
) -> None:
    """Jede Anweisung des Downloads steht in einem Block der Seite.

    Dass jeder Block der Seite genau einmal läuft, beweist
    ``tests/test_site.py::test_every_python_block_runs_exactly_once``.
    """
    html = built_page(built_site, page).read_text(encoding="utf-8")
    link = BeautifulSoup(html, "html.parser").select_one(
        'a[title="Skript herunterladen"]'
    )
    assert link is not None, f"{rel(page)}: kein Download-Knopf für das Skript"
    url = urllib.request.urljoin(site_url + page_dir(rel(page)), link["href"])
    script = download(url, tmp_path / Path(url).name).read_text(encoding="utf-8")
    assert not re.search(r"markdown-exec|--8<--", script)
    blocks = [
        without_blank_lines(fence.code)
        for fence in fences(expand_snippets(page.read_text(encoding="utf-8")))
        if fence.language in PYTHON_LANGS
    ]
    found = statements(script)
    assert found, f"{rel(page)}: Das Skript enthält keinen Code"
    for statement in found:
        assert any(statement in block for block in blocks), (
            f"{rel(page)}: Diese Anweisung des Skripts zeigt die Seite nicht – sie "
            f"liefe also nirgends:\n{statement[:500]}"
        )


# Prüfzelle: läuft nach der Installationszelle im selben Kernel.
NOTEBOOK_PROBE = """
import json
import mnist_lib
print(json.dumps({"library_from": mnist_lib.__file__}))
"""


@pytest.fixture(scope="module")
def notebook_install(
    tmp_path_factory: pytest.TempPathFactory,
    packages: Path,
    site_url: str,
    monkeypatch_module: pytest.MonkeyPatch,
) -> tuple[nbformat.NotebookNode, dict, Path]:
    """Die Installationszelle des heruntergeladenen Notebooks ohne Bibliothek."""
    base = tmp_path_factory.mktemp("notebook") / "venv"
    reader = make_reader(base, packages, offline_env())
    folder = tmp_path_factory.mktemp("notebook-leer")
    assert_repository_not_importable(reader, folder)
    url = site_url + page_dir(NOTEBOOK) + Path(NOTEBOOK).name
    notebook = nbformat.read(download(url, folder / Path(NOTEBOOK).name), 4)
    notebook.cells = [
        cell
        for cell in notebook.cells
        if "installieren" in cell.metadata.get("tags", [])
    ]
    assert len(notebook.cells) == 1, (
        "Das Notebook braucht genau eine Installationszelle"
    )
    notebook.cells.append(nbformat.v4.new_code_cell(NOTEBOOK_PROBE))
    # Kernel der Leser-Umgebung, nicht der Testumgebung
    kernels = tmp_path_factory.mktemp("kernels")
    spec = kernels / "kernels" / "leser"
    spec.mkdir(parents=True)
    argv = [str(reader.python), "-m", "ipykernel_launcher", "-f", "{connection_file}"]
    spec.joinpath("kernel.json").write_text(
        json.dumps({"argv": argv, "display_name": "Leser", "language": "python"})
    )
    monkeypatch_module.setenv("JUPYTER_PATH", str(kernels))
    client = NotebookClient(
        notebook,
        timeout=600,
        kernel_name="leser",
        resources={"metadata": {"path": str(folder)}},
    )
    client.execute(env=reader.env)
    # Der Kernel darf eine Zeile in mehreren Stream-Nachrichten schicken
    stdout = "".join(
        output["text"]
        for output in notebook.cells[-1].outputs
        if output.get("name") == "stdout"
    )
    result = json.loads(stdout.strip().splitlines()[-1])
    return notebook, result, reader.python.parent.parent


@pytest.fixture(scope="module")
def monkeypatch_module():
    with pytest.MonkeyPatch.context() as patch:
        yield patch


def test_downloaded_notebook_installs_the_library(notebook_install) -> None:
    notebook, result, venv = notebook_install
    outputs = [out for cell in notebook.cells for out in cell.get("outputs", [])]
    assert not [out for out in outputs if out.get("output_type") == "error"]
    # Die Installationszelle hat das Wheel von der Seite in die Umgebung gelegt
    assert Path(result["library_from"]).is_relative_to(venv), result["library_from"]


@pytest.fixture(scope="module")
def notebook_outputs(built_site: Path) -> BeautifulSoup:
    """Die Ausgaben des Notebooks, wie der Bau sie erzeugt und die Seite sie zeigt."""
    html = (built_site / page_dir(NOTEBOOK) / "index.html").read_text(encoding="utf-8")
    return BeautifulSoup(html, "html.parser").select(".jp-OutputArea-output")


def test_mnist_lesson_results(notebook_outputs) -> None:
    text = "\n".join(out.get_text() for out in notebook_outputs)
    assert "Datenquelle: Offline-Teilmenge" in text
    assert "Testbild: 442" in text  # 4442 % 1000 Testbilder
    assert "Epoch 20/20" in text and "Epoch 21/" not in text
    assert "['accuracy', 'loss', 'val_accuracy', 'val_loss']" in text
    units = re.findall(r"Dense\)\s*│ \(None, (\d+)\)", text)
    assert units == ["512", "324", "36", "10"]
    accuracy = re.search(
        r"Genauigkeit auf der Testmenge: ([\d.]+)% von 1000 Bildern", text
    )
    # Gemessen offline: 77,50 % (20 Epochen, 140 Schritte). Zufall wäre 10 %.
    assert accuracy and float(accuracy[1]) >= 70, accuracy


def test_mnist_lesson_shows_figures(notebook_outputs) -> None:
    images = [img for out in notebook_outputs for img in out.select("img")]
    # Beispielziffern, Lernkurven, vorhergesagte Ziffer, falsch erkannte Ziffern,
    # Lernkurve der Übung 4
    assert len(images) == 5
    assert all(img.get("alt") for img in images)


def test_repository_address_is_the_same_everywhere(built_site: Path) -> None:
    """Notebook (Colab) und Seite nennen dieselbe Adresse wie pyproject.toml."""
    import tomllib

    with (ROOT / "pyproject.toml").open("rb") as f:
        repo = tomllib.load(f)["project"]["urls"]["Repository"]
    notebook = nbformat.read(DOCS / NOTEBOOK, as_version=4)
    tagged = [c for c in notebook.cells if "installieren" in c.metadata.get("tags", [])]
    install = tagged
    assert len(install) == 1 and f"git+{repo}" in install[0].source
    assert f'"{repo}"' not in (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    text = BeautifulSoup(
        (built_site / "index.html").read_text(encoding="utf-8"), "html.parser"
    ).get_text()
    assert f"git+{repo}" in text and f"git clone {repo}.git" in text
    workflow = (ROOT / ".github/workflows/pages.yml").read_text(encoding="utf-8")
    assert "pyproject.toml" in workflow, "Der Pages-Workflow prüft die Adresse nicht"


def test_page_commands_are_for_readers(built_site: Path) -> None:
    """Jede Seite mit Code zeigt den Befehl; er nennt das Wheel dieses Baus."""
    wheels = sorted((built_site / "downloads").glob("*.whl"))
    assert [w.name for w in wheels] == [f"{DISTRIBUTION}-0.1.0-py3-none-any.whl"]
    for page in [*LESSONS, DOCS / NOTEBOOK]:
        html = (built_site / page_dir(rel(page)) / "index.html").read_text(
            encoding="utf-8"
        )
        assert f"downloads/{wheels[0].name}" in html, f"{rel(page)}: Befehl fehlt"
    assert os.environ.get("MNIST_LIB_OFFLINE") == "1"
