// Formeln mit dem mitgelieferten KaTeX setzen (nur auf Seiten mit Formeln
// eingebunden, siehe includes/overrides/main.html).
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
