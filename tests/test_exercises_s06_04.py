"""The checks of section 6.4's exercises accept right answers and reject plausible wrong ones."""

import numpy as np
import pytest

from helpers import exercises


def _best_threshold(y, p, cost_fn, cost_fp, refuse_nobody=True, strict=False):
    y, p = np.asarray(y), np.asarray(p)
    candidates = np.append(np.unique(p), np.inf) if refuse_nobody else np.unique(p)
    refuse = (lambda t: p > t) if strict else (lambda t: p >= t)
    cost = [
        cost_fn * np.sum((y == 1) & ~refuse(t)) + cost_fp * np.sum((y == 0) & refuse(t))
        for t in candidates
    ]
    return float(candidates[int(np.argmin(cost))])


def test_exercise_1_accepts_the_cheapest_threshold():
    assert exercises.check("6.4.1", _best_threshold)


@pytest.mark.parametrize(
    "wrong",
    [
        lambda y, p, cost_fn, cost_fp: 0.5,  # the default threshold
        lambda y, p, cost_fn, cost_fp: cost_fp / (cost_fp + cost_fn),  # the rule for exact p only
        lambda y, p, cost_fn, cost_fp: _best_threshold(y, p, cost_fp, cost_fn),  # costs swapped
        lambda y, p, cost_fn, cost_fp: _best_threshold(y, p, cost_fn, cost_fp, refuse_nobody=False),
    ],
)
def test_exercise_1_rejects_wrong_thresholds(wrong):
    with pytest.raises(exercises.WrongAnswer):
        exercises.check("6.4.1", wrong)


def _brier_skill(y, p, reference=None):
    y, p = np.asarray(y, float), np.asarray(p, float)
    base = y.mean() * (1 - y.mean()) if reference is None else reference
    return 1 - np.mean((p - y) ** 2) / base


def test_exercise_2_accepts_the_skill_score():
    assert exercises.check("6.4.2", _brier_skill)


@pytest.mark.parametrize(
    "wrong",
    [
        lambda y, p: float(np.mean((np.asarray(p) - np.asarray(y)) ** 2)),  # the Brier score itself
        lambda y, p: _brier_skill(y, p, reference=0.25),  # a coin flip as the reference
        lambda y, p: 1 - np.mean(np.abs(np.asarray(p) - np.asarray(y))) / 0.5,  # absolute error
    ],
)
def test_exercise_2_rejects_wrong_formulas(wrong):
    with pytest.raises(exercises.WrongAnswer):
        exercises.check("6.4.2", wrong)


def _purged_split(n, horizon, test_fraction, purge=True):
    first_test = n - round(test_fraction * n)
    stop = max(first_test - horizon + 1, 0) if purge else first_test
    return np.arange(stop), np.arange(first_test, n)


def test_exercise_3_accepts_the_purged_split():
    assert exercises.check("6.4.3", _purged_split)


@pytest.mark.parametrize(
    "wrong",
    [
        lambda n, horizon, fraction: _purged_split(n, horizon, fraction, purge=False),  # no purge
        lambda n, horizon, fraction: _purged_split(n, horizon + 1, fraction),  # one row too many
        lambda n, horizon, fraction: tuple(  # a shuffled split
            np.sort(part)
            for part in np.split(np.random.default_rng(0).permutation(n), [n - round(fraction * n)])
        ),
        lambda n, horizon, fraction: [*_purged_split(n, horizon, fraction)],  # a list, not a tuple
    ],
)
def test_exercise_3_rejects_leaky_splits(wrong):
    with pytest.raises(exercises.WrongAnswer):
        exercises.check("6.4.3", wrong)
