"""Optimierer in NumPy – Schritt für Schritt nachvollziehbar.

Acht Verfahren, mit denselben Parameternamen, Voreinstellungen und
Rechenschritten wie ``keras.optimizers`` (Keras 3): SGD, Momentum und Nesterov
(alle drei ``keras.optimizers.SGD``), Adagrad, Adadelta, RMSprop, Adam und Ftrl.
Dazu zwei Fehlerflächen mit zwei Parametern zum Zeichnen (Diabetes-Daten aus
scikit-learn, Rosenbrock-Funktion) und die Zuordnung der TensorFlow-1-Namen zu
den Keras-3-Klassen.

Die Tests in ``tests/test_optimizers.py`` prüfen, dass jede Bahn 100 Schritte
lang mit der von Keras übereinstimmt.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass
from numbers import Real
from typing import Any, ClassVar

import numpy as np

GradientFunction = Callable[[np.ndarray], np.ndarray]

#: Kurznamen der acht Optimierer in der Reihenfolge der Lektion
OPTIMIZER_NAMES = (
    "sgd",
    "momentum",
    "nesterov",
    "adagrad",
    "adadelta",
    "rmsprop",
    "adam",
    "ftrl",
)

#: Anzeigenamen für Legenden und Tabellen
DISPLAY_NAMES = {
    "sgd": "SGD",
    "momentum": "Momentum",
    "nesterov": "Nesterov",
    "adagrad": "Adagrad",
    "adadelta": "Adadelta",
    "rmsprop": "RMSprop",
    "adam": "Adam",
    "ftrl": "Ftrl",
}

#: Impulsfaktor, den ``make_optimizer`` für „momentum“ und „nesterov“ nimmt
DEFAULT_MOMENTUM = 0.9


# ── Prüfen der Hyperparameter ────────────────────────────────────────────


def _number(name: str, value: Any) -> float:
    """Reelle, endliche Zahl (kein bool) → float, sonst klarer Fehler."""
    if isinstance(value, bool) or not isinstance(value, Real):
        raise TypeError(
            f"{name} muss eine Zahl sein, bekommen: {value!r} "
            f"(Typ {type(value).__name__})."
        )
    value = float(value)
    if not math.isfinite(value):
        raise ValueError(f"{name} muss eine endliche Zahl sein, bekommen: {value}.")
    return value


def _positive(name: str, value: Any) -> float:
    value = _number(name, value)
    if value <= 0:
        raise ValueError(f"{name} muss größer als 0 sein, bekommen: {value}.")
    return value


def _non_negative(name: str, value: Any) -> float:
    value = _number(name, value)
    if value < 0:
        raise ValueError(f"{name} darf nicht negativ sein, bekommen: {value}.")
    return value


def _unit_interval(name: str, value: Any) -> float:
    """Zahl im halboffenen Intervall [0, 1)."""
    value = _number(name, value)
    if not 0.0 <= value < 1.0:
        raise ValueError(
            f"{name} muss im Bereich [0, 1) liegen (0 ≤ {name} < 1), bekommen: {value}."
        )
    return value


def _learning_rate(value: Any) -> float:
    value = _number("learning_rate (die Lernrate)", value)
    if value <= 0:
        raise ValueError(
            f"Die Lernrate (learning_rate) muss größer als 0 sein, bekommen: {value}. "
            "Eine negative Lernrate würde bergauf statt bergab gehen."
        )
    return value


def _flag(name: str, value: Any) -> bool:
    if not isinstance(value, bool | np.bool_):
        raise TypeError(f"{name} muss True oder False sein, bekommen: {value!r}.")
    return bool(value)


def _as_vector(name: str, values: Any) -> np.ndarray:
    """Parameter oder Gradienten → float64-Array; NaN und ±∞ sind Fehler."""
    try:
        array = np.array(values, dtype=np.float64)  # Kopie: Eingabe bleibt unberührt
    except (TypeError, ValueError) as exc:
        raise TypeError(f"{name} müssen Zahlen sein, bekommen: {values!r}.") from exc
    if not np.all(np.isfinite(array)):
        hint = ""
        if name == "Gradienten":
            hint = (
                " Oft ist das Training vorher divergiert – dann hilft eine "
                "kleinere Lernrate."
            )
        raise ValueError(f"Die {name} enthalten NaN oder unendliche Werte.{hint}")
    return array


# ── Die Optimierer ──────────────────────────────────────────────────────


class Optimizer:
    """Gemeinsame Schnittstelle: ``step(params, grads)`` liefert neue Parameter.

    Der Optimierer merkt sich seinen Zustand (etwa die gleitenden Mittelwerte
    von Adam) zwischen den Schritten; ``reset()`` vergisst ihn. Die Parameter
    werden nicht verändert, ``step`` gibt ein neues float64-Array zurück.
    """

    #: Name der passenden Klasse in ``keras.optimizers``
    keras_class: ClassVar[str] = ""

    def __init__(self, learning_rate: float) -> None:
        self.learning_rate = _learning_rate(learning_rate)
        self.reset()

    def reset(self) -> None:
        """Zustand löschen: Schrittzähler auf 0, Akkumulatoren neu anlegen."""
        self.iterations = 0
        self._state: dict[str, np.ndarray] = {}
        self._shape: tuple[int, ...] | None = None

    def get_config(self) -> dict[str, Any]:
        """Die Hyperparameter mit den Namen, die auch Keras verwendet."""
        return {"learning_rate": self.learning_rate}

    def __repr__(self) -> str:
        arguments = ", ".join(f"{k}={v!r}" for k, v in self.get_config().items())
        return f"{type(self).__name__}({arguments})"

    def to_keras(self, **overrides: Any) -> Any:
        """Das gleich eingestellte Gegenstück aus ``keras.optimizers``."""
        import keras

        return getattr(keras.optimizers, self.keras_class)(
            **{**self.get_config(), **overrides}
        )

    def step(self, params: Any, grads: Any) -> np.ndarray:
        """Einen Schritt gehen: neue Parameter aus Parametern und Gradienten."""
        params = _as_vector("Parameter", params)
        grads = _as_vector("Gradienten", grads)
        if params.shape != grads.shape:
            raise ValueError(
                f"Parameter (Shape {params.shape}) und Gradienten (Shape "
                f"{grads.shape}) müssen dieselbe Shape haben."
            )
        if self._shape is None:
            self._shape = params.shape
            self._state = self._initial_state(params)
        elif params.shape != self._shape:
            raise ValueError(
                f"Dieser Optimierer wurde für Parameter der Shape {self._shape} "
                f"angelegt, bekommen: {params.shape}. Für neue Parameter erst "
                "reset() aufrufen."
            )
        new_params = self._update(params, grads)
        self.iterations += 1
        return new_params

    def _initial_state(self, params: np.ndarray) -> dict[str, np.ndarray]:
        return {}

    def _update(self, w: np.ndarray, g: np.ndarray) -> np.ndarray:
        raise NotImplementedError


class SGD(Optimizer):
    """Gradientenabstieg, wahlweise mit Impuls (Momentum) und nach Nesterov.

    Ohne Impuls: ``w ← w − η·g``. Mit Impuls ``μ``:
    ``v ← μ·v − η·g`` und ``w ← w + v``; mit ``nesterov=True``
    ``w ← w + μ·v − η·g`` (Keras-Formulierung). Anders als Keras verlangen wir
    ``momentum < 1``: Mit 1 klänge der Impuls nie ab.
    """

    keras_class = "SGD"

    def __init__(
        self, learning_rate: float = 0.01, momentum: float = 0.0, nesterov: bool = False
    ) -> None:
        self.momentum = _unit_interval("momentum", momentum)
        self.nesterov = _flag("nesterov", nesterov)
        super().__init__(learning_rate)

    def get_config(self) -> dict[str, Any]:
        return {
            **super().get_config(),
            "momentum": self.momentum,
            "nesterov": self.nesterov,
        }

    def _initial_state(self, params: np.ndarray) -> dict[str, np.ndarray]:
        return {"velocity": np.zeros_like(params)}

    def _update(self, w: np.ndarray, g: np.ndarray) -> np.ndarray:
        lr, mu = self.learning_rate, self.momentum
        if mu == 0:
            return w - lr * g
        v = self._state["velocity"] = mu * self._state["velocity"] - lr * g
        if self.nesterov:
            return w + (mu * v - lr * g)  # vorausschauend: Impuls plus Gradient
        return w + v


class Adagrad(Optimizer):
    """Adagrad: Lernrate je Parameter, geteilt durch die Wurzel der Summe aller g².

    ``a ← a + g²`` und ``w ← w − η·g / √(a + ε)``.
    """

    keras_class = "Adagrad"

    def __init__(
        self,
        learning_rate: float = 0.001,
        initial_accumulator_value: float = 0.1,
        epsilon: float = 1e-7,
    ) -> None:
        self.initial_accumulator_value = _non_negative(
            "initial_accumulator_value", initial_accumulator_value
        )
        self.epsilon = _positive("epsilon", epsilon)
        super().__init__(learning_rate)

    def get_config(self) -> dict[str, Any]:
        return {
            **super().get_config(),
            "initial_accumulator_value": self.initial_accumulator_value,
            "epsilon": self.epsilon,
        }

    def _initial_state(self, params: np.ndarray) -> dict[str, np.ndarray]:
        return {"accumulator": np.full_like(params, self.initial_accumulator_value)}

    def _update(self, w: np.ndarray, g: np.ndarray) -> np.ndarray:
        a = self._state["accumulator"] = self._state["accumulator"] + g**2
        return w - self.learning_rate * g / np.sqrt(a + self.epsilon)


class Adadelta(Optimizer):
    """Adadelta: gleitende Mittel von g² und von den eigenen Schritten Δw².

    ``E[g²] ← ρ·E[g²] + (1−ρ)·g²``,
    ``Δw = −√(E[Δw²] + ε) / √(E[g²] + ε) · g``,
    ``E[Δw²] ← ρ·E[Δw²] + (1−ρ)·Δw²`` und ``w ← w + η·Δw``.
    """

    keras_class = "Adadelta"

    def __init__(
        self, learning_rate: float = 0.001, rho: float = 0.95, epsilon: float = 1e-7
    ) -> None:
        self.rho = _unit_interval("rho", rho)
        self.epsilon = _positive("epsilon", epsilon)
        super().__init__(learning_rate)

    def get_config(self) -> dict[str, Any]:
        return {**super().get_config(), "rho": self.rho, "epsilon": self.epsilon}

    def _initial_state(self, params: np.ndarray) -> dict[str, np.ndarray]:
        return {"grad_sq": np.zeros_like(params), "delta_sq": np.zeros_like(params)}

    def _update(self, w: np.ndarray, g: np.ndarray) -> np.ndarray:
        rho, eps, state = self.rho, self.epsilon, self._state
        state["grad_sq"] = rho * state["grad_sq"] + (1 - rho) * g**2
        delta = -np.sqrt(state["delta_sq"] + eps) * g / np.sqrt(state["grad_sq"] + eps)
        state["delta_sq"] = rho * state["delta_sq"] + (1 - rho) * delta**2
        return w + self.learning_rate * delta


class RMSprop(Optimizer):
    """RMSprop: Gradient geteilt durch die Wurzel eines gleitenden Mittels von g².

    ``v ← ρ·v + (1−ρ)·g²`` und ``w ← w − η·g / √(v + ε)``; mit ``centered=True``
    wird zusätzlich das Mittel der Gradienten abgezogen, mit ``momentum > 0``
    laufen die Schritte über einen Impuls.
    """

    keras_class = "RMSprop"

    def __init__(
        self,
        learning_rate: float = 0.001,
        rho: float = 0.9,
        momentum: float = 0.0,
        epsilon: float = 1e-7,
        centered: bool = False,
    ) -> None:
        self.rho = _unit_interval("rho", rho)
        self.momentum = _unit_interval("momentum", momentum)
        self.epsilon = _positive("epsilon", epsilon)
        self.centered = _flag("centered", centered)
        super().__init__(learning_rate)

    def get_config(self) -> dict[str, Any]:
        return {
            **super().get_config(),
            "rho": self.rho,
            "momentum": self.momentum,
            "epsilon": self.epsilon,
            "centered": self.centered,
        }

    def _initial_state(self, params: np.ndarray) -> dict[str, np.ndarray]:
        zeros = np.zeros_like
        return {
            "velocity": zeros(params),
            "momentum": zeros(params),
            "mean": zeros(params),
        }

    def _update(self, w: np.ndarray, g: np.ndarray) -> np.ndarray:
        rho, state = self.rho, self._state
        state["velocity"] = rho * state["velocity"] + (1 - rho) * g**2
        if self.centered:
            state["mean"] = rho * state["mean"] + (1 - rho) * g
            denominator = state["velocity"] - state["mean"] ** 2 + self.epsilon
        else:
            denominator = state["velocity"] + self.epsilon
        increment = self.learning_rate * g / np.sqrt(denominator)
        if self.momentum > 0:
            state["momentum"] = self.momentum * state["momentum"] + increment
            return w - state["momentum"]
        return w - increment


class Adam(Optimizer):
    """Adam: Impuls (1. Moment) und RMSprop-Teilung (2. Moment), mit Korrektur.

    ``m ← m + (1−β₁)(g − m)``, ``v ← v + (1−β₂)(g² − v)``,
    ``α = η·√(1−β₂ᵗ)/(1−β₁ᵗ)`` und ``w ← w − α·m / (√v + ε)``.
    """

    keras_class = "Adam"

    def __init__(
        self,
        learning_rate: float = 0.001,
        beta_1: float = 0.9,
        beta_2: float = 0.999,
        epsilon: float = 1e-7,
        amsgrad: bool = False,
    ) -> None:
        self.beta_1 = _unit_interval("beta_1", beta_1)
        self.beta_2 = _unit_interval("beta_2", beta_2)
        self.epsilon = _positive("epsilon", epsilon)
        self.amsgrad = _flag("amsgrad", amsgrad)
        super().__init__(learning_rate)

    def get_config(self) -> dict[str, Any]:
        return {
            **super().get_config(),
            "beta_1": self.beta_1,
            "beta_2": self.beta_2,
            "epsilon": self.epsilon,
            "amsgrad": self.amsgrad,
        }

    def _initial_state(self, params: np.ndarray) -> dict[str, np.ndarray]:
        zeros = np.zeros_like
        return {"m": zeros(params), "v": zeros(params), "v_max": zeros(params)}

    def _update(self, w: np.ndarray, g: np.ndarray) -> np.ndarray:
        state, t = self._state, self.iterations + 1
        alpha = self.learning_rate * np.sqrt(1 - self.beta_2**t) / (1 - self.beta_1**t)
        state["m"] = state["m"] + (g - state["m"]) * (1 - self.beta_1)
        state["v"] = state["v"] + (g**2 - state["v"]) * (1 - self.beta_2)
        v = state["v"]
        if self.amsgrad:  # nie kleiner werdender Nenner
            v = state["v_max"] = np.maximum(state["v_max"], v)
        return w - state["m"] * alpha / (np.sqrt(v) + self.epsilon)


class Ftrl(Optimizer):
    """Ftrl („Follow The Regularized Leader“): Gewichte aus aufsummierten Gradienten.

    ``n`` summiert g², ``z`` die Gradienten (korrigiert um ``σ·w``); die neuen
    Gewichte werden jedes Mal aus ``z`` und ``n`` *neu berechnet*:
    ``w = (clip(z, −λ₁, λ₁) − z) / (n^(−p)/η + 2λ₂)`` mit ``p`` =
    ``learning_rate_power``. Ohne Regularisierung ist das ``w = −η·z / √n``.
    """

    keras_class = "Ftrl"

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
        self.learning_rate_power = _number("learning_rate_power", learning_rate_power)
        if self.learning_rate_power > 0:
            raise ValueError(
                "learning_rate_power darf nicht größer als 0 sein, bekommen: "
                f"{self.learning_rate_power}."
            )
        self.initial_accumulator_value = _non_negative(
            "initial_accumulator_value", initial_accumulator_value
        )
        self.l1_regularization_strength = _non_negative(
            "l1_regularization_strength", l1_regularization_strength
        )
        self.l2_regularization_strength = _non_negative(
            "l2_regularization_strength", l2_regularization_strength
        )
        self.l2_shrinkage_regularization_strength = _non_negative(
            "l2_shrinkage_regularization_strength", l2_shrinkage_regularization_strength
        )
        self.beta = _non_negative("beta", beta)
        super().__init__(learning_rate)

    def get_config(self) -> dict[str, Any]:
        return {
            **super().get_config(),
            "learning_rate_power": self.learning_rate_power,
            "initial_accumulator_value": self.initial_accumulator_value,
            "l1_regularization_strength": self.l1_regularization_strength,
            "l2_regularization_strength": self.l2_regularization_strength,
            "l2_shrinkage_regularization_strength": (
                self.l2_shrinkage_regularization_strength
            ),
            "beta": self.beta,
        }

    def _initial_state(self, params: np.ndarray) -> dict[str, np.ndarray]:
        return {
            "accumulator": np.full_like(params, self.initial_accumulator_value),
            "linear": np.zeros_like(params),
        }

    def _update(self, w: np.ndarray, g: np.ndarray) -> np.ndarray:
        lr, power, state = self.learning_rate, -self.learning_rate_power, self._state
        l1 = self.l1_regularization_strength
        l2 = self.l2_regularization_strength + self.beta / (2.0 * lr)
        grad = g + 2 * self.l2_shrinkage_regularization_strength * w
        old, new = state["accumulator"], state["accumulator"] + g**2
        state["linear"] = state["linear"] + grad - (new**power - old**power) / lr * w
        quadratic = new**power / lr + 2 * l2
        linear = state["linear"]
        state["accumulator"] = new
        return (np.clip(linear, -l1, l1) - linear) / quadratic


_CLASSES: dict[str, type[Optimizer]] = {
    "sgd": SGD,
    "momentum": SGD,
    "nesterov": SGD,
    "adagrad": Adagrad,
    "adadelta": Adadelta,
    "rmsprop": RMSprop,
    "adam": Adam,
    "ftrl": Ftrl,
}


def make_optimizer(name: str, **kwargs: Any) -> Optimizer:
    """Optimierer über seinen Kurznamen (siehe ``OPTIMIZER_NAMES``) anlegen.

    „momentum“ und „nesterov“ sind ``SGD`` mit ``momentum=0.9`` (änderbar);
    „nesterov“ setzt zusätzlich ``nesterov=True``.
    """
    key = str(name).lower()
    if key not in _CLASSES:
        raise ValueError(
            f"Unbekannter Optimierer {name!r}; bekannt sind: "
            f"{', '.join(OPTIMIZER_NAMES)}."
        )
    if key in ("momentum", "nesterov"):
        kwargs.setdefault("momentum", DEFAULT_MOMENTUM)
        kwargs["nesterov"] = key == "nesterov"
    return _CLASSES[key](**kwargs)


# ── Bahnen auf einer Fläche ─────────────────────────────────────────────


def _check_start_and_steps(start: Any, steps: Any) -> np.ndarray:
    point = _as_vector("Startwerte", start)
    if point.ndim != 1 or point.size == 0:
        raise ValueError(
            f"Der Startpunkt muss ein Vektor sein (Shape (n,)), bekommen: "
            f"Shape {point.shape}."
        )
    if isinstance(steps, bool) or not isinstance(steps, int | np.integer):
        raise TypeError(f"steps muss eine ganze Zahl sein, bekommen: {steps!r}.")
    if steps < 0:
        raise ValueError(f"steps darf nicht negativ sein, bekommen: {steps}.")
    return point


def run_trajectory(
    optimizer: Optimizer, gradient: GradientFunction, start: Any, steps: int = 100
) -> np.ndarray:
    """Den Weg eines Optimierers: Shape ``(steps + 1, n)``, Zeile 0 ist der Start.

    ``gradient(point)`` liefert den Gradienten der Verlustfunktion an der Stelle
    ``point``. Der Optimierer wird vorher zurückgesetzt. Läuft der Weg davon
    (Gradient oder Punkt unendlich bzw. NaN), gibt es einen ``ValueError`` mit
    der Nummer des Schritts.
    """
    point = _check_start_and_steps(start, steps)
    optimizer.reset()
    points = [point]
    for number in range(1, int(steps) + 1):
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

    Die Parameter liegen in einer float64-Variablen. Python-Zahlen würde
    TensorFlow beim Umwandeln erst auf float32 runden; deshalb bekommt Keras alle
    Hyperparameter als ``np.float64`` und die Lernrate als Funktion (sonst legt
    Keras für sie eine float32-Variable an).
    """
    import keras

    point = _check_start_and_steps(start, steps)
    exact = {
        key: np.float64(value)
        for key, value in optimizer.get_config().items()
        if isinstance(value, float)
    }
    learning_rate = exact.pop("learning_rate")
    twin = optimizer.to_keras(**exact, learning_rate=lambda: learning_rate)
    variable = keras.Variable(point, dtype="float64", name="parameter")
    points = [point]
    for _ in range(int(steps)):
        grad = _as_vector("Gradienten", gradient(points[-1]))
        twin.apply_gradients([(keras.ops.convert_to_tensor(grad), variable)])
        points.append(np.array(variable.numpy(), dtype=np.float64))
    return np.stack(points)


# ── Zwei Fehlerflächen mit zwei Parametern ──────────────────────────────


@dataclass(frozen=True)
class Surface:
    """Eine Verlustfunktion zweier Parameter, mit Gradient und Zeichenbereich.

    ``loss(x, y)`` rechnet elementweise auf Arrays (für Höhenlinien),
    ``gradient(point)`` gibt für einen Punkt ``[x, y]`` den Gradienten zurück.
    """

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
    x, y = _as_vector("Parameter", point)
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


#: Merkmale für die Diabetes-Fläche: Gesamtcholesterin und LDL
DIABETES_FEATURES = ("s1", "s2")


def diabetes_surface() -> Surface:
    """Mittlerer quadratischer Fehler eines linearen Neurons auf echten Daten.

    Daten: der Diabetes-Datensatz aus scikit-learn (442 Samples). Das Neuron
    sagt den standardisierten Krankheitsverlauf aus zwei standardisierten
    Merkmalen voraus: ``ŷ = w₁·s1 + w₂·s2 + b``. Weil Merkmale und Label den
    Mittelwert 0 haben, ist ``b = 0`` schon optimal; die Fläche hängt nur von
    ``(w₁, w₂)`` ab. Die Merkmale sind stark korreliert (r ≈ 0,9) – deshalb ist
    das Tal lang und schmal.
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
        w = _as_vector("Parameter", point)
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
