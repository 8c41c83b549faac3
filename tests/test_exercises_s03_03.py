"""The checks of section 3.3's exercises accept right answers and reject plausible wrong ones."""

import numpy as np
import pytest

from helpers import data, exercises


def _standardise(series, n_train, leak=False, ddof=0):
    part = series if leak else series[:n_train]
    mu, sigma = part.mean(), part.std(ddof=ddof)
    return (series - mu) / sigma, mu, sigma


def _seasonal(s, on):
    series = data.load("sunspots").X.astype(np.float64)
    n = len(series)
    val_start = round(0.70 * n)
    test_start = val_start + round(0.15 * n)
    targets = np.arange(val_start, test_start) if on == "val" else np.arange(test_start, n)
    return s, float(np.abs(series[targets - s] - series[targets]).mean())


def _multi(z, start, stop, w, k, last=None):
    targets = np.arange(max(start, w), stop - k + 1 if last is None else last)
    X = np.stack([z[t - w:t] for t in targets])
    return X, np.stack([z[t:t + k] for t in targets]), targets


def _multi_shifted(z, start, stop, w, k):
    X, Y, targets = _multi(z, start, stop, w, k)
    shifted = np.stack([z[t - w + 1:t + 1] for t in targets])  # the window holds its target
    return shifted, Y, targets


@pytest.mark.parametrize("exercise", ["3.3.1", "3.3.2", "3.3.3"])
def test_unanswered_is_not_an_error(exercise):
    assert exercises.check(exercise, None) is False


@pytest.mark.parametrize("exercise, right", [
    ("3.3.1", _standardise),
    ("3.3.1", lambda series, n_train: _standardise(series, n_train, ddof=1)),
    ("3.3.2", _seasonal(10, "test")),
    ("3.3.3", _multi),
])
def test_right_answers_pass(exercise, right):
    assert exercises.check(exercise, right) is True


@pytest.mark.parametrize("exercise, wrong", [
    ("3.3.1", lambda series, n_train: _standardise(series, n_train, leak=True)),
    ("3.3.1", lambda series, n_train: _standardise(series, n_train)[0]),  # z only
    ("3.3.1", lambda series, n_train: (_standardise(series, n_train)[0][:n_train],
                                       *_standardise(series, n_train)[1:])),  # training years only
    ("3.3.2", _seasonal(11, "test")),  # the textbook period, not chosen on validation
    ("3.3.2", _seasonal(10, "val")),  # the validation MAE instead of the test MAE
    ("3.3.2", 10),
    ("3.3.3", lambda z, start, stop, w, k: _multi(z, start, stop, w, k, last=stop)),  # past stop
    ("3.3.3", _multi_shifted),
])
def test_wrong_answers_are_rejected(exercise, wrong):
    with pytest.raises(exercises.WrongAnswer):
        exercises.check(exercise, wrong)
