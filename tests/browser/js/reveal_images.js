// Zu jeder Abbildung scrollen wie ein Leser und warten, bis sie dekodiert ist.
// Abbildungen laden verzögert (loading="lazy"); solche in zugeklappten Lösungen
// (<details>) oder nicht gewählten Reitern laden erst, wenn man sie öffnet – das
// Skript öffnet sie dafür und stellt danach den alten Zustand wieder her.
async (images) => {
  const closed = [...document.querySelectorAll("details:not([open])")];
  closed.forEach((d) => { d.open = true; });
  const checked = [...document.querySelectorAll(".tabbed-set > input:checked")];
  const wait = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
  for (const image of images) {
    const block = image.closest(".tabbed-block");
    if (block) {
      const set = block.closest(".tabbed-set");
      const blocks = [...block.parentElement.children];
      const inputs = set.querySelectorAll(":scope > input");
      inputs[blocks.indexOf(block)]?.click();
    }
    image.scrollIntoView();
    await Promise.race([image.decode().catch(() => {}), wait(5000)]);
  }
  checked.forEach((input) => input.click());
  closed.forEach((d) => { d.open = false; });
  window.scrollTo(0, 0);
}
