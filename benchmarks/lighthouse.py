"""Lighthouse-Punkte der Optimierer-Seite und der Seite „Zeichne eine Ziffer“.

Baut nicht selbst: nimmt einen gebauten Ordner (Standard ``site/``, z. B. von
``make build``), liefert ihn auf 127.0.0.1 aus (Text gzip-komprimiert wie bei
GitHub Pages) und lässt Lighthouse (npm-Paket in fester Version, über ``npx``)
mit Debians Chromium über die Seiten laufen. Ausgegeben wird eine Tabelle der
Punkte (0–100) je Seite und Kategorie und, was Punkte kostet. Ziel: überall ≥ 95.
Keine Asserts – ein Benchmark, kein Test.

Aufruf:  python benchmarks/lighthouse.py [ORDNER] [--geraet mobil|desktop|beide]
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
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(Path(__file__).resolve().parent))
from site_performance import GzipHandler  # noqa: E402

LIGHTHOUSE = "lighthouse@13.5.0"
CHROME = os.environ.get("CHROME_PATH", "/usr/bin/chromium")
CHROME_FLAGS = "--headless=new --no-sandbox"
CATEGORIES = {
    "performance": "Leistung",
    "accessibility": "Barrierefreiheit",
    "best-practices": "Best Practices",
    "seo": "SEO",
}
DEVICES = {"mobil": "Mobil (Lighthouse-Standard)", "desktop": "Desktop"}
PAGES = ("vertiefung/optimierer/", "vertiefung/zeichne-eine-ziffer/")
GOAL = 95


def existing_pages(site: Path) -> list[str]:
    """Die Seiten aus ``PAGES``, die es im gebauten Ordner gibt."""
    return [page for page in PAGES if (site / page / "index.html").is_file()]


def run_lighthouse(url: str, desktop: bool) -> dict:
    """Ein Lauf; gibt den JSON-Bericht von Lighthouse zurück."""
    with tempfile.TemporaryDirectory() as tmp:
        report = Path(tmp) / "bericht.json"
        command = [
            "npx", "--yes", LIGHTHOUSE, url,
            "--output=json", f"--output-path={report}", "--quiet",
            f"--only-categories={','.join(CATEGORIES)}",
            f"--chrome-flags={CHROME_FLAGS}",
        ]  # fmt: skip
        if desktop:
            command.append("--preset=desktop")
        env = {**os.environ, "CHROME_PATH": CHROME}
        proc = subprocess.run(
            command, env=env, capture_output=True, text=True, timeout=600
        )
        if proc.returncode != 0 or not report.is_file():
            raise RuntimeError(
                f"Lighthouse ist für {url} gescheitert (Rückgabewert "
                f"{proc.returncode}): {proc.stderr.strip()[-500:]}"
            )
        return json.loads(report.read_text(encoding="utf-8"))


def scores(report: dict) -> dict[str, int]:
    return {c: round(100 * report["categories"][c]["score"]) for c in CATEGORIES}


def weak_audits(report: dict) -> list[str]:
    """Prüfungen, die in einer Kategorie Punkte kosten (Bewertung unter 0,9)."""
    weak = []
    for category in CATEGORIES:
        for ref in report["categories"][category]["auditRefs"]:
            audit = report["audits"][ref["id"]]
            score = audit.get("score")
            if ref["weight"] > 0 and score is not None and score < 0.9:
                value = audit.get("displayValue", "")
                weak.append(
                    f"{CATEGORIES[category]}: {audit['title']} "
                    f"(Bewertung {score:.2f}{', ' + value if value else ''})"
                )
    return weak


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "site", nargs="?", help="gebauter Ordner (Standard: site/ im Projekt)"
    )
    parser.add_argument(
        "--geraet",
        choices=(*DEVICES, "beide"),
        default="beide",
        help="Mobil (Lighthouse-Standard), Desktop oder beide (Standard)",
    )
    args = parser.parse_args()
    site = Path(args.site).resolve() if args.site else ROOT / "site"
    if not (site / "index.html").is_file():
        message = f"Kein gebauter Ordner: {site}/index.html fehlt (erst `make build`)."
        if args.site:
            sys.exit(message)
        # `make benchmarks` ruft jedes Skript ohne Argument auf: dann nur ein Hinweis.
        print(f"Lighthouse übersprungen. {message}")
        return
    if shutil.which("npx") is None:
        sys.exit("npx fehlt: Lighthouse braucht Node.js und npm.")
    if not Path(CHROME).is_file():
        sys.exit(f"Chromium fehlt unter {CHROME} (Pfad über CHROME_PATH setzen).")
    paths = existing_pages(site)
    if not paths:
        sys.exit(f"Keine der Seiten {', '.join(PAGES)} in {site}.")

    handler = functools.partial(GzipHandler, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}/"
    devices = list(DEVICES) if args.geraet == "beide" else [args.geraet]
    results: dict[tuple[str, str], dict[str, int]] = {}
    notes: list[str] = []
    try:
        for device in devices:
            for path in paths:
                report = run_lighthouse(base + path, device == "desktop")
                results[device, path] = scores(report)
                notes += [
                    f"{DEVICES[device]}, {path}: {n}" for n in weak_audits(report)
                ]
    finally:
        server.shutdown()
        server.server_close()

    print(f"\nLighthouse ({LIGHTHOUSE}), Punkte 0–100, Ziel ≥ {GOAL}")
    print(
        f"{'Gerät':10}{'Seite':34}"
        + "".join(f"{name:>17}" for name in CATEGORIES.values())
    )
    for (device, path), points in results.items():
        print(f"{device:10}{path:34}" + "".join(f"{points[c]:>17}" for c in CATEGORIES))
    for page in PAGES:
        if page not in paths:
            print(f"{'':10}{page:34}  (nicht im Ordner)")
    below = [
        f"{DEVICES[device]}, {path} {CATEGORIES[c]}: {p[c]}"
        for (device, path), p in results.items()
        for c in CATEGORIES
        if p[c] < GOAL
    ]
    print("\nUnter dem Ziel: " + ("; ".join(below) if below else "nichts"))
    if notes:
        print("Was Punkte kostet:")
        for note in notes:
            print(f"  {note}")


if __name__ == "__main__":
    main()
