"""Tests of helpers.exercises: finding a section's checker, the verdicts, and clear errors."""

import sys
import types

import pytest

from helpers import exercises


@pytest.fixture
def fake_section(monkeypatch):
    """A section 9.1 with one exercise: the answer must be 42."""
    module = types.ModuleType("helpers.exercises.s09_01")

    def exercise_1(answer):
        assert answer == 42, f"expected the answer to everything, got {answer!r}"

    module.exercise_1 = exercise_1
    monkeypatch.setitem(sys.modules, "helpers.exercises.s09_01", module)
    return module


def test_a_right_answer_passes_and_says_so(fake_section, capsys):
    assert exercises.check("9.1.1", 42) is True
    assert capsys.readouterr().out == "Exercise 9.1.1: correct\n"


def test_a_wrong_answer_raises_with_the_checkers_hint(fake_section):
    with pytest.raises(
        exercises.WrongAnswer, match=r"Exercise 9.1.1: not yet right. expected .* got 41"
    ):
        exercises.check("9.1.1", 41)


def test_no_answer_yet_passes_quietly_with_a_reminder(fake_section, capsys):
    assert exercises.check("9.1.1", None) is False
    assert "not answered yet" in capsys.readouterr().out


@pytest.mark.parametrize(
    "bad, message",
    [
        ("9.1", "chapter.section.number"),
        (5.1, "chapter.section.number"),
        ("9.1.7", r"section 9.1 has no exercise 7; its exercises: \['1'\]"),
        ("8.8.1", r"section 8.8 has no exercise checks"),
    ],
)
def test_bad_exercise_names_are_clear_errors(fake_section, bad, message):
    with pytest.raises(ValueError, match=message):
        exercises.check(bad, 42)
