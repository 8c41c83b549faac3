"""Checks of the exercises of section 1.1 "What makes a model large"."""

from __future__ import annotations

import math
from typing import Any


def _dense(n_in: int, n_out: int) -> int:
    return n_in * n_out + n_out


def _block(H: int, I: int) -> int:
    return 4 * _dense(H, H) + _dense(H, I) + _dense(I, H) + 2 * (2 * H)


def _as_int(value: Any, what: str) -> int:
    assert not isinstance(value, bool), f"{what} should be a whole number, got {value!r}"
    try:
        number = float(value)
    except (TypeError, ValueError):
        raise AssertionError(f"{what} should be a whole number, got {value!r}") from None
    assert number.is_integer(), f"{what} should be a whole number, got {value!r}"
    return int(number)


def exercise_1(answer: Any) -> None:
    """The parameter count of a 5 x 5 convolution from 32 to 64 channels, with biases."""
    got = _as_int(answer, "the parameter count")
    expected = 5 * 5 * 32 * 64 + 64
    assert got != 5 * 5 * 32 * 64, (
        f"{got:,} counts the weights only: each of the 64 filters also has one bias"
    )
    assert got == expected, (
        f"got {got:,}: a k x k convolution has k * k * c_in * c_out weights plus c_out biases"
    )


def exercise_2(answer: Any) -> None:
    """BERT-large's parameter count, from the formula of section 2 (equal to the built model)."""
    got = _as_int(answer, "the parameter count")
    V, T, S, H, I, L = 30522, 512, 2, 1024, 4096, 24
    expected = (V + T + S) * H + 2 * H + L * _block(H, I) + _dense(H, H)
    assert got != 340_000_000, (
        "340M is the paper's rounded figure; count the built model (or use bert_params)"
    )
    assert got == expected, (
        f"got {got:,}: use bert_params(V=30522, T=512, S=2, H=1024, I=4096, L=24) and check it "
        "against torch_count of the model built on the meta device"
    )


def exercise_3(answer: Any) -> None:
    """(a, b) with transformer_block(H, 4 * H) == a * H**2 + b * H for every width H."""
    assert isinstance(answer, (tuple, list)) and len(answer) == 2, (
        f"expected a tuple (a, b) of two numbers, got {answer!r}"
    )
    a, b = (_as_int(x, "a and b") for x in answer)
    for H in (1, 2, 64, 768, 1600, 12288):
        expected = _block(H, 4 * H)
        assert a * H**2 + b * H == expected, (
            f"with (a, b) = ({a}, {b}), a*H**2 + b*H = {a * H**2 + b * H:,} at H = {H}, but "
            f"transformer_block({H}, {4 * H}) = {expected:,}: collect the H**2 terms (attention "
            "and feed-forward weights) and the H terms (biases and layer norms)"
        )


def exercise_4(answer: Any) -> None:
    """(flops, bytes) of training Chinchilla: 6 N D, and 16 bytes per parameter with Adam in fp32."""
    assert isinstance(answer, (tuple, list)) and len(answer) == 2, (
        f"expected a tuple (flops, bytes) of two numbers, got {answer!r}"
    )
    try:
        flops, nbytes = (float(x) for x in answer)
    except (TypeError, ValueError):
        raise AssertionError(f"expected two numbers, got {answer!r}") from None
    N, D = 70e9, 1.4e12
    assert math.isclose(flops, 6 * N * D, rel_tol=0.01), (
        f"flops = {flops:.3g}: C = 6 N D with N = 70e9 parameters and D = 1.4e12 tokens"
    )
    assert math.isclose(nbytes, 16 * N, rel_tol=0.01), (
        f"bytes = {nbytes:.3g}: weight, gradient and Adam's two moments, 4 bytes each, for "
        "each of the N parameters"
    )


def exercise_5(answer: Any) -> None:
    """train_flops(sizes, B): FLOPs of forward + backward of an MLP whose input needs no gradient."""
    assert callable(answer), f"expected a function train_flops(sizes, B), got {answer!r}"
    for sizes, B in [([64, 128, 10], 32), ([5, 3], 7), ([10, 20, 30, 40], 1), ([100, 1], 16)]:
        weights = [a * b for a, b in zip(sizes, sizes[1:])]
        expected = 6 * B * sum(weights) - 2 * B * weights[0]
        got = _as_int(answer(list(sizes), B), f"train_flops({sizes}, {B})")
        assert got == expected, (
            f"train_flops({sizes}, {B}) should be {expected:,}, got {got:,}: 2 FLOPs per weight "
            "and example forward, 4 backward, except that the first layer computes no gradient "
            "for its input (2 fewer per weight); biases are not counted"
        )
