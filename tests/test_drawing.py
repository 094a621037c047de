"""mnist_lib.drawing: Vorverarbeitung wie MNIST, Export des Netzes für den Browser.

Die Seite „Zeichne eine Ziffer“ zeigt ``overlap`` und ``preprocess_steps`` aus der
Bibliothek; die Tests hier rufen beide auf und prüfen die Eigenschaften, die die
Seite verspricht. Dass das JavaScript dasselbe rechnet, prüft
``tests/browser/test_zeichnen.py``.
"""

from __future__ import annotations

import base64
import json

import keras
import numpy as np
import pytest

from mnist_lib.checks import MnistDataError
from mnist_lib.drawing import (
    export_network,
    load_network,
    overlap,
    preprocess_drawing,
    preprocess_steps,
)
from mnist_lib.numpy_net import MiniBatchNetwork


@pytest.fixture(scope="module")
def mnist() -> tuple[tuple[np.ndarray, np.ndarray], tuple[np.ndarray, np.ndarray]]:
    return keras.datasets.mnist.load_data()


def drawn(digit: np.ndarray, factor: int, top: int, left: int) -> np.ndarray:
    """Eine Ziffer vergrößert irgendwo in ein 280 × 280-Feld gesetzt."""
    big = np.kron(digit, np.ones((factor, factor), dtype=np.uint8))
    canvas = np.zeros((280, 280), dtype=np.uint8)
    canvas[top : top + big.shape[0], left : left + big.shape[1]] = big
    return canvas


def box(image: np.ndarray) -> tuple[int, int]:
    rows, cols = np.nonzero(image)
    return rows.max() - rows.min() + 1, cols.max() - cols.min() + 1


def center_of_mass(image: np.ndarray) -> tuple[float, float]:
    y, x = np.indices(image.shape)
    return (y * image).sum() / image.sum(), (x * image).sum() / image.sum()


def test_bar_becomes_20_pixels_high_and_centered() -> None:
    canvas = np.zeros((280, 280), dtype=np.uint8)
    canvas[30:230, 200:222] = 255  # 200 × 22 Pixel, weit rechts
    result = preprocess_drawing(canvas)
    assert result.shape == (28, 28)
    assert result.dtype == np.float32
    assert box(result) == (20, 3)  # 22 · 20/200 = 2,2 → drei angeschnittene Spalten
    cy, cx = center_of_mass(result)
    assert abs(cy - 14) <= 0.5 + 1e-6  # ganze Pixel: höchstens ein halbes daneben
    assert abs(cx - 14) <= 0.5 + 1e-6
    assert result.min() >= 0
    assert result.max() == pytest.approx(1.0)


@pytest.mark.parametrize("index", range(8))
def test_drawn_test_digits(mnist, index: int) -> None:
    """Testziffern, groß oder klein, irgendwo im Feld: 20-Pixel-Kasten, Mitte, 0 … 1."""
    digit = mnist[1][0][index]
    rows, cols = np.nonzero(digit)
    digit = digit[rows.min() : rows.max() + 1, cols.min() : cols.max() + 1]
    factor = 3 + index  # 3- bis 10-mal so groß
    canvas = drawn(digit, factor, 5 * index, 250 - factor * digit.shape[1])
    crop, small, result = preprocess_steps(canvas)
    assert crop.shape == (digit.shape[0] * factor, digit.shape[1] * factor)
    assert max(small.shape) == 20
    assert max(box(result)) == 20
    assert np.isclose(small.sum(), result.sum())  # nichts fiel aus dem Feld
    assert np.all(np.abs(np.array(center_of_mass(result)) - 14) <= 0.5 + 1e-6)
    assert result.min() >= 0 and result.max() <= 1


def test_overlap_keeps_every_pixel_and_averages_areas() -> None:
    # Jedes Quellpixel verteilt genau 20 Einheiten auf die Zielpixel
    for n, side in [(7, 7), (13, 40), (280, 280), (3, 280)]:
        weights = overlap(n, side)
        assert weights.shape == (-(-n * 20 // side), n)
        assert np.all(weights.sum(axis=0) == 20)
        assert np.all(weights.sum(axis=1)[:-1] == side)  # volle Zielpixel
    # Eine volle 40 × 40-Fläche wird zu 20 × 20 Pixeln mit Grauwert 1
    crop, small, _ = preprocess_steps(np.pad(np.ones((40, 40)), 5))
    assert crop.shape == (40, 40)
    np.testing.assert_allclose(small, np.ones((20, 20)))
    # Flächenmittel: Die Tinte schrumpft mit der Fläche, (20/Seite)²
    canvas = drawn(np.eye(9, dtype=np.uint8) * 200, 7, 0, 0)
    crop, small, _ = preprocess_steps(canvas)
    assert small.sum() == pytest.approx(crop.sum() * (20 / max(crop.shape)) ** 2)


def test_0_to_1_and_0_to_255_give_the_same_input(mnist) -> None:
    canvas = drawn(mnist[1][0][3], 6, 40, 20)
    np.testing.assert_allclose(
        preprocess_drawing(canvas), preprocess_drawing(canvas / 255), atol=1e-6
    )


@pytest.mark.parametrize(
    ("pixels", "error", "match"),
    [
        (np.ones(10), ValueError, r"2D-Array \(Höhe, Breite\)"),
        (np.ones((5, 5, 4)), ValueError, r"nimm einen Kanal"),
        (np.zeros((280, 280)), ValueError, "Zeichenfeld ist leer"),
        (np.zeros((0, 5)), ValueError, "Zeichenfeld ist leer"),
        (np.array([[0.0, np.nan]]), ValueError, "NaN"),
        (np.array([[0, -3]]), ValueError, r"zwischen 0 und 255.*-3"),
        (np.array([[0, 256]]), ValueError, r"zwischen 0 und 255.*256"),
        (np.array([["a", "b"]]), TypeError, "reellen Zahlen"),
        (np.array([[True, False]]), TypeError, "reellen Zahlen"),
        ([[1, 2], [3]], TypeError, "NumPy-Array"),
    ],
)
def test_bad_drawings_get_german_errors(pixels, error, match) -> None:
    with pytest.raises(error, match=match):
        preprocess_drawing(pixels)


@pytest.fixture(scope="module")
def trained(mnist) -> tuple[MiniBatchNetwork, float, np.ndarray, np.ndarray]:
    """Ein kleines Netz wie auf der Seite, Gewichte auf float16 gerundet."""
    (x_train, y_train), (x_test, y_test) = mnist
    x = x_train[:4000].reshape(-1, 784).astype("float32") / 255
    net = MiniBatchNetwork((784, 32, 10), seed=42)
    net.fit(x, y_train[:4000], epochs=5)
    net.params = [p.astype(np.float16).astype(np.float32) for p in net.params]
    _, accuracy = net.evaluate(x_test.reshape(-1, 784) / 255, y_test)
    return net, accuracy, x_test, y_test


def test_export_and_load_give_the_float16_weights(trained) -> None:
    net, accuracy, x_test, y_test = trained
    text = export_network(net, accuracy, x_test[:30], y_test[:30])
    loaded = load_network(text)
    assert loaded.layer_sizes == (784, 32, 10)
    for mine, back in zip(net.params, loaded.params, strict=True):
        assert back.dtype == np.float32
        np.testing.assert_array_equal(mine, back)
    data = json.loads(text)
    assert data["accuracy"] == accuracy
    assert data["labels"] == y_test[:30].tolist()
    digits = np.frombuffer(base64.b64decode(data["digits"]), np.uint8)
    np.testing.assert_array_equal(digits.reshape(30, 28, 28), x_test[:30])
    # float16: 2 Bytes pro Parameter, Base64 macht 4 Zeichen aus 3 Bytes
    n_params = sum(p.size for p in net.params)
    assert sum(len(p) for p in data["params"]) <= 4 * (2 * n_params + 3 * 4) / 3


def test_export_rounds_unrounded_weights_to_float16(mnist) -> None:
    net = MiniBatchNetwork((784, 8, 10), seed=3)
    digits, labels = mnist[1][0][:2], mnist[1][1][:2]
    loaded = load_network(export_network(net, 0.5, digits, labels))
    for mine, back in zip(net.params, loaded.params, strict=True):
        assert not np.array_equal(mine, back) or not mine.any()  # Biases sind 0
        np.testing.assert_array_equal(mine.astype(np.float16), back)


def test_accuracy_of_the_exported_network(trained) -> None:
    """Die Genauigkeit, die die Seite nennt, ist die des geladenen float16-Netzes."""
    net, accuracy, x_test, y_test = trained
    loaded = load_network(export_network(net, accuracy, x_test[:5], y_test[:5]))
    _, again = loaded.evaluate(x_test.reshape(-1, 784) / 255, y_test)
    assert again == accuracy
    assert accuracy > 0.8


@pytest.mark.parametrize(
    ("change", "error", "match"),
    [
        ({"net": MiniBatchNetwork((784, 8, 8, 10))}, TypeError, "genau einer verd"),
        ({"net": "Netz"}, TypeError, "MiniBatchNetwork"),
        ({"net": MiniBatchNetwork((100, 8, 10))}, ValueError, "784 Eingaben"),
        ({"accuracy": "92 %"}, TypeError, "accuracy muss eine Zahl"),
        ({"digits": np.zeros((2, 28, 28))}, MnistDataError, "uint8"),
        ({"digits": np.zeros((2, 784), np.uint8)}, MnistDataError, r"\(N, 28, 28\)"),
        ({"digits": np.zeros((0, 28, 28), np.uint8)}, MnistDataError, "mindestens"),
        ({"labels": [1]}, MnistDataError, "genau ein Label"),
        ({"labels": [1, 12]}, MnistDataError, "zwischen 0 und 9"),
    ],
)
def test_bad_exports_get_german_errors(change, error, match) -> None:
    arguments = {
        "net": MiniBatchNetwork((784, 8, 10)),
        "accuracy": 0.9,
        "digits": np.zeros((2, 28, 28), np.uint8),
        "labels": [1, 2],
    } | change
    with pytest.raises(error, match=match):
        export_network(**arguments)
