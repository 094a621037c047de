// Blöcke unterhalb des ersten Bildschirms setzt der Browser erst beim Hinscrollen
// (content-visibility: auto in extra.css, content.lazy von mkdocs-material). Vor dem
// Scrollen: content-visibility jedes Blocks und ob der letzte sichtbare Codeblock
// (nicht in zugeklappten Lösungen oder nicht gewählten Reitern) schon eingerichtet
// ist; dann zu ihm scrollen und abwarten, bis er samt Kopierknopf und Namen
// (a11y.js) eingerichtet ist.
async () => {
  const visible = (el) => {
    if (!el) return false;
    const box = el.getBoundingClientRect();
    return box.width > 0 && box.height > 0 && getComputedStyle(el).visibility !== "hidden";
  };
  const blocks = document.querySelectorAll(
    ".md-content .md-typeset > :not(script, style, input)",
  );
  const visibility = [...blocks].map((b) => getComputedStyle(b).contentVisibility);
  const pres = [...document.querySelectorAll(".md-content pre")];
  const shown = (pre) => {
    const tab = pre.closest(".tabbed-block");
    return !pre.closest("details:not([open])")
      && !(tab && getComputedStyle(tab).display === "none");
  };
  const index = pres.findLastIndex(shown);
  const result = { visibility, codeBlocks: pres.length, index };
  if (index < 0) return result;
  const last = pres[index];
  result.setUpBeforeScroll = last.querySelector(".md-code__nav") !== null;
  last.scrollIntoView({ block: "center" });
  const ready = () => last.querySelector(".md-code__nav[aria-label] button[data-md-type='copy']");
  const deadline = performance.now() + 5000;
  while (!ready() && performance.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  const nav = last.querySelector(".md-code__nav");
  result.ariaLabel = nav ? nav.getAttribute("aria-label") : null;
  result.copyVisible = visible(nav && nav.querySelector("button[data-md-type='copy']"));
  result.codeVisible = visible(last.querySelector("code"));
  result.height = last.getBoundingClientRect().height;
  window.scrollTo(0, 0);
  return result;
}
