"""mnist_lib – die kleine Bibliothek zur Lernseite „Neuronale Netze verstehen“.

Ein Modul pro Thema: ``data`` (Laden, Offline-Teilmenge, Vorverarbeitung),
``datasets`` (die übrigen Keras-Datensätze mit Offline-Ersatz),
``keras_offline`` (derselbe Ersatz für ``keras.datasets.*.load_data()``),
``models`` (Keras-Modelle der Lektionen), ``activations`` (Aktivierungsfunktionen
in NumPy), ``losses`` (Verlustfunktionen in NumPy), ``optimizers`` (acht Optimierer in
NumPy), ``numpy_net`` (Netze von Grund auf in NumPy), ``graph`` (Datenflussgraphen von
``tf.function``), ``plotting`` (Abbildungen, die Matplotlib nicht in einer Zeile gibt).

Der Import schaltet den Offline-Ersatz für ``keras.datasets`` ein (siehe
:mod:`mnist_lib.keras_offline`); installiert geschieht das schon beim Start von Python.
"""

from mnist_lib import keras_offline as _keras_offline

__version__ = "0.1.0"

_keras_offline.install()
