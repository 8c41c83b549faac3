"""The checks of section 5.11's exercises accept right answers and reject plausible wrong ones."""

import math

import numpy as np
import pytest

from helpers import exercises


def _spacing(x, mantissa_bits=7, rounding=math.floor):
    return 2.0 ** (rounding(math.log2(x)) - mantissa_bits)


def _spacing_bits(x):
    bits = np.array([x], dtype=np.float32).view(np.uint32)[0] & np.uint32(0xFF800000)
    return float(np.array([bits], dtype=np.uint32).view(np.float32)[0]) * 2.0**-7


def _count(n, stall=256):
    return float(min(n, stall))


def _count_loop(n):
    total = np.float32(0.0)
    for _ in range(n):  # bfloat16 rounding of a float32 sum, ties to even, by the bit formula
        bits = np.array([total + np.float32(1.0)], dtype=np.float32).view(np.uint32)
        lsb = (bits >> 16) & 1
        total = ((bits + 0x7FFF + lsb) >> 16 << 16).astype(np.uint32).view(np.float32)[0]
    return float(total)


def _break_even(compile_s, eager_s, compiled_s, rounding=math.ceil, inf=True):
    gain = eager_s - compiled_s
    if gain <= 0 and inf:
        return math.inf
    return max(1, rounding(compile_s / gain))


@pytest.mark.parametrize("exercise", ["5.11.1", "5.11.2", "5.11.3"])
def test_unanswered_is_not_an_error(exercise):
    assert exercises.check(exercise, None) is False


@pytest.mark.parametrize("exercise, right", [
    ("5.11.1", _spacing),
    ("5.11.1", _spacing_bits),
    ("5.11.2", _count),
    ("5.11.2", _count_loop),
    ("5.11.3", _break_even),
])
def test_right_answers_pass(exercise, right):
    assert exercises.check(exercise, right) is True


@pytest.mark.parametrize("exercise, wrong", [
    ("5.11.1", lambda x: _spacing(x, mantissa_bits=8)),  # half the spacing (the error bound)
    ("5.11.1", lambda x: _spacing(x, mantissa_bits=23)),  # float32's spacing
    ("5.11.1", lambda x: _spacing(x, mantissa_bits=10)),  # float16's spacing
    ("5.11.1", lambda x: _spacing(x, rounding=round)),  # rounds log2 x instead of flooring it
    ("5.11.1", 0.0078125),  # a number, not a function
    ("5.11.2", float),  # exact arithmetic: bfloat16 rounding forgotten
    ("5.11.2", lambda n: _count(n, stall=128)),
    ("5.11.2", lambda n: _count(n, stall=512)),
    ("5.11.3", lambda c, e, k: _break_even(c, e, k, rounding=math.floor)),  # rounds down
    ("5.11.3", lambda c, e, k: _break_even(c, e, k, inf=False)),  # never returns inf
    ("5.11.3", lambda c, e, k: math.ceil(c / e)),  # ignores the compiled call's own time
    ("5.11.3", lambda c, e, k: c / (e - k)),  # not a whole number of calls
])
def test_wrong_answers_fail(exercise, wrong):
    with pytest.raises(exercises.WrongAnswer):
        exercises.check(exercise, wrong)
