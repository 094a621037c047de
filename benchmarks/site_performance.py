"""Seitengewicht, Lighthouse-Bewertungen und Bauzeiten der Lernseite.

Baut die Seite in einer Kopie des Projekts (kalt: leerer Ausführungs-Cache, aller
Code läuft), ändert dann den Fließtext einer Seite und baut erneut (warm: der Code
ist unverändert, seine Ausgaben kommen aus dem Cache). Danach misst es im echten
Browser (Chromium über Playwright) pro Seite die übertragenen Bytes und, falls
``npx`` vorhanden ist, die Lighthouse-Bewertungen (npm-Paket lighthouse mit Debians
Chromium). Ausgegeben werden Messwerte und Verhältnisse, keine Asserts.

Der Testserver komprimiert Text (HTML, CSS, JS, JSON, SVG) mit gzip, wie es GitHub
Pages beim Ausliefern tut; gezählt wird, was über die Leitung geht.

Aufruf:  python benchmarks/site_performance.py [--ohne-lighthouse] [--site ORDNER]
         [--laeufe N]   (Lighthouse-Läufe je Seite und Gerät, Median; Standard 3)
"""

from __future__ import annotations

import argparse
import functools
import gzip
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
from typing import NamedTuple

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from tests.browser_setup import CHROMIUM, CHROMIUM_ARGS, REVEAL_IMAGES_JS  # noqa: E402

LIGHTHOUSE = "lighthouse@13.5.0"
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
BUDGET_BYTES = 500_000
EDITED_PAGE = "docs/grundlagen/glossar.md"


def build(project: Path, site: Path) -> float:
    """`mkdocs build --strict` in ``project``; gibt die Dauer in Sekunden zurück."""
    start = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-d", str(site)],
        cwd=project,
        env=build_env(),
        check=True,
        capture_output=True,
    )
    return time.perf_counter() - start


def build_env() -> dict[str, str]:
    """Umgebung der Baus: wie die Tests mit der Offline-Teilmenge, außer
    ``MNIST_LIB_OFFLINE`` ist ausdrücklich gesetzt. Ohne Netz und ohne Keras-Cache
    ist der Ausführungs-Cache sonst aus (das Ergebnis hinge vom Netz ab), und
    „warm“ wäre so langsam wie „kalt“."""
    env = {k: v for k, v in os.environ.items() if k != "NNV_EXEC_CACHE_DIR"}
    env.setdefault("MNIST_LIB_OFFLINE", "1")
    env["NO_MKDOCS_2_WARNING"] = "1"
    return env


def copy_project(target: Path) -> Path:
    ignore = shutil.ignore_patterns(
        ".venv", ".git", "site", "test-artifacts", ".*cache*"
    )
    shutil.copytree(ROOT, target, ignore=ignore)
    return target


COMPRESSED = {".html", ".css", ".js", ".json", ".svg", ".xml", ".txt", ".map"}


class GzipHandler(http.server.SimpleHTTPRequestHandler):
    """Statische Dateien; Text gzip-komprimiert, wenn der Browser es annimmt."""

    def log_message(self, format: str, *args: object) -> None:
        pass

    def send_head(self):  # type: ignore[no-untyped-def]
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            path = path / "index.html"
        accepts = "gzip" in self.headers.get("Accept-Encoding", "")
        if not (accepts and path.is_file() and path.suffix in COMPRESSED):
            return super().send_head()
        body = gzip.compress(path.read_bytes(), compresslevel=6)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Vary", "Accept-Encoding")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "max-age=600")
        self.end_headers()
        import io

        return io.BytesIO(body)


def serve(directory: Path) -> tuple[http.server.ThreadingHTTPServer, str]:
    handler = functools.partial(GzipHandler, directory=str(directory))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}/"


def pages(site: Path) -> list[str]:
    return sorted(
        p.relative_to(site).as_posix()
        for p in site.rglob("*.html")
        if p.relative_to(site).parts[0] != "assets" and p.name != "404.html"
    )


def transferred_bytes(base: str, paths: list[str]) -> dict[str, dict[str, int]]:
    """Pro Seite: übertragene Bytes beim ersten Laden (leerer Browser-Cache).

    ``total`` sind die Bytes über die Leitung beim Laden (komprimiert, mit
    Kopfzeilen), aufgeteilt nach Art der Anfrage; ``raw`` dasselbe unkomprimiert.
    Abbildungen laden erst, wenn man zu ihnen scrollt; ``complete`` zählt sie
    mit (die ganze Seite einmal durchgescrollt).
    """
    from playwright.sync_api import sync_playwright

    def wire(request) -> int:  # type: ignore[no-untyped-def]
        sizes = request.sizes()
        return sizes["responseBodySize"] + sizes["responseHeadersSize"]

    result: dict[str, dict[str, int]] = {}
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=str(CHROMIUM), args=CHROMIUM_ARGS
        )
        for path in paths:
            context = browser.new_context()
            page = context.new_page()
            requests: list = []
            page.on("requestfinished", lambda r, seen=requests: seen.append(r))
            page.goto(base + path, wait_until="networkidle")
            counts: dict[str, int] = {"total": 0, "raw": 0}
            for request in requests:
                kind = request.resource_type
                counts[kind] = counts.get(kind, 0) + wire(request)
                counts["total"] += wire(request)
                response = request.response()
                counts["raw"] += len(response.body()) if response else 0
            loaded = len(requests)
            page.eval_on_selector_all(".md-content img", REVEAL_IMAGES_JS)
            page.wait_for_load_state("networkidle")
            counts["complete"] = counts["total"] + sum(
                wire(r) for r in requests[loaded:]
            )
            result[path] = counts
            context.close()
        browser.close()
    return result


class LighthouseRun(NamedTuple):
    scores: dict[str, int]  # 0–100 je Kategorie
    failed: list[str]  # schwache Prüfungen (Bewertung < 0,9)
    metrics: dict[str, float]  # FCP, LCP, TBT, CLS, SI in ms bzw. CLS ohne Einheit
    benchmark_index: float  # Lighthouses CPU-Messung dieses Rechners


METRICS = {
    "FCP": "first-contentful-paint",
    "LCP": "largest-contentful-paint",
    "TBT": "total-blocking-time",
    "CLS": "cumulative-layout-shift",
    "SI": "speed-index",
}


def lighthouse(url: str, preset: str) -> LighthouseRun | None:
    """Ein Lighthouse-Lauf: Bewertungen (0–100), schwache Prüfungen, Messwerte."""
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
        if preset == "desktop":
            command.append("--preset=desktop")
        env = {**os.environ, "CHROME_PATH": str(CHROMIUM)}
        proc = subprocess.run(command, env=env, capture_output=True, text=True)
        if proc.returncode != 0 or not report.exists():
            print(f"  Lighthouse gescheitert: {proc.stderr.strip()[-300:]}")
            return None
        data = json.loads(report.read_text(encoding="utf-8"))
    scores = {c: round(100 * data["categories"][c]["score"]) for c in CATEGORIES}
    failed = []
    for category in CATEGORIES:
        for ref in data["categories"][category]["auditRefs"]:
            audit = data["audits"][ref["id"]]
            if (
                ref["weight"] > 0
                and audit["score"] is not None
                and audit["score"] < 0.9
            ):
                value = audit.get("displayValue", "")
                failed.append(
                    f"{category}: {audit['title']} (Bewertung {audit['score']:.2f}"
                    f"{', ' + value if value else ''})"
                )
    audits = data["audits"]
    metrics = {name: audits[key]["numericValue"] for name, key in METRICS.items()}
    index = data["environment"]["benchmarkIndex"]
    return LighthouseRun(scores, failed, metrics, index)


def lighthouse_runs(url: str, preset: str, runs: int) -> list[LighthouseRun]:
    """``runs`` Läufe, sortiert nach Performance; berichtet wird der mittlere.

    Lighthouse empfiehlt selbst mehrere Läufe und den Median: schon auf einem
    ruhigen Rechner schwankt die Performance um einige Punkte, auf dieser geteilten
    VM mit 2 Kernen um bis zu 15.
    """
    results = [r for _ in range(runs) if (r := lighthouse(url, preset)) is not None]
    return sorted(results, key=lambda r: r.scores["performance"])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--ohne-lighthouse", action="store_true")
    parser.add_argument(
        "--laeufe",
        type=int,
        default=3,
        help="Lighthouse-Läufe je Seite und Gerät; berichtet wird der Median",
    )
    parser.add_argument(
        "--site", type=Path, help="schon gebaute Seite messen (ohne Bauzeiten)"
    )
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as tmp:
        if args.site is not None:
            site = args.site.resolve()
        else:
            project = copy_project(Path(tmp) / "projekt")
            site = Path(tmp) / "site"
            cold = build(project, site)
            unchanged = build(project, site)
            page_file = project / EDITED_PAGE
            page_file.write_text(
                page_file.read_text(encoding="utf-8") + "\nEin geänderter Satz.\n",
                encoding="utf-8",
            )
            warm = build(project, site)
            offline = build_env()["MNIST_LIB_OFFLINE"]
            print(f"Daten beim Bau: MNIST_LIB_OFFLINE={offline}")
            print(f"Bau kalt (leerer Cache, aller Code läuft): {cold:6.1f} s")
            print(f"Bau warm, nichts geändert:                 {unchanged:6.1f} s")
            print(f"Bau warm, Text von {EDITED_PAGE} geändert: {warm:6.1f} s")
            print(
                f"Verhältnis warm/kalt: {warm / cold:.3f} "
                f"({cold / warm:.0f}× schneller)"
            )

        server, base = serve(site)
        try:
            paths = pages(site)
            report_weights(transferred_bytes(base, paths))
            if not args.ohne_lighthouse:
                for preset in ("mobile", "desktop"):
                    report_lighthouse(base, paths, preset, args.laeufe)
        finally:
            server.shutdown()


def report_weights(sizes: dict[str, dict[str, int]]) -> None:
    kinds = ("document", "script", "stylesheet", "font", "fetch")
    print(
        "\nÜbertragene KB (gzip wie GitHub Pages; „roh“ unkomprimiert; „ganz“ mit "
        "allen Abbildungen)"
    )
    print(
        f"{'Seite':38} {'Laden':>6} {'roh':>6} {'ganz':>6} "
        + " ".join(f"{k[:6]:>6}" for k in kinds)
    )
    for path, counts in sizes.items():
        flag = "  (über Budget)" if counts["complete"] > BUDGET_BYTES else ""
        parts = " ".join(f"{counts.get(k, 0) / 1000:6.0f}" for k in kinds)
        print(
            f"{path:38} {counts['total'] / 1000:6.0f} {counts['raw'] / 1000:6.0f} "
            f"{counts['complete'] / 1000:6.0f} {parts}{flag}"
        )


def report_lighthouse(base: str, paths: list[str], preset: str, runs: int) -> None:
    label = {"mobile": "Mobil (Lighthouse-Standard)", "desktop": "Desktop"}[preset]
    print(f"\nLighthouse {LIGHTHOUSE}, {label}, Median aus {runs} Läufen je Seite")
    print(
        f"{'Seite':38} "
        + "  ".join(f"{c[:6]:>6}" for c in CATEGORIES)
        + f"  {'Perf. min–max':>13}  "
        + "  ".join(f"{m:>5}" for m in METRICS)
    )
    worst = dict.fromkeys(CATEGORIES, 100)
    notes: list[str] = []
    indices: list[float] = []
    for path in paths:
        results = lighthouse_runs(base + path, preset, runs)
        if not results:
            print(f"{path:38}      –")
            continue
        median = results[len(results) // 2]  # Lauf mit mittlerer Performance
        indices += [r.benchmark_index for r in results]
        for c in CATEGORIES:
            worst[c] = min(worst[c], median.scores[c])
        notes += [f"{path}: {f}" for f in median.failed]
        low, high = results[0], results[-1]
        spread = f"{low.scores['performance']}–{high.scores['performance']}"
        values = [
            f"{median.metrics[m]:5.3f}" if m == "CLS" else f"{median.metrics[m]:5.0f}"
            for m in METRICS
        ]
        print(
            f"{path:38} "
            + "  ".join(f"{median.scores[c]:>6}" for c in CATEGORIES)
            + f"  {spread:>13}  "
            + "  ".join(values)
        )
    print(
        "Niedrigste je Kategorie (Median): "
        + ", ".join(f"{c} {worst[c]}" for c in CATEGORIES)
    )
    if indices:
        indices.sort()
        print(
            "Lighthouse-CPU-Index dieses Rechners (benchmarkIndex): "
            f"Median {indices[len(indices) // 2]:.0f}, "
            f"{indices[0]:.0f}–{indices[-1]:.0f}"
            " (FCP, LCP, TBT, SI in ms)"
        )
    for note in notes:
        print("  schwach – " + note)


if __name__ == "__main__":
    main()
