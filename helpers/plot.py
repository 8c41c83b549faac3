"""Plotting helpers (plumbing: skim them, the lessons are in the notebooks)."""

from __future__ import annotations

from typing import Sequence

import matplotlib.pyplot as plt
import numpy as np

from .train import History


def plot_history(
    histories: dict[str, History], metrics: Sequence[str] = ("loss", "accuracy")
) -> plt.Figure:
    """Training curves, one panel per metric, one line per run (validation lines dashed)."""
    if not histories:
        raise ValueError("plot_history needs at least one History, e.g. {'PyTorch': history}")
    fig, axes = plt.subplots(1, len(metrics), figsize=(5 * len(metrics), 3.5), squeeze=False)
    for ax, metric in zip(axes[0], metrics):
        for color, (label, history) in zip(
            plt.rcParams["axes.prop_cycle"].by_key()["color"] * 9, histories.items()
        ):
            for prefix, style in (
                ("", "-"),
                ("val_", "--"),
            ):  # one colour per run, validation dashed
                if prefix + metric in history.metrics:
                    values = history[prefix + metric]
                    name = f"{label} ({'validation' if prefix else 'train'})"
                    ax.plot(range(1, len(values) + 1), values, style, color=color, label=name)
        ax.set(xlabel="epoch", ylabel=metric, title=metric)
        ax.legend(fontsize=8)
    fig.tight_layout()
    return fig


def show_images(
    images: np.ndarray,
    titles: Sequence[str] | None = None,
    ncols: int = 8,
    cmap: str = "gray_r",
    vmin: float | None = None,
    vmax: float | None = None,
) -> plt.Figure:
    """A grid of images (N, H, W) or (N, H, W, C); pass vmin/vmax to share one colour scale."""
    images = np.asarray(images)
    if images.ndim not in (3, 4):
        raise ValueError(f"images must have shape (N, H, W) or (N, H, W, C), got {images.shape}")
    if titles is not None and len(titles) != len(images):
        raise ValueError(f"got {len(titles)} titles for {len(images)} images")
    nrows = -(-len(images) // ncols)
    fig, axes = plt.subplots(nrows, ncols, figsize=(1.3 * ncols, 1.5 * nrows), squeeze=False)
    for i, ax in enumerate(axes.flat):
        ax.axis("off")
        if i < len(images):
            ax.imshow(images[i], cmap=cmap, vmin=vmin, vmax=vmax)
            if titles is not None:
                ax.set_title(titles[i], fontsize=8)
    fig.tight_layout()
    return fig


def heatmap(
    matrix: np.ndarray,
    xlabels: Sequence[str],
    ylabels: Sequence[str],
    title: str = "",
    annotate: bool = True,
    ax: plt.Axes | None = None,
    vmin: float | None = None,
    vmax: float | None = None,
) -> plt.Axes:
    """A labelled heatmap (confusion matrices, attention weights); vmin/vmax fix the colour scale."""
    matrix = np.asarray(matrix)
    if matrix.shape != (len(ylabels), len(xlabels)):
        raise ValueError(
            f"matrix shape {matrix.shape} does not match {len(ylabels)} rows x {len(xlabels)} columns"
        )
    ax = ax or plt.subplots(figsize=(0.5 * len(xlabels) + 2, 0.5 * len(ylabels) + 1.5))[1]
    image = ax.imshow(matrix, cmap="Blues", vmin=vmin, vmax=vmax)
    ax.set_xticks(range(len(xlabels)), xlabels, rotation=90 if len(xlabels) > 10 else 0)
    ax.set_yticks(range(len(ylabels)), ylabels)
    ax.set_title(title)
    if annotate:
        threshold = (matrix.max() if vmax is None else vmax) / 2 if matrix.size else 0
        for (row, col), value in np.ndenumerate(matrix):
            text = f"{value:.2f}" if np.issubdtype(matrix.dtype, np.floating) else str(value)
            ax.text(
                col,
                row,
                text,
                ha="center",
                va="center",
                fontsize=7,
                color="white" if value > threshold else "black",
            )
    ax.figure.colorbar(image, ax=ax)
    return ax
