"""Checks of the exercises of section 6.5 "Health and life science"."""

from __future__ import annotations

import math
from typing import Any

import numpy as np

from ._checks import as_float, call_answer


def _cases_needed(sensitivity: float, confidence: float) -> int:
    alpha_half = (1 - confidence) / 2
    n = max(1, math.ceil(math.log(alpha_half) / math.log(sensitivity)) - 2)
    while alpha_half ** (1 / n) < sensitivity:  # guards against rounding in the logarithms
        n += 1
    return n


def exercise_1(answer: Any) -> None:
    """cases_needed(sensitivity, confidence): smallest n with (alpha/2)**(1/n) >= sensitivity."""
    for sensitivity, confidence in [(0.98, 0.95), (0.95, 0.95), (0.9, 0.95), (0.99, 0.9),
                                    (0.8, 0.99), (0.5, 0.5)]:
        expected = _cases_needed(sensitivity, confidence)
        call = f"cases_needed({sensitivity}, {confidence})"
        got = call_answer(answer, sensitivity, confidence)
        assert isinstance(got, (int, np.integer)) and not isinstance(got, bool), (
            f"{call} should return an int (a number of cases), got {type(got).__name__} {got!r}"
        )
        assert got == expected, (
            f"{call} should be {expected}, got {got}: alpha = 1 - confidence and the two-sided "
            "interval puts alpha/2 in each tail; find the smallest n with (alpha/2)**(1/n) >= "
            "sensitivity (the 'rule of three', 3/(1 - sensitivity), is only an approximation)"
        )


def _brier_skill(y: np.ndarray, p: np.ndarray) -> float:
    base = y.mean()
    return 1 - np.mean((p - y) ** 2) / np.mean((base - y) ** 2)


def exercise_2(answer: Any) -> None:
    """brier_skill(y, p): 1 - Brier(p) / Brier(base rate of y)."""
    rng = np.random.default_rng(65)
    y_random = (rng.random(200) < 0.3).astype(np.int64)
    cases = [
        (np.array([0, 0, 1, 1]), np.array([0.1, 0.2, 0.7, 0.9])),
        (np.array([1, 0, 0, 0, 0]), np.array([0.2, 0.2, 0.2, 0.2, 0.2])),  # the base rate: 0
        (np.array([0, 1, 0, 1]), np.array([0.9, 0.1, 0.8, 0.3])),  # worse than the base rate
        (y_random, np.clip(0.3 + 0.4 * (y_random - 0.3) + 0.1 * rng.normal(size=200), 0, 1)),
    ]
    for y, p in cases:
        expected = float(_brier_skill(y, p))
        call = f"brier_skill(y, p) with {int(y.sum())} positives of {len(y)} rows"
        got = as_float(call_answer(answer, y.copy(), p.copy()), call)
        assert math.isclose(got, expected, rel_tol=1e-6, abs_tol=1e-7), (
            f"{call} should be {expected:.6f}, got {got:.6f}: the reference forecast predicts the "
            "base rate mean(y) for every row, and BSS = 1 - BS(p) / BS(reference), where BS is "
            "the mean of the squared differences"
        )


def exercise_3(answer: Any) -> None:
    """ridge_no_intercept(X, y, alpha): w = X^T (X X^T + alpha I)^(-1) y."""
    rng = np.random.default_rng(653)
    for n, p, alpha in [(8, 30, 1.0), (20, 5, 0.5), (15, 40, 10.0)]:
        X = rng.integers(0, 2, size=(n, p)).astype(np.float64)
        y = rng.normal(size=n) + X[:, 0]
        expected = np.linalg.solve(X.T @ X + alpha * np.eye(p), X.T @ y)  # the primal form
        call = f"ridge_no_intercept(X of shape {X.shape}, y, alpha={alpha})"
        got = np.asarray(call_answer(answer, X.copy(), y.copy(), alpha), dtype=np.float64)
        assert got.shape == (p,), f"{call} should return {p} weights (shape ({p},)), got {got.shape}"
        assert np.allclose(got, expected, rtol=1e-6, atol=1e-8), (
            f"{call} gives wrong weights (largest error {np.abs(got - expected).max():.3g}): "
            "solve (X X^T + alpha I_n) a = y for the n dual coefficients a, then w = X^T a; "
            "do not centre X or y (no intercept here)"
        )
