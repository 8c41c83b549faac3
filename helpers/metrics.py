"""Honest comparisons of test scores (taught in 5.4 "Evaluation you can trust").

`bootstrap_interval` puts a confidence interval on one model's test score,
`paired_bootstrap` on the difference between two models scored on the same test rows,
and `mcnemar` tests whether two classifiers' error rates differ on the same rows.
Section 5.4 writes each from its definition first; later sections import these.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Callable

import numpy as np

Metric = Callable[[np.ndarray, np.ndarray], float]


def accuracy_score(y_true: Any, y_pred: Any) -> float:
    """Fraction of rows where the prediction equals the label."""
    return float(np.mean(np.asarray(y_true) == np.asarray(y_pred)))


def _paired_arrays(*arrays: Any) -> list[np.ndarray]:
    """1-D arrays of equal length, one entry per test row; a (N, 1) column is refused, not broadcast."""
    arrays = [np.asarray(a) for a in arrays]
    shapes = [a.shape for a in arrays]
    if any(a.ndim != 1 for a in arrays) or len(set(shapes)) != 1:
        raise ValueError(
            f"expected 1-D arrays of equal length, one entry per test row, got shapes {shapes}; "
            "flatten a (N, 1) column first, e.g. keras_net.predict(X).ravel()"
        )
    if shapes[0] == (0,):
        raise ValueError("got empty arrays: there is nothing to score")
    return arrays


def _check_resampling(n_resamples: int, confidence: float) -> None:
    if (
        isinstance(n_resamples, bool)
        or not isinstance(n_resamples, (int, np.integer))
        or n_resamples < 100
    ):
        raise ValueError(f"n_resamples must be an integer >= 100, got {n_resamples!r}")
    if not 0.5 <= confidence < 1.0:
        raise ValueError(f"confidence must be in [0.5, 1), e.g. 0.95; got {confidence!r}")


def _resampled_rows(n_rows: int, n_resamples: int, seed: int) -> np.ndarray:
    return np.random.default_rng(seed).integers(0, n_rows, size=(n_resamples, n_rows))  # (R, n)


@dataclass(frozen=True)
class Interval:
    """A point estimate with a percentile-bootstrap confidence interval."""

    estimate: float
    low: float
    high: float
    confidence: float

    def __str__(self) -> str:
        return f"{self.estimate:.3f} [{self.low:.3f}, {self.high:.3f}] ({self.confidence:.0%} CI)"


def bootstrap_interval(
    y_true: Any,
    y_pred: Any,
    metric: Metric = accuracy_score,
    n_resamples: int = 2000,
    confidence: float = 0.95,
    seed: int = 0,
) -> Interval:
    """metric(y_true, y_pred) with a percentile bootstrap interval over resampled test rows."""
    y_true, y_pred = _paired_arrays(y_true, y_pred)
    _check_resampling(n_resamples, confidence)
    rows = _resampled_rows(len(y_true), n_resamples, seed)
    scores = np.array([metric(y_true[r], y_pred[r]) for r in rows])
    tail = (1 - confidence) / 2 * 100
    low, high = np.percentile(scores, [tail, 100 - tail])
    return Interval(float(metric(y_true, y_pred)), float(low), float(high), confidence)


def paired_bootstrap(
    y_true: Any,
    pred_a: Any,
    pred_b: Any,
    metric: Metric = accuracy_score,
    n_resamples: int = 2000,
    confidence: float = 0.95,
    seed: int = 0,
) -> Interval:
    """metric(A) - metric(B) on the same test rows, with a bootstrap interval (same resamples for both)."""
    y_true, pred_a, pred_b = _paired_arrays(y_true, pred_a, pred_b)
    _check_resampling(n_resamples, confidence)
    rows = _resampled_rows(len(y_true), n_resamples, seed)
    diffs = np.array([metric(y_true[r], pred_a[r]) - metric(y_true[r], pred_b[r]) for r in rows])
    tail = (1 - confidence) / 2 * 100
    low, high = np.percentile(diffs, [tail, 100 - tail])
    estimate = metric(y_true, pred_a) - metric(y_true, pred_b)
    return Interval(float(estimate), float(low), float(high), confidence)


@dataclass(frozen=True)
class McNemarResult:
    """Discordant counts and the exact two-sided p-value of McNemar's test."""

    only_a_right: int  # rows model A gets right and model B wrong
    only_b_right: int  # rows model B gets right and model A wrong
    p_value: float


def mcnemar(y_true: Any, pred_a: Any, pred_b: Any) -> McNemarResult:
    """Exact McNemar test: do classifiers A and B make errors at different rates on the same rows?"""
    from scipy.stats import binomtest

    y_true, pred_a, pred_b = _paired_arrays(y_true, pred_a, pred_b)
    right_a, right_b = pred_a == y_true, pred_b == y_true
    only_a, only_b = int(np.sum(right_a & ~right_b)), int(np.sum(right_b & ~right_a))
    if only_a + only_b == 0:
        return McNemarResult(0, 0, 1.0)  # identical error patterns: no evidence of a difference
    return McNemarResult(only_a, only_b, float(binomtest(only_a, only_a + only_b, 0.5).pvalue))
