"""The checks of section 1.4's exercises accept right answers and reject plausible wrong ones."""

import math

import pytest

from helpers import exercises


def _intensity(b, n_in, n_out, bytes_per_number=4, count_output=True):
    moved = b * n_in + n_in * n_out + (b * n_out if count_output else 0)
    return 2 * b * n_in * n_out / (bytes_per_number * moved)


def _epoch_time(N, D, batch_size, R, overhead, steps=None):
    steps = math.ceil(D / batch_size) if steps is None else steps(D, batch_size)
    return steps * overhead + 6 * N * D / R


WEEK = 0.4 * 312e12 * 7 * 86_400


@pytest.mark.parametrize("exercise", ["1.4.1", "1.4.2", "1.4.3", "1.4.4"])
def test_unanswered_is_not_an_error(exercise):
    assert exercises.check(exercise, None) is False


@pytest.mark.parametrize("exercise, right", [
    ("1.4.1", 17_179_869_184),
    ("1.4.1", 2 * 2048.0**3),
    ("1.4.2", _intensity),
    ("1.4.3", _epoch_time),
    ("1.4.3", lambda N, D, batch_size, R, overhead: -(-D // batch_size) * overhead + 6 * N * D / R),
    ("1.4.4", math.ceil(3.14e23 / WEEK)),
])
def test_right_answers_pass(exercise, right):
    assert exercises.check(exercise, right) is True


@pytest.mark.parametrize("exercise, wrong", [
    ("1.4.1", 2048**3),  # multiplications only
    ("1.4.1", 2 * 2048**2),
    ("1.4.1", "17179869184x"),
    ("1.4.2", lambda b, n_in, n_out, bytes_per_number=4: _intensity(b, n_in, n_out, bytes_per_number,
                                                                   count_output=False)),
    ("1.4.2", lambda b, n_in, n_out, bytes_per_number=4: _intensity(b, n_in, n_out, 4)),  # fp32 only
    ("1.4.2", lambda b, n_in, n_out, bytes_per_number=4: 2 * b * n_in * n_out / (4 * n_in * n_out)),
    ("1.4.3", lambda N, D, batch_size, R, overhead: _epoch_time(N, D, batch_size, R, overhead,
                                                                steps=lambda d, bs: d / bs)),
    ("1.4.3", lambda N, D, batch_size, R, overhead: _epoch_time(N, D, batch_size, R, overhead,
                                                                steps=lambda d, bs: d // bs)),
    ("1.4.3", lambda N, D, batch_size, R, overhead: 6 * N * D / R),  # no overhead
    ("1.4.4", math.floor(3.14e23 / WEEK)),  # rounded down: not quite a week
    ("1.4.4", math.ceil(3.14e23 / WEEK) + 100),
    ("1.4.4", 3.14e23 / WEEK),  # not a whole number
])
def test_wrong_answers_are_rejected(exercise, wrong):
    with pytest.raises(exercises.WrongAnswer):
        exercises.check(exercise, wrong)
