// Init-Skript (läuft vor jedem Skript der Seite): sammelt die Layout-Verschiebungen
// seit dem Laden (wie CLS, ohne Sitzungsfenster); auslesen mit layout_shifts.js.
window.__layoutShifts = [];
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
}).observe({ type: "layout-shift", buffered: true });
