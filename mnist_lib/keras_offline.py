"""Den Offline-Ersatz in ``keras.datasets`` einhängen – dieselben Aufrufe wie immer.

Ist ``mnist_lib`` installiert, läuft ``keras.datasets.<name>.load_data()`` für die
Datensätze in :data:`mnist_lib.data.DATASETS` durch :func:`mnist_lib.data.load_data`:
mit Netz lädt Keras wie gewohnt (mit Zeitlimit), ohne Netz oder mit
``MNIST_LIB_OFFLINE=1`` kommen echte Daten aus installierten Paketen, und der Aufruf
sagt auf stderr, welche.

Eingeschaltet wird das beim Start von Python durch die Datei
``nnv_mnist_lib_offline.pth``, die das Paket mitinstalliert, und beim Import von
``mnist_lib``. Dieses Modul lädt dafür nur die Standardbibliothek: Der Ersatz greift
erst, wenn ein Programm Keras importiert.
"""

from __future__ import annotations

import functools
import importlib.abc
import importlib.machinery
import sys
from typing import Any

#: Hier definiert Keras die Lader; ``keras.datasets.<name>`` übernimmt sie von dort.
PACKAGE = "keras.src.datasets"


def install() -> None:
    """Ersatz einschalten: sofort für schon geladene Lader, sonst beim Import."""
    if PACKAGE in sys.modules:  # Keras ist schon geladen, etwa in einem Notebook
        from mnist_lib.data import DATASETS

        for name in DATASETS:
            for package in (PACKAGE, "keras.datasets"):
                module = sys.modules.get(f"{package}.{name}")
                if module is not None:
                    _patch(module, name)
    if not any(isinstance(finder, _DatasetFinder) for finder in sys.meta_path):
        sys.meta_path.insert(0, _DatasetFinder())


class _DatasetFinder(importlib.abc.MetaPathFinder):
    """Ersetzt ``load_data``, sobald Keras ein Datensatz-Modul lädt.

    Das geschieht, bevor ``keras.datasets.<name>`` den Lader übernimmt, und greift
    in jeder Import-Reihenfolge (TensorFlow lädt Keras teilweise selbst).
    """

    def find_spec(self, fullname: str, path: Any, target: Any = None) -> Any:
        package, _, name = fullname.rpartition(".")
        if package != PACKAGE:
            return None
        from mnist_lib.data import DATASETS

        if name not in DATASETS:
            return None
        spec = importlib.machinery.PathFinder.find_spec(fullname, path)
        if spec is None or spec.loader is None:
            return spec
        run_module = spec.loader.exec_module

        def exec_module(module: Any) -> None:
            run_module(module)
            _patch(module, name)

        spec.loader.exec_module = exec_module  # type: ignore[method-assign]
        return spec


def _patch(module: Any, name: str) -> None:
    original = getattr(module, "load_data", None)
    if original is None or getattr(original, "nnv_offline", False):
        return

    @functools.wraps(original)  # __wrapped__ ist der Lader von Keras
    def load_data(*args: Any, **kwargs: Any) -> Any:
        from mnist_lib.data import load_data as load

        return load(name, original, *args, **kwargs)

    load_data.nnv_offline = True  # type: ignore[attr-defined]
    module.load_data = load_data
