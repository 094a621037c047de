"""Tensoren: Skalar bis 5D-Tensor an echten Daten.

Zeigt Achsen, Shape und dtype an Texten, Aktienkursen, MNIST-Bildern, einem
Farbfoto und kleinen Videos aus MNIST-Ziffern.
Seite: docs/grundlagen/tensoren.md
"""

# --8<-- [start:achsen]
import keras

(x_train, y_train), (x_test, y_test) = keras.datasets.mnist.load_data()

scalar = x_train[0, 14, 14]  # ein Grauwert: Bild 0, Zeile 14, Spalte 14
vector = x_train[0, 14]  # eine Bildzeile: 28 Grauwerte
matrix = x_train[0]  # ein ganzes Bild: 28 Zeilen × 28 Spalten
tensor_3d = x_train[:10]  # zehn Bilder übereinander

for name, t in [
    ("Skalar", scalar),
    ("Vektor", vector),
    ("Matrix", matrix),
    ("3D-Tensor", tensor_3d),
]:
    print(f"{name:<10} ndim={t.ndim}  shape={t.shape}  dtype={t.dtype}")
# --8<-- [end:achsen]

# --8<-- [start:text]
from sklearn.feature_extraction.text import CountVectorizer

sentences = [
    "Der Hund bellt.",
    "Die Katze schläft.",
    "Der Hund jagt die Katze.",
    "Die Katze jagt die Maus.",
    "Die Maus schläft nicht.",
]
vectorizer = CountVectorizer()  # zählt, wie oft jedes Wort in einem Satz vorkommt
counts = vectorizer.fit_transform(sentences).toarray()  # dünn besetzt → NumPy-Array

print("Shape (Samples, Features):", counts.shape)
print("Features (Wortschatz):", list(vectorizer.get_feature_names_out()))
print(counts)
# --8<-- [end:text]

# --8<-- [start:zeitreihe]
import numpy as np
from matplotlib.cbook import get_sample_data

# Echte Tageskurse der Google-Aktie, die matplotlib als Beispieldaten mitliefert
with get_sample_data("goog.npz") as data:
    prices = data["price_data"]  # ein Eintrag pro Handelstag

# Features pro Zeitschritt: Schlusskurs, Tageshoch, Tagestief → (Tage, 3)
series = np.stack([prices["close"], prices["high"], prices["low"]], axis=-1)
days = 20  # Zeitschritte pro Sample: etwa ein Handelsmonat
n_samples = len(series) // days
windows = series[: n_samples * days].reshape(n_samples, days, 3)

print("Handelstage:", len(series), "von", prices["date"][0], "bis", prices["date"][-1])
print("Shape (Samples, Zeitschritte, Features):", windows.shape)
print("Sample 0, die ersten 3 Tage (Schluss, Hoch, Tief):")
print(windows[0, :3])
# --8<-- [end:zeitreihe]

# --8<-- [start:minuten]
import numpy as np

# Nur die Form zählt: ein Platzhalter aus Nullen, keine echten Kursdaten.
# 250 Handelstage, je 390 Minuten (9:30 bis 16:00 Uhr), 3 Features pro Minute
minute_prices = np.zeros((250, 390, 3), dtype=np.float32)
print("Shape:", minute_prices.shape)
print(f"Zahlen insgesamt: {minute_prices.size:,}".replace(",", " "))
# --8<-- [end:minuten]

# --8<-- [start:bilder]
import keras
import numpy as np

(x_train, y_train), (x_test, y_test) = keras.datasets.mnist.load_data()
print("ohne Kanalachse: ndim =", x_train.ndim, " shape[1:] =", x_train.shape[1:])

x4 = x_train[..., np.newaxis]  # neue letzte Achse der Länge 1: ein Graukanal
same = np.expand_dims(x_train, axis=-1)  # dasselbe, anders geschrieben
print("mit Kanalachse:  ndim =", x4.ndim, " shape[1:] =", x4.shape[1:])
print("expand_dims gleich?", np.array_equal(x4, same))

flat = x_train.reshape(len(x_train), 28 * 28)  # für Dense-Schichten: ein Vektor je Bild
print("flach (2D):      ndim =", flat.ndim, " shape[1:] =", flat.shape[1:])
print("dtype:", x4.dtype, " Grauwerte von", x4.min(), "bis", x4.max())
# --8<-- [end:bilder]

# --8<-- [start:ganze_shape]
import keras
import numpy as np

(x_train, y_train), (x_test, y_test) = keras.datasets.mnist.load_data()
print("Trainingsbilder:", x_train[..., np.newaxis].shape)
print("Testbilder:     ", x_test[..., np.newaxis].shape)
# --8<-- [end:ganze_shape]

# --8<-- [start:batch]
import keras
import numpy as np

(x_train, y_train), (x_test, y_test) = keras.datasets.mnist.load_data()
x4 = x_train[..., np.newaxis]  # (N, 28, 28, 1)

batch = x4[:128]  # die ersten 128 Samples
labels = y_train[:128]  # die passenden Labels
second = x4[128:256]  # der nächste Batch
corner = batch[:, 14:, 14:]  # rechtes unteres Viertel jedes Bildes
center = batch[:, 7:-7, 7:-7]  # die mittleren 14 × 14 Bildpunkte

print("Batch:       ", batch.shape, " Labels:", labels.shape)
print("2. Batch:    ", second.shape)
print("rechts unten:", corner.shape)
print("Mitte:       ", center.shape)
print("Ausschnitt teilt den Speicher mit x4?", np.shares_memory(corner, x4))
# --8<-- [end:batch]

# --8<-- [start:batch_bild]
import keras
import matplotlib.pyplot as plt
import numpy as np
from matplotlib.patches import Rectangle

(x_train, y_train), (x_test, y_test) = keras.datasets.mnist.load_data()
batch = x_train[:6, ..., np.newaxis]  # (6, 28, 28, 1)
rows = [
    ("batch", batch, "black"),
    ("batch[:, 14:, 14:]", batch[:, 14:, 14:], "tab:red"),
    ("batch[:, 7:-7, 7:-7]", batch[:, 7:-7, 7:-7], "tab:blue"),
]

fig, axes = plt.subplots(3, 6, figsize=(8, 4.4), layout="constrained")
for row, (title, images, color) in zip(axes, rows, strict=True):
    for ax, image in zip(row, images, strict=True):
        ax.imshow(image[..., 0], cmap="Greys")  # ohne Kanalachse: (Höhe, Breite)
        ax.set_xticks([])
        ax.set_yticks([])
        ax.spines[:].set_edgecolor(color)  # Rahmen in der Farbe des Ausschnitts
    row[0].set_ylabel(title, fontsize=8)
for ax in axes[0]:  # oben die Lage der Ausschnitte einzeichnen (Ecke, Breite, Höhe)
    for color, start in [("tab:red", 14), ("tab:blue", 7)]:
        corner = (start - 0.5, start - 0.5)  # Bildpunkt i: von i - 0.5 bis i + 0.5
        ax.add_patch(Rectangle(corner, 14, 14, fill=False, edgecolor=color, lw=1.5))
fig.suptitle("Ein Batch von sechs Bildern und zwei Ausschnitte daraus")
from mnist_lib.plotting import figure_html  # markdown-exec: hide

print(figure_html(fig, alt="Sechs MNIST-Ziffern in drei Zeilen: oben die ganzen Bilder mit einem roten Quadrat rechts unten und einem blauen in der Mitte, darunter vergrößert die Ausschnitte rechts unten und aus der Mitte."))  # markdown-exec: hide  # noqa: E501  # fmt: skip
plt.show()
# --8<-- [end:batch_bild]

# --8<-- [start:keras_input]
import keras

inputs = keras.Input(shape=(28, 28, 1))  # Shape eines Samples, ohne Sample-Achse
print(inputs.shape)
# --8<-- [end:keras_input]

# --8<-- [start:kanaele]
import keras
import numpy as np

print("Keras-Standard:", keras.config.image_data_format())

(x_train, y_train), (x_test, y_test) = keras.datasets.mnist.load_data()
batch_last = x_train[:128, ..., np.newaxis]  # (Samples, Höhe, Breite, Kanäle)

batch_first = np.moveaxis(batch_last, -1, 1)  # Kanalachse an Position 1
also_first = np.transpose(batch_last, (0, 3, 1, 2))  # neue Reihenfolge der Achsen
back = np.moveaxis(batch_first, 1, -1)  # und wieder zurück

print("channels_last: ", batch_last.shape)
print("channels_first:", batch_first.shape)
print("transpose gleich?", np.array_equal(batch_first, also_first))
print("zurück gleich?   ", np.array_equal(back, batch_last))
# --8<-- [end:kanaele]

# --8<-- [start:farbbild]
import matplotlib.pyplot as plt
import numpy as np
from matplotlib.cbook import get_sample_data

# Ein echtes Farbfoto (Grace Hopper), das matplotlib als Beispieldaten mitliefert
with get_sample_data("grace_hopper.jpg") as file:
    photo = plt.imread(file)  # (Höhe, Breite, Kanäle): Rot, Grün, Blau

batch = photo[np.newaxis]  # ein Batch aus einem Bild
print("Foto:          ", photo.shape, photo.dtype)
print("channels_last: ", batch.shape)
print("channels_first:", np.moveaxis(batch, -1, 1).shape)
# --8<-- [end:farbbild]

# --8<-- [start:video]
import keras
import numpy as np

(x_train, y_train), (x_test, y_test) = keras.datasets.mnist.load_data()
digits = x_train[:4]  # vier Ziffern → vier Videos

pad = 6  # links und rechts je 6 leere Spalten anfügen: (4, 28, 40)
padded = np.pad(digits, ((0, 0), (0, 0), (pad, pad)))
shifts = range(-6, 7, 2)  # Verschiebung nach rechts, Frame für Frame
frames = [padded[:, :, pad - s : pad - s + 28] for s in shifts]  # je (4, 28, 28)

videos = np.stack(frames, axis=1)  # neue Achse 1 für die Frames
videos = videos[..., np.newaxis]  # Graustufen: ein Kanal

print("Shape (Samples, Frames, Höhe, Breite, Kanäle):", videos.shape)
print("ndim:", videos.ndim, " dtype:", videos.dtype)
print(
    "Frame 3 ist das unverschobene Bild?", np.array_equal(videos[:, 3, ..., 0], digits)
)
# --8<-- [end:video]

# --8<-- [start:video_bild]
import keras
import matplotlib.pyplot as plt
import numpy as np

(x_train, y_train), (x_test, y_test) = keras.datasets.mnist.load_data()
digits = x_train[:3]
padded = np.pad(digits, ((0, 0), (0, 0), (6, 6)))
videos = np.stack([padded[:, :, 6 - s : 34 - s] for s in range(-6, 7, 2)], axis=1)
videos = videos[..., np.newaxis]  # (3, 7, 28, 28, 1)

n_videos, n_frames = videos.shape[:2]
fig, axes = plt.subplots(n_videos, n_frames, figsize=(8, 3.7), layout="constrained")
for i in range(n_videos):
    for t in range(n_frames):
        axes[i, t].imshow(videos[i, t, :, :, 0], cmap="Greys")
        axes[i, t].set_xticks([])  # ohne Skalen; die Beschriftung links bleibt
        axes[i, t].set_yticks([])
    axes[i, 0].set_ylabel(f"Video {i}")
for t in range(n_frames):
    axes[0, t].set_title(f"Frame {t}", fontsize=9)
fig.suptitle("Drei Videos mit je sieben Frames: videos[i, t]")
from mnist_lib.plotting import figure_html  # markdown-exec: hide

print(figure_html(fig, alt="Drei Zeilen mit je sieben MNIST-Bildern. In jeder Zeile wandert dieselbe Ziffer von Frame zu Frame ein Stück nach rechts."))  # markdown-exec: hide  # noqa: E501  # fmt: skip
plt.show()
# --8<-- [end:video_bild]

# --8<-- [start:video_groesse]
import math

import numpy as np

shape = (4, 60 * 4, 144, 256, 3)  # (Samples, Frames, Höhe, Breite, Kanäle)
n_values = math.prod(shape)
n_bytes = n_values * np.dtype(np.float32).itemsize  # 4 Byte pro Zahl

print("Shape:", shape)
print(f"Zahlen: {n_values:,}".replace(",", " "))
print(f"als float32: {n_bytes / 1e6:.0f} MB")
# --8<-- [end:video_groesse]

# --8<-- [start:aufgabe1]
import numpy as np

batch_last = np.zeros((32, 64, 64, 3), dtype=np.uint8)  # Samples, Höhe, Breite, Kanäle
batch_first = np.moveaxis(batch_last, -1, 1)  # Kanäle an Position 1

print("channels_last: ", batch_last.shape)
print("channels_first:", batch_first.shape)
# --8<-- [end:aufgabe1]

# --8<-- [start:aufgabe2]
import keras
import numpy as np

(x_train, y_train), (x_test, y_test) = keras.datasets.mnist.load_data()
crops = x_train[:16, 4:24, 4:24, np.newaxis]  # Ausschnitt und Kanalachse auf einmal

print("Shape:", crops.shape)
print("Features pro Sample:", crops[0].size)
print("flach:", crops.reshape(len(crops), -1).shape)
# --8<-- [end:aufgabe2]

# --8<-- [start:aufgabe3]
import math

import numpy as np

samples, frames, height, width, channels = 10, 6 * 25, 120, 160, 3
shape_last = (samples, frames, height, width, channels)
shape_first = (samples, channels, frames, height, width)
n_bytes = math.prod(shape_last) * np.dtype(np.float32).itemsize

print("channels_last: ", shape_last)
print("channels_first:", shape_first)
print(f"Speicher als float32: {n_bytes / 1e6:.1f} MB")
# --8<-- [end:aufgabe3]

# --8<-- [start:aufgabe4]
import numpy as np
from matplotlib.cbook import get_sample_data

with get_sample_data("goog.npz") as data:
    prices = data["price_data"]

series = np.stack(
    [prices["open"], prices["close"], prices["high"], prices["low"]], axis=-1
)  # (Tage, 4)
days = 5
n_samples = len(series) // days
weeks = series[: n_samples * days].reshape(n_samples, days, 4)

print("Shape (Samples, Zeitschritte, Features):", weeks.shape)
print("übrige Tage:", len(series) - n_samples * days)
# --8<-- [end:aufgabe4]

# --8<-- [start:aufgabe5]
import math

import keras
from keras import layers

(x_train, y_train), (x_test, y_test) = keras.datasets.mnist.load_data()
x = x_train[:4000].reshape(4000, 28 * 28).astype("float32") / 255  # (Samples, Features)
y = keras.utils.to_categorical(y_train[:4000], 10)
n_fit = round(len(x) * (1 - 0.2))  # Samples, aus denen das Netz lernt

results = {}
for batch_size in (32, 512):
    keras.utils.set_random_seed(42)  # gleiche Startgewichte für beide
    model = keras.Sequential(
        [
            keras.Input(shape=(784,)),
            layers.Dense(64, activation="sigmoid"),
            layers.Dense(10, activation="softmax"),
        ]
    )
    model.compile(
        optimizer="rmsprop", loss="categorical_crossentropy", metrics=["accuracy"]
    )
    history = model.fit(
        x, y, epochs=5, batch_size=batch_size, validation_split=0.2, verbose=0
    )
    results[batch_size] = history.history["val_accuracy"]
    curve = " ".join(f"{acc:.2f}" for acc in results[batch_size])
    print(f"batch_size={batch_size}: ein Batch hat die Shape {x[:batch_size].shape}")
    print(f"  {math.ceil(n_fit / batch_size)} Gewichtsänderungen pro Epoche")
    print(f"  Val.-Genauigkeit nach Epoche 1 bis 5: {curve}")

best = max(results, key=lambda size: results[size][-1])
print(f"Höhere Validierungsgenauigkeit nach 5 Epochen: batch_size={best}")
# --8<-- [end:aufgabe5]
