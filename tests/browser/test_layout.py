"""Darstellung: nichts springt, Telefonbreite, späte Blöcke, Formeln, Abbildungen.

Was im gebauten HTML steht (Alternativtexte, Maße, gesetzte Formeln), prüft
tests/test_site.py; hier steht nur, was erst ein Browser zeigt.
"""

from __future__ import annotations

import pytest

from tests.browser import findings
from tests.browser.visits import DARK, LIGHT, Visit

pytestmark = pytest.mark.browser


def test_nothing_jumps_while_loading(visits: dict[tuple[str, str], Visit]) -> None:
    """Beim Laden verschiebt sich nichts Sichtbares – in Desktop- und Telefonbreite."""
    problems = findings.report(visits.values(), findings.layout_shift)
    assert not problems, problems


def test_phone_width_has_no_sideways_scrolling_and_a_menu(
    visits: dict[tuple[str, str], Visit],
) -> None:
    phone = [v for v in visits.values() if v.loads_on_phone]
    assert phone, "Kein Farbschema lädt in Telefonbreite"
    problems = findings.report(phone, findings.phone_layout)
    assert not problems, problems


def test_late_blocks_are_complete_when_scrolled_to(
    visits: dict[tuple[str, str], Visit],
) -> None:
    """Blöcke unterhalb des ersten Bildschirms setzt der Browser erst beim
    Hinscrollen (content-visibility, content.lazy) – dann aber vollständig."""
    assert (findings.LONG_PAGE, DARK.name) in visits, (
        f"{findings.LONG_PAGE} fehlt – die längste Lektion prüft das Nachsetzen"
    )
    problems = findings.report(visits.values(), findings.late_blocks)
    assert not problems, problems


def test_math_has_katex_style_and_font(visits: dict[tuple[str, str], Visit]) -> None:
    """Formeln setzt KaTeX schon beim Bau; der Browser braucht Stil und Schrift."""
    with_math = {v.path for v in visits.values() if v.math and v.math["formulas"]}
    assert len(with_math) >= 5, "Kaum Seiten mit Formeln gefunden?"
    problems = findings.report(visits.values(), findings.math)
    assert not problems, "Formelsatz mit KaTeX gestört:\n" + problems


def test_images_load_when_scrolled_to(visits: dict[tuple[str, str], Visit]) -> None:
    """Jede Abbildung lädt (loading="lazy"), auch in Lösungen und Reitern."""
    count = sum(len(v.images or []) for v in visits.values() if v.scheme == LIGHT)
    assert count >= 20, f"Nur {count} Abbildungen gefunden?"
    problems = findings.report(visits.values(), findings.images)
    assert not problems, problems
