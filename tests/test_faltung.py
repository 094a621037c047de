"""Seite „Faltung verstehen“: die NumPy-Faltung des Skripts gegen echte Keras-Schichten.

Die Funktion ``correlate`` steht im Skript der Seite (Abschnitt ``correlate``), nicht
in der Bibliothek; wir führen genau diesen Abschnitt aus und vergleichen ihn mit
``keras.layers.Conv2D``, ``MaxPooling2D``, SciPy und ``count_params()``.
"""

from __future__ import annotations

import keras
import numpy as np
import pytest
from scipy import signal

from tests.paths import SNIPPETS, script_section

SCRIPT = SNIPPETS / "vertiefung" / "faltung-verstehen.py"
TOLERANCE = 1e-5  # Conv2D rechnet in float32


def section(name: str) -> str:
    return script_section(SCRIPT, name)


@pytest.fixture(scope="module")
def correlate():
    namespace: dict = {}
    exec(compile(section("correlate"), str(SCRIPT), "exec"), namespace)
    return namespace["correlate"]


@pytest.fixture(scope="module")
def digits() -> np.ndarray:
    (x_train, _), _ = keras.datasets.mnist.load_data()
    return x_train[:3].astype("float32") / 255


def keras_conv(
    image: np.ndarray, kernel: np.ndarray, strides: int = 1, padding: str = "valid"
) -> np.ndarray:
    """Ein Filter als echte Conv2D-Schicht ohne Bias, auf ein Graubild angewendet."""
    layer = keras.layers.Conv2D(
        1, kernel.shape, strides=strides, padding=padding, use_bias=False
    )
    batch = image[np.newaxis, :, :, np.newaxis].astype("float32")
    layer.build(batch.shape)
    layer.set_weights([kernel.reshape(*kernel.shape, 1, 1).astype("float32")])
    return layer(batch).numpy()[0, :, :, 0]


@pytest.mark.parametrize("kernel_shape", [(3, 3), (5, 5), (2, 3), (1, 1)])
@pytest.mark.parametrize("stride", [1, 2, 3])
def test_correlate_matches_conv2d(correlate, digits, kernel_shape, stride) -> None:
    rng = np.random.default_rng(7)
    for digit in digits:
        kernel = rng.normal(size=kernel_shape)
        ours = correlate(digit, kernel, stride=stride)
        theirs = keras_conv(digit, kernel, strides=stride)
        assert ours.shape == theirs.shape
        np.testing.assert_allclose(ours, theirs, atol=TOLERANCE)


def test_page_kernels_match_conv2d_and_scipy(correlate, digits) -> None:
    kernels = [
        np.array([[1, 0, -1], [2, 0, -2], [1, 0, -1]]),
        np.array([[1, 2, 1], [0, 0, 0], [-1, -2, -1]]),
        np.full((3, 3), 1 / 9),
    ]
    for kernel in kernels:
        ours = correlate(digits[0], kernel)
        np.testing.assert_allclose(ours, keras_conv(digits[0], kernel), atol=TOLERANCE)
        np.testing.assert_allclose(
            ours, signal.correlate2d(digits[0], kernel, mode="valid"), atol=1e-12
        )


def test_conv2d_is_cross_correlation_not_convolution(digits) -> None:
    rng = np.random.default_rng(3)
    kernel = rng.normal(size=(3, 3))  # nicht symmetrisch
    keras_result = keras_conv(digits[0], kernel)
    convolution = signal.convolve2d(digits[0], kernel, mode="valid")
    # Echte Faltung = Kreuzkorrelation mit dem um 180° gedrehten Kern
    np.testing.assert_allclose(
        convolution, keras_conv(digits[0], kernel[::-1, ::-1]), atol=TOLERANCE
    )
    assert np.abs(convolution - keras_result).max() > 0.1


def test_same_padding_is_a_border_of_zeros(correlate, digits) -> None:
    kernel = np.random.default_rng(5).normal(size=(3, 3))
    padded = np.pad(digits[1], 1)  # ein Bildpunkt Nullen ringsum
    ours = correlate(padded, kernel)
    theirs = keras_conv(digits[1], kernel, padding="same")
    assert ours.shape == theirs.shape == (28, 28)
    np.testing.assert_allclose(ours, theirs, atol=TOLERANCE)


def test_max_pooling_keeps_the_largest_of_each_block(correlate, digits) -> None:
    feature_map = correlate(digits[2], np.ones((3, 3)))  # 26 × 26
    pooled = keras.layers.MaxPooling2D(pool_size=(2, 2))(
        feature_map[np.newaxis, :, :, np.newaxis].astype("float32")
    )
    by_hand = feature_map.reshape(13, 2, 13, 2).max(axis=(1, 3))
    np.testing.assert_allclose(pooled.numpy()[0, :, :, 0], by_hand, atol=TOLERANCE)


@pytest.mark.parametrize(
    ("height", "width", "channels", "filters"),
    [(3, 3, 1, 32), (3, 3, 32, 32), (3, 3, 32, 64), (5, 5, 3, 8)],
)
def test_conv2d_parameters_by_hand(height, width, channels, filters) -> None:
    layer = keras.layers.Conv2D(filters, (height, width))
    layer.build((None, 28, 28, channels))
    assert layer.count_params() == height * width * channels * filters + filters


def test_recipe_cnn_shapes_and_parameters() -> None:
    namespace: dict = {}
    code = section("training")
    # Daten laden und die Netze definieren, ohne zu trainieren
    exec(compile(code[: code.index("results = {}")], str(SCRIPT), "exec"), namespace)
    cnn = namespace["build_cnn"]()
    mlp = namespace["build_mlp"]()
    convs = [layer for layer in cnn.layers if isinstance(layer, keras.layers.Conv2D)]
    by_hand = [3 * 3 * 1 * 32 + 32, 3 * 3 * 32 * 32 + 32, 3 * 3 * 32 * 64 + 64]
    by_hand.append(3 * 3 * 64 * 64 + 64)
    assert [layer.count_params() for layer in convs] == by_hand
    flatten = next(x for x in cnn.layers if isinstance(x, keras.layers.Flatten))
    assert flatten.output.shape == (None, 5 * 5 * 64)  # 28 → 26 → 13 → 11 → 5
    assert cnn.count_params() == sum(by_hand) + 1600 * 512 + 512 + 512 * 10 + 10
    assert mlp.count_params() == 784 * 512 + 512 + 512 * 324 + 324 + 324 * 36 + 36 + 370


@pytest.mark.parametrize(
    ("image", "kernel", "stride", "message"),
    [
        (np.zeros((1, 28, 28)), np.ones((3, 3)), 1, "zweidimensional"),
        (np.zeros((28, 28)), np.ones(3), 1, "zweidimensional"),
        (np.zeros((2, 28)), np.ones((3, 3)), 1, "größer als das Bild"),
        (np.zeros((28, 28)), np.ones((3, 3)), 0, "ganze Zahl ≥ 1"),
        (np.zeros((28, 28)), np.ones((3, 3)), 1.5, "ganze Zahl ≥ 1"),
    ],
)
def test_wrong_inputs_get_german_messages(
    correlate, image, kernel, stride, message
) -> None:
    with pytest.raises(ValueError, match=message):
        correlate(image, kernel, stride=stride)
