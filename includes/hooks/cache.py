"""Ausführungs-Cache für den Bau der Seite (mkdocs-Hook).

Beim Bauen läuft der Code jeder Seite: Codeblöcke mit ``exec="on"``
(markdown-exec) und die Notebooks (mkdocs-jupyter). Das dauert Minuten. Ändert
man nur den Fließtext einer Seite, muss davon nichts erneut laufen – dieser
Hook merkt sich die Ausgaben und verwendet sie wieder, **aber nur, solange
alles gleich ist, wovon sie abhängen**. Der Schlüssel jedes Eintrags enthält:

- den Code selbst (bei Sitzungen, ``session="…"``, auch den Code aller
  vorherigen Blöcke derselben Sitzung, denn sie bestimmen den Zustand),
- den Inhalt aller Dateien der Bibliothek (``mnist_lib``; einstellbar unter
  ``extra.exec_cache.libraries`` in ``mkdocs.yml``),
- die Python-Version und die Versionen *aller* installierten Pakete,
- die Daten: ``mnist_lib.data.data_fingerprint()`` – offline die Pakete (mit
  Version), die den Ersatz liefern, sonst Größen und Zeitstempel der
  Cache-Dateien der Datensätze, die die Bibliothek kennt.

Ändert sich eines davon, passt kein alter Schlüssel mehr: eine veraltete
Ausgabe kann eine Code- oder Bibliotheksänderung nicht überleben. Fehlt ohne
``MNIST_LIB_OFFLINE`` ein Datensatz im Keras-Cache, hinge das Ergebnis davon ab,
ob gerade ein Download klappt – dann ist der Cache für diesen Bau aus.

Notebooks: mkdocs-jupyter hat einen eigenen Cache (Schlüssel: Inhalt des
Notebooks und Einstellungen). Dieser Hook schaltet ihn ein und ergänzt seinen
Schlüssel um denselben Fingerabdruck von Bibliothek, Paketen und Daten.

Alle Eingriffe in markdown-exec und mkdocs-jupyter laufen über
``plugin_patches.py``, das sie beim Start prüft.

``NNV_EXEC_CACHE=0`` schaltet den Cache ab, ``NNV_EXEC_CACHE_DIR`` legt den
Ordner fest (sonst ``.cache/exec`` neben ``mkdocs.yml``).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import importlib.metadata
import importlib.util
import json
import logging
import os
import platform
import time
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import plugin_patches

log = logging.getLogger("mkdocs.hooks.exec_cache")

ENV_SWITCH = "NNV_EXEC_CACHE"
ENV_DIR = "NNV_EXEC_CACHE_DIR"
DEFAULT_LIBRARIES = ("mnist_lib",)
#: Erhöhen, wenn sich das Format der Einträge ändert
FORMAT_VERSION = "1"


# ── Fingerabdruck: alles außer dem Code, wovon eine Ausgabe abhängt ──


def _package_dir(name: str) -> Path:
    spec = importlib.util.find_spec(name)
    if spec is None:
        raise ModuleNotFoundError(
            f"Ausführungs-Cache: Paket {name!r} (extra.exec_cache.libraries) "
            "ist nicht importierbar."
        )
    if spec.submodule_search_locations:
        return Path(next(iter(spec.submodule_search_locations)))
    assert spec.origin is not None
    return Path(spec.origin)


def library_fingerprint(packages: Iterable[str]) -> str:
    """SHA-256 über Pfade und Inhalte aller Dateien der Pakete (ohne Bytecode)."""
    digest = hashlib.sha256()
    for name in packages:
        root = _package_dir(name)
        files = [root] if root.is_file() else sorted(root.rglob("*"))
        for path in files:
            if not path.is_file() or "__pycache__" in path.parts:
                continue
            if path.suffix in {".pyc", ".pyo"}:
                continue
            rel = path.name if root.is_file() else path.relative_to(root).as_posix()
            digest.update(f"{name}/{rel}\0".encode())
            digest.update(path.read_bytes())
            digest.update(b"\0")
    return digest.hexdigest()


def installed_packages() -> str:
    """Python-Version und ``name==version`` aller installierten Pakete."""
    names = sorted(
        f"{dist.metadata['Name']}=={dist.version}"
        for dist in importlib.metadata.distributions()
        if dist.metadata["Name"]
    )
    return "\n".join([f"python=={platform.python_version()}", *names])


def data_state() -> str | None:
    """Wovon die Daten abhängen: ``mnist_lib.data.data_fingerprint()``.

    Offline die Pakete, die den Ersatz liefern; sonst die Cache-Dateien der
    Datensätze, die die Bibliothek kennt. ``None``, wenn das vom Netz abhinge.
    """
    from mnist_lib.data import data_fingerprint

    return data_fingerprint()


def environment_fingerprint(libraries: Sequence[str]) -> str | None:
    """Fingerabdruck von Bibliothek, Paketen und Daten; ``None`` = nicht cachen."""
    data = data_state()
    if data is None:
        return None
    digest = hashlib.sha256()
    for part in (FORMAT_VERSION, library_fingerprint(libraries), installed_packages()):
        digest.update(part.encode())
        digest.update(b"\0")
    digest.update(data.encode())
    return digest.hexdigest()


def block_key(
    fingerprint: str, code: str, session: str | None, history: Sequence[str]
) -> str:
    """Schlüssel eines Codeblocks: Umgebung, Sitzung, vorheriger Code, Code."""
    payload = json.dumps(
        {"env": fingerprint, "session": session, "before": list(history), "code": code}
    )
    return hashlib.sha256(payload.encode()).hexdigest()


# ── Der Cache für markdown-exec ──


@dataclass
class _Block:
    code: str
    executed: bool


@dataclass
class ExecCache:
    """Ausgaben von Codeblöcken, abgelegt als JSON-Dateien in ``directory``."""

    directory: Path
    fingerprint: str | None
    hits: int = 0
    misses: int = 0
    used: set[Path] = field(default_factory=set)
    #: Ausführungsdaten (ISO) der Blöcke der Seite, die gerade gebaut wird
    page_dates: list[str] = field(default_factory=list)
    # je Sitzung die Blöcke dieses Baus in Reihenfolge und ob sie liefen
    sessions: dict[str | None, list[_Block]] = field(
        default_factory=lambda: defaultdict(list)
    )

    def _path(self, key: str) -> Path:
        return self.directory / f"{key}.json"

    def load(self, key: str) -> tuple[str, str] | None:
        """Ausgabe und Ausführungsdatum (ISO) eines Eintrags, falls brauchbar."""
        path = self._path(key)
        try:
            entry = json.loads(path.read_text(encoding="utf-8"))
            output, executed = entry["output"], entry["executed"]
            if entry.get("key") != key or not isinstance(output, str):
                raise ValueError("Schlüssel oder Ausgabe passen nicht")
            dt.date.fromisoformat(executed)
        except FileNotFoundError:
            return None
        except (OSError, ValueError, KeyError, TypeError) as exc:
            # Beschädigter Eintrag: nicht verwenden, der Block läuft neu.
            log.info("Ausführungs-Cache: beschädigter Eintrag %s (%s)", path.name, exc)
            return None
        self.used.add(path)
        return output, executed

    def store(self, key: str, output: str) -> None:
        self.directory.mkdir(parents=True, exist_ok=True)
        path = self._path(key)
        temp = path.with_suffix(f".{os.getpid()}.tmp")
        entry = {"key": key, "output": output, "executed": today()}
        temp.write_text(json.dumps(entry), encoding="utf-8")
        os.replace(temp, path)  # atomar: nie ein halber Eintrag
        self.used.add(path)

    def run(
        self,
        run: Callable[..., str],
        code: str,
        session: str | None,
        kwargs: dict[str, Any],
    ) -> str:
        """Ausgabe aus dem Cache oder durch Ausführen (samt fehlendem Zustand)."""
        blocks = self.sessions[session] if session else []
        if self.fingerprint is None:
            self.page_dates.append(today())
            return run(code, session=session, **kwargs)
        key = block_key(self.fingerprint, code, session, [b.code for b in blocks])
        cached = self.load(key)
        if cached is not None:
            self.hits += 1
            self.page_dates.append(cached[1])
            if session:
                blocks.append(_Block(code, executed=False))
            return cached[0]
        # Neu ausführen. In einer Sitzung erst die übersprungenen Blöcke davor
        # nachholen, damit der Zustand (Variablen) derselbe ist wie ohne Cache.
        for block in blocks:
            if not block.executed:
                run(block.code, session=session, **kwargs)
                block.executed = True
        output = run(code, session=session, **kwargs)
        self.misses += 1
        self.page_dates.append(today())
        self.store(key, output)
        if session:
            blocks.append(_Block(code, executed=True))
        return output

    def evict_unused(self) -> int:
        """Einträge löschen, die dieser Bau nicht gebraucht hat."""
        removed = 0
        if self.directory.is_dir():
            for path in self.directory.glob("*.json"):
                if path not in self.used:
                    path.unlink(missing_ok=True)
                    removed += 1
        return removed


def today() -> str:
    return dt.datetime.now(dt.UTC).date().isoformat()


def german_date(iso: str) -> str:
    return dt.date.fromisoformat(iso).strftime("%d.%m.%Y")


# ── mkdocs-Hooks ──

_state: dict[str, Any] = {}


def _settings(config: Any) -> tuple[Path, tuple[str, ...]]:
    options = config.extra.get("exec_cache", {}) or {}
    libraries = tuple(options.get("libraries", DEFAULT_LIBRARIES))
    root = Path(config.config_file_path).resolve().parent
    directory = Path(os.environ.get(ENV_DIR) or root / ".cache" / "exec")
    return directory.resolve(), libraries


def enabled() -> bool:
    return os.environ.get(ENV_SWITCH, "1").strip().lower() not in {"0", "false", "no"}


def on_config(config: Any) -> Any:
    directory, libraries = _settings(config)
    _state.update(directory=directory, libraries=libraries, notebooks={})
    jupyter = config.plugins.get("mkdocs-jupyter")
    if jupyter is not None:
        plugin_patches.extend_notebook_cache_key(_notebook_key)
        plugin_patches.set_notebook_cache_options(
            jupyter, cache_dir=str(directory / "notebooks")
        )
    return config


def _notebook_key(nb_path: str, base: str) -> str:
    """Schlüssel von mkdocs-jupyter, ergänzt um Bibliothek, Pakete und Daten."""
    key = hashlib.sha256(f"{base}\0{_state['fingerprint']}".encode()).hexdigest()
    _state["notebooks"][nb_path] = key
    return key


def on_pre_build(config: Any) -> None:
    fingerprint = environment_fingerprint(_state["libraries"]) if enabled() else None
    _state["fingerprint"] = fingerprint
    jupyter = config.plugins.get("mkdocs-jupyter")
    if jupyter is not None:
        plugin_patches.set_notebook_cache_options(
            jupyter, cache=fingerprint is not None
        )
    if fingerprint is None:
        log.info(
            "Ausführungs-Cache aus (%s): aller Code läuft neu.",
            "NNV_EXEC_CACHE=0"
            if not enabled()
            else "Datensatz fehlt im Keras-Cache, Ergebnis hinge vom Netz ab",
        )
    _state["cache"] = ExecCache(_state["directory"] / "blocks", fingerprint)
    _state["seconds"] = defaultdict(float)
    if "markdown-exec" in config.plugins:
        # Jeder Bau beginnt mit leeren Sitzungen (auch bei `mkdocs serve`).
        plugin_patches.reset_sessions()
        plugin_patches.route_python_blocks(_cached_run)


def _cached_run(
    run: Callable[..., str], code: str, session: str | None, kwargs: dict[str, Any]
) -> str:
    return _state["cache"].run(run, code, session, kwargs)


def on_post_build(config: Any) -> None:
    cache: ExecCache = _state["cache"]
    removed = cache.evict_unused() if cache.fingerprint is not None else 0
    log.info(
        "Ausführungs-Cache: %d Codeblöcke wiederverwendet, %d ausgeführt, "
        "%d alte Einträge entfernt.",
        cache.hits,
        cache.misses,
        removed,
    )
    # Damit ein langsamer gewordener Code in jedem Bau-Protokoll auffällt
    slowest = sorted(_state["seconds"].items(), key=lambda item: -item[1])[:10]
    log.info(
        "Bauzeit je Seite (mit ihrem Code und Notebook): %s",
        ", ".join(f"{page} {seconds:.0f} s" for page, seconds in slowest),
    )


def on_pre_page(page: Any, config: Any, files: Any) -> Any:
    _state["cache"].page_dates = []
    _state["page_start"] = time.perf_counter()
    return page


def on_page_content(html: str, page: Any, config: Any, files: Any) -> str:
    """Datum, an dem der Code der Seite lief (für „Getestet mit“)."""
    seconds = time.perf_counter() - _state["page_start"]
    _state["seconds"][page.file.src_uri] = seconds
    dates = list(_state["cache"].page_dates)
    key = _state["notebooks"].get(page.file.abs_src_path)
    if key is not None and _state["fingerprint"] is not None:
        entry = _state["directory"] / "notebooks" / f"{key}.json"
        if entry.exists():  # gerade geschrieben oder aus einem früheren Bau
            mtime = entry.stat().st_mtime
            dates.append(dt.datetime.fromtimestamp(mtime, dt.UTC).date().isoformat())
    if dates:
        page.meta["executed_on"] = german_date(min(dates))
    return html
