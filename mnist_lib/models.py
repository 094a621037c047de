"""Keras-Modelle, auf denen die Lektionen aufbauen."""

from __future__ import annotations

from typing import Any

import keras
from keras import layers

from mnist_lib.data import IMAGE_SHAPE, NUM_CLASSES

#: Neuronen der verdeckten Schichten im Netz des Quellmaterials
HIDDEN_UNITS = (512, 324, 36)


def build_mnist_network(
    optimizer: str | keras.optimizers.Optimizer = "rmsprop",
    *,
    hidden_units: tuple[int, ...] = HIDDEN_UNITS,
    activation: str = "sigmoid",
    compile: bool = True,
) -> keras.Sequential:
    """Das MNIST-Netz des Quellmaterials, auf Keras-3-Art gebaut.

    ``keras.Input((28, 28))`` → Reshape auf 784 → Dense 512/324/36 (Sigmoid)
    → Dense 10 (Softmax). Kompiliert mit ``optimizer``, kategorialer
    Kreuzentropie und der Metrik Genauigkeit (``accuracy``).
    """
    if not hidden_units or any(int(n) < 1 for n in hidden_units):
        raise ValueError(
            f"Jede verdeckte Schicht braucht mindestens ein Neuron, "
            f"bekommen: {hidden_units}."
        )
    model = keras.Sequential(name="mnist_netz")
    model.add(keras.Input(shape=IMAGE_SHAPE))
    model.add(layers.Reshape((IMAGE_SHAPE[0] * IMAGE_SHAPE[1],)))
    for units in hidden_units:
        model.add(layers.Dense(int(units), activation=activation))
    model.add(layers.Dense(NUM_CLASSES, activation="softmax"))
    if compile:
        model.compile(
            optimizer=optimizer,
            loss="categorical_crossentropy",
            metrics=["accuracy"],
        )
    return model


def count_parameters(model: keras.Model) -> dict[str, Any]:
    """Trainierbare Parameter je Schicht und insgesamt (für Tabellen im Text)."""
    per_layer = {layer.name: layer.count_params() for layer in model.layers}
    return {"per_layer": per_layer, "total": model.count_params()}
