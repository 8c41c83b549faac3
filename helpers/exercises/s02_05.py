"""Checks of the exercises of section 2.5 "An end-to-end image pipeline"."""

from __future__ import annotations

import pickle
from typing import Any

import numpy as np

from ._checks import call_answer as _call, early_stopping_replay as _early_stopping


def _as_array(value: Any, call: str) -> np.ndarray:
    if hasattr(value, "detach"):
        value = value.detach().numpy()
    try:
        return np.asarray(value, dtype=np.float64)
    except (TypeError, ValueError):
        raise AssertionError(f"{call} should return an array, got {type(value).__name__}") from None


def exercise_1(answer: Any) -> None:
    """fit_standardiser(X_train) -> standardise(X) using the training images' mu and sigma."""
    rng = np.random.default_rng(25)
    X_train = rng.random((50, 8, 8)).astype(np.float32) ** 2
    X_other = (rng.random((7, 8, 8)) * 0.5 + 0.4).astype(np.float32)  # other statistics
    mu, sigma = X_train.mean(), X_train.std()
    standardise = _call(answer, X_train.copy())
    assert callable(standardise), (
        "fit_standardiser(X_train) should return a function standardise(X), "
        f"got {type(standardise).__name__}"
    )
    for X, name in ((X_train, "the training images"), (X_other, "new images")):
        got = _as_array(_call(standardise, X.copy()), "standardise(X)")
        assert got.shape == X.shape, f"standardise(X) should keep the shape {X.shape}, got {got.shape}"
        expected = (X - mu) / sigma
        if name == "new images" and np.allclose(got, (X - X.mean()) / X.std(), atol=1e-4):
            raise AssertionError(
                "standardise(X) recomputes mu and sigma from the images it is given: new images "
                "must be standardised with the statistics of the training set"
            )
        assert np.allclose(got, expected, atol=1e-4), (
            f"standardise on {name} should give (X - mu) / sigma with mu = {mu:.4f} and "
            f"sigma = {sigma:.4f}, one of each over all pixels of all training images "
            "(the population standard deviation, np.std's default)"
        )


def exercise_2(answer: Any) -> None:
    """early_stopping(val_losses, patience) -> (epochs_run, best_epoch), counted from 1."""
    rng = np.random.default_rng(5)
    noisy = list(np.round(1 / np.arange(1, 41) + rng.normal(0, 0.02, 40), 3))
    cases = [
        ([0.9, 0.7, 0.6, 0.65, 0.62, 0.61, 0.64, 0.5], 3),  # stops at epoch 6, best 3
        ([0.9, 0.7, 0.6, 0.65, 0.62, 0.61, 0.64, 0.5], 4),  # waits long enough for 0.5
        ([0.5, 0.5, 0.5, 0.4], 2),  # equal is not better
        ([0.9, 0.8, 0.7, 0.6], 1),  # always improving: every epoch runs
        ([0.3, 0.4, 0.2], 1),  # patience 1 stops at the first miss
        (noisy, 1),
        (noisy, 5),
        (noisy, 15),
    ]
    for losses, patience in cases:
        expected = _early_stopping(losses, patience)
        call = f"early_stopping({[float(v) for v in losses][:8]}{' ...' * (len(losses) > 8)}, {patience})"
        got = _call(answer, list(losses), patience)
        try:
            got = tuple(int(v) for v in got)
        except TypeError:
            raise AssertionError(f"{call} should return a pair (epochs_run, best_epoch)") from None
        assert got == expected, (
            f"{call} should be {expected}, got {got}: a loss strictly below the best so far is a new "
            "best (epochs counted from 1); stop in the epoch that makes `patience` epochs in a row "
            "without one, and count that epoch as run"
        )


def exercise_3(answer: Any) -> None:
    """The exception class torch.load(path, weights_only=True) raises on a pickled whole model."""
    assert isinstance(answer, type) and issubclass(answer, BaseException), (
        f"expected an exception class such as ValueError (the class, not a string or an instance), "
        f"got {answer!r}"
    )
    assert answer is pickle.UnpicklingError, (
        f"{answer.__name__} is not what torch.load raises here: run it and read the first line of "
        "the traceback (the class is defined in the pickle module)"
    )


def _shift(X: np.ndarray, dy: int, dx: int) -> np.ndarray:
    H, W = X.shape[-2:]
    out = np.zeros_like(X)
    out[:, max(dy, 0):H + min(dy, 0), max(dx, 0):W + min(dx, 0)] = \
        X[:, max(-dy, 0):H + min(-dy, 0), max(-dx, 0):W + min(-dx, 0)]
    return out


def _rows(X: np.ndarray, y: np.ndarray) -> list[tuple[bytes, int]]:
    X = np.asarray(X, dtype=np.float32)
    return sorted((np.round(x, 6).tobytes(), int(label)) for x, label in zip(X, y))


def exercise_4(answer: Any) -> None:
    """shift_augment(X, y) -> (X_aug, y_aug): the images plus their four 1-pixel shifts."""
    rng = np.random.default_rng(4)
    X = rng.random((6, 8, 8)).astype(np.float32)
    y = np.array([3, 1, 4, 1, 5, 9])
    result = _call(answer, X.copy(), y.copy())
    try:
        X_aug, y_aug = result
    except (TypeError, ValueError):
        raise AssertionError("shift_augment(X, y) should return a pair (X_aug, y_aug)") from None
    X_aug = _as_array(X_aug, "shift_augment")
    y_aug = np.asarray(y_aug)
    assert X_aug.shape == (30, 8, 8) and y_aug.shape == (30,), (
        f"for 6 images expected X_aug (30, 8, 8) and y_aug (30,), got {X_aug.shape} and {y_aug.shape}"
    )
    shifts = [(0, 0), (-1, 0), (1, 0), (0, -1), (0, 1)]
    expected_X = np.concatenate([_shift(X, dy, dx) for dy, dx in shifts])
    expected_y = np.tile(y, len(shifts))
    assert _rows(X_aug, y_aug) == _rows(expected_X, expected_y), (
        "the (image, label) pairs differ from the originals plus their shifts by one pixel up, "
        "down, left and right, each with its own label, the uncovered border filled with 0 "
        "(np.roll wraps pixels around instead)"
    )
