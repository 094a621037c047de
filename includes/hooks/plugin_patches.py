"""Eingriffe in andere Plugins – alle an einer Stelle, beim Start geprüft.

Der Ausführungs-Cache (``cache.py``) braucht Dinge, die markdown-exec und
mkdocs-jupyter nicht als öffentliche Schnittstelle anbieten:

- markdown-exec, ``_run_python``: führt einen Python-Block aus; der Cache
  setzt sich davor.
- markdown-exec, ``_sessions_globals``: die Variablen der Sitzungen
  (``session="…"``); jeder Bau beginnt leer, auch bei ``mkdocs serve``.
- mkdocs-jupyter, ``_compute_cache_key``: der Schlüssel seines Notebook-Caches;
  der Cache ergänzt ihn um Bibliothek, Pakete und Daten.
- mkdocs-jupyter, Einstellungen ``cache`` und ``cache_dir``: setzt der Cache
  selbst (an/aus und Ordner hängen vom Fingerabdruck ab).

Private Namen können sich mit jeder Version ändern. Damit daraus kein stiller
Fehler wird (ein Cache, der nie greift, oder veraltete Ausgaben), prüft dieser
Hook in ``on_config``, dass jedes Ziel existiert und die erwartete Signatur hat,
und bricht den Bau sonst mit einer deutschen Meldung ab. Jeder Eingriff prüft
sein Ziel vorher noch einmal.

Das Modul hält keinen Zustand: mkdocs lädt es als Hook, und ``cache.py``
importiert es noch einmal (``import plugin_patches``). Das Original einer
ersetzten Funktion hängt deshalb am Ersatz (``__wrapped__``).
"""

from __future__ import annotations

import functools
import importlib
import inspect
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from importlib.metadata import PackageNotFoundError, version
from types import ModuleType
from typing import Any

from _common import ROOT
from mkdocs.exceptions import PluginError

THIS_FILE = "includes/hooks/plugin_patches.py"
#: Markiert unsere Ersatzfunktionen (das Original steht in ``__wrapped__``)
PATCH_MARK = "_nnv_plugin_patch"


@dataclass(frozen=True)
class Target:
    """Ein privater Name eines anderen Plugins, in den der Bau eingreift."""

    plugin: str  # Name in mkdocs.yml und auf PyPI
    module: str
    name: str
    purpose: str  # wofür der Bau ihn braucht (für die Fehlermeldung)
    parameters: tuple[str, ...] | None = None  # Funktion: Namen der Parameter
    kind: type | None = None  # sonst: erwarteter Typ

    @property
    def qualname(self) -> str:
        return f"{self.module}.{self.name}"


RUN_PYTHON = Target(
    "markdown-exec",
    "markdown_exec._internal.formatters.python",
    "_run_python",
    "Ausgaben von Codeblöcken aus dem Ausführungs-Cache",
    parameters=("code", "returncode", "session", "id", "extra"),
)
SESSIONS = Target(
    "markdown-exec",
    "markdown_exec._internal.formatters.python",
    "_sessions_globals",
    "leere Sitzungen zu Beginn jedes Baus",
    kind=dict,
)
NOTEBOOK_CACHE_KEY = Target(
    "mkdocs-jupyter",
    "mkdocs_jupyter.plugin",
    "_compute_cache_key",
    "Schlüssel des Notebook-Caches mit Bibliothek, Paketen und Daten",
    parameters=("nb_path", "config", "exec_nb"),
)
TARGETS = (RUN_PYTHON, SESSIONS, NOTEBOOK_CACHE_KEY)
#: Einstellungen von mkdocs-jupyter, die der Ausführungs-Cache setzt
NOTEBOOK_CACHE_OPTIONS = ("cache", "cache_dir")


# ── Prüfen ──


def installed_version(plugin: str) -> str:
    try:
        return version(plugin)
    except PackageNotFoundError:
        return "(nicht installiert)"


def tested_version(plugin: str) -> str | None:
    """Die Version aus ``constraints.txt``, mit der der Bau getestet ist."""
    constraints = ROOT / "constraints.txt"
    if not constraints.is_file():
        return None
    name = re.escape(plugin).replace(r"\-", "[-_.]")
    match = re.search(
        rf"^{name}==(\S+)",
        constraints.read_text(encoding="utf-8"),
        re.IGNORECASE | re.MULTILINE,
    )
    return match.group(1) if match else None


def problem(target: Target) -> str | None:
    """Was an einem Ziel nicht mehr passt – oder ``None``."""
    try:
        module = importlib.import_module(target.module)
    except ImportError as error:
        return f"das Modul {target.module} fehlt ({error})"
    if not hasattr(module, target.name):
        return f"{target.qualname} gibt es nicht mehr"
    found = getattr(module, target.name)
    if target.parameters is None:
        assert target.kind is not None
        if isinstance(found, target.kind):
            return None
        return (
            f"{target.qualname} ist ein {type(found).__name__}, "
            f"erwartet war ein {target.kind.__name__}"
        )
    if not callable(found):
        return f"{target.qualname} ist keine Funktion mehr"
    try:
        names = tuple(inspect.signature(found).parameters)
    except (TypeError, ValueError):
        return f"die Signatur von {target.qualname} lässt sich nicht lesen"
    if names != target.parameters:
        return (
            f"{target.qualname} hat die Parameter ({', '.join(names)}), "
            f"erwartet waren ({', '.join(target.parameters)})"
        )
    return None


def failure_message(problems: Iterable[tuple[str, str]]) -> str:
    """Deutsche Meldung: welches Plugin, was, welche Version, was zu tun ist."""
    problems = list(problems)
    plugins = sorted({plugin for plugin, _ in problems})
    lines = [
        f"Der Bau greift in Interna anderer Plugins ein ({THIS_FILE}), "
        "und die installierte Version passt nicht mehr dazu:"
    ]
    lines += [
        f"- {plugin} {installed_version(plugin)}: {text}." for plugin, text in problems
    ]
    tested = [f"{p} {v}" for p in plugins if (v := tested_version(p))]
    if tested:
        lines.append(f"Getestet ist der Bau mit {', '.join(tested)}.")
    lines.append(
        "Abhilfe: die getesteten Versionen installieren "
        '(python -m pip install -c constraints.txt -e ".[test]") oder die '
        f"Eingriffe in {THIS_FILE} an die neue Version anpassen und "
        "tests/test_hooks.py laufen lassen."
    )
    return "\n".join(lines)


def _describe(target: Target, text: str) -> tuple[str, str]:
    return target.plugin, f"{text} (gebraucht für: {target.purpose})"


def _missing_option(option: str) -> tuple[str, str]:
    return (
        NOTEBOOK_CACHE_KEY.plugin,
        f"die Einstellung „{option}“ gibt es nicht mehr "
        "(gebraucht für: Notebook-Cache an- und abschalten)",
    )


def check(config: Any) -> None:
    """Alle Ziele der Plugins prüfen, die ``mkdocs.yml`` einbindet."""
    problems = [
        _describe(target, text)
        for target in TARGETS
        if target.plugin in config.plugins and (text := problem(target))
    ]
    jupyter = config.plugins.get(NOTEBOOK_CACHE_KEY.plugin)
    if jupyter is not None:
        problems += [
            _missing_option(option)
            for option in NOTEBOOK_CACHE_OPTIONS
            if option not in jupyter.config
        ]
    if problems:
        raise PluginError(failure_message(problems))


def on_config(config: Any) -> Any:
    check(config)
    return config


# ── Eingreifen (nur über diese Funktionen) ──


def _checked_module(target: Target) -> ModuleType:
    if text := problem(target):
        raise PluginError(failure_message([_describe(target, text)]))
    return importlib.import_module(target.module)


def _original(function: Callable[..., Any]) -> Callable[..., Any]:
    """Die Funktion des Plugins – auch wenn ein früherer Bau sie schon ersetzt hat."""
    while getattr(function, PATCH_MARK, False):
        function = function.__wrapped__  # type: ignore[attr-defined]
    return function


def _install(target: Target, module: ModuleType, replacement: Callable) -> None:
    setattr(replacement, PATCH_MARK, True)
    setattr(module, target.name, replacement)


CodeRunner = Callable[[Callable[..., str], str, str | None, dict[str, Any]], str]


def route_python_blocks(runner: CodeRunner) -> None:
    """markdown-exec führt Python-Blöcke künftig über ``runner`` aus.

    ``runner(original, code, session, kwargs)`` bekommt die Funktion von
    markdown-exec und entscheidet, ob und wie oft sie läuft.
    """
    module = _checked_module(RUN_PYTHON)
    original = _original(getattr(module, RUN_PYTHON.name))

    @functools.wraps(original)
    def run_python(code: str, session: str | None = None, **kwargs: Any) -> str:
        return runner(original, code, session, kwargs)

    _install(RUN_PYTHON, module, run_python)


def reset_sessions() -> None:
    """Alle Sitzungen von markdown-exec leeren (Variablen früherer Baus vergessen)."""
    getattr(_checked_module(SESSIONS), SESSIONS.name).clear()


def extend_notebook_cache_key(extend: Callable[[str, str], str]) -> None:
    """mkdocs-jupyter nimmt künftig ``extend(nb_path, eigener_schlüssel)``."""
    module = _checked_module(NOTEBOOK_CACHE_KEY)
    original = _original(getattr(module, NOTEBOOK_CACHE_KEY.name))

    @functools.wraps(original)
    def compute_cache_key(nb_path: str, config: Any, exec_nb: bool) -> str:
        return extend(nb_path, original(nb_path, config, exec_nb))

    _install(NOTEBOOK_CACHE_KEY, module, compute_cache_key)


def set_notebook_cache_options(plugin: Any, **options: Any) -> None:
    """Einstellungen von mkdocs-jupyter setzen (``cache``, ``cache_dir``)."""
    for option, value in options.items():
        if option not in plugin.config:
            raise PluginError(failure_message([_missing_option(option)]))
        plugin.config[option] = value
