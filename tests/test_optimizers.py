"""mnist_lib.optimizers: Wege gegen keras.optimizers, Verlustflächen, TF-1-Tabelle.

Die Aufgabe verlangt Übereinstimmung mit Keras auf 1e-5 über 100 Schritte. Weil
``keras_trajectory`` Keras in float64 rechnen lässt, prüfen wir strenger (1e-10);
ein zweiter Test nimmt Keras so, wie man es gewöhnlich benutzt (Hyperparameter
als Python-Zahlen, von TensorFlow auf float32 gerundet) – dann gilt 1e-5.
"""

from __future__ import annotations

import inspect
import math

import keras
import matplotlib.pyplot as plt
import numpy as np
import pytest
import tensorflow as tf

from mnist_lib import optimizers as opt
from mnist_lib.optimizers import (
    OPTIMIZER_NAMES,
    SGD,
    TF1_TO_KERAS,
    Adadelta,
    Adagrad,
    Adam,
    Ftrl,
    RMSprop,
    diabetes_surface,
    keras_trajectory,
    make_optimizer,
    rosenbrock_surface,
    run_trajectory,
)
from mnist_lib.plotting import plot_optimizer_paths, plot_surface_3d

STEPS = 100
STRICT = 1e-10  # Keras in float64 (keras_trajectory)
REQUIRED = 1e-5  # Keras mit gewöhnlichen Python-Zahlen

# Lernraten wie auf der Seite; auf beiden Flächen läuft jeder Optimierer sichtbar
# weit und ohne chaotisches Hin- und Herspringen (sonst könnten Rundungsfehler
# von 1e-16 den Vergleich sprengen, siehe test_settings_are_not_chaotic).
LEARNING_RATES = {
    "diabetes": {
        "sgd": 0.1,
        "momentum": 0.1,
        "nesterov": 0.1,
        "adagrad": 0.3,
        "adadelta": 1.0,
        "rmsprop": 0.03,
        "adam": 0.1,
        "ftrl": 0.3,
    },
    "rosenbrock": {
        "sgd": 0.0005,
        "momentum": 0.0005,
        "nesterov": 0.0005,
        "adagrad": 0.3,
        "adadelta": 3.0,
        "rmsprop": 0.001,
        "adam": 0.1,
        "ftrl": 0.3,
    },
}
# Weitere Einstellungen: jeder Zweig der Update-Regeln einmal
VARIANTS = [
    ("sgd", {"learning_rate": 0.05, "momentum": 0.5}),
    ("nesterov", {"learning_rate": 0.05, "momentum": 0.99}),
    ("adagrad", {"learning_rate": 0.2, "initial_accumulator_value": 0.0}),
    ("adadelta", {"learning_rate": 2.0, "rho": 0.9, "epsilon": 1e-6}),
    (
        "rmsprop",
        {
            "learning_rate": 0.01,
            "rho": 0.8,
            "momentum": 0.5,
            "centered": True,
            "epsilon": 1e-6,
        },
    ),
    ("adam", {"learning_rate": 0.05, "beta_1": 0.8, "beta_2": 0.99, "amsgrad": True}),
    (
        "ftrl",
        {
            "learning_rate": 0.2,
            "learning_rate_power": -0.3,
            "initial_accumulator_value": 0.5,
            "l1_regularization_strength": 0.05,
            "l2_regularization_strength": 0.1,
            "l2_shrinkage_regularization_strength": 0.05,
            "beta": 0.2,
        },
    ),
    ("ftrl", {"learning_rate": 0.2, "learning_rate_power": 0.0}),
]
CLASSES = (SGD, Adagrad, Adadelta, RMSprop, Adam, Ftrl)
# Die Tabelle „TensorFlow Optimizers“ des Quellmaterials
SOURCE_TF1_NAMES = {
    "GradientDescentOptimizer",
    "AdadeltaOptimizer",
    "AdagradOptimizer",
    "MomentumOptimizer",
    "AdamOptimizer",
    "FtrlOptimizer",
    "RMSPropOptimizer",
}


@pytest.fixture(scope="module")
def surfaces() -> dict[str, opt.Surface]:
    return {"diabetes": diabetes_surface(), "rosenbrock": rosenbrock_surface()}


@pytest.fixture(autouse=True)
def _close_figures():
    yield
    plt.close("all")


# ── Gleichheit mit Keras ────────────────────────────────────────────────


@pytest.mark.parametrize("surface_name", sorted(LEARNING_RATES))
@pytest.mark.parametrize("name", OPTIMIZER_NAMES)
def test_trajectory_matches_keras(surfaces, surface_name: str, name: str) -> None:
    surface = surfaces[surface_name]
    optimizer = make_optimizer(name, learning_rate=LEARNING_RATES[surface_name][name])
    ours = run_trajectory(optimizer, surface.gradient, surface.start, STEPS)
    theirs = keras_trajectory(optimizer, surface.gradient, surface.start, STEPS)
    assert ours.shape == theirs.shape == (STEPS + 1, 2)
    np.testing.assert_allclose(ours, theirs, rtol=0, atol=STRICT)
    # Der Vergleich ist nur etwas wert, wenn sich etwas bewegt hat.
    assert np.abs(ours[-1] - ours[0]).max() > 0.05


@pytest.mark.parametrize(("name", "kwargs"), VARIANTS, ids=lambda v: str(v)[:40])
def test_variants_match_keras(surfaces, name: str, kwargs: dict) -> None:
    surface = surfaces["diabetes"]
    optimizer = make_optimizer(name, **kwargs)
    ours = run_trajectory(optimizer, surface.gradient, surface.start, STEPS)
    theirs = keras_trajectory(optimizer, surface.gradient, surface.start, STEPS)
    np.testing.assert_allclose(ours, theirs, rtol=0, atol=STRICT)
    assert np.abs(ours[-1] - ours[0]).max() > 0.05


def plain_keras_trajectory(optimizer: opt.Optimizer, gradient, start, steps: int):
    """Keras ohne Kniffe: Hyperparameter als Python-Zahlen, float32-Lernrate."""
    twin = getattr(keras.optimizers, type(optimizer).__name__)(**optimizer.get_config())
    variable = keras.Variable(np.array(start, dtype=np.float64), dtype="float64")
    points = [np.array(start, dtype=np.float64)]
    for _ in range(steps):
        twin.apply_gradients([(tf.constant(gradient(points[-1])), variable)])
        points.append(variable.numpy().copy())
    return np.stack(points)


@pytest.mark.parametrize("name", OPTIMIZER_NAMES)
def test_plain_keras_agrees_to_required_tolerance(surfaces, name: str) -> None:
    surface = surfaces["diabetes"]
    optimizer = make_optimizer(name, learning_rate=LEARNING_RATES["diabetes"][name])
    ours = run_trajectory(optimizer, surface.gradient, surface.start, STEPS)
    plain = plain_keras_trajectory(optimizer, surface.gradient, surface.start, STEPS)
    np.testing.assert_allclose(ours, plain, rtol=0, atol=REQUIRED)


@pytest.mark.parametrize("surface_name", sorted(LEARNING_RATES))
def test_settings_are_not_chaotic(surfaces, surface_name: str) -> None:
    # Winzige Störungen bleiben winzig: Der strenge Vergleich hängt nicht davon ab,
    # dass Keras und NumPy bitgenau gleich runden.
    surface = surfaces[surface_name]
    for name, learning_rate in LEARNING_RATES[surface_name].items():
        a = run_trajectory(
            make_optimizer(name, learning_rate=learning_rate),
            surface.gradient,
            surface.start,
            STEPS,
        )
        b = run_trajectory(
            make_optimizer(name, learning_rate=learning_rate * (1 + 1e-14)),
            surface.gradient,
            np.array(surface.start) * (1 + 1e-14),
            STEPS,
        )
        assert np.abs(a - b).max() < 1e-11, name


# ── Namen, Voreinstellungen, Schnittstelle ──────────────────────────────


def keras_defaults(keras_class: type) -> dict:
    """Argumente vor den gemeinsamen Basis-Argumenten (weight_decay …)."""
    result = {}
    for parameter in inspect.signature(keras_class.__init__).parameters.values():
        if parameter.name == "weight_decay":
            break
        if parameter.name != "self":
            result[parameter.name] = parameter.default
    return result


@pytest.mark.parametrize("cls", CLASSES, ids=lambda c: c.__name__)
def test_names_and_defaults_match_keras(cls: type[opt.Optimizer]) -> None:
    ours = {
        p.name: p.default
        for p in inspect.signature(cls.__init__).parameters.values()
        if p.name != "self"
    }
    theirs = keras_defaults(getattr(keras.optimizers, cls.__name__))
    assert ours == theirs
    assert cls().get_config() == theirs


@pytest.mark.parametrize("name", OPTIMIZER_NAMES)
def test_to_keras_builds_the_same_optimizer(name: str) -> None:
    ours = make_optimizer(name, learning_rate=0.05)
    twin = ours.to_keras()
    assert type(twin).__name__ == type(ours).__name__
    config = twin.get_config()
    for key, value in ours.get_config().items():
        assert config[key] == pytest.approx(value), key
    assert repr(ours).startswith(f"{type(ours).__name__}(learning_rate=0.05")


def test_make_optimizer_momentum_variants() -> None:
    assert make_optimizer("sgd").get_config() == SGD().get_config()
    momentum = make_optimizer("momentum")
    assert (momentum.momentum, momentum.nesterov) == (0.9, False)
    nesterov = make_optimizer("Nesterov", momentum=0.5)
    assert (nesterov.momentum, nesterov.nesterov) == (0.5, True)
    assert isinstance(make_optimizer("adam", beta_1=0.8), Adam)
    with pytest.raises(ValueError, match="Optimierer 'adamw' ist unbekannt"):
        make_optimizer("adamw")


def test_step_returns_new_array_and_counts() -> None:
    optimizer = Adam(learning_rate=0.1)
    params = np.array([1.0, 2.0])
    grads = np.array([0.5, -0.5])
    new = optimizer.step(params, grads)
    np.testing.assert_array_equal(params, [1.0, 2.0])  # Eingabe unverändert
    np.testing.assert_allclose(new, [0.9, 2.1], atol=1e-5)  # Adam: erst η·sign(g)
    assert optimizer.iterations == 1
    optimizer.step(new, grads)
    assert optimizer.iterations == 2
    optimizer.reset()
    assert optimizer.iterations == 0
    np.testing.assert_allclose(optimizer.step(params, grads), new)


def test_step_accepts_lists_and_any_shape() -> None:
    new = SGD(learning_rate=0.5).step([[1.0, 2.0], [3.0, 4.0]], [[2, 2], [2, 2]])
    assert new.dtype == np.float64
    np.testing.assert_array_equal(new, [[0.0, 1.0], [2.0, 3.0]])


@pytest.mark.parametrize("name", OPTIMIZER_NAMES)
def test_step_on_a_list_is_one_step_per_parameter(name: str) -> None:
    # Ein Zustand je Parameter: Die Liste ergibt dasselbe wie ein eigener
    # Optimierer für jeden Parameter; float32 bleibt float32.
    rng = np.random.default_rng(0)
    params = [rng.standard_normal((4, 3)).astype(np.float32), np.zeros(3, np.float32)]
    together = make_optimizer(name, learning_rate=0.05)
    alone = [make_optimizer(name, learning_rate=0.05) for _ in params]
    for _ in range(3):
        grads = [rng.standard_normal(p.shape).astype(np.float32) for p in params]
        new = together.step(params, grads)
        expected = [o.step(p, g) for o, p, g in zip(alone, params, grads, strict=True)]
        assert isinstance(new, list) and together.iterations == alone[0].iterations
        for ours, theirs in zip(new, expected, strict=True):
            assert ours.dtype == np.float32
            np.testing.assert_array_equal(ours, theirs)
        params = new


@pytest.mark.parametrize("name", OPTIMIZER_NAMES)
def test_step_on_a_list_matches_keras(name: str) -> None:
    # Wie im NumPy-Netz: eine Liste von float32-Arrays, Keras mit Variablen.
    rng = np.random.default_rng(1)
    params = [rng.standard_normal((5, 4)).astype(np.float32), np.zeros(4, np.float32)]
    variables = [keras.Variable(p.copy()) for p in params]
    # Adadelta kommt mit kleiner Lernrate kaum vom Fleck (siehe Seite)
    ours = make_optimizer(name, learning_rate=1.0 if name == "adadelta" else 0.01)
    theirs = ours.to_keras()
    for _ in range(5):
        grads = [rng.standard_normal(p.shape).astype(np.float32) for p in params]
        params = ours.step(params, grads)
        theirs.apply_gradients(zip(grads, variables, strict=True))
    for p, v in zip(params, variables, strict=True):
        np.testing.assert_allclose(p, v.numpy(), rtol=1e-5, atol=1e-6)
    assert np.abs(params[1]).max() > 1e-3  # es hat sich etwas bewegt


def test_run_trajectory_resets_optimizer(surfaces) -> None:
    surface = surfaces["diabetes"]
    optimizer = Adam(learning_rate=0.1)
    first = run_trajectory(optimizer, surface.gradient, surface.start, 10)
    again = run_trajectory(optimizer, surface.gradient, surface.start, 10)
    np.testing.assert_array_equal(first, again)
    zero = run_trajectory(optimizer, surface.gradient, surface.start, 0)
    np.testing.assert_array_equal(zero, [surface.start])


# ── Fehlermeldungen ─────────────────────────────────────────────────────


@pytest.mark.parametrize("cls", CLASSES, ids=lambda c: c.__name__)
@pytest.mark.parametrize("learning_rate", [-0.1, 0.0])
def test_learning_rate_must_be_positive(cls, learning_rate: float) -> None:
    with pytest.raises(ValueError, match=r"Lernrate \(learning_rate\) muss größer"):
        cls(learning_rate=learning_rate)


@pytest.mark.parametrize("value", [math.nan, math.inf])
def test_learning_rate_must_be_finite(value: float) -> None:
    with pytest.raises(ValueError, match="endliche Zahl"):
        SGD(learning_rate=value)


@pytest.mark.parametrize("value", ["0.1", None, True])
def test_learning_rate_must_be_a_number(value) -> None:
    with pytest.raises(TypeError, match="muss eine Zahl sein"):
        Adam(learning_rate=value)


@pytest.mark.parametrize(
    ("make", "pattern"),
    [
        (lambda: SGD(momentum=1.0), r"momentum muss im Bereich \[0, 1\)"),
        (lambda: SGD(momentum=-0.1), r"momentum muss im Bereich \[0, 1\)"),
        (lambda: RMSprop(momentum=1.5), r"momentum muss im Bereich \[0, 1\)"),
        (lambda: RMSprop(rho=1.0), r"rho muss im Bereich \[0, 1\)"),
        (lambda: Adadelta(rho=-0.5), r"rho muss im Bereich \[0, 1\)"),
        (lambda: Adam(beta_1=1.0), r"beta_1 muss im Bereich \[0, 1\)"),
        (lambda: Adam(beta_2=-0.1), r"beta_2 muss im Bereich \[0, 1\)"),
        (lambda: Adam(epsilon=0.0), "epsilon muss größer als 0"),
        (lambda: Adagrad(initial_accumulator_value=-1.0), "darf nicht negativ"),
        (lambda: Ftrl(learning_rate_power=0.5), "nicht größer als 0"),
        (lambda: Ftrl(l1_regularization_strength=-1.0), "darf nicht negativ"),
        (lambda: Ftrl(beta=-1.0), "beta darf nicht negativ"),
    ],
)
def test_hyperparameter_ranges(make, pattern: str) -> None:
    with pytest.raises(ValueError, match=pattern):
        make()


def test_flags_must_be_bool() -> None:
    with pytest.raises(TypeError, match="nesterov muss True oder False sein"):
        SGD(momentum=0.9, nesterov="ja")
    with pytest.raises(TypeError, match="amsgrad muss True oder False sein"):
        Adam(amsgrad=1)


@pytest.mark.parametrize("name", OPTIMIZER_NAMES)
@pytest.mark.parametrize("bad", [math.nan, math.inf])
def test_nan_gradients_are_refused(name: str, bad: float) -> None:
    optimizer = make_optimizer(name)
    with pytest.raises(ValueError, match="Gradienten enthalten NaN oder unendliche"):
        optimizer.step([1.0, 2.0], [0.1, bad])
    assert optimizer.iterations == 0  # kein halber Schritt


def test_bad_params_and_shapes() -> None:
    optimizer = SGD()
    with pytest.raises(ValueError, match="Parameter enthalten NaN"):
        optimizer.step([math.nan, 1.0], [0.1, 0.1])
    with pytest.raises(ValueError, match="dieselbe Shape"):
        optimizer.step([1.0, 2.0], [0.1, 0.1, 0.1])
    with pytest.raises(TypeError, match="reellen Zahlen"):
        optimizer.step(["a", "b"], [0.1, 0.1])
    optimizer.step([1.0, 2.0], [0.1, 0.1])
    with pytest.raises(ValueError, match=r"erst reset\(\) aufrufen"):
        optimizer.step([1.0, 2.0, 3.0], [0.1, 0.1, 0.1])


def test_bad_lists_of_parameters() -> None:
    params = [np.zeros((2, 3)), np.zeros(3)]
    with pytest.raises(ValueError, match="Zu jedem der 2 Parameter gehört ein Grad"):
        SGD().step(params, [np.zeros((2, 3))])
    with pytest.raises(ValueError, match=r"Parameter \(Nummer 1\) .* dieselbe Shape"):
        SGD().step(params, [np.zeros((2, 3)), np.zeros(4)])
    with pytest.raises(ValueError, match="Gradienten enthalten NaN"):
        Adam().step(params, [np.zeros((2, 3)), np.array([0.0, np.inf, 0.0])])
    optimizer = RMSprop()
    optimizer.step(params, [np.ones((2, 3)), np.ones(3)])
    with pytest.raises(ValueError, match="eigenen Optimierer anlegen"):
        optimizer.step(params[:1], [np.ones((2, 3))])


def test_run_trajectory_reports_divergence(surfaces) -> None:
    surface = surfaces["rosenbrock"]
    with pytest.raises(ValueError, match=r"Schritt \d+: .* divergiert"):
        run_trajectory(SGD(learning_rate=0.01), surface.gradient, surface.start, 100)


def test_run_trajectory_checks_start_and_steps(surfaces) -> None:
    gradient = surfaces["diabetes"].gradient
    with pytest.raises(ValueError, match="Vektor sein"):
        run_trajectory(SGD(), gradient, [[1.0, 2.0]], 5)
    with pytest.raises(ValueError, match="Startpunkt enthält NaN"):
        run_trajectory(SGD(), gradient, [math.nan, 2.0], 5)
    with pytest.raises(ValueError, match="steps muss mindestens 0"):
        run_trajectory(SGD(), gradient, [1.0, 2.0], -1)
    with pytest.raises(TypeError, match="steps muss eine ganze Zahl"):
        run_trajectory(SGD(), gradient, [1.0, 2.0], 2.5)


# ── Die beiden Verlustflächen ────────────────────────────────────────────


def numerical_gradient(surface: opt.Surface, point, h: float = 1e-6) -> np.ndarray:
    x, y = point
    return np.array(
        [
            (surface.loss(x + h, y) - surface.loss(x - h, y)) / (2 * h),
            (surface.loss(x, y + h) - surface.loss(x, y - h)) / (2 * h),
        ]
    )


@pytest.mark.parametrize("surface_name", ["diabetes", "rosenbrock"])
def test_gradients_match_finite_differences(surfaces, surface_name: str) -> None:
    surface = surfaces[surface_name]
    for point in [surface.start, (0.3, -0.7), (1.2, 1.9), (-0.4, 0.1)]:
        np.testing.assert_allclose(
            surface.gradient(point),
            numerical_gradient(surface, point),
            rtol=1e-6,
            atol=1e-6,
        )
    np.testing.assert_allclose(surface.gradient(surface.minimum), 0.0, atol=1e-12)


def test_rosenbrock_minimum() -> None:
    surface = rosenbrock_surface()
    assert surface.value((1.0, 1.0)) == 0.0
    assert surface.value(surface.start) == pytest.approx(12.5)


def test_diabetes_surface_is_the_mse_of_a_linear_neuron(surfaces) -> None:
    from sklearn.datasets import load_diabetes
    from sklearn.linear_model import LinearRegression

    data = load_diabetes()
    columns = [data.feature_names.index(n) for n in opt.DIABETES_FEATURES]
    x = data.data[:, columns]
    x = (x - x.mean(axis=0)) / x.std(axis=0)
    y = (data.target - data.target.mean()) / data.target.std()
    surface = surfaces["diabetes"]
    for w in [(0.0, 0.0), (1.0, -2.0), surface.start]:
        mse = np.mean((x @ np.array(w) - y) ** 2)  # b = 0
        assert surface.value(w) == pytest.approx(mse, rel=1e-12)
    regression = LinearRegression().fit(x, y)
    np.testing.assert_allclose(surface.minimum, regression.coef_, atol=1e-12)
    assert regression.intercept_ == pytest.approx(0.0, abs=1e-12)  # b = 0 ist optimal
    assert np.corrcoef(x.T)[0, 1] > 0.85  # das schmale Tal


def test_surface_loss_works_on_grids(surfaces) -> None:
    surface = surfaces["diabetes"]
    grid_x, grid_y = np.meshgrid(np.linspace(-1, 1, 5), np.linspace(-2, 2, 4))
    values = surface.loss(grid_x, grid_y)
    assert values.shape == (4, 5)
    assert values[1, 2] == pytest.approx(surface.value((grid_x[1, 2], grid_y[1, 2])))


# ── TensorFlow 1 → Keras 3 ──────────────────────────────────────────────


def test_tf1_table_covers_the_source() -> None:
    assert {entry.tf1_name for entry in TF1_TO_KERAS} == SOURCE_TF1_NAMES


@pytest.mark.parametrize("entry", TF1_TO_KERAS, ids=lambda e: e.tf1_name)
def test_tf1_entry_maps_to_constructible_keras_class(entry) -> None:
    tf1_class = getattr(tf.compat.v1.train, entry.tf1_name)  # gibt es in TF 2 noch
    assert not hasattr(tf.train, entry.tf1_name)  # aber nicht mehr in tf.train
    keras_class = getattr(keras.optimizers, entry.keras_class)
    optimizer = keras_class(**entry.keras_kwargs)
    assert isinstance(optimizer, keras.optimizers.Optimizer)
    for key, value in entry.keras_kwargs.items():
        assert optimizer.get_config()[key] == value
    # Umbenennungen: der alte Name steht nur in TF 1, der neue nur in Keras 3
    old_params = inspect.signature(tf1_class.__init__).parameters
    new_params = inspect.signature(keras_class.__init__).parameters
    for old, new in entry.renamed.items():
        assert old in old_params and old not in new_params
        assert new in new_params and new not in old_params


def test_keras3_refuses_tf1_optimizers() -> None:
    model = keras.Sequential([keras.Input(shape=(2,)), keras.layers.Dense(1)])
    with pytest.raises(ValueError, match="Could not interpret optimizer identifier"):
        model.compile(optimizer=tf.compat.v1.train.AdamOptimizer(), loss="mse")


# ── Abbildungen ─────────────────────────────────────────────────────────


def test_plot_optimizer_paths_marks_paths_that_leave(surfaces) -> None:
    surface = surfaces["diabetes"]
    good = run_trajectory(SGD(0.4), surface.gradient, surface.start, 30)
    bad = run_trajectory(SGD(0.55), surface.gradient, surface.start, 30)
    fig = plot_optimizer_paths(surface, {"gut": good, "zu groß": bad})
    ax = fig.axes[0]
    labels = [line.get_label() for line in ax.get_lines()]
    assert "gut" in labels
    leaving = [label for label in labels if label.startswith("zu groß")]
    assert leaving and "außerhalb" in leaving[0]
    assert ax.get_xlim() == surface.xlim
    assert ax.get_title() == surface.title
    step = int(leaving[0].split("Schritt ")[1].split(" ")[0])
    outside = np.abs(bad[step]) > 3  # Ausschnitt −3 … 3
    assert outside.any() and not (np.abs(bad[:step]) > 3).any()


def test_plot_optimizer_paths_checks_input(surfaces) -> None:
    with pytest.raises(ValueError, match="mindestens einen Weg"):
        plot_optimizer_paths(surfaces["diabetes"], {})
    with pytest.raises(ValueError, match=r"Shape \(Schritte \+ 1, 2\)"):
        plot_optimizer_paths(surfaces["diabetes"], {"x": np.zeros((5, 3))})


def test_plot_surface_3d(surfaces) -> None:
    fig = plot_surface_3d(surfaces["rosenbrock"], num=20, log=True)
    ax = fig.axes[0]
    assert ax.name == "3d"
    assert ax.get_zlabel() == "log₁₀(1 + Verlust)"


# ── „Die Lernrate“: Grenzen aus dem Raster der Seite ────────────────────


@pytest.fixture(scope="module")
def lesson_grid() -> dict:
    """Die Abschnitte ``learning_rate`` und ``learning_rate_grid`` der Seite."""
    import contextlib
    import io

    from tests.paths import SNIPPETS, script_section

    script = SNIPPETS / "vertiefung" / "optimierer.py"
    namespace: dict = {}
    with contextlib.redirect_stdout(io.StringIO()) as printed:
        for name in ("learning_rate", "learning_rate_grid"):
            code = script_section(script, name)
            exec(compile(code, f"{script.name}:{name}", "exec"), namespace)
    namespace["printed"] = printed.getvalue()
    return namespace


def test_sgd_divergence_limit_matches_two_over_a_max(lesson_grid: dict) -> None:
    """Die ausprobierte Grenze für SGD liegt bei 2/a_max (Herleitung der Seite)."""
    hessian = lesson_grid["hessian"]
    a_max = np.linalg.eigvalsh(hessian).max()
    found = lesson_grid["limits"]["sgd"]
    assert found == pytest.approx(2 / a_max, rel=2e-3)
    # Die Bisektion hat die Grenze eingeschlossen: knapp darunter konvergiert SGD,
    # knapp darüber divergiert es – beides mit 100 Schritten wie auf der Seite.
    walk, diverges = lesson_grid["walk"], lesson_grid["diverges"]
    assert not diverges(walk("sgd", found * 0.99))
    assert diverges(walk("sgd", found * 1.01))
    # Die Hesse-Matrix der Seite ist die der Fläche: 2·Korrelationsmatrix.
    assert hessian[0, 0] == pytest.approx(2.0)
    assert "| SGD | 0.5273 |" in lesson_grid["printed"]


def test_grid_walks_are_run_trajectory(lesson_grid: dict) -> None:
    """Jeder Weg des Rasters ist der Anfang von ``run_trajectory`` (bitgenau)."""
    surface, rates = lesson_grid["surface"], lesson_grid["rates"]
    for name, paths in lesson_grid["walks"].items():
        for rate, path in zip(rates, paths, strict=True):
            expected = run_trajectory(
                make_optimizer(name, learning_rate=rate),
                surface.gradient,
                surface.start,
                steps=len(path) - 1,
            )
            np.testing.assert_array_equal(path, expected, err_msg=f"{name}, η={rate}")


def test_every_optimizer_shows_all_three_behaviours(lesson_grid: dict) -> None:
    """Mit wachsender Lernrate: erst ruhig, dann schwingt, dann divergiert – wer im
    Raster nie divergiert, hat keine Grenze (die Tabelle sagt „über 1000“)."""
    behaviour, kinds = lesson_grid["behaviour"], lesson_grid["kinds"]
    for name, paths in lesson_grid["walks"].items():
        codes = [kinds.index(behaviour(path)) for path in paths]
        assert {0, 1} <= set(codes), name
        assert codes == sorted(codes), f"{name}: {codes}"
        limit = lesson_grid["limits"][name]
        if 2 not in codes:
            assert limit is None, name
            continue
        first = codes.index(2)
        assert lesson_grid["rates"][first - 1] < limit <= lesson_grid["rates"][first]
    # Auf dieser Fläche finden Adagrad und Ftrl immer zurück: Ihre Schritte schrumpfen.
    assert lesson_grid["limits"]["adagrad"] is None
    assert lesson_grid["limits"]["ftrl"] is None


def test_momentum_divergence_limit_matches_the_formula(lesson_grid: dict) -> None:
    """Momentum (β = 0,9) divergiert ab 2·(1 + β)/a_max, wie Aufgabe 6 herleitet."""
    a_max = np.linalg.eigvalsh(lesson_grid["hessian"]).max()
    assert lesson_grid["limits"]["momentum"] == pytest.approx(2 * 1.9 / a_max, rel=2e-3)


def test_a_path_that_leaves_and_returns_does_not_diverge(lesson_grid: dict) -> None:
    """Momentum knapp unter der Grenze springt im ersten Schritt aus dem Ausschnitt,
    kommt zurück und zählt als „schwingt“, nicht als „divergiert“."""
    walk, behaviour = lesson_grid["walk"], lesson_grid["behaviour"]
    path = walk("momentum", lesson_grid["limits"]["momentum"] * 0.98)
    assert lesson_grid["first_exit"](path) is not None
    assert behaviour(path) == "schwingt"
