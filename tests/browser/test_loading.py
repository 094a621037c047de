"""Jede Seite lädt ohne Fehler, und keine Anfrage verlässt den Rechner."""

from __future__ import annotations

import pytest

from tests.browser import findings
from tests.browser.visits import Scheme, Visit

pytestmark = pytest.mark.browser


def test_pages_load_without_errors(
    visits: dict[tuple[str, str], Visit], scheme: Scheme
) -> None:
    """HTTP 200, keine Konsolen- oder JavaScript-Fehler, auch nicht durch Scrollen,
    Überfahren oder axe-core; jede Sonde lief durch."""
    mine = [v for v in visits.values() if v.scheme == scheme]
    problems = findings.report(mine, findings.loading)
    assert not problems, "Seiten mit Fehlern:\n" + problems


def test_no_requests_leave_localhost(
    visits: dict[tuple[str, str], Visit], scheme: Scheme
) -> None:
    """Schriften, Skripte, Suche, Abbildungen: nichts kommt von fremden Servern."""
    mine = [v for v in visits.values() if v.scheme == scheme]
    problems = findings.report(mine, findings.requests)
    assert not problems, (
        "Seiten laden Inhalte von fremden Rechnern (im Test abgebrochen):\n" + problems
    )
