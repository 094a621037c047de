"""Faltung verstehen.

Ein 3 × 3-Filter von Hand in NumPy und als Conv2D, Padding, Schrittweite, Pooling,
Parameter von Faltung und Dense-Schicht, dazu das CNN aus dem Rezept auf MNIST mit
seinen Filtern und Feature-Maps, verglichen mit dem MLP der Einstiegslektion.
Seite: docs/vertiefung/faltung-verstehen.md
"""

# --8<-- [start:correlate]
import numpy as np


def correlate(image: np.ndarray, kernel: np.ndarray, stride: int = 1) -> np.ndarray:
    """Den Filter `kernel` über das Bild schieben („valid“: nur ganz im Bild)."""
    image, kernel = np.asarray(image, dtype=float), np.asarray(kernel, dtype=float)
    if image.ndim != 2 or kernel.ndim != 2:
        raise ValueError(
            f"Bild und Filter müssen zweidimensional sein, nicht {image.shape} "
            f"und {kernel.shape}."
        )
    if kernel.shape[0] > image.shape[0] or kernel.shape[1] > image.shape[1]:
        raise ValueError(
            f"Der Filter {kernel.shape} ist größer als das Bild {image.shape}."
        )
    if not isinstance(stride, int) or stride < 1:
        raise ValueError(f"Die Schrittweite muss eine ganze Zahl ≥ 1 sein: {stride!r}")
    rows = (image.shape[0] - kernel.shape[0]) // stride + 1
    cols = (image.shape[1] - kernel.shape[1]) // stride + 1
    out = np.zeros((rows, cols))
    for i in range(rows):
        for j in range(cols):
            r, c = i * stride, j * stride  # linke obere Ecke des Ausschnitts
            patch = image[r : r + kernel.shape[0], c : c + kernel.shape[1]]
            out[i, j] = np.sum(patch * kernel)  # Gewichte mal Bildpunkte, summiert
    return out


# --8<-- [end:correlate]

# --8<-- [start:filters]
import keras

(x_train, y_train), (x_test, y_test) = keras.datasets.mnist.load_data()
digit = x_train[0].astype("float32") / 255  # Grauwerte 0 … 1

kernels = {
    "senkrechte Kanten": np.array([[1, 0, -1], [2, 0, -2], [1, 0, -1]]),
    "waagerechte Kanten": np.array([[1, 2, 1], [0, 0, 0], [-1, -2, -1]]),
    "Weichzeichnen": np.full((3, 3), 1 / 9),
}
maps = {name: correlate(digit, kernel) for name, kernel in kernels.items()}
print("Label:", y_train[0], " Bild:", digit.shape)
for name, result in maps.items():
    print(f"{name:19} {result.shape}  von {result.min():6.2f} bis {result.max():5.2f}")
# --8<-- [end:filters]

# --8<-- [start:filters_plot]
import matplotlib.pyplot as plt

fig, axes = plt.subplots(1, 4, figsize=(11, 3), layout="constrained")
axes[0].imshow(digit, cmap="Greys")
axes[0].set_title(f"Ziffer (Label {y_train[0]})")
for ax, (name, result) in zip(axes[1:], maps.items(), strict=True):
    limit = np.abs(result).max()
    cmap = "Greys" if name == "Weichzeichnen" else "RdBu_r"  # rot +, blau −
    vmin = 0 if name == "Weichzeichnen" else -limit
    ax.imshow(result, cmap=cmap, vmin=vmin, vmax=limit)
    ax.set_title(name)
for ax in axes:
    ax.axis("off")
from mnist_lib.plotting import figure_html  # markdown-exec: hide

print(figure_html(fig, alt="Vier Bilder nebeneinander: links die erste Ziffer der Trainingsbilder, daneben das Ergebnis der drei Filter. Der Filter für senkrechte Kanten färbt die linken und rechten Ränder der Striche rot und blau, der für waagerechte Kanten die oberen und unteren Ränder. Das weichgezeichnete Bild zeigt die Ziffer unscharf."))  # markdown-exec: hide  # noqa: E501  # fmt: skip
plt.show()
# --8<-- [end:filters_plot]

# --8<-- [start:conv2d_check]
import keras
import numpy as np

conv = keras.layers.Conv2D(3, (3, 3), use_bias=False)  # drei Filter, kein Bias
batch = digit[np.newaxis, :, :, np.newaxis]  # (Samples, Höhe, Breite, Kanäle)
conv.build(batch.shape)
# Keras-Form des Kerns: (Höhe, Breite, Eingabekanäle, Filter)
weights = np.stack(list(kernels.values()), axis=-1)[:, :, np.newaxis, :]
conv.set_weights([weights])
keras_maps = conv(batch).numpy()
print("Conv2D:", batch.shape, "→", keras_maps.shape)
for number, (name, result) in enumerate(maps.items()):
    difference = np.abs(keras_maps[0, :, :, number] - result).max()
    print(f"{name:19} größte Abweichung zu NumPy: {difference:.1e}")

# Faltung im Sinn der Mathematik: Kern erst um 180° drehen, dann schieben
edge = kernels["senkrechte Kanten"]
flipped = correlate(digit, edge[::-1, ::-1])
same_as_keras = np.allclose(flipped, keras_maps[0, :, :, 0], atol=1e-5)
print("mit gedrehtem Kern gleich wie Conv2D?", same_as_keras)
print(
    "mit gedrehtem Kern genau das Negative?",
    np.allclose(flipped, -maps["senkrechte Kanten"]),
)
# --8<-- [end:conv2d_check]

# --8<-- [start:shapes]
import keras
import numpy as np

images = np.zeros((1, 28, 28, 1))  # ein Bild: (Samples, Höhe, Breite, Kanäle)
for padding in ("valid", "same"):
    for strides in (1, 2):
        layer = keras.layers.Conv2D(8, (3, 3), padding=padding, strides=strides)
        print(f"padding={padding!r:8} strides={strides}: {layer(images).shape}")
pool = keras.layers.MaxPooling2D(pool_size=(2, 2))
print("MaxPooling2D(2, 2) nach valid:", pool(np.zeros((1, 26, 26, 8))).shape)
# --8<-- [end:shapes]

# --8<-- [start:pooling]
import keras
import numpy as np

values = np.array(
    [[1, 3, 0, 2], [4, 2, 1, 0], [0, 1, 5, 6], [2, 2, 7, 1]], dtype="float32"
)
pooled = keras.layers.MaxPooling2D(pool_size=(2, 2))(values.reshape(1, 4, 4, 1))
print(pooled.numpy().reshape(2, 2))
# von Hand: in 2 × 2-Blöcke zerlegen und in jedem Block das Maximum nehmen
print(values.reshape(2, 2, 2, 2).max(axis=(1, 3)))
# --8<-- [end:pooling]

# --8<-- [start:parameters]
import keras

conv = keras.layers.Conv2D(32, (3, 3))
conv.build((None, 28, 28, 1))
print(
    "Conv2D(32, 3 × 3):  von Hand", 3 * 3 * 1 * 32 + 32, " Keras", conv.count_params()
)

dense = keras.layers.Dense(32)
dense.build((None, 28 * 28))
print("Dense(32):          von Hand", 784 * 32 + 32, " Keras", dense.count_params())

# So viele Ausgaben wie die Faltung: 26 · 26 · 32 Zahlen
units = 26 * 26 * 32
big = keras.layers.Dense(units)
big.build((None, 28 * 28))
print(
    f"Dense({units}):       von Hand", 784 * units + units, " Keras", big.count_params()
)
# --8<-- [end:parameters]

# --8<-- [start:training]
import keras
from keras import layers

n_train, n_test, epochs, batch_size = 2000, 1000, 4, 64  # für beide Netze gleich
(x_train, y_train), (x_test, y_test) = keras.datasets.mnist.load_data()
x_fit = x_train[:n_train, :, :, None].astype("float32") / 255  # Kanalachse dazu
x_eval = x_test[:n_test, :, :, None].astype("float32") / 255
y_fit = keras.utils.to_categorical(y_train[:n_train], 10)
y_eval = keras.utils.to_categorical(y_test[:n_test], 10)


def build_cnn() -> keras.Sequential:
    """Das CNN aus dem Rezept „Modelle bauen“, für Bilder mit 28 × 28 × 1."""
    return keras.Sequential(
        [
            keras.Input(shape=(28, 28, 1)),
            layers.Conv2D(32, (3, 3), padding="same", activation="relu"),
            layers.Conv2D(32, (3, 3), activation="relu"),
            layers.MaxPooling2D(pool_size=(2, 2)),
            layers.Dropout(0.25),
            layers.Conv2D(64, (3, 3), padding="same", activation="relu"),
            layers.Conv2D(64, (3, 3), activation="relu"),
            layers.MaxPooling2D(pool_size=(2, 2)),
            layers.Dropout(0.25),
            layers.Flatten(),
            layers.Dense(512, activation="relu"),
            layers.Dropout(0.5),
            layers.Dense(10, activation="softmax"),
        ],
        name="cnn",
    )


def build_mlp() -> keras.Sequential:
    """Das MLP der Einstiegslektion: 784–512–324–36–10 mit Sigmoid."""
    return keras.Sequential(
        [
            keras.Input(shape=(28, 28, 1)),
            layers.Flatten(),  # 28 × 28 × 1 → 784 Zahlen
            layers.Dense(512, activation="sigmoid"),
            layers.Dense(324, activation="sigmoid"),
            layers.Dense(36, activation="sigmoid"),
            layers.Dense(10, activation="softmax"),
        ],
        name="mlp",
    )


results = {}
for name, build, optimizer in [
    ("CNN", build_cnn, "adam"),
    ("MLP", build_mlp, "rmsprop"),
]:
    keras.utils.set_random_seed(42)
    model = build()
    model.compile(
        optimizer=optimizer, loss="categorical_crossentropy", metrics=["accuracy"]
    )
    model.fit(x_fit, y_fit, epochs=epochs, batch_size=batch_size, verbose=0)
    _, accuracy = model.evaluate(x_eval, y_eval, verbose=0)
    results[name] = (model, optimizer, accuracy)
cnn = results["CNN"][0]

print(
    f"{n_train} Trainingsbilder, {epochs} Epochen, Batch-Größe {batch_size}, "
    f"Genauigkeit auf {n_test} Testbildern:\n"
)
print("| Netz | Optimierer | Parameter | Genauigkeit (Testmenge) |")
print("|---|---|---:|---:|")
for name, (model, optimizer, accuracy) in results.items():
    params = f"{model.count_params():,}".replace(",", " ")  # 889 834
    print(f"| {name} | {optimizer} | {params} | {accuracy:.1%} |")
lead = (results["CNN"][2] - results["MLP"][2]) * 100  # in Prozentpunkten
print(f"\nDas CNN liegt {lead:.1f} Prozentpunkte vor dem MLP.")
assert lead > 0, "mit demselben Budget sollte das CNN vorn liegen"
# --8<-- [end:training]

# --8<-- [start:learned_filters]
import matplotlib.pyplot as plt
import numpy as np

kernel, bias = cnn.layers[0].get_weights()  # erste Faltung: (3, 3, 1, 32) und (32,)
print("Kern der ersten Faltungsschicht:", kernel.shape)
fig, axes = plt.subplots(4, 8, figsize=(8, 4.4), layout="constrained")
for number, ax in enumerate(axes.ravel()):
    weights = kernel[:, :, 0, number]
    limit = np.abs(weights).max()
    ax.imshow(weights, cmap="RdBu_r", vmin=-limit, vmax=limit)  # rot +, blau −
    ax.set_title(f"Filter {number}", fontsize=8)
    ax.axis("off")
from mnist_lib.plotting import figure_html  # markdown-exec: hide

print(figure_html(fig, alt="32 kleine Quadrate aus je 3 × 3 Feldern in vier Reihen: die gelernten Gewichte der 32 Filter der ersten Faltungsschicht, positive rot, negative blau. Bei vielen liegen rote und blaue Felder auf verschiedenen Seiten, sie antworten also auf einen Übergang von hell nach dunkel in einer bestimmten Richtung."))  # markdown-exec: hide  # noqa: E501  # fmt: skip
plt.show()
# --8<-- [end:learned_filters]

# --8<-- [start:feature_maps]
import keras
import matplotlib.pyplot as plt

first_layer = keras.Model(cnn.inputs, cnn.layers[0].output)  # nach ReLU
feature_maps = first_layer.predict(x_eval[:1], verbose=0)[0]  # (28, 28, 32)
print("Feature-Maps der ersten Faltungsschicht:", feature_maps.shape)
fig, axes = plt.subplots(4, 9, figsize=(10, 4.8), layout="constrained")
axes = axes.ravel()
axes[0].imshow(x_eval[0, :, :, 0], cmap="Greys")
axes[0].set_title(f"Eingabe ({y_test[0]})", fontsize=8)
for number, ax in enumerate(axes[1:33]):
    ax.imshow(feature_maps[:, :, number], cmap="Greys")
    ax.set_title(f"Map {number}", fontsize=8)
for ax in axes:
    ax.axis("off")
from mnist_lib.plotting import figure_html  # markdown-exec: hide

print(figure_html(fig, alt="Links oben die Testziffer, daneben 32 kleine Graubilder derselben Größe: die Feature-Maps der ersten Faltungsschicht, eine pro Filter. Manche zeigen die ganze Ziffer, andere nur die Ränder der Striche auf einer Seite, einige bleiben fast leer."))  # markdown-exec: hide  # noqa: E501  # fmt: skip
plt.show()
# --8<-- [end:feature_maps]

# --8<-- [start:exercise_1]
import keras
import numpy as np

(x_train, _), _ = keras.datasets.mnist.load_data()
batch = x_train[:1, :, :, np.newaxis].astype("float32") / 255
edge = np.array([[1, 0, -1], [2, 0, -2], [1, 0, -1]], dtype="float32")
kernel = edge.reshape(3, 3, 1, 1)  # (Höhe, Breite, Eingabekanäle, Filter)

outputs = {}
for strides in (1, 2):
    conv = keras.layers.Conv2D(1, (3, 3), strides=strides, use_bias=False)
    conv.build(batch.shape)
    conv.set_weights([kernel])
    outputs[strides] = conv(batch).numpy()[0, :, :, 0]
    print(f"strides={strides}: {outputs[strides].shape}")
every_second = outputs[1][::2, ::2]  # jede zweite Zeile und Spalte
print(
    "strides=2 = jeder zweite Wert von strides=1?",
    np.allclose(outputs[2], every_second),
)
# --8<-- [end:exercise_1]

# --8<-- [start:exercise_2]
import keras
import matplotlib.pyplot as plt
import numpy as np

(_, _), (x_test, y_test) = keras.datasets.mnist.load_data()
# Strich von links unten nach rechts oben: +2 auf der Diagonalen, −1 daneben
diagonal = np.array([[-1, -1, 2], [-1, 2, -1], [2, -1, -1]], dtype="float32")
conv = keras.layers.Conv2D(1, (3, 3), use_bias=False)
conv.build((None, 28, 28, 1))
conv.set_weights([diagonal.reshape(3, 3, 1, 1)])

print("Summe der Gewichte:", diagonal.sum())
flat = np.ones((1, 28, 28, 1), dtype="float32")  # gleichmäßig dunkle Fläche
print("Antwort auf eine gleichmäßige Fläche:", conv(flat).numpy().max())
fig, axes = plt.subplots(2, 10, figsize=(11, 2.6), layout="constrained")
for label in range(10):
    index = int(np.argmax(y_test == label))  # erste Testziffer mit diesem Label
    image = x_test[index].astype("float32") / 255
    response = conv(image[np.newaxis, :, :, np.newaxis]).numpy()[0, :, :, 0]
    axes[0, label].imshow(image, cmap="Greys")
    axes[1, label].imshow(np.maximum(response, 0), cmap="Reds")  # nur Treffer
    axes[0, label].set_title(f"Ziffer {label}", fontsize=8)
for ax in axes.ravel():
    ax.axis("off")
from mnist_lib.plotting import figure_html  # markdown-exec: hide

print(figure_html(fig, alt="Oben je eine Testziffer von 0 bis 9, darunter in Rot, wo der Filter für Striche von links unten nach rechts oben positiv antwortet. Am kräftigsten rot sind Stellen, an denen ein Strich schräg nach rechts oben läuft; Ränder von Strichen in anderen Richtungen antworten schwächer, der leere Hintergrund gar nicht."))  # markdown-exec: hide  # noqa: E501  # fmt: skip
plt.show()
# --8<-- [end:exercise_2]

# --8<-- [start:exercise_3]
import keras

second = keras.layers.Conv2D(32, (3, 3))
second.build((None, 28, 28, 32))  # 32 Kanäle: die Feature-Maps der ersten Faltung
print("von Hand:", 3 * 3 * 32 * 32 + 32, " Keras:", second.count_params())
# --8<-- [end:exercise_3]
