"""The checks of section 2.4's exercises accept right answers and reject plausible wrong ones."""

import numpy as np
import pytest
import torch
from torch import nn

from helpers import exercises


def _saliency(net, X, which="predicted", absolute=True, softmax=False):
    x = torch.from_numpy(np.asarray(X, dtype=np.float32)[:, None]).clone().requires_grad_(True)
    logits = net(x)  # (N, 10)
    scores = torch.softmax(logits, dim=1) if softmax else logits
    chosen = logits.argmax(dim=1) if which == "predicted" else torch.zeros(len(X), dtype=int)
    scores[torch.arange(len(X)), chosen].sum().backward()
    grad = x.grad[:, 0]  # (N, 8, 8)
    return (grad.abs() if absolute else grad).numpy()


def _gap_lenet(hidden=64, pool=True):
    layers = [nn.Conv2d(1, 32, 3, padding="same"), nn.ReLU(), nn.MaxPool2d(2),
              nn.Conv2d(32, 64, 3, padding="same"), nn.ReLU()]
    if pool:
        layers.append(nn.MaxPool2d(2))
    layers += [nn.AdaptiveAvgPool2d(1), nn.Flatten(), nn.Linear(64, hidden), nn.ReLU(),
               nn.Dropout(0.3), nn.Linear(hidden, 10)]
    return nn.Sequential(*layers)


def _flatten_lenet():
    from helpers.cnn import lenet_torch

    return lenet_torch()


def _gap_fixed_size():
    """Right parameter count, but the pooling is a fixed 2x2 window: fails on 16x16 images."""
    return nn.Sequential(nn.Conv2d(1, 32, 3, padding="same"), nn.ReLU(), nn.MaxPool2d(2),
                         nn.Conv2d(32, 64, 3, padding="same"), nn.ReLU(), nn.MaxPool2d(2),
                         nn.AvgPool2d(2), nn.Flatten(),
                         nn.Linear(64, 64), nn.ReLU(), nn.Linear(64, 10))


def _ring(grid, r, chebyshev=True):
    d = np.arange(-2, 3)
    if chebyshev:
        mask = np.maximum(np.abs(d)[:, None], np.abs(d)[None, :]) == r
    else:
        mask = np.abs(d)[:, None] + np.abs(d)[None, :] == r
    return float(np.asarray(grid)[mask].mean())


@pytest.mark.parametrize("exercise", ["2.4.1", "2.4.2", "2.4.3", "2.4.4"])
def test_unanswered_is_not_an_error(exercise):
    assert exercises.check(exercise, None) is False


@pytest.mark.parametrize("exercise, right", [
    ("2.4.1", (1, 64, 4, 4)),
    ("2.4.1", torch.Size([1, 64, 4, 4])),
    ("2.4.2", _saliency),
    ("2.4.2", lambda net, X: torch.from_numpy(_saliency(net, X))),
    ("2.4.3", _gap_lenet()),
    ("2.4.3", _gap_lenet(pool=False)),  # pooling the 4x4 map directly: the same parameters
    ("2.4.4", _ring),
])
def test_right_answers_pass(exercise, right):
    assert exercises.check(exercise, right) is True


@pytest.mark.parametrize("exercise, wrong", [
    ("2.4.1", (1, 64, 8, 8)),  # forgot the first pooling
    ("2.4.1", (1, 64, 2, 2)),  # counted the second pooling too
    ("2.4.1", (1, 32, 4, 4)),  # channels of the first layer
    ("2.4.1", (64, 4, 4)),  # no batch axis
    ("2.4.2", lambda net, X: _saliency(net, X, absolute=False)),  # signed gradient
    ("2.4.2", lambda net, X: _saliency(net, X, softmax=True)),  # gradient of the probability
    ("2.4.2", lambda net, X: _saliency(net, X, which="class 0")),  # a fixed class
    ("2.4.3", _flatten_lenet()),  # Flatten still there
    ("2.4.3", _gap_lenet(hidden=32)),  # a different head
    ("2.4.3", _gap_fixed_size()),  # averaging a fixed window: only works on 8x8
    ("2.4.4", lambda grid, r: _ring(grid, r, chebyshev=False)),  # |dy| + |dx| = r
    ("2.4.4", lambda grid, r: float(np.asarray(grid)[2 - r:3 + r, 2 - r:3 + r].mean())),  # square
])
def test_wrong_answers_are_rejected(exercise, wrong):
    with pytest.raises(exercises.WrongAnswer):
        exercises.check(exercise, wrong)
