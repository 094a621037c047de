// Was erst beim Scrollen entsteht, vor axe-core und ganzseitigen Bildschirmfotos
// setzen: Blöcke mit content-visibility: auto (docs/assets/stylesheets/extra.css)
// und die Navigation der Codeblöcke (mkdocs-material richtet sie mit content.lazy
// erst ein, wenn der Block ins Bild kommt). Dafür wie ein Leser zu jedem Codeblock
// scrollen und je zwei Bilder abwarten (der IntersectionObserver meldet pro Bild).
async () => {
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
}
