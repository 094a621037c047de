"""mnist_lib – die kleine Bibliothek zur Lernseite „Neuronale Netze verstehen“.

Ein Modul pro Thema: ``data`` (Laden, Offline-Teilmenge, Vorverarbeitung),
``datasets`` (die übrigen Keras-Datensätze mit Offline-Ersatz),
``models`` (Keras-Modelle der Lektionen), ``activations`` (Aktivierungsfunktionen
in NumPy), ``losses`` (Verlustfunktionen in NumPy), ``optimizers`` (acht Optimierer in
NumPy), ``numpy_net`` (Netze von Grund auf in NumPy), ``graph`` (Datenflussgraphen von
``tf.function``), ``plotting`` (Lernkurven, Ziffern, Funktionsverläufe).
"""

__version__ = "0.1.0"
