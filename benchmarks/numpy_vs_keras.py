"""NumPy gegen Keras: eine Trainingsepoche des MNIST-Netzes aus dem Quellmaterial.

Misst im selben Lauf und abwechselnd
- eine Epoche ``mnist_lib.numpy_net.MiniBatchNetwork`` (NumPy, Mini-Batch),
- eine Epoche Keras (``model.fit(..., epochs=1, batch_size=512)``),
- die float32-Rechenleistung des Rechners bei Matrixmultiplikationen
  (große quadratische Matrizen und genau die Matrizen einer Epoche),
- das Training Sample für Sample (``batch_size=1``) auf einem Teil der Daten.

Architektur 784–512–324–36–10, Sigmoid/Softmax, Kreuzentropie, RMSprop
(Keras-Voreinstellungen), Batch-Größe 512, 60 000 Samples float32. Ausgegeben
werden alle Zeiten und drei Verhältnisse; es gibt keine Asserts auf Zeiten.
Aufruf: ``.venv/bin/python benchmarks/numpy_vs_keras.py [--rounds N]``
"""

from __future__ import annotations

import argparse
import itertools
import os
import platform
import statistics
import time

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")

import keras
import numpy as np
import tensorflow as tf
from threadpoolctl import threadpool_info

from mnist_lib.data import load_mnist_with_source, normalize_images
from mnist_lib.models import build_mnist_network
from mnist_lib.numpy_net import MiniBatchNetwork, RMSprop, training_flops

SIZES = (784, 512, 324, 36, 10)
N_SAMPLES = 60_000
BATCH_SIZE = 512
PER_SAMPLE_N = 1_000  # so viele Samples für die Messung mit batch_size=1


def de(value: float, digits: int = 2) -> str:
    """Zahl mit Dezimalkomma."""
    return f"{value:.{digits}f}".replace(".", ",")


def load_data() -> tuple[np.ndarray, np.ndarray, str]:
    """60 000 echte MNIST-Samples als float32 (N, 784); Labels als Klassennummern."""
    ((x_train, y_train), _), source = load_mnist_with_source()
    x = normalize_images(x_train).reshape(len(x_train), -1)
    note = source.description
    if len(x) < N_SAMPLES:
        # Offline-Teilmenge: dieselben echten Ziffern so oft wiederholt, bis es
        # 60 000 sind – für die Zeitmessung zählt nur die Menge.
        repeats = -(-N_SAMPLES // len(x))
        x = np.tile(x, (repeats, 1))[:N_SAMPLES]
        y_train = np.tile(y_train, repeats)[:N_SAMPLES]
        note += f", {repeats}-mal wiederholt auf {N_SAMPLES} Samples"
    return np.ascontiguousarray(x[:N_SAMPLES]), y_train[:N_SAMPLES], note


def best_seconds(function, repeats: int) -> float:
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        function()
        times.append(time.perf_counter() - start)
    return min(times)


def square_gemm_rate(n: int = 2048, repeats: int = 10) -> float:
    """FLOP/s einer großen quadratischen float32-Matrixmultiplikation (bestes Mal)."""
    rng = np.random.default_rng(0)
    a = rng.random((n, n), dtype=np.float32)
    b = rng.random((n, n), dtype=np.float32)
    out = np.empty((n, n), dtype=np.float32)
    np.matmul(a, b, out=out)
    return 2 * n**3 / best_seconds(lambda: np.matmul(a, b, out=out), repeats)


def network_gemm_seconds(repeats: int = 3) -> float:
    """Nur die Matrixmultiplikationen einer Epoche, mit denselben Shapes.

    Vorwärts U = A @ W, rückwärts ∂E/∂W = Aᵀ @ Δ und (ab Schicht 2) Δ @ Wᵀ –
    für 117 volle Batches zu 512 und den letzten zu 96 Samples. Bestes von
    ``repeats`` Durchläufen.
    """
    rng = np.random.default_rng(0)
    weights = [
        rng.random((a, b), dtype=np.float32) for a, b in itertools.pairwise(SIZES)
    ]
    acts = [rng.random((BATCH_SIZE, s), dtype=np.float32) for s in SIZES]
    deltas = [rng.random((BATCH_SIZE, s), dtype=np.float32) for s in SIZES]
    grads = [np.empty_like(w) for w in weights]
    batches = [BATCH_SIZE] * (N_SAMPLES // BATCH_SIZE)
    if N_SAMPLES % BATCH_SIZE:
        batches.append(N_SAMPLES % BATCH_SIZE)

    def epoch() -> None:
        for n in batches:
            for layer, w in enumerate(weights):
                np.matmul(acts[layer][:n], w, out=acts[layer + 1][:n])
            for layer in range(len(weights) - 1, -1, -1):
                np.matmul(acts[layer][:n].T, deltas[layer + 1][:n], out=grads[layer])
                if layer:
                    np.matmul(
                        deltas[layer + 1][:n], weights[layer].T, out=deltas[layer][:n]
                    )

    epoch()  # aufwärmen
    return best_seconds(epoch, repeats)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=3, help="Runden je Verfahren")
    args = parser.parse_args()

    cores = os.cpu_count() or 1
    # TensorFlow soll dieselben Kerne nutzen wie OpenBLAS (0 hieße „automatisch“).
    tf.config.threading.set_intra_op_parallelism_threads(cores)
    tf.config.threading.set_inter_op_parallelism_threads(cores)
    keras.utils.set_random_seed(42)

    x, labels, note = load_data()
    y_one_hot = keras.utils.to_categorical(labels, 10).astype(np.float32)
    images = x.reshape(-1, 28, 28)  # dieselben Daten als Bilder (ohne Kopie)
    flops = training_flops(SIZES, N_SAMPLES)

    blas = [i for i in threadpool_info() if i.get("user_api") == "blas"]
    print("NumPy gegen Keras: eine Trainingsepoche des Netzes 784–512–324–36–10")
    print(f"  Daten: {note}")
    print(f"  Rechner: {platform.processor() or platform.machine()}, {cores} Kerne")
    for info in blas:
        print(
            f"  NumPy {np.__version__}: {info['internal_api']} {info['version']} "
            f"({info.get('architecture', '?')}), {info['num_threads']} Threads"
        )
    print(
        f"  TensorFlow {tf.__version__}, Keras {keras.__version__}: intra_op "
        f"{tf.config.threading.get_intra_op_parallelism_threads()}, inter_op "
        f"{tf.config.threading.get_inter_op_parallelism_threads()} Threads"
    )
    print(f"  Last vorher (1/5/15 min): {os.getloadavg()}")
    print(f"  Matrixmultiplikationen pro Epoche: {flops / 1e9:.1f} GFLOP")

    net = MiniBatchNetwork(SIZES, "sigmoid", "softmax", optimizer=RMSprop())
    # Keras-Seite: dasselbe Modell wie in den Lektionen (Eingabe 28×28, Reshape auf 784)
    model = build_mnist_network(keras.optimizers.RMSprop())

    def numpy_epoch() -> None:
        net.fit(x, labels, epochs=1, batch_size=BATCH_SIZE)

    def keras_epoch() -> None:
        model.fit(images, y_one_hot, epochs=1, batch_size=BATCH_SIZE, verbose=0)

    # Aufwärmen: Puffer anlegen, Keras verfolgt und kompiliert seine Funktion.
    numpy_epoch()
    keras_epoch()

    numpy_times, keras_times, gemm_times, square_rates = [], [], [], []
    for round_ in range(1, args.rounds + 1):
        for label, function, times in (
            ("NumPy", numpy_epoch, numpy_times),
            ("Keras", keras_epoch, keras_times),
        ):
            time.sleep(
                0.5
            )  # wartende Threads der anderen Bibliothek zur Ruhe kommen lassen
            start = time.perf_counter()
            function()
            times.append(time.perf_counter() - start)
            print(f"  Runde {round_}: {label:5} {de(times[-1])} s")
        gemm_times.append(network_gemm_seconds(repeats=1))
        square_rates.append(square_gemm_rate(repeats=5))
        print(
            f"  Runde {round_}: nur die Matrixmultiplikationen {de(gemm_times[-1])} s, "
            f"quadratisch 2048³ {square_rates[-1] / 1e9:.0f} GFLOP/s"
        )

    # Sample für Sample: dasselbe Netz mit batch_size=1 auf einem Teil der Daten
    single = MiniBatchNetwork(SIZES, "sigmoid", "softmax", optimizer=RMSprop())
    single.fit(x[:50], labels[:50], batch_size=1)  # aufwärmen
    start = time.perf_counter()
    single.fit(x[:PER_SAMPLE_N], labels[:PER_SAMPLE_N], batch_size=1)
    per_sample_epoch = (time.perf_counter() - start) / PER_SAMPLE_N * N_SAMPLES

    # Fremde Last macht Läufe nur langsamer, nie schneller: Die besten Zeiten
    # sind das robusteste Maß; der Median steht zum Vergleich daneben.
    numpy_best, keras_best = min(numpy_times), min(keras_times)
    numpy_median = statistics.median(numpy_times)
    keras_median = statistics.median(keras_times)
    gemm_best = min(gemm_times)
    gemm_rate_shapes = flops / gemm_best
    gemm_rate_square = max(square_rates)
    bound_rate = max(gemm_rate_shapes, gemm_rate_square)  # die strengere Grenze
    bound_s = flops / bound_rate

    def seconds(times: list[float]) -> str:
        return ", ".join(de(t) for t in times)

    print()
    print(f"NumPy-Epoche: beste {de(numpy_best)} s, Median {de(numpy_median)} s")
    print(f"  alle: {seconds(numpy_times)}")
    print(f"Keras-Epoche: beste {de(keras_best)} s, Median {de(keras_median)} s")
    print(f"  alle: {seconds(keras_times)}")
    print(
        f"GEMM-Rate: Shapes des Netzes {gemm_rate_shapes / 1e9:.0f} GFLOP/s "
        f"({de(gemm_best)} s), quadratisch 2048³ {gemm_rate_square / 1e9:.0f} GFLOP/s"
    )
    print(
        f"FLOP-Grenze: {flops / 1e9:.1f} GFLOP / {bound_rate / 1e9:.0f} GFLOP/s "
        f"= {de(bound_s)} s"
    )
    print(
        f"Sample für Sample (batch_size=1, hochgerechnet): {de(per_sample_epoch, 1)} s"
    )
    print(f"  Last nachher (1/5/15 min): {os.getloadavg()}")
    print()
    print(
        f"Verhältnis NumPy/Keras:         {de(numpy_best / keras_best)} "
        f"(Mediane: {de(numpy_median / keras_median)}; Ziel ≤ 0,8)"
    )
    print(
        f"Verhältnis NumPy/FLOP-Grenze:   {de(numpy_best / bound_s)} "
        f"(Median: {de(numpy_median / bound_s)}; nur gegen die GEMMs derselben "
        f"Shapes: {de(numpy_best / gemm_best)}; Ziel ≤ 1,3)"
    )
    print(
        f"Gewinn Mini-Batch gegen Einzeln: {de(per_sample_epoch / numpy_best, 0)}-fach"
    )


if __name__ == "__main__":
    main()
