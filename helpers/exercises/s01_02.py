"""Checks of the exercises of section 1.2 "Learning from data"."""

from __future__ import annotations

import math
from typing import Any, Callable

import numpy as np

_KEYS = ("W1", "b1", "W2", "b2")


def _softmax(Z: np.ndarray) -> np.ndarray:
    E = np.exp(Z - Z.max(axis=1, keepdims=True))
    return E / E.sum(axis=1, keepdims=True)


def _problem(seed: int, n: int, d: int, h: int, K: int) -> tuple[dict, np.ndarray]:
    rng = np.random.default_rng(seed)
    params = {
        "W1": rng.normal(scale=0.5, size=(d, h)), "b1": rng.normal(scale=0.1, size=h),
        "W2": rng.normal(scale=0.5, size=(h, K)), "b2": rng.normal(scale=0.1, size=K),
    }
    return params, rng.normal(size=(n, d))


def _backward(params: dict, X: np.ndarray, dZ2_of: Callable, activation: str) -> dict:
    Z1 = X @ params["W1"] + params["b1"]
    H = np.tanh(Z1) if activation == "tanh" else np.maximum(Z1, 0.0)
    Z2 = H @ params["W2"] + params["b2"]
    dZ2 = dZ2_of(Z2)
    dH = dZ2 @ params["W2"].T
    dZ1 = dH * (1 - H**2) if activation == "tanh" else dH * (Z1 > 0)
    return {"W1": X.T @ dZ1, "b1": dZ1.sum(axis=0), "W2": H.T @ dZ2, "b2": dZ2.sum(axis=0)}


def _compare(function: Any, args: tuple, expected: dict, call: str, hint: str) -> None:
    assert callable(function), f"expected a function, got {type(function).__name__}"
    copies = tuple({k: v.copy() for k, v in a.items()} if isinstance(a, dict) else a.copy()
                   for a in args)
    got = function(*copies)
    assert isinstance(got, dict) and set(_KEYS) <= set(got), (
        f"{call} should return a dict with the keys {list(_KEYS)}, got {type(got).__name__}"
    )
    for key in _KEYS:
        value = np.asarray(got[key], dtype=np.float64)
        assert value.shape == expected[key].shape, (
            f"{call}[{key!r}] has shape {value.shape}, expected {expected[key].shape} "
            "(the shape of the parameter)"
        )
        assert np.allclose(value, expected[key], rtol=1e-6, atol=1e-9), (
            f"{call}[{key!r}] is wrong (largest error "
            f"{np.abs(value - expected[key]).max():.3g}). {hint}"
        )


def exercise_1(answer: Any) -> None:
    """backward_relu(params, X, y): cross-entropy gradients of the two-layer ReLU network."""
    for seed, (n, d, h, K) in enumerate([(6, 4, 8, 3), (10, 5, 7, 4), (1, 3, 2, 2)]):
        params, X = _problem(seed, n, d, h, K)
        y = np.random.default_rng(100 + seed).integers(0, K, size=n)
        Y = np.eye(K)[y]
        expected = _backward(params, X, lambda Z2: (_softmax(Z2) - Y) / n, "relu")
        _compare(answer, (params, X, y), expected, f"backward_relu(params, X, y) with n={n}",
                 "Only the step through the activation changes: dZ1 = dH * (Z1 > 0), with Z1 the "
                 "pre-activation; dZ2 = (softmax(Z2) - Y) / n as before")


def exercise_2(answer: Any) -> None:
    """backward_mse(params, X, T): gradients of the mean squared error of the tanh network."""
    for seed, (n, d, h, K) in enumerate([(6, 4, 8, 3), (9, 2, 5, 1), (4, 3, 3, 5)]):
        params, X = _problem(10 + seed, n, d, h, K)
        T = np.random.default_rng(200 + seed).normal(size=(n, K))
        expected = _backward(params, X, lambda Z2: 2 * (Z2 - T) / (n * K), "tanh")
        _compare(answer, (params, X, T), expected, f"backward_mse(params, X, T) with n={n}, K={K}",
                 "dZ2 = 2 (Z2 - T) / (n K): the mean runs over all n * K entries; the rest of the "
                 "backward pass is unchanged (tanh: dZ1 = dH * (1 - H**2))")


def exercise_3(answer: Any) -> None:
    """max_stable_lr(curvature): 2 / (largest curvature) for gradient descent on a bowl."""
    assert callable(answer), f"expected a function max_stable_lr(curvature), got {answer!r}"
    for curvature in ([1.0, 10.0], [1.0, 100.0], [3.0], [0.5, 4.0, 2.0], [250.0, 1.0, 7.5]):
        expected = 2 / max(curvature)
        call = f"max_stable_lr(np.array({curvature}))"
        try:
            got = float(answer(np.array(curvature)))
        except (TypeError, ValueError):
            raise AssertionError(f"{call} should return one number") from None
        assert math.isclose(got, expected, rel_tol=1e-9), (
            f"{call} should be {expected:.6g}, got {got:.6g}: one step multiplies w_j by "
            "(1 - lr * c_j), which must stay inside (-1, 1) for every direction j"
        )


def exercise_4(answer: Any) -> None:
    """double_softmax_grad(Z, y): gradient w.r.t. Z of the mean cross-entropy of softmax(Z)."""
    assert callable(answer), f"expected a function double_softmax_grad(Z, y), got {answer!r}"
    rng = np.random.default_rng(4)
    cases = [
        (np.array([[8.0, 0.0, 0.0, 0.0, 0.0]]), np.array([1])),
        (rng.normal(scale=3.0, size=(7, 4)), rng.integers(0, 4, size=7)),
        (rng.normal(size=(3, 2)), np.array([0, 1, 1])),
    ]
    for Z, y in cases:
        n, K = Z.shape
        P = _softmax(Z)
        G = (_softmax(P) - np.eye(K)[y]) / n
        expected = P * (G - (G * P).sum(axis=1, keepdims=True))
        call = f"double_softmax_grad(Z, y) with Z of shape {Z.shape}"
        got = np.asarray(answer(Z.copy(), y.copy()), dtype=np.float64)
        assert got.shape == Z.shape, f"{call} has shape {got.shape}, expected {Z.shape}"
        assert np.allclose(got, expected, rtol=1e-6, atol=1e-12), (
            f"{call} is wrong (largest error {np.abs(got - expected).max():.3g}): the loss sees "
            "P = softmax(Z) as its logits, so G = (softmax(P) - Y) / n, and the first softmax "
            "passes it back as P * (G - row sums of G * P)"
        )
