"""Ersatz in keras.datasets: greift in jeder Import-Reihenfolge, Start bleibt leicht."""

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


def run(program: str, cwd) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", program],
        cwd=cwd,
        env=offline_env(),
        capture_output=True,
        text=True,
        timeout=300,
    )


@pytest.mark.parametrize(
    "imports",
    [
        "import keras",
        "import tensorflow as tf\nimport keras",
        "import mnist_lib\nimport keras",
    ],
)
def test_plain_keras_loader_gets_the_offline_digits(imports: str, tmp_path) -> None:
    proc = run(PROGRAM.format(imports=imports), tmp_path)
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert proc.stdout.strip() == "(4000, 28, 28) (1000, 28, 28)"
    assert "Datenquelle: Offline-Teilmenge" in proc.stderr


def test_python_starts_without_loading_numpy_or_keras(tmp_path) -> None:
    """Die .pth-Datei läuft bei jedem Start von Python; sie lädt nur wenig."""
    program = (
        "import sys\n"
        "from mnist_lib.keras_offline import _DatasetFinder\n"
        "assert any(isinstance(f, _DatasetFinder) for f in sys.meta_path)\n"
        "print(sorted({'numpy', 'keras', 'mnist_lib.data'} & set(sys.modules)))"
    )
    proc = run(program, tmp_path)
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert proc.stdout.strip() == "[]"


def test_install_replaces_loaders_keras_has_already_loaded(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Etwa in einem Notebook, in dem Keras vor der Installation geladen wurde."""
    import keras
    import keras.src.datasets.imdb

    from mnist_lib import keras_offline

    modules = [keras.datasets.imdb, keras.src.datasets.imdb]
    for module in modules:  # so, als hätte niemand den Ersatz eingehängt
        monkeypatch.setattr(module, "load_data", module.load_data.__wrapped__)
    keras_offline.install()
    assert all(module.load_data.nnv_offline for module in modules)
    monkeypatch.setenv("MNIST_LIB_OFFLINE", "1")
    (x_train, _), _ = keras.datasets.imdb.load_data(num_words=100)
    assert max(max(seq) for seq in x_train) == 99
