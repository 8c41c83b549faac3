"""Build GLOSSARY.md from the notebooks: every key term with its Chinese name and defining section.

    python tools/build_glossary.py           # rewrite GLOSSARY.md
    python tools/build_glossary.py --check   # exit 1 if GLOSSARY.md is out of date or a term clashes

A term enters the glossary where a section notebook first writes it in bold followed by its Chinese
name in parentheses: **attention** (注意力). The first section (in course order) defines it.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
GLOSSARY = ROOT / "GLOSSARY.md"
TERM = re.compile(r"\*\*([^*\n]+?)\*\*\s*\(([\u3400-\u9fff][^,;:)，；：]*)")


@dataclass(frozen=True)
class Use:
    """One place where a notebook names a term with its Chinese name."""

    english: str
    chinese: str
    notebook: Path


def section_notebooks() -> list[Path]:
    """Section notebooks in course order (solutions are not scanned)."""
    return sorted(ROOT.glob("chapters/[0-9][0-9]_*/[0-9][0-9]_*.ipynb"))


def section_name(path: Path) -> str:
    """'4.3' for chapters/04_nlp/03_attention.ipynb."""
    return f"{int(path.parent.name[:2])}.{int(path.name[:2])}"


def uses(paths: list[Path] | None = None) -> list[Use]:
    """Every bold term followed by a Chinese name, in course order."""
    found = []
    for path in paths or section_notebooks():
        cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
        text = "\n".join("".join(c["source"]) for c in cells if c["cell_type"] == "markdown")
        for english, chinese in TERM.findall(text):
            found.append(Use(" ".join(english.split()), chinese.strip(), path))
    return found


def key(english: str) -> str:
    """The form under which two spellings count as one term: lower case, singular."""
    words = english.lower().split()
    if (
        words
        and len(words[-1]) > 3
        and words[-1].endswith("s")
        and not words[-1].endswith(("ss", "is", "us"))
    ):
        words[-1] = words[-1][:-1]
    return " ".join(words)


def clashes(found: list[Use]) -> list[str]:
    """Terms given two different Chinese names somewhere in the course."""
    names: dict[str, dict[str, str]] = {}
    for use in found:
        names.setdefault(key(use.english), {}).setdefault(use.chinese, section_name(use.notebook))
    return [
        f"{term}: " + ", ".join(f"{zh} ({where})" for zh, where in sorted(zhs.items()))
        for term, zhs in sorted(names.items())
        if len(zhs) > 1
    ]


def render(found: list[Use]) -> str:
    """GLOSSARY.md: one row per term, alphabetical, with the section that introduces it."""
    first: dict[str, Use] = {}
    for use in found:
        first.setdefault(key(use.english), use)
    shown = {}  # a lower-case spelling if the course ever writes one (not "Accuracy" at a sentence start)
    for use in found:
        if use.english[:1].islower():
            shown.setdefault(key(use.english), use.english)
    rows = []
    for term in sorted(first, key=str.casefold):
        use = first[term]
        link = use.notebook.relative_to(ROOT).as_posix()
        rows.append(
            f"| {shown.get(term, use.english)} | {use.chinese} | [{section_name(use.notebook)}]({link}) |"
        )
    header = [
        "# Glossary / 术语表",
        "",
        "Every key term the course introduces, with its Chinese name and the section that defines it.",
        "Generated from the notebooks by `python tools/build_glossary.py`; do not edit by hand.",
        "",
        f"{len(rows)} terms.",
        "",
        "| term | 中文 | section |",
        "|---|---|---|",
    ]
    return "\n".join(header + rows) + "\n"


def main() -> int:
    """Rewrite GLOSSARY.md, or with --check report whether it is current and free of clashes."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="check instead of writing")
    args = parser.parse_args()
    found = uses()
    problems = clashes(found)
    for problem in problems:
        print("two Chinese names for one term:", problem)
    text = render(found)
    if args.check:
        current = GLOSSARY.exists() and GLOSSARY.read_text(encoding="utf-8") == text
        print(
            "GLOSSARY.md is up to date"
            if current
            else "GLOSSARY.md is out of date: run tools/build_glossary.py"
        )
        return 0 if current and not problems else 1
    GLOSSARY.write_text(text, encoding="utf-8")
    print(f"wrote {GLOSSARY.relative_to(ROOT)}: {text.count(chr(10)) - 9} terms")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
