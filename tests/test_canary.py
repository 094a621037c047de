"""Der Bericht des Kanarienvogels (``make canary``) nennt Seite und Meldung."""

from __future__ import annotations

from pathlib import Path

from tools.canary import failures, read_pins, report, version_changes, where

JUNIT = """<?xml version="1.0" encoding="utf-8"?>
<testsuites><testsuite name="pytest" tests="4">
  <testcase classname="docs.keras.training.md" name="line 57"/>
  <testcase classname="docs.keras.training.md" name="line 88">
    <failure message="AttributeError: module 'keras' has no attribute 'Sequential'">
    Traceback …</failure>
  </testcase>
  <testcase classname="tests.test_lessons" name="test_x[grundlagen/tensoren.md]">
    <error message="ValueError: neue Meldung&#10;zweite Zeile"/>
  </testcase>
  <testcase classname="tests.test_numpy_net" name="test_fit"><failure message="x"/>
  </testcase>
</testsuite></testsuites>
"""


def test_pins_and_changes() -> None:
    tested = read_pins("# Kopf\nkeras==3.15.1\nNumPy==2.4.6\nabsl_py==2.5.1\n")
    now = read_pins("keras==4.0.0\nnumpy==2.4.6\nabsl-py==2.5.1\nneu==1.0\n")
    assert tested == {"keras": "3.15.1", "numpy": "2.4.6", "absl-py": "2.5.1"}
    assert version_changes(tested, now) == [
        "| keras | 3.15.1 | 4.0.0 |",
        "| neu | – | 1.0 |",
    ]


def test_failures_are_grouped_by_page(tmp_path: Path) -> None:
    junit = tmp_path / "junit.xml"
    junit.write_text(JUNIT, encoding="utf-8")
    broken = failures(junit)
    assert dict(broken) == {
        "docs/keras/training.md": [
            ("line 88", "AttributeError: module 'keras' has no attribute 'Sequential'")
        ],
        "docs/grundlagen/tensoren.md": [
            ("test_x[grundlagen/tensoren.md]", "ValueError: neue Meldung")
        ],
        "tests/test_numpy_net": [("test_fit", "x")],
    }
    text = report(["| keras | 3.15.1 | 4.0.0 |"], broken, 1)
    assert "3 Tests scheitern, an 3 Stellen" in text
    assert "## docs/keras/training.md" in text
    assert "keine neueren Versionen" not in text
    assert "Alle Tests bestehen" in report([], {}, 0)
    assert "keine neueren Versionen" in report([], {}, 0)


def test_where_finds_the_page() -> None:
    assert where("snippets/keras/daten.py::test") == "snippets/keras/daten.py"
    assert where("tests/test_site::test_y[keras/daten.md]") == "docs/keras/daten.md"
    assert where("tests/test_data::test_z") == "tests/test_data"
