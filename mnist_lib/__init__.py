"""mnist_lib – die kleine Bibliothek zur Lernseite „Neuronale Netze verstehen“.

Ein Modul pro Thema: ``numpy_net`` (Netze von Grund auf), ``optimizers`` (acht
Optimierer), ``activations`` und ``losses`` (in NumPy), ``graph`` (Datenflussgraphen von
``tf.function``), ``plotting`` (Abbildungen, die Matplotlib nicht in einer Zeile gibt),
``checks`` (Prüfungen mit deutschen Meldungen), ``data``/``datasets``/``keras_offline``
(``keras.datasets.*.load_data()`` mit Offline-Schalter und echtem Ersatz ohne Netz;
eingeschaltet beim Start von Python und beim Import).
"""

from mnist_lib import keras_offline as _keras_offline

__version__ = "0.1.0"

_keras_offline.install()
