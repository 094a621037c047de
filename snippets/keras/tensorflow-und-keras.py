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
