"""Generate the per-section tables of TEACHING.md and the course map from the notebooks.

    python tools/build_teaching.py           # rewrite the generated parts of TEACHING.md, redraw the map
    python tools/build_teaching.py --check   # exit 1 if TEACHING.md no longer matches the notebooks

Everything here is read from the notebooks, so the guide cannot drift from them: each section's
title, learning goals, study time (its **Study time.** line), prerequisites (the links in its
**Prerequisites.** paragraph), and its run time (first cell started to last cell finished, from
the execution times saved when the notebook was last executed).
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
GUIDE = ROOT / "TEACHING.md"
MAP = ROOT / "chapters" / "course_map.png"
START, END = "<!-- generated: sections -->", "<!-- end of generated part -->"


@dataclass(frozen=True)
class Section:
    """What the guide says about one section notebook."""

    number: str
    title: str
    path: Path
    goals: tuple[str, ...]
    study_minutes: str
    prerequisites: tuple[str, ...]  # section numbers
    run_seconds: float | None
    exercises: int


def _markdown(cells: list[dict]) -> str:
    return "\n".join("".join(c["source"]) for c in cells if c["cell_type"] == "markdown")


def _run_seconds(cells: list[dict]) -> float | None:
    times = [c.get("metadata", {}).get("execution", {}) for c in cells if c["cell_type"] == "code"]
    starts = [t["iopub.execute_input"] for t in times if "iopub.execute_input" in t]
    ends = [t["shell.execute_reply"] for t in times if "shell.execute_reply" in t]
    if not starts or not ends:
        return None
    parse = lambda s: datetime.fromisoformat(s.replace("Z", "+00:00"))  # noqa: E731
    return (parse(max(ends)) - parse(min(starts))).total_seconds()


def number_of(path: Path) -> str:
    """'2.3' for chapters/02_cnn/03_deeper_networks.ipynb."""
    return f"{int(path.parent.name[:2])}.{int(path.name[:2])}"


def read_section(path: Path) -> Section:
    """Parse one section notebook's title cell, links and saved execution times."""
    cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
    title_cell = "".join(cells[0]["source"])
    title = title_cell.splitlines()[0].lstrip("# ").split(" ", 1)[1]
    goals_text = title_cell.split("**Learning goals.**", 1)[-1].split("**Prerequisites.**")[0]
    goals_text = re.sub(
        r"(?<!!)\[([^\]]+)\]\([^)]+\)", r"\1", goals_text
    )  # links are relative to the notebook
    goals = tuple(
        " ".join(g.split())
        for g in re.findall(r"^\s*\d+\.\s+(.+?)(?=^\s*\d+\.\s|\Z)", goals_text, re.M | re.S)
    )
    study_text = (
        title_cell.split("**Study time.**", 1)[1] if "**Study time.**" in title_cell else ""
    )
    minutes = re.findall(r"(\d+)\s*(?:more\s+)?minutes", study_text.split("\n\n")[0])
    prereq_text = title_cell.split("**Prerequisites.**", 1)[-1].split("**Study time.**")[0]
    prereqs = []
    for target in re.findall(r"\]\(([^)#\s]+\.ipynb)", prereq_text):
        linked = (path.parent / target).resolve()
        if linked.exists() and linked != path:
            prereqs.append(number_of(linked))
    exercises = len(
        re.findall(r"helpers\.exercises\.check\(", "\n".join("".join(c["source"]) for c in cells))
    )
    study = (
        f"{minutes[0]} min" + (f" (+{minutes[1]} exercises)" if len(minutes) > 1 else "")
        if minutes
        else "?"
    )
    return Section(
        number_of(path),
        title,
        path,
        goals,
        study,
        tuple(dict.fromkeys(prereqs)),
        _run_seconds(cells),
        exercises,
    )


def sections() -> list[Section]:
    """Every section notebook in course order."""
    paths = sorted(ROOT.glob("chapters/[0-9][0-9]_*/[0-9][0-9]_*.ipynb"))
    return sorted(
        (read_section(p) for p in paths), key=lambda s: tuple(map(int, s.number.split(".")))
    )


def render(all_sections: list[Section]) -> str:
    """The generated part of TEACHING.md: one table row per section, then the goals of each."""
    rows = [
        "| section | builds on | study time | runs in (2 CPU cores) | exercises |",
        "|---|---|---|---|---|",
    ]
    for s in all_sections:
        link = s.path.relative_to(ROOT).as_posix()
        seconds = f"{s.run_seconds:.0f} s" if s.run_seconds is not None else "not executed"
        rows.append(
            f"| [{s.number} {s.title}]({link}) | {', '.join(s.prerequisites) or '-'} | "
            f"{s.study_minutes} | {seconds} | {s.exercises or '-'} |"
        )
    goals = []
    for s in all_sections:
        goals.append(
            f"**{s.number} {s.title}.** " + " ".join(f"({i}) {g}" for i, g in enumerate(s.goals, 1))
        )
    return "\n".join(
        [START, "", *rows, "", "### Learning goals, section by section", "", *goals, "", END]
    )


def _order(number: str) -> tuple[int, ...]:
    return tuple(int(x) for x in number.split("."))


def direct_prerequisites(all_sections: list[Section]) -> dict[str, set[str]]:
    """Earlier sections each section links to, without those implied by another link (transitive reduction)."""
    earlier = {
        s.number: {p for p in s.prerequisites if _order(p) < _order(s.number)} for s in all_sections
    }

    def reachable(start: str) -> set[str]:
        seen, todo = set(), list(earlier.get(start, ()))
        while todo:
            node = todo.pop()
            if node not in seen:
                seen.add(node)
                todo.extend(earlier.get(node, ()))
        return seen

    return {
        n: {p for p in ps if not any(p in reachable(q) for q in ps - {p})}
        for n, ps in earlier.items()
    }


def draw_map(all_sections: list[Section]) -> None:
    """The course map: one box per section, one column per chapter, an arrow per direct prerequisite."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    chapters = sorted({s.number.split(".")[0] for s in all_sections}, key=int)
    position = {}
    for s in all_sections:
        chapter, index = (int(x) for x in s.number.split("."))
        position[s.number] = (chapters.index(str(chapter)) * 3.2 + 1.4, -index * 1.0)
    fig, ax = plt.subplots(figsize=(3.2 * len(chapters) + 0.4, 7.4))
    direct = direct_prerequisites(all_sections)
    for s in all_sections:
        for p in sorted(direct[s.number]):
            if p in position:
                ax.annotate(
                    "",
                    position[s.number],
                    position[p],
                    arrowprops=dict(
                        arrowstyle="-|>",
                        color="#999999",
                        lw=0.8,
                        shrinkA=14,
                        shrinkB=14,
                        connectionstyle="arc3,rad=0.15",
                    ),
                )
    for s in all_sections:
        x, y = position[s.number]
        label = f"{s.number} " + (s.title if len(s.title) <= 26 else s.title[:24] + "…")
        ax.text(
            x,
            y,
            label,
            ha="center",
            va="center",
            fontsize=8,
            bbox=dict(boxstyle="round,pad=0.35", facecolor="#dbe9f6", edgecolor="#333333"),
        )
    ax.set_xlim(-0.3, 3.2 * len(chapters))
    ax.set_ylim(min(y for _, y in position.values()) - 0.8, -0.2)
    ax.axis("off")
    ax.set_title(
        "Course map: an arrow from A to B means B builds on A (links implied by other arrows are not drawn)",
        fontsize=11,
    )
    fig.savefig(MAP, dpi=100, bbox_inches="tight", metadata={"Software": None})
    plt.close(fig)


def main() -> int:
    """Rewrite (or --check) the generated part of TEACHING.md and redraw the course map."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="check instead of writing")
    args = parser.parse_args()
    guide = GUIDE.read_text(encoding="utf-8")
    if START not in guide or END not in guide:
        raise SystemExit(f"{GUIDE.name} needs the markers {START} and {END}")
    before, rest = guide.split(START, 1)
    after = rest.split(END, 1)[1]
    all_sections = sections()
    updated = before + render(all_sections) + after
    if args.check:
        current = updated == guide
        print(
            "TEACHING.md is up to date"
            if current
            else "TEACHING.md is out of date: run tools/build_teaching.py"
        )
        return 0 if current else 1
    GUIDE.write_text(updated, encoding="utf-8")
    draw_map(all_sections)
    print(f"wrote {GUIDE.name} ({len(all_sections)} sections) and {MAP.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
