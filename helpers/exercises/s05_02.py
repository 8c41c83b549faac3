"""Checks of the exercises of section 5.2 "Regularisation and generalisation"."""

from __future__ import annotations

import math
from typing import Any

import numpy as np


def _array(value: Any, what: str) -> np.ndarray:
    try:
        return np.asarray(value, dtype=float)
    except (TypeError, ValueError):
        raise AssertionError(f"expected {what} as a numeric array, got {type(value).__name__}") from None


def exercise_1(answer: Any) -> None:
    """Inverted dropout in training mode: dropout(x, keep, p) = keep * x / (1 - p)."""
    assert callable(answer), "expected a function dropout(x, keep, p) -> array"
    rng = np.random.default_rng(52)
    for p in (0.2, 0.5):
        x = rng.normal(size=(6, 5))
        keep = rng.random((6, 5)) >= p
        out = _array(answer(x.copy(), keep.copy(), p), "the output")
        assert out.shape == x.shape, f"the output should have the shape of x, {x.shape}; got {out.shape}"
        assert np.all(out[~keep] == 0), "dropped units (keep == False) must be exactly 0"
        expected = np.where(keep, x / (1 - p), 0.0)
        assert np.allclose(out, expected, rtol=1e-6, atol=1e-9), (
            f"with p = {p} the surviving units should be x / (1 - p) (= x * {1 / (1 - p):.3f}), so that "
            "the expected output equals x; got a different scale"
        )


def exercise_2(answer: Any) -> None:
    """Label-smoothed targets smooth(y, K, eps) = (1 - eps) * one_hot(y) + eps / K."""
    assert callable(answer), "expected a function smooth(y, K, eps) -> array of shape (N, K)"
    y = np.array([0, 3, 1, 4, 4, 2])
    for K, eps in ((5, 0.1), (7, 0.3)):
        out = _array(answer(y.copy(), K, eps), "the targets")
        assert out.shape == (len(y), K), f"expected shape (N, K) = {(len(y), K)}, got {out.shape}"
        assert np.allclose(out.sum(axis=1), 1.0), "each row of targets should sum to 1"
        expected = (1 - eps) * np.eye(K)[y] + eps / K
        assert np.allclose(out, expected, atol=1e-9), (
            f"for K = {K}, eps = {eps} the true class gets 1 - eps + eps/K = {1 - eps + eps / K:.4f} and every "
            f"other class eps/K = {eps / K:.4f} (PyTorch and Keras spread eps over all K classes, not K - 1)"
        )


def exercise_3(answer: Any) -> None:
    """The torch.optim.SGD weight_decay equal to Keras L2(l): 2 * l."""
    assert callable(answer), "expected a function torch_weight_decay(l) -> float"
    for l2 in (1e-4, 0.01, 0.5):
        try:
            value = float(answer(l2))
        except (TypeError, ValueError):
            raise AssertionError(f"torch_weight_decay({l2}) should return a number") from None
        assert math.isfinite(value), f"torch_weight_decay({l2}) returned {value}"
        assert math.isclose(value, 2 * l2, rel_tol=1e-9), (
            f"torch_weight_decay({l2}) gave {value}; Keras adds l * sum(W**2) to the loss, whose gradient is "
            "2 l W, while PyTorch adds weight_decay * W to the gradient"
        )
