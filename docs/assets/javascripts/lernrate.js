// „Probier es selbst“ auf der Seite „Optimierer“: Regler für die Lernrate.
// Alle Wege, Höhenlinien und Sätze rechnet der Bau mit mnist_lib.optimizers aus
// (eingebettet als <script type="application/json" id="nnv-lernrate-daten">);
// hier wird nur gezeichnet. Ohne die Elemente auf der Seite tut die Datei nichts.
(function () {
  "use strict";

  const SVG = "http://www.w3.org/2000/svg";
  const SIZE = 420; // viewBox des Bildes (quadratisch)
  const PLOT = { left: 48, top: 10, right: 410, bottom: 372 }; // Zeichenfläche

  // Punkte aus den Differenzen in Tausendsteln (so klein speichert sie der Bau).
  function unpack(deltas, scale) {
    const points = [];
    let x = 0;
    let y = 0;
    for (let i = 0; i < deltas.length; i += 2) {
      x += deltas[i];
      y += deltas[i + 1];
      points.push([x / scale, y / scale]);
    }
    return points;
  }

  function element(name, attributes, parent) {
    const node = document.createElementNS(SVG, name);
    for (const [key, value] of Object.entries(attributes)) {
      node.setAttribute(key, value);
    }
    if (parent) parent.appendChild(node);
    return node;
  }

  function germanNumber(value) {
    return String(value).replace(".", ",");
  }

  // Erst zeichnen, wenn der Regler in die Nähe des Bildschirms kommt: Das Laden der
  // Seite wartet so nicht auf das Auspacken der Daten.
  function setup() {
    const root = document.querySelector(".nnv-lernrate");
    const source = document.getElementById("nnv-lernrate-daten");
    if (!root || !source || root.dataset.beobachtet) return;
    root.dataset.beobachtet = "ja";
    if (!("IntersectionObserver" in window)) {
      start(root, source);
      return;
    }
    const observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((entry) => entry.isIntersecting)) {
          observer.disconnect();
          start(root, source);
        }
      },
      { rootMargin: "600px 0px" },
    );
    observer.observe(root);
  }

  function start(root, source) {
    const data = JSON.parse(source.textContent);
    const select = root.querySelector("select");
    const slider = root.querySelector('input[type="range"]');
    const output = root.querySelector("output");
    const live = root.querySelector("[aria-live]");
    const svg = root.querySelector("svg");
    const [xLow, xHigh, yLow, yHigh] = data.window;

    // Flächenkoordinaten → Bildpunkte (w₂ nach oben)
    const toX = (x) =>
      PLOT.left + ((x - xLow) / (xHigh - xLow)) * (PLOT.right - PLOT.left);
    const toY = (y) =>
      PLOT.bottom - ((y - yLow) / (yHigh - yLow)) * (PLOT.bottom - PLOT.top);
    const pointList = (points) =>
      points.map(([x, y]) => `${toX(x).toFixed(1)},${toY(y).toFixed(1)}`).join(" ");

    // Einmal: Rahmen, Achsen, Höhenlinien, Minimum und Start
    svg.textContent = "";
    const clipId = "nnv-lernrate-ausschnitt";
    const clip = element("clipPath", { id: clipId }, element("defs", {}, svg));
    const frame = {
      x: PLOT.left,
      y: PLOT.top,
      width: PLOT.right - PLOT.left,
      height: PLOT.bottom - PLOT.top,
    };
    element("rect", frame, clip);
    const inner = element("g", { "clip-path": `url(#${clipId})` }, svg);
    for (const contour of data.contours) {
      element(
        "polyline",
        { points: pointList(unpack(contour, data.scale)), class: "hoehenlinie" },
        inner,
      );
    }
    const path = element("polyline", { class: "weg", points: "" }, inner);
    const dots = element("g", { class: "schritte" }, inner);
    element("rect", { ...frame, class: "rahmen" }, svg);
    for (let tick = Math.ceil(xLow); tick <= xHigh; tick += 1) {
      const label = element(
        "text",
        { x: toX(tick), y: PLOT.bottom + 16, class: "achse", "text-anchor": "middle" },
        svg,
      );
      label.textContent = String(tick).replace("-", "−");
    }
    for (let tick = Math.ceil(yLow); tick <= yHigh; tick += 1) {
      const label = element(
        "text",
        { x: PLOT.left - 6, y: toY(tick) + 4, class: "achse", "text-anchor": "end" },
        svg,
      );
      label.textContent = String(tick).replace("-", "−");
    }
    const xTitle = element(
      "text",
      { x: (PLOT.left + PLOT.right) / 2, y: SIZE - 8, class: "achse", "text-anchor": "middle" },
      svg,
    );
    xTitle.textContent = "w₁ (Gesamtcholesterin)";
    const yTitle = element(
      "text",
      {
        x: 0,
        y: 0,
        class: "achse",
        "text-anchor": "middle",
        transform: `translate(12 ${(PLOT.top + PLOT.bottom) / 2}) rotate(-90)`,
      },
      svg,
    );
    yTitle.textContent = "w₂ (LDL)";
    const [minX, minY] = data.minimum;
    element(
      "path",
      {
        d: `M ${toX(minX)} ${toY(minY) - 8} l 2.4 5.3 5.7 .6 -4.3 3.9 1.2 5.7 -5 -2.9 -5 2.9 1.2 -5.7 -4.3 -3.9 5.7 -.6 z`,
        class: "minimum",
      },
      svg,
    );
    element(
      "circle",
      { cx: toX(data.start[0]), cy: toY(data.start[1]), r: 5, class: "start" },
      svg,
    );
    const exit = element("path", { class: "ausgang", d: "" }, svg);

    // Auswahl und Regler aus den Daten
    select.textContent = "";
    for (const [index, optimizer] of data.optimizers.entries()) {
      const option = document.createElement("option");
      option.value = String(index);
      option.textContent = optimizer.name;
      select.appendChild(option);
    }
    slider.min = "0";
    slider.max = String(data.rates.length - 1);
    // Start: SGD mit der größten Lernrate, die noch nicht divergiert
    const sgd = data.optimizers[0];
    let first = data.rates.findIndex((rate) => rate >= sgd.limit);
    if (first < 0) first = data.rates.length;
    slider.value = String(Math.max(0, first - 1));

    // Wo der Weg den Ausschnitt verlässt: Schnitt der letzten Strecke mit dem Rand
    function edgePoint(from, to) {
      let t = 1;
      const [x0, y0] = from;
      const [dx, dy] = [to[0] - x0, to[1] - y0];
      for (const [low, high, start, delta] of [
        [xLow, xHigh, x0, dx],
        [yLow, yHigh, y0, dy],
      ]) {
        if (start + delta * t > high) t = (high - start) / delta;
        if (start + delta * t < low) t = (low - start) / delta;
      }
      return [x0 + dx * t, y0 + dy * t];
    }

    const state = { drawn: [] };
    function draw() {
      const optimizer = data.optimizers[Number(select.value)];
      const index = Number(slider.value);
      const rate = data.rates[index];
      const points = unpack(optimizer.paths[index], data.scale);
      path.setAttribute("points", pointList(points));
      dots.textContent = "";
      for (const point of points.slice(1)) {
        element("circle", { cx: toX(point[0]), cy: toY(point[1]), r: 1.6 }, dots);
      }
      const [lastX, lastY] = points[points.length - 1];
      const outside = lastX < xLow || lastX > xHigh || lastY < yLow || lastY > yHigh;
      if (outside && points.length > 1) {
        const [x, y] = edgePoint(points[points.length - 2], points[points.length - 1]);
        const [cx, cy] = [toX(x), toY(y)];
        exit.setAttribute(
          "d",
          `M ${cx - 7} ${cy - 7} L ${cx + 7} ${cy + 7} M ${cx - 7} ${cy + 7} L ${cx + 7} ${cy - 7}`,
        );
      } else {
        exit.setAttribute("d", "");
      }
      const text = optimizer.texts[index];
      output.textContent = germanNumber(rate);
      slider.setAttribute("aria-valuetext", `η = ${germanNumber(rate)}`);
      svg.setAttribute("aria-label", `Höhenlinien der Diabetes-Fläche mit dem Weg: ${text}`);
      live.textContent = text;
      state.drawn = points;
      state.optimizer = optimizer.key;
      state.learningRate = rate;
      state.text = text;
    }

    select.addEventListener("change", draw);
    slider.addEventListener("input", draw);
    select.disabled = false;
    slider.disabled = false;
    root.dataset.bereit = "ja";
    draw();

    // Für Tests und Neugierige: was gerade gezeichnet ist (Flächenkoordinaten).
    window.nnvLernrate = {
      data,
      current: () => ({ ...state, drawn: state.drawn.map((p) => [...p]) }),
    };
  }

  if (typeof document$ !== "undefined") {
    document$.subscribe(setup);
  } else {
    document.addEventListener("DOMContentLoaded", setup);
  }
})();
