// Kleine Ergänzungen für Screenreader und Tastatur (geprüft mit axe-core).
function improveAccessibility(root) {
  // Der Suchdialog braucht einen Namen.
  const search = document.querySelector(".md-search");
  if (search && !search.hasAttribute("aria-label")) {
    search.setAttribute("aria-label", "Suche");
  }
  // Jede Navigationsleiste an Codeblöcken bekommt einen eigenen Namen.
  root.querySelectorAll(".md-code__nav:not([aria-label])").forEach((nav, index) => {
    nav.setAttribute("aria-label", `Aktionen zu Codeblock ${index + 1}`);
  });
  // Scrollbare Bereiche (Notebook-Code, breite Formeln) mit der Tastatur erreichbar machen.
  root
    .querySelectorAll(".highlight-ipynb, .jp-OutputArea-output pre, div.arithmatex")
    .forEach((element) => {
      // Breite Formeln setzt KaTeX erst noch; deshalb auch ohne aktuellen Überlauf.
      if (!element.hasAttribute("tabindex")) {
        element.setAttribute("tabindex", "0");
      }
    });
}

document$.subscribe(() => {
  improveAccessibility(document);
  // mkdocs-material ergänzt Code-Navigationen erst nach dem Laden.
  new MutationObserver(() => improveAccessibility(document)).observe(
    document.querySelector(".md-content") || document.body,
    { childList: true, subtree: true },
  );
});
