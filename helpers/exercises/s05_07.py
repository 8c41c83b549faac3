"""Checks of the exercises of section 5.7 "Knowledge distillation"."""

from __future__ import annotations

from typing import Any

import numpy as np


def _array(value: Any, what: str) -> np.ndarray:
    try:
        return np.asarray(value, dtype=float)
    except (TypeError, ValueError):
        raise AssertionError(f"expected {what} as a numeric array, got {type(value).__name__}") from None


def _softmax(z: np.ndarray, T: float) -> np.ndarray:
    scaled = z / T
    e = np.exp(scaled - scaled.max(axis=-1, keepdims=True))
    return e / e.sum(axis=-1, keepdims=True)


def _logits(seed: int, shape: tuple[int, ...], scale: float) -> np.ndarray:
    return np.random.default_rng(seed).normal(0, scale, size=shape)


def exercise_1(answer: Any) -> None:
    """Softmax at temperature T over the last axis, stable for large logits."""
    assert callable(answer), "expected a function softmax_t(z, T) -> array"
    cases = [(_logits(71, (5, 10), 3.0), 1.0), (_logits(72, (2, 3, 7), 2.0), 4.0),
             (_logits(73, (4, 10), 2.0), 0.5), (np.array([[1000.0, 990.0, 0.0]]), 1.0)]
    for z, T in cases:
        with np.errstate(all="ignore"):
            out = _array(answer(z.copy(), T), "the probabilities")
        assert out.shape == z.shape, f"the output should have the shape of z, {z.shape}; got {out.shape}"
        assert np.all(np.isfinite(out)), (
            f"got NaN or inf for logits as large as {np.abs(z).max():.0f}: subtract the row maximum "
            "of z / T before exponentiating"
        )
        assert np.allclose(out.sum(axis=-1), 1.0, atol=1e-6), (
            "each row (the last axis) should sum to 1: normalise over the classes, the last axis"
        )
        expected = _softmax(z, T)
        assert np.allclose(out, expected, atol=1e-6), (
            f"with T = {T} the result should be softmax(z / T); dividing the logits by T (not the "
            "probabilities) is what softens them"
        )


def _distillation(zs: np.ndarray, zt: np.ndarray, y: np.ndarray, T: float, alpha: float) -> float:
    p, q = _softmax(zt, T), _softmax(zs, T)
    soft = (p * (np.log(p) - np.log(q))).sum(axis=1)
    hard = -np.log(_softmax(zs, 1.0)[np.arange(len(y)), y])
    return float(np.mean(alpha * T**2 * soft + (1 - alpha) * hard))


def exercise_2(answer: Any) -> None:
    """The distillation loss alpha T^2 KL(p_t(T) || p_s(T)) + (1 - alpha) CE, batch mean."""
    assert callable(answer), "expected a function distillation_loss(z_student, z_teacher, y, T, alpha)"
    y = np.array([0, 3, 1, 4, 4, 2, 9, 7])
    for seed, T, alpha in ((0, 4.0, 0.5), (1, 2.0, 0.9), (2, 1.0, 0.3), (3, 8.0, 1.0), (4, 3.0, 0.0)):
        zs, zt = _logits(seed, (8, 10), 2.0), _logits(seed + 100, (8, 10), 4.0)
        try:
            value = float(answer(zs.copy(), zt.copy(), y.copy(), T, alpha))
        except (TypeError, ValueError):
            raise AssertionError("distillation_loss(...) should return one number (a float)") from None
        expected = _distillation(zs, zt, y, T, alpha)
        assert np.isfinite(value), f"got {value} for T = {T}, alpha = {alpha}"
        assert np.isclose(value, expected, rtol=1e-6, atol=1e-9), (
            f"for T = {T}, alpha = {alpha} expected {expected:.6f}, got {value:.6f}. The soft term is "
            "KL(teacher || student), both softened at T, multiplied by T**2; the hard term is the "
            "cross-entropy at T = 1; both are averaged over the batch"
        )


def exercise_3(answer: Any) -> None:
    """Gradient of T^2 KL(p_t(T) || p_s(T)) w.r.t. the student logits: T (p_s(T) - p_t(T))."""
    assert callable(answer), "expected a function soft_gradient(z_student, z_teacher, T) -> array"
    for seed, T in ((10, 1.0), (11, 4.0), (12, 20.0)):
        zs, zt = _logits(seed, (6, 10), 2.0), _logits(seed + 100, (6, 10), 4.0)
        out = _array(answer(zs.copy(), zt.copy(), T), "the gradient")
        assert out.shape == zs.shape, f"expected shape (B, K) = {zs.shape}, got {out.shape}"
        expected = T * (_softmax(zs, T) - _softmax(zt, T))
        assert np.allclose(out, expected, rtol=1e-6, atol=1e-9), (
            f"at T = {T} the gradient is T * (p_student(T) - p_teacher(T)): the softmax at T brings a "
            "factor 1/T, the T**2 in front turns it into T; check the sign (student minus teacher)"
        )
