"""Ablauf des Trainings: vom Gradientenabstieg bis zur einmaligen Bewertung.

Zeigt den Gradientenabstieg an einem einzelnen Gewicht, trainiert das MNIST-Netz
mit Validierungsmenge, bewertet es einmal auf der Testmenge und zeigt, warum
wiederholte Blicke auf die Testmenge täuschen.
Seite: docs/grundlagen/ablauf-des-trainings.md
"""

# --8<-- [start:verlust_tabelle]
x, y = 2.0, 3.0  # Eingabe und Zielwert

for w in [0.0, 0.5, 1.0, 1.5, 2.0, 2.5, 3.0]:
    y_hat = w * x  # Ausgabe des Netzes
    loss = (y_hat - y) ** 2  # Verlust: quadrierte Abweichung vom Zielwert
    print(f"w = {w:.1f}:  Ausgabe {y_hat:.1f},  Verlust {loss:.2f}")
# --8<-- [end:verlust_tabelle]

# --8<-- [start:gradientenabstieg]
import keras
import tensorflow as tf

w = keras.Variable(0.5)  # Startgewicht; so speichert Keras jedes Gewicht
x, y = 2.0, 3.0  # Eingabe und Zielwert
eta = 0.1  # Lernrate η

for step in range(1, 6):
    with tf.GradientTape() as tape:  # merkt sich, wie der Verlust entsteht
        loss = (w * x - y) ** 2
    g = tape.gradient(loss, w)  # Gradient g = ∂L/∂w
    w.assign_sub(eta * g)  # w ← w − η · g
    print(
        f"Schritt {step}: Verlust {float(loss):.4f}, "
        f"Gradient {float(g):+.4f}, neues w = {float(w):.4f}"
    )
# --8<-- [end:gradientenabstieg]

# --8<-- [start:abstieg_bild]
import matplotlib.pyplot as plt
import numpy as np

x, y = 2.0, 3.0
eta = 0.1


def loss_of(w):
    return (w * x - y) ** 2  # Verlust L in Abhängigkeit vom Gewicht w


weights = [0.5]  # Startgewicht
for _ in range(5):
    w = weights[-1]
    g = 2 * (w * x - y) * x  # Ableitung von (w·x − y)² nach w, von Hand
    weights.append(w - eta * g)  # w ← w − η · g
weights = np.array(weights)

w_axis = np.linspace(-0.25, 3.25, 200)
w_near = np.array([0.1, 0.9])  # kurze Tangente um w = 0,5
fig, ax = plt.subplots(figsize=(7, 4), layout="constrained")
ax.plot(w_axis, loss_of(w_axis), color="tab:blue", label="Verlust L(w)")
ax.plot(
    w_near, 4 - 8 * (w_near - 0.5), "--", color="gray", label="Steigung −8 bei w = 0,5"
)
ax.plot(weights, loss_of(weights), "o-", color="tab:red", label="Schritte mit η = 0,1")
for t in (0, 1):
    ax.annotate(
        f"t = {t}",
        (weights[t], loss_of(weights[t])),
        xytext=(8, 4),
        textcoords="offset points",
    )
ax.set_xlabel("Gewicht w")
ax.set_ylabel("Verlust L")
ax.set_ylim(-0.5, 10)
ax.legend()
from mnist_lib.plotting import figure_html  # markdown-exec: hide

print(figure_html(fig, alt="Parabel des Verlusts über dem Gewicht w mit Minimum bei w = 1,5. Bei w = 0,5 zeigt eine gestrichelte Tangente die negative Steigung; rote Punkte markieren die Schritte des Gradientenabstiegs, die von w = 0,5 aus schnell zum Minimum laufen und dabei immer kürzer werden."))  # markdown-exec: hide  # noqa: E501  # fmt: skip
plt.show()
# --8<-- [end:abstieg_bild]

# --8<-- [start:lernraten]
x, y = 2.0, 3.0

for eta in [0.01, 0.1, 0.2, 0.3]:
    w = 0.5  # jedes Mal derselbe Start
    path = []
    for _ in range(6):
        g = 2 * (w * x - y) * x  # Gradient ∂L/∂w
        w = w - eta * g  # w ← w − η · g
        path.append(f"{w:5.2f}")
    print(f"η = {eta:<4}  w: " + " ".join(path))
# --8<-- [end:lernraten]

# --8<-- [start:gradient_vektor]
import keras
import tensorflow as tf

x = tf.constant([1.0, 2.0, -1.0])  # drei Eingaben
w = keras.Variable([0.2, -0.1, 0.4])  # ein Gewicht je Eingabe
b = keras.Variable(0.0)  # Bias
y = 1.0  # Zielwert
eta = 0.1  # Lernrate η

with tf.GradientTape() as tape:
    y_hat = tf.reduce_sum(x * w) + b  # gewichtete Summe, direkt als Ausgabe
    loss = (y_hat - y) ** 2
g_w, g_b = tape.gradient(loss, [w, b])  # ein Gradient je Parameter
print(f"Ausgabe {float(y_hat):.2f}, Verlust {float(loss):.4f}")
print("Gradienten der Gewichte:", g_w.numpy().round(2), f" des Bias: {float(g_b):.2f}")

w.assign_sub(eta * g_w)  # alle Gewichte gleichzeitig: w ← w − η · g
b.assign_sub(eta * g_b)
new_loss = (float(tf.reduce_sum(x * w) + b) - y) ** 2
print("neue Gewichte:", w.numpy().round(2), f" neuer Bias: {float(b):.2f}")
print(f"neuer Verlust: {new_loss:.4f}")
# --8<-- [end:gradient_vektor]

# --8<-- [start:hyperparameter]
import keras

keras.utils.set_random_seed(42)  # gleiche Startgewichte, gleiche Batches

# Hyperparameter: legen wir fest, bevor das Training beginnt.
hyperparameters = {
    "hidden_units": (512, 324, 36),  # Architektur: Neuronen je verdeckter Schicht
    "activation": "sigmoid",  # Aktivierungsfunktion der verdeckten Schichten
    "loss": "categorical_crossentropy",  # Verlustfunktion
    "metrics": ["accuracy"],  # Metrik
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
print(f"{steps} Gewichtsänderungen pro Epoche, {steps * len(history.epoch)} gesamt")
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

h = history.history  # ein Wert pro Epoche für den Verlust und jede Metrik
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
steps_per_epoch = math.ceil(n_fit / 128)  # aufrunden, falls die Division nicht aufgeht
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

# --8<-- [start:aufgabe4]
x, y = 1.0, 2.0  # Eingabe und Zielwert
w = 0.0  # Startgewicht
eta = 0.25  # Lernrate η

for step in range(1, 3):
    y_hat = w * x
    loss = (y_hat - y) ** 2
    g = 2 * (y_hat - y) * x  # Ableitung von (w·x − y)² nach w
    w = w - eta * g
    print(f"Schritt {step}: Verlust {loss:.2f}, Gradient {g:+.2f}, neues w = {w:.2f}")
# --8<-- [end:aufgabe4]

# --8<-- [start:aufgabe5]
import keras
from keras import layers

(x_train, y_train), (x_test, y_test) = keras.datasets.mnist.load_data()
x_small = x_train[:4000].astype("float32") / 255  # 4 000 Bilder: schnell genug
y_small = keras.utils.to_categorical(y_train[:4000], 10)


def train_with(eta):
    """Das MNIST-Netz dieser Seite, 5 Epochen mit RMSprop und Lernrate eta."""
    keras.utils.set_random_seed(42)  # gleiche Startgewichte für alle Lernraten
    model = keras.Sequential([keras.Input(shape=(28, 28)), layers.Reshape((784,))])
    for units in (512, 324, 36):
        model.add(layers.Dense(units, activation="sigmoid"))
    model.add(layers.Dense(10, activation="softmax"))
    model.compile(
        optimizer=keras.optimizers.RMSprop(learning_rate=eta),
        loss="categorical_crossentropy",
        metrics=["accuracy"],
    )
    history = model.fit(
        x_small, y_small, epochs=5, batch_size=128, validation_split=0.2, verbose=0
    )
    return history.history


results = {eta: train_with(eta) for eta in [0.0001, 0.001, 0.1]}
for eta, h in results.items():
    print(
        f"η = {eta:<6}  Val.-Verlust {h['val_loss'][0]:.2f} → {h['val_loss'][-1]:.2f}"
        f"  Val.-Genauigkeit nach 5 Epochen {h['val_accuracy'][-1]:.2f}"
    )
best = min(results, key=lambda eta: results[eta]["val_loss"][-1])
print(f"Kleinster Validierungsverlust nach 5 Epochen: η = {best}")
# --8<-- [end:aufgabe5]

# --8<-- [start:aufgabe5_bild]
import matplotlib.pyplot as plt

fig, ax = plt.subplots(figsize=(7, 4), layout="constrained")
for eta, h in results.items():
    epochs = range(1, len(h["val_loss"]) + 1)
    ax.plot(epochs, h["val_loss"], "o-", label=f"η = {eta}".replace(".", ","))
ax.axhline(2.3026, color="gray", ls=":", label="Raten (ln 10 ≈ 2,30)")
ax.set_title("Validierungsverlust bei drei Lernraten")
ax.set_xticks(list(epochs))
ax.set_xlabel("Epoche")
ax.set_ylabel("Verlust")
ax.legend()
from mnist_lib.plotting import figure_html  # markdown-exec: hide

print(figure_html(fig, alt="Validierungsverlust über fünf Epochen für die Lernraten 0,0001, 0,001 und 0,1, dazu eine gepunktete Linie beim Verlust des reinen Ratens."))  # markdown-exec: hide  # noqa: E501  # fmt: skip
plt.show()
# --8<-- [end:aufgabe5_bild]
