"""Tests of helpers.plot and helpers.widgets: what they draw and the errors they raise."""

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pytest  # noqa: E402

from helpers import plot, widgets  # noqa: E402
from helpers.train import History  # noqa: E402


def teardown_function():
    plt.close("all")


def test_plot_history_draws_one_panel_per_metric_and_dashed_validation():
    run = History({"loss": [1.0, 0.5], "val_loss": [1.1, 0.7], "accuracy": [0.5, 0.8]})
    fig = plot.plot_history({"PyTorch": run, "Keras": run})
    loss_ax, accuracy_ax = fig.axes
    assert len(loss_ax.lines) == 4 and len(accuracy_ax.lines) == 2
    assert [line.get_linestyle() for line in loss_ax.lines] == ["-", "--", "-", "--"]
    colors = [line.get_color() for line in loss_ax.lines]
    assert colors[0] == colors[1] != colors[2] == colors[3]  # one colour per run
    assert loss_ax.get_xlabel() == "epoch"


def test_plot_history_needs_a_history():
    with pytest.raises(ValueError, match="at least one History"):
        plot.plot_history({})


def test_show_images_grid_and_errors():
    fig = plot.show_images(np.zeros((5, 8, 8)), titles=list("abcde"), ncols=3)
    assert len(fig.axes) == 6 and fig.axes[4].get_title() == "e"
    shared = plot.show_images(np.linspace(-1, 1, 128).reshape(2, 8, 8), vmin=-2, vmax=2)
    assert shared.axes[0].images[0].get_clim() == (-2, 2)
    with pytest.raises(ValueError, match=r"shape \(N, H, W\)"):
        plot.show_images(np.zeros((8, 8)))
    with pytest.raises(ValueError, match="2 titles for 5 images"):
        plot.show_images(np.zeros((5, 8, 8)), titles=["a", "b"])


def test_heatmap_writes_values_and_checks_shape():
    ax = plot.heatmap(np.array([[3, 1], [0, 4]]), ["a", "b"], ["x", "y"], title="confusion")
    assert [t.get_text() for t in ax.texts] == ["3", "1", "0", "4"]
    assert ax.get_title() == "confusion"
    assert plot.heatmap(np.eye(2), ["a", "b"], ["x", "y"], vmin=0, vmax=4).images[0].get_clim() == (
        0,
        4,
    )
    with pytest.raises(ValueError, match="does not match 3 rows x 2 columns"):
        plot.heatmap(np.zeros((2, 2)), ["a", "b"], ["x", "y", "z"])


def test_log_slider_spans_the_range_on_a_log_scale():
    slider = widgets.log_slider("lr", 0.1, 0.001, 10.0)
    assert (slider.min, slider.max, slider.value) == (-3, 1, 0.1)
    with pytest.raises(ValueError, match="need 0 < low <= value <= high"):
        widgets.log_slider("lr", 0.0, 0.0, 1.0)


def test_int_slider_checks_its_range():
    assert widgets.int_slider("k", 3, 1, 7).value == 3
    with pytest.raises(ValueError, match="need low <= value <= high"):
        widgets.int_slider("k", 9, 1, 7)


def test_explore_runs_the_function_with_the_controls_values():
    calls = []
    box = widgets.explore(
        lambda lr, k: calls.append((lr, k)),
        lr=widgets.log_slider("lr", 0.1, 0.01, 1.0),
        k=widgets.int_slider("k", 2, 1, 5),
    )
    assert calls[-1] == (pytest.approx(0.1), 2)
    box.children[1].value = 4
    assert calls[-1][1] == 4
    with pytest.raises(ValueError, match="at least one control"):
        widgets.explore(print)
