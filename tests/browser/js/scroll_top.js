// Nach oben scrollen: Sonst steht die feste Kopfzeile im ganzseitigen
// Bildschirmfoto mitten auf der Seite.
() => window.scrollTo(0, 0)
