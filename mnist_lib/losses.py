"""Verlustfunktionen von Hand (NumPy) und der Verlustscore im Training.

Eine Verlustfunktion misst, wie weit die Ausgabe des Netzes (``y_pred``, der
Istwert) von der erwarteten Antwort (``y_true``, dem Sollwert) entfernt ist.
Die Funktionen hier rechnen wie die gleichnamigen Funktionen in
``keras.losses``: Sie mitteln bzw. summieren über die letzte Achse und geben
einen Wert pro Sample zurück. Den Mittelwert über den Batch – das, was die
Klassen wie ``keras.losses.CategoricalCrossentropy()`` liefern – bildet
``.mean()``.

Wahrscheinlichkeiten werden wie in Keras vor dem Logarithmus auf
``[EPSILON, 1 − EPSILON]`` begrenzt (Clipping), damit nie ``log(0)`` entsteht.
"""

from __future__ import annotations

from typing import Any

import keras
import numpy as np
from numpy.typing import ArrayLike

from mnist_lib.data import check_labels

#: Untergrenze für Wahrscheinlichkeiten vor dem Logarithmus (``keras.config.epsilon()``)
EPSILON = 1e-7
#: So weit darf eine Zeilensumme von 1 abweichen (Rundungsfehler von float32)
SUM_TOLERANCE = 1e-3


# ── Eingaben prüfen ──────────────────────────────────────────────────────────


def _as_float_array(values: ArrayLike, name: str) -> np.ndarray:
    """Eingabe in ein float64-Array umwandeln und auf NaN/unendlich prüfen."""
    array = np.asarray(values)
    if array.dtype == np.bool_:
        array = array.astype(np.float64)
    if not (
        np.issubdtype(array.dtype, np.integer)
        or np.issubdtype(array.dtype, np.floating)
    ):
        raise TypeError(
            f"{name} muss aus reellen Zahlen bestehen, bekommen: dtype {array.dtype}."
        )
    array = array.astype(np.float64)
    if array.ndim == 0:
        raise ValueError(
            f"{name} braucht mindestens eine Achse (Werte pro Sample), "
            f"bekommen: ein Skalar."
        )
    if array.size == 0:
        raise ValueError(f"{name} ist leer (Shape {array.shape}).")
    if np.isnan(array).any():
        raise ValueError(
            f"{name} enthält NaN (keine Zahl) – der Verlust wäre nicht definiert."
        )
    if np.isinf(array).any():
        raise ValueError(f"{name} enthält unendliche Werte (inf).")
    return array


def _pair(
    y_true: ArrayLike, y_pred: ArrayLike, *, classes: bool = False
) -> tuple[np.ndarray, np.ndarray]:
    """Beide Eingaben umwandeln und prüfen, dass ihre Shapes gleich sind.

    ``classes=True``: Die letzte Achse zählt Klassen (kategoriale Verluste).
    """
    true = _as_float_array(y_true, "y_true")
    pred = _as_float_array(y_pred, "y_pred")
    if true.shape != pred.shape:
        hint = ""
        if true.size == pred.size:
            hint = (
                " Gleich viele Werte, aber andere Achsen – z. B. (N,) und (N, 1)?"
                " Bringe beide mit reshape auf dieselbe Shape."
            )
        elif classes and true.shape == pred.shape[:-1]:
            hint = (
                " y_true sieht nach Klassennummern aus: Nimm dafür "
                "sparse_categorical_crossentropy oder wandle sie mit "
                "one_hot_labels in One-Hot-Vektoren um."
            )
        raise ValueError(
            f"y_true und y_pred müssen dieselbe Shape haben, bekommen: "
            f"y_true {true.shape}, y_pred {pred.shape}.{hint}"
        )
    return true, pred


def _check_probabilities(pred: np.ndarray, activation: str) -> None:
    """Vorhersagen müssen Wahrscheinlichkeiten in [0, 1] sein."""
    low, high = pred.min(), pred.max()
    if low < 0 or high > 1:
        raise ValueError(
            f"y_pred muss Wahrscheinlichkeiten zwischen 0 und 1 enthalten, "
            f"gefunden: {low:.4g} bis {high:.4g}. Sind das Logits? Dann fehlt "
            f"noch {activation} (oder in Keras from_logits=True)."
        )


def _check_epsilon(epsilon: float) -> float:
    epsilon = float(epsilon)
    if not 0 <= epsilon < 0.5:
        raise ValueError(
            f"epsilon muss zwischen 0 und 0.5 liegen (Keras: 1e-7), "
            f"bekommen: {epsilon}."
        )
    return epsilon


def _row_sums_are_one(array: np.ndarray) -> bool:
    return bool(np.allclose(array.sum(axis=-1), 1.0, rtol=0, atol=SUM_TOLERANCE))


def _clip(pred: np.ndarray, epsilon: float) -> np.ndarray:
    return np.clip(pred, epsilon, 1.0 - epsilon)


def _y_log(y: np.ndarray, p: np.ndarray) -> np.ndarray:
    """``y · ln(p)`` mit ``0 · ln(0) = 0`` (nur ohne Clipping, epsilon=0, nötig)."""
    with np.errstate(divide="ignore"):
        return np.where(y > 0, y * np.log(np.where(y > 0, p, 1.0)), 0.0)


# ── Regression: Abstand zwischen Ist- und Sollwert ───────────────────────────


def mean_absolute_error(y_true: ArrayLike, y_pred: ArrayLike) -> np.ndarray:
    """Mittlerer absoluter Fehler: ``mean(|y_pred − y_true|)`` über die letzte Achse.

    Mit einem Wert pro Sample (Shape ``(N, 1)``) ist das genau der Betrag der
    Differenz |Istwert − Sollwert|. Rückgabe: Shape ``y_true.shape[:-1]``,
    wie ``keras.losses.mean_absolute_error``.
    """
    true, pred = _pair(y_true, y_pred)
    return np.mean(np.abs(pred - true), axis=-1)


def mean_squared_error(y_true: ArrayLike, y_pred: ArrayLike) -> np.ndarray:
    """Mittlerer quadratischer Fehler: ``mean((y_pred − y_true)²)``, letzte Achse.

    Große Abweichungen zählen durch das Quadrat überproportional. Rückgabe:
    Shape ``y_true.shape[:-1]``, wie ``keras.losses.mean_squared_error``.
    """
    true, pred = _pair(y_true, y_pred)
    return np.mean((pred - true) ** 2, axis=-1)


# ── Klassifikation: Kreuzentropie ────────────────────────────────────────────


def binary_crossentropy(
    y_true: ArrayLike, y_pred: ArrayLike, epsilon: float = EPSILON
) -> np.ndarray:
    """Binäre Kreuzentropie für Ja/Nein-Ausgaben (Sigmoid), Mittel der letzten Achse.

    Pro Wert: ``−(y · ln p + (1 − y) · ln(1 − p))`` mit ``p`` auf
    ``[epsilon, 1 − epsilon]`` begrenzt. ``y_true`` enthält 0 oder 1
    (geglättete Labels dazwischen sind erlaubt), ``y_pred`` Wahrscheinlichkeiten.
    Rückgabe: Shape ``y_true.shape[:-1]``, wie ``keras.losses.binary_crossentropy``.
    """
    true, pred = _pair(y_true, y_pred)
    epsilon = _check_epsilon(epsilon)
    if true.min() < 0 or true.max() > 1:
        raise ValueError(
            f"y_true muss Labels zwischen 0 und 1 enthalten (0 = nein, 1 = ja), "
            f"gefunden: {true.min():.4g} bis {true.max():.4g}."
        )
    _check_probabilities(pred, "Sigmoid")
    p = _clip(pred, epsilon)
    per_value = -(_y_log(true, p) + _y_log(1.0 - true, 1.0 - p))
    return np.mean(per_value, axis=-1)


def categorical_crossentropy(
    y_true: ArrayLike, y_pred: ArrayLike, epsilon: float = EPSILON
) -> np.ndarray:
    """Kategoriale Kreuzentropie: ``−Σ y · ln p`` über die letzte Achse (die Klassen).

    ``y_true``: One-Hot-Vektoren (allgemeiner: jede Zeile eine Verteilung mit
    Summe 1). ``y_pred``: Wahrscheinlichkeiten, jede Zeile summiert sich zu 1
    (die Ausgabe einer Softmax-Schicht). Bei einem One-Hot-Label bleibt von der
    Summe nur ``−ln p`` der richtigen Klasse übrig.

    Wie Keras teilen wir jede Zeile noch durch ihre Summe (gleicht
    Rundungsfehler aus) und begrenzen ``p`` auf ``[epsilon, 1 − epsilon]``.
    Der größtmögliche Verlust pro Sample ist daher ``−ln(1e-7) ≈ 16.12``.
    Rückgabe: Shape ``y_true.shape[:-1]``, wie
    ``keras.losses.categorical_crossentropy``.
    """
    true, pred = _pair(y_true, y_pred, classes=True)
    epsilon = _check_epsilon(epsilon)
    if true.min() < 0 or true.max() > 1 or not _row_sums_are_one(true):
        raise ValueError(
            "Jede Zeile von y_true muss ein One-Hot-Vektor sein (eine 1 an der "
            "Stelle der richtigen Klasse, sonst 0) – allgemeiner eine "
            "Verteilung mit Werten in [0, 1] und Summe 1. Gefunden: Werte "
            f"{true.min():.4g} bis {true.max():.4g}, Zeilensummen "
            f"{true.sum(axis=-1).min():.4g} bis {true.sum(axis=-1).max():.4g}."
        )
    _check_probabilities(pred, "Softmax")
    if not _row_sums_are_one(pred):
        sums = pred.sum(axis=-1)
        raise ValueError(
            "Jede Zeile von y_pred muss sich zu 1 summieren (eine "
            "Wahrscheinlichkeit pro Klasse), gefunden: Zeilensummen "
            f"{sums.min():.4g} bis {sums.max():.4g}. Kommt y_pred aus einer "
            "Softmax-Schicht?"
        )
    p = _clip(pred / pred.sum(axis=-1, keepdims=True), epsilon)
    return -np.sum(_y_log(true, p), axis=-1)


def sparse_categorical_crossentropy(
    y_true: ArrayLike, y_pred: ArrayLike, epsilon: float = EPSILON
) -> np.ndarray:
    """Kategoriale Kreuzentropie mit Klassennummern statt One-Hot-Vektoren.

    ``y_true``: Shape ``(N,)`` (oder ``(N, 1)``) mit Klassennummern
    ``0 … C−1``; ``y_pred``: Shape ``(N, C)``, jede Zeile summiert sich zu 1.
    Ergebnis pro Sample: ``−ln p`` der richtigen Klasse – dasselbe wie
    :func:`categorical_crossentropy` mit One-Hot-Labels. Rückgabe: Shape
    ``(N,)``, wie ``keras.losses.sparse_categorical_crossentropy``.
    """
    pred = _as_float_array(y_pred, "y_pred")
    if pred.ndim != 2:
        raise ValueError(
            f"y_pred muss die Shape (N, Klassen) haben, bekommen: {pred.shape}."
        )
    labels = _as_float_array(y_true, "y_true")
    if labels.ndim == 2 and labels.shape[1] == 1:
        labels = labels[:, 0]  # (N, 1) → (N,)
    if labels.shape != pred.shape[:1]:
        hint = ""
        if labels.shape == pred.shape:
            hint = (
                " y_true sieht nach One-Hot-Vektoren aus: Nimm dafür "
                "categorical_crossentropy."
            )
        raise ValueError(
            f"y_true muss eine Klassennummer pro Sample enthalten, Shape "
            f"({pred.shape[0]},), bekommen: {labels.shape}.{hint}"
        )
    if not np.array_equal(labels, np.round(labels)):
        raise ValueError(
            "y_true muss ganze Zahlen (Klassennummern) enthalten, gefunden: "
            f"{labels[labels != np.round(labels)][0]:.4g}."
        )
    classes = check_labels(labels.astype(np.int64), num_classes=pred.shape[1])
    epsilon = _check_epsilon(epsilon)
    _check_probabilities(pred, "Softmax")
    if not _row_sums_are_one(pred):
        sums = pred.sum(axis=-1)
        raise ValueError(
            "Jede Zeile von y_pred muss sich zu 1 summieren (eine "
            "Wahrscheinlichkeit pro Klasse), gefunden: Zeilensummen "
            f"{sums.min():.4g} bis {sums.max():.4g}. Kommt y_pred aus einer "
            "Softmax-Schicht?"
        )
    p = _clip(pred / pred.sum(axis=-1, keepdims=True), epsilon)
    with np.errstate(divide="ignore"):
        return -np.log(p[np.arange(len(p)), classes])


# ── Der Verlustscore im Training ─────────────────────────────────────────────


class BatchLossHistory(keras.callbacks.Callback):
    """Keras-Callback: den Verlustscore jedes einzelnen Batches aufzeichnen.

    Keras meldet nach jedem Batch nicht dessen Verlust, sondern den
    Mittelwert seit Beginn der Epoche (diese Zahl zeigt auch der
    Fortschrittsbalken von ``fit``). Daraus rechnen wir den Verlust des
    k-ten Batches zurück: ``k · m_k − (k − 1) · m_(k−1)``. Das ist exakt, wenn
    alle Batches gleich groß sind – also wenn ``batch_size`` die Zahl der
    Trainingssamples ohne Rest teilt.

    Nach ``fit`` stehen bereit: ``losses`` (Verlust je Batch, gemessen vor dem
    Anpassen der Gewichte), ``running_means`` (was Keras meldet) und
    ``epochs`` (Nummer der Epoche je Batch, ab 1).
    """

    def __init__(self) -> None:
        super().__init__()
        self.losses: list[float] = []
        self.running_means: list[float] = []
        self.epochs: list[int] = []
        self._epoch = 0
        self._previous_mean = 0.0

    def on_train_begin(self, logs: dict[str, Any] | None = None) -> None:
        self.losses, self.running_means, self.epochs = [], [], []

    def on_epoch_begin(self, epoch: int, logs: dict[str, Any] | None = None) -> None:
        self._epoch = epoch + 1
        self._previous_mean = 0.0

    def on_train_batch_end(
        self, batch: int, logs: dict[str, Any] | None = None
    ) -> None:
        if not logs or "loss" not in logs:
            raise KeyError("Keras hat nach dem Batch keinen Wert „loss“ gemeldet.")
        mean = float(logs["loss"])
        count = batch + 1  # Batches seit Beginn der Epoche
        self.losses.append(count * mean - (count - 1) * self._previous_mean)
        self.running_means.append(mean)
        self.epochs.append(self._epoch)
        self._previous_mean = mean
