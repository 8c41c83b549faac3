"""Test-wide set-up: quiet, offline framework settings for pytest and every notebook kernel it starts."""

import os
from collections import defaultdict

for key, value in {
    "TF_CPP_MIN_LOG_LEVEL": "3",
    "TF_ENABLE_ONEDNN_OPTS": "0",
    "HF_HUB_OFFLINE": "1",
    "TRANSFORMERS_OFFLINE": "1",
    "HF_HUB_DISABLE_PROGRESS_BARS": "1",
    "TOKENIZERS_PARALLELISM": "false",
    "PYTHONHASHSEED": "0",
}.items():
    os.environ.setdefault(key, value)

_seconds_per_file: dict[str, float] = defaultdict(float)


def pytest_runtest_logreport(report):
    """Add up the time of every test (every notebook cell) per file."""
    _seconds_per_file[report.nodeid.split("::")[0]] += report.duration


def pytest_terminal_summary(terminalreporter):
    """Print the total time per notebook and per test file, slowest first."""
    terminalreporter.section("seconds per file")
    for path, seconds in sorted(_seconds_per_file.items(), key=lambda item: -item[1]):
        terminalreporter.write_line(f"{seconds:8.1f} s  {path}")
