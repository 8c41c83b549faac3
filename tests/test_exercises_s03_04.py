"""The checks of section 3.4's exercises accept right answers and reject plausible wrong ones."""

import numpy as np
import pytest

from helpers import data, exercises

TOKENS = "." + "abcdefghijklmnopqrstuvwxyz"


def _rows(words, context, starts=None, end=True):
    rows = []
    for word in words:
        ids = [0] * (starts or context) + [TOKENS.index(c) for c in word] + ([0] if end else [])
        rows += [ids[t - context:t + 1] for t in range(context, len(ids))]
    return np.array(rows)


def _nll(train_words, eval_words, context, k, starts=None, end=True, vocab=27, only=None):
    counts = np.zeros((27,) * (context + 1))
    np.add.at(counts, tuple(_rows(train_words, context, starts, end).T), 1)
    probs = (counts + k) / (counts.sum(axis=-1, keepdims=True) + k * vocab)
    rows = _rows(eval_words, context, starts, end)
    log_p = np.log(probs[tuple(rows.T)])
    if only == "letters":
        log_p = log_p[rows[:, -1] != 0]
    elif only == "end":
        log_p = log_p[rows[:, -1] == 0]
    return float(-log_p.mean())


def _names(split, kind="first"):
    return [str(w) for w in data.load("names", kind=kind, split=split).X]


def _split_nll(k=0.1, train="train"):
    return tuple(_nll(_names(train), _names("val"), 1, k, only=part) for part in ("letters", "end"))


def _surname_ppl(context=1, k=0.1, kind="last"):
    return float(np.exp(_nll(_names("train", kind), _names("val", kind), context, k)))


@pytest.mark.parametrize("exercise", ["3.4.1", "3.4.2", "3.4.3"])
def test_unanswered_is_not_an_error(exercise):
    assert exercises.check(exercise, None) is False


@pytest.mark.parametrize("exercise, right", [
    ("3.4.1", lambda train_words, eval_words, k: _nll(train_words, eval_words, 2, k)),
    ("3.4.2", _split_nll()),
    ("3.4.3", _surname_ppl()),
])
def test_right_answers_pass(exercise, right):
    assert exercises.check(exercise, right) is True


@pytest.mark.parametrize("exercise, wrong", [
    ("3.4.1", lambda tw, ew, k: _nll(tw, ew, 2, k, end=False)),  # no end token
    ("3.4.1", lambda tw, ew, k: _nll(tw, ew, 2, k, vocab=26)),  # k * 26 in the denominator
    ("3.4.1", lambda tw, ew, k: _nll(tw, ew, 1, k)),  # the bigram
    ("3.4.1", lambda tw, ew, k: _nll(tw, ew, 2, k) / np.log(2)),  # bits, not nats
    ("3.4.2", _split_nll()[::-1]),  # swapped
    ("3.4.2", _split_nll(k=1.0)),  # another smoothing
    ("3.4.2", 2.35),
    ("3.4.3", _surname_ppl(kind="first")),  # the first names' perplexity
    ("3.4.3", np.log(_surname_ppl())),  # the NLL, not the perplexity
    ("3.4.3", _surname_ppl(context=2)),  # a trigram
])
def test_wrong_answers_are_rejected(exercise, wrong):
    with pytest.raises(exercises.WrongAnswer):
        exercises.check(exercise, wrong)
