"""Checks of the exercises of section 5.4 "Evaluation you can trust"."""

from __future__ import annotations

import math
from typing import Any

import numpy as np

from ._checks import as_float as _checked_float, call_answer as _call


def _as_float(value: Any, what: str) -> float:
    return _checked_float(value, what, nan_hint="; return 0.0 where the formula is 0/0")


def exercise_1(answer: Any) -> None:
    """f_beta(cm, beta): F-beta from a confusion matrix [[TN, FP], [FN, TP]], 0.0 when it is 0/0."""
    cases = [
        ([[821, 0], [51, 1]], 1.0),
        ([[737, 84], [37, 15]], 1.0),
        ([[737, 84], [37, 15]], 2.0),
        ([[737, 84], [37, 15]], 0.5),
        (np.array([[60, 30], [10, 40]]), 3.0),
        ([[90, 0], [10, 0]], 2.0),  # nobody predicted positive and no true positive: 0/0 -> 0
        ([[0, 0], [0, 5]], 1.0),  # perfect
    ]
    for cm, beta in cases:
        (tn, fp), (fn, tp) = np.asarray(cm).tolist()
        precision = tp / (tp + fp) if tp + fp else 0.0
        recall = tp / (tp + fn) if tp + fn else 0.0
        denominator = beta**2 * precision + recall
        expected = (1 + beta**2) * precision * recall / denominator if denominator else 0.0
        call = f"f_beta({np.asarray(cm).tolist()}, beta={beta})"
        got = _as_float(_call(answer, cm, beta), call)
        assert math.isclose(got, expected, rel_tol=1e-9, abs_tol=1e-12), (
            f"{call} should be {expected:.6f}, got {got:.6f}. The layout is [[TN, FP], [FN, TP]]; "
            "F_beta = (1 + beta**2) * P * R / (beta**2 * P + R): beta squared, and beta**2 "
            "multiplies the precision in the denominator"
        )


def _reference_auc(y: np.ndarray, s: np.ndarray) -> float:
    pos, neg = s[y == 1], s[y == 0]
    higher = (pos[:, None] > neg[None, :]).sum()
    ties = (pos[:, None] == neg[None, :]).sum()
    return float((higher + 0.5 * ties) / (len(pos) * len(neg)))


def exercise_2(answer: Any) -> None:
    """auc_by_ranking(y, s): share of (positive, negative) pairs ranked right, ties count 1/2."""
    rng = np.random.default_rng(54)
    y_random = (rng.random(300) < 0.1).astype(np.int64)
    y_random[:3] = 1  # at least three positives
    cases = [
        (np.array([0, 0, 1, 1]), np.array([0.1, 0.4, 0.35, 0.8])),  # 3 of 4 pairs right: 0.75
        (np.array([1, 0, 1, 0, 0]), np.array([0.5, 0.5, 0.9, 0.2, 0.5])),  # ties between classes
        (np.array([0, 1, 0, 1]), np.array([0.3, 0.3, 0.3, 0.3])),  # all tied: 0.5
        (y_random, np.round(rng.random(300) + 0.3 * y_random, 1)),  # rounded scores: many ties
        (y_random, rng.normal(size=300) + y_random),
    ]
    for y, s in cases:
        expected = _reference_auc(y, s)
        call = f"auc_by_ranking(y, s) with {int(y.sum())} positives of {len(y)} rows"
        got = _as_float(_call(answer, y.copy(), s.copy()), call)
        assert math.isclose(got, expected, abs_tol=1e-9), (
            f"{call} should be {expected:.6f}, got {got:.6f}: count the pairs (positive row, "
            "negative row) where the positive scores higher, add one half for each tie, and divide "
            "by (number of positives) x (number of negatives)"
        )


def exercise_3(answer: Any) -> None:
    """mcnemar_chi2_p(b, c): McNemar's chi-square p-value, continuity-corrected, 1 degree of freedom."""
    for b, c in [(19, 7), (11, 13), (10, 3), (40, 55), (5, 6), (120, 90), (0, 9), (30, 0)]:
        statistic = (abs(b - c) - 1) ** 2 / (b + c)
        expected = math.erfc(math.sqrt(statistic / 2))
        call = f"mcnemar_chi2_p({b}, {c})"
        got = _as_float(_call(answer, b, c), call)
        assert math.isclose(got, expected, rel_tol=1e-6, abs_tol=1e-12), (
            f"{call} should be {expected:.6g}, got {got:.6g}: chi2 = (|b - c| - 1)**2 / (b + c), "
            "p = erfc(sqrt(chi2 / 2)) (the upper tail of a chi-square with one degree of freedom)"
        )
