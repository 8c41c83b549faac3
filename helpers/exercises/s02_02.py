"""Checks of the exercises of section 2.2 "A LeNet-style CNN on real digits"."""

from __future__ import annotations

import math
from typing import Any

import numpy as np

from helpers.cnn import LeNetConfig, count_params, lenet_keras, lenet_torch

from ._checks import as_float as _as_float, call_answer as _call

_CFGS = [  # the section's cfg, and smaller variants that catch hard-coded sizes
    dict(image_size=8, channels=(32, 64), kernel_size=3, hidden=64, num_classes=10, dropout=0.3),
    dict(image_size=12, channels=(4, 6), kernel_size=5, hidden=7, num_classes=3, dropout=0.0),
    dict(image_size=8, channels=(3, 5), kernel_size=3, hidden=9, num_classes=10, dropout=0.5),
]


def exercise_1(answer: Any) -> None:
    """accuracy_std(acc, n): standard deviation of an accuracy measured on n test images."""
    for acc, n in [(0.99, 270), (0.9963, 270), (0.5, 100), (0.9, 1000), (0.75, 40), (1.0, 270)]:
        expected = math.sqrt(acc * (1 - acc) / n)
        call = f"accuracy_std({acc}, {n})"
        got = _as_float(_call(answer, acc, n), call)
        assert math.isclose(got, expected, rel_tol=1e-6, abs_tol=1e-12), (
            f"{call} should be {expected:.6f}, got {got:.6f}: the number of correct images is "
            "binomial with variance n p (1 - p); the accuracy divides it by n"
        )


def _same_logits(torch_net: Any, keras_net: Any, side: int, what: str) -> None:
    import torch

    rng = np.random.default_rng(22)
    x = rng.random((5, side, side, 1)).astype(np.float32)  # (N, H, W, 1)
    with torch.no_grad():
        expected = torch_net.eval()(torch.from_numpy(x.transpose(0, 3, 1, 2))).numpy()  # NCHW
    got = np.asarray(keras_net(x, training=False))
    scale = max(1.0, float(np.abs(expected).max()))
    assert got.shape == expected.shape and np.allclose(got, expected, atol=1e-5 * scale), (
        f"{what}: the Keras logits differ from PyTorch's (largest difference "
        f"{np.abs(got - expected).max():.3g})"
    )


def exercise_2(answer: Any) -> None:
    """copy_torch_to_keras(torch_net, keras_net): after it, both give the same logits."""
    import torch

    for i, cfg in enumerate(_CFGS):
        config = LeNetConfig(**cfg)
        torch.manual_seed(i)
        torch_net, keras_net = lenet_torch(config), lenet_keras(config)
        with torch.no_grad():
            for p in torch_net.parameters():
                p.add_(0.1 * torch.randn_like(p))  # biases are not all zero
        result = _call(answer, torch_net, keras_net)
        target = keras_net if result is None else result
        assert hasattr(target, "get_weights"), (
            "copy the weights into the Keras network given (and return nothing, or that network)"
        )
        what = f"with channels={cfg['channels']}, image_size={cfg['image_size']}"
        _same_logits(torch_net, target, cfg["image_size"], what + (
            " (convolutions: W.transpose(2, 3, 1, 0); dense: W.T; the first dense layer's rows "
            "reordered from (C, H, W) to (H, W, C))"))


def exercise_3(answer: Any) -> None:
    """build_avg_pool_nets(cfg) -> (torch_net, keras_net): our LeNet with average pooling."""
    import keras
    import torch
    from torch import nn

    for cfg in _CFGS[:2]:
        nets = _call(answer, dict(cfg))
        assert isinstance(nets, (tuple, list)) and len(nets) == 2, (
            f"expected a pair (torch_net, keras_net), got {type(nets).__name__}"
        )
        torch_net, keras_net = nets
        assert isinstance(torch_net, nn.Module) and isinstance(keras_net, keras.Model), (
            "expected a torch.nn.Module first and a keras.Model second"
        )
        t_kinds = [type(m).__name__ for m in torch_net.modules()]
        k_kinds = [type(layer).__name__ for layer in keras_net.layers]
        assert t_kinds.count("AvgPool2d") == 2 and "MaxPool2d" not in t_kinds, (
            f"the PyTorch network should have two nn.AvgPool2d and no max pooling: {t_kinds}"
        )
        assert k_kinds.count("AveragePooling2D") == 2 and "MaxPooling2D" not in k_kinds, (
            f"the Keras network should have two AveragePooling2D and no max pooling: {k_kinds}"
        )
        config = LeNetConfig(**cfg)
        expected = count_params(lenet_torch(config))
        for name, net in (("PyTorch", torch_net), ("Keras", keras_net)):
            assert count_params(net) == expected, (
                f"the {name} network has {count_params(net):,d} parameters, expected {expected:,d} "
                f"for {cfg}: only the pooling changes"
            )
        reference = lenet_torch(config)
        reference[2], reference[5] = nn.AvgPool2d(2), nn.AvgPool2d(2)
        reference.load_state_dict(torch_net.state_dict())
        x = torch.rand(4, 1, cfg["image_size"], cfg["image_size"])
        with torch.no_grad():
            same = torch.allclose(torch_net.eval()(x), reference.eval()(x), atol=1e-5)
        assert same, "the PyTorch network does not compute our LeNet with 2x2 average pooling"
        _same_keras_avg(keras_net, config)


def _same_keras_avg(keras_net: Any, config: LeNetConfig) -> None:
    import keras
    from keras import layers

    (c1, c2), k, side = config.channels, config.kernel_size, config.image_size
    reference = keras.Sequential([
        keras.Input((side, side, 1)),
        layers.Conv2D(c1, k, padding="same", activation="relu"), layers.AveragePooling2D(2),
        layers.Conv2D(c2, k, padding="same", activation="relu"), layers.AveragePooling2D(2),
        layers.Flatten(),
        layers.Dense(config.hidden, activation="relu"),
        layers.Dropout(config.dropout),
        layers.Dense(config.num_classes),
    ])
    shapes = [w.shape for w in reference.get_weights()]
    given = [np.shape(w) for w in keras_net.get_weights()]
    assert given == shapes, f"the Keras network's weights have shapes {given}, expected {shapes}"
    reference.set_weights(keras_net.get_weights())
    x = np.random.default_rng(23).random((4, side, side, 1)).astype(np.float32)  # NHWC
    got = np.asarray(keras_net(x, training=False))
    expected = np.asarray(reference(x, training=False))
    assert np.allclose(got, expected, atol=1e-5), (
        "the Keras network does not compute our LeNet with 2x2 average pooling"
    )


def exercise_4(answer: Any) -> None:
    """count_lenet_params(cfg) -> int: our LeNet's parameters from the per-layer formulas."""
    cases = _CFGS + [
        dict(image_size=8, channels=(16, 32), kernel_size=3, hidden=64, num_classes=10,
             dropout=0.3),
        dict(image_size=16, channels=(8, 8), kernel_size=7, hidden=32, num_classes=5,
             dropout=0.1),
    ]
    for cfg in cases:
        c1, c2 = cfg["channels"]
        k, hidden, side = cfg["kernel_size"], cfg["hidden"], cfg["image_size"] // 4
        expected = (c1 * (k * k + 1) + c2 * (c1 * k * k + 1) + hidden * (c2 * side * side + 1)
                    + cfg["num_classes"] * (hidden + 1))
        call = f"count_lenet_params({cfg})"
        got = _call(answer, dict(cfg))
        assert isinstance(got, (int, np.integer)), f"{call} should return an int, got {got!r}"
        assert got == expected, (
            f"{call} should be {expected:,d}, got {got:,d}: a k x k convolution has "
            "C_out (C_in k^2 + 1) parameters, a dense layer n_out (n_in + 1), and the first dense "
            "layer sees C_2 x (H/4) x (W/4) features"
        )
