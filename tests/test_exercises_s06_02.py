"""The checks of section 6.2's exercises accept right answers and reject plausible wrong ones."""

import math

import pytest

from helpers import exercises


def _ap(ranked, relevant, by_found=False):
    hits, total = 0, 0.0
    for rank, doc in enumerate(ranked, start=1):
        if doc in set(relevant):
            hits += 1
            total += hits / rank
    if by_found:
        return total / hits if hits else 0.0
    return total / len(relevant)


def _ndcg(ranked, relevant, k, offset=1, cap_ideal=True):
    def gain(r):
        return 1 / math.log2(r + offset) if r + offset > 1 else 1.0

    dcg = sum(gain(r) for r, d in enumerate(ranked[:k], start=1) if d in set(relevant))
    n_ideal = min(k, len(relevant)) if cap_ideal else len(relevant)
    return dcg / sum(gain(r) for r in range(1, n_ideal + 1))


def _idf(n_docs, n_t, plus_one=True, log=math.log):
    return log((1 if plus_one else 0) + (n_docs - n_t + 0.5) / (n_t + 0.5))


def test_exercise_1_accepts_average_precision():
    assert exercises.check("6.2.1", _ap)


@pytest.mark.parametrize(
    "wrong",
    [
        lambda ranked, relevant: _ap(ranked, relevant, by_found=True),  # divides by hits found
        lambda ranked, relevant: len(set(ranked[:10]) & set(relevant)) / 10,  # precision@10
    ],
)
def test_exercise_1_rejects_wrong_denominators(wrong):
    with pytest.raises(exercises.WrongAnswer):
        exercises.check("6.2.1", wrong)


def test_exercise_2_accepts_ndcg():
    assert exercises.check("6.2.2", _ndcg)


@pytest.mark.parametrize(
    "wrong",
    [
        lambda ranked, relevant, k: _ndcg(ranked, relevant, k, offset=0),  # log2(r): 1/0 at rank 1
        lambda ranked, relevant, k: _ndcg(ranked, relevant, k, cap_ideal=False),  # ideal not capped
    ],
)
def test_exercise_2_rejects_off_by_one_and_uncapped_ideal(wrong):
    with pytest.raises(exercises.WrongAnswer):
        exercises.check("6.2.2", wrong)


def test_exercise_3_accepts_the_bm25_idf():
    assert exercises.check("6.2.3", _idf)


@pytest.mark.parametrize(
    "wrong",
    [
        lambda n_docs, n_t: _idf(n_docs, n_t, plus_one=False),  # negative for common terms
        lambda n_docs, n_t: _idf(n_docs, n_t, log=math.log10),  # wrong base
    ],
)
def test_exercise_3_rejects_the_classic_weight_and_log10(wrong):
    with pytest.raises(exercises.WrongAnswer):
        exercises.check("6.2.3", wrong)


def test_unanswered_exercises_are_not_errors():
    assert exercises.check("6.2.1", None) is False
