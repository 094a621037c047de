"""Gemeinsame Fixtures: offline, Netzsperre für Unterprozesse, gebaute Seite."""

from __future__ import annotations

import functools
import http.server
import os
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
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
    """Ergebnis von `mkdocs build --strict`: Ordner, Rückgabewert, Protokoll."""

    def __init__(self, directory: Path, returncode: int, log: str) -> None:
        self.directory = directory
        self.returncode = returncode
        self.log = log

    def html_pages(self) -> list[Path]:
        return sorted(p for p in self.directory.rglob("*.html") if p.name != "404.html")


@pytest.fixture(scope="session")
def site_build(tmp_path_factory: pytest.TempPathFactory) -> SiteBuild:
    """Die Seite einmal pro Testlauf streng bauen (Notebooks werden ausgeführt)."""
    out = tmp_path_factory.mktemp("site")
    proc = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(out)],
        cwd=ROOT,
        env={**offline_env(), "NO_MKDOCS_2_WARNING": "1"},
        capture_output=True,
        text=True,
        timeout=900,
    )
    return SiteBuild(out, proc.returncode, proc.stdout + proc.stderr)


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
def site_url(built_site: Path) -> Iterator[str]:
    """Die gebaute Seite über http://127.0.0.1:<freier Port>/ ausliefern."""
    handler = functools.partial(_QuietHandler, directory=str(built_site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    """Sagen, wo die Bildschirmfotos der Browser-Tests liegen."""
    shots = ROOT / "test-artifacts" / "screenshots"
    if shots.is_dir() and any(shots.glob("*.png")):
        count = len(list(shots.glob("*.png")))
        terminalreporter.write_line(f"Bildschirmfotos der Seiten: {shots} ({count})")
