"""Checks of the exercises of section 6.7 "Driving by imitation"."""

from __future__ import annotations

from types import SimpleNamespace
from typing import Any

import numpy as np


def exercise_1(answer: Any) -> None:
    """Gains (k_e, k_psi) that give the closed loop a natural frequency and a damping ratio."""
    assert callable(answer), "expected a function gains(omega, zeta, v) -> (k_e, k_psi)"
    for omega, zeta, v in ((1.5, 0.9, 10.0), (0.8, 0.5, 20.0), (2.0, 1.2, 5.0)):
        try:
            k_e, k_psi = (float(g) for g in answer(omega, zeta, v))
        except (TypeError, ValueError):
            raise AssertionError("gains(...) should return a pair of numbers (k_e, k_psi)") from None
        # e'' + v k_psi e' + v^2 k_e e = 0 against e'' + 2 zeta omega e' + omega^2 e = 0
        want_e, want_psi = omega**2 / v**2, 2 * zeta * omega / v
        assert np.isclose(k_e, want_e, rtol=1e-9), (
            f"gains({omega}, {zeta}, {v}): v^2 k_e must equal omega^2, so k_e = omega^2 / v^2 = "
            f"{want_e:.6g}; got {k_e:.6g}"
        )
        assert np.isclose(k_psi, want_psi, rtol=1e-9), (
            f"gains({omega}, {zeta}, {v}): v k_psi must equal 2 zeta omega, so k_psi = "
            f"{want_psi:.6g}; got {k_psi:.6g}"
        )


def _wilson(k: int, n: int, z: float) -> tuple[float, float]:
    p = k / n
    centre, half = p + z**2 / (2 * n), z * np.sqrt(p * (1 - p) / n + z**2 / (4 * n**2))
    return (centre - half) / (1 + z**2 / n), (centre + half) / (1 + z**2 / n)


def exercise_2(answer: Any) -> None:
    """The Wilson score interval for k successes in n trials."""
    assert callable(answer), "expected a function wilson(k, n, z) -> (low, high)"
    for k, n, z in ((300, 300, 1.96), (0, 40, 1.96), (183, 300, 1.96), (7, 50, 2.576), (1, 3, 1.0)):
        try:
            low, high = (float(b) for b in answer(k, n, z))
        except (TypeError, ValueError):
            raise AssertionError("wilson(...) should return a pair of numbers (low, high)") from None
        want = _wilson(k, n, z)
        assert np.allclose((low, high), want, rtol=1e-9, atol=1e-12), (
            f"wilson({k}, {n}, {z}): expected ({want[0]:.6f}, {want[1]:.6f}), got ({low:.6f}, "
            f"{high:.6f}); the Wilson interval is (p + z^2/2n +- z sqrt(p(1-p)/n + z^2/4n^2)) / "
            "(1 + z^2/n), not p +- z sqrt(p(1-p)/n)"
        )


def _episodes(seed: int) -> SimpleNamespace:
    rng = np.random.default_rng(seed)
    T, N = 6, 4
    alive = np.ones((T, N), dtype=bool)
    for i, failed in enumerate((2, 6, 0, 4)):  # the step at which car i left the road
        alive[failed:, i] = False
    alive[0, 2] = True
    return SimpleNamespace(obs=rng.normal(size=(T, N, 5)), labels=rng.normal(size=(T, N)),
                           actions=rng.normal(size=(T, N)), alive=alive)


def exercise_3(answer: Any) -> None:
    """One round of DAgger's aggregation: old pairs, then (observation, expert label) on the road."""
    assert callable(answer), "expected a function aggregate(X, y, episodes) -> (X, y)"
    for seed in (0, 1):
        rng = np.random.default_rng(seed + 10)
        X, y, episodes = rng.normal(size=(7, 5)), rng.normal(size=7), _episodes(seed)
        try:
            new_X, new_y = (np.asarray(a, dtype=float) for a in answer(X.copy(), y.copy(), episodes))
        except (TypeError, ValueError):
            raise AssertionError("aggregate(...) should return a pair of arrays (X, y)") from None
        rows = int(episodes.alive.sum())
        assert len(new_X) != rows, (
            f"got only the {rows} new pairs: keep the 7 old ones first, DAgger aggregates, it does "
            "not replace"
        )
        assert new_X.shape == (7 + rows, 5) and new_y.shape == (7 + rows,), (
            f"expected X of shape {(7 + rows, 5)} and y of {(7 + rows,)} (the 7 old pairs plus one "
            f"per step on the road, {rows}); got {new_X.shape} and {new_y.shape}"
        )
        assert np.array_equal(new_X[:7], X) and np.array_equal(new_y[:7], y), (
            "the old pairs must come first, unchanged: DAgger aggregates, it does not replace"
        )
        assert np.array_equal(new_X[7:], episodes.obs[episodes.alive]), (
            "the new observations are episodes.obs[episodes.alive], the steps still on the road"
        )
        assert not np.array_equal(new_y[7:], episodes.actions[episodes.alive]), (
            "the new labels are the EXPERT's steering (episodes.labels), not the learner's actions"
        )
        assert np.array_equal(new_y[7:], episodes.labels[episodes.alive]), (
            "the new labels are episodes.labels[episodes.alive], aligned with the observations"
        )
