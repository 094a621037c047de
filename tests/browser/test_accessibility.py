"""Barrierefreiheit: axe-core findet auf keiner Seite einen Verstoß, hell und dunkel.

axe-core läuft auf der vollständig gesetzten Seite (render_all.js): Blöcke, die
der Browser sonst erst beim Scrollen setzt, prüft es mit, samt Kontrast.
"""

from __future__ import annotations

import pytest

from tests.browser import findings
from tests.browser.visits import Scheme, Visit

pytestmark = pytest.mark.browser


def test_axe_finds_no_violations(
    visits: dict[tuple[str, str], Visit], scheme: Scheme
) -> None:
    mine = [v for v in visits.values() if v.scheme == scheme]
    problems = findings.report(mine, findings.accessibility)
    assert not problems, f"axe-core im Farbschema {scheme.name}:\n" + problems
