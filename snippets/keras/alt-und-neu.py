"""Alt → Neu: Keras-2-Code aus dem Quellmaterial in Keras 3.

Jeder Abschnitt ist die heutige Fassung eines veralteten Aufrufs: Backend,
Aufteilen der Daten, Vorverarbeitung, Eingabe-Shape, Optimierer, Verlauf,
Vorhersage, Speichern.
Seite: docs/keras/alt-und-neu.md
"""

# --8<-- [start:backend]
import keras

print("Backend:      ", keras.config.backend())
print("Bildformat:   ", keras.config.image_data_format())
x = keras.ops.convert_to_tensor([[0.5, 0.2, 0.9]])
print("Tensor-Klasse:", type(x).__name__)
# --8<-- [end:backend]

# --8<-- [start:split]
from sklearn.datasets import load_digits
from sklearn.model_selection import train_test_split

x, y = load_digits(return_X_y=True)  # 1797 echte Ziffern, je 8 × 8 Grauwerte
x_train, x_test, y_train, y_test = train_test_split(
    x, y, test_size=0.33, random_state=42, stratify=y
)
print("alle Samples:  ", x.shape)
print("Trainingsmenge:", x_train.shape, y_train.shape)
print("Testmenge:     ", x_test.shape, y_test.shape)
# --8<-- [end:split]

# --8<-- [start:pad]
import keras

# drei „Sätze“ als Wortnummern, verschieden lang
sequences = [[3, 7, 2], [5], [4, 8, 1, 9, 6, 2]]
padded = keras.utils.pad_sequences(sequences, maxlen=4)
print(padded)
print("Shape:", padded.shape)
# --8<-- [end:pad]

# --8<-- [start:text]
import keras

vectorizer = keras.layers.TextVectorization(output_sequence_length=5)
vectorizer.adapt(["das netz lernt", "das netz rechnet schnell", "ein netz"])
print("Wortschatz:", [str(word) for word in vectorizer.get_vocabulary()])
numbers = vectorizer(["das netz lernt schnell"])  # Wörter → Nummern
print(keras.ops.convert_to_numpy(numbers))
# --8<-- [end:text]

# --8<-- [start:input]
import warnings

import keras
from keras import layers

with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    model = keras.Sequential(
        [
            keras.Input(shape=(100,)),  # statt input_dim=100
            layers.Dense(32, activation="relu"),
            layers.Dense(1, activation="sigmoid"),
        ]
    )
print("Warnungen:", len(caught))
print("Eingabe-Shape:", model.input_shape)
print("Ausgabe-Shape:", model.output_shape)
# --8<-- [end:input]

# --8<-- [start:optimizer]
import keras

# Keras 2: lr_t = lr / (1 + decay · t), t = Zahl der bisherigen Schritte (Batches)
schedule = keras.optimizers.schedules.InverseTimeDecay(
    initial_learning_rate=0.0001, decay_steps=1, decay_rate=1e-6
)
optimizer = keras.optimizers.RMSprop(learning_rate=schedule)
for step in [0, 10_000, 1_000_000]:
    keras2 = 0.0001 / (1 + 1e-6 * step)  # Formel von Keras 2 zum Vergleich
    rate = float(schedule(step))
    steps = f"{step:,}".replace(",", ".")
    print(f"Schritt {steps:>9}: Lernrate {rate:.3e}  (Keras 2: {keras2:.3e})")
# --8<-- [end:optimizer]

# --8<-- [start:history]
import keras
from sklearn.datasets import load_digits

x, y = load_digits(return_X_y=True)
keras.utils.set_random_seed(42)
model = keras.Sequential(
    [keras.Input(shape=(64,)), keras.layers.Dense(10, activation="softmax")]
)
model.compile(
    optimizer="rmsprop",
    loss="sparse_categorical_crossentropy",
    metrics=["accuracy"],
)
history = model.fit(x / 16, y, epochs=3, validation_split=0.2, verbose=0)
acc = history.history["accuracy"]  # Name wie bei metrics=[...]
val_acc = history.history["val_accuracy"]
print("Schlüssel:", sorted(history.history))
print("Werte pro Epoche:", len(acc), len(val_acc))
# --8<-- [end:history]

# --8<-- [start:predict]
import keras
import numpy as np
from sklearn.datasets import load_digits
from sklearn.model_selection import train_test_split

x, y = load_digits(return_X_y=True)
x_train, x_test, y_train, y_test = train_test_split(
    x / 16, y, test_size=0.33, random_state=42, stratify=y
)
keras.utils.set_random_seed(42)
model = keras.Sequential(
    [
        keras.Input(shape=(64,)),
        keras.layers.Dense(32, activation="relu"),
        keras.layers.Dense(10, activation="softmax"),
    ]
)
model.compile(optimizer="rmsprop", loss="sparse_categorical_crossentropy")
model.fit(x_train, y_train, epochs=20, verbose=0)

probabilities = model.predict(x_test, verbose=0)  # Shape (594, 10)
classes = np.argmax(probabilities, axis=-1)  # Shape (594,): je Sample eine Ziffer
print("Wahrscheinlichkeiten:", probabilities.shape, " Klassen:", classes.shape)
print("vorhergesagt:", classes[:12])
print("Labels:      ", y_test[:12])
print(f"Anteil richtig: {np.mean(classes == y_test):.3f}")
# --8<-- [end:predict]

# --8<-- [start:predict_binary]
import numpy as np

# So sieht model.predict(...) bei einer Sigmoid-Ausgabeschicht aus: Shape (N, 1)
probabilities = np.array([[0.08], [0.93], [0.5], [0.51]])
classes = (probabilities > 0.5).astype("int32")
print(classes.ravel())
# --8<-- [end:predict_binary]

# --8<-- [start:save]
import tempfile
import zipfile
from pathlib import Path

import keras
import numpy as np
from sklearn.datasets import load_digits

x, _ = load_digits(return_X_y=True)
keras.utils.set_random_seed(42)
model = keras.Sequential(
    [keras.Input(shape=(64,)), keras.layers.Dense(10, activation="softmax")]
)
with tempfile.TemporaryDirectory() as folder:
    path = Path(folder) / "model_file.keras"
    model.save(path)  # ein Name …
    my_model = keras.models.load_model(path)  # … derselbe Name
    print("ZIP-Datei:", zipfile.is_zipfile(path))
    print("Inhalt:   ", zipfile.ZipFile(path).namelist())
same = np.allclose(model.predict(x, verbose=0), my_model.predict(x, verbose=0))
print("gleiche Vorhersagen:", same)
# --8<-- [end:save]
