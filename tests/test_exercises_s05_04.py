"""The checks of section 5.4's exercises accept right answers and reject plausible wrong ones."""

import math

import numpy as np
import pytest

from helpers import exercises


def _f_beta(cm, beta, square=True, beta_on_precision=True):
    (tn, fp), (fn, tp) = np.asarray(cm).tolist()
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    w = beta**2 if square else beta
    denominator = w * precision + recall if beta_on_precision else precision + w * recall
    return (1 + w) * precision * recall / denominator if denominator else 0.0


def _f_beta_nan(cm, beta):
    (tn, fp), (fn, tp) = np.asarray(cm, dtype=np.float64)
    with np.errstate(invalid="ignore"):
        precision, recall = tp / (tp + fp), tp / (tp + fn)
        return (1 + beta**2) * precision * recall / (beta**2 * precision + recall)


def _auc(y, s, tie=0.5, flip=False):
    pos, neg = s[y == 1], s[y == 0]
    value = ((pos[:, None] > neg).sum() + tie * (pos[:, None] == neg).sum()) / (len(pos) * len(neg))
    return 1 - value if flip else value


def _chi2_p(b, c, correction=1.0, root=True):
    statistic = (abs(b - c) - correction) ** 2 / (b + c)
    return math.erfc(math.sqrt(statistic / 2) if root else statistic / 2)


def _exact_p(b, c):
    n = b + c
    return min(1.0, 2 * sum(math.comb(n, k) for k in range(min(b, c) + 1)) / 2**n)


@pytest.mark.parametrize("exercise", ["5.4.1", "5.4.2", "5.4.3"])
def test_unanswered_is_not_an_error(exercise):
    assert exercises.check(exercise, None) is False


@pytest.mark.parametrize("exercise, right", [
    ("5.4.1", _f_beta),
    ("5.4.1", lambda cm, beta: _f_beta(np.asarray(cm), float(beta))),
    ("5.4.2", _auc),
    ("5.4.3", _chi2_p),
])
def test_right_answers_pass(exercise, right):
    assert exercises.check(exercise, right) is True


@pytest.mark.parametrize("exercise, wrong", [
    ("5.4.1", lambda cm, beta: _f_beta(cm, beta, square=False)),  # beta instead of beta**2
    ("5.4.1", lambda cm, beta: _f_beta(cm, beta, beta_on_precision=False)),  # weights recall less
    ("5.4.1", _f_beta_nan),  # NaN where the formula is 0/0
    ("5.4.1", lambda cm, beta: _f_beta(np.asarray(cm)[::-1, ::-1], beta)),  # [[TP, FN], [FP, TN]]
    ("5.4.1", 0.25),  # a number, not a function
    ("5.4.2", lambda y, s: _auc(y, s, tie=0.0)),  # ties count nothing
    ("5.4.2", lambda y, s: _auc(y, s, tie=1.0)),  # ties count fully
    ("5.4.2", lambda y, s: _auc(y, s, flip=True)),  # negatives outranking positives
    ("5.4.3", lambda b, c: _chi2_p(b, c, correction=0.0)),  # no continuity correction
    ("5.4.3", lambda b, c: _chi2_p(b, c, root=False)),  # erfc(chi2 / 2)
    ("5.4.3", _exact_p),  # the exact binomial test, not the chi-square approximation
])
def test_wrong_answers_are_rejected(exercise, wrong):
    with pytest.raises(exercises.WrongAnswer):
        exercises.check(exercise, wrong)
