"""Checks of the exercises of section 1.4 "Compute: what a GPU changes" (none depends on speed)."""

from __future__ import annotations

import math
from typing import Any


def _number(value: Any, what: str) -> float:
    assert not isinstance(value, bool), f"{what} should be a number, got {value!r}"
    try:
        return float(value)
    except (TypeError, ValueError):
        raise AssertionError(f"{what} should be a number, got {value!r}") from None


def exercise_1(answer: Any) -> None:
    """The FLOP count of a 2048 x 2048 by 2048 x 2048 matrix product: 2 m n k."""
    got = _number(answer, "the FLOP count")
    expected = 2 * 2048**3
    assert got != 2048**3, (
        f"{got:,.0f} counts the multiplications only: each also has an addition (2 m n k)"
    )
    assert got == expected, (
        f"got {got:,.0f}: each of the m n entries takes k multiplications and k additions"
    )


def exercise_2(answer: Any) -> None:
    """intensity(b, n_in, n_out, bytes_per_number=4): FLOPs per byte moved by Y = X W."""
    assert callable(answer), f"expected a function intensity(b, n_in, n_out, ...), got {answer!r}"
    cases = [(1, 1024, 1024, 4), (1024, 1024, 1024, 4), (64, 1024, 1024, 8), (7, 30, 5, 4),
             (256, 512, 128, 2)]
    for b, n_in, n_out, nbytes in cases:
        flops = 2 * b * n_in * n_out
        moved = nbytes * (b * n_in + n_in * n_out + b * n_out)
        expected = flops / moved
        call = f"intensity({b}, {n_in}, {n_out}, bytes_per_number={nbytes})"
        got = _number(answer(b, n_in, n_out, bytes_per_number=nbytes), call)
        assert math.isclose(got, expected, rel_tol=1e-9), (
            f"{call} should be {expected:.4f} FLOP per byte, got {got:.4f}: FLOPs = 2 b n_in n_out; "
            "bytes = bytes_per_number x (b n_in for X + n_in n_out for W + b n_out for Y)"
        )
    default = _number(answer(1, 1024, 1024), "intensity(1, 1024, 1024)")
    assert math.isclose(default, 2 * 1024**2 / (4 * (2 * 1024 + 1024**2)), rel_tol=1e-9), (
        "without bytes_per_number, intensity should assume float32: 4 bytes per number"
    )


def exercise_3(answer: Any) -> None:
    """epoch_time(N, D, batch_size, R, overhead): steps x overhead + 6 N D / R, in seconds."""
    assert callable(answer), f"expected a function epoch_time(N, D, ...), got {answer!r}"
    cases = [(9_610, 1_258, 64, 1e11, 1e-3), (9_610, 1_258, 8, 1e11, 1e-3),
             (9_610, 1_258, 256, 5e10, 2e-4), (1e6, 1000, 1000, 1e12, 0.0), (100, 10, 3, 1e9, 0.5)]
    for N, D, batch_size, R, overhead in cases:
        expected = math.ceil(D / batch_size) * overhead + 6 * N * D / R
        call = f"epoch_time(N={N:g}, D={D}, batch_size={batch_size}, R={R:g}, overhead={overhead:g})"
        got = _number(answer(N, D, batch_size, R, overhead), call)
        assert math.isclose(got, expected, rel_tol=1e-9, abs_tol=1e-15), (
            f"{call} should be {expected:.6g} s, got {got:.6g}: ceil(D / batch_size) steps "
            "(the last batch may be smaller but still costs a step) times the overhead, "
            "plus 6 N D / R for the arithmetic"
        )


def exercise_4(answer: Any) -> None:
    """The smallest number of A100s (40% of 312 TFLOP/s) that train GPT-3 in at most a week."""
    got = _number(answer, "the number of GPUs")
    rate = 0.4 * 312e12 * 7 * 86_400  # FLOPs one GPU does in a week
    expected = math.ceil(3.14e23 / rate)
    assert got == int(got), f"{got} GPUs: a number of GPUs is a whole number"
    assert got * rate >= 3.14e23, (
        f"{got:,.0f} GPUs do {got * rate:.3g} FLOPs in a week, less than GPT-3's 3.14e23: "
        "round up, not down"
    )
    assert got == expected, (
        f"{got:,.0f} GPUs are more than needed: one GPU does 0.4 x 312e12 x 7 x 86,400 FLOPs "
        "in a week"
    )
