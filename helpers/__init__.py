"""Companion package of the course: devices and seeding, datasets, training loops, plots, widgets.

Importing `helpers` imports neither PyTorch nor TensorFlow; `helpers.setup()` imports
the frameworks a notebook asks for. Modules load on first use (`helpers.data`, `helpers.train`, ...).
"""

from __future__ import annotations

import importlib
from typing import Any

from .device import configure_environment, seed_everything, setup

configure_environment()  # before any framework import: quiet logs, no hub downloads

_SUBMODULES = (
    "cnn",
    "data",
    "device",
    "doctor",
    "exercises",
    "metrics",
    "plot",
    "pretrained",
    "sequences",
    "text",
    "train",
    "widgets",
)
__all__ = ["setup", "seed_everything", *_SUBMODULES]


def __getattr__(name: str) -> Any:
    if name in _SUBMODULES:
        return importlib.import_module(f".{name}", __name__)
    raise AttributeError(f"module 'helpers' has no attribute {name!r}; available: {__all__}")
