"""Small convolutional networks shared by chapter 02 (taught in 2.1 "Convolution from scratch" and 2.2 "LeNet").

`LeNetConfig()` describes a LeNet-style CNN (its defaults are the 35,914-parameter model
trained in 2.2); `lenet_torch` and `lenet_keras` build the same architecture in PyTorch and in
Keras (same layers, same parameter count; PyTorch takes images as (N, C, H, W), Keras as
(N, H, W, C)); both output logits (no softmax).
`conv_output_size` is the output-size formula of a convolution or pooling window, and
`count_params` counts the trainable parameters of a model from either framework.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

import numpy as np

from .device import configure_environment


def _as_int(name: str, value: Any) -> int:
    """`value` as a Python int if it is an integer (int or NumPy integer, not bool); else a ValueError."""
    if isinstance(value, (bool, np.bool_)) or not isinstance(value, (int, np.integer)):
        raise ValueError(f"{name} must be an integer, got {value!r} ({type(value).__name__})")
    return int(value)


@dataclass(frozen=True)
class LeNetConfig:
    """Hyper-parameters of the LeNet-style CNN: two conv+pool stages, then a two-layer head."""

    image_size: int = 8  # height = width of the input images (digits: 8)
    in_channels: int = 1  # grey images: 1, colour: 3
    channels: tuple[int, int] = (32, 64)  # filters of the first and second convolution
    kernel_size: int = 3  # odd, so that padding "same" keeps the size
    hidden: int = 64  # width of the fully connected hidden layer
    num_classes: int = 10
    dropout: float = 0.3  # dropout rate before the last layer (0 = none); 2.2 trains with 0.3

    def __post_init__(self) -> None:
        """Reject sizes that cannot build a network (NumPy integers are accepted as ints)."""
        for name in ("image_size", "in_channels", "kernel_size", "hidden", "num_classes"):
            object.__setattr__(self, name, _as_int(name, getattr(self, name)))
        if isinstance(self.channels, (str, bytes)) or not hasattr(self.channels, "__len__"):
            raise ValueError(f"channels must be two positive integers, got {self.channels!r}")
        object.__setattr__(self, "channels", tuple(_as_int("channels", c) for c in self.channels))
        if self.image_size < 4:
            raise ValueError(
                f"image_size must be at least 4 (two 2x2 poolings), got {self.image_size}"
            )
        if self.kernel_size < 1 or self.kernel_size % 2 == 0:
            raise ValueError(f"kernel_size must be a positive odd integer, got {self.kernel_size}")
        if len(self.channels) != 2 or min(self.channels) < 1:
            raise ValueError(f"channels must be two positive integers, got {self.channels}")
        if min(self.in_channels, self.hidden, self.num_classes) < 1:
            raise ValueError("in_channels, hidden and num_classes must be positive")
        if not 0.0 <= self.dropout < 1.0:
            raise ValueError(f"dropout must be in [0, 1), got {self.dropout}")

    @property
    def flat_features(self) -> int:
        """Number of features after the second pooling, fed to the first dense layer."""
        side = self.image_size // 2 // 2
        return self.channels[1] * side * side


def conv_output_size(
    size: int, kernel_size: int, stride: int = 1, padding: int = 0, dilation: int = 1
) -> int:
    """Output length along one axis: floor((size + 2*padding - dilation*(kernel_size-1) - 1) / stride) + 1."""
    size, kernel_size, stride, dilation = (
        _as_int(n, v)
        for n, v in (
            ("size", size),
            ("kernel_size", kernel_size),
            ("stride", stride),
            ("dilation", dilation),
        )
    )
    padding = _as_int("padding", padding)
    if min(size, kernel_size, stride, dilation) < 1 or padding < 0:
        raise ValueError("size, kernel_size, stride, dilation must be >= 1 and padding >= 0")
    span = dilation * (kernel_size - 1) + 1  # extent of the dilated kernel
    if size + 2 * padding < span:
        raise ValueError(
            f"kernel spans {span} pixels but the padded input has only {size + 2 * padding}"
        )
    return (size + 2 * padding - span) // stride + 1


def lenet_torch(config: LeNetConfig = LeNetConfig()) -> Any:
    """The LeNet-style CNN as a torch.nn.Sequential taking (N, C, H, W) and returning logits."""
    from torch import nn

    c1, c2 = config.channels
    return nn.Sequential(
        nn.Conv2d(config.in_channels, c1, config.kernel_size, padding="same"),
        nn.ReLU(),
        nn.MaxPool2d(2),
        nn.Conv2d(c1, c2, config.kernel_size, padding="same"),
        nn.ReLU(),
        nn.MaxPool2d(2),
        nn.Flatten(),
        nn.Linear(config.flat_features, config.hidden),
        nn.ReLU(),
        nn.Dropout(config.dropout),
        nn.Linear(config.hidden, config.num_classes),
    )


def lenet_keras(config: LeNetConfig = LeNetConfig()) -> Any:
    """The same CNN as a keras.Sequential taking (N, H, W, C) and returning logits."""
    configure_environment()
    import keras
    from keras import layers

    c1, c2, k = *config.channels, config.kernel_size
    return keras.Sequential(
        [
            keras.Input((config.image_size, config.image_size, config.in_channels)),
            layers.Conv2D(c1, k, padding="same", activation="relu"),
            layers.MaxPooling2D(2),
            layers.Conv2D(c2, k, padding="same", activation="relu"),
            layers.MaxPooling2D(2),
            layers.Flatten(),
            layers.Dense(config.hidden, activation="relu"),
            layers.Dropout(config.dropout),
            layers.Dense(config.num_classes),
        ],
        name="lenet",
    )


def count_params(model: Any) -> int:
    """Trainable parameters of a PyTorch module or a Keras model."""
    if hasattr(model, "trainable_weights"):  # Keras
        if not getattr(model, "built", True):
            raise ValueError(
                f"the Keras model {model.name!r} is not built yet, so it has no weights to count: "
                "give it an Input shape (keras.Input) or call it on a batch first"
            )
        return int(
            sum(math.prod(w.shape) for w in model.trainable_weights)
        )  # shapes only, no copies
    if hasattr(model, "parameters"):  # PyTorch
        return int(sum(p.numel() for p in model.parameters() if p.requires_grad))
    raise TypeError(f"expected a torch.nn.Module or a keras.Model, got {type(model).__name__}")
