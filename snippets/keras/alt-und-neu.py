"""Alt → Neu: Keras-2-Code in Keras 3.

Zu jedem veralteten Aufruf erst der alte Code, dessen Fehler abgefangen und
ausgegeben wird, dann die heutige Fassung: Backend, Aufteilen der Daten,
Vorverarbeitung, Eingabe-Shape, Optimierer, Verlauf, Vorhersage, Speichern;
zum Schluss ein Experiment: Was `decay` in Keras 3 noch bewirkt.
Seite: docs/keras/alt-und-neu.md
"""

# --8<-- [start:versions]
import keras
import sklearn
import tensorflow as tf

print(
    f"Keras {keras.__version__}, TensorFlow {tf.__version__}, "
    f"scikit-learn {sklearn.__version__}"
)
# --8<-- [end:versions]

# --8<-- [start:backend-alt]
import os
import subprocess
import sys

# Das Backend legt Keras beim ersten `import keras` fest – darum ein eigener
# Python-Prozess mit der Umgebungsvariablen KERAS_BACKEND.
env = {**os.environ, "KERAS_BACKEND": "theano"}
result = subprocess.run(
    [sys.executable, "-c", "import keras"], env=env, capture_output=True, text=True
)
print("Rückgabewert:", result.returncode)
print(result.stderr.strip().splitlines()[-1])  # letzte Zeile: der Fehler
# --8<-- [end:backend-alt]

# --8<-- [start:backend]
import keras

print("Backend:      ", keras.config.backend())
print("Bildformat:   ", keras.config.image_data_format())
x = keras.ops.convert_to_tensor([[0.5, 0.2, 0.9]])
print("Tensor-Klasse:", type(x).__name__)
# --8<-- [end:backend]

# --8<-- [start:split-alt]
try:
    from sklearn.cross_validation import train_test_split  # Keras-2-Zeit
except ModuleNotFoundError as err:
    print(f"{type(err).__name__}: {err}")
# --8<-- [end:split-alt]

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

# --8<-- [start:preprocessing-alt]
import keras
from keras.preprocessing import sequence  # alter Name: klappt noch

print("dieselbe Funktion:", sequence.pad_sequences is keras.utils.pad_sequences)

try:
    from keras.preprocessing.text import Tokenizer  # noqa: F401
except ModuleNotFoundError as err:
    print(f"{type(err).__name__}: {err}")

try:
    from keras.preprocessing.image import ImageDataGenerator  # noqa: F401
except ImportError as err:
    message = str(err).split(" (")[0]  # Dateipfad am Ende weglassen (je Rechner anders)
    print(f"{type(err).__name__}: {message}")
# --8<-- [end:preprocessing-alt]

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

# --8<-- [start:input-alt]
import textwrap
import warnings

from keras.layers import Dense
from keras.models import Sequential

with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    model = Sequential()  # ein einfaches Netz, wie in Keras 2 üblich
    model.add(Dense(32, activation="relu", input_dim=100))
    model.add(Dense(1, activation="sigmoid"))
    mlp = Sequential()  # ein MLP für MNIST
    mlp.add(Dense(512, activation="relu", input_shape=(784,)))

first, second = caught
same = str(first.message) == str(second.message)
print("Warnungen:", len(caught), "– gleicher Text:", same)
print(f"{first.category.__name__}:")
print(textwrap.fill(str(first.message), width=72))
print("läuft trotzdem:", model.input_shape, mlp.input_shape)
# --8<-- [end:input-alt]

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

# --8<-- [start:rmsprop-alt]
import warnings

from keras.optimizers import RMSprop

with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    try:
        opt = RMSprop(lr=0.0001, decay=1e-6)  # Keras 2
    except ValueError as err:
        print(f"{type(err).__name__}: {err}")
for warning in caught:
    print(f"{warning.category.__name__}: {warning.message}")
# --8<-- [end:rmsprop-alt]

# --8<-- [start:rmsprop-lr-only-alt]
import warnings

import keras
from keras.optimizers import RMSprop

with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    opt = RMSprop(learning_rate=0.0001, decay=1e-6)
print(f"{caught[0].category.__name__}: {caught[0].message}")
rate = float(keras.ops.convert_to_numpy(opt.learning_rate))
print(f"Lernrate: {rate:.3e} – bleibt so, decay wirkt nicht")
# --8<-- [end:rmsprop-lr-only-alt]

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
    steps = f"{step:,}".replace(",", " ")
    print(f"Schritt {steps:>9}: Lernrate {rate:.3e}  (Keras 2: {keras2:.3e})")
# --8<-- [end:optimizer]

# --8<-- [start:history-alt]
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
try:
    acc = history.history["acc"]  # Keras bis 2.2
except KeyError as err:
    print(f"{type(err).__name__}: {err}")
print("vorhanden:", sorted(history.history))
# --8<-- [end:history-alt]

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

# --8<-- [start:predict-classes-alt]
import keras
from sklearn.datasets import load_digits

x, y = load_digits(return_X_y=True)
model3 = keras.Sequential(
    [keras.Input(shape=(64,)), keras.layers.Dense(10, activation="softmax")]
)
try:
    model3.predict_classes(x, batch_size=32)  # Keras 2
except AttributeError as err:
    print(f"{type(err).__name__}: {err}")
# --8<-- [end:predict-classes-alt]

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

# --8<-- [start:h5-alt]
import logging
import tempfile
import textwrap
from pathlib import Path

import keras
from keras.models import load_model


class Collector(logging.Handler):
    """Sammelt Log-Meldungen in einer Liste."""

    def __init__(self):
        super().__init__()
        self.messages = []

    def emit(self, record):
        self.messages.append(f"{record.levelname}: {record.getMessage()}")


collector = Collector()
logging.getLogger("absl").addHandler(collector)  # Keras meldet hier über absl

model3 = keras.Sequential(
    [keras.Input(shape=(64,)), keras.layers.Dense(10, activation="softmax")]
)
with tempfile.TemporaryDirectory() as folder:
    model3.save(Path(folder) / "model_file.h5")  # Keras 2: HDF5
    print("model_file.h5 geschrieben; Keras meldet:")
    print(textwrap.fill(collector.messages[0], width=72))
    try:
        my_model = load_model(Path(folder) / "my_model.h5")  # falscher Name
    except FileNotFoundError as err:
        message = str(err).replace(folder, "…")  # Ordner ist je Rechner anders
        print(f"{type(err).__name__}:")
        print(textwrap.fill(message, width=72))
    my_model = load_model(Path(folder) / "model_file.h5")  # richtiger Name
    print("mit richtigem Namen geladen:", type(my_model).__name__)
logging.getLogger("absl").removeHandler(collector)
# --8<-- [end:h5-alt]

# --8<-- [start:save-folder-alt]
import tempfile
import textwrap
from pathlib import Path

import keras

model3 = keras.Sequential(
    [keras.Input(shape=(64,)), keras.layers.Dense(10, activation="softmax")]
)
with tempfile.TemporaryDirectory() as folder:
    try:
        model3.save(Path(folder) / "model_file")  # Keras 2: SavedModel-Ordner
    except ValueError as err:
        message = str(err).replace(folder, "…")  # Ordner ist je Rechner anders
        print(f"{type(err).__name__}:")
        print(textwrap.fill(message, width=72))
# --8<-- [end:save-folder-alt]

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

# --8<-- [start:loesung-1]
import keras

try:
    keras.optimizers.Adam(lr=0.001)
except ValueError as err:
    print(f"{type(err).__name__}: {err}")
optimizer = keras.optimizers.Adam(learning_rate=0.001)
rate = float(keras.ops.convert_to_numpy(optimizer.learning_rate))
print(f"Lernrate: {rate:.0e}")
# --8<-- [end:loesung-1]

# --8<-- [start:loesung-2]
import warnings

import keras
from keras import layers

with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    model = keras.Sequential(
        [
            keras.Input(shape=(8,)),
            layers.Dense(12, kernel_initializer="uniform", activation="relu"),
            layers.Dense(8, kernel_initializer="uniform", activation="relu"),
            layers.Dense(1, kernel_initializer="uniform", activation="sigmoid"),
        ]
    )
print("Warnungen:", len(caught))
print("Eingabe:", model.input_shape, " Ausgabe:", model.output_shape)
print("Parameter:", model.count_params())
# --8<-- [end:loesung-2]

# --8<-- [start:loesung-3]
import numpy as np

probabilities = np.array([[0.1, 0.7, 0.2], [0.5, 0.3, 0.2], [0.05, 0.05, 0.9]])
print("argmax:", np.argmax(probabilities, axis=-1))
print("falsch, > 0.5:")
print((probabilities > 0.5).astype("int32"))
# --8<-- [end:loesung-3]

# --8<-- [start:loesung-4]
import tempfile
from pathlib import Path

import keras
import numpy as np
from sklearn.datasets import load_digits

x, y = load_digits(return_X_y=True)
keras.utils.set_random_seed(42)
model = keras.Sequential(
    [keras.Input(shape=(64,)), keras.layers.Dense(10, activation="softmax")]
)
model.compile(optimizer="rmsprop", loss="sparse_categorical_crossentropy")
model.fit(x / 16, y, epochs=2, verbose=0)
with tempfile.TemporaryDirectory() as folder:
    path = Path(folder) / "ziffern.keras"
    model.save(path)
    loaded = keras.models.load_model(path)
pairs = zip(model.get_weights(), loaded.get_weights(), strict=True)
print("gleich:", all(np.array_equal(a, b) for a, b in pairs))
print("Shapes:", [w.shape for w in loaded.get_weights()])
# --8<-- [end:loesung-4]

# --8<-- [start:loesung-5]
import warnings

import keras
from sklearn.datasets import load_digits

x, y = load_digits(return_X_y=True)
optimizers = {}
with warnings.catch_warnings():
    warnings.simplefilter("ignore")  # die Warnung zu decay kennst du schon
    optimizers["decay=0.01"] = keras.optimizers.RMSprop(learning_rate=0.01, decay=0.01)
schedule = keras.optimizers.schedules.InverseTimeDecay(
    initial_learning_rate=0.01, decay_steps=1, decay_rate=0.01
)
optimizers["InverseTimeDecay"] = keras.optimizers.RMSprop(learning_rate=schedule)

rates = {}
for name, optimizer in optimizers.items():
    keras.utils.set_random_seed(42)
    model = keras.Sequential(
        [
            keras.Input(shape=(64,)),
            keras.layers.Dense(32, activation="relu"),
            keras.layers.Dense(10, activation="softmax"),
        ]
    )
    model.compile(optimizer=optimizer, loss="sparse_categorical_crossentropy")
    history = model.fit(x / 16, y, epochs=5, batch_size=32, verbose=0)
    steps = int(keras.ops.convert_to_numpy(optimizer.iterations))
    rate = float(keras.ops.convert_to_numpy(optimizer.learning_rate))
    losses = " ".join(f"{loss:.3f}" for loss in history.history["loss"])
    print(f"{name:16}  {steps} Schritte, Lernrate am Ende {rate:.2e}")
    print(f"{'':16}  Verlust je Epoche: {losses}")
    rates[name] = rate, steps

assert abs(rates["decay=0.01"][0] - 0.01) < 1e-6, "decay wirkt nicht"
rate, steps = rates["InverseTimeDecay"]
assert abs(rate - 0.01 / (1 + 0.01 * steps)) < 1e-6, "die Formel von Keras 2"
# --8<-- [end:loesung-5]
