"""Checks of the exercises of section 6.8 "Responsible AI: explanations, fairness, privacy"."""

from __future__ import annotations

from typing import Any

import numpy as np

from ._checks import call_answer as _call


def _array(value: Any, shape: tuple[int, ...], call: str) -> np.ndarray:
    try:
        result = np.asarray(value, dtype=np.float64)
    except (TypeError, ValueError):
        raise AssertionError(f"{call} should return an array of numbers, got {value!r}") from None
    assert result.shape == shape, f"{call} should return shape {shape}, got shape {result.shape}"
    assert np.isfinite(result).all(), f"{call} returned NaN or infinite values"
    return result


def _reference_ig(grad_f: Any, x: np.ndarray, baseline: np.ndarray, steps: int) -> np.ndarray:
    alphas = np.arange(1, steps + 1)[:, None] / steps  # right Riemann sum
    return (x - baseline) * grad_f(baseline + alphas * (x - baseline)).mean(axis=0)


def exercise_1(answer: Any) -> None:
    """integrated_gradients(grad_f, x, baseline, steps): right Riemann sum of the path integral."""
    rng = np.random.default_rng(68)
    w = rng.normal(size=4)
    functions = {
        "f(x) = sum(w * sin(x))": lambda P: w * np.cos(P),
        "f(x) = (sum x)^2": lambda P: 2 * P.sum(axis=1, keepdims=True) * np.ones_like(P),
    }
    for name, grad_f in functions.items():
        for steps in (3, 7, 50):
            x, baseline = rng.normal(size=4), rng.normal(size=4) * 0.5
            expected = _reference_ig(grad_f, x, baseline, steps)
            call = f"integrated_gradients(grad_f, x, baseline, steps={steps}) for {name}"
            got = _array(_call(answer, grad_f, x.copy(), baseline.copy(), steps), (4,), call)
            assert np.allclose(got, expected, rtol=1e-7, atol=1e-10), (
                f"{call} should be {np.round(expected, 5).tolist()}, got "
                f"{np.round(got, 5).tolist()}. Evaluate the gradient at the points "
                "baseline + (k / steps) * (x - baseline) for k = 1, ..., steps (the right "
                "Riemann sum), average them, and multiply by (x - baseline) feature by feature"
            )


def _rates(p: np.ndarray, y: np.ndarray, t: float) -> tuple[float, float]:
    decision = p > t
    return float(decision[y == 0].mean()), float(decision[y == 1].mean())  # FPR, TPR


def _best_tpr(p: np.ndarray, y: np.ndarray, target: float) -> float:
    candidates = np.concatenate([[-np.inf], np.unique(p)])  # deny when p > t
    return max(tpr for fpr, tpr in (_rates(p, y, t) for t in candidates) if fpr <= target)


def _threshold_cases() -> list[tuple[np.ndarray, np.ndarray, np.ndarray, float]]:
    rng = np.random.default_rng(682)
    cases = []
    for n, target in ((400, 0.05), (300, 0.10), (250, 0.20)):
        group = (rng.random(n) < 0.3).astype(int)
        y = (rng.random(n) < np.where(group == 1, 0.3, 0.1)).astype(int)
        p = 1 / (1 + np.exp(-(2 * y + 0.8 * group + rng.normal(size=n) - 2)))
        cases.append((p, y, group, target))
    p, y, group, target = cases[0]
    cases.append((np.round(p, 1), y, group, 0.1))  # many tied scores
    return cases


def exercise_2(answer: Any) -> None:
    """group_thresholds(p, y, group, target_fpr): per group, the threshold of highest TPR, FPR <= target."""
    for p, y, group, target in _threshold_cases():
        call = f"group_thresholds(p, y, group, target_fpr={target}) on {len(p)} rows"
        got = _call(answer, p.copy(), y.copy(), group.copy(), target)
        assert isinstance(got, dict) and set(got) == {0, 1}, (
            f"{call} should return a dict {{0: threshold, 1: threshold}}, got {got!r}"
        )
        for g in (0, 1):
            rows = group == g
            t = float(got[g])
            fpr, tpr = _rates(p[rows], y[rows], t)
            assert fpr <= target + 1e-12, (
                f"{call}: with threshold {t:.4f} group {g} has a false-positive rate {fpr:.3f} "
                f"above the target {target}. Deny when p > threshold, and count the false "
                "positives among that group's rows with y = 0 only"
            )
            best = _best_tpr(p[rows], y[rows], target)
            assert tpr >= best - 1e-12, (
                f"{call}: group {g} gets a true-positive rate {tpr:.3f} with threshold {t:.4f}, "
                f"but {best:.3f} is possible with the false-positive rate still <= {target}: "
                "choose the lowest such threshold for each group separately"
            )


def _reference_dp(G: np.ndarray, clip: float, sigma: float, z: np.ndarray) -> np.ndarray:
    factor = np.minimum(1.0, clip / np.linalg.norm(G, axis=1))
    return ((factor[:, None] * G).sum(axis=0) + sigma * clip * z) / len(G)


def exercise_3(answer: Any) -> None:
    """dp_mean_gradient(G, clip, noise_multiplier, z): DP-SGD's noisy mean of clipped gradients."""
    rng = np.random.default_rng(683)
    for B, P, clip, sigma in ((8, 5, 1.0, 0.0), (16, 6, 0.5, 1.0), (5, 3, 2.0, 1.5), (4, 7, 0.1, 0.8)):
        G = rng.normal(size=(B, P)) * rng.uniform(0.05, 3.0, size=(B, 1))  # some inside the clip
        z = rng.normal(size=P)
        expected = _reference_dp(G, clip, sigma, z)
        call = f"dp_mean_gradient(G {G.shape}, clip={clip}, noise_multiplier={sigma}, z)"
        got = _array(_call(answer, G.copy(), clip, sigma, z.copy()), (P,), call)
        assert np.allclose(got, expected, rtol=1e-5, atol=1e-8), (
            f"{call} should be {np.round(expected, 4).tolist()}, got {np.round(got, 4).tolist()}. "
            "Scale each row g_i by min(1, clip / ||g_i||) (its whole norm, not coordinate by "
            "coordinate), sum the rows, add noise_multiplier * clip * z, then divide by the "
            "batch size"
        )
