"""The checks of section 6.9's exercises accept right answers and reject plausible wrong ones."""

import numpy as np
import pytest
from scipy.stats import linregress

from helpers import exercises


def _optimal_size(N, L):
    c2, c1, _ = np.polyfit(np.log(N), L, deg=2)
    return float(np.exp(-c1 / (2 * c2)))


def _best_rung(N, L):
    return float(N[np.argmin(L)])


def _log_of_vertex(N, L):
    c2, c1, _ = np.polyfit(np.log(N), L, deg=2)
    return float(-c1 / (2 * c2))


def _three_point_vertex(N, L):
    i = int(np.clip(np.argmin(L), 1, len(N) - 2))
    return _optimal_size(N[i - 1:i + 2], L[i - 1:i + 2])


def _power_law_fit(x, y):
    fit = linregress(np.log(x), np.log(y))
    return fit.slope, fit.stderr


def _se_over_n(x, y):
    lx, ly = np.log(x), np.log(y)
    slope, intercept = np.polyfit(lx, ly, 1)
    r = ly - slope * lx - intercept
    return slope, np.sqrt(r @ r / len(x) / np.sum((lx - lx.mean()) ** 2))


def _linear_slope(x, y):
    fit = linregress(x, y)
    return fit.slope, fit.stderr


def test_exercise_1_accepts_the_vertex_of_the_least_squares_parabola():
    assert exercises.check("6.9.1", _optimal_size)


@pytest.mark.parametrize("wrong", [_best_rung, _log_of_vertex, _three_point_vertex])
def test_exercise_1_rejects_the_best_rung_a_log_or_three_points(wrong):
    with pytest.raises(exercises.WrongAnswer):
        exercises.check("6.9.1", wrong)


def test_exercise_2_accepts_the_log_log_slope_and_its_standard_error():
    assert exercises.check("6.9.2", _power_law_fit)


@pytest.mark.parametrize("wrong", [_se_over_n, _linear_slope, lambda x, y: 0.5])
def test_exercise_2_rejects_n_instead_of_n_minus_2_and_a_linear_fit(wrong):
    with pytest.raises(exercises.WrongAnswer):
        exercises.check("6.9.2", wrong)
