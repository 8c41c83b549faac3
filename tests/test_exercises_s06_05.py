"""The checks of section 6.5's exercises accept right answers and reject plausible wrong ones."""

import math

import numpy as np
import pytest

from helpers import exercises


def _cases_needed(sensitivity, confidence, tail=2.0):
    alpha = (1 - confidence) / tail
    n = 1
    while alpha ** (1 / n) < sensitivity:
        n += 1
    return n


def _brier_skill(y, p, reference_p=None, skill=True):
    y, p = np.asarray(y, float), np.asarray(p, float)
    base = y.mean() if reference_p is None else reference_p
    ratio = np.mean((p - y) ** 2) / np.mean((base - y) ** 2)
    return float(1 - ratio if skill else ratio)


def _ridge_dual(X, y, alpha, centre=False):
    if centre:
        X, y = X - X.mean(axis=0), y - y.mean()
    return X.T @ np.linalg.solve(X @ X.T + alpha * np.eye(len(X)), y)


@pytest.mark.parametrize("exercise", ["6.5.1", "6.5.2", "6.5.3"])
def test_unanswered_is_not_an_error(exercise):
    assert exercises.check(exercise, None) is False


@pytest.mark.parametrize("exercise, right", [
    ("6.5.1", _cases_needed),
    ("6.5.1", lambda s, c: int(np.int64(_cases_needed(s, c)))),
    ("6.5.2", _brier_skill),
    ("6.5.2", lambda y, p: np.float32(_brier_skill(y, p))),  # float32 is precise enough
    ("6.5.3", _ridge_dual),
    ("6.5.3", lambda X, y, alpha: np.linalg.solve(X.T @ X + alpha * np.eye(X.shape[1]), X.T @ y)),
])
def test_right_answers_pass(exercise, right):
    assert exercises.check(exercise, right) is True


@pytest.mark.parametrize("exercise, wrong", [
    ("6.5.1", lambda s, c: _cases_needed(s, c, tail=1.0)),  # one-sided: alpha, not alpha/2
    ("6.5.1", lambda s, c: math.ceil(3 / (1 - s))),  # the rule of three
    ("6.5.1", lambda s, c: float(_cases_needed(s, c))),  # a float, not a count
    ("6.5.2", lambda y, p: _brier_skill(y, p, reference_p=0.5)),  # reference 0.5, not the base rate
    ("6.5.2", lambda y, p: _brier_skill(y, p, skill=False)),  # the ratio without "1 -"
    ("6.5.3", lambda X, y, alpha: _ridge_dual(X, y, alpha, centre=True)),  # centred: an intercept
    ("6.5.3", lambda X, y, alpha: X.T @ np.linalg.solve(X @ X.T, y) if len(X) < X.shape[1]
     else np.linalg.lstsq(X, y, rcond=None)[0]),  # alpha forgotten
])
def test_wrong_answers_are_rejected(exercise, wrong):
    with pytest.raises(exercises.WrongAnswer):
        exercises.check(exercise, wrong)
