"""Ablauf des Trainings: vom Hyperparameter bis zur einmaligen Bewertung.

Trainiert das MNIST-Netz mit Validierungsmenge, bewertet es einmal auf der
Testmenge und zeigt, warum wiederholte Blicke auf die Testmenge täuschen.
Seite: docs/grundlagen/ablauf-des-trainings.md
"""

# --8<-- [start:hyperparameter]
import keras

keras.utils.set_random_seed(42)  # gleiche Startgewichte, gleiche Batches

# Hyperparameter: legen wir fest, bevor das Training beginnt.
hyperparameters = {
    "hidden_units": (512, 324, 36),  # Architektur: Neuronen je verdeckter Schicht
    "activation": "sigmoid",  # Aktivierungsfunktion der verdeckten Schichten
    "loss": "categorical_crossentropy",  # Verlustfunktion
    "metrics": ["accuracy"],  # Performance-Metrik
    "optimizer": "rmsprop",  # Optimierer (Lernrate: Keras-Standard 0,001)
    "epochs": 10,
    "batch_size": 128,
    "validation_split": 0.2,  # Anteil der Trainingsdaten für die Validierung
}

(x_train, y_train), (x_test, y_test) = keras.datasets.mnist.load_data()
# Grauwerte 0…255 → 0…1; Labels als One-Hot-Vektoren mit zehn Stellen
x_train, x_test = x_train.astype("float32") / 255, x_test.astype("float32") / 255
y_train_one_hot = keras.utils.to_categorical(y_train, 10)
y_test_one_hot = keras.utils.to_categorical(y_test, 10)
print("Trainingsdaten:", x_train.shape, "Testdaten:", x_test.shape)
# --8<-- [end:hyperparameter]

# --8<-- [start:compile]
import keras
from keras import layers

# dieselben Schichten wie in der MNIST-Lektion, Größen aus den Hyperparametern
model = keras.Sequential([keras.Input(shape=(28, 28)), layers.Reshape((28 * 28,))])
for units in hyperparameters["hidden_units"]:  # die verdeckten Schichten
    model.add(layers.Dense(units, activation=hyperparameters["activation"]))
model.add(layers.Dense(10, activation="softmax"))  # eine Wahrscheinlichkeit je Ziffer

model.compile(
    optimizer=hyperparameters["optimizer"],
    loss=hyperparameters["loss"],
    metrics=hyperparameters["metrics"],
)
print("Parameter (Gewichte und Biases):", model.count_params())
# --8<-- [end:compile]

# --8<-- [start:fit]
import math

history = model.fit(
    x_train,
    y_train_one_hot,
    epochs=hyperparameters["epochs"],
    batch_size=hyperparameters["batch_size"],
    validation_split=hyperparameters["validation_split"],
    verbose=0,
)

n_fit = round(len(x_train) * (1 - hyperparameters["validation_split"]))
steps = math.ceil(n_fit / hyperparameters["batch_size"])
print(f"{n_fit} Bilder zum Lernen, {len(x_train) - n_fit} zur Validierung")
print(f"{steps} Gewichtsanpassungen pro Epoche, {steps * len(history.epoch)} gesamt")
print("Epoche  Verlust  Genauigkeit  Val.-Verlust  Val.-Genauigkeit")
for epoch in (0, len(history.epoch) - 1):
    h = history.history
    print(
        f"{epoch + 1:6}  {h['loss'][epoch]:7.3f}  {h['accuracy'][epoch]:11.3f}"
        f"  {h['val_loss'][epoch]:12.3f}  {h['val_accuracy'][epoch]:16.3f}"
    )
# --8<-- [end:fit]

# --8<-- [start:curves]
import matplotlib.pyplot as plt

h = history.history  # ein Wert pro Epoche und Kennzahl
epochs = range(1, len(h["loss"]) + 1)
fig, axes = plt.subplots(1, 2, figsize=(10, 4), layout="constrained")
panels = [("accuracy", "Genauigkeit"), ("loss", "Verlust")]
for ax, (key, name) in zip(axes, panels, strict=True):
    ax.plot(epochs, h[key], "bo", label="Training")  # Punkte
    ax.plot(epochs, h[f"val_{key}"], "b", label="Validierung")  # Linie
    ax.set_title(f"{name} auf Trainings- und Validierungsmenge")
    ax.set_xlabel("Epoche")
    ax.set_ylabel(name)
    ax.legend()
from mnist_lib.plotting import figure_html  # markdown-exec: hide

print(figure_html(fig, alt="Lernkurven: Genauigkeit und Verlust auf Trainings- und Validierungsmenge über die Epochen"))  # markdown-exec: hide  # noqa: E501  # fmt: skip
plt.show()
# --8<-- [end:curves]

# --8<-- [start:evaluate]
# Erst jetzt, ganz am Ende und genau einmal: die Testmenge
test_loss, test_accuracy = model.evaluate(x_test, y_test_one_hot, verbose=0)
print(f"Testmenge: Verlust {test_loss:.3f}, Genauigkeit {test_accuracy:.1%}")
# --8<-- [end:evaluate]

# --8<-- [start:peeking]
import numpy as np
from sklearn.datasets import load_digits

labels = load_digits().target  # 1 797 echte Labels handgeschriebener Ziffern
test_labels, new_labels = labels[:100], labels[100:1100]

# 100 „Modelle“, die nur raten – jedes mit eigenem, festem Zufallsmuster
rng = np.random.default_rng(42)
guesses_test = rng.integers(0, 10, size=(100, len(test_labels)))
guesses_new = rng.integers(0, 10, size=(100, len(new_labels)))

accuracy_test = (guesses_test == test_labels).mean(axis=1)
best = int(accuracy_test.argmax())  # das Modell, das auf der Testmenge glänzt

print(f"Mittlere Genauigkeit aller Rater: {accuracy_test.mean():.1%}")
print(f"Bestes Modell auf der Testmenge:  {accuracy_test[best]:.1%}")
print(
    f"Dasselbe Modell auf neuen Daten:  {(guesses_new[best] == new_labels).mean():.1%}"
)
# --8<-- [end:peeking]

# --8<-- [start:gradientenabstieg]
import tensorflow as tf

w = tf.Variable(0.5)  # Startgewicht
x, target = 2.0, 3.0  # Eingabe und Sollwert
learning_rate = 0.1

for step in range(1, 6):
    with tf.GradientTape() as tape:
        loss = (w * x - target) ** 2  # quadratischer Fehler
    gradient = tape.gradient(loss, w)  # ∂E/∂w
    w.assign_sub(learning_rate * gradient)  # w ← w − η · ∂E/∂w
    print(
        f"Schritt {step}: Verlust {float(loss):.4f}, "
        f"Gradient {float(gradient):+.4f}, neues w = {float(w):.4f}"
    )
# --8<-- [end:gradientenabstieg]

# --8<-- [start:dropout]
import keras
import numpy as np

dropout = keras.layers.Dropout(rate=0.5, seed=42)  # die Hälfte abschalten
outputs = np.ones((1, 8), dtype="float32")  # acht Ausgaben einer Schicht

print("Training:  ", keras.ops.convert_to_numpy(dropout(outputs, training=True)))
print("Vorhersage:", keras.ops.convert_to_numpy(dropout(outputs, training=False)))
# --8<-- [end:dropout]

# --8<-- [start:aufgabe1]
import math

n_fit = round(60_000 * (1 - 0.2))  # 48 000 Bilder zum Lernen
steps_per_epoch = math.ceil(n_fit / 128)  # der letzte Batch ist kleiner
print(n_fit, steps_per_epoch, steps_per_epoch * 10)
# --8<-- [end:aufgabe1]

# --8<-- [start:aufgabe2]
import numpy as np
from sklearn.datasets import load_digits
from sklearn.model_selection import train_test_split

digits = load_digits()
x_fit, x_val, y_fit, y_val = train_test_split(
    digits.data,
    digits.target,
    test_size=0.2,
    stratify=digits.target,  # Anteile der Klassen bleiben erhalten
    random_state=42,
)
print(x_fit.shape, x_val.shape)
print("Nullen:", np.sum(y_fit == 0), "und", np.sum(y_val == 0))
# --8<-- [end:aufgabe2]

# --8<-- [start:aufgabe3]
import numpy as np
from sklearn.datasets import load_digits

labels = load_digits().target
test_labels, new_labels = labels[:100], labels[100:1100]

rng = np.random.default_rng(42)
guesses_test = rng.integers(0, 10, size=(1000, len(test_labels)))
guesses_new = rng.integers(0, 10, size=(1000, len(new_labels)))

accuracy_test = (guesses_test == test_labels).mean(axis=1)
best = int(accuracy_test.argmax())
print(f"Bestes Modell auf der Testmenge: {accuracy_test[best]:.1%}")
print(f"Auf neuen Daten: {(guesses_new[best] == new_labels).mean():.1%}")
# --8<-- [end:aufgabe3]
