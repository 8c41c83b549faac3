"""TEACHING.md's section tables are generated from the notebooks and match them."""

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tools"))

import build_teaching  # noqa: E402


def test_teaching_guide_matches_the_notebooks():
    guide = (ROOT / "TEACHING.md").read_text(encoding="utf-8")
    generated = guide.split(build_teaching.START, 1)[1].split(build_teaching.END, 1)[0]
    expected = build_teaching.render(build_teaching.sections())
    assert build_teaching.START + generated + build_teaching.END == expected, (
        "a notebook's title, goals, study time, prerequisites or run time changed: run python tools/build_teaching.py"
    )


def test_every_section_states_its_study_time_and_was_executed():
    for section in build_teaching.sections():
        assert section.study_minutes != "?", (
            f"{section.number} needs a **Study time.** line in its title cell"
        )
        assert section.run_seconds is not None, (
            f"{section.number} was saved without execution times"
        )


def test_the_map_drops_links_implied_by_others():
    sections = [
        build_teaching.Section(n, n, ROOT, (), "1 min", p, 1.0, 0)
        for n, p in [("1.1", ()), ("1.2", ("1.1",)), ("1.3", ("1.1", "1.2")), ("1.4", ("1.5",))]
    ]
    direct = build_teaching.direct_prerequisites(sections)
    assert direct == {
        "1.1": set(),
        "1.2": {"1.1"},
        "1.3": {"1.2"},
        "1.4": set(),
    }  # 1.5 is later: ignored
