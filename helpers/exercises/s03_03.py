"""Checks of the exercises of section 3.3 "Forecasting a real time series"."""

from __future__ import annotations

import math
from typing import Any

import numpy as np


def exercise_1(answer: Any) -> None:
    """standardise(series, n_train) -> (z, mu, sigma) with the training years' statistics only."""
    assert callable(answer), f"expected a function standardise(series, n_train), got {answer!r}"
    rng = np.random.default_rng(33)
    for n, n_train in [(50, 35), (309, 216), (20, 5)]:
        series = (np.linspace(0, 30, n) + rng.normal(scale=5, size=n)).astype(np.float32)  # a trend
        result = answer(series.copy(), n_train)
        assert isinstance(result, tuple) and len(result) == 3, "return the tuple (z, mu, sigma)"
        z, mu, sigma = np.asarray(result[0], dtype=np.float64), float(result[1]), float(result[2])
        train = series[:n_train].astype(np.float64)
        call = f"standardise(series of {n} values, n_train={n_train})"
        assert math.isclose(mu, train.mean(), rel_tol=1e-5, abs_tol=1e-5), (
            f"{call}: mu = {mu:.4f}, expected the mean of the first n_train values, "
            f"{train.mean():.4f}; the later years must not influence the scaling"
        )
        stds = (train.std(), train.std(ddof=1))
        assert any(math.isclose(sigma, s, rel_tol=1e-5) for s in stds), (
            f"{call}: sigma = {sigma:.4f}, expected the standard deviation of the first n_train "
            f"values, {stds[0]:.4f}"
        )
        assert z.shape == series.shape, f"{call}: z should have one value per year, {series.shape}"
        assert np.allclose(z, (series - mu) / sigma, atol=1e-5), (
            f"{call}: z should be (series - mu) / sigma for every year, the later ones included"
        )


def exercise_2(answer: Any) -> None:
    """(s, test_mae): the seasonal period chosen on the validation years, and its test MAE."""
    from helpers import data

    assert isinstance(answer, tuple) and len(answer) == 2, "answer with the tuple (s, test_mae)"
    series = data.load("sunspots").X.astype(np.float64)
    n = len(series)
    val_start = round(0.70 * n)
    test_start = val_start + round(0.15 * n)
    t_val, t_test = np.arange(val_start, test_start), np.arange(test_start, n)

    def seasonal_mae(s: int, targets: np.ndarray) -> float:
        return float(np.abs(series[targets - s] - series[targets]).mean())

    periods = range(8, 15)
    best = min(periods, key=lambda s: seasonal_mae(s, t_val))
    s, test_mae = answer
    assert s == best, (
        f"s = {s!r}: the period with the lowest seasonal-naive MAE on the validation years "
        f"{val_start}..{test_start - 1} (indices) among 8..14 is another one; choose on validation "
        "only, never on the test years"
    )
    expected = seasonal_mae(best, t_test)
    assert math.isclose(float(test_mae), expected, abs_tol=1e-2), (
        f"test_mae = {float(test_mae):.3f}: the seasonal-naive MAE with s = {best} on the test "
        f"years (target indices {test_start}..{n - 1}) is another number"
    )


def exercise_3(answer: Any) -> None:
    """make_multi_windows(z, start, stop, w, k) -> (X (n, w), Y (n, k), first target indices)."""
    assert callable(answer), f"expected a function make_multi_windows(...), got {answer!r}"
    z = np.arange(100, dtype=np.float32) / 10  # z[i] = i / 10: every value names its index
    for start, stop, w, k in [(0, 60, 12, 5), (60, 80, 12, 5), (70, 100, 4, 3), (5, 40, 8, 1)]:
        call = f"make_multi_windows(z, start={start}, stop={stop}, w={w}, k={k})"
        result = answer(z.copy(), start, stop, w, k)
        assert isinstance(result, tuple) and len(result) == 3, "return the tuple (X, Y, targets)"
        X, Y, targets = (np.asarray(part) for part in result)
        expected_t = np.arange(max(start, w), stop - k + 1)
        assert targets.shape == expected_t.shape and np.array_equal(targets, expected_t), (
            f"{call}: the first target indices should run from max(start, w) = {max(start, w)} "
            f"to stop - k = {stop - k} (all k targets of a window inside [start, stop)), got "
            f"{targets[:3].tolist()} ... {targets[-3:].tolist()}"
        )
        expected_X = np.stack([z[t - w:t] for t in expected_t])
        expected_Y = np.stack([z[t:t + k] for t in expected_t])
        assert X.shape == expected_X.shape and np.allclose(X, expected_X), (
            f"{call}: X should hold z[t - w:t] for every first target t, shape {expected_X.shape}"
        )
        assert Y.shape == expected_Y.shape and np.allclose(Y, expected_Y), (
            f"{call}: Y should hold the k next values z[t:t + k], shape {expected_Y.shape}"
        )
