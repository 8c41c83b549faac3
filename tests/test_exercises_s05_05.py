"""The checks of section 5.5's exercises accept right answers and reject plausible wrong ones."""

import numpy as np
import pytest

from helpers import exercises


def _central(f, theta, h):
    grad = np.zeros_like(theta)
    for i in range(theta.size):
        e = np.zeros_like(theta)
        e[i] = h
        grad[i] = (f(theta + e) - f(theta - e)) / (2 * h)
    return grad


def _five_point(f, theta, h):
    grad = np.zeros_like(theta)
    for i in range(theta.size):
        e = np.zeros_like(theta)
        e[i] = h
        grad[i] = (-f(theta + 2 * e) + 8 * f(theta + e) - 8 * f(theta - e) + f(theta - 2 * e)) / (12 * h)
    return grad


def _five_point_in_place(f, theta, h):
    grad = np.zeros_like(theta)
    for i in range(theta.size):
        theta[i] += h  # moves theta and never restores it
        grad[i] = f(theta)
    return _five_point(f, theta, h)


def _first_non_finite(losses):
    bad = np.flatnonzero(~np.isfinite(np.asarray(losses, dtype=np.float64)))
    return int(bad[0]) if bad.size else None


def _first_nan_only(losses):
    bad = np.flatnonzero(np.isnan(np.asarray(losses, dtype=np.float64)))
    return int(bad[0]) if bad.size else None


def _distinct_values(n, k):
    m = 1
    while (m + 1) ** k <= n:
        m += 1
    return m, n


@pytest.mark.parametrize("exercise", ["5.5.1", "5.5.2", "5.5.3"])
def test_unanswered_is_not_an_error(exercise):
    assert exercises.check(exercise, None) is False


@pytest.mark.parametrize("exercise, right", [
    ("5.5.1", _five_point), ("5.5.2", _first_non_finite), ("5.5.3", _distinct_values),
])
def test_right_answers_pass(exercise, right):
    assert exercises.check(exercise, right) is True


@pytest.mark.parametrize("exercise, wrong", [
    ("5.5.1", _central),  # two-point difference: error ~1e-5 at h = 1e-2
    ("5.5.1", _five_point_in_place),
    ("5.5.1", 0.5),  # not a function
    ("5.5.2", _first_nan_only),  # misses inf
    ("5.5.2", lambda losses: (_first_non_finite(losses) or -1)),  # -1 instead of None (and 0 -> -1)
    ("5.5.2", lambda losses: None if _first_non_finite(losses) is None else _first_non_finite(losses) + 1),
    ("5.5.3", lambda n, k: (int(n ** (1 / k)), n)),  # float root: 1000 ** (1/3) -> 9
    ("5.5.3", lambda n, k: (n // k, n)),  # splits the budget instead of taking a root
    ("5.5.3", lambda n, k: (n, _distinct_values(n, k)[0])),  # the pair in the wrong order
])
def test_wrong_answers_are_rejected(exercise, wrong):
    with pytest.raises(exercises.WrongAnswer):
        exercises.check(exercise, wrong)
