"""Keras-Rezepte: Daten vorbereiten.

Datensätze laden (mit Offline-Ersatz), CSV lesen, Sequenzen auffüllen,
One-Hot-Kodierung, Aufteilen und Standardisieren – jedes Rezept für sich kopierbar;
zum Schluss ein Experiment: Training mit und ohne Standardisierung.
Seite: docs/keras/daten.md
"""

# --8<-- [start:mnist]
import keras

# online das vollständige MNIST, offline 4 000 + 1 000 echte Ziffern (siehe Text)
(x_train, y_train), (x_test, y_test) = keras.datasets.mnist.load_data()
print("Bilder:", x_train.shape, x_train.dtype, "Labels:", y_train.shape)

assert x_train.shape[1:] == (28, 28) and x_train.dtype == "uint8"
assert set(y_train) == set(range(10)), "alle zehn Ziffern kommen vor"
# --8<-- [end:mnist]

# --8<-- [start:boston]
import keras
import numpy as np

# online und offline dieselben 506 Wohnbezirke, gleich aufgeteilt (404 + 102)
(x_train2, y_train2), (x_test2, y_test2) = keras.datasets.boston_housing.load_data()
print("Features:", x_train2.shape, x_test2.shape)
print("Median der Hauswerte, erste fünf Bezirke (in 1 000 $):", y_train2[:5])

assert x_train2.shape == (404, 13) and x_test2.shape == (102, 13)
assert np.allclose(y_train2[:5], [15.2, 42.3, 50.0, 21.1, 17.7])
# --8<-- [end:boston]

# --8<-- [start:cifar10]
import keras

# online CIFAR-10 (32 × 32 × 3), offline stattdessen Ziffern (28 × 28 × 1)
(x_train3, y_train3), (x_test3, y_test3) = keras.datasets.cifar10.load_data()
print("Bilder:", x_train3.shape, x_train3.dtype, "Labels:", y_train3.shape)

assert x_train3.ndim == 4, "Samples, Höhe, Breite, Kanäle"
assert y_train3.shape == (len(x_train3), 1), "Labels als Spalte"
assert y_train3.min() == 0 and y_train3.max() == 9, "zehn Klassen"
# --8<-- [end:cifar10]

# --8<-- [start:imdb]
import keras

# online IMDB-Filmkritiken, offline stattdessen englische Sätze (siehe Text)
(x_train4, y_train4), (x_test4, y_test4) = keras.datasets.imdb.load_data(
    num_words=20000
)
print(len(x_train4), "Trainings- und", len(x_test4), "Test-Sequenzen")
print("Anfang der ersten Sequenz:", x_train4[0][:8], "Label:", y_train4[0])

assert x_train4[0][0] == 1, "jede Sequenz beginnt mit der Startmarke 1"
assert max(max(seq) for seq in x_train4) < 20000, "nur die häufigsten Wörter"
assert set(y_train4) == {0, 1}
# --8<-- [end:imdb]

# --8<-- [start:csv]
from importlib.resources import files

import numpy as np
import pandas as pd

# eine CSV-Datei aus scikit-learn: 569 Befunde, 30 Features, Diagnose
path = files("sklearn.datasets.data") / "breast_cancer.csv"

# NumPy: Zahlen aus einer Textdatei, getrennt durch Kommas
data = np.loadtxt(path, delimiter=",", skiprows=1)  # Zeile 1 ist ein Kopf
X = data[:, 0:30]
y = data[:, 30]
print("NumPy: ", data.shape, X.shape, y.shape)

# pandas: liest auch Spaltennamen und gemischte Typen
frame = pd.read_csv(path, skiprows=1, header=None)
X_pd = frame.iloc[:, 0:30].to_numpy()
y_pd = frame.iloc[:, 30].to_numpy()
print("pandas:", frame.shape, X_pd.shape, y_pd.shape, "Klassen:", np.unique(y_pd))

assert np.array_equal(X, X_pd) and np.array_equal(y, y_pd), "dieselben Zahlen"
# --8<-- [end:csv]

# --8<-- [start:padding-demo]
import keras

sequences = [[1, 2, 3], [4, 5], [6, 7, 8, 9, 10, 11]]  # drei Sequenzen
print(keras.utils.pad_sequences(sequences, maxlen=4))
print(keras.utils.pad_sequences(sequences, maxlen=4, padding="post", truncating="post"))
# --8<-- [end:padding-demo]

# --8<-- [start:padding-mask]
import keras

padded = keras.utils.pad_sequences([[1, 2, 3], [4, 5]], maxlen=4)
embedding = keras.layers.Embedding(input_dim=10, output_dim=2, mask_zero=True)
mask = embedding.compute_mask(padded)  # True: ein Wort, False: aufgefüllt
print(padded)
print(keras.ops.convert_to_numpy(mask))
# --8<-- [end:padding-mask]

# --8<-- [start:padding]
import keras

(x_train4, y_train4), (x_test4, y_test4) = keras.datasets.imdb.load_data(
    num_words=20000
)
x_train4 = keras.utils.pad_sequences(x_train4, maxlen=80)
x_test4 = keras.utils.pad_sequences(x_test4, maxlen=80)
print("nach dem Auffüllen:", x_train4.shape, x_train4.dtype)

assert x_train4.shape == (len(y_train4), 80)
assert x_test4.shape == (len(y_test4), 80)
# --8<-- [end:padding]

# --8<-- [start:one-hot-demo]
import numpy as np
from keras.utils import to_categorical

num_classes = 10
print(to_categorical(np.array([3, 0, 9]), num_classes))  # Labels wie bei MNIST
print(to_categorical(np.array([[6], [9]]), num_classes).shape)  # wie bei CIFAR-10
# --8<-- [end:one-hot-demo]

# --8<-- [start:one-hot]
import keras
import numpy as np
from keras.utils import to_categorical

(x_train, y_train), (x_test, y_test) = keras.datasets.mnist.load_data()
num_classes = 10
Y_train = to_categorical(y_train, num_classes)
Y_test = to_categorical(y_test, num_classes)
print("Labels:", y_train[:3], "→ One-Hot:", Y_train.shape)
print(Y_train[:3])

assert Y_train.shape == (len(y_train), num_classes)
assert (Y_train.sum(axis=1) == 1).all(), "genau eine 1 pro Zeile"
assert (Y_test.argmax(axis=1) == y_test).all(), "argmax führt zurück zum Label"
# --8<-- [end:one-hot]

# --8<-- [start:split]
from sklearn.datasets import load_breast_cancer
from sklearn.model_selection import train_test_split

X, y = load_breast_cancer(return_X_y=True)
X_train5, X_test5, y_train5, y_test5 = train_test_split(
    X, y, test_size=0.33, random_state=42
)
print("Training:", X_train5.shape, "Test:", X_test5.shape)
# --8<-- [end:split]

# --8<-- [start:standardize]
import keras
import numpy as np
from sklearn.preprocessing import StandardScaler

(x_train2, y_train2), (x_test2, y_test2) = keras.datasets.boston_housing.load_data()

scaler = StandardScaler().fit(x_train2)  # μ und s: nur aus der Trainingsmenge
standardized_X = scaler.transform(x_train2)
standardized_X_test = scaler.transform(x_test2)

print("Test – Mittelwerte:          ", standardized_X_test.mean(axis=0)[:4].round(2))
print("Test – Standardabweichungen:", standardized_X_test.std(axis=0)[:4].round(2))

# Auf der Trainingsmenge hat jedes Feature jetzt Mittelwert 0, Standardabweichung 1:
assert np.allclose(standardized_X.mean(axis=0), 0)
assert np.allclose(standardized_X.std(axis=0), 1)
# --8<-- [end:standardize]

# --8<-- [start:loesung-1]
import keras

print(keras.utils.pad_sequences([[5, 6, 7, 8], [9]], maxlen=3))
print(keras.utils.pad_sequences([[5, 6, 7, 8], [9]], maxlen=3, truncating="post"))
# --8<-- [end:loesung-1]

# --8<-- [start:loesung-2]
from sklearn.datasets import load_breast_cancer
from sklearn.model_selection import train_test_split

X, y = load_breast_cancer(return_X_y=True)
print(f"alle Daten: {y.mean():.1%}")
for stratify in (None, y):
    _, _, y_train, y_test = train_test_split(
        X, y, test_size=0.33, random_state=42, stratify=stratify
    )
    name = "ohne stratify" if stratify is None else "mit stratify "
    print(f"{name}: Training {y_train.mean():.1%}, Test {y_test.mean():.1%}")
# --8<-- [end:loesung-2]

# --8<-- [start:loesung-3]
import keras
import numpy as np
from sklearn.preprocessing import StandardScaler

(x_train2, _), (x_test2, _) = keras.datasets.boston_housing.load_data()
mean = x_train2.mean(axis=0)  # ein Mittelwert pro Feature (Achse 0: Samples)
std = x_train2.std(axis=0)
by_hand = (x_test2 - mean) / std

scaler = StandardScaler().fit(x_train2)
print(np.allclose(by_hand, scaler.transform(x_test2)))
print(np.allclose(scaler.mean_, mean), np.allclose(scaler.scale_, std))
# --8<-- [end:loesung-3]

# --8<-- [start:loesung-4]
import keras
import numpy as np
from keras import layers
from sklearn.preprocessing import StandardScaler

(x_train2, y_train2), _ = keras.datasets.boston_housing.load_data()  # Test: später
# Die letzten 81 der 404 Trainings-Samples werden die Validierungsmenge.
x_fit, x_val = x_train2[:323], x_train2[323:]
y_fit, y_val = y_train2[:323], y_train2[323:]
scaler = StandardScaler().fit(x_fit)  # μ und s nur aus dem Trainingsteil
features = {
    "roh": (x_fit, x_val),
    "standardisiert": (scaler.transform(x_fit), scaler.transform(x_val)),
}
print("Optimierer  Features        MAE (Validierungsmenge, in 1 000 $)")
mae = {}
for optimizer in ["rmsprop", "sgd"]:
    for name, (x_part, x_val_part) in features.items():
        keras.utils.set_random_seed(42)  # gleiche Startgewichte für alle vier
        model = keras.Sequential(
            [
                keras.Input(shape=(13,)),
                layers.Dense(64, activation="relu"),
                layers.Dense(1),
            ]
        )
        model.compile(optimizer=optimizer, loss="mse", metrics=["mae"])
        model.fit(x_part, y_fit, epochs=40, batch_size=16, verbose=0)
        mae[optimizer, name] = model.evaluate(x_val_part, y_val, verbose=0)[1]
        print(f"{optimizer:10}  {name:14}  {mae[optimizer, name]:.4g}")

for optimizer in ["rmsprop", "sgd"]:
    raw, standardized = mae[optimizer, "roh"], mae[optimizer, "standardisiert"]
    assert np.isnan(raw) or raw > standardized, "standardisiert ist besser"
assert np.isnan(mae["sgd", "roh"]) or mae["sgd", "roh"] > 100, "SGD: aus dem Ruder"
# --8<-- [end:loesung-4]
