"""Every diagram that tools/draw_figures.py draws exists and is shown, with alt text, by a notebook."""

import re
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tools"))

import draw_figures  # noqa: E402


def _shown_in(chapter: Path) -> dict[str, str]:
    """figure file name -> alt text, for every image a notebook of the chapter shows."""
    import json

    shown = {}
    for notebook in chapter.glob("*.ipynb"):
        for cell in json.loads(notebook.read_text(encoding="utf-8"))["cells"]:
            text = "".join(cell["source"]) if cell["cell_type"] == "markdown" else ""
            for alt, target in re.findall(r"!\[([^\]]*)\]\(figures/([^)\s]+)\)", text):
                shown[target] = alt
    return shown


@pytest.mark.parametrize("relative", sorted(draw_figures.FIGURES))
def test_figure_exists_and_is_shown_with_alt_text(relative):
    path = ROOT / "chapters" / relative
    assert path.exists() and path.stat().st_size > 5_000, (
        f"{relative} is missing: python tools/draw_figures.py"
    )
    shown = _shown_in(path.parent.parent)
    assert path.name in shown, f"no notebook of {path.parent.parent.name} shows {path.name}"
    assert len(shown[path.name].split()) >= 5, "the alt text must describe the figure"


def test_at_least_ten_diagrams():
    assert len(draw_figures.FIGURES) >= 10
