"""mnist_lib.models: Aufbau des Netzes aus dem Quellmaterial und ein kurzes Training."""

from __future__ import annotations

import keras
import numpy as np
import pytest

from mnist_lib.data import load_mnist, normalize_images, one_hot_labels
from mnist_lib.models import build_mnist_network, count_parameters


def test_architecture_matches_source() -> None:
    model = build_mnist_network()
    assert model.input_shape == (None, 28, 28)
    assert model.output_shape == (None, 10)
    dense = [layer for layer in model.layers if isinstance(layer, keras.layers.Dense)]
    assert [layer.units for layer in dense] == [512, 324, 36, 10]
    activations = [layer.activation.__name__ for layer in dense]
    assert activations == ["sigmoid", "sigmoid", "sigmoid", "softmax"]
    assert isinstance(model.layers[0], keras.layers.Reshape)
    assert model.layers[0].output.shape == (None, 784)


def test_parameter_count_by_hand() -> None:
    counts = count_parameters(build_mnist_network(compile=False))
    by_hand = (784 + 1) * 512 + (512 + 1) * 324 + (324 + 1) * 36 + (36 + 1) * 10
    assert counts["total"] == by_hand == 580_202
    assert sum(counts["per_layer"].values()) == by_hand


def test_compiled_with_source_settings() -> None:
    model = build_mnist_network()
    assert isinstance(model.optimizer, keras.optimizers.RMSprop)
    assert model.loss == "categorical_crossentropy"


def test_invalid_hidden_units() -> None:
    with pytest.raises(ValueError, match="mindestens ein Neuron"):
        build_mnist_network(hidden_units=(512, 0))
    with pytest.raises(ValueError, match="mindestens ein Neuron"):
        build_mnist_network(hidden_units=())


def test_short_training_beats_chance_clearly() -> None:
    # Kleine Einstellungen für den Test; die Lektion trainiert 20 Epochen.
    keras.utils.set_random_seed(42)
    (x_train, y_train), (x_test, y_test) = load_mnist(verbose=False)
    model = build_mnist_network()
    history = model.fit(
        normalize_images(x_train),
        one_hot_labels(y_train),
        epochs=3,
        batch_size=64,
        verbose=0,
    )
    assert history.history["loss"][-1] < history.history["loss"][0]
    _, accuracy = model.evaluate(
        normalize_images(x_test), one_hot_labels(y_test), verbose=0
    )
    assert accuracy > 0.6, f"Genauigkeit {accuracy:.2f} – Zufall wäre 0.10"
    predicted = np.argmax(model.predict(normalize_images(x_test[:5]), verbose=0), 1)
    assert predicted.shape == (5,)


def test_training_is_deterministic() -> None:
    (x_train, y_train), _ = load_mnist(verbose=False)
    x, y = normalize_images(x_train[:512]), one_hot_labels(y_train[:512])
    losses = []
    for _ in range(2):
        keras.utils.set_random_seed(42)
        model = build_mnist_network()
        history = model.fit(x, y, epochs=2, batch_size=128, verbose=0)
        losses.append(history.history["loss"])
    assert losses[0] == losses[1]
