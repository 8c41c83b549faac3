"""Checks of the exercises of section 6.4 "Finance: credit risk and an honest market test"."""

from __future__ import annotations

import math
from typing import Any

import numpy as np

from ._checks import as_float, call_answer


def _mean_cost(y: np.ndarray, p: np.ndarray, t: float, cost_fn: float, cost_fp: float) -> float:
    refuse = p >= t
    return float(
        (cost_fn * np.sum((y == 1) & ~refuse) + cost_fp * np.sum((y == 0) & refuse)) / len(y)
    )


def _threshold_cases() -> list[tuple[np.ndarray, np.ndarray, float, float]]:
    rng = np.random.default_rng(64)
    y = (rng.random(400) < 0.3).astype(np.int64)
    p = np.clip(0.3 + 0.25 * (y - 0.3) + 0.2 * rng.normal(size=400), 0.001, 0.999)
    p_ties = np.round(p, 1)  # many tied scores
    return [
        (y, p, 5.0, 1.0),
        (y, p, 1.0, 1.0),
        (y, p, 1.0, 20.0),  # refusing is so dear that approving everyone wins
        (y, p_ties, 10.0, 1.0),  # so cheap that refusing almost everyone wins
        (np.array([0, 0, 1, 1, 0]), np.array([0.1, 0.2, 0.6, 0.9, 0.7]), 3.0, 1.0),
        # the highest scores are good rows: refusing nobody (t above every p) is cheapest
        (np.array([1, 0, 0, 1, 0]), np.array([0.2, 0.9, 0.8, 0.1, 0.7]), 1.0, 1.0),
    ]


def exercise_1(answer: Any) -> None:
    """best_threshold(y, p, cost_fn, cost_fp): a t minimising the mean cost of refusing p >= t."""
    for y, p, cost_fn, cost_fp in _threshold_cases():
        candidates = np.append(np.unique(p), np.inf)
        best = min(_mean_cost(y, p, t, cost_fn, cost_fp) for t in candidates)
        call = f"best_threshold(y, p, cost_fn={cost_fn}, cost_fp={cost_fp}) on {len(y)} rows"
        t = as_float(call_answer(answer, y.copy(), p.copy(), cost_fn, cost_fp), call)
        got = _mean_cost(y, p, t, cost_fn, cost_fp)
        assert got <= best + 1e-12, (
            f"{call} returned t = {t:.4f}, whose mean cost is {got:.4f}, but the cheapest threshold "
            f"costs {best:.4f}. Refuse the rows with p >= t; an approved y = 1 row costs cost_fn, a "
            "refused y = 0 row costs cost_fp; try every distinct p and one value above them all"
        )


def exercise_2(answer: Any) -> None:
    """brier_skill(y, p): 1 - Brier(y, p) / (ybar (1 - ybar)), the base rate of the same labels."""
    rng = np.random.default_rng(642)
    y = (rng.random(300) < 0.25).astype(np.int64)
    p_good = np.clip(0.25 + 0.5 * (y - 0.25) + 0.1 * rng.normal(size=300), 0, 1)
    cases = [
        (y, p_good),
        (y, np.full(300, y.mean())),  # the base rate itself: 0
        (y, 1.0 - p_good),  # worse than the base rate: negative
        (np.array([0, 1, 1, 0]), np.array([0.0, 1.0, 1.0, 0.0])),  # perfect: 1
        (np.array([1, 0, 0, 0, 0, 1]), np.array([0.5, 0.2, 0.1, 0.3, 0.2, 0.6])),
    ]
    for labels, probs in cases:
        ybar = labels.mean()
        expected = 1 - np.mean((probs - labels) ** 2) / (ybar * (1 - ybar))
        call = f"brier_skill(y, p) with {len(labels)} rows"
        got = as_float(call_answer(answer, labels.copy(), probs.copy()), call)
        assert math.isclose(got, expected, abs_tol=1e-9), (
            f"{call} should be {expected:.6f}, got {got:.6f}: Brier = mean((p - y)**2), the "
            "reference is ybar * (1 - ybar) with ybar the mean of these labels, BSS = 1 - ratio"
        )


def _as_rows(value: Any, what: str) -> np.ndarray:
    rows = np.asarray(value)
    assert rows.ndim == 1 and (rows.size == 0 or np.issubdtype(rows.dtype, np.integer)), (
        f"{what} should be a 1-D array of integer row numbers, got {rows.dtype} shape {rows.shape}"
    )
    return rows


def exercise_3(answer: Any) -> None:
    """purged_split(n, horizon, test_fraction): last rows for test, no overlapping target in train."""
    for n, horizon, fraction in [(100, 5, 0.2), (1246, 5, 0.2), (50, 1, 0.3), (30, 10, 0.5)]:
        call = f"purged_split({n}, {horizon}, {fraction})"
        result = call_answer(answer, n, horizon, fraction)
        assert isinstance(result, tuple) and len(result) == 2, (
            f"{call} should return a tuple (train_rows, test_rows), got {type(result).__name__}"
        )
        train_rows, test_rows = (_as_rows(r, f"{call}[{i}]") for i, r in enumerate(result))
        n_test = round(fraction * n)
        first_test = n - n_test
        np.testing.assert_array_equal(
            np.sort(test_rows),
            np.arange(first_test, n),
            err_msg=f"{call}: the test rows are the last round(test_fraction * n) = {n_test} rows",
        )
        expected = np.arange(max(first_test - horizon + 1, 0))
        assert set(train_rows.tolist()) == set(expected.tolist()) and len(train_rows) == len(
            expected
        ), (
            f"{call}: train should be rows 0 .. {len(expected) - 1} ({len(expected)} rows): row i's "
            f"target covers rows i .. i + {horizon - 1}, which must all come before the first test "
            f"row {first_test}; got {len(train_rows)} rows"
        )
