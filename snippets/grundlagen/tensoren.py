"""Tensoren: Skalar bis 5D-Tensor an echten Daten.

Zeigt Achsen, Shape und dtype an Texten, Aktienkursen, MNIST-Bildern, einem
Farbfoto und kleinen Videos aus MNIST-Ziffern.
Seite: docs/grundlagen/tensoren.md
"""

# --8<-- [start:achsen]
from mnist_lib.data import load_mnist

(x_train, y_train), (x_test, y_test) = load_mnist(verbose=False)

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

# Nur die Form zählt: ein Platzhalter aus Nullen, keine echten Kurse.
# 250 Handelstage, je 390 Minuten (9:30 bis 16:00 Uhr), 3 Features pro Minute
minute_prices = np.zeros((250, 390, 3), dtype=np.float32)
print("Shape:", minute_prices.shape)
print("Zahlen insgesamt:", minute_prices.size)
# --8<-- [end:minuten]

# --8<-- [start:bilder]
import numpy as np

from mnist_lib.data import load_mnist

(x_train, y_train), (x_test, y_test) = load_mnist(verbose=False)
print("ohne Kanalachse: ndim =", x_train.ndim, " shape[1:] =", x_train.shape[1:])

x4 = x_train[..., np.newaxis]  # neue letzte Achse der Länge 1: ein Graukanal
same = np.expand_dims(x_train, axis=-1)  # dasselbe, anders geschrieben
print("mit Kanalachse:  ndim =", x4.ndim, " shape[1:] =", x4.shape[1:])
print("expand_dims gleich?", np.array_equal(x4, same))

flat = x_train.reshape(len(x_train), 28 * 28)  # für Dense-Schichten: ein Vektor je Bild
print("flach (2D):      ndim =", flat.ndim, " shape[1:] =", flat.shape[1:])
print("dtype:", x4.dtype, " Grauwerte von", x4.min(), "bis", x4.max())
# --8<-- [end:bilder]

# --8<-- [start:batch]
import numpy as np

from mnist_lib.data import load_mnist

(x_train, y_train), (x_test, y_test) = load_mnist(verbose=False)
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

# --8<-- [start:kanaele]
import keras
import numpy as np

from mnist_lib.data import load_mnist

print("Keras-Standard:", keras.config.image_data_format())

(x_train, y_train), (x_test, y_test) = load_mnist(verbose=False)
batch_last = x_train[:128, ..., np.newaxis]  # (Samples, Höhe, Breite, Kanäle)

batch_first = np.moveaxis(batch_last, -1, 1)  # Kanalachse an Position 1
also_first = np.transpose(batch_last, (0, 3, 1, 2))  # neue Reihenfolge der Achsen
back = np.moveaxis(batch_first, 1, -1)  # und wieder zurück

print("channels_last: ", batch_last.shape)
print("channels_first:", batch_first.shape)
print("transpose gleich?", np.array_equal(batch_first, also_first))
print("zurück gleich?   ", np.array_equal(back, batch_last))
# --8<-- [end:kanaele]

# --8<-- [start:keras_input]
import keras

inputs = keras.Input(shape=(28, 28, 1))  # Shape eines Samples, ohne Sample-Achse
print(inputs.shape)
# --8<-- [end:keras_input]

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
import numpy as np

from mnist_lib.data import load_mnist

(x_train, y_train), (x_test, y_test) = load_mnist(verbose=False)
digits = x_train[:4]  # vier Ziffern → vier Videos

pad = 6  # links und rechts je 6 leere Spalten anfügen: (4, 28, 40)
padded = np.pad(digits, ((0, 0), (0, 0), (pad, pad)))
shifts = range(-6, 7, 2)  # Verschiebung nach rechts, Frame für Frame
frames = [padded[:, :, pad - s : pad - s + 28] for s in shifts]  # je (4, 28, 28)

videos = np.stack(frames, axis=1)  # neue Achse 1 für die Frames
videos = videos[..., np.newaxis]  # Graustufen: ein Kanal

print("Shape (Samples, Frames, Höhe, Breite, Kanäle):", videos.shape)
print("ndim:", videos.ndim, " dtype:", videos.dtype)
print("Frame 3 ist das Originalbild?", np.array_equal(videos[:, 3, ..., 0], digits))
# --8<-- [end:video]
