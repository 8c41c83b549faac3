"""The checks of section 5.2's exercises accept the worked answers and reject plausible wrong ones."""

import numpy as np
import pytest

from helpers.exercises import WrongAnswer, check


def dropout(x, keep, p):
    return np.where(keep, x / (1 - p), 0.0)


def dropout_unscaled(x, keep, p):  # forgot the 1 / (1 - p)
    return np.where(keep, x, 0.0)


def dropout_scaled_by_p(x, keep, p):  # divided by the drop probability instead of the keep one
    return np.where(keep, x / p, 0.0)


def smooth(y, K, eps):
    return (1 - eps) * np.eye(K)[y] + eps / K


def smooth_over_others(y, K, eps):  # eps spread over the K - 1 wrong classes only
    return (1 - eps) * np.eye(K)[y] + eps / (K - 1) * (1 - np.eye(K)[y])


@pytest.mark.parametrize("exercise", ["5.2.1", "5.2.2", "5.2.3"])
def test_unanswered_is_not_correct(exercise):
    assert check(exercise, None) is False


def test_exercise_1():
    assert check("5.2.1", dropout)
    for wrong in (dropout_unscaled, dropout_scaled_by_p):
        with pytest.raises(WrongAnswer, match="1 - p"):
            check("5.2.1", wrong)


def test_exercise_2():
    assert check("5.2.2", smooth)
    with pytest.raises(WrongAnswer, match="eps/K"):
        check("5.2.2", smooth_over_others)
    with pytest.raises(WrongAnswer, match="shape"):
        check("5.2.2", lambda y, K, eps: np.eye(K)[y][:, :-1])


def test_exercise_3():
    assert check("5.2.3", lambda l2: 2 * l2)
    with pytest.raises(WrongAnswer, match="2 l W"):
        check("5.2.3", lambda l2: l2)  # the Keras factor copied as is
