"""Eingaben prüfen – alle Prüfungen der Bibliothek an einer Stelle.

Die öffentlichen Funktionen der anderen Module rufen diese Prüfungen gleich am
Anfang auf. So bekommt, wer etwas Falsches übergibt, eine deutsche Meldung, die
sagt, was erwartet war – statt eines Fehlers tief in NumPy oder Keras. Der
eigentliche Code der Lektionen bleibt dadurch frei von Prüfungen.
"""

from __future__ import annotations

import math
from numbers import Real
from typing import Any

import numpy as np

#: NumPy-Array, Liste oder Skalar – alles, was ``np.asarray`` versteht
ArrayLike = Any


class MnistDataError(ValueError):
    """Daten passen nicht zu dem, was eine Funktion erwartet."""


# ── Zahlen (Hyperparameter) ─────────────────────────────────────────────────


def number(name: str, value: Any) -> float:
    """Reelle, endliche Zahl (kein bool) → float."""
    if isinstance(value, bool) or not isinstance(value, Real):
        raise TypeError(
            f"{name} muss eine Zahl sein, bekommen: {value!r} "
            f"(Typ {type(value).__name__})."
        )
    value = float(value)
    if not math.isfinite(value):
        raise ValueError(f"{name} muss eine endliche Zahl sein, bekommen: {value}.")
    return value


def positive(name: str, value: Any) -> float:
    """Endliche Zahl größer als 0 (Lernrate, epsilon …)."""
    value = number(name, value)
    if value <= 0:
        raise ValueError(f"{name} muss größer als 0 sein, bekommen: {value}.")
    return value


def non_negative(name: str, value: Any) -> float:
    """Endliche Zahl ≥ 0."""
    value = number(name, value)
    if value < 0:
        raise ValueError(f"{name} darf nicht negativ sein, bekommen: {value}.")
    return value


def unit_interval(name: str, value: Any) -> float:
    """Zahl im halboffenen Intervall [0, 1) (Impuls, Zerfallsraten, Dropout-Rate)."""
    value = number(name, value)
    if not 0.0 <= value < 1.0:
        raise ValueError(
            f"{name} muss im Bereich [0, 1) liegen (0 ≤ {name} < 1), bekommen: {value}."
        )
    return value


def learning_rate(value: Any) -> float:
    """Die Lernrate: größer als 0, sonst ginge der Schritt bergauf."""
    value = number("learning_rate (die Lernrate)", value)
    if value <= 0:
        raise ValueError(
            f"Die Lernrate (learning_rate) muss größer als 0 sein, bekommen: {value}. "
            "Eine negative Lernrate würde bergauf statt bergab gehen."
        )
    return value


def count(name: str, value: Any, minimum: int = 1) -> int:
    """Ganze Zahl ≥ ``minimum`` (Neuronen, Epochen, Batch-Größe …)."""
    if isinstance(value, bool) or not isinstance(value, int | np.integer):
        raise TypeError(f"{name} muss eine ganze Zahl sein, bekommen: {value!r}.")
    if value < minimum:
        raise ValueError(f"{name} muss mindestens {minimum} sein, bekommen: {value}.")
    return int(value)


def flag(name: str, value: Any) -> bool:
    """True oder False – keine 0/1, kein Text."""
    if not isinstance(value, bool | np.bool_):
        raise TypeError(f"{name} muss True oder False sein, bekommen: {value!r}.")
    return bool(value)


# ── Arrays ──────────────────────────────────────────────────────────────────


def float_array(values: ArrayLike, name: str, *, min_ndim: int = 0) -> np.ndarray:
    """Eingabe als Gleitkomma-Array ohne NaN und ±∞.

    Gleitkomma-Arrays behalten ihren dtype (float32 bleibt float32), ganze
    Zahlen werden zu float64; bool, Texte und Objekte sind Fehler.
    """
    try:
        array = np.asarray(values)
    except (TypeError, ValueError) as error:  # z. B. ungleich lange Listen
        raise TypeError(
            f"{name} lässt sich nicht in ein NumPy-Array umwandeln: {error}"
        ) from error
    if np.issubdtype(array.dtype, np.integer):
        array = array.astype(np.float64)
    elif not np.issubdtype(array.dtype, np.floating):
        raise TypeError(
            f"{name} muss aus reellen Zahlen (int oder float) bestehen, "
            f"bekommen: dtype {array.dtype}."
        )
    if array.ndim < min_ndim:
        raise ValueError(
            f"{name} braucht mindestens {min_ndim} Achse(n), bekommen: "
            f"Shape {array.shape}."
        )
    finite(array, name)
    return array


def finite(array: np.ndarray, name: str) -> None:
    """Kein NaN, kein ±∞ – schnell: Die Summe ist endlich, wenn alle Werte es sind."""
    if not array.size or not np.issubdtype(array.dtype, np.floating):
        return
    with np.errstate(over="ignore", invalid="ignore"):
        total = np.sum(array)
    # Nicht endlich: NaN/∞ darin – oder nur eine übergelaufene Summe riesiger Werte
    if not np.isfinite(total) and not np.isfinite(array).all():
        raise ValueError(
            f"{name} enthält NaN (keine Zahl) oder unendliche Werte; damit lässt "
            "sich nicht rechnen. Oft ist vorher etwas schiefgelaufen, z. B. ein "
            "Training mit zu großer Lernrate."
        )


def labels(
    values: ArrayLike, num_classes: int = 10, n_samples: int | None = None
) -> np.ndarray:
    """Klassennummern: 1D, ganzzahlig, jede zwischen 0 und ``num_classes − 1``.

    Mit ``n_samples``: genau ein Label pro Sample.
    """
    array = np.asarray(values)
    if array.ndim == 2 and array.shape[1] == num_classes and num_classes > 1:
        raise MnistDataError(
            f"Die Labels sehen nach One-Hot-Vektoren aus (Shape {array.shape}); "
            "erwartet sind Klassennummern, eine pro Sample. Mit "
            "labels.argmax(axis=1) bekommst du sie zurück."
        )
    if array.ndim != 1:
        raise MnistDataError(
            f"Labels müssen ein 1D-Array sein (eine Klasse pro Sample), "
            f"bekommen: Shape {array.shape}."
        )
    if not np.issubdtype(array.dtype, np.integer):
        raise MnistDataError(
            f"Labels müssen ganze Zahlen sein (Klassennummern), bekommen: "
            f"dtype {array.dtype}."
        )
    if array.size and (array.min() < 0 or array.max() >= num_classes):
        raise MnistDataError(
            f"Labels müssen zwischen 0 und {num_classes - 1} liegen, gefunden: "
            f"Minimum {array.min()}, Maximum {array.max()}."
        )
    if n_samples is not None and len(array) != n_samples:
        raise MnistDataError(
            f"x hat {n_samples} Samples, die Labels aber {len(array)} Einträge; "
            "es braucht genau ein Label pro Sample."
        )
    return array
