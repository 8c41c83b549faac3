"""The checks of section 1.1's exercises accept right answers and reject plausible wrong ones."""

import pytest
import torch
from torch.utils.flop_counter import FlopCounterMode

from helpers import exercises


def _block(H, I):
    return 4 * (H * H + H) + (H * I + I) + (I * H + H) + 4 * H


def _bert(V, T, S, H, I, L):
    return (V + T + S) * H + 2 * H + L * _block(H, I) + H * H + H


def _train_flops(sizes, B, first_input_grad=False):
    weights = [a * b for a, b in zip(sizes, sizes[1:])]
    return 6 * B * sum(weights) - (0 if first_input_grad else 2 * B * weights[0])


@pytest.mark.parametrize("exercise", ["1.1.1", "1.1.2", "1.1.3", "1.1.4", "1.1.5"])
def test_unanswered_is_not_an_error(exercise):
    assert exercises.check(exercise, None) is False


@pytest.mark.parametrize("exercise, right", [
    ("1.1.1", 51_264),
    ("1.1.1", 51264.0),
    ("1.1.2", _bert(30522, 512, 2, 1024, 4096, 24)),
    ("1.1.3", (12, 13)),
    ("1.1.3", [12, 13]),
    ("1.1.4", (6 * 70e9 * 1.4e12, 16 * 70e9)),
    ("1.1.4", (5.88e23, 1.12e12)),
    ("1.1.5", _train_flops),
])
def test_right_answers_pass(exercise, right):
    assert exercises.check(exercise, right) is True


@pytest.mark.parametrize("exercise, wrong", [
    ("1.1.1", 51_200),  # weights only
    ("1.1.1", 5 * 32 * 64 + 64),  # k instead of k * k
    ("1.1.1", True),
    ("1.1.2", 340_000_000),  # the paper's rounded figure
    ("1.1.2", _bert(30522, 512, 2, 1024, 3072, 24)),  # BERT-base's inner width
    ("1.1.2", _bert(30522, 512, 2, 1024, 4096, 24) - 1024 * 1024 - 1024),  # no pooler
    ("1.1.3", (12, 0)),  # only the leading term
    ("1.1.3", (12, 9)),  # the two layer norms left out
    ("1.1.3", 12),
    ("1.1.4", (2 * 70e9 * 1.4e12, 16 * 70e9)),  # forward pass only
    ("1.1.4", (6 * 70e9 * 1.4e12, 4 * 70e9)),  # weights only
    ("1.1.4", 5.88e23),
    ("1.1.5", lambda sizes, B: _train_flops(sizes, B, first_input_grad=True)),  # 6 B N_W
    ("1.1.5", lambda sizes, B: 6 * B * sum(a * b + b for a, b in zip(sizes, sizes[1:]))),
    ("1.1.5", 4),
])
def test_wrong_answers_are_rejected(exercise, wrong):
    with pytest.raises(exercises.WrongAnswer):
        exercises.check(exercise, wrong)


def test_train_flops_formula_is_what_pytorch_counts():
    sizes, B = [10, 20, 30, 5], 7
    layers = []
    for a, b in zip(sizes, sizes[1:]):
        layers += [torch.nn.Linear(a, b), torch.nn.ReLU()]
    net = torch.nn.Sequential(*layers[:-1])
    with FlopCounterMode(display=False) as counter:
        net(torch.randn(B, sizes[0])).sum().backward()
    assert counter.get_total_flops() == _train_flops(sizes, B)
