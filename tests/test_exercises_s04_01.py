"""The checks of section 4.1's exercises accept right answers and reject plausible wrong ones."""

from collections import Counter

import pytest

from helpers import exercises


def _merge(symbols, pair):
    out, i = [], 0
    while i < len(symbols):
        if i + 1 < len(symbols) and (symbols[i], symbols[i + 1]) == pair:
            out.append(symbols[i] + symbols[i + 1])
            i += 2
        else:
            out.append(symbols[i])
            i += 1
    return tuple(out)


def _train(word_counts, num_merges, start):
    """The section's train_bpe (incremental pair counts) with a choice of starting symbols."""
    corpus = {start(w): c for w, c in word_counts.items()}
    pairs = Counter()
    for symbols, c in corpus.items():
        for pair in zip(symbols, symbols[1:]):
            pairs[pair] += c
    merges = []
    for _ in range(num_merges):
        best = max(pairs, key=lambda p: (pairs[p], p))
        merges.append(best)
        new_corpus = {}
        for symbols, c in corpus.items():
            if best[0] in symbols and best in zip(symbols, symbols[1:]):
                merged = _merge(symbols, best)
                for pair in zip(symbols, symbols[1:]):
                    pairs[pair] -= c
                for pair in zip(merged, merged[1:]):
                    pairs[pair] += c
                symbols = merged
            new_corpus[symbols] = c
        corpus = new_corpus
    return merges


def _bytes(w):
    return tuple(bytes([b]) for b in w.encode("utf-8")) + (b"</w>",)


def _byte_bpe(word_counts, num_merges):
    return _train(word_counts, num_merges, _bytes)


@pytest.mark.parametrize("exercise", ["4.1.1", "4.1.2", "4.1.3", "4.1.4"])
def test_unanswered_is_not_an_error(exercise):
    assert exercises.check(exercise, None) is False


@pytest.mark.parametrize("exercise, right", [
    ("4.1.1", 1.782),
    ("4.1.2", _byte_bpe),
    ("4.1.3", 2062),
    ("4.1.4", (0.3897, 140)),
])
def test_right_answers_pass(exercise, right):
    assert exercises.check(exercise, right) is True


@pytest.mark.parametrize("exercise, wrong", [
    ("4.1.1", 2.141),  # the section's 300 merges
    ("4.1.1", 1.5636),  # 1,000 merges
    ("4.1.2", lambda wc, m: _train(wc, m, lambda w: tuple(w) + ("</w>",))),  # characters
    ("4.1.2", lambda wc, m: _train(wc, m, lambda w: _bytes(w)[:-1])),  # no end-of-word marker
    ("4.1.2", lambda wc, m: [(bytes(a), bytes(b)) for a, b in _byte_bpe(wc, m + 1)[1:]]),
    ("4.1.3", 2060),  # forgot <pad> and <unk>
    ("4.1.3", 2629),  # below 0.5 %, not 1 %
    ("4.1.3", 2062.0),  # not an int
    ("4.1.4", (0.3988, 140)),  # also counts reviews of exactly 64 tokens
    ("4.1.4", (0.3897, 139)),
    ("4.1.4", 0.3897),
])
def test_wrong_answers_are_rejected(exercise, wrong):
    with pytest.raises(exercises.WrongAnswer):
        exercises.check(exercise, wrong)
