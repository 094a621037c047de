"""mnist_lib.graph: Kanten, Werte und Abbildung eines tf.function-Graphen."""

from __future__ import annotations

import keras
import matplotlib.pyplot as plt
import numpy as np
import pytest
import tensorflow as tf
from matplotlib.figure import Figure

from mnist_lib.activations import sigmoid
from mnist_lib.graph import Edge, edge_values, format_shape, list_edges, plot_graph

X = [[0.5, 0.2, 0.9]]
W = [[0.5], [-0.3], [0.1]]
B = [0.1]


@pytest.fixture(autouse=True)
def _close_figures():
    yield
    plt.close("all")


@tf.function
def neuron(x, w, b):
    return tf.sigmoid(tf.matmul(x, w) + b)


@pytest.fixture(scope="module")
def concrete():
    return neuron.get_concrete_function(
        tf.TensorSpec((None, 3), tf.float32, name="x"),
        tf.TensorSpec((3, 1), tf.float32, name="w"),
        tf.TensorSpec((1,), tf.float32, name="b"),
    )


@pytest.fixture(scope="module")
def dense_concrete():
    layer = keras.layers.Dense(1, activation="sigmoid")
    layer.build((None, 3))
    layer.set_weights([np.array(W), np.array(B)])

    @tf.function
    def forward(x):
        return layer(x)

    return layer, forward.get_concrete_function(tf.TensorSpec((None, 3), tf.float32))


def output_names(concrete) -> set[str]:
    return {t.name for op in concrete.graph.get_operations() for t in op.outputs}


def test_edges_carry_tensors_with_shapes(concrete) -> None:
    edges = list_edges(concrete)
    assert edges[0] == Edge("x:0", "x", "MatMul", (None, 3), "float32")
    assert [(e.source, e.target) for e in edges] == [
        ("x", "MatMul"),
        ("w", "MatMul"),
        ("MatMul", "add"),
        ("b", "add"),
        ("add", "Sigmoid"),
        ("Sigmoid", "Identity"),
    ]
    assert [e.tensor for e in edges[2:4]] == ["MatMul:0", "b:0"]
    assert {e.shape for e in edges[4:]} == {(None, 1)}
    # Jede Kante gehört zu genau einem Eingabetensor einer Operation
    inputs = sum(len(op.inputs) for op in concrete.graph.get_operations())
    assert len(edges) == inputs
    # Ein tf.Graph geht genauso wie die konkrete Funktion
    assert list_edges(concrete.graph) == edges


def test_edge_values_match_hand_calculation(concrete) -> None:
    values = edge_values(concrete, X, W, B)
    u = np.array(X) @ np.array(W) + np.array(B)  # 0,38
    np.testing.assert_allclose(values["MatMul:0"], [[0.28]], rtol=1e-6)
    np.testing.assert_allclose(values["add:0"], u, rtol=1e-6)
    np.testing.assert_allclose(values["Sigmoid:0"], sigmoid(u), rtol=1e-6)
    # … und mit dem, was die Funktion selbst liefert
    np.testing.assert_allclose(
        values["Identity:0"],
        concrete(
            *map(tf.constant, (np.float32(X), np.float32(W), np.float32(B)))
        ).numpy(),
    )
    assert set(values) == output_names(concrete)


def test_edge_values_for_a_batch(concrete) -> None:
    batch = np.array([[0.5, 0.2, 0.9], [1.0, 0.0, -1.0]])
    values = edge_values(concrete, batch, W, B)
    assert values["add:0"].shape == (2, 1)
    np.testing.assert_allclose(values["add:0"].ravel(), [0.38, 0.5], rtol=1e-6)


def test_edge_values_with_keras_variables(dense_concrete) -> None:
    layer, concrete = dense_concrete
    values = edge_values(concrete, X)
    output = concrete.graph.outputs[0].name
    expected = keras.ops.convert_to_numpy(layer(np.array(X, dtype="float32")))
    np.testing.assert_allclose(values[output], expected, rtol=1e-6)
    # Verweise auf Variablen (resource) haben keinen Zahlenwert
    resource = [e.tensor for e in list_edges(concrete) if e.dtype == "resource"]
    assert len(resource) == 2
    assert not set(resource) & set(values)
    reads = [e for e in list_edges(concrete) if e.target.endswith("ReadVariableOp")]
    assert [e.dtype for e in reads] == ["resource", "resource"]
    assert set(values) == output_names(concrete) - set(resource)


def test_format_shape() -> None:
    assert format_shape((None, 3)) == "(None, 3)"
    assert format_shape([1]) == "(1,)"
    assert format_shape(()) == "()"
    assert format_shape(None) == "(?)"
    # So kommen die Shapes aus list_edges: als Tupel, None bei unbekannter Achsenzahl
    unknown = tf.function(lambda x: x).get_concrete_function(tf.TensorSpec(None))
    (edge,) = list_edges(unknown)
    assert format_shape(edge.shape) == "(?)"


def test_plot_graph_draws_operations_and_labelled_edges(concrete) -> None:
    fig = plot_graph(concrete, edge_values(concrete, X, W, B), title="Neuron")
    assert isinstance(fig, Figure)
    ax = fig.axes[0]
    assert ax.get_title() == "Neuron"
    texts = [t.get_text() for t in ax.texts]
    boxes = [t for t in ax.texts if t.get_bbox_patch() is not None]
    # 7 Operationen als Kästen, dazu die Beschriftungen der Pfeile
    assert {"Placeholder\nx", "MatMul", "AddV2\nadd", "Sigmoid", "Identity"} <= set(
        texts
    )
    assert "(None, 1)\n[0,38]" in texts
    assert "(3, 1)\n[0,5; −0,3; 0,1]" in texts
    assert "Ausgabe" in texts
    arrows = [a for a in ax.texts if type(a).__name__ == "Annotation"]
    assert len(arrows) == len(list_edges(concrete)) + 1  # + Pfeil zur Ausgabe
    assert len(boxes) >= 7
    fig.canvas.draw()  # Pfeile zwischen Kästen lassen sich wirklich zeichnen


def test_plot_graph_without_values_shows_shapes_only(dense_concrete) -> None:
    _, concrete = dense_concrete
    fig = plot_graph(concrete)
    texts = [t.get_text() for t in fig.axes[0].texts]
    assert "(None, 3)" in texts
    assert texts.count("resource") == 2
    assert not any(t.startswith("NoOp") for t in texts)  # ohne Datenkanten: weg
    fig.canvas.draw()


def test_wrong_inputs_give_german_errors(concrete) -> None:
    with pytest.raises(TypeError, match=r"bekommen: Function\..*get_concrete_function"):
        list_edges(neuron)
    with pytest.raises(TypeError, match=r"tf\.Graph oder eine konkrete Funktion"):
        list_edges([1, 2, 3])
    with pytest.raises(TypeError, match=r"tf\.Graph oder eine konkrete Funktion"):
        plot_graph("Graph")
    with pytest.raises(TypeError, match="konkrete Funktion selbst"):
        edge_values(concrete.graph, X, W, B)
    with pytest.raises(ValueError, match="erwartet 3 Eingaben, bekommen: 2"):
        edge_values(concrete, X, W)
    with pytest.raises(ValueError, match=r"Eingabe 2 hat die Shape \(1, 3\)"):
        edge_values(concrete, X, [[0.5, -0.3, 0.1]], B)
    with pytest.raises(TypeError, match="Eingabe 1 lässt sich nicht"):
        edge_values(concrete, [["a", "b", "c"]], W, B)
    with pytest.raises(ValueError, match="gibt es im Graphen nicht"):
        plot_graph(concrete, {"gibt_es_nicht:0": np.zeros(1)})
    with pytest.raises(ValueError, match="keine Operationen"):
        plot_graph(tf.Graph())
