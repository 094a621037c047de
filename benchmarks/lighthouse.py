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
import shutil
import sys
import threading
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(Path(__file__).resolve().parent))
# Ein Lighthouse-Aufruf für beide Benchmarks (feste Version, Debians Chromium)
from site_performance import CHROMIUM, LIGHTHOUSE, GzipHandler, lighthouse  # noqa: E402

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
    if not CHROMIUM.is_file():
        sys.exit(f"Chromium fehlt unter {CHROMIUM} (Pfad über NNV_CHROMIUM setzen).")
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
                run = lighthouse(base + path, device)
                if run is None:
                    sys.exit(f"Lighthouse ist für {path} ({device}) gescheitert.")
                results[device, path] = run.scores
                notes += [f"{DEVICES[device]}, {path}: {n}" for n in run.failed]
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
