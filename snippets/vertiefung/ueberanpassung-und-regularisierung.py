"""Überanpassung und Regularisierung.

Ein großes Netz lernt 500 MNIST-Bilder auswendig; L2, L1, Dropout, Early Stopping
und Datenaugmentierung bremsen das, L2 und Dropout zusätzlich in NumPy nachgerechnet.
Seite: docs/vertiefung/ueberanpassung-und-regularisierung.md
"""

# --8<-- [start:overfit]
import keras
import numpy as np

(x_all, y_all), _ = keras.datasets.mnist.load_data()
x_all = x_all.astype("float32") / 255  # Grauwerte 0 … 1
n_train, epochs = 500, 25
x_train, y_train = x_all[:n_train], y_all[:n_train]  # absichtlich wenige Bilder
x_val, y_val = x_all[-1000:], y_all[-1000:]  # 1 000 andere Bilder zum Messen


def build_model(regularizer=None, dropout=0.0, augment=False):
    """784–256–256–10 mit ReLU: rund 270 000 Parameter für 500 Bilder."""
    layers = [keras.Input(shape=(28, 28))]
    if augment:  # nur im Training aktiv, wie Dropout
        layers += [
            keras.layers.Reshape((28, 28, 1)),  # Bildschichten wollen einen Kanal
            keras.layers.RandomRotation(0.03),  # bis ± 0,03 · 360° ≈ 11°
            keras.layers.RandomTranslation(0.1, 0.1),  # bis ± 2,8 Bildpunkte
        ]
    layers.append(keras.layers.Flatten())
    for _ in range(2):
        layers.append(
            keras.layers.Dense(256, activation="relu", kernel_regularizer=regularizer)
        )
        if dropout:
            layers.append(keras.layers.Dropout(dropout))
    layers.append(keras.layers.Dense(10, activation="softmax"))
    model = keras.Sequential(layers)
    model.compile(
        optimizer=keras.optimizers.Adam(learning_rate=0.001),
        loss="sparse_categorical_crossentropy",  # Labels als Zahlen 0 … 9
        # Kreuzentropie als eigene Metrik: anders als loss ohne L1/L2-Strafterm
        metrics=["accuracy", keras.metrics.SparseCategoricalCrossentropy(name="ce")],
    )
    return model


def train(callbacks=(), **options):
    """Trainiert mit demselben Startwert des Zufalls; gibt Modell und Verlauf zurück."""
    keras.utils.set_random_seed(7)
    model = build_model(**options)
    history = model.fit(
        x_train,
        y_train,
        epochs=epochs,
        batch_size=50,
        validation_data=(x_val, y_val),
        callbacks=list(callbacks),
        verbose=0,
    )
    return model, history.history


baseline, curves = train()
best = int(np.argmin(curves["val_loss"]))  # Index der Epoche mit kleinstem Val.-Verlust
print("                  Verlust            Genauigkeit")
print("                  Training  Valid.   Training  Valid.")
for label, epoch in (("beste Epoche", best), ("letzte Epoche", epochs - 1)):
    print(
        f"{label:13} {epoch + 1:2}  {curves['loss'][epoch]:.3f}     "
        f"{curves['val_loss'][epoch]:.3f}    {curves['accuracy'][epoch]:.3f}     "
        f"{curves['val_accuracy'][epoch]:.3f}"
    )
# --8<-- [end:overfit]

# --8<-- [start:overfit_plot]
import matplotlib.pyplot as plt

fig, (ax_loss, ax_acc) = plt.subplots(1, 2, figsize=(11, 4), layout="constrained")
epoch_numbers = np.arange(1, epochs + 1)
for ax, name, title in (
    (ax_loss, "loss", "Verlust"),
    (ax_acc, "accuracy", "Genauigkeit"),
):
    ax.plot(epoch_numbers, curves[name], label="Training")
    ax.plot(epoch_numbers, curves[f"val_{name}"], "--", label="Validierung")
    ax.axvline(best + 1, color="gray", linestyle=":", label="kleinster Val.-Verlust")
    ax.set(title=title, xlabel="Epoche", ylabel=title)
ax_loss.legend()
from mnist_lib.plotting import figure_html  # markdown-exec: hide

print(figure_html(fig, alt="Zwei Diagramme mit Lernkurven über 25 Epochen, je eine Kurve für Training und Validierung. Links der Verlust: Die Trainingskurve fällt fast auf null, die Validierungskurve fällt erst und steigt nach ihrem Tiefpunkt (senkrechte gepunktete Linie) wieder an. Rechts die Genauigkeit: Training erreicht fast 100 %, Validierung bleibt deutlich darunter."))  # markdown-exec: hide  # noqa: E501  # fmt: skip
plt.show()
# --8<-- [end:overfit_plot]

# --8<-- [start:comparison]
stop = keras.callbacks.EarlyStopping(
    monitor="val_loss", patience=5, restore_best_weights=True
)
variants = {
    "ohne": {},
    "L2 (λ = 0.001)": {"regularizer": keras.regularizers.L2(0.001)},
    "L1 (λ = 0.0001)": {"regularizer": keras.regularizers.L1(0.0001)},
    "Dropout 0.5": {"dropout": 0.5},
    "Early Stopping": {"callbacks": [stop]},
    "Augmentierung": {"augment": True},
}
results = {"ohne": (baseline, curves)}  # schon oben trainiert
for name, options in variants.items():
    if name not in results:
        results[name] = train(**options)

print("| Variante | Epochen | Genauigkeit Training | Genauigkeit Validierung | Lücke | Val.-Verlust |")  # noqa: E501  # fmt: skip
print("|---|---:|---:|---:|---:|---:|")
scores = {}
for name, (model, history) in results.items():
    # Am Ende gemessen, ohne Dropout und Augmentierung; bei Early Stopping
    # sind das die zurückgeholten Gewichte der besten Epoche.
    _, train_acc, _ = model.evaluate(x_train, y_train, verbose=0)
    _, val_acc, val_loss = model.evaluate(x_val, y_val, verbose=0)  # Kreuzentropie
    scores[name] = (train_acc, val_acc, val_loss)
    print(
        f"| {name} | {len(history['loss'])} | {train_acc:.1%} | {val_acc:.1%} "
        f"| {train_acc - val_acc:.1%} | {val_loss:.3f} |"
    )
# --8<-- [end:comparison]

# --8<-- [start:comparison_plot]
import matplotlib.pyplot as plt

fig, ax = plt.subplots(figsize=(8, 4.5), layout="constrained")
styles = ["-", "--", "-.", ":", "-", "--"]
markers = ["o", "s", "^", "v", "D", "X"]  # auch ohne Farben unterscheidbar
for (name, (_, history)), style, marker in zip(
    results.items(), styles, markers, strict=True
):
    numbers = np.arange(1, len(history["val_loss"]) + 1)
    ax.plot(numbers, history["val_ce"], style, marker=marker, markevery=6, label=name)
ax.set(title="Validierungsverlust je Variante", xlabel="Epoche", ylabel="Kreuzentropie")
ax.legend()
from mnist_lib.plotting import figure_html  # markdown-exec: hide

print(figure_html(fig, alt="Validierungsverlust über die Epochen für sechs Varianten: ohne Regularisierung, L2, L1, Dropout, Early Stopping und Augmentierung. Die genauen Endwerte stehen in der Tabelle darüber."))  # markdown-exec: hide  # noqa: E501  # fmt: skip
plt.show()
# --8<-- [end:comparison_plot]

# --8<-- [start:verdict]
gap = {name: train_acc - val_acc for name, (train_acc, val_acc, _) in scores.items()}
val_acc = {name: values[1] for name, values in scores.items()}
smaller_gap = [name for name in gap if gap[name] < gap["ohne"]]
better = [name for name in val_acc if val_acc[name] > val_acc["ohne"]]
val_loss = {name: values[2] for name, values in scores.items()}
lower = [name for name in val_loss if val_loss[name] < val_loss["ohne"]]
print(f"Kleinere Lücke als ohne Regularisierung: {', '.join(smaller_gap) or 'keine'}.")
print(f"Höhere Validierungsgenauigkeit als ohne: {', '.join(better) or 'keine'}.")
print(f"Kleinerer Validierungsverlust als ohne: {', '.join(lower) or 'keine'}.")
winner = max(val_acc, key=val_acc.get)
print(f"Beste Validierungsgenauigkeit: {winner} mit {val_acc[winner]:.1%}.")
stopped = len(results["Early Stopping"][1]["loss"])
if stopped < epochs:
    print(f"Early Stopping hat nach {stopped} von {epochs} Epochen abgebrochen.")
else:
    print(f"Early Stopping hat nicht abgebrochen: Alle {epochs} Epochen liefen.")
# --8<-- [end:verdict]

# --8<-- [start:l2_numpy]
import numpy as np


def l2_penalty(weights: np.ndarray, l2: float) -> float:
    """Strafterm von keras.regularizers.L2(l2): l2 · Summe aller w²."""
    if l2 < 0:
        raise ValueError(f"Die L2-Stärke muss ≥ 0 sein, bekommen: {l2}.")
    return float(l2 * np.sum(np.square(weights)))


def l2_gradient(weights: np.ndarray, l2: float) -> np.ndarray:
    """Ableitung des Strafterms nach jedem Gewicht: 2 · l2 · w."""
    if l2 < 0:
        raise ValueError(f"Die L2-Stärke muss ≥ 0 sein, bekommen: {l2}.")
    return 2 * l2 * weights


rng = np.random.default_rng(0)
weights = rng.normal(size=(3, 2))
print("Strafterm λ·Σw²:", round(l2_penalty(weights, 0.01), 6))
print("Gradient 2λw:")
print(l2_gradient(weights, 0.01).round(4))
# --8<-- [end:l2_numpy]

# --8<-- [start:l2_step]
import keras
import numpy as np
import tensorflow as tf

l2, learning_rate = 0.01, 0.1
rng = np.random.default_rng(1)
x = rng.normal(size=(8, 3)).astype("float32")  # 8 Samples, 3 Features
y = rng.normal(size=(8, 2)).astype("float32")
w_start = rng.normal(size=(3, 2)).astype("float32")

# Keras: eine Schicht ohne Bias und Aktivierung, mit L2 auf den Gewichten
layer = keras.layers.Dense(
    2, use_bias=False, kernel_regularizer=keras.regularizers.L2(l2)
)
layer.build((None, 3))
layer.kernel.assign(w_start)
with tf.GradientTape() as tape:
    mse = tf.reduce_mean(tf.square(layer(x) - y))
    penalty = tf.add_n(layer.losses)  # layer.losses: der Strafterm λ·Σw²
    loss = mse + penalty
keras_gradient = tape.gradient(loss, layer.kernel).numpy()
keras.optimizers.SGD(learning_rate).apply([keras_gradient], [layer.kernel])

# NumPy: derselbe Schritt von Hand
error = x @ w_start - y
data_gradient = 2 * x.T @ error / error.size  # Ableitung des mittleren quadr. Fehlers
gradient = data_gradient + l2_gradient(w_start, l2)
w_new = w_start - learning_rate * gradient

print("Strafterm gleich?    ", np.isclose(float(penalty), l2_penalty(w_start, l2)))
print("Gradient gleich?    ", np.allclose(keras_gradient, gradient, atol=1e-6))
print("neue Gewichte gleich?", np.allclose(layer.kernel.numpy(), w_new, atol=1e-6))
# --8<-- [end:l2_step]

# --8<-- [start:dropout_numpy]
import numpy as np


def dropout_mask(
    shape: tuple[int, ...], rate: float, rng: np.random.Generator
) -> np.ndarray:
    """Zufällige Maske; True (Wahrscheinlichkeit 1 − rate): die Ausgabe bleibt."""
    if not 0 <= rate < 1:
        raise ValueError(
            f"Die Dropout-Rate muss im Bereich [0, 1) liegen, bekommen: {rate}."
        )
    return rng.random(shape) >= rate


def inverted_dropout(values: np.ndarray, keep: np.ndarray, rate: float) -> np.ndarray:
    """Dropout im Training: außerhalb der Maske 0, sonst mal 1/(1 − rate)."""
    if not 0 <= rate < 1:
        raise ValueError(
            f"Die Dropout-Rate muss im Bereich [0, 1) liegen, bekommen: {rate}."
        )
    if np.shape(keep) != np.shape(values):
        raise ValueError(
            f"Maske {np.shape(keep)} und Ausgaben {np.shape(values)} brauchen "
            "dieselbe Shape."
        )
    return values * keep / (1 - rate)


rng = np.random.default_rng(0)
values = np.ones((2, 8))
print(inverted_dropout(values, dropout_mask(values.shape, 0.5, rng), rate=0.5))
many = np.ones(1_000_000)
big = inverted_dropout(many, dropout_mask(many.shape, 0.5, rng), rate=0.5)
print("Mittelwert über eine Million Ausgaben:", big.mean().round(2))
# --8<-- [end:dropout_numpy]

# --8<-- [start:dropout_keras]
import keras
import numpy as np

keras.utils.set_random_seed(3)
rate = 0.25
values = np.random.default_rng(5).uniform(1, 2, size=(4, 1000)).astype("float32")
layer = keras.layers.Dropout(rate)
trained = keras.ops.convert_to_numpy(layer(values, training=True))
predicted = keras.ops.convert_to_numpy(layer(values, training=False))

keep = trained != 0  # die Maske, die Keras gezogen hat (alle Werte sind ≥ 1)
ours = inverted_dropout(values, keep, rate)  # unsere Rechnung mit derselben Maske
print(f"Anteil auf 0 gesetzt: {1 - keep.mean():.3f} (Rate {rate})")
print("gleiche Maske, gleiche Ausgabe?", np.allclose(ours, trained, rtol=1e-6))
print("training=False ändert nichts? ", np.array_equal(predicted, values))
print(f"Mittelwert vorher {values.mean():.3f}, im Training {trained.mean():.3f}")
# --8<-- [end:dropout_keras]

# --8<-- [start:augment_plot]
import keras
import matplotlib.pyplot as plt

(x_train, _), _ = keras.datasets.mnist.load_data()
keras.utils.set_random_seed(1)
augment = keras.Sequential(
    [
        keras.Input(shape=(28, 28, 1)),
        keras.layers.RandomRotation(0.03),
        keras.layers.RandomTranslation(0.1, 0.1),
    ]
)
digits = x_train[:4, :, :, None] / 255  # vier Ziffern mit einer Kanal-Achse
fig, axes = plt.subplots(4, 5, figsize=(7, 5.8), layout="constrained")
for row, digit in zip(axes, digits, strict=True):
    row[0].imshow(digit[:, :, 0], cmap="gray_r")
    row[0].set_title("Original", fontsize="small")
    for ax in row[1:]:
        varied = keras.ops.convert_to_numpy(augment(digit[None], training=True))
        ax.imshow(varied[0, :, :, 0], cmap="gray_r")
for ax in axes.ravel():
    ax.set_axis_off()
from mnist_lib.plotting import figure_html  # markdown-exec: hide

print(figure_html(fig, alt="Vier Zeilen mit je fünf Bildern: links eine Ziffer aus MNIST, rechts daneben vier Varianten derselben Ziffer, jeweils leicht gedreht und um wenige Bildpunkte verschoben. Die Ziffern bleiben gut lesbar."))  # markdown-exec: hide  # noqa: E501  # fmt: skip
plt.show()
# --8<-- [end:augment_plot]

# --8<-- [start:exercise_data]
import keras

(x_all, y_all), _ = keras.datasets.mnist.load_data()
x_all = x_all.astype("float32") / 255
x_val, y_val = x_all[-1000:], y_all[-1000:]  # dieselben 1 000 Bilder wie oben
gaps, val_accs = [], []
for n_images in (500, 1000, 2000):
    keras.utils.set_random_seed(7)
    model = keras.Sequential(
        [
            keras.Input(shape=(28, 28)),
            keras.layers.Flatten(),
            keras.layers.Dense(512, activation="relu"),
            keras.layers.Dense(512, activation="relu"),
            keras.layers.Dense(10, activation="softmax"),
        ]
    )
    model.compile(
        optimizer="adam", loss="sparse_categorical_crossentropy", metrics=["accuracy"]
    )
    x, y = x_all[:n_images], y_all[:n_images]
    model.fit(x, y, epochs=20, batch_size=50, verbose=0)
    _, train_acc = model.evaluate(x, y, verbose=0)
    _, val_acc = model.evaluate(x_val, y_val, verbose=0)
    gaps.append(train_acc - val_acc)
    val_accs.append(val_acc)
    print(
        f"{n_images:5} Bilder: Training {train_acc:.1%}, Validierung {val_acc:.1%}, "
        f"Lücke {train_acc - val_acc:.1%}"
    )
print("Lücke mit jeder Verdopplung kleiner?", gaps[0] > gaps[1] > gaps[2])
print(
    "Validierung mit jeder Verdopplung besser?", val_accs[0] < val_accs[1] < val_accs[2]
)
# --8<-- [end:exercise_data]

# --8<-- [start:exercise_l1]
import keras
import numpy as np
import tensorflow as tf

weights = tf.Variable([[0.5, -0.2], [0.0, 3.0]])
with tf.GradientTape() as tape:
    penalty = keras.regularizers.L1(0.01)(weights)
print("Strafterm:", round(float(penalty), 6))
gradient = tape.gradient(penalty, weights).numpy().astype("float64")
print("Gradient von Keras:", gradient.round(6).tolist())
print(
    "λ · Vorzeichen(w): ", (0.01 * np.sign(weights.numpy().astype("float64"))).tolist()
)
# --8<-- [end:exercise_l1]
