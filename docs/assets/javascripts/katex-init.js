// Formeln in Notebook-Text mit dem mitgelieferten KaTeX im Browser setzen. Formeln
// der Markdown-Seiten setzt KaTeX schon beim Bau (includes/mkdocs_hooks.py); dieses
// Skript wird nur auf Notebook-Seiten mit Formeln eingebunden.
document$.subscribe(({ body }) => {
  renderMathInElement(body, {
    delimiters: [
      { left: "$$", right: "$$", display: true },
      { left: "$", right: "$", display: false },
      { left: "\\(", right: "\\)", display: false },
      { left: "\\[", right: "\\]", display: true },
    ],
    throwOnError: true,
  });
});
