"""Die JavaScript-Sonden selbst: gültiges JavaScript, jede benutzt, klare Fehler.

Läuft ohne Browser und ohne Bau (QuickJS aus dem PyPI-Paket quickjs), damit ein
Tippfehler in einer Sonde nicht erst nach dem Bau der Seite auffällt.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
import quickjs

from tests.browser_setup import JS_DIR, js
from tests.paths import ROOT, TESTS

PROBES = sorted(JS_DIR.glob("*.js"))


def parses(source: str) -> str | None:
    """Syntaxfehler der Quelle oder ``None`` (übersetzt, nicht ausgeführt)."""
    try:
        quickjs.Context().eval(f"new Function({json.dumps(source)})")
    except quickjs.JSException as error:
        return str(error)
    return None


@pytest.mark.parametrize("probe", PROBES, ids=lambda p: p.name)
def test_probe_is_valid_javascript(probe: Path) -> None:
    error = parses(probe.read_text(encoding="utf-8"))
    assert error is None, f"{probe.name}: {error}"


def test_syntax_check_finds_errors() -> None:
    assert parses("() => {") is not None
    assert parses("async (a) => a?.b ?? [1].findLastIndex((x) => x)") is None


def test_every_probe_is_used() -> None:
    # Ohne diese Datei: Sie nennt absichtlich eine Sonde, die es nicht gibt.
    sources = [
        path
        for path in [
            *(TESTS / "browser").glob("*.py"),
            TESTS / "browser_setup.py",
            *(ROOT / "benchmarks").glob("*.py"),
        ]
        if path != Path(__file__).resolve()
    ]
    used = {
        name
        for path in sources
        for name in re.findall(r'"([\w-]+\.js)"', path.read_text("utf-8"))
    }
    assert len(PROBES) >= 9
    assert {p.name for p in PROBES} == used


def test_unknown_probe_fails_clearly() -> None:
    with pytest.raises(FileNotFoundError, match=r"Keine JavaScript-Sonde „fehlt\.js“"):
        js("fehlt.js")
    with pytest.raises(FileNotFoundError, match=r"Vorhanden: .*math\.js"):
        js("../browser_setup.py")
