"""Verlustfunktionen von Hand in NumPy und der Verlust je Batch im Training.

Eine Verlustfunktion misst, wie weit die Ausgabe ŷ des Netzes (``y_pred``) vom
Label y (``y_true``) entfernt ist. Die Funktionen rechnen wie die gleichnamigen
in ``keras.losses``: Sie mitteln bzw. summieren über die letzte Achse und geben
einen Verlust L pro Sample zurück. Den Mittelwert über den Batch – das, was
Klassen wie ``keras.losses.CategoricalCrossentropy()`` liefern – bildet
``.mean()``.

Wahrscheinlichkeiten ŷ begrenzen wir wie Keras vor dem Logarithmus auf
[ε, 1 − ε] (Clipping), damit nie ln 0 entsteht. Die Eingaben prüft
:mod:`mnist_lib.checks`.
"""

from __future__ import annotations

from typing import Any

import keras
import numpy as np

from mnist_lib import checks
from mnist_lib.checks import ArrayLike

#: ε: Untergrenze für ŷ vor dem Logarithmus, wie ``keras.config.epsilon()``
EPSILON = 1e-7


def _y_ln(y: np.ndarray, y_hat: np.ndarray) -> np.ndarray:
    """y · ln ŷ mit 0 · ln 0 = 0 (nötig ohne Clipping, also bei ε = 0)."""
    with np.errstate(divide="ignore"):
        return np.where(y > 0, y * np.log(np.where(y > 0, y_hat, 1.0)), 0.0)


# ── Regression: Abstand zwischen Ausgabe und Label ──────────────────────────


def mean_absolute_error(y_true: ArrayLike, y_pred: ArrayLike) -> np.ndarray:
    """Mittlerer absoluter Fehler: L = mean(|ŷ − y|) über die letzte Achse.

    Mit einem Wert pro Sample (Shape (N, 1)) ist das genau |ŷ − y|. Rückgabe:
    Shape ``y_true.shape[:-1]``, wie ``keras.losses.mean_absolute_error``.
    """
    y, y_hat = checks.loss_pair(y_true, y_pred)
    return np.mean(np.abs(y_hat - y), axis=-1)


def mean_squared_error(y_true: ArrayLike, y_pred: ArrayLike) -> np.ndarray:
    """Mittlerer quadratischer Fehler: L = mean((ŷ − y)²) über die letzte Achse.

    Große Abweichungen zählen durch das Quadrat überproportional. Rückgabe:
    Shape ``y_true.shape[:-1]``, wie ``keras.losses.mean_squared_error``.
    """
    y, y_hat = checks.loss_pair(y_true, y_pred)
    return np.mean((y_hat - y) ** 2, axis=-1)


# ── Klassifikation: Kreuzentropie ───────────────────────────────────────────


def binary_crossentropy(
    y_true: ArrayLike, y_pred: ArrayLike, epsilon: float = EPSILON
) -> np.ndarray:
    """Binäre Kreuzentropie für Ja/Nein-Ausgaben (Sigmoid), Mittel der letzten Achse.

    L = −mean(y · ln ŷ + (1 − y) · ln(1 − ŷ)) mit ŷ auf [ε, 1 − ε] begrenzt.
    ``y_true`` enthält 0 oder 1 (geglättete Labels dazwischen sind erlaubt),
    ``y_pred`` Wahrscheinlichkeiten. Rückgabe: Shape ``y_true.shape[:-1]``, wie
    ``keras.losses.binary_crossentropy``.
    """
    y, y_hat = checks.loss_pair(y_true, y_pred)
    epsilon = checks.crossentropy_inputs(y, y_hat, epsilon, "Sigmoid")
    y_hat = np.clip(y_hat, epsilon, 1 - epsilon)
    return -np.mean(_y_ln(y, y_hat) + _y_ln(1 - y, 1 - y_hat), axis=-1)


def categorical_crossentropy(
    y_true: ArrayLike, y_pred: ArrayLike, epsilon: float = EPSILON
) -> np.ndarray:
    """Kategoriale Kreuzentropie: L = −Σ_k y_k · ln ŷ_k über die letzte Achse.

    ``y_true``: One-Hot-Vektoren (allgemeiner: jede Zeile eine Verteilung mit
    Summe 1). ``y_pred``: Wahrscheinlichkeiten, jede Zeile summiert sich zu 1
    (die Ausgabe einer Softmax-Schicht). Bei einem One-Hot-Label bleibt von der
    Summe nur −ln ŷ_c der richtigen Klasse c übrig.

    Wie Keras teilen wir jede Zeile noch durch ihre Summe (gleicht
    Rundungsfehler aus) und begrenzen ŷ auf [ε, 1 − ε]; der größte Verlust pro
    Sample ist daher −ln(1e-7) ≈ 16,12. Rückgabe: Shape ``y_true.shape[:-1]``,
    wie ``keras.losses.categorical_crossentropy``.
    """
    y, y_hat = checks.loss_pair(y_true, y_pred, classes=True)
    epsilon = checks.crossentropy_inputs(y, y_hat, epsilon, "Softmax")
    y_hat = np.clip(y_hat / y_hat.sum(axis=-1, keepdims=True), epsilon, 1 - epsilon)
    return -np.sum(_y_ln(y, y_hat), axis=-1)


def sparse_categorical_crossentropy(
    y_true: ArrayLike, y_pred: ArrayLike, epsilon: float = EPSILON
) -> np.ndarray:
    """Kategoriale Kreuzentropie mit Klassennummern statt One-Hot-Vektoren.

    ``y_true``: Shape (N,) oder (N, 1) mit Klassennummern c von 0 bis K − 1;
    ``y_pred``: Shape (N, K), jede Zeile summiert sich zu 1. L = −ln ŷ_c –
    dasselbe wie :func:`categorical_crossentropy` mit One-Hot-Labels. Rückgabe:
    Shape (N,), wie ``keras.losses.sparse_categorical_crossentropy``.
    """
    c, y_hat = checks.class_numbers(y_true, y_pred)
    return categorical_crossentropy(np.eye(y_hat.shape[1])[c], y_hat, epsilon)


# ── Der Verlust im Training ─────────────────────────────────────────────────


class BatchLossHistory(keras.callbacks.Callback):
    """Keras-Callback: den Verlust jedes einzelnen Batches aufzeichnen.

    Keras meldet nach jedem Batch nicht dessen Verlust, sondern den
    gleitenden Mittelwert L̄ seit Beginn der Epoche (diese Zahl zeigt auch der
    Fortschrittsbalken von ``fit``). Daraus rechnen wir den Verlust des k-ten
    Batches zurück: L_k = k · L̄_k − (k − 1) · L̄_(k−1). Das ist exakt, wenn alle
    Batches gleich groß sind – wenn ``batch_size`` die Zahl der Samples ohne
    Rest teilt.

    Nach ``fit`` stehen bereit: ``losses`` (Verlust je Batch, gemessen vor dem
    Anpassen der Gewichte), ``running_means`` (L̄, was Keras meldet) und
    ``epochs`` (Nummer der Epoche je Batch, ab 1).
    """

    def __init__(self) -> None:
        super().__init__()
        self.losses: list[float] = []
        self.running_means: list[float] = []
        self.epochs: list[int] = []
        self._epoch = 0

    def on_train_begin(self, logs: dict[str, Any] | None = None) -> None:
        self.losses, self.running_means, self.epochs = [], [], []

    def on_epoch_begin(self, epoch: int, logs: dict[str, Any] | None = None) -> None:
        self._epoch = epoch + 1

    def on_train_batch_end(self, batch: int, logs: dict[str, Any]) -> None:
        mean = float(logs["loss"])  # L̄_k: Mittelwert seit Beginn der Epoche
        previous = self.running_means[-1] if batch else 0.0
        k = batch + 1  # Batches seit Beginn der Epoche
        self.losses.append(k * mean - (k - 1) * previous)
        self.running_means.append(mean)
        self.epochs.append(self._epoch)
