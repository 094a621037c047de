"""Offline-Ersatz für ``keras.datasets`` – dieselben Aufrufe, echte Daten aus Paketen.

Die Lektionen laden ihre Daten so, wie man es mit Keras tut::

    (x_train, y_train), (x_test, y_test) = keras.datasets.mnist.load_data()

Ist ``mnist_lib`` installiert, gilt für ``mnist``, ``boston_housing``, ``cifar10``
und ``imdb``:

- Mit ``MNIST_LIB_OFFLINE=1`` kommt kein Byte aus dem Netz. Stattdessen liefern
  dieselben Aufrufe echte Daten, die Pakete aus PyPI mitbringen (siehe
  :mod:`mnist_lib.data` und :mod:`mnist_lib.datasets`), und sagen auf stderr,
  welche Daten es sind.
- Ohne den Schalter lädt Keras wie gewohnt, aber mit Zeitlimit. Scheitert der
  Download am Netz, nimmt der Aufruf den Offline-Ersatz und sagt es.

Eingeschaltet wird das beim Start von Python durch die Datei
``nnv_mnist_lib_offline.pth``, die das Paket mitinstalliert, und beim Import von
``mnist_lib``. Keras wird dafür nicht vorab geladen: Der Ersatz greift erst, wenn
ein Programm ``keras`` importiert.
"""

from __future__ import annotations

import functools
import importlib
import importlib.abc
import importlib.machinery
import sys
import urllib.error
from collections.abc import Callable
from typing import Any

#: Datensätze mit Offline-Ersatz
DATASETS = ("mnist", "boston_housing", "cifar10", "imdb")


def install() -> None:
    """Ersatz einschalten: sofort für schon geladene Lader, sonst beim Import."""
    _patch_loaded_modules()
    if not any(isinstance(finder, _DatasetFinder) for finder in sys.meta_path):
        sys.meta_path.insert(0, _DatasetFinder())


#: Module, in denen Keras die Lader definiert; ``keras.datasets.<name>`` importiert
#: ``load_data`` von dort – wer hier ersetzt, ersetzt vor dieser Bindung.
SOURCE_MODULES = {f"keras.src.datasets.{name}": name for name in DATASETS}


class _DatasetFinder(importlib.abc.MetaPathFinder):
    """Ergänzt ``load_data``, sobald Keras ein Datensatz-Modul lädt.

    Das greift unabhängig davon, ob ein Programm zuerst ``keras`` oder zuerst
    ``tensorflow`` importiert (TensorFlow lädt Keras teilweise selbst).
    """

    def find_spec(self, fullname: str, path: Any, target: Any = None) -> Any:
        name = SOURCE_MODULES.get(fullname)
        if name is None:
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


def _patch_loaded_modules() -> None:
    for name in DATASETS:
        for module_name in (f"keras.src.datasets.{name}", f"keras.datasets.{name}"):
            module = sys.modules.get(module_name)
            if module is not None:
                _patch(module, name)


def _patch(module: Any, name: str) -> None:
    original = getattr(module, "load_data", None)
    if original is not None and not getattr(original, "nnv_offline", False):
        module.load_data = _with_fallback(name, original)


def original_loader(name: str) -> Callable[..., Any]:
    """``keras.datasets.<name>.load_data`` ohne Ersatz – so, wie Keras es liefert."""
    import keras

    loader = getattr(keras.datasets, name).load_data
    return getattr(loader, "__wrapped__", loader)


def _with_fallback(name: str, original: Callable[..., Any]) -> Callable[..., Any]:
    @functools.wraps(original)
    def load_data(*args: Any, **kwargs: Any) -> Any:
        from mnist_lib.data import OFFLINE_ENV, download_timeout, is_offline

        if is_offline():
            return _offline(name, f"{OFFLINE_ENV}=1 ist gesetzt", kwargs)
        try:
            with download_timeout():
                return original(*args, **kwargs)
        except Exception as exc:
            if not _is_network_error(exc):
                raise _cache_error(name, exc) from exc
            reason = f"Download nicht möglich: {type(exc).__name__}: {exc}"
            return _offline(name, reason, kwargs)

    load_data.nnv_offline = True  # type: ignore[attr-defined]
    return load_data


def _is_network_error(exc: BaseException) -> bool:
    """Keras meldet Netzfehler als ``Exception("URL fetch failure …")``."""
    if isinstance(exc, urllib.error.URLError | TimeoutError | ConnectionError):
        return True
    return "URL fetch failure" in str(exc)


def _cache_error(name: str, exc: BaseException) -> Exception:
    from mnist_lib.data import OFFLINE_ENV, MnistCacheError, keras_cache_path

    folder = keras_cache_path().parent
    return MnistCacheError(
        f"Keras kann den Datensatz {name} nicht lesen ({type(exc).__name__}: {exc}). "
        f"Ist die Datei in {folder} beschädigt? Lösche sie, damit Keras sie neu "
        f"herunterlädt, oder setze {OFFLINE_ENV}=1 für den Offline-Ersatz."
    )


def _offline(name: str, reason: str, kwargs: dict[str, Any]) -> Any:
    from mnist_lib import data, datasets

    if name == "mnist":
        result, source = data._load_offline_subset(reason)
    elif name == "boston_housing":
        _only(name, kwargs, {"path", "test_split", "seed"})
        result, source = datasets._boston_offline(
            reason,
            test_split=kwargs.get("test_split", datasets.BOSTON_TEST_SPLIT),
            seed=kwargs.get("seed", datasets.KERAS_SEED),
        )
    elif name == "cifar10":
        result, source = datasets._cifar10_offline(reason)
    else:
        _only(name, kwargs, {"path", "num_words"})
        num_words = datasets._check_num_words(kwargs.get("num_words"))
        result, source = datasets._imdb_offline(num_words, reason)
    print(source, file=sys.stderr)
    return result


def _only(name: str, kwargs: dict[str, Any], supported: set[str]) -> None:
    unsupported = sorted(set(kwargs) - supported)
    if unsupported:
        raise TypeError(
            f"Der Offline-Ersatz für keras.datasets.{name}.load_data kennt "
            f"{', '.join(unsupported)} nicht; unterstützt: "
            f"{', '.join(sorted(supported))}."
        )
