"""Checks of the exercises of section 4.4 "The Transformer"."""

from __future__ import annotations

import math
from typing import Any

import numpy as np

from ._checks import call_answer as _call


def _sinusoidal(length: int, d: int) -> np.ndarray:
    p = np.arange(length)[:, None]
    omega = 1.0 / 10000 ** (np.arange(0, d, 2) / d)
    pe = np.zeros((length, d))
    pe[:, 0::2], pe[:, 1::2] = np.sin(p * omega), np.cos(p * omega)
    return pe


def exercise_1(answer: Any) -> None:
    """post_norm(block, x, is_pad): LN1(x + MHA(x)), then LN2(x' + FFN(x')), block's weights."""
    import torch
    from torch import nn

    for seed, (d, heads, d_ff) in enumerate(((16, 2, 32), (24, 4, 40))):
        torch.manual_seed(seed)
        block = nn.Module()
        block.ln1, block.ln2 = nn.LayerNorm(d), nn.LayerNorm(d)
        block.attn = nn.MultiheadAttention(d, heads, batch_first=True)
        block.ffn = nn.Sequential(nn.Linear(d, d_ff), nn.ReLU(), nn.Linear(d_ff, d))
        block.drop = nn.Dropout(0.0)
        with torch.no_grad():
            for ln in (block.ln1, block.ln2):  # non-trivial scale and shift
                ln.weight.copy_(1 + 0.3 * torch.randn(d))
                ln.bias.copy_(0.3 * torch.randn(d))
        block.eval()
        x = 2 * torch.randn(3, 7, d) + 0.5
        is_pad = torch.zeros(3, 7, dtype=torch.bool)
        is_pad[1, 5:] = True
        with torch.no_grad():
            x1 = block.ln1(x + block.attn(x, x, x, key_padding_mask=is_pad, need_weights=False)[0])
            expected = block.ln2(x1 + block.ffn(x1))
            got = _call(answer, block, x, is_pad)
        assert isinstance(got, torch.Tensor), (
            f"post_norm should return a tensor, got {type(got).__name__}"
        )
        assert tuple(got.shape) == tuple(x.shape), (
            f"post_norm should return shape {tuple(x.shape)} (the input's), got {tuple(got.shape)}"
        )
        assert torch.allclose(got, expected, atol=1e-5), (
            "post_norm differs from LN1(x + MHA(x)) followed by LN2(x' + FFN(x')): post-norm adds "
            "the "
            "sub-layer's output to its raw input first and normalises the sum (pre-norm normalises "
            "the "
            "sub-layer's input instead); keep the padding mask in the attention"
        )


def exercise_2(answer: Any) -> None:
    """rotation(k, d): the (d, d) matrix R with PE(p + k) = PE(p) @ R for every position p."""
    for d in (4, 16, 64):
        pe = _sinusoidal(200, d)
        for k in (1, 5, 37):
            R = np.asarray(_call(answer, k, d), dtype=np.float64)
            assert R.shape == (d, d), (
                f"rotation({k}, {d}) should have shape ({d}, {d}), got {R.shape}"
            )
            gap = np.abs(pe[: 200 - k] @ R - pe[k:]).max()
            assert gap < 1e-6, (
                f"with R = rotation({k}, {d}), PE(p) @ R misses PE(p + {k}) by up to {gap:.3g}. "
                "Each pair "
                "(sin(w p), cos(w p)) must turn by the angle w k: sin(a + b) = sin a cos b + cos a "
                "sin b, "
                "cos(a + b) = cos a cos b - sin a sin b, and R acts from the right (row vector "
                "times R)"
            )


def exercise_3(answer: Any) -> None:
    """block_params(d, heads, d_ff): the number of parameters of the section's EncoderBlock."""
    import torch  # noqa: F401  (the reference count builds torch modules)
    from torch import nn

    for d, heads, d_ff in ((64, 1, 128), (64, 4, 128), (64, 16, 128), (32, 4, 64), (48, 3, 100)):
        modules = [
            nn.LayerNorm(d),
            nn.LayerNorm(d),
            nn.MultiheadAttention(d, heads),
            nn.Linear(d, d_ff),
            nn.Linear(d_ff, d),
        ]
        expected = sum(p.numel() for m in modules for p in m.parameters())
        got = _call(answer, d, heads, d_ff)
        assert isinstance(got, (int, np.integer)) and not isinstance(got, bool), (
            f"block_params should return an int, got {got!r}"
        )
        assert got == expected, (
            f"block_params({d}, {heads}, {d_ff}) should be {expected:,}, got {got:,}. Count the "
            "four "
            "d x d projections with their biases, the two FFN layers with biases and the two layer "
            "norms (scale and shift); the number of heads splits the width, it does not multiply it"
        )


def exercise_4(answer: Any) -> None:
    """allowed_mask(is_real): (B, T, T) booleans, True where query i may see key j."""
    rng = np.random.default_rng(44)
    for B, T in ((1, 4), (3, 6), (2, 9)):
        lengths = rng.integers(1, T + 1, size=B)
        lengths[0] = T - 1 if T > 1 else T
        is_real = np.arange(T)[None, :] < lengths[:, None]  # (B, T)
        expected = np.tril(np.ones((T, T), dtype=bool))[None] & is_real[:, None, :]  # (B, T, T)
        got = np.asarray(_call(answer, is_real.copy()))
        assert got.shape == (B, T, T), (
            f"for {B} sequences of {T} tokens the mask is ({B}, {T}, {T}), got {got.shape}"
        )
        assert got.dtype == bool, f"the mask should hold booleans, got dtype {got.dtype}"
        assert not np.array_equal(got, ~expected), (
            "every entry is inverted: this is PyTorch's convention (True = may NOT attend); the "
            "exercise "
            "asks for Keras' (True = may attend)"
        )
        assert np.array_equal(got, expected), (
            "query i may attend to key j when j <= i (causal) AND key j is a real token (padding), "
            "shape (batch, queries, keys)"
        )


def exercise_5(answer: Any) -> None:
    """The token-to-position signal ratio with the sqrt(d) factor, d = 64."""
    expected = 8.0 / math.sqrt(0.5)  # std of 8 * N(0, 1) over the RMS of the encoding, sqrt(1/2)
    assert isinstance(answer, (int, float, np.floating)) and not isinstance(answer, bool), (
        f"the answer is one number, got {answer!r}"
    )
    assert abs(float(answer) - expected) < 0.15, (
        f"got {float(answer):.3f}. Divide the spread of the scaled embeddings, std(8 * N(0, 1)) = "
        "8, by "
        "the root mean square of the encoding (each sine/cosine pair has sin^2 + cos^2 = 1 over "
        "two "
        "dimensions)"
    )
