"""Checks of the exercises of section 2.3 "Deeper networks"."""

from __future__ import annotations

import math
from typing import Any

import numpy as np

from ._checks import call_answer as _call


def exercise_1(answer: Any) -> None:
    """vgg_block_params(c_in, c_out, n): parameters of n 3x3 convolutions (with biases)."""
    for c_in, c_out, n in [(32, 64, 3), (1, 16, 2), (3, 64, 2), (64, 128, 1), (16, 16, 4),
                           (128, 256, 3)]:
        expected = (9 * c_in + 1) * c_out + (n - 1) * (9 * c_out + 1) * c_out
        call = f"vgg_block_params({c_in}, {c_out}, {n})"
        got = _call(answer, c_in, c_out, n)
        assert isinstance(got, (int, np.integer)), f"{call} should return an int, got {got!r}"
        assert got == expected, (
            f"{call} should be {expected:,d}, got {got:,d}: the first convolution maps c_in to "
            "c_out channels, the other n - 1 map c_out to c_out, each (k^2 C_in + 1) C_out with "
            "k = 3; pooling and ReLU have no parameters"
        )


def exercise_2(answer: Any) -> None:
    """keras_bn_like_torch(): a Keras BatchNormalization that behaves like torch's default."""
    import keras

    layer = _call(answer)
    assert isinstance(layer, keras.layers.BatchNormalization), (
        f"expected a keras.layers.BatchNormalization, got {type(layer).__name__}"
    )
    assert layer.axis in (-1, [-1], 3, [3]), "normalise the last axis (channels last)"
    assert math.isclose(float(layer.epsilon), 1e-5, rel_tol=1e-6), (
        f"epsilon is {layer.epsilon:g}: PyTorch's default is 1e-5 (Keras' is 1e-3)"
    )
    assert math.isclose(float(layer.momentum), 0.9, rel_tol=1e-6), (
        f"momentum is {layer.momentum:g}: PyTorch's momentum 0.1 moves the running mean 10 % of "
        "the way to the batch mean; in Keras' convention that is momentum 0.9 (Keras keeps "
        "momentum x the old average)"
    )
    rng = np.random.default_rng(23)
    x = rng.normal(2.0, 3.0, size=(4, 5, 5, 3)).astype(np.float32)  # (N, H, W, C)
    gamma, beta = rng.uniform(0.5, 2, 3), rng.normal(size=3)
    mean, var = rng.normal(2.0, 0.5, 3), np.array([1e-3, 0.5, 9.0])
    layer.build((None, 5, 5, 3))
    layer.set_weights([w.astype(np.float32) for w in (gamma, beta, mean, var)])
    expected = gamma * (x - mean) / np.sqrt(var + 1e-5) + beta
    got = np.asarray(layer(x, training=False))
    assert np.allclose(got, expected, rtol=1e-4, atol=1e-4), (
        "in inference mode the layer does not compute gamma (x - mean) / sqrt(var + 1e-5) + beta"
    )
    layer(x, training=True)
    new_mean = 0.9 * mean + 0.1 * x.mean(axis=(0, 1, 2))
    assert np.allclose(np.asarray(layer.moving_mean), new_mean, rtol=1e-4, atol=1e-5), (
        "after one training batch the running mean should be 0.9 x old + 0.1 x batch mean"
    )


def exercise_3(answer: Any) -> None:
    """The parameter count of the fixed 224x224 network with Flatten instead of pooling."""
    filters = (64, 128, 256, 512, 1024)
    convs = sum((9 * c_in + 1) * c_out for c_in, c_out in zip((3, *filters[:-1]), filters))
    expected = convs + (7 * 7 * 1024 * 4096 + 4096) + (4096 * 4096 + 4096) + (4096 * 1000 + 1000)
    assert isinstance(answer, (int, np.integer)), f"expected an int, got {answer!r}"
    assert answer != 31_347_304, "that is the count with global average pooling"
    assert answer == expected, (
        f"got {answer:,d}: the convolutions are unchanged; Flatten feeds 7 x 7 x 1024 features "
        "into the first Dense(4096) (weights and biases); the other two dense layers are unchanged"
    )


def exercise_4(answer: Any) -> None:
    """activation_stds(net, x): the standard deviation of every layer's output of a Sequential."""
    import torch
    from torch import nn

    torch.manual_seed(24)
    nets = [
        nn.Sequential(nn.Conv2d(1, 4, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
                      nn.Conv2d(4, 4, 3, padding=1), nn.Flatten(), nn.Linear(64, 10)),
        nn.Sequential(nn.Linear(20, 30), nn.Tanh(), nn.Linear(30, 30), nn.ReLU(), nn.Linear(30, 5)),
    ]
    inputs = [torch.rand(16, 1, 8, 8) * 3, torch.randn(32, 20) * 2 + 1]
    for net, x in zip(nets, inputs):
        expected, out = [], x
        with torch.no_grad():
            for layer in net:
                out = layer(out)
                expected.append(float(out.std()))
        got = _call(answer, net, x.clone())
        try:
            got = [float(v) for v in got]
        except (TypeError, ValueError):
            raise AssertionError(f"expected a list of floats, got {got!r}") from None
        assert len(got) == len(net), (
            f"expected one value per layer ({len(net)}), got {len(got)}"
        )
        assert np.allclose(got, expected, rtol=5e-3), (
            f"for {[type(m).__name__ for m in net]} expected about {np.round(expected, 3).tolist()}, "
            f"got {np.round(got, 3).tolist()}: the standard deviation of each layer's output, "
            "after that layer"
        )
