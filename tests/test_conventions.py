"""Every notebook follows the course's anatomy (COURSE_STYLE.md): checked here, without a kernel.

Section notebooks: the title cell (number, learning goals, prerequisites, study time), the set-up
cell first, the closing headings, a runnable check for every exercise, short cells and lines,
links and figures that resolve, saved executed in order and after the last change to `helpers/`.
Solutions notebooks: the same set-up, and an asserted check for every exercise of their section.
`KNOWN_EXCEPTIONS` lists what a notebook does not meet yet (empty now): the list may only shrink.
"""

from __future__ import annotations

import json
import re
import statistics
import subprocess
from datetime import datetime, timezone
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SECTIONS = sorted(ROOT.glob("chapters/[0-9][0-9]_*/[0-9][0-9]_*.ipynb"))
SOLUTIONS = sorted(ROOT.glob("chapters/[0-9][0-9]_*/solutions/[0-9][0-9]_*.ipynb"))
MAX_LINE, MAX_CELL, LONG_CELL_TAG = 100, 30, "training-loop"
CHECK_CALL = re.compile(r"helpers\.exercises\.check\(\s*\"(\d+\.\d+\.\d+)\"")

# (check, notebook) pairs a notebook may not meet yet, e.g. ('lines', 'chapters/...ipynb'). Empty:
# every notebook meets every check. A new entry needs a reason in its issue; fix it, then delete it.
KNOWN_EXCEPTIONS: set[tuple[str, str]] = set()


def _cells(path: Path) -> list[dict]:
    return json.loads(path.read_text(encoding="utf-8"))["cells"]


def _source(cell: dict) -> str:
    return "".join(cell.get("source", ""))


def _code(path: Path) -> list[dict]:
    return [c for c in _cells(path) if c["cell_type"] == "code"]


def _rel(path: Path) -> str:
    return path.relative_to(ROOT).as_posix()


def _section_number(path: Path) -> str:
    chapter, section = int(path.parent.name[:2]), int(path.name[:2])
    return f"{chapter}.{section}"


def _exempt(check: str, path: Path) -> bool:
    return (check, _rel(path)) in KNOWN_EXCEPTIONS


def _ids(paths):
    return [_rel(p) for p in paths]


@pytest.mark.parametrize("path", SECTIONS, ids=_ids(SECTIONS))
def test_title_cell(path):
    if _exempt("title", path):
        pytest.skip("known exception")
    title = _source(_cells(path)[0])
    assert title.startswith(f"# {_section_number(path)} "), (
        f"first line must be '# {_section_number(path)} Title'"
    )
    for part in ("**Learning goals.**", "**Prerequisites.**", "**Study time.**"):
        assert part in title, f"the title cell needs {part}"


@pytest.mark.parametrize("path", SECTIONS + SOLUTIONS, ids=_ids(SECTIONS + SOLUTIONS))
def test_setup_cell_comes_first(path):
    if _exempt("setup", path):
        pytest.skip("known exception")
    first = _code(path)[0]
    lines = [line for line in _source(first).splitlines() if line.strip()]
    assert lines[0].startswith("import helpers"), (
        "the first code line imports helpers (before any framework)"
    )
    assert lines[-1].startswith("env = helpers.setup("), (
        "the set-up cell ends with env = helpers.setup(...)"
    )
    assert "nbval-ignore-output" in first.get("metadata", {}).get("tags", []), (
        "it prints versions: ignore its output"
    )


@pytest.mark.parametrize("path", SECTIONS, ids=_ids(SECTIONS))
def test_closing_headings_and_exercise_checks(path):
    if _exempt("closing", path):
        pytest.skip("known exception")
    cells = _cells(path)
    headings = [
        line for c in cells if c["cell_type"] == "markdown" for line in _source(c).splitlines()
    ]
    order = [h for h in headings if h in ("## Summary", "## Exercises", "## References")]
    assert order == ["## Summary", "## Exercises", "## References"], (
        f"closing headings found: {order}"
    )
    start = next(i for i, c in enumerate(cells) if "## Exercises" in _source(c))
    checks = [CHECK_CALL.findall(_source(c)) for c in cells[start:] if c["cell_type"] == "code"]
    assert any(checks), (
        "every exercise needs a check a student can run: helpers.exercises.check(...)"
    )


@pytest.mark.parametrize("path", SOLUTIONS, ids=_ids(SOLUTIONS))
def test_solutions_assert_every_exercise_of_their_section(path):
    section = path.parent.parent / path.name
    assert section.exists(), (
        f"a solutions notebook is named after its section notebook: {_rel(section)}"
    )
    asked = {i for c in _code(section) for i in CHECK_CALL.findall(_source(c))}
    solved = {
        i
        for c in _code(path)
        for i in re.findall(r"assert helpers\.exercises\.check\(\s*\"([\d.]+)\"", _source(c))
    }
    assert asked and asked <= solved, (
        f"exercises without an asserted solution: {sorted(asked - solved)}"
    )
    assert f"../{section.name}" in _source(_cells(path)[0]), (
        "the title cell links back to the section"
    )


@pytest.mark.parametrize("path", SECTIONS + SOLUTIONS, ids=_ids(SECTIONS + SOLUTIONS))
def test_short_lines_and_cells(path):
    long_lines = [
        f"cell {i}: {len(line)} chars"
        for i, c in enumerate(_code(path))
        for line in _source(c).splitlines()
        if len(line) > MAX_LINE
    ]
    if not _exempt("lines", path):
        assert not long_lines, f"code lines over {MAX_LINE} characters: {long_lines[:5]}"
    long_cells = [
        f"cell {i}: {n} lines"
        for i, c in enumerate(_code(path))
        if (n := sum(1 for line in _source(c).splitlines() if line.strip())) > MAX_CELL
        and LONG_CELL_TAG not in c.get("metadata", {}).get("tags", [])
    ]
    if not _exempt("cells", path):
        assert not long_cells, (
            f"cells over {MAX_CELL} lines (one idea per cell; tag a training loop '{LONG_CELL_TAG}')"
        )


def test_median_cell_is_short():
    paths = [p for p in SECTIONS + SOLUTIONS if not _exempt("cells", p)]
    sizes = [
        sum(1 for line in _source(c).splitlines() if line.strip()) for p in paths for c in _code(p)
    ]
    assert statistics.median(sizes) <= 10, f"median code cell: {statistics.median(sizes)} lines"


@pytest.mark.parametrize("path", SECTIONS + SOLUTIONS, ids=_ids(SECTIONS + SOLUTIONS))
def test_links_and_figures_resolve(path):
    text = "\n".join(_source(c) for c in _cells(path) if c["cell_type"] == "markdown")
    text = re.sub(
        r"```.*?```|`[^`\n]*`|\$\$.*?\$\$|\$[^$\n]*\$", "", text, flags=re.S
    )  # code and maths
    for alt, target in re.findall(r"!\[([^\]]*)\]\(([^)\s]+)", text):
        assert alt.strip(), f"figure {target} needs alt text"
        assert (path.parent / target).exists(), f"figure {target} does not exist"
    for target in re.findall(r"(?<!!)\[[^\]]+\]\(([^)\s]+)", text):
        if re.match(r"[a-z]+:", target) or target.startswith("#"):
            continue  # a web address or an anchor in the same notebook
        assert (path.parent / target.split("#")[0]).exists(), f"link {target} does not resolve"


def _last_helpers_commit() -> datetime | None:
    try:
        paths = [
            "helpers/",
            ":(exclude)helpers/exercises",
        ]  # an exercise check changes no saved output
        out = subprocess.run(
            ["git", "log", "-1", "--format=%cI", "--", *paths],
            cwd=ROOT,
            capture_output=True,
            text=True,
            timeout=20,
        ).stdout.strip()
    except (OSError, subprocess.SubprocessError):
        return None
    return datetime.fromisoformat(out).astimezone(timezone.utc) if out else None


@pytest.mark.parametrize("path", SECTIONS + SOLUTIONS, ids=_ids(SECTIONS + SOLUTIONS))
def test_saved_executed_in_order_and_fresh(path):
    code = [c for c in _code(path) if _source(c).strip()]
    counts = [c.get("execution_count") for c in code]
    assert None not in counts, "some code cells were never executed: run all and save"
    assert counts == sorted(counts), (
        "cells were executed out of order: restart the kernel and run all"
    )
    assert not [o for c in code for o in c.get("outputs", []) if o.get("output_type") == "error"]
    changed = _last_helpers_commit()
    if changed is None:
        pytest.skip("no git history to compare with")
    stamps = [c.get("metadata", {}).get("execution", {}).get("shell.execute_reply") for c in code]
    stamps = [datetime.fromisoformat(s.replace("Z", "+00:00")) for s in stamps if s]
    assert stamps, "no execution times saved: re-execute with tools/run_notebooks.py"
    assert max(stamps) >= changed, (
        f"saved {max(stamps):%Y-%m-%d %H:%M} before the last change to helpers/ ({changed:%Y-%m-%d %H:%M}): "
        "its figures may be stale; re-execute it with tools/run_notebooks.py"
    )
