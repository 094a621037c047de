// Bei Telefonbreite: Wie viele Pixel ist die Seite breiter als der Bildschirm, und
// ist der Menüknopf (öffnet die Navigation) zu sehen?
() => {
  const menu = document.querySelector("label.md-header__button[for='__drawer']");
  const box = menu?.getBoundingClientRect();
  return {
    overflow: document.documentElement.scrollWidth - window.innerWidth,
    menuButton: Boolean(
      box && box.width > 0 && box.height > 0
        && getComputedStyle(menu).visibility !== "hidden",
    ),
  };
}
