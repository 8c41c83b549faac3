"""Device selection and seeding for PyTorch and TensorFlow (taught in 1.4 "Compute").

Nothing here imports a framework at module import time: a notebook that uses
only PyTorch never pays for TensorFlow, and vice versa.
"""

from __future__ import annotations

import importlib
import importlib.abc
import importlib.machinery
import os
import random
import re
import sys
import tempfile
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any, Iterable, Iterator

import numpy as np

FRAMEWORKS = ("torch", "tensorflow")

# Environment variables that must be set *before* TensorFlow or Hugging Face is
# imported: they silence C++ start-up logs (which would be saved into
# notebooks) and forbid any download from the Hugging Face hub.
QUIET_ENV = {  # defaults: a value the user set is kept
    "TF_CPP_MIN_LOG_LEVEL": "3",
    "TF_ENABLE_ONEDNN_OPTS": "1",  # Intel's oneDNN kernels: faster Keras on CPUs; its notice is filtered below
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
    if not any(isinstance(finder, _QuietTensorFlowImport) for finder in sys.meta_path):
        sys.meta_path.insert(0, _QuietTensorFlowImport())


# TensorFlow's C++ core prints this notice to file descriptor 2 while it is imported, whatever
# TF_CPP_MIN_LOG_LEVEL says; saved in a notebook it would fail strict nbval. Only these lines are
# dropped: anything else written to stderr during the import is passed on unchanged.
_ONEDNN_NOTICE = re.compile(r"^I\d{4} [^\n]*\] oneDNN custom operations are on\.[^\n]*$")
_ABSL_PREAMBLE = (
    "WARNING: All log messages before absl::InitializeLog() is called are written to STDERR"
)


def without_onednn_notice(text: str) -> str:
    """`text` without TensorFlow's oneDNN start-up notice (and the absl line announcing it)."""
    lines, kept = text.splitlines(keepends=True), []
    for i, line in enumerate(lines):
        following = lines[i + 1].rstrip("\n") if i + 1 < len(lines) else ""
        if _ONEDNN_NOTICE.match(line.rstrip("\n")):
            continue
        if line.rstrip("\n") == _ABSL_PREAMBLE and _ONEDNN_NOTICE.match(following):
            continue
        kept.append(line)
    return "".join(kept)


@contextmanager
def _stderr_filtered() -> Iterator[None]:
    """Capture file descriptor 2 (C++ output included) and pass it on without the oneDNN notice."""
    sys.stderr.flush()
    saved = os.dup(2)
    with tempfile.TemporaryFile() as captured:
        os.dup2(captured.fileno(), 2)
        try:
            yield
        finally:
            os.dup2(saved, 2)
            os.close(saved)
            captured.seek(0)
            rest = without_onednn_notice(captured.read().decode("utf-8", errors="replace"))
            if rest:
                os.write(2, rest.encode("utf-8"))


class _QuietLoader(importlib.abc.Loader):
    """Runs TensorFlow's own loader inside `_stderr_filtered`."""

    def __init__(self, loader: Any) -> None:
        self.loader = loader

    def create_module(self, spec: Any) -> Any:
        return self.loader.create_module(spec)

    def exec_module(self, module: Any) -> None:
        with _stderr_filtered():
            self.loader.exec_module(module)

    def __getattr__(self, name: str) -> Any:
        return getattr(self.loader, name)


class _QuietTensorFlowImport(importlib.abc.MetaPathFinder):
    """Import hook for the top-level `tensorflow` package only; every other import is untouched."""

    def find_spec(self, fullname: str, path: Any = None, target: Any = None) -> Any:
        if fullname != "tensorflow":
            return None
        spec = importlib.machinery.PathFinder.find_spec(fullname, path)
        if spec is not None and spec.loader is not None:
            spec.loader = _QuietLoader(spec.loader)
        return spec


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


def _repeatable_torch_gpu(torch: Any) -> None:
    """Make NVIDIA GPU runs repeat and match the CPU to float32 rounding (no effect on a CPU).

    cuDNN otherwise picks convolution algorithms that add in a varying order, and rounds
    float32 convolutions to TF32 (10 mantissa bits): on an H200 a seeded LeNet did not repeat
    and drifted 1 % from the CPU run within one epoch. Section 5.11 turns reduced precision on
    on purpose.
    """
    torch.backends.cudnn.deterministic = True
    torch.backends.cudnn.benchmark = False
    torch.backends.cudnn.allow_tf32 = False
    torch.backends.cuda.matmul.allow_tf32 = False


def seed_everything(seed: int = 0, frameworks: Iterable[str] | str = FRAMEWORKS) -> None:
    """Seed Python's `random`, NumPy and the chosen frameworks with one integer."""
    seed = _check_seed(seed)
    random.seed(seed)
    np.random.seed(seed)
    for name in _check_frameworks(frameworks):
        if name == "torch":
            import torch

            torch.manual_seed(seed)  # also seeds every CUDA device
            _repeatable_torch_gpu(torch)
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

    tf.get_logger().setLevel("WARNING")  # no INFO lines (tf.distribute prints them at every step)
    gpus = tf.config.list_physical_devices("GPU")
    if not gpus:
        return "/CPU:0", "no GPU visible to TensorFlow, using the CPU"
    for gpu in gpus:
        try:  # grow GPU memory on demand instead of taking all of it up front
            tf.config.experimental.set_memory_growth(gpu, True)
        except RuntimeError:  # already initialised: growth can no longer change
            pass
    tf.config.experimental.enable_tensor_float_32_execution(False)  # full float32, as on the CPU
    return "/GPU:0", None


def setup(
    seed: int = 0, frameworks: Iterable[str] | str = FRAMEWORKS, quiet: bool = False
) -> Environment:
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
