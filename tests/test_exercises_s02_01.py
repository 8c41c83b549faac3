"""The checks of section 2.1's exercises accept right answers and reject plausible wrong ones."""

import math

import numpy as np
import pytest
from numpy.lib.stride_tricks import sliding_window_view

from helpers import exercises


def _same(n, k, s, odd_first=False, ceil_total=False):
    n_out = math.ceil(n / s)
    total = max((n_out - 1) * s + k - n, 0)
    if ceil_total:
        total = k - 1  # "same" as if the stride were 1
    small, large = total // 2, total - total // 2
    return (large, small) if odd_first else (small, large)


def _max_pool(X, k, s, p, fill=-np.inf):
    padded = np.pad(X, ((0, 0), (0, 0), (p, p), (p, p)), constant_values=fill)
    return sliding_window_view(padded, (k, k), axis=(2, 3))[:, :, ::s, ::s].max(axis=(4, 5))


@pytest.mark.parametrize("exercise", ["2.1.1", "2.1.2", "2.1.3", "2.1.4"])
def test_unanswered_is_not_an_error(exercise):
    assert exercises.check(exercise, None) is False


@pytest.mark.parametrize("exercise, right", [
    ("2.1.1", (4, 8, 15, 15)),
    ("2.1.1", [4, 8, 15, 15]),
    ("2.1.1", np.array([4, 8, 15, 15])),
    ("2.1.2", _same),
    ("2.1.2", lambda n, k, s: [int(v) for v in _same(n, k, s)]),
    ("2.1.3", lambda layers: 1 + sum(d * (k - 1) for k, d in layers)),
    ("2.1.4", _max_pool),
    ("2.1.4", lambda X, k, s, p: _max_pool(X, k, s, p, fill=np.finfo(np.float32).min)),
])
def test_right_answers_pass(exercise, right):
    assert exercises.check(exercise, right) is True


def test_right_shape_is_the_layers_output():
    torch = pytest.importorskip("torch")
    shape = torch.nn.Conv2d(3, 8, 5, stride=2, padding=1)(torch.zeros(4, 3, 32, 32)).shape
    assert exercises.check("2.1.1", shape) is True


@pytest.mark.parametrize("exercise, wrong", [
    ("2.1.1", (4, 8, 16, 16)),  # rounded up
    ("2.1.1", (4, 8, 14, 14)),  # padding forgotten
    ("2.1.1", (4, 3, 15, 15)),  # input channels kept
    ("2.1.1", (8, 15, 15)),  # batch axis dropped
    ("2.1.1", "4, 8, 15, 15"),
    ("2.1.2", lambda n, k, s: _same(n, k, s, odd_first=True)),  # odd zero before
    ("2.1.2", lambda n, k, s: _same(n, k, s, ceil_total=True)),  # stride-1 "same" padding
    ("2.1.2", lambda n, k, s: ((k - 1) // 2, (k - 1) // 2)),  # symmetric p = (k - 1) / 2
    ("2.1.3", lambda layers: sum(k for k, d in layers)),  # kernel sizes added
    ("2.1.3", lambda layers: 1 + sum(k - 1 for k, d in layers)),  # dilation ignored
    ("2.1.3", lambda layers: 1 + sum(d * k for k, d in layers)),  # d * k instead of d * (k - 1)
    ("2.1.3", 9),  # a number, not a function
    ("2.1.4", lambda X, k, s, p: _max_pool(X, k, s, p, fill=0.0)),  # zero padding
    ("2.1.4", lambda X, k, s, p: _max_pool(X, k, s, 0)),  # padding ignored
])
def test_wrong_answers_are_rejected(exercise, wrong):
    with pytest.raises(exercises.WrongAnswer):
        exercises.check(exercise, wrong)
