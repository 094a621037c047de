"""Pfade des Projekts – an einer Stelle für alle Tests – und Abschnitte der Skripte."""

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
SNIPPETS = ROOT / "snippets"
TESTS = ROOT / "tests"
# Was Tests für Menschen ablegen (Bildschirmfotos); nicht im Repository.
ARTIFACTS = ROOT / "test-artifacts"


def script_section(script: Path, name: str) -> str:
    """Der Code zwischen ``# --8<-- [start:name]`` und ``[end:name]`` eines Skripts."""
    text = script.read_text(encoding="utf-8")
    match = re.search(
        rf"# --8<-- \[start:{name}\]\n(.*?)# --8<-- \[end:{name}\]", text, re.S
    )
    assert match, f"Abschnitt {name} fehlt in {script.name}"
    return match.group(1)
