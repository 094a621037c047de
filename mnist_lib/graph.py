"""Datenflussgraphen von TensorFlow sichtbar machen.

Eine mit ``@tf.function`` dekorierte Funktion zeichnet TensorFlow beim ersten
Aufruf als Datenflussgraphen auf. ``f.get_concrete_function(...)`` liefert diesen
Graphen. Dieses Modul liest ihn aus und zeigt ihn:

- ``list_operations`` – die Knoten: eine Operation pro Knoten (Typ, Ein- und
  Ausgabetensoren),
- ``list_edges`` – die Kanten: je ein Tensor, der von einer Operation zur
  nächsten fließt (mit Shape und Datentyp),
- ``edge_values`` – die Werte, die bei einem Aufruf über die Kanten fließen,
- ``plot_graph`` – eine Abbildung mit Matplotlib: Kästen für die Operationen,
  Pfeile für die Tensoren, beschriftet mit ihrer Shape (und ihrem Wert).

Steuerkanten (Reihenfolge ohne Daten) lassen wir weg; sie tragen keine Tensoren.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import matplotlib.pyplot as plt
import numpy as np
import tensorflow as tf
from matplotlib.figure import Figure

#: Operationstypen, über die Daten in den Graphen kommen
SOURCE_TYPES = ("Placeholder", "Const", "VarHandleOp")

_STEP = 1.6  # senkrechter Abstand der Stufen in der Abbildung
_SPREAD = 2.6  # waagerechter Abstand der Knoten einer Stufe

# Datentypen, deren Werte keine Zahlen sind (Verweise auf Variablen u. a.)
_OPAQUE_DTYPES = (tf.resource, tf.variant)


@dataclass(frozen=True)
class Operation:
    """Ein Knoten des Graphen: eine Operation mit Ein- und Ausgabetensoren."""

    name: str
    type: str
    inputs: tuple[str, ...]
    outputs: tuple[str, ...]


@dataclass(frozen=True)
class Edge:
    """Eine Kante: ein Tensor, der von ``source`` zu ``target`` fließt."""

    tensor: str
    source: str
    target: str
    shape: tuple[int | None, ...] | None  # None: nicht einmal die Achsenzahl bekannt
    dtype: str


def _as_graph(graph: Any) -> tf.Graph:
    """``tf.Graph`` oder konkrete Funktion → ``tf.Graph``; sonst ein klarer Fehler."""
    if isinstance(graph, tf.Graph):
        return graph
    inner = getattr(graph, "graph", None)
    if isinstance(inner, tf.Graph):
        return inner
    hint = ""
    if hasattr(graph, "get_concrete_function"):
        hint = (
            " Eine tf.function hat noch keinen festen Graphen: Hole ihn mit "
            "f.get_concrete_function(...)."
        )
    raise TypeError(
        "Erwartet wird ein tf.Graph oder eine konkrete Funktion "
        f"(f.get_concrete_function(...)), bekommen: {type(graph).__name__}.{hint}"
    )


def format_shape(shape: tf.TensorShape | Sequence[int | None] | None) -> str:
    """Shape als Text wie in Keras: ``(None, 3)``, ``(1,)``, ``()``."""
    if shape is None:
        return "(?)"
    if isinstance(shape, tf.TensorShape):
        if shape.rank is None:
            return "(?)"
        shape = shape.as_list()
    return str(tuple(shape))


def list_operations(graph: Any) -> list[Operation]:
    """Alle Operationen (Knoten) des Graphen in der Reihenfolge ihrer Entstehung.

    Jede Operation nennt die Namen ihrer Eingabe- und Ausgabetensoren
    (``"MatMul:0"`` ist die erste Ausgabe der Operation ``MatMul``).
    """
    return [
        Operation(
            name=op.name,
            type=op.type,
            inputs=tuple(t.name for t in op.inputs),
            outputs=tuple(t.name for t in op.outputs),
        )
        for op in _as_graph(graph).get_operations()
    ]


def list_edges(graph: Any) -> list[Edge]:
    """Alle Kanten: ein Eintrag pro Tensor und Operation, die ihn verbraucht."""
    edges = []
    for op in _as_graph(graph).get_operations():
        for tensor in op.inputs:
            shape = tensor.shape
            edges.append(
                Edge(
                    tensor=tensor.name,
                    source=tensor.op.name,
                    target=op.name,
                    shape=None if shape.rank is None else tuple(shape.as_list()),
                    dtype=tensor.dtype.name,
                )
            )
    return edges


def edge_values(function: Any, *args: Any) -> dict[str, np.ndarray]:
    """Die Werte aller Tensoren, wenn die konkrete Funktion mit ``args`` läuft.

    ``function`` ist eine konkrete Funktion (``f.get_concrete_function(...)``),
    ``args`` sind ihre Eingaben in derselben Reihenfolge. Ergebnis: Name des
    Tensors (``"MatMul:0"``) → Wert als NumPy-Array. Tensoren, die nur auf
    Variablen verweisen (Datentyp ``resource``), haben keinen Zahlenwert und
    fehlen im Ergebnis.
    """
    graph = _as_graph(function)
    if not hasattr(function, "captured_inputs"):
        raise TypeError(
            "edge_values braucht die konkrete Funktion selbst "
            "(f.get_concrete_function(...)), nicht nur ihren Graphen."
        )
    captured = list(function.captured_inputs)  # z. B. Variablen einer Keras-Schicht
    placeholders = list(graph.inputs)
    expected = len(placeholders) - len(captured)
    if len(args) != expected:
        raise ValueError(
            f"Die Funktion erwartet {expected} Eingaben, bekommen: {len(args)}."
        )
    feeds = []
    for number, (placeholder, value) in enumerate(
        zip(placeholders, args, strict=False), start=1
    ):
        try:
            tensor = tf.convert_to_tensor(value, dtype=placeholder.dtype)
        except (TypeError, ValueError) as error:
            raise TypeError(
                f"Eingabe {number} lässt sich nicht in den Datentyp "
                f"{placeholder.dtype.name} umwandeln: {error}"
            ) from None
        if not placeholder.shape.is_compatible_with(tensor.shape):
            raise ValueError(
                f"Eingabe {number} hat die Shape {format_shape(tensor.shape)}, "
                f"der Graph erwartet {format_shape(placeholder.shape)}."
            )
        feeds.append(tensor)
    feeds += captured

    fetch = [
        t.name
        for op in graph.get_operations()
        for t in op.outputs
        if t.dtype not in _OPAQUE_DTYPES
    ]
    graph_def = graph.as_graph_def()

    def import_graph() -> None:
        tf.compat.v1.import_graph_def(graph_def, name="")

    # Den Graphen so zuschneiden, dass er alle Zwischenergebnisse zurückgibt
    wrapped = tf.compat.v1.wrap_function(import_graph, [])
    pruned = wrapped.prune(feeds=[p.name for p in placeholders], fetches=fetch)
    results = pruned(*feeds)
    return {name: np.asarray(value) for name, value in zip(fetch, results, strict=True)}


def _format_value(value: np.ndarray, digits: int = 4) -> str:
    """Kleine Tensoren als Zahlen mit deutschem Komma, große nur als Hinweis."""
    value = np.asarray(value)
    if value.size > 4:
        return f"{value.size} Werte"
    numbers = [
        f"{float(v):.{digits}g}".replace(".", ",").replace("-", "−")
        for v in value.ravel()
    ]
    return "[" + "; ".join(numbers) + "]"


def _layout(ops: Sequence[tf.Operation]) -> dict[str, tuple[float, float]]:
    """Positionen der Knoten, von oben nach unten in Stufen.

    Stufe = Länge des längsten Wegs von einer Quelle. Quellen (Eingaben,
    Konstanten) stehen direkt über ihrem ersten Verbraucher, damit kein Pfeil
    über mehrere Stufen läuft.
    """
    names = {op.name for op in ops}
    level: dict[str, int] = {}
    for op in ops:  # get_operations() ist schon topologisch sortiert
        parents = [t.op.name for t in op.inputs if t.op.name in names]
        level[op.name] = 1 + max((level[p] for p in parents), default=-1)
    consumers: dict[str, list[str]] = {op.name: [] for op in ops}
    for op in ops:
        for t in op.inputs:
            if t.op.name in names:
                consumers[t.op.name].append(op.name)
    for op in ops:
        if not op.inputs and consumers[op.name]:
            level[op.name] = min(level[c] for c in consumers[op.name]) - 1
    shift = min(level.values())
    rows: dict[int, list[str]] = {}
    for op in ops:
        rows.setdefault(level[op.name] - shift, []).append(op.name)
    positions = {}
    for row, members in rows.items():
        for index, name in enumerate(members):
            x = _SPREAD * (index - (len(members) - 1) / 2)
            positions[name] = (x, -_STEP * row)
    return positions


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
    g = _as_graph(graph)
    ops = [op for op in g.get_operations() if op.inputs or op.outputs]
    if not ops:
        raise ValueError("Der Graph enthält keine Operationen mit Tensoren.")
    if values is not None:
        known = {t.name for op in ops for t in op.outputs}
        unknown = sorted(set(values) - known)
        if unknown:
            raise ValueError(f"Diese Tensoren gibt es im Graphen nicht: {unknown}.")
    positions = _layout(ops)
    graph_outputs = [t for t in getattr(g, "outputs", []) if t.op.name in positions]

    xs = [x for x, _ in positions.values()]
    ys = [y for _, y in positions.values()]
    bottom = min(ys) - _STEP * bool(graph_outputs)
    # Platz für die halbe Breite eines Kastens links und rechts
    left, right = min(xs) - 0.65 * _SPREAD, max(xs) + 0.65 * _SPREAD
    width = 0.8 * (right - left)  # Zoll; so bleibt die Schrift lesbar groß
    height = 0.7 * (max(ys) - bottom + 1.0) + 0.4 * bool(title)
    fig, ax = plt.subplots(figsize=(max(width, 4.0), height), layout="constrained")
    ax.set_xlim(left, right)
    ax.set_ylim(bottom - 0.5, max(ys) + 0.5)
    ax.axis("off")
    if title:
        ax.set_title(title)

    boxes = {}
    for op in ops:
        source = op.type in SOURCE_TYPES
        # Typ oben, darunter der Name (ohne Präfixe wie „neuron_1/“), falls anders
        short = op.name.rsplit("/", 1)[-1]
        text = op.type if short == op.type else f"{op.type}\n{short}"
        boxes[op.name] = ax.text(
            *positions[op.name],
            text,
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

    def label(tensor: tf.Tensor) -> str:
        if tensor.dtype in _OPAQUE_DTYPES:
            return tensor.dtype.name  # ein Verweis auf eine Variable, keine Zahlen
        text = format_shape(tensor.shape)
        if values is not None and tensor.name in values:
            text += "\n" + _format_value(values[tensor.name])
        return text

    def arrow(start: Any, end: Any, xy_start: Any, xy_end: Any, text: str) -> None:
        ax.annotate(
            "",
            xy=(0.5, 0.5) if end is not None else xy_end,
            xycoords=end if end is not None else "data",
            xytext=(0.5, 0.5),
            textcoords=start,
            arrowprops={
                "arrowstyle": "-|>",
                "color": "0.35",
                "shrinkA": 2,
                "shrinkB": 2,
                "patchA": start.get_bbox_patch(),
                "patchB": end.get_bbox_patch() if end is not None else None,
            },
            zorder=1,
        )
        (x0, y0), (x1, y1) = xy_start, xy_end
        ax.text(
            (x0 + x1) / 2,
            (y0 + y1) / 2,
            text,
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

    for op in ops:
        for tensor in op.inputs:
            source_name = tensor.op.name
            if source_name in boxes:
                arrow(
                    boxes[source_name],
                    boxes[op.name],
                    positions[source_name],
                    positions[op.name],
                    label(tensor),
                )
    for tensor in graph_outputs:
        x, y = positions[tensor.op.name]
        ax.text(x, y - _STEP, "Ausgabe", ha="center", va="center", style="italic")
        end = (x, y - _STEP + 0.25)
        arrow(boxes[tensor.op.name], None, (x, y), end, label(tensor))
    return fig
