"""Checks of the exercises of section 4.6 "Scaling laws on a laptop"."""

from __future__ import annotations

import math
from typing import Any

import numpy as np

from ._checks import call_answer as _call


def _int(value: Any, call: str) -> int:
    assert isinstance(value, (int, np.integer)) and not isinstance(value, bool), (
        f"{call} should return an int, got {value!r}"
    )
    return int(value)


def exercise_1(answer: Any) -> None:
    """fit_law(N, L) -> (l_inf, n_c, alpha): least squares of L = l_inf + (n_c / N)**alpha."""
    N = np.array([264, 816, 2336, 8544, 46400, 386400], dtype=float)
    for l_inf, n_c, alpha in ((1.44, 5462.0, 0.192), (0.9, 60000.0, 0.12), (2.0, 800.0, 0.35)):
        L = l_inf + (n_c / N) ** alpha
        got = _call(answer, N.copy(), L.copy())
        assert len(got) == 3, f"fit_law should return (l_inf, n_c, alpha), got {got!r}"
        g_l, g_n, g_a = (float(v) for v in got)
        fitted = g_l + (g_n / N) ** g_a
        worst = np.abs(fitted / L - 1).max()
        assert worst < 2e-3, (
            f"the fitted law misses points generated with L_inf={l_inf}, N_c={n_c:g}, "
            f"alpha={alpha} by up "
            f"to {worst:.1%}: fit all three parameters of L_inf + (N_c / N)**alpha (curve_fit with "
            "a "
            "starting point p0 and bounds, as in the section), not a straight line in log-log"
        )
        assert abs(g_a - alpha) < 0.01 and abs(g_l - l_inf) < 0.02, (
            f"exact data from L_inf={l_inf}, alpha={alpha} should give them back; got "
            f"L_inf={g_l:.3f}, "
            f"alpha={g_a:.3f}. Return them in the order (l_inf, n_c, alpha)"
        )


def exercise_2(answer: Any) -> None:
    """total_params(w): every parameter of the section's byte MLP of width w (C = 16, E = 8)."""
    from torch import nn

    for w in (1, 2, 16, 48, 560, 1200):
        net = nn.Sequential(
            nn.Embedding(256, 8),
            nn.Flatten(),
            nn.Linear(128, w),
            nn.GELU(),
            nn.Linear(w, w),
            nn.GELU(),
            nn.Linear(w, 256),
        )
        expected = sum(p.numel() for p in net.parameters())
        got = _int(_call(answer, w), f"total_params({w})")
        assert got == expected, (
            f"total_params({w}) should be {expected:,}, got {got:,}: N(w) of the section plus the "
            "256 x 8 embedding table and the w x 256 output layer with its 256 biases"
        )


def exercise_3(answer: Any) -> None:
    """compute_optimal(C) -> (N, D): 20 tokens per parameter with C = 6 N D."""
    for C in (1e18, 3.15e23, 5.88e23, 1e25):
        got = _call(answer, C)
        assert len(got) == 2, f"compute_optimal should return (N, D), got {got!r}"
        n, d = (float(v) for v in got)
        n_opt = math.sqrt(C / 120)
        assert math.isclose(6 * n * d, C, rel_tol=1e-6), (
            f"for C = {C:.3g} the answer spends 6 N D = {6 * n * d:.3g} FLOPs: use the whole budget"
        )
        assert math.isclose(d / n, 20, rel_tol=1e-6) and math.isclose(n, n_opt, rel_tol=1e-6), (
            f"for C = {C:.3g} expected N = {n_opt:.3g} and D = 20 N = {20 * n_opt:.3g}, got N = "
            f"{n:.3g}, "
            f"D = {d:.3g}: D = 20 N turns C = 6 N D into C = 120 N^2"
        )


def exercise_4(answer: Any) -> None:
    """gpt_non_embedding(d_model, layers, d_ff): TinyGPT's non-embedding count."""
    from torch import nn

    for d, layers, d_ff in ((64, 2, 128), (16, 1, 64), (128, 4, 512), (48, 3, 100)):
        per_layer = [
            nn.LayerNorm(d),
            nn.LayerNorm(d),
            nn.MultiheadAttention(d, 4),
            nn.Linear(d, d_ff),
            nn.Linear(d_ff, d),
        ]
        expected = layers * sum(p.numel() for m in per_layer for p in m.parameters()) + 2 * d
        got = _int(_call(answer, d, layers, d_ff), f"gpt_non_embedding({d}, {layers}, {d_ff})")
        assert got == expected, (
            f"gpt_non_embedding({d}, {layers}, {d_ff}) should be {expected:,}, got {got:,}. Per "
            "block: "
            "attention 4(d^2 + d), MLP (d d_ff + d_ff) + (d_ff d + d), two layer norms 4d; plus "
            "the final "
            "layer norm (2d). Leave out the token and position tables and the output head"
        )
