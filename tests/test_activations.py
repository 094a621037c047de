"""mnist_lib.activations: Werte gegen Keras/tf.nn, Ableitungen gegen GradientTape."""

from __future__ import annotations

import warnings

import keras
import numpy as np
import pytest
import tensorflow as tf

from mnist_lib import activations as act

# Ein Bereich mit großen Beträgen, den Knicken (0 und 6) und Werten nahe 0
X = np.concatenate(
    [
        np.linspace(-50, 50, 201),
        [-1000.0, -750.0, -89.0, -30.0, -1e-8, 0.0, 1e-8, 6.0, 30.0, 89.0, 750.0, 1e3],
    ]
)
# Für die Softmax: Batch aus Zeilen, manche mit riesigen Abständen
ROWS = np.array(
    [
        [1.0, 2.0, 3.0, 4.0],
        [1000.0, 1001.0, 1002.0, 999.0],
        [-1000.0, 0.0, 1000.0, 5.0],
        [-800.0, -801.0, -799.5, -800.0],
        [0.0, 0.0, 0.0, 0.0],
        [3.5, -2.25, 0.125, 7.0],
    ]
)

# Name → Referenz aus Keras (TensorFlow-Backend)
KERAS_REFERENCE = {
    "sigmoid": keras.activations.sigmoid,
    "tanh": keras.activations.tanh,
    "relu": keras.activations.relu,
    "relu6": keras.activations.relu6,
    "elu": keras.activations.elu,  # alpha=1
    "softplus": keras.activations.softplus,
    "softsign": keras.activations.softsign,
}
TF_NN_REFERENCE = {
    "sigmoid": tf.nn.sigmoid,
    "tanh": tf.nn.tanh,
    "relu": tf.nn.relu,
    "relu6": tf.nn.relu6,
    "elu": tf.nn.elu,
    "softplus": tf.nn.softplus,
    "softsign": tf.nn.softsign,
}


def tape_gradient(function, x: np.ndarray, upstream: np.ndarray | None = None):
    """Gradient von Σ upstream · f(x) nach x, berechnet von TensorFlow."""
    tensor = tf.constant(x)
    with tf.GradientTape() as tape:
        tape.watch(tensor)
        y = function(tensor)
    return tape.gradient(y, tensor, output_gradients=upstream).numpy()


@pytest.fixture(autouse=True)
def _no_numpy_warnings():
    # Stabil heißt: kein Überlauf, keine Division durch 0, nicht einmal als Warnung.
    with (
        warnings.catch_warnings(),
        np.errstate(over="raise", divide="raise", invalid="raise"),
    ):
        warnings.simplefilter("error", RuntimeWarning)
        yield


# ── Funktionswerte ──────────────────────────────────────────────────────────


@pytest.mark.parametrize("name", sorted(KERAS_REFERENCE))
def test_function_matches_keras_and_tf_nn(name: str) -> None:
    function = act.ELEMENTWISE[name][0]
    ours = function(X)
    assert ours.dtype == np.float64
    # TensorFlow rechnet ELU mit e^x − 1 und verliert nahe 0 Stellen; wir nehmen
    # np.expm1. Sonst vergleichen wir auch winzige Werte (σ(−50) ≈ 2e−22) relativ.
    atol = 1e-16 if name == "elu" else 1e-300
    for reference in (KERAS_REFERENCE[name], TF_NN_REFERENCE[name]):
        theirs = reference(tf.constant(X)).numpy()
        np.testing.assert_allclose(ours, theirs, rtol=1e-12, atol=atol)


@pytest.mark.parametrize("name", sorted(KERAS_REFERENCE))
def test_float32_stays_float32(name: str) -> None:
    x32 = X.astype(np.float32)
    ours = act.ELEMENTWISE[name][0](x32)
    assert ours.dtype == np.float32
    np.testing.assert_allclose(
        ours, KERAS_REFERENCE[name](tf.constant(x32)).numpy(), rtol=1e-6, atol=1e-7
    )


def test_elu_with_other_alpha_matches_keras() -> None:
    ours = act.elu(X, alpha=0.5)
    theirs = keras.activations.elu(tf.constant(X), alpha=0.5).numpy()
    np.testing.assert_allclose(ours, theirs, rtol=1e-12, atol=1e-16)
    np.testing.assert_allclose(
        act.elu_derivative(X, alpha=0.5),
        tape_gradient(lambda t: keras.activations.elu(t, alpha=0.5), X),
        rtol=1e-12,
        atol=1e-15,  # TensorFlow: α·(elu(x) + 1) wird für x ≪ 0 exakt 0
    )


def test_step_is_heaviside_with_one_at_zero() -> None:
    np.testing.assert_array_equal(act.step(X), np.heaviside(X, 1))
    assert act.step(0) == 1
    assert act.step(-1e-300) == 0
    np.testing.assert_array_equal(act.step_derivative(X), np.zeros_like(X))


def test_sigmoid_of_the_page_example_prints_exact_value() -> None:
    # Das Neuron der Seite: u = 0,38 ergibt genau diese Ausgabe.
    u = np.dot([0.5, 0.2, 0.9], [0.5, -0.3, 0.1]) + 0.1
    assert u == 0.38
    assert str(act.sigmoid(u)) == "0.5938731029341427"
    assert str(1 / (1 + np.exp(-u))) == "0.5938731029341427"


def test_sigmoid_extremes_are_exact() -> None:
    assert act.sigmoid(-1000.0) == 0.0
    assert act.sigmoid(1000.0) == 1.0
    assert act.sigmoid(-745.0) > 0  # kleinste positive float64-Zahl, nicht 0
    assert act.softplus(1000.0) == 1000.0
    assert act.softplus(-1000.0) == 0.0
    np.testing.assert_allclose(act.softplus(-40.0), np.exp(-40.0), rtol=1e-14)


def test_naive_sigmoid_would_overflow() -> None:
    # Gegenprobe zur Stabilität: Die Formel ohne Umformung läuft über.
    with np.errstate(over="raise"), pytest.raises(FloatingPointError):
        1 / (1 + np.exp(-np.array(-1000.0)))


def test_scalars_and_lists_are_accepted() -> None:
    assert act.relu(-3) == 0.0
    assert act.relu(2) == 2.0
    np.testing.assert_array_equal(act.relu6([-1, 3, 9]), [0.0, 3.0, 6.0])
    assert act.tanh(0) == 0.0
    assert act.softsign(1) == 0.5


# ── Ableitungen ─────────────────────────────────────────────────────────────


@pytest.mark.parametrize("name", sorted(KERAS_REFERENCE))
def test_derivative_matches_gradient_tape(name: str) -> None:
    derivative = act.ELEMENTWISE[name][1]
    # TensorFlow rechnet σ' als σ · (1 − σ); für |x| > 37 ist das 0, unser σ(x)·σ(−x)
    # ist dort ein winziger positiver Wert – daher die kleine absolute Toleranz.
    np.testing.assert_allclose(
        derivative(X),
        tape_gradient(KERAS_REFERENCE[name], X),
        rtol=1e-12,
        atol=1e-15,
    )


def test_derivatives_at_the_kinks_follow_tensorflow() -> None:
    kinks = np.array([0.0, 6.0])
    assert act.relu_derivative(kinks).tolist() == [0.0, 1.0]
    assert act.relu6_derivative(kinks).tolist() == [0.0, 0.0]
    assert act.elu_derivative(kinks).tolist() == [1.0, 1.0]
    np.testing.assert_array_equal(
        act.relu6_derivative(kinks), tape_gradient(tf.nn.relu6, kinks)
    )


def test_sigmoid_derivative_is_at_most_a_quarter() -> None:
    assert act.sigmoid_derivative(0.0) == 0.25
    assert act.sigmoid_derivative(X).max() == 0.25
    assert act.tanh_derivative(X).max() == 1.0
    # Für große x ist σ'(x) winzig, aber nicht 0 (kein Auslöschen durch 1 − σ)
    assert 0 < act.sigmoid_derivative(40.0) < 1e-17


# ── Softmax und Log-Softmax ─────────────────────────────────────────────────


def test_softmax_matches_keras_and_tf_nn() -> None:
    ours = act.softmax(ROWS)
    np.testing.assert_allclose(
        ours, keras.activations.softmax(tf.constant(ROWS)).numpy(), rtol=1e-12
    )
    np.testing.assert_allclose(ours, tf.nn.softmax(ROWS).numpy(), rtol=1e-12)
    np.testing.assert_allclose(ours.sum(axis=-1), 1.0, rtol=1e-15)


def test_log_softmax_matches_keras_and_tf_nn() -> None:
    ours = act.log_softmax(ROWS)
    np.testing.assert_allclose(
        ours, keras.activations.log_softmax(tf.constant(ROWS)).numpy(), rtol=1e-12
    )
    np.testing.assert_allclose(ours, tf.nn.log_softmax(ROWS).numpy(), rtol=1e-12)
    # Ohne Umweg über log(softmax): −2000 statt −inf
    assert act.log_softmax([1000.0, 0.0, -1000.0])[-1] == -2000.0


@pytest.mark.parametrize("axis", [0, 1, -2])
def test_softmax_other_axes_match_tf(axis: int) -> None:
    np.testing.assert_allclose(
        act.softmax(ROWS, axis=axis), tf.nn.softmax(ROWS, axis=axis).numpy(), rtol=1e-12
    )
    np.testing.assert_allclose(
        act.log_softmax(ROWS, axis=axis),
        tf.nn.log_softmax(ROWS, axis=axis).numpy(),
        rtol=1e-12,
        atol=1e-12,
    )


def test_softmax_of_two_classes_is_sigmoid() -> None:
    x = np.linspace(-30, 30, 61)
    pairs = np.stack([x, np.zeros_like(x)], axis=-1)
    np.testing.assert_allclose(act.softmax(pairs)[:, 0], act.sigmoid(x), rtol=1e-14)


@pytest.mark.parametrize(
    ("vjp", "reference"),
    [(act.softmax_vjp, tf.nn.softmax), (act.log_softmax_vjp, tf.nn.log_softmax)],
)
def test_vjp_matches_gradient_tape(vjp, reference) -> None:
    upstream = np.random.default_rng(42).normal(size=ROWS.shape)
    np.testing.assert_allclose(
        vjp(ROWS, upstream),
        tape_gradient(reference, ROWS, upstream=tf.constant(upstream)),
        rtol=1e-10,
        atol=1e-12,
    )


@pytest.mark.parametrize(
    ("jacobian", "reference"),
    [
        (act.softmax_jacobian, tf.nn.softmax),
        (act.log_softmax_jacobian, tf.nn.log_softmax),
    ],
)
def test_jacobian_matches_gradient_tape(jacobian, reference) -> None:
    tensor = tf.constant(ROWS)
    with tf.GradientTape() as tape:
        tape.watch(tensor)
        y = reference(tensor)
    theirs = tape.batch_jacobian(y, tensor).numpy()
    ours = jacobian(ROWS)
    assert ours.shape == (6, 4, 4)
    np.testing.assert_allclose(ours, theirs, rtol=1e-10, atol=1e-12)


def test_softmax_jacobian_rows_sum_to_zero() -> None:
    # Σ_i s_i = 1 ist konstant, also summieren sich die Spalten der Jacobi-Matrix zu 0.
    jacobian = act.softmax_jacobian([1.0, 2.0, 3.0])
    np.testing.assert_allclose(jacobian.sum(axis=0), 0.0, atol=1e-15)
    np.testing.assert_allclose(jacobian, jacobian.T)


def test_vjp_is_upstream_times_jacobian() -> None:
    x, g = np.array([0.5, -1.0, 2.0]), np.array([1.0, 0.0, -2.0])
    np.testing.assert_allclose(act.softmax_vjp(x, g), g @ act.softmax_jacobian(x))
    np.testing.assert_allclose(
        act.log_softmax_vjp(x, g), g @ act.log_softmax_jacobian(x)
    )


def test_elementwise_lists_every_function_in_page_order() -> None:
    assert list(act.ELEMENTWISE) == [
        "step", "sigmoid", "tanh", "relu", "relu6", "elu", "softplus", "softsign"
    ]  # fmt: skip
    for name, (function, derivative) in act.ELEMENTWISE.items():
        assert function is getattr(act, name)
        assert derivative is getattr(act, f"{name}_derivative")


# ── Fehler bei unsinnigen Eingaben ──────────────────────────────────────────

ALL_CALLS = [
    *(f for pair in act.ELEMENTWISE.values() for f in pair),
    act.softmax,
    act.log_softmax,
    act.softmax_jacobian,
    act.log_softmax_jacobian,
]


@pytest.mark.parametrize("function", ALL_CALLS, ids=lambda f: f.__name__)
@pytest.mark.parametrize(
    "bad", [np.array(["a", "b"]), np.array([True, False]), np.array([1 + 2j])]
)
def test_non_numeric_input_raises_type_error(function, bad) -> None:
    with pytest.raises(TypeError, match=r"u muss aus reellen Zahlen .*dtype"):
        function(bad)


@pytest.mark.parametrize("function", ALL_CALLS, ids=lambda f: f.__name__)
def test_nan_and_inf_raise_value_error(function) -> None:
    for bad in (np.nan, -np.inf):
        with pytest.raises(ValueError, match=r"u enthält NaN .* unendliche Werte"):
            function(np.array([0.0, bad]))


def test_ragged_list_raises_type_error() -> None:
    with pytest.raises(TypeError, match="NumPy-Array"):
        act.relu([[1.0, 2.0], [3.0]])


@pytest.mark.parametrize("function", [act.softmax, act.log_softmax])
def test_softmax_axis_errors(function) -> None:
    with pytest.raises(ValueError, match=r"Achse 2 gibt es nicht.*von -2 bis 1"):
        function(ROWS, axis=2)
    with pytest.raises(ValueError, match="Achse -3 gibt es nicht"):
        function(ROWS, axis=-3)
    with pytest.raises(TypeError, match="ganze Zahl"):
        function(ROWS, axis=1.0)
    with pytest.raises(ValueError, match="Skalar"):
        function(3.0)
    with pytest.raises(ValueError, match="leer"):
        function(np.zeros((2, 0)))


def test_vjp_shape_mismatch() -> None:
    with pytest.raises(ValueError, match="dieselbe Shape"):
        act.softmax_vjp([1.0, 2.0], [1.0, 2.0, 3.0])
    with pytest.raises(ValueError, match="upstream enthält NaN"):
        act.log_softmax_vjp([1.0, 2.0], [1.0, np.nan])


def test_elu_alpha_errors() -> None:
    for function in (act.elu, act.elu_derivative):
        with pytest.raises(ValueError, match="alpha darf nicht negativ sein"):
            function([1.0], alpha=-1.0)
        with pytest.raises(TypeError, match="alpha muss eine Zahl sein"):
            function([1.0], alpha="1")
