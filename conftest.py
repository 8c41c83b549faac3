"""Test-wide set-up: quiet, offline framework settings for pytest and every notebook kernel it starts."""

import os
from collections import defaultdict

from helpers.device import configure_environment

# Inherited by every notebook kernel nbval starts (and by tools/run_notebooks.py, which saves the
# outputs nbval compares with): a fixed hash seed, so set and dict orders of strings are the same on
# every run. Libraries keep their default thread counts. On a machine busy with other work, set
# OMP_NUM_THREADS=1 and TF_NUM_INTRAOP_THREADS=1 for both commands: oversubscribed threads made a
# small PyTorch training 20 times slower here, and the asserts hold with one thread too.
NOTEBOOK_ENV = {"PYTHONHASHSEED": "0"}


def configure_notebook_environment() -> None:
    """Quiet, offline frameworks (helpers) plus NOTEBOOK_ENV, keeping values already set."""
    configure_environment()
    for key, value in NOTEBOOK_ENV.items():
        os.environ.setdefault(key, value)


configure_notebook_environment()

_seconds_per_file: dict[str, float] = defaultdict(float)


def pytest_runtest_logreport(report):
    """Add up the time of every test (every notebook cell) per file."""
    _seconds_per_file[report.nodeid.split("::")[0]] += report.duration


def pytest_terminal_summary(terminalreporter):
    """Print the total time per notebook and per test file, slowest first."""
    terminalreporter.section("seconds per file")
    for path, seconds in sorted(_seconds_per_file.items(), key=lambda item: -item[1]):
        terminalreporter.write_line(f"{seconds:8.1f} s  {path}")


def _execute_like_jupyter(self, cell_input, allow_stdin=None):
    """Run a cell as Jupyter does, storing it in the kernel's history.

    nbval executes cells with store_history=False, and IPython decides whether a trailing `;`
    silences a cell's value by looking at the last *stored* input. Without this, `plot(...);`
    prints its return value under pytest but not in JupyterLab, and strict nbval fails.
    """
    return self.kc.execute(
        cell_input, store_history=True, allow_stdin=allow_stdin, stop_on_error=False
    )


def pytest_configure(config):
    """Make nbval's kernels treat cells exactly as JupyterLab does (see _execute_like_jupyter)."""
    from nbval.kernel import RunningKernel

    RunningKernel.execute_cell_input = _execute_like_jupyter
