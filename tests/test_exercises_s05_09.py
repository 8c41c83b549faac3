"""The checks of section 5.9's exercises accept right answers and reject plausible wrong ones."""

import numpy as np
import pytest

from helpers import exercises


def _fake_quantize(w, n_bits, levels=None, rounding=np.round, dequantize=True):
    levels = 2 ** (n_bits - 1) - 1 if levels is None else levels(n_bits)
    scale = np.abs(w).max() / levels
    q = np.clip(rounding(w / scale), -levels, levels)
    return scale * q if dequantize else q


def _fake_quantize_float32(w, n_bits):
    w = np.asarray(w, dtype=np.float32)
    scale = np.float32(np.abs(w).max() / (2 ** (n_bits - 1) - 1))
    return (np.clip(np.round(w / scale), -(2 ** (n_bits - 1) - 1), 2 ** (n_bits - 1) - 1)
            * scale).astype(np.float32)


def _masks(weights, sparsity, largest=False, layerwise=False, floor=False):
    if layerwise:
        return [_masks([w], sparsity)[0] for w in weights]
    magnitudes = np.concatenate([np.abs(w).ravel() for w in weights])
    k = int(sparsity * magnitudes.size) if floor else int(round(sparsity * magnitudes.size))
    if largest:
        threshold = np.sort(magnitudes)[::-1][k - 1]
        return [(np.abs(w) < threshold).astype(np.float32) for w in weights]
    threshold = np.sort(magnitudes)[k - 1]
    return [(np.abs(w) > threshold).astype(np.float32) for w in weights]


def _masks_bool_tuple(weights, sparsity):
    return tuple(m.astype(bool) for m in _masks(weights, sparsity))


def _int8_dense(x, w, b, eps=0.0, quantize_x=True, per_column=True, bias=True, dtype=np.float64):
    x, w, b = (np.asarray(a, dtype=dtype) for a in (x, w, b))
    c_x = 127 / (np.abs(x).max(axis=1, keepdims=True) + eps)
    axis = 0 if per_column else None
    c_w = 127 / (np.abs(w).max(axis=axis, keepdims=True) + eps)
    q_x = np.clip(np.round(x * c_x), -127, 127) if quantize_x else x * c_x
    q_w = np.clip(np.round(w * c_w), -127, 127)
    return (q_x @ q_w) / (c_x * c_w) + (b if bias else 0)


@pytest.mark.parametrize("exercise", ["5.9.1", "5.9.2", "5.9.3"])
def test_unanswered_is_not_an_error(exercise):
    assert exercises.check(exercise, None) is False


@pytest.mark.parametrize("exercise, right", [
    ("5.9.1", _fake_quantize),
    ("5.9.1", _fake_quantize_float32),
    ("5.9.2", _masks),
    ("5.9.2", _masks_bool_tuple),
    ("5.9.3", _int8_dense),
    ("5.9.3", lambda x, w, b: _int8_dense(x, w, b, eps=1e-7, dtype=np.float32)),  # Keras' own way
    ("5.9.3", lambda x, w, b: _int8_dense(x, w, b, dtype=np.float32)),
])
def test_right_answers_pass(exercise, right):
    assert exercises.check(exercise, right) is True


@pytest.mark.parametrize("exercise, wrong", [
    ("5.9.1", lambda w, b: _fake_quantize(w, b, levels=lambda n: 2 ** (n - 1))),  # 2**(b-1) levels
    ("5.9.1", lambda w, b: _fake_quantize(w, b, rounding=np.floor)),  # floor, not round
    ("5.9.1", lambda w, b: _fake_quantize(w, b, dequantize=False)),  # the codes, not s * q
    ("5.9.1", lambda w, b: _fake_quantize(w, 8)),  # ignores n_bits
    ("5.9.1", lambda w, b: w),  # no quantisation at all
    ("5.9.2", lambda ws, p: _masks(ws, p, layerwise=True)),  # the same share in every layer
    ("5.9.2", lambda ws, p: _masks(ws, p, largest=True)),  # removes the largest weights
    ("5.9.2", lambda ws, p: _masks(ws, p, floor=True)),  # int(p * N) instead of round(p * N)
    ("5.9.2", lambda ws, p: [1 - m for m in _masks(ws, p)]),  # inverted masks
    ("5.9.3", lambda x, w, b: _int8_dense(x, w, b, quantize_x=False)),  # float inputs
    ("5.9.3", lambda x, w, b: _int8_dense(x, w, b, per_column=False)),  # one scale for the kernel
    ("5.9.3", lambda x, w, b: _int8_dense(x, w, b, bias=False)),  # bias forgotten
    ("5.9.3", lambda x, w, b: x @ w + b),  # plain float32 layer
])
def test_wrong_answers_are_rejected(exercise, wrong):
    with pytest.raises(exercises.WrongAnswer):
        exercises.check(exercise, wrong)
