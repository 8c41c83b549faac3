"""Checks of the exercises of section 5.11 "Speed and the two frameworks"."""

from __future__ import annotations

import math
from typing import Any

from ._checks import as_float as _number, require_function as _function


def exercise_1(answer: Any) -> None:
    """bf16_spacing(x): gap between consecutive bfloat16 numbers in the binade of x > 0."""
    function = _function(answer)
    for x in (1.0, 1.5, 3.0, 0.75, 300.0, 1e-3, 2.0**-20, 1e30, 255.9, 256.0):
        _, exponent = math.frexp(x)  # x = m * 2**exponent with 0.5 <= m < 1
        expected = 2.0 ** (exponent - 1 - 7)  # 2**floor(log2 x) times 2**-7
        call = f"bf16_spacing({x!r})"
        got = _number(function(x), call)
        assert math.isclose(got, expected, rel_tol=1e-9), (
            f"{call} should be {expected!r}, got {got!r}. bfloat16 keeps 7 stored mantissa bits: "
            "between 2**e and 2**(e+1) (e = floor(log2 x)) its numbers are 2**(e-7) apart"
        )


def exercise_2(answer: Any) -> None:
    """bf16_count(n): the result of adding 1.0 n times to 0.0 with a bfloat16 accumulator."""
    function = _function(answer)
    for n in (0, 5, 200, 256, 257, 300, 1000):
        expected = float(min(n, 256))
        call = f"bf16_count({n})"
        got = _number(function(n), call)
        assert got == expected, (
            f"{call} should be {expected}, got {got}. Keep the running sum in bfloat16 after "
            "every addition: above 256 the spacing of bfloat16 is 2, so 256 + 1 is a tie that "
            "rounds back to the even neighbour 256"
        )


def exercise_3(answer: Any) -> None:
    """break_even_calls(compile_s, eager_s, compiled_s): calls after which compiling has paid."""
    function = _function(answer)
    cases = [
        (10.0, 0.5, 0.25, 40),
        (3.0, 0.125, 0.0625, 48),
        (5.0, 1.0, 0.625, 14),  # 13.3 calls: the 14th is the first that pays off
        (1.0, 0.75, 0.5, 4),
        (0.0, 1.0, 0.5, 1),  # nothing to pay back: the first call already gains
        (1.5, 0.25, 0.375, math.inf),  # the compiled version is slower: never pays off
        (1.0, 0.5, 0.5, math.inf),  # no gain per call: never pays off
    ]
    for compile_s, eager_s, compiled_s, expected in cases:
        call = f"break_even_calls({compile_s}, {eager_s}, {compiled_s})"
        try:
            got = _number(function(compile_s, eager_s, compiled_s), call)
        except ZeroDivisionError:
            raise AssertionError(
                f"{call} divided by zero: when compiling gains nothing per call, return math.inf"
            ) from None
        assert got == expected, (
            f"{call} should be {expected}, got {got}: the smallest whole n >= 1 with "
            "compile_s + n * compiled_s <= n * eager_s (round up), math.inf if there is none"
        )
