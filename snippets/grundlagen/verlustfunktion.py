"""Verlustfunktion: Abweichung zwischen Ist- und Sollwert messen.

Rechnet mittleren absoluten und quadratischen Fehler sowie die Kreuzentropie von
Hand (mnist_lib.losses), vergleicht mit keras.losses und zeigt mit
tf.GradientTape, warum Kreuzentropie und Softmax zusammengehören.
Seite: docs/grundlagen/verlustfunktion.md
"""

# --8<-- [start:mae]
import keras
import numpy as np

from mnist_lib.losses import mean_absolute_error

# Vier Samples mit je einem Ausgabewert (Shape (4, 1))
y_true = np.array([[3.0], [-0.5], [2.0], [7.0]])  # Sollwerte S
y_pred = np.array([[2.5], [0.0], [2.0], [8.0]])  # Istwerte E (Ausgabe des Netzes)

per_sample = mean_absolute_error(y_true, y_pred)  # |E − S| je Sample
print("|E − S| je Sample:", per_sample)
print("MAE (Mittelwert): ", per_sample.mean())

# Gegenprobe mit Keras: Funktion (je Sample) und Klasse (Mittelwert)
print("Keras je Sample:  ", keras.losses.mean_absolute_error(y_true, y_pred).numpy())
print("Keras-Klasse:     ", float(keras.losses.MeanAbsoluteError()(y_true, y_pred)))
# --8<-- [end:mae]

# --8<-- [start:mse]
import keras
import numpy as np

from mnist_lib.losses import mean_squared_error

y_true = np.array([[3.0], [-0.5], [2.0], [7.0]])
y_pred = np.array([[2.5], [0.0], [2.0], [8.0]])

per_sample = mean_squared_error(y_true, y_pred)  # (E − S)² je Sample
print("(E − S)² je Sample:", per_sample)
print("MSE (Mittelwert):  ", per_sample.mean())
print("Keras-Klasse:      ", float(keras.losses.MeanSquaredError()(y_true, y_pred)))
# --8<-- [end:mse]

# --8<-- [start:categorical]
import keras
import numpy as np

from mnist_lib.losses import categorical_crossentropy

# Drei Samples, drei Klassen: Sollwerte als One-Hot-Vektoren …
y_true = np.array([[1, 0, 0], [0, 1, 0], [0, 0, 1]], dtype=np.float32)
# … und Softmax-Ausgaben des Netzes (jede Zeile summiert sich zu 1)
y_pred = np.array(
    [[0.90, 0.05, 0.05], [0.60, 0.30, 0.10], [0.05, 0.01, 0.94]], dtype=np.float32
)

by_hand = -np.log(y_pred[np.arange(3), y_true.argmax(axis=1)])  # −ln p_richtig
ours = categorical_crossentropy(y_true, y_pred)
keras_per_sample = keras.losses.categorical_crossentropy(y_true, y_pred).numpy()
keras_mean = float(keras.losses.CategoricalCrossentropy()(y_true, y_pred))

print("−ln p der richtigen Klasse:", np.round(by_hand, 4))
print("mnist_lib je Sample:       ", np.round(ours, 4))
print("Keras je Sample:           ", np.round(keras_per_sample, 4))
print(f"Mittelwert (mnist_lib):     {ours.mean():.4f}")
print(f"Keras-Klasse (Mittelwert):  {keras_mean:.4f}")
np.testing.assert_allclose(ours, keras_per_sample, rtol=1e-6)
# --8<-- [end:categorical]

# --8<-- [start:sparse]
import keras
import numpy as np

from mnist_lib.losses import sparse_categorical_crossentropy

labels = np.array([0, 1, 2])  # Klassennummern statt One-Hot-Vektoren
y_pred = np.array(
    [[0.90, 0.05, 0.05], [0.60, 0.30, 0.10], [0.05, 0.01, 0.94]], dtype=np.float32
)
ours = sparse_categorical_crossentropy(labels, y_pred)
keras_mean = float(keras.losses.SparseCategoricalCrossentropy()(labels, y_pred))
print("mnist_lib je Sample:", np.round(ours, 4))
print(f"Keras-Klasse:        {keras_mean:.4f}")
# --8<-- [end:sparse]

# --8<-- [start:binary]
import keras
import numpy as np

from mnist_lib.losses import binary_crossentropy

# Ja/Nein-Frage „Ist das eine Null?“: ein Sigmoid-Ausgang pro Sample
y_true = np.array([[1.0], [0.0], [1.0], [0.0]])
y_pred = np.array([[0.95], [0.10], [0.40], [0.80]], dtype=np.float32)

ours = binary_crossentropy(y_true, y_pred)
keras_per_sample = keras.losses.binary_crossentropy(y_true, y_pred).numpy()
keras_mean = float(keras.losses.BinaryCrossentropy()(y_true, y_pred))
print("mnist_lib je Sample:", np.round(ours, 4))
print("Keras je Sample:    ", np.round(keras_per_sample, 4))
print(f"Keras-Klasse:        {keras_mean:.4f}")
# --8<-- [end:binary]

# --8<-- [start:clipping]
import numpy as np

from mnist_lib.losses import EPSILON, categorical_crossentropy

y_true = np.array([[0.0, 1.0, 0.0]])
y_pred = np.array([[1.0, 0.0, 0.0]])  # völlig sicher – und völlig falsch

print("Epsilon:             ", EPSILON)
print(f"mit Clipping:         {categorical_crossentropy(y_true, y_pred)[0]:.4f}")
print(f"Obergrenze −ln(1e-7): {-np.log(EPSILON):.4f}")
print("ohne Clipping:       ", categorical_crossentropy(y_true, y_pred, epsilon=0)[0])
# --8<-- [end:clipping]

# --8<-- [start:gradient]
import keras
import numpy as np
import tensorflow as tf

logits = tf.Variable([[2.0, 1.0, 0.1]])  # Ausgaben der letzten Schicht vor Softmax
y_true = tf.constant([[0.0, 1.0, 0.0]])  # One-Hot: richtig ist Klasse 1

with tf.GradientTape() as tape:
    p = keras.ops.softmax(logits)  # Wahrscheinlichkeiten
    loss = keras.losses.categorical_crossentropy(y_true, p)

gradient = tape.gradient(loss, logits)  # ∂Verlust/∂Logits
print("p         :", np.round(p.numpy(), 4))
print("p − y     :", np.round((p - y_true).numpy(), 4))
print("Gradient  :", np.round(gradient.numpy(), 4))
# --8<-- [end:gradient]

# --8<-- [start:saturation]
import keras
import numpy as np
import tensorflow as tf

# Das Netz ist sich sicher, dass Klasse 0 richtig ist – richtig wäre Klasse 1.
logits = tf.Variable([[6.0, 0.0, 0.0]])
y_true = tf.constant([[0.0, 1.0, 0.0]])

for name, loss_fn in [
    ("Kreuzentropie", keras.losses.categorical_crossentropy),
    ("MSE", keras.losses.mean_squared_error),
]:
    with tf.GradientTape() as tape:
        p = keras.ops.softmax(logits)
        loss = loss_fn(y_true, p)
    gradient = tape.gradient(loss, logits)
    print(f"{name:13s} Verlust {float(loss[0]):6.4f}  Gradient", np.round(gradient, 4))
# --8<-- [end:saturation]

# --8<-- [start:ln10]
import math

import numpy as np

from mnist_lib.losses import categorical_crossentropy

uniform = np.full((1, 10), 0.1)  # reines Raten: jede Ziffer mit 10 %
label = np.eye(10)[[3]]  # One-Hot-Label der Ziffer 3
print(f"Verlust beim Raten: {categorical_crossentropy(label, uniform)[0]:.4f}")
print(f"ln(10):             {math.log(10):.4f}")
# --8<-- [end:ln10]

# --8<-- [start:error]
import numpy as np

from mnist_lib.losses import categorical_crossentropy

y_true = np.array([[0.0, 1.0, 0.0]])
logits = np.array([[2.0, 1.0, 0.1]])  # Softmax vergessen!
try:
    categorical_crossentropy(y_true, logits)
except ValueError as error:
    print(error)
# --8<-- [end:error]
