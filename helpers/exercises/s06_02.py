"""Checks of the exercises of section 6.2 "Semantic search and retrieval-augmented answers"."""

from __future__ import annotations

import math
from typing import Any

import numpy as np

from ._checks import as_float as _as_float, call_answer as _call


def _average_precision(ranked: list[int], relevant: set[int]) -> float:
    hits, total = 0, 0.0
    for rank, doc in enumerate(ranked, start=1):
        if doc in relevant:
            hits += 1
            total += hits / rank
    return total / len(relevant)


def _ndcg(ranked: list[int], relevant: set[int], k: int) -> float:
    dcg = sum(1 / math.log2(r + 1) for r, d in enumerate(ranked[:k], start=1) if d in relevant)
    ideal = sum(1 / math.log2(r + 1) for r in range(1, min(k, len(relevant)) + 1))
    return dcg / ideal


def _ranking_cases() -> list[tuple[list[int], list[int]]]:
    rng = np.random.default_rng(62)
    cases = [
        ([3, 1, 4, 5, 9], [3]),  # first place
        ([3, 1, 4, 5, 9], [4, 9]),  # ranks 3 and 5
        ([7, 2, 8, 6], [2, 11]),  # one relevant id never retrieved
        ([7, 2, 8, 6], [10]),  # nothing relevant retrieved
        ([0, 1, 2, 3, 4, 5], [5, 4, 0]),  # relevant given in another order
    ]
    for _ in range(6):
        ranked = rng.permutation(40)[:15].tolist()
        relevant = rng.choice(40, size=int(rng.integers(1, 6)), replace=False).tolist()
        cases.append((ranked, relevant))
    return cases


def exercise_1(answer: Any) -> None:
    """average_precision(ranked, relevant): mean precision at the ranks of the relevant ids."""
    for ranked, relevant in _ranking_cases():
        expected = _average_precision(ranked, set(relevant))
        call = f"average_precision({ranked}, {relevant})"
        got = _as_float(_call(answer, list(ranked), list(relevant)), call)
        assert math.isclose(got, expected, rel_tol=1e-9, abs_tol=1e-12), (
            f"{call} should be {expected:.6f}, got {got:.6f}. Average the precision at the rank of "
            "each relevant id found, and divide by the number of relevant ids |R| (a relevant id "
            "that is not retrieved counts 0), not by the number found"
        )


def exercise_2(answer: Any) -> None:
    """ndcg_at_k(ranked, relevant, k): binary nDCG, gains 1 / log2(rank + 1), ideal capped at k."""
    for ranked, relevant in _ranking_cases():
        for k in (1, 3, 10):
            expected = _ndcg(ranked, set(relevant), k)
            call = f"ndcg_at_k({ranked}, {relevant}, k={k})"
            got = _as_float(_call(answer, list(ranked), list(relevant), k), call)
            assert math.isclose(got, expected, rel_tol=1e-9, abs_tol=1e-12), (
                f"{call} should be {expected:.6f}, got {got:.6f}. Rank r (from 1) gains "
                "1 / log2(r + 1); only the first k count; the ideal ranking puts min(k, |R|) "
                "relevant ids first"
            )


def exercise_3(answer: Any) -> None:
    """bm25_idf(N, n_t): ln(1 + (N - n_t + 0.5) / (n_t + 0.5)), positive for every 0 <= n_t <= N."""
    for n_docs, n_t in [(952, 1), (952, 17), (952, 476), (952, 600), (952, 952), (10, 0), (3, 2)]:
        expected = math.log(1 + (n_docs - n_t + 0.5) / (n_t + 0.5))
        call = f"bm25_idf({n_docs}, {n_t})"
        got = _as_float(_call(answer, n_docs, n_t), call)
        assert math.isclose(got, expected, rel_tol=1e-9), (
            f"{call} should be {expected:.6f}, got {got:.6f}: use the natural log of "
            "1 + (N - n_t + 0.5) / (n_t + 0.5); without the 1 + it is negative for common terms"
        )
