"""Checks of the exercises of section 4.2 "Word embeddings"."""

from __future__ import annotations

import math
from typing import Any

import numpy as np

from ._checks import as_float as _float

# Measured in the solutions notebook on all english_reviews (min_count=5, t=1e-4).
EXPECTED_KEPT = 117252.94  # expected number of in-vocabulary word occurrences kept per epoch
IN_VOCABULARY = 341058  # in-vocabulary word occurrences before subsampling


def exercise_1(answer: Any) -> None:
    """constant_baseline_loss(K): mean BCE of the best input-independent model, p = 1/(K+1)."""
    assert callable(answer), f"expected a function, got {type(answer).__name__}"
    for K in (1, 2, 5, 10, 15, 20):
        p = 1 / (K + 1)
        expected = -(p * math.log(p) + (1 - p) * math.log(1 - p))
        got = _float(answer(K), f"constant_baseline_loss({K})")
        assert math.isclose(got, expected, rel_tol=1e-6), (
            f"constant_baseline_loss({K}) should be {expected:.6f}, got {got:.6f}: one target 1 and "
            "K targets 0 per row, each logit predicting p = 1/(K+1); the frameworks average the "
            "binary cross-entropy over all K+1 logits"
        )


def exercise_2(answer: Any) -> None:
    """The expected number of word occurrences subsampling keeps per epoch (a float)."""
    got = _float(answer, "the expected number kept")
    assert not math.isclose(got, IN_VOCABULARY, rel_tol=1e-3), (
        f"{got:.0f} is every in-vocabulary occurrence: weight each count by its keep probability"
    )
    assert math.isclose(got, EXPECTED_KEPT, rel_tol=1e-3), (
        f"got {got:.1f}: expected sum over words of counts[w] * keep_prob[w], with "
        "keep_prob = min(1, sqrt(t / f(w))) and f(w) = counts[w] / counts.sum()"
    )


def exercise_3(answer: Any) -> None:
    """analogy(W, a, b, c): the id of the row closest (cosine) to W[b] - W[a] + W[c], inputs excluded."""
    assert callable(answer), f"expected a function, got {type(answer).__name__}"
    rng = np.random.default_rng(42)
    for trial in range(20):
        W = rng.normal(size=(50, 8))
        W /= np.linalg.norm(W, axis=1, keepdims=True)
        a, b, c = (int(i) for i in rng.choice(50, size=3, replace=False))
        if trial % 2:  # make the plain query's own input c the nearest row
            W[c] = W[b] - W[a] + W[c]
            W[c] /= np.linalg.norm(W[c])
        query = W[b] - W[a] + W[c]
        sims = W @ query / np.linalg.norm(query)
        sims[[a, b, c]] = -np.inf
        expected = int(np.argmax(sims))
        got = answer(W.copy(), a, b, c)
        assert isinstance(got, (int, np.integer)) and not isinstance(got, bool), (
            f"analogy should return one row id (an int), got {got!r}"
        )
        assert int(got) == expected, (
            f"analogy(W, {a}, {b}, {c}) should be {expected}, got {int(got)}: the row with the "
            "largest cosine to W[b] - W[a] + W[c] (b minus a plus c), not one of a, b, c"
        )


def exercise_4(answer: Any) -> None:
    """full_softmax_loss(net, centre, context): mean -log softmax over all V words (a tensor)."""
    import torch
    from torch import nn

    assert callable(answer), f"expected a function, got {type(answer).__name__}"

    class Tables(nn.Module):
        def __init__(self, vocab_size: int, dim: int, zero: bool) -> None:
            super().__init__()
            self.centre = nn.Embedding(vocab_size, dim)
            self.context = nn.Embedding(vocab_size, dim)
            if zero:
                nn.init.zeros_(self.context.weight)

    generator = torch.Generator().manual_seed(0)
    for vocab_size, zero in [(30, True), (30, False), (57, False)]:
        torch.manual_seed(vocab_size)
        net = Tables(vocab_size, 6, zero)
        centre = torch.randint(0, vocab_size, (16,), generator=generator)
        context = torch.randint(0, vocab_size, (16,), generator=generator)
        logits = net.centre(centre) @ net.context.weight.T  # (B, V)
        expected = nn.functional.cross_entropy(logits, context).item()
        got = answer(net, centre, context)
        got = _float(got.item() if hasattr(got, "item") else got, "full_softmax_loss")
        assert math.isclose(got, expected, rel_tol=1e-4, abs_tol=1e-5), (
            f"with V = {vocab_size}: expected {expected:.5f}, got {got:.5f}. Logits: the centre "
            "vectors v_c times every context vector u_w, shape (B, V); then the mean cross-entropy "
            "against the real context ids"
        )
