"""The checks of section 5.1's exercises accept the worked answers and reject plausible wrong ones."""

import math

import numpy as np
import pytest

from helpers.exercises import WrongAnswer, check


def nesterov_step(theta, g, state, lr, mu):
    state["v"] = mu * state.get("v", 0.0) + g
    return theta - lr * (g + mu * state["v"])


def momentum_step(theta, g, state, lr, mu):  # plain momentum: not Nesterov
    state["v"] = mu * state.get("v", 0.0) + g
    return theta - lr * state["v"]


def lr_at(t):
    if t < 20:
        return 0.05 * t / 20
    return 0.0005 + 0.5 * (0.05 - 0.0005) * (1 + math.cos(math.pi * min(t - 20, 180) / 180))


def lr_at_no_offset(t):  # forgot to subtract the warm-up steps in the cosine
    if t < 20:
        return 0.05 * t / 20
    return 0.0005 + 0.5 * (0.05 - 0.0005) * (1 + math.cos(math.pi * min(t, 180) / 180))


@pytest.mark.parametrize("exercise", ["5.1.1", "5.1.2", "5.1.3"])
def test_unanswered_is_not_correct(exercise):
    assert check(exercise, None) is False


def test_exercise_1():
    assert check("5.1.1", nesterov_step)
    with pytest.raises(WrongAnswer, match="nesterov"):
        check("5.1.1", momentum_step)
    with pytest.raises(WrongAnswer):
        check("5.1.1", 0.5)


def test_exercise_2():
    assert check("5.1.2", -0.01 * 0.002 / (0.002 + 1e-3))
    uncorrected = -0.01 * 0.1 * 0.002 / (np.sqrt(0.001) * 0.002 + 1e-3)
    with pytest.raises(WrongAnswer, match="without bias correction"):
        check("5.1.2", uncorrected)
    with pytest.raises(WrongAnswer, match="eps"):
        check("5.1.2", -0.01)
    with pytest.raises(WrongAnswer, match="sign"):
        check("5.1.2", 0.01 * 0.002 / (0.002 + 1e-3))
    with pytest.raises(WrongAnswer):
        check("5.1.2", "a lot")


def test_exercise_3():
    assert check("5.1.3", lr_at)
    with pytest.raises(WrongAnswer, match="lr_at"):
        check("5.1.3", lr_at_no_offset)
