"""The checks of section 4.2's exercises accept right answers and reject plausible wrong ones."""

import math

import numpy as np
import pytest
import torch

from helpers import exercises


def _baseline(K, p=None):
    p = 1 / (K + 1) if p is None else p
    return -(p * math.log(p) + (1 - p) * math.log(1 - p))


def _analogy(W, a, b, c, exclude=True, normalise=True):
    query = W[b] - W[a] + W[c]
    sims = W @ query
    if not normalise:
        sims = (W * np.linalg.norm(W, axis=1, keepdims=True) ** 2) @ query  # favours long rows
    if exclude:
        sims[[a, b, c]] = -np.inf
    return int(np.argmax(sims))


def _full(net, centre, context, table="context", reduction="mean"):
    weight = net.context.weight if table == "context" else net.centre.weight
    logits = net.centre(centre) @ weight.T  # (B, V)
    return torch.nn.functional.cross_entropy(logits, context, reduction=reduction)


@pytest.mark.parametrize("exercise", ["4.2.1", "4.2.2", "4.2.3", "4.2.4"])
def test_unanswered_is_not_an_error(exercise):
    assert exercises.check(exercise, None) is False


@pytest.mark.parametrize("exercise, right", [
    ("4.2.1", _baseline),
    ("4.2.2", 117253.0),
    ("4.2.3", _analogy),
    ("4.2.4", _full),
])
def test_right_answers_pass(exercise, right):
    assert exercises.check(exercise, right) is True


@pytest.mark.parametrize("exercise, wrong", [
    ("4.2.1", lambda K: math.log(2)),  # the loss of logits 0
    ("4.2.1", lambda K: _baseline(K) * (K + 1)),  # summed over the K+1 logits
    ("4.2.1", lambda K: -math.log(1 / (K + 1))),  # a softmax over K+1 candidates
    ("4.2.2", 341058.0),  # no subsampling
    ("4.2.2", 74779.25),  # t / f without the square root
    ("4.2.3", lambda W, a, b, c: _analogy(W, a, b, c, exclude=False)),
    ("4.2.3", lambda W, a, b, c: _analogy(W, b, a, c)),  # a - b + c
    ("4.2.4", lambda net, centre, context: _full(net, centre, context, table="centre")),
    ("4.2.4", lambda net, centre, context: _full(net, centre, context, reduction="sum")),
])
def test_wrong_answers_are_rejected(exercise, wrong):
    with pytest.raises(exercises.WrongAnswer):
        exercises.check(exercise, wrong)
