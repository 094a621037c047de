"""Keras-Rezepte: Modelle bauen.

Das Grundbeispiel, MLPs für binäre und Mehrklassen-Klassifikation und Regression,
ein CNN, ein RNN mit LSTM und das Inspizieren eines Modells – jedes Rezept für
sich kopierbar, mit kurzem Training und einer Prüfung des Ergebnisses; zum Schluss
ein Experiment mit der Zahl der Neuronen.
Seite: docs/keras/modelle.md
"""

# --8<-- [start:grundbeispiel]
import keras
from sklearn.datasets import load_breast_cancer
from sklearn.preprocessing import StandardScaler

keras.utils.set_random_seed(42)
# 569 echte Samples mit je 30 Features; Label 0 = bösartig, 1 = gutartig
data, labels = load_breast_cancer(return_X_y=True)
data = StandardScaler().fit_transform(data)  # Features auf eine Größenordnung

model = keras.Sequential()
model.add(keras.Input(shape=(30,)))
model.add(keras.layers.Dense(32, activation="relu"))
model.add(keras.layers.Dense(1, activation="sigmoid"))
model.compile(optimizer="rmsprop", loss="binary_crossentropy", metrics=["accuracy"])
model.fit(data, labels, epochs=10, batch_size=32, verbose=0)
predictions = model.predict(data, verbose=0)

accuracy = ((predictions[:, 0] > 0.5) == labels).mean()
print("Vorhersagen:", predictions.shape)
print(f"Genauigkeit auf den Trainingsdaten: {accuracy:.1%}")
assert accuracy > 0.9
# --8<-- [end:grundbeispiel]

# --8<-- [start:sequential]
import keras
from keras import layers

# Schicht für Schicht mit add …
model = keras.Sequential(name="schrittweise")
model.add(keras.Input(shape=(8,)))
model.add(layers.Dense(12, activation="relu"))
model.add(layers.Dense(1, activation="sigmoid"))

# … oder alle Schichten auf einmal als Liste
model2 = keras.Sequential(
    [
        keras.Input(shape=(8,)),
        layers.Dense(12, activation="relu"),
        layers.Dense(1, activation="sigmoid"),
    ],
    name="als_liste",
)
print(model.name, model.count_params(), model.output_shape)
print(model2.name, model2.count_params(), model2.output_shape)
# --8<-- [end:sequential]

# --8<-- [start:mlp-binaer]
import keras
from keras import layers
from sklearn.datasets import load_breast_cancer
from sklearn.model_selection import train_test_split
from sklearn.preprocessing import StandardScaler

keras.utils.set_random_seed(42)
X, y = load_breast_cancer(return_X_y=True)  # 30 Features, Label 0 oder 1
X_train, X_test, y_train, y_test = train_test_split(
    X, y, test_size=0.33, random_state=42
)
scaler = StandardScaler().fit(X_train)
X_train, X_test = scaler.transform(X_train), scaler.transform(X_test)

model = keras.Sequential()
model.add(keras.Input(shape=(30,)))
model.add(layers.Dense(12, kernel_initializer="uniform", activation="relu"))
model.add(layers.Dense(8, kernel_initializer="uniform", activation="relu"))
model.add(layers.Dense(1, kernel_initializer="uniform", activation="sigmoid"))
model.compile(optimizer="adam", loss="binary_crossentropy", metrics=["accuracy"])
model.fit(X_train, y_train, epochs=15, batch_size=16, verbose=0)

loss, accuracy = model.evaluate(X_test, y_test, verbose=0)
print(f"{model.count_params()} Parameter, Genauigkeit (Testmenge): {accuracy:.1%}")
print(f"zum Vergleich, immer „gutartig“ sagen: {y_test.mean():.1%}")
assert model.count_params() == 30 * 12 + 12 + 12 * 8 + 8 + 8 * 1 + 1
assert accuracy > 0.9
# --8<-- [end:mlp-binaer]

# --8<-- [start:mlp-mehrklassen]
import keras
from keras import layers

keras.utils.set_random_seed(42)
(x_train, y_train), (x_test, y_test) = keras.datasets.mnist.load_data()
# 28 × 28 Grauwerte → Vektor mit 784 Werten zwischen 0 und 1; 2 000 Bilder
x_train = x_train[:2000].reshape(-1, 784).astype("float32") / 255
x_test = x_test[:1000].reshape(-1, 784).astype("float32") / 255
Y_train = keras.utils.to_categorical(y_train[:2000], 10)
Y_test = keras.utils.to_categorical(y_test[:1000], 10)

model = keras.Sequential()
model.add(keras.Input(shape=(784,)))
model.add(layers.Dense(512, activation="relu"))
model.add(layers.Dropout(0.2))
model.add(layers.Dense(512, activation="relu"))
model.add(layers.Dropout(0.2))
model.add(layers.Dense(10, activation="softmax"))
model.compile(
    optimizer="rmsprop", loss="categorical_crossentropy", metrics=["accuracy"]
)
model.fit(x_train, Y_train, epochs=5, batch_size=128, verbose=0)

loss, accuracy = model.evaluate(x_test, Y_test, verbose=0)
print(f"{model.count_params()} Parameter, Genauigkeit (Testmenge): {accuracy:.1%}")
print("zum Vergleich, Raten: 10.0%")
assert model.count_params() == 669_706
assert accuracy > 0.85
# --8<-- [end:mlp-mehrklassen]

# --8<-- [start:regression]
import keras
import numpy as np
from keras import layers
from sklearn.preprocessing import StandardScaler

keras.utils.set_random_seed(42)
(x_train2, y_train2), (x_test2, y_test2) = keras.datasets.boston_housing.load_data()
scaler = StandardScaler().fit(x_train2)
x_train2, x_test2 = scaler.transform(x_train2), scaler.transform(x_test2)

model = keras.Sequential()
model.add(keras.Input(shape=(x_train2.shape[1],)))  # 13 Features
model.add(layers.Dense(64, activation="relu"))
model.add(layers.Dense(1))  # ein Zahlenwert, keine Aktivierungsfunktion
model.compile(optimizer="rmsprop", loss="mse", metrics=["mae"])
model.fit(x_train2, y_train2, epochs=40, batch_size=16, verbose=0)

mse, mae = model.evaluate(x_test2, y_test2, verbose=0)
baseline = np.abs(y_test2 - y_train2.mean()).mean()  # immer Mittelwert schätzen
print(f"mittlerer absoluter Fehler: {mae:.2f} (in 1 000 $)")
print(f"zum Vergleich, immer den Mittelwert der Trainingsmenge: {baseline:.2f}")
assert mae < 0.7 * baseline, "deutlich besser als der Mittelwert"
# --8<-- [end:regression]

# --8<-- [start:cnn]
import keras
from keras import layers

keras.utils.set_random_seed(42)
(x_train3, y_train3), (x_test3, y_test3) = keras.datasets.cifar10.load_data()
num_classes = 10
# 1 000 Bilder zum Trainieren, 1 000 zum Testen: Sekunden statt Stunden
x_train3 = x_train3[:1000].astype("float32") / 255
x_test3 = x_test3[:1000].astype("float32") / 255
Y_train3 = keras.utils.to_categorical(y_train3[:1000], num_classes)
Y_test3 = keras.utils.to_categorical(y_test3[:1000], num_classes)

model2 = keras.Sequential()
model2.add(keras.Input(shape=x_train3.shape[1:]))  # Höhe, Breite, Kanäle
model2.add(layers.Conv2D(32, (3, 3), padding="same"))
model2.add(layers.Activation("relu"))
model2.add(layers.Conv2D(32, (3, 3)))
model2.add(layers.Activation("relu"))
model2.add(layers.MaxPooling2D(pool_size=(2, 2)))
model2.add(layers.Dropout(0.25))
model2.add(layers.Conv2D(64, (3, 3), padding="same"))
model2.add(layers.Activation("relu"))
model2.add(layers.Conv2D(64, (3, 3)))
model2.add(layers.Activation("relu"))
model2.add(layers.MaxPooling2D(pool_size=(2, 2)))
model2.add(layers.Dropout(0.25))
model2.add(layers.Flatten())
model2.add(layers.Dense(512))
model2.add(layers.Activation("relu"))
model2.add(layers.Dropout(0.5))
model2.add(layers.Dense(num_classes))
model2.add(layers.Activation("softmax"))
model2.compile(optimizer="adam", loss="categorical_crossentropy", metrics=["accuracy"])
model2.fit(x_train3, Y_train3, epochs=2, batch_size=32, verbose=0)

loss, accuracy = model2.evaluate(x_test3, Y_test3, verbose=0)
print("Bilder:", x_train3.shape[1:], " Ausgabe:", model2.output_shape)
print(f"Genauigkeit (Testmenge): {accuracy:.1%}, zum Vergleich, Raten: 10.0%")
assert model2.output_shape == (None, num_classes)
assert accuracy > 0.2
# --8<-- [end:cnn]

# --8<-- [start:rnn]
import keras
from keras import layers

keras.utils.set_random_seed(42)
(x_train4, y_train4), (x_test4, y_test4) = keras.datasets.imdb.load_data(
    num_words=20000
)
# 1 000 Sequenzen zum Trainieren und Testen, jede auf 80 Wortnummern gebracht
x_train4 = keras.utils.pad_sequences(x_train4[:1000], maxlen=80)
x_test4 = keras.utils.pad_sequences(x_test4[:1000], maxlen=80)
y_train4, y_test4 = y_train4[:1000], y_test4[:1000]

model3 = keras.Sequential()
model3.add(keras.Input(shape=(80,)))
# Wortnummer → Vektor mit 32 Zahlen; mask_zero: aufgefüllte Nullen überspringen
model3.add(layers.Embedding(20000, 32, mask_zero=True))
model3.add(layers.LSTM(32, dropout=0.2))
model3.add(layers.Dense(1, activation="sigmoid"))
model3.compile(loss="binary_crossentropy", optimizer="adam", metrics=["accuracy"])
model3.fit(x_train4, y_train4, batch_size=32, epochs=2, verbose=0)

loss, accuracy = model3.evaluate(x_test4, y_test4, verbose=0)
print(f"{model3.count_params()} Parameter")
print(f"Genauigkeit (Testmenge): {accuracy:.1%}, zum Vergleich, Raten: 50.0%")
assert model3.count_params() == 20000 * 32 + 4 * (32 * 32 + 32 * 32 + 32) + 33
assert accuracy > 0.6
# --8<-- [end:rnn]

# --8<-- [start:inspizieren]
import keras
from keras import layers

model = keras.Sequential(name="mlp")
model.add(keras.Input(shape=(784,)))
model.add(layers.Dense(512, activation="relu"))
model.add(layers.Dropout(0.2))
model.add(layers.Dense(10, activation="softmax"))

print("output_shape:", model.output_shape)
model.summary(print_fn=print)  # Tabelle der Schichten und Parameter
config = model.get_config()  # Bauplan als dict, ohne Gewichte
print(
    "get_config:", config["name"], [layer["class_name"] for layer in config["layers"]]
)
weights = model.get_weights()  # Liste der Gewichts-Tensoren als NumPy-Arrays
print("get_weights:", [w.shape for w in weights])

assert model.output_shape == (None, 10)
assert sum(w.size for w in weights) == model.count_params() == 407_050
# --8<-- [end:inspizieren]

# --8<-- [start:loesung-1]
import keras
import numpy as np

keras.utils.set_random_seed(42)
rng = np.random.default_rng(42)
data, labels = rng.random((1000, 100)), rng.integers(0, 2, size=(1000, 1))
new_data, new_labels = rng.random((1000, 100)), rng.integers(0, 2, size=(1000, 1))

model = keras.Sequential()
model.add(keras.Input(shape=(100,)))
model.add(keras.layers.Dense(32, activation="relu"))
model.add(keras.layers.Dense(1, activation="sigmoid"))
model.compile(optimizer="rmsprop", loss="binary_crossentropy", metrics=["accuracy"])
model.fit(data, labels, epochs=10, batch_size=32, verbose=0)

_, train_accuracy = model.evaluate(data, labels, verbose=0)
_, new_accuracy = model.evaluate(new_data, new_labels, verbose=0)
print(f"Trainingsdaten: {train_accuracy:.0%}, neue Daten: {new_accuracy:.0%}")
assert train_accuracy > new_accuracy
assert 0.4 < new_accuracy < 0.6, "auf neuen Daten: Raten"
# --8<-- [end:loesung-1]

# --8<-- [start:loesung-2]
import keras
from keras import layers

model2 = keras.Sequential()
model2.add(keras.Input(shape=(32, 32, 3)))
model2.add(layers.Conv2D(32, (3, 3), padding="same", activation="relu"))
model2.add(layers.Conv2D(32, (3, 3), activation="relu"))
model2.add(layers.MaxPooling2D(pool_size=(2, 2)))
model2.add(layers.Dropout(0.25))
model2.add(layers.Conv2D(64, (3, 3), padding="same", activation="relu"))
model2.add(layers.Conv2D(64, (3, 3), activation="relu"))
model2.add(layers.MaxPooling2D(pool_size=(2, 2)))
model2.add(layers.Dropout(0.25))
model2.add(layers.Flatten())
model2.add(layers.Dense(512, activation="relu"))
model2.add(layers.Dropout(0.5))
model2.add(layers.Dense(10, activation="softmax"))

for layer in model2.layers:
    if isinstance(layer, (layers.MaxPooling2D, layers.Flatten)):
        print(f"{type(layer).__name__:13} {layer.output.shape}")
print("Parameter:", model2.count_params())
# --8<-- [end:loesung-2]

# --8<-- [start:loesung-3]
import keras

units, inputs = 32, 32
by_hand = 4 * (inputs * units + units * units + units)

lstm = keras.layers.LSTM(units)
lstm.build((None, 80, inputs))  # Batch, Zeitschritte, Zahlen pro Schritt
print(by_hand, lstm.count_params())
# --8<-- [end:loesung-3]

# --8<-- [start:loesung-4]
import keras
from keras import layers

(x_train, y_train), (x_test, y_test) = keras.datasets.mnist.load_data()
x_train = x_train[:2000].reshape(-1, 784).astype("float32") / 255
x_test = x_test[:1000].reshape(-1, 784).astype("float32") / 255
y_train, y_test = y_train[:2000], y_test[:1000]
# 1 600 Bilder zum Lernen, 400 als Validierungsmenge für die Wahl der Größe
x_fit, y_fit = x_train[:1600], y_train[:1600]
x_val, y_val = x_train[1600:], y_train[1600:]

print("Neuronen  Parameter  Training  Validierung  Abstand")
results, models = {}, {}
for units in [4, 32, 256]:
    keras.utils.set_random_seed(42)
    model = keras.Sequential(
        [
            keras.Input(shape=(784,)),
            layers.Dense(units, activation="relu"),  # die verdeckte Schicht
            layers.Dense(10, activation="softmax"),
        ]
    )
    model.compile(
        optimizer="rmsprop",
        loss="sparse_categorical_crossentropy",
        metrics=["accuracy"],
    )
    model.fit(x_fit, y_fit, epochs=10, batch_size=32, verbose=0)
    _, train_accuracy = model.evaluate(x_fit, y_fit, verbose=0)
    _, val_accuracy = model.evaluate(x_val, y_val, verbose=0)
    gap = train_accuracy - val_accuracy
    results[units], models[units] = (train_accuracy, val_accuracy, gap), model
    print(
        f"{units:8}  {model.count_params():9}  {train_accuracy:8.1%}"
        f"  {val_accuracy:11.1%}  {gap:7.1%}"
    )

best = max(results, key=lambda units: results[units][1])  # beste Validierung
_, test_accuracy = models[best].evaluate(x_test, y_test, verbose=0)
print(f"gewählt: {best} Neuronen; Testmenge, einmal gemessen: {test_accuracy:.1%}")

assert results[4][0] < results[32][0] < results[256][0], "Training: mehr ist besser"
assert results[4][1] < results[32][1], "Validierung: 4 Neuronen sind zu wenig"
assert results[256][2] > results[4][2], "der Abstand wächst"
# --8<-- [end:loesung-4]
