"""Rebuild data/python_docs_passages.json (section 6.2's corpus) from Python's own documentation.

    python tools/build_python_docs.py data/python_docs_passages.json

The passages come from `pydoc_data.topics`, the documentation pages that `help()` shows, as shipped
with the Python that runs this script. The file in data/ was built with Python 3.11.7; another
Python release gives other text, so compare `sha256sum` with data/README.md before using a rebuilt
file. Paragraphs are split at blank lines, code examples and tables are dropped, and long paragraphs
are cut at sentence ends into passages of at most 60 words (a method's signature is put in front).
"""

from __future__ import annotations

import json
import re
import sys

from pydoc_data.topics import topics

MAX_WORDS = 60
MIN_WORDS = 8  # shorter leftovers are dropped
# data-model internals and the debugger: long, rarely asked about, and slow to embed
DROPPED_TOPICS = {
    "types", "debugger", "specialnames", "attribute-access", "execmodel", "async", "sequence-types",
}
SIGNATURE = re.compile(r"^(class |static |classmethod )?[\w.]+\(.*\)$")  # e.g. str.center(width)


def is_code(block: str) -> bool:
    """True for an interactive example, a grammar rule or an aligned table-like block."""
    lines = block.splitlines()
    aligned = sum(1 for s in lines if s.strip().endswith((":", ")", "]")) and "  " in s.strip())
    return any(s.lstrip().startswith((">>>", "...")) for s in lines) or "::=" in block or aligned > 2


def sentences(text: str) -> list[str]:
    """Split a paragraph after '.', '!' or '?' followed by a capital, quote, '*' or '('."""
    return re.split(r"(?<=[.!?])\s+(?=[A-Z\"'*(])", text)


def chunks(text: str) -> list[str]:
    """Whole sentences packed into pieces of at most MAX_WORDS words (long sentences are cut)."""
    pieces = []
    for sentence in sentences(text):
        words = sentence.split()
        pieces += [" ".join(words[i : i + MAX_WORDS]) for i in range(0, len(words), MAX_WORDS)]
    out, chunk = [], []
    for piece in pieces:
        if chunk and len(" ".join(chunk + [piece]).split()) > MAX_WORDS:
            out.append(" ".join(chunk))
            chunk = []
        chunk.append(piece)
    return out + ([" ".join(chunk)] if chunk else [])


def topic_passages(topic: str) -> list[tuple[str, str, str | None, str]]:
    """(topic, section title, signature or None, text) for every prose paragraph of one topic."""
    blocks = topics[topic].split("\n\n")
    title = blocks[0].splitlines()[0].strip()
    signature, signature_indent, previous = None, 0, ""
    found = []
    for block in blocks:
        lines = block.splitlines()
        if not block.strip():
            continue
        if set(lines[-1].strip()) <= set("*=-^~\"") and len(lines) == 2:  # an underlined heading
            title, signature = lines[0].strip(), None
            continue
        indent = len(lines[0]) - len(lines[0].lstrip())
        text = " ".join(s.strip() for s in lines)
        if len(lines) == 1 and SIGNATURE.match(text):
            signature, signature_indent = text, indent
            continue
        if signature and indent <= signature_indent:
            signature = None
        limit = signature_indent + 3 if signature else 3
        after_note, previous = previous in ("Note:", "Warning:"), text
        if is_code(block) or len(text.split()) < 12 or (indent > limit and not after_note):
            continue
        found += [(topic, title, signature, piece) for piece in chunks(text)]
    return found


def build() -> dict:
    """The corpus as written to data/: source, licence and the numbered passages."""
    seen, rows = set(), []
    for topic in sorted(set(topics) - DROPPED_TOPICS):
        for topic_name, title, signature, text in topic_passages(topic):
            table = "+---" in text or "|===" in text
            if len(text.split()) < MIN_WORDS or text in seen or table:
                continue
            seen.add(text)
            text = f"{signature}: {text}" if signature else text
            rows.append({"id": len(rows), "topic": topic_name, "section": title, "text": text})
    source = (
        f"Python {sys.version.split()[0]} documentation topics (pydoc_data.topics), split at blank "
        "lines into passages of at most 60 words; see data/README.md"
    )
    licence = "PSF License Agreement (Python documentation)"
    return {"source": source, "licence": licence, "passages": rows}


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    with open(sys.argv[1], "w", encoding="utf-8") as out:
        json.dump(build(), out, indent=0, ensure_ascii=False)
