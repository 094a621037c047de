// Formeln mit dem mitgelieferten KaTeX setzen – auch nach Seitenwechseln
// (mkdocs-material lädt Seiten per „instant navigation“ nach).
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
