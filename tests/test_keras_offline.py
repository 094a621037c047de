"""Offline-Ersatz für keras.datasets: greift in jeder Import-Reihenfolge, sagt es."""

from __future__ import annotations

import subprocess
import sys

import pytest

from tests.conftest import offline_env

PROGRAM = """
{imports}
(x_train, y_train), (x_test, y_test) = keras.datasets.mnist.load_data()
print(x_train.shape, x_test.shape)
"""


@pytest.mark.parametrize(
    "imports",
    [
        "import keras",
        "import tensorflow as tf\nimport keras",
        "import mnist_lib\nimport keras",
    ],
)
def test_plain_keras_loader_gets_the_offline_digits(imports: str, tmp_path) -> None:
    proc = subprocess.run(
        [sys.executable, "-c", PROGRAM.format(imports=imports)],
        cwd=tmp_path,
        env=offline_env(),
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert proc.stdout.strip() == "(4000, 28, 28) (1000, 28, 28)"
    assert "Datenquelle: Offline-Teilmenge" in proc.stderr


def test_unsupported_arguments_get_a_german_error() -> None:
    import keras

    import mnist_lib  # noqa: F401 – schaltet den Ersatz ein

    with pytest.raises(TypeError, match="kennt maxlen nicht"):
        keras.datasets.imdb.load_data(num_words=100, maxlen=50)


def test_corrupt_cache_file_is_not_used_and_the_reader_is_told(tmp_path) -> None:
    """Kaputte Datei im Keras-Cache, kein Netz, kein Schalter: Ersatz mit Hinweis.

    Keras erkennt die Datei an der Prüfsumme und will neu laden; ohne Netz
    scheitert das, und der Aufruf sagt, welche Daten er stattdessen liefert.
    """
    (tmp_path / "datasets").mkdir()
    (tmp_path / "datasets" / "mnist.npz").write_bytes(b"kein npz")
    env = {**offline_env(), "MNIST_LIB_OFFLINE": "0", "KERAS_HOME": str(tmp_path)}
    proc = subprocess.run(
        [sys.executable, "-c", PROGRAM.format(imports="import keras")],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert "(4000, 28, 28)" in proc.stdout
    assert "Download nicht möglich" in proc.stderr


def test_other_loader_errors_get_a_german_message(monkeypatch) -> None:
    from mnist_lib.data import MnistCacheError
    from mnist_lib.keras_offline import _with_fallback

    def unreadable() -> None:
        raise ValueError("Datei ist kein npz")

    monkeypatch.setenv("MNIST_LIB_OFFLINE", "0")
    with pytest.raises(MnistCacheError, match="Keras kann den Datensatz mnist nicht"):
        _with_fallback("mnist", unreadable)()
