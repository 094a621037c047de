"""mnist_lib.datasets: Quellen, Offline-Ersatz, Kodierung wie Keras, Fehler."""

from __future__ import annotations

import zipfile
from pathlib import Path

import keras
import numpy as np
import pytest
from mlxtend.data import boston_housing_data

from mnist_lib import data, datasets
from mnist_lib.datasets import (
    DatasetCacheError,
    DatasetError,
    load_boston_housing,
    load_boston_housing_with_source,
    load_cifar10_with_source,
    load_imdb,
    load_imdb_with_source,
)
from mnist_lib.keras_offline import original_loader


@pytest.fixture
def online(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    """Offline-Zwang aufheben; der Keras-Cache liegt in einem leeren Verzeichnis."""
    monkeypatch.setenv(data.OFFLINE_ENV, "0")
    monkeypatch.setenv("KERAS_HOME", str(tmp_path / "keras"))
    folder = tmp_path / "keras" / "datasets"
    folder.mkdir(parents=True)
    return folder


def no_network(*args: object, **kwargs: object) -> None:
    raise OSError("kein Netz")


# ── Boston Housing ─────────────────────────────────────────────────────────


def test_boston_offline_is_the_keras_dataset() -> None:
    ((x_train, y_train), (x_test, y_test)), source = load_boston_housing_with_source()
    assert source.dataset == "boston_housing" and source.is_offline
    assert x_train.shape == (404, 13) and x_test.shape == (102, 13)
    assert y_train.shape == (404,) and y_test.shape == (102,)
    # Werte, die auch keras.datasets.boston_housing.load_data() liefert
    np.testing.assert_allclose(y_train[:5], [15.2, 42.3, 50.0, 21.1, 17.7])
    np.testing.assert_allclose(y_test[:3], [7.2, 18.8, 19.0])
    np.testing.assert_allclose(x_train[0, :3], [1.23247, 0.0, 8.14])


def test_boston_split_matches_keras(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """Dieselbe Datei durch Keras' eigenen Lader und durch split_like_keras."""
    x, y = boston_housing_data()
    path = tmp_path / "boston_housing.npz"
    np.savez(path, x=x, y=y)
    from keras.src.datasets import boston_housing

    monkeypatch.setattr(boston_housing, "get_file", lambda *a, **k: str(path))
    expected = keras.datasets.boston_housing.load_data()
    ours, _ = load_boston_housing_with_source()
    for (a, b), (c, d) in zip(expected, ours, strict=True):
        np.testing.assert_array_equal(a, c)
        np.testing.assert_array_equal(b, d)


def test_boston_reads_the_keras_cache(online: Path) -> None:
    x, y = boston_housing_data()
    np.savez(online / "boston_housing.npz", x=x, y=y)
    (train, _), source = load_boston_housing_with_source()
    assert source.key == "keras-cache" and "Keras-Cache" in str(source)
    assert train[0].shape == (404, 13)
    np.testing.assert_allclose(train[1][:2], [15.2, 42.3])


def test_corrupt_boston_cache_says_what_to_do(online: Path) -> None:
    (online / "boston_housing.npz").write_bytes(b"kein npz")
    with pytest.raises(DatasetCacheError, match=r"beschädigt.*Lösche"):
        load_boston_housing_with_source()


def test_incomplete_boston_cache(online: Path) -> None:
    np.savez(online / "boston_housing.npz", x=np.zeros((10, 13)))
    with pytest.raises(DatasetCacheError, match="unvollständig: y fehlt"):
        load_boston_housing_with_source()


def test_boston_cache_with_wrong_shape(online: Path) -> None:
    np.savez(online / "boston_housing.npz", x=np.zeros((10, 5)), y=np.zeros(10))
    with pytest.raises(DatasetCacheError, match=r"Shape \(8, 5\).*\(N, 13\)"):
        load_boston_housing_with_source()


def test_boston_falls_back_when_download_fails(
    online: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(keras.datasets.boston_housing, "load_data", no_network)
    (train, _), source = load_boston_housing_with_source()
    assert source.is_offline and "Download nicht möglich: OSError" in source.reason
    assert train[0].shape == (404, 13)


def test_boston_download_is_checked(
    online: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    good = ((np.ones((4, 13)), np.ones(4)), (np.ones((2, 13)), np.ones(2)))
    monkeypatch.setattr(keras.datasets.boston_housing, "load_data", lambda: good)
    _, source = load_boston_housing_with_source()
    assert source.key == "keras-download"
    bad = ((np.ones((4, 13)), np.ones(4)), (np.full((2, 13), np.nan), np.ones(2)))
    monkeypatch.setattr(keras.datasets.boston_housing, "load_data", lambda: bad)
    with pytest.raises(DatasetError, match="NaN"):
        load_boston_housing_with_source()


def test_split_like_keras_rejects_bad_input() -> None:
    with pytest.raises(DatasetError, match="3 Samples, aber 2 Zielwerte"):
        datasets.split_like_keras(np.zeros((3, 13)), np.zeros(2))
    with pytest.raises(DatasetError, match="test_split muss zwischen 0 und 1"):
        datasets.split_like_keras(np.zeros((3, 13)), np.zeros(3), test_split=1.0)


def test_loaders_say_which_source(capsys: pytest.CaptureFixture[str]) -> None:
    load_boston_housing()
    out = capsys.readouterr().out
    assert out.startswith("Datenquelle: Boston Housing aus dem Paket mlxtend")
    assert "404 Trainings- und 102 Test-Samples" in out
    load_boston_housing(verbose=False)
    assert capsys.readouterr().out == ""


# ── CIFAR-10 ───────────────────────────────────────────────────────────────


def test_cifar10_offline_substitute_is_named_and_shaped_like_cifar() -> None:
    ((x_train, y_train), (x_test, y_test)), source = load_cifar10_with_source()
    assert source.is_offline and str(source).startswith("Datenquelle: statt CIFAR-10")
    assert x_train.shape == (4000, 28, 28, 1) and x_test.shape == (1000, 28, 28, 1)
    assert y_train.shape == (4000, 1) and y_test.shape == (1000, 1)
    assert x_train.dtype == y_train.dtype == np.uint8
    # dieselben Ziffern wie load_mnist, nur mit Kanalachse und Labels als Spalte
    ((mnist_x, mnist_y), _), _ = data.load_mnist_with_source()
    np.testing.assert_array_equal(x_train[..., 0], mnist_x)
    np.testing.assert_array_equal(y_train[:, 0], mnist_y)


def test_cifar10_cache_error(online: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (online / "cifar-10-batches-py-target").mkdir()
    monkeypatch.setattr(keras.datasets.cifar10, "load_data", no_network)
    with pytest.raises(DatasetCacheError, match=r"CIFAR-10-Cache.*Lösche"):
        load_cifar10_with_source()


def test_cifar10_falls_back_and_checks_download(
    online: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(keras.datasets.cifar10, "load_data", no_network)
    _, source = load_cifar10_with_source()
    assert source.is_offline and "kein Netz" in source.reason
    x = np.zeros((3, 32, 32, 3), dtype=np.uint8)
    wrong_labels = ((x, np.zeros(3, dtype=np.uint8)), (x, np.zeros(3, dtype=np.uint8)))
    monkeypatch.setattr(keras.datasets.cifar10, "load_data", lambda: wrong_labels)
    with pytest.raises(DatasetError, match=r"erwartet ist \(3, 1\)"):
        load_cifar10_with_source()


# ── IMDB ───────────────────────────────────────────────────────────────────


@pytest.fixture(scope="module")
def imdb() -> tuple[datasets.Dataset, datasets.DatasetSource]:
    return load_imdb_with_source(num_words=1000)


def test_imdb_substitute_is_encoded_like_imdb(imdb) -> None:
    ((x_train, y_train), (x_test, _)), source = imdb
    assert str(source).startswith("Datenquelle: statt IMDB") and source.is_offline
    assert "keine Filmkritiken" in str(source)
    assert x_train.dtype == object and x_train.ndim == 1
    assert abs(len(x_train) - len(x_test)) <= 1, "wie IMDB: halb Training, halb Test"
    assert len(x_train) > 1000
    assert all(seq[0] == 1 for seq in x_train), "Startmarke 1"
    assert max(max(seq) for seq in x_train) == 999, "num_words begrenzt die Nummern"
    assert any(2 in seq for seq in x_train), "seltene Wörter werden zu 2"
    assert min(min(seq[1:]) for seq in x_train) == 2, "0 und 1 kommen im Text nicht vor"
    assert set(y_train) == {0, 1} and abs(y_train.mean() - 0.5) < 0.05


def test_imdb_without_num_words_keeps_all_but_the_rarest_word() -> None:
    (x_train, _), (x_test, _) = load_imdb(verbose=False)
    sentences, _ = datasets.imdb_substitute_corpus()
    vocabulary = {word for sentence in sentences for word in sentence}
    numbers = {w for x in (x_train, x_test) for seq in x for w in seq[1:]}
    # Wörter haben die Nummern 4 … V + 3. Wie bei Keras wird auch ohne num_words
    # die größte Nummer (das seltenste Wort) zu 2 – Keras vergleicht mit „<“.
    assert numbers == {2} | set(range(4, len(vocabulary) + 3))


def test_imdb_substitute_sentences_are_real_text() -> None:
    sentences, labels = datasets.imdb_substitute_corpus()
    assert len(sentences) == len(labels) and np.bincount(labels).tolist()[0] > 500
    assert np.bincount(labels)[0] == np.bincount(labels)[1]
    assert all(5 <= len(s) <= 80 for s in sentences)
    words = {w for s in sentences for w in s}
    assert {"python", "estimator", "object", "function"} <= words


def test_imdb_is_deterministic(imdb) -> None:
    ((x_train, y_train), _), _ = imdb
    (x_again, y_again), _ = load_imdb(num_words=1000, verbose=False)
    assert list(x_train[0]) == list(x_again[0])
    np.testing.assert_array_equal(y_train, y_again)


def test_encoding_matches_keras_imdb(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """Dieselben Rohdaten durch keras.datasets.imdb und encode_like_keras_imdb."""
    rng = np.random.default_rng(42)

    def ragged(n: int) -> np.ndarray:
        array = np.empty(n, dtype=object)
        for i in range(n):
            array[i] = rng.integers(1, 60, size=rng.integers(2, 9)).tolist()
        return array

    raw = ((ragged(30), rng.integers(0, 2, 30)), (ragged(20), rng.integers(0, 2, 20)))
    path = tmp_path / "imdb.npz"
    np.savez(
        path, x_train=raw[0][0], y_train=raw[0][1], x_test=raw[1][0], y_test=raw[1][1]
    )
    from keras.src.datasets import imdb as keras_imdb

    monkeypatch.setattr(keras_imdb, "get_file", lambda *a, **k: str(path))
    for num_words in (None, 20):
        expected = original_loader("imdb")(num_words=num_words)
        ours = datasets.encode_like_keras_imdb(raw, num_words)
        for (a, b), (c, d) in zip(expected, ours, strict=True):
            assert [list(s) for s in a] == [list(s) for s in c]
            np.testing.assert_array_equal(b, d)


def test_imdb_reads_the_keras_cache(
    online: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = online / "imdb.npz"
    np.savez(path, x_train=[], y_train=[], x_test=[], y_test=[])
    calls = []

    def fake_load_data(num_words: int | None) -> datasets.Dataset:
        calls.append(num_words)
        x = datasets._object_array([[1, 5, 6], [1, 7]])
        return (x, np.array([0, 1])), (x, np.array([1, 0]))

    monkeypatch.setattr(keras.datasets.imdb, "load_data", fake_load_data)
    _, source = load_imdb_with_source(num_words=50)
    assert source.key == "keras-cache"
    assert calls == [50]


@pytest.mark.parametrize(
    ("content", "message"),
    [(b"kaputt", "beschädigt"), (None, "unvollständig: x_test, y_test fehlt")],
)
def test_corrupt_imdb_cache(online: Path, content: bytes | None, message: str) -> None:
    path = online / "imdb.npz"
    if content is None:
        np.savez(path, x_train=[], y_train=[])
    else:
        path.write_bytes(content)
    with pytest.raises(DatasetCacheError, match=message):
        load_imdb_with_source()


def test_imdb_cache_keras_cannot_read(
    online: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    np.savez(online / "imdb.npz", x_train=[], y_train=[], x_test=[], y_test=[])
    monkeypatch.setattr(keras.datasets.imdb, "load_data", no_network)
    with pytest.raises(DatasetCacheError, match="Keras kann die Cachedatei"):
        load_imdb_with_source()


def test_imdb_falls_back_when_download_fails(
    online: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(keras.datasets.imdb, "load_data", no_network)
    _, source = load_imdb_with_source(num_words=100)
    assert source.is_offline and "Download nicht möglich" in source.reason


@pytest.mark.parametrize(
    ("num_words", "error", "message"),
    [
        (3, DatasetError, "größer als 3"),
        (2.5, TypeError, "ganze Zahl oder None"),
        (True, TypeError, "ganze Zahl oder None"),
        ("20000", TypeError, "bekommen: str"),
    ],
)
def test_num_words_is_checked(num_words: object, error: type, message: str) -> None:
    with pytest.raises(error, match=message):
        load_imdb_with_source(num_words)  # type: ignore[arg-type]


def test_zipfile_error_is_a_cache_error(online: Path) -> None:
    path = online / "boston_housing.npz"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("x.npy", b"kein numpy")
        archive.writestr("y.npy", b"auch nicht")
    with pytest.raises(DatasetCacheError, match="beschädigt"):
        load_boston_housing_with_source()
