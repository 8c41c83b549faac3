"""The checks of section 4.4's exercises accept right answers and reject plausible wrong ones."""

import math

import numpy as np
import pytest

from helpers import exercises


def _post_norm(block, x, is_pad):
    x = block.ln1(x + block.attn(x, x, x, key_padding_mask=is_pad, need_weights=False)[0])
    return block.ln2(x + block.ffn(x))


def _pre_norm(block, x, is_pad):
    h = block.ln1(x)
    x = x + block.attn(h, h, h, key_padding_mask=is_pad, need_weights=False)[0]
    return x + block.ffn(block.ln2(x))


def _rotation(k, d, sign=1.0):
    R = np.zeros((d, d))
    for i in range(d // 2):
        angle = k / 10000 ** (2 * i / d)
        c, s = math.cos(angle), math.sin(angle)
        # row vector (sin, cos) times R gives (sin(a + b), cos(a + b))
        R[2 * i, 2 * i], R[2 * i, 2 * i + 1] = c, -sign * s
        R[2 * i + 1, 2 * i], R[2 * i + 1, 2 * i + 1] = sign * s, c
    return R


def _block_params(d, heads, d_ff, biases=True, times_heads=False):
    attention = 4 * (d * d + (d if biases else 0)) * (heads if times_heads else 1)
    ffn = d * d_ff + d_ff * d + ((d_ff + d) if biases else 0)
    return attention + ffn + 4 * d


def _allowed(is_real):
    T = is_real.shape[1]
    return np.tril(np.ones((T, T), dtype=bool))[None] & is_real[:, None, :]


def test_exercise_1_accepts_post_norm():
    assert exercises.check("4.4.1", _post_norm)


@pytest.mark.parametrize("wrong", [_pre_norm, lambda block, x, is_pad: x])
def test_exercise_1_rejects_pre_norm(wrong):
    with pytest.raises(exercises.WrongAnswer):
        exercises.check("4.4.1", wrong)


def test_exercise_2_accepts_the_rotation():
    assert exercises.check("4.4.2", _rotation)


@pytest.mark.parametrize("wrong", [lambda k, d: _rotation(k, d, sign=-1.0), lambda k, d: np.eye(d)])
def test_exercise_2_rejects_wrong_rotations(wrong):
    with pytest.raises(exercises.WrongAnswer):
        exercises.check("4.4.2", wrong)


def test_exercise_3_accepts_the_count():
    assert exercises.check("4.4.3", _block_params)


@pytest.mark.parametrize("options", [dict(biases=False), dict(times_heads=True)])
def test_exercise_3_rejects_wrong_counts(options):
    with pytest.raises(exercises.WrongAnswer):
        exercises.check("4.4.3", lambda d, heads, d_ff: _block_params(d, heads, d_ff, **options))


def test_exercise_4_accepts_the_mask():
    assert exercises.check("4.4.4", _allowed)


@pytest.mark.parametrize(
    "wrong",
    [
        lambda is_real: ~_allowed(is_real),  # PyTorch's convention
        lambda is_real: np.broadcast_to(
            np.tril(np.ones((is_real.shape[1],) * 2, dtype=bool)),
            (len(is_real), is_real.shape[1], is_real.shape[1]),
        ),  # no padding
        lambda is_real: (
            np.triu(np.ones((is_real.shape[1],) * 2, dtype=bool))[None] & is_real[:, None, :]
        ),
    ],
)
def test_exercise_4_rejects_wrong_masks(wrong):
    with pytest.raises(exercises.WrongAnswer):
        exercises.check("4.4.4", wrong)


def test_exercise_5_accepts_the_ratio():
    assert exercises.check("4.4.5", 8 / math.sqrt(0.5))


@pytest.mark.parametrize("wrong", [8.0, 8 * math.sqrt(0.5), 1.0])
def test_exercise_5_rejects_wrong_ratios(wrong):
    with pytest.raises(exercises.WrongAnswer):
        exercises.check("4.4.5", wrong)


def test_unanswered_is_not_an_error():
    assert exercises.check("4.4.1", None) is False
