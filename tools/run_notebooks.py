"""Re-execute notebooks in place, top to bottom on a fresh kernel, exactly as the tests run them.

    python tools/run_notebooks.py                        # every notebook, chapters in order
    python tools/run_notebooks.py chapters/05_practice   # one folder (solutions included)
    python tools/run_notebooks.py path/to/one.ipynb ...

Same environment as `pytest` (conftest.py): quiet, offline TensorFlow and Hugging Face, a fixed
hash seed. Saved outputs and figures are then what today's code
draws; nbval compares the text outputs, and tests/test_conventions.py checks that no notebook
is older than the code it uses.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def notebooks(paths: list[str]) -> list[Path]:
    """The notebooks named, or found under the folders named (default: chapters/), in order."""
    found: list[Path] = []
    for name in paths or ["chapters"]:
        path = Path(name).resolve()
        if path.is_dir():
            found += sorted(p for p in path.rglob("*.ipynb") if ".ipynb_checkpoints" not in p.parts)
        elif path.suffix == ".ipynb" and path.exists():
            found.append(path)
        else:
            raise SystemExit(f"{name}: not a notebook or a folder of notebooks")
    return found


def execute(path: Path, timeout: int) -> float:
    """Run one notebook in its own folder on a fresh kernel and save it; return the seconds taken."""
    import nbformat
    from nbclient import NotebookClient

    notebook = nbformat.read(path, as_version=4)
    client = NotebookClient(
        notebook,
        timeout=timeout,
        kernel_name="python3",
        record_timing=True,
        resources={"metadata": {"path": str(path.parent)}},
    )
    start = time.perf_counter()
    client.execute()
    nbformat.write(notebook, path)
    return time.perf_counter() - start


def main() -> int:
    """Execute the notebooks given on the command line; print the seconds each took."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("paths", nargs="*", help="notebooks or folders (default: chapters/)")
    parser.add_argument("--timeout", type=int, default=600, help="seconds allowed per cell")
    args = parser.parse_args()
    from conftest import configure_notebook_environment

    configure_notebook_environment()  # inherited by every kernel, exactly as under pytest
    for path in notebooks(args.paths):
        seconds = execute(path, args.timeout)
        print(f"{seconds:7.1f} s  {path.relative_to(ROOT)}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
