"""mnist_lib.losses: Verlustfunktionen von Hand gegen keras.losses, Fehler, Callback."""

from __future__ import annotations

import math

import keras
import numpy as np
import pytest
import tensorflow as tf

from mnist_lib.losses import (
    EPSILON,
    BatchLossHistory,
    binary_crossentropy,
    categorical_crossentropy,
    mean_absolute_error,
    mean_squared_error,
    sparse_categorical_crossentropy,
)

TOL = {"rtol": 1e-6, "atol": 1e-6}


def softmax(z: np.ndarray) -> np.ndarray:
    e = np.exp(z - z.max(axis=-1, keepdims=True))
    return e / e.sum(axis=-1, keepdims=True)


@pytest.fixture
def rng() -> np.random.Generator:
    return np.random.default_rng(42)


@pytest.fixture
def classification(rng: np.random.Generator) -> tuple[np.ndarray, np.ndarray]:
    """Labels (N,) und Softmax-Ausgaben (N, 10) in float32, mit Extremfällen."""
    labels = rng.integers(0, 10, size=32)
    probs = softmax(rng.normal(scale=3.0, size=(32, 10))).astype(np.float32)
    probs[0] = np.eye(10, dtype=np.float32)[labels[0]]  # sicher und richtig
    probs[1] = np.eye(10, dtype=np.float32)[(labels[1] + 1) % 10]  # sicher, falsch
    return labels, probs


# ── Gegenprobe mit Keras: Funktion (je Sample) und Klasse (Mittelwert) ─────────


@pytest.mark.parametrize("shape", [(16, 1), (16, 5), (4, 3, 2), (7,)])
@pytest.mark.parametrize(
    ("ours", "keras_fn", "keras_cls"),
    [
        (
            mean_absolute_error,
            keras.losses.mean_absolute_error,
            keras.losses.MeanAbsoluteError,
        ),
        (
            mean_squared_error,
            keras.losses.mean_squared_error,
            keras.losses.MeanSquaredError,
        ),
    ],
    ids=["mae", "mse"],
)
def test_regression_losses_match_keras(
    rng: np.random.Generator, shape, ours, keras_fn, keras_cls
) -> None:
    y_true = rng.normal(size=shape).astype(np.float32)
    y_pred = rng.normal(size=shape).astype(np.float32)
    per_sample = ours(y_true, y_pred)
    assert per_sample.shape == shape[:-1]
    np.testing.assert_allclose(per_sample, keras_fn(y_true, y_pred), **TOL)
    np.testing.assert_allclose(per_sample.mean(), keras_cls()(y_true, y_pred), **TOL)


def test_mae_is_abs_difference_for_one_output() -> None:
    # Ein Wert pro Sample: Der MAE je Sample ist genau |ŷ − y|.
    y_hat = np.array([[2.5], [0.0], [8.0]])
    y = np.array([[3.0], [-0.5], [7.0]])
    np.testing.assert_array_equal(
        mean_absolute_error(y, y_hat), np.abs(y_hat - y)[:, 0]
    )


@pytest.mark.parametrize("shape", [(16, 1), (16, 4), (3, 5, 2)])
def test_binary_crossentropy_matches_keras(
    rng: np.random.Generator, shape: tuple[int, ...]
) -> None:
    y_true = rng.integers(0, 2, size=shape).astype(np.float32)
    y_pred = rng.uniform(size=shape).astype(np.float32)
    y_pred.flat[:4] = [0.0, 1.0, 1.0, 0.0]  # Clipping muss wie in Keras greifen
    per_sample = binary_crossentropy(y_true, y_pred)
    assert per_sample.shape == shape[:-1]
    np.testing.assert_allclose(
        per_sample, keras.losses.binary_crossentropy(y_true, y_pred), **TOL
    )
    np.testing.assert_allclose(
        per_sample.mean(), keras.losses.BinaryCrossentropy()(y_true, y_pred), **TOL
    )


def test_binary_crossentropy_soft_labels_match_keras(rng: np.random.Generator) -> None:
    y_true = rng.uniform(size=(8, 3)).astype(np.float32)
    y_pred = rng.uniform(size=(8, 3)).astype(np.float32)
    np.testing.assert_allclose(
        binary_crossentropy(y_true, y_pred),
        keras.losses.binary_crossentropy(y_true, y_pred),
        **TOL,
    )


def test_categorical_crossentropy_matches_keras(classification) -> None:
    labels, probs = classification
    y_true = np.eye(10, dtype=np.float32)[labels]
    per_sample = categorical_crossentropy(y_true, probs)
    assert per_sample.shape == (32,)
    np.testing.assert_allclose(
        per_sample, keras.losses.categorical_crossentropy(y_true, probs), **TOL
    )
    np.testing.assert_allclose(
        per_sample.mean(), keras.losses.CategoricalCrossentropy()(y_true, probs), **TOL
    )
    # Extremfälle: sicher richtig → fast 0, sicher falsch → −ln(1e-7)
    assert per_sample[0] == pytest.approx(-math.log(1 - EPSILON))
    assert per_sample[1] == pytest.approx(-math.log(EPSILON))


def test_categorical_crossentropy_is_minus_log_of_correct_class(classification) -> None:
    labels, probs = classification
    y_true = np.eye(10)[labels]
    correct = probs[np.arange(32), labels].astype(np.float64)
    expected = -np.log(np.clip(correct, EPSILON, 1 - EPSILON))
    np.testing.assert_allclose(categorical_crossentropy(y_true, probs), expected, **TOL)


def test_categorical_crossentropy_keeps_leading_axes(rng: np.random.Generator) -> None:
    probs = softmax(rng.normal(size=(2, 3, 4))).astype(np.float32)
    y_true = np.eye(4, dtype=np.float32)[rng.integers(0, 4, size=(2, 3))]
    result = categorical_crossentropy(y_true, probs)
    assert result.shape == (2, 3)
    np.testing.assert_allclose(
        result, keras.losses.categorical_crossentropy(y_true, probs), **TOL
    )


@pytest.mark.parametrize("label_shape", ["flat", "column"])
def test_sparse_categorical_crossentropy_matches_keras(
    classification, label_shape: str
) -> None:
    labels, probs = classification
    y_true = labels if label_shape == "flat" else labels[:, None]
    per_sample = sparse_categorical_crossentropy(y_true, probs)
    assert per_sample.shape == (32,)
    np.testing.assert_allclose(
        per_sample, keras.losses.sparse_categorical_crossentropy(y_true, probs), **TOL
    )
    np.testing.assert_allclose(
        per_sample.mean(),
        keras.losses.SparseCategoricalCrossentropy()(y_true, probs),
        **TOL,
    )
    np.testing.assert_allclose(
        per_sample, categorical_crossentropy(np.eye(10)[labels], probs), rtol=1e-12
    )


def test_sparse_accepts_float_labels_with_integer_values(classification) -> None:
    labels, probs = classification
    np.testing.assert_allclose(
        sparse_categorical_crossentropy(labels.astype(np.float32), probs),
        sparse_categorical_crossentropy(labels, probs),
    )


def test_uniform_guess_gives_ln_of_class_count() -> None:
    for classes in (2, 3, 10):
        uniform = np.full((5, classes), 1 / classes)
        y_true = np.eye(classes)[np.arange(5) % classes]
        np.testing.assert_allclose(
            categorical_crossentropy(y_true, uniform), math.log(classes), rtol=1e-12
        )
    assert f"{math.log(10):.4f}" == "2.3026"


def test_epsilon_zero_means_no_clipping() -> None:
    y_true = np.array([[0.0, 1.0, 0.0]])
    wrong = np.array([[1.0, 0.0, 0.0]])
    assert categorical_crossentropy(y_true, wrong, epsilon=0)[0] == np.inf
    assert categorical_crossentropy(y_true, y_true, epsilon=0)[0] == 0.0
    assert binary_crossentropy([[1.0, 0.0]], [[1.0, 0.0]], epsilon=0)[0] == 0.0
    assert binary_crossentropy([[1.0]], [[0.0]], epsilon=0)[0] == np.inf
    assert sparse_categorical_crossentropy([1], wrong, epsilon=0)[0] == np.inf


def test_keras_uses_logits_inside_a_model() -> None:
    # Die Seite sagt: Nach einer Softmax-Schicht rechnet Keras mit den Logits,
    # ohne Clipping – der Verlust kann dann größer als −ln(1e-7) sein.
    model = keras.Sequential(
        [
            keras.Input((1,)),
            keras.layers.Dense(
                2,
                activation="softmax",
                kernel_initializer=keras.initializers.Constant([[100.0, 0.0]]),
            ),
        ]
    )
    model.compile(loss="categorical_crossentropy")
    loss = model.evaluate(np.ones((1, 1)), np.array([[0.0, 1.0]]), verbose=0)
    assert loss == pytest.approx(100.0)
    probs = model.predict(np.ones((1, 1)), verbose=0)
    clipped = categorical_crossentropy(np.array([[0.0, 1.0]]), probs)
    assert clipped[0] == pytest.approx(-math.log(EPSILON))


def test_keras_accepts_logits_where_we_refuse() -> None:
    # Die Seite sagt: Keras teilt durch die Zeilensumme und rechnet weiter.
    y_true, logits = np.array([[0.0, 1.0, 0.0]]), np.array([[2.0, 1.0, 0.1]])
    keras_loss = float(keras.losses.categorical_crossentropy(y_true, logits)[0])
    assert keras_loss == pytest.approx(-math.log(1.0 / 3.1), rel=1e-6)
    with pytest.raises(ValueError, match="Logits"):
        categorical_crossentropy(y_true, logits)


# ── Warum Kreuzentropie zu Softmax passt ─────────────────────────────────────


def test_gradient_of_crossentropy_after_softmax_is_p_minus_y(
    rng: np.random.Generator,
) -> None:
    logits = tf.Variable(rng.normal(scale=2.0, size=(6, 10)).astype(np.float32))
    y_true = tf.constant(np.eye(10, dtype=np.float32)[rng.integers(0, 10, size=6)])
    with tf.GradientTape() as tape:
        probs = keras.ops.softmax(logits)
        loss = keras.losses.categorical_crossentropy(y_true, probs)
    gradient = tape.gradient(loss, logits)
    np.testing.assert_allclose(gradient, probs - y_true, atol=1e-6)


def test_mse_gradient_vanishes_when_saturated_wrong() -> None:
    logits = tf.Variable([[6.0, 0.0, 0.0]])
    y_true = tf.constant([[0.0, 1.0, 0.0]])
    norms = {}
    for name, loss_fn in [
        ("ce", keras.losses.categorical_crossentropy),
        ("mse", keras.losses.mean_squared_error),
    ]:
        with tf.GradientTape() as tape:
            loss = loss_fn(y_true, keras.ops.softmax(logits))
        norms[name] = float(tf.norm(tape.gradient(loss, logits)))
    assert norms["ce"] > 1.0
    assert norms["mse"] < 0.01


# ── Fehlerhafte Eingaben: deutsche Meldungen ─────────────────────────────────


ALL_LOSSES = [
    mean_absolute_error,
    mean_squared_error,
    binary_crossentropy,
    categorical_crossentropy,
]


@pytest.mark.parametrize("loss", ALL_LOSSES, ids=lambda f: f.__name__)
def test_shape_mismatch(loss) -> None:
    with pytest.raises(ValueError, match=r"dieselbe Shape.*\(4,\).*\(4, 1\)"):
        loss(np.zeros(4), np.zeros((4, 1)))


def test_shape_mismatch_hints() -> None:
    with pytest.raises(ValueError, match="reshape"):
        mean_squared_error(np.zeros(4), np.zeros((4, 1)))
    with pytest.raises(ValueError, match="sparse_categorical_crossentropy"):
        categorical_crossentropy(np.array([3, 0]), np.full((2, 10), 0.1))
    with pytest.raises(ValueError, match="categorical_crossentropy"):
        sparse_categorical_crossentropy(np.eye(3), np.full((3, 3), 1 / 3))


@pytest.mark.parametrize("loss", ALL_LOSSES, ids=lambda f: f.__name__)
@pytest.mark.parametrize("where", ["y_true", "y_pred"])
def test_nan_and_inf(loss, where: str) -> None:
    good = np.array([[0.0, 1.0]])
    for bad_value in (np.nan, np.inf):
        bad = good.copy()
        bad[0, 0] = bad_value
        args = (bad, good) if where == "y_true" else (good, bad)
        with pytest.raises(ValueError, match=f"{where} enthält NaN .* unendliche"):
            loss(*args)


def test_sparse_nan() -> None:
    with pytest.raises(ValueError, match="y_pred enthält NaN"):
        sparse_categorical_crossentropy([0], [[np.nan, 1.0]])
    with pytest.raises(ValueError, match="y_true enthält NaN"):
        sparse_categorical_crossentropy([np.nan], [[0.0, 1.0]])


@pytest.mark.parametrize(
    ("loss", "activation"),
    [
        (binary_crossentropy, "Sigmoid"),
        (categorical_crossentropy, "Softmax"),
    ],
)
def test_probabilities_outside_unit_interval(loss, activation: str) -> None:
    with pytest.raises(ValueError, match=f"zwischen 0 und 1.*Logits.*{activation}"):
        loss(np.array([[0.0, 1.0]]), np.array([[-0.5, 1.5]]))


def test_probabilities_message_on_the_page() -> None:
    # Diese Meldung zeigt die Seite „Verlustfunktion“ als Ausgabe.
    with pytest.raises(ValueError) as error:
        categorical_crossentropy(np.array([[0.0, 1.0, 0.0]]), [[2.0, 1.0, 0.1]])
    assert str(error.value) == (
        "y_pred muss Wahrscheinlichkeiten zwischen 0 und 1 enthalten, gefunden: "
        "0.1 bis 2. Sind das Logits? Dann fehlt noch Softmax (oder in Keras "
        "from_logits=True)."
    )


def test_sparse_probabilities_outside_unit_interval() -> None:
    with pytest.raises(ValueError, match="Wahrscheinlichkeiten zwischen 0 und 1"):
        sparse_categorical_crossentropy([1], [[2.0, -1.0]])


def test_rows_must_sum_to_one() -> None:
    message = r"Jede Zeile von y_pred muss sich zu 1 summieren.*0\.8 bis 0\.8.*Logits"
    with pytest.raises(ValueError, match=message):
        categorical_crossentropy(np.array([[0.0, 1.0]]), np.array([[0.4, 0.4]]))
    with pytest.raises(ValueError, match=message):
        sparse_categorical_crossentropy([1], [[0.4, 0.4]])
    # Rundungsfehler von float32 sind erlaubt
    categorical_crossentropy(np.array([[0.0, 1.0]]), np.array([[0.3, 0.7000001]]))


def test_categorical_labels_must_be_one_hot() -> None:
    with pytest.raises(ValueError, match=r"y_true .* Zeilensummen 2 bis 2.*One-Hot"):
        categorical_crossentropy(np.array([[1.0, 1.0, 0.0]]), np.full((1, 3), 1 / 3))
    with pytest.raises(
        ValueError, match=r"y_true muss Labels zwischen 0 und 1 .*-2 bis 3.*One-Hot"
    ):
        categorical_crossentropy(np.array([[0.0, 3.0, -2.0]]), np.full((1, 3), 1 / 3))


def test_binary_labels_between_zero_and_one() -> None:
    with pytest.raises(ValueError, match=r"Labels zwischen 0 und 1.*gefunden: 0 bis 2"):
        binary_crossentropy(np.array([[0.0], [2.0]]), np.array([[0.5], [0.5]]))


def test_sparse_labels_out_of_range_or_not_integer() -> None:
    probs = np.full((2, 3), 1 / 3)
    with pytest.raises(ValueError, match=r"zwischen 0 und 2 liegen.*Maximum 3"):
        sparse_categorical_crossentropy([0, 3], probs)
    with pytest.raises(ValueError, match=r"zwischen 0 und 2 liegen.*Minimum -1"):
        sparse_categorical_crossentropy([-1, 0], probs)
    with pytest.raises(ValueError, match=r"ganze Zahlen.*\[1\.5\]"):
        sparse_categorical_crossentropy([0, 1.5], probs)
    with pytest.raises(ValueError, match=r"ganze Zahlen.*\[-0\.5\]"):
        sparse_categorical_crossentropy([-0.5, 1], probs)
    with pytest.raises(ValueError, match=r"Shape \(N, K\)"):
        sparse_categorical_crossentropy([0], [0.5, 0.5])
    with pytest.raises(ValueError, match=r"Klassennummer pro Sample.*\(2,\)"):
        sparse_categorical_crossentropy([0, 1, 2], probs)


def test_wrong_dtype_empty_and_scalar() -> None:
    with pytest.raises(TypeError, match="y_true muss aus reellen Zahlen"):
        mean_squared_error(np.array([["a", "b"]]), np.zeros((1, 2)))
    with pytest.raises(TypeError, match="y_pred muss aus reellen Zahlen"):
        mean_squared_error(np.zeros(2), np.array([1 + 2j, 0]))
    with pytest.raises(TypeError, match=r"y_true muss aus reellen Zahlen.*bool"):
        binary_crossentropy(np.array([[True]]), np.array([[0.5]]))
    with pytest.raises(ValueError, match=r"sind leer \(Shape \(0, 3\)\)"):
        mean_absolute_error(np.zeros((0, 3)), np.zeros((0, 3)))
    with pytest.raises(ValueError, match=r"y_true braucht mindestens 1 Achse"):
        mean_absolute_error(1.0, 2.0)


@pytest.mark.parametrize("epsilon", [-1e-7, 0.5, 2.0])
def test_epsilon_range(epsilon: float) -> None:
    with pytest.raises(ValueError, match=r"epsilon muss in \[0, 0\.5\) liegen"):
        categorical_crossentropy(np.eye(2), np.eye(2), epsilon=epsilon)


def test_epsilon_must_be_a_number() -> None:
    with pytest.raises(TypeError, match="epsilon muss eine Zahl sein"):
        binary_crossentropy([[1.0]], [[0.5]], epsilon="1e-7")


# ── Verlust je Batch im echten Training ──────────────────────────────────────


def small_network() -> keras.Sequential:
    """Ein kleines MNIST-Netz; zufällige Startgewichte aus dem festen Seed."""
    keras.utils.set_random_seed(42)
    model = keras.Sequential(
        [
            keras.Input((28, 28)),
            keras.layers.Reshape((784,)),
            keras.layers.Dense(32, activation="sigmoid"),
            keras.layers.Dense(10, activation="softmax"),
        ]
    )
    model.compile(optimizer="rmsprop", loss="categorical_crossentropy")
    return model


def test_batch_loss_history_recovers_each_batch_loss() -> None:
    (x_train, y_train), _ = keras.datasets.mnist.load_data()
    x = x_train[:256].astype("float32") / 255
    y = keras.utils.to_categorical(y_train[:256], 10)

    model = small_network()
    recorder = BatchLossHistory()
    history = model.fit(
        x, y, epochs=2, batch_size=64, shuffle=False, verbose=0, callbacks=[recorder]
    )
    assert recorder.epochs == [1] * 4 + [2] * 4
    assert len(recorder.losses) == len(recorder.running_means) == 8
    # Mittelwert der Batch-Verluste einer Epoche = Verlust, den fit() meldet
    for epoch, epoch_loss in enumerate(history.history["loss"]):
        batch_losses = recorder.losses[4 * epoch : 4 * epoch + 4]
        assert np.mean(batch_losses) == pytest.approx(epoch_loss, rel=1e-5)
        assert recorder.running_means[4 * epoch + 3] == pytest.approx(epoch_loss)

    # Dieselben Schritte einzeln: train_on_batch meldet den Verlust jedes Batches.
    twin = small_network()
    single = [
        twin.train_on_batch(x[i : i + 64], y[i : i + 64], return_dict=True)["loss"]
        for _ in range(2)
        for i in range(0, 256, 64)
    ]
    np.testing.assert_allclose(recorder.losses, single, rtol=1e-4)
    # Mit zufälligen Gewichten liegt der erste Verlust nahe ln(10).
    assert 2.0 < recorder.losses[0] < 3.0
