"""mnist_lib.plotting: Lernkurven und Ziffernbilder."""

from __future__ import annotations

import matplotlib.pyplot as plt
import numpy as np
import pytest

from mnist_lib.data import MnistDataError, load_mnist
from mnist_lib.plotting import figure_html, plot_history, show_digit, show_digits

HISTORY = {
    "accuracy": [0.5, 0.7, 0.8],
    "val_accuracy": [0.45, 0.65, 0.7],
    "loss": [1.5, 0.9, 0.6],
    "val_loss": [1.6, 1.0, 0.8],
}


@pytest.fixture(autouse=True)
def _close_figures():
    yield
    plt.close("all")


def test_plot_history_titles_and_data() -> None:
    fig = plot_history(HISTORY)
    acc_ax, loss_ax = fig.axes
    assert acc_ax.get_title() == "Trainings- und Validierungsgenauigkeit"
    assert loss_ax.get_title() == "Trainings- und Validierungsverlust"
    assert acc_ax.get_xlabel() == "Epoche"
    train, val = acc_ax.get_lines()
    np.testing.assert_array_equal(train.get_xdata(), [1, 2, 3])
    np.testing.assert_array_equal(val.get_ydata(), HISTORY["val_accuracy"])
    labels = [t.get_text() for t in loss_ax.get_legend().get_texts()]
    assert labels == ["Training", "Validierung"]


def test_plot_history_accepts_keras2_keys() -> None:
    old = {"acc": [0.5], "val_acc": [0.4], "loss": [1.0], "val_loss": [1.1]}
    fig = plot_history(old)
    assert fig.axes[0].get_lines()[0].get_ydata().tolist() == [0.5]


def test_plot_history_explains_missing_validation() -> None:
    no_val = {"accuracy": [0.5], "loss": [1.0]}
    with pytest.raises(KeyError, match="validation_data"):
        plot_history(no_val)


def test_plot_history_rejects_other_types() -> None:
    with pytest.raises(TypeError, match="History"):
        plot_history([0.1, 0.2])


def test_show_digit_and_grid() -> None:
    (x_train, y_train), _ = load_mnist(verbose=False)
    ax = show_digit(x_train[0], title="Ziffer")
    assert ax.get_title() == "Ziffer"
    np.testing.assert_array_equal(ax.get_images()[0].get_array(), x_train[0])
    show_digit(x_train[1].reshape(784))
    fig = show_digits(x_train[:5], y_train[:5], predictions=y_train[:5], ncols=3)
    assert len(fig.axes) == 6
    assert fig.axes[0].get_title() == f"Label {y_train[0]}\nNetz: {y_train[0]}"
    assert not fig.axes[5].axison


@pytest.mark.parametrize(
    "image", [np.zeros((28, 27)), np.zeros(783), np.full((28, 28), np.nan)]
)
def test_show_digit_rejects_bad_input(image) -> None:
    with pytest.raises(MnistDataError):
        show_digit(image)


def test_show_digits_rejects_mismatch() -> None:
    with pytest.raises(MnistDataError, match="gleich viele"):
        show_digits(np.zeros((3, 28, 28)), [1, 2])
    with pytest.raises(MnistDataError, match="keine Ziffern"):
        show_digits(np.zeros((0, 28, 28)), [])


@pytest.mark.parametrize(
    ("fmt", "mime"), [("svg", "image/svg+xml"), ("png", "image/png")]
)
def test_figure_html_embeds_image_with_alt_text(fmt: str, mime: str) -> None:
    import base64
    import re

    fig = plot_history(HISTORY)
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
    with pytest.raises(ValueError, match="Alternativtext"):
        figure_html(fig, alt="  ")
    with pytest.raises(ValueError, match="nicht unterstützt"):
        figure_html(fig, alt="Bild", fmt="gif")
