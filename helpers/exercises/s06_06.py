"""Checks of the exercises of section 6.6 "Industry: anomaly detection and process regression"."""

from __future__ import annotations

import math
from typing import Any

import numpy as np

from ._checks import as_float as _as_float, call_answer as _call


def _precision(recall: float, false_alarm: float, prevalence: float) -> float:
    flagged = recall * prevalence + false_alarm * (1 - prevalence)
    return recall * prevalence / flagged if flagged else 0.0


def exercise_1(answer: Any) -> None:
    """precision_at_prevalence(recall, false_alarm, prevalence): Bayes' rule for precision."""
    cases = [(0.9, 0.05, 0.01), (0.9, 0.05, 0.5), (0.6, 0.01, 0.001), (1.0, 0.2, 0.3),
             (0.5, 0.0, 0.02), (0.0, 0.1, 0.05), (0.0, 0.0, 0.1), (0.75, 0.05, 0.0625)]
    for recall, false_alarm, prevalence in cases:
        expected = _precision(recall, false_alarm, prevalence)
        call = f"precision_at_prevalence({recall}, {false_alarm}, {prevalence})"
        got = _as_float(_call(answer, recall, false_alarm, prevalence), call,
                        nan_hint="; return 0.0 when nothing is flagged")
        assert math.isclose(got, expected, rel_tol=1e-9, abs_tol=1e-12), (
            f"{call} should be {expected:.6f}, got {got:.6f}: of all items, a share r * pi are "
            "defects flagged and f * (1 - pi) normal items flagged; precision is the first over "
            "their sum (0.0 when the sum is 0)"
        )


def _components(X: np.ndarray, share: float) -> int:
    X = np.asarray(X, dtype=np.float64)
    singular = np.linalg.svd(X - X.mean(axis=0), compute_uv=False)
    explained = np.cumsum(singular**2) / np.sum(singular**2)
    return int(np.searchsorted(explained, share - 1e-12) + 1)


def exercise_2(answer: Any) -> None:
    """components_for_variance(X, share): the smallest k whose components explain >= share."""
    rng = np.random.default_rng(66)
    scales = np.array([5.0, 3.0, 2.0, 1.0, 0.5, 0.3, 0.2, 0.1])
    tall = rng.normal(size=(300, 8)) * scales + 10.0  # far from the origin: centring matters
    mixed = rng.normal(size=(200, 12)) @ rng.normal(size=(12, 12)) + rng.normal(size=12) * 4
    for X in (tall, mixed):
        variances = np.linalg.svd(X - X.mean(axis=0), compute_uv=False) ** 2
        explained = np.cumsum(variances) / variances.sum()
        shares = [0.5, 0.8, 0.9, 0.95, 0.99, float(explained[2]) - 1e-9]  # last: just reached at 3
        for share in shares:
            expected = _components(X, share)
            call = f"components_for_variance(X of shape {X.shape}, {share:.4f})"
            got = _call(answer, X.copy(), share)
            assert isinstance(got, (int, np.integer)) and not isinstance(got, bool), (
                f"{call} should return an int, got {type(got).__name__}"
            )
            assert int(got) == expected, (
                f"{call} should be {expected}, got {got}: centre the rows, take the squared "
                "singular values (the variances along the principal directions, largest first), "
                "and return the smallest k whose first k sum to at least `share` of the total"
            )


def _cost(scores: np.ndarray, is_defect: np.ndarray, t: float, c_fa: float, c_miss: float) -> float:
    flagged = scores > t
    return c_fa * np.sum(flagged & ~is_defect) + c_miss * np.sum(~flagged & is_defect)


def exercise_3(answer: Any) -> None:
    """cheapest_threshold(scores, is_defect, c_fa, c_miss): a threshold of minimal total cost."""
    rng = np.random.default_rng(6)
    is_defect = np.zeros(400, dtype=bool)
    is_defect[rng.choice(400, 40, replace=False)] = True
    scores = rng.normal(size=400) + 1.5 * is_defect
    few = np.array([0.1, 0.4, 0.35, 0.8, 0.2]), np.array([False, True, False, True, False])
    cases = [(scores, is_defect, 1.0, 1.0), (scores, is_defect, 1.0, 20.0),
             (scores, is_defect, 5.0, 1.0), (scores, is_defect, 1.0, 1000.0),
             (*few, 1.0, 1.0), (*few, 1.0, 0.1), (*few, 100.0, 1.0),
             (np.full(3, 0.5), np.array([False, True, False]), 1.0, 3.0)]  # tied scores
    for s, d, c_fa, c_miss in cases:
        candidates = np.concatenate([[-np.inf], s])  # flag everything, or all above one score
        best = min(_cost(s, d, t, c_fa, c_miss) for t in candidates)
        call = (f"cheapest_threshold(scores, is_defect, {c_fa}, {c_miss}) with {int(d.sum())} "
                f"defects of {len(d)} items")
        t = _as_float(_call(answer, s.copy(), d.copy(), c_fa, c_miss), call)
        cost = _cost(s, d, t, c_fa, c_miss)
        assert math.isclose(cost, best, rel_tol=1e-9, abs_tol=1e-9), (
            f"{call}: your threshold {t:.4f} costs {cost:g}, but the cheapest costs {best:g}. "
            "Flag s > t; cost = cost_false_alarm x (normal items flagged) + cost_miss x (defects "
            "not flagged); try t = -inf and every score as t"
        )
