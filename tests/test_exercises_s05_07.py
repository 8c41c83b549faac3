"""The checks of section 5.7's exercises accept the worked answers and reject plausible wrong ones."""

import numpy as np
import pytest

from helpers.exercises import WrongAnswer, check


def softmax_t(z, T):
    scaled = np.asarray(z) / T
    e = np.exp(scaled - scaled.max(axis=-1, keepdims=True))
    return e / e.sum(axis=-1, keepdims=True)


def distillation_loss(z_student, z_teacher, y, T, alpha):
    p, q = softmax_t(z_teacher, T), softmax_t(z_student, T)
    soft = (p * np.log(p / q)).sum(axis=1)
    hard = -np.log(softmax_t(z_student, 1.0)[np.arange(len(y)), y])
    return float(np.mean(alpha * T**2 * soft + (1 - alpha) * hard))


def soft_gradient(z_student, z_teacher, T):
    return T * (softmax_t(z_student, T) - softmax_t(z_teacher, T))


@pytest.mark.parametrize("exercise", ["5.7.1", "5.7.2", "5.7.3"])
def test_unanswered_is_not_correct(exercise):
    assert check(exercise, None) is False


def test_exercise_1():
    assert check("5.7.1", softmax_t)
    unstable = lambda z, T: np.exp(z / T) / np.exp(z / T).sum(axis=-1, keepdims=True)
    with pytest.raises(WrongAnswer, match="NaN or inf"):
        check("5.7.1", unstable)
    with pytest.raises(WrongAnswer, match="softmax"):
        check("5.7.1", lambda z, T: softmax_t(z, 1.0))  # temperature ignored
    with pytest.raises(WrongAnswer, match="last axis"):
        check("5.7.1", lambda z, T: softmax_t(z, 1.0) / T)  # probabilities divided by T


def test_exercise_2():
    assert check("5.7.2", distillation_loss)
    no_t2 = lambda zs, zt, y, T, a: distillation_loss(zs, zt, y, 1.0, 0.0) * (1 - a) + a * (
        distillation_loss(zs, zt, y, T, 1.0) / T**2)
    swapped = lambda zs, zt, y, T, a: distillation_loss(zt, zs, y, T, a)  # KL(student || teacher)
    for wrong in (no_t2, swapped):
        with pytest.raises(WrongAnswer, match="T\\*\\*2"):
            check("5.7.2", wrong)


def test_exercise_3():
    assert check("5.7.3", soft_gradient)
    with pytest.raises(WrongAnswer, match="student minus teacher"):
        check("5.7.3", lambda zs, zt, T: (softmax_t(zs, T) - softmax_t(zt, T)) / T)  # no T**2
    with pytest.raises(WrongAnswer, match="student minus teacher"):
        check("5.7.3", lambda zs, zt, T: -soft_gradient(zs, zt, T))
    with pytest.raises(WrongAnswer, match="shape"):
        check("5.7.3", lambda zs, zt, T: soft_gradient(zs, zt, T).sum(axis=0))
