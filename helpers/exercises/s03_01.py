"""Checks of the exercises of section 3.1 "The recurrent network from its formula"."""

from __future__ import annotations

import math
from typing import Any, Callable

import numpy as np

from ._checks import as_float as _as_float, call_answer as _call


def _grad_norm(s: float, T: int, X_seq: Any, Q: Any, W_in: Any, v: Any,
               activation: Callable, every_step: bool) -> float:
    import torch

    h0 = torch.zeros(X_seq.shape[0], Q.shape[0], dtype=torch.float64, requires_grad=True)
    h, loss = h0, 0.0
    for t in range(T):
        h = activation(X_seq[:, t] @ W_in.T + h @ (s * Q).T)
        if every_step:
            loss = loss + (h @ v).sum()
    if not every_step:
        loss = (h @ v).sum()
    loss.backward()
    return h0.grad.norm(dim=1).mean().item()


def _cases() -> list[tuple[Any, ...]]:
    """Small RNNs: an orthogonal and a Gaussian recurrent matrix, several scales and lengths."""
    import torch

    gen = torch.Generator().manual_seed(31)
    n_hidden, n_in, n_seq = 6, 3, 5
    Q = torch.linalg.qr(torch.randn(n_hidden, n_hidden, dtype=torch.float64, generator=gen)).Q
    M = torch.randn(n_hidden, n_hidden, dtype=torch.float64, generator=gen) / n_hidden**0.5
    W_in = torch.randn(n_hidden, n_in, dtype=torch.float64, generator=gen) / n_in**0.5
    v = torch.nn.functional.normalize(torch.randn(n_hidden, dtype=torch.float64, generator=gen),
                                      dim=0)
    X_seq = torch.randn(n_seq, 12, n_in, dtype=torch.float64, generator=gen)
    return [(s, T, X_seq, R, W_in, v) for R in (Q, M) for s, T in ((0.5, 3), (1.5, 7), (0.9, 12))]


def _check_grad_function(answer: Any, every_step: bool, name: str, loss: str) -> None:
    import torch

    activation = torch.tanh if every_step else (lambda a: a)
    for s, T, X_seq, R, W_in, v in _cases():
        expected = _grad_norm(s, T, X_seq, R, W_in, v, activation, every_step)
        orthogonal = torch.allclose(R.T @ R, torch.eye(len(R), dtype=R.dtype))
        call = f"{name}(s={s}, T={T}, ...)"
        got = _call(answer, s, T, X_seq.clone(), R.clone(), W_in.clone(), v.clone())
        got = _as_float(got, call)
        assert math.isclose(got, expected, rel_tol=1e-6, abs_tol=1e-12), (
            f"{call} should be {expected:.6g}, got {got:.6g} (recurrent matrix "
            f"{'orthogonal' if orthogonal else 'not orthogonal'}): {loss}; "
            "return the mean over sequences of the norm of dL/dh_0 for each sequence"
        )


def exercise_1(answer: Any) -> None:
    """grad_norm_linear(s, T, X_seq, Q, W_in, v): ||dL/dh_0|| of a linear RNN, L = v . h_T."""
    _check_grad_function(answer, False, "grad_norm_linear",
                         "h_t = W_in x_t + s Q h_{t-1} (no tanh), L = v . h_T summed over sequences")


def exercise_2(answer: Any) -> None:
    """s* = 1 / sigma_max(M) for the seeded Gaussian matrix M of the exercise."""
    import torch

    got = _as_float(answer, "the answer")
    torch_state = torch.random.get_rng_state()
    torch.manual_seed(0)
    M = torch.randn(64, 64, dtype=torch.float64) / 8
    torch.random.set_rng_state(torch_state)
    sigma_max = float(torch.linalg.matrix_norm(M, ord=2))
    radius = float(torch.linalg.eigvals(M).abs().max())
    expected = 1 / sigma_max
    if math.isclose(got, 1 / radius, rel_tol=1e-3):
        raise AssertionError(
            f"{got:.4f} is 1 / (largest |eigenvalue|): the bound uses the largest singular value "
            "sigma_max(M), which for a non-normal matrix is larger than any |eigenvalue|"
        )
    assert math.isclose(got, expected, rel_tol=1e-3), (
        f"expected s* = 1 / sigma_max(M) = {expected:.4f} (sigma_max(M) = {sigma_max:.4f}, with "
        f"M drawn right after torch.manual_seed(0)), got {got:.4f}: sigma_max(sM) = s sigma_max(M) "
        "must be below 1"
    )


def exercise_3(answer: Any) -> None:
    """grad_norm_every_step(...): ||dL/dh_0|| for L = sum_t v . h_t in the tanh RNN."""
    _check_grad_function(answer, True, "grad_norm_every_step",
                         "h_t = tanh(W_in x_t + s Q h_{t-1}), L = sum over t = 1..T of v . h_t")


def exercise_4(answer: Any) -> None:
    """input_gradient(X, h0, states, Y, R, W_xh, W_hh, W_hy) -> dL/dX, shape (B, T, D)."""
    import torch

    rng = np.random.default_rng(314)
    for B, T, D, H, O in ((3, 5, 2, 4, 2), (2, 7, 3, 3, 1)):
        X = rng.normal(size=(B, T, D))
        h0 = rng.normal(scale=0.5, size=(B, H))
        W_xh, W_hh = rng.normal(scale=0.7, size=(H, D)), rng.normal(scale=0.7, size=(H, H))
        b, W_hy, b_y = rng.normal(size=H), rng.normal(size=(O, H)), rng.normal(size=O)
        R = rng.normal(size=(B, T, O))
        X_t = torch.tensor(X, requires_grad=True)
        h, outs = torch.tensor(h0), []
        for t in range(T):
            h = torch.tanh(X_t[:, t] @ torch.tensor(W_xh).T + h @ torch.tensor(W_hh).T
                           + torch.tensor(b))
            outs.append(h)
        states_t = torch.stack(outs, dim=1)  # (B, T, H)
        Y_t = states_t @ torch.tensor(W_hy).T + torch.tensor(b_y)
        (0.5 * ((Y_t - torch.tensor(R)) ** 2).sum()).backward()
        states, Y = states_t.detach().numpy(), Y_t.detach().numpy()
        got = _call(answer, X.copy(), h0.copy(), states.copy(), Y.copy(), R.copy(), W_xh.copy(),
                    W_hh.copy(), W_hy.copy())
        if hasattr(got, "detach"):
            got = got.detach().numpy()
        got = np.asarray(got, dtype=np.float64)
        assert got.shape == (B, T, D), f"expected dL/dX of shape {(B, T, D)}, got {got.shape}"
        assert np.allclose(got, X_t.grad.numpy(), rtol=1e-6, atol=1e-9), (
            "dL/dX differs from autograd: x_t enters only through a_t = W_xh x_t + ..., so "
            "dL/dx_t = delta^a_t W_xh (row form: da @ W_xh), with delta^a_t from the backward "
            "recursion, which includes the path through h_{t+1}"
        )
