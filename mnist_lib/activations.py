"""Aktivierungsfunktionen und ihre Ableitungen, von Hand in NumPy.

Jede Funktion der Lektion „Das Neuron und Aktivierungsfunktionen“ gibt es hier
zweimal: als Funktion ``f(x)`` und als Ableitung ``f_derivative(x)``. Die
elementweisen Funktionen wirken auf jeden Wert einzeln; ``softmax`` und
``log_softmax`` wirken auf einen ganzen Vektor (eine Achse) und haben darum statt
einer Ableitung pro Wert eine Jacobi-Matrix (``*_jacobian``) und ein
Vektor-Jacobi-Produkt (``*_vjp``), wie es die Backpropagation braucht.

Alle Funktionen nehmen Zahlen (ganze Zahlen oder Gleitkommazahlen, auch
Python-Listen und Skalare), geben Gleitkommazahlen zurück und sind numerisch
stabil: Auch sehr große oder sehr kleine Eingaben erzeugen weder Überläufe noch
NaN. Die Tests vergleichen jede Funktion mit ``keras.activations`` bzw. ``tf.nn``
und jede Ableitung mit ``tf.GradientTape``.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import numpy as np

ArrayLike = Any  # NumPy-Array, Liste oder Skalar

#: Die Namen aller Aktivierungsfunktionen dieses Moduls, in der Reihenfolge der Lektion
ACTIVATION_NAMES = (
    "step",
    "sigmoid",
    "tanh",
    "relu",
    "relu6",
    "elu",
    "softplus",
    "softsign",
    "softmax",
    "log_softmax",
)

#: Deutsche Bezeichnungen für Abbildungen und Tabellen
GERMAN_NAMES = {
    "step": "Schwellenwertfunktion",
    "sigmoid": "Sigmoid",
    "tanh": "Tangens hyperbolicus",
    "relu": "ReLU",
    "relu6": "ReLU6",
    "elu": "ELU",
    "softplus": "Softplus",
    "softsign": "Softsign",
    "softmax": "Softmax",
    "log_softmax": "Log-Softmax",
}


# ── Eingaben prüfen ─────────────────────────────────────────────────────────


def _as_float_array(x: ArrayLike, name: str = "x") -> np.ndarray:
    """Eingabe als Gleitkomma-Array; deutsche Fehlermeldung bei Unsinn.

    Gleitkomma-Arrays behalten ihren dtype (float32 bleibt float32), ganze
    Zahlen werden zu float64.
    """
    try:
        array = np.asarray(x)
    except (TypeError, ValueError) as error:  # z. B. ungleich lange Listen
        raise TypeError(
            f"{name} lässt sich nicht in ein NumPy-Array umwandeln: {error}"
        ) from error
    if np.issubdtype(array.dtype, np.floating):
        pass
    elif np.issubdtype(array.dtype, np.integer):
        array = array.astype(np.float64)
    else:
        # bool, komplexe Zahlen, Texte, Objekte …
        raise TypeError(
            f"Aktivierungsfunktionen brauchen reelle Zahlen (int oder float), "
            f"{name} hat aber den dtype {array.dtype}."
        )
    if np.isnan(array).any():
        raise ValueError(
            f"{name} enthält NaN (keine Zahl); meist ist schon vorher im Netz "
            "etwas schiefgelaufen."
        )
    if np.isinf(array).any():
        raise ValueError(f"{name} enthält unendliche Werte (inf).")
    return array


def _check_axis(array: np.ndarray, axis: int) -> int:
    """Achse für Softmax prüfen und als nicht negative Zahl zurückgeben."""
    if isinstance(axis, bool) or not isinstance(axis, int | np.integer):
        raise TypeError(f"axis muss eine ganze Zahl sein, bekommen: {axis!r}.")
    if array.ndim == 0:
        raise ValueError(
            "Softmax braucht einen Vektor (mindestens eine Achse), "
            "bekommen hat sie einen Skalar."
        )
    if not -array.ndim <= axis < array.ndim:
        raise ValueError(
            f"Achse {axis} gibt es nicht: Die Eingabe hat {array.ndim} "
            f"Achse(n), erlaubt ist axis von {-array.ndim} bis {array.ndim - 1}."
        )
    axis = int(axis) % array.ndim
    if array.shape[axis] == 0:
        raise ValueError(
            f"Achse {axis} ist leer; Softmax braucht mindestens einen Wert."
        )
    return axis


# ── Schwellenwertfunktion (Stufenfunktion) ──────────────────────────────────


def step(x: ArrayLike) -> np.ndarray:
    """Schwellenwertfunktion: 0 für x < 0, sonst 1 (auch bei x = 0).

    Entspricht ``np.heaviside(x, 1)`` und dem ``if u < 0: 0 else 1`` der Lektion.
    """
    x = _as_float_array(x)
    return np.where(x < 0, 0.0, 1.0).astype(x.dtype)


def step_derivative(x: ArrayLike) -> np.ndarray:
    """Ableitung der Schwellenwertfunktion: überall 0.

    Bei x = 0 ist die Stufe nicht differenzierbar; wir geben dort wie
    TensorFlow bei Knicken einen festen Wert (0) zurück. Weil die Ableitung
    sonst überall 0 ist, kann ein Gradientenabstieg mit ihr nichts lernen.
    """
    x = _as_float_array(x)
    return np.zeros_like(x)


# ── Sigmoid und Tangens hyperbolicus ────────────────────────────────────────


def sigmoid(x: ArrayLike) -> np.ndarray:
    """Sigmoid (logistische Funktion): 1 / (1 + e^(−x)), Werte in (0, 1).

    Stabil: Für x < 0 rechnen wir mit der gleichwertigen Form
    e^x / (1 + e^x); so wird ``np.exp`` nie mit einem großen positiven
    Argument aufgerufen und läuft nicht über.
    """
    x = _as_float_array(x)
    z = np.exp(-np.abs(x))  # in (0, 1], läuft nie über
    return np.where(x >= 0, 1 / (1 + z), z / (1 + z))


def sigmoid_derivative(x: ArrayLike) -> np.ndarray:
    """Ableitung der Sigmoid: σ(x) · (1 − σ(x)) = σ(x) · σ(−x), höchstens 0,25.

    ``σ(−x)`` statt ``1 − σ(x)`` vermeidet die Auslöschung für große x
    (dort wäre ``1 − σ(x)`` exakt 0).
    """
    x = _as_float_array(x)
    return sigmoid(x) * sigmoid(-x)


def tanh(x: ArrayLike) -> np.ndarray:
    """Tangens hyperbolicus: (e^x − e^(−x)) / (e^x + e^(−x)), Werte in (−1, 1).

    Eine verschobene und gestreckte Sigmoid: tanh(x) = 2·σ(2x) − 1.
    """
    x = _as_float_array(x)
    return np.tanh(x)


def tanh_derivative(x: ArrayLike) -> np.ndarray:
    """Ableitung des Tangens hyperbolicus: 1 − tanh(x)², höchstens 1."""
    x = _as_float_array(x)
    return 1 - np.tanh(x) ** 2


# ── ReLU und Verwandte ──────────────────────────────────────────────────────


def relu(x: ArrayLike) -> np.ndarray:
    """ReLU (rectified linear unit): max(0, x)."""
    x = _as_float_array(x)
    return np.maximum(x, 0).astype(x.dtype)


def relu_derivative(x: ArrayLike) -> np.ndarray:
    """Ableitung von ReLU: 1 für x > 0, sonst 0 (am Knick x = 0 wie TensorFlow: 0)."""
    x = _as_float_array(x)
    return (x > 0).astype(x.dtype)


def relu6(x: ArrayLike) -> np.ndarray:
    """ReLU6: min(max(0, x), 6) – ReLU, nach oben bei 6 gekappt."""
    x = _as_float_array(x)
    return np.clip(x, 0, 6).astype(x.dtype)


def relu6_derivative(x: ArrayLike) -> np.ndarray:
    """Ableitung von ReLU6: 1 für 0 < x < 6, sonst 0 (an beiden Knicken 0)."""
    x = _as_float_array(x)
    return ((x > 0) & (x < 6)).astype(x.dtype)


def _check_alpha(alpha: float) -> float:
    if isinstance(alpha, bool) or not isinstance(alpha, int | float | np.number):
        raise TypeError(f"alpha muss eine Zahl sein, bekommen: {alpha!r}.")
    if not np.isfinite(alpha) or alpha < 0:
        raise ValueError(f"alpha muss eine endliche Zahl ≥ 0 sein, bekommen: {alpha}.")
    return float(alpha)


def elu(x: ArrayLike, alpha: float = 1.0) -> np.ndarray:
    """ELU (exponential linear unit): x für x > 0, sonst α · (e^x − 1).

    Für sehr negative x nähert sich ELU dem Wert −α. ``np.expm1`` rechnet
    e^x − 1 auch für x nahe 0 genau.
    """
    x = _as_float_array(x)
    alpha = _check_alpha(alpha)
    # np.minimum: e^x nur für x ≤ 0 auswerten, damit nichts überläuft
    return np.where(x > 0, x, alpha * np.expm1(np.minimum(x, 0))).astype(x.dtype)


def elu_derivative(x: ArrayLike, alpha: float = 1.0) -> np.ndarray:
    """Ableitung von ELU: 1 für x > 0, sonst α · e^x (= elu(x) + α)."""
    x = _as_float_array(x)
    alpha = _check_alpha(alpha)
    return np.where(x > 0, 1.0, alpha * np.exp(np.minimum(x, 0))).astype(x.dtype)


# ── Softplus und Softsign ───────────────────────────────────────────────────


def softplus(x: ArrayLike) -> np.ndarray:
    """Softplus: ln(1 + e^x), eine glatte ReLU.

    Stabil geschrieben als max(x, 0) + ln(1 + e^(−|x|)): ``np.exp`` bekommt nur
    Argumente ≤ 0, und ``np.log1p`` bleibt auch für winzige Werte genau.
    """
    x = _as_float_array(x)
    return np.maximum(x, 0) + np.log1p(np.exp(-np.abs(x)))


def softplus_derivative(x: ArrayLike) -> np.ndarray:
    """Ableitung von Softplus: die Sigmoid σ(x)."""
    return sigmoid(x)


def softsign(x: ArrayLike) -> np.ndarray:
    """Softsign: x / (1 + |x|), Werte in (−1, 1); nähert sich langsamer als tanh."""
    x = _as_float_array(x)
    return x / (1 + np.abs(x))


def softsign_derivative(x: ArrayLike) -> np.ndarray:
    """Ableitung von Softsign: 1 / (1 + |x|)²."""
    x = _as_float_array(x)
    return 1 / (1 + np.abs(x)) ** 2


# ── Softmax und Log-Softmax (wirken auf eine ganze Achse) ───────────────────


def softmax(x: ArrayLike, axis: int = -1) -> np.ndarray:
    """Softmax entlang ``axis``: e^(x_i) / Σ_j e^(x_j).

    Das Ergebnis ist positiv und summiert sich entlang ``axis`` zu 1 – eine
    Wahrscheinlichkeitsverteilung über die Klassen. Stabil, weil wir vorher das
    Maximum abziehen: Das ändert das Ergebnis nicht, aber der größte Exponent
    ist dann 0, und ``np.exp`` kann nicht überlaufen.
    """
    x = _as_float_array(x)
    axis = _check_axis(x, axis)
    shifted = x - np.max(x, axis=axis, keepdims=True)  # alle Werte ≤ 0
    exps = np.exp(shifted)
    return exps / np.sum(exps, axis=axis, keepdims=True)


def log_softmax(x: ArrayLike, axis: int = -1) -> np.ndarray:
    """Logarithmus der Softmax entlang ``axis``: x_i − ln Σ_j e^(x_j).

    Direkt berechnet statt ``np.log(softmax(x))``: Dort würde eine sehr kleine
    Wahrscheinlichkeit erst zu 0 gerundet und ihr Logarithmus dann −inf.
    """
    x = _as_float_array(x)
    axis = _check_axis(x, axis)
    shifted = x - np.max(x, axis=axis, keepdims=True)
    return shifted - np.log(np.sum(np.exp(shifted), axis=axis, keepdims=True))


def _check_upstream(x: np.ndarray, upstream: ArrayLike) -> np.ndarray:
    upstream = _as_float_array(upstream, name="upstream")
    if upstream.shape != x.shape:
        raise ValueError(
            f"upstream muss dieselbe Shape wie x haben: {x.shape}, "
            f"bekommen: {upstream.shape}."
        )
    return upstream


def softmax_vjp(x: ArrayLike, upstream: ArrayLike, axis: int = -1) -> np.ndarray:
    """Vektor-Jacobi-Produkt der Softmax: der Gradient nach x.

    ``upstream`` ist der Gradient des Verlusts nach der Softmax-Ausgabe s (gleiche
    Shape wie x). Zurück kommt der Gradient nach x:
    s ⊙ (upstream − Σ_j upstream_j · s_j). Das ist, was die Backpropagation und
    ``tf.GradientTape.gradient(..., output_gradients=upstream)`` berechnen,
    ohne die n × n-Jacobi-Matrix aufzustellen.
    """
    x = _as_float_array(x)
    upstream = _check_upstream(x, upstream)
    s = softmax(x, axis=axis)
    return s * (upstream - np.sum(upstream * s, axis=axis, keepdims=True))


def log_softmax_vjp(x: ArrayLike, upstream: ArrayLike, axis: int = -1) -> np.ndarray:
    """Vektor-Jacobi-Produkt der Log-Softmax: upstream − s · Σ_j upstream_j."""
    x = _as_float_array(x)
    upstream = _check_upstream(x, upstream)
    s = softmax(x, axis=axis)
    return upstream - s * np.sum(upstream, axis=axis, keepdims=True)


def softmax_jacobian(x: ArrayLike) -> np.ndarray:
    """Jacobi-Matrix der Softmax entlang der letzten Achse.

    Für einen Vektor x mit n Werten ist das die n × n-Matrix
    J[i, j] = ∂s_i/∂x_j = s_i · (δ_ij − s_j), also diag(s) − s sᵀ. Bei einem
    Batch der Shape (…, n) hat das Ergebnis die Shape (…, n, n).
    """
    x = _as_float_array(x)
    _check_axis(x, -1)
    s = softmax(x, axis=-1)
    return s[..., :, None] * (np.eye(s.shape[-1], dtype=s.dtype) - s[..., None, :])


def log_softmax_jacobian(x: ArrayLike) -> np.ndarray:
    """Jacobi-Matrix der Log-Softmax entlang der letzten Achse: δ_ij − s_j."""
    x = _as_float_array(x)
    _check_axis(x, -1)
    s = softmax(x, axis=-1)
    return np.eye(s.shape[-1], dtype=s.dtype) - s[..., None, :]


# ── Alle Funktionen an einem Ort ────────────────────────────────────────────

#: Elementweise Funktionen: Name → (Funktion, Ableitung)
ELEMENTWISE: dict[
    str, tuple[Callable[[ArrayLike], np.ndarray], Callable[[ArrayLike], np.ndarray]]
] = {
    "step": (step, step_derivative),
    "sigmoid": (sigmoid, sigmoid_derivative),
    "tanh": (tanh, tanh_derivative),
    "relu": (relu, relu_derivative),
    "relu6": (relu6, relu6_derivative),
    "elu": (elu, elu_derivative),
    "softplus": (softplus, softplus_derivative),
    "softsign": (softsign, softsign_derivative),
}


def activation_curve(name: str, x: ArrayLike) -> tuple[np.ndarray, np.ndarray]:
    """Werte und Ableitung einer Aktivierungsfunktion über den Werten ``x``.

    Für die elementweisen Funktionen ist das ``(f(x), f'(x))``. Softmax und
    Log-Softmax brauchen einen Vektor; wir nehmen für jeden Wert x die Eingabe
    [x, 0] (zwei Klassen) und geben die erste Komponente und ihre Ableitung
    nach x zurück (das Diagonalelement der Jacobi-Matrix). Für Softmax ist das
    genau die Sigmoid: softmax([x, 0])[0] = σ(x).
    """
    x = _as_float_array(x)
    if x.ndim != 1:
        raise ValueError(
            f"x muss ein Vektor sein (eine Achse), bekommen: Shape {x.shape}."
        )
    if name in ELEMENTWISE:
        function, derivative = ELEMENTWISE[name]
        return function(x), derivative(x)
    if name in ("softmax", "log_softmax"):
        pairs = np.stack([x, np.zeros_like(x)], axis=-1)  # Shape (n, 2)
        if name == "softmax":
            values, jacobian = softmax(pairs), softmax_jacobian(pairs)
        else:
            values, jacobian = log_softmax(pairs), log_softmax_jacobian(pairs)
        return values[:, 0], jacobian[:, 0, 0]
    raise ValueError(
        f"Unbekannte Aktivierungsfunktion {name!r}; bekannt sind: "
        f"{', '.join(ACTIVATION_NAMES)}."
    )
