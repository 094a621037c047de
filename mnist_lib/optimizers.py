"""Optimierer in NumPy – Schritt für Schritt nachvollziehbar.

Acht Verfahren wie in ``keras.optimizers`` (Keras 3, gleiche Namen, Voreinstellungen
und Rechenschritte): SGD, Momentum, Nesterov, Adagrad, Adadelta, RMSprop, Adam, Ftrl –
für einen Punkt auf einer Verlustfläche ebenso wie für alle Gewichte eines Netzes.
Dazu zwei Verlustflächen (Diabetes-Daten, Rosenbrock) und die TensorFlow-1-Namen.
"""

from __future__ import annotations

import abc
import inspect
import math
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import numpy as np

from mnist_lib import checks

GradientFunction = Callable[[np.ndarray], np.ndarray]
#: Zustand eines Optimierers für einen Parameter, z. B. {"m": …, "v": …} bei Adam
State = dict[str, np.ndarray]

#: Anzeigenamen für Legenden und Tabellen, in der Reihenfolge der Lektion
DISPLAY_NAMES = {
    "sgd": "SGD", "momentum": "Momentum", "nesterov": "Nesterov",
    "adagrad": "Adagrad", "adadelta": "Adadelta", "rmsprop": "RMSprop",
    "adam": "Adam", "ftrl": "Ftrl",
}  # fmt: skip
OPTIMIZER_NAMES = tuple(DISPLAY_NAMES)  # die acht Kurznamen


# ── Die Optimierer ──────────────────────────────────────────────────────────


class Optimizer(abc.ABC):
    """Gemeinsame Schnittstelle: ``step(params, grads)`` liefert neue Parameter.

    ``params`` ist ein Array (etwa der Punkt (w₁, w₂) einer Verlustfläche) oder
    eine Liste von Arrays (etwa [W⁽¹⁾, b⁽¹⁾, W⁽²⁾, …] eines Netzes), ``grads``
    die Gradienten g in derselben Form. Je Parameter merkt sich der Optimierer
    seinen Zustand (etwa m und v bei Adam, ab 0); ``reset()`` vergisst ihn.
    float32 bleibt float32. Die Klassen heißen wie in ``keras.optimizers``.
    """

    def __init__(self, learning_rate: float) -> None:
        self.learning_rate = checks.learning_rate(learning_rate)
        self.reset()

    def reset(self) -> None:
        """Zustand löschen: Schrittzähler auf 0, gleitende Mittel vergessen."""
        self.iterations = 0
        self._states: list[State] = []
        self._shapes: list[tuple[int, ...]] = []

    def get_config(self) -> dict[str, Any]:
        """Die Hyperparameter mit den Namen, die auch Keras verwendet."""
        names = inspect.signature(type(self).__init__).parameters
        return {name: getattr(self, name) for name in names if name != "self"}

    def __repr__(self) -> str:
        arguments = ", ".join(f"{k}={v!r}" for k, v in self.get_config().items())
        return f"{type(self).__name__}({arguments})"

    def to_keras(self, **overrides: Any) -> Any:
        """Das gleich eingestellte Gegenstück aus ``keras.optimizers``."""
        import keras

        keras_class = getattr(keras.optimizers, type(self).__name__)
        return keras_class(**{**self.get_config(), **overrides})

    def step(self, params: Any, grads: Any) -> Any:
        """Einen Schritt gehen: neue Parameter aus Parametern und Gradienten.

        Ein Array ergibt ein Array, eine Liste von Arrays eine Liste.
        """
        params, grads, many = checks.parameters_and_gradients(params, grads)
        if not self._states:
            self._states = [{} for _ in params]
            self._shapes = [w.shape for w in params]
        checks.known_shapes(params, self._shapes)
        new = [
            self._update(w, g, state)
            for w, g, state in zip(params, grads, self._states, strict=True)
        ]
        self.iterations += 1
        return new if many else new[0]

    @abc.abstractmethod
    def _update(self, w: np.ndarray, g: np.ndarray, state: State) -> np.ndarray:
        """Die Formel des Verfahrens für einen Parameter; ``state`` gehört zu ihm."""


class SGD(Optimizer):
    """Gradientenabstieg, wahlweise mit Impuls (Momentum) und nach Nesterov.

    Ohne Impuls: ``w ← w − η·g``. Mit Impuls ``β`` (Keras: ``momentum``):
    ``m ← β·m − η·g`` und ``w ← w + m``; mit ``nesterov=True``
    ``w ← w + β·m − η·g``. Anders als Keras verlangen wir ``momentum < 1``:
    Mit 1 klänge der Impuls nie ab.
    """

    def __init__(
        self, learning_rate: float = 0.01, momentum: float = 0.0, nesterov: bool = False
    ) -> None:
        self.momentum = checks.unit_interval("momentum", momentum)
        self.nesterov = checks.flag("nesterov", nesterov)
        super().__init__(learning_rate)

    def _update(self, w: np.ndarray, g: np.ndarray, state: State) -> np.ndarray:
        lr, beta = self.learning_rate, self.momentum
        if beta == 0:
            return w - lr * g
        m = state["m"] = beta * state.get("m", 0) - lr * g
        if self.nesterov:
            return w + (beta * m - lr * g)  # vorausschauend: Impuls plus Gradient
        return w + m


class Adagrad(Optimizer):
    """Adagrad: Lernrate je Parameter, geteilt durch die Wurzel der Summe aller g².

    ``v ← v + g²`` (v beginnt bei ``initial_accumulator_value``) und
    ``w ← w − η·g / √(v + ε)``.
    """

    def __init__(
        self,
        learning_rate: float = 0.001,
        initial_accumulator_value: float = 0.1,
        epsilon: float = 1e-7,
    ) -> None:
        self.initial_accumulator_value = checks.non_negative(
            "initial_accumulator_value", initial_accumulator_value
        )
        self.epsilon = checks.positive("epsilon", epsilon)
        super().__init__(learning_rate)

    def _update(self, w: np.ndarray, g: np.ndarray, state: State) -> np.ndarray:
        v = state["v"] = state.get("v", self.initial_accumulator_value) + g**2
        return w - self.learning_rate * g / np.sqrt(v + self.epsilon)


class Adadelta(Optimizer):
    """Adadelta: gleitende Mittel von g² und von den eigenen Schritten Δw².

    ``v ← ρ·v + (1−ρ)·g²``, ``Δw = −√(v_Δw + ε) / √(v + ε) · g``,
    ``v_Δw ← ρ·v_Δw + (1−ρ)·Δw²`` und ``w ← w + η·Δw``.
    """

    def __init__(
        self, learning_rate: float = 0.001, rho: float = 0.95, epsilon: float = 1e-7
    ) -> None:
        self.rho = checks.unit_interval("rho", rho)
        self.epsilon = checks.positive("epsilon", epsilon)
        super().__init__(learning_rate)

    def _update(self, w: np.ndarray, g: np.ndarray, state: State) -> np.ndarray:
        rho, eps = self.rho, self.epsilon
        v_delta = state.get("v_delta", np.zeros_like(g))
        v = state["v"] = rho * state.get("v", 0) + (1 - rho) * g**2
        delta = -np.sqrt(v_delta + eps) * g / np.sqrt(v + eps)
        state["v_delta"] = rho * v_delta + (1 - rho) * delta**2
        return w + self.learning_rate * delta


class RMSprop(Optimizer):
    """RMSprop: Gradient geteilt durch die Wurzel eines gleitenden Mittels von g².

    ``v ← ρ·v + (1−ρ)·g²`` und ``w ← w − η·g / √(v + ε)`` (ε unter der Wurzel,
    wie in Keras 3). Mit ``centered=True`` wird zusätzlich das Quadrat des
    gleitenden Mittels m der Gradienten abgezogen, mit ``momentum > 0`` laufen
    die Schritte über einen Impuls.
    """

    def __init__(
        self,
        learning_rate: float = 0.001,
        rho: float = 0.9,
        momentum: float = 0.0,
        epsilon: float = 1e-7,
        centered: bool = False,
    ) -> None:
        self.rho = checks.unit_interval("rho", rho)
        self.momentum = checks.unit_interval("momentum", momentum)
        self.epsilon = checks.positive("epsilon", epsilon)
        self.centered = checks.flag("centered", centered)
        super().__init__(learning_rate)

    def _update(self, w: np.ndarray, g: np.ndarray, state: State) -> np.ndarray:
        rho = self.rho
        v = state["v"] = rho * state.get("v", 0) + (1 - rho) * g**2
        if self.centered:
            m = state["m"] = rho * state.get("m", 0) + (1 - rho) * g
            v = v - m**2
        step = self.learning_rate * g / np.sqrt(v + self.epsilon)
        if self.momentum > 0:
            step = state["step"] = self.momentum * state.get("step", 0) + step
        return w - step


class Adam(Optimizer):
    """Adam: Impuls (1. Moment) und RMSprop-Teilung (2. Moment), mit Korrektur.

    ``m ← m + (1−β₁)(g − m)``, ``v ← v + (1−β₂)(g² − v)``,
    ``α = η·√(1−β₂ᵗ)/(1−β₁ᵗ)`` und ``w ← w − α·m / (√v + ε)``.
    """

    def __init__(
        self,
        learning_rate: float = 0.001,
        beta_1: float = 0.9,
        beta_2: float = 0.999,
        epsilon: float = 1e-7,
        amsgrad: bool = False,
    ) -> None:
        self.beta_1 = checks.unit_interval("beta_1", beta_1)
        self.beta_2 = checks.unit_interval("beta_2", beta_2)
        self.epsilon = checks.positive("epsilon", epsilon)
        self.amsgrad = checks.flag("amsgrad", amsgrad)
        super().__init__(learning_rate)

    def _update(self, w: np.ndarray, g: np.ndarray, state: State) -> np.ndarray:
        t, m, v = self.iterations + 1, state.get("m", 0), state.get("v", 0)
        # math.sqrt: eine Python-Zahl, damit float32 float32 bleibt
        alpha = (
            self.learning_rate * math.sqrt(1 - self.beta_2**t) / (1 - self.beta_1**t)
        )
        m = state["m"] = m + (g - m) * (1 - self.beta_1)
        v = state["v"] = v + (g**2 - v) * (1 - self.beta_2)
        if self.amsgrad:  # nie kleiner werdender Nenner
            v = state["v_max"] = np.maximum(state.get("v_max", 0), v)
        return w - m * alpha / (np.sqrt(v) + self.epsilon)


class Ftrl(Optimizer):
    """Ftrl („Follow The Regularized Leader“): Gewichte aus aufsummierten Gradienten.

    ``v`` summiert g² (ab ``initial_accumulator_value``), ``z`` die Gradienten,
    korrigiert um die Änderung der Lernrate je Parameter. Die neuen Gewichte
    werden jedes Mal aus ``z`` und ``v`` *neu berechnet*:
    ``w = (clip(z, −λ₁, λ₁) − z) / (v^(−p)/η + 2λ₂)`` mit ``p`` =
    ``learning_rate_power``. Ohne Regularisierung ist das ``w = −η·z / √v``.
    """

    def __init__(
        self,
        learning_rate: float = 0.001,
        learning_rate_power: float = -0.5,
        initial_accumulator_value: float = 0.1,
        l1_regularization_strength: float = 0.0,
        l2_regularization_strength: float = 0.0,
        l2_shrinkage_regularization_strength: float = 0.0,
        beta: float = 0.0,
    ) -> None:
        self.learning_rate_power = checks.non_positive(
            "learning_rate_power", learning_rate_power
        )
        self.initial_accumulator_value = checks.non_negative(
            "initial_accumulator_value", initial_accumulator_value
        )
        self.l1_regularization_strength = checks.non_negative(
            "l1_regularization_strength", l1_regularization_strength
        )
        self.l2_regularization_strength = checks.non_negative(
            "l2_regularization_strength", l2_regularization_strength
        )
        self.l2_shrinkage_regularization_strength = checks.non_negative(
            "l2_shrinkage_regularization_strength", l2_shrinkage_regularization_strength
        )
        self.beta = checks.non_negative("beta", beta)
        super().__init__(learning_rate)

    def _update(self, w: np.ndarray, g: np.ndarray, state: State) -> np.ndarray:
        lr, power = self.learning_rate, -self.learning_rate_power
        l1 = self.l1_regularization_strength
        l2 = self.l2_regularization_strength + self.beta / (2.0 * lr)
        grad = g + 2 * self.l2_shrinkage_regularization_strength * w
        old = state.get("v", self.initial_accumulator_value)
        new = state["v"] = old + g**2
        z = state["z"] = state.get("z", 0) + grad - (new**power - old**power) / lr * w
        return (np.clip(z, -l1, l1) - z) / (new**power / lr + 2 * l2)


_CLASSES = {
    c.__name__.lower(): c for c in (SGD, Adagrad, Adadelta, RMSprop, Adam, Ftrl)
}


def make_optimizer(name: str, **kwargs: Any) -> Optimizer:
    """Optimierer über seinen Kurznamen (siehe ``OPTIMIZER_NAMES``) anlegen.

    „momentum“ und „nesterov“ sind ``SGD`` mit ``momentum=0.9`` (änderbar);
    „nesterov“ setzt zusätzlich ``nesterov=True``.
    """
    key = checks.choice("Optimierer", str(name).lower(), OPTIMIZER_NAMES)
    if key in ("momentum", "nesterov"):
        kwargs.setdefault("momentum", 0.9)
        kwargs["nesterov"] = key == "nesterov"
        key = "sgd"
    return _CLASSES[key](**kwargs)


# ── Bahnen auf einer Fläche ─────────────────────────────────────────────


def run_trajectory(
    optimizer: Optimizer, gradient: GradientFunction, start: Any, steps: int = 100
) -> np.ndarray:
    """Den Weg eines Optimierers: Shape ``(steps + 1, n)``, Zeile 0 ist der Start.

    ``gradient(point)`` ist der Gradient der Verlustfunktion an ``point``. Der
    Optimierer wird vorher zurückgesetzt. Läuft der Weg davon (NaN oder ±∞), gibt
    es einen ``ValueError`` mit der Nummer des Schritts.
    """
    point = checks.start_point(start)
    steps = checks.count("steps", steps, minimum=0)
    optimizer.reset()
    points = [point]
    for number in range(1, steps + 1):
        # Überläufe melden wir unten selbst, verständlicher als NumPys Warnung.
        with np.errstate(over="ignore", invalid="ignore"):
            grad = np.asarray(gradient(point), dtype=np.float64)
            finite = bool(np.all(np.isfinite(grad)))
            if finite:
                point = optimizer.step(point, grad)
                finite = bool(np.all(np.isfinite(point)))
        if not finite:
            raise ValueError(
                f"Schritt {number}: Gradient oder Parameter sind NaN oder unendlich "
                "– der Weg ist divergiert. Eine kleinere Lernrate hilft."
            )
        points.append(point)
    return np.stack(points)


def keras_trajectory(
    optimizer: Optimizer, gradient: GradientFunction, start: Any, steps: int = 100
) -> np.ndarray:
    """Derselbe Weg, gerechnet von ``keras.optimizers`` – zum Vergleich.

    Alles in float64: TensorFlow würde Python-Zahlen auf float32 runden; darum
    bekommt Keras die Hyperparameter als ``np.float64`` und die Lernrate als
    Funktion (sonst legt Keras für sie eine float32-Variable an).
    """
    import keras

    point = checks.start_point(start)
    steps = checks.count("steps", steps, minimum=0)
    exact = {
        key: np.float64(value)
        for key, value in optimizer.get_config().items()
        if isinstance(value, float)
    }
    learning_rate = exact.pop("learning_rate")
    twin = optimizer.to_keras(**exact, learning_rate=lambda: learning_rate)
    variable = keras.Variable(point, dtype="float64", name="parameter")
    points = [point]
    for _ in range(steps):
        grad = np.asarray(gradient(points[-1]), dtype=np.float64)
        twin.apply_gradients([(keras.ops.convert_to_tensor(grad), variable)])
        points.append(np.array(variable.numpy(), dtype=np.float64))
    return np.stack(points)


# ── Zwei Verlustflächen mit zwei Parametern ──────────────────────────────


@dataclass(frozen=True)
class Surface:
    """Eine Verlustfunktion zweier Parameter, mit Gradient und Zeichenbereich.

    ``loss(x, y)`` rechnet elementweise (für Höhenlinien), ``gradient(point)``
    gibt den Gradienten an einem Punkt ``[x, y]``."""

    title: str
    loss: Callable[[np.ndarray, np.ndarray], np.ndarray]
    gradient: GradientFunction
    minimum: tuple[float, float]
    start: tuple[float, float]
    xlim: tuple[float, float]
    ylim: tuple[float, float]
    xlabel: str
    ylabel: str
    log_levels: bool = False  # Höhenlinien zum Minimum hin dichter (logarithmisch)

    def value(self, point: Any) -> float:
        """Verlust an einem Punkt ``[x, y]``."""
        x, y = np.asarray(point, dtype=np.float64)
        return float(self.loss(x, y))


def rosenbrock(x: Any, y: Any, a: float = 1.0, b: float = 100.0) -> np.ndarray:
    """Rosenbrock-Funktion ``(a − x)² + b·(y − x²)²``, Minimum 0 bei ``(a, a²)``."""
    x, y = np.asarray(x, dtype=np.float64), np.asarray(y, dtype=np.float64)
    return (a - x) ** 2 + b * (y - x**2) ** 2


def rosenbrock_gradient(point: Any, a: float = 1.0, b: float = 100.0) -> np.ndarray:
    """Gradient der Rosenbrock-Funktion an ``[x, y]``."""
    x, y = checks.float_array(point, "point").astype(np.float64)
    return np.array([-2 * (a - x) - 4 * b * x * (y - x**2), 2 * b * (y - x**2)])


def rosenbrock_surface() -> Surface:
    """Das „Bananental“ von Rosenbrock: flach, gekrümmt, Minimum bei (1, 1)."""
    return Surface(
        title="Rosenbrock-Funktion",
        loss=rosenbrock,
        gradient=rosenbrock_gradient,
        minimum=(1.0, 1.0),
        start=(-1.5, 2.0),
        xlim=(-2.0, 2.0),
        ylim=(-1.0, 3.0),
        xlabel="x",
        ylabel="y",
        log_levels=True,
    )


#: Features für die Diabetes-Fläche: Gesamtcholesterin und LDL
DIABETES_FEATURES = ("s1", "s2")


def diabetes_surface() -> Surface:
    """MSE eines linearen Neurons ``ŷ = w₁·s1 + w₂·s2 + b`` auf echten Daten.

    Diabetes-Datensatz aus scikit-learn (442 Samples), Features und Label
    standardisiert: Dann ist ``b = 0`` optimal, die Fläche hängt nur von (w₁, w₂)
    ab. Die Features sind stark korreliert (r ≈ 0,9): Das Tal ist lang und schmal.
    """
    from sklearn.datasets import load_diabetes

    data = load_diabetes()
    columns = [data.feature_names.index(name) for name in DIABETES_FEATURES]
    features = data.data[:, columns]
    features = (features - features.mean(axis=0)) / features.std(axis=0)
    target = (data.target - data.target.mean()) / data.target.std()
    n = len(target)
    # MSE(w) = mean(t²) − 2·wᵀr + wᵀCw: nur drei kleine Größen nötig
    c = features.T @ features / n  # Korrelationsmatrix, Shape (2, 2)
    r = features.T @ target / n  # Shape (2,)
    t2 = float(target @ target / n)
    best = np.linalg.solve(c, r)

    def loss(w1: Any, w2: Any) -> np.ndarray:
        w1, w2 = np.asarray(w1, dtype=np.float64), np.asarray(w2, dtype=np.float64)
        quadratic = c[0, 0] * w1**2 + 2 * c[0, 1] * w1 * w2 + c[1, 1] * w2**2
        return t2 - 2 * (r[0] * w1 + r[1] * w2) + quadratic

    def gradient(point: Any) -> np.ndarray:
        w = checks.float_array(point, "point").astype(np.float64)
        return 2 * (c @ w - r)

    return Surface(
        title="Lineares Neuron auf den Diabetes-Daten (MSE)",
        loss=loss,
        gradient=gradient,
        minimum=(float(best[0]), float(best[1])),
        start=(-2.5, 0.2),
        xlim=(-3.0, 3.0),
        ylim=(-3.0, 3.0),
        xlabel="Gewicht $w_1$ (Gesamtcholesterin)",
        ylabel="Gewicht $w_2$ (LDL)",
        log_levels=True,
    )


# ── TensorFlow 1 → Keras 3 ──────────────────────────────────────────────


@dataclass(frozen=True)
class Tf1Mapping:
    """Ein TensorFlow-1-Optimierer und sein Keras-3-Gegenstück."""

    tf1_name: str  # Name in tf.compat.v1.train
    keras_class: str  # Klasse in keras.optimizers
    keras_kwargs: dict[str, Any]  # Argumente, die das Gegenstück braucht
    renamed: dict[str, str]  # umbenannte Argumente: alter Name → neuer Name


#: Die Tabelle „TensorFlow Optimizers“ des Quellmaterials, auf Keras 3 abgebildet
TF1_TO_KERAS = (
    Tf1Mapping("GradientDescentOptimizer", "SGD", {}, {}),
    Tf1Mapping(
        "MomentumOptimizer", "SGD", {"momentum": 0.9}, {"use_nesterov": "nesterov"}
    ),
    Tf1Mapping("AdadeltaOptimizer", "Adadelta", {}, {}),
    Tf1Mapping("AdagradOptimizer", "Adagrad", {}, {}),
    Tf1Mapping("AdamOptimizer", "Adam", {}, {"beta1": "beta_1", "beta2": "beta_2"}),
    Tf1Mapping("FtrlOptimizer", "Ftrl", {}, {}),
    Tf1Mapping("RMSPropOptimizer", "RMSprop", {}, {"decay": "rho"}),
)
