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
from collections.abc import Iterator
from pathlib import Path

import pytest

from conftest import record_build
from tests.paths import ROOT, TESTS

OFFLINE_ZIP = "downloads/neuronale-netze-verstehen-offline.zip"


NETGUARD = TESTS / "netguard"


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
    record_build(time.perf_counter() - start)
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
