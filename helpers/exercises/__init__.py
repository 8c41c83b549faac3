"""Checks a student runs on their own answer to an exercise: `check("5.1.2", answer)`.

Every exercise of section S.s, number n, has a checker `exercise_n(answer)` in the module
`helpers.exercises.sSS_ss` (for example `s05_01` for section 5.1). A checker raises an
`AssertionError` whose message says what is wrong; `check` turns that into a clear verdict.
An answer of `None` means "not answered yet": the check says so and passes, so a student
notebook runs top to bottom before its exercises are done. The solutions notebooks in
`chapters/NN_topic/solutions/` call the same checks on the worked answers.
"""

from __future__ import annotations

import importlib
import re
from types import ModuleType
from typing import Any, Callable

_EXERCISE_ID = re.compile(r"^(\d{1,2})\.(\d{1,2})\.(\d{1,2})$")


class WrongAnswer(AssertionError):
    """An exercise's answer failed its check; the message says what was expected."""


def _module(chapter: int, section: int) -> ModuleType:
    name = f"s{chapter:02d}_{section:02d}"
    try:
        return importlib.import_module(f".{name}", __name__)
    except ModuleNotFoundError as error:
        if error.name != f"{__name__}.{name}":
            raise
        raise ValueError(
            f"section {chapter}.{section} has no exercise checks (no helpers.exercises.{name})"
        ) from None


def checker(exercise: str) -> Callable[[Any], None]:
    """The check function of exercise "chapter.section.number", e.g. "5.1.2"."""
    match = _EXERCISE_ID.match(exercise) if isinstance(exercise, str) else None
    if match is None:
        raise ValueError(
            f"an exercise is named 'chapter.section.number', e.g. '5.1.2'; got {exercise!r}"
        )
    chapter, section, number = (int(part) for part in match.groups())
    module = _module(chapter, section)
    function = getattr(module, f"exercise_{number}", None)
    if function is None:
        known = sorted(
            n.removeprefix("exercise_") for n in dir(module) if n.startswith("exercise_")
        )
        raise ValueError(
            f"section {chapter}.{section} has no exercise {number}; its exercises: {known}"
        )
    return function


def check(exercise: str, answer: Any) -> bool:
    """Check an answer to an exercise: True if right, False if not answered yet (None); raises if wrong."""
    function = checker(exercise)
    if answer is None:
        print(
            f"Exercise {exercise}: not answered yet (replace None with your answer, then run this cell)"
        )
        return False
    try:
        function(answer)
    except AssertionError as error:
        raise WrongAnswer(f"Exercise {exercise}: not yet right. {error}") from None
    print(f"Exercise {exercise}: correct")
    return True
