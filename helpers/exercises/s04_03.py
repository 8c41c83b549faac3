"""Checks of the exercises of section 4.3 "Attention"."""

from __future__ import annotations

import math
from typing import Any

import numpy as np


def _to_numpy(value: Any) -> np.ndarray:
    if hasattr(value, "detach"):
        value = value.detach().cpu().numpy()
    return np.asarray(value)


def exercise_1(answer: Any) -> None:
    """allowed_mask(lengths, n): (B, n, n) bool, True where query i may attend key j (padding + causal)."""
    import torch

    assert callable(answer), f"expected a function, got {type(answer).__name__}"
    for lengths, n in [([5, 3], 5), ([1, 4, 6, 2], 6), ([7], 7), ([3, 3, 1], 4)]:
        length = np.asarray(lengths)[:, None, None]
        i, j = np.arange(n)[None, :, None], np.arange(n)[None, None, :]
        expected = (j < length) & (j <= i)
        got = _to_numpy(answer(torch.tensor(lengths), n))
        assert got.shape == expected.shape, (
            f"allowed_mask({lengths}, {n}) should have shape {expected.shape}, got {got.shape}"
        )
        assert got.dtype == np.bool_, f"the mask should be boolean (True = may attend), got {got.dtype}"
        assert np.array_equal(got, expected), (
            f"allowed_mask({lengths}, {n}) is wrong: key j is allowed for query i when j is a real "
            "token (j < length) and not in the future (j <= i); True means 'may attend'"
        )


def _saturation() -> tuple[float, float]:
    import torch

    torch.manual_seed(0)
    Q, K = 10 * torch.randn(1000, 64), torch.randn(10, 64)
    scaled = torch.softmax(Q @ K.T / 8.0, dim=-1).max(-1).values.mean().item()
    unscaled = torch.softmax(Q @ K.T, dim=-1).max(-1).values.mean().item()
    return scaled, unscaled


def exercise_2(answer: Any) -> None:
    """(mean largest weight with 1/sqrt(d_k), without it) for the seeded Q, K of the exercise."""
    assert isinstance(answer, tuple) and len(answer) == 2, (
        f"expected a pair (with_scale, without_scale), got {answer!r}"
    )
    got = [float(x) for x in answer]
    scaled, unscaled = _saturation()
    assert not (math.isclose(got[0], unscaled, abs_tol=1e-3) and got[1] < got[0]), (
        "the pair is the wrong way round: first with the 1/sqrt(d_k) scale, then without it"
    )
    assert math.isclose(got[0], scaled, abs_tol=1e-3), (
        f"with the scale: expected {scaled:.4f}, got {got[0]:.4f}. torch.manual_seed(0), then "
        "Q = 10 * torch.randn(1000, 64), K = torch.randn(10, 64), scores Q @ K.T / sqrt(64), row "
        "softmax, largest weight of each row, mean over rows"
    )
    assert math.isclose(got[1], unscaled, abs_tol=1e-3), (
        f"without the scale: expected {unscaled:.4f}, got {got[1]:.4f} (scores Q @ K.T)"
    )


def exercise_3(answer: Any) -> None:
    """additive_scores(s, h, W1, W2, v): v^T tanh(W1 s_t + W2 h_j), shape (B, n, m)."""
    import torch

    assert callable(answer), f"expected a function, got {type(answer).__name__}"
    torch.manual_seed(3)
    for B, n, m, H, A in [(2, 3, 4, 5, 6), (1, 5, 7, 4, 4), (3, 1, 2, 6, 3)]:
        s, h = torch.randn(B, n, H), torch.randn(B, m, H)
        W1, W2, v = torch.randn(A, H), torch.randn(A, H), torch.randn(A)
        hidden = torch.tanh((s @ W1.T)[:, :, None, :] + (h @ W2.T)[:, None, :, :])  # (B, n, m, A)
        expected = (hidden @ v).numpy()  # (B, n, m)
        got = _to_numpy(answer(s, h, W1, W2, v))
        assert got.shape == expected.shape, (
            f"with B={B}, n={n}, m={m}: expected scores of shape {expected.shape}, got {got.shape}"
        )
        assert np.allclose(got, expected, atol=1e-5), (
            "wrong scores: W1 acts on the decoder state s_t, W2 on the encoder state h_j "
            "(nn.Linear convention: x @ W.T), add them for every pair (t, j), tanh, then dot with v"
        )


def exercise_4(answer: Any) -> None:
    """sort_alignment(digits): for output step t, the source position of the t-th smallest digit."""
    assert callable(answer), f"expected a function, got {type(answer).__name__}"
    rng = np.random.default_rng(4)
    cases = [np.array([3, 1, 4, 1, 5]), np.array([9, 8, 7, 6, 5, 4]), np.array([2, 2, 2])]
    cases += [rng.integers(0, 10, L) for L in (5, 8, 12, 12)]
    for digits in cases:
        got = np.asarray(answer(digits.copy())).astype(int).ravel()
        assert len(got) == len(digits), (
            f"sort_alignment({digits.tolist()}) should give one source position per output step"
        )
        assert sorted(got.tolist()) == list(range(len(digits))), (
            f"sort_alignment({digits.tolist()}) = {got.tolist()}: every source position should be "
            "read exactly once"
        )
        assert (digits[got] == np.sort(digits)).all(), (
            f"sort_alignment({digits.tolist()}) = {got.tolist()}: output step t must read the "
            "position holding the t-th smallest digit (positions, not the digits themselves)"
        )
