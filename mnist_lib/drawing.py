"""Eine Zeichnung wie eine MNIST-Ziffer vorbereiten; das Netz für den Browser packen.

Die Seite „Zeichne eine Ziffer“ rechnet dieselben Schritte in JavaScript
(``docs/assets/javascripts/zeichnen.js``): nur ganzzahlige Flächenanteile und eine
Verschiebung um ganze Bildpunkte, damit beide dasselbe 28 × 28-Bild liefern.
"""

from __future__ import annotations

import base64
import json

import numpy as np

from mnist_lib import checks
from mnist_lib.checks import ArrayLike
from mnist_lib.numpy_net import MiniBatchNetwork

BOX, SIZE = 20, 28  # längere Seite der Ziffer und Kantenlänge des Bilds, wie MNIST
CENTER = 14  # Zeile und Spalte des Schwerpunkts der MNIST-Ziffern


# --8<-- [start:preprocess]
def overlap(n: int, long_side: int) -> np.ndarray:
    """Fläche, die Bildpunkte der Quelle (Spalten) zum Ziel (Zeilen) beitragen.

    Quelle s deckt [20·s, 20·s + 20), Ziel t deckt [L·t, L·t + L) mit
    L = ``long_side``: so wird die längere Seite genau 20 Bildpunkte lang.
    """
    target = np.arange(-(-n * BOX // long_side))[:, None] * long_side
    source = np.arange(n)[None, :] * BOX
    ends = np.minimum(target + long_side, source + BOX)
    return np.clip(ends - np.maximum(target, source), 0, None)


def preprocess_steps(pixels: ArrayLike) -> tuple[np.ndarray, ...]:
    """Ausschnitt, auf 20 Bildpunkte verkleinert, im 28 × 28-Feld zentriert."""
    image = checks.drawing(pixels)  # 2D, Grauwerte 0 … 1
    rows, cols = np.nonzero(image)
    crop = image[rows.min() : rows.max() + 1, cols.min() : cols.max() + 1]
    side = max(crop.shape)
    # Flächenmittel über je (side/20)² Bildpunkte der Quelle
    small = overlap(crop.shape[0], side) @ crop @ overlap(crop.shape[1], side).T
    small /= side**2
    y, x = np.indices(small.shape)
    # Schwerpunkt auf Bildpunkt (14, 14) schieben – dort liegt er bei MNIST –,
    # gerundet auf ganze Bildpunkte
    # (+1e-9: genau halbe Bildpunkte runden in NumPy und JavaScript gleich auf)
    mass = small.sum()
    dy = int(np.floor(CENTER - (y * small).sum() / mass + 0.5 + 1e-9))
    dx = int(np.floor(CENTER - (x * small).sum() / mass + 0.5 + 1e-9))
    y, x = y + dy, x + dx  # Ziel im 28 × 28-Feld; was hinausragt, fällt weg
    inside = (np.minimum(y, x) >= 0) & (np.maximum(y, x) < SIZE)
    centered = np.zeros((SIZE, SIZE), dtype=np.float32)
    centered[y[inside], x[inside]] = small[inside]
    return crop, small, centered
    # --8<-- [end:preprocess]


def preprocess_drawing(pixels: ArrayLike) -> np.ndarray:
    """Zeichenfeld (2D, Grauwerte 0 … 255 oder 0 … 1) → float32 (28, 28), 0 … 1."""
    return preprocess_steps(pixels)[-1]


def _b64(array: np.ndarray, dtype: str) -> str:
    return base64.b64encode(np.ascontiguousarray(array, dtype).tobytes()).decode()


def export_network(
    net: MiniBatchNetwork, accuracy: float, digits: ArrayLike, labels: ArrayLike
) -> str:
    """JSON für die Seite: Gewichte als float16 (Base64), Genauigkeit, Testziffern.

    ``digits``: uint8 (N, 28, 28), ``labels``: ihre Klassennummern.
    """
    sizes = checks.exportable_network(net, SIZE * SIZE)
    accuracy = checks.number("accuracy", accuracy)
    digits = checks.digit_images(digits, SIZE)
    labels = checks.labels(labels, sizes[-1], len(digits))
    params = [_b64(p, "<f2") for p in net.params]  # float16: halb so groß
    data = {"sizes": sizes, "activation": net.activation, "accuracy": accuracy}
    data |= {"params": params, "digits": _b64(digits, "u1"), "labels": labels.tolist()}
    return json.dumps(data, separators=(",", ":"))


def load_network(text: str) -> MiniBatchNetwork:
    """Das Netz aus :func:`export_network` zurück (Gewichte float16 → float32)."""
    data = json.loads(text)
    net = MiniBatchNetwork(data["sizes"], data["activation"], seed=None)
    raw = [np.frombuffer(base64.b64decode(p), "<f2") for p in data["params"]]
    net.params = [
        r.astype(np.float32).reshape(p.shape)
        for r, p in zip(raw, net.params, strict=True)
    ]
    return net
