"""Abbildungen der Lektionen: Lernkurven und Ziffern."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import matplotlib.pyplot as plt
import numpy as np
from matplotlib.axes import Axes
from matplotlib.figure import Figure

from mnist_lib.data import IMAGE_SHAPE, MnistDataError


def _history_dict(history: Any) -> Mapping[str, Sequence[float]]:
    """``keras.callbacks.History`` oder ein Dict → Dict der Messreihen."""
    values = getattr(history, "history", history)
    if not isinstance(values, Mapping):
        raise TypeError(
            "Erwartet wird das Ergebnis von model.fit(...) (ein History-Objekt) "
            f"oder ein Dict, bekommen: {type(history).__name__}."
        )
    return values


def plot_history(history: Any, metric: str = "accuracy") -> Figure:
    """Trainings- und Validierungsgenauigkeit sowie -verlust über die Epochen.

    Punkte: Training, Linie: Validierung (wie im Quellmaterial).
    """
    values = _history_dict(history)
    if metric not in values and metric == "accuracy" and "acc" in values:
        metric = "acc"  # Verlauf aus Keras 2
    needed = [metric, f"val_{metric}", "loss", "val_loss"]
    missing = [key for key in needed if key not in values]
    if missing:
        hint = ""
        if any(key.startswith("val_") for key in missing):
            hint = (
                " Validierungswerte gibt es nur, wenn fit() validation_data=… oder "
                "validation_split=… bekommt."
            )
        raise KeyError(
            f"Im Trainingsverlauf fehlen {missing}; vorhanden sind "
            f"{sorted(values)}.{hint}"
        )
    epochs = np.arange(1, len(values["loss"]) + 1)
    fig, (ax_acc, ax_loss) = plt.subplots(1, 2, figsize=(10, 4), layout="constrained")
    panels = (
        (ax_acc, metric, "Genauigkeit", "Trainings- und Validierungsgenauigkeit"),
        (ax_loss, "loss", "Verlust", "Trainings- und Validierungsverlust"),
    )
    for ax, key, ylabel, title in panels:
        ax.plot(epochs, values[key], "bo", label="Training")
        ax.plot(epochs, values[f"val_{key}"], "b", label="Validierung")
        ax.set_title(title)
        ax.set_xlabel("Epoche")
        ax.set_ylabel(ylabel)
        ax.legend()
    return fig


def _as_image(image: np.ndarray) -> np.ndarray:
    image = np.asarray(image)
    if image.shape == (IMAGE_SHAPE[0] * IMAGE_SHAPE[1],):
        image = image.reshape(IMAGE_SHAPE)
    if image.shape != IMAGE_SHAPE:
        raise MnistDataError(
            f"Eine Ziffer muss die Shape (28, 28) oder (784,) haben, "
            f"bekommen: {image.shape}."
        )
    if not np.issubdtype(image.dtype, np.number) or np.isnan(image).any():
        raise MnistDataError("Eine Ziffer muss aus Zahlen ohne NaN bestehen.")
    return image


def show_digit(
    image: np.ndarray, title: str | None = None, ax: Axes | None = None
) -> Axes:
    """Eine Ziffer als Graustufenbild zeigen (dunkel = hoher Grauwert)."""
    image = _as_image(image)
    if ax is None:
        _, ax = plt.subplots(figsize=(3, 3), layout="constrained")
    ax.imshow(image, cmap="Greys")
    ax.set_xticks([])
    ax.set_yticks([])
    if title:
        ax.set_title(title)
    return ax


def show_digits(
    images: np.ndarray,
    labels: Sequence[int] | np.ndarray,
    predictions: Sequence[int] | np.ndarray | None = None,
    ncols: int = 8,
) -> Figure:
    """Mehrere Ziffern im Raster, betitelt mit Label (und Vorhersage)."""
    images = np.asarray(images)
    if len(images) != len(labels) or (
        predictions is not None and len(predictions) != len(images)
    ):
        raise MnistDataError(
            "Bilder, Labels und Vorhersagen müssen gleich viele Einträge haben."
        )
    if len(images) == 0:
        raise MnistDataError("Es gibt keine Ziffern zum Anzeigen.")
    ncols = max(1, min(ncols, len(images)))
    nrows = -(-len(images) // ncols)
    fig, axes = plt.subplots(
        nrows, ncols, figsize=(1.4 * ncols, 1.6 * nrows), layout="constrained"
    )
    for i, ax in enumerate(np.atleast_1d(axes).ravel()):
        if i >= len(images):
            ax.axis("off")
            continue
        title = f"Label {labels[i]}"
        if predictions is not None:
            title += f"\nNetz: {predictions[i]}"
        show_digit(images[i], title=title, ax=ax)
    return fig


def figure_html(fig: Figure, alt: str, fmt: str = "svg") -> str:
    """Abbildung als ``<img>`` mit eingebetteten Daten und Alternativtext.

    Für Seiten, deren Codeblöcke beim Bauen laufen (markdown-exec): Das Bild
    entsteht aus dem Code und braucht keine Datei und keinen fremden Server.
    """
    import base64
    import io
    from html import escape

    if not alt or not alt.strip():
        raise ValueError("Jede Abbildung braucht einen Alternativtext (alt).")
    mime = {"svg": "image/svg+xml", "png": "image/png"}.get(fmt)
    if mime is None:
        raise ValueError(f"Format {fmt!r} wird nicht unterstützt; erlaubt: svg, png.")
    buffer = io.BytesIO()
    fig.savefig(
        buffer, format=fmt, dpi=110, metadata={"Date": None} if fmt == "svg" else None
    )
    plt.close(fig)
    data = base64.b64encode(buffer.getvalue()).decode("ascii")
    return (
        f'<img class="abbildung" src="data:{mime};base64,{data}" alt="{escape(alt)}">'
    )


def plot_activations(
    names: Sequence[str] | None = None, ncols: int = 5, num: int = 401
) -> Figure:
    """Aktivierungsfunktionen und ihre Ableitungen, je Funktion ein kleines Achsenpaar.

    Durchgezogen: die Funktion, gestrichelt: ihre Ableitung. Softmax und
    Log-Softmax brauchen einen Vektor; gezeigt wird die erste Komponente für die
    Eingabe [x, 0] (zwei Klassen), siehe ``mnist_lib.activations.activation_curve``.
    """
    from mnist_lib.activations import ACTIVATION_NAMES, GERMAN_NAMES, activation_curve

    names = list(ACTIVATION_NAMES if names is None else names)
    if not names:
        raise ValueError(
            "Es braucht mindestens eine Aktivierungsfunktion zum Zeichnen."
        )
    unknown = [name for name in names if name not in ACTIVATION_NAMES]
    if unknown:
        raise ValueError(
            f"Unbekannte Aktivierungsfunktion(en) {unknown}; bekannt sind: "
            f"{', '.join(ACTIVATION_NAMES)}."
        )
    ranges = {"relu6": (-3.0, 9.0)}  # der Deckel bei 6 soll zu sehen sein
    ncols = max(1, min(ncols, len(names)))
    nrows = -(-len(names) // ncols)
    fig, axes = plt.subplots(
        nrows,
        ncols,
        figsize=(2.6 * ncols, 2.4 * nrows),
        layout="constrained",
        squeeze=False,
    )
    for ax, name in zip(axes.ravel(), names, strict=False):
        x = np.linspace(*ranges.get(name, (-5.0, 5.0)), num)
        values, derivative = activation_curve(name, x)
        ax.plot(x, values, color="C0", label="Funktion")
        ax.plot(x, derivative, color="C1", linestyle="--", label="Ableitung")
        ax.axhline(0, color="0.7", linewidth=0.8, zorder=0)
        ax.axvline(0, color="0.7", linewidth=0.8, zorder=0)
        ax.set_title(GERMAN_NAMES[name])
        vector_input = name in ("softmax", "log_softmax")
        ax.set_xlabel("x  (Eingabe [x, 0])" if vector_input else "x")
    for ax in axes.ravel()[len(names) :]:
        ax.set_visible(False)
    axes.ravel()[0].legend(loc="upper left", fontsize="small")
    return fig
