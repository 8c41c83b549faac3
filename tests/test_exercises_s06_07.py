"""The checks of section 6.7's exercises accept the worked answers and reject plausible wrong ones."""

import numpy as np
import pytest

from helpers.exercises import WrongAnswer, check


def gains(omega, zeta, v):
    return omega**2 / v**2, 2 * zeta * omega / v


def wilson(k, n, z):
    p = k / n
    centre, half = p + z**2 / (2 * n), z * np.sqrt(p * (1 - p) / n + z**2 / (4 * n**2))
    return (centre - half) / (1 + z**2 / n), (centre + half) / (1 + z**2 / n)


def wald(k, n, z):
    p = k / n
    half = z * np.sqrt(p * (1 - p) / n)
    return p - half, p + half


def aggregate(X, y, episodes):
    return (np.concatenate([X, episodes.obs[episodes.alive]]),
            np.concatenate([y, episodes.labels[episodes.alive]]))


@pytest.mark.parametrize("exercise", ["6.7.1", "6.7.2", "6.7.3"])
def test_unanswered_is_not_correct(exercise):
    assert check(exercise, None) is False


def test_exercise_1():
    assert check("6.7.1", gains)
    assert np.allclose(gains(1.5, 0.9, 10.0), (0.0225, 0.27))
    with pytest.raises(WrongAnswer, match="omega\\^2 / v\\^2"):
        check("6.7.1", lambda omega, zeta, v: (omega**2 / v, 2 * zeta * omega / v))  # v, not v^2
    with pytest.raises(WrongAnswer, match="2 zeta omega"):
        check("6.7.1", lambda omega, zeta, v: (omega**2 / v**2, zeta * omega / v))  # factor 2 lost


def test_exercise_2():
    assert check("6.7.2", wilson)
    with pytest.raises(WrongAnswer, match="Wilson interval"):
        check("6.7.2", wald)
    with pytest.raises(WrongAnswer, match="Wilson interval"):
        check("6.7.2", lambda k, n, z: wilson(k, n, 1.96))  # z ignored


def test_exercise_3():
    assert check("6.7.3", aggregate)
    with pytest.raises(WrongAnswer, match="aggregates, it does not replace"):
        check("6.7.3", lambda X, y, ep: aggregate(X[:0], y[:0], ep))  # old pairs dropped
    with pytest.raises(WrongAnswer, match="EXPERT"):
        check("6.7.3", lambda X, y, ep: (aggregate(X, y, ep)[0],
                                         np.concatenate([y, ep.actions[ep.alive]])))
    with pytest.raises(WrongAnswer, match="shape"):
        check("6.7.3", lambda X, y, ep: (np.concatenate([X, ep.obs.reshape(-1, 5)]),
                                         np.concatenate([y, ep.labels.ravel()])))  # off-road steps
