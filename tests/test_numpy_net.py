"""mnist_lib.numpy_net: Backpropagation gegen Differenzenquotient, Keras, TensorFlow.

Die Seite „Backpropagation“ zeigt ``_forward``, ``train``, ``_backward`` und
``_train_batch`` wörtlich aus der Bibliothek; die Tests hier rufen genau diese
Methoden auf und prüfen sie gegen unabhängige Rechnungen.
"""

from __future__ import annotations

import copy
import itertools

import keras
import numpy as np
import pytest
import tensorflow as tf

from mnist_lib.numpy_net import (
    ClassicNetwork,
    MiniBatchNetwork,
    scale_inputs_classic,
    training_flops,
)
from mnist_lib.optimizers import SGD, Adam, RMSprop

SOURCE_SIZES = (784, 512, 324, 36, 10)
SMALL_SIZES = (6, 5, 4, 3)
ACTIVATIONS = ("sigmoid", "relu")


@pytest.fixture(scope="module")
def mnist() -> tuple[tuple[np.ndarray, np.ndarray], tuple[np.ndarray, np.ndarray]]:
    return keras.datasets.mnist.load_data()


def small_batch(n: int = 7, features: int = 6, classes: int = 3, seed: int = 1):
    rng = np.random.default_rng(seed)
    return rng.standard_normal((n, features)), rng.integers(0, classes, n)


def in_float64(net: MiniBatchNetwork) -> MiniBatchNetwork:
    """Dasselbe Netz in float64 – genau genug für den Differenzenquotienten."""
    net.params = [p.astype(np.float64) for p in net.params]
    return net


def numeric_gradients(net: MiniBatchNetwork, x, labels, h: float = 1e-6):
    """Zentraler Differenzenquotient für jeden einzelnen Parameter."""
    result = []
    for param in net.params:
        grad = np.zeros_like(param)
        for index in np.ndindex(param.shape):
            original = param[index]
            param[index] = original + h
            up = net.evaluate(x, labels)[0]
            param[index] = original - h
            down = net.evaluate(x, labels)[0]
            param[index] = original
            grad[index] = (up - down) / (2 * h)
        result.append(grad)
    return result


def keras_twin(net: MiniBatchNetwork) -> keras.Sequential:
    """Ein Keras-Modell mit denselben Schichten, Gewichten und L2 wie ``net``."""
    l2 = keras.regularizers.L2(net.l2) if net.l2 else None
    model = keras.Sequential([keras.Input((net.layer_sizes[0],))])
    for units in net.layer_sizes[1:-1]:
        model.add(
            keras.layers.Dense(units, activation=net.activation, kernel_regularizer=l2)
        )
    model.add(
        keras.layers.Dense(
            net.layer_sizes[-1], activation="softmax", kernel_regularizer=l2
        )
    )
    model.set_weights(net.get_weights())
    return model


# ── Das klassische Netz ─────────────────────────────────────────────────────


def tiny_classic() -> ClassicNetwork:
    """Das kleine Netz der Seite."""
    net = ClassicNetwork(2, 2, 2, learning_rate=0.5)
    net.wih = np.array([[0.9, 0.3], [0.2, 0.8]])
    net.who = np.array([[0.3, 0.7], [0.6, 0.5]])
    return net


def classic_loss(net: ClassicNetwork, inputs, targets) -> float:
    """L = ½ Σ_k (y_k − ŷ_k)², ohne die Bibliothek (nur NumPy)."""
    x, y = np.reshape(inputs, (-1, 1)), np.reshape(targets, (-1, 1))
    sigmoid = lambda u: 1 / (1 + np.exp(-u))  # noqa: E731
    y_hat = sigmoid(net.who @ sigmoid(net.wih @ x))
    return 0.5 * float(np.sum((y - y_hat) ** 2))


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


def test_classic_shapes_and_init() -> None:
    net = ClassicNetwork(784, 100, 10, 0.2)
    assert net.wih.shape == (100, 784)
    assert net.who.shape == (10, 100)
    assert abs(net.wih.std() - 784**-0.5) < 0.002  # Standardabweichung 1/√Eingänge
    hidden, output = net._forward(np.full((784, 3), 0.5))  # drei Samples als Spalten
    assert hidden.shape == (100, 3)
    assert output.shape == (10, 3)
    again = ClassicNetwork(784, 100, 10, 0.2)
    np.testing.assert_array_equal(net.wih, again.wih)  # gleicher Seed, gleiche Gewichte


def test_classic_forward_gives_the_numbers_of_the_page() -> None:
    hidden, output = tiny_classic()._forward(np.array([[1.0], [0.5]]))
    np.testing.assert_allclose(hidden.ravel(), [0.7408, 0.6457], atol=5e-5)
    np.testing.assert_allclose(output.ravel(), [0.6624, 0.6829], atol=5e-5)


def test_classic_train_moves_who_against_the_numeric_gradient() -> None:
    # Der Differenzenquotient weiß nichts von train(): Diese Probe kann scheitern.
    for net, inputs, targets in [
        (tiny_classic(), [1.0, 0.5], [1.0, 0.0]),
        (ClassicNetwork(5, 4, 3, 0.3, seed=7), [0.2, 0.9, 0.01, 0.5, 0.7], [0, 0, 1]),
    ]:
        numeric = classic_numeric(net, inputs, targets, "who")
        before = net.who.copy()
        net.train(inputs, targets)
        np.testing.assert_allclose(net.who - before, -net.lr * numeric, atol=1e-9)


def test_classic_exact_gradients_match_numeric_and_tape() -> None:
    net = ClassicNetwork(5, 4, 3, learning_rate=0.3, seed=7)
    inputs = np.array([0.2, 0.9, 0.01, 0.5, 0.7])
    targets = np.array([0.01, 0.99, 0.01])
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


def test_classic_hidden_update_leaves_out_the_output_slope() -> None:
    # train verteilt e_k statt e_k·ŷ_k(1−ŷ_k) zurück: nicht der Gradient,
    # aber (hier) dieselbe Richtung und etwa fünfmal so groß.
    net = tiny_classic()
    grad_wih = classic_numeric(net, [1.0, 0.5], [1.0, 0.0], "wih")
    before = net.wih.copy()
    net.train([1.0, 0.5], [1.0, 0.0])
    change = net.wih - before
    assert not np.allclose(change, -net.lr * grad_wih)
    assert np.all(np.sign(change) == np.sign(-grad_wih))
    ratio = change / (-net.lr * grad_wih)
    assert 4.5 < ratio.min() < ratio.max() < 5.1


def test_classic_fit_trains_each_sample_with_targets_099_and_001() -> None:
    net, twin = (
        ClassicNetwork(4, 3, 5, 0.3, seed=1),
        ClassicNetwork(4, 3, 5, 0.3, seed=1),
    )
    x = np.random.default_rng(0).random((2, 4))
    net.fit(x, np.array([3, 0]), epochs=2)
    for _ in range(2):
        twin.train(x[0], [0.01, 0.01, 0.01, 0.99, 0.01])
        twin.train(x[1], [0.99, 0.01, 0.01, 0.01, 0.01])
    np.testing.assert_array_equal(net.wih, twin.wih)
    np.testing.assert_array_equal(net.who, twin.who)


def test_classic_learns_mnist(mnist) -> None:
    (x_train, y_train), (x_test, y_test) = mnist
    net = ClassicNetwork(784, 100, 10, learning_rate=0.2)
    net.fit(scale_inputs_classic(x_train[:4000]), y_train[:4000], epochs=1)
    accuracy = np.mean(net.predict(scale_inputs_classic(x_test)) == y_test)
    assert accuracy > 0.85, accuracy


def test_classic_predict_is_the_argmax_of_each_sample() -> None:
    net = ClassicNetwork(5, 4, 3, learning_rate=0.3, seed=2)
    x = np.random.default_rng(0).random((6, 5))
    one_by_one = [int(np.argmax(net._forward(row.reshape(-1, 1))[1])) for row in x]
    np.testing.assert_array_equal(net.predict(x), one_by_one)


def test_scale_inputs_classic() -> None:
    scaled = scale_inputs_classic(np.array([[[0, 255], [51, 102]]], dtype=np.uint8))
    np.testing.assert_allclose(scaled, [[0.01, 1.0, 0.208, 0.406]])
    assert scale_inputs_classic(np.zeros((3, 784))).shape == (3, 784)


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
        net.train([0.1, np.nan, 0.3, 0.4], [0.99, 0.01])
    with pytest.raises(TypeError, match="Zahlen"):
        net.exact_gradients(["a", "b", "c", "d"], [0.99, 0.01])
    with pytest.raises(ValueError, match="zwischen 0 und 1"):
        net.fit(np.full((3, 4), 0.5), np.array([0, 1, 2]))
    with pytest.raises(ValueError, match=r"Shape \(N, 4\)"):
        net.predict(np.full(4, 0.5))
    with pytest.raises(ValueError, match="erwartet 4 Features"):
        net.predict(np.full((3, 5), 0.5))
    with pytest.raises(ValueError, match="zwischen 0 und 255"):
        scale_inputs_classic(np.full((1, 784), 300.0))
    with pytest.raises(ValueError, match="mindestens 2 Achse"):
        scale_inputs_classic(np.zeros(784))


# ── Das Mini-Batch-Netz: Gradienten ─────────────────────────────────────────


@pytest.mark.parametrize("activation", ACTIVATIONS)
def test_backward_equals_numeric_differentiation(activation: str) -> None:
    net = in_float64(MiniBatchNetwork(SMALL_SIZES, activation, seed=3))
    x, labels = small_batch()
    grads = net._backward(net._forward(x), labels)
    assert [g.shape for g in grads] == [p.shape for p in net.params]
    for ours, numeric in zip(grads, numeric_gradients(net, x, labels), strict=True):
        np.testing.assert_allclose(ours, numeric, rtol=1e-6, atol=1e-9)


@pytest.mark.parametrize("activation", ACTIVATIONS)
def test_gradients_equal_gradient_tape(activation: str) -> None:
    net = MiniBatchNetwork((20, 16, 12, 10), activation, seed=5)
    rng = np.random.default_rng(2)
    x = rng.random((32, 20), dtype=np.float32)
    labels = rng.integers(0, 10, 32)
    loss, grads = net.gradients(x, labels)
    model = keras_twin(net)
    with tf.GradientTape() as tape:
        keras_value = keras.losses.SparseCategoricalCrossentropy()(labels, model(x))
    tape_grads = tape.gradient(keras_value, model.trainable_weights)
    assert loss == pytest.approx(float(keras_value), rel=1e-5)
    for ours, theirs in zip(grads, tape_grads, strict=True):
        assert ours.dtype == np.float32
        np.testing.assert_allclose(ours, theirs.numpy(), rtol=1e-4, atol=1e-7)


def test_l2_equals_keras_kernel_regularizer() -> None:
    """λ·ΣW² im Verlust, 2λW im Gradienten – wie kernel_regularizer=L2(λ)."""
    net = MiniBatchNetwork((20, 16, 10), "relu", seed=6, l2=0.01)
    rng = np.random.default_rng(3)
    x = rng.random((32, 20), dtype=np.float32)
    labels = rng.integers(0, 10, 32)
    loss, grads = net.gradients(x, labels)
    model = keras_twin(net)
    with tf.GradientTape() as tape:
        crossentropy = keras.losses.SparseCategoricalCrossentropy()(labels, model(x))
        keras_value = crossentropy + tf.add_n(model.losses)
    tape_grads = tape.gradient(keras_value, model.trainable_weights)
    assert len(model.losses) == 2  # ein Strafterm je Gewichtsmatrix, keiner für b
    assert loss == pytest.approx(float(keras_value), rel=1e-5)
    assert loss > float(crossentropy) + 0.01  # der Strafterm zählt wirklich
    for ours, theirs in zip(grads, tape_grads, strict=True):
        np.testing.assert_allclose(ours, theirs.numpy(), rtol=1e-4, atol=1e-6)
    # Ein SGD-Schritt: dieselben neuen Gewichte wie Keras
    net.optimizer = SGD(learning_rate=0.5)
    model.compile(
        optimizer=keras.optimizers.SGD(0.5),
        loss=keras.losses.SparseCategoricalCrossentropy(),
    )
    net._train_batch(x, labels)
    model.train_on_batch(x, labels)
    for a, b in zip(net.get_weights(), model.get_weights(), strict=True):
        np.testing.assert_allclose(a, b, rtol=1e-4, atol=1e-6)
    with pytest.raises(ValueError, match="l2 darf nicht negativ sein"):
        MiniBatchNetwork((4, 3), l2=-0.1)


def test_gradients_leave_weights_unchanged() -> None:
    net = MiniBatchNetwork(SMALL_SIZES)
    before = net.get_weights()
    net.gradients(*small_batch())
    for a, b in zip(before, net.get_weights(), strict=True):
        np.testing.assert_array_equal(a, b)


# ── Vorwärts: gleich wie Keras ──────────────────────────────────────────────


@pytest.mark.parametrize("activation", ACTIVATIONS)
def test_forward_equals_keras(activation: str) -> None:
    net = MiniBatchNetwork((30, 25, 20, 10), activation, seed=11)
    x = np.random.default_rng(4).standard_normal((50, 30)).astype(np.float32) * 3
    outputs = net._forward(x)
    assert [o.shape for o in outputs] == [(50, 30), (50, 25), (50, 20), (50, 10)]
    assert all(o.dtype == np.float32 for o in outputs)
    np.testing.assert_allclose(
        outputs[-1], keras_twin(net).predict(x, verbose=0), atol=1e-5
    )
    np.testing.assert_allclose(outputs[-1].sum(axis=1), 1.0, atol=1e-5)
    np.testing.assert_array_equal(net.predict(x), outputs[-1])


def test_keras_weights_load_into_numpy_net(mnist) -> None:
    (_, _), (x_test, _) = mnist
    keras.utils.set_random_seed(42)
    net = MiniBatchNetwork(SOURCE_SIZES)
    model = keras_twin(MiniBatchNetwork(SOURCE_SIZES, seed=0))  # andere Gewichte
    net.params = model.get_weights()
    x = x_test[:300].reshape(300, -1).astype(np.float32) / 255
    np.testing.assert_allclose(net.predict(x), model.predict(x, verbose=0), atol=1e-5)


def test_initialisation_like_keras() -> None:
    net = MiniBatchNetwork(SOURCE_SIZES)
    assert sum(p.size for p in net.get_weights()) == 580_202
    assert keras_twin(net).count_params() == 580_202
    for w, (fan_in, fan_out) in zip(
        net.weights, itertools.pairwise(SOURCE_SIZES), strict=True
    ):
        assert w.dtype == np.float32
        limit = np.sqrt(6 / (fan_in + fan_out))
        assert np.abs(w).max() <= limit
        assert np.abs(w).max() > 0.95 * limit  # gleichverteilt bis an die Grenze
    assert all(not b.any() for b in net.biases)


# ── Ein Schritt mit dem Optimierer ──────────────────────────────────────────


def test_train_batch_with_sgd_is_w_minus_eta_g() -> None:
    net = MiniBatchNetwork(SMALL_SIZES, optimizer=SGD(learning_rate=0.5))
    x, labels = small_batch()
    _, grads = net.gradients(x, labels)
    before, y_hat = net.get_weights(), net.predict(x)
    returned = net._train_batch(x.astype(np.float32), labels)
    np.testing.assert_array_equal(returned, y_hat)  # ŷ vor dem Schritt
    for new, old, g in zip(net.get_weights(), before, grads, strict=True):
        np.testing.assert_allclose(new, old - 0.5 * g, rtol=1e-6, atol=1e-7)


@pytest.mark.parametrize("optimizer", [RMSprop, Adam], ids=lambda c: c.__name__)
def test_train_batch_equals_keras_train_on_batch(optimizer) -> None:
    net = MiniBatchNetwork((20, 16, 12, 10), "relu", optimizer=optimizer(), seed=9)
    model = keras_twin(net)
    model.compile(
        optimizer=net.optimizer.to_keras(), loss="sparse_categorical_crossentropy"
    )
    rng = np.random.default_rng(8)
    for _ in range(3):
        x = rng.random((16, 20), dtype=np.float32)
        labels = rng.integers(0, 10, 16)
        net._train_batch(x, labels)
        model.train_on_batch(x, labels)
    for a, b in zip(net.get_weights(), model.get_weights(), strict=True):
        assert a.dtype == np.float32
        np.testing.assert_allclose(a, b, rtol=1e-4, atol=1e-6)


# ── Training ────────────────────────────────────────────────────────────────


def test_minibatch_learns_mnist(mnist) -> None:
    (x_train, y_train), (x_test, y_test) = mnist
    x = x_train[:4000].reshape(-1, 784).astype(np.float32) / 255
    net = MiniBatchNetwork((784, 128, 10), "relu", optimizer=RMSprop())
    history = net.fit(x, y_train[:4000], epochs=3, batch_size=64)
    assert history["loss"][-1] < history["loss"][0]
    assert history["accuracy"][-1] > history["accuracy"][0]
    loss, accuracy = net.evaluate(x_test.reshape(-1, 784) / 255, y_test)
    assert accuracy > 0.88, accuracy
    assert loss < 0.45


def test_fit_is_deterministic() -> None:
    x, labels = small_batch(n=10)
    runs = []
    for _ in range(2):
        net = MiniBatchNetwork(SMALL_SIZES, optimizer=SGD(0.5), seed=1)
        runs.append((net.fit(x, labels, epochs=2, batch_size=4), net.get_weights()))
    assert runs[0][0] == runs[1][0]
    assert len(runs[0][0]["loss"]) == 2
    for a, b in zip(runs[0][1], runs[1][1], strict=True):
        np.testing.assert_array_equal(a, b)


@pytest.mark.parametrize("shuffle", [True, False])
def test_fit_trains_on_the_batches_in_order(shuffle: bool) -> None:
    x, labels = small_batch(n=10)
    net = MiniBatchNetwork(SMALL_SIZES, optimizer=RMSprop(), seed=4)
    twin = MiniBatchNetwork(SMALL_SIZES, optimizer=RMSprop(), seed=4)
    # die Reihenfolge, die fit zieht (derselbe Zufallsgenerator, kopiert)
    order = copy.deepcopy(net._rng).permutation(10) if shuffle else np.arange(10)
    history = net.fit(x, labels, batch_size=4, shuffle=shuffle)
    losses, correct = [], 0
    for start in range(0, len(x), 4):  # Batches 4, 4, 2: der letzte ist kleiner
        index = order[start : start + 4]
        y_hat = twin._train_batch(x[index].astype(np.float32), labels[index])
        losses.extend(-np.log(y_hat[np.arange(len(index)), labels[index]]))
        correct += np.sum(y_hat.argmax(axis=1) == labels[index])
    assert history["loss"][0] == pytest.approx(np.mean(losses), rel=1e-6)
    assert history["accuracy"][0] == correct / 10
    for ours, by_hand in zip(net.get_weights(), twin.get_weights(), strict=True):
        np.testing.assert_array_equal(ours, by_hand)


def test_training_flops() -> None:
    per_sample = 2 * 2 * (784 * 512) + 3 * 2 * (512 * 324 + 324 * 36 + 36 * 10)
    assert training_flops(SOURCE_SIZES, 60_000) == per_sample * 60_000
    with pytest.raises(ValueError, match="n_samples muss mindestens 1"):
        training_flops(SOURCE_SIZES, 0)


# ── Fehlerhafte Eingaben ────────────────────────────────────────────────────


@pytest.mark.parametrize(
    ("kwargs", "error", "match"),
    [
        ({"layer_sizes": (784, 0, 10)}, ValueError, "Schicht 1: die Zahl der Neuronen"),
        ({"layer_sizes": (784,)}, ValueError, "mindestens eine Eingabe- und"),
        ({"layer_sizes": 784}, TypeError, "Folge von ganzen Zahlen"),
        ({"layer_sizes": (784, 2.5, 10)}, TypeError, "ganze Zahl"),
        ({"activation": "tanh"}, ValueError, "'tanh' ist unbekannt; möglich: sigm"),
        ({"activation": "softmax"}, ValueError, "nur die Ausgabeschicht"),
        ({"optimizer": "rmsprop"}, TypeError, r"step\(params, grads\)"),
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
    with pytest.raises(ValueError, match=r"x.reshape\(1, -1\)"):
        net.predict(np.zeros(784))
    with pytest.raises(ValueError, match="erwartet 784 Features"):
        net.predict(np.zeros((5, 100)))
    with pytest.raises(ValueError, match="kein einziges Sample"):
        net.predict(np.zeros((0, 784)))
    with pytest.raises(ValueError, match="NaN"):
        net.fit(np.where(np.eye(5, 784) > 0, np.nan, x), labels)
    with pytest.raises(ValueError, match="NaN"):
        net.predict(np.full((2, 784), np.inf))
    with pytest.raises(TypeError, match="reellen Zahlen"):
        net.predict(np.zeros((2, 784), dtype=bool))
    with pytest.raises(ValueError, match="zwischen 0 und 9"):
        net.fit(x, np.array([0, 1, 2, 3, 10]))
    with pytest.raises(ValueError, match="zwischen 0 und 9"):
        net.gradients(x, np.array([0, 1, -1, 3, 4]))
    with pytest.raises(ValueError, match="ganze Zahlen"):
        net.evaluate(x, labels.astype(float))
    with pytest.raises(ValueError, match="5 Samples, die Labels aber 4"):
        net.evaluate(x, labels[:4])
    with pytest.raises(ValueError, match="One-Hot"):
        net.fit(x, keras.utils.to_categorical(labels, 10))
    with pytest.raises(ValueError, match="batch_size muss mindestens 1"):
        net.fit(x, labels, batch_size=0)
    with pytest.raises(ValueError, match="epochs muss mindestens 1"):
        net.fit(x, labels, epochs=0)
    with pytest.raises(TypeError, match="shuffle muss True oder False"):
        net.fit(x, labels, shuffle="ja")
