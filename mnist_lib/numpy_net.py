"""Neuronale Netze von Grund auf in NumPy – mit Backpropagation von Hand.

Zwei Netze für die Lektion „Backpropagation“:

``ClassicNetwork``
    Das Netz des Quellmaterials (eine verdeckte Schicht, Sigmoid, keine
    Biases, die Gewichtsmatrizen ``wih`` und ``who``, eine Lernrate ``lr``,
    ``train`` und ``query``). Es lernt Sample für Sample und ändert die
    Gewichte mit genau den Formeln des Quellmaterials.

``MiniBatchNetwork``
    Ein vektorisiertes Netz mit beliebig vielen Schichten (Sigmoid, ReLU,
    Softmax), Kreuzentropie und den Optimierern :class:`SGD` und
    :class:`RMSprop`. Ein Batch aus vielen Samples läuft als eine einzige
    Matrixmultiplikation pro Schicht durch das Netz. Es rechnet wie Keras:
    Gewichte mit Shape ``(Eingänge, Neuronen)``, Glorot-Initialisierung, Biases
    0, float32, RMSprop mit der Keras-3-Formel. Die Tests prüfen Gradienten
    gegen numerisches Differenzieren und ``tf.GradientTape`` und die Ausgabe
    gegen ein Keras-Modell mit denselben Gewichten.

Für die Geschwindigkeit rechnet ``MiniBatchNetwork`` in vorab angelegten
Puffern (``out=``) statt für jeden Batch neue Arrays anzulegen; der Gradient von
Softmax und Kreuzentropie ist zu ``p − y`` zusammengefasst.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Callable, Sequence
from typing import Any, Protocol

import numpy as np

from mnist_lib.activations import sigmoid
from mnist_lib.data import check_labels

ArrayLike = Any  # NumPy-Array, Liste oder Skalar

#: Aktivierungsfunktionen der verdeckten Schichten
HIDDEN_ACTIVATIONS = ("sigmoid", "relu")
#: Aktivierungsfunktionen der Ausgabeschicht (bestimmen die Verlustfunktion)
OUTPUT_ACTIVATIONS = ("softmax", "sigmoid")
#: Verlustfunktion zur Ausgabeschicht – so heißen sie in Keras
LOSS_FOR_OUTPUT = {
    "softmax": "categorical_crossentropy",
    "sigmoid": "binary_crossentropy",
}
#: Größe der Stücke, in denen ``predict`` und ``evaluate`` rechnen
PREDICT_CHUNK = 2048


# ── Eingaben prüfen ─────────────────────────────────────────────────────────


def _check_count(value: Any, name: str, minimum: int = 1) -> int:
    """Ganze Zahl ≥ ``minimum`` (Neuronen, Epochen, Batch-Größe …)."""
    if isinstance(value, bool) or not isinstance(value, int | np.integer):
        raise TypeError(f"{name} muss eine ganze Zahl sein, bekommen: {value!r}.")
    if value < minimum:
        raise ValueError(f"{name} muss mindestens {minimum} sein, bekommen: {value}.")
    return int(value)


def _check_rate(value: Any, name: str) -> float:
    """Endliche Zahl > 0 (Lernrate, epsilon)."""
    if isinstance(value, bool) or not isinstance(value, int | float | np.number):
        raise TypeError(f"{name} muss eine Zahl sein, bekommen: {value!r}.")
    if not math.isfinite(value) or value <= 0:
        raise ValueError(
            f"{name} muss eine endliche Zahl größer als 0 sein, bekommen: {value}."
        )
    return float(value)


def _check_layer_sizes(layer_sizes: Sequence[int]) -> tuple[int, ...]:
    """Neuronen pro Schicht, von der Eingabe- bis zur Ausgabeschicht."""
    if isinstance(layer_sizes, int | np.integer | str) or not isinstance(
        layer_sizes, Sequence
    ):
        raise TypeError(
            "layer_sizes muss eine Folge von ganzen Zahlen sein, z. B. "
            f"(784, 512, 10), bekommen: {layer_sizes!r}."
        )
    if len(layer_sizes) < 2:
        raise ValueError(
            "Ein Netz braucht mindestens eine Eingabe- und eine Ausgabeschicht "
            f"(zwei Größen), bekommen: {tuple(layer_sizes)}."
        )
    sizes = []
    for i, size in enumerate(layer_sizes):
        if isinstance(size, bool) or not isinstance(size, int | np.integer):
            raise TypeError(
                f"Schicht {i}: Die Zahl der Neuronen muss eine ganze Zahl sein, "
                f"bekommen: {size!r}."
            )
        if size < 1:
            raise ValueError(
                f"Schicht {i} hat {size} Neuronen – jede Schicht braucht "
                f"mindestens ein Neuron (layer_sizes={tuple(layer_sizes)})."
            )
        sizes.append(int(size))
    return tuple(sizes)


def _check_finite(array: np.ndarray, name: str) -> None:
    """Kein NaN, kein ±inf – schnell: Die Summe ist endlich, wenn alle Werte es sind."""
    if not array.size or not np.issubdtype(array.dtype, np.floating):
        return
    with np.errstate(over="ignore", invalid="ignore"):
        total = np.sum(array)
    # Nicht endlich: NaN/inf darin – oder nur eine übergelaufene Summe riesiger Werte
    if not np.isfinite(total) and not np.isfinite(array).all():
        raise ValueError(
            f"{name} enthält NaN (keine Zahl) oder unendliche Werte; so kann das "
            "Netz nicht rechnen. Prüfe die Vorverarbeitung der Daten."
        )


def _as_number_array(values: ArrayLike, name: str) -> np.ndarray:
    """In ein Array umwandeln; nur ganze Zahlen und Gleitkommazahlen erlaubt."""
    try:
        array = np.asarray(values)
    except (TypeError, ValueError) as error:  # z. B. ungleich lange Listen
        raise TypeError(
            f"{name} lässt sich nicht in ein NumPy-Array umwandeln: {error}"
        ) from error
    if array.dtype == np.bool_ or not (
        np.issubdtype(array.dtype, np.integer)
        or np.issubdtype(array.dtype, np.floating)
    ):
        raise TypeError(
            f"{name} muss aus Zahlen (int oder float) bestehen, bekommen: "
            f"dtype {array.dtype}."
        )
    return array


def _check_sample_labels(
    labels: ArrayLike, n_samples: int, n_classes: int
) -> np.ndarray:
    """Klassennummern: eine pro Sample, jede zwischen 0 und ``n_classes − 1``."""
    labels = np.asarray(labels)
    if labels.ndim == 2 and labels.shape[1] == n_classes and n_classes > 1:
        raise ValueError(
            f"labels sieht nach One-Hot-Vektoren aus (Shape {labels.shape}); das "
            "Netz erwartet Klassennummern, eine pro Sample. Mit "
            "labels.argmax(axis=1) bekommst du sie zurück."
        )
    labels = check_labels(labels, n_classes)  # 1D, ganzzahlig, im Bereich
    if len(labels) != n_samples:
        raise ValueError(
            f"x hat {n_samples} Samples, labels aber {len(labels)} Einträge; es "
            "braucht genau ein Label pro Sample."
        )
    return labels.astype(np.intp, copy=False)


# ── Das klassische Netz: ein Sample pro Schritt ─────────────────────────────


def scale_inputs_classic(images: ArrayLike) -> np.ndarray:
    """Grauwerte 0…255 wie im klassischen Netz auf 0,01…1,0 bringen.

    ``(N, 28, 28)`` oder ``(N, 784)`` → ``(N, 784)``, float64. Die 0 wird
    vermieden, weil ein Eingang 0 sein Gewicht nie ändern würde (der Gradient
    enthält den Eingang als Faktor).
    """
    images = _as_number_array(images, "images")
    if images.ndim == 3:
        images = images.reshape(len(images), -1)
    if images.ndim != 2:
        raise ValueError(
            f"images muss die Shape (N, 28, 28) oder (N, 784) haben, bekommen: "
            f"{images.shape}."
        )
    _check_finite(images, "images")
    if images.size and (images.min() < 0 or images.max() > 255):
        raise ValueError(
            f"Grauwerte müssen zwischen 0 und 255 liegen, gefunden: "
            f"{images.min()} bis {images.max()}."
        )
    return images.astype(np.float64) / 255.0 * 0.99 + 0.01


def targets_classic(label: int, output_nodes: int = 10) -> np.ndarray:
    """Sollwerte des klassischen Netzes: 0,99 für die richtige Klasse, sonst 0,01.

    Nicht 1 und 0, weil die Sigmoid diese Werte nie erreicht: Das Netz würde
    die Gewichte immer weiter vergrößern.
    """
    output_nodes = _check_count(output_nodes, "output_nodes")
    check_labels(np.array([label]), output_nodes)
    targets = np.full(output_nodes, 0.01)
    targets[int(label)] = 0.99
    return targets


class ClassicNetwork:
    """Das klassische Netz: Eingabe – eine verdeckte Schicht – Ausgabe.

    Alle Neuronen verwenden die Sigmoid, es gibt keine Biases. ``wih`` hat die
    Shape ``(hidden_nodes, input_nodes)`` und ``who`` die Shape
    ``(output_nodes, hidden_nodes)``: eine Zeile pro Neuron, die Samples sind
    Spaltenvektoren. Die Gewichte starten normalverteilt mit Mittelwert 0 und
    Standardabweichung 1/√(Eingänge je Neuron).
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
        self.inodes = _check_count(input_nodes, "input_nodes (Eingabeschicht)")
        self.hnodes = _check_count(hidden_nodes, "hidden_nodes (verdeckte Schicht)")
        self.onodes = _check_count(output_nodes, "output_nodes (Ausgabeschicht)")
        self.lr = _check_rate(learning_rate, "learning_rate (Lernrate)")
        rng = np.random.default_rng(seed)
        self.wih = rng.normal(0.0, self.inodes**-0.5, (self.hnodes, self.inodes))
        self.who = rng.normal(0.0, self.hnodes**-0.5, (self.onodes, self.hnodes))
        self.activation_function: Callable[[ArrayLike], np.ndarray] = sigmoid

    def _column(self, values: ArrayLike, size: int, name: str) -> np.ndarray:
        """Ein Sample als Spaltenvektor ``(size, 1)``."""
        array = _as_number_array(values, name).astype(np.float64)
        if array.shape not in ((size,), (size, 1)):
            raise ValueError(
                f"{name} muss genau ein Sample mit {size} Werten sein (Shape "
                f"({size},) oder ({size}, 1)), bekommen: Shape {array.shape}."
            )
        _check_finite(array, name)
        return array.reshape(size, 1)

    def train(self, inputs_list: ArrayLike, targets_list: ArrayLike) -> None:
        """Ein Trainingsschritt mit einem Sample: vorwärts, Fehler, Gewichte ändern."""
        inputs = self._column(inputs_list, self.inodes, "inputs_list")
        targets = self._column(targets_list, self.onodes, "targets_list")

        # Vorwärts: gewichtete Summen und Sigmoid, Schicht für Schicht
        hidden_inputs = np.dot(self.wih, inputs)
        hidden_outputs = self.activation_function(hidden_inputs)
        final_inputs = np.dot(self.who, hidden_outputs)
        final_outputs = self.activation_function(final_inputs)

        # Fehler der Ausgabeschicht und – anteilig über die Gewichte – der
        # verdeckten Schicht (mit den Gewichten *vor* der Aktualisierung)
        output_errors = targets - final_outputs
        hidden_errors = np.dot(self.who.T, output_errors)

        # Δw_jk = η · e_k · ŷ_k (1 − ŷ_k) · o_j  (e = y − ŷ, hier für alle j, k)
        self.who += self.lr * np.dot(
            (output_errors * final_outputs * (1.0 - final_outputs)),
            np.transpose(hidden_outputs),
        )
        # dasselbe eine Schicht weiter vorn, mit hidden_errors statt output_errors
        self.wih += self.lr * np.dot(
            (hidden_errors * hidden_outputs * (1.0 - hidden_outputs)),
            np.transpose(inputs),
        )

    def query(self, inputs_list: ArrayLike) -> np.ndarray:
        """Ausgabe des Netzes für ein Sample: Spaltenvektor ``(output_nodes, 1)``."""
        inputs = self._column(inputs_list, self.inodes, "inputs_list")
        hidden_outputs = self.activation_function(np.dot(self.wih, inputs))
        return self.activation_function(np.dot(self.who, hidden_outputs))

    def exact_gradients(
        self, inputs_list: ArrayLike, targets_list: ArrayLike
    ) -> tuple[np.ndarray, np.ndarray]:
        """Die Gradienten ∂E/∂wih und ∂E/∂who mit der Kettenregel.

        Fehlerfunktion: E = ½ · Σ_k (t_k − o_k)². Für ``who`` ist
        ``−lr · ∂E/∂who`` genau die Änderung, die :meth:`train` macht. Für
        ``wih`` fehlt in :meth:`train` (wie im Quellmaterial) der Faktor
        o_k (1 − o_k) der Ausgabeschicht beim Zurückverteilen des Fehlers.
        """
        inputs = self._column(inputs_list, self.inodes, "inputs_list")
        targets = self._column(targets_list, self.onodes, "targets_list")
        hidden_outputs = self.activation_function(np.dot(self.wih, inputs))
        final_outputs = self.activation_function(np.dot(self.who, hidden_outputs))
        # δ_k = ∂E/∂(gewichtete Summe u_k) = −(t_k − o_k) · o_k (1 − o_k)
        delta_output = -(targets - final_outputs) * final_outputs * (1 - final_outputs)
        grad_who = np.dot(delta_output, hidden_outputs.T)
        # δ_j = Σ_k w_kj · δ_k · o_j (1 − o_j)
        delta_hidden = (
            np.dot(self.who.T, delta_output) * hidden_outputs * (1 - hidden_outputs)
        )
        grad_wih = np.dot(delta_hidden, inputs.T)
        return grad_wih, grad_who

    def _check_batch(self, x: ArrayLike) -> np.ndarray:
        x = _as_number_array(x, "x")
        if x.ndim != 2 or x.shape[1] != self.inodes:
            raise ValueError(
                f"x muss die Shape (N, {self.inodes}) haben (ein Sample pro "
                f"Zeile), bekommen: {x.shape}."
            )
        _check_finite(x, "x")
        return x

    def fit(self, x: ArrayLike, labels: ArrayLike, epochs: int = 1) -> None:
        """Alle Samples der Reihe nach mit :meth:`train` lernen, ``epochs``-mal.

        ``x``: skalierte Eingaben ``(N, input_nodes)``, z. B. aus
        :func:`scale_inputs_classic`; ``labels``: Klassennummern ``(N,)``.
        """
        x = self._check_batch(x)
        labels = _check_sample_labels(labels, len(x), self.onodes)
        epochs = _check_count(epochs, "epochs")
        for _ in range(epochs):
            for inputs, label in zip(x, labels, strict=True):
                self.train(inputs, targets_classic(label, self.onodes))

    def predict(self, x: ArrayLike) -> np.ndarray:
        """Klassennummern für viele Samples ``(N, input_nodes)`` auf einmal.

        Rechnet dasselbe wie :meth:`query`, aber für alle Samples zugleich: Die
        Samples stehen als Spalten nebeneinander.
        """
        x = self._check_batch(x)
        hidden_outputs = self.activation_function(np.dot(self.wih, x.T))
        final_outputs = self.activation_function(np.dot(self.who, hidden_outputs))
        return np.argmax(final_outputs, axis=0)


# ── Optimierer ──────────────────────────────────────────────────────────────


class Optimizer(Protocol):
    """Was ``MiniBatchNetwork`` von einem Optimierer braucht."""

    learning_rate: float

    def update(self, params: list[np.ndarray], grads: list[np.ndarray]) -> None:
        """Parameter an Ort und Stelle mit ihren Gradienten ändern.

        ``params`` sind alle Parameter des Netzes in der Reihenfolge
        ``[W1, b1, W2, b2, …]``, ``grads`` ihre Gradienten in derselben Reihenfolge.
        """


class _BufferedOptimizer:
    """Gemeinsamer Teil: Prüfungen und ein Hilfspuffer für Zwischenwerte."""

    def __init__(self) -> None:
        self._scratch = np.empty(0, dtype=np.float32)

    def _temp(self, like: np.ndarray) -> np.ndarray:
        """Hilfsarray mit Shape und dtype von ``like`` (ein Puffer für alle)."""
        if self._scratch.size < like.size or self._scratch.dtype != like.dtype:
            self._scratch = np.empty(like.size, dtype=like.dtype)
        return self._scratch[: like.size].reshape(like.shape)

    @staticmethod
    def _check_pairs(params: list[np.ndarray], grads: list[np.ndarray]) -> None:
        if len(params) != len(grads) or any(
            p.shape != g.shape for p, g in zip(params, grads, strict=False)
        ):
            raise ValueError(
                "Zu jedem Parameter gehört genau ein Gradient mit derselben Shape."
            )


class SGD(_BufferedOptimizer):
    """Einfacher Gradientenabstieg: w ← w − η · g (wie ``keras.optimizers.SGD``)."""

    def __init__(self, learning_rate: float = 0.01) -> None:
        super().__init__()
        self.learning_rate = _check_rate(learning_rate, "learning_rate (Lernrate)")

    def update(self, params: list[np.ndarray], grads: list[np.ndarray]) -> None:
        """w ← w − η · g für jeden Parameter, an Ort und Stelle."""
        self._check_pairs(params, grads)
        for param, grad in zip(params, grads, strict=True):
            step = self._temp(param)
            np.multiply(grad, self.learning_rate, out=step)
            np.subtract(param, step, out=param)


class RMSprop(_BufferedOptimizer):
    """RMSprop mit der Formel und den Voreinstellungen von Keras 3.

    Für jedes Gewicht ein gleitender Mittelwert v der quadrierten Gradienten::

        v ← ρ · v + (1 − ρ) · g²
        w ← w − η · g / √(v + ε)

    (ε steht wie in Keras 3 *unter* der Wurzel; v startet bei 0.) Große und
    oft wechselnde Gradienten bekommen so kleinere Schritte, kleine größere.
    Dieselbe Formel für einzelne Vektoren steht in ``mnist_lib.optimizers``;
    diese Fassung rechnet an Ort und Stelle auf allen Gewichtsmatrizen eines
    Netzes.
    """

    def __init__(
        self, learning_rate: float = 0.001, rho: float = 0.9, epsilon: float = 1e-7
    ) -> None:
        super().__init__()
        self.learning_rate = _check_rate(learning_rate, "learning_rate (Lernrate)")
        if isinstance(rho, bool) or not isinstance(rho, int | float | np.number):
            raise TypeError(f"rho muss eine Zahl sein, bekommen: {rho!r}.")
        if not 0 <= rho < 1:
            raise ValueError(
                f"rho muss in [0, 1) liegen (Keras: 0.9), bekommen: {rho}."
            )
        self.rho = float(rho)
        self.epsilon = _check_rate(epsilon, "epsilon")
        #: v je Parameter, angelegt beim ersten Schritt
        self.velocities: list[np.ndarray] | None = None

    def update(self, params: list[np.ndarray], grads: list[np.ndarray]) -> None:
        """Ein RMSprop-Schritt für alle Parameter, an Ort und Stelle."""
        self._check_pairs(params, grads)
        if self.velocities is None:
            self.velocities = [np.zeros_like(p) for p in params]
        elif [v.shape for v in self.velocities] != [p.shape for p in params]:
            raise ValueError(
                "Dieser RMSprop-Optimierer gehört schon zu einem Netz mit anderen "
                "Shapes; lege für jedes Netz einen eigenen Optimierer an."
            )
        rho, keep = self.rho, 1.0 - self.rho
        for param, grad, velocity in zip(params, grads, self.velocities, strict=True):
            temp = self._temp(param)
            np.multiply(velocity, rho, out=velocity)
            np.multiply(grad, grad, out=temp)
            np.multiply(temp, keep, out=temp)
            np.add(velocity, temp, out=velocity)  # v ← ρ·v + (1−ρ)·g²
            np.add(velocity, self.epsilon, out=temp)
            np.sqrt(temp, out=temp)  # √(v + ε)
            np.divide(grad, temp, out=temp)
            np.multiply(temp, self.learning_rate, out=temp)
            np.subtract(param, temp, out=param)  # w ← w − η·g/√(v + ε)


# ── Aktivierungen an Ort und Stelle (für die Puffer des Mini-Batch-Netzes) ──


def _sigmoid_inplace(z: np.ndarray) -> None:
    """z ← σ(z) = ½ · tanh(z/2) + ½ – gleichwertig, läuft aber nie über."""
    np.multiply(z, 0.5, out=z)
    np.tanh(z, out=z)
    np.multiply(z, 0.5, out=z)
    np.add(z, 0.5, out=z)


def _relu_inplace(z: np.ndarray) -> None:
    np.maximum(z, 0.0, out=z)


def _sigmoid_backward(grad: np.ndarray, a: np.ndarray, temp: np.ndarray) -> None:
    """grad ← grad · σ'(z) mit σ'(z) = a (1 − a), a = σ(z)."""
    np.subtract(1.0, a, out=temp)
    np.multiply(temp, a, out=temp)
    np.multiply(grad, temp, out=grad)


def _relu_backward(grad: np.ndarray, a: np.ndarray, temp: np.ndarray) -> None:
    """grad ← grad · ReLU'(z): 1 für z > 0, sonst 0 (wie TensorFlow auch bei 0)."""
    np.greater(a, 0.0, out=temp)  # a = max(z, 0) > 0 genau dann, wenn z > 0
    np.multiply(grad, temp, out=grad)


_FORWARD = {"sigmoid": _sigmoid_inplace, "relu": _relu_inplace}
_BACKWARD = {"sigmoid": _sigmoid_backward, "relu": _relu_backward}


def glorot_uniform(fan_in: int, fan_out: int, rng: np.random.Generator) -> np.ndarray:
    """Startgewichte wie Keras (``GlorotUniform``): gleichverteilt, ±√(6/(ein+aus))."""
    limit = math.sqrt(6.0 / (fan_in + fan_out))
    return rng.uniform(-limit, limit, size=(fan_in, fan_out)).astype(np.float32)


# ── Das vektorisierte Mini-Batch-Netz ───────────────────────────────────────


class MiniBatchNetwork:
    """Ein vollständig verbundenes Netz, das Batches als Matrizen verarbeitet.

    ``layer_sizes`` zählt die Neuronen von der Eingabeschicht bis zur
    Ausgabeschicht, z. B. ``(784, 512, 324, 36, 10)`` wie im Quellmaterial.
    ``activation`` gilt für alle verdeckten Schichten (oder ist eine Liste mit
    einer Funktion pro verdeckter Schicht): ``"sigmoid"`` oder ``"relu"``.
    ``output_activation`` ist ``"softmax"`` (Verlust: kategoriale
    Kreuzentropie) oder ``"sigmoid"`` (binäre Kreuzentropie, gemittelt über die
    Klassen). Labels sind Klassennummern ``0 … K−1``.

    Wie in Keras ist ``weights[l]`` eine Matrix mit Shape ``(Eingänge,
    Neuronen)`` und ein Batch ``x`` hat ein Sample pro Zeile:
    ``u = x @ W + b``. :meth:`get_weights` liefert die Liste
    ``[W1, b1, W2, b2, …]`` in derselben Reihenfolge wie
    ``keras.Model.get_weights``.

    ``optimizer`` ist :class:`RMSprop` (Voreinstellung) oder :class:`SGD`;
    ``seed`` legt Startgewichte und Mischen fest. ``dtype`` ist float32 wie in
    Keras; float64 dient zum Prüfen mit numerischem Ableiten.
    """

    def __init__(
        self,
        layer_sizes: Sequence[int],
        activation: str | Sequence[str] = "sigmoid",
        output_activation: str = "softmax",
        *,
        optimizer: Optimizer | None = None,
        seed: int | None = 42,
        dtype: Any = np.float32,
    ) -> None:
        self.layer_sizes = _check_layer_sizes(layer_sizes)
        try:
            self.dtype = np.dtype(dtype)
        except TypeError as error:
            raise TypeError(f"Unbekannter dtype {dtype!r}.") from error
        if self.dtype not in (np.float32, np.float64):
            raise ValueError(
                f"dtype muss float32 (wie Keras) oder float64 sein, bekommen: "
                f"{self.dtype}."
            )
        n_hidden = len(self.layer_sizes) - 2
        hidden = [activation] * n_hidden if isinstance(activation, str) else activation
        if isinstance(hidden, str) or not isinstance(hidden, Sequence):
            raise TypeError(
                f"activation muss ein Name oder eine Liste von Namen sein, "
                f"bekommen: {activation!r}."
            )
        if len(hidden) != n_hidden:
            raise ValueError(
                f"Das Netz hat {n_hidden} verdeckte Schicht(en), activation nennt "
                f"aber {len(hidden)} Aktivierungsfunktion(en)."
            )
        for name in hidden:
            if name not in HIDDEN_ACTIVATIONS:
                hint = ""
                if name == "softmax":
                    hint = " Softmax gibt es nur in der Ausgabeschicht."
                raise ValueError(
                    f"Unbekannte Aktivierungsfunktion {name!r} für eine verdeckte "
                    f"Schicht; möglich: {', '.join(HIDDEN_ACTIVATIONS)}.{hint}"
                )
        if output_activation not in OUTPUT_ACTIVATIONS:
            raise ValueError(
                f"Unbekannte Aktivierungsfunktion {output_activation!r} für die "
                f"Ausgabeschicht; möglich: {', '.join(OUTPUT_ACTIVATIONS)}."
            )
        self.activations: tuple[str, ...] = (*hidden, output_activation)
        self.loss_name = LOSS_FOR_OUTPUT[output_activation]
        if optimizer is None:
            optimizer = RMSprop()
        if not callable(getattr(optimizer, "update", None)):
            raise TypeError(
                "optimizer muss eine update(params, grads)-Methode haben, z. B. "
                f"SGD() oder RMSprop(), bekommen: {type(optimizer).__name__}."
            )
        self.optimizer = optimizer
        self._rng = np.random.default_rng(seed)
        pairs = itertools.pairwise(self.layer_sizes)
        self.weights = [
            glorot_uniform(n_in, n_out, self._rng).astype(self.dtype)
            for n_in, n_out in pairs
        ]
        self.biases = [np.zeros(n, dtype=self.dtype) for n in self.layer_sizes[1:]]
        # Gradienten: fest angelegt, gleiche Shapes wie die Parameter
        self._grad_w = [np.empty_like(w) for w in self.weights]
        self._grad_b = [np.empty_like(b) for b in self.biases]
        self._capacity = 0  # so viele Samples passen in die Puffer

    # ── Parameter ──

    @property
    def num_layers(self) -> int:
        """Zahl der Schichten mit Gewichten (ohne die Eingabeschicht)."""
        return len(self.weights)

    def _params(self) -> list[np.ndarray]:
        return [p for pair in zip(self.weights, self.biases, strict=True) for p in pair]

    def _grads(self) -> list[np.ndarray]:
        return [
            g for pair in zip(self._grad_w, self._grad_b, strict=True) for g in pair
        ]

    def count_params(self) -> int:
        """Zahl aller Gewichte und Biases (wie ``keras.Model.count_params``)."""
        return sum(p.size for p in self._params())

    def get_weights(self) -> list[np.ndarray]:
        """Kopien ``[W1, b1, W2, b2, …]`` – dieselbe Reihenfolge wie in Keras."""
        return [p.copy() for p in self._params()]

    def set_weights(self, weights: Sequence[ArrayLike]) -> None:
        """Gewichte und Biases setzen, z. B. aus ``keras.Model.get_weights()``."""
        params = self._params()
        if len(weights) != len(params):
            raise ValueError(
                f"Erwartet werden {len(params)} Arrays [W1, b1, W2, b2, …], "
                f"bekommen: {len(weights)}."
            )
        new = []
        for i, (value, param) in enumerate(zip(weights, params, strict=True)):
            kind = "W" if i % 2 == 0 else "b"
            array = _as_number_array(value, f"{kind}{i // 2 + 1}")
            if array.shape != param.shape:
                raise ValueError(
                    f"{kind}{i // 2 + 1} muss die Shape {param.shape} haben, "
                    f"bekommen: {array.shape}."
                )
            _check_finite(array, f"{kind}{i // 2 + 1}")
            new.append(array)
        for array, param in zip(new, params, strict=True):
            param[...] = array

    # ── Eingaben ──

    def _check_x(self, x: ArrayLike) -> np.ndarray:
        """Samples als zusammenhängendes Array ``(N, Eingänge)`` im dtype des Netzes."""
        x = _as_number_array(x, "x")
        n_in = self.layer_sizes[0]
        if x.ndim != 2:
            hint = ""
            if x.ndim == 3 and x.shape[1] * x.shape[2] == n_in:
                hint = " Bilder vorher flach machen: x.reshape(len(x), -1)."
            elif x.ndim == 1 and x.shape[0] == n_in:
                hint = " Ein einzelnes Sample als Batch: x.reshape(1, -1)."
            raise ValueError(
                f"x muss die Shape (N, {n_in}) haben – ein Sample pro Zeile –, "
                f"bekommen: {x.shape}.{hint}"
            )
        if x.shape[1] != n_in:
            raise ValueError(
                f"Die Eingabeschicht erwartet {n_in} Features pro Sample, x hat "
                f"aber {x.shape[1]} (Shape {x.shape})."
            )
        if x.shape[0] == 0:
            raise ValueError("x enthält kein einziges Sample (Shape (0, …)).")
        x = np.ascontiguousarray(x, dtype=self.dtype)
        _check_finite(x, "x")
        return x

    def _ensure_buffers(self, n: int) -> None:
        """Arbeitsspeicher für Batches bis ``n`` Samples (nur bei Bedarf neu)."""
        if n <= self._capacity:
            return
        sizes = self.layer_sizes
        # _act[0]: Eingabe-Batch, _act[l]: Ausgabe von Schicht l (zuletzt: Logits)
        self._act = [np.empty((n, size), dtype=self.dtype) for size in sizes]
        # _delta[l]: ∂E/∂u der Schicht l, der zurücklaufende Fehler; _temp[l]:
        # Zwischenwerte für φ'. Für die Eingabeschicht (l = 0) braucht es beide nicht.
        empty = np.empty((0, sizes[0]), dtype=self.dtype)
        self._delta = [empty] + [np.empty((n, s), dtype=self.dtype) for s in sizes[1:]]
        self._temp = [empty] + [np.empty((n, s), dtype=self.dtype) for s in sizes[1:]]
        self._row_max = np.empty((n, 1), dtype=self.dtype)
        self._row_sum = np.empty((n, 1), dtype=self.dtype)
        self._rows = np.arange(n)
        self._capacity = n

    # ── Vorwärts, Verlust, rückwärts ──

    def _forward(self, x: np.ndarray) -> list[np.ndarray]:
        """Alle Schichtausgaben für einen Batch; die letzte enthält die Logits."""
        n = len(x)
        outputs = [x]
        for layer, (w, b) in enumerate(zip(self.weights, self.biases, strict=True)):
            u = self._act[layer + 1][:n]
            np.matmul(outputs[-1], w, out=u)  # (n, ein) @ (ein, aus) → (n, aus)
            np.add(u, b, out=u)  # Bias für jedes Sample (Broadcasting)
            if layer < self.num_layers - 1:
                _FORWARD[self.activations[layer]](u)
            outputs.append(u)
        return outputs

    def _output_and_loss(
        self, logits: np.ndarray, labels: np.ndarray | None, delta: np.ndarray | None
    ) -> tuple[float, int]:
        """Logits → Ausgabe (an Ort und Stelle); Verlustsumme, Treffer, p − y.

        Mit ``delta`` wird ∂E/∂u der Ausgabeschicht geschrieben. Für Softmax mit
        kategorialer Kreuzentropie wie für Sigmoid mit binärer Kreuzentropie
        ist das (p − y)/n (bei Sigmoid zusätzlich durch K geteilt, weil Keras
        über die K Klassen mittelt): Die Ableitung der Aktivierungsfunktion
        kürzt sich gegen die des Logarithmus.
        """
        n, k = logits.shape
        rows = self._rows[:n]
        loss_sum, correct = 0.0, 0
        if labels is not None:
            correct = int(np.count_nonzero(np.argmax(logits, axis=1) == labels))
        if self.activations[-1] == "softmax":
            row_max = self._row_max[:n]
            np.max(logits, axis=1, keepdims=True, out=row_max)
            np.subtract(logits, row_max, out=logits)  # stabil: größter Wert 0
            picked = logits[rows, labels] if labels is not None else None
            np.exp(logits, out=logits)
            row_sum = self._row_sum[:n]
            np.sum(logits, axis=1, keepdims=True, out=row_sum)
            if labels is not None:
                # −ln p_y = ln Σ_j e^(u_j) − u_y (u schon um das Maximum verschoben)
                loss_sum = float(
                    np.sum(np.log(row_sum[:, 0]) - picked, dtype=np.float64)
                )
            np.divide(logits, row_sum, out=logits)  # jetzt Wahrscheinlichkeiten p
            if delta is not None:
                np.multiply(logits, 1.0 / n, out=delta)
                delta[rows, labels] -= 1.0 / n  # (p − y)/n
        else:
            if labels is not None:
                target = np.zeros((n, k), dtype=logits.dtype)
                target[rows, labels] = 1.0
                # stabil: max(u, 0) − u·y + ln(1 + e^(−|u|))
                per_value = (
                    np.maximum(logits, 0)
                    - logits * target
                    + np.log1p(np.exp(-np.abs(logits)))
                )
                loss_sum = float(np.sum(per_value, dtype=np.float64)) / k
            _sigmoid_inplace(logits)
            if delta is not None and labels is not None:
                np.subtract(logits, target, out=delta)
                np.multiply(delta, 1.0 / (n * k), out=delta)  # (p − y)/(n·K)
        return loss_sum, correct

    def _backward(self, outputs: list[np.ndarray]) -> None:
        """Backpropagation: Gradienten aller Gewichte und Biases aus ``_delta[L]``."""
        n = len(outputs[0])
        for layer in range(self.num_layers - 1, -1, -1):
            delta = self._delta[layer + 1][:n]  # ∂E/∂u dieser Schicht, (n, aus)
            # ∂E/∂W = Eingaben der Schicht (transponiert) mal δ, über den Batch summiert
            np.matmul(outputs[layer].T, delta, out=self._grad_w[layer])
            np.sum(delta, axis=0, out=self._grad_b[layer])
            if layer == 0:
                break  # den Gradienten nach den Eingabedaten braucht niemand
            # δ eine Schicht weiter vorn: erst mit Wᵀ zurückverteilen …
            previous = self._delta[layer][:n]
            np.matmul(delta, self.weights[layer].T, out=previous)
            # … dann mit der Ableitung der Aktivierungsfunktion multiplizieren
            _BACKWARD[self.activations[layer - 1]](
                previous, outputs[layer], self._temp[layer][:n]
            )

    def _train_on(self, x: np.ndarray, labels: np.ndarray) -> tuple[float, int]:
        """Vorwärts, rückwärts, Optimiererschritt – ohne Prüfungen (schon erfolgt)."""
        outputs = self._forward(x)
        n = len(x)
        loss_sum, correct = self._output_and_loss(
            outputs[-1], labels, self._delta[-1][:n]
        )
        self._backward(outputs)
        # Die Backpropagation liefert die Gradienten, der Optimierer macht den Schritt.
        self.optimizer.update(self._params(), self._grads())
        return loss_sum, correct

    # ── Öffentliche Schnittstelle ──

    def gradients(
        self, x: ArrayLike, labels: ArrayLike
    ) -> tuple[float, list[np.ndarray]]:
        """Mittlerer Verlust und Gradienten ``[∂E/∂W1, ∂E/∂b1, …]`` für einen Batch.

        Die Gewichte bleiben unverändert.
        """
        x = self._check_x(x)
        labels = _check_sample_labels(labels, len(x), self.layer_sizes[-1])
        self._ensure_buffers(len(x))
        outputs = self._forward(x)
        loss_sum, _ = self._output_and_loss(
            outputs[-1], labels, self._delta[-1][: len(x)]
        )
        self._backward(outputs)
        return loss_sum / len(x), [g.copy() for g in self._grads()]

    def train_step(self, x: ArrayLike, labels: ArrayLike) -> float:
        """Ein Schritt mit einem Batch: Gradienten berechnen, Gewichte ändern.

        Gibt den mittleren Verlust des Batches *vor* dem Schritt zurück.
        """
        x = self._check_x(x)
        labels = _check_sample_labels(labels, len(x), self.layer_sizes[-1])
        self._ensure_buffers(len(x))
        loss_sum, _ = self._train_on(x, labels)
        return loss_sum / len(x)

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

        In jeder Epoche werden die Samples neu gemischt und in Batches zu
        ``batch_size`` Samples zerlegt (der letzte Batch ist kleiner, wenn es
        nicht aufgeht). Nach jedem Batch ändert der Optimierer die Gewichte.
        Rückgabe: Verlauf mit ``"loss"`` und ``"accuracy"`` pro Epoche (wie
        ``History.history`` in Keras, gemessen während der Epoche).
        """
        x = self._check_x(x)
        labels = _check_sample_labels(labels, len(x), self.layer_sizes[-1])
        epochs = _check_count(epochs, "epochs")
        batch_size = _check_count(batch_size, "batch_size")
        n = len(x)
        self._ensure_buffers(min(batch_size, n))
        history: dict[str, list[float]] = {"loss": [], "accuracy": []}
        for _ in range(epochs):
            order = self._rng.permutation(n) if shuffle else np.arange(n)
            loss_sum, correct = 0.0, 0
            for start in range(0, n, batch_size):
                index = order[start : start + batch_size]
                batch = self._act[0][: len(index)]
                # Batch in den Puffer holen. Mit mode="clip" schreibt NumPy direkt
                # hinein (bei "raise" erst in einen Zwischenpuffer); die Indizes
                # stammen aus der Permutation und sind immer gültig.
                np.take(x, index, axis=0, out=batch, mode="clip")
                batch_loss, batch_correct = self._train_on(batch, labels[index])
                loss_sum += batch_loss
                correct += batch_correct
            history["loss"].append(loss_sum / n)
            history["accuracy"].append(correct / n)
        return history

    def predict(self, x: ArrayLike) -> np.ndarray:
        """Ausgabe des Netzes (Wahrscheinlichkeiten) für alle Samples: ``(N, K)``."""
        x = self._check_x(x)
        self._ensure_buffers(min(len(x), PREDICT_CHUNK))
        result = np.empty((len(x), self.layer_sizes[-1]), dtype=self.dtype)
        for start in range(0, len(x), PREDICT_CHUNK):
            chunk = x[start : start + PREDICT_CHUNK]
            outputs = self._forward(chunk)
            self._output_and_loss(outputs[-1], None, None)
            result[start : start + len(chunk)] = outputs[-1]
        return result

    def evaluate(self, x: ArrayLike, labels: ArrayLike) -> tuple[float, float]:
        """Mittlerer Verlust und Genauigkeit, wie ``keras.Model.evaluate``."""
        x = self._check_x(x)
        labels = _check_sample_labels(labels, len(x), self.layer_sizes[-1])
        self._ensure_buffers(min(len(x), PREDICT_CHUNK))
        loss_sum, correct = 0.0, 0
        for start in range(0, len(x), PREDICT_CHUNK):
            stop = start + PREDICT_CHUNK
            outputs = self._forward(x[start:stop])
            chunk_loss, chunk_correct = self._output_and_loss(
                outputs[-1], labels[start:stop], None
            )
            loss_sum += chunk_loss
            correct += chunk_correct
        return loss_sum / len(x), correct / len(x)


def training_flops(layer_sizes: Sequence[int], n_samples: int) -> int:
    """Gleitkommaoperationen der Matrixmultiplikationen einer Trainingsepoche.

    Pro Schicht mit ``a`` Eingängen und ``b`` Neuronen und pro Sample: vorwärts
    ``2·a·b`` (u = x @ W), rückwärts ``2·a·b`` für ∂E/∂W und – außer in der
    ersten Schicht – noch einmal ``2·a·b`` für den Fehler der Schicht davor.
    (Eine Multiplikation mit Addition zählt als zwei Operationen.)
    Elementweise Arbeit (Aktivierungen, Optimierer) ist nicht mitgezählt.
    """
    sizes = _check_layer_sizes(layer_sizes)
    n_samples = _check_count(n_samples, "n_samples")
    total = 0
    for layer, (a, b) in enumerate(itertools.pairwise(sizes)):
        matmuls = 2 if layer == 0 else 3
        total += matmuls * 2 * a * b
    return total * n_samples
