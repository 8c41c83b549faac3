"""Checks of the exercises of section 5.1 "Optimisers from their formulas"."""

from __future__ import annotations

import math
from typing import Any

import numpy as np

# Exercise 2: torch.optim.Adam at its first step.
_LR, _BETA1, _BETA2, _EPS, _G1 = 0.01, 0.9, 0.999, 1e-3, 0.002
# Exercise 3: linear warm-up from 0, then cosine decay.
_LR_MAX, _LR_MIN, _WARMUP, _DECAY = 0.05, 0.0005, 20, 180


def _float(answer: Any, what: str) -> float:
    try:
        value = float(answer)
    except (TypeError, ValueError):
        raise AssertionError(f"expected {what} as a number, got {answer!r}") from None
    assert math.isfinite(value), f"expected a finite number for {what}, got {value}"
    return value


def exercise_1(answer: Any) -> None:
    """A Nesterov step(theta, g, state, lr, mu) that follows torch.optim.SGD(nesterov=True)."""
    assert callable(answer), "expected a function nesterov_step(theta, g, state, lr, mu) -> new theta"
    import torch

    rng = np.random.default_rng(51)
    grads, theta0 = rng.normal(size=(20, 3)), rng.normal(size=3)
    lr, mu = 0.05, 0.8
    param = torch.tensor(theta0, requires_grad=True)
    optimizer = torch.optim.SGD([param], lr=lr, momentum=mu, nesterov=True)
    theta, state = theta0.copy(), {}
    for step, g in enumerate(grads, start=1):
        param.grad = torch.from_numpy(g.copy())
        optimizer.step()
        theta = np.asarray(answer(theta.copy(), g.copy(), state, lr, mu), dtype=float)
        assert theta.shape == (3,), f"the function should return theta with the shape of theta, (3,); got {theta.shape}"
        expected = param.detach().numpy()
        assert np.allclose(theta, expected, rtol=1e-9, atol=1e-12), (
            f"at step {step} got theta = {np.round(theta, 6)}, torch.optim.SGD(nesterov=True) gives "
            f"{np.round(expected, 6)}; PyTorch uses v <- mu v + g, theta <- theta - lr (g + mu v), "
            "with v kept in state between calls"
        )


def exercise_2(answer: Any) -> None:
    """The first step theta_1 - theta_0 of torch.optim.Adam (lr 0.01, eps 1e-3, g_1 = 0.002)."""
    value = _float(answer, "theta_1 - theta_0")
    expected = -_LR * _G1 / (abs(_G1) + _EPS)  # m_hat_1 = g_1, v_hat_1 = g_1^2
    if math.isclose(value, expected, rel_tol=1e-6):
        return
    uncorrected = -_LR * (1 - _BETA1) * _G1 / (math.sqrt(1 - _BETA2) * abs(_G1) + _EPS)
    if math.isclose(value, uncorrected, rel_tol=1e-4):
        raise AssertionError("that is the step without bias correction: divide m_1 by 1 - beta1 and v_1 by 1 - beta2")
    if math.isclose(value, -expected, rel_tol=1e-6):
        raise AssertionError("the size is right but the sign is not: Adam steps against the gradient")
    if math.isclose(value, -_LR, rel_tol=1e-6):
        raise AssertionError("-lr would be right for eps = 0; here eps = 1e-3 is not small next to "
                             "sqrt(v_hat_1) = |g_1|")
    raise AssertionError(
        f"got {value:.6g}; with bias correction m_hat_1 = g_1 and v_hat_1 = g_1^2, so the step is "
        "-lr * g_1 / (|g_1| + eps)"
    )


def _warmup_cosine(t: int) -> float:
    if t < _WARMUP:
        return _LR_MAX * t / _WARMUP
    progress = min(t - _WARMUP, _DECAY) / _DECAY
    return _LR_MIN + 0.5 * (_LR_MAX - _LR_MIN) * (1 + math.cos(math.pi * progress))


def exercise_3(answer: Any) -> None:
    """lr_at(t): warm-up from 0 to 0.05 over 20 steps, then cosine to 0.0005 over 180 steps."""
    assert callable(answer), "expected a function lr_at(t) -> float"
    for t in (0, 1, 10, 19, 20, 21, 65, 110, 199, 200, 201, 250, 1000):
        value = _float(answer(t), f"lr_at({t})")
        expected = _warmup_cosine(t)
        assert math.isclose(value, expected, rel_tol=1e-6, abs_tol=1e-12), (
            f"lr_at({t}) = {value:.6g}, expected {expected:.6g}; warm-up: 0.05 * t / 20 for t < 20, then "
            "0.0005 + 0.5 * (0.05 - 0.0005) * (1 + cos(pi * min(t - 20, 180) / 180))"
        )
