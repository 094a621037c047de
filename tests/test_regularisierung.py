"""L2 und Dropout der Seite „Überanpassung und Regularisierung“ gegen Keras.

Die NumPy-Funktionen stammen aus dem Skript der Seite: Wir führen genau die
Abschnitte aus, die sie definieren, und vergleichen mit echten Keras-Schichten.
"""

from __future__ import annotations

import re
from types import SimpleNamespace

import keras
import numpy as np
import pytest
import tensorflow as tf

from tests.paths import SNIPPETS, script_section

SCRIPT = SNIPPETS / "vertiefung" / "ueberanpassung-und-regularisierung.py"


def section(name: str) -> str:
    return script_section(SCRIPT, name)


@pytest.fixture(scope="module")
def page() -> SimpleNamespace:
    namespace: dict = {}
    for name in ("l2_numpy", "dropout_numpy"):
        exec(compile(section(name), f"{SCRIPT.name}:{name}", "exec"), namespace)
    return SimpleNamespace(**namespace)


# ── L2 ──────────────────────────────────────────────────────────────────


@pytest.mark.parametrize("l2", [0.0, 0.001, 0.3])
def test_l2_penalty_and_gradient_match_keras(page: SimpleNamespace, l2: float) -> None:
    weights = np.random.default_rng(11).normal(size=(5, 4)).astype("float32")
    variable = tf.Variable(weights)
    with tf.GradientTape() as tape:
        penalty = keras.regularizers.L2(l2)(variable)
    keras_gradient = tape.gradient(penalty, variable)
    assert page.l2_penalty(weights, l2) == pytest.approx(float(penalty), rel=1e-6)
    if l2 == 0.0:
        assert keras_gradient is None or np.all(keras_gradient.numpy() == 0)
        assert np.all(page.l2_gradient(weights, l2) == 0)
    else:
        np.testing.assert_allclose(
            page.l2_gradient(weights, l2), keras_gradient.numpy(), rtol=1e-6
        )


def test_one_sgd_step_with_l2_matches_keras_fit(page: SimpleNamespace) -> None:
    """Gleiche Startgewichte, ein SGD-Schritt von fit: gleiche neue Gewichte."""
    l2_gradient = page.l2_gradient
    l2, learning_rate = 0.05, 0.2
    rng = np.random.default_rng(4)
    x = rng.normal(size=(16, 3)).astype("float32")
    y = rng.normal(size=(16, 2)).astype("float32")
    w_start = rng.normal(size=(3, 2)).astype("float32")
    b_start = rng.normal(size=2).astype("float32")

    model = keras.Sequential(
        [
            keras.Input(shape=(3,)),
            keras.layers.Dense(2, kernel_regularizer=keras.regularizers.L2(l2)),
        ]
    )
    model.layers[0].set_weights([w_start, b_start])
    model.compile(optimizer=keras.optimizers.SGD(learning_rate), loss="mse")
    model.fit(x, y, batch_size=16, epochs=1, shuffle=False, verbose=0)
    w_keras, b_keras = model.layers[0].get_weights()

    error = x @ w_start + b_start - y
    w_new = w_start - learning_rate * (
        2 * x.T @ error / error.size + l2_gradient(w_start, l2)
    )
    b_new = b_start - learning_rate * 2 * error.sum(axis=0) / error.size  # Bias frei
    np.testing.assert_allclose(w_keras, w_new, atol=1e-5)
    np.testing.assert_allclose(b_keras, b_new, atol=1e-5)
    # Ohne den L2-Anteil käme etwas anderes heraus: der Strafterm wirkt wirklich.
    assert not np.allclose(
        w_keras, w_start - learning_rate * 2 * x.T @ error / error.size
    )


def test_l1_gradient_is_lambda_times_sign() -> None:
    weights = tf.Variable([[0.5, -0.2], [0.0, 3.0]])
    with tf.GradientTape() as tape:
        penalty = keras.regularizers.L1(0.01)(weights)
    assert float(penalty) == pytest.approx(0.01 * 3.7, rel=1e-6)
    np.testing.assert_allclose(
        tape.gradient(penalty, weights).numpy(),
        0.01 * np.sign(weights.numpy()),
        rtol=1e-6,
    )


@pytest.mark.parametrize("function", ["l2_penalty", "l2_gradient"])
def test_negative_l2_is_rejected_in_german(
    page: SimpleNamespace, function: str
) -> None:
    with pytest.raises(
        ValueError, match=re.escape("L2-Stärke muss ≥ 0 sein, bekommen: -0.1")
    ):
        getattr(page, function)(np.ones(3), -0.1)


# ── Dropout ─────────────────────────────────────────────────────────────


@pytest.mark.parametrize("rate", [0.1, 0.5, 0.8])
def test_same_mask_gives_the_same_output_as_keras(
    page: SimpleNamespace, rate: float
) -> None:
    keras.utils.set_random_seed(21)
    values = np.random.default_rng(2).uniform(0.5, 3, size=(8, 300)).astype("float32")
    layer = keras.layers.Dropout(rate)
    trained = keras.ops.convert_to_numpy(layer(values, training=True))
    keep = trained != 0  # alle Werte sind positiv: 0 heißt „abgeschaltet“
    assert 0 < keep.mean() < 1
    np.testing.assert_allclose(
        page.inverted_dropout(values, keep, rate), trained, rtol=1e-6
    )


def test_training_false_is_the_identity(page: SimpleNamespace) -> None:
    values = np.random.default_rng(3).normal(size=(4, 50)).astype("float32")
    layer = keras.layers.Dropout(0.5)
    np.testing.assert_array_equal(
        keras.ops.convert_to_numpy(layer(values, training=False)), values
    )
    # Auch ein Modell ruft Dropout bei predict mit training=False auf.
    model = keras.Sequential([keras.Input(shape=(50,)), layer])
    np.testing.assert_array_equal(model.predict(values, verbose=0), values)
    # Mit einer Maske, die alles behält, und Rate 0 ändert unsere Rechnung nichts.
    keep = np.ones_like(values, dtype=bool)
    np.testing.assert_array_equal(page.inverted_dropout(values, keep, 0.0), values)


@pytest.mark.parametrize("rate", [0.2, 0.5, 0.9])
def test_expected_value_is_preserved(page: SimpleNamespace, rate: float) -> None:
    values = np.full(400_000, 2.0)
    rng = np.random.default_rng(8)
    ours = page.inverted_dropout(
        values, page.dropout_mask(values.shape, rate, rng), rate
    )
    assert abs(1 - (ours == 0).mean() / rate) < 0.02  # Anteil der Nullen ≈ Rate
    assert ours.mean() == pytest.approx(2.0, rel=0.02)
    keras.utils.set_random_seed(9)
    theirs = keras.layers.Dropout(rate)(values.astype("float32"), training=True)
    assert float(keras.ops.mean(theirs)) == pytest.approx(2.0, rel=0.02)


@pytest.mark.parametrize("rate", [-0.1, 1.0, 1.5])
def test_invalid_rate_is_rejected_in_german(page: SimpleNamespace, rate: float) -> None:
    message = rf"Dropout-Rate muss im Bereich \[0, 1\) liegen, bekommen: {rate}"
    with pytest.raises(ValueError, match=message):
        page.dropout_mask((3,), rate, np.random.default_rng(0))
    with pytest.raises(ValueError, match=message):
        page.inverted_dropout(np.ones(3), np.ones(3, dtype=bool), rate)


def test_mask_with_wrong_shape_is_rejected_in_german(page: SimpleNamespace) -> None:
    with pytest.raises(ValueError, match="brauchen dieselbe Shape"):
        page.inverted_dropout(np.ones((2, 3)), np.ones(3, dtype=bool), 0.5)
