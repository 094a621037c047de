"""Keras-Rezepte: Trainieren und auswerten.

Kompilieren je Aufgabe, fit mit Validierungsmenge, evaluate, predict (statt
predict_classes), Speichern und Laden, Lernrate und Lernraten-Plan, Early Stopping
und ein Experiment mit der Batch-Größe – jedes Rezept für sich kopierbar, an den
8 × 8-Ziffern von scikit-learn.
Seite: docs/keras/training.md
"""

# --8<-- [start:kompilieren]
import keras
from keras import layers

# MLP, binäre Klassifikation: eine Sigmoid-Ausgabe, Labels 0 oder 1
model = keras.Sequential([keras.Input(shape=(8,)), layers.Dense(1, "sigmoid")])
model.compile(optimizer="adam", loss="binary_crossentropy", metrics=["accuracy"])

# MLP, Mehrklassen-Klassifikation: Softmax über zehn Klassen, One-Hot-Labels
model_multi = keras.Sequential([keras.Input(shape=(784,)), layers.Dense(10, "softmax")])
model_multi.compile(
    optimizer="rmsprop", loss="categorical_crossentropy", metrics=["accuracy"]
)

# dasselbe mit Klassennummern 0 … 9 als Labels, ohne One-Hot-Kodierung
model_sparse = keras.Sequential(
    [keras.Input(shape=(784,)), layers.Dense(10, "softmax")]
)
model_sparse.compile(
    optimizer="rmsprop", loss="sparse_categorical_crossentropy", metrics=["accuracy"]
)

# MLP, Regression: ein Zahlenwert ohne Aktivierungsfunktion
model_reg = keras.Sequential([keras.Input(shape=(13,)), layers.Dense(1)])
model_reg.compile(optimizer="rmsprop", loss="mse", metrics=["mae"])

# RNN, binäre Klassifikation von Wortfolgen
model3 = keras.Sequential(
    [
        keras.Input(shape=(80,)),
        layers.Embedding(20000, 8),
        layers.LSTM(8),
        layers.Dense(1, "sigmoid"),
    ]
)
model3.compile(loss="binary_crossentropy", optimizer="adam", metrics=["accuracy"])

for m in (model, model_multi, model_sparse, model_reg, model3):
    print(f"{m.loss:32} {type(m.optimizer).__name__:8} {m.output_shape}")
# --8<-- [end:kompilieren]

# --8<-- [start:fit]
import keras
from keras import layers
from sklearn.datasets import load_digits
from sklearn.model_selection import train_test_split

keras.utils.set_random_seed(42)
X, y = load_digits(return_X_y=True)  # 1 797 Ziffern, 8 × 8 Werte von 0 bis 16
X = X / 16.0
# Testmenge beiseitelegen, den Rest in Training und Validierung teilen
X_rest, X_test, y_rest, y_test = train_test_split(
    X, y, test_size=0.2, stratify=y, random_state=42
)
X_train, X_val, y_train, y_val = train_test_split(
    X_rest, y_rest, test_size=0.2, stratify=y_rest, random_state=42
)

model = keras.Sequential(
    [
        keras.Input(shape=(64,)),
        layers.Dense(64, activation="relu"),
        layers.Dense(10, activation="softmax"),
    ]
)
model.compile(
    optimizer="adam", loss="sparse_categorical_crossentropy", metrics=["accuracy"]
)
history = model.fit(
    X_train,
    y_train,
    batch_size=32,
    epochs=10,
    validation_data=(X_val, y_val),  # nicht die Testmenge!
    verbose=0,
)

print("Epoche  Verlust  Val.-Verlust  Val.-Genauigkeit")
for epoch in (0, 2, 5, 9):
    h = history.history
    print(
        f"{epoch + 1:6}  {h['loss'][epoch]:7.3f}  {h['val_loss'][epoch]:12.3f}"
        f"  {h['val_accuracy'][epoch]:16.1%}"
    )
assert h["val_accuracy"][-1] > 0.9, "Raten träfe 10 %"
# --8<-- [end:fit]

# --8<-- [start:evaluate]
import keras
from keras import layers
from sklearn.datasets import load_digits
from sklearn.model_selection import train_test_split

keras.utils.set_random_seed(42)
X, y = load_digits(return_X_y=True)
X_train, X_test, y_train, y_test = train_test_split(
    X / 16.0, y, test_size=0.2, stratify=y, random_state=42
)
model = keras.Sequential(
    [
        keras.Input(shape=(64,)),
        layers.Dense(64, activation="relu"),
        layers.Dense(10, activation="softmax"),
    ]
)
model.compile(
    optimizer="adam", loss="sparse_categorical_crossentropy", metrics=["accuracy"]
)
model.fit(X_train, y_train, batch_size=32, epochs=10, verbose=0)

score = model.evaluate(X_test, y_test, batch_size=32, verbose=0)
print("Verlust und Genauigkeit:", [round(s, 3) for s in score])
scores = model.evaluate(X_test, y_test, batch_size=32, verbose=0, return_dict=True)
print("als dict:", {name: round(value, 3) for name, value in scores.items()})
assert scores["accuracy"] > 0.9, "Raten träfe 10 %"
# --8<-- [end:evaluate]

# --8<-- [start:predict]
import keras
import numpy as np
from keras import layers
from sklearn.datasets import load_digits
from sklearn.model_selection import train_test_split

keras.utils.set_random_seed(42)
X, y = load_digits(return_X_y=True)
X_train, X_test, y_train, y_test = train_test_split(
    X / 16.0, y, test_size=0.2, stratify=y, random_state=42
)
model = keras.Sequential(
    [
        keras.Input(shape=(64,)),
        layers.Dense(64, activation="relu"),
        layers.Dense(10, activation="softmax"),
    ]
)
model.compile(
    optimizer="adam", loss="sparse_categorical_crossentropy", metrics=["accuracy"]
)
model.fit(X_train, y_train, batch_size=32, epochs=10, verbose=0)

probabilities = model.predict(X_test, batch_size=32, verbose=0)  # (N, 10)
classes = np.argmax(probabilities, axis=-1)  # statt model.predict_classes(…)
print("Wahrscheinlichkeiten:", probabilities.shape, "Klassen:", classes.shape)
print("vorhergesagt:", classes[:12])
print("richtig:     ", y_test[:12])
assert np.allclose(probabilities.sum(axis=1), 1, atol=1e-5), "Softmax: Summe 1"
assert (classes == y_test).mean() > 0.9
# --8<-- [end:predict]

# --8<-- [start:predict-sigmoid]
import keras
import numpy as np
from keras import layers
from sklearn.datasets import load_breast_cancer
from sklearn.model_selection import train_test_split
from sklearn.preprocessing import StandardScaler

keras.utils.set_random_seed(42)
X, y = load_breast_cancer(return_X_y=True)  # Label 0 oder 1
X_train, X_test, y_train, y_test = train_test_split(
    X, y, test_size=0.33, random_state=42
)
scaler = StandardScaler().fit(X_train)
X_train, X_test = scaler.transform(X_train), scaler.transform(X_test)
model = keras.Sequential(
    [
        keras.Input(shape=(30,)),
        layers.Dense(16, activation="relu"),
        layers.Dense(1, activation="sigmoid"),
    ]
)
model.compile(optimizer="adam", loss="binary_crossentropy", metrics=["accuracy"])
model.fit(X_train, y_train, batch_size=32, epochs=10, verbose=0)

p = model.predict(X_test, batch_size=32, verbose=0)  # (N, 1): P(Klasse 1)
classes = (p > 0.5).astype("int32")  # statt model.predict_classes(…)
print("Wahrscheinlichkeiten:", p[:4, 0].round(3))
print("Klassen:             ", classes[:4, 0])
assert classes.shape == (len(X_test), 1)
assert (classes[:, 0] == y_test).mean() > 0.9
# --8<-- [end:predict-sigmoid]

# --8<-- [start:speichern]
import tempfile
from pathlib import Path

import keras
import numpy as np
from keras import layers
from sklearn.datasets import load_digits

keras.utils.set_random_seed(42)
X, y = load_digits(return_X_y=True)
model = keras.Sequential(
    [
        keras.Input(shape=(64,)),
        layers.Dense(64, activation="relu"),
        layers.Dense(10, activation="softmax"),
    ]
)
model.compile(
    optimizer="adam", loss="sparse_categorical_crossentropy", metrics=["accuracy"]
)
model.fit(X / 16.0, y, epochs=3, verbose=0)

with tempfile.TemporaryDirectory() as folder:  # nichts bleibt liegen
    path = Path(folder) / "model_file.keras"
    model.save(path)  # Bauplan, Gewichte und Optimierer-Zustand in einer Datei
    my_model = keras.models.load_model(path)

    model.save_weights(Path(folder) / "model.weights.h5")  # nur die Gewichte
    print(sorted(p.name for p in Path(folder).iterdir()))

before = model.predict(X[:5] / 16.0, verbose=0)
after = my_model.predict(X[:5] / 16.0, verbose=0)
print("gleiche Vorhersagen:", np.allclose(before, after))
assert np.allclose(before, after)
# --8<-- [end:speichern]

# --8<-- [start:optimierer]
import keras
from keras import layers
from sklearn.datasets import load_digits

keras.utils.set_random_seed(42)
X, y = load_digits(return_X_y=True)

# Keras 2: RMSprop(lr=0.0001, decay=1e-6) – in Keras 3 ein Lernraten-Plan:
# Lernrate = 0.0001 / (1 + 1e-6 · Schritt)
lr_schedule = keras.optimizers.schedules.InverseTimeDecay(
    initial_learning_rate=1e-4, decay_steps=1, decay_rate=1e-6
)
opt = keras.optimizers.RMSprop(learning_rate=lr_schedule)
for step in (0, 10_000, 1_000_000):
    steps = f"{step:,}".replace(",", " ")  # 10 000 statt 10000
    print(f"Lernrate nach {steps:>9} Schritten: {float(lr_schedule(step)):.3e}")

model = keras.Sequential(
    [
        keras.Input(shape=(64,)),
        layers.Dense(64, activation="relu"),
        layers.Dense(10, activation="softmax"),
    ]
)
model.compile(
    loss="sparse_categorical_crossentropy", optimizer=opt, metrics=["accuracy"]
)
history = model.fit(X / 16.0, y, batch_size=32, epochs=5, verbose=0)
losses = history.history["loss"]
assert losses[-1] < losses[0], "der Verlust sinkt (langsam: kleine Lernrate)"
# --8<-- [end:optimierer]

# --8<-- [start:early-stopping]
import keras
from keras import layers
from sklearn.datasets import load_digits
from sklearn.model_selection import train_test_split

keras.utils.set_random_seed(42)
X, y = load_digits(return_X_y=True)
X_train, X_val, y_train, y_val = train_test_split(
    X / 16.0, y, test_size=0.2, stratify=y, random_state=42
)
model = keras.Sequential(
    [
        keras.Input(shape=(64,)),
        layers.Dense(256, activation="relu"),
        layers.Dense(10, activation="softmax"),
    ]
)
model.compile(
    optimizer=keras.optimizers.Adam(learning_rate=0.01),
    loss="sparse_categorical_crossentropy",
    metrics=["accuracy"],
)

early_stopping_monitor = keras.callbacks.EarlyStopping(
    monitor="val_loss",  # Verlust auf der Validierungsmenge beobachten
    patience=2,  # zwei Epochen ohne Verbesserung → Schluss
    restore_best_weights=True,  # Gewichte der besten Epoche zurückholen
)
history = model.fit(
    X_train,
    y_train,
    batch_size=32,
    epochs=100,
    validation_data=(X_val, y_val),
    callbacks=[early_stopping_monitor],
    verbose=0,
)
val_loss = history.history["val_loss"]
best = val_loss.index(min(val_loss))
print(f"gestoppt nach {len(history.epoch)} von 100 Epochen")
print(f"bester Validierungsverlust in Epoche {best + 1}: {val_loss[best]:.3f}")
assert len(history.epoch) < 100
assert len(history.epoch) == best + 1 + 2, "Schluss zwei Epochen nach dem Besten"
# --8<-- [end:early-stopping]

# --8<-- [start:loesung-1]
import keras

by_hand = 0.0001 / (1 + 1e-6 * 500_000)
schedule = keras.optimizers.schedules.InverseTimeDecay(
    initial_learning_rate=0.0001, decay_steps=1, decay_rate=1e-6
)
print(f"{by_hand:.4e} {float(schedule(500_000)):.4e}")
# --8<-- [end:loesung-1]

# --8<-- [start:loesung-2]
import keras
import numpy as np


def predict_classes(model, x):
    """Klassen wie das alte model.predict_classes in Keras 2."""
    p = model.predict(x, verbose=0)
    if p.shape[-1] == 1:  # ein Sigmoid-Neuron: Wahrscheinlichkeit für Klasse 1
        return (p > 0.5).astype("int32")
    return np.argmax(p, axis=-1)


keras.utils.set_random_seed(42)
x = np.random.default_rng(42).random((6, 4))
binary = keras.Sequential([keras.Input(shape=(4,)), keras.layers.Dense(1, "sigmoid")])
multi = keras.Sequential([keras.Input(shape=(4,)), keras.layers.Dense(3, "softmax")])

print(predict_classes(binary, x).shape, predict_classes(multi, x).shape)
assert set(predict_classes(binary, x).ravel()) <= {0, 1}
assert set(predict_classes(multi, x)) <= {0, 1, 2}
# --8<-- [end:loesung-2]

# --8<-- [start:loesung-3]
import tempfile
from pathlib import Path

import keras
import numpy as np


def build():
    return keras.Sequential(
        [keras.Input(shape=(64,)), keras.layers.Dense(10, activation="softmax")]
    )


keras.utils.set_random_seed(42)
x = np.random.default_rng(42).random((5, 64))
original, copy = build(), build()
print(
    "vorher gleich: ",
    np.allclose(original.predict(x, verbose=0), copy.predict(x, verbose=0)),
)

with tempfile.TemporaryDirectory() as folder:
    path = Path(folder) / "gewichte.weights.h5"
    original.save_weights(path)
    copy.load_weights(path)
print(
    "nachher gleich:",
    np.allclose(original.predict(x, verbose=0), copy.predict(x, verbose=0)),
)
# --8<-- [end:loesung-3]

# --8<-- [start:loesung-4]
import math

import keras
from keras import layers
from sklearn.datasets import load_digits
from sklearn.model_selection import train_test_split

X, y = load_digits(return_X_y=True)
X_train, X_val, y_train, y_val = train_test_split(
    X / 16.0, y, test_size=0.2, stratify=y, random_state=42
)
print("Batch  Schritte pro Epoche  Val.-Verlust nach Epoche 1, 5, 10")
val_losses = {}
for batch_size in [16, 128, 1024]:
    keras.utils.set_random_seed(42)  # gleiche Startgewichte für alle drei
    model = keras.Sequential(
        [
            keras.Input(shape=(64,)),
            layers.Dense(64, activation="relu"),
            layers.Dense(10, activation="softmax"),
        ]
    )
    model.compile(optimizer="adam", loss="sparse_categorical_crossentropy")
    history = model.fit(
        X_train,
        y_train,
        batch_size=batch_size,
        epochs=10,
        validation_data=(X_val, y_val),
        verbose=0,
    )
    curve = history.history["val_loss"]  # die Lernkurve der Validierungsmenge
    val_losses[batch_size] = curve
    steps = math.ceil(len(X_train) / batch_size)  # Gewichtsänderungen pro Epoche
    print(f"{batch_size:5}  {steps:19}  {curve[0]:.3f}  {curve[4]:.3f}  {curve[9]:.3f}")

assert val_losses[16][-1] < val_losses[128][-1] < val_losses[1024][-1]
# --8<-- [end:loesung-4]
