"""Datenflussgraphen von TensorFlow sichtbar machen.

Eine mit ``@tf.function`` dekorierte Funktion zeichnet TensorFlow beim ersten
Aufruf als Datenflussgraphen auf; ``f.get_concrete_function(...)`` liefert ihn.
Die Knoten, die Operationen, nennt TensorFlow selbst
(``concrete.graph.get_operations()``). Dieses Modul ergänzt:

- ``list_edges`` – die Kanten: je ein Tensor, der von einer Operation zur
  nächsten fließt (mit Shape und Datentyp),
- ``edge_values`` – die Werte, die bei einem Aufruf über die Kanten fließen,
- ``plot_graph`` – eine Abbildung: Kästen für die Operationen, Pfeile für die
  Tensoren, beschriftet mit ihrer Shape (und ihrem Wert).

Steuerkanten (Reihenfolge ohne Daten) lassen wir weg; sie tragen keine Tensoren.
Die Eingaben prüft :mod:`mnist_lib.checks`.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import matplotlib.pyplot as plt
import numpy as np
import tensorflow as tf
from matplotlib.figure import Figure

from mnist_lib import checks

_SOURCES = ("Placeholder", "Const", "VarHandleOp")  # hier kommen Daten herein
_OPAQUE = ("resource", "variant")  # Verweise (etwa auf Variablen), keine Zahlen
_STEP = 1.6  # senkrechter Abstand der Stufen in der Abbildung
_SPREAD = 2.6  # waagerechter Abstand der Knoten einer Stufe


@dataclass(frozen=True)
class Edge:
    """Eine Kante: ein Tensor, der von ``source`` zu ``target`` fließt."""

    tensor: str
    source: str
    target: str
    shape: tuple[int | None, ...] | None  # None: nicht einmal die Achsenzahl bekannt
    dtype: str


def format_shape(shape: Sequence[int | None] | None) -> str:
    """Shape einer Kante als Text wie in Keras: ``(None, 3)``, ``(1,)``, ``()``.

    ``None`` heißt: nicht einmal die Zahl der Achsen ist bekannt – ``(?)``.
    """
    return "(?)" if shape is None else str(tuple(shape))


def _edge(tensor: tf.Tensor, target: str) -> Edge:
    shape = None if tensor.shape.rank is None else tuple(tensor.shape.as_list())
    return Edge(tensor.name, tensor.op.name, target, shape, tensor.dtype.name)


def list_edges(graph: Any) -> list[Edge]:
    """Alle Kanten: ein Eintrag pro Tensor und Operation, die ihn verbraucht.

    ``graph`` ist ein ``tf.Graph`` oder eine konkrete Funktion. Tensoren heißen
    wie in TensorFlow: ``"MatMul:0"`` ist die erste Ausgabe der Operation
    ``MatMul``.
    """
    operations = checks.tf_graph(graph).get_operations()
    return [_edge(tensor, op.name) for op in operations for tensor in op.inputs]


def edge_values(function: Any, *args: Any) -> dict[str, np.ndarray]:
    """Die Werte aller Tensoren, wenn die konkrete Funktion mit ``args`` läuft.

    ``function`` ist eine konkrete Funktion (``f.get_concrete_function(...)``),
    ``args`` sind ihre Eingaben in derselben Reihenfolge. Ergebnis: Name des
    Tensors (``"MatMul:0"``) → Wert als NumPy-Array. Tensoren, die nur auf
    Variablen verweisen (Datentyp ``resource``), haben keinen Zahlenwert und
    fehlen im Ergebnis.
    """
    feeds = checks.graph_inputs(function, args)
    feeds += function.captured_inputs  # z. B. die Variablen einer Keras-Schicht
    graph = function.graph
    fetch = [
        t.name
        for op in graph.get_operations()
        for t in op.outputs
        if t.dtype.name not in _OPAQUE
    ]
    graph_def = graph.as_graph_def()
    # Den Graphen neu einlesen und so zuschneiden, dass er alle Zwischenergebnisse
    # zurückgibt
    wrapped = tf.compat.v1.wrap_function(
        lambda: tf.compat.v1.import_graph_def(graph_def, name=""), []
    )
    pruned = wrapped.prune(feeds=[p.name for p in graph.inputs], fetches=fetch)
    return dict(zip(fetch, map(np.asarray, pruned(*feeds)), strict=True))


def _format_value(value: np.ndarray) -> str:
    """Kleine Tensoren als Zahlen mit deutschem Komma, große nur als Anzahl."""
    if value.size > 4:
        return f"{value.size} Werte"
    numbers = [
        f"{float(v):.4g}".replace(".", ",").replace("-", "−") for v in value.flat
    ]
    return "[" + "; ".join(numbers) + "]"


def _layout(ops: Sequence[tf.Operation]) -> dict[str, tuple[float, float]]:
    """Positionen der Knoten, von oben nach unten in Stufen.

    Stufe = Länge des längsten Wegs von einer Quelle. Quellen (Eingaben,
    Konstanten) stehen direkt über ihrem ersten Verbraucher, damit kein Pfeil
    über mehrere Stufen läuft.
    """
    level: dict[str, int] = {}
    for op in ops:  # get_operations() ist schon topologisch sortiert
        level[op.name] = 1 + max((level[t.op.name] for t in op.inputs), default=-1)
    for op in ops:
        consumers = [level[c.name] for t in op.outputs for c in t.consumers()]
        if not op.inputs and consumers:
            level[op.name] = min(consumers) - 1
    top = min(level.values())
    rows: dict[int, list[str]] = {}
    for name, row in level.items():
        rows.setdefault(row - top, []).append(name)
    return {
        name: (_SPREAD * (index - (len(members) - 1) / 2), -_STEP * row)
        for row, members in rows.items()
        for index, name in enumerate(members)
    }


def plot_graph(
    graph: Any,
    values: Mapping[str, np.ndarray] | None = None,
    title: str | None = None,
) -> Figure:
    """Den Datenflussgraphen zeichnen: Operationen als Kästen, Tensoren als Pfeile.

    Die Daten fließen von oben nach unten. Jeder Pfeil ist mit der Shape des
    Tensors beschriftet, der über ihn fließt; mit ``values`` (aus
    ``edge_values``) zusätzlich mit seinem Wert. Die Ausgaben der Funktion
    führen zu einem Pfeil nach „Ausgabe“. Operationen ohne Datenkanten
    (z. B. ``NoOp``) lassen wir weg. Grün: Quellen (Eingaben, Konstanten),
    blau: Rechenoperationen.
    """
    g, ops = checks.graph_drawing(graph, values)
    positions = _layout(ops)
    outputs = [_edge(t, "Ausgabe") for t in getattr(g, "outputs", [])]
    xs = [x for x, _ in positions.values()]
    ys = [y for _, y in positions.values()]
    bottom = min(ys) - _STEP * bool(outputs)
    # Platz für die halbe Breite eines Kastens links und rechts
    left, right = min(xs) - 0.65 * _SPREAD, max(xs) + 0.65 * _SPREAD
    width = 0.8 * (right - left)  # Zoll; so bleibt die Schrift lesbar groß
    height = 0.7 * (max(ys) - bottom + 1.0) + 0.4 * bool(title)
    fig, ax = plt.subplots(figsize=(max(width, 4.0), height), layout="constrained")
    ax.set(xlim=(left, right), ylim=(bottom - 0.5, max(ys) + 0.5))
    ax.axis("off")
    if title:
        ax.set_title(title)

    boxes = {}
    for op in ops:
        source = op.type in _SOURCES
        # Typ oben, darunter der Name (ohne Präfixe wie „neuron_1/“), falls anders
        short = op.name.rsplit("/", 1)[-1]
        boxes[op.name] = ax.text(
            *positions[op.name],
            op.type if short == op.type else f"{op.type}\n{short}",
            ha="center",
            va="center",
            fontsize=11,
            bbox={
                "boxstyle": "round,pad=0.4",
                "facecolor": "#e8f5e9" if source else "#e8eaf6",
                "edgecolor": "#2e7d32" if source else "#3f51b5",
            },
            zorder=3,
        )

    for edge in list_edges(g) + outputs:
        start, (x0, y0) = boxes[edge.source], positions[edge.source]
        if edge.target == "Ausgabe":
            ax.text(x0, y0 - _STEP, "Ausgabe", ha="center", va="center", style="italic")
            end, (x1, y1) = None, (x0, y0 - _STEP + 0.25)
        else:
            end, (x1, y1) = boxes[edge.target], positions[edge.target]
        ax.annotate(
            "",
            xy=(0.5, 0.5) if end else (x1, y1),
            xycoords=end or "data",
            xytext=(0.5, 0.5),
            textcoords=start,
            arrowprops={
                "arrowstyle": "-|>",
                "color": "0.35",
                "shrinkA": 2,
                "shrinkB": 2,
                "patchA": start.get_bbox_patch(),
                "patchB": end.get_bbox_patch() if end else None,
            },
            zorder=1,
        )
        if edge.dtype in _OPAQUE:
            label = edge.dtype  # ein Verweis auf eine Variable, keine Zahlen
        else:
            label = format_shape(edge.shape)
            if values is not None and edge.tensor in values:
                label += "\n" + _format_value(np.asarray(values[edge.tensor]))
        ax.text(
            (x0 + x1) / 2,
            (y0 + y1) / 2,
            label,
            ha="center",
            va="center",
            fontsize=10,
            color="0.15",
            bbox={
                "boxstyle": "round,pad=0.15",
                "facecolor": "white",
                "edgecolor": "none",
            },
            zorder=2,
        )
    return fig
