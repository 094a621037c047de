"""NumPy gegen Keras: eine Trainingsepoche des MNIST-Netzes 784–512–324–36–10.

Misst im selben Lauf, abwechselnd, je eine Epoche
- des NumPy-Netzes ``mnist_lib.numpy_net.MiniBatchNetwork``, einmal mit so vielen
  BLAS-Threads, wie NumPy von selbst nimmt, einmal mit einem einzigen (auf einem
  ausgelasteten Rechner warten BLAS-Threads sonst aufeinander),
- desselben Netzes in Keras (``model.fit(..., epochs=1, batch_size=512)``),
- nur der Matrixmultiplikationen einer Epoche des NumPy-Netzes, ebenfalls mit
  beiden Thread-Zahlen (zum Einordnen: so viel Zeit braucht NumPy mindestens).

Sigmoid in den verdeckten Schichten, Softmax, Kreuzentropie, RMSprop mit den
Keras-Voreinstellungen, Batch-Größe 512, 60 000 Samples float32. Ausgegeben werden
die Zeiten und das Verhältnis NumPy/Keras (Median der Runden); es gibt keine
Asserts auf Zeiten. Aufruf: ``python benchmarks/numpy_vs_keras.py [--rounds N]``
"""

from __future__ import annotations

import argparse
import itertools
import os
import platform
import statistics
import time
from collections.abc import Callable

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")

import keras
import numpy as np
import tensorflow as tf
from threadpoolctl import threadpool_info, threadpool_limits

from mnist_lib.numpy_net import MiniBatchNetwork, training_flops
from mnist_lib.optimizers import RMSprop

SIZES = (784, 512, 324, 36, 10)
N_SAMPLES = 60_000
BATCH_SIZE = 512


def de(value: float, digits: int = 2) -> str:
    """Zahl mit Dezimalkomma."""
    return f"{value:.{digits}f}".replace(".", ",")


def load_data() -> tuple[np.ndarray, np.ndarray, str]:
    """60 000 MNIST-Samples als float32 (N, 784) und ihre Klassennummern."""
    (x_train, y_train), _ = keras.datasets.mnist.load_data()
    x = x_train.reshape(len(x_train), -1).astype(np.float32) / 255
    note = f"{len(x)} Trainingsbilder aus keras.datasets.mnist.load_data()"
    if len(x) < N_SAMPLES:
        # Offline gibt es weniger Bilder: dieselben echten Ziffern so oft
        # hintereinander, bis es 60 000 sind – für die Zeit zählt nur die Menge.
        repeats = -(-N_SAMPLES // len(x))
        x, y_train = np.tile(x, (repeats, 1)), np.tile(y_train, repeats)
        note += f", {repeats}-mal wiederholt und auf {N_SAMPLES} gekürzt"
    return np.ascontiguousarray(x[:N_SAMPLES]), y_train[:N_SAMPLES], note


def keras_model() -> keras.Model:
    """Dasselbe Netz in Keras, mit RMSprop und Kreuzentropie."""
    model = keras.Sequential([keras.Input((SIZES[0],))])
    for units in SIZES[1:-1]:
        model.add(keras.layers.Dense(units, activation="sigmoid"))
    model.add(keras.layers.Dense(SIZES[-1], activation="softmax"))
    model.compile(
        optimizer=keras.optimizers.RMSprop(), loss="sparse_categorical_crossentropy"
    )
    return model


def matmul_epoch(net: MiniBatchNetwork) -> None:
    """Nur die Matrixmultiplikationen einer Epoche, mit den Shapes des Netzes.

    Vorwärts o W, rückwärts oᵀ δ und (ab Schicht 2) δ Wᵀ, für 117 volle Batches
    zu 512 und den letzten zu 96 Samples.
    """
    x = np.random.default_rng(0).random((BATCH_SIZE, SIZES[0]), dtype=np.float32)
    sizes = [BATCH_SIZE] * (N_SAMPLES // BATCH_SIZE) + [N_SAMPLES % BATCH_SIZE]
    for n in sizes:
        outputs = [x[:n]]
        for w in net.weights:
            outputs.append(outputs[-1] @ w)
        delta = outputs[-1]
        for layer in range(len(net.weights), 0, -1):
            _ = outputs[layer - 1].T @ delta
            if layer > 1:
                delta = delta @ net.weights[layer - 1].T


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=5, help="Runden je Verfahren")
    args = parser.parse_args()

    keras.utils.set_random_seed(42)
    x, labels, note = load_data()
    flops = training_flops(SIZES, N_SAMPLES)
    blas = [i for i in threadpool_info() if i.get("user_api") == "blas"]
    print("NumPy gegen Keras: eine Trainingsepoche des Netzes 784–512–324–36–10")
    print(f"  Daten: {note}")
    machine = platform.processor() or platform.machine()
    print(f"  Rechner: {machine}, {os.cpu_count()} Kerne, Last {os.getloadavg()}")
    for info in blas:
        print(
            f"  NumPy {np.__version__}: {info['internal_api']} {info['version']}, "
            f"{info['num_threads']} Threads"
        )
    print(f"  TensorFlow {tf.__version__}, Keras {keras.__version__}")
    print(f"  Matrixmultiplikationen pro Epoche: {flops / 1e9:.1f} GFLOP")

    net = MiniBatchNetwork(SIZES, "sigmoid", optimizer=RMSprop())
    model = keras_model()

    def blas_threads(threads: int | None, function: Callable[[], object]) -> Callable:
        """``function`` mit höchstens ``threads`` BLAS-Threads (None: ohne Grenze)."""

        def run() -> None:
            with threadpool_limits(threads, user_api="blas"):
                function()

        return run

    runs = {"Keras": lambda: model.fit(x, labels, batch_size=BATCH_SIZE, verbose=0)}
    for threads, label in [(None, ""), (1, ", 1 BLAS-Thread")]:
        fit = blas_threads(threads, lambda: net.fit(x, labels, batch_size=BATCH_SIZE))
        runs[f"NumPy{label}"] = fit
        runs[f"nur Matrixmultipl.{label}"] = blas_threads(
            threads, lambda: matmul_epoch(net)
        )
    for run in runs.values():  # aufwärmen: Keras verfolgt und kompiliert fit
        run()
    times: dict[str, list[float]] = {name: [] for name in runs}
    for round_, (name, run) in itertools.product(
        range(1, args.rounds + 1), runs.items()
    ):
        # Die Threads der vorigen Messung (TensorFlow, BLAS) zur Ruhe kommen lassen
        time.sleep(1)
        start = time.perf_counter()
        run()
        times[name].append(time.perf_counter() - start)
        print(f"  Runde {round_}: {name:34} {de(times[name][-1])} s")

    median = {name: statistics.median(values) for name, values in times.items()}
    print()
    for name, values in times.items():
        rate = flops / median[name] / 1e9
        print(
            f"{name:34} Median {de(median[name])} s ({rate:.0f} GFLOP/s), "
            f"alle: {', '.join(de(t) for t in values)}"
        )
    print(f"  Last nachher: {os.getloadavg()}")
    print()
    for label in ["", ", 1 BLAS-Thread"]:
        ratio = median[f"NumPy{label}"] / median["Keras"]
        share = median[f"nur Matrixmultipl.{label}"] / median[f"NumPy{label}"]
        print(
            f"Verhältnis NumPy{label}/Keras (Mediane): {de(ratio)} (Ziel ≤ 0,8); "
            f"davon Matrixmultiplikationen: {share:.0%}"
        )


if __name__ == "__main__":
    main()
