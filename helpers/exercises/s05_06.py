"""Checks of the exercises of section 5.6 "Transfer learning and fine-tuning"."""

from __future__ import annotations

from typing import Any

import numpy as np

from ._checks import call_answer as _call


def _cases() -> list[tuple[np.ndarray, ...]]:
    """(x, W, b, A, B) with d_in != d_out and r > 1, so that swapped shapes or scales show."""
    rng = np.random.default_rng(56)
    cases = []
    for n, d_in, d_out, r in ((4, 7, 5, 2), (3, 6, 9, 3), (1, 4, 4, 1)):
        cases.append((rng.normal(size=(n, d_in)), rng.normal(size=(d_out, d_in)),
                      rng.normal(size=d_out), rng.normal(size=(r, d_in)), rng.normal(size=(d_out, r))))
    return cases


def _as_array(value: Any, call: str, shape: tuple[int, ...]) -> np.ndarray:
    try:
        result = np.asarray(value, dtype=np.float64)
    except (TypeError, ValueError):
        raise AssertionError(f"{call} should return an array of numbers, got {value!r}") from None
    assert result.shape == shape, f"{call} should have shape {shape}, got {result.shape}"
    return result


def exercise_1(answer: Any) -> None:
    """lora_linear(x, W, b, A, B, alpha, r) = x W^T + b + (alpha / r) x A^T B^T."""
    for x, W, b, A, B in _cases():
        r = A.shape[0]
        for alpha in (2.0 * r, 1.0):
            expected = x @ W.T + b + (alpha / r) * (x @ A.T) @ B.T
            call = f"lora_linear(x {x.shape}, W {W.shape}, b, A {A.shape}, B {B.shape}, {alpha}, {r})"
            got = _as_array(_call(answer, x.copy(), W.copy(), b.copy(), A.copy(), B.copy(),
                                  alpha, r), call, expected.shape)
            assert np.allclose(got, expected, atol=1e-6), (
                f"{call} is wrong (largest error {np.abs(got - expected).max():.3g}): the output is "
                "x W^T + b + (alpha / r) (x A^T) B^T; the scale is alpha / r, not alpha or r / alpha"
            )


def exercise_2(answer: Any) -> None:
    """merge_lora(W, A, B, alpha, r) = W + (alpha / r) B A, shape (d_out, d_in)."""
    for x, W, b, A, B in _cases():
        r = A.shape[0]
        for alpha in (2.0 * r, 1.0):
            expected = W + (alpha / r) * B @ A
            call = f"merge_lora(W {W.shape}, A {A.shape}, B {B.shape}, {alpha}, {r})"
            got = _as_array(_call(answer, W.copy(), A.copy(), B.copy(), alpha, r), call, W.shape)
            assert np.allclose(got, expected, atol=1e-6), (
                f"{call} is wrong: W' x must equal W x + (alpha / r) B A x for every x, "
                "so W' = W + (alpha / r) B @ A (B first: (d_out, r) @ (r, d_in))"
            )


def exercise_3(answer: Any) -> None:
    """lora_count(shapes, r): r * (d_out + d_in) summed over the adapted matrices."""
    cases = [
        ([(384, 384)] * 12, 8),  # MiniLM, query and value: 73,728
        ([(768, 768)] * 24, 4),
        ([(10, 3), (7, 5)], 2),  # not square: d_out + d_in, not 2 d_in
        ([(64, 16)], 1),
        ([], 8),
    ]
    for shapes, r in cases:
        expected = sum(r * (d_out + d_in) for d_out, d_in in shapes)
        call = f"lora_count({shapes if len(shapes) < 4 else f'{len(shapes)} x {shapes[0]}'}, r={r})"
        got = _call(answer, list(shapes), r)
        assert isinstance(got, (int, np.integer)) and not isinstance(got, bool), (
            f"{call} should return an int, got {got!r}"
        )
        assert got == expected, (
            f"{call} should be {expected:,}, got {got:,}: each (d_out, d_in) matrix gets A (r, d_in) "
            "and B (d_out, r), r * (d_in + d_out) numbers; the frozen W is not counted"
        )
