"""The checks of section 2.5's exercises accept right answers and reject plausible wrong ones."""

import pickle

import numpy as np
import pytest

from helpers import exercises


def _fit_standardiser(X_train, ddof=0):
    mu, sigma = float(np.mean(X_train)), float(np.std(X_train, ddof=ddof))
    return lambda X: (X - mu) / sigma


def _leaky_standardiser(X_train):
    return lambda X: (X - X.mean()) / X.std()  # statistics of whatever it is given


def _per_pixel_standardiser(X_train):
    mu, sigma = X_train.mean(axis=0), X_train.std(axis=0)
    return lambda X: (X - mu) / sigma


def _early_stopping(losses, patience, strict=True, count_stop=True, from_zero=False):
    best, best_epoch, waited = float("inf"), 0, 0
    for epoch, loss in enumerate(losses, start=1):
        if loss < best or (not strict and loss <= best):
            best, best_epoch, waited = loss, epoch, 0
        else:
            waited += 1
            if waited >= patience:
                run = epoch if count_stop else epoch - 1
                return (run, best_epoch - 1) if from_zero else (run, best_epoch)
    return (len(losses), best_epoch - 1) if from_zero else (len(losses), best_epoch)


def _shift(X, dy, dx, wrap=False):
    if wrap:
        return np.roll(X, (dy, dx), axis=(1, 2))
    H, W = X.shape[-2:]
    out = np.zeros_like(X)
    out[:, max(dy, 0):H + min(dy, 0), max(dx, 0):W + min(dx, 0)] = \
        X[:, max(-dy, 0):H + min(-dy, 0), max(-dx, 0):W + min(-dx, 0)]
    return out


def _shift_augment(X, y, wrap=False, labels="tile", shifts=((-1, 0), (1, 0), (0, -1), (0, 1))):
    X_aug = np.concatenate([X] + [_shift(X, dy, dx, wrap) for dy, dx in shifts])
    y_aug = np.tile(y, len(shifts) + 1) if labels == "tile" else np.repeat(y, len(shifts) + 1)
    return X_aug, y_aug


@pytest.mark.parametrize("exercise", ["2.5.1", "2.5.2", "2.5.3", "2.5.4"])
def test_unanswered_is_not_an_error(exercise):
    assert exercises.check(exercise, None) is False


@pytest.mark.parametrize("exercise, right", [
    ("2.5.1", _fit_standardiser),
    ("2.5.2", _early_stopping),
    ("2.5.3", pickle.UnpicklingError),
    ("2.5.4", _shift_augment),
    ("2.5.4", lambda X, y: tuple(a[::-1] for a in _shift_augment(X, y))),  # any order
])
def test_right_answers_pass(exercise, right):
    assert exercises.check(exercise, right) is True


@pytest.mark.parametrize("exercise, wrong", [
    ("2.5.1", _leaky_standardiser),  # statistics of the array being standardised
    ("2.5.1", _per_pixel_standardiser),  # per-pixel statistics
    ("2.5.1", lambda X_train: _fit_standardiser(X_train, ddof=1)),  # sample std
    ("2.5.1", lambda X_train: (X_train - X_train.mean()) / X_train.std()),  # an array, not a function
    ("2.5.2", lambda v, p: _early_stopping(v, p, strict=False)),  # equal counts as better
    ("2.5.2", lambda v, p: _early_stopping(v, p, count_stop=False)),  # stopping epoch not counted
    ("2.5.2", lambda v, p: _early_stopping(v, p, from_zero=True)),  # best epoch from 0
    ("2.5.3", RuntimeError),
    ("2.5.3", "UnpicklingError"),  # a string, not the class
    ("2.5.3", pickle.PicklingError),
    ("2.5.4", lambda X, y: _shift_augment(X, y, wrap=True)),  # np.roll wraps around
    ("2.5.4", lambda X, y: _shift_augment(X, y, labels="repeat")),  # labels out of step
    ("2.5.4", lambda X, y: _shift_augment(X, y, shifts=((-1, -1), (1, 1), (1, -1), (-1, 1)))),
])
def test_wrong_answers_are_rejected(exercise, wrong):
    with pytest.raises(exercises.WrongAnswer):
        exercises.check(exercise, wrong)
