"""The checks of section 3.2's exercises accept right answers and reject plausible wrong ones."""

import numpy as np
import pytest
import torch

from helpers import exercises


def _set_forget_bias(lstm, value, rows=None, both=False, layers=None):
    H = lstm.hidden_size
    rows = rows or slice(H, 2 * H)
    with torch.no_grad():
        for layer in range(lstm.num_layers if layers is None else layers):
            getattr(lstm, f"bias_ih_l{layer}")[rows] = value
            getattr(lstm, f"bias_hh_l{layer}")[rows] = value if both else 0.0


def _gru_keras_to_torch(weights, order="zr", rows=(0, 1), transpose=True):
    kernel, recurrent, bias = (np.asarray(w) for w in weights)
    if bias.ndim != 2:
        raise ValueError("reset_after=False weights have one bias and another reset gate")
    H = recurrent.shape[0]
    cols = {"z": slice(0, H), "r": slice(H, 2 * H), "n": slice(2 * H, 3 * H)}
    take = [cols[k] for k in ("rzn" if order == "zr" else "zrn")]

    def reorder(m):
        return np.concatenate([m[..., c] for c in take], axis=-1)

    t = (lambda m: m.T) if transpose else (lambda m: m.reshape(m.shape[1], m.shape[0]))
    return t(reorder(kernel)), t(reorder(recurrent)), reorder(bias[rows[0]]), reorder(bias[rows[1]])


def _gru_no_refusal(weights):
    kernel, recurrent, bias = (np.asarray(w) for w in weights)
    if bias.ndim == 1:
        bias = np.stack([bias, np.zeros_like(bias)])
    return _gru_keras_to_torch([kernel, recurrent, bias])


def _n_params(cell, framework, D, H, num_layers, torch_biases=2, gru_keras_biases=2, same_d=False):
    gates = {"LSTM": 4, "GRU": 3}[cell]
    biases = {("LSTM", "keras"): 1, ("GRU", "keras"): gru_keras_biases}.get((cell, framework),
                                                                           torch_biases)
    inputs = [D] * num_layers if same_d else [D] + [H] * (num_layers - 1)
    return sum(gates * (H * d + H * H) + biases * gates * H for d in inputs)


@pytest.mark.parametrize("exercise", ["3.2.1", "3.2.2", "3.2.3"])
def test_unanswered_is_not_an_error(exercise):
    assert exercises.check(exercise, None) is False


@pytest.mark.parametrize("exercise, right", [
    ("3.2.1", _set_forget_bias),
    ("3.2.1", lambda lstm, value: _set_forget_bias(lstm, value, both=False)),
    ("3.2.2", _gru_keras_to_torch),
    ("3.2.2", lambda w: tuple(torch.from_numpy(a.copy()) for a in _gru_keras_to_torch(w))),
    ("3.2.3", _n_params),
])
def test_right_answers_pass(exercise, right):
    assert exercises.check(exercise, right) is True


def _unguarded(lstm, value):
    H = lstm.hidden_size
    lstm.bias_ih_l0[H:2 * H] = value  # in place on a leaf that requires grad: RuntimeError


@pytest.mark.parametrize("exercise, wrong", [
    ("3.2.1", lambda lstm, value: _set_forget_bias(lstm, value, rows=slice(0, lstm.hidden_size))),
    ("3.2.1", lambda lstm, value: _set_forget_bias(lstm, value, both=True)),  # b_ih + b_hh = 2 v
    ("3.2.1", lambda lstm, value: _set_forget_bias(lstm, value, layers=1)),  # first layer only
    ("3.2.1", _unguarded),
    ("3.2.1", 1.0),
    ("3.2.2", lambda w: _gru_keras_to_torch(w, order="rz")),  # Keras' order copied straight
    ("3.2.2", lambda w: _gru_keras_to_torch(w, rows=(1, 0))),  # bias rows swapped
    ("3.2.2", lambda w: _gru_keras_to_torch(w, transpose=False)),  # reshaped, not transposed
    ("3.2.2", _gru_no_refusal),  # converts reset_after=False weights instead of refusing
    ("3.2.3", lambda *a: _n_params(*a, torch_biases=1)),  # one bias vector in PyTorch
    ("3.2.3", lambda *a: _n_params(*a, gru_keras_biases=1)),  # Keras GRU with one bias
    ("3.2.3", lambda *a: _n_params(*a, same_d=True)),  # every layer reads D inputs
    ("3.2.3", lambda *a: float(_n_params(*a))),
])
def test_wrong_answers_are_rejected(exercise, wrong):
    with pytest.raises(exercises.WrongAnswer):
        exercises.check(exercise, wrong)
