"""The checks of section 3.1's exercises accept right answers and reject plausible wrong ones."""

import numpy as np
import pytest
import torch

from helpers import exercises


def _grad_norm(s, T, X_seq, Q, W_in, v, tanh=False, every_step=False, reduce="mean"):
    h0 = torch.zeros(X_seq.shape[0], Q.shape[0], dtype=torch.float64, requires_grad=True)
    h, loss = h0, 0.0
    for t in range(T):
        a = X_seq[:, t] @ W_in.T + h @ (s * Q).T
        h = torch.tanh(a) if tanh else a
        if every_step:
            loss = loss + (h @ v).sum()
    if not every_step:
        loss = (h @ v).sum()
    loss.backward()
    norms = h0.grad.norm(dim=1)
    return (norms.mean() if reduce == "mean" else h0.grad.norm()).item()


def _linear(s, T, X_seq, Q, W_in, v):
    return _grad_norm(s, T, X_seq, Q, W_in, v)


def _every_step(s, T, X_seq, Q, W_in, v):
    return _grad_norm(s, T, X_seq, Q, W_in, v, tanh=True, every_step=True)


def _s_star(kind="singular"):
    torch.manual_seed(0)
    M = torch.randn(64, 64, dtype=torch.float64) / 8
    if kind == "singular":
        return 1 / float(torch.linalg.matrix_norm(M, ord=2))
    if kind == "eigen":
        return 1 / float(torch.linalg.eigvals(M).abs().max())
    return float(torch.linalg.matrix_norm(M, ord=2))


def _input_gradient(X, h0, states, Y, R, W_xh, W_hh, W_hy, recurrent=True, tanh=True):
    dY = Y - R  # (B, T, O)
    dX = np.zeros_like(X)
    da_next = np.zeros_like(h0)
    for t in reversed(range(X.shape[1])):
        g = dY[:, t] @ W_hy + (da_next @ W_hh if recurrent else 0)
        da = g * (1 - states[:, t] ** 2) if tanh else g
        dX[:, t] = da @ W_xh
        da_next = da
    return dX


@pytest.mark.parametrize("exercise", ["3.1.1", "3.1.2", "3.1.3", "3.1.4"])
def test_unanswered_is_not_an_error(exercise):
    assert exercises.check(exercise, None) is False


@pytest.mark.parametrize("exercise, right", [
    ("3.1.1", _linear),
    ("3.1.2", _s_star()),
    ("3.1.2", np.float64(round(_s_star(), 5))),
    ("3.1.3", _every_step),
    ("3.1.4", _input_gradient),
    ("3.1.4", lambda *args: torch.from_numpy(_input_gradient(*args))),
])
def test_right_answers_pass(exercise, right):
    assert exercises.check(exercise, right) is True


@pytest.mark.parametrize("exercise, wrong", [
    ("3.1.1", lambda s, T, X_seq, Q, W_in, v: s**T),  # only true for an orthogonal Q
    ("3.1.1", lambda s, T, X_seq, Q, W_in, v: _grad_norm(s, T, X_seq, Q, W_in, v, tanh=True)),
    ("3.1.1", lambda s, T, X_seq, Q, W_in, v: _grad_norm(s, T, X_seq, Q, W_in, v, reduce="all")),
    ("3.1.2", _s_star("eigen")),  # 1 / spectral radius
    ("3.1.2", _s_star("sigma")),  # sigma_max itself
    ("3.1.2", 1.0),
    ("3.1.2", "0.5"),
    ("3.1.3", lambda s, T, X_seq, Q, W_in, v: _grad_norm(s, T, X_seq, Q, W_in, v, tanh=True)),
    ("3.1.3", lambda s, T, X_seq, Q, W_in, v: _grad_norm(s, T, X_seq, Q, W_in, v, every_step=True)),
    ("3.1.4", lambda *args: _input_gradient(*args, recurrent=False)),  # only through y_t
    ("3.1.4", lambda *args: _input_gradient(*args, tanh=False)),  # forgot tanh'
    ("3.1.4", lambda *args: _input_gradient(*args)[:, ::-1]),  # time reversed
])
def test_wrong_answers_are_rejected(exercise, wrong):
    with pytest.raises(exercises.WrongAnswer):
        exercises.check(exercise, wrong)
