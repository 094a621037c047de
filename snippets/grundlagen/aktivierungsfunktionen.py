"""Das Neuron und Aktivierungsfunktionen.

Rechnet ein Neuron von Hand (gewichtete Summe, Schwellenwert, Sigmoid),
zeigt alle Aktivierungsfunktionen aus mnist_lib.activations, prüft sie
gegen Keras und vergleicht tiefe Netze mit Sigmoid und ReLU.
Seite: docs/grundlagen/aktivierungsfunktionen.md
"""

# --8<-- [start:neuron]
import numpy as np

x = np.array([0.5, 0.2, 0.9])  # drei Eingaben
w = np.array([0.5, -0.3, 0.1])  # ein Gewicht pro Eingabe
b = 0.1  # der Bias des Neurons

products = x * w  # elementweise: x_i · w_i
u = np.sum(products) + b  # die gewichtete Summe

print("Produkte x_i · w_i:", products)
print("gewichtete Summe u:", u)
print("dasselbe mit np.dot:", np.dot(x, w) + b)
# --8<-- [end:neuron]

# --8<-- [start:threshold]
u = 0.38  # die gewichtete Summe von oben

# Aktivierungsfunktion als Schwellenwert: Das Neuron „feuert“ ab u = 0.
if u < 0:  # noqa: SIM108 (ausführlich, damit die Regel sichtbar ist)
    o = 0
else:
    o = 1
print("Ausgabe der Schwellenwertfunktion:", o)
print("Ergebnis von bool(u):", bool(u))
# --8<-- [end:threshold]

# --8<-- [start:bool_vs_step]
print("      u  Schwellenwert  u >= 0  bool(u)")
for u in [-0.5, 0.0, 0.38]:
    step = 0 if u < 0 else 1
    print(f"{u:7}  {step:13}  {u >= 0!s:6}  {bool(u)}")
# --8<-- [end:bool_vs_step]

# --8<-- [start:sigmoid_example]
import numpy as np

u = 0.38  # gewichtete Summe: 0.5·0.5 + 0.2·(−0.3) + 0.9·0.1 + 0.1

# Aktivierungsfunktion als Sigmoidfunktion
o = 1 / (1 + np.exp(-u))
print("Ausgabe der Sigmoidfunktion:", o)
# --8<-- [end:sigmoid_example]

# --8<-- [start:overflow]
import numpy as np

from mnist_lib.activations import sigmoid

u = -1000.0
with np.errstate(over="raise"):  # Überlauf als Fehler statt als Warnung
    try:
        print(1 / (1 + np.exp(-u)))
    except FloatingPointError as error:
        print("naive Formel:", error)
print("mnist_lib:   ", sigmoid(u))
# --8<-- [end:overflow]

# --8<-- [start:overview]
import numpy as np

from mnist_lib.activations import ELEMENTWISE

u = np.array([-10.0, -1.0, 0.0, 1.0, 10.0])
print(f"{'u':>9}", *(f"{value:>8}" for value in u))
for name, (function, _derivative) in ELEMENTWISE.items():
    print(f"{name:>9}", *(f"{value:8.4f}" for value in function(u)))
# --8<-- [end:overview]

# --8<-- [start:keras_check]
import keras
import numpy as np

from mnist_lib import activations

u = np.linspace(-100, 100, 2001)
for name in ["sigmoid", "tanh", "relu", "relu6", "elu", "softplus", "softsign"]:
    ours = getattr(activations, name)(u)
    theirs = keras.ops.convert_to_numpy(getattr(keras.activations, name)(u))
    same = np.allclose(ours, theirs)
    print(f"{name:>9}: gleich wie keras.activations.{name}?", same)
# --8<-- [end:keras_check]

# --8<-- [start:kurven]
import matplotlib.pyplot as plt

from mnist_lib.plotting import plot_activations

fig = plot_activations()
fig.suptitle("Aktivierungsfunktionen und ihre Ableitungen")
from mnist_lib.plotting import figure_html  # markdown-exec: hide

print(figure_html(fig, alt="Zehn kleine Diagramme, je eines für Schwellenwert, Sigmoid, Tangens hyperbolicus, ReLU, ReLU6, ELU, Softplus, Softsign, Softmax und Log-Softmax, jeweils mit der Funktion als durchgezogener und ihrer Ableitung als gestrichelter Linie über u von −5 bis 5 (ReLU6 von −3 bis 9). Sigmoid, tanh und Softsign werden an den Rändern flach, ihre Ableitungen gehen dort gegen 0; die Ableitung von ReLU springt bei 0 von 0 auf 1; die Softmax-Kurve für zwei Klassen sieht genau aus wie die Sigmoid."))  # markdown-exec: hide  # noqa: E501  # fmt: skip
plt.show()
# --8<-- [end:kurven]

# --8<-- [start:vanishing]
from mnist_lib.activations import (
    relu_derivative,
    sigmoid_derivative,
    tanh_derivative,
)

print("größte Steigung: Sigmoid", sigmoid_derivative(0.0), end="  ")
print("tanh", tanh_derivative(0.0))
for layers in [1, 5, 10, 20]:
    # Jede Sigmoid-Schicht steuert den Faktor σ'(u) ≤ 0,25 bei. Das ist nur der
    # Anteil der Ableitungen; die Gewichte der Schichten kommen noch dazu.
    factor = 0.25**layers
    label = "Sigmoid-Schicht:" if layers == 1 else "Sigmoid-Schichten:"
    print(f"{layers:2} {label:18} Ableitungen höchstens {factor:.1e}")
print("ReLU für u > 0: Ableitung", relu_derivative(3.0), "in jeder Schicht")
# --8<-- [end:vanishing]

# --8<-- [start:softmax]
import numpy as np

from mnist_lib.activations import log_softmax, softmax

logits = np.array([2.0, 1.0, 0.1])  # u_k: gewichtete Summen der Ausgabeschicht
probabilities = softmax(logits)  # ŷ_k
print("Softmax:        ", probabilities.round(4))
print("Summe:          ", probabilities.sum())
print("Log-Softmax:    ", log_softmax(logits).round(4))
same_winner = np.argmax(logits) == np.argmax(probabilities)
print("größte bleibt größte:", same_winner)
# --8<-- [end:softmax]

# --8<-- [start:softmax_stable]
import numpy as np

from mnist_lib.activations import softmax

logits = np.array([1000.0, 1001.0, 1002.0])
# Die naive Formel läuft über; die Warnungen dazu blenden wir aus.
with np.errstate(over="ignore", invalid="ignore"):
    naive = np.exp(logits) / np.sum(np.exp(logits))
print("naiv:        ", naive)
shifted = logits - logits.max()  # [-2, -1, 0]
print("Maximum ab:  ", np.exp(shifted) / np.sum(np.exp(shifted)))
print("mnist_lib:   ", softmax(logits))
# --8<-- [end:softmax_stable]

# --8<-- [start:dense_layer]
import keras
import numpy as np

from mnist_lib.activations import sigmoid

keras.utils.set_random_seed(42)
# eine Schicht mit 3 Neuronen
layer = keras.layers.Dense(3, activation="sigmoid")
x = np.array([[0.5, 0.2, 0.9, 0.4]], dtype="float32")  # ein Sample, 4 Features
o = keras.ops.convert_to_numpy(layer(x))

# W: Shape (4, 3), eine Spalte pro Neuron; b: Shape (3,)
W, b = layer.get_weights()
u = x @ W + b  # die drei gewichteten Summen auf einmal
print("Shape von W:", W.shape, " Shape von b:", b.shape)
print("Keras und von Hand gleich?", np.allclose(o, sigmoid(u)))
# --8<-- [end:dense_layer]

# --8<-- [start:keras2_model]
import textwrap
import warnings

from keras import layers, models

with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    # Keras-2-Schreibweise: Eingabe-Shape an der ersten Schicht
    network = models.Sequential()
    network.add(layers.Dense(512, activation="sigmoid", input_shape=(28 * 28,)))
    network.add(layers.Dense(36, activation="sigmoid"))
    network.add(layers.Dense(10, activation="softmax"))

warning = caught[0]
print(warning.category.__name__ + ":")
print(textwrap.fill(str(warning.message), width=72))
# --8<-- [end:keras2_model]

# --8<-- [start:keras3_model]
import keras
from keras import layers

model = keras.Sequential(
    [
        keras.Input(shape=(28 * 28,)),  # Eingabeschicht: 784 Features
        layers.Dense(512, activation="sigmoid", name="verdeckt_1"),
        layers.Dense(36, activation="sigmoid", name="verdeckt_2"),
        layers.Dense(10, activation="softmax", name="ausgabe"),  # 10 Klassen
    ]
)
for layer in model.layers:
    activation = layer.activation.__name__
    print(f"{layer.name:10} {layer.units:3} Neuronen, Aktivierung {activation}")
print("Ausgabe-Shape:", model.output_shape)
# --8<-- [end:keras3_model]

# --8<-- [start:softmax_gradient]
import numpy as np

from mnist_lib.activations import softmax, softmax_jacobian, softmax_vjp

logits = np.array([2.0, 1.0, 0.1])  # u_k
y_hat = softmax(logits)  # ŷ_k
jacobian = softmax_jacobian(logits)  # Zeile k, Spalte j: ∂ŷ_k/∂u_j
print("Jacobi-Matrix:")
print(jacobian.round(4))
upstream = np.array([0.0, 0.0, -1 / y_hat[2]])  # Gradient des Verlusts nach ŷ
vjp = softmax_vjp(logits, upstream)  # ohne die Matrix aufzustellen
print("Vektor-Jacobi-Produkt:", vjp.round(4))
print("gleich upstream @ J?  ", np.allclose(vjp, upstream @ jacobian))
# --8<-- [end:softmax_gradient]

# --8<-- [start:cross_entropy]
import numpy as np
import tensorflow as tf

from mnist_lib.activations import log_softmax

logits = np.array([[2.0, 1.0, 0.1]])  # u der Ausgabeschicht, noch ohne Softmax
labels = np.array([[0.0, 0.0, 1.0]])  # One-Hot-Kodierung: richtig ist Klasse 2
loss_tf = tf.nn.softmax_cross_entropy_with_logits(labels=labels, logits=logits)
loss_ours = -np.sum(labels * log_softmax(logits), axis=-1)
print("tf.nn:          ", loss_tf.numpy().round(4))
print("mit log_softmax:", loss_ours.round(4))
# --8<-- [end:cross_entropy]

# --8<-- [start:aufgabe1]
import numpy as np

from mnist_lib.activations import relu, sigmoid, step, tanh

x = np.array([1.0, 0.5])
w = np.array([0.8, -0.4])
b = -0.1
u = np.dot(x, w) + b  # 0,8 − 0,2 − 0,1 = 0,5
print(f"u = {u:.4f}")
for name, function in [
    ("Schwellenwert", step),
    ("Sigmoid", sigmoid),
    ("ReLU", relu),
    ("tanh", tanh),
]:
    print(f"{name:13} {function(u):.4f}")
# --8<-- [end:aufgabe1]

# --8<-- [start:aufgabe2]
import numpy as np

for u in np.linspace(-2, 2, 9):
    step = 0 if u < 0 else 1
    if int(bool(u)) != step:
        print(f"u = {u:4}: Schwellenwert {step}, int(bool(u)) {int(bool(u))}")
u = 0.0
print("richtig in einer Zeile:", int(u >= 0))
# --8<-- [end:aufgabe2]

# --8<-- [start:aufgabe3]
import keras
import numpy as np
import tensorflow as tf


def leaky_relu(u, alpha=0.2):
    u = np.asarray(u, dtype=float)
    return np.where(u > 0, u, alpha * u)


def leaky_relu_derivative(u, alpha=0.2):
    u = np.asarray(u, dtype=float)
    return np.where(u > 0, 1.0, alpha)


u = np.linspace(-10, 10, 101)
tensor = tf.constant(u)
with tf.GradientTape() as tape:
    tape.watch(tensor)
    o = keras.activations.leaky_relu(tensor)  # negative_slope=0.2 wie alpha oben
gradient = tape.gradient(o, tensor).numpy()
print("Werte wie Keras:    ", np.allclose(leaky_relu(u), o.numpy()))
print("Ableitung wie Keras:", np.allclose(leaky_relu_derivative(u), gradient))
# --8<-- [end:aufgabe3]

# --8<-- [start:aufgabe4]
import numpy as np

from mnist_lib.activations import sigmoid, softmax

u = np.array([2.0, 1.0, 0.1])
print("verschoben gleich?", np.allclose(softmax(u), softmax(u + 100.0)))
for value in [-3.0, 0.0, 1.5]:
    two_classes = softmax(np.array([value, 0.0]))
    print(f"u = {value:4}: Softmax {two_classes[0]:.4f}, Sigmoid {sigmoid(value):.4f}")
# --8<-- [end:aufgabe4]

# --8<-- [start:aufgabe5]
from mnist_lib.activations import sigmoid_derivative

for u in [0.0, 2.0]:
    factor = sigmoid_derivative(u)  # Steigung der Sigmoid an der Stelle u
    layers = 1
    while factor**layers >= 1e-6:  # nur der Anteil der Ableitungen
        layers += 1
    print(f"u = {u}: σ'(u) = {factor:.4f}, ab {layers} Schichten unter 1e-6")
# --8<-- [end:aufgabe5]

# --8<-- [start:aufgabe6]
import keras
import numpy as np
import tensorflow as tf

(x_train, y_train), _ = keras.datasets.mnist.load_data()
x = x_train[:4000].reshape(-1, 784).astype("float32") / 255  # 4 000 Bilder
y = keras.utils.to_categorical(y_train[:4000], 10)

accuracy = {}
for activation in ["sigmoid", "relu"]:
    keras.utils.set_random_seed(42)
    model = keras.Sequential(
        [keras.Input(shape=(784,))]
        + [keras.layers.Dense(32, activation=activation) for _ in range(6)]
        + [keras.layers.Dense(10, activation="softmax")]
    )
    model.compile(
        optimizer=keras.optimizers.SGD(learning_rate=0.1),
        loss="categorical_crossentropy",
        metrics=["accuracy"],
    )
    # Gradient des Verlusts nach den Gewichten jeder Schicht, vor dem Training
    with tf.GradientTape() as tape:
        loss = keras.ops.mean(keras.losses.categorical_crossentropy(y, model(x)))
    gradients = tape.gradient(loss, [layer.kernel for layer in model.layers])
    sizes = [float(keras.ops.mean(keras.ops.abs(g))) for g in gradients]
    print(f"{activation}: mittlerer Betrag des Gradienten je Schicht (vorn → hinten)")
    print("   ", " ".join(f"{size:.0e}" for size in sizes))
    print(f"    letzte Schicht / erste Schicht: {sizes[-1] / sizes[0]:.0f}")

    # 3 200 Bilder zum Lernen, die letzten 800 als Validierungsmenge
    history = model.fit(x, y, epochs=3, batch_size=32, validation_split=0.2, verbose=0)
    accuracy[activation] = history.history["val_accuracy"]
    rounded = [round(value, 3) for value in accuracy[activation]]
    print("    Genauigkeit auf der Validierungsmenge je Epoche:", rounded)

better = accuracy["relu"][-1] > accuracy["sigmoid"][-1]
print("ReLU nach 3 Epochen genauer als Sigmoid:", better)
# --8<-- [end:aufgabe6]
