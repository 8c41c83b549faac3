"""Checks of the exercises of section 4.1 "Text to tensors"."""

from __future__ import annotations

import math
from collections import Counter
from typing import Any

from ._checks import as_float as _float

# Measured in the solutions notebook on the course's english_reviews / chinese_reviews splits.
SYMBOLS_PER_WORD = {300: 2.1411, 600: 1.7820}  # BPE symbols per test word after m merges
MAX_SIZE_UNDER_1_PERCENT = 2062  # smallest character Vocab (with <pad>, <unk>) with < 1% <unk>
CUT_AT_64 = 0.3897  # share of English test reviews longer than 64 word tokens
T_KEEPS_90 = 140  # smallest T with >= 90% of English test reviews of at most T tokens


def exercise_1(answer: Any) -> None:
    """Mean number of BPE symbols per English test word after 600 merges (a float)."""
    got = _float(answer, "the symbols per word")
    assert not math.isclose(got, SYMBOLS_PER_WORD[300], abs_tol=2e-3), (
        f"{got:.4f} is the value of the section's 300 merges: train with num_merges=600"
    )
    assert math.isclose(got, SYMBOLS_PER_WORD[600], abs_tol=2e-3), (
        f"got {got:.4f}: encode every test word (count each occurrence, `</w>` included) with the "
        "600 merges and divide the number of symbols by the number of test words"
    )


def _merge(symbols: tuple, pair: tuple) -> tuple:
    out, i = [], 0
    while i < len(symbols):
        if i + 1 < len(symbols) and (symbols[i], symbols[i + 1]) == pair:
            out.append(symbols[i] + symbols[i + 1])
            i += 2
        else:
            out.append(symbols[i])
            i += 1
    return tuple(out)


def _byte_bpe(word_counts: dict[str, int], num_merges: int) -> list[tuple[bytes, bytes]]:
    corpus = Counter()
    for w, c in word_counts.items():
        corpus[tuple(bytes([b]) for b in w.encode("utf-8")) + (b"</w>",)] += c
    merges = []
    for _ in range(num_merges):
        pairs = Counter()
        for symbols, c in corpus.items():
            for pair in zip(symbols, symbols[1:]):
                pairs[pair] += c
        if not pairs:
            break
        best = max(pairs, key=lambda p: (pairs[p], p))
        merges.append(best)
        merged = Counter()
        for symbols, c in corpus.items():
            merged[_merge(symbols, best)] += c
        corpus = merged
    return merges


def exercise_2(answer: Any) -> None:
    """train_byte_bpe(word_counts, num_merges) -> merges, a list of pairs of bytes objects."""
    assert callable(answer), f"expected a function, got {type(answer).__name__}"
    cases = [
        ({"好吃": 5, "好看": 3, "不好": 2, "吃饭": 4}, 6),
        ({"tea": 4, "teapot": 2, "café": 3, "😋": 2, "好茶": 1}, 8),
        ({"房间": 7, "房间很大": 2, "服务": 5, "服务员": 3}, 10),
    ]
    for word_counts, num_merges in cases:
        expected = _byte_bpe(word_counts, num_merges)
        got = answer(dict(word_counts), num_merges)
        got = list(got) if got is not None else None
        assert got is not None and len(got) == len(expected), (
            f"train_byte_bpe({word_counts}, {num_merges}) should return {len(expected)} merges"
        )
        for pair in got:
            assert isinstance(pair, tuple) and len(pair) == 2, f"a merge is a pair, got {pair!r}"
            assert all(isinstance(s, bytes) for s in pair), (
                f"merge {pair!r}: symbols must be bytes; start every word from "
                "tuple(bytes([b]) for b in w.encode('utf-8')) + (b'</w>',)"
            )
        assert [tuple(p) for p in got] == expected, (
            f"train_byte_bpe({word_counts}, {num_merges}): expected the merges {expected[:4]}..., "
            f"got {got[:4]}...; keep the end marker b'</w>' and the tie rule of train_bpe"
        )


def exercise_3(answer: Any) -> None:
    """Smallest max_size of a Chinese character Vocab with a test unknown rate below 1% (an int)."""
    assert isinstance(answer, int) and not isinstance(answer, bool), (
        f"expected an int (a max_size for Vocab.build), got {answer!r}"
    )
    assert answer != MAX_SIZE_UNDER_1_PERCENT - 2, (
        f"{answer} counts only the characters: max_size also counts <pad> and <unk>"
    )
    assert answer == MAX_SIZE_UNDER_1_PERCENT, (
        f"got {answer}: build Vocab.build(train character lists, max_size=V) for growing V and "
        "return the first V whose share of id 1 among all test characters is below 0.01"
    )


def exercise_4(answer: Any) -> None:
    """(share of English test reviews cut at T = 64, smallest T keeping 90% whole): (float, int)."""
    assert isinstance(answer, tuple) and len(answer) == 2, (
        f"expected a pair (share_cut, T_90), got {answer!r}"
    )
    share = _float(answer[0], "the share cut")
    assert not math.isclose(share, 0.3988, abs_tol=5e-4), (
        f"{share:.4f} also counts reviews of exactly 64 tokens, which are not cut: the mask of a "
        "padded batch cannot tell them apart; count the reviews with more than 64 tokens"
    )
    assert math.isclose(share, CUT_AT_64, abs_tol=5e-4), (
        f"share cut {share:.4f}: count the test reviews with more than 64 word tokens "
        "(word_tokens after replacing <br />), divided by the number of test reviews"
    )
    t_90 = answer[1]
    assert isinstance(t_90, int) and not isinstance(t_90, bool), f"T_90 should be an int: {t_90!r}"
    assert t_90 == T_KEEPS_90, (
        f"T_90 = {t_90}: the smallest T such that at least 90% of test reviews have <= T tokens"
    )
