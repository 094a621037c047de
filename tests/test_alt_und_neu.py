"""Alt → Neu: Was die Keras-2-Aufrufe des Quellmaterials heute wirklich tun.

Jeder Test führt einen veralteten Aufruf mit den installierten Versionen aus,
prüft Fehlertyp und Meldung – und dass genau diese Meldung auf der Seite
docs/keras/alt-und-neu.md steht. Ändert eine neue Version eine Meldung, schlägt
der Test fehl, und die Seite muss angepasst werden.
"""

from __future__ import annotations

import importlib
import logging
import re
import subprocess
import sys
import warnings

import keras
import numpy as np
import pytest
from sklearn.datasets import load_digits

from tests.paths import ROOT

PAGE = ROOT / "docs" / "keras" / "alt-und-neu.md"

INPUT_SHAPE_WARNING = (
    "Do not pass an `input_shape`/`input_dim` argument to a layer. When using "
    "Sequential models, prefer using an `Input(shape)` object as the first layer "
    "in the model instead."
)
DECAY_WARNING = "Argument `decay` is no longer supported and will be ignored."
H5_WARNING = (
    "You are saving your model as an HDF5 file via `model.save()` or "
    "`keras.saving.save_model(model)`. This file format is considered legacy. "
    "We recommend using instead the native Keras format, e.g. "
    "`model.save('my_model.keras')` or `keras.saving.save_model(model, "
    "'my_model.keras')`."
)


def _normalize(text: str) -> str:
    return " ".join(text.split())


def assert_on_page(message: str) -> None:
    """Die Meldung steht so auf der Seite (Zeilenumbrüche egal)."""
    page = _normalize(PAGE.read_text(encoding="utf-8"))
    assert _normalize(message) in page, f"Nicht auf der Seite: {message!r}"


def small_model() -> keras.Sequential:
    return keras.Sequential(
        [keras.Input(shape=(64,)), keras.layers.Dense(10, activation="softmax")]
    )


@pytest.fixture(scope="module")
def digits() -> tuple[np.ndarray, np.ndarray]:
    x, y = load_digits(return_X_y=True)
    return x / 16, y


def test_old_backends_fail_at_import(subprocess_env: dict[str, str]) -> None:
    # Drei Prozesse gleichzeitig: jeder braucht ein paar Sekunden für den Import.
    processes = {
        name: subprocess.Popen(
            [sys.executable, "-c", "import keras"],
            env={**subprocess_env, "KERAS_BACKEND": name},
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for name in ("theano", "cntk", "mxnet")
    }
    for name, process in processes.items():
        _, stderr = process.communicate(timeout=300)
        assert process.returncode == 1
        last_line = stderr.strip().splitlines()[-1]
        assert last_line == f"ValueError: Unable to import backend : {name}"
    assert_on_page("ValueError: Unable to import backend : theano")


def test_default_backend_is_tensorflow() -> None:
    assert keras.config.backend() == "tensorflow"
    assert keras.config.image_data_format() == "channels_last"


def test_sklearn_cross_validation_is_gone() -> None:
    message = "No module named 'sklearn.cross_validation'"
    with pytest.raises(ModuleNotFoundError, match=re.escape(message)):
        importlib.import_module("sklearn.cross_validation")
    assert_on_page(f"ModuleNotFoundError: {message}")
    from sklearn.model_selection import train_test_split  # der neue Ort

    assert callable(train_test_split)


def test_keras_preprocessing_partly_gone() -> None:
    from keras.preprocessing import sequence

    assert sequence.pad_sequences is keras.utils.pad_sequences
    message = "No module named 'keras.preprocessing.text'"
    with pytest.raises(ModuleNotFoundError, match=re.escape(message)):
        importlib.import_module("keras.preprocessing.text")
    assert_on_page(f"ModuleNotFoundError: {message}")
    image = importlib.import_module("keras.preprocessing.image")
    assert not hasattr(image, "ImageDataGenerator")
    message = "cannot import name 'ImageDataGenerator' from 'keras.preprocessing.image'"
    with pytest.raises(ImportError, match=re.escape(message)):
        # genau die Zeile eines alten Skripts, als Text ausgeführt
        exec("from keras.preprocessing.image import ImageDataGenerator", {})
    assert_on_page(f"ImportError: {message}")


@pytest.mark.parametrize(
    ("kwargs", "expected"),
    [({"input_dim": 100}, (None, 100)), ({"input_shape": (784,)}, (None, 784))],
)
def test_input_dim_and_input_shape_warn_but_work(kwargs, expected) -> None:
    model = keras.Sequential()
    with pytest.warns(UserWarning, match=re.escape(INPUT_SHAPE_WARNING)):
        model.add(keras.layers.Dense(32, activation="relu", **kwargs))
    assert model.input_shape == expected
    assert_on_page(INPUT_SHAPE_WARNING)


def test_keras_input_gives_no_warning() -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        keras.Sequential([keras.Input(shape=(100,)), keras.layers.Dense(32)])


def test_rmsprop_lr_raises_and_decay_warns() -> None:
    message = "Argument(s) not recognized: {'lr': 0.0001}"
    with (
        pytest.raises(ValueError, match=re.escape(message)),
        pytest.warns(UserWarning, match=re.escape(DECAY_WARNING)),
    ):
        keras.optimizers.RMSprop(lr=0.0001, decay=1e-6)
    assert_on_page(f"ValueError: {message}")
    assert_on_page(f"UserWarning: {DECAY_WARNING}")


def test_decay_is_really_ignored() -> None:
    # SGD mit Gradient 1: ohne decay drei Schritte zu je 0,1
    with pytest.warns(UserWarning, match=re.escape(DECAY_WARNING)):
        optimizer = keras.optimizers.SGD(learning_rate=0.1, decay=0.5)
    variable = keras.Variable(0.0)
    for _ in range(3):
        optimizer.apply_gradients([(keras.ops.ones(()), variable)])
    np.testing.assert_allclose(keras.ops.convert_to_numpy(variable), -0.3, rtol=1e-6)


def test_inverse_time_decay_is_keras2_decay() -> None:
    lr, decay = 0.0001, 1e-6
    schedule = keras.optimizers.schedules.InverseTimeDecay(
        initial_learning_rate=lr, decay_steps=1, decay_rate=decay
    )
    steps = np.array([0, 1, 10, 1_000, 10_000, 1_000_000, 5_000_000])
    ours = [float(schedule(int(step))) for step in steps]
    np.testing.assert_allclose(ours, lr / (1 + decay * steps), rtol=1e-6)


def test_history_keys_follow_metric_names(digits) -> None:
    x, y = digits
    keras.utils.set_random_seed(42)
    histories = {}
    for metric in ["accuracy", "acc"]:
        model = small_model()
        model.compile(
            optimizer="rmsprop",
            loss="sparse_categorical_crossentropy",
            metrics=[metric],
        )
        histories[metric] = model.fit(
            x[:200], y[:200], epochs=1, validation_split=0.2, verbose=0
        ).history
    assert sorted(histories["accuracy"]) == [
        "accuracy",
        "loss",
        "val_accuracy",
        "val_loss",
    ]
    # Der Schlüssel heißt wie die Metrik bei compile(metrics=[...])
    assert sorted(histories["acc"]) == ["acc", "loss", "val_acc", "val_loss"]
    with pytest.raises(KeyError) as missing:
        histories["accuracy"]["acc"]
    assert_on_page(f"KeyError: {missing.value}")
    assert_on_page("['accuracy', 'loss', 'val_accuracy', 'val_loss']")


def test_predict_classes_is_gone() -> None:
    model = small_model()
    message = "'Sequential' object has no attribute 'predict_classes'"
    with pytest.raises(AttributeError, match=re.escape(message)):
        model.predict_classes  # noqa: B018
    assert_on_page(f"AttributeError: {message}")


def test_h5_is_legacy_and_names_must_match(tmp_path, caplog, digits) -> None:
    x, _ = digits
    model = small_model()
    with caplog.at_level(logging.WARNING, logger="absl"):
        model.save(tmp_path / "model_file.h5")
    assert [r.getMessage().strip() for r in caplog.records] == [H5_WARNING]
    assert_on_page(H5_WARNING)

    with pytest.raises(FileNotFoundError) as missing:
        keras.models.load_model(tmp_path / "my_model.h5")
    message = str(missing.value).replace(str(tmp_path), "…")
    assert "Unable to synchronously open file" in message
    assert_on_page(message)

    loaded = keras.models.load_model(tmp_path / "model_file.h5")
    np.testing.assert_allclose(
        loaded.predict(x[:20], verbose=0), model.predict(x[:20], verbose=0)
    )

    with pytest.raises(ValueError, match="Invalid filepath extension") as no_suffix:
        model.save(tmp_path / "model_file")
    assert_on_page(str(no_suffix.value).replace(str(tmp_path), "…"))


def test_keras_format_round_trip(tmp_path, digits) -> None:
    x, _ = digits
    model = small_model()
    path = tmp_path / "model_file.keras"
    model.save(path)
    loaded = keras.models.load_model(path)
    np.testing.assert_allclose(
        loaded.predict(x[:20], verbose=0), model.predict(x[:20], verbose=0)
    )
