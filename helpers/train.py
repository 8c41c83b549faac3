"""Training bookkeeping shared by both frameworks (the loop itself is taught in 1.2).

`History` is one record type for PyTorch and Keras runs, so plots and tables
treat both frameworks alike. `fit`/`evaluate` are the plain PyTorch loop from
section 1.2, kept here once so later chapters do not copy it.
"""

from __future__ import annotations

import copy
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
        raise TypeError(f"expected the History returned by keras Model.fit, got {type(keras_history).__name__}")
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


def _is_classifier(logits: Any, y: Any) -> bool:
    """True for one integer label per example and a row of class scores per example."""
    return logits.ndim == 2 and y.ndim == 1


def _batch_sums(logits: Any, y: Any, loss: Any) -> tuple[float, int]:
    """Summed loss of one batch and its number of correct arg-max predictions (0 if not a classifier)."""
    loss_sum = float(loss) * len(y)
    if not _is_classifier(logits, y):  # regression or per-position targets: no accuracy
        return loss_sum, 0
    return loss_sum, int((logits.argmax(dim=-1) == y).sum())


def _epoch_metrics(loss_sum: float, correct: int, count: int, classifier: bool) -> dict[str, float]:
    metrics = {"loss": loss_sum / count}
    if classifier:
        metrics["accuracy"] = correct / count
    return metrics


def evaluate(model: Any, loader: Any, loss_fn: Callable, device: Any = "cpu") -> dict[str, float]:
    """Mean loss (and accuracy, for one label per example) of a PyTorch model over a DataLoader."""
    import torch

    model.eval()
    loss_sum, correct, count, classifier = 0.0, 0, 0, False
    with torch.no_grad():
        for X, y in loader:
            X, y = X.to(device), y.to(device)
            logits = model(X)
            batch_loss, batch_correct = _batch_sums(logits, y, loss_fn(logits, y))
            loss_sum, correct, count = loss_sum + batch_loss, correct + batch_correct, count + len(y)
            classifier = _is_classifier(logits, y)
    return _epoch_metrics(loss_sum, correct, count, classifier)


def train_epoch(model: Any, loader: Any, loss_fn: Callable, optimizer: Any, device: Any = "cpu") -> dict[str, float]:
    """One pass over `loader` with an optimizer step per batch; returns the running-mean metrics."""
    model.train()
    loss_sum, correct, count, classifier = 0.0, 0, 0, False
    for X, y in loader:
        X, y = X.to(device), y.to(device)
        logits = model(X)
        loss = loss_fn(logits, y)
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
        batch_loss, batch_correct = _batch_sums(logits.detach(), y, loss.detach())
        loss_sum, correct, count = loss_sum + batch_loss, correct + batch_correct, count + len(y)
        classifier = _is_classifier(logits, y)
    return _epoch_metrics(loss_sum, correct, count, classifier)


def _check_fit_options(num_epochs: int, val_loader: Any, keep_best: bool, patience: int | None) -> None:
    if isinstance(num_epochs, bool) or not isinstance(num_epochs, int) or num_epochs < 1:
        raise ValueError(f"num_epochs must be a positive integer, got {num_epochs!r}")
    if patience is not None and (isinstance(patience, bool) or not isinstance(patience, int) or patience < 1):
        raise ValueError(f"patience must be a positive integer or None, got {patience!r}")
    if (keep_best or patience is not None) and val_loader is None:
        raise ValueError("keep_best and patience watch the validation loss: pass a val_loader")


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
) -> History:
    """Train a PyTorch model for up to `num_epochs`, recording train (and validation) metrics per epoch.

    Training metrics are running means over each epoch's batches, as Keras reports them.
    `keep_best` restores the weights of the epoch with the lowest validation loss; `patience`
    stops after that many epochs without a new lowest validation loss (early stopping, section 2.5).
    """
    _check_fit_options(num_epochs, val_loader, keep_best, patience)
    model.to(device)
    history = History(framework="pytorch")
    best_loss, best_state, waited = float("inf"), None, 0
    bar = tqdm(range(num_epochs), desc="epochs", disable=not progress)
    with Timer() as timer:
        for epoch in bar:
            history.append(**train_epoch(model, train_loader, loss_fn, optimizer, device))
            if val_loader is not None:
                val = evaluate(model, val_loader, loss_fn, device)
                history.append(**{f"val_{name}": value for name, value in val.items()})
                if val["loss"] < best_loss:
                    best_loss, waited, history.best_epoch = val["loss"], 0, epoch + 1
                    best_state = copy.deepcopy(model.state_dict()) if keep_best else None
                else:
                    waited += 1
            bar.set_postfix({k: round(v, 4) for k, v in history.last().items()})
            if patience is not None and waited >= patience:
                break
    if keep_best:
        if best_state is None:
            raise ValueError(f"keep_best: the validation loss was never finite ({history['val_loss']}); no epoch to keep")
        model.load_state_dict(best_state)
    history.seconds = timer.seconds
    return history
