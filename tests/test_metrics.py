"""Tests of helpers.metrics: bootstrap intervals and McNemar's test, against references."""

import numpy as np
import pytest

from helpers import metrics


def _two_classifiers(n: int = 400, seed: int = 0):
    rng = np.random.default_rng(seed)
    y = rng.integers(0, 2, n)
    pred_a = np.where(rng.random(n) < 0.90, y, 1 - y)  # about 90 % right
    pred_b = np.where(rng.random(n) < 0.80, y, 1 - y)  # about 80 % right
    return y, pred_a, pred_b


def test_bootstrap_interval_brackets_the_estimate_and_matches_the_normal_approximation():
    y, pred_a, _ = _two_classifiers()
    interval = metrics.bootstrap_interval(y, pred_a)
    accuracy = float(np.mean(y == pred_a))
    assert interval.estimate == accuracy and interval.low < accuracy < interval.high
    half_width = 1.96 * np.sqrt(accuracy * (1 - accuracy) / len(y))  # binomial standard error
    assert (interval.high - interval.low) / 2 == pytest.approx(half_width, rel=0.15)
    assert metrics.bootstrap_interval(y, pred_a, seed=0) == interval  # seeded: reproducible


def test_paired_bootstrap_sees_a_real_difference_and_no_difference_between_equals():
    y, pred_a, pred_b = _two_classifiers()
    difference = metrics.paired_bootstrap(y, pred_a, pred_b)
    assert difference.low > 0  # a 10-point gap on 400 rows is detectable
    same = metrics.paired_bootstrap(y, pred_a, pred_a)
    assert same.estimate == same.low == same.high == 0.0


def test_mcnemar_equals_statsmodels_exact_test():
    from statsmodels.stats.contingency_tables import mcnemar as reference

    y, pred_a, pred_b = _two_classifiers()
    result = metrics.mcnemar(y, pred_a, pred_b)
    right_a, right_b = pred_a == y, pred_b == y
    table = [
        [np.sum(right_a & right_b), np.sum(right_a & ~right_b)],
        [np.sum(~right_a & right_b), np.sum(~right_a & ~right_b)],
    ]
    assert (result.only_a_right, result.only_b_right) == (table[0][1], table[1][0])
    assert result.p_value == pytest.approx(reference(table, exact=True).pvalue, rel=1e-9)
    assert metrics.mcnemar(y, pred_a, pred_a).p_value == 1.0


@pytest.mark.parametrize(
    "call",
    [
        lambda: metrics.bootstrap_interval([1, 0], [1]),
        lambda: metrics.bootstrap_interval([], []),
        lambda: metrics.bootstrap_interval(1, 1),
        lambda: metrics.bootstrap_interval([1, 0], [1, 0], n_resamples=10),
        lambda: metrics.bootstrap_interval([1, 0], [1, 0], confidence=95),
        lambda: metrics.mcnemar([1, 0, 1], [1, 0], [1, 0, 1]),
    ],
)
def test_bad_inputs_are_clear_errors(call):
    with pytest.raises(ValueError):
        call()


def test_a_column_of_labels_is_refused_instead_of_broadcast():
    y, pred_a, pred_b = _two_classifiers()
    with pytest.raises(ValueError, match=r"flatten a \(N, 1\) column first"):
        metrics.mcnemar(y[:, None], pred_a, pred_b)  # would compare every row with every row
