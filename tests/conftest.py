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
from tests.reader_env import build_wheel, library_location, make_reader, shared_packages

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
    """Ergebnis von `mkdocs build --strict`: Ordner, Port, Rückgabewert, Protokoll.

    ``wheel`` ist das Wheel, mit dem der Code der Seiten beim Bau lief.
    """

    def __init__(
        self, directory: Path, port: int, returncode: int, log: str, wheel: Path
    ) -> None:
        self.directory = directory
        self.port = port
        self.returncode = returncode
        self.log = log
        self.wheel = wheel


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def build_site(factory: pytest.TempPathFactory, packages: Path) -> SiteBuild:
    """Die Seite streng bauen – in einer Umgebung wie bei Lesenden.

    Der Bau führt jeden ``exec="on"``-Block und das Notebook aus, und das genau
    einmal pro Testlauf. Deshalb läuft er in einem frischen venv, in dem die
    Bibliothek nur als Wheel installiert ist (``python -P``: das Repository liegt
    nicht im Pfad). Die Adresse, unter der die Seite später ausgeliefert wird, steht
    schon beim Bau fest (``SITE_URL``): Die Installationsbefehle zeigen auf sie.
    """
    out = factory.mktemp("site")
    port = free_port()
    wheel = build_wheel(factory.mktemp("wheel"))
    builder = make_reader(factory.mktemp("bau") / "venv", packages, offline_env())
    install = ["-m", "pip", "install", "--no-deps", "--no-index", str(wheel)]
    proc = builder.run(install, ROOT)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    location = library_location(builder, ROOT)
    assert location and Path(location).is_relative_to(builder.python.parent.parent), (
        f"Der Bau sähe mnist_lib aus {location} statt aus dem Wheel"
    )
    env = {**builder.env, "NO_MKDOCS_2_WARNING": "1"}
    env["SITE_URL"] = f"http://127.0.0.1:{port}/"
    env.pop("REPO_URL", None)
    # Datendateien (Vorlagen von nbconvert, Kernel-Beschreibungen) liegen nicht in
    # site-packages, sondern unter share/jupyter der Testumgebung.
    env["JUPYTER_PATH"] = str(Path(sys.prefix) / "share" / "jupyter")
    # Notebook-Kernel und markdown-exec brauchen ihr Inline-Backend für Bilder.
    env.pop("MPLBACKEND", None)
    command = ["-P", "-m", "mkdocs", "build", "--strict", "--site-dir", str(out)]
    proc = subprocess.run(
        [str(builder.python), *command],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=1800,
    )
    return SiteBuild(out, port, proc.returncode, proc.stdout + proc.stderr, wheel)


class _BackgroundBuild:
    """Der Bau im Hintergrund: Er beginnt nach dem Sammeln der Tests, und solange er
    läuft, laufen die Tests, die ihn nicht brauchen (zwei Kerne statt einem)."""

    def __init__(self, factory: pytest.TempPathFactory) -> None:
        self.packages = shared_packages(factory.mktemp("pakete") / "site")
        self.result: SiteBuild | None = None
        self.error: BaseException | None = None
        self.seconds = 0.0
        self.thread = threading.Thread(target=self._run, args=(factory,), daemon=True)
        self.thread.start()

    def _run(self, factory: pytest.TempPathFactory) -> None:
        start = time.perf_counter()
        try:
            self.result = build_site(factory, self.packages)
        except BaseException as exc:  # im Test melden, nicht im Thread verlieren
            self.error = exc
        self.seconds = time.perf_counter() - start


_background: list[_BackgroundBuild] = []


def needs_build(item: pytest.Item) -> bool:
    return "site_build" in getattr(item, "fixturenames", ())


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    # Erst alles, was den Bau nicht braucht – das läuft parallel zu ihm.
    items.sort(key=needs_build)


def pytest_collection_finish(session: pytest.Session) -> None:
    if any(needs_build(item) for item in session.items) and not _background:
        _background.append(_BackgroundBuild(session.config._tmp_path_factory))


@pytest.fixture(scope="session")
def packages(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Die Pakete der Testumgebung ohne dieses Repository (für Leser-Umgebungen)."""
    if _background:
        return _background[0].packages
    return shared_packages(tmp_path_factory.mktemp("pakete") / "site")


@pytest.fixture(scope="session")
def site_build() -> SiteBuild:
    """Die einmal pro Testlauf im Hintergrund gebaute Seite (``build_site``)."""
    assert _background, "Der Bau hätte nach dem Sammeln der Tests beginnen sollen"
    build = _background[0]
    start = time.perf_counter()
    build.thread.join()
    if build.error is not None:
        record_build(build.seconds, waited=time.perf_counter() - start)
        raise build.error
    assert build.result is not None
    record_build(build.seconds, time.perf_counter() - start, build.result.log)
    return build.result


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
