"""The checks of section 1.2's exercises accept right answers and reject plausible wrong ones."""

import numpy as np
import pytest
import torch

from helpers import exercises


def _softmax(Z):
    E = np.exp(Z - Z.max(axis=1, keepdims=True))
    return E / E.sum(axis=1, keepdims=True)


def _grads(params, X, dZ2_of, act, act_grad):
    Z1 = X @ params["W1"] + params["b1"]
    H = act(Z1)
    Z2 = H @ params["W2"] + params["b2"]
    dZ2 = dZ2_of(Z2)
    dZ1 = (dZ2 @ params["W2"].T) * act_grad(Z1, H)
    return {"W1": X.T @ dZ1, "b1": dZ1.sum(axis=0), "W2": H.T @ dZ2, "b2": dZ2.sum(axis=0)}


def _ce(y, mean=True):
    return lambda Z2: (_softmax(Z2) - np.eye(Z2.shape[1])[y]) / (len(y) if mean else 1)


def _relu(params, X, y, grad=lambda Z1, H: Z1 > 0):
    return _grads(params, X, _ce(y), lambda Z: np.maximum(Z, 0), grad)


def _mse(params, X, T, factor=2.0, per_entry=True):
    scale = T.size if per_entry else len(T)
    return _grads(params, X, lambda Z2: factor * (Z2 - T) / scale, np.tanh, lambda Z1, H: 1 - H**2)


def _mse_autograd(params, X, T):
    torch_params = {k: torch.tensor(v, requires_grad=True) for k, v in params.items()}
    H = torch.tanh(torch.tensor(X) @ torch_params["W1"] + torch_params["b1"])
    Z2 = H @ torch_params["W2"] + torch_params["b2"]
    torch.nn.functional.mse_loss(Z2, torch.tensor(T)).backward()
    return {k: v.grad.numpy() for k, v in torch_params.items()}


def _double(Z, y, through_inner=True):
    P = _softmax(Z)
    G = (_softmax(P) - np.eye(Z.shape[1])[y]) / len(y)
    return P * (G - (G * P).sum(axis=1, keepdims=True)) if through_inner else G


def _double_autograd(Z, y):
    Z = torch.tensor(Z, requires_grad=True)
    loss = torch.nn.functional.cross_entropy(torch.softmax(Z, dim=1), torch.tensor(y))
    return torch.autograd.grad(loss, Z)[0].numpy()


@pytest.mark.parametrize("exercise", ["1.2.1", "1.2.2", "1.2.3", "1.2.4"])
def test_unanswered_is_not_an_error(exercise):
    assert exercises.check(exercise, None) is False


@pytest.mark.parametrize("exercise, right", [
    ("1.2.1", _relu),
    ("1.2.2", _mse),
    ("1.2.2", _mse_autograd),
    ("1.2.3", lambda c: 2 / np.max(c)),
    ("1.2.4", _double),
    ("1.2.4", _double_autograd),
])
def test_right_answers_pass(exercise, right):
    assert exercises.check(exercise, right) is True


@pytest.mark.parametrize("exercise, wrong", [
    ("1.2.1", lambda p, X, y: _relu(p, X, y, grad=lambda Z1, H: 1 - H**2)),  # tanh's derivative
    ("1.2.1", lambda p, X, y: _relu(p, X, y, grad=lambda Z1, H: np.ones_like(Z1))),  # no gate
    ("1.2.1", lambda p, X, y: _grads(p, X, _ce(y, mean=False), lambda Z: np.maximum(Z, 0),
                                     lambda Z1, H: Z1 > 0)),  # sum, not mean
    ("1.2.2", lambda p, X, T: _mse(p, X, T, factor=1.0)),  # the 2 forgotten
    ("1.2.2", lambda p, X, T: _mse(p, X, T, per_entry=False)),  # divided by n only
    ("1.2.3", lambda c: 1 / np.max(c)),
    ("1.2.3", lambda c: 2 / np.min(c)),
    ("1.2.3", 0.02),
    ("1.2.4", lambda Z, y: _double(Z, y, through_inner=False)),  # the inner softmax skipped
    ("1.2.4", lambda Z, y: (_softmax(Z) - np.eye(Z.shape[1])[y]) / len(y)),  # the correct model's
])
def test_wrong_answers_are_rejected(exercise, wrong):
    with pytest.raises(exercises.WrongAnswer):
        exercises.check(exercise, wrong)
