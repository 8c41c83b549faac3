"""Text plumbing: a vocabulary with <pad>/<unk>, tokenisers, padding and masks (taught in 4.1).

The lesson (how tokenisers, vocabularies and padding work, and byte-pair encoding)
is written in the open in section 4.1; this module keeps the plumbing so later
sections reuse it. Ids follow Keras' `TextVectorization` convention: 0 is padding,
1 is the unknown token, so a `Vocab` and a `TextVectorization` layer given the same
token list produce the same ids.
"""

from __future__ import annotations

import re
import string
from collections import Counter
from dataclasses import dataclass, field
from typing import Iterable, Sequence

import numpy as np

PAD = "<pad>"  # id 0: fills sequences up to a fixed length
UNK = "<unk>"  # id 1: stands for every token not in the vocabulary
_PUNCTUATION = re.compile("[" + re.escape(string.punctuation) + "]")  # Keras' default strip set
# Keras lower-cases and splits on ASCII only: "É" stays upper-case, a no-break space joins words.
_ASCII_LOWER = str.maketrans(string.ascii_uppercase, string.ascii_lowercase)
_ASCII_WHITESPACE = re.compile("[ \t\n\r\x0b\x0c]+")


def standardize(text: str) -> str:
    """Lower-case ASCII letters, delete ASCII punctuation (Keras' "lower_and_strip_punctuation")."""
    if not isinstance(text, str):
        raise TypeError(f"expected a str, got {type(text).__name__}")
    return _PUNCTUATION.sub("", text.translate(_ASCII_LOWER))


def word_tokens(text: str) -> list[str]:
    """Standardise, then split on ASCII whitespace as Keras does: "Great tea!" -> ["great", "tea"]."""
    return [token for token in _ASCII_WHITESPACE.split(standardize(text)) if token]


def char_tokens(text: str) -> list[str]:
    """One token per Unicode character, spaces kept (as Keras' split="character"): "好吃" -> ["好", "吃"]."""
    if not isinstance(text, str):
        raise TypeError(f"expected a str, got {type(text).__name__}")
    return list(text)


def _is_int(value: object) -> bool:
    return not isinstance(value, (bool, np.bool_)) and isinstance(value, (int, np.integer))


@dataclass(frozen=True)
class Vocab:
    """A token list with id 0 = <pad>, id 1 = <unk>; maps tokens to ids and back."""

    tokens: tuple[str, ...]
    index: dict[str, int] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        tokens = tuple(self.tokens)
        if tokens[:2] != (PAD, UNK):
            raise ValueError(f"a Vocab starts with ({PAD!r}, {UNK!r}), got {tokens[:2]}")
        if len(set(tokens)) != len(tokens):
            raise ValueError("a Vocab's tokens must be unique")
        object.__setattr__(self, "tokens", tokens)
        object.__setattr__(self, "index", {token: i for i, token in enumerate(tokens)})

    @classmethod
    def build(
        cls, token_lists: Iterable[Sequence[str]], max_size: int | None = None, min_count: int = 1
    ) -> Vocab:
        """Tokens seen >= `min_count` times, most frequent first (ties alphabetical), <= `max_size` in all."""
        if max_size is not None and (not _is_int(max_size) or max_size < 2):
            raise ValueError(
                f"max_size must be an integer >= 2 (<pad> and <unk>), got {max_size!r}"
            )
        if not _is_int(min_count) or min_count < 1:
            raise ValueError(f"min_count must be an integer >= 1, got {min_count!r}")
        token_lists = [token_lists] if isinstance(token_lists, str) else list(token_lists)
        if any(isinstance(tokens, str) for tokens in token_lists):
            raise TypeError(
                "build takes a list of token lists, e.g. [['hello', 'world'], ...], not texts: "
                "tokenise each text first (word_tokens or char_tokens)"
            )
        counts = Counter(token for tokens in token_lists for token in tokens)
        counts.pop(PAD, None)
        counts.pop(UNK, None)
        ranked = sorted(
            (t for t, c in counts.items() if c >= min_count), key=lambda t: (-counts[t], t)
        )
        if max_size is not None:
            ranked = ranked[: max_size - 2]
        return cls((PAD, UNK, *ranked))

    def __len__(self) -> int:
        return len(self.tokens)

    def encode(self, tokens: Sequence[str]) -> list[int]:
        """Token ids; a token not in the vocabulary becomes 1 (<unk>)."""
        if isinstance(tokens, str):
            raise TypeError("encode takes a list of tokens, not a str: tokenise first")
        return [self.index.get(token, 1) for token in tokens]

    def decode(self, ids: Iterable[int], skip_pad: bool = True) -> list[str]:
        """Tokens of the ids, dropping padding (id 0) unless `skip_pad=False`."""
        out = []
        for i in ids:
            i = int(i)
            if not 0 <= i < len(self.tokens):
                raise IndexError(f"id {i} is outside this vocabulary of {len(self.tokens)} tokens")
            if i or not skip_pad:
                out.append(self.tokens[i])
        return out


def pad(sequences: Iterable[Sequence[int]], length: int, pad_id: int = 0) -> np.ndarray:
    """(n, length) int64 array: each sequence cut to `length`, then right-padded with `pad_id`."""
    if not _is_int(length) or length < 1:
        raise ValueError(f"length must be a positive integer, got {length!r}")
    rows = [list(seq)[:length] for seq in sequences]
    for row in rows:
        if any(
            isinstance(i, (bool, float, np.floating)) or not isinstance(i, (int, np.integer))
            for i in row
        ):
            raise TypeError(f"token ids must be integers, got {row}")
        if any(i < 0 for i in row):
            raise ValueError(f"token ids must be >= 0, got {row}")
    out = np.full((len(rows), length), pad_id, dtype=np.int64)
    for r, row in enumerate(rows):
        out[r, : len(row)] = row
    return out


def padding_mask(ids: np.ndarray, pad_id: int = 0) -> np.ndarray:
    """Boolean array, True where a position holds a real token (not padding)."""
    ids = np.asarray(ids)
    if not np.issubdtype(ids.dtype, np.integer):
        raise TypeError(f"ids must be integers, got dtype {ids.dtype}")
    return ids != pad_id
