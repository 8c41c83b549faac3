"""The checks of section 5.6's exercises accept the worked answers and reject plausible wrong ones."""

import numpy as np
import pytest

from helpers.exercises import WrongAnswer, check


def lora_linear(x, W, b, A, B, alpha, r):
    return x @ W.T + b + (alpha / r) * (x @ A.T) @ B.T


def merge_lora(W, A, B, alpha, r):
    return W + (alpha / r) * B @ A


def lora_count(shapes, r):
    return sum(r * (d_out + d_in) for d_out, d_in in shapes)


@pytest.mark.parametrize("exercise", ["5.6.1", "5.6.2", "5.6.3"])
def test_unanswered_is_not_correct(exercise):
    assert check(exercise, None) is False


@pytest.mark.parametrize("exercise, right", [
    ("5.6.1", lora_linear),
    ("5.6.1", lambda x, W, b, A, B, alpha, r: (W @ x.T).T + b + alpha / r * (B @ (A @ x.T)).T),
    ("5.6.2", merge_lora),
    ("5.6.3", lora_count),
    ("5.6.3", lambda shapes, r: int(np.sum([r * (o + i) for o, i in shapes], dtype=np.int64))),
])
def test_right_answers_pass(exercise, right):
    assert check(exercise, right) is True


@pytest.mark.parametrize("exercise, wrong", [
    ("5.6.1", lambda x, W, b, A, B, alpha, r: x @ W.T + b + alpha * (x @ A.T) @ B.T),  # no / r
    ("5.6.1", lambda x, W, b, A, B, alpha, r: x @ W.T + b + (r / alpha) * (x @ A.T) @ B.T),
    ("5.6.1", lambda x, W, b, A, B, alpha, r: x @ W.T + (alpha / r) * (x @ A.T) @ B.T),  # no bias
    ("5.6.1", lambda x, W, b, A, B, alpha, r: x @ W.T + b),  # the LoRA branch forgotten
    ("5.6.2", lambda W, A, B, alpha, r: W + alpha * B @ A),
    ("5.6.2", lambda W, A, B, alpha, r: (alpha / r) * B @ A),  # W forgotten
    ("5.6.2", lambda W, A, B, alpha, r: (W + (alpha / r) * B @ A).T),  # transposed: (d_in, d_out)
    ("5.6.3", lambda shapes, r: sum(2 * r * d_in for d_out, d_in in shapes)),
    ("5.6.3", lambda shapes, r: sum(d_out * d_in for d_out, d_in in shapes)),
    ("5.6.3", lambda shapes, r: float(lora_count(shapes, r))),
])
def test_wrong_answers_are_rejected(exercise, wrong):
    with pytest.raises(WrongAnswer):
        check(exercise, wrong)
