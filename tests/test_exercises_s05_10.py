"""The checks of section 5.10's exercises accept right answers and reject plausible wrong ones."""

import pytest

from helpers import exercises


def _zero(params, stage, num_gpus, shard_grads_in_stage_1=False):
    if stage not in (0, 1, 2, 3):
        raise ValueError("stage must be 0-3")
    weights, grads, states = 2 * params, 2 * params, 12 * params
    if stage >= 1:
        states /= num_gpus
    if stage >= 2 or (stage == 1 and shard_grads_in_stage_1):
        grads /= num_gpus
    if stage >= 3:
        weights /= num_gpus
    return weights + grads + states


def _steps(global_batch, micro_batch, num_gpus, check=True):
    if check and global_batch % (micro_batch * num_gpus):
        raise ValueError("the global batch does not split evenly")
    return global_batch // (micro_batch * num_gpus)


def _ring(num_values, num_processes, bytes_per_value=4, factor=2):
    return factor * (num_processes - 1) / num_processes * num_values * bytes_per_value


def test_right_answers_pass():
    assert exercises.check("5.10.1", _zero)
    assert exercises.check("5.10.2", _steps)
    assert exercises.check("5.10.3", _ring)


def test_unanswered_exercises_say_so():
    assert all(exercises.check(f"5.10.{k}", None) is False for k in (1, 2, 3))


@pytest.mark.parametrize(
    "exercise, wrong",
    [
        ("5.10.1", lambda p, s, n: _zero(p, s, n, shard_grads_in_stage_1=True)),
        ("5.10.1", lambda p, s, n: 16 * p / n if s else 16 * p),  # shards everything from stage 1
        ("5.10.1", lambda p, s, n: _zero(p, min(s, 3), n)),  # never refuses a bad stage
        ("5.10.2", lambda g, m, n: _steps(g, m, n, check=False)),  # floors instead of refusing
        ("5.10.2", lambda g, m, n: g / (m * n)),  # a float, not a count
        ("5.10.2", lambda g, m, n: g // m),  # forgets the other GPUs
        ("5.10.3", lambda v, n, b=4: _ring(v, n, b, factor=1)),  # one phase only
        ("5.10.3", lambda v, n, b=4: 2 * v * b),  # ignores (N - 1) / N
        ("5.10.3", lambda v, n, b=2: _ring(v, n, b)),  # wrong default width
    ],
)
def test_plausible_wrong_answers_fail(exercise, wrong):
    with pytest.raises(exercises.WrongAnswer):
        exercises.check(exercise, wrong)
