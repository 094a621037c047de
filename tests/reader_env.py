"""Umgebungen, wie Lesende sie haben: frisches venv, Bibliothek nur als Wheel.

In so einer Umgebung läuft der Bau der Seite (``tests/conftest.py::site_build``):
Jeder Block mit ``exec="on"`` und das Notebook laufen dort also mit der
Bibliothek aus dem Wheel, nicht aus diesem Repository. ``tests/test_reader.py``
legt weitere an, in die der Befehl der Seite das Wheel von der Seite installiert.

Die Abhängigkeiten werden nicht neu installiert: Die Umgebungen sehen die Pakete
der Testumgebung über eine ``.pth``-Datei, die auf einen Ordner mit Verweisen
zeigt – ohne die Einträge, mit denen dieses Repository installiert ist.
"""

from __future__ import annotations

import subprocess
import sys
import sysconfig
from dataclasses import dataclass
from pathlib import Path

from tests.paths import ROOT

DISTRIBUTION = "nnv_mnist_lib"
NETGUARD = ROOT / "tests" / "netguard"


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
    target.mkdir(parents=True)
    for entry in site.iterdir():
        # pip und setuptools bringt jede Umgebung selbst mit
        skip = entry.name.startswith(("pip", "setuptools", "_distutils_hack"))
        if is_ours(entry.name) or skip or entry.suffix == ".pth":
            continue
        (target / entry.name).symlink_to(entry)
    return target


def make_reader(base: Path, packages: Path, env: dict[str, str]) -> Reader:
    """Frisches venv, das die Pakete in ``packages`` sieht; ``env`` ist offline."""
    subprocess.run([sys.executable, "-m", "venv", str(base)], check=True)
    python = base / "bin" / "python"
    purelib = subprocess.run(
        [str(python), "-c", "import sysconfig; print(sysconfig.get_path('purelib'))"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    (Path(purelib) / "zz_testumgebung.pth").write_text(f"{packages}\n")
    env = dict(env)
    # Nur die Netzsperre, nicht das Repository im Pfad
    env["PYTHONPATH"] = str(NETGUARD)
    env["MPLBACKEND"] = "Agg"
    env["PIP_DISABLE_PIP_VERSION_CHECK"] = "1"
    env["PIP_NO_INPUT"] = "1"
    env.pop("VIRTUAL_ENV", None)
    return Reader(python, env)


def library_location(reader: Reader, cwd: Path) -> str | None:
    """Woher ``import mnist_lib`` in dieser Umgebung kommt (None: gar nicht).

    ``-P``: das Arbeitsverzeichnis nicht in ``sys.path`` – so startet auch der Bau.
    """
    proc = reader.run(["-P", "-c", "import mnist_lib; print(mnist_lib.__file__)"], cwd)
    if proc.returncode != 0:
        assert "No module named 'mnist_lib'" in proc.stderr, proc.stderr[-2000:]
        return None
    return proc.stdout.strip()


def build_wheel(target: Path) -> Path:
    """Das Wheel der Bibliothek bauen, wie der Bau der Seite es tut."""
    subprocess.run(
        [sys.executable, "-m", "hatchling", "build", "-t", "wheel", "-d", str(target)],
        cwd=ROOT,
        check=True,
        capture_output=True,
    )
    [wheel] = sorted(target.glob("*.whl"))
    return wheel
