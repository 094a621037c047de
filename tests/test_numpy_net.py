"""mnist_lib.numpy_net: Backpropagation gegen Differenzenquotient, Keras, TF."""

from __future__ import annotations

import copy
import itertools

import keras
import matplotlib.pyplot as plt
import numpy as np
import pytest
import tensorflow as tf

from mnist_lib.activations import sigmoid
from mnist_lib.data import load_mnist, normalize_images
from mnist_lib.models import build_mnist_network
from mnist_lib.numpy_net import (
    SGD,
    ClassicNetwork,
    MiniBatchNetwork,
    RMSprop,
    scale_inputs_classic,
    targets_classic,
    training_flops,
)
from mnist_lib.plotting import plot_network

SOURCE_SIZES = (784, 512, 324, 36, 10)
SMALL_SIZES = (6, 5, 4, 3)
COMBINATIONS = [
    (hidden, output)
    for hidden in ("sigmoid", "relu")
    for output in ("softmax", "sigmoid")
]


@pytest.fixture(scope="module")
def mnist() -> tuple[tuple[np.ndarray, np.ndarray], tuple[np.ndarray, np.ndarray]]:
    return load_mnist(verbose=False)


@pytest.fixture(autouse=True)
def _close_figures():
    yield
    plt.close("all")


def small_batch(n: int = 7, features: int = 6, classes: int = 3, seed: int = 1):
    rng = np.random.default_rng(seed)
    return rng.standard_normal((n, features)), rng.integers(0, classes, n)


def numeric_gradients(net: MiniBatchNetwork, x, labels, h: float = 1e-6):
    """Zentraler Differenzenquotient für jeden einzelnen Parameter (float64-Netz)."""
    weights = net.get_weights()
    result = []
    for i, param in enumerate(weights):
        grad = np.zeros_like(param)
        for index in np.ndindex(param.shape):
            values = []
            for sign in (1.0, -1.0):
                nudged = [w.copy() for w in weights]
                nudged[i][index] += sign * h
                net.set_weights(nudged)
                values.append(net.evaluate(x, labels)[0])
            grad[index] = (values[0] - values[1]) / (2 * h)
        result.append(grad)
    net.set_weights(weights)
    return result


def keras_twin(net: MiniBatchNetwork) -> keras.Sequential:
    """Ein Keras-Modell mit denselben Schichten und Gewichten wie ``net``."""
    model = keras.Sequential([keras.Input((net.layer_sizes[0],))])
    for units, activation in zip(net.layer_sizes[1:], net.activations, strict=True):
        model.add(keras.layers.Dense(units, activation=activation))
    model.set_weights(net.get_weights())
    return model


def keras_loss(net: MiniBatchNetwork):
    if net.activations[-1] == "softmax":
        return keras.losses.CategoricalCrossentropy()
    return keras.losses.BinaryCrossentropy()


# ── Das klassische Netz ─────────────────────────────────────────────────────


def tiny_classic() -> ClassicNetwork:
    net = ClassicNetwork(2, 2, 2, learning_rate=0.5)
    net.wih = np.array([[0.9, 0.3], [0.2, 0.8]])
    net.who = np.array([[0.3, 0.7], [0.6, 0.5]])
    return net


def test_classic_shapes_and_init() -> None:
    net = ClassicNetwork(784, 100, 10, 0.2)
    assert net.wih.shape == (100, 784)
    assert net.who.shape == (10, 100)
    assert abs(net.wih.std() - 784**-0.5) < 0.002  # Standardabweichung 1/√Eingänge
    assert net.query(np.full(784, 0.5)).shape == (10, 1)
    again = ClassicNetwork(784, 100, 10, 0.2)
    np.testing.assert_array_equal(net.wih, again.wih)  # gleicher Seed, gleiche Gewichte


def test_classic_train_is_exactly_the_source_code() -> None:
    net = tiny_classic()
    self = tiny_classic()  # die Zeilen unten stammen wörtlich aus dem Quellmaterial
    inputs = np.array([[1.0], [0.5]])
    targets = np.array([[1.0], [0.0]])
    hidden_outputs = sigmoid(np.dot(self.wih, inputs))
    final_outputs = sigmoid(np.dot(self.who, hidden_outputs))
    output_errors = targets - final_outputs
    hidden_errors = np.dot(self.who.T, output_errors)
    self.who += self.lr * np.dot(
        (output_errors * final_outputs * (1.0 - final_outputs)),
        np.transpose(hidden_outputs),
    )
    self.wih += self.lr * np.dot(
        (hidden_errors * hidden_outputs * (1.0 - hidden_outputs)),
        np.transpose(inputs),
    )
    net.train([1.0, 0.5], [1.0, 0.0])
    np.testing.assert_array_equal(net.who, self.who)
    np.testing.assert_array_equal(net.wih, self.wih)


def classic_loss(net: ClassicNetwork, inputs, targets) -> float:
    return 0.5 * float(np.sum((np.reshape(targets, (-1, 1)) - net.query(inputs)) ** 2))


def classic_numeric(net: ClassicNetwork, inputs, targets, name: str, h=1e-6):
    matrix = getattr(net, name)
    grad = np.zeros_like(matrix)
    for index in np.ndindex(matrix.shape):
        original = matrix[index]
        matrix[index] = original + h
        up = classic_loss(net, inputs, targets)
        matrix[index] = original - h
        down = classic_loss(net, inputs, targets)
        matrix[index] = original
        grad[index] = (up - down) / (2 * h)
    return grad


def test_classic_exact_gradients_match_numeric_and_tape() -> None:
    net = ClassicNetwork(5, 4, 3, learning_rate=0.3, seed=7)
    inputs = np.array([0.2, 0.9, 0.01, 0.5, 0.7])
    targets = targets_classic(1, 3)
    grad_wih, grad_who = net.exact_gradients(inputs, targets)
    np.testing.assert_allclose(
        grad_who, classic_numeric(net, inputs, targets, "who"), atol=1e-9
    )
    np.testing.assert_allclose(
        grad_wih, classic_numeric(net, inputs, targets, "wih"), atol=1e-9
    )
    wih, who = tf.Variable(net.wih), tf.Variable(net.who)
    with tf.GradientTape() as tape:
        hidden = tf.sigmoid(wih @ inputs.reshape(-1, 1))
        output = tf.sigmoid(who @ hidden)
        loss = 0.5 * tf.reduce_sum((targets.reshape(-1, 1) - output) ** 2)
    tape_wih, tape_who = tape.gradient(loss, [wih, who])
    np.testing.assert_allclose(grad_wih, tape_wih.numpy(), rtol=1e-10, atol=1e-14)
    np.testing.assert_allclose(grad_who, tape_who.numpy(), rtol=1e-10, atol=1e-14)


def test_classic_output_update_is_gradient_descent() -> None:
    net = ClassicNetwork(5, 4, 3, learning_rate=0.3, seed=7)
    inputs, targets = np.array([0.2, 0.9, 0.01, 0.5, 0.7]), targets_classic(2, 3)
    _, grad_who = net.exact_gradients(inputs, targets)
    before = net.who.copy()
    net.train(inputs, targets)
    np.testing.assert_allclose(net.who - before, -net.lr * grad_who, atol=1e-15)


def test_classic_hidden_update_leaves_out_the_output_slope() -> None:
    # Das Quellmaterial verteilt E_k statt E_k·O_k(1−O_k) zurück: nicht der Gradient,
    # aber (hier) dieselbe Richtung.
    net = tiny_classic()
    grad_wih, _ = net.exact_gradients([1.0, 0.5], [1.0, 0.0])
    before = net.wih.copy()
    net.train([1.0, 0.5], [1.0, 0.0])
    change = net.wih - before
    assert not np.allclose(change, -net.lr * grad_wih)
    assert np.all(np.sign(change) == np.sign(-grad_wih))
    ratio = change / (-net.lr * grad_wih)
    assert 4.5 < ratio.min() < ratio.max() < 5.1


def test_classic_learns_mnist(mnist) -> None:
    (x_train, y_train), (x_test, y_test) = mnist
    net = ClassicNetwork(784, 100, 10, learning_rate=0.2)
    net.fit(scale_inputs_classic(x_train[:4000]), y_train[:4000], epochs=1)
    accuracy = np.mean(net.predict(scale_inputs_classic(x_test)) == y_test)
    assert accuracy > 0.85, accuracy


def test_classic_predict_equals_query() -> None:
    net = ClassicNetwork(5, 4, 3, learning_rate=0.3, seed=2)
    x = np.random.default_rng(0).random((6, 5))
    by_query = [int(np.argmax(net.query(row))) for row in x]
    np.testing.assert_array_equal(net.predict(x), by_query)


def test_classic_input_helpers() -> None:
    scaled = scale_inputs_classic(np.array([[[0, 255], [51, 102]]], dtype=np.uint8))
    np.testing.assert_allclose(scaled, [[0.01, 1.0, 0.208, 0.406]])
    np.testing.assert_allclose(targets_classic(3, 5), [0.01, 0.01, 0.01, 0.99, 0.01])


@pytest.mark.parametrize(
    ("arguments", "error", "match"),
    [
        ((784, 0, 10, 0.1), ValueError, "hidden_nodes .* mindestens 1"),
        ((0, 100, 10, 0.1), ValueError, "input_nodes .* mindestens 1"),
        ((784, 100, 10, 0.0), ValueError, "Lernrate.*größer als 0"),
        ((784, 100, 10, float("nan")), ValueError, "Lernrate.*endliche"),
        ((784, 2.5, 10, 0.1), TypeError, "ganze Zahl"),
        ((784, 100, 10, "0.1"), TypeError, "Zahl"),
    ],
)
def test_classic_bad_construction(arguments, error, match) -> None:
    with pytest.raises(error, match=match):
        ClassicNetwork(*arguments)


def test_classic_bad_input() -> None:
    net = ClassicNetwork(4, 3, 2, learning_rate=0.1)
    with pytest.raises(ValueError, match=r"genau ein Sample mit 4 Werten"):
        net.train([0.1, 0.2, 0.3], [0.99, 0.01])
    with pytest.raises(ValueError, match=r"targets_list muss genau ein Sample mit 2"):
        net.train([0.1, 0.2, 0.3, 0.4], [0.99, 0.01, 0.01])
    with pytest.raises(ValueError, match="NaN"):
        net.query([0.1, np.nan, 0.3, 0.4])
    with pytest.raises(TypeError, match="Zahlen"):
        net.query(["a", "b", "c", "d"])
    with pytest.raises(ValueError, match="zwischen 0 und 1"):
        net.fit(np.full((3, 4), 0.5), np.array([0, 1, 2]))
    with pytest.raises(ValueError, match=r"Shape \(N, 4\)"):
        net.predict(np.full((3, 5), 0.5))
    with pytest.raises(ValueError, match="zwischen 0 und 255"):
        scale_inputs_classic(np.full((1, 784), 300.0))
    with pytest.raises(ValueError, match="zwischen 0 und 9"):
        targets_classic(10)


# ── Das Mini-Batch-Netz: Gradienten ─────────────────────────────────────────


@pytest.mark.parametrize(("hidden", "output"), COMBINATIONS)
def test_gradients_equal_numeric_differentiation(hidden, output) -> None:
    net = MiniBatchNetwork(SMALL_SIZES, hidden, output, dtype=np.float64, seed=3)
    x, labels = small_batch()
    loss, grads = net.gradients(x, labels)
    assert loss == pytest.approx(net.evaluate(x, labels)[0], rel=1e-12)
    for ours, numeric in zip(grads, numeric_gradients(net, x, labels), strict=True):
        np.testing.assert_allclose(ours, numeric, rtol=1e-6, atol=1e-9)


@pytest.mark.parametrize(("hidden", "output"), COMBINATIONS)
def test_gradients_equal_gradient_tape(hidden, output) -> None:
    net = MiniBatchNetwork((20, 16, 12, 10), hidden, output, seed=5)
    rng = np.random.default_rng(2)
    x = rng.random((32, 20), dtype=np.float32)
    labels = rng.integers(0, 10, 32)
    loss, grads = net.gradients(x, labels)
    model = keras_twin(net)
    with tf.GradientTape() as tape:
        keras_value = keras_loss(net)(keras.utils.to_categorical(labels, 10), model(x))
    tape_grads = tape.gradient(keras_value, model.trainable_weights)
    assert loss == pytest.approx(float(keras_value), rel=1e-5)
    for ours, theirs in zip(grads, tape_grads, strict=True):
        assert ours.dtype == np.float32
        np.testing.assert_allclose(ours, theirs.numpy(), rtol=1e-4, atol=1e-7)


def test_gradients_leave_weights_unchanged() -> None:
    net = MiniBatchNetwork(SMALL_SIZES)
    before = net.get_weights()
    net.gradients(*small_batch())
    for a, b in zip(before, net.get_weights(), strict=True):
        np.testing.assert_array_equal(a, b)


# ── Vorwärts: gleich wie Keras ──────────────────────────────────────────────


def test_forward_equals_source_keras_model(mnist) -> None:
    (_, _), (x_test, _) = mnist
    net = MiniBatchNetwork(SOURCE_SIZES)
    model = build_mnist_network(compile=False)  # Eingabe (28, 28) mit Reshape
    model.set_weights(net.get_weights())
    images = normalize_images(x_test[:300])
    ours = net.predict(images.reshape(len(images), -1))
    theirs = model.predict(images, verbose=0)
    np.testing.assert_allclose(ours, theirs, atol=1e-5)
    np.testing.assert_allclose(ours.sum(axis=1), 1.0, atol=1e-5)


@pytest.mark.parametrize(("hidden", "output"), COMBINATIONS)
def test_forward_equals_keras_for_all_activations(hidden, output) -> None:
    net = MiniBatchNetwork((30, 25, 20, 10), hidden, output, seed=11)
    x = np.random.default_rng(4).standard_normal((50, 30)).astype(np.float32) * 3
    np.testing.assert_allclose(
        net.predict(x), keras_twin(net).predict(x, verbose=0), atol=1e-5
    )


def test_keras_weights_load_into_numpy_net() -> None:
    keras.utils.set_random_seed(42)
    model = build_mnist_network(compile=False)
    net = MiniBatchNetwork(SOURCE_SIZES)
    net.set_weights(model.get_weights())
    x = np.random.default_rng(0).random((20, 28, 28), dtype=np.float32)
    np.testing.assert_allclose(
        net.predict(x.reshape(20, -1)), model.predict(x, verbose=0), atol=1e-5
    )


def test_initialisation_like_keras() -> None:
    net = MiniBatchNetwork(SOURCE_SIZES)
    assert net.count_params() == 580_202
    for w, (fan_in, fan_out) in zip(
        net.weights, itertools.pairwise(SOURCE_SIZES), strict=True
    ):
        assert w.dtype == np.float32
        limit = np.sqrt(6 / (fan_in + fan_out))
        assert np.abs(w).max() <= limit
        assert np.abs(w).max() > 0.95 * limit  # gleichverteilt bis an die Grenze
    assert all(not b.any() for b in net.biases)


# ── Optimierer ──────────────────────────────────────────────────────────────


def test_rmsprop_equals_keras_over_several_steps() -> None:
    rng = np.random.default_rng(3)
    params = [rng.standard_normal((4, 3)).astype(np.float32), np.zeros(3, np.float32)]
    variables = [keras.Variable(p.copy()) for p in params]
    ours, theirs = RMSprop(), keras.optimizers.RMSprop()
    keras_settings = (float(theirs.learning_rate), theirs.rho, theirs.epsilon)
    assert keras_settings == pytest.approx((ours.learning_rate, ours.rho, ours.epsilon))
    for _ in range(5):
        grads = [rng.standard_normal(p.shape).astype(np.float32) for p in params]
        ours.update(params, grads)
        theirs.apply_gradients(zip(grads, variables, strict=True))
        for p, v in zip(params, variables, strict=True):
            np.testing.assert_allclose(p, v.numpy(), rtol=1e-6, atol=1e-7)


def test_sgd_step() -> None:
    param = np.array([1.0, -2.0], dtype=np.float32)
    SGD(learning_rate=0.1).update([param], [np.array([0.5, -1.0], dtype=np.float32)])
    np.testing.assert_allclose(param, [0.95, -1.9])


def test_train_step_equals_keras_train_on_batch() -> None:
    net = MiniBatchNetwork((20, 16, 12, 10), "relu", seed=9)
    model = keras_twin(net)
    model.compile(optimizer=keras.optimizers.RMSprop(), loss="categorical_crossentropy")
    rng = np.random.default_rng(8)
    for _ in range(3):
        x = rng.random((16, 20), dtype=np.float32)
        labels = rng.integers(0, 10, 16)
        ours = net.train_step(x, labels)
        theirs = model.train_on_batch(x, keras.utils.to_categorical(labels, 10))
        assert ours == pytest.approx(float(theirs), rel=1e-5)
    for a, b in zip(net.get_weights(), model.get_weights(), strict=True):
        np.testing.assert_allclose(a, b, rtol=1e-4, atol=1e-6)


# ── Training auf MNIST ──────────────────────────────────────────────────────


def test_minibatch_learns_mnist(mnist) -> None:
    (x_train, y_train), (x_test, y_test) = mnist
    x = normalize_images(x_train[:4000]).reshape(-1, 784)
    net = MiniBatchNetwork((784, 128, 10), "relu", optimizer=RMSprop())
    history = net.fit(x, y_train[:4000], epochs=3, batch_size=64)
    assert history["loss"][-1] < history["loss"][0]
    loss, accuracy = net.evaluate(normalize_images(x_test).reshape(-1, 784), y_test)
    assert accuracy > 0.88, accuracy
    assert loss < 0.45


def test_fit_is_deterministic_and_handles_partial_batch() -> None:
    x, labels = small_batch(n=10)
    runs = []
    for _ in range(2):
        net = MiniBatchNetwork(SMALL_SIZES, optimizer=SGD(0.5), seed=1)
        history = net.fit(x, labels, epochs=2, batch_size=4)  # Batches 4, 4, 2
        runs.append((history, net.get_weights()))
    assert runs[0][0] == runs[1][0]
    for a, b in zip(runs[0][1], runs[1][1], strict=True):
        np.testing.assert_array_equal(a, b)
    assert len(runs[0][0]["loss"]) == 2


@pytest.mark.parametrize("shuffle", [True, False])
def test_fit_trains_on_exactly_the_shuffled_batches(shuffle: bool) -> None:
    # fit holt jeden Batch mit np.take in einen Puffer: Es muss genau dasselbe
    # herauskommen wie mit train_step auf denselben, von Hand gebildeten Batches.
    x, labels = small_batch(n=10)
    net = MiniBatchNetwork(SMALL_SIZES, optimizer=RMSprop(), seed=4)
    twin = MiniBatchNetwork(SMALL_SIZES, optimizer=RMSprop(), seed=4)
    # die Reihenfolge, die fit zieht (derselbe Zufallsgenerator, kopiert)
    order = copy.deepcopy(net._rng).permutation(len(x)) if shuffle else np.arange(10)
    history = net.fit(x, labels, epochs=1, batch_size=4, shuffle=shuffle)
    loss_sum = 0.0
    for start in range(0, len(x), 4):  # Batches 4, 4, 2
        index = order[start : start + 4]
        loss_sum += twin.train_step(x[index], labels[index]) * len(index)
    assert history["loss"][0] == pytest.approx(loss_sum / len(x), rel=1e-12)
    for ours, by_hand in zip(net.get_weights(), twin.get_weights(), strict=True):
        np.testing.assert_array_equal(ours, by_hand)


def test_training_flops() -> None:
    per_sample = 2 * 2 * (784 * 512) + 3 * 2 * (512 * 324 + 324 * 36 + 36 * 10)
    assert training_flops(SOURCE_SIZES, 60_000) == per_sample * 60_000


# ── Fehlerhafte Eingaben ────────────────────────────────────────────────────


@pytest.mark.parametrize(
    ("kwargs", "error", "match"),
    [
        ({"layer_sizes": (784, 0, 10)}, ValueError, "Schicht 1 hat 0 Neuronen"),
        ({"layer_sizes": (784,)}, ValueError, "mindestens eine Eingabe- und"),
        ({"layer_sizes": 784}, TypeError, "Folge von ganzen Zahlen"),
        ({"layer_sizes": (784, 2.5, 10)}, TypeError, "ganze Zahl"),
        ({"activation": "tanh"}, ValueError, "Unbekannte Aktivierungsfunktion 'tanh'"),
        ({"activation": "softmax"}, ValueError, "nur in der Ausgabeschicht"),
        ({"activation": ["relu"]}, ValueError, "2 verdeckte Schicht"),
        ({"output_activation": "relu"}, ValueError, "Ausgabeschicht"),
        ({"optimizer": "rmsprop"}, TypeError, "update"),
        ({"dtype": np.int32}, ValueError, "float32"),
    ],
)
def test_bad_construction(kwargs, error, match) -> None:
    arguments = {"layer_sizes": (784, 16, 8, 10), **kwargs}
    with pytest.raises(error, match=match):
        MiniBatchNetwork(**arguments)


def test_bad_input_data() -> None:
    net = MiniBatchNetwork((784, 16, 10))
    x = np.zeros((5, 784), dtype=np.float32)
    labels = np.array([0, 1, 2, 3, 4])
    with pytest.raises(ValueError, match=r"x.reshape\(len\(x\), -1\)"):
        net.predict(np.zeros((5, 28, 28)))
    with pytest.raises(ValueError, match="erwartet 784 Features"):
        net.predict(np.zeros((5, 100)))
    with pytest.raises(ValueError, match="kein einziges Sample"):
        net.predict(np.zeros((0, 784)))
    with pytest.raises(ValueError, match="NaN"):
        net.fit(np.where(np.eye(5, 784) > 0, np.nan, x), labels)
    with pytest.raises(ValueError, match="NaN"):
        net.predict(np.full((2, 784), np.inf))
    with pytest.raises(TypeError, match="Zahlen"):
        net.predict(np.zeros((2, 784), dtype=bool))
    with pytest.raises(ValueError, match="zwischen 0 und 9"):
        net.fit(x, np.array([0, 1, 2, 3, 10]))
    with pytest.raises(ValueError, match="zwischen 0 und 9"):
        net.gradients(x, np.array([0, 1, -1, 3, 4]))
    with pytest.raises(ValueError, match="ganze Zahlen"):
        net.train_step(x, labels.astype(float))
    with pytest.raises(ValueError, match="5 Samples, labels aber 4"):
        net.evaluate(x, labels[:4])
    with pytest.raises(ValueError, match="One-Hot"):
        net.fit(x, keras.utils.to_categorical(labels, 10))
    with pytest.raises(ValueError, match="batch_size muss mindestens 1"):
        net.fit(x, labels, batch_size=0)
    with pytest.raises(ValueError, match="epochs muss mindestens 1"):
        net.fit(x, labels, epochs=0)


def test_bad_weights_and_optimizer_settings() -> None:
    net = MiniBatchNetwork((4, 3, 2))
    weights = net.get_weights()
    with pytest.raises(ValueError, match=r"W2 muss die Shape \(3, 2\)"):
        net.set_weights([weights[0], weights[1], np.zeros((2, 3)), weights[3]])
    with pytest.raises(ValueError, match="Erwartet werden 4 Arrays"):
        net.set_weights(weights[:2])
    with pytest.raises(ValueError, match="NaN"):
        net.set_weights([weights[0], np.full(3, np.nan), *weights[2:]])
    with pytest.raises(ValueError, match="Lernrate"):
        RMSprop(learning_rate=-0.001)
    with pytest.raises(ValueError, match=r"rho muss in \[0, 1\)"):
        RMSprop(rho=1.0)
    with pytest.raises(ValueError, match="epsilon"):
        RMSprop(epsilon=0.0)
    optimizer = RMSprop()
    optimizer.update([np.zeros(3, np.float32)], [np.ones(3, np.float32)])
    with pytest.raises(ValueError, match="eigenen Optimierer"):
        optimizer.update([np.zeros(4, np.float32)], [np.ones(4, np.float32)])
    with pytest.raises(ValueError, match="derselben Shape"):
        SGD().update([np.zeros(3)], [np.zeros(4)])


# ── Abbildung des kleinen Netzes ────────────────────────────────────────────


def test_plot_network() -> None:
    weights = [np.array([[0.9, 0.3], [0.2, 0.8]]), np.array([[0.3, 0.7]])]
    fig = plot_network(weights, [["a", "b"], ["c", "d"], ["e"]], ["1", "2", "3"])
    texts = [t.get_text() for t in fig.axes[0].texts]
    assert {"0,90", "0,20", "0,30", "0,80", "0,70"} <= set(texts)
    with pytest.raises(ValueError, match="Shape"):
        plot_network([np.zeros((2, 2)), np.zeros((1, 3))], [["a"] * 2] * 2 + [["e"]])
    with pytest.raises(ValueError, match="pro Neuron"):
        plot_network(weights, [["a"], ["c", "d"], ["e"]])
    with pytest.raises(ValueError, match="NaN"):
        plot_network([np.array([[np.nan]])], [["a"], ["b"]])
