"""Aktivierungsfunktionen f(u) und ihre Ableitungen f'(u), von Hand in NumPy.

Zu jeder Funktion der Lektion „Das Neuron und Aktivierungsfunktionen“ gibt es
die Ableitung ``*_derivative``. Die elementweisen Funktionen wirken auf jede
gewichtete Summe u einzeln. Softmax und Log-Softmax wirken auf einen ganzen
Vektor von Logits u_k (eine Achse); statt einer Ableitung pro Wert haben sie
eine Jacobi-Matrix (``*_jacobian``) und ein Vektor-Jacobi-Produkt (``*_vjp``),
wie es die Backpropagation braucht.

Alle Funktionen nehmen ganze Zahlen oder Gleitkommazahlen (auch Listen und
Skalare) und geben Gleitkommazahlen zurück; float32 bleibt float32. Sie sind
numerisch stabil: Auch sehr große oder sehr kleine u erzeugen weder Überlauf
noch NaN. Die Eingaben prüft :mod:`mnist_lib.checks`.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np

from mnist_lib import checks
from mnist_lib.checks import ArrayLike

# ── Schwellenwertfunktion ───────────────────────────────────────────────────


def step(u: ArrayLike) -> np.ndarray:
    """Schwellenwertfunktion: 0 für u < 0, sonst 1 (auch bei u = 0).

    Dasselbe wie ``np.heaviside(u, 1)``.
    """
    u = checks.float_array(u, "u")
    return (u >= 0).astype(u.dtype)


def step_derivative(u: ArrayLike) -> np.ndarray:
    """Ableitung der Schwellenwertfunktion: überall 0.

    Bei u = 0 ist die Stufe nicht differenzierbar; wie TensorFlow an Knicken
    nehmen wir dort 0. Mit dieser Ableitung kann ein Gradientenabstieg nichts
    lernen.
    """
    return np.zeros_like(checks.float_array(u, "u"))


# ── Sigmoid und Tangens hyperbolicus ────────────────────────────────────────


def sigmoid(u: ArrayLike) -> np.ndarray:
    """Sigmoid σ(u) = 1 / (1 + e^(−u)), Werte in (0, 1).

    Für u < 0 rechnen wir mit der gleichwertigen Form e^u / (1 + e^u). Beides
    zusammen ist e^min(u, 0) / (1 + e^(−|u|)): So bekommt ``np.exp`` nur
    Argumente ≤ 0 und läuft nie über.
    """
    u = checks.float_array(u, "u")
    return np.exp(np.minimum(u, 0)) / (1 + np.exp(-np.abs(u)))


def sigmoid_derivative(u: ArrayLike) -> np.ndarray:
    """σ'(u) = σ(u) · (1 − σ(u)) = σ(u) · σ(−u), höchstens 0,25.

    σ(−u) statt 1 − σ(u): Für große u wäre 1 − σ(u) durch Rundung genau 0.
    """
    u = checks.float_array(u, "u")
    return sigmoid(u) * sigmoid(-u)


def tanh(u: ArrayLike) -> np.ndarray:
    """Tangens hyperbolicus tanh u = (e^u − e^(−u)) / (e^u + e^(−u)), Werte in (−1, 1).

    Eine verschobene und gestreckte Sigmoid: tanh u = 2 σ(2u) − 1.
    """
    return np.tanh(checks.float_array(u, "u"))


def tanh_derivative(u: ArrayLike) -> np.ndarray:
    """tanh'(u) = 1 − tanh² u, höchstens 1."""
    return 1 - np.tanh(checks.float_array(u, "u")) ** 2


# ── ReLU und Verwandte ──────────────────────────────────────────────────────


def relu(u: ArrayLike) -> np.ndarray:
    """ReLU (rectified linear unit): max(0, u)."""
    return np.maximum(checks.float_array(u, "u"), 0)


def relu_derivative(u: ArrayLike) -> np.ndarray:
    """1 für u > 0, sonst 0 (am Knick u = 0 wie TensorFlow: 0)."""
    u = checks.float_array(u, "u")
    return (u > 0).astype(u.dtype)


def relu6(u: ArrayLike) -> np.ndarray:
    """ReLU6: min(max(0, u), 6) – ReLU, nach oben bei 6 gekappt."""
    return np.clip(checks.float_array(u, "u"), 0, 6)


def relu6_derivative(u: ArrayLike) -> np.ndarray:
    """1 für 0 < u < 6, sonst 0 (an beiden Knicken 0)."""
    u = checks.float_array(u, "u")
    return ((u > 0) & (u < 6)).astype(u.dtype)


def elu(u: ArrayLike, alpha: float = 1.0) -> np.ndarray:
    """ELU (exponential linear unit): u für u > 0, sonst α (e^u − 1).

    Für sehr negative u nähert sich ELU dem Wert −α. ``np.expm1`` rechnet
    e^u − 1 auch für u nahe 0 genau.
    """
    u, alpha = checks.float_array(u, "u"), checks.non_negative("alpha", alpha)
    # max(u, 0) + α (e^min(u, 0) − 1): je Seite bleibt ein Summand, e^u nur für u ≤ 0
    return np.maximum(u, 0) + alpha * np.expm1(np.minimum(u, 0))


def elu_derivative(u: ArrayLike, alpha: float = 1.0) -> np.ndarray:
    """1 für u > 0, sonst α e^u."""
    u, alpha = checks.float_array(u, "u"), checks.non_negative("alpha", alpha)
    return np.where(u > 0, 1.0, alpha * np.exp(np.minimum(u, 0)))


# ── Softplus und Softsign ───────────────────────────────────────────────────


def softplus(u: ArrayLike) -> np.ndarray:
    """Softplus ln(1 + e^u), eine glatte ReLU.

    Stabil geschrieben als max(u, 0) + ln(1 + e^(−|u|)): ``np.exp`` bekommt nur
    Argumente ≤ 0, und ``np.log1p`` bleibt auch für winzige Werte genau.
    """
    u = checks.float_array(u, "u")
    return np.maximum(u, 0) + np.log1p(np.exp(-np.abs(u)))


def softplus_derivative(u: ArrayLike) -> np.ndarray:
    """Die Ableitung von Softplus ist die Sigmoid σ(u)."""
    return sigmoid(u)


def softsign(u: ArrayLike) -> np.ndarray:
    """Softsign u / (1 + |u|), Werte in (−1, 1); nähert sich ±1 langsamer als tanh."""
    u = checks.float_array(u, "u")
    return u / (1 + np.abs(u))


def softsign_derivative(u: ArrayLike) -> np.ndarray:
    """1 / (1 + |u|)²."""
    return 1 / (1 + np.abs(checks.float_array(u, "u"))) ** 2


# ── Softmax und Log-Softmax (wirken auf eine ganze Achse) ───────────────────


def softmax(u: ArrayLike, axis: int = -1) -> np.ndarray:
    """Softmax entlang ``axis``: ŷ_k = e^(u_k) / Σ_j e^(u_j).

    Die ŷ_k sind positiv und summieren sich zu 1 – Wahrscheinlichkeiten der
    Klassen. Stabil, weil wir vorher das Maximum abziehen: Das ändert das
    Ergebnis nicht, aber der größte Exponent ist dann 0.
    """
    u = checks.float_array(u, "u")
    axis = checks.softmax_axis(u, axis)
    e = np.exp(u - u.max(axis=axis, keepdims=True))
    return e / e.sum(axis=axis, keepdims=True)


def log_softmax(u: ArrayLike, axis: int = -1) -> np.ndarray:
    """Log-Softmax entlang ``axis``: ln ŷ_k = u_k − ln Σ_j e^(u_j).

    Direkt berechnet statt ``np.log(softmax(u))``: Dort würde eine sehr kleine
    Wahrscheinlichkeit erst zu 0 gerundet und ihr Logarithmus dann −∞.
    """
    u = checks.float_array(u, "u")
    axis = checks.softmax_axis(u, axis)
    shifted = u - u.max(axis=axis, keepdims=True)
    return shifted - np.log(np.exp(shifted).sum(axis=axis, keepdims=True))


def softmax_vjp(u: ArrayLike, upstream: ArrayLike, axis: int = -1) -> np.ndarray:
    """Vektor-Jacobi-Produkt der Softmax: der Gradient des Verlusts nach den u_j.

    ``upstream`` enthält ∂L/∂ŷ_k (gleiche Shape wie u). Zurück kommt
    ∂L/∂u_j = ŷ_j (∂L/∂ŷ_j − Σ_k ∂L/∂ŷ_k · ŷ_k) – das, was die Backpropagation
    und ``tf.GradientTape`` berechnen, ohne die Jacobi-Matrix aufzustellen.
    """
    u = checks.float_array(u, "u")
    g = checks.same_shape(upstream, "upstream", u)
    y_hat = softmax(u, axis)
    return y_hat * (g - np.sum(g * y_hat, axis=axis, keepdims=True))


def log_softmax_vjp(u: ArrayLike, upstream: ArrayLike, axis: int = -1) -> np.ndarray:
    """Vektor-Jacobi-Produkt der Log-Softmax: ∂L/∂u_j = g_j − ŷ_j Σ_k g_k."""
    u = checks.float_array(u, "u")
    g = checks.same_shape(upstream, "upstream", u)
    return g - softmax(u, axis) * np.sum(g, axis=axis, keepdims=True)


def softmax_jacobian(u: ArrayLike) -> np.ndarray:
    """Jacobi-Matrix der Softmax entlang der letzten Achse.

    Für K Logits die K × K-Matrix ∂ŷ_k/∂u_j = ŷ_k (𝟙[k = j] − ŷ_j); bei einem
    Batch der Shape (N, K) hat das Ergebnis die Shape (N, K, K).
    """
    y_hat = softmax(u)
    identity = np.eye(y_hat.shape[-1], dtype=y_hat.dtype)
    return y_hat[..., :, None] * (identity - y_hat[..., None, :])


def log_softmax_jacobian(u: ArrayLike) -> np.ndarray:
    """Jacobi-Matrix der Log-Softmax entlang der letzten Achse: 𝟙[k = j] − ŷ_j."""
    y_hat = softmax(u)
    return np.eye(y_hat.shape[-1], dtype=y_hat.dtype) - y_hat[..., None, :]


# ── Alle Funktionen an einem Ort ────────────────────────────────────────────

_Activation = Callable[..., np.ndarray]

#: Elementweise Funktionen in der Reihenfolge der Lektion: Name → (f, f')
ELEMENTWISE: dict[str, tuple[_Activation, _Activation]] = {
    "step": (step, step_derivative),
    "sigmoid": (sigmoid, sigmoid_derivative),
    "tanh": (tanh, tanh_derivative),
    "relu": (relu, relu_derivative),
    "relu6": (relu6, relu6_derivative),
    "elu": (elu, elu_derivative),
    "softplus": (softplus, softplus_derivative),
    "softsign": (softsign, softsign_derivative),
}
