"""Small checks shared by the exercise modules: is an answer a function, is a value one number."""

from __future__ import annotations

import math
from typing import Any, Callable


def require_function(answer: Any) -> Callable:
    """The answer itself, after checking that it can be called."""
    assert callable(answer), f"expected a function, got {type(answer).__name__}"
    return answer


def call_answer(function: Any, *args: Any) -> Any:
    """Call a student's function on `args`, after checking that it is one."""
    return require_function(function)(*args)


def as_float(value: Any, what: str, nan_hint: str = "") -> float:
    """`value` as a float; a clear AssertionError if it is not one number or is NaN."""
    try:
        result = float(value)
    except (TypeError, ValueError):
        raise AssertionError(f"{what} should be one number, got {value!r}") from None
    assert not math.isnan(result), f"{what} is NaN{nan_hint}"
    return result


def early_stopping_replay(
    val_losses: list[float], patience: int, min_delta: float = 0.0
) -> tuple[int, int]:
    """(epochs run, best epoch), 1-based: fit's patience rule; a gain must exceed min_delta."""
    best, best_epoch, waited = float("inf"), 0, 0
    for epoch, loss in enumerate(val_losses, start=1):
        if loss < best - min_delta:
            best, best_epoch, waited = loss, epoch, 0
        else:
            waited += 1
        if waited >= patience:
            return epoch, best_epoch
    return len(val_losses), best_epoch
