"""Each nbval sanitize rule masks what varies between runs and nothing that a reader must see."""

import configparser
import re
from pathlib import Path

import pytest

CONFIG = Path(__file__).with_name("sanitize.cfg")


def sanitize(text: str) -> str:
    """Apply every rule of sanitize.cfg in order, as nbval does (re.sub, no flags)."""
    parser = configparser.ConfigParser(interpolation=None)
    parser.read(CONFIG, encoding="utf-8")
    for section in parser.sections():
        text = re.sub(parser[section]["regex"], parser[section]["replace"], text)
    return text


@pytest.mark.parametrize(
    "before, after",
    [
        ("<matplotlib.lines.Line2D at 0x7f3a2b1c4d50>", "<matplotlib.lines.Line2D at 0xADDR>"),
        (
            "id 0x7f3a2b1c4d50123456789",
            "id 0x7f3a2b1c4d50123456789",
        ),  # too long to be an address: kept
        ("sha 0x12ab34cd", "sha 0xADDR"),
        ("30/30 - 0s - 5ms/step - loss: 0.3012", "N/N - T - T/step - loss: 0.3012"),
        ("4/4 - 12ms/step", "4/4 - T/step"),
        (
            "epochs: 100%|██████████| 5/5 [00:01<00:00,  3.21it/s, loss=0.301, val_loss=0.35]",
            "epochs: 100%|██████████| 5/5 [TQDM, loss=0.301, val_loss=0.35]",
        ),
        (
            "epochs:  40%|████      | 2/5 [00:03<00:04,  1.52s/it, loss=nan]",
            "epochs:  40%|████      | 2/5 [TQDM, loss=nan]",
        ),
        ("epochs:   0%|          | 0/5 [00:00<?, ?it/s]", "epochs:   0%|          | 0/5 [TQDM]"),
        ("trained in 12.34 s, 0.5ms per step", "trained in T s, T s per step"),
        (
            "accuracy 0.9876\nseconds per epoch",
            "accuracy 0.9876\nseconds per epoch",
        ),  # a newline is not a space
        ("loss 0.25 seconds 3", "loss T s 3"),
    ],
)
def test_rule(before, after):
    assert sanitize(before) == after
