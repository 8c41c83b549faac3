"""Checks of the exercises of section 5.10 "Distributed training on a real engine"."""

from __future__ import annotations

import math
from typing import Any, Callable

from ._checks import as_float as _number, require_function as _function


def _raises_value_error(function: Callable, args: tuple, why: str) -> None:
    call = f"{getattr(function, '__name__', 'your function')}{args}"
    try:
        function(*args)
    except ValueError:
        return
    except Exception as error:  # any other error is the wrong kind
        raise AssertionError(
            f"{call} should raise ValueError ({why}), not {type(error).__name__}"
        ) from None
    raise AssertionError(f"{call} should raise ValueError: {why}")


def _zero_bytes(params: float, stage: int, num_gpus: int) -> float:
    weights, grads, states = 2 * params, 2 * params, 12 * params
    shard = {0: (1, 1, 1), 1: (1, 1, num_gpus), 2: (1, num_gpus, num_gpus),
             3: (num_gpus, num_gpus, num_gpus)}[stage]
    return weights / shard[0] + grads / shard[1] + states / shard[2]


def exercise_1(answer: Any) -> None:
    """zero_bytes_per_gpu(params, stage, num_gpus): model-state bytes per GPU under ZeRO 0-3."""
    function = _function(answer)
    for params in (7.5e9, 175e9, 1_000_000):
        for num_gpus in (1, 8, 64, 1024):
            for stage in range(4):
                call = f"zero_bytes_per_gpu({params:g}, {stage}, {num_gpus})"
                got, expected = _number(function(params, stage, num_gpus), call), _zero_bytes(
                    params, stage, num_gpus)
                assert math.isclose(got, expected, rel_tol=1e-9), (
                    f"{call} should be {expected:.6g} bytes, got {got:.6g}. Mixed-precision Adam "
                    "keeps 2 (16-bit weights) + 2 (16-bit gradients) + 12 (float32 master weights "
                    "and two moments) bytes per parameter; stage 1 shards the 12, stage 2 also the "
                    "gradients, stage 3 also the weights"
                )
    for stage in (4, -1):
        _raises_value_error(function, (1e9, stage, 8), "ZeRO has stages 0, 1, 2 and 3")


def exercise_2(answer: Any) -> None:
    """accumulation_steps(global_batch, micro_batch, num_gpus): micro-batches per GPU per step."""
    function = _function(answer)
    for global_batch, micro_batch, num_gpus, expected in [
        (512, 8, 16, 4), (64, 32, 2, 1), (1024, 4, 8, 32), (96, 6, 4, 4), (8, 8, 1, 1),
    ]:
        call = f"accumulation_steps({global_batch}, {micro_batch}, {num_gpus})"
        got = function(global_batch, micro_batch, num_gpus)
        assert isinstance(got, int) and not isinstance(got, bool), (
            f"{call} should return an int, got {got!r}"
        )
        assert got == expected, (
            f"{call} should be {expected}: each step, {num_gpus} GPUs x {expected} micro-batches x "
            f"{micro_batch} = {global_batch} examples; got {got}"
        )
    for args, why in [((100, 8, 4), "100 examples cannot be split into micro-batches of 8 on 4 GPUs"),
                      ((64, 8, 3), "64 examples cannot be shared equally by 3 GPUs"),
                      ((48, 32, 1), "48 is not a whole number of micro-batches of 32")]:
        _raises_value_error(function, args, why)


def exercise_3(answer: Any) -> None:
    """ring_allreduce_bytes(num_values, num_processes, bytes_per_value=4): bytes each process sends."""
    function = _function(answer)
    for num_values, num_processes, width in [(175e9, 2, 4), (175e9, 1024, 4), (1_000_000, 8, 4),
                                             (1_000_000, 8, 2), (10, 1, 4)]:
        expected = 2 * (num_processes - 1) / num_processes * num_values * width
        call = f"ring_allreduce_bytes({num_values:g}, {num_processes}, {width})"
        got = _number(function(num_values, num_processes, width), call)
        assert math.isclose(got, expected, rel_tol=1e-9, abs_tol=1e-9), (
            f"{call} should be {expected:.6g}: two phases, each sending N - 1 chunks of "
            f"num_values / N values; got {got:.6g}"
        )
    got = _number(function(1000, 4), "ring_allreduce_bytes(1000, 4)")
    assert math.isclose(got, 6000), "the default is 4 bytes per value (float32)"
