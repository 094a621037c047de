// „Zeichne eine Ziffer“: Zeichenfeld, Vorverarbeitung wie MNIST, Vorwärtsrechnung.
// Die Vorverarbeitung rechnet genau die Schritte von mnist_lib/drawing.py
// (preprocess_steps); die Gewichte bettet der Bau als JSON in die Seite ein.
(() => {
  const BOX = 20; // längere Seite der Ziffer in Bildpunkten
  const SIZE = 28; // Kantenlänge der Eingabe
  const NEURONS = 4; // so viele verdeckte Neuronen zeigt die Seite
  const EMPTY = "Das Zeichenfeld ist leer. Zeichne eine Ziffer oder lade ein Testbild.";

  // Fläche, die Bildpunkt s der Quelle zu Bildpunkt t des Ziels beiträgt: [20·s, 20·s + 20) ∩ [L·t, L·t + L)
  function overlap(n, side) {
    const rows = [];
    for (let t = 0; t < Math.ceil((n * BOX) / side); t++) {
      const row = new Float64Array(n);
      for (let s = 0; s < n; s++) {
        const end = Math.min(t * side + side, s * BOX + BOX);
        row[s] = Math.max(0, end - Math.max(t * side, s * BOX));
      }
      rows.push(row);
    }
    return rows;
  }

  // Grauwerte (0 … 255 oder 0 … 1, zeilenweise) → 784 Werte 0 … 1; null, wenn leer
  function preprocess(pixels, width, height) {
    let top = height, bottom = -1, left = width, right = -1, max = 0;
    for (let y = 0; y < height; y++) {
      for (let x = 0; x < width; x++) {
        const v = pixels[y * width + x];
        if (v > 0) {
          top = Math.min(top, y); bottom = Math.max(bottom, y);
          left = Math.min(left, x); right = Math.max(right, x);
          max = Math.max(max, v);
        }
      }
    }
    if (bottom < 0) return null;
    const h = bottom - top + 1, w = right - left + 1, side = Math.max(h, w);
    const ay = overlap(h, side), ax = overlap(w, side);
    const scale = (max > 1 ? 255 : 1) * side * side;
    // Flächenmittel: erst die Spalten, dann die Zeilen zusammenfassen
    const rowsums = [];
    for (let y = 0; y < h; y++) {
      rowsums.push(ax.map((weights) => {
        let sum = 0;
        for (let x = 0; x < w; x++) sum += weights[x] * pixels[(top + y) * width + left + x];
        return sum;
      }));
    }
    const small = ay.map((weights) => ax.map((_, j) => {
      let sum = 0;
      for (let y = 0; y < h; y++) sum += weights[y] * rowsums[y][j];
      return sum / scale;
    }));
    // Schwerpunkt auf Bildpunkt (14, 14) schieben – dort liegt er bei MNIST
    let mass = 0, my = 0, mx = 0;
    small.forEach((row, y) => row.forEach((v, x) => { mass += v; my += y * v; mx += x * v; }));
    const dy = Math.floor(14 - my / mass + 0.5 + 1e-9);
    const dx = Math.floor(14 - mx / mass + 0.5 + 1e-9);
    const input = new Float64Array(SIZE * SIZE);
    small.forEach((row, y) => row.forEach((v, x) => {
      const ty = y + dy, tx = x + dx;
      if (ty >= 0 && ty < SIZE && tx >= 0 && tx < SIZE) input[ty * SIZE + tx] = v;
    }));
    return input;
  }

  // Vorwärts wie MiniBatchNetwork: verdeckte Schicht, dann Softmax
  function forward(net, x) {
    const [p, q, k] = net.sizes, [w1, b1, w2, b2] = net.params;
    const hidden = Float64Array.from(b1);
    for (let i = 0; i < p; i++) {
      if (x[i]) for (let j = 0; j < q; j++) hidden[j] += x[i] * w1[i * q + j];
    }
    for (let j = 0; j < q; j++) {
      const u = hidden[j];
      hidden[j] = net.activation === "relu" ? Math.max(0, u) : 1 / (1 + Math.exp(-u));
    }
    const logits = Float64Array.from(b2);
    for (let j = 0; j < q; j++) for (let c = 0; c < k; c++) logits[c] += hidden[j] * w2[j * k + c];
    const top = Math.max(...logits), exps = logits.map((u) => Math.exp(u - top));
    const total = exps.reduce((a, b) => a + b, 0);
    return { hidden, probs: exps.map((e) => e / total) };
  }

  function bytes(base64) {
    return Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
  }

  // float16 (little-endian) → Zahl
  function halves(base64) {
    const raw = bytes(base64), view = new DataView(raw.buffer);
    const out = new Float64Array(raw.length / 2);
    for (let i = 0; i < out.length; i++) {
      const bits = view.getUint16(2 * i, true), sign = bits & 0x8000 ? -1 : 1;
      const exp = (bits >> 10) & 31, frac = bits & 1023;
      out[i] = sign * (exp === 0 ? frac * 2 ** -24 : (1 + frac / 1024) * 2 ** (exp - 15));
    }
    return out;
  }

  function load(text) {
    const data = JSON.parse(text);
    return { ...data, params: data.params.map(halves), digits: bytes(data.digits) };
  }

  const percent = (p) => `${Math.round(p * 100)}\u00a0%`;
  // Zahl mit Komma und echtem Minuszeichen, wie im deutschen Text
  const german = (x, digits) => x.toFixed(digits).replace(".", ",").replace("-", "−");
  const ORANGE = [230, 97, 0]; // Gewicht > 0: Tinte hier lässt das Neuron stärker feuern
  const BLUE = [33, 150, 243]; // Gewicht < 0: Tinte hier lässt es schwächer feuern

  // Werte 0 … 1 als Bild in ein kleines Canvas; color(v) → [r, g, b, a]
  function paint(canvas, values, color) {
    const ctx = canvas.getContext("2d"), image = ctx.createImageData(SIZE, SIZE);
    values.forEach((v, i) => image.data.set(color(v), 4 * i));
    ctx.putImageData(image, 0, 0);
  }

  function setup(root, net) {
    const canvas = root.querySelector(".nnv-zeichnen__feld canvas");
    const ctx = canvas.getContext("2d", { willReadFrequently: true });
    const inputCanvas = root.querySelector(".nnv-zeichnen__eingabe canvas");
    const ansage = root.querySelector(".nnv-zeichnen__ansage");
    const bars = root.querySelector(".nnv-zeichnen__balken");
    const neurons = root.querySelector(".nnv-zeichnen__neuronen");
    const state = {
      input: null, probs: null, testIndex: -1, drawing: false, last: null, frame: 0,
    };
    root.querySelector(".nnv-zeichnen__genauigkeit").textContent =
      `${german(100 * net.accuracy, 1)}\u00a0%`;

    bars.replaceChildren(...Array.from({ length: 10 }, (_, digit) => {
      const row = document.createElement("li");
      row.innerHTML =
        `<span class="nnv-zeichnen__ziffer">${digit}</span>` +
        '<span class="nnv-zeichnen__spur"><span></span></span>' +
        '<span class="nnv-zeichnen__wert">–</span>';
      return row;
    }));
    const cards = Array.from({ length: NEURONS }, () => {
      const card = document.createElement("figure");
      card.innerHTML =
        `<canvas width="${SIZE}" height="${SIZE}" role="img" ` +
        'aria-label="Gewichte eines verdeckten Neurons als 28 × 28-Bild"></canvas>' +
        "<figcaption></figcaption>";
      return card;
    });
    neurons.replaceChildren(...cards);

    // Textfarbe des Elements als [r, g, b]: hell und dunkel passend zum Farbschema
    const rgb = (element) =>
      (getComputedStyle(element).color.match(/[\d.]+/g) || [0, 0, 0]).slice(0, 3).map(Number);

    function alphas() {
      const data = ctx.getImageData(0, 0, canvas.width, canvas.height).data;
      const count = data.length / 4;
      return Uint8ClampedArray.from({ length: count }, (_, i) => data[4 * i + 3]);
    }

    // Die verdeckten Neuronen mit dem größten Beitrag zur gewinnenden Ziffer k:
    // Ausgabe o⁽¹⁾_j mal Gewicht w⁽²⁾_jk, als Bild ihre 784 Eingangsgewichte
    function showNeurons(hidden, winner) {
      const [p, q, k] = net.sizes, [w1, , w2] = net.params;
      const contribution = (j) => hidden[j] * w2[j * k + winner];
      const order = [...hidden.keys()].sort((a, b) => contribution(b) - contribution(a));
      order.slice(0, NEURONS).forEach((j, n) => {
        const [image, caption] = cards[n].children;
        const weights = Float64Array.from({ length: p }, (_, i) => w1[i * q + j]);
        const scale = Math.max(...weights.map(Math.abs)) || 1;
        const alpha = (v) => Math.round((255 * Math.abs(v)) / scale);
        paint(image, weights, (v) => [...(v > 0 ? ORANGE : BLUE), alpha(v)]);
        image.setAttribute("aria-label", `Gewichte von Neuron ${j + 1} als 28 × 28-Bild`);
        caption.textContent = `Neuron ${j + 1}: Ausgabe ${german(hidden[j], 2)}, ` +
          `Beitrag ${german(contribution(j), 2)}`;
        cards[n].hidden = false;
      });
    }

    function show(announce, prefix = "") {
      const [r, g, b] = rgb(inputCanvas);
      const input = state.input || new Float64Array(SIZE * SIZE);
      paint(inputCanvas, input, (v) => [r, g, b, Math.round(255 * v)]);
      const rows = [...bars.children];
      if (!state.input) {
        state.probs = null;
        rows.forEach((row) => {
          row.className = "";
          row.children[1].firstChild.style.width = "0";
          row.lastChild.textContent = "–";
        });
        cards.forEach((card) => { card.hidden = true; });
        if (announce) ansage.textContent = EMPTY;
        return;
      }
      const { hidden, probs } = forward(net, state.input);
      state.probs = Array.from(probs);
      const winner = state.probs.indexOf(Math.max(...state.probs));
      rows.forEach((row, digit) => {
        row.className = digit === winner ? "nnv-zeichnen--gewinner" : "";
        row.children[1].firstChild.style.width = `${(100 * probs[digit]).toFixed(1)}%`;
        row.lastChild.textContent = percent(probs[digit]);
      });
      if (announce) {
        ansage.textContent = `${prefix}Das Netz liest eine ${winner} (${percent(probs[winner])}).`;
      }
      showNeurons(hidden, winner);
    }

    function fromCanvas(announce) {
      state.input = preprocess(alphas(), canvas.width, canvas.height);
      show(announce);
    }

    function point(event) {
      const rect = canvas.getBoundingClientRect();
      return [
        ((event.clientX - rect.left) * canvas.width) / rect.width,
        ((event.clientY - rect.top) * canvas.height) / rect.height,
      ];
    }

    // Deckende Farbe des Textes: Halbtransparente Striche würden sich überlagern,
    // und gelesen wird nur der Alphakanal
    const ink = () => `rgb(${rgb(canvas).join(",")})`;

    function stroke(from, to) {
      ctx.strokeStyle = ink();
      ctx.lineWidth = 22;
      ctx.lineCap = ctx.lineJoin = "round";
      ctx.beginPath();
      ctx.moveTo(...from);
      ctx.lineTo(...to);
      ctx.stroke();
    }

    canvas.addEventListener("pointerdown", (event) => {
      event.preventDefault();
      canvas.setPointerCapture(event.pointerId);
      state.drawing = true;
      state.last = point(event);
      stroke(state.last, state.last);
      fromCanvas(false);
    });
    canvas.addEventListener("pointermove", (event) => {
      if (!state.drawing) return;
      const next = point(event);
      stroke(state.last, next);
      state.last = next;
      // Höchstens einmal pro Bild neu rechnen
      if (!state.frame) {
        state.frame = requestAnimationFrame(() => {
          state.frame = 0;
          fromCanvas(false);
        });
      }
    });
    const finish = () => {
      if (!state.drawing) return;
      state.drawing = false;
      cancelAnimationFrame(state.frame);
      state.frame = 0;
      fromCanvas(true);
    };
    canvas.addEventListener("pointerup", finish);
    canvas.addEventListener("pointercancel", finish);

    root.querySelector("[data-aktion=loeschen]").addEventListener("click", () => {
      ctx.clearRect(0, 0, canvas.width, canvas.height);
      state.input = null;
      show(true);
    });
    root.querySelector("[data-aktion=testbild]").addEventListener("click", () => {
      const count = net.labels.length;
      state.testIndex = (state.testIndex + 1) % count;
      const start = state.testIndex * SIZE * SIZE;
      const digit = net.digits.subarray(start, start + SIZE * SIZE);
      // Die Testziffer ist schon wie MNIST vorbereitet: Sie geht unverändert ins Netz.
      state.input = Float64Array.from(digit, (v) => v / 255);
      ctx.clearRect(0, 0, canvas.width, canvas.height);
      ctx.fillStyle = ink();
      const cell = canvas.width / SIZE;
      digit.forEach((v, i) => {
        ctx.globalAlpha = v / 255;
        ctx.fillRect((i % SIZE) * cell, Math.floor(i / SIZE) * cell, cell, cell);
      });
      ctx.globalAlpha = 1;
      const label = net.labels[state.testIndex];
      show(true, `Testbild ${state.testIndex + 1} von ${count}, eine ${label}: `);
    });
    show(false);
    return { state, alphas, canvas };
  }

  function init() {
    const root = document.querySelector(".nnv-zeichnen");
    const data = document.getElementById("nnv-zeichnen-daten");
    if (!root || !data || root.dataset.bereit) return;
    root.dataset.bereit = "1";
    const net = load(data.textContent);
    const page = setup(root, net);
    // Für Neugierige in der Konsole und für die Tests im Browser
    window.nnvZeichnen = { preprocess, forward, net, ...page };
  }

  if (typeof document$ !== "undefined") document$.subscribe(init);
  else document.addEventListener("DOMContentLoaded", init);
})();
