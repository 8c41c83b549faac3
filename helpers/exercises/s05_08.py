"""Checks of the exercises of section 5.8 "Multi-task learning"."""

from __future__ import annotations

from typing import Any

import numpy as np


def _log_softmax(z: np.ndarray) -> np.ndarray:
    shifted = z - z.max(axis=1, keepdims=True)
    return shifted - np.log(np.exp(shifted).sum(axis=1, keepdims=True))


def exercise_1(answer: Any) -> None:
    """Parameters of a shared-trunk network and of separate single-task networks."""
    assert callable(answer), "expected a function count(d_in, hidden, classes) -> (multi, separate)"
    for d_in, hidden, classes in ((4, 16, [3, 2]), (64, 32, [10, 2, 5]), (7, 3, [4])):
        try:
            multi, separate = (int(v) for v in answer(d_in, hidden, list(classes)))
        except (TypeError, ValueError):
            raise AssertionError("count(...) should return a pair of integers (multi, separate)") from None
        trunk = d_in * hidden + hidden
        heads = [hidden * k + k for k in classes]
        assert multi == trunk + sum(heads), (
            f"count({d_in}, {hidden}, {classes}): the multi-task network has one trunk "
            f"({trunk}: weights and biases) plus every head (hidden * K + K each) = "
            f"{trunk + sum(heads)}, got {multi}"
        )
        assert separate == len(classes) * trunk + sum(heads), (
            f"count({d_in}, {hidden}, {classes}): separate networks need one trunk per task, "
            f"{len(classes)} x {trunk}, plus the heads = {len(classes) * trunk + sum(heads)}, got {separate}"
        )


def exercise_2(answer: Any) -> None:
    """The weighted sum of mean cross-entropies, sum_t w_t L_t."""
    assert callable(answer), "expected a function multitask_loss(logits, labels, weights) -> float"
    rng = np.random.default_rng(81)
    sizes = {"species": 3, "sex": 2, "island": 4}
    logits = {t: rng.normal(0, 2, size=(12, k)) for t, k in sizes.items()}
    labels = {t: rng.integers(0, k, size=12) for t, k in sizes.items()}
    for weights in ({"species": 1.0, "sex": 1.0, "island": 1.0},
                    {"species": 0.3, "sex": 1.7, "island": 0.0},
                    {"species": 2.0, "sex": 0.5, "island": 1.0}):
        try:
            value = float(answer({t: z.copy() for t, z in logits.items()},
                                 {t: y.copy() for t, y in labels.items()}, dict(weights)))
        except (TypeError, ValueError):
            raise AssertionError("multitask_loss(...) should return one number (a float)") from None
        expected = sum(w * -_log_softmax(logits[t])[np.arange(12), labels[t]].mean()
                       for t, w in weights.items())
        assert np.isclose(value, expected, rtol=1e-6), (
            f"with weights {weights} expected sum_t w_t * L_t = {expected:.6f}, got {value:.6f}: each "
            "L_t is the mean (over the batch) cross-entropy of task t, multiplied by its weight, and "
            "the weighted losses are added, not averaged"
        )


def exercise_3(answer: Any) -> None:
    """Gradient of w * L_t w.r.t. the head's weights: H^T w (softmax(Z) - Y) / B."""
    assert callable(answer), "expected a function head_gradient(H, Z, y, w) -> array (D, K)"
    rng = np.random.default_rng(83)
    for B, D, K, w in ((10, 6, 3, 1.0), (7, 4, 2, 0.3), (16, 5, 4, 2.5)):
        H = np.maximum(rng.normal(size=(B, D)), 0)
        Z, y = rng.normal(0, 2, size=(B, K)), rng.integers(0, K, size=B)
        try:
            out = np.asarray(answer(H.copy(), Z.copy(), y.copy(), w), dtype=float)
        except (TypeError, ValueError):
            raise AssertionError("head_gradient(...) should return a numeric array") from None
        assert out.shape == (D, K), f"expected the shape of A_t, (D, K) = {(D, K)}; got {out.shape}"
        P = np.exp(_log_softmax(Z))
        expected = H.T @ (w * (P - np.eye(K)[y]) / B)
        assert np.allclose(out, expected, rtol=1e-6, atol=1e-10), (
            f"for B = {B}, w = {w}: the gradient is H^T Delta with Delta = w (softmax(Z) - onehot(y)) / B "
            "(the mean over the batch brings the 1/B, the weight multiplies everything)"
        )
