"""Pfade des Projekts – an einer Stelle für alle Tests."""

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
SNIPPETS = ROOT / "snippets"
TESTS = ROOT / "tests"
# Was Tests für Menschen ablegen (Bildschirmfotos); nicht im Repository.
ARTIFACTS = ROOT / "test-artifacts"
