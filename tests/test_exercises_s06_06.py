"""The checks of section 6.6's exercises accept right answers and reject plausible wrong ones."""

import numpy as np
import pytest
import sklearn.decomposition

from helpers import exercises


def _precision(r, f, pi, ignore_prevalence=False, no_complement=False):
    if ignore_prevalence:
        return r / (r + f) if r + f else 0.0
    normal = pi if no_complement else 1 - pi
    flagged = r * pi + f * normal
    return r * pi / flagged if flagged else 0.0


def _precision_nan(r, f, pi):
    with np.errstate(invalid="ignore"):
        return np.float64(r * pi) / np.float64(r * pi + f * (1 - pi))


def _components(X, share, centre=True, strict=False, offset=1):
    X = np.asarray(X, dtype=np.float64)
    singular = np.linalg.svd(X - X.mean(axis=0) if centre else X, compute_uv=False)
    explained = np.cumsum(singular**2) / np.sum(singular**2)
    k = int(np.argmax(explained > share) if strict else np.searchsorted(explained, share))
    return k + offset


def _components_sklearn(X, share):
    ratios = sklearn.decomposition.PCA(svd_solver="full").fit(X).explained_variance_ratio_
    return int(np.searchsorted(np.cumsum(ratios), share) + 1)


def _cheapest(scores, is_defect, c_fa, c_miss, flag_at_or_above=False, swap=False):
    if swap:
        c_fa, c_miss = c_miss, c_fa
    best_t, best_cost = None, np.inf
    for t in np.concatenate([[-np.inf], np.sort(scores)]):
        flagged = scores >= t if flag_at_or_above else scores > t
        cost = c_fa * np.sum(flagged & ~is_defect) + c_miss * np.sum(~flagged & is_defect)
        if cost < best_cost:
            best_t, best_cost = t, cost
    return float(best_t)


def _cumsum_ignoring_ties(scores, is_defect, c_fa, c_miss):
    order = np.argsort(scores, kind="stable")
    d = is_defect[order]
    missed = np.concatenate([[0], np.cumsum(d)])
    false_alarms = np.sum(~d) - np.concatenate([[0], np.cumsum(~d)])
    cost = c_fa * false_alarms + c_miss * missed
    return float(np.concatenate([[-np.inf], scores[order]])[np.argmin(cost)])


def _fewest_errors(scores, is_defect, c_fa, c_miss):
    return _cheapest(scores, is_defect, 1.0, 1.0)


@pytest.mark.parametrize("exercise", ["6.6.1", "6.6.2", "6.6.3"])
def test_unanswered_is_not_an_error(exercise):
    assert exercises.check(exercise, None) is False


@pytest.mark.parametrize("exercise, right", [
    ("6.6.1", _precision),
    ("6.6.2", _components),
    ("6.6.2", _components_sklearn),
    ("6.6.3", _cheapest),
])
def test_right_answers_pass(exercise, right):
    assert exercises.check(exercise, right) is True


@pytest.mark.parametrize("exercise, wrong", [
    ("6.6.1", lambda r, f, pi: _precision(r, f, pi, ignore_prevalence=True)),  # test-set mix
    ("6.6.1", lambda r, f, pi: _precision(r, f, pi, no_complement=True)),  # f * pi, not f * (1-pi)
    ("6.6.1", _precision_nan),  # NaN when nothing is flagged
    ("6.6.1", lambda r, f, pi: r * pi),  # share of items that are flagged defects
    ("6.6.2", lambda X, share: _components(X, share, centre=False)),  # uncentred
    ("6.6.2", lambda X, share: _components(X, share, offset=0)),  # index, not count
    ("6.6.2", lambda X, share: float(_components(X, share))),  # not an int
    ("6.6.3", lambda s, d, c_fa, c_miss: _cheapest(s, d, c_fa, c_miss, swap=True)),
    ("6.6.3", _fewest_errors),  # ignores the costs
    ("6.6.3", _cumsum_ignoring_ties),  # splits a group of equal scores
    ("6.6.3", lambda s, d, c_fa, c_miss: _cheapest(s, d, c_fa, c_miss, flag_at_or_above=True)),
])
def test_wrong_answers_fail(exercise, wrong):
    with pytest.raises(exercises.WrongAnswer):
        exercises.check(exercise, wrong)


def test_wrong_types_fail():
    with pytest.raises(exercises.WrongAnswer):
        exercises.check("6.6.1", 0.5)  # a number, not a function
