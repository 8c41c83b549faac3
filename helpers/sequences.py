"""Sequence-model plumbing for chapter 03 (the gate-order mapping itself is taught in 3.2 "LSTM and GRU").

Nothing here imports a framework at module import time.
"""

from __future__ import annotations

from typing import Any

import numpy as np


def gru_torch_to_keras(gru: Any) -> list[np.ndarray]:
    """Weights of a one-layer `torch.nn.GRU` as `keras.layers.GRU(reset_after=True).set_weights` wants them.

    PyTorch stacks the gate blocks as (reset r, update z, new n) in rows of (3H, inputs);
    Keras as (update z, reset r, candidate h) in columns of (inputs, 3H), with the input and
    recurrent biases stacked into one (2, 3H) array.
    """
    import torch

    if not isinstance(gru, torch.nn.GRU):
        raise TypeError(f"expected a torch.nn.GRU, got {type(gru).__name__}")
    if gru.num_layers != 1 or gru.bidirectional or not gru.bias or getattr(gru, "proj_size", 0):
        raise ValueError(
            "only a one-layer, one-direction GRU with biases maps onto one keras GRU layer"
        )
    H = gru.hidden_size
    order = np.r_[H : 2 * H, 0:H, 2 * H : 3 * H]  # rows z, r, n out of PyTorch's r, z, n
    w = {name: p.detach().cpu().numpy() for name, p in gru.named_parameters()}
    return [
        w["weight_ih_l0"][order].T,  # kernel (inputs, 3H)
        w["weight_hh_l0"][order].T,  # recurrent kernel (H, 3H)
        np.stack(
            [w["bias_ih_l0"][order], w["bias_hh_l0"][order]]
        ),  # bias (2, 3H): input, recurrent
    ]
