"""Frühwarnung: die Testsuite gegen die neuesten Versionen der Abhängigkeiten.

``make canary`` legt ``.venv-canary`` an, installiert das Projekt mit den neuesten
Versionen, die der Paketindex anbietet (ohne constraints.txt), führt die Tests aus
und schreibt einen deutschen Bericht nach ``test-artifacts/canary.md``: welche
Pakete neuer sind als die getesteten, welche Seite oder welches Modul dabei bricht
und mit welcher Meldung. Ein roter Kanarienvogel blockiert nichts; er zeigt, was
ein Update der getesteten Versionen (constraints.txt) mit sich brächte.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import venv
import xml.etree.ElementTree as ET
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
VENV = ROOT / ".venv-canary"
REPORT = ROOT / "test-artifacts" / "canary.md"
JUNIT = ROOT / "test-artifacts" / "canary-junit.xml"
# Pakete, deren Versionssprung die Lektionen am ehesten bricht – zuerst im Bericht
WATCHED = (
    "tensorflow", "keras", "numpy", "matplotlib", "scikit-learn",
    "mkdocs-material", "pytest-codeblocks", "markdown-exec", "mkdocs-jupyter",
)  # fmt: skip
PAGE = re.compile(r"(docs/[\w/-]+\.(?:md|ipynb)|snippets/[\w/-]+\.py)")
EXTENSIONS = {"md", "ipynb"}
PARAM_PAGE = re.compile(r"\[([\w/-]+\.(?:md|ipynb))")


def normalize(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def read_pins(text: str) -> dict[str, str]:
    """``name==version``-Zeilen (pip freeze, constraints.txt) → {name: version}."""
    pins = {}
    for line in text.splitlines():
        match = re.match(r"^([A-Za-z0-9_.-]+)==([^\s;]+)", line)
        if match:
            pins[normalize(match[1])] = match[2]
    return pins


def install(python: Path) -> None:
    """Projekt mit Test-Extras, jedes Paket in der neuesten Version."""
    pip = [str(python), "-m", "pip", "install", "--quiet", "--upgrade"]
    subprocess.run([*pip, "pip"], check=True)
    subprocess.run(
        [*pip, "--upgrade-strategy", "eager", "-e", f"{ROOT}[test]"], check=True
    )


def version_changes(tested: dict[str, str], now: dict[str, str]) -> list[str]:
    """Zeilen der Tabelle „getestet → neu“, beobachtete Pakete zuerst."""
    changed = [name for name in now if name in tested and tested[name] != now[name]] + [
        name for name in now if name not in tested and name != "nnv-mnist-lib"
    ]
    changed.sort(key=lambda n: (n not in WATCHED, n))
    return [f"| {n} | {tested.get(n, '–')} | {now[n]} |" for n in changed]


def where(nodeid: str) -> str:
    """Die Seite (oder das Modul), zu der ein Test gehört."""
    for pattern in (PAGE, PARAM_PAGE):
        match = pattern.search(nodeid)
        if match:
            page = match[1]
            return page if page.startswith(("docs/", "snippets/")) else f"docs/{page}"
    return nodeid.split("::")[0]


def failures(junit: Path) -> dict[str, list[tuple[str, str]]]:
    """Seite → [(Test, Meldung)] aller gescheiterten Tests."""
    found: dict[str, list[tuple[str, str]]] = defaultdict(list)
    if not junit.exists():
        return found
    for case in ET.parse(junit).iter("testcase"):
        problem = case.find("failure")
        if problem is None:
            problem = case.find("error")
        if problem is None:
            continue
        # junit schreibt „docs/keras/training.md“ als Klasse „docs.keras.training.md“
        classname = case.get("classname", "")
        module, _, suffix = classname.rpartition(".")
        if suffix in EXTENSIONS:
            path = f"{module.replace('.', '/')}.{suffix}"
        else:
            path = classname.replace(".", "/")
        message = (problem.get("message") or problem.text or "").strip()
        first = next((line for line in message.splitlines() if line.strip()), "")
        found[where(f"{path}::{case.get('name')}")].append(
            (case.get("name", ""), first[:300])
        )
    return found


def report(changes: list[str], broken: dict, returncode: int) -> str:
    lines = ["# Kanarienvogel: Tests mit den neuesten Versionen", ""]
    if changes:
        lines += ["| Paket | getestet | neueste |", "| --- | --- | --- |", *changes]
    else:
        lines.append(
            "Der Paketindex bietet keine neueren Versionen an als die getesteten "
            "(constraints.txt)."
        )
    lines.append("")
    if returncode == 0:
        lines.append("**Ergebnis:** Alle Tests bestehen auch mit diesen Versionen.")
    elif not broken:
        lines.append(
            f"**Ergebnis:** pytest endete mit Code {returncode}, ohne einen "
            "einzelnen Test als gescheitert zu melden (siehe Protokoll)."
        )
    else:
        count = sum(len(v) for v in broken.values())
        lines.append(
            f"**Ergebnis:** {count} Tests scheitern, an {len(broken)} Stellen:"
        )
        for page, cases in sorted(broken.items()):
            lines += ["", f"## {page}", ""]
            lines += [f"- `{name}`: {message}" for name, message in cases]
    return "\n".join(lines) + "\n"


def main() -> int:
    if not (VENV / "bin" / "python").exists():
        venv.create(VENV, with_pip=True)
    python = VENV / "bin" / "python"
    install(python)
    frozen = subprocess.run(
        [str(python), "-m", "pip", "freeze", "--exclude-editable"],
        capture_output=True, text=True, check=True,
    ).stdout  # fmt: skip
    tested = read_pins((ROOT / "constraints.txt").read_text(encoding="utf-8"))
    changes = version_changes(tested, read_pins(frozen))
    JUNIT.parent.mkdir(exist_ok=True)
    env = {
        **os.environ,
        "MNIST_LIB_OFFLINE": "1",
        "PATH": f"{VENV / 'bin'}:{os.environ['PATH']}",
    }
    args = sys.argv[1:] or []
    result = subprocess.run(
        [str(python), "-m", "pytest", "-q", f"--junitxml={JUNIT}", *args],
        cwd=ROOT, env=env,
    )  # fmt: skip
    text = report(changes, failures(JUNIT), result.returncode)
    REPORT.write_text(text, encoding="utf-8")
    print("\n" + text)
    print(f"Bericht: {REPORT.relative_to(ROOT)}")
    return result.returncode


if __name__ == "__main__":
    sys.exit(main())
