"""Backpropagation: von der Kettenregel bis zum Netz aus NumPy.

Rechnet den Gradienten eines kleinen Netzes von Hand, leitet die
Gewichtsänderung mit der Kettenregel her und trainiert zwei Netze aus
mnist_lib.numpy_net auf MNIST.
Zeichen wie auf der Seite: x Eingaben, o⁽¹⁾ Ausgaben der verdeckten Schicht,
ŷ Ausgaben des Netzes, y Label, e = y − ŷ Fehler, L Verlust, η Lernrate,
δ = ∂L/∂u Fehlersignal.
Seite: docs/vertiefung/backpropagation.md
"""

# --8<-- [start:network]
import matplotlib.pyplot as plt
import numpy as np

from mnist_lib.activations import sigmoid
from mnist_lib.plotting import plot_network

x = np.array([1.0, 0.5])
wih = np.array([[0.9, 0.3], [0.2, 0.8]])
who = np.array([[0.3, 0.7], [0.6, 0.5]])
hidden = sigmoid(wih @ x)
output = sigmoid(who @ hidden)


def german(value: float, digits: int) -> str:
    return f"{value:.{digits}f}".replace(".", ",")


labels = [
    [f"$x_{i + 1}$\n{german(v, 1)}" for i, v in enumerate(x)],
    [f"$o^{{(1)}}_{j + 1}$\n{german(v, 4)}" for j, v in enumerate(hidden)],
    [f"$\\hat{{y}}_{k + 1}$\n{german(v, 4)}" for k, v in enumerate(output)],
]
fig = plot_network(
    [wih, who], labels, ["Eingaben $x_i$", "verdeckt ($j$)", "Ausgabe ($k$)"]
)
from mnist_lib.plotting import figure_html  # markdown-exec: hide

print(figure_html(fig, alt="Ein Netz mit zwei Eingaben (1,0 und 0,5), zwei verdeckten Neuronen und zwei Ausgabeneuronen. An den Verbindungen stehen die Gewichte: von x1 0,90 zum verdeckten Neuron 1 und 0,20 zum verdeckten Neuron 2, von x2 0,30 und 0,80; vom verdeckten Neuron 1 0,30 zum Ausgabeneuron 1 und 0,60 zum Ausgabeneuron 2, vom verdeckten Neuron 2 0,70 und 0,50. Die verdeckten Neuronen geben 0,7408 und 0,6457 aus, die Ausgabeneuronen 0,6624 und 0,6829."))  # markdown-exec: hide  # noqa: E501  # fmt: skip
plt.show()
# --8<-- [end:network]

# --8<-- [start:forward]
import numpy as np

from mnist_lib.activations import sigmoid

x = np.array([[1.0], [0.5]])  # zwei Eingaben x_i als Spaltenvektor, Shape (2, 1)
wih = np.array([[0.9, 0.3], [0.2, 0.8]])  # Schicht 1: wih[j, i] ist w⁽¹⁾_ij
who = np.array([[0.3, 0.7], [0.6, 0.5]])  # Schicht 2: who[k, j] ist w⁽²⁾_jk
targets = np.array([[1.0], [0.0]])  # Label y_k

hidden_inputs = wih @ x  # u⁽¹⁾: gewichtete Summen der verdeckten Schicht
hidden_outputs = sigmoid(hidden_inputs)  # o⁽¹⁾
final_inputs = who @ hidden_outputs  # u⁽²⁾: gewichtete Summen der Ausgabeschicht
final_outputs = sigmoid(final_inputs)  # ŷ
output_errors = targets - final_outputs  # e_k = y_k − ŷ_k
loss = 0.5 * np.sum(output_errors**2)  # L = ½ · Σ e_k²

print("verdeckt: u⁽¹⁾ =", hidden_inputs.ravel().round(4))
print("verdeckt: o⁽¹⁾ =", hidden_outputs.ravel().round(4))
print("Ausgabe:  u⁽²⁾ =", final_inputs.ravel().round(4))
print("Ausgabe:  ŷ    =", final_outputs.ravel().round(4))
print("Fehler:   e    =", output_errors.ravel().round(4))
print("Verlust:  L    =", loss.round(4))
# --8<-- [end:forward]

# --8<-- [start:chain_rule]
import numpy as np

from mnist_lib.activations import sigmoid

x = np.array([[1.0], [0.5]])
wih = np.array([[0.9, 0.3], [0.2, 0.8]])
who = np.array([[0.3, 0.7], [0.6, 0.5]])
targets = np.array([[1.0], [0.0]])
hidden_outputs = sigmoid(wih @ x)
final_outputs = sigmoid(who @ hidden_outputs)

# Das Gewicht w⁽²⁾_11: von verdecktem Neuron j = 1 zu Ausgabeneuron k = 1
o_1 = hidden_outputs[0, 0]  # o⁽¹⁾_1
y_hat_1 = final_outputs[0, 0]  # ŷ_1
e_1 = targets[0, 0] - y_hat_1  # e_1 = y_1 − ŷ_1

dL_dyhat = -e_1  # ∂L/∂ŷ_1: Ableitung von ½ (y_1 − ŷ_1)²
dyhat_du = y_hat_1 * (1 - y_hat_1)  # ∂ŷ_1/∂u⁽²⁾_1: Ableitung der Sigmoid
du_dw = o_1  # ∂u⁽²⁾_1/∂w⁽²⁾_11: u⁽²⁾_1 = w⁽²⁾_11 · o⁽¹⁾_1 + w⁽²⁾_21 · o⁽¹⁾_2
gradient = dL_dyhat * dyhat_du * du_dw  # Kettenregel: die drei Faktoren multiplizieren

learning_rate = 0.5  # η
print(f"∂L/∂ŷ₁ = {dL_dyhat:.4f}")
print(f"∂ŷ₁/∂u₁⁽²⁾ = {dyhat_du:.4f}")
print(f"∂u₁⁽²⁾/∂w₁₁⁽²⁾ = {du_dw:.4f}")
print(f"∂L/∂w₁₁⁽²⁾ = {gradient:.4f}")
print(f"Δw₁₁⁽²⁾ = −η · ∂L/∂w₁₁⁽²⁾ = {-learning_rate * gradient:.4f}")
# --8<-- [end:chain_rule]

# --8<-- [start:numeric]
import numpy as np

from mnist_lib.activations import sigmoid

x = np.array([[1.0], [0.5]])
wih = np.array([[0.9, 0.3], [0.2, 0.8]])
targets = np.array([[1.0], [0.0]])


def loss_function(who: np.ndarray) -> float:
    """L = ½ · Σ (y_k − ŷ_k)² für die Gewichte who (wih bleibt fest)."""
    final_outputs = sigmoid(who @ sigmoid(wih @ x))
    return 0.5 * np.sum((targets - final_outputs) ** 2)


who = np.array([[0.3, 0.7], [0.6, 0.5]])
h = 1e-6  # ein winziger Schritt
up, down = who.copy(), who.copy()
up[0, 0] += h  # w⁽²⁾_11 ein wenig größer …
down[0, 0] -= h  # … und ein wenig kleiner
slope = (loss_function(up) - loss_function(down)) / (2 * h)
print(f"(L(w₁₁⁽²⁾ + h) − L(w₁₁⁽²⁾ − h)) / 2h = {slope:.4f}")
# --8<-- [end:numeric]

# --8<-- [start:source_update]
import numpy as np

from mnist_lib.numpy_net import ClassicNetwork

net = ClassicNetwork(input_nodes=2, hidden_nodes=2, output_nodes=2, learning_rate=0.5)
net.wih = np.array([[0.9, 0.3], [0.2, 0.8]])  # dieselben Gewichte wie oben
net.who = np.array([[0.3, 0.7], [0.6, 0.5]])
inputs, targets = [1.0, 0.5], [1.0, 0.0]

grad_wih, grad_who = net.exact_gradients(inputs, targets)  # mit der Kettenregel
who_before = net.who.copy()
net.train(inputs, targets)  # ein Trainingsschritt des klassischen Netzes
change = net.who - who_before

print("Änderung von who durch train():")
print(change.round(4))
print("−η · ∂L/∂who (Kettenregel):")
print((-net.lr * grad_who).round(4))
print("gleich?", np.allclose(change, -net.lr * grad_who))
# --8<-- [end:source_update]

# --8<-- [start:hidden_errors]
import numpy as np

from mnist_lib.activations import sigmoid

x = np.array([[1.0], [0.5]])
wih = np.array([[0.9, 0.3], [0.2, 0.8]])
who = np.array([[0.3, 0.7], [0.6, 0.5]])
targets = np.array([[1.0], [0.0]])
hidden_outputs = sigmoid(wih @ x)
final_outputs = sigmoid(who @ hidden_outputs)
output_errors = targets - final_outputs

# train(): die Fehler e_k über die Gewichte zurückverteilen
hidden_errors = who.T @ output_errors
# Kettenregel: zurückverteilt wird e_k · ŷ_k (1 − ŷ_k) = −δ⁽²⁾_k, nicht e_k
output_deltas = output_errors * final_outputs * (1 - final_outputs)
hidden_deltas = who.T @ output_deltas

print("hidden_errors = whoᵀ · e:      ", hidden_errors.ravel().round(4))
print("whoᵀ · (e ⊙ ŷ ⊙ (1 − ŷ)):      ", hidden_deltas.ravel().round(4))
slope = hidden_outputs * (1 - hidden_outputs)  # o⁽¹⁾_j (1 − o⁽¹⁾_j)
update_train = (hidden_errors * slope) @ x.T  # Δwih / η in train()
update_exact = (hidden_deltas * slope) @ x.T  # −∂L/∂wih
print("Δwih / η, train():     ", update_train.ravel().round(4))
print("−∂L/∂wih, Kettenregel: ", update_exact.ravel().round(4))
# --8<-- [end:hidden_errors]

# --8<-- [start:classic_mnist]
import time

import keras

from mnist_lib.numpy_net import ClassicNetwork, scale_inputs_classic

(x_train, y_train), (x_test, y_test) = keras.datasets.mnist.load_data()
n_train = min(len(x_train), 4000)  # höchstens 4 000 Bilder: dauert nur Sekunden
x = scale_inputs_classic(x_train[:n_train])  # (N, 784), Werte 0,01 … 1,0

net = ClassicNetwork(
    input_nodes=784, hidden_nodes=100, output_nodes=10, learning_rate=0.2
)
start = time.perf_counter()
net.fit(x, y_train[:n_train], epochs=1)  # ruft train() für jedes Sample einzeln auf
seconds = time.perf_counter() - start

predicted = net.predict(scale_inputs_classic(x_test))
accuracy = (predicted == y_test).mean()
print(f"{n_train} Trainingsbilder, 1 Epoche, Sample für Sample: {seconds:.1f} s")
print(f"Genauigkeit auf {len(y_test)} Testbildern: {accuracy:.1%}")
# --8<-- [end:classic_mnist]

# --8<-- [start:softmax_gradient]
import numpy as np

from mnist_lib.activations import log_softmax, softmax

u = np.array([2.0, 1.0, 0.1])  # gewichtete Summen u_k der Ausgabeschicht (Logits)
c = 0  # Nummer der richtigen Klasse
y = np.eye(3)[c]  # Label als One-Hot-Vektor: [1, 0, 0]
y_hat = softmax(u)  # ŷ_k: Wahrscheinlichkeit der Klasse k


def loss(u: np.ndarray) -> float:
    return -log_softmax(u)[c]  # Kreuzentropie: L = −ln ŷ_c


h = 1e-6
numeric = [(loss(u + h * d) - loss(u - h * d)) / (2 * h) for d in np.eye(3)]
print("ŷ − y:    ", (y_hat - y).round(4))
print("numerisch:", np.round(numeric, 4))
# --8<-- [end:softmax_gradient]

# --8<-- [start:minibatch_mnist]
import keras

from mnist_lib.numpy_net import MiniBatchNetwork
from mnist_lib.optimizers import RMSprop

(x_train, y_train), (x_test, y_test) = keras.datasets.mnist.load_data()
n_train = min(len(x_train), 4000)  # höchstens 4 000 Bilder, wie beim klassischen Netz
x = x_train[:n_train].reshape(n_train, -1).astype("float32") / 255  # (N, 784), 0 … 1
x_test_flat = x_test.reshape(len(x_test), -1).astype("float32") / 255

net = MiniBatchNetwork(
    (784, 512, 324, 36, 10),  # drei verdeckte Schichten, zehn Ausgabeneuronen
    activation="sigmoid",  # in den verdeckten Schichten; am Ausgang Softmax
    optimizer=RMSprop(),
)
history = net.fit(x, y_train[:n_train], epochs=5, batch_size=32)
for epoch, (loss, accuracy) in enumerate(
    zip(history["loss"], history["accuracy"], strict=True), start=1
):
    print(f"Epoche {epoch}: Verlust {loss:.4f}, Genauigkeit {accuracy:.1%}")
test_loss, test_accuracy = net.evaluate(x_test_flat, y_test)
print(f"Testmenge: Verlust {test_loss:.4f}, Genauigkeit {test_accuracy:.1%}")
# --8<-- [end:minibatch_mnist]

# --8<-- [start:misclassified]
import matplotlib.pyplot as plt
import numpy as np

# braucht net, x_test, x_test_flat und y_test aus dem Abschnitt davor
predicted = np.argmax(net.predict(x_test_flat), axis=1)
wrong = np.flatnonzero(predicted != y_test)
fig, axes = plt.subplots(2, 8, figsize=(11.2, 3.2), layout="constrained")
for ax, i in zip(axes.ravel(), wrong[:16], strict=False):  # höchstens 16
    ax.imshow(x_test[i], cmap="Greys")  # dunkel = hoher Grauwert
    ax.set_title(f"Label {y_test[i]}\nNetz: {predicted[i]}")
for ax in axes.ravel():
    ax.axis("off")
fig.suptitle(
    f"{len(wrong)} von {len(y_test)} Testbildern falsch erkannt – die ersten 16"
)
from mnist_lib.plotting import figure_html  # markdown-exec: hide

print(figure_html(fig, alt="Ein Raster aus 16 handgeschriebenen Ziffern der Testmenge, die das Batch-Netz falsch erkannt hat; über jeder Ziffer stehen das richtige Label und die Antwort des Netzes. Manche sind schief oder ungewöhnlich geschrieben, andere gut lesbar."))  # markdown-exec: hide  # noqa: E501  # fmt: skip
plt.show()
# --8<-- [end:misclassified]

# --8<-- [start:gradient_check]
import keras
import numpy as np
import tensorflow as tf

from mnist_lib.numpy_net import MiniBatchNetwork

(x_train, y_train), _ = keras.datasets.mnist.load_data()
# ein Batch: 64 Samples, 784 Features mit Werten 0 … 1
x = x_train[:64].reshape(64, -1).astype("float32") / 255
labels = y_train[:64]

net = MiniBatchNetwork((784, 32, 16, 10), activation="sigmoid")  # klein und schnell
loss, grads = net.gradients(x, labels)  # unsere Backpropagation

model = keras.Sequential(
    [
        keras.Input((784,)),
        keras.layers.Dense(32, activation="sigmoid"),
        keras.layers.Dense(16, activation="sigmoid"),
        keras.layers.Dense(10, activation="softmax"),
    ]
)
model.set_weights(net.get_weights())  # dieselben Gewichte wie unser Netz
with tf.GradientTape() as tape:
    probabilities = model(x)
    keras_loss = keras.losses.sparse_categorical_crossentropy(labels, probabilities)
    keras_loss = tf.reduce_mean(keras_loss)  # Mittel über den Batch
tape_grads = tape.gradient(keras_loss, model.trainable_weights)

print("Verlust gleich?", np.isclose(loss, float(keras_loss), rtol=1e-5))
names = ["W1", "b1", "W2", "b2", "W3", "b3"]
for name, ours, theirs in zip(names, grads, tape_grads, strict=True):
    same = np.allclose(ours, theirs.numpy(), rtol=1e-4, atol=1e-6)
    print(f"∂L/∂{name}, Shape {ours.shape!s:9}: gleich wie GradientTape? {same}")
# --8<-- [end:gradient_check]

# --8<-- [start:rmsprop_step]
import keras
import numpy as np

from mnist_lib.optimizers import RMSprop

weights = np.array([0.5, -0.3], dtype="float32")
gradient = np.array([0.2, -0.01], dtype="float32")  # ein großer, ein kleiner Gradient

ours = RMSprop()  # learning_rate=0.001, rho=0.9, epsilon=1e-7 wie Keras
variable = keras.Variable(weights)
theirs = keras.optimizers.RMSprop()

for step in range(1, 4):
    weights = ours.step(weights, gradient)  # gibt die neuen Gewichte zurück
    theirs.apply_gradients([(gradient, variable)])
    print(f"Schritt {step}: unser RMSprop {weights}, Keras {variable.numpy()}")
# --8<-- [end:rmsprop_step]

# --8<-- [start:speed]
import time

import keras

from mnist_lib.numpy_net import MiniBatchNetwork

(x_train, y_train), _ = keras.datasets.mnist.load_data()
x = x_train[:4000].reshape(-1, 784).astype("float32") / 255
labels = y_train[:4000]


def microseconds_per_sample(batch_size: int, n_samples: int) -> float:
    """Trainingszeit pro Sample für das Netz 784–512–324–36–10 (bestes von 3)."""
    net = MiniBatchNetwork((784, 512, 324, 36, 10))
    net.fit(x[:batch_size], labels[:batch_size], batch_size=batch_size)  # Aufwärmen
    times = []
    for _ in range(3):
        start = time.perf_counter()
        net.fit(x[:n_samples], labels[:n_samples], batch_size=batch_size)
        times.append(time.perf_counter() - start)
    return min(times) / n_samples * 1e6


single = microseconds_per_sample(batch_size=1, n_samples=100)
batched = microseconds_per_sample(batch_size=512, n_samples=len(x))
print(f"Sample für Sample (Batch-Größe 1): {single:6.0f} µs pro Sample")
print(f"Ganzer Batch (Batch-Größe 512):    {batched:6.0f} µs pro Sample")
print(f"Vektorisiert ist das Training {single / batched:.0f}-mal so schnell.")
# --8<-- [end:speed]

# --8<-- [start:exercise_1]
import numpy as np

from mnist_lib.activations import sigmoid

x = np.array([[1.0], [0.5]])
wih = np.array([[0.9, 0.3], [0.2, 0.8]])
who = np.array([[0.3, 0.7], [0.6, 0.5]])
targets = np.array([[1.0], [0.0]])
hidden = sigmoid(wih @ x)
output = sigmoid(who @ hidden)

# ∂L/∂w⁽²⁾_22 = −e_2 · ŷ_2 (1 − ŷ_2) · o⁽¹⁾_2
by_hand = -(targets[1, 0] - output[1, 0]) * output[1, 0] * (1 - output[1, 0])
by_hand *= hidden[1, 0]


def loss(who):
    return 0.5 * np.sum((targets - sigmoid(who @ hidden)) ** 2)


h = 1e-6
up, down = who.copy(), who.copy()
up[1, 1] += h
down[1, 1] -= h
print(f"Kettenregel: {by_hand:.4f}")
print(f"numerisch:   {(loss(up) - loss(down)) / (2 * h):.4f}")
# --8<-- [end:exercise_1]

# --8<-- [start:exercise_2]
import numpy as np

from mnist_lib.activations import sigmoid
from mnist_lib.numpy_net import ClassicNetwork

net = ClassicNetwork(2, 2, 2, learning_rate=0.5)
net.wih = np.array([[0.9, 0.3], [0.2, 0.8]])
net.who = np.array([[0.3, 0.7], [0.6, 0.5]])
inputs = np.array([[1.0], [0.5]])
targets = np.array([[1.0], [0.0]])

hidden_outputs = sigmoid(net.wih @ inputs)
final_outputs = sigmoid(net.who @ hidden_outputs)
output_errors = targets - final_outputs
output_deltas = output_errors * final_outputs * (1.0 - final_outputs)
hidden_errors = net.who.T @ output_deltas  # statt net.who.T @ output_errors
change = net.lr * np.dot(
    hidden_errors * hidden_outputs * (1.0 - hidden_outputs), inputs.T
)

grad_wih, _ = net.exact_gradients(inputs, targets)
print(change.round(4))
print("gleich −η · ∂L/∂wih?", np.allclose(change, -net.lr * grad_wih))
# --8<-- [end:exercise_2]

# --8<-- [start:exercise_3]
y_hat, y = 0.999, 0.0  # Ausgabe des Neurons und Label
squared = -(y - y_hat) * y_hat * (1 - y_hat)  # δ = −e · ŷ (1 − ŷ)
cross_entropy = y_hat - y  # δ = ŷ − y
print(f"quadratischer Fehler: {squared:.6f}")
print(f"Kreuzentropie:        {cross_entropy:.6f}")
print(f"Verhältnis:           {cross_entropy / squared:.0f}")
# --8<-- [end:exercise_3]

# --8<-- [start:exercise_4]
from itertools import pairwise

from mnist_lib.numpy_net import training_flops

sizes = [784, 512, 324, 36, 10]
per_sample = 0
for layer, (p, q) in enumerate(pairwise(sizes)):  # p Eingänge, q Neuronen
    matmuls = 2 if layer == 0 else 3  # die erste Schicht braucht kein δ davor
    per_sample += matmuls * 2 * p * q
total = per_sample * 60_000
print(f"pro Sample: {per_sample:,}".replace(",", " "))
print(f"pro Epoche: {total:,}".replace(",", " "))
print("gleich training_flops?", total == training_flops(sizes, 60_000))
print(f"bei 100 GFLOP/s: {total / 100e9:.2f} s")
# --8<-- [end:exercise_4]

# --8<-- [start:exercise_5]
import keras

from mnist_lib.numpy_net import ClassicNetwork, scale_inputs_classic

(x_train, y_train), (x_test, y_test) = keras.datasets.mnist.load_data()
n_train = min(len(x_train), 4000)  # höchstens 4 000 Bilder: wenige Sekunden pro Lauf
n_val = n_train // 5  # das letzte Fünftel halten wir als Validierungsmenge zurück
x, y = scale_inputs_classic(x_train[:n_train]), y_train[:n_train]
x_learn, y_learn = x[:-n_val], y[:-n_val]
x_val, y_val = x[-n_val:], y[-n_val:]
print(f"{len(y_learn)} Bilder zum Lernen, {len(y_val)} Bilder zur Validierung")


def make_network(hidden_nodes: int, learning_rate: float) -> ClassicNetwork:
    return ClassicNetwork(
        input_nodes=784,
        hidden_nodes=hidden_nodes,
        output_nodes=10,
        learning_rate=learning_rate,
    )


def val_accuracy_per_epoch(hidden_nodes: int, learning_rate: float) -> list[float]:
    """Zwei Epochen Sample für Sample; nach jeder die Validierungsgenauigkeit."""
    net = make_network(hidden_nodes, learning_rate)
    accuracies = []
    for _ in range(2):
        net.fit(x_learn, y_learn, epochs=1)
        accuracies.append((net.predict(x_val) == y_val).mean())
    return accuracies


settings = [(5, 0.2), (25, 0.2), (100, 0.2), (100, 0.02), (100, 2.0)]
results = {}
for hidden_nodes, learning_rate in settings:  # (verdeckte Neuronen, η)
    results[hidden_nodes, learning_rate] = val_accuracy_per_epoch(
        hidden_nodes, learning_rate
    )
    first, second = results[hidden_nodes, learning_rate]
    print(
        f"{hidden_nodes:3} verdeckte Neuronen, η = {learning_rate:<4}: "
        f"Validierung nach Epoche 1 {first:6.1%}, nach Epoche 2 {second:6.1%}"
    )

# Was zeigt dieser Lauf? Die Sätze entstehen aus den Zahlen oben.
best = max(results, key=lambda setting: results[setting][-1])
print(
    f"Am besten auf der Validierungsmenge: {best[0]} verdeckte Neuronen, η = {best[1]}"
)
by_size = [results[hidden_nodes, 0.2][-1] for hidden_nodes in (5, 25, 100)]
verdict = "höhere" if by_size == sorted(by_size) else "nicht durchweg höhere"
print(f"Mehr verdeckte Neuronen: {verdict} Genauigkeit nach 2 Epochen")
for learning_rate in (0.02, 0.2, 2.0):
    first, second = results[100, learning_rate]
    trend = "steigt" if second > first else "fällt"
    print(f"η = {learning_rate}: Genauigkeit {trend} von Epoche 1 zu Epoche 2")

# Erst jetzt, nach der Wahl: einmal mit allen 4 000 Bildern trainieren und testen.
final = make_network(*best)
final.fit(x, y, epochs=2)
test_accuracy = (final.predict(scale_inputs_classic(x_test)) == y_test).mean()
print(
    f"Gewählte Einstellung, einmal auf {len(y_test)} Testbildern: {test_accuracy:.1%}"
)
# --8<-- [end:exercise_5]

# --8<-- [start:exercise_6]
import keras

from mnist_lib.numpy_net import MiniBatchNetwork

(x_train, y_train), _ = keras.datasets.mnist.load_data()
n_train = min(len(x_train), 4000)
n_val = n_train // 5  # das letzte Fünftel ist die Validierungsmenge
x = x_train[:n_train].reshape(n_train, -1).astype("float32") / 255
y = y_train[:n_train]

val_accuracy = {}
for activation in ("sigmoid", "relu"):
    net = MiniBatchNetwork((784, 64, 64, 10), activation=activation)
    history = net.fit(x[:-n_val], y[:-n_val], epochs=3, batch_size=32)
    _, val_accuracy[activation] = net.evaluate(x[-n_val:], y[-n_val:])
    epochs = ", ".join(f"{a:.1%}" for a in history["accuracy"])
    print(f"{activation:7}: Training je Epoche {epochs}")
    print(f"{'':7}  Validierung nach 3 Epochen {val_accuracy[activation]:.1%}")
best = max(val_accuracy, key=val_accuracy.get)
print(f"Höhere Validierungsgenauigkeit: {best}")
# --8<-- [end:exercise_6]
