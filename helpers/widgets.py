"""Builders for interactive demos: a student turns a knob, the plot answers.

Every notebook that uses one also shows the static result for the default
values, so it reads well in a viewer with no live kernel.
"""

from __future__ import annotations

import math
from typing import Callable

import ipywidgets as widgets


def log_slider(
    description: str, value: float, low: float, high: float, steps_per_decade: int = 10
) -> widgets.FloatLogSlider:
    """A slider over [low, high] on a log scale (learning rates, temperatures, regularisation)."""
    if not 0 < low <= value <= high:
        raise ValueError(
            f"need 0 < low <= value <= high, got low={low}, value={value}, high={high}"
        )
    return widgets.FloatLogSlider(
        value=value,
        base=10,
        min=math.log10(low),
        max=math.log10(high),
        step=1 / steps_per_decade,
        description=description,
        continuous_update=False,
    )


def int_slider(description: str, value: int, low: int, high: int) -> widgets.IntSlider:
    """An integer slider that updates when released (epochs, steps, kernel sizes)."""
    if not low <= value <= high:
        raise ValueError(f"need low <= value <= high, got low={low}, value={value}, high={high}")
    return widgets.IntSlider(
        value=value, min=low, max=high, description=description, continuous_update=False
    )


def explore(function: Callable[..., object], **controls: widgets.ValueWidget) -> widgets.VBox:
    """Show `controls` above the output of `function(**values)`, re-run whenever a control moves."""
    if not controls:
        raise ValueError(
            "explore needs at least one control, e.g. lr=log_slider('lr', 0.1, 0.001, 1)"
        )
    box = widgets.interactive(function, **controls)
    box.update()
    return box
