"""The install a student (or a teacher's offline wheelhouse) gets is exactly the tested set."""

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _requirement_lines() -> list[str]:
    lines = (ROOT / "requirements.txt").read_text(encoding="utf-8").splitlines()
    return [
        line.split(" #")[0].strip() for line in lines if line.strip() and not line.startswith("#")
    ]


def test_every_requirement_is_pinned_exactly():
    loose = [line for line in _requirement_lines() if line != "-e ." and "==" not in line]
    assert not loose, (
        f"pin these with == so every install and wheelhouse is the tested set: {loose}"
    )


def test_the_project_names_no_package_index_address():
    texts = [
        p.read_text(encoding="utf-8")
        for p in (ROOT / "README.md", ROOT / "requirements.txt", ROOT / ".ci" / "run")
    ]
    for text in texts:
        assert not re.search(r"--(extra-)?index-url\s+\S+://", text), (
            "no registry address in the project"
        )
        assert "pypi.org" not in text and "download.pytorch.org" not in text


def test_readme_troubleshooting_starts_with_the_doctor():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme[readme.index("## Troubleshooting") :]
    assert "python -m helpers.doctor" in section.split("|")[0]
