"""Checks of the exercises of section 6.3 "Recommendation"."""

from __future__ import annotations

import math
from typing import Any

import numpy as np

from ._checks import as_float, call_answer


def _item_biases(items: np.ndarray, residuals: np.ndarray, n_items: int, lam: float) -> np.ndarray:
    counts = np.bincount(items, minlength=n_items)
    return np.bincount(items, residuals, minlength=n_items) / (lam + counts)


def exercise_1(answer: Any) -> None:
    """item_biases(items, residuals, n_items, lam): b_i = sum of residuals / (lam + n_i)."""
    rng = np.random.default_rng(63)
    cases = [
        (np.array([0, 0, 1, 2, 2, 2]), np.array([1.0, 0.5, -1.0, 0.2, 0.4, -0.3]), 4, 1.0),
        (np.array([3, 3, 3]), np.array([2.0, 2.0, 2.0]), 5, 5.0),
        (rng.integers(0, 50, 400), rng.normal(size=400), 60, 10.0),
        (rng.integers(0, 20, 100), rng.normal(size=100) + 0.5, 20, 0.5),
    ]
    for items, residuals, n_items, lam in cases:
        expected = _item_biases(items, residuals, n_items, lam)
        call = (
            f"item_biases(items, residuals, n_items={n_items}, lam={lam}) on {len(items)} ratings"
        )
        got = np.asarray(call_answer(answer, items.copy(), residuals.copy(), n_items, lam), float)
        assert got.shape == (n_items,), (
            f"{call} should return one offset per item, shape ({n_items},), got shape {got.shape}"
        )
        assert np.allclose(got, expected, atol=1e-9), (
            f"{call}: expected b_i = (sum of item i's residuals) / (lam + n_i), e.g. "
            f"{np.round(expected[:4], 4).tolist()} for the first items, got "
            f"{np.round(got[:4], 4).tolist()}; lam is added to the count, and an item without "
            "ratings gets 0"
        )


def _ndcg_graded(ranked: list, gains: dict, k: int) -> float:
    dcg = sum(gains.get(item, 0) / math.log2(j + 2) for j, item in enumerate(ranked[:k]))
    best = sorted(gains.values(), reverse=True)[:k]
    ideal = sum(g / math.log2(j + 2) for j, g in enumerate(best))
    return dcg / ideal if ideal > 0 else 0.0


def exercise_2(answer: Any) -> None:
    """ndcg_graded(ranked, gains, k): DCG@k with graded gains over the ideal DCG@k."""
    rng = np.random.default_rng(632)
    many = {
        int(i): int(g) for i, g in zip(rng.choice(200, 30, replace=False), rng.integers(1, 11, 30))
    }
    cases = [
        ([1, 2, 3], {2: 3, 3: 1}, 3),
        ([1, 2, 3], {1: 1, 2: 3}, 3),  # the best item in second place
        ([5, 6, 7, 8], {9: 4}, 4),  # the only relevant item is not in the list
        ([5, 6], {7: 0}, 2),  # every gain 0
        ([4, 3, 2, 1], {1: 2, 2: 2, 3: 2, 4: 2, 5: 2}, 2),  # the cut at k
        (list(rng.permutation(200)[:20]), many, 10),
        (sorted(many, key=many.get, reverse=True)[:10], many, 10),  # an ideal list: 1.0
    ]
    for ranked, gains, k in cases:
        expected = _ndcg_graded(ranked, gains, k)
        call = f"ndcg_graded({ranked[:6]}{'...' if len(ranked) > 6 else ''}, gains, k={k})"
        got = as_float(
            call_answer(answer, list(ranked), dict(gains), k),
            call,
            "; return 0.0 when every gain is 0",
        )
        assert math.isclose(got, expected, abs_tol=1e-9), (
            f"{call} with {len(gains)} graded items should be {expected:.6f}, got {got:.6f}: "
            "DCG@k sums gain / log2(position + 1) over the first k of the list, and the ideal DCG "
            "puts the k largest gains first"
        )
