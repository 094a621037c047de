"""mnist_lib.plotting: Aktivierungskurven und Abbildungen als <img>.

Die Abbildungen der Optimierer und das Zeichnen des kleinen Netzes prüfen
tests/test_optimizers.py und tests/test_numpy_net.py; hier stehen die übrigen
Fehlermeldungen von plot_network.
"""

from __future__ import annotations

import base64
import re

import matplotlib.pyplot as plt
import numpy as np
import pytest

from mnist_lib import activations as act
from mnist_lib.plotting import figure_html, plot_activations, plot_network

TITLES = [
    "Schwellenwertfunktion",
    "Sigmoid",
    "Tangens hyperbolicus",
    "ReLU",
    "ReLU6",
    "ELU",
    "Softplus",
    "Softsign",
    "Softmax",
    "Log-Softmax",
]


@pytest.fixture(autouse=True)
def _close_figures():
    yield
    plt.close("all")


@pytest.fixture(scope="module")
def curves() -> dict[str, tuple[np.ndarray, np.ndarray, np.ndarray]]:
    """Titel → (u, Funktion, Ableitung), so wie plot_activations sie zeichnet."""
    fig = plot_activations()
    result = {}
    for ax in fig.axes:
        function, derivative = ax.get_lines()[:2]
        u, values = function.get_data()
        np.testing.assert_array_equal(derivative.get_xdata(), u)
        result[ax.get_title()] = (u, values, derivative.get_ydata())
    plt.close(fig)
    return result


def test_plot_activations_draws_every_function_in_page_order() -> None:
    fig = plot_activations()
    assert [ax.get_title() for ax in fig.axes] == TITLES
    assert [line.get_label() for line in fig.axes[0].get_lines()[:2]] == [
        "Funktion",
        "Ableitung",
    ]
    assert fig.axes[0].get_legend() is not None
    assert fig.axes[1].get_xlabel() == "u"
    assert fig.axes[-1].get_xlabel() == "u  (Eingabe [u, 0])"


def test_elementwise_curves_are_the_library_functions(curves) -> None:
    for (function, derivative), title in zip(
        act.ELEMENTWISE.values(), TITLES, strict=False
    ):
        u, values, slope = curves[title]
        np.testing.assert_array_equal(values, function(u))
        np.testing.assert_array_equal(slope, derivative(u))
    u = curves["ReLU6"][0]
    assert u.min() < 0 and u.max() > 6  # der Deckel bei 6 ist zu sehen


def test_softmax_curves_for_two_classes(curves) -> None:
    # softmax([u, 0])_0 = σ(u), log_softmax([u, 0])_0 = −softplus(−u)
    u, values, slope = curves["Softmax"]
    np.testing.assert_allclose(values, act.sigmoid(u), rtol=1e-14)
    np.testing.assert_allclose(slope, act.sigmoid_derivative(u), rtol=1e-12)
    u, values, slope = curves["Log-Softmax"]
    np.testing.assert_allclose(values, -act.softplus(-u), rtol=1e-14, atol=1e-15)
    np.testing.assert_allclose(slope, 1 - act.sigmoid(u), rtol=1e-12, atol=1e-15)


@pytest.mark.parametrize("title", TITLES)
def test_derivative_curve_is_the_slope_of_the_function_curve(curves, title) -> None:
    u, values, slope = curves[title]
    smooth = (np.abs(u) > 0.05) & (np.abs(u - 6) > 0.05)  # ohne die Knicke
    # Differenzenquotient mit h = 0,025: Fehler etwa h² · |f'''(u)| / 6 < 1e-3
    numerical = np.gradient(values, u, edge_order=2)
    np.testing.assert_allclose(numerical[smooth], slope[smooth], atol=1e-3)


@pytest.mark.parametrize(
    ("fmt", "mime"), [("svg", "image/svg+xml"), ("png", "image/png")]
)
def test_figure_html_embeds_image_with_alt_text(fmt: str, mime: str) -> None:
    fig, ax = plt.subplots()
    ax.plot([1, 2, 3], [3, 1, 2])
    html = figure_html(fig, alt="Lernkurven „Training“ & Validierung", fmt=fmt)
    match = re.fullmatch(
        rf'<img class="abbildung" src="data:{re.escape(mime)};base64,'
        r'([A-Za-z0-9+/=]+)" '
        r'alt="Lernkurven „Training“ &amp; Validierung">',
        html,
    )
    assert match, html[:200]
    payload = base64.b64decode(match.group(1))
    assert payload.startswith(b"<?xml" if fmt == "svg" else b"\x89PNG")
    assert not plt.get_fignums(), "Abbildung wurde nicht geschlossen"


def test_figure_html_needs_alt_text_and_known_format() -> None:
    fig, _ = plt.subplots()
    for alt in ("  ", "", None):
        with pytest.raises(ValueError, match="braucht einen Alternativtext"):
            figure_html(fig, alt=alt)
    with pytest.raises(
        ValueError, match="Das Bildformat 'gif' ist unbekannt; möglich: svg, png"
    ):
        figure_html(fig, alt="Bild", fmt="gif")


def test_plot_network_explains_what_does_not_fit() -> None:
    weights = [np.ones((2, 2)), np.ones((1, 2))]
    labels = [["a", "b"], ["c", "d"], ["e"]]
    with pytest.raises(ValueError, match="mindestens eine Gewichtsmatrix"):
        plot_network([], [])
    with pytest.raises(ValueError, match=r"Gewichtsmatrix 0 braucht mindestens 2"):
        plot_network([np.ones(2)], [["a"], ["b"]])
    with pytest.raises(ValueError, match=r"Gewichtsmatrix 1 hat die Shape \(1, 3\)"):
        plot_network([np.ones((2, 2)), np.ones((1, 3))], labels)
    with pytest.raises(ValueError, match=r"Text pro Neuron: \[2, 2, 1\]"):
        plot_network(weights, [["a", "b"], ["c", "d"]])
    with pytest.raises(ValueError, match="layer_names braucht 3 Einträge"):
        plot_network(weights, labels, ["Eingabe", "Ausgabe"])
    assert (
        len(plot_network(weights, labels).axes[0].patches) == 5
    )  # ein Kreis je Neuron
