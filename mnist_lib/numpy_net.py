"""Neuronale Netze von Grund auf in NumPy – mit Backpropagation von Hand.

Zwei Netze für die Lektion „Backpropagation“, in den Zeichen der Seite
(``docs/grundlagen/schreibweisen.md``): x Eingaben, u gewichtete Summen,
o Ausgaben einer Schicht, ŷ Ausgabe des Netzes, y Label, e = y − ŷ Fehler,
L Verlust, δ = ∂L/∂u Fehlersignal, η Lernrate, (l) Nummer der Schicht.

``ClassicNetwork``
    Eine verdeckte Schicht, Sigmoid, keine Biases, die Gewichtsmatrizen ``wih``
    und ``who`` (eine Zeile pro Neuron, Samples als Spaltenvektoren). Es lernt
    Sample für Sample mit dem quadrierten Fehler L = ½ Σ_k e_k².

``MiniBatchNetwork``
    Beliebig viele Schichten, Sigmoid oder ReLU in den verdeckten Schichten,
    Softmax und Kreuzentropie am Ausgang, ein Optimierer aus
    :mod:`mnist_lib.optimizers`. Ein Batch läuft als eine Matrixmultiplikation
    pro Schicht durch das Netz. Es rechnet wie Keras: W⁽ˡ⁾ mit Shape
    (Eingänge, Neuronen), Startgewichte nach Glorot, Biases 0, float32.

Die Abschnitte zwischen den Marken ``--8<--`` zeigt die Seite „Backpropagation“
wörtlich; ``tests/test_numpy_net.py`` ruft jede gezeigte Methode auf.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Sequence

import numpy as np

from mnist_lib import checks
from mnist_lib.activations import relu, sigmoid, softmax
from mnist_lib.checks import ArrayLike
from mnist_lib.losses import sparse_categorical_crossentropy
from mnist_lib.optimizers import Optimizer, RMSprop

#: Aktivierungsfunktionen f der verdeckten Schichten
HIDDEN_ACTIVATIONS = {"sigmoid": sigmoid, "relu": relu}

#: f'(u), ausgedrückt durch die Ausgabe o = f(u) – die hat die Backpropagation schon
SLOPES = {
    "sigmoid": lambda o: o * (1 - o),  # σ'(u) = σ(u) · (1 − σ(u))
    "relu": lambda o: o > 0,  # 1 für u > 0, sonst 0 (wie TensorFlow auch bei 0)
}

#: So viele Samples rechnen ``predict`` und ``evaluate`` auf einmal (Speicher)
CHUNK = 2048


# ── Das klassische Netz: ein Sample pro Schritt ─────────────────────────────


def scale_inputs_classic(images: ArrayLike) -> np.ndarray:
    """Grauwerte 0 … 255 für das klassische Netz auf 0,01 … 1,0 bringen.

    ``(N, 28, 28)`` oder ``(N, 784)`` → ``(N, 784)``, float64. Die 0 wird
    vermieden: Eine Eingabe x_i = 0 würde ihr Gewicht nie ändern, weil
    ∂u⁽¹⁾_j/∂w⁽¹⁾_ij = x_i ist.
    """
    x = checks.float_array(images, "images", min_ndim=2)
    x = x.reshape(len(x), math.prod(x.shape[1:]))  # ein Sample pro Zeile
    if x.size and (x.min() < 0 or x.max() > 255):
        raise ValueError(
            f"Grauwerte müssen zwischen 0 und 255 liegen, gefunden: "
            f"{x.min()} bis {x.max()}."
        )
    return x.astype(np.float64) / 255 * 0.99 + 0.01


class ClassicNetwork:
    """Das klassische Netz: Eingabe – eine verdeckte Schicht – Ausgabe.

    ``wih[j, i]`` ist w⁽¹⁾_ij (Eingabe i → verdecktes Neuron j), ``who[k, j]``
    ist w⁽²⁾_jk (verdecktes Neuron j → Ausgabeneuron k), ``lr`` ist η. Die
    Gewichte starten normalverteilt mit Mittelwert 0 und Standardabweichung
    1/√(Eingänge je Neuron).
    """

    def __init__(
        self,
        input_nodes: int,
        hidden_nodes: int,
        output_nodes: int,
        learning_rate: float,
        *,
        seed: int | None = 42,
    ) -> None:
        self.inodes = checks.count("input_nodes (Eingabeschicht)", input_nodes)
        self.hnodes = checks.count("hidden_nodes (verdeckte Schicht)", hidden_nodes)
        self.onodes = checks.count("output_nodes (Ausgabeschicht)", output_nodes)
        self.lr = checks.learning_rate(learning_rate)
        rng = np.random.default_rng(seed)
        self.wih = rng.normal(0.0, self.inodes**-0.5, (self.hnodes, self.inodes))
        self.who = rng.normal(0.0, self.hnodes**-0.5, (self.onodes, self.hnodes))

    def _column(self, values: ArrayLike, size: int, name: str) -> np.ndarray:
        """Ein Sample als Spaltenvektor ``(size, 1)``."""
        array = checks.float_array(values, name)
        if array.shape not in ((size,), (size, 1)):
            raise ValueError(
                f"{name} muss genau ein Sample mit {size} Werten sein (Shape "
                f"({size},) oder ({size}, 1)), bekommen: Shape {array.shape}."
            )
        return array.reshape(size, 1).astype(np.float64)

    # --8<-- [start:classic_forward]
    def _forward(self, inputs: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """Vorwärts für Samples als Spalten: die Ausgaben o⁽¹⁾ und ŷ."""
        hidden_outputs = sigmoid(self.wih @ inputs)  # o⁽¹⁾ = σ(u⁽¹⁾)
        final_outputs = sigmoid(self.who @ hidden_outputs)  # ŷ = σ(u⁽²⁾)
        return hidden_outputs, final_outputs
        # --8<-- [end:classic_forward]

    # --8<-- [start:classic_train]
    def train(self, inputs_list: ArrayLike, targets_list: ArrayLike) -> None:
        """Ein Trainingsschritt mit einem Sample: vorwärts, Fehler, Gewichte ändern."""
        inputs = self._column(inputs_list, self.inodes, "inputs_list")  # x
        targets = self._column(targets_list, self.onodes, "targets_list")  # y
        hidden_outputs, final_outputs = self._forward(inputs)  # o⁽¹⁾ und ŷ

        output_errors = targets - final_outputs  # e = y − ŷ
        hidden_errors = self.who.T @ output_errors  # Σ_k w⁽²⁾_jk · e_k für jedes j

        # Δw⁽²⁾_jk = η · e_k · ŷ_k (1 − ŷ_k) · o⁽¹⁾_j, für alle j und k zugleich
        self.who += self.lr * np.dot(
            output_errors * final_outputs * (1.0 - final_outputs),
            np.transpose(hidden_outputs),
        )
        # dasselbe eine Schicht weiter vorn, mit hidden_errors statt output_errors
        self.wih += self.lr * np.dot(
            hidden_errors * hidden_outputs * (1.0 - hidden_outputs),
            np.transpose(inputs),
        )
        # --8<-- [end:classic_train]

    def exact_gradients(
        self, inputs_list: ArrayLike, targets_list: ArrayLike
    ) -> tuple[np.ndarray, np.ndarray]:
        """Die Gradienten ∂L/∂wih und ∂L/∂who mit der Kettenregel.

        L = ½ Σ_k (y_k − ŷ_k)². Für ``who`` ist −η · ∂L/∂who genau die Änderung,
        die :meth:`train` macht. Für ``wih`` fehlt in :meth:`train` beim
        Zurückverteilen der Faktor ŷ_k (1 − ŷ_k) der Ausgabeschicht.
        """
        inputs = self._column(inputs_list, self.inodes, "inputs_list")
        targets = self._column(targets_list, self.onodes, "targets_list")
        hidden_outputs, final_outputs = self._forward(inputs)
        # δ⁽²⁾_k = ∂L/∂u⁽²⁾_k = −e_k · σ'(u⁽²⁾_k)
        delta_output = -(targets - final_outputs) * SLOPES["sigmoid"](final_outputs)
        # δ⁽¹⁾_j = Σ_k w⁽²⁾_jk · δ⁽²⁾_k · σ'(u⁽¹⁾_j)
        delta_hidden = (self.who.T @ delta_output) * SLOPES["sigmoid"](hidden_outputs)
        return delta_hidden @ inputs.T, delta_output @ hidden_outputs.T

    def fit(self, x: ArrayLike, labels: ArrayLike, epochs: int = 1) -> None:
        """Alle Samples der Reihe nach mit :meth:`train` lernen, ``epochs``-mal.

        ``x``: skalierte Eingaben ``(N, input_nodes)``, z. B. aus
        :func:`scale_inputs_classic`; ``labels``: Klassennummern ``(N,)``. Das
        Label wird zu den Sollwerten 0,99 (richtige Klasse) und 0,01 (alle
        anderen): Die Sigmoid erreicht 0 und 1 nie, das Netz würde die Gewichte
        sonst immer weiter vergrößern.
        """
        x = checks.samples(x, self.inodes)
        labels = checks.labels(labels, self.onodes, len(x))
        epochs = checks.count("epochs", epochs)
        for _ in range(epochs):
            for inputs, label in zip(x, labels, strict=True):
                targets = np.full(self.onodes, 0.01)
                targets[label] = 0.99
                self.train(inputs, targets)

    def predict(self, x: ArrayLike) -> np.ndarray:
        """Klassennummern für viele Samples ``(N, input_nodes)`` auf einmal.

        Dieselbe Rechnung wie in :meth:`train`, nur mit allen Samples als Spalten
        nebeneinander.
        """
        x = checks.samples(x, self.inodes).astype(np.float64)
        _, final_outputs = self._forward(x.T)
        return np.argmax(final_outputs, axis=0)


# ── Das vektorisierte Mini-Batch-Netz ───────────────────────────────────────


class MiniBatchNetwork:
    """Ein vollständig verbundenes Netz, das Batches als Matrizen verarbeitet.

    ``layer_sizes`` zählt die Neuronen von der Eingabe- bis zur Ausgabeschicht,
    z. B. ``(784, 512, 324, 36, 10)``. ``activation`` („sigmoid“ oder „relu“)
    gilt für alle verdeckten Schichten; die Ausgabeschicht hat Softmax, der
    Verlust ist die kategoriale Kreuzentropie, gemittelt über den Batch. Labels
    sind Klassennummern c von 0 bis K − 1.

    Wie in Keras hat ``weights[l − 1]`` = W⁽ˡ⁾ die Shape (Eingänge, Neuronen),
    und ein Batch X hat ein Sample pro Zeile: u⁽ˡ⁾ = o⁽ˡ⁻¹⁾ W⁽ˡ⁾ + b⁽ˡ⁾.
    :meth:`get_weights` liefert ``[W⁽¹⁾, b⁽¹⁾, W⁽²⁾, b⁽²⁾, …]`` in der Reihenfolge
    von ``keras.Model.get_weights``. ``optimizer`` ist ein Optimierer aus
    :mod:`mnist_lib.optimizers` (Voreinstellung: ``RMSprop()`` wie in Keras);
    ``seed`` legt Startgewichte und Mischen fest. Gewichte und Rechnung: float32.
    ``l2`` = λ ≥ 0 addiert den Strafterm λ·ΣW² (nur Gewichte) zum Verlust, wie
    ``kernel_regularizer=keras.regularizers.L2(λ)``; ``fit`` meldet ihn nicht mit.
    """

    def __init__(
        self,
        layer_sizes: Sequence[int],
        activation: str = "sigmoid",
        *,
        optimizer: Optimizer | None = None,
        seed: int | None = 42,
        l2: float = 0.0,
    ) -> None:
        self.layer_sizes = checks.layer_sizes(layer_sizes)
        hint = " Softmax hat nur die Ausgabeschicht." if activation == "softmax" else ""
        self.activation = checks.choice(
            "Aktivierungsfunktion", activation, tuple(HIDDEN_ACTIVATIONS), hint
        )
        self.optimizer = checks.step_optimizer(
            RMSprop() if optimizer is None else optimizer
        )
        self._rng = np.random.default_rng(seed)
        self.l2 = checks.non_negative("l2", l2)
        #: [W⁽¹⁾, b⁽¹⁾, W⁽²⁾, b⁽²⁾, …]: Glorot (gleichverteilt in ±√(6/(p + q))), b = 0
        self.params: list[np.ndarray] = []
        for p, q in itertools.pairwise(self.layer_sizes):
            limit = math.sqrt(6 / (p + q))
            self.params.append(self._rng.uniform(-limit, limit, (p, q)))
            self.params.append(np.zeros(q))
        self.params = [param.astype(np.float32) for param in self.params]

    @property
    def weights(self) -> list[np.ndarray]:
        """Die Gewichtsmatrizen W⁽¹⁾, W⁽²⁾, …, Shape (Eingänge, Neuronen)."""
        return self.params[0::2]

    @property
    def biases(self) -> list[np.ndarray]:
        """Die Bias-Vektoren b⁽¹⁾, b⁽²⁾, …"""
        return self.params[1::2]

    # --8<-- [start:forward]
    def _forward(self, x: np.ndarray) -> list[np.ndarray]:
        """Vorwärts: die Ausgaben o⁽⁰⁾ = x, o⁽¹⁾, o⁽²⁾, … aller Schichten, zuletzt ŷ."""
        f = HIDDEN_ACTIVATIONS[self.activation]
        outputs = [x]  # o⁽⁰⁾: der Batch, ein Sample pro Zeile
        for w, b in zip(self.weights[:-1], self.biases[:-1], strict=True):
            u = outputs[-1] @ w + b  # u⁽ˡ⁾ = o⁽ˡ⁻¹⁾ W⁽ˡ⁾ + b⁽ˡ⁾
            outputs.append(f(u))  # o⁽ˡ⁾ = f(u⁽ˡ⁾)
        u = outputs[-1] @ self.weights[-1] + self.biases[-1]  # Logits der Ausgabe
        outputs.append(softmax(u))  # ŷ: eine Wahrscheinlichkeit pro Klasse
        return outputs
        # --8<-- [end:forward]

    # --8<-- [start:backward]
    def _backward(
        self, outputs: list[np.ndarray], labels: np.ndarray
    ) -> list[np.ndarray]:
        """Rückwärts: die Gradienten [∂L/∂W⁽¹⁾, ∂L/∂b⁽¹⁾, ∂L/∂W⁽²⁾, …]."""
        slope = SLOPES[self.activation]
        y_hat = outputs[-1]
        y = np.eye(y_hat.shape[1], dtype=y_hat.dtype)[labels]  # One-Hot-Labels
        delta = (y_hat - y) / len(y_hat)  # δ der Ausgabeschicht: (ŷ − y)/N
        grads = []
        for layer in range(len(self.weights), 0, -1):  # l = letzte Schicht, …, 2, 1
            o = outputs[layer - 1]  # o⁽ˡ⁻¹⁾, die Eingaben der Schicht
            # ∂L/∂W⁽ˡ⁾ = (o⁽ˡ⁻¹⁾)ᵀ δ⁽ˡ⁾, mit L2-Strafterm λ·ΣW² noch + 2λW⁽ˡ⁾
            grad_w = o.T @ delta + 2 * self.l2 * self.weights[layer - 1]
            grad_b = delta.sum(axis=0)  # ∂L/∂b⁽ˡ⁾: Summe über die Samples
            grads = [grad_w, grad_b, *grads]
            if layer > 1:  # δ⁽ˡ⁻¹⁾ = (δ⁽ˡ⁾ (W⁽ˡ⁾)ᵀ) ⊙ f'(u⁽ˡ⁻¹⁾)
                delta = (delta @ self.weights[layer - 1].T) * slope(o)
        return grads
        # --8<-- [end:backward]

    # --8<-- [start:update]
    def _train_batch(self, x: np.ndarray, labels: np.ndarray) -> np.ndarray:
        """Ein Schritt mit einem Batch: vorwärts, rückwärts, Gewichte ändern."""
        outputs = self._forward(x)
        grads = self._backward(outputs, labels)
        # Der Optimierer rechnet die neuen Parameter aus, bei SGD w ← w − η·g
        self.params = self.optimizer.step(self.params, grads)
        return outputs[-1]  # ŷ vor dem Schritt, für Verlust und Genauigkeit
        # --8<-- [end:update]

    def get_weights(self) -> list[np.ndarray]:
        """Kopien von ``[W⁽¹⁾, b⁽¹⁾, W⁽²⁾, …]``, wie ``keras.Model.get_weights``."""
        return [param.copy() for param in self.params]

    def _samples(self, x: ArrayLike) -> np.ndarray:
        """Geprüfte Samples im dtype der Gewichte (float32 wie Keras)."""
        x = checks.samples(x, self.layer_sizes[0])
        return x.astype(self.params[0].dtype, copy=False)

    def _labels(self, labels: ArrayLike, x: np.ndarray) -> np.ndarray:
        return checks.labels(labels, self.layer_sizes[-1], len(x))

    def gradients(
        self, x: ArrayLike, labels: ArrayLike
    ) -> tuple[float, list[np.ndarray]]:
        """Mittlerer Verlust L eines Batches und Gradienten ``[∂L/∂W⁽¹⁾, …]``.

        Die Gewichte bleiben unverändert.
        """
        x = self._samples(x)
        labels = self._labels(labels, x)
        outputs = self._forward(x)
        loss = sparse_categorical_crossentropy(labels, outputs[-1]).mean()
        loss += self.l2 * sum(float(np.sum(w**2)) for w in self.weights)  # λ·ΣW²
        return float(loss), self._backward(outputs, labels)

    def fit(
        self,
        x: ArrayLike,
        labels: ArrayLike,
        *,
        epochs: int = 1,
        batch_size: int = 32,
        shuffle: bool = True,
    ) -> dict[str, list[float]]:
        """Trainieren wie ``keras.Model.fit``: Batches, Epochen, Mischen.

        In jeder Epoche werden die Samples (mit ``shuffle=True``) neu gemischt
        und in Batches zu ``batch_size`` Samples zerlegt; der letzte Batch ist
        kleiner, wenn es nicht aufgeht. Nach jedem Batch ändert der Optimierer
        die Gewichte. Rückgabe: Verlust und Genauigkeit pro Epoche, gemessen
        während der Epoche (wie ``History.history`` in Keras).
        """
        x = self._samples(x)
        labels = self._labels(labels, x)
        epochs = checks.count("epochs", epochs)
        batch_size = checks.count("batch_size", batch_size)
        shuffle = checks.flag("shuffle", shuffle)
        history: dict[str, list[float]] = {"loss": [], "accuracy": []}
        for _ in range(epochs):
            order = self._rng.permutation(len(x)) if shuffle else np.arange(len(x))
            loss_sum, correct = 0.0, 0
            for start in range(0, len(x), batch_size):
                batch = order[start : start + batch_size]
                y_hat = self._train_batch(x[batch], labels[batch])
                loss_sum += sparse_categorical_crossentropy(labels[batch], y_hat).sum()
                correct += np.count_nonzero(y_hat.argmax(axis=1) == labels[batch])
            history["loss"].append(float(loss_sum / len(x)))
            history["accuracy"].append(correct / len(x))
        return history

    def predict(self, x: ArrayLike) -> np.ndarray:
        """Ausgabe ŷ des Netzes (Wahrscheinlichkeiten) für alle Samples: ``(N, K)``."""
        x = self._samples(x)
        chunks = range(0, len(x), CHUNK)
        return np.concatenate([self._forward(x[i : i + CHUNK])[-1] for i in chunks])

    def evaluate(self, x: ArrayLike, labels: ArrayLike) -> tuple[float, float]:
        """Mittlerer Verlust und Genauigkeit, wie ``keras.Model.evaluate``."""
        y_hat = self.predict(x)
        labels = self._labels(labels, y_hat)
        loss = sparse_categorical_crossentropy(labels, y_hat).mean()
        return float(loss), float(np.mean(y_hat.argmax(axis=1) == labels))


def training_flops(layer_sizes: Sequence[int], n_samples: int) -> int:
    """Gleitkommaoperationen der Matrixmultiplikationen einer Trainingsepoche.

    Pro Schicht (p Eingänge, q Neuronen) und Sample: 2pq vorwärts, 2pq für ∂L/∂W
    und, außer in der ersten Schicht, 2pq für das δ der Schicht davor.
    """
    sizes = checks.layer_sizes(layer_sizes)
    n_samples = checks.count("n_samples", n_samples)
    per_sample = sum(
        (2 if layer == 0 else 3) * 2 * p * q
        for layer, (p, q) in enumerate(itertools.pairwise(sizes))
    )
    return per_sample * n_samples
