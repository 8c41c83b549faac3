"""The checks of section 5.8's exercises accept the worked answers and reject plausible wrong ones."""

import numpy as np
import pytest

from helpers.exercises import WrongAnswer, check


def count(d_in, hidden, classes):
    trunk, heads = d_in * hidden + hidden, sum(hidden * k + k for k in classes)
    return trunk + heads, len(classes) * trunk + heads


def cross_entropy(z, y):
    z = z - z.max(axis=1, keepdims=True)
    log_p = z - np.log(np.exp(z).sum(axis=1, keepdims=True))
    return -log_p[np.arange(len(y)), y].mean()


def multitask_loss(logits, labels, weights):
    return float(sum(weights[t] * cross_entropy(logits[t], labels[t]) for t in logits))


def head_gradient(H, Z, y, w):
    P = np.exp(Z - Z.max(axis=1, keepdims=True))
    P /= P.sum(axis=1, keepdims=True)
    return H.T @ (w * (P - np.eye(Z.shape[1])[y]) / len(y))


@pytest.mark.parametrize("exercise", ["5.8.1", "5.8.2", "5.8.3"])
def test_unanswered_is_not_correct(exercise):
    assert check(exercise, None) is False


def test_exercise_1():
    assert check("5.8.1", count)
    assert count(4, 16, [3, 2]) == (165, 245)
    with pytest.raises(WrongAnswer, match="one trunk per task"):
        check("5.8.1", lambda d, h, c: (count(d, h, c)[0], count(d, h, c)[0]))  # trunk counted once
    with pytest.raises(WrongAnswer, match="weights and biases"):
        check("5.8.1", lambda d, h, c: (d * h + sum(h * k for k in c), 0))  # no biases


def test_exercise_2():
    assert check("5.8.2", multitask_loss)
    unweighted = lambda z, y, w: multitask_loss(z, y, {t: 1.0 for t in z})
    averaged = lambda z, y, w: multitask_loss(z, y, w) / len(z)
    for wrong in (unweighted, averaged):
        with pytest.raises(WrongAnswer, match="weighted losses are added"):
            check("5.8.2", wrong)


def test_exercise_3():
    assert check("5.8.3", head_gradient)
    with pytest.raises(WrongAnswer, match="1/B"):
        check("5.8.3", lambda H, Z, y, w: head_gradient(H, Z, y, w) * len(y))  # summed, not mean
    with pytest.raises(WrongAnswer, match="1/B"):
        check("5.8.3", lambda H, Z, y, w: head_gradient(H, Z, y, 1.0))  # weight forgotten
    with pytest.raises(WrongAnswer, match="shape"):
        check("5.8.3", lambda H, Z, y, w: head_gradient(H, Z, y, w).T)
