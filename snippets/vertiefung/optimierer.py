"""Optimierer: Verlustflächen, Wege der acht Verfahren und die Lernrate.

Zeichnet zwei Verlustflächen mit zwei Parametern (Diabetes-Daten, Rosenbrock),
lässt SGD, Momentum, Nesterov, Adagrad, Adadelta, RMSprop, Adam und Ftrl vom
selben Start laufen, zeigt den Einfluss der Lernrate, prüft die Optimierer gegen
Keras und ordnet die TF-1-Namen zu.
Zeichen wie auf der Seite: w Parameter, g Gradient, η Lernrate, m und v gleitende
Mittel bzw. Summen, β, β₁, β₂, ρ Abklingfaktoren, ε kleine Zahl, t Schritt.
Seite: docs/vertiefung/optimierer.md
"""

# --8<-- [start:surface]
import numpy as np
from sklearn.datasets import load_diabetes

from mnist_lib.optimizers import diabetes_surface

data = load_diabetes()  # 442 Samples, liegt scikit-learn bei
s1 = data.data[:, data.feature_names.index("s1")]  # Gesamtcholesterin
s2 = data.data[:, data.feature_names.index("s2")]  # LDL-Cholesterin
print(f"Korrelation von s1 und s2: {np.corrcoef(s1, s2)[0, 1]:.3f}")

surface = diabetes_surface()  # Verlust L(w1, w2): MSE des linearen Neurons
print("Minimum bei (w1, w2) =", np.round(surface.minimum, 3))
print(f"Verlust im Minimum:  {surface.value(surface.minimum):.3f}")
print(f"Verlust am Start {surface.start}: {surface.value(surface.start):.3f}")
# --8<-- [end:surface]

# --8<-- [start:surface_3d]
import matplotlib.pyplot as plt

from mnist_lib.optimizers import diabetes_surface, rosenbrock_surface
from mnist_lib.plotting import plot_surface_3d

fig = plt.figure(figsize=(10, 4), layout="constrained")
left = fig.add_subplot(1, 2, 1, projection="3d")
plot_surface_3d(diabetes_surface(), ax=left, num=40)
ax = fig.add_subplot(1, 2, 2, projection="3d")
# Die Wände der Rosenbrock-Funktion sind sehr steil: Höhe logarithmisch
plot_surface_3d(rosenbrock_surface(), ax=ax, num=80, log=True)
ax.set_xlabel("$w_1$", fontsize="small")  # die Parameter wie in der Formel
ax.set_ylabel("$w_2$", fontsize="small")
ax.view_init(elev=45, azim=-110)
from mnist_lib.plotting import figure_html  # markdown-exec: hide

print(figure_html(fig, alt="Zwei 3D-Flächen. Links der Verlust des linearen Neurons über den Gewichten w1 und w2: eine Mulde mit einem langen, schmalen Tal, entlang dessen w1 wächst, während w2 fällt. Rechts die Rosenbrock-Funktion mit logarithmischer Höhe: ein gekrümmtes, parabelförmiges Tal zwischen steilen Wänden.", fmt="png"))  # markdown-exec: hide  # noqa: E501  # fmt: skip
plt.show()
# --8<-- [end:surface_3d]

# --8<-- [start:one_step]
import numpy as np

from mnist_lib.optimizers import (
    DISPLAY_NAMES,
    OPTIMIZER_NAMES,
    diabetes_surface,
    make_optimizer,
)

surface = diabetes_surface()
start = np.array(surface.start)
gradient = surface.gradient(start)
print("Start:", start, "  Gradient:", gradient.round(4))
for name in OPTIMIZER_NAMES:
    optimizer = make_optimizer(name, learning_rate=0.1)  # alle mit η = 0,1
    new = optimizer.step(start, gradient)
    print(f"{DISPLAY_NAMES[name]:9} Schritt {(new - start).round(4)}")
# --8<-- [end:one_step]

# --8<-- [start:paths]
import numpy as np

from mnist_lib.optimizers import (
    DISPLAY_NAMES,
    diabetes_surface,
    make_optimizer,
    run_trajectory,
)

surface = diabetes_surface()
learning_rates = {  # Lernrate η je Optimierer
    "sgd": 0.1,
    "momentum": 0.1,  # β = 0,9
    "nesterov": 0.1,  # β = 0,9
    "adagrad": 0.3,
    "adadelta": 1.0,  # wie in Zeilers Artikel: keine Lernrate
    "rmsprop": 0.03,
    "adam": 0.1,
    "ftrl": 0.3,
}
paths = {}
print("nach 100 Schritten:")
print("Optimierer      η   Verlust   Abstand zum Minimum")
for name, learning_rate in learning_rates.items():
    optimizer = make_optimizer(name, learning_rate=learning_rate)
    path = run_trajectory(optimizer, surface.gradient, surface.start, steps=100)
    label = f"{DISPLAY_NAMES[name]} (η = {learning_rate:g})"
    paths[label] = path
    distance = np.linalg.norm(path[-1] - surface.minimum)
    loss = surface.value(path[-1])
    print(f"{DISPLAY_NAMES[name]:10} {learning_rate:5g}  {loss:8.4f}  {distance:20.3f}")
# --8<-- [end:paths]

# --8<-- [start:paths_plot]
import matplotlib.pyplot as plt

from mnist_lib.plotting import plot_optimizer_paths

fig, ax = plt.subplots(figsize=(9, 6), layout="constrained")
plot_optimizer_paths(surface, paths, ax=ax)
ax.legend(loc="center left", bbox_to_anchor=(1.02, 0.5))
from mnist_lib.plotting import figure_html  # markdown-exec: hide

print(figure_html(fig, alt="Höhenlinien der Diabetes-Fläche, lange schräge Ellipsen um das Minimum bei (0,29; −0,08), mit den Wegen der acht Optimierer vom Start bei (−2,5; 0,2). SGD läuft erst quer ins Tal und dann langsam daran entlang. Momentum schießt mehrfach über das Minimum hinaus und kreist ein, Nesterov schießt weniger weit über. Adagrad, RMSprop und Adam gehen zuerst diagonal, Adadelta kommt kaum vom Start weg."))  # markdown-exec: hide  # noqa: E501  # fmt: skip
plt.show()
# --8<-- [end:paths_plot]

# --8<-- [start:race]
import numpy as np

from mnist_lib.optimizers import (
    DISPLAY_NAMES,
    make_optimizer,
    rosenbrock_surface,
    run_trajectory,
)

surface = rosenbrock_surface()
learning_rates = {
    "sgd": 0.0005,  # viel größer geht nicht: die Talwände sind sehr steil
    "momentum": 0.0005,
    "nesterov": 0.0005,
    "adagrad": 0.3,
    "adadelta": 3.0,
    "rmsprop": 0.01,
    "adam": 0.1,
    "ftrl": 0.3,
}
checkpoints = (10, 100, 1000)
paths = {}
print("Abstand zum Minimum (1, 1) nach … Schritten")
print(f"{'Optimierer':10} {'η':7}" + "".join(f"{k:>8}" for k in checkpoints))
for name, learning_rate in learning_rates.items():
    optimizer = make_optimizer(name, learning_rate=learning_rate)
    path = run_trajectory(optimizer, surface.gradient, surface.start, steps=1000)
    paths[f"{DISPLAY_NAMES[name]} (η = {learning_rate:g})"] = path
    distances = np.linalg.norm(path[list(checkpoints)] - surface.minimum, axis=1)
    print(
        f"{DISPLAY_NAMES[name]:10} {learning_rate:<7g}"
        + "".join(f"{d:8.3f}" for d in distances)
    )
# --8<-- [end:race]

# --8<-- [start:race_plot]
import matplotlib.pyplot as plt

from mnist_lib.plotting import plot_optimizer_paths

figures = {}
for steps in checkpoints:
    fig, ax = plt.subplots(figsize=(8.5, 5.5), layout="constrained")
    so_far = {label: path[: steps + 1] for label, path in paths.items()}
    plot_optimizer_paths(
        surface, so_far, ax=ax, title=f"Rosenbrock-Funktion: {steps} Schritte"
    )
    ax.set(xlabel="$w_1$", ylabel="$w_2$")  # die Parameter wie in der Formel
    ax.legend(loc="center left", bbox_to_anchor=(1.02, 0.5))
    figures[steps] = fig
from mnist_lib.plotting import figure_html  # markdown-exec: hide

for steps, fig in figures.items():  # markdown-exec: hide
    alt = f"Höhenlinien der Rosenbrock-Funktion mit den Wegen der acht Optimierer nach {steps} Schritten, vom Start bei (−1,5; 2) ins parabelförmige Tal und an ihm entlang zum Minimum bei (1, 1)."  # markdown-exec: hide  # noqa: E501
    print(f'=== "{steps:,} Schritte"\n'.replace(",", " "))  # markdown-exec: hide
    print("    " + figure_html(fig, alt=alt) + "\n")  # markdown-exec: hide
plt.show()
# --8<-- [end:race_plot]

# --8<-- [start:sgd_divergence]
from mnist_lib.optimizers import SGD, rosenbrock_surface, run_trajectory

surface = rosenbrock_surface()
for learning_rate in (0.0005, 0.002, 0.0025):
    try:
        path = run_trajectory(SGD(learning_rate), surface.gradient, surface.start, 1000)
    except ValueError as error:
        print(f"η = {learning_rate}: {error}")
        continue
    losses = [surface.value(point) for point in path]
    print(
        f"η = {learning_rate}: größter Verlust unterwegs {max(losses):5.1f}, "
        f"nach 1000 Schritten {losses[-1]:.4f}"
    )
# --8<-- [end:sgd_divergence]

# --8<-- [start:learning_rate]
import numpy as np

from mnist_lib.optimizers import SGD, diabetes_surface, run_trajectory

surface = diabetes_surface()
# Die Fläche ist quadratisch: Gradientendifferenzen ergeben die Hesse-Matrix.
zero = surface.gradient([0.0, 0.0])
hessian = np.column_stack([surface.gradient(e) - zero for e in np.eye(2)])
curvatures = np.linalg.eigvalsh(hessian)  # Krümmungen a_min (flach), a_max (steil)
limit = 2 / curvatures.max()
print("Krümmungen:", curvatures.round(3), f" Grenze 2/a_max = {limit:.3f}")

learning_rates = {"zu klein": 0.02, "gut": 0.4, "zu groß": 0.55}
paths = {}
minimum_loss = surface.value(surface.minimum)
for verdict, learning_rate in learning_rates.items():
    path = run_trajectory(SGD(learning_rate), surface.gradient, surface.start, 30)
    paths[f"η = {learning_rate:g} ({verdict})"] = path
    # nach 30 Schritten: wie weit liegt der Verlust noch über dem kleinsten?
    excess = surface.value(path[-1]) - minimum_loss
    print(f"η = {learning_rate:<4g} ({verdict:8}): {excess:10.4g} über dem Minimum")
# --8<-- [end:learning_rate]

# --8<-- [start:learning_rate_plot]
import matplotlib.pyplot as plt

from mnist_lib.plotting import plot_optimizer_paths

fig, axes = plt.subplots(2, 2, figsize=(11, 8.5), layout="constrained")
axes = axes.ravel()
for ax, (label, path) in zip(axes[:3], paths.items(), strict=True):
    plot_optimizer_paths(surface, {label: path}, ax=ax, title=f"SGD, {label}", levels=8)
    ax.legend(loc="lower left", fontsize="small")
for label, path in paths.items():
    excess = [surface.value(point) - minimum_loss for point in path]
    axes[3].semilogy(excess, marker=".", label=label)
axes[3].set_title("Verlust über dem Minimum (logarithmisch)")
axes[3].set_xlabel("Schritt")
axes[3].set_ylabel("Verlust − kleinster Verlust")
axes[3].legend(fontsize="small")
from mnist_lib.plotting import figure_html  # markdown-exec: hide

print(figure_html(fig, alt="Vier Diagramme. Die ersten drei zeigen je 30 SGD-Schritte auf der Diabetes-Fläche: Mit η = 0,02 kommt SGD nur ein Stück weit ins Tal. Mit η = 0,4 springt es zwei-, dreimal quer über das Tal und läuft dann ins Minimum. Mit η = 0,55 springt es mit immer größeren Ausschlägen hin und her und verlässt den Ausschnitt. Das vierte Diagramm zeigt den Verlust über dem Minimum logarithmisch: Für η = 0,02 fällt er langsam, für η = 0,4 schnell, für η = 0,55 steigt er nach einem kurzen Abfall immer weiter."))  # markdown-exec: hide  # noqa: E501  # fmt: skip
plt.show()
# --8<-- [end:learning_rate_plot]

# --8<-- [start:learning_rate_grid]
from mnist_lib.optimizers import DISPLAY_NAMES, OPTIMIZER_NAMES, make_optimizer

steps = 100
start_loss = surface.value(surface.start)
(x_low, x_high), (y_low, y_high) = surface.xlim, surface.ylim  # der Ausschnitt
# 37 Lernraten von 0,001 bis 1000, je Zehnerpotenz 1; 1,5; 2; 3; 4; 6
rates = [float(f"{m}e{k}") for k in range(-3, 3) for m in (1, 1.5, 2, 3, 4, 6)]
rates.append(1000.0)


def inside(point):
    return x_low <= point[0] <= x_high and y_low <= point[1] <= y_high


def walk(name, learning_rate):
    """Weg über `steps` Schritte; endet früher, wenn er weit davonfliegt."""
    optimizer = make_optimizer(name, learning_rate=learning_rate)
    path = [np.array(surface.start)]
    while len(path) <= steps and np.abs(path[-1]).max() < 1000:
        path.append(optimizer.step(path[-1], surface.gradient(path[-1])))
    return np.array(path)


def first_exit(path):
    """Erster Schritt außerhalb des Ausschnitts (None: bleibt drin)."""
    return next((i for i, point in enumerate(path) if not inside(point)), None)


def diverges(path):
    """Endet außerhalb des Ausschnitts oder mit höherem Verlust als am Start."""
    return not inside(path[-1]) or surface.value(path[-1]) > start_loss


def behaviour(path):
    """„divergiert“, „schwingt“ (ein Schritt kehrt um) oder „ruhig“."""
    if diverges(path):
        return "divergiert"
    moves = np.diff(path, axis=0)
    visible = np.linalg.norm(moves[:-1], axis=1) > 1e-3  # Zittern zählt nicht
    turns = np.sum(moves[:-1] * moves[1:], axis=1) < 0  # Winkel über 90°
    return "schwingt" if np.any(turns & visible) else "ruhig"


def divergence_limit(name, diverged):
    """Ab hier divergieren alle größeren Lernraten; Bisektion im letzten Abschnitt.

    None: Auch die größte Lernrate des Rasters divergiert nicht.
    """
    if not diverged[-1]:
        return None
    first = next(i for i in range(len(rates)) if all(diverged[i:]))
    low, high = rates[first - 1], rates[first]
    for _ in range(30):
        middle = (low * high) ** 0.5  # Mitte auf der logarithmischen Achse
        if diverges(walk(name, middle)):
            high = middle
        else:
            low = middle
    return high


walks = {name: [walk(name, rate) for rate in rates] for name in OPTIMIZER_NAMES}
kinds = ("ruhig", "schwingt", "divergiert")
limits = {}
header = ["Optimierer", "divergiert ab η ≈", "verlässt dort den Ausschnitt", *kinds]
print("| " + " | ".join(header))
print("|---|--:|--:|--:|--:|--:|")
for name, paths_of_name in walks.items():
    verdicts = [behaviour(path) for path in paths_of_name]
    limits[name] = divergence_limit(name, [v == "divergiert" for v in verdicts])
    counts = " | ".join(str(verdicts.count(kind)) for kind in kinds)
    if limits[name] is None:
        print(f"| {DISPLAY_NAMES[name]} | über {rates[-1]:g} | – | {counts}")
        continue
    leaves = first_exit(walk(name, limits[name]))  # None: drin, nur der Verlust steigt
    leaves = "–" if leaves is None else f"in Schritt {leaves}"
    print(f"| {DISPLAY_NAMES[name]} | {limits[name]:.4g} | {leaves} | {counts}")
print(f"\nZum Vergleich für SGD: 2/a_max = {limit:.3f}")
print(f"Momentum (β = 0,9): 2·(1 + β)/a_max = {2 * 1.9 / curvatures.max():.3f}\n")


def describe(name, rate, path):
    """Was der Weg tut, in einem Satz (Zahlen mit Dezimalkomma)."""
    head = f"{DISPLAY_NAMES[name]}, η = {rate:g}:".replace(".", ",")
    leaves = first_exit(path)
    if diverges(path) and leaves is not None:
        return f"{head} divergiert – verlässt in Schritt {leaves} den Ausschnitt."
    if diverges(path):
        return (
            f"{head} divergiert – nach {steps} Schritten höherer Verlust als am Start."
        )
    distance = np.linalg.norm(path[-1] - surface.minimum)
    where = f"noch {distance:.2f} vom Minimum entfernt".replace(".", ",")
    if distance < 0.005:
        where = "am Minimum"
    how = {"schwingt": "schwingt quer über das Tal", "ruhig": "läuft ruhig bergab"}
    if leaves is not None:
        how["schwingt"] = f"verlässt in Schritt {leaves} den Ausschnitt, kehrt zurück"
    return f"{head} {how[behaviour(path)]}; nach {steps} Schritten {where}."


def shown(path):
    """Was das Bild zeigt: einen divergierenden Weg bis zum ersten Punkt draußen."""
    leaves = first_exit(path)
    return path[: leaves + 1] if diverges(path) and leaves is not None else path


for rate in (0.1, 0.4, 0.6):
    print("-", describe("sgd", rate, walks["sgd"][rates.index(rate)]))
# --8<-- [end:learning_rate_grid]

# --8<-- [start:learning_rate_map]
import matplotlib.pyplot as plt
from matplotlib.colors import ListedColormap
from matplotlib.patches import Patch

colors = ("#8fc1e3", "#f0b64d", "#c8443a")  # ruhig, schwingt, divergiert
codes = [[kinds.index(behaviour(path)) for path in walks[name]] for name in walks]
edges = np.sqrt(np.multiply(rates[:-1], rates[1:]))  # Grenzen zwischen den Lernraten
edges = np.concatenate([[rates[0] / 1.2], edges, [rates[-1] * 1.2]])  # äußere Ränder
fig, ax = plt.subplots(figsize=(10, 4), layout="constrained")
rows = np.arange(len(walks) + 1) - 0.5  # eine Zeile je Optimierer
ax.pcolormesh(edges, rows, codes, cmap=ListedColormap(colors))
for row, name in enumerate(walks):  # Strich: Grenze aus der Tabelle
    if limits[name] is not None:
        ax.plot(
            [limits[name]] * 2, [row - 0.45, row + 0.45], color="black", linewidth=2
        )
ax.set_xscale("log")
ax.set_yticks(range(len(walks)), [DISPLAY_NAMES[name] for name in walks])
ax.invert_yaxis()  # SGD oben, wie in der Tabelle
ax.set(xlabel="Lernrate η (logarithmisch)", title=f"Verhalten in {steps} Schritten")
handles = [Patch(color=c, label=kind) for c, kind in zip(colors, kinds, strict=True)]
ax.legend(handles=handles, loc="upper left", bbox_to_anchor=(1.01, 1))
import json  # markdown-exec: hide

from mnist_lib.plotting import figure_html  # markdown-exec: hide

print(figure_html(fig, alt="Eine Zeile je Optimierer über den Lernraten von 0,001 bis 1 000 (logarithmisch), eingefärbt nach dem Verhalten in 100 Schritten: hellblau ruhig bergab, orange schwingend, rot divergierend; ein schwarzer Strich markiert die Grenze aus der Tabelle: " + "; ".join(f"{DISPLAY_NAMES[n]} bei η ≈ {limits[n]:.3g}".replace(".", ",") for n in walks if limits[n]) + "; " + ", ".join(DISPLAY_NAMES[n] for n in walks if not limits[n]) + " divergieren im Raster nicht."))  # markdown-exec: hide  # noqa: E501  # fmt: skip
heights = surface.loss(*np.meshgrid(np.linspace(x_low, x_high, 100), np.linspace(y_low, y_high, 100)))  # markdown-exec: hide  # noqa: E501  # fmt: skip
levels = minimum_loss + np.geomspace(1e-3, 1, 12) * (heights.max() - minimum_loss)  # Höhenlinien wie in plot_optimizer_paths  # markdown-exec: hide  # noqa: E501  # fmt: skip
half_axes, turns = np.linalg.eigh(hessian / 2)  # quadratische Fläche: Höhenlinien sind Ellipsen  # markdown-exec: hide  # noqa: E501  # fmt: skip
circle = np.array([np.cos(np.linspace(0, 2 * np.pi, 73)), np.sin(np.linspace(0, 2 * np.pi, 73))])  # markdown-exec: hide  # noqa: E501  # fmt: skip
ellipses = [surface.minimum + (turns @ (np.sqrt((level - minimum_loss) / half_axes)[:, None] * circle)).T for level in levels]  # markdown-exec: hide  # noqa: E501  # fmt: skip
packed = lambda path: np.diff(np.round(path * 1000).astype(int), axis=0, prepend=0).ravel().tolist()  # Tausendstel, als Differenzen  # markdown-exec: hide  # noqa: E501, E731  # fmt: skip
explorer = {"scale": 1000, "window": [x_low, x_high, y_low, y_high], "start": list(surface.start), "minimum": list(surface.minimum), "steps": steps, "rates": rates, "contours": [packed(e) for e in ellipses], "optimizers": [{"key": name, "name": DISPLAY_NAMES[name], "limit": limits[name], "paths": [packed(shown(p)) for p in walks[name]], "texts": [describe(name, r, p) for r, p in zip(rates, walks[name], strict=True)]} for name in walks]}  # markdown-exec: hide  # noqa: E501  # fmt: skip
print('<script type="application/json" id="nnv-lernrate-daten">' + json.dumps(explorer, ensure_ascii=False, separators=(",", ":")).replace("</", "<\\/") + "</script>")  # markdown-exec: hide  # noqa: E501  # fmt: skip
plt.show()
# --8<-- [end:learning_rate_map]

# --8<-- [start:invalid_hyperparameters]
from mnist_lib.optimizers import SGD, Adam

for make in (lambda: SGD(learning_rate=-0.1), lambda: SGD(momentum=1.0)):
    try:
        make()
    except ValueError as error:
        print(error)
try:
    Adam().step([1.0, 2.0], [0.5, float("nan")])
except ValueError as error:
    print(error)
# --8<-- [end:invalid_hyperparameters]

# --8<-- [start:mnist_training]
import keras

from mnist_lib.optimizers import DISPLAY_NAMES, make_optimizer

(x_train, y_train), _ = keras.datasets.mnist.load_data()
n_samples, epochs = 4000, 5
x = x_train[:n_samples].astype("float32") / 255  # Grauwerte 0 … 1
y = keras.utils.to_categorical(y_train[:n_samples], 10)  # One-Hot-Kodierung


def build_model(optimizer):
    """Das MNIST-Netz 784–512–324–36–10 mit drei verdeckten Sigmoid-Schichten."""
    model = keras.Sequential(
        [
            keras.Input(shape=(28, 28)),
            keras.layers.Flatten(),  # 28 × 28 → 784 Features
            keras.layers.Dense(512, activation="sigmoid"),
            keras.layers.Dense(324, activation="sigmoid"),
            keras.layers.Dense(36, activation="sigmoid"),
            keras.layers.Dense(10, activation="softmax"),
        ]
    )
    model.compile(
        optimizer=optimizer, loss="categorical_crossentropy", metrics=["accuracy"]
    )
    return model


learning_rates = {
    "sgd": 0.5,
    "momentum": 0.05,
    "nesterov": 0.05,
    "adagrad": 0.1,
    "adadelta": 1.0,
    "rmsprop": 0.001,
    "adam": 0.001,
    "ftrl": 0.5,
}
histories = {}
for name, learning_rate in learning_rates.items():
    keras.utils.set_random_seed(42)  # für alle dieselben Startgewichte
    optimizer = make_optimizer(name, learning_rate=learning_rate).to_keras()
    model = build_model(optimizer)
    history = model.fit(
        x, y, epochs=epochs, batch_size=64, validation_split=0.2, verbose=0
    )
    histories[DISPLAY_NAMES[name]] = history
    accuracy = history.history["val_accuracy"][-1]
    print(
        f"{DISPLAY_NAMES[name]:9} η = {learning_rate:<6g} "
        f"Val.-Genauigkeit nach {epochs} Epochen: {accuracy:.3f}"
    )
# --8<-- [end:mnist_training]

# --8<-- [start:mnist_plot]
import matplotlib.pyplot as plt

fig, (ax_acc, ax_loss) = plt.subplots(1, 2, figsize=(11, 4.2), layout="constrained")
markers = "os^vDPX*"  # eine Form pro Optimierer, auch ohne Farben unterscheidbar
for (name, history), marker in zip(histories.items(), markers, strict=True):
    epoch_numbers = range(1, len(history.history["val_loss"]) + 1)
    ax_acc.plot(epoch_numbers, history.history["val_accuracy"], marker=marker)
    ax_loss.plot(epoch_numbers, history.history["val_loss"], marker=marker, label=name)
ax_acc.set(title="Validierungsgenauigkeit", xlabel="Epoche", ylabel="Genauigkeit")
ax_loss.set(title="Validierungsverlust", xlabel="Epoche", ylabel="Verlust")
ax_loss.legend(loc="center left", bbox_to_anchor=(1.02, 0.5))
fig.suptitle(
    f"MNIST-Netz: {n_samples} Bilder, davon 20 % zur Validierung, {epochs} Epochen"
)
from mnist_lib.plotting import figure_html  # markdown-exec: hide

print(figure_html(fig, alt="Zwei Diagramme mit je acht Kurven, eine pro Optimierer: links die Genauigkeit, rechts der Verlust auf der Validierungsmenge über fünf Epochen. Die genauen Werte stehen in der Ausgabe darüber und darunter."))  # markdown-exec: hide  # noqa: E501  # fmt: skip
plt.show()
# --8<-- [end:mnist_plot]

# --8<-- [start:mnist_verdict]
final = {name: h.history["val_accuracy"][-1] for name, h in histories.items()}
ranking = sorted(final, key=final.get, reverse=True)
print("Rangfolge nach der letzten Epoche:", " > ".join(ranking))
best, last = ranking[0], ranking[-1]
print(f"Vorn: {best} mit {final[best]:.1%}, hinten: {last} mit {final[last]:.1%}.")

stuck = [name for name in ranking if final[name] < 0.2]  # kaum besser als Raten
if stuck:
    print(f"Noch nahe am Raten (unter 20 %): {', '.join(stuck)}.")
else:
    print("Alle acht liegen klar über dem Raten (etwa 10 %).")

adaptive = max(["Adagrad", "Adadelta", "RMSprop", "Adam"], key=final.get)
sgd_family = max(["SGD", "Momentum", "Nesterov"], key=final.get)
if final[adaptive] > final[sgd_family]:
    leader = "die adaptiven Verfahren"
else:
    leader = "die SGD-Familie"
print(
    f"Bester adaptiver Optimierer: {adaptive} ({final[adaptive]:.1%}), "
    f"bester aus der SGD-Familie: {sgd_family} ({final[sgd_family]:.1%}) "
    f"– hier liegen {leader} vorn."
)
# --8<-- [end:mnist_verdict]

# --8<-- [start:ftrl_first_step]
import numpy as np

keras.utils.set_random_seed(42)
model = build_model(keras.optimizers.Ftrl(learning_rate=0.5))
dense = model.layers[1]  # erste verdeckte Schicht (nach Flatten), 784 × 512 Gewichte
before = np.abs(dense.kernel.numpy()).mean()
model.train_on_batch(x[:64], y[:64])  # ein einziger Schritt
after = np.abs(dense.kernel.numpy()).mean()
print(f"mittlerer Betrag der Gewichte vorher:          {before:.6f}")
print(f"mittlerer Betrag nach einem Schritt mit Ftrl:  {after:.6f}")
# --8<-- [end:ftrl_first_step]

# --8<-- [start:ftrl_reset]
import numpy as np

from mnist_lib.optimizers import SGD, Ftrl

start = np.array([-2.5, 0.2])
small_gradient = np.array([0.001, -0.001])
for optimizer in (SGD(learning_rate=0.3), Ftrl(learning_rate=0.3)):
    new = optimizer.step(start, small_gradient)
    print(f"{type(optimizer).__name__:4}: {start} → {new.round(5)}")
# --8<-- [end:ftrl_reset]

# --8<-- [start:keras_check]
import numpy as np

from mnist_lib.optimizers import (
    DISPLAY_NAMES,
    OPTIMIZER_NAMES,
    diabetes_surface,
    keras_trajectory,
    make_optimizer,
    run_trajectory,
)

surface = diabetes_surface()
for name in OPTIMIZER_NAMES:
    optimizer = make_optimizer(name, learning_rate=0.01)
    ours = run_trajectory(optimizer, surface.gradient, surface.start, steps=100)
    theirs = keras_trajectory(optimizer, surface.gradient, surface.start, steps=100)
    same = np.allclose(ours, theirs, rtol=0, atol=1e-10)
    print(f"{DISPLAY_NAMES[name]:9} 100 Schritte wie keras.optimizers? {same}")
twin = make_optimizer("nesterov").to_keras()  # das Gegenstück in Keras
print("Nesterov in Keras:", type(twin).__name__, twin.get_config()["nesterov"])
# --8<-- [end:keras_check]

# --8<-- [start:tf1_table]
import inspect

import keras
import tensorflow as tf

from mnist_lib.optimizers import TF1_TO_KERAS

INTERNAL = {"self", "use_locking", "name", "accum_name", "linear_name"}
INTERNAL |= {"use_own_namescope_for_non_slot_vars"}


def arguments(cls):
    """Argument → Voreinstellung, wie sie in der Signatur steht."""
    result = {}
    for parameter in inspect.signature(cls.__init__).parameters.values():
        if parameter.name == "weight_decay":
            break  # ab hier folgen die gemeinsamen Argumente aller Keras-Optimierer
        if parameter.name not in INTERNAL:
            empty = parameter.default is inspect.Parameter.empty
            result[parameter.name] = "Pflicht" if empty else f"`{parameter.default!r}`"
    return result


print(f"TensorFlow {tf.__version__}, Keras {keras.__version__}\n")
print("| `tf.compat.v1.train.…` | `keras.optimizers.…` | Änderungen |")
print("|---|---|---|")
for entry in TF1_TO_KERAS:
    old_class = getattr(tf.compat.v1.train, entry.tf1_name)  # gibt es noch
    new_class = getattr(keras.optimizers, entry.keras_class)
    new_class(**entry.keras_kwargs)  # lässt sich anlegen
    old, new = arguments(old_class), arguments(new_class)
    old_name = {b: a for a, b in entry.renamed.items()}  # neuer → alter Name
    changes = [f"`{a}` heißt jetzt `{b}`" for a, b in entry.renamed.items()]
    for name, default in new.items():
        before = old.get(old_name.get(name, name))
        if before is None:
            changes.append(f"neu: `{name}` ({default})")
        elif before != default:
            changes.append(f"`{name}`: {before} → {default}")
    call = ", ".join(f"{key}={value}" for key, value in entry.keras_kwargs.items())
    print(
        f"| `{entry.tf1_name}` | `{entry.keras_class}({call})` "
        f"| {'; '.join(changes) or '–'} |"
    )
# --8<-- [end:tf1_table]

# --8<-- [start:tf1_in_keras3]
import keras
import tensorflow as tf

print("tf.train.AdamOptimizer vorhanden?", hasattr(tf.train, "AdamOptimizer"))
model = keras.Sequential([keras.Input(shape=(4,)), keras.layers.Dense(1)])
try:
    model.compile(optimizer=tf.compat.v1.train.AdamOptimizer(), loss="mse")
except ValueError as error:
    print("TF-1-Optimierer in Keras 3:", str(error).split(":")[0])
try:
    keras.optimizers.RMSprop(lr=0.001)  # Keras 2 kannte noch lr=
except ValueError as error:
    print("Keras 2, lr=…:", error)
# --8<-- [end:tf1_in_keras3]

# --8<-- [start:keras3_way]
import keras

model = keras.Sequential([keras.Input(shape=(4,)), keras.layers.Dense(1)])
model.compile(
    optimizer=keras.optimizers.RMSprop(learning_rate=0.001),
    loss="mse",
)
print(type(model.optimizer).__name__, f"{float(model.optimizer.learning_rate):g}")
model.compile(optimizer="adam", loss="mse")  # Kurzname: alle Voreinstellungen
print(type(model.optimizer).__name__, f"{float(model.optimizer.learning_rate):g}")
# --8<-- [end:keras3_way]

# --8<-- [start:exercise_1]
import numpy as np
from sklearn.datasets import load_diabetes

data = load_diabetes()
x = data.data[:, data.feature_names.index("bmi")]
x = (x - x.mean()) / x.std()
y = (data.target - data.target.mean()) / data.target.std()

# zweite Ableitungen von L(w, b) = mean((w·x + b − y)²)
hessian = 2 * np.array([[np.mean(x**2), np.mean(x)], [np.mean(x), 1.0]])
print("Hesse-Matrix:")
print(hessian.round(6) + 0.0)  # + 0.0 macht aus −0 eine 0
print("Eigenwerte:", np.linalg.eigvalsh(hessian).round(6))
w_best = np.mean(x * y)  # Minimum: b = 0, w = Korrelation von x und y
print(f"Minimum bei w = {w_best:.3f}, b = 0")
# --8<-- [end:exercise_1]

# --8<-- [start:exercise_2]
import numpy as np

from mnist_lib.optimizers import SGD, Adam

start = np.zeros(2)
gradient = np.array([0.01, 1000.0])
for optimizer in (SGD(learning_rate=0.001), Adam(learning_rate=0.001)):
    step = optimizer.step(start, gradient) - start
    print(f"{type(optimizer).__name__:4}: {step.round(5)}")
# --8<-- [end:exercise_2]

# --8<-- [start:exercise_3]
import numpy as np

from mnist_lib.optimizers import SGD, diabetes_surface, run_trajectory

surface = diabetes_surface()
for learning_rate in (0.52, 0.53):
    path = run_trajectory(
        SGD(learning_rate), surface.gradient, surface.start, steps=200
    )
    distance = np.linalg.norm(path[-1] - surface.minimum)
    print(f"η = {learning_rate}: Abstand nach 200 Schritten {distance:.3f}")
# --8<-- [end:exercise_3]

# --8<-- [start:exercise_4]
import numpy as np

from mnist_lib.optimizers import Adadelta, diabetes_surface, run_trajectory

surface = diabetes_surface()
for epsilon in (1e-7, 1e-6):
    optimizer = Adadelta(learning_rate=1.0, epsilon=epsilon)
    path = run_trajectory(optimizer, surface.gradient, surface.start, steps=2000)
    losses = np.array([surface.value(point) for point in path])
    first = np.abs(path[1] - path[0]).max()
    below = int(np.argmax(losses < 1.0))  # erster Schritt mit Verlust < 1
    print(
        f"ε = {epsilon:g}: erster Schritt {first:.5f}, Verlust < 1 ab Schritt {below}"
    )
# --8<-- [end:exercise_4]

# --8<-- [start:exercise_5]
import numpy as np

from mnist_lib.optimizers import SGD, rosenbrock_gradient, run_trajectory

learning_rate, momentum = 0.0005, 0.9  # η und β
w = np.array([-1.5, 2.0])
m = np.zeros(2)  # Geschwindigkeit, Start 0
own = [w]
for _ in range(300):
    m = momentum * m - learning_rate * rosenbrock_gradient(w)  # m ← β·m − η·g
    w = w + m  # w ← w + m
    own.append(w)

reference = run_trajectory(
    SGD(learning_rate, momentum=momentum), rosenbrock_gradient, [-1.5, 2.0], 300
)
print("gleicher Weg?", np.allclose(np.array(own), reference, rtol=0, atol=1e-12))
print("Endpunkt:", own[-1].round(3))
# --8<-- [end:exercise_5]

# --8<-- [start:exercise_6]
import numpy as np

from mnist_lib.optimizers import SGD, Adam, diabetes_surface, run_trajectory

surface = diabetes_surface()
optimizers = {
    "Momentum": lambda learning_rate: SGD(learning_rate, momentum=0.9),
    "Adam": lambda learning_rate: Adam(learning_rate),
}
diverged = {name: [] for name in optimizers}
for name, make in optimizers.items():
    for learning_rate in (0.003, 0.1, 1.2):  # η: klein, mittel, groß
        optimizer = make(learning_rate)
        try:
            path = run_trajectory(optimizer, surface.gradient, surface.start, 100)
        except ValueError as error:  # Werte sind NaN oder unendlich geworden
            print(f"{name:8} η = {learning_rate:<5}: divergiert ({error})")
            diverged[name].append(learning_rate)
            continue
        distances = np.linalg.norm(path - surface.minimum, axis=1)
        # Schritte, nach denen der Abstand zum Minimum wächst: überschossen
        growing = int(np.sum(np.diff(distances) > 0))
        if distances[-1] > distances[0]:
            verdict = "divergiert"
            diverged[name].append(learning_rate)
        elif growing == 0:
            verdict = "ohne Überschießen bergab"
        else:
            verdict = "schießt über, pendelt sich ein"
        if verdict != "divergiert" and distances[-1] > 0.05:
            verdict += ", noch unterwegs"
        print(
            f"{name:8} η = {learning_rate:<5} Abstand {distances[-1]:8.3g}, "
            f"wächst in {growing:3} Schritten: {verdict}"
        )
for name, rates in diverged.items():
    if rates:
        print(f"{name} divergiert bei η = {', '.join(map(str, rates))}.")
    else:
        print(f"{name} divergiert bei keiner dieser Lernraten.")
# --8<-- [end:exercise_6]
