"""Checks of the exercises of section 3.4 "A character-level language model of names"."""

from __future__ import annotations

import functools
import math
from typing import Any, Sequence

import numpy as np

TOKENS = "." + "abcdefghijklmnopqrstuvwxyz"  # index 0 is the start/end token, as in the section
INDEX = {c: i for i, c in enumerate(TOKENS)}
V = len(TOKENS)


def _pairs(words: Sequence[str], context: int) -> np.ndarray:
    """Rows (previous `context` tokens..., next token) of every predicted token, end tokens too."""
    rows = []
    for word in words:
        ids = [0] * context + [INDEX[c] for c in word] + [0]
        rows += [ids[t - context:t + 1] for t in range(context, len(ids))]
    return np.array(rows, dtype=np.int64)


def _ngram_log_probs(train_words: Sequence[str], eval_words: Sequence[str], context: int,
                     k: float) -> np.ndarray:
    """log P(next | previous tokens), add-k smoothed, of every predicted token of eval_words."""
    counts = np.zeros((V,) * (context + 1))
    np.add.at(counts, tuple(_pairs(train_words, context).T), 1)
    probs = (counts + k) / (counts + k).sum(axis=-1, keepdims=True)
    return np.log(probs[tuple(_pairs(eval_words, context).T)])


@functools.lru_cache(maxsize=None)
def _names(split: str, kind: str = "first") -> tuple[str, ...]:
    from helpers import data

    return tuple(str(w) for w in data.load("names", kind=kind, split=split).X)


def _as_float(value: Any, what: str) -> float:
    try:
        result = float(value)
    except (TypeError, ValueError):
        raise AssertionError(f"{what} should be one number, got {value!r}") from None
    assert math.isfinite(result), f"{what} is {result}, expected a finite number"
    return result


def exercise_1(answer: Any) -> None:
    """trigram_nll(train_words, eval_words, k): mean NLL per token of the add-k trigram model."""
    assert callable(answer), (
        f"expected a function trigram_nll(train_words, eval_words, k), got {answer!r}"
    )
    rng = np.random.default_rng(34)
    letters = list("abcdefghijklmnopqrstuvwxyz")
    random_words = ["".join(rng.choice(letters[:6], size=rng.integers(1, 6))) for _ in range(40)]
    train_names, val_names = _names("train"), _names("val")
    cases = [(["anna", "ann", "bob"], ["anna", "bo"], 1.0),
             (random_words[:30], random_words[30:], 0.3),
             (train_names, val_names[:200], 0.1)]
    for train_words, eval_words, k in cases:
        expected = float(-_ngram_log_probs(train_words, eval_words, 2, k).mean())
        call = (f"trigram_nll({len(train_words)} training words, {len(eval_words)} words to score, "
                f"k={k})")
        got = _as_float(answer(list(train_words), list(eval_words), k), call)
        assert math.isclose(got, expected, rel_tol=1e-6), (
            f"{call} should be {expected:.5f} nats per token, got {got:.5f}: pad every name "
            "with two "
            "start tokens '..' and one end token '.', count N[a, b, c] over the training names, "
            "P(c | a, b) = (N[a, b, c] + k) / (sum over c' of N[a, b, c'] + k * 27), and average "
            "-log P over every predicted token, the end token included"
        )


def exercise_2(answer: Any) -> None:
    """(nll_letters, nll_end): the k = 0.1 bigram's validation NLL on letters and on end tokens."""
    assert isinstance(answer, tuple) and len(answer) == 2, (
        "answer with the tuple (nll_letters, nll_end) of two floats"
    )
    log_p = _ngram_log_probs(_names("train"), _names("val"), 1, 0.1)
    is_end = _pairs(_names("val"), 1)[:, 1] == 0
    expected = (float(-log_p[~is_end].mean()), float(-log_p[is_end].mean()))
    got = tuple(_as_float(value, name) for value, name in zip(answer, ("nll_letters", "nll_end")))
    assert all(math.isclose(g, e, rel_tol=1e-4) for g, e in zip(got, expected)), (
        f"got ({got[0]:.4f}, {got[1]:.4f}); the bigram with k = 0.1 fitted on the training names "
        "gives other mean NLLs on the validation names: split the predicted tokens into letters "
        "(target a-z) and end tokens (target '.'), and average -log P(target | previous) over each"
    )


def exercise_3(answer: Any) -> None:
    """The validation perplexity of the add-k (k = 0.1) bigram fitted on the training surnames."""
    got = _as_float(answer, "the surname bigram's validation perplexity")
    nll = -_ngram_log_probs(_names("train", "last"), _names("val", "last"), 1, 0.1).mean()
    expected = float(np.exp(nll))
    assert math.isclose(got, expected, rel_tol=1e-3), (
        f"got {got:.3f}: the bigram with k = 0.1 counted on the training surnames "
        "(helpers.data.load('names', kind='last', split='train')) has another perplexity "
        "exp(mean NLL per token) on the validation surnames, end tokens included"
    )
