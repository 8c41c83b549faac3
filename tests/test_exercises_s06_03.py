"""The checks of section 6.3's exercises accept right answers and reject plausible wrong ones."""

import math

import numpy as np
import pytest

from helpers import exercises


def _item_biases(items, residuals, n_items, lam, add_lam=True, mean=False):
    counts = np.bincount(items, minlength=n_items)
    sums = np.bincount(items, residuals, minlength=n_items)
    if mean:  # the plain mean, no shrinkage (0/0 -> 0)
        return np.divide(sums, counts, out=np.zeros(n_items), where=counts > 0)
    with np.errstate(invalid="ignore"):  # without lam an unrated item is 0/0
        return sums / ((lam if add_lam else 0.0) + counts)


def _item_biases_loop(items, residuals, n_items, lam):
    out = []
    for i in range(n_items):
        mask = np.asarray(items) == i
        out.append(float(np.sum(np.asarray(residuals)[mask])) / (lam + int(mask.sum())))
    return out


def _ndcg(ranked, gains, k, log_base_shift=2, ideal_from_list=False, binary=False):
    gain = (lambda i: float(gains.get(i, 0) > 0)) if binary else (lambda i: gains.get(i, 0))
    dcg = sum(gain(item) / math.log2(j + log_base_shift) for j, item in enumerate(ranked[:k]))
    pool = [gain(i) for i in ranked[:k]] if ideal_from_list else [gain(i) for i in gains]
    best = sorted(pool, reverse=True)[:k]
    ideal = sum(g / math.log2(j + log_base_shift) for j, g in enumerate(best))
    return dcg / ideal if ideal > 0 else 0.0


@pytest.mark.parametrize("exercise", ["6.3.1", "6.3.2"])
def test_unanswered_is_not_an_error(exercise):
    assert exercises.check(exercise, None) is False


@pytest.mark.parametrize(
    "exercise, right",
    [
        ("6.3.1", _item_biases),
        ("6.3.1", _item_biases_loop),
        ("6.3.2", _ndcg),
    ],
)
def test_right_answers_pass(exercise, right):
    assert exercises.check(exercise, right) is True


@pytest.mark.parametrize(
    "exercise, wrong",
    [
        ("6.3.1", lambda it, r, n, lam: _item_biases(it, r, n, lam, add_lam=False)),  # 0/0 NaNs
        ("6.3.1", lambda it, r, n, lam: _item_biases(it, r, n, lam, mean=True)),  # no shrinkage
        ("6.3.1", lambda it, r, n, lam: _item_biases(it, r, n, lam)[:-1]),  # one item short
        (
            "6.3.1",
            lambda it, r, n, lam: (
                np.bincount(it, r, minlength=n) / (lam * np.bincount(it, minlength=n) + 1)
            ),
        ),
        ("6.3.2", lambda ranked, gains, k: _ndcg(ranked, gains, k, binary=True)),  # gains ignored
        ("6.3.2", lambda ranked, gains, k: _ndcg(ranked, gains, k, ideal_from_list=True)),
        ("6.3.2", lambda ranked, gains, k: _ndcg(ranked, gains, k, log_base_shift=1.0001)),
        ("6.3.2", lambda ranked, gains, k: _ndcg(ranked, gains, k + 1)),  # off by one at the cut
    ],
)
def test_wrong_answers_are_caught(exercise, wrong):
    with pytest.raises(exercises.WrongAnswer):
        exercises.check(exercise, wrong)


def test_wrong_types_are_caught():
    with pytest.raises(exercises.WrongAnswer, match="expected a function"):
        exercises.check("6.3.1", np.zeros(3))
    with pytest.raises(exercises.WrongAnswer, match="one number"):
        exercises.check("6.3.2", lambda ranked, gains, k: [0.5])
