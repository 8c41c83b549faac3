"""GLOSSARY.md is generated from the notebooks, is current, and gives each term one Chinese name."""

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tools"))

import build_glossary  # noqa: E402


def test_glossary_is_current():
    expected = build_glossary.render(build_glossary.uses())
    assert (ROOT / "GLOSSARY.md").read_text(encoding="utf-8") == expected, (
        "a notebook introduces or renames a term: run python tools/build_glossary.py and commit GLOSSARY.md"
    )


def test_every_term_has_one_chinese_name():
    assert build_glossary.clashes(build_glossary.uses()) == []


def test_a_clash_is_detected(tmp_path):
    first, second = (tmp_path / "chapters" / f"0{i}_x" / "01_y.ipynb" for i in (1, 2))
    uses = [
        build_glossary.Use("tokenisation", "分词", first),
        build_glossary.Use("Tokenisations", "词元化", second),
        build_glossary.Use("token", "词元", second),
    ]
    assert build_glossary.clashes(uses) == ["tokenisation: 分词 (1.1), 词元化 (2.1)"]


def test_terms_are_found_in_bold_with_a_chinese_name():
    text = "A **convolution** (卷积) and **dropout** (随机失活; Srivastava et al.) but **not this** (plain)."
    assert build_glossary.TERM.findall(text) == [("convolution", "卷积"), ("dropout", "随机失活")]
