"""Training bookkeeping shared by both frameworks (the loop itself is taught in 1.2).

`History` is one record type for PyTorch and Keras runs, so plots and tables
treat both frameworks alike. `fit`/`evaluate` are the plain PyTorch loop from
section 1.2, kept here once so later chapters do not copy it.
"""

from __future__ import annotations

import copy
import functools
import time
from dataclasses import dataclass, field
from typing import Any, Callable

import numpy as np
from tqdm.auto import tqdm


@dataclass
class History:
    """Per-epoch metrics of one training run, e.g. {"loss": [...], "val_accuracy": [...]}."""

    metrics: dict[str, list[float]] = field(default_factory=dict)
    framework: str = ""
    seconds: float = 0.0  # wall-clock time of the whole run
    best_epoch: int | None = None  # 1-based epoch whose weights were kept, when fit(keep_best=True)

    def append(self, **values: float) -> None:
        """Add one epoch's values, e.g. `history.append(loss=0.3, accuracy=0.9)`."""
        for name, value in values.items():
            self.metrics.setdefault(name, []).append(float(value))

    def __getitem__(self, name: str) -> list[float]:
        if name not in self.metrics:
            raise KeyError(f"no metric {name!r} in this history; it has {sorted(self.metrics)}")
        return self.metrics[name]

    @property
    def epochs(self) -> int:
        """Number of epochs recorded."""
        return max((len(values) for values in self.metrics.values()), default=0)

    @property
    def seconds_per_epoch(self) -> float:
        """Mean wall-clock seconds per epoch (0.0 for an empty history)."""
        return self.seconds / self.epochs if self.epochs else 0.0

    def last(self) -> dict[str, float]:
        """Each metric's value after the final epoch."""
        return {name: values[-1] for name, values in self.metrics.items()}


def from_keras(keras_history: Any, seconds: float = 0.0) -> History:
    """Convert the object returned by Keras `model.fit` into a `History`."""
    metrics = getattr(keras_history, "history", None)
    if not isinstance(metrics, dict):
        raise TypeError(
            f"expected the History returned by keras Model.fit, got {type(keras_history).__name__}"
        )
    return History({k: [float(v) for v in vals] for k, vals in metrics.items()}, "keras", seconds)


class Timer:
    """Context manager measuring wall-clock seconds: `with Timer() as t: ...; t.seconds`."""

    def __enter__(self) -> "Timer":
        self.start = time.perf_counter()
        self.seconds = 0.0
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.seconds = time.perf_counter() - self.start


def accuracy(logits: Any, targets: Any) -> float:
    """Fraction of rows whose arg-max over the last axis equals the integer target."""
    predictions = np.asarray(logits).argmax(axis=-1)
    targets = np.asarray(targets)
    if predictions.shape != targets.shape:
        raise ValueError(f"logits {np.shape(logits)} do not match targets {targets.shape}")
    return float((predictions == targets).mean())


class NonFiniteLossError(FloatingPointError):
    """The loss became NaN or infinite: training stops instead of going on with broken weights."""


def _is_classifier(logits: Any, y: Any) -> bool:
    """True for one integer label per example and a row of class scores per example."""
    return logits.ndim == 2 and y.ndim == 1


def _target_count(logits: Any, y: Any, ignore_index: int | None) -> int:
    """How many targets a batch's mean loss averages over: rows, or positions that are not ignored."""
    per_position = y.ndim >= 2 and logits.ndim == y.ndim + 1  # e.g. (B, T, V) logits, (B, T) ids
    if per_position and ignore_index is not None:
        return int((y != ignore_index).sum())
    return int(y.numel()) if per_position else len(y)


def _check_finite(loss: Any, where: str) -> float:
    value = float(loss)
    if not np.isfinite(value):
        raise NonFiniteLossError(
            f"the loss is {value} {where}; training cannot go on with it. Usual causes: a learning rate "
            "too high, NaN or infinite inputs, log or division of zero in the loss"
        )
    return value


def _run_batches(model, loader, loss_fn, device, optimizer=None, ignore_index=None, where=""):
    """Loss summed over targets, correct arg-max count, target count, and whether it is a classifier."""
    loss_sum, correct, count, classifier = 0.0, 0, 0, False
    for batch, (X, y) in enumerate(loader, start=1):
        X, y = X.to(device), y.to(device)
        logits = model(X)
        loss = loss_fn(logits, y)
        value = _check_finite(loss.detach(), f"at batch {batch}{where}")
        if optimizer is not None:
            optimizer.zero_grad()
            loss.backward()
            optimizer.step()
        n = _target_count(logits, y, ignore_index)
        loss_sum, count = loss_sum + value * n, count + n
        classifier = _is_classifier(logits, y)
        if classifier:
            correct += int((logits.detach().argmax(dim=-1) == y).sum())
    if count == 0:
        raise ValueError(
            "the loader yielded no batches (or only ignored targets): check its dataset and batch_size"
        )
    return loss_sum, correct, count, classifier


def _epoch_metrics(loss_sum: float, correct: int, count: int, classifier: bool) -> dict[str, float]:
    metrics = {"loss": loss_sum / count}
    if classifier:
        metrics["accuracy"] = correct / count
    return metrics


def evaluate(
    model: Any,
    loader: Any,
    loss_fn: Callable,
    device: Any = "cpu",
    ignore_index: int | None = None,
) -> dict[str, float]:
    """Mean loss per target (and accuracy, for one label per example) of a PyTorch model over a DataLoader.

    For per-position targets (e.g. next-token ids), the mean is over positions, skipping
    `ignore_index` (padding) as the loss does, so it compares with per-token baselines.
    """
    return _evaluate(model, loader, loss_fn, device, ignore_index)


def _evaluate(
    model: Any,
    loader: Any,
    loss_fn: Callable,
    device: Any,
    ignore_index: int | None,
    where: str = "",
) -> dict[str, float]:
    import torch

    model.eval()
    with torch.no_grad():
        return _epoch_metrics(
            *_run_batches(model, loader, loss_fn, device, None, ignore_index, where)
        )


def train_epoch(
    model: Any,
    loader: Any,
    loss_fn: Callable,
    optimizer: Any,
    device: Any = "cpu",
    ignore_index: int | None = None,
    epoch: int | None = None,
) -> dict[str, float]:
    """One pass over `loader` with an optimizer step per batch; returns the running-mean metrics."""
    model.train()
    where = f" of epoch {epoch}" if epoch is not None else ""
    return _epoch_metrics(
        *_run_batches(model, loader, loss_fn, device, optimizer, ignore_index, where)
    )


def _positive_int(value: Any) -> bool:
    return not isinstance(value, bool) and isinstance(value, (int, np.integer)) and value >= 1


def _check_fit_options(
    num_epochs: int, val_loader: Any, keep_best: bool, patience: int | None
) -> None:
    if not _positive_int(num_epochs):
        raise ValueError(f"num_epochs must be a positive integer, got {num_epochs!r}")
    if patience is not None and not _positive_int(patience):
        raise ValueError(f"patience must be a positive integer or None, got {patience!r}")
    if (keep_best or patience is not None) and val_loader is None:
        raise ValueError("keep_best and patience watch the validation loss: pass a val_loader")


def progress_bar(iterable: Any, desc: str = "", disable: bool = False) -> Any:
    """A tqdm bar; in a notebook, its saved text form shows the final state instead of "0%".

    A notebook bar is a widget whose plain-text fallback (what GitHub, the website and a
    notebook without widget state show) is frozen when it is first displayed. This bar is
    displayed with a display id and redisplayed when it closes, so the saved text is its
    last state: epochs done, time and the metrics of the last epoch.
    """
    if disable or not _in_notebook_kernel():
        return tqdm(iterable, desc=desc, disable=disable)
    return _notebook_bar_class()(iterable, desc=desc)


def _in_notebook_kernel() -> bool:
    """True inside a Jupyter kernel where tqdm.auto would draw a widget."""
    from tqdm.autonotebook import tqdm as automatic_choice
    from tqdm.std import tqdm as text_bar

    return automatic_choice is not text_bar


@functools.cache
def _notebook_bar_class() -> type:
    """tqdm.notebook's bar, displayed with a display id and redisplayed in place when it closes."""
    from IPython.display import display
    from tqdm.notebook import tqdm as notebook_tqdm

    class NotebookBar(notebook_tqdm):
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, display=False, **kwargs)
            self._handle = display(self.container, display_id=True)

        def close(self) -> None:
            super().close()
            if self._handle is not None:
                self._handle.update(self.container)
                self._handle = None

    return NotebookBar


def fit(
    model: Any,
    train_loader: Any,
    loss_fn: Callable,
    optimizer: Any,
    num_epochs: int,
    val_loader: Any = None,
    device: Any = "cpu",
    progress: bool = True,
    keep_best: bool = False,
    patience: int | None = None,
    ignore_index: int | None = None,
) -> History:
    """Train a PyTorch model for up to `num_epochs`, recording train (and validation) metrics per epoch.

    Training metrics are running means over each epoch's batches, as Keras reports them.
    `keep_best` restores the weights of the epoch with the lowest validation loss; `patience`
    stops after that many epochs without a new lowest validation loss (early stopping, section 2.5).
    A NaN or infinite loss raises `NonFiniteLossError` naming the epoch and batch. For per-position
    targets the reported loss is the mean per position, skipping `ignore_index` (padding).
    """
    _check_fit_options(num_epochs, val_loader, keep_best, patience)
    model.to(device)
    history = History(framework="pytorch")
    best_loss, best_state, waited = float("inf"), None, 0
    bar = progress_bar(range(num_epochs), desc="epochs", disable=not progress)
    with Timer() as timer:
        for epoch in bar:
            history.append(
                **train_epoch(
                    model, train_loader, loss_fn, optimizer, device, ignore_index, epoch + 1
                )
            )
            if val_loader is not None:
                val = _evaluate(
                    model,
                    val_loader,
                    loss_fn,
                    device,
                    ignore_index,
                    f" of the validation data after epoch {epoch + 1}",
                )
                history.append(**{f"val_{name}": value for name, value in val.items()})
                if val["loss"] < best_loss:
                    best_loss, waited, history.best_epoch = val["loss"], 0, epoch + 1
                    best_state = copy.deepcopy(model.state_dict()) if keep_best else None
                else:
                    waited += 1
            bar.set_postfix({k: round(v, 4) for k, v in history.last().items()})
            if patience is not None and waited >= patience:
                break
        bar.close()  # also after an early stop, so the saved bar shows where training ended
    if keep_best:
        model.load_state_dict(best_state)  # evaluate() raised if a validation loss was not finite
    history.seconds = timer.seconds
    return history
