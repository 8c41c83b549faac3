"""Device selection and seeding for PyTorch and TensorFlow (taught in 1.4 "Compute").

Nothing here imports a framework at module import time: a notebook that uses
only PyTorch never pays for TensorFlow, and vice versa.
"""

from __future__ import annotations

import importlib
import os
import random
import sys
from dataclasses import dataclass, field
from typing import Any, Iterable

import numpy as np

FRAMEWORKS = ("torch", "tensorflow")

# Environment variables that must be set *before* TensorFlow or Hugging Face is
# imported: they silence C++ start-up logs (which would be saved into
# notebooks) and forbid any download from the Hugging Face hub.
QUIET_ENV = {  # defaults: a value the user set is kept
    "TF_CPP_MIN_LOG_LEVEL": "3",
    "TF_ENABLE_ONEDNN_OPTS": "0",
    "HF_HUB_DISABLE_PROGRESS_BARS": "1",
    "TOKENIZERS_PARALLELISM": "false",
}
OFFLINE_ENV = {  # forced: the course never downloads, whatever the user's shell says
    "HF_HUB_OFFLINE": "1",
    "TRANSFORMERS_OFFLINE": "1",
}
QUIET_OFFLINE_ENV = {**QUIET_ENV, **OFFLINE_ENV}


def configure_environment() -> None:
    """Quiet TensorFlow and Hugging Face (user values kept) and force Hugging Face offline."""
    for key, value in QUIET_ENV.items():
        os.environ.setdefault(key, value)
    os.environ.update(OFFLINE_ENV)


@dataclass
class Environment:
    """What `setup()` chose: the seed, each framework's version and device."""

    seed: int
    torch_device: Any = None  # a torch.device, or None when PyTorch was not set up
    tf_device: str | None = None  # "/GPU:0" or "/CPU:0", or None when TensorFlow was not set up
    versions: dict[str, str] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)

    def report(self) -> str:
        """One line: Python version, each framework's version and device, the seed."""
        parts = [f"Python {sys.version.split()[0]}"]
        if "torch" in self.versions:
            parts.append(f"PyTorch {self.versions['torch']} on {self.torch_device}")
        if "tensorflow" in self.versions:
            parts.append(f"TensorFlow {self.versions['tensorflow']} on {self.tf_device}")
        parts.append(f"seed {self.seed}")
        line = " | ".join(parts)
        return line + (f"  ({'; '.join(self.notes)})" if self.notes else "")


def _check_frameworks(frameworks: Iterable[str] | str) -> tuple[str, ...]:
    chosen = (frameworks,) if isinstance(frameworks, str) else tuple(frameworks)
    unknown = [name for name in chosen if name not in FRAMEWORKS]
    if unknown:
        raise ValueError(f"unknown framework(s) {unknown}; choose from {list(FRAMEWORKS)}")
    return chosen


def _check_seed(seed: int) -> int:
    if isinstance(seed, bool) or not isinstance(seed, (int, np.integer)) or not 0 <= seed < 2**32:
        raise ValueError(f"seed must be an integer in [0, 2**32), got {seed!r}")
    return int(seed)


def seed_everything(seed: int = 0, frameworks: Iterable[str] | str = FRAMEWORKS) -> None:
    """Seed Python's `random`, NumPy and the chosen frameworks with one integer."""
    seed = _check_seed(seed)
    random.seed(seed)
    np.random.seed(seed)
    for name in _check_frameworks(frameworks):
        if name == "torch":
            import torch

            torch.manual_seed(seed)  # also seeds every CUDA device
        else:
            configure_environment()
            import tensorflow as tf

            tf.random.set_seed(seed)


def torch_device() -> tuple[Any, str | None]:
    """Best PyTorch device (CUDA, then Apple MPS, then CPU) and a note when it is the CPU."""
    import torch

    if torch.cuda.is_available():
        return torch.device("cuda"), None
    mps = getattr(torch.backends, "mps", None)
    if mps is not None and mps.is_available():
        return torch.device("mps"), None
    return torch.device("cpu"), "no CUDA or MPS GPU found for PyTorch, using the CPU"


def tf_device() -> tuple[str, str | None]:
    """Best TensorFlow device ("/GPU:0" with memory growth, else "/CPU:0") and a note for the CPU."""
    configure_environment()
    import tensorflow as tf

    gpus = tf.config.list_physical_devices("GPU")
    if not gpus:
        return "/CPU:0", "no GPU visible to TensorFlow, using the CPU"
    for gpu in gpus:
        try:  # grow GPU memory on demand instead of taking all of it up front
            tf.config.experimental.set_memory_growth(gpu, True)
        except RuntimeError:  # already initialised: growth can no longer change
            pass
    return "/GPU:0", None


def setup(seed: int = 0, frameworks: Iterable[str] | str = FRAMEWORKS, quiet: bool = False) -> Environment:
    """Configure, seed and pick devices for the chosen frameworks; print a one-line report."""
    chosen = _check_frameworks(frameworks)
    configure_environment()
    env = Environment(seed=_check_seed(seed))
    for name in chosen:
        module = importlib.import_module(name)
        env.versions[name] = module.__version__
        if name == "torch":
            env.torch_device, note = torch_device()
        else:
            env.tf_device, note = tf_device()
        if note:
            env.notes.append(note)
    seed_everything(env.seed, chosen)
    if not quiet:
        print(env.report())
    return env
