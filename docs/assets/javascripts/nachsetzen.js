// Blöcke, die der Browser wegen content-visibility: auto (extra.css) beim Laden
// übersprungen hat, nach dem Laden nach und nach setzen: einen Block pro freiem
// Moment, damit nie eine lange Aufgabe entsteht. So ist die Seite schnell da, und
// kurz danach stimmen Scrollleiste, Sprungmarken und was Prüfwerkzeuge sehen
// (axe in Lighthouse misst Kontraste an übersprungenen Blöcken sonst falsch).
window.addEventListener("load", () => {
  const skipped = [
    ...document.querySelectorAll(".md-content .md-typeset > *, .md-content .jp-Cell"),
  ].filter((block) => getComputedStyle(block).contentVisibility === "auto");
  const idle =
    window.requestIdleCallback ||
    ((callback) => setTimeout(() => callback(), 16));
  const next = () => {
    const block = skipped.shift();
    if (block) {
      block.classList.add("gesetzt");
      idle(next);
    }
  };
  idle(next);
});
