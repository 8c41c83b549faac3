"""Checks of the exercises of section 5.5 "Tuning and debugging"."""

from __future__ import annotations

from typing import Any

import numpy as np

from ._checks import call_answer as _call


def exercise_1(answer: Any) -> None:
    """five_point(f, theta, h): the five-point-stencil gradient, accurate to ~1e-9 at h = 1e-2."""
    cases = [
        (lambda t: float(np.sum(np.sin(t))), lambda t: np.cos(t), np.linspace(-2.0, 2.0, 5)),
        (lambda t: float(np.exp(t[0]) * t[1] ** 3), lambda t: np.array([np.exp(t[0]) * t[1] ** 3,
                                                                        3 * np.exp(t[0]) * t[1] ** 2]),
         np.array([0.3, -1.2])),
    ]
    for f, exact, theta in cases:
        before = theta.copy()
        grad = np.asarray(_call(answer, f, theta, 1e-2), dtype=np.float64)
        assert np.array_equal(theta, before), "theta was modified in place; build a new step vector instead"
        assert grad.shape == theta.shape, f"the gradient should have theta's shape {theta.shape}, got {grad.shape}"
        error = float(np.abs(grad - exact(theta)).max())
        assert error < 1e-7, (
            f"at h = 1e-2 the largest error is {error:.1e}, expected below 1e-7: use the weights "
            "-1, 8, -8, 1 at theta + 2h, + h, - h, - 2h and divide by 12h"
        )


def exercise_2(answer: Any) -> None:
    """first_non_finite(losses): 0-based index of the first NaN/inf/-inf loss, or None."""
    nan, inf = float("nan"), float("inf")
    cases = [
        ([2.3, 1.9, nan, 1.0], 2),
        ([inf, nan], 0),
        ([2.3, 1.9, -inf], 2),
        ([2.3, 1.9, 1.5], None),
        ([], None),
        (np.array([0.5, 0.4, np.inf, np.nan], dtype=np.float32), 2),
        ([3, 2, 1], None),
    ]
    for losses, expected in cases:
        got = _call(answer, losses)
        if expected is None:
            assert got is None, f"first_non_finite({losses!r}) should be None (every value is finite), got {got!r}"
        else:
            assert got is not None and not isinstance(got, bool) and int(got) == expected, (
                f"first_non_finite({losses!r}) should be {expected} (0-based; NaN, inf and -inf all count), got {got!r}"
            )


def exercise_3(answer: Any) -> None:
    """distinct_values(n, k): (values per hyper-parameter of a full grid within n trials, of random search)."""
    for n, k in [(12, 2), (64, 3), (1000, 3), (100, 4), (1, 5), (7, 1), (80, 4), (2**20, 10)]:
        m = 1
        while (m + 1) ** k <= n:
            m += 1
        got = _call(answer, n, k)
        assert isinstance(got, (tuple, list)) and len(got) == 2, (
            f"distinct_values({n}, {k}) should return a pair (grid, random), got {got!r}")
        assert tuple(got) == (m, n), (
            f"distinct_values({n}, {k}) should be ({m}, {n}): the grid affords the largest m with m**{k} <= {n} "
            f"(check with integers, not a float root: {n} ** (1 / {k}) = {n ** (1 / k)!r}), random search {n}; "
            f"got {got!r}"
        )
