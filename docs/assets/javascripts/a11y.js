// Kleine Ergänzungen für Screenreader und Tastatur (geprüft mit axe-core).
function improveAccessibility() {
  // Der Suchdialog braucht einen Namen.
  const search = document.querySelector(".md-search");
  if (search && !search.hasAttribute("aria-label")) {
    search.setAttribute("aria-label", "Suche");
  }
  // Jede Navigationsleiste an Codeblöcken bekommt einen eigenen Namen. Die Leisten
  // entstehen erst beim Scrollen; gezählt wird deshalb nach der Lage des Codeblocks
  // auf der Seite, nicht nach der Reihenfolge, in der sie entstehen.
  const navs = document.querySelectorAll(".md-code__nav:not([aria-label])");
  if (navs.length) {
    const blocks = [...document.querySelectorAll(".md-content pre")];
    navs.forEach((nav) => {
      const number = blocks.indexOf(nav.closest("pre")) + 1;
      nav.setAttribute("aria-label", `Aktionen zu Codeblock ${number}`);
    });
  }
  // Scrollbare Bereiche (Notebook-Code, Formeln) macht schon der Bau fokussierbar
  // (includes/hooks/pages.py).
}

document$.subscribe(() => {
  improveAccessibility();
  // mkdocs-material ergänzt Code-Navigationen erst, wenn der Codeblock ins Bild
  // kommt (content.lazy).
  new MutationObserver(improveAccessibility).observe(
    document.querySelector(".md-content") || document.body,
    { childList: true, subtree: true },
  );
});
