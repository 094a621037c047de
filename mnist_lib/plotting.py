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


# ── Optimierer: Fehlerflächen, Bahnen, Validierungskurven ───────────────

#: Markierungen der Bahnen: Farbe allein reicht nicht (Farbsehschwäche)
_PATH_MARKERS = ("o", "s", "^", "v", "D", "P", "X", "*")


def _surface_grid(surface: Any, num: int = 100) -> tuple[np.ndarray, ...]:
    """Gitter über den Zeichenbereich einer ``mnist_lib.optimizers.Surface``."""
    x = np.linspace(*surface.xlim, num)
    y = np.linspace(*surface.ylim, num)
    grid_x, grid_y = np.meshgrid(x, y)
    return grid_x, grid_y, surface.loss(grid_x, grid_y)


def _first_outside(
    path: np.ndarray, xlim: Sequence[float], ylim: Sequence[float]
) -> int | None:
    """Index des ersten Punkts außerhalb des Ausschnitts (oder ``None``)."""
    inside = (
        np.isfinite(path).all(axis=1)
        & (path[:, 0] >= xlim[0])
        & (path[:, 0] <= xlim[1])
        & (path[:, 1] >= ylim[0])
        & (path[:, 1] <= ylim[1])
    )
    outside = np.flatnonzero(~inside)
    return int(outside[0]) if outside.size else None


def _thin_indices(path: np.ndarray, tolerance: float) -> np.ndarray:
    """Indizes der Punkte, die sich sichtbar vom zuletzt behaltenen unterscheiden.

    Hält die Abbildung klein: Punkte, die näher als ``tolerance`` beieinander
    liegen, sieht man ohnehin nicht getrennt. Erster und letzter Punkt bleiben.
    """
    keep = [0]
    for i in range(1, len(path) - 1):
        if np.abs(path[i] - path[keep[-1]]).max() > tolerance:
            keep.append(i)
    if len(path) > 1:
        keep.append(len(path) - 1)
    return np.array(keep)


def plot_optimizer_paths(
    surface: Any,
    paths: Mapping[str, np.ndarray],
    ax: Axes | None = None,
    title: str | None = None,
    levels: int = 12,
) -> Figure:
    """Höhenlinien einer Fehlerfläche und die Wege mehrerer Optimierer.

    ``surface`` ist eine ``mnist_lib.optimizers.Surface``, ``paths`` ordnet
    jedem Namen (Legende) ein Array der Shape ``(Schritte + 1, 2)`` zu. Ein Weg,
    der den Ausschnitt verlässt, wird an dessen Rand abgeschnitten; die Legende
    nennt dann den Schritt, ab dem er draußen ist. Große Symbole markieren den
    letzten Punkt jedes Wegs, kleine jeden zehnten Teil des Wegs.
    """
    if not paths:
        raise ValueError("Es braucht mindestens einen Weg zum Zeichnen.")
    checked = {}
    for name, path in paths.items():
        path = np.asarray(path, dtype=float)
        if path.ndim != 2 or path.shape[1] != 2 or len(path) == 0:
            raise ValueError(
                f"Der Weg „{name}“ muss die Shape (Schritte + 1, 2) haben, "
                f"bekommen: {path.shape}."
            )
        checked[name] = path
    if ax is None:
        _, ax = plt.subplots(figsize=(8, 6), layout="constrained")
    grid_x, grid_y, values = _surface_grid(surface)
    if surface.log_levels:  # Abstand zum kleinsten Wert logarithmisch teilen
        lowest = min(values.min(), surface.value(surface.minimum))
        span = values.max() - lowest
        contour_levels = lowest + np.geomspace(span * 1e-3, span, levels)
    else:
        contour_levels = np.linspace(values.min(), values.max(), levels)
    ax.contour(
        grid_x, grid_y, values, levels=contour_levels, colors="0.6", linewidths=0.7
    )
    ax.plot(
        *surface.minimum,
        marker="*",
        color="gold",
        markeredgecolor="black",
        markersize=16,
        linestyle="none",
        label="Minimum",
        zorder=5,
    )
    start = next(iter(checked.values()))[0]
    ax.plot(
        *start,
        marker="o",
        color="black",
        markersize=8,
        linestyle="none",
        label="Start",
        zorder=5,
    )
    tolerance = 0.002 * max(np.ptp(surface.xlim), np.ptp(surface.ylim))
    for i, (name, path) in enumerate(checked.items()):
        leaves = _first_outside(path, surface.xlim, surface.ylim)
        label = name
        if leaves is not None:
            label += f" (ab Schritt {leaves} außerhalb)"
        shown = path if leaves is None else path[: leaves + 1]
        keep = _thin_indices(shown, tolerance)
        # kleine Symbole bei jedem zehnten Teil der Schritte (im ausgedünnten Weg)
        every = np.arange(0, len(shown), max(1, len(shown) // 10))
        marks = np.unique(np.clip(np.searchsorted(keep, every), 0, len(keep) - 1))
        color = f"C{i % 10}"
        marker = _PATH_MARKERS[i % len(_PATH_MARKERS)]
        ax.plot(
            shown[keep, 0],
            shown[keep, 1],
            color=color,
            linewidth=1.4,
            label=label,
            marker=marker,
            markersize=4,
            markevery=marks.tolist(),
        )
        ax.plot(
            *shown[-1],
            marker=marker,
            color=color,
            markeredgecolor="black",
            markersize=8,
            linestyle="none",
            zorder=4,
        )
    ax.set_xlim(surface.xlim)
    ax.set_ylim(surface.ylim)
    ax.set_xlabel(surface.xlabel)
    ax.set_ylabel(surface.ylabel)
    ax.set_title(surface.title if title is None else title)
    return ax.figure


def plot_surface_3d(
    surface: Any, ax: Axes | None = None, num: int = 60, log: bool = False
) -> Figure:
    """Die Fehlerfläche als Gebirge; mit ``log=True`` als log₁₀(1 + Verlust)."""
    if ax is None:
        fig = plt.figure(figsize=(6, 5), layout="constrained")
        ax = fig.add_subplot(projection="3d")
    grid_x, grid_y, values = _surface_grid(surface, num)
    zlabel = "Verlust"
    if log:
        values, zlabel = np.log10(1 + values), "log₁₀(1 + Verlust)"
    ax.plot_surface(
        grid_x,
        grid_y,
        values,
        cmap="viridis",
        linewidth=0,
        rcount=num,
        ccount=num,
        antialiased=False,
    )
    # kurze Achsentitel: im 3D-Bild ist wenig Platz
    ax.set_xlabel(surface.xlabel.split(" (")[0], fontsize="small")
    ax.set_ylabel(surface.ylabel.split(" (")[0], fontsize="small")
    ax.set_zlabel(zlabel, fontsize="small")
    ax.tick_params(labelsize="x-small")
    ax.set_title(surface.title)
    return ax.figure


def plot_validation_curves(histories: Mapping[str, Any]) -> Figure:
    """Validierungsgenauigkeit und -verlust mehrerer Trainingsläufe in einer Abbildung.

    ``histories`` ordnet jedem Namen (etwa dem Optimierer) das Ergebnis von
    ``model.fit(..., validation_split=…)`` oder dessen ``history``-Dict zu.
    """
    if not histories:
        raise ValueError("Es braucht mindestens einen Trainingsverlauf.")
    fig, (ax_acc, ax_loss) = plt.subplots(1, 2, figsize=(11, 4.2), layout="constrained")
    for i, (name, history) in enumerate(histories.items()):
        values = _history_dict(history)
        missing = [k for k in ("val_accuracy", "val_loss") if k not in values]
        if missing:
            raise KeyError(
                f"Im Verlauf „{name}“ fehlen {missing}. Validierungswerte gibt es "
                "nur, wenn fit() validation_data=… oder validation_split=… bekommt."
            )
        epochs = np.arange(1, len(values["val_loss"]) + 1)
        style = {"color": f"C{i % 10}", "marker": _PATH_MARKERS[i % 8], "label": name}
        ax_acc.plot(epochs, values["val_accuracy"], **style)
        ax_loss.plot(epochs, values["val_loss"], **style)
    ax_acc.set_title("Validierungsgenauigkeit")
    ax_acc.set_ylabel("Genauigkeit")
    ax_loss.set_title("Validierungsverlust")
    ax_loss.set_ylabel("Verlust")
    for ax in (ax_acc, ax_loss):
        ax.set_xlabel("Epoche")
        ax.xaxis.get_major_locator().set_params(integer=True)
    ax_loss.legend(loc="center left", bbox_to_anchor=(1.02, 0.5))
    return fig


def plot_network(
    weights: Sequence[np.ndarray],
    node_labels: Sequence[Sequence[str]],
    layer_names: Sequence[str] | None = None,
) -> Figure:
    """Ein kleines vollständig verbundenes Netz mit Gewichten an den Verbindungen.

    ``weights[l]`` hat wie ``wih``/``who`` im klassischen Netz die Shape
    ``(Neuronen der Schicht l+1, Neuronen der Schicht l)``: Eintrag ``[k, j]``
    verbindet Neuron j mit Neuron k. ``node_labels`` enthält pro Schicht einen
    Text pro Neuron (z. B. Name und Wert), ``layer_names`` pro Schicht eine
    Überschrift. Gedacht für Netze mit wenigen Neuronen zum Nachrechnen.
    """
    matrices = [np.asarray(w, dtype=float) for w in weights]
    if not matrices:
        raise ValueError("Es braucht mindestens eine Gewichtsmatrix.")
    sizes = [matrices[0].shape[1] if matrices[0].ndim == 2 else -1]
    for i, w in enumerate(matrices):
        if w.ndim != 2 or w.shape[1] != sizes[-1]:
            raise ValueError(
                f"Gewichtsmatrix {i} hat die Shape {w.shape}; erwartet ist "
                f"(Neuronen danach, {sizes[-1]}), passend zur Schicht davor."
            )
        if not np.isfinite(w).all():
            raise ValueError(f"Gewichtsmatrix {i} enthält NaN oder unendliche Werte.")
        sizes.append(w.shape[0])
    if len(node_labels) != len(sizes) or any(
        len(labels) != size for labels, size in zip(node_labels, sizes, strict=False)
    ):
        raise ValueError(
            f"node_labels braucht pro Schicht einen Text pro Neuron: {sizes}."
        )
    if layer_names is not None and len(layer_names) != len(sizes):
        raise ValueError(f"layer_names braucht {len(sizes)} Einträge.")

    def position(layer: int, index: int) -> tuple[float, float]:
        # Schichten von links nach rechts, Neuronen von oben nach unten
        return 3.0 * layer, (sizes[layer] - 1) / 2 - index

    fig, ax = plt.subplots(
        figsize=(3.2 * len(sizes), 1.2 + 1.2 * max(sizes)), layout="constrained"
    )
    for layer, w in enumerate(matrices):
        for k in range(w.shape[0]):
            for j in range(w.shape[1]):
                (x0, y0), (x1, y1) = position(layer, j), position(layer + 1, k)
                ax.plot([x0, x1], [y0, y1], color="0.6", linewidth=1, zorder=1)
                # Beschriftung im ersten Drittel, damit sich Zahlen nicht kreuzen
                t = 0.3
                value = f"{w[k, j]:.2f}".replace(".", ",")
                ax.text(
                    x0 + t * (x1 - x0),
                    y0 + t * (y1 - y0),
                    value,
                    ha="center",
                    va="center",
                    fontsize=9,
                    bbox={"boxstyle": "round,pad=0.15", "fc": "white", "ec": "none"},
                    zorder=3,
                )
    for layer, labels in enumerate(node_labels):
        for index, label in enumerate(labels):
            x, y = position(layer, index)
            ax.add_patch(
                plt.Circle(
                    (x, y), 0.42, facecolor="#e8eaf6", edgecolor="#3f51b5", zorder=2
                )
            )
            ax.text(x, y, label, ha="center", va="center", fontsize=9, zorder=4)
        if layer_names is not None:
            ax.text(
                3.0 * layer,
                (max(sizes) - 1) / 2 + 0.9,
                layer_names[layer],
                ha="center",
                va="bottom",
                fontsize=10,
                fontweight="bold",
            )
    ax.set_xlim(-0.8, 3.0 * (len(sizes) - 1) + 0.8)
    ax.set_ylim(-(max(sizes) - 1) / 2 - 0.7, (max(sizes) - 1) / 2 + 1.4)
    ax.set_aspect("equal")
    ax.axis("off")
    return fig
