"""Eingaben prüfen – alle Prüfungen der Bibliothek an einer Stelle.

Die öffentlichen Funktionen der anderen Module rufen sie gleich am Anfang auf: Wer
etwas Falsches übergibt, bekommt eine deutsche Meldung, was erwartet war, statt eines
Fehlers tief in NumPy oder Keras; der Code der Lektionen bleibt frei von Prüfungen.
"""

from __future__ import annotations

import math
from numbers import Real
from typing import Any

import numpy as np

#: NumPy-Array, Liste oder Skalar – alles, was ``np.asarray`` versteht
ArrayLike = Any


class MnistDataError(ValueError):
    """Daten passen nicht zu dem, was eine Funktion erwartet."""


# ── Zahlen (Hyperparameter) ─────────────────────────────────────────────────


def number(name: str, value: Any) -> float:
    """Reelle, endliche Zahl (kein bool) → float."""
    if isinstance(value, bool) or not isinstance(value, Real):
        raise TypeError(
            f"{name} muss eine Zahl sein, bekommen: {value!r} "
            f"(Typ {type(value).__name__})."
        )
    value = float(value)
    if not math.isfinite(value):
        raise ValueError(f"{name} muss eine endliche Zahl sein, bekommen: {value}.")
    return value


def positive(name: str, value: Any) -> float:
    """Endliche Zahl größer als 0 (Lernrate, epsilon …)."""
    value = number(name, value)
    if value <= 0:
        raise ValueError(f"{name} muss größer als 0 sein, bekommen: {value}.")
    return value


def non_negative(name: str, value: Any) -> float:
    """Endliche Zahl ≥ 0."""
    value = number(name, value)
    if value < 0:
        raise ValueError(f"{name} darf nicht negativ sein, bekommen: {value}.")
    return value


def unit_interval(name: str, value: Any) -> float:
    """Zahl im halboffenen Intervall [0, 1) (Impuls, Zerfallsraten, Dropout-Rate)."""
    value = number(name, value)
    if not 0.0 <= value < 1.0:
        raise ValueError(
            f"{name} muss im Bereich [0, 1) liegen (0 ≤ {name} < 1), bekommen: {value}."
        )
    return value


def learning_rate(value: Any) -> float:
    """Die Lernrate: größer als 0, sonst ginge der Schritt bergauf."""
    value = number("learning_rate (die Lernrate)", value)
    if value <= 0:
        raise ValueError(
            f"Die Lernrate (learning_rate) muss größer als 0 sein, bekommen: {value}. "
            "Eine negative Lernrate würde bergauf statt bergab gehen."
        )
    return value


def count(name: str, value: Any, minimum: int = 1) -> int:
    """Ganze Zahl ≥ ``minimum`` (Neuronen, Epochen, Batch-Größe …)."""
    if isinstance(value, bool) or not isinstance(value, int | np.integer):
        raise TypeError(f"{name} muss eine ganze Zahl sein, bekommen: {value!r}.")
    if value < minimum:
        raise ValueError(f"{name} muss mindestens {minimum} sein, bekommen: {value}.")
    return int(value)


def flag(name: str, value: Any) -> bool:
    """True oder False – keine 0/1, kein Text."""
    if not isinstance(value, bool | np.bool_):
        raise TypeError(f"{name} muss True oder False sein, bekommen: {value!r}.")
    return bool(value)


# ── Arrays ──────────────────────────────────────────────────────────────────


def float_array(values: ArrayLike, name: str, *, min_ndim: int = 0) -> np.ndarray:
    """Eingabe als Gleitkomma-Array ohne NaN und ±∞.

    Gleitkomma-Arrays behalten ihren dtype (float32 bleibt float32), ganze
    Zahlen werden zu float64; bool, Texte und Objekte sind Fehler.
    """
    try:
        array = np.asarray(values)
    except (TypeError, ValueError) as error:  # z. B. ungleich lange Listen
        raise TypeError(
            f"{name} lässt sich nicht in ein NumPy-Array umwandeln: {error}"
        ) from error
    if np.issubdtype(array.dtype, np.integer):
        array = array.astype(np.float64)
    elif not np.issubdtype(array.dtype, np.floating):
        raise TypeError(
            f"{name} muss aus reellen Zahlen (int oder float) bestehen, "
            f"bekommen: dtype {array.dtype}."
        )
    if array.ndim < min_ndim:
        raise ValueError(
            f"{name} braucht mindestens {min_ndim} Achse(n), bekommen: "
            f"Shape {array.shape}."
        )
    finite(array, name)
    return array


def finite(array: np.ndarray, name: str) -> None:
    """Kein NaN, kein ±∞ – schnell: Die Summe ist endlich, wenn alle Werte es sind."""
    if not array.size or not np.issubdtype(array.dtype, np.floating):
        return
    with np.errstate(over="ignore", invalid="ignore"):
        total = np.sum(array)
    # Nicht endlich: NaN/∞ darin – oder nur eine übergelaufene Summe riesiger Werte
    if not np.isfinite(total) and not np.isfinite(array).all():
        raise ValueError(
            f"{name} enthält NaN (keine Zahl) oder unendliche Werte; damit lässt "
            "sich nicht rechnen. Oft ist vorher etwas schiefgelaufen, z. B. ein "
            "Training mit zu großer Lernrate."
        )


def labels(
    values: ArrayLike, num_classes: int = 10, n_samples: int | None = None
) -> np.ndarray:
    """Klassennummern: 1D, ganzzahlig, jede zwischen 0 und ``num_classes − 1``.

    Mit ``n_samples``: genau ein Label pro Sample.
    """
    array = np.asarray(values)
    if array.ndim == 2 and array.shape[1] == num_classes and num_classes > 1:
        raise MnistDataError(
            f"Die Labels sehen nach One-Hot-Vektoren aus (Shape {array.shape}); "
            "erwartet sind Klassennummern, eine pro Sample. Mit "
            "labels.argmax(axis=1) bekommst du sie zurück."
        )
    if array.ndim != 1:
        raise MnistDataError(
            f"Labels müssen ein 1D-Array sein (eine Klasse pro Sample), "
            f"bekommen: Shape {array.shape}."
        )
    if not np.issubdtype(array.dtype, np.integer):
        raise MnistDataError(
            f"Labels müssen ganze Zahlen sein (Klassennummern), bekommen: "
            f"dtype {array.dtype}."
        )
    if array.size and (array.min() < 0 or array.max() >= num_classes):
        raise MnistDataError(
            f"Labels müssen zwischen 0 und {num_classes - 1} liegen, gefunden: "
            f"Minimum {array.min()}, Maximum {array.max()}."
        )
    if n_samples is not None and len(array) != n_samples:
        raise MnistDataError(
            f"x hat {n_samples} Samples, die Labels aber {len(array)} Einträge; "
            "es braucht genau ein Label pro Sample."
        )
    return array


# ── Daten ───────────────────────────────────────────────────────────────────


def file_name(name: str, value: Any) -> str:
    """Ein Dateiname ohne Ordner – so erwarten die Keras-Lader ``path``."""
    if not isinstance(value, str):
        raise TypeError(f"{name} muss ein Dateiname sein, bekommen: {value!r}.")
    if not value or "/" in value or "\\" in value:
        raise ValueError(
            f"{name} ist nur der Name der Datei im Keras-Cache (~/.keras/datasets), "
            f"ohne Ordner; bekommen: {value!r}."
        )
    return value


def num_words(value: Any) -> int | None:
    """``num_words`` des IMDB-Laders: ``None`` (alle Wörter) oder eine Zahl über 3."""
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int | np.integer):
        raise TypeError(
            f"num_words muss eine ganze Zahl oder None sein, bekommen: {value!r}."
        )
    if value <= 3:
        raise ValueError(
            f"num_words muss größer als 3 sein – die Nummern 0 bis 2 stehen für "
            f"Auffüllen, Start und seltene Wörter; bekommen: {value}."
        )
    return int(value)


def keras_dataset(
    data: Any,
    x_tail: tuple[int | None, ...],
    x_dtype: str | None,
    y_tail: tuple[int, ...] = (),
    classes: int | None = None,
) -> None:
    """Daten wie von ``keras.datasets``: ``((x_train, y_train), (x_test, y_test))``.

    ``x_tail`` ist die Shape eines Samples (``None``: beliebig), ``y_tail`` die
    eines Labels. ``classes``: Anzahl der Klassen; ``None`` heißt Zielwerte einer
    Regression – dann sind x und y Zahlen ohne NaN und ±∞ (``x_dtype=None``).
    """
    for part, (x, y) in zip(("train", "test"), data, strict=True):
        x, y = np.asarray(x), np.asarray(y)
        dims = ["N", *("…" if n is None else str(n) for n in x_tail)]
        if x.ndim != len(dims) or any(
            n not in (None, m) for n, m in zip(x_tail, x.shape[1:], strict=False)
        ):
            raise MnistDataError(
                f"x_{part} hat die Shape {x.shape}, erwartet ist "
                f"({', '.join(dims)}{',' if len(dims) == 1 else ''})."
            )
        if x_dtype is not None and x.dtype != x_dtype:
            raise MnistDataError(
                f"x_{part} hat den dtype {x.dtype}, erwartet ist {x_dtype}."
            )
        if y.shape != (len(x), *y_tail):
            raise MnistDataError(
                f"x_{part} hat {len(x)} Samples, y_{part} aber die Shape {y.shape}; "
                f"erwartet ist {(len(x), *y_tail)}."
            )
        if classes is None:
            float_array(x, f"x_{part}")
            float_array(y, f"y_{part}")
        else:
            labels(y.reshape(-1), classes)


# ── Aktivierungen, Verluste, Abbildungen ────────────────────────────────────


def softmax_axis(u: np.ndarray, axis: Any) -> int:
    """Achse für Softmax: eine ganze Zahl, die es in ``u`` gibt, und nicht leer."""
    if isinstance(axis, bool) or not isinstance(axis, int | np.integer):
        raise TypeError(f"axis muss eine ganze Zahl sein, bekommen: {axis!r}.")
    if u.ndim == 0:
        raise ValueError("Softmax braucht einen Vektor, bekommen: einen Skalar.")
    if not -u.ndim <= axis < u.ndim:
        raise ValueError(
            f"Achse {axis} gibt es nicht: u hat {u.ndim} Achse(n), erlaubt ist "
            f"axis von {-u.ndim} bis {u.ndim - 1}."
        )
    if u.shape[axis] == 0:
        raise ValueError(
            f"Achse {axis} ist leer; Softmax braucht mindestens einen Wert."
        )
    return int(axis)


def same_shape(values: ArrayLike, name: str, like: np.ndarray) -> np.ndarray:
    """Gleitkomma-Array mit derselben Shape wie ``like``."""
    array = float_array(values, name)
    if array.shape != like.shape:
        raise ValueError(
            f"{name} muss dieselbe Shape haben wie die Eingabe: {like.shape}, "
            f"bekommen: {array.shape}."
        )
    return array


def loss_pair(
    y_true: ArrayLike, y_pred: ArrayLike, *, classes: bool = False
) -> tuple[np.ndarray, np.ndarray]:
    """Label y und Ausgabe ŷ mit gleicher Shape, als float64 (genaue kleine Verluste).

    ``classes=True``: Die letzte Achse zählt Klassen (kategoriale Kreuzentropie).
    """
    y = float_array(y_true, "y_true", min_ndim=1).astype(np.float64)
    y_hat = float_array(y_pred, "y_pred", min_ndim=1).astype(np.float64)
    if y.shape != y_hat.shape:
        hint = ""
        if y.size == y_hat.size:
            hint = " Gleich viele Werte, aber andere Achsen: Hilft reshape?"
        elif classes and y.shape == y_hat.shape[:-1]:
            hint = " Sind das Klassennummern? Dann sparse_categorical_crossentropy."
        raise ValueError(
            f"y_true und y_pred müssen dieselbe Shape haben, bekommen: "
            f"y_true {y.shape}, y_pred {y_hat.shape}.{hint}"
        )
    if not y.size:
        raise ValueError(f"y_true und y_pred sind leer (Shape {y.shape}).")
    return y, y_hat


def class_numbers(
    y_true: ArrayLike, y_pred: ArrayLike
) -> tuple[np.ndarray, np.ndarray]:
    """Klassennummern c (Shape (N,) oder (N, 1)) und ŷ (Shape (N, K), float64)."""
    y_hat = float_array(y_pred, "y_pred").astype(np.float64)
    if y_hat.ndim != 2:
        raise ValueError(
            f"y_pred muss die Shape (N, K) haben, bekommen: {y_hat.shape}."
        )
    c = float_array(y_true, "y_true")
    c = c[:, 0] if c.shape == (len(y_hat), 1) else c
    if c.shape != y_hat.shape[:1]:
        hint = " Sind das One-Hot-Vektoren? Dann categorical_crossentropy."
        raise ValueError(
            f"y_true muss eine Klassennummer pro Sample enthalten, Shape "
            f"({len(y_hat)},), bekommen: {c.shape}."
            + (hint if c.shape == y_hat.shape else "")
        )
    if (c % 1).any():
        raise ValueError(
            f"y_true muss ganze Zahlen enthalten, gefunden: {c[c % 1 > 0]}."
        )
    return labels(c.astype(np.int64), num_classes=y_hat.shape[1]), y_hat


def crossentropy_inputs(
    y: np.ndarray, y_hat: np.ndarray, epsilon: Any, activation: str
) -> float:
    """Labels y und Wahrscheinlichkeiten ŷ (aus Sigmoid oder Softmax) → ε.

    Alle Werte liegen in [0, 1]; nach Softmax summiert sich jede Zeile von y
    und ŷ zu 1. ε für das Clipping auf [ε, 1 − ε] liegt in [0; 0,5), sonst wäre
    der Bereich leer.
    """
    epsilon = number("epsilon", epsilon)
    if not 0 <= epsilon < 0.5:
        raise ValueError(
            f"epsilon muss in [0, 0.5) liegen (Keras: 1e-7), bekommen: {epsilon}."
        )
    rows = activation == "Softmax"
    if rows:
        hint = "Jede Zeile ist ein One-Hot-Vektor: 1 bei der richtigen Klasse, sonst 0."
    else:
        hint = "0 heißt nein, 1 heißt ja."
    _distribution(y, "y_true", "Labels", hint, rows)
    hint = f"Sind das Logits? Dann fehlt noch {activation} (oder in Keras "
    hint += "from_logits=True)."
    _distribution(y_hat, "y_pred", "Wahrscheinlichkeiten", hint, rows)
    return epsilon


def _distribution(
    values: np.ndarray, name: str, what: str, hint: str, rows: bool
) -> None:
    """Werte in [0, 1]; mit ``rows=True`` summiert sich jede Zeile zu 1 (± 0,001)."""
    low, high, sums = values.min(), values.max(), values.sum(axis=-1)
    if low < 0 or high > 1:
        raise ValueError(
            f"{name} muss {what} zwischen 0 und 1 enthalten, gefunden: "
            f"{low:.4g} bis {high:.4g}. {hint}"
        )
    # Rundungsfehler von float32 sind erlaubt
    if rows and not np.allclose(sums, 1.0, rtol=0, atol=1e-3):
        raise ValueError(
            f"Jede Zeile von {name} muss sich zu 1 summieren, gefunden: "
            f"Zeilensummen {sums.min():.4g} bis {sums.max():.4g}. {hint}"
        )


def tf_graph(graph: Any) -> Any:
    """``tf.Graph`` oder konkrete Funktion → ``tf.Graph``."""
    import tensorflow as tf  # erst hier: nur die Datenflussgraphen brauchen es

    inner = graph if isinstance(graph, tf.Graph) else getattr(graph, "graph", None)
    if isinstance(inner, tf.Graph):
        return inner
    raise TypeError(
        "Erwartet wird ein tf.Graph oder eine konkrete Funktion, bekommen: "
        f"{type(graph).__name__}. Eine tf.function f hat noch keinen festen "
        "Graphen: Hole ihn mit f.get_concrete_function(...)."
    )


def graph_inputs(function: Any, args: tuple[Any, ...]) -> list[Any]:
    """Die Eingaben einer konkreten Funktion als Tensoren: Anzahl, Datentyp, Shape."""
    import tensorflow as tf

    placeholders = tf_graph(function).inputs
    if not hasattr(function, "captured_inputs"):
        raise TypeError(
            "Gebraucht wird die konkrete Funktion selbst "
            "(f.get_concrete_function(...)), nicht nur ihr Graph."
        )
    expected = len(placeholders) - len(function.captured_inputs)
    if len(args) != expected:
        raise ValueError(
            f"Die Funktion erwartet {expected} Eingaben, bekommen: {len(args)}."
        )
    tensors = []
    for i, (placeholder, value) in enumerate(zip(placeholders, args, strict=False)):
        try:
            tensor = tf.convert_to_tensor(value, dtype=placeholder.dtype)
        except (TypeError, ValueError) as error:
            raise TypeError(
                f"Eingabe {i + 1} lässt sich nicht in den Datentyp "
                f"{placeholder.dtype.name} umwandeln: {error}"
            ) from None
        if not placeholder.shape.is_compatible_with(tensor.shape):
            raise ValueError(
                f"Eingabe {i + 1} hat die Shape {tuple(tensor.shape.as_list())}, "
                f"der Graph erwartet {tuple(placeholder.shape.as_list())}."
            )
        tensors.append(tensor)
    return tensors


def graph_drawing(graph: Any, values: Any) -> tuple[Any, list[Any]]:
    """Graph zum Zeichnen (Operationen mit Tensoren), Werte nur für seine Tensoren."""
    g = tf_graph(graph)
    ops = [op for op in g.get_operations() if op.inputs or op.outputs]
    if not ops:
        raise ValueError("Der Graph enthält keine Operationen mit Tensoren.")
    unknown = sorted(set(values or {}) - {t.name for op in ops for t in op.outputs})
    if unknown:
        raise ValueError(f"Diese Tensoren gibt es im Graphen nicht: {unknown}.")
    return g, ops


def alt_text(alt: Any) -> None:
    """Jede Abbildung braucht einen Alternativtext, der nicht leer ist."""
    if not isinstance(alt, str) or not alt.strip():
        raise ValueError("Jede Abbildung braucht einen Alternativtext (alt).")


def optimizer_paths(values: Any) -> dict[str, np.ndarray]:
    """Wege von Optimierern: Name → Punkte der Shape (Schritte + 1, 2).

    NaN und ±∞ sind erlaubt: Ein Weg, der davonläuft, wird abgeschnitten.
    """
    if not values:
        raise ValueError("Es braucht mindestens einen Weg zum Zeichnen.")
    checked = {name: np.asarray(path, dtype=float) for name, path in values.items()}
    for name, path in checked.items():
        if path.ndim != 2 or path.shape[1] != 2 or not len(path):
            raise ValueError(
                f"Der Weg „{name}“ muss die Shape (Schritte + 1, 2) haben, "
                f"bekommen: {path.shape}."
            )
    return checked


def network_drawing(
    weights: Any, node_labels: Any, layer_names: Any
) -> tuple[list[np.ndarray], list[int]]:
    """Gewichtsmatrizen, die aneinander passen, und Texte für ein kleines Netz.

    Matrix l hat die Shape (Neuronen der Schicht l + 1, Neuronen der Schicht l).
    """
    matrices = [
        float_array(w, f"Gewichtsmatrix {i}", min_ndim=2) for i, w in enumerate(weights)
    ]
    if not matrices:
        raise ValueError("Es braucht mindestens eine Gewichtsmatrix.")
    sizes = [matrices[0].shape[1]]
    for i, w in enumerate(matrices):
        if w.ndim != 2 or w.shape[1] != sizes[-1]:
            raise ValueError(
                f"Gewichtsmatrix {i} hat die Shape {w.shape}; erwartet ist "
                f"(Neuronen danach, {sizes[-1]}), passend zur Schicht davor."
            )
        sizes.append(w.shape[0])
    if [len(texts) for texts in node_labels] != sizes:
        raise ValueError(
            f"node_labels braucht pro Schicht einen Text pro Neuron: {sizes}."
        )
    if layer_names is not None and len(layer_names) != len(sizes):
        raise ValueError(f"layer_names braucht {len(sizes)} Einträge.")
    return matrices, sizes


def drawing(values: ArrayLike) -> np.ndarray:
    """Ein Zeichenfeld: 2D, Grauwerte 0 … 1 oder 0 … 255, nicht leer → float64 0 … 1.

    Ist der größte Wert über 1, gilt das Bild als 0 … 255 (etwa der Alphakanal).
    """
    image = float_array(values, "pixels (das Zeichenfeld)").astype(np.float64)
    if image.ndim != 2:
        hint = " Bei einem RGBA-Bild nimm einen Kanal, z. B. pixels[..., 3]."
        raise ValueError(
            f"pixels muss ein 2D-Array (Höhe, Breite) sein, bekommen: Shape "
            f"{image.shape}.{hint if image.ndim == 3 else ''}"
        )
    if image.size and (image.min() < 0 or image.max() > 255):
        raise ValueError(
            "Grauwerte müssen zwischen 0 und 255 (oder 0 und 1) liegen, gefunden: "
            f"{image.min():g} bis {image.max():g}."
        )
    if not image.any():
        raise ValueError(
            f"Das Zeichenfeld ist leer (Shape {image.shape}, kein Bildpunkt über 0): "
            "Es gibt keinen Strich, den das Netz lesen könnte."
        )
    return image / 255 if image.max() > 1 else image


def digit_images(values: ArrayLike, size: int) -> np.ndarray:
    """Graustufenbilder wie MNIST: uint8, Shape (N, size, size), mindestens eins."""
    images = np.asarray(values)
    if images.dtype != np.uint8 or images.ndim != 3 or images.shape[1:] != (size,) * 2:
        raise MnistDataError(
            f"Die Ziffern müssen uint8 mit Shape (N, {size}, {size}) sein wie "
            f"x_test, bekommen: dtype {images.dtype}, Shape {images.shape}."
        )
    if not len(images):
        raise MnistDataError("Es braucht mindestens eine Ziffer, bekommen: keine.")
    return images


def exportable_network(net: Any, n_inputs: int) -> list[int]:
    """Ein MiniBatchNetwork mit genau einer verdeckten Schicht und n_inputs Eingaben."""
    sizes = getattr(net, "layer_sizes", None)
    if not hasattr(net, "params") or not sizes or len(sizes) != 3:
        raise TypeError(
            "Erwartet wird ein MiniBatchNetwork mit genau einer verdeckten Schicht, "
            f"z. B. (784, 64, 10), bekommen: {type(net).__name__} {sizes or ''}."
        )
    if sizes[0] != n_inputs:
        raise ValueError(
            f"Das Netz muss {n_inputs} Eingaben haben, hat aber {sizes[0]}."
        )
    return list(sizes)


# ── Netz und Optimierer ─────────────────────────────────────────────────────


def layer_sizes(values: Any) -> tuple[int, ...]:
    """Neuronen pro Schicht, von der Eingabe- bis zur Ausgabeschicht: (784, …, 10)."""
    if not isinstance(values, list | tuple):
        raise TypeError(
            "layer_sizes muss eine Folge von ganzen Zahlen sein, z. B. "
            f"(784, 512, 10), bekommen: {values!r}."
        )
    if len(values) < 2:
        raise ValueError(
            "Ein Netz braucht mindestens eine Eingabe- und eine Ausgabeschicht "
            f"(zwei Zahlen), bekommen: {tuple(values)}."
        )
    return tuple(
        count(f"Schicht {i}: die Zahl der Neuronen", n) for i, n in enumerate(values)
    )


def choice(name: str, value: Any, options: tuple[str, ...], hint: str = "") -> str:
    """Einer der Namen aus ``options`` (etwa eine Aktivierungsfunktion)."""
    if value not in options:
        raise ValueError(
            f"{name} {value!r} ist unbekannt; möglich: {', '.join(options)}.{hint}"
        )
    return value


def samples(values: ArrayLike, n_features: int, name: str = "x") -> np.ndarray:
    """Ein Batch als Matrix (N, n_features): ein Sample pro Zeile, mindestens eins."""
    array = float_array(values, name)
    if array.ndim != 2:
        hint = ""
        if array.ndim == 3 and array.shape[1] * array.shape[2] == n_features:
            hint = " Bilder vorher flach machen: x.reshape(len(x), -1)."
        elif array.shape == (n_features,):
            hint = " Ein einzelnes Sample als Batch: x.reshape(1, -1)."
        raise ValueError(
            f"{name} muss die Shape (N, {n_features}) haben – ein Sample pro Zeile –, "
            f"bekommen: {array.shape}.{hint}"
        )
    if array.shape[1] != n_features:
        raise ValueError(
            f"Die Eingabeschicht erwartet {n_features} Features pro Sample, {name} "
            f"hat aber {array.shape[1]} (Shape {array.shape})."
        )
    if not len(array):
        raise ValueError(f"{name} enthält kein einziges Sample (Shape {array.shape}).")
    return array


def _optimizer_array(values: Any, name: str, plural: str) -> np.ndarray:
    try:
        return float_array(values, name)
    except ValueError as error:  # NaN oder ±∞: ein eigener Hinweis für Optimierer
        hint = ""
        if plural == "Gradienten":
            hint = (
                " Oft ist das Training vorher divergiert – dann hilft eine "
                "kleinere Lernrate."
            )
        raise ValueError(
            f"Die {plural} enthalten NaN oder unendliche Werte.{hint}"
        ) from error


def parameters_and_gradients(
    params: Any, grads: Any
) -> tuple[list[np.ndarray], list[np.ndarray], bool]:
    """Parameter und Gradienten für ``Optimizer.step`` als zwei gleich lange Listen.

    Eine Liste von NumPy-Arrays ist eine Liste von Parametern (etwa die Gewichte
    eines Netzes); alles andere – ein Array, eine Liste von Zahlen – ist ein
    einziger Parameter. Zu jedem Parameter gehört ein Gradient mit derselben
    Shape. Das dritte Ergebnis sagt, ob es eine Liste war.
    """
    many = (
        isinstance(params, list | tuple)
        and all(isinstance(p, np.ndarray) for p in params)
        and len(params) > 0
    )
    if many and not (isinstance(grads, list | tuple) and len(grads) == len(params)):
        raise ValueError(
            f"Zu jedem der {len(params)} Parameter gehört ein Gradient; grads muss "
            "eine Liste derselben Länge sein."
        )
    p_list = list(params) if many else [params]
    g_list = list(grads) if many else [grads]
    p_list = [_optimizer_array(p, "Parameter", "Parameter") for p in p_list]
    g_list = [_optimizer_array(g, "Gradient", "Gradienten") for g in g_list]
    for i, (p, g) in enumerate(zip(p_list, g_list, strict=True)):
        if p.shape != g.shape:
            where = f" (Nummer {i})" if many else ""
            raise ValueError(
                f"Parameter{where} (Shape {p.shape}) und Gradient (Shape {g.shape}) "
                "müssen dieselbe Shape haben."
            )
    return p_list, g_list, many


def known_shapes(params: list[np.ndarray], shapes: list[tuple[int, ...]]) -> None:
    """Ein Optimierer mit Zustand bleibt bei den Parametern, mit denen er begann."""
    if [p.shape for p in params] != shapes:
        raise ValueError(
            f"Dieser Optimierer wurde für Parameter der Shape(s) {shapes} angelegt, "
            f"bekommen: {[p.shape for p in params]}. Für neue Parameter erst "
            "reset() aufrufen oder einen eigenen Optimierer anlegen."
        )


def start_point(values: Any) -> np.ndarray:
    """Startpunkt einer Bahn: ein Vektor (n,) mit n ≥ 1, als float64."""
    point = float_array(values, "Der Startpunkt").astype(np.float64)
    if point.ndim != 1 or not point.size:
        raise ValueError(
            f"Der Startpunkt muss ein Vektor sein (Shape (n,)), bekommen: "
            f"Shape {point.shape}."
        )
    return point


def non_positive(name: str, value: Any) -> float:
    """Endliche Zahl ≤ 0 (etwa ein Exponent, der Schritte nur kleiner machen darf)."""
    value = number(name, value)
    if value > 0:
        raise ValueError(f"{name} darf nicht größer als 0 sein, bekommen: {value}.")
    return value


def step_optimizer(value: Any) -> Any:
    """Ein Optimierer mit ``step(params, grads)``, etwa aus ``mnist_lib.optimizers``."""
    if not callable(getattr(value, "step", None)):
        raise TypeError(
            "optimizer braucht eine Methode step(params, grads), z. B. RMSprop() "
            f"aus mnist_lib.optimizers; bekommen: {value!r}."
        )
    return value
