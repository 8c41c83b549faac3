"""The checks of section 5.3's exercises accept right answers and reject plausible wrong ones."""

import numpy as np
import pytest

from helpers import exercises
from helpers.exercises import s05_03

RIGHT_MATRIX = [[1.0, -0.5, 2.0], [0.0, 1.0, -2.0]]  # exercise 2: the inverse of x' = x + y/2 - 1, y' = y + 2


def _rotation(angle, H, W, sign=1.0, centre=None):
    theta = np.deg2rad(sign * angle)
    A_inv = np.array([[np.cos(theta), -np.sin(theta)], [np.sin(theta), np.cos(theta)]])
    c = np.array([(W - 1) / 2, (H - 1) / 2]) if centre is None else np.array(centre(H, W), dtype=float)
    return np.hstack([A_inv, (c - A_inv @ c)[:, None]])


@pytest.mark.parametrize("exercise", ["5.3.1", "5.3.2", "5.3.3"])
def test_unanswered_is_not_an_error(exercise):
    assert exercises.check(exercise, None) is False


@pytest.mark.parametrize("exercise, right", [
    ("5.3.1", _rotation),
    ("5.3.1", lambda angle, H, W: _rotation(angle, H, W).tolist()),
    ("5.3.2", RIGHT_MATRIX),
    ("5.3.2", np.array(RIGHT_MATRIX)),
    ("5.3.3", {"rotate by 10 degrees", "shift by 1 pixel", "zoom by 1.1", "shear by 10 degrees"}),
    ("5.3.3", ["shear by 10 degrees", "zoom by 1.1", "shift by 1 pixel", "rotate by 10 degrees"]),
])
def test_right_answers_pass(exercise, right):
    assert exercises.check(exercise, right) is True


@pytest.mark.parametrize("exercise, wrong, message", [
    ("5.3.1", lambda angle, H, W: _rotation(angle, H, W, sign=-1.0), "forward map"),
    ("5.3.1", lambda angle, H, W: _rotation(angle, H, W, centre=lambda H, W: (W / 2, H / 2)), r"\(\(W-1\)/2"),
    ("5.3.1", lambda angle, H, W: _rotation(angle, W, H), "output pixel"),
    ("5.3.1", lambda angle, H, W: _rotation(angle, H, W)[:, :2], "shape"),
    ("5.3.1", "not a function", "expected a function"),
    ("5.3.2", [[1.0, 0.5, -1.0], [0.0, 1.0, 2.0]], "forward map"),
    ("5.3.2", [[1.0, 0.5, 1.0], [0.0, 1.0, -2.0]], "should be read from"),
    ("5.3.2", [[1.0, -0.5], [0.0, 1.0]], "shape"),
    ("5.3.3", {"rotate by 10 degrees", "shift by 1 pixel", "zoom by 1.1", "shear by 10 degrees",
               "horizontal flip"}, "horizontal flip"),
    ("5.3.3", {"rotate by 10 degrees", "shift by 1 pixel", "zoom by 1.1"}, "shear by 10 degrees"),
    ("5.3.3", {"rotate by 10 degrees", "rotate by 180 degrees"}, "upside-down 6"),
    ("5.3.3", {"rotate by 15 degrees"}, "not in the list"),
    ("5.3.3", "shift by 1 pixel", "not one string"),
])
def test_wrong_answers_are_rejected_with_a_hint(exercise, wrong, message):
    with pytest.raises(exercises.WrongAnswer, match=message):
        exercises.check(exercise, wrong)


def test_the_listed_transforms_are_the_ones_checked():
    assert set(s05_03._KEEPS_LABEL) | set(s05_03._WHY_NOT) == set(s05_03.TRANSFORMS)
