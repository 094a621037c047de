"""Ablauf des Trainings: vom Hyperparameter bis zur einmaligen Bewertung.

Trainiert das MNIST-Netz mit Validierungsmenge, bewertet es einmal auf der
Testmenge und zeigt, warum wiederholte Blicke auf die Testmenge täuschen.
Seite: docs/grundlagen/ablauf-des-trainings.md
"""

# --8<-- [start:hyperparameter]
import keras

from mnist_lib.data import load_mnist_with_source, normalize_images, one_hot_labels

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

((x_train, y_train), (x_test, y_test)), source = load_mnist_with_source()
print(source)  # welche Daten: vollständiges MNIST oder Offline-Teilmenge
x_train, x_test = normalize_images(x_train), normalize_images(x_test)
y_train_one_hot, y_test_one_hot = one_hot_labels(y_train), one_hot_labels(y_test)
print("Trainingsdaten:", x_train.shape, "Testdaten:", x_test.shape)
# --8<-- [end:hyperparameter]

# --8<-- [start:compile]
from mnist_lib.models import build_mnist_network

model = build_mnist_network(
    hidden_units=hyperparameters["hidden_units"],
    activation=hyperparameters["activation"],
    compile=False,
)
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

from mnist_lib.plotting import plot_history

fig = plot_history(history)
# --8<-- [end:curves]
plt.show()  # als Skript im Terminal: Fenster mit den Lernkurven öffnen

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
