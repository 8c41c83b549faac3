"""The checks of section 4.6's exercises accept right answers and reject plausible wrong ones."""

import math

import numpy as np
import pytest
from scipy.optimize import curve_fit

from helpers import exercises


def _law(n, l_inf, n_c, alpha):
    return l_inf + (n_c / n) ** alpha


def _fit_law(N, L):
    params, _ = curve_fit(_law, N, L, p0=(1.5, 1e3, 0.2), bounds=([0, 1, 0.01], [3, 1e9, 1]))
    return tuple(params)


def _fit_pure(N, L):
    slope, intercept = np.polyfit(np.log(N), np.log(L), 1)
    return 0.0, math.exp(intercept) ** (1 / -slope), -slope


def _total(w, output_bias=True):
    return (128 * w + w) + (w * w + w) + 256 * 8 + 256 * w + (256 if output_bias else 0)


def _gpt(d, layers, d_ff, final_ln=True, head=False):
    block = 4 * (d * d + d) + (d * d_ff + d_ff) + (d_ff * d + d) + 4 * d
    return layers * block + (2 * d if final_ln else 0) + (d * 29 + 29 if head else 0)


def test_exercise_1_accepts_curve_fit():
    assert exercises.check("4.6.1", _fit_law)


@pytest.mark.parametrize("wrong", [_fit_pure, lambda N, L: tuple(reversed(_fit_law(N, L)))])
def test_exercise_1_rejects_wrong_fits(wrong):
    with pytest.raises(exercises.WrongAnswer):
        exercises.check("4.6.1", wrong)


def test_exercise_2_accepts_the_total():
    assert exercises.check("4.6.2", _total)


@pytest.mark.parametrize(
    "wrong", [lambda w: _total(w, output_bias=False), lambda w: (128 * w + w) + (w * w + w)]
)
def test_exercise_2_rejects_wrong_totals(wrong):
    with pytest.raises(exercises.WrongAnswer):
        exercises.check("4.6.2", wrong)


def test_exercise_3_accepts_chinchilla():
    assert exercises.check("4.6.3", lambda C: (math.sqrt(C / 120), 20 * math.sqrt(C / 120)))


@pytest.mark.parametrize(
    "wrong",
    [
        lambda C: (math.sqrt(C / 6), math.sqrt(C / 6)),  # one token per parameter
        lambda C: (math.sqrt(C / 20), 20 * math.sqrt(C / 20)),  # forgets the 6
    ],
)
def test_exercise_3_rejects_wrong_allocations(wrong):
    with pytest.raises(exercises.WrongAnswer):
        exercises.check("4.6.3", wrong)


def test_exercise_4_accepts_the_count():
    assert exercises.check("4.6.4", _gpt)


@pytest.mark.parametrize("options", [dict(final_ln=False), dict(head=True)])
def test_exercise_4_rejects_wrong_counts(options):
    with pytest.raises(exercises.WrongAnswer):
        exercises.check("4.6.4", lambda d, layers, d_ff: _gpt(d, layers, d_ff, **options))
