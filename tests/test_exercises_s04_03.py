"""The checks of section 4.3's exercises accept right answers and reject plausible wrong ones."""

import numpy as np
import pytest
import torch

from helpers import exercises


def _mask(lengths, n, causal=True, padding=True, upper=False):
    j = torch.arange(n)
    allowed = torch.ones(len(lengths), n, n, dtype=torch.bool)
    if padding:
        allowed &= (j[None, :] < lengths[:, None])[:, None, :]
    if causal:
        tri = torch.ones(n, n, dtype=torch.bool)
        allowed &= tri.triu() if upper else tri.tril()
    return allowed


def _saturation(scale=8.0):
    torch.manual_seed(0)
    Q, K = 10 * torch.randn(1000, 64), torch.randn(10, 64)
    return torch.softmax(Q @ K.T / scale, dim=-1).max(-1).values.mean().item()


def _additive(s, h, W1, W2, v, swap=False):
    if swap:
        W1, W2 = W2, W1
    hidden = torch.tanh((s @ W1.T)[:, :, None, :] + (h @ W2.T)[:, None, :, :])  # (B, n, m, A)
    return hidden @ v


@pytest.mark.parametrize("exercise", ["4.3.1", "4.3.2", "4.3.3", "4.3.4"])
def test_unanswered_is_not_an_error(exercise):
    assert exercises.check(exercise, None) is False


@pytest.mark.parametrize("exercise, right", [
    ("4.3.1", _mask),
    ("4.3.2", (_saturation(), _saturation(1.0))),
    ("4.3.3", _additive),
    ("4.3.4", lambda digits: np.argsort(digits, kind="stable")),
    ("4.3.4", lambda digits: np.argsort(-digits, kind="stable")[::-1]),  # ties the other way
])
def test_right_answers_pass(exercise, right):
    assert exercises.check(exercise, right) is True


@pytest.mark.parametrize("exercise, wrong", [
    ("4.3.1", lambda lengths, n: _mask(lengths, n, causal=False)),
    ("4.3.1", lambda lengths, n: _mask(lengths, n, padding=False)),
    ("4.3.1", lambda lengths, n: _mask(lengths, n, upper=True)),  # sees the future
    ("4.3.1", lambda lengths, n: ~_mask(lengths, n)),  # True = masked out
    ("4.3.2", (_saturation(1.0), _saturation())),  # the wrong way round
    ("4.3.2", (_saturation(64.0), _saturation(1.0))),  # divided by d_k, not its square root
    ("4.3.3", lambda s, h, W1, W2, v: _additive(s, h, W1, W2, v, swap=True)),
    ("4.3.3", lambda s, h, W1, W2, v: s @ h.transpose(1, 2)),  # the dot score
    ("4.3.4", lambda digits: np.sort(digits)),  # the digits, not their positions
    ("4.3.4", lambda digits: np.arange(len(digits))[::-1]),  # reversal's alignment
])
def test_wrong_answers_are_rejected(exercise, wrong):
    with pytest.raises(exercises.WrongAnswer):
        exercises.check(exercise, wrong)
