"""Zeichne eine Ziffer.

Trainiert ein kleines NumPy-Netz auf MNIST, speichert seine Gewichte als float16
und zeigt, wie eine Zeichnung zu einer Eingabe wie bei MNIST wird.
Seite: docs/vertiefung/zeichne-eine-ziffer.md
"""

# --8<-- [start:training]
import keras
import numpy as np

from mnist_lib.numpy_net import MiniBatchNetwork
from mnist_lib.optimizers import RMSprop

(x_train, y_train), (x_test, y_test) = keras.datasets.mnist.load_data()
n_train = min(len(x_train), 10_000)  # höchstens 10 000 Bilder: wenige Sekunden
x = x_train[:n_train].reshape(n_train, -1).astype("float32") / 255
x_test_flat = x_test.reshape(len(x_test), -1).astype("float32") / 255

net = MiniBatchNetwork(
    (784, 32, 10),  # eine verdeckte Schicht mit 32 Neuronen
    activation="sigmoid",  # in der verdeckten Schicht; am Ausgang Softmax
    optimizer=RMSprop(),
    seed=42,  # Startgewichte und Mischen: bei jedem Lauf dasselbe Netz
)
net.fit(x, y_train[:n_train], epochs=20, batch_size=32)
_, accuracy = net.evaluate(x_test_flat, y_test)
print(f"{n_train} Trainingsbilder, {len(x_test)} Testbilder")
print(f"Genauigkeit auf der Testmenge, Gewichte float32: {accuracy:.1%}")

# Für den Browser: jedes Gewicht als float16 (2 statt 4 Bytes), dann neu messen
net.params = [p.astype(np.float16).astype(np.float32) for p in net.params]
_, accuracy = net.evaluate(x_test_flat, y_test)
print(f"Genauigkeit auf der Testmenge, Gewichte float16: {accuracy:.1%}")
n_weights = sum(p.size for p in net.params)
print(f"{n_weights} Gewichte und Biases, als float16 {2 * n_weights / 1000:.0f} kB")
# --8<-- [end:training]

# --8<-- [start:steps]
import matplotlib.pyplot as plt
import numpy as np

from mnist_lib.drawing import preprocess_steps

# Eine Testziffer als „Zeichnung“: 8-mal so groß, links oben in einem 280 × 280-Feld
digit = x_test[np.flatnonzero(y_test == 7)[0]]  # die erste Sieben
rows, cols = np.nonzero(digit)
strokes = digit[rows.min() : rows.max() + 1, cols.min() : cols.max() + 1]
strokes = np.kron(strokes, np.ones((8, 8), dtype=np.uint8))
canvas = np.zeros((280, 280), dtype=np.uint8)
canvas[10 : 10 + strokes.shape[0], 20 : 20 + strokes.shape[1]] = strokes

crop, small, centered = preprocess_steps(canvas)
titles = [
    f"Zeichenfeld {canvas.shape[0]} × {canvas.shape[1]}",
    f"Ausschnitt {crop.shape[0]} × {crop.shape[1]}",
    f"verkleinert {small.shape[0]} × {small.shape[1]}",
    "zentriert 28 × 28",
]
fig, axes = plt.subplots(1, 4, figsize=(11, 3.2), layout="constrained")
for ax, image, title in zip(axes, [canvas, crop, small, centered], titles, strict=True):
    ax.imshow(image, cmap="Greys")  # dunkel = viel Tinte
    ax.set_title(title)
    ax.set_xticks([])
    ax.set_yticks([])
axes[3].plot(14, 14, "r+", markersize=14)  # Bildpunkt (14, 14): Schwerpunkt bei MNIST
from mnist_lib.drawing import export_network  # markdown-exec: hide
from mnist_lib.plotting import figure_html  # markdown-exec: hide

print(figure_html(fig, alt="Vier Bilder einer handgeschriebenen Sieben aus der Testmenge. Erstens das große Zeichenfeld, in dem die Ziffer achtfach vergrößert links oben steht. Zweitens der Ausschnitt, der nur die Ziffer umschließt. Drittens derselbe Ausschnitt verkleinert, sodass die längere Seite 20 Bildpunkte hat. Viertens das 28 × 28-Feld, in dem die Ziffer so verschoben ist, dass ihr Schwerpunkt auf Bildpunkt (14, 14) liegt; ein rotes Kreuz markiert diesen Bildpunkt."))  # markdown-exec: hide  # noqa: E501  # fmt: skip
print(f'<script type="application/json" id="nnv-zeichnen-daten">{export_network(net, accuracy, x_test[:30], y_test[:30])}</script>')  # markdown-exec: hide  # noqa: E501  # fmt: skip
plt.show()
# --8<-- [end:steps]

# --8<-- [start:unchanged]
from mnist_lib.drawing import preprocess_drawing

# braucht x_test aus dem ersten Abschnitt
unchanged = sum(
    np.array_equal(preprocess_drawing(digit), digit.astype("float32") / 255)
    for digit in x_test
)
print(f"{unchanged} von {len(x_test)} Testziffern überstehen die Schritte unverändert")
# --8<-- [end:unchanged]

# --8<-- [start:exercise_shift]
# braucht net, x_test, x_test_flat und y_test aus dem ersten Abschnitt
for shift in [0, 2, 4, 6]:
    moved = np.roll(x_test, shift, axis=2)  # alle Ziffern nach rechts schieben
    moved_flat = moved.reshape(len(moved), -1).astype("float32") / 255
    _, shifted_accuracy = net.evaluate(moved_flat, y_test)
    print(f"{shift} Bildpunkte nach rechts: Genauigkeit {shifted_accuracy:.1%}")
# --8<-- [end:exercise_shift]
