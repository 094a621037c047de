"""Seitengewicht, Lighthouse-Bewertungen und Bauzeiten der Lernseite.

Baut die Seite in einer Kopie des Projekts (kalt, mit Ausführung allen Codes),
ändert dann den Fließtext einer Seite und baut erneut (warm). Danach misst es im
echten Browser (Chromium über Playwright) pro Seite die übertragenen Bytes und,
falls ``npx`` vorhanden ist, die Lighthouse-Bewertungen (npm-Paket lighthouse mit
Debians Chromium). Ausgegeben werden Messwerte und Verhältnisse, keine Asserts.

Aufruf:  python benchmarks/site_performance.py [--ohne-lighthouse]
"""

from __future__ import annotations

import argparse
import functools
import http.server
import json
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = os.environ.get("NNV_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
LIGHTHOUSE = "lighthouse@12"
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
BUDGET_BYTES = 500_000
EDITED_PAGE = "docs/grundlagen/glossar.md"


def build(project: Path, site: Path) -> float:
    """`mkdocs build --strict` in ``project``; gibt die Dauer in Sekunden zurück."""
    start = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-d", str(site)],
        cwd=project,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        check=True,
        capture_output=True,
    )
    return time.perf_counter() - start


def copy_project(target: Path) -> Path:
    ignore = shutil.ignore_patterns(
        ".venv", ".git", "site", "test-artifacts", ".*cache*"
    )
    shutil.copytree(ROOT, target, ignore=ignore)
    return target


def serve(directory: Path) -> tuple[http.server.ThreadingHTTPServer, str]:
    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, format: str, *args: object) -> None:
            pass

    handler = functools.partial(Quiet, directory=str(directory))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}/"


def pages(site: Path) -> list[str]:
    return sorted(
        p.relative_to(site).as_posix()
        for p in site.rglob("*.html")
        if p.relative_to(site).parts[0] != "assets" and p.name != "404.html"
    )


def transferred_bytes(base: str, paths: list[str]) -> dict[str, int]:
    """Bytes aller Antworten beim ersten Laden jeder Seite (leerer Cache)."""
    from playwright.sync_api import sync_playwright

    result: dict[str, int] = {}
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM, args=CHROMIUM_ARGS
        )
        for path in paths:
            context = browser.new_context()
            page = context.new_page()
            sizes: list[int] = []
            page.on(
                "requestfinished",
                lambda r, s=sizes: s.append(r.sizes()["responseBodySize"]),
            )
            page.goto(base + path, wait_until="networkidle")
            result[path] = sum(sizes)
            context.close()
        browser.close()
    return result


def lighthouse(url: str) -> dict[str, int] | None:
    """Lighthouse-Bewertungen (0–100) einer Seite oder None, wenn es nicht läuft."""
    if shutil.which("npx") is None:
        return None
    with tempfile.TemporaryDirectory() as tmp:
        report = Path(tmp) / "report.json"
        command = [
            "npx", "--yes", LIGHTHOUSE, url,
            "--output=json", f"--output-path={report}", "--quiet",
            f"--only-categories={','.join(CATEGORIES)}",
            f"--chrome-flags={' '.join(CHROMIUM_ARGS)}",
        ]  # fmt: skip
        env = {**os.environ, "CHROME_PATH": CHROMIUM}
        proc = subprocess.run(command, env=env, capture_output=True, text=True)
        if proc.returncode != 0 or not report.exists():
            print(f"  Lighthouse gescheitert: {proc.stderr.strip()[-300:]}")
            return None
        data = json.loads(report.read_text(encoding="utf-8"))
    return {c: round(100 * data["categories"][c]["score"]) for c in CATEGORIES}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--ohne-lighthouse", action="store_true")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as tmp:
        project = copy_project(Path(tmp) / "projekt")
        site = Path(tmp) / "site"
        cold = build(project, site)
        page_file = project / EDITED_PAGE
        page_file.write_text(
            page_file.read_text(encoding="utf-8") + "\nEin geänderter Satz.\n",
            encoding="utf-8",
        )
        warm = build(project, site)
        print(f"Bau kalt (mit Ausführung): {cold:6.1f} s")
        print(f"Bau warm (Text von {EDITED_PAGE} geändert): {warm:6.1f} s")
        print(f"Verhältnis warm/kalt: {warm / cold:.2f}")

        server, base = serve(site)
        try:
            paths = pages(site)
            sizes = transferred_bytes(base, paths)
            print(
                f"\n{'Seite':45} {'KB':>7}  "
                + "  ".join(f"{c[:6]:>6}" for c in CATEGORIES)
            )
            for path in paths:
                scores = None if args.ohne_lighthouse else lighthouse(base + path)
                score_text = (
                    "  ".join(f"{scores[c]:>6}" for c in CATEGORIES)
                    if scores
                    else "   –"
                )
                flag = "  (über Budget)" if sizes[path] > BUDGET_BYTES else ""
                size = f"{sizes[path] / 1000:7.0f}"
                print(f"{path:45} {size}  {score_text}{flag}")
        finally:
            server.shutdown()


if __name__ == "__main__":
    main()
