"""Checks of the exercises of section 4.5 "Pretrained models: BERT, GPT and transfer"."""

from __future__ import annotations

from typing import Any

import numpy as np

from ._checks import call_answer as _call, early_stopping_replay as _reference_stop


def exercise_1(answer: Any) -> None:
    """moved(i, T): booleans (T,), True at the outputs that move when token i changes."""
    for T in (1, 5, 8, 12):
        for i in sorted({0, T // 2, T - 1}):
            expected = np.arange(T) >= i  # a causal mask: position t sees tokens 0..t
            got = np.asarray(_call(answer, i, T))
            assert got.shape == (T,) and got.dtype == bool, (
                f"moved({i}, {T}) should be {T} booleans, got {got!r}"
            )
            assert not (T > 1 and got.all() and i > 0), (
                f"moved({i}, {T}) says every output moves: that is the encoder (BERT); in a "
                "decoder the "
                "positions before the changed token cannot see it"
            )
            assert np.array_equal(got, expected), (
                f"moved({i}, {T}) should be {expected.astype(int).tolist()} (1 = moves), got "
                f"{got.astype(int).tolist()}: output t sees the tokens 0..t, itself included"
            )


def exercise_2(answer: Any) -> None:
    """cls_pool(token_vectors, mask): the [CLS] vector of each sentence, scaled to unit length."""
    import torch

    torch.manual_seed(45)
    token_vectors = torch.randn(4, 7, 12) + 0.3
    mask = torch.ones(4, 7, dtype=torch.long)
    mask[1, 5:], mask[3, 2:] = 0, 0
    expected = torch.nn.functional.normalize(token_vectors[:, 0], dim=-1)
    got = _call(answer, token_vectors.clone(), mask.clone())
    got = torch.as_tensor(np.asarray(got) if not isinstance(got, torch.Tensor) else got)
    assert tuple(got.shape) == (4, 12), (
        f"one vector per sentence: shape (4, 12), got {tuple(got.shape)}"
    )
    norms = got.float().norm(dim=-1)
    assert torch.allclose(norms, torch.ones(4), atol=1e-5), (
        f"the vectors should have length 1 (normalise them), got lengths {norms.numpy().round(3)}"
    )
    assert torch.allclose(got.float(), expected, atol=1e-5), (
        "[CLS] is the first token of every input: take token_vectors[:, 0] (not a mean over "
        "tokens) and "
        "scale each to unit length"
    )


def exercise_3(answer: Any) -> None:
    """Share of the 993 test reviews longer than MiniLM's 64 word pieces."""
    from helpers import data, pretrained
    from helpers.device import configure_environment

    configure_environment()
    from transformers import AutoTokenizer
    from transformers.utils import logging

    logging.set_verbosity_error()  # long reviews exceed 512 pieces; only their count matters here
    tokenizer = AutoTokenizer.from_pretrained(pretrained.minilm_path(), local_files_only=True)
    reviews = data.load("english_reviews", split="test")
    lengths = np.array([len(ids) for ids in tokenizer(list(reviews.X))["input_ids"]])
    expected = float((lengths > 64).mean())
    assert isinstance(answer, (float, np.floating)) and 0 <= answer <= 1, (
        f"the answer is a share between 0 and 1 (a float), got {answer!r}"
    )
    assert abs(float(answer) - expected) < 0.003, (
        f"got {float(answer):.3f}. Tokenise each test review with MiniLM's tokenizer (without "
        "truncation), count its ids, [CLS] and [SEP] included, and take the share above "
        "sbert.max_seq_length = 64"
    )


def exercise_4(answer: Any) -> None:
    """early_stop(val_losses, patience, min_delta) -> (epochs run, best epoch), both 1-based."""
    curve = [2.3, 2.1, 2.0, 2.05, 2.02, 2.01, 1.99, 2.2]
    cases = [
        (curve, 2, 0.0),
        (curve, 4, 0.0),
        (curve, 4, 0.02),  # 1.99 beats 2.0 by only 0.01: not an improvement
        (curve, 2, 0.15),  # 2.1 beats 2.3 by 0.2 > 0.15; 2.0 beats 2.1 by only 0.1
        ([1.0, 0.9, 0.8, 0.7], 1, 0.05),
        ([1.0, 1.0, 1.0, 1.0, 1.0], 2, 0.0),  # no change is not an improvement
        ([3.0, 2.95, 2.9, 2.85, 2.8, 2.75], 3, 0.1),  # a slow, steady fall: stops
        ([3.0, 2.0, 2.5, 1.5, 1.6, 1.7, 1.8], 3, 0.2),
    ]
    for losses, patience, min_delta in cases:
        expected = _reference_stop(losses, patience, min_delta)
        got = _call(answer, list(losses), patience, min_delta)
        assert isinstance(got, tuple) and len(got) == 2, (
            f"return (epochs run, best epoch), got {got!r}"
        )
        assert tuple(int(v) for v in got) == expected, (
            f"early_stop({losses}, patience={patience}, min_delta={min_delta}) should be "
            f"{expected}, got {tuple(got)}. An epoch improves only if its loss is below the best "
            "so far minus min_delta (then it becomes the best and the wait restarts); training "
            "stops after `patience` epochs in a row without one; epochs count from 1"
        )


def exercise_5(answer: Any) -> None:
    """kv_cache_floats(layers, d_model, T, batch): floats in the caches after T tokens."""
    for layers, d_model, T, batch in (
        (2, 64, 16, 1),
        (2, 64, 16, 8),
        (12, 768, 1024, 1),
        (32, 4096, 4096, 4),
    ):
        expected = 2 * layers * batch * T * d_model
        got = _call(answer, layers, d_model, T, batch)
        assert isinstance(got, (int, np.integer)) and got == expected, (
            f"kv_cache_floats({layers}, {d_model}, {T}, {batch}) should be {expected:,}, got "
            f"{got!r}: each "
            "layer keeps one key and one value vector of width d_model per token and per sequence "
            "(the heads split that width, they do not multiply it)"
        )
