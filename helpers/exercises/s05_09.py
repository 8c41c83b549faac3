"""Checks of the exercises of section 5.9 "Compression and export"."""

from __future__ import annotations

from typing import Any

import numpy as np

from ._checks import call_answer as _call


def _as_array(value: Any, call: str, shape: tuple[int, ...]) -> np.ndarray:
    try:
        result = np.asarray(value, dtype=np.float64)
    except (TypeError, ValueError):
        raise AssertionError(f"{call} should return an array, got {type(value).__name__}") from None
    assert result.shape == shape, f"{call} should return shape {shape}, got {result.shape}"
    assert np.all(np.isfinite(result)), f"{call} returned NaN or infinity"
    return result


def _weights(rng: np.random.Generator) -> list[np.ndarray]:
    """Three layers on different scales, so that global and layer-wise pruning differ."""
    return [
        rng.normal(0, 0.5, size=(16, 8)).astype(np.float32),
        rng.normal(0, 0.05, size=(32, 16)).astype(np.float32),
        rng.normal(0, 0.2, size=(10,)).astype(np.float32),
    ]


def exercise_1(answer: Any) -> None:
    """fake_quantize(w, n_bits): symmetric quantise-dequantise with s = max|w| / (2**(b-1) - 1)."""
    rng = np.random.default_rng(59)
    cases = [
        (rng.normal(0, 0.1, size=(20, 30)).astype(np.float32), 8),
        (rng.normal(0, 1.0, size=(50,)).astype(np.float32), 4),
        (rng.uniform(-3, 1, size=(7, 5)).astype(np.float32), 4),
        (rng.normal(0, 0.3, size=(6, 6)).astype(np.float32), 2),
        (np.array([0.9, -0.3, 0.1, 0.0, 0.44], dtype=np.float32), 3),
    ]
    for w, bits in cases:
        levels = 2 ** (bits - 1) - 1
        w64 = w.astype(np.float64)
        scale = np.abs(w64).max() / levels
        expected = scale * np.clip(np.round(w64 / scale), -levels, levels)
        call = f"fake_quantize(w of shape {w.shape}, n_bits={bits})"
        got = _as_array(_call(answer, w.copy(), bits), call, w.shape)
        assert np.allclose(got, expected, rtol=0, atol=1e-4 * scale), (
            f"{call} is not right: with b bits the codes run from -(2**(b-1) - 1) to "
            f"2**(b-1) - 1 (here +-{levels}), s = max|w| / {levels}, q = clip(round(w / s)), "
            "and the function returns s * q (the dequantised values, not the codes)"
        )
        assert np.abs(got - w64).max() <= scale / 2 * (1 + 1e-4), (
            f"{call}: some error exceeds half a step s/2"
        )


def exercise_2(answer: Any) -> None:
    """global_magnitude_masks(weights, sparsity): 0/1 masks, round(p*N) smallest |w| over all."""
    rng = np.random.default_rng(95)
    for sparsity in (0.5, 0.8, 0.9, 0.75):  # 0.75 * 650 = 487.5: round, not floor
        weights = _weights(rng)
        n = sum(w.size for w in weights)
        k = int(round(sparsity * n))
        call = f"global_magnitude_masks(weights, {sparsity})"
        masks = _call(answer, [w.copy() for w in weights], sparsity)
        assert isinstance(masks, (list, tuple)) and len(masks) == len(weights), (
            f"{call} should return a list of {len(weights)} masks, one per array"
        )
        masks = [_as_array(m, call, w.shape) for m, w in zip(masks, weights)]
        assert all(np.isin(m, (0, 1)).all() for m in masks), f"{call}: masks hold only 0 and 1"
        zeroed = sum(int((m == 0).sum()) for m in masks)
        assert zeroed == k, f"{call} zeroes {zeroed} weights; expected round({sparsity} * {n}) = {k}"
        kept = np.concatenate([np.abs(w)[m == 1] for w, m in zip(weights, masks)])
        pruned = np.concatenate([np.abs(w)[m == 0] for w, m in zip(weights, masks)])
        assert kept.min() >= pruned.max(), (
            f"{call}: a weight of magnitude {pruned.max():.4f} was zeroed while one of "
            f"{kept.min():.4f} was kept. Rank all weights of all arrays together (global), "
            "and zero the smallest magnitudes"
        )


def _int8_dense(x: np.ndarray, w: np.ndarray, b: np.ndarray) -> np.ndarray:
    c_x = 127 / np.abs(x).max(axis=1, keepdims=True)  # (N, 1)
    c_w = 127 / np.abs(w).max(axis=0, keepdims=True)  # (1, out)
    q_x = np.clip(np.round(x * c_x), -127, 127)
    q_w = np.clip(np.round(w * c_w), -127, 127)
    return (q_x @ q_w) / (c_x * c_w) + b


def exercise_3(answer: Any) -> None:
    """int8_dense(x, w, b): Keras' int8 Dense, per-row inputs and per-column kernel multipliers."""
    rng = np.random.default_rng(39)
    for n, d_in, d_out in ((5, 12, 7), (40, 64, 32), (1, 3, 2)):
        x = rng.normal(0, 1, size=(n, d_in)).astype(np.float32)
        w = (rng.normal(0, 0.2, size=(d_in, d_out)) * rng.uniform(0.1, 3, size=d_out)).astype(
            np.float32
        )  # columns on different scales: one multiplier per column matters
        b = rng.normal(0, 0.1, size=d_out).astype(np.float32)
        expected = _int8_dense(x.astype(np.float64), w.astype(np.float64), b.astype(np.float64))
        call = f"int8_dense(x {x.shape}, w {w.shape}, b {b.shape})"
        got = _as_array(_call(answer, x.copy(), w.copy(), b.copy()), call, (n, d_out))
        assert np.allclose(got, expected, rtol=1e-4, atol=1e-4), (
            f"{call} is not right (largest difference {np.abs(got - expected).max():.4g}). "
            "Quantise each row of x with c_x = 127 / max|row| and each column of w with "
            "c_w = 127 / max|column|, codes clip(round(c * value), -127, 127); then "
            "(q_x @ q_w) / (c_x * c_w) + b"
        )
