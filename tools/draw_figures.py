"""Draw the course's diagrams into chapters/NN_topic/figures/ (PNG), offline, with matplotlib.

    python tools/draw_figures.py            # redraw every figure
    python tools/draw_figures.py --list     # list them

Each diagram uses the symbols of the formulas beside it in its notebook. After changing one, run
this script and commit the PNG together with the code; tests/test_figures.py checks that every
figure listed here exists and is referenced (with alt text) by its notebook.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Callable

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
from matplotlib.patches import FancyArrowPatch, FancyBboxPatch, Rectangle  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
DPI = 110
COLOURS = {
    "input": "#dbe9f6",
    "weight": "#fde2c4",
    "op": "#e4f2dc",
    "norm": "#efe3f6",
    "state": "#fff2b3",
    "out": "#f6d5d5",
    "grey": "#eeeeee",
}
plt.rcParams.update({"font.size": 11, "mathtext.fontset": "dejavusans", "svg.hashsalt": "course"})


# --------------------------------------------------------------------------- drawing primitives


def canvas(width: float, height: float) -> tuple[plt.Figure, plt.Axes]:
    """A blank figure whose data coordinates are inches, origin bottom-left."""
    fig = plt.figure(figsize=(width, height))
    ax = fig.add_axes((0, 0, 1, 1))
    ax.set_xlim(0, width)
    ax.set_ylim(0, height)
    ax.axis("off")
    return fig, ax


def box(
    ax, x: float, y: float, w: float, h: float, text: str, kind: str = "op", size: int = 11
) -> tuple:
    """A rounded box centred at (x, y); returns its centre."""
    ax.add_patch(
        FancyBboxPatch(
            (x - w / 2, y - h / 2),
            w,
            h,
            boxstyle="round,pad=0.02,rounding_size=0.08",
            facecolor=COLOURS[kind],
            edgecolor="#333333",
            linewidth=1.2,
        )
    )
    ax.text(x, y, text, ha="center", va="center", fontsize=size)
    return x, y


def circle(ax, x: float, y: float, text: str, r: float = 0.2) -> tuple:
    """A small round operator node (⊕, ⊙, ...) centred at (x, y)."""
    ax.add_patch(plt.Circle((x, y), r, facecolor="white", edgecolor="#333333", linewidth=1.2))
    ax.text(x, y, text, ha="center", va="center", fontsize=13)
    return x, y


def arrow(
    ax,
    start: tuple,
    end: tuple,
    text: str = "",
    style: str = "-|>",
    rad: float = 0.0,
    offset: tuple = (0.0, 0.12),
    colour: str = "#333333",
) -> None:
    """An arrow from start to end, with an optional label near its middle."""
    ax.add_patch(
        FancyArrowPatch(
            start,
            end,
            arrowstyle=style,
            mutation_scale=14,
            linewidth=1.3,
            color=colour,
            connectionstyle=f"arc3,rad={rad}",
            shrinkA=0,
            shrinkB=0,
        )
    )
    if text:
        ax.text(
            (start[0] + end[0]) / 2 + offset[0],
            (start[1] + end[1]) / 2 + offset[1],
            text,
            ha="center",
            va="center",
            fontsize=10,
        )


def grid(
    ax,
    x0: float,
    y0: float,
    rows: int,
    cols: int,
    cell: float,
    fill: Callable[[int, int], str],
    text: Callable[[int, int], str] | None = None,
    size: int = 9,
) -> None:
    """A rows x cols grid of squares with its top-left corner at (x0, y0); fill(r, c) is a colour."""
    for r in range(rows):
        for c in range(cols):
            ax.add_patch(
                Rectangle(
                    (x0 + c * cell, y0 - (r + 1) * cell),
                    cell,
                    cell,
                    facecolor=fill(r, c),
                    edgecolor="#555555",
                    linewidth=0.8,
                )
            )
            if text:
                ax.text(
                    x0 + (c + 0.5) * cell,
                    y0 - (r + 0.5) * cell,
                    text(r, c),
                    ha="center",
                    va="center",
                    fontsize=size,
                )


def title(ax, x: float, y: float, text: str, size: int = 12) -> None:
    """A bold caption line."""
    ax.text(x, y, text, ha="center", va="center", fontsize=size, fontweight="bold")


# --------------------------------------------------------------------------- chapter 02


def padding_stride_dilation() -> plt.Figure:
    """2.1: where a 3x3 kernel reads, with padding p, stride s and dilation d."""
    fig, ax = canvas(11.5, 4.6)
    cell, n = 0.42, 5
    panels = [
        ("padding $p=1$, stride $s=1$", 1, 1, 1, [(0, 0)]),
        ("stride $s=2$ (two positions)", 1, 2, 1, [(0, 0), (0, 2)]),
        ("dilation $d=2$", 1, 1, 2, [(0, 0)]),
    ]
    colours = ["#f28e2b", "#4e79a7"]
    for k, (name, p, s, d, starts) in enumerate(panels):
        x0, y0 = 0.5 + k * 3.8, 3.75
        size = n + 2 * p
        grid(
            ax,
            x0,
            y0,
            size,
            size,
            cell,
            lambda r, c: (
                COLOURS["grey"] if min(r, c) < p or max(r, c) >= n + p else COLOURS["input"]
            ),
        )
        for (i, j), colour in zip(starts, colours):
            for u in range(3):
                for v in range(3):
                    r, c = i * s + d * u if (i, j) != (0, 2) else d * u, j + d * v
                    ax.add_patch(
                        Rectangle(
                            (x0 + c * cell + 0.04, y0 - (r + 1) * cell + 0.04),
                            cell - 0.08,
                            cell - 0.08,
                            fill=False,
                            edgecolor=colour,
                            linewidth=2.4,
                        )
                    )
        out = (n + 2 * p - d * 2 - 1) // s + 1
        title(ax, x0 + size * cell / 2, y0 + 0.3, name, 11)
        ax.text(
            x0 + size * cell / 2,
            y0 - size * cell - 0.35,
            f"$n={n},\\ k=3$: output $\\lfloor (n+2p-d(k-1)-1)/s \\rfloor + 1 = {out}$",
            ha="center",
            fontsize=10,
        )
    ax.text(
        5.75,
        0.2,
        "grey: zero padding; coloured squares: the 9 input pixels one output pixel reads",
        ha="center",
        fontsize=10,
        color="#444444",
    )
    return fig


def conv_channels() -> plt.Figure:
    """2.1: C_in input channels, C_out kernels of shape (C_in, k_h, k_w), C_out output maps."""
    fig, ax = canvas(10.5, 3.6)

    def stack(x, y, count, w, h, kind, label):
        for i in range(count):
            ax.add_patch(
                Rectangle(
                    (x + 0.12 * i, y + 0.12 * i), w, h, facecolor=COLOURS[kind], edgecolor="#333333"
                )
            )
        ax.text(x + w / 2 + 0.06 * count, y - 0.3, label, ha="center", fontsize=10)

    stack(0.4, 1.0, 3, 1.6, 1.6, "input", "input $X$: $C_{in}$ channels, $H \\times W$")
    for o, colour in enumerate(["#f28e2b", "#59a14f"]):
        x = 3.6 + o * 1.5
        for i in range(3):
            ax.add_patch(
                Rectangle(
                    (x + 0.1 * i, 1.9 - 1.1 * o + 0.1 * i),
                    0.55,
                    0.55,
                    facecolor=colour,
                    edgecolor="#333333",
                    alpha=0.85,
                )
            )
    ax.text(
        4.6,
        0.45,
        "$C_{out}$ kernels, each $W[o] \\in \\mathbb{R}^{C_{in} \\times k_h \\times k_w}$, plus bias $b_o$",
        ha="center",
        fontsize=10,
    )
    stack(7.6, 1.0, 2, 1.4, 1.4, "out", "output $Y$: $C_{out}$ maps")
    arrow(ax, (2.6, 1.9), (3.4, 1.9))
    arrow(ax, (6.4, 1.9), (7.4, 1.9), "sum over $c$")
    title(
        ax,
        5.25,
        3.3,
        "$Y[n,o,i,j] = b_o + \\sum_{c,u,v} \\tilde X[n,c,s\\,i+d\\,u,\\ s\\,j+d\\,v]\\; W[o,c,u,v]$",
        12,
    )
    return fig


def lenet_shapes() -> plt.Figure:
    """2.2: the LeNet-style CNN of helpers.cnn, with the tensor shape after every layer."""
    layers = [
        ("input", "(N, 1, 8, 8)", "input"),
        ("Conv 3x3, 32\nsame + ReLU", "(N, 32, 8, 8)", "weight"),
        ("MaxPool 2x2", "(N, 32, 4, 4)", "op"),
        ("Conv 3x3, 64\nsame + ReLU", "(N, 64, 4, 4)", "weight"),
        ("MaxPool 2x2", "(N, 64, 2, 2)", "op"),
        ("Flatten", "(N, 256)", "op"),
        ("Linear 256→64\n+ ReLU", "(N, 64)", "weight"),
        ("Dropout 0.3", "(N, 64)", "op"),
        ("Linear 64→10", "(N, 10) logits", "out"),
    ]
    fig, ax = canvas(13.4, 2.2)
    for k, (name, shape, kind) in enumerate(layers):
        x = 0.75 + k * 1.48
        box(ax, x, 1.2, 1.25, 0.8, name, kind, 9)
        ax.text(x, 0.4, shape, ha="center", fontsize=9, family="monospace")
        if k:
            arrow(ax, (x - 1.48 + 0.64, 1.2), (x - 0.64, 1.2))
    title(
        ax,
        6.7,
        1.95,
        "LeNet-style CNN on 8x8 digits: 35,914 parameters (PyTorch NCHW shapes; Keras uses NHWC)",
        11,
    )
    return fig


def residual_block() -> plt.Figure:
    """2.3: y = ReLU(F(x) + S(x)), F = conv-BN-ReLU-conv-BN, S = identity or a 1x1 projection."""
    fig, ax = canvas(5.4, 7.0)
    box(ax, 2.2, 6.4, 1.4, 0.5, "$x$", "input")
    ops = ["Conv 3x3", "BatchNorm", "ReLU", "Conv 3x3", "BatchNorm"]
    centres = [
        box(
            ax,
            2.2,
            5.5 - 0.8 * i,
            2.0,
            0.5,
            op,
            "norm" if "Norm" in op else "weight" if "Conv" in op else "op",
        )
        for i, op in enumerate(ops)
    ]
    arrow(ax, (2.2, 6.15), (2.2, 5.75))
    for a, b in zip(centres, centres[1:]):
        arrow(ax, (a[0], a[1] - 0.25), (b[0], b[1] + 0.25))
    circle(ax, 2.2, 1.15, "+")
    arrow(ax, (2.2, centres[-1][1] - 0.25), (2.2, 1.35))
    ax.plot([2.9, 4.3, 4.3], [6.4, 6.4, 1.15], color="#333333", linewidth=1.3)
    arrow(ax, (4.3, 1.15), (2.4, 1.15))
    ax.text(
        4.5,
        3.8,
        "shortcut $S(x)$: $x$, or 1x1 conv + BN if channels change",
        rotation=90,
        fontsize=9.5,
        va="center",
    )
    ax.text(0.55, 3.9, "$F(x)$", fontsize=13, ha="center")
    ax.plot([0.95, 0.95], [2.3, 5.5], color="#888888", linewidth=1)
    y = box(ax, 2.2, 0.35, 2.8, 0.45, "$y = \\mathrm{ReLU}(F(x) + S(x))$", "out")
    arrow(ax, (2.2, 0.95), (2.2, y[1] + 0.23))
    return fig


# --------------------------------------------------------------------------- chapter 03


def unrolled_rnn() -> plt.Figure:
    """3.1: the recurrent cell folded, and unrolled over T steps with shared weights."""
    fig, ax = canvas(11.0, 4.2)
    box(ax, 1.2, 2.1, 1.2, 0.7, "$h_t$", "state")
    arrow(ax, (1.2, 0.95), (1.2, 1.75), "$W_{xh}$", offset=(0.35, 0))
    box(ax, 1.2, 0.65, 0.8, 0.5, "$x_t$", "input")
    box(ax, 1.2, 3.55, 0.8, 0.5, "$y_t$", "out")
    arrow(ax, (1.2, 2.45), (1.2, 3.3), "$W_{hy}$", offset=(0.35, 0))
    ax.add_patch(
        FancyArrowPatch(
            (1.8, 2.25),
            (1.8, 1.95),
            connectionstyle="arc3,rad=-2.2",
            arrowstyle="-|>",
            mutation_scale=14,
            linewidth=1.3,
            color="#333333",
        )
    )
    ax.text(2.65, 2.1, "$W_{hh}$", fontsize=10)
    ax.text(3.25, 2.1, "=", fontsize=22, ha="center", va="center")
    box(ax, 3.9, 2.1, 0.6, 0.5, "$h_0$", "grey")
    labels = ["1", "2", "3", "T"]
    for k, t in enumerate(labels):
        x = 5.2 + 1.7 * k
        box(ax, x, 2.1, 1.0, 0.6, f"$h_{t}$", "state")
        box(ax, x, 0.65, 0.8, 0.5, f"$x_{t}$", "input")
        box(ax, x, 3.55, 0.8, 0.5, f"$y_{t}$", "out")
        arrow(ax, (x, 0.9), (x, 1.8), "$W_{xh}$" if k == 0 else "", offset=(0.35, 0))
        arrow(ax, (x, 2.4), (x, 3.3), "$W_{hy}$" if k == 0 else "", offset=(0.35, 0))
        start = 3.9 + 0.3 if k == 0 else x - 1.7 + 0.5
        arrow(ax, (start, 2.1), (x - 0.5, 2.1), "$W_{hh}$", offset=(0, 0.18))
        if t == "3":
            ax.text(
                x + 0.85, 2.1, "⋯", fontsize=16, ha="center", va="center", backgroundcolor="white"
            )
    title(
        ax,
        7.7,
        4.0,
        "$h_t = \\tanh(W_{xh} x_t + W_{hh} h_{t-1} + b)$,  $y_t = W_{hy} h_t + b_y$: the same weights at every step",
        11,
    )
    return fig


def lstm_cell() -> plt.Figure:
    """3.2: the LSTM cell with the gate names of the formulas."""
    fig, ax = canvas(9.0, 5.2)
    ax.plot([0.3, 8.7], [4.2, 4.2], color="#333333", linewidth=2)  # the cell-state highway
    ax.text(0.3, 4.45, "$c_{t-1}$", fontsize=12)
    ax.text(8.4, 4.45, "$c_t$", fontsize=12)
    ax.plot([0.3, 8.7], [1.0, 1.0], color="#333333", linewidth=1.3)
    ax.text(0.3, 0.7, "$h_{t-1}$", fontsize=12)
    box(ax, 0.9, 0.35, 0.9, 0.45, "$x_t$", "input")
    ax.plot(
        [1.35, 1.5, 1.5], [0.35, 0.35, 1.0], color="#333333", linewidth=1.3
    )  # x_t joins h_{t-1}
    gates = [
        ("$f_t = \\sigma(\\cdot)$\nforget", 2.0),
        ("$i_t = \\sigma(\\cdot)$\ninput", 3.6),
        ("$g_t = \\tanh(\\cdot)$\ncandidate", 5.0),
        ("$o_t = \\sigma(\\cdot)$\noutput", 6.6),
    ]
    for text, x in gates:
        box(ax, x, 2.2, 1.35, 0.75, text, "weight", 10)
        arrow(ax, (x, 1.0), (x, 1.82))
    times_f = circle(ax, 2.0, 4.2, "×")
    arrow(ax, (2.0, 2.58), (2.0, 4.0))
    times_ig = circle(ax, 4.3, 3.3, "×")
    arrow(ax, (3.6, 2.58), (4.15, 3.15))
    arrow(ax, (5.0, 2.58), (4.45, 3.15))
    plus = circle(ax, 4.3, 4.2, "+")
    arrow(ax, (4.3, 3.5), (4.3, 4.0))
    tanh = box(ax, 7.6, 3.4, 0.9, 0.45, "tanh", "op", 10)
    arrow(ax, (7.6, 4.2), (7.6, 3.63))
    times_o = circle(ax, 7.6, 2.2, "×")
    arrow(ax, (7.6, 3.17), (7.6, 2.4))
    arrow(ax, (7.28, 2.2), (7.4, 2.2))
    arrow(ax, (7.8, 2.2), (8.6, 2.2), "$h_t$", offset=(0.1, 0.2))
    ax.text(
        4.5,
        0.25,
        "$c_t = f_t \\odot c_{t-1} + i_t \\odot g_t$,   $h_t = o_t \\odot \\tanh(c_t)$;  "
        "each gate reads $x_t$ and $h_{t-1}$",
        ha="center",
        fontsize=10,
    )
    del times_f, times_ig, plus, tanh, times_o
    title(
        ax,
        4.5,
        4.95,
        "LSTM cell: the additive path $c_{t-1} \\to c_t$ carries memory across many steps",
        11,
    )
    return fig


def gru_cell() -> plt.Figure:
    """3.2: the GRU cell with reset r_t, update z_t and candidate n_t."""
    fig, ax = canvas(9.0, 4.8)
    ax.plot([0.3, 8.7], [3.9, 3.9], color="#333333", linewidth=2)
    ax.text(0.3, 4.15, "$h_{t-1}$", fontsize=12)
    ax.text(8.4, 4.15, "$h_t$", fontsize=12)
    box(ax, 0.9, 0.5, 0.9, 0.45, "$x_t$", "input")
    ax.plot([0.9, 7.0], [0.9, 0.9], color="#333333", linewidth=1.3)
    box(ax, 2.0, 2.0, 1.5, 0.7, "$r_t = \\sigma(\\cdot)$\nreset", "weight", 10)
    box(ax, 3.8, 2.0, 1.5, 0.7, "$z_t = \\sigma(\\cdot)$\nupdate", "weight", 10)
    box(
        ax,
        5.9,
        2.0,
        2.1,
        0.7,
        "$n_t = \\tanh(W_{xn} x_t +$\n$r_t \\odot (W_{hn} h_{t-1}))$",
        "weight",
        9,
    )
    for x in (2.0, 3.8, 5.9):
        arrow(ax, (x, 0.9), (x, 1.64))
    arrow(ax, (2.75, 2.0), (4.83, 2.0), "$r_t$", offset=(1.05, 0.2))
    circle(ax, 3.8, 3.9, "×")
    arrow(ax, (3.8, 2.36), (3.8, 3.7), "$z_t$", offset=(0.25, 0))
    circle(ax, 5.9, 3.2, "×")
    arrow(ax, (5.9, 2.36), (5.9, 3.0))
    ax.text(6.4, 2.75, "$1 - z_t$", fontsize=10)
    circle(ax, 7.1, 3.9, "+")
    arrow(ax, (6.1, 3.3), (6.95, 3.75))
    ax.text(
        4.5,
        0.2,
        "$h_t = (1 - z_t) \\odot n_t + z_t \\odot h_{t-1}$  (PyTorch and Keras `reset_after=True`)",
        ha="center",
        fontsize=10,
    )
    title(ax, 4.5, 4.6, "GRU cell: two gates, no separate cell state", 11)
    return fig


# --------------------------------------------------------------------------- chapter 04


def attention_qkv() -> plt.Figure:
    """4.3: scaled dot-product attention with the mask M."""
    fig, ax = canvas(11.5, 3.9)
    mats = [
        (0.8, "$Q$", "$T_q \\times d_k$", "input", 1.1),
        (2.2, "$K^\\top$", "$d_k \\times T_k$", "input", 1.1),
        (4.4, "$S = \\frac{QK^\\top}{\\sqrt{d_k}} + M$", "$T_q \\times T_k$", "weight", 1.7),
        (6.8, "$A = \\mathrm{softmax}_{row}(S)$", "rows sum to 1", "state", 1.8),
        (8.9, "$V$", "$T_k \\times d_v$", "input", 1.0),
        (10.5, "$AV$", "$T_q \\times d_v$", "out", 1.1),
    ]
    for x, name, shape, kind, w in mats:
        box(ax, x, 2.0, w, 1.3, name, kind, 11)
        ax.text(x, 1.05, shape, ha="center", fontsize=10)
    ax.text(1.5, 2.0, "·", fontsize=20, ha="center", va="center")
    arrow(ax, (2.8, 2.0), (3.5, 2.0))
    arrow(ax, (5.3, 2.0), (5.85, 2.0))
    ax.text(8.0, 2.0, "·", fontsize=20, ha="center", va="center")
    arrow(ax, (9.45, 2.0), (9.9, 2.0))
    title(
        ax,
        5.75,
        3.45,
        "$\\mathrm{Attention}(Q, K, V) = \\mathrm{softmax}_{row}(QK^\\top/\\sqrt{d_k} + M)\\,V$;"
        "  $M_{ij} = -\\infty$ where query $i$ may not see key $j$",
        11,
    )
    ax.text(
        5.75,
        0.4,
        "each output row is a weighted average of the rows of $V$, weights = one row of $A$",
        ha="center",
        fontsize=10,
        color="#444444",
    )
    return fig


def _mask_panel(ax, x0, y0, name, allowed, tokens, cell=0.42):
    grid(
        ax,
        x0,
        y0,
        len(tokens),
        len(tokens),
        cell,
        lambda r, c: "#9fd89f" if allowed(r, c) else "#f2b8b8",
        lambda r, c: "0" if allowed(r, c) else "−∞",
    )
    for k, token in enumerate(tokens):
        ax.text(x0 - 0.12, y0 - (k + 0.5) * cell, token, ha="right", va="center", fontsize=9)
        ax.text(
            x0 + (k + 0.5) * cell,
            y0 + 0.12,
            token,
            ha="center",
            va="bottom",
            fontsize=9,
            rotation=90,
        )
    title(ax, x0 + len(tokens) * cell / 2, y0 + 0.95, name, 11)


def attention_masks() -> plt.Figure:
    """4.3/4.4: the additive mask M for padding, causality, and both."""
    tokens = ["I", "like", "tea", "<pad>", "<pad>"]
    fig, ax = canvas(11.0, 4.3)
    real = lambda c: tokens[c] != "<pad>"  # noqa: E731
    _mask_panel(ax, 1.2, 3.0, "padding mask", lambda r, c: real(c), tokens)
    _mask_panel(ax, 4.9, 3.0, "causal mask", lambda r, c: c <= r, tokens)
    _mask_panel(ax, 8.6, 3.0, "causal + padding", lambda r, c: c <= r and real(c), tokens)
    ax.text(
        5.5,
        0.25,
        "rows: queries $i$, columns: keys $j$; $M_{ij}$ is added to the score before the softmax",
        ha="center",
        fontsize=10,
    )
    return fig


def encoder_decoder_masks() -> plt.Figure:
    """4.5: what each token may attend to in an encoder (BERT) and a decoder (GPT)."""
    tokens = ["[CLS]", "the", "tea", "is", "good"]
    fig, ax = canvas(9.0, 4.3)
    _mask_panel(ax, 1.6, 3.0, "encoder (BERT): every token sees all", lambda r, c: True, tokens)
    _mask_panel(
        ax, 6.0, 3.0, "decoder (GPT): only itself and the past", lambda r, c: c <= r, tokens
    )
    ax.text(
        4.5,
        0.25,
        "green: $M_{ij}=0$ (may attend), red: $M_{ij}=-\\infty$; the decoder can be trained to "
        "predict the next token at every position",
        ha="center",
        fontsize=9.5,
    )
    return fig


def multi_head_attention() -> plt.Figure:
    """4.4: h heads with their own projections, concatenated, then W^O."""
    fig, ax = canvas(10.0, 5.0)
    box(ax, 1.0, 2.5, 1.3, 0.8, "$X_q,\\ X_{kv}$", "input")
    for k, y in enumerate((4.0, 2.5, 1.0)):
        name = ["1", "2", "h"][k]
        box(
            ax,
            3.5,
            y,
            2.3,
            0.75,
            f"$X_q W^Q_{name},\\ X_{{kv}} W^K_{name},\\ X_{{kv}} W^V_{name}$",
            "weight",
            9,
        )
        box(ax, 6.0, y, 1.6, 0.75, f"$\\mathrm{{head}}_{name}$\nattention", "state", 10)
        arrow(ax, (1.65, 2.5), (2.35, y))
        arrow(ax, (4.65, y), (5.2, y))
        arrow(ax, (6.8, y), (7.45, 2.5))
    ax.text(3.5, 1.75, "⋮", fontsize=16, ha="center")
    box(ax, 8.2, 2.5, 1.4, 0.9, "concat\n$\\cdot\\, W^O + b^O$", "out", 10)
    title(
        ax,
        5.0,
        4.75,
        "multi-head attention: $h$ heads of width $d_h = D/h$, each with its own $W^Q_i, W^K_i, W^V_i$",
        11,
    )
    ax.text(
        5.0,
        0.25,
        "$\\mathrm{MHA} = [\\mathrm{head}_1; \\dots; \\mathrm{head}_h]\\, W^O + b^O$: "
        "parameters $4(D^2 + D)$",
        ha="center",
        fontsize=10,
    )
    return fig


def prenorm_block() -> plt.Figure:
    """4.4: the pre-norm Transformer block."""
    fig, ax = canvas(5.6, 7.2)
    box(ax, 2.3, 6.7, 1.2, 0.45, "$x$", "input")
    box(ax, 2.3, 5.75, 2.0, 0.45, "LayerNorm", "norm")
    box(ax, 2.3, 4.9, 2.4, 0.5, "multi-head attention", "weight")
    circle(ax, 2.3, 4.05, "+")
    box(ax, 2.3, 3.1, 2.0, 0.45, "LayerNorm", "norm")
    box(ax, 2.3, 2.25, 2.6, 0.5, "feed-forward (D→4D→D)", "weight", 10)
    circle(ax, 2.3, 1.4, "+")
    box(ax, 2.3, 0.5, 1.2, 0.45, "output", "out")
    for a, b in [
        (6.47, 5.98),
        (5.52, 5.15),
        (4.65, 4.25),
        (3.85, 3.33),
        (2.87, 2.5),
        (2.0, 1.6),
        (1.2, 0.73),
    ]:
        arrow(ax, (2.3, a), (2.3, b))
    for top, bottom in [(6.45, 4.05), (3.85, 1.4)]:
        ax.plot([2.3, 4.4, 4.4], [top - 0.05, top - 0.05, bottom], color="#333333", linewidth=1.2)
        arrow(ax, (4.4, bottom), (2.5, bottom))
    ax.text(4.6, 5.2, "residual", rotation=90, fontsize=10, va="center")
    ax.text(4.6, 2.6, "residual", rotation=90, fontsize=10, va="center")
    title(
        ax,
        2.8,
        7.05,
        "pre-norm block: $x + \\mathrm{MHA}(\\mathrm{LN}(x))$, then $x + \\mathrm{FFN}(\\mathrm{LN}(x))$",
        10,
    )
    return fig


def scaling_ladder() -> plt.Figure:
    """4.6: the byte-level MLP family and what N counts."""
    fig, ax = canvas(12.0, 3.3)
    parts = [
        ("16 context bytes", "input", 1.6),
        ("embedding\n256 x E", "grey", 1.5),
        ("Linear CE→w\n+ GELU", "weight", 1.6),
        ("Linear w→w\n+ GELU", "weight", 1.6),
        ("Linear w→256", "grey", 1.5),
        ("256 logits:\nnext byte", "out", 1.5),
    ]
    x, previous_right = 0.95, None
    for name, kind, w in parts:
        box(ax, x, 1.8, w, 0.9, name, kind, 10)
        if previous_right is not None:
            arrow(ax, (previous_right + 0.05, 1.8), (x - w / 2 - 0.05, 1.8))
        previous_right = x + w / 2
        x += w + 0.45
    ax.plot([4.15, 4.15, 7.8, 7.8], [1.2, 1.05, 1.05, 1.2], color="#333333")
    ax.text(6.0, 0.8, "$N = (CEw + w) + (w^2 + w)$: the two hidden layers", ha="center", fontsize=10)
    ax.text(6.0, 0.3, "grey: the 256-wide embedding and output layers, left out of $N$ as Kaplan et al. "
            "leave out embeddings", ha="center", fontsize=9.5, color="#444444")
    title(
        ax,
        6.0,
        2.85,
        "one data stream, one training budget, a ladder of widths $w$; "
        "$N$ counts the orange layers",
        11,
    )
    return fig


FIGURES: dict[str, Callable[[], plt.Figure]] = {
    "02_cnn/figures/padding_stride_dilation.png": padding_stride_dilation,
    "02_cnn/figures/conv_channels.png": conv_channels,
    "02_cnn/figures/lenet_shapes.png": lenet_shapes,
    "02_cnn/figures/residual_block.png": residual_block,
    "03_rnn/figures/unrolled_rnn.png": unrolled_rnn,
    "03_rnn/figures/lstm_cell.png": lstm_cell,
    "03_rnn/figures/gru_cell.png": gru_cell,
    "04_nlp/figures/attention_qkv.png": attention_qkv,
    "04_nlp/figures/attention_masks.png": attention_masks,
    "04_nlp/figures/multi_head_attention.png": multi_head_attention,
    "04_nlp/figures/prenorm_block.png": prenorm_block,
    "04_nlp/figures/encoder_decoder_masks.png": encoder_decoder_masks,
    "04_nlp/figures/scaling_ladder.png": scaling_ladder,
}


def main() -> int:
    """Draw every figure (or list them)."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--list", action="store_true", help="list the figures and exit")
    args = parser.parse_args()
    for relative, draw in FIGURES.items():
        path = ROOT / "chapters" / relative
        if args.list:
            print(relative, "-", draw.__doc__)
            continue
        path.parent.mkdir(parents=True, exist_ok=True)
        figure = draw()
        figure.savefig(path, dpi=DPI, metadata={"Software": None})
        plt.close(figure)
        print("drew", path.relative_to(ROOT))
    return 0


if __name__ == "__main__":
    sys.exit(main())
