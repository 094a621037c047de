"""Der Lesetest: Was die Seite zum Mitnehmen anbietet, läuft bei Lesenden.

Wie jemand, der nur die Seite kennt:

1. eine frische Python-Umgebung, in der die Abhängigkeiten der Bibliothek
   (TensorFlow, Keras, NumPy …) installiert sind, dieses Repository aber nicht
   importierbar ist;
2. die gebaute Seite läuft auf 127.0.0.1, und die Bibliothek kommt mit genau dem
   Befehl, den die Seiten zeigen, als Wheel von dort;
3. jedes Skript und das Notebook werden von der Seite heruntergeladen und laufen in
   einem leeren Ordner ohne Netz (``MNIST_LIB_OFFLINE=1``) bis zum Ende – das
   Notebook in einer zweiten Umgebung ohne Bibliothek, damit seine
   Installationszelle sie wirklich installiert.

Die Abhängigkeiten werden nicht neu installiert: Die Umgebungen sehen die Pakete
der Testumgebung über eine ``.pth``-Datei, die auf einen Ordner mit Verweisen
zeigt – ohne die Einträge, mit denen dieses Repository installiert ist.
"""

from __future__ import annotations

import json
import os
import re
import shlex
import subprocess
import sys
import sysconfig
import urllib.request
from dataclasses import dataclass
from pathlib import Path

import nbformat
import pytest
from bs4 import BeautifulSoup
from nbclient import NotebookClient

from tests.conftest import offline_env
from tests.paths import DOCS, ROOT, SNIPPETS

DISTRIBUTION = "nnv_mnist_lib"
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


@dataclass
class Reader:
    python: Path
    env: dict[str, str]

    def run(self, args: list[str], cwd: Path, timeout: int = 900):
        return subprocess.run(
            [str(self.python), *args],
            cwd=cwd,
            env=self.env,
            capture_output=True,
            text=True,
            timeout=timeout,
        )


def is_ours(name: str) -> bool:
    """Einträge in site-packages, mit denen dieses Repository installiert ist."""
    lowered = name.lower()
    return (
        DISTRIBUTION in lowered
        or lowered.startswith("__editable__")
        or lowered == "mnist_lib"
    )


def shared_packages(target: Path) -> Path:
    """Ordner mit Verweisen auf die installierten Pakete, ohne dieses Repository."""
    site = Path(sysconfig.get_paths()["purelib"])
    target.mkdir()
    for entry in site.iterdir():
        # pip und setuptools bringt jede Umgebung selbst mit
        skip = entry.name.startswith(("pip", "setuptools", "_distutils_hack"))
        if is_ours(entry.name) or skip or entry.suffix == ".pth":
            continue
        (target / entry.name).symlink_to(entry)
    return target


def make_reader(base: Path, packages: Path) -> Reader:
    subprocess.run([sys.executable, "-m", "venv", str(base)], check=True)
    python = base / "bin" / "python"
    purelib = subprocess.run(
        [str(python), "-c", "import sysconfig; print(sysconfig.get_path('purelib'))"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    (Path(purelib) / "zz_testumgebung.pth").write_text(f"{packages}\n")
    env = offline_env()
    # Nur die Netzsperre, nicht das Repository im Pfad
    env["PYTHONPATH"] = str(ROOT / "tests" / "netguard")
    env["MPLBACKEND"] = "Agg"
    env["PIP_DISABLE_PIP_VERSION_CHECK"] = "1"
    env["PIP_NO_INPUT"] = "1"
    env.pop("VIRTUAL_ENV", None)
    return Reader(python, env)


@pytest.fixture(scope="module")
def packages(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return shared_packages(tmp_path_factory.mktemp("pakete") / "site")


def assert_repository_not_importable(reader: Reader, cwd: Path) -> None:
    proc = reader.run(["-c", "import mnist_lib"], cwd)
    assert proc.returncode != 0 and "No module named 'mnist_lib'" in proc.stderr, (
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
    reader = make_reader(tmp_path_factory.mktemp("leser") / "venv", packages)
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


@pytest.mark.parametrize("page", LESSONS, ids=rel)
def test_downloaded_script_runs_for_a_reader(
    page: Path,
    reader: Reader,
    built_site: Path,
    site_url: str,
    tmp_path: Path,
) -> None:
    """Das Skript, das die Seite verlinkt, läuft in einem leeren Ordner bis zum Ende."""
    html = (built_site / page_dir(rel(page)) / "index.html").read_text(encoding="utf-8")
    link = BeautifulSoup(html, "html.parser").select_one(
        'a[title="Skript herunterladen"]'
    )
    assert link is not None, f"{rel(page)}: kein Download-Knopf für das Skript"
    url = urllib.request.urljoin(site_url + page_dir(rel(page)), link["href"])
    script = download(url, tmp_path / Path(url).name)
    proc = reader.run([script.name], tmp_path)
    assert proc.returncode == 0, (
        f"{rel(page)}: Das heruntergeladene Skript {script.name} scheitert bei "
        f"Lesenden:\n{proc.stderr[-3000:]}"
    )
    assert not re.search(r"markdown-exec|--8<--", script.read_text(encoding="utf-8"))


# Prüfzelle: läuft nach dem Notebook im selben Kernel, gibt Ergebnisse als JSON aus.
NOTEBOOK_PROBE = """
import json
import mnist_lib
print(json.dumps({
    "test_acc": float(test_acc),
    "n_test": len(test_images),
    "image_index": int(image_index),
    "history_keys": sorted(history.history),
    "epochs": len(history.history["loss"]),
    "units": [getattr(layer, "units", None) for layer in network.layers],
    "library_from": mnist_lib.__file__,
}))
"""


@pytest.fixture(scope="module")
def notebook_run(
    tmp_path_factory: pytest.TempPathFactory,
    packages: Path,
    site_url: str,
    monkeypatch_module: pytest.MonkeyPatch,
) -> tuple[nbformat.NotebookNode, dict, Path]:
    """Das heruntergeladene Notebook in einer Umgebung ohne Bibliothek ausführen."""
    reader = make_reader(tmp_path_factory.mktemp("notebook") / "venv", packages)
    folder = tmp_path_factory.mktemp("notebook-leer")
    assert_repository_not_importable(reader, folder)
    url = site_url + page_dir(NOTEBOOK) + Path(NOTEBOOK).name
    path = download(url, folder / Path(NOTEBOOK).name)
    notebook = nbformat.read(path, as_version=4)
    notebook.cells.append(nbformat.v4.new_code_cell(NOTEBOOK_PROBE))
    # Kernel der Leser-Umgebung, nicht der Testumgebung
    kernels = tmp_path_factory.mktemp("kernels")
    spec = kernels / "kernels" / "leser"
    spec.mkdir(parents=True)
    (spec / "kernel.json").write_text(
        json.dumps(
            {
                "argv": [
                    str(reader.python),
                    "-m",
                    "ipykernel_launcher",
                    "-f",
                    "{connection_file}",
                ],
                "display_name": "Leser",
                "language": "python",
            }
        )
    )
    monkeypatch_module.setenv("JUPYTER_PATH", str(kernels))
    env = dict(reader.env)
    env.pop("MPLBACKEND")  # der Kernel braucht sein Inline-Backend für Bilder
    client = NotebookClient(
        notebook,
        timeout=900,
        kernel_name="leser",
        resources={"metadata": {"path": str(folder)}},
    )
    client.execute(env=env)
    result = json.loads(notebook.cells[-1].outputs[-1]["text"])
    return notebook, result, reader.python.parent.parent


@pytest.fixture(scope="module")
def monkeypatch_module():
    with pytest.MonkeyPatch.context() as patch:
        yield patch


def outputs_of(notebook: nbformat.NotebookNode) -> list[dict]:
    return [out for cell in notebook.cells for out in cell.get("outputs", [])]


def test_downloaded_notebook_installs_the_library_and_runs(notebook_run) -> None:
    notebook, result, venv = notebook_run
    outputs = outputs_of(notebook)
    assert not [out for out in outputs if out.get("output_type") == "error"]
    # Die Installationszelle hat das Wheel von der Seite in die Umgebung gelegt
    assert Path(result["library_from"]).is_relative_to(venv), result["library_from"]
    text = "\n".join(out.get("text", "") for out in outputs)
    assert "Datenquelle: Offline-Teilmenge" in text


def test_mnist_lesson_results(notebook_run) -> None:
    _, result, _ = notebook_run
    assert result["n_test"] == 1000
    assert result["image_index"] == 4442 % 1000 == 442
    assert result["epochs"] == 20
    assert result["history_keys"] == ["accuracy", "loss", "val_accuracy", "val_loss"]
    assert result["units"] == [None, 512, 324, 36, 10]
    # Gemessen offline: 0.775 (20 Epochen, 140 Schritte). Zufall wäre 0.10.
    assert result["test_acc"] >= 0.70, f"Testgenauigkeit {result['test_acc']:.3f}"


def test_mnist_lesson_shows_figures(notebook_run) -> None:
    notebook, _, _ = notebook_run
    images = [out for out in outputs_of(notebook) if "image/png" in out.get("data", {})]
    # Beispielziffern, Lernkurven, vorhergesagte Ziffer, falsch erkannte Ziffern,
    # Lernkurve der Übung 4
    assert len(images) == 5


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
