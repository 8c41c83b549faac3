"""The checks of section 4.5's exercises accept right answers and reject plausible wrong ones."""

import numpy as np
import pytest
import torch

from helpers import exercises


def _cls_pool(token_vectors, mask):
    return torch.nn.functional.normalize(token_vectors[:, 0], dim=-1)


def _mean_pool(token_vectors, mask):
    m = mask.unsqueeze(-1).float()
    return torch.nn.functional.normalize((token_vectors * m).sum(1) / m.sum(1), dim=-1)


def _early_stop(val_losses, patience, min_delta):
    best, best_epoch, waited = float("inf"), 0, 0
    for epoch, loss in enumerate(val_losses, start=1):
        if loss < best - min_delta:
            best, best_epoch, waited = loss, epoch, 0
        else:
            waited += 1
        if waited >= patience:
            return epoch, best_epoch
    return len(val_losses), best_epoch


def _early_stop_small_gains_move_the_best(val_losses, patience, min_delta):
    best, best_epoch, waited = float("inf"), 0, 0
    for epoch, loss in enumerate(val_losses, start=1):
        if loss < best - min_delta:
            best_epoch, waited = epoch, 0
        else:
            waited += 1
        best = min(best, loss)  # wrong: a gain below min_delta still lowers the bar
        if waited >= patience:
            return epoch, best_epoch
    return len(val_losses), best_epoch


def test_exercise_1_accepts_the_causal_answer():
    assert exercises.check("4.5.1", lambda i, T: np.arange(T) >= i)


@pytest.mark.parametrize(
    "wrong",
    [
        lambda i, T: np.ones(T, dtype=bool),  # the encoder
        lambda i, T: np.arange(T) > i,  # forgets the changed position itself
        lambda i, T: np.arange(T) <= i,  # the past instead of the future
    ],
)
def test_exercise_1_rejects_wrong_answers(wrong):
    with pytest.raises(exercises.WrongAnswer):
        exercises.check("4.5.1", wrong)


def test_exercise_2_accepts_cls_pooling():
    assert exercises.check("4.5.2", _cls_pool)


@pytest.mark.parametrize("wrong", [_mean_pool, lambda tv, mask: tv[:, 0]])
def test_exercise_2_rejects_wrong_pooling(wrong):
    with pytest.raises(exercises.WrongAnswer):
        exercises.check("4.5.2", wrong)


def test_exercise_3_accepts_the_share():
    assert exercises.check("4.5.3", 525 / 993)


@pytest.mark.parametrize("wrong", [507 / 993, 0.5, 53.0])
def test_exercise_3_rejects_wrong_shares(wrong):
    with pytest.raises(exercises.WrongAnswer):
        exercises.check("4.5.3", wrong)


def test_exercise_4_accepts_the_rule():
    assert exercises.check("4.5.4", _early_stop)


@pytest.mark.parametrize(
    "wrong",
    [
        _early_stop_small_gains_move_the_best,
        lambda losses, patience, min_delta: _early_stop(losses, patience, 0.0),  # ignores delta
        lambda losses, patience, min_delta: (len(losses), int(np.argmin(losses)) + 1),  # no stop
        lambda losses, patience, min_delta: tuple(
            v - 1 for v in _early_stop(losses, patience, min_delta)
        ),  # 0-based
    ],
)
def test_exercise_4_rejects_wrong_rules(wrong):
    with pytest.raises(exercises.WrongAnswer):
        exercises.check("4.5.4", wrong)


def test_exercise_5_accepts_keys_and_values():
    assert exercises.check("4.5.5", lambda layers, d, T, batch: 2 * layers * d * T * batch)


@pytest.mark.parametrize(
    "wrong",
    [
        lambda layers, d, T, batch: layers * d * T * batch,  # keys only
        lambda layers, d, T, batch: 2 * layers * d * T,  # one sequence only
        lambda layers, d, T, batch: 2 * layers * d * d * batch,  # weights, not the cache
    ],
)
def test_exercise_5_rejects_wrong_counts(wrong):
    with pytest.raises(exercises.WrongAnswer):
        exercises.check("4.5.5", wrong)
