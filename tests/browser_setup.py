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

# Zu jeder Abbildung scrollen wie ein Leser und warten, bis sie dekodiert ist.
# Abbildungen laden verzögert (loading="lazy"); solche in zugeklappten Lösungen
# (<details>) oder nicht gewählten Reitern laden erst, wenn man sie öffnet – das
# Skript öffnet sie dafür und stellt danach den alten Zustand wieder her.
REVEAL_IMAGES_JS = """async (images) => {
  const closed = [...document.querySelectorAll("details:not([open])")];
  closed.forEach((d) => { d.open = true; });
  const checked = [...document.querySelectorAll(".tabbed-set > input:checked")];
  const wait = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
  for (const image of images) {
    const block = image.closest(".tabbed-block");
    if (block) {
      const set = block.closest(".tabbed-set");
      const blocks = [...block.parentElement.children];
      const inputs = set.querySelectorAll(":scope > input");
      inputs[blocks.indexOf(block)]?.click();
    }
    image.scrollIntoView();
    await Promise.race([image.decode().catch(() => {}), wait(5000)]);
  }
  checked.forEach((input) => input.click());
  closed.forEach((d) => { d.open = false; });
  window.scrollTo(0, 0);
}"""

# Was erst beim Scrollen entsteht, vor axe-core und ganzseitigen Bildschirmfotos
# setzen: Blöcke mit content-visibility: auto (docs/assets/stylesheets/extra.css)
# und die Navigation der Codeblöcke (mkdocs-material richtet sie mit content.lazy
# erst ein, wenn der Block ins Bild kommt). Dafür wie ein Leser zu jedem Codeblock
# scrollen und je zwei Bilder abwarten (der IntersectionObserver meldet pro Bild).
RENDER_ALL_JS = """async () => {
  const style = document.createElement("style");
  style.textContent =
    ".md-content .md-typeset * { content-visibility: visible !important; }";
  document.head.append(style);
  const frame = () => new Promise((resolve) => requestAnimationFrame(() => resolve()));
  for (const code of document.querySelectorAll(".md-content pre > code")) {
    code.scrollIntoView({ block: "center" });
    await frame();
    await frame();
  }
  window.scrollTo(0, 0);
  await frame();
}"""

# Summe der Layout-Verschiebungen seit dem Laden (wie CLS, ohne Sitzungsfenster);
# als Init-Skript vor dem Laden einhängen, dann LAYOUT_SHIFT_JS auswerten.
LAYOUT_SHIFT_INIT_JS = """window.__layoutShifts = [];
new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) {
    if (entry.hadRecentInput) continue;
    window.__layoutShifts.push({
      value: entry.value,
      sources: entry.sources.map((s) => {
        if (!s.node) return "?";
        const text = (s.node.textContent || "").trim().slice(0, 40);
        return `${s.node.nodeName.toLowerCase()} „${text}“`;
      }),
    });
  }
}).observe({ type: "layout-shift", buffered: true });"""
LAYOUT_SHIFT_JS = "() => window.__layoutShifts"
