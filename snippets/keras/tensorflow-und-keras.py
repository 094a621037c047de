"""Was ist TensorFlow? Was ist Keras?

Macht den Datenflussgraphen einer tf.function sichtbar (Operationen als Knoten,
Tensoren als Kanten) und zeigt, wie Keras 3 auf seinem Backend rechnet.
Seite: docs/keras/tensorflow-und-keras.md
"""

# --8<-- [start:eager]
import tensorflow as tf

x = tf.constant([[0.5, 0.2, 0.9]])  # ein Sample mit 3 Features, Shape (1, 3)
w = tf.constant([[0.5], [-0.3], [0.1]])  # 3 Gewichte, Shape (3, 1)
b = tf.constant([0.1])  # der Bias, Shape (1,)

u = tf.matmul(x, w) + b  # sofort ausgerechnet (eager)
print(u)
print("als NumPy-Array:", u.numpy())
# --8<-- [end:eager]

# --8<-- [start:graph]
import tensorflow as tf


@tf.function
def neuron(x, w, b):
    return tf.sigmoid(tf.matmul(x, w) + b)


# Den Graphen für diese Eingaben aufzeichnen lassen: None = beliebig viele Samples
concrete = neuron.get_concrete_function(
    tf.TensorSpec(shape=(None, 3), dtype=tf.float32, name="x"),
    tf.TensorSpec(shape=(3, 1), dtype=tf.float32, name="w"),
    tf.TensorSpec(shape=(1,), dtype=tf.float32, name="b"),
)
for op in concrete.graph.get_operations():
    inputs = ", ".join(tensor.name for tensor in op.inputs) or "–"
    print(f"{op.name:9} {op.type:12} Eingaben: {inputs}")
# --8<-- [end:graph]

# --8<-- [start:edges]
import tensorflow as tf

from mnist_lib.graph import edge_values, format_shape, list_edges


@tf.function
def neuron(x, w, b):
    return tf.sigmoid(tf.matmul(x, w) + b)


concrete = neuron.get_concrete_function(
    tf.TensorSpec(shape=(None, 3), dtype=tf.float32, name="x"),
    tf.TensorSpec(shape=(3, 1), dtype=tf.float32, name="w"),
    tf.TensorSpec(shape=(1,), dtype=tf.float32, name="b"),
)
# Das Neuron aus der Lektion über Aktivierungsfunktionen
values = edge_values(concrete, [[0.5, 0.2, 0.9]], [[0.5], [-0.3], [0.1]], [0.1])
for edge in list_edges(concrete):
    arrow = f"{edge.source} → {edge.target}"
    value = values[edge.tensor].ravel().round(4)
    print(f"{edge.tensor:10} {arrow:18} {format_shape(edge.shape):10} {value}")
output = concrete.graph.outputs[0].name
print("Ausgabe der Funktion:", output, values[output].ravel().round(4))
# --8<-- [end:edges]

# --8<-- [start:graph-figure]
import matplotlib.pyplot as plt
import tensorflow as tf

from mnist_lib.graph import edge_values, plot_graph
from mnist_lib.plotting import figure_html  # markdown-exec: hide

level = tf.get_logger().level  # markdown-exec: hide
tf.get_logger().setLevel("ERROR")  # markdown-exec: hide


@tf.function
def neuron(x, w, b):
    return tf.sigmoid(tf.matmul(x, w) + b)


concrete = neuron.get_concrete_function(
    tf.TensorSpec(shape=(None, 3), dtype=tf.float32, name="x"),
    tf.TensorSpec(shape=(3, 1), dtype=tf.float32, name="w"),
    tf.TensorSpec(shape=(1,), dtype=tf.float32, name="b"),
)
values = edge_values(concrete, [[0.5, 0.2, 0.9]], [[0.5], [-0.3], [0.1]], [0.1])
fig = plot_graph(concrete, values, title="Ein Neuron als Datenflussgraph")
tf.get_logger().setLevel(level)  # markdown-exec: hide
print(figure_html(fig, alt="Datenflussgraph des Neurons von oben nach unten: Die grünen Eingabeknoten x und w (Placeholder) führen mit Pfeilen zum Knoten MatMul, beschriftet mit den Shapes (None, 3) und (3, 1) und den Werten 0,5; 0,2; 0,9 und 0,5; −0,3; 0,1. MatMul und der Eingabeknoten b führen zu AddV2 (Werte 0,28 und 0,1), von dort geht es mit 0,38 zu Sigmoid, mit 0,5939 zu Identity und mit 0,5939 zur Ausgabe. Alle Pfeile zwischen den Rechenknoten tragen die Shape (None, 1)."))  # markdown-exec: hide  # noqa: E501  # fmt: skip
plt.show()
# --8<-- [end:graph-figure]

# --8<-- [start:tracing]
import tensorflow as tf


@tf.function
def square(x):
    print("Python läuft: TensorFlow zeichnet einen Graphen auf")
    return x * x


print(square(tf.constant(2.0)).numpy())
print(square(tf.constant(3.0)).numpy())  # gleiche Shape: derselbe Graph
print(square(tf.constant([1.0, 2.0])).numpy())  # neue Shape: neuer Graph
print("aufgezeichnete Graphen:", square.experimental_get_tracing_count())
# --8<-- [end:tracing]

# --8<-- [start:backend]
import keras
import numpy as np

print("Backend:", keras.config.backend())
x = np.array([[0.5, 0.2, 0.9]], dtype="float32")
w = np.array([[0.5], [-0.3], [0.1]], dtype="float32")
y = keras.ops.sigmoid(keras.ops.matmul(x, w) + 0.1)  # NumPy rein, Tensor raus
print("Klasse des Ergebnisses:", type(y).__name__)
print("zurück zu NumPy:", keras.ops.convert_to_numpy(y).round(4))
# --8<-- [end:backend]

# --8<-- [start:versions]
import keras
import tensorflow as tf

print(f"Keras {keras.__version__} auf TensorFlow {tf.__version__}")
print("Backend:", keras.config.backend())
# --8<-- [end:versions]

# --8<-- [start:keras_graph]
import textwrap

import keras
import numpy as np
import tensorflow as tf

from mnist_lib.graph import edge_values

layer = keras.layers.Dense(1, activation="sigmoid")
layer.build((None, 3))
layer.set_weights([np.array([[0.5], [-0.3], [0.1]]), np.array([0.1])])


@tf.function
def forward(x):
    return layer(x)


concrete = forward.get_concrete_function(tf.TensorSpec((None, 3), tf.float32))
types = [op.type for op in concrete.graph.get_operations()]
print(textwrap.fill("Operationen: " + ", ".join(types), width=64))
values = edge_values(concrete, [[0.5, 0.2, 0.9]])
print("Ausgabe:", values[concrete.graph.outputs[0].name].ravel().round(4))
# --8<-- [end:keras_graph]

# --8<-- [start:keras-graph-figure]
import keras
import matplotlib.pyplot as plt
import numpy as np
import tensorflow as tf

from mnist_lib.graph import edge_values, plot_graph
from mnist_lib.plotting import figure_html  # markdown-exec: hide

level = tf.get_logger().level  # markdown-exec: hide
tf.get_logger().setLevel("ERROR")  # markdown-exec: hide

layer = keras.layers.Dense(1, activation="sigmoid")
layer.build((None, 3))
layer.set_weights([np.array([[0.5], [-0.3], [0.1]]), np.array([0.1])])


@tf.function
def forward(x):
    return layer(x)


concrete = forward.get_concrete_function(tf.TensorSpec((None, 3), tf.float32))
values = edge_values(concrete, [[0.5, 0.2, 0.9]])
fig = plot_graph(concrete, values, title="Eine Dense-Schicht als Datenflussgraph")
tf.get_logger().setLevel(level)  # markdown-exec: hide
print(figure_html(fig, alt="Datenflussgraph der Keras-Schicht Dense mit einem Neuron: Zwei grüne Placeholder-Knoten mit dem Datentyp resource verweisen auf die Variablen der Schicht; je ein ReadVariableOp liest daraus die Gewichte (Shape (3, 1), Werte 0,5; −0,3; 0,1) und den Bias (Shape (1,), Wert 0,1). Die Gewichte und die Eingabe x (Shape (None, 3)) führen zu MatMul, von dort geht es mit 0,28 und dem Bias zu AddV2, mit 0,38 zu Sigmoid und mit 0,5939 über Identity zur Ausgabe."))  # markdown-exec: hide  # noqa: E501  # fmt: skip
plt.show()
# --8<-- [end:keras-graph-figure]

# --8<-- [start:loesung-1]
import tensorflow as tf


@tf.function
def relu_layer(x, w, b):
    return tf.nn.relu(tf.matmul(x, w) + b)


concrete = relu_layer.get_concrete_function(
    tf.TensorSpec((None, 3), tf.float32, name="x"),
    tf.TensorSpec((3, 2), tf.float32, name="w"),
    tf.TensorSpec((2,), tf.float32, name="b"),
)
for op in concrete.graph.get_operations():
    print(f"{op.type:12} {op.outputs[0].shape}")
# --8<-- [end:loesung-1]

# --8<-- [start:loesung-2]
import tensorflow as tf

from mnist_lib.graph import list_edges


@tf.function
def mse(y_true, y_pred):
    return tf.reduce_mean(tf.square(y_true - y_pred))


concrete = mse.get_concrete_function(
    tf.TensorSpec((None,), tf.float32, name="y_true"),
    tf.TensorSpec((None,), tf.float32, name="y_pred"),
)
print([op.type for op in concrete.graph.get_operations()])
for edge in list_edges(concrete):
    if edge.source == "Const":
        print(f"{edge.tensor} → {edge.target}, Shape {edge.shape}")
# --8<-- [end:loesung-2]

# --8<-- [start:loesung-3]
import tensorflow as tf


@tf.function
def square(x):
    return x * x


for value in [2.0, 5.0, [1.0, 2.0], [3.0, 4.0], 2]:
    square(tf.constant(value))
print("aufgezeichnete Graphen:", square.experimental_get_tracing_count())
# --8<-- [end:loesung-3]

# --8<-- [start:loesung-4]
import keras
import numpy as np

from mnist_lib.activations import sigmoid

x = np.array([[0.5, 0.2, 0.9], [1.0, 0.0, -1.0]], dtype="float32")
w = np.array([[0.5], [-0.3], [0.1]], dtype="float32")
b = np.array([0.1], dtype="float32")
y = keras.ops.convert_to_numpy(keras.ops.sigmoid(keras.ops.matmul(x, w) + b))
print("Backend:", keras.config.backend())
print("Ausgaben:", y.ravel().round(4))
print("wie NumPy:", np.allclose(y, sigmoid(x @ w + b)))
# --8<-- [end:loesung-4]

# --8<-- [start:loesung-5]
import tensorflow as tf

x = tf.constant([[0.5, 0.2, 0.9]])  # unser Sample
y = tf.constant([[1.0]])  # Zielwert: Die gewichtete Summe u soll 1 werden.


@tf.function
def train_step(w, b, eta):
    with tf.GradientTape() as tape:
        u = tf.matmul(x, w) + b  # ohne Aktivierungsfunktion
        loss = tf.reduce_mean(tf.square(y - u))  # L = (y − u)²
    g_w, g_b = tape.gradient(loss, [w, b])
    w.assign_sub(eta * g_w)  # w ← w − η · g
    b.assign_sub(eta * g_b)
    return loss  # der Verlust vor diesem Schritt


results = {}
for eta in [0.05, 0.2, 0.6]:
    w = tf.Variable([[0.5], [-0.3], [0.1]])  # jedes Mal dieselben Startwerte
    b = tf.Variable([0.1])
    # η als Tensor: Eine Python-Zahl würde für jeden neuen Wert neu aufzeichnen.
    losses = [float(train_step(w, b, tf.constant(eta))) for _ in range(10)]
    u = tf.matmul(x, w) + b  # nach dem zehnten Schritt
    losses.append(float(tf.reduce_mean(tf.square(y - u))))
    results[eta] = losses
    print(
        f"η = {eta:4}: L nach 0, 5, 10 Schritten:"
        f" {losses[0]:8.4f} {losses[5]:8.4f} {losses[10]:8.4f}"
    )
print("aufgezeichnete Graphen:", train_step.experimental_get_tracing_count())

assert results[0.05][10] < results[0.05][5] < results[0.05][0]  # sinkt langsam
assert results[0.2][5] < results[0.05][10]  # sinkt schneller
assert results[0.6][10] > results[0.6][5] > results[0.6][0]  # wächst
# --8<-- [end:loesung-5]
