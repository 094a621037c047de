"""Gemeinsame Fixtures: offline, Netzsperre für Unterprozesse, gebaute Seite."""

from __future__ import annotations

import functools
import http.server
import os
import socket
import subprocess
import sys
import threading
import time
import zipfile
from collections import defaultdict
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.paths import ROOT

OFFLINE_ZIP = "downloads/neuronale-netze-verstehen-offline.zip"

# Laufzeit je Teil der Tests, am Ende ausgegeben (damit CI-Protokolle zeigen,
# welcher Teil langsamer wird). Der Bau zählt für sich.
_phase_seconds: defaultdict[str, float] = defaultdict(float)
PHASES = [
    ("tests/test_browser.py", "Browser (Chromium, axe, Fotos)"),
    ("tests/test_reader.py", "Lesetest (Downloads in frischer Umgebung)"),
    ("docs/", "Codeblöcke der Seiten (pytest-codeblocks)"),
    ("tests/test_site.py", "gebaute Seite (HTML)"),
    ("tests/test_exec_cache.py", "Ausführungs-Cache (kleine Baus)"),
    ("tests/", "Bibliothek und übrige Einheitstests"),
]


def phase_of(nodeid: str) -> str:
    return next(name for prefix, name in PHASES if nodeid.startswith(prefix))


BUILD_PHASE = "Bau der Seite (mkdocs, mit Seite zum Mitnehmen)"
_build_in_setup = [0.0]  # Dauer des Baus, der im Setup des laufenden Tests steckt


def pytest_runtest_logreport(report: pytest.TestReport) -> None:
    duration = report.duration
    if report.when == "setup" and _build_in_setup[0]:
        duration -= _build_in_setup[0]
        _build_in_setup[0] = 0.0
    _phase_seconds[phase_of(report.nodeid)] += max(duration, 0.0)


NETGUARD = Path(__file__).resolve().parent / "netguard"


def offline_env() -> dict[str, str]:
    """Umgebung für Unterprozesse: offline, Netz gesperrt (außer localhost)."""
    env = dict(os.environ)
    # Notebook-Kernel brauchen ihr Inline-Backend; Skripte ohne Bildschirm
    # wählen von selbst Agg.
    env.pop("MPLBACKEND", None)
    env["MNIST_LIB_OFFLINE"] = "1"
    env["NNV_BLOCK_NETWORK"] = "1"
    env["PYTHONPATH"] = os.pathsep.join(
        [str(NETGUARD), *filter(None, [env.get("PYTHONPATH")])]
    )
    return env


@pytest.fixture(scope="session")
def subprocess_env() -> dict[str, str]:
    return offline_env()


class SiteBuild:
    """Ergebnis von `mkdocs build --strict`: Ordner, Port, Rückgabewert, Protokoll."""

    def __init__(self, directory: Path, port: int, returncode: int, log: str) -> None:
        self.directory = directory
        self.port = port
        self.returncode = returncode
        self.log = log


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture(scope="session")
def site_build(tmp_path_factory: pytest.TempPathFactory) -> SiteBuild:
    """Die Seite einmal pro Testlauf streng bauen (Notebooks werden ausgeführt).

    Die Adresse, unter der sie später ausgeliefert wird, steht schon beim Bau fest
    (``SITE_URL``): Die Installationsbefehle der Seiten zeigen auf sie. Der Bau legt
    die Seite zum Mitnehmen als Zip bei.
    """
    out = tmp_path_factory.mktemp("site")
    port = free_port()
    env = {**offline_env(), "NO_MKDOCS_2_WARNING": "1"}
    env["SITE_URL"] = f"http://127.0.0.1:{port}/"
    env.pop("REPO_URL", None)
    start = time.perf_counter()
    proc = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(out)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=1200,
    )
    _build_in_setup[0] = time.perf_counter() - start
    _phase_seconds[BUILD_PHASE] += _build_in_setup[0]
    return SiteBuild(out, port, proc.returncode, proc.stdout + proc.stderr)


@pytest.fixture(scope="session")
def built_site(site_build: SiteBuild) -> Path:
    """Ordner der gebauten Seite; bricht ab, wenn der Bau scheiterte."""
    if site_build.returncode != 0:
        pytest.fail(f"mkdocs build --strict ist gescheitert:\n{site_build.log[-5000:]}")
    return site_build.directory


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture(scope="session")
def site_url(built_site: Path, site_build: SiteBuild) -> Iterator[str]:
    """Die gebaute Seite unter der Adresse ausliefern, für die sie gebaut wurde."""
    handler = functools.partial(_QuietHandler, directory=str(built_site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", site_build.port), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture(scope="session")
def offline_site(built_site: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Die Seite zum Mitnehmen, aus dem Zip der gebauten Seite entpackt."""
    archive = built_site / OFFLINE_ZIP
    assert archive.is_file(), f"{OFFLINE_ZIP} fehlt in der gebauten Seite"
    target = tmp_path_factory.mktemp("mitnehmen")
    with zipfile.ZipFile(archive) as zipped:
        zipped.extractall(target)
    folders = [p for p in target.iterdir() if p.is_dir()]
    assert len(folders) == 1, "Das Zip soll genau einen Ordner enthalten"
    return folders[0]


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    """Laufzeit je Teil; sagen, wo die Bildschirmfotos der Browser-Tests liegen."""
    if _phase_seconds:
        terminalreporter.section("Laufzeit je Teil")
        for name, seconds in sorted(_phase_seconds.items(), key=lambda i: -i[1]):
            terminalreporter.write_line(f"{name:55} {seconds:7.1f} s")
    shots = ROOT / "test-artifacts" / "screenshots"
    if shots.is_dir() and any(shots.glob("*.png")):
        count = len(list(shots.glob("*.png")))
        terminalreporter.write_line(f"Bildschirmfotos der Seiten: {shots} ({count})")
