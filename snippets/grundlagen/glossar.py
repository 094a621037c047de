"""Glossar: Sample, Label und Feature an echten MNIST-Daten.

Zeigt, was in den MNIST-Daten ein Sample, ein Label und ein Feature ist,
und wie aus einem Label ein One-Hot-Vektor wird.
Seite: docs/grundlagen/glossar.md
"""

# --8<-- [start:sample]
import keras

(x_train, y_train), (x_test, y_test) = keras.datasets.mnist.load_data()

sample = x_train[0]  # ein Sample: ein Bild aus 28 × 28 Bildpunkten
label = y_train[0]  # sein Label: die Ziffer, die darauf zu sehen ist
feature = sample[14, 14]  # ein Feature: der Grauwert des Bildpunkts in der Mitte

print("Shape eines Samples:  ", sample.shape)
print("Features pro Sample:  ", sample.size)
print("dtype der Features:   ", sample.dtype, "(Grauwerte 0…255)")
print("mögliche Labels:      ", sorted(set(y_train.tolist())))
# --8<-- [end:sample]

# --8<-- [start:one_hot]
import keras
import numpy as np

labels = np.array([3, 0, 9])
print(keras.utils.to_categorical(labels, 10))  # 10 Klassen: die Ziffern 0 bis 9
# --8<-- [end:one_hot]
