"""Checks of the exercises of section 2.1 "Convolution from scratch"."""

from __future__ import annotations

import math
from typing import Any

import numpy as np
from numpy.lib.stride_tricks import sliding_window_view

from ._checks import call_answer as _call


def exercise_1(answer: Any) -> None:
    """The output shape of Conv2d(3, 8, 5, stride=2, padding=1) on a (4, 3, 32, 32) batch."""
    try:
        shape = tuple(int(n) for n in answer)
    except (TypeError, ValueError):
        raise AssertionError(f"expected a tuple of 4 integers, got {answer!r}") from None
    assert len(shape) == 4, f"expected 4 numbers (N, C, H, W), got {len(shape)}"
    side = (32 + 2 * 1 - 1 * (5 - 1) - 1) // 2 + 1
    assert shape[:2] == (4, 8), (
        f"got N, C = {shape[:2]}: the batch size stays 4 and the layer has 8 output channels"
    )
    assert shape[2:] == (side, side), (
        f"got H, W = {shape[2:]}: use floor((n + 2p - d(k - 1) - 1) / s) + 1 with n = 32, k = 5, "
        "s = 2, p = 1, d = 1 (padding on both sides, and round down)"
    )


def exercise_2(answer: Any) -> None:
    """same_padding(n, k, s) -> (before, after): TensorFlow's "SAME" zeros along one axis."""
    cases = [(8, 3, 2), (8, 3, 1), (7, 3, 2), (9, 3, 2), (8, 5, 2), (10, 4, 3), (28, 5, 1),
             (224, 7, 2), (8, 1, 2), (5, 5, 5), (6, 2, 1), (3, 7, 1), (13, 4, 4)]
    for n, k, s in cases:
        n_out = math.ceil(n / s)
        total = max((n_out - 1) * s + k - n, 0)
        expected = (total // 2, total - total // 2)
        call = f"same_padding({n}, {k}, {s})"
        got = _call(answer, n, k, s)
        try:
            got = tuple(int(v) for v in got)
        except (TypeError, ValueError):
            raise AssertionError(f"{call} should return a pair (before, after), got {got!r}") from None
        assert got == expected, (
            f"{call} should be {expected}, got {got}: the output has ceil(n / s) = {n_out} pixels; "
            "the total padding P is the smallest P >= 0 with floor((n + P - k) / s) + 1 = that size, "
            "and the odd zero goes after"
        )


def exercise_3(answer: Any) -> None:
    """receptive_field(layers) -> int for stride-1 convolutions given as (k, d) pairs."""
    cases = [[(3, 1), (3, 1)], [(3, 2), (3, 2)], [(5, 1)], [(3, 1), (3, 2), (3, 4)],
             [(2, 1), (2, 1), (2, 1)], [(7, 1), (3, 3)], [(3, 1)] * 5, [(1, 1), (3, 2)]]
    for layers in cases:
        expected = 1 + sum(d * (k - 1) for k, d in layers)
        call = f"receptive_field({layers})"
        got = _call(answer, list(layers))
        assert isinstance(got, (int, np.integer)) or float(got).is_integer(), (
            f"{call} should return an integer, got {got!r}"
        )
        assert int(got) == expected, (
            f"{call} should be {expected}, got {got}: each stride-1 layer with kernel k and "
            "dilation d widens the field by the extra span d(k - 1) of its kernel"
        )


def _max_pool_reference(X: np.ndarray, k: int, s: int, p: int) -> np.ndarray:
    padded = np.pad(X, ((0, 0), (0, 0), (p, p), (p, p)), constant_values=-np.inf)
    windows = sliding_window_view(padded, (k, k), axis=(2, 3))[:, :, ::s, ::s]
    return windows.max(axis=(4, 5))  # (N, C, H_out, W_out)


def exercise_4(answer: Any) -> None:
    """max_pool2d_padded(X, k, s, p): max pooling of NCHW arrays, padded with -inf."""
    rng = np.random.default_rng(21)
    for k, s, p, side in [(3, 2, 1, 9), (2, 2, 1, 7), (3, 1, 1, 6), (3, 3, 0, 9), (5, 2, 2, 10),
                          (4, 3, 2, 11)]:
        X = (rng.standard_normal((2, 3, side, side)) - 3.0).astype(np.float32)  # mostly negative
        expected = _max_pool_reference(X, k, s, p)
        call = f"max_pool2d_padded(X, k={k}, s={s}, p={p}) on X of shape {X.shape}"
        got = np.asarray(_call(answer, X.copy(), k, s, p))
        assert got.shape == expected.shape, (
            f"{call} should have shape {expected.shape}, got {got.shape}: "
            "n_out = floor((n + 2p - k) / s) + 1"
        )
        assert np.allclose(got, expected, atol=1e-6), (
            f"{call} gives wrong values (largest error {np.abs(got - expected).max():.3g}): pad "
            "with -inf on all four sides, so a padded zero never wins a window of negatives"
        )
