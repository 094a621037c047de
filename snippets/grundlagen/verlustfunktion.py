"""Verlustfunktion: messen, wie weit die Ausgabe des Netzes vom Label entfernt ist.

Rechnet mittleren absoluten und quadratischen Fehler sowie die Kreuzentropie von
Hand (mnist_lib.losses), vergleicht mit keras.losses, zeigt mit
tf.GradientTape, warum Kreuzentropie und Softmax zusammengehören, und verfolgt
den Verlust während eines Trainings.
Seite: docs/grundlagen/verlustfunktion.md
"""

# --8<-- [start:kompilieren]
import keras
from keras import layers

network = keras.Sequential(  # ein MNIST-Netz mit drei verdeckten Schichten
    [
        keras.Input(shape=(28, 28)),
        layers.Reshape((28 * 28,)),  # jedes Bild als Vektor aus 784 Grauwerten
        layers.Dense(512, activation="sigmoid"),
        layers.Dense(324, activation="sigmoid"),
        layers.Dense(36, activation="sigmoid"),
        layers.Dense(10, activation="softmax"),
    ]
)
network.compile(
    optimizer="rmsprop",
    loss="categorical_crossentropy",
    metrics=["accuracy"],
)
print(network.loss)
# --8<-- [end:kompilieren]

# --8<-- [start:mae]
import keras
import numpy as np

from mnist_lib.losses import mean_absolute_error

# Vier Samples mit je einem Ausgabewert (Shape (4, 1))
y_true = np.array([[3.0], [-0.5], [2.0], [7.0]])  # Labels y
y_pred = np.array([[2.5], [0.0], [2.0], [8.0]])  # Ausgaben ŷ des Netzes

per_sample = mean_absolute_error(y_true, y_pred)  # |ŷ − y| je Sample
print("|ŷ − y| je Sample:", per_sample)
print("MAE (Mittelwert): ", per_sample.mean())

# Gegenprobe mit Keras: Funktion (je Sample) und Klasse (Mittelwert)
print("Keras je Sample:  ", keras.losses.mean_absolute_error(y_true, y_pred).numpy())
print("Keras-Klasse:     ", float(keras.losses.MeanAbsoluteError()(y_true, y_pred)))
# --8<-- [end:mae]

# --8<-- [start:mse]
import keras
import numpy as np

from mnist_lib.losses import mean_squared_error

y_true = np.array([[3.0], [-0.5], [2.0], [7.0]])
y_pred = np.array([[2.5], [0.0], [2.0], [8.0]])

per_sample = mean_squared_error(y_true, y_pred)  # (ŷ − y)² je Sample
print("(ŷ − y)² je Sample:", per_sample)
print("MSE (Mittelwert):  ", per_sample.mean())
print("Keras-Klasse:      ", float(keras.losses.MeanSquaredError()(y_true, y_pred)))
# --8<-- [end:mse]

# --8<-- [start:categorical]
import keras
import numpy as np

from mnist_lib.losses import categorical_crossentropy

# Drei Samples, drei Klassen: Labels als One-Hot-Vektoren …
y_true = np.array([[1, 0, 0], [0, 1, 0], [0, 0, 1]], dtype=np.float32)
# … und Softmax-Ausgaben des Netzes (jede Zeile summiert sich zu 1)
y_pred = np.array(
    [[0.90, 0.05, 0.05], [0.60, 0.30, 0.10], [0.05, 0.01, 0.94]], dtype=np.float32
)

c = y_true.argmax(axis=1)  # Nummer der richtigen Klasse je Sample
by_hand = -np.log(y_pred[np.arange(3), c])  # −ln ŷ_c
ours = categorical_crossentropy(y_true, y_pred)
keras_per_sample = keras.losses.categorical_crossentropy(y_true, y_pred).numpy()
keras_mean = float(keras.losses.CategoricalCrossentropy()(y_true, y_pred))

print("−ln ŷ der richtigen Klasse:", np.round(by_hand, 4))
print("mnist_lib je Sample:       ", np.round(ours, 4))
print("Keras je Sample:           ", np.round(keras_per_sample, 4))
print(f"Mittelwert (mnist_lib):     {ours.mean():.4f}")
print(f"Keras-Klasse (Mittelwert):  {keras_mean:.4f}")
np.testing.assert_allclose(ours, keras_per_sample, rtol=1e-6)
# --8<-- [end:categorical]

# --8<-- [start:sparse]
import keras
import numpy as np

from mnist_lib.losses import sparse_categorical_crossentropy

labels = np.array([0, 1, 2])  # Klassennummern statt One-Hot-Vektoren
y_pred = np.array(
    [[0.90, 0.05, 0.05], [0.60, 0.30, 0.10], [0.05, 0.01, 0.94]], dtype=np.float32
)
ours = sparse_categorical_crossentropy(labels, y_pred)
keras_mean = float(keras.losses.SparseCategoricalCrossentropy()(labels, y_pred))
print("mnist_lib je Sample:", np.round(ours, 4))
print(f"Keras-Klasse:        {keras_mean:.4f}")
# --8<-- [end:sparse]

# --8<-- [start:binary]
import keras
import numpy as np

from mnist_lib.losses import binary_crossentropy

# Ja/Nein-Frage „Ist das eine Null?“: ein Sigmoid-Ausgang pro Sample
y_true = np.array([[1.0], [0.0], [1.0], [0.0]])
y_pred = np.array([[0.95], [0.10], [0.40], [0.80]], dtype=np.float32)

ours = binary_crossentropy(y_true, y_pred)
keras_per_sample = keras.losses.binary_crossentropy(y_true, y_pred).numpy()
keras_mean = float(keras.losses.BinaryCrossentropy()(y_true, y_pred))
print("mnist_lib je Sample:", np.round(ours, 4))
print("Keras je Sample:    ", np.round(keras_per_sample, 4))
print(f"Keras-Klasse:        {keras_mean:.4f}")
# --8<-- [end:binary]

# --8<-- [start:clipping]
import numpy as np

from mnist_lib.losses import EPSILON, categorical_crossentropy

y_true = np.array([[0.0, 1.0, 0.0]])
y_pred = np.array([[1.0, 0.0, 0.0]])  # völlig sicher – und völlig falsch

print("Epsilon:             ", EPSILON)
print(f"mit Clipping:         {categorical_crossentropy(y_true, y_pred)[0]:.4f}")
print(f"Obergrenze −ln(1e-7): {-np.log(EPSILON):.4f}")
print("ohne Clipping:       ", categorical_crossentropy(y_true, y_pred, epsilon=0)[0])
# --8<-- [end:clipping]

# --8<-- [start:error]
import numpy as np

from mnist_lib.losses import categorical_crossentropy

y_true = np.array([[0.0, 1.0, 0.0]])
logits = np.array([[2.0, 1.0, 0.1]])  # Softmax vergessen!
try:
    categorical_crossentropy(y_true, logits)
except ValueError as error:
    print(error)
# --8<-- [end:error]

# --8<-- [start:gradient]
import keras
import numpy as np
import tensorflow as tf

logits = tf.Variable([[2.0, 1.0, 0.1]])  # u_k: letzte Schicht vor der Softmax
y_true = tf.constant([[0.0, 1.0, 0.0]])  # One-Hot: richtig ist Klasse 1

with tf.GradientTape() as tape:
    y_hat = keras.ops.softmax(logits)  # Wahrscheinlichkeiten ŷ_k
    loss = keras.losses.categorical_crossentropy(y_true, y_hat)

gradient = tape.gradient(loss, logits)  # ∂L/∂u_k
print("ŷ         :", np.round(y_hat.numpy(), 4))
print("ŷ − y     :", np.round((y_hat - y_true).numpy(), 4))
print("Gradient  :", np.round(gradient.numpy(), 4))
# --8<-- [end:gradient]

# --8<-- [start:saturation]
import keras
import numpy as np
import tensorflow as tf

# Das Netz ist sich sicher, dass Klasse 0 richtig ist – richtig wäre Klasse 1.
logits = tf.Variable([[6.0, 0.0, 0.0]])
y_true = tf.constant([[0.0, 1.0, 0.0]])

for name, loss_fn in [
    ("Kreuzentropie", keras.losses.categorical_crossentropy),
    ("MSE", keras.losses.mean_squared_error),
]:
    with tf.GradientTape() as tape:
        y_hat = keras.ops.softmax(logits)
        loss = loss_fn(y_true, y_hat)
    gradient = tape.gradient(loss, logits)
    print(f"{name:13s} Verlust {float(loss[0]):6.4f}  Gradient", np.round(gradient, 4))
# --8<-- [end:saturation]

# --8<-- [start:kurven]
import keras
import matplotlib.pyplot as plt
import numpy as np
import tensorflow as tf

# Logits von „sicher falsch“ (−7) bis „sicher richtig“ (+7); richtig ist y = 1
u = tf.Variable(np.linspace(-7, 7, 281, dtype=np.float32)[:, None])
y = tf.ones_like(u)

fig, (ax_loss, ax_grad) = plt.subplots(1, 2, figsize=(10, 4), layout="constrained")
for name, loss_fn in [
    ("Kreuzentropie", keras.losses.binary_crossentropy),
    ("MSE", keras.losses.mean_squared_error),
]:
    with tf.GradientTape() as tape:
        y_hat = keras.ops.sigmoid(u)
        loss = loss_fn(y, y_hat)  # ein Verlust pro Logit
    gradient = tape.gradient(loss, u)  # jeder Verlust hängt nur von seinem Logit ab
    ax_loss.plot(y_hat[:, 0], loss, label=name)
    ax_grad.plot(y_hat[:, 0], np.abs(gradient[:, 0]), label=name)

ax_loss.set_title("Verlust")
ax_loss.set_ylabel("Verlust")
ax_grad.set_title("Betrag des Gradienten nach dem Logit")
ax_grad.set_ylabel("|∂L/∂u|")
for ax in (ax_loss, ax_grad):
    ax.set_xlabel("Wahrscheinlichkeit ŷ für die richtige Antwort")
    ax.legend()
from mnist_lib.plotting import figure_html  # markdown-exec: hide

print(figure_html(fig, alt="Zwei Diagramme über der Wahrscheinlichkeit ŷ für die richtige Antwort. Links der Verlust: Die Kreuzentropie steigt für kleine ŷ steil an, der quadratische Fehler bleibt unter 1. Rechts der Betrag des Gradienten nach dem Logit: Bei der Kreuzentropie ist er 1 − ŷ und bei ŷ nahe 0 am größten, beim quadratischen Fehler geht er bei ŷ nahe 0 gegen null."))  # markdown-exec: hide  # noqa: E501  # fmt: skip
plt.show()
# --8<-- [end:kurven]

# --8<-- [start:ln10]
import math

import numpy as np

from mnist_lib.losses import categorical_crossentropy

uniform = np.full((1, 10), 0.1)  # reines Raten: jede Ziffer mit 10 %
label = np.eye(10)[[3]]  # One-Hot-Label der Ziffer 3
print(f"Verlust beim Raten: {categorical_crossentropy(label, uniform)[0]:.4f}")
print(f"ln(10):             {math.log(10):.4f}")
# --8<-- [end:ln10]

# --8<-- [start:anfangswert]
import keras
import numpy as np
from keras import layers

keras.utils.set_random_seed(42)
(x_train, y_train), _ = keras.datasets.mnist.load_data()
x = x_train[:4000].astype("float32") / 255  # die ersten 4 000 Bilder, Grauwerte 0…1
y = keras.utils.to_categorical(y_train[:4000], 10)  # Labels als One-Hot-Vektoren

model = keras.Sequential(  # dasselbe MNIST-Netz wie oben
    [
        keras.Input(shape=(28, 28)),
        layers.Reshape((28 * 28,)),
        layers.Dense(512, activation="sigmoid"),
        layers.Dense(324, activation="sigmoid"),
        layers.Dense(36, activation="sigmoid"),
        layers.Dense(10, activation="softmax"),
    ]
)
model.compile(
    optimizer="rmsprop", loss="categorical_crossentropy", metrics=["accuracy"]
)
# Noch kein Training: Das Netz rechnet mit seinen zufälligen Startgewichten.
loss, accuracy = model.evaluate(x, y, verbose=0)
mean_output = model.predict(x, verbose=0).mean(axis=0)

print(f"Verlust vor dem Training:     {loss:.4f}  (ln 10 = {np.log(10):.4f})")
print(f"Genauigkeit vor dem Training: {accuracy:.4f}  (Raten: 0.1)")
print("mittlere Ausgabe je Ziffer:   ", np.round(mean_output, 3))
# --8<-- [end:anfangswert]

# --8<-- [start:verlauf]
import matplotlib.pyplot as plt

from mnist_lib.losses import BatchLossHistory

# dasselbe Netz wie im vorigen Block, noch untrainiert
recorder = BatchLossHistory()
model.fit(x, y, epochs=3, batch_size=50, verbose=0, callbacks=[recorder])

steps = np.arange(1, len(recorder.losses) + 1)
fig, ax = plt.subplots(figsize=(9, 4), layout="constrained")
ax.plot(steps, recorder.losses, ".", markersize=4, label="Verlust je Batch")
ax.plot(steps, recorder.running_means, label="Mittelwert seit Epochenbeginn (Keras)")
ax.axhline(np.log(10), color="gray", linestyle="--", label="ln 10: reines Raten")
for start in np.flatnonzero(np.diff(recorder.epochs)) + 1.5:
    ax.axvline(start, color="gray", linewidth=0.8)  # Beginn einer neuen Epoche
ax.set_title("Verlust während des Trainings (kategoriale Kreuzentropie)")
ax.set_xlabel("Batch (Schritt des Optimierers)")
ax.set_ylabel("Verlust")
ax.legend()
from mnist_lib.plotting import figure_html  # markdown-exec: hide

first = f"{recorder.losses[0]:.2f}".replace(".", ",")  # markdown-exec: hide
last = f"{np.mean(recorder.losses[-10:]):.2f}".replace(".", ",")  # markdown-exec: hide
print(figure_html(fig, alt=f"Verlust über 240 Batches in drei Epochen. Der Verlust je Batch beginnt bei {first}, nahe der gestrichelten Linie ln 10, und fällt mit Schwankungen; über die letzten zehn Batches liegt er im Mittel bei {last}. Die Linie des Keras-Mittelwerts springt zu Beginn jeder Epoche zurück auf den aktuellen Batch-Verlust."))  # markdown-exec: hide  # noqa: E501  # fmt: skip
plt.show()
# --8<-- [end:verlauf]

# --8<-- [start:aufgabe1]
import keras
import numpy as np

from mnist_lib.losses import categorical_crossentropy

y_hat = np.array([[0.01, 0.01, 0.02, 0.05, 0.01, 0.02, 0.01, 0.80, 0.02, 0.05]])
y = np.eye(10)[[7]]  # One-Hot-Label der Ziffer 7

print(f"von Hand:  {-np.log(y_hat[0, 7]):.4f}")
print(f"Keras:     {float(keras.losses.categorical_crossentropy(y, y_hat)[0]):.4f}")
print(f"mnist_lib: {categorical_crossentropy(y, y_hat)[0]:.4f}")
# --8<-- [end:aufgabe1]

# --8<-- [start:aufgabe2]
import numpy as np

from mnist_lib.losses import mean_absolute_error, mean_squared_error

y_true = np.array([[10.0], [12.0], [11.0], [13.0]])
nets = {
    "A": np.array([[11.0], [13.0], [12.0], [14.0]]),
    "B": np.array([[10.0], [12.0], [11.0], [17.0]]),
}
for name, y_pred in nets.items():
    mae = mean_absolute_error(y_true, y_pred).mean()
    mse = mean_squared_error(y_true, y_pred).mean()
    print(f"Netz {name}: MAE {mae:.2f}, MSE {mse:.2f}")
# --8<-- [end:aufgabe2]

# --8<-- [start:aufgabe3]
import numpy as np

from mnist_lib.losses import categorical_crossentropy

limit = np.exp(-0.1)  # aus −ln ŷ_c < 0,1 folgt ŷ_c > e^(−0,1)
print(f"Grenze: ŷ_c > {limit:.4f}")
y = np.array([[1.0, 0.0]])  # richtig ist Klasse c = 0
for y_hat_c in (0.90, 0.91):
    loss = categorical_crossentropy(y, np.array([[y_hat_c, 1 - y_hat_c]]))[0]
    print(f"ŷ_c = {y_hat_c:.2f}: Verlust {loss:.4f}")
# --8<-- [end:aufgabe3]

# --8<-- [start:aufgabe4]
import keras
import numpy as np
import tensorflow as tf

u = np.array([[0.5, 2.5, -1.0, 0.0]], dtype=np.float32)  # Logits
y = np.array([[0.0, 1.0, 0.0, 0.0]], dtype=np.float32)

y_hat = np.exp(u) / np.exp(u).sum(axis=1, keepdims=True)  # Softmax von Hand
print("ŷ − y von Hand:", np.round(y_hat - y, 4))

logits = tf.Variable(u)
with tf.GradientTape() as tape:
    loss = keras.losses.categorical_crossentropy(y, keras.ops.softmax(logits))
print("GradientTape:  ", np.round(tape.gradient(loss, logits).numpy(), 4))
# --8<-- [end:aufgabe4]

# --8<-- [start:aufgabe5]
import keras
import numpy as np

keras.utils.set_random_seed(42)
(x_train, y_train), _ = keras.datasets.mnist.load_data()
y = keras.utils.to_categorical(y_train[:1000], 10)

model = keras.Sequential(
    [
        keras.Input((28, 28)),
        keras.layers.Reshape((28 * 28,)),  # jedes Bild als Vektor aus 784 Grauwerten
        keras.layers.Dense(64, activation="relu"),
        keras.layers.Dense(10, activation="softmax"),
    ]
)
model.compile(loss="categorical_crossentropy")
scaled = model.evaluate(x_train[:1000].astype("float32") / 255, y, verbose=0)
raw = model.evaluate(x_train[:1000].astype("float32"), y, verbose=0)

print(f"Verlust mit skalierten Grauwerten: {scaled:.2f}  (ln 10 = {np.log(10):.2f})")
print(f"Verlust mit rohen Grauwerten:      {raw:.2f}")
print(f"roh / skaliert: {raw / scaled:.0f}-mal so groß")
# --8<-- [end:aufgabe5]

# --8<-- [start:aufgabe6]
import keras
import numpy as np

from mnist_lib.losses import BatchLossHistory

(x_train, y_train), _ = keras.datasets.mnist.load_data()
x = x_train[:4000].astype("float32") / 255
y = keras.utils.to_categorical(y_train[:4000], 10)

final = {}
for learning_rate in [0.00001, 0.001, 0.1]:
    keras.utils.set_random_seed(42)  # gleiche Startgewichte für alle Lernraten
    model = keras.Sequential(
        [
            keras.Input((28, 28)),
            keras.layers.Reshape((28 * 28,)),  # Bild als Vektor
            keras.layers.Dense(64, activation="relu"),
            keras.layers.Dense(10, activation="softmax"),
        ]
    )
    model.compile(
        optimizer=keras.optimizers.RMSprop(learning_rate=learning_rate),
        loss="categorical_crossentropy",
    )
    recorder = BatchLossHistory()
    model.fit(x, y, epochs=2, batch_size=50, verbose=0, callbacks=[recorder])
    losses = np.array(recorder.losses)  # Verlust je Batch, 160 Batches
    final[learning_rate] = end = losses[-10:].mean()  # die letzten 10 Batches
    label = f"Lernrate {learning_rate:g}:"
    print(
        f"{label:16} erster Batch {losses[0]:.2f}, "
        f"größter {losses.max():.2f}, am Ende {end:.2f}"
    )
best = min(final, key=final.get)
print("kleinster Verlust am Ende mit Lernrate", best)
# --8<-- [end:aufgabe6]
