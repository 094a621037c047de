// Zustand jeder Abbildung nach reveal_images.js: geladen und dekodiert?
(images) => images.map((image) => ({
  src: image.getAttribute("src").slice(0, 80),
  loaded: image.complete,
  width: image.naturalWidth,
}))
