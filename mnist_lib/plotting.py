"""Abbildungen der Lektionen, die Matplotlib nicht in einer Zeile zeichnet.

Aktivierungsfunktionen mit ihren Ableitungen, Verlustflächen mit den Wegen von
Optimierern, ein kleines Netz mit seinen Gewichten – und ``figure_html``, das
eine Abbildung als ``<img>`` in eine Seite bringt. Die Eingaben prüft
:mod:`mnist_lib.checks`.
"""

from __future__ import annotations

import base64
import io
from collections.abc import Mapping, Sequence
from html import escape
from typing import Any

import matplotlib.pyplot as plt
import numpy as np
from matplotlib.axes import Axes
from matplotlib.figure import Figure

from mnist_lib import checks
from mnist_lib.activations import (
    ELEMENTWISE,
    log_softmax,
    log_softmax_jacobian,
    softmax,
    softmax_jacobian,
)


def figure_html(fig: Figure, alt: str, fmt: str = "svg") -> str:
    """Abbildung als ``<img>`` mit eingebetteten Daten und Alternativtext.

    Für Seiten, deren Codeblöcke beim Bauen laufen (markdown-exec): Das Bild
    entsteht aus dem Code und braucht keine Datei und keinen fremden Server.
    Die Abbildung wird danach geschlossen.
    """
    checks.alt_text(alt)
    mime = {"svg": "image/svg+xml", "png": "image/png"}
    mime = mime[checks.choice("Das Bildformat", fmt, tuple(mime))]
    buffer = io.BytesIO()
    # kein Erstellungsdatum im SVG
    metadata = {"Date": None} if fmt == "svg" else None
    fig.savefig(buffer, format=fmt, dpi=110, metadata=metadata)
    plt.close(fig)
    data = base64.b64encode(buffer.getvalue()).decode("ascii")
    return (
        f'<img class="abbildung" src="data:{mime};base64,{data}" alt="{escape(alt)}">'
    )


# ── Aktivierungsfunktionen ──────────────────────────────────────────────────

#: Deutsche Titel der Aktivierungsfunktionen, in der Reihenfolge der Lektion
_TITLES = {
    "step": "Schwellenwertfunktion",
    "sigmoid": "Sigmoid",
    "tanh": "Tangens hyperbolicus",
    "relu": "ReLU",
    "relu6": "ReLU6",
    "elu": "ELU",
    "softplus": "Softplus",
    "softsign": "Softsign",
    "softmax": "Softmax",
    "log_softmax": "Log-Softmax",
}


def _activation_curve(name: str, u: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Werte und Ableitung einer Aktivierungsfunktion über den Werten ``u``.

    Softmax und Log-Softmax brauchen einen Vektor: Wir nehmen für jedes u die
    Eingabe [u, 0] (zwei Klassen) und zeigen die erste Komponente und ihre
    Ableitung nach u, das Diagonalelement der Jacobi-Matrix. Bei der Softmax
    ist das genau die Sigmoid: softmax([u, 0])_0 = σ(u).
    """
    if name in ELEMENTWISE:
        function, derivative = ELEMENTWISE[name]
        return function(u), derivative(u)
    pairs = np.stack([u, np.zeros_like(u)], axis=-1)
    if name == "softmax":
        return softmax(pairs)[:, 0], softmax_jacobian(pairs)[:, 0, 0]
    return log_softmax(pairs)[:, 0], log_softmax_jacobian(pairs)[:, 0, 0]


def plot_activations() -> Figure:
    """Alle Aktivierungsfunktionen der Lektion mit Ableitung, je Funktion eine Achse.

    Durchgezogen: die Funktion f(u), gestrichelt: ihre Ableitung f'(u).
    Softmax und Log-Softmax zeigen die erste Komponente für die Eingabe [u, 0].
    """
    fig, axes = plt.subplots(2, 5, figsize=(13, 4.8), layout="constrained")
    for ax, (name, title) in zip(axes.flat, _TITLES.items(), strict=True):
        # ReLU6 weiter nach rechts, damit der Deckel bei 6 zu sehen ist
        u = np.linspace(-3.0, 9.0, 401) if name == "relu6" else np.linspace(-5, 5, 401)
        values, derivative = _activation_curve(name, u)
        ax.plot(u, values, color="C0", label="Funktion")
        ax.plot(u, derivative, color="C1", linestyle="--", label="Ableitung")
        ax.axhline(0, color="0.7", linewidth=0.8, zorder=0)
        ax.axvline(0, color="0.7", linewidth=0.8, zorder=0)
        ax.set_title(title)
        ax.set_xlabel("u" if name in ELEMENTWISE else "u  (Eingabe [u, 0])")
    axes.flat[0].legend(loc="upper left", fontsize="small")
    return fig


# ── Optimierer: Verlustflächen und Wege ──────────────────────────────────────

#: Markierungen der Bahnen: Farbe allein reicht nicht (Farbsehschwäche)
_PATH_MARKERS = ("o", "s", "^", "v", "D", "P", "X", "*")


def _surface_grid(surface: Any, num: int = 100) -> tuple[np.ndarray, ...]:
    """Gitter über den Zeichenbereich einer ``mnist_lib.optimizers.Surface``."""
    x = np.linspace(*surface.xlim, num)
    y = np.linspace(*surface.ylim, num)
    grid_x, grid_y = np.meshgrid(x, y)
    return grid_x, grid_y, surface.loss(grid_x, grid_y)


def _first_outside(path: np.ndarray, surface: Any) -> int | None:
    """Index des ersten Punkts außerhalb des Ausschnitts (oder ``None``).

    NaN und ±∞ liegen nie innerhalb: Jeder Vergleich mit NaN ist falsch.
    """
    low, high = (surface.xlim[0], surface.ylim[0]), (surface.xlim[1], surface.ylim[1])
    outside = np.flatnonzero(~((path >= low) & (path <= high)).all(axis=1))
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
    """Höhenlinien einer Verlustfläche und die Wege mehrerer Optimierer.

    ``surface`` ist eine ``mnist_lib.optimizers.Surface``, ``paths`` ordnet
    jedem Namen (Legende) ein Array der Shape ``(Schritte + 1, 2)`` zu. Ein Weg,
    der den Ausschnitt verlässt, wird an dessen Rand abgeschnitten; die Legende
    nennt dann den Schritt, ab dem er draußen ist. Große Symbole markieren den
    letzten Punkt jedes Wegs, kleine jeden zehnten Teil des Wegs.
    """
    checked = checks.optimizer_paths(paths)
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
    start = next(iter(checked.values()))[0]
    for point, marker, color, size, label in (
        (surface.minimum, "*", "gold", 16, "Minimum"),
        (start, "o", "black", 8, "Start"),
    ):
        ax.plot(
            *point,
            marker=marker,
            color=color,
            markeredgecolor="black",
            markersize=size,
            linestyle="none",
            label=label,
            zorder=5,
        )
    tolerance = 0.002 * max(np.ptp(surface.xlim), np.ptp(surface.ylim))
    for i, (name, path) in enumerate(checked.items()):
        leaves = _first_outside(path, surface)
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
    ax.set(xlim=surface.xlim, ylim=surface.ylim, xlabel=surface.xlabel)
    ax.set(ylabel=surface.ylabel, title=surface.title if title is None else title)
    return ax.figure


def plot_surface_3d(
    surface: Any, ax: Axes | None = None, num: int = 60, log: bool = False
) -> Figure:
    """Die Verlustfläche als Gebirge; mit ``log=True`` als log₁₀(1 + Verlust)."""
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
    matrices, sizes = checks.network_drawing(weights, node_labels, layer_names)

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
