"""Das MNIST-Netz der Lektionen in Keras: Aufbau, kurzes Training, Wiederholbarkeit.

Die Seiten bauen es mit ``keras.Sequential`` selbst; hier steht dieselbe Bauweise,
damit die Zahlen der Seiten (Parameter, Lernerfolg) auch ohne Bau geprüft sind.
"""

from __future__ import annotations

import keras
import numpy as np
import pytest
from keras import layers


def build_mnist_network() -> keras.Sequential:
    """784 → 512 → 324 → 36 (Sigmoid) → 10 (Softmax), RMSprop, Kreuzentropie."""
    model = keras.Sequential(
        [
            keras.Input(shape=(28, 28)),
            layers.Reshape((28 * 28,)),
            *(layers.Dense(units, activation="sigmoid") for units in (512, 324, 36)),
            layers.Dense(10, activation="softmax"),
        ]
    )
    model.compile("rmsprop", loss="categorical_crossentropy", metrics=["accuracy"])
    return model


@pytest.fixture(scope="module")
def mnist() -> tuple[np.ndarray, ...]:
    """Bilder mit Grauwerten 0…1 und One-Hot-Labels, wie auf den Seiten."""
    (x_train, y_train), (x_test, y_test) = keras.datasets.mnist.load_data()
    return (
        x_train.astype("float32") / 255,
        keras.utils.to_categorical(y_train, 10),
        x_test.astype("float32") / 255,
        keras.utils.to_categorical(y_test, 10),
    )


def test_architecture() -> None:
    model = build_mnist_network()
    assert model.input_shape == (None, 28, 28)
    assert model.output_shape == (None, 10)
    dense = [layer for layer in model.layers if isinstance(layer, keras.layers.Dense)]
    assert [layer.units for layer in dense] == [512, 324, 36, 10]
    activations = [layer.activation.__name__ for layer in dense]
    assert activations == ["sigmoid", "sigmoid", "sigmoid", "softmax"]
    assert isinstance(model.layers[0], keras.layers.Reshape)
    assert model.layers[0].output.shape == (None, 784)
    # Gewichte und Bias jeder Schicht, von Hand gezählt
    by_hand = (784 + 1) * 512 + (512 + 1) * 324 + (324 + 1) * 36 + (36 + 1) * 10
    assert model.count_params() == by_hand == 580_202


def test_short_training_beats_chance_clearly(mnist) -> None:
    # Kleine Einstellungen für den Test; die Lektion trainiert 20 Epochen.
    x_train, y_train, x_test, y_test = mnist
    keras.utils.set_random_seed(42)
    model = build_mnist_network()
    history = model.fit(x_train, y_train, epochs=3, batch_size=64, verbose=0)
    assert history.history["loss"][-1] < history.history["loss"][0]
    _, accuracy = model.evaluate(x_test, y_test, verbose=0)
    assert accuracy > 0.6, f"Genauigkeit {accuracy:.2f} – Raten wäre 0.10"


def test_training_is_deterministic(mnist) -> None:
    x, y = mnist[0][:512], mnist[1][:512]
    losses = []
    for _ in range(2):
        keras.utils.set_random_seed(42)
        model = build_mnist_network()
        history = model.fit(x, y, epochs=2, batch_size=128, verbose=0)
        losses.append(history.history["loss"])
    assert losses[0] == losses[1]
