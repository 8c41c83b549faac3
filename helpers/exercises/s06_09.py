"""Checks of the exercises of section 6.9 "Where scale goes next: compute-optimal training"."""

from __future__ import annotations

import math
from typing import Any

import numpy as np

from ._checks import as_float, call_answer as _call


def _vertex(N: np.ndarray, L: np.ndarray) -> float:
    c2, c1, _ = np.polyfit(np.log(N), L, deg=2)
    return float(np.exp(-c1 / (2 * c2)))


def exercise_1(answer: Any) -> None:
    """optimal_size(N, L): N at the vertex of the least-squares parabola of L in ln N, all points."""
    rng = np.random.default_rng(69)
    ladders = [
        np.array([536.0, 816, 1104, 1704, 2336]),
        np.array([1104.0, 1704, 2336, 3696, 5184]),
        np.array([2336.0, 3696, 5184, 8544]),
    ]
    cases = []
    for N, n_star in zip(ladders, (700.0, 2900.0, 4200.0)):  # vertices between the rungs
        exact = 2.5 + 0.2 * (np.log(N) - np.log(n_star)) ** 2
        cases.append((N, exact))
        cases.append((N, exact + rng.normal(0, 0.02, size=len(N))))  # noisy: all points count
    for N, L in cases:
        expected = _vertex(N, L)
        call = f"optimal_size(N={N.astype(int).tolist()}, L={np.round(L, 4).tolist()})"
        got = as_float(_call(answer, N.copy(), L.copy()), call)
        assert math.isclose(got, expected, rel_tol=1e-4), (
            f"{call} should be {expected:,.1f}, got {got:,.1f}. Fit L = c2 (ln N)^2 + c1 ln N + c0 "
            "by least squares through ALL the points (np.polyfit(np.log(N), L, 2)), and return "
            "N at the vertex, exp(-c1 / (2 c2)): a size, not its logarithm nor the best rung"
        )


def exercise_2(answer: Any) -> None:
    """power_law_fit(x, y): (exponent, standard error) of the least-squares line of ln y on ln x."""
    rng = np.random.default_rng(692)
    cases = [
        (np.array([3e9, 1e10, 3e10]), np.array([800.0, 1900.0, 3700.0])),
        (np.array([1e9, 1e10, 1e11, 1e12]), 0.3 * np.array([1e9, 1e10, 1e11, 1e12]) ** 0.5
         * np.exp(rng.normal(0, 0.1, size=4))),
        (np.geomspace(1e18, 1e24, 9), 2e-3 * np.geomspace(1e18, 1e24, 9) ** 0.49
         * np.exp(rng.normal(0, 0.05, size=9))),
    ]
    for x, y in cases:
        lx, ly = np.log(x), np.log(y)
        slope, intercept = np.polyfit(lx, ly, deg=1)
        residual = ly - (slope * lx + intercept)
        se = math.sqrt(residual @ residual / (len(x) - 2) / np.sum((lx - lx.mean()) ** 2))
        call = f"power_law_fit(x={x.tolist()}, y={np.round(y, 4).tolist()})"
        got = _call(answer, x.copy(), y.copy())
        assert isinstance(got, tuple | list | np.ndarray) and len(got) == 2, (
            f"{call} should return a pair (exponent, standard_error), got {got!r}"
        )
        exponent = as_float(got[0], f"the exponent of {call}")
        error = as_float(got[1], f"the standard error of {call}")
        assert math.isclose(exponent, slope, rel_tol=1e-6, abs_tol=1e-9), (
            f"{call}: the exponent should be {slope:.5f}, got {exponent:.5f}; it is the slope of "
            "the least-squares line of ln y against ln x"
        )
        assert math.isclose(error, se, rel_tol=1e-4, abs_tol=1e-12), (
            f"{call}: the standard error should be {se:.5f}, got {error:.5f}; it is "
            "sqrt(sum of squared residuals / (n - 2) / sum((ln x - mean)^2)): n - 2 because "
            "the line has two fitted parameters"
        )
