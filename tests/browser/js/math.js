// Was vom Formelsatz erst im Browser entsteht: Stil und Schrift von KaTeX. Formeln
// weiter unten setzt der Browser erst beim Hinscrollen (content-visibility) und lädt
// erst dann die Schrift: deshalb wie ein Leser zur ersten Formel scrollen.
async () => {
  const formulas = document.querySelectorAll(".arithmatex").length;
  const first = document.querySelector(".arithmatex .katex-html");
  if (first) {
    first.scrollIntoView({ block: "center" });
    await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve)));
  }
  await document.fonts.ready;
  window.scrollTo(0, 0);
  return {
    formulas,
    katexStyled: first !== null
      && getComputedStyle(first.querySelector(".mord") || first).fontFamily
        .includes("KaTeX"),
    katexFont: document.fonts.check("16px KaTeX_Main"),
  };
}
