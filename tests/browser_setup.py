"""Was die Browser-Tests und benchmarks/site_performance.py teilen."""

import os
from pathlib import Path

# Debians Chromium (playwright install kann hier keine Browser laden)
CHROMIUM = Path(os.environ.get("NNV_CHROMIUM", "/usr/bin/chromium"))
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-quic",
    "--no-first-run",
]

# Jede JavaScript-Sonde ist eine eigene Datei: lesbar, mit Syntaxhervorhebung und
# einzeln prüfbar (tests/browser/test_probes.py).
JS_DIR = Path(__file__).resolve().parent / "browser" / "js"


def js(name: str) -> str:
    """Quelltext der Sonde ``tests/browser/js/<name>``."""
    path = JS_DIR / name
    if path.suffix != ".js" or path.parent != JS_DIR or not path.is_file():
        known = ", ".join(sorted(p.name for p in JS_DIR.glob("*.js")))
        raise FileNotFoundError(
            f"Keine JavaScript-Sonde „{name}“ in {JS_DIR}. Vorhanden: {known}"
        )
    return path.read_text(encoding="utf-8")


# Zu jeder Abbildung scrollen, bis sie geladen ist (auch für den Benchmark).
REVEAL_IMAGES_JS = js("reveal_images.js")
