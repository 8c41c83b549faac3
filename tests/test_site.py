"""The course builds as a static website, offline, with no warnings, broken links or missing figures."""

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
BUILDER = ROOT / ".venv-site" / ("Scripts" if sys.platform == "win32" else "bin") / "jupyter-book"


def test_every_notebook_is_in_the_table_of_contents():
    toc = (ROOT / "_toc.yml").read_text(encoding="utf-8")
    notebooks = sorted(ROOT.glob("chapters/[0-9][0-9]_*/**/[0-9][0-9]_*.ipynb"))
    missing = [
        p
        for p in notebooks
        if f"file: {p.relative_to(ROOT).with_suffix('').as_posix()}\n" not in toc
    ]
    assert notebooks and not missing, f"add to _toc.yml: {missing}"


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    if not BUILDER.exists():
        if os.environ.get("CI"):
            pytest.fail(
                "CI must build the site: .ci/run creates .venv-site from requirements-site.txt"
            )
        pytest.skip("the site builder is not installed (see README, 'The course as a website')")
    out = tmp_path_factory.mktemp("site")
    result = subprocess.run(
        [str(BUILDER), "build", str(ROOT), "--path-output", str(out), "-W", "-q"],
        capture_output=True,
        text=True,
        timeout=900,
    )
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    return out / "_build" / "html"


def test_site_pages_exist(site):
    assert (site / "index.html").exists() and (site / "TEACHING.html").exists()
    assert (site / "chapters" / "04_nlp" / "03_attention.html").exists()


def test_site_links_and_images_resolve_offline(site):
    broken = []
    for page in site.rglob("*.html"):
        if "_static" in page.parts:
            continue  # the theme's templates, not pages
        html = page.read_text(encoding="utf-8", errors="replace")
        for target in re.findall(r'(?:src|href)="([^"#?]+)', html):
            if re.match(r"[a-z]+:|//", target) or "{{" in target:
                continue  # an external address: not followed offline
            if not (page.parent / target).exists():
                broken.append(f"{page.relative_to(site)} -> {target}")
    assert not broken, broken[:20]


def test_site_loads_no_script_or_font_from_the_network(site):
    page = (site / "chapters" / "04_nlp" / "03_attention.html").read_text(encoding="utf-8")
    remote = re.findall(r'<script[^>]+src="(https?://[^"]+)"', page)
    assert not remote, f"scripts fetched from the network: {remote}"
    assert "mathjax" in page.lower()  # formulas are typeset by a local copy of MathJax
