"""Checks of the exercises of section 3.2 "Gated cells: LSTM and GRU"."""

from __future__ import annotations

from typing import Any

import numpy as np


def _sigmoid(a: np.ndarray) -> np.ndarray:
    return 1 / (1 + np.exp(-a))


def _fresh_lstm(input_size: int, hidden_size: int, num_layers: int, seed: int) -> Any:
    import torch

    torch.manual_seed(seed)
    lstm = torch.nn.LSTM(input_size, hidden_size, num_layers=num_layers, batch_first=True)
    with torch.no_grad():
        for name, p in lstm.named_parameters():
            if name.startswith("bias"):
                p.normal_(0, 0.5)  # random biases, so that a mixed-up row or vector shows
    return lstm


def exercise_1(answer: Any) -> None:
    """set_forget_bias(lstm, value): the effective forget-gate bias of every layer becomes value."""
    assert callable(answer), f"expected a function set_forget_bias(lstm, value), got {answer!r}"
    for seed, (hidden_size, num_layers, value) in enumerate(
        [(5, 1, 1.0), (3, 2, -3.0), (4, 3, 2.5)]
    ):
        lstm = _fresh_lstm(4, hidden_size, num_layers, seed)
        before = {name: p.detach().clone() for name, p in lstm.named_parameters()}
        try:
            answer(lstm, value)
        except RuntimeError as error:
            raise AssertionError(
                f"set_forget_bias raised RuntimeError ({error}); change the parameters in place "
                "inside `with torch.no_grad():`"
            ) from None
        call = f"set_forget_bias(torch.nn.LSTM(4, {hidden_size}, num_layers={num_layers}), {value})"
        H, forget = hidden_size, slice(hidden_size, 2 * hidden_size)
        for layer in range(num_layers):
            ih, hh = f"bias_ih_l{layer}", f"bias_hh_l{layer}"
            b = (getattr(lstm, ih) + getattr(lstm, hh)).detach().numpy()
            b_before = (before[ih] + before[hh]).numpy()
            assert np.allclose(b[forget], value, atol=1e-6), (
                f"after {call} the forget-gate bias b_ih + b_hh of layer {layer} (rows H:2H, "
                f"gate order i, f, g, o) is {np.round(b[forget], 3).tolist()}, expected {value} "
                "in every unit: PyTorch adds its two bias vectors, so set one to the value and "
                "the other to 0, in every layer"
            )
            others = np.r_[0:H, 2 * H : 4 * H]
            assert np.allclose(b[others], b_before[others], atol=1e-6), (
                f"{call} changed the biases of layer {layer} outside rows H:2H: the input, "
                "candidate and output gates must keep their biases"
            )
        for name, p in lstm.named_parameters():
            if name.startswith("weight"):
                assert _same(p, before[name]), f"{call} changed the weights {name}"


def _same(a: Any, b: Any) -> bool:
    """Two tensors hold the same numbers."""
    return bool(np.array_equal(a.detach().numpy(), b.numpy()))


def _keras_gru_reference(X: np.ndarray, h0: np.ndarray, weights: list[np.ndarray]) -> np.ndarray:
    """States (B, T, H) of a Keras GRU (reset_after=True, gate order z, r, h) from its weights."""
    kernel, recurrent, bias = weights
    H = recurrent.shape[0]
    cols = {k: slice(n * H, (n + 1) * H) for n, k in enumerate("zrh")}
    h, states = h0, []
    for t in range(X.shape[1]):
        ax = X[:, t] @ kernel + bias[0]
        ah = h @ recurrent + bias[1]
        z = _sigmoid(ax[:, cols["z"]] + ah[:, cols["z"]])
        r = _sigmoid(ax[:, cols["r"]] + ah[:, cols["r"]])
        candidate = np.tanh(ax[:, cols["h"]] + r * ah[:, cols["h"]])
        h = z * h + (1 - z) * candidate
        states.append(h)
    return np.stack(states, axis=1)


def exercise_2(answer: Any) -> None:
    """gru_keras_to_torch(weights): Keras GRU weights -> torch.nn.GRU tensors; refuses one bias."""
    import torch

    assert callable(answer), f"expected a function gru_keras_to_torch(weights), got {answer!r}"
    rng = np.random.default_rng(32)
    for D, H in [(3, 5), (2, 4)]:
        weights = [rng.normal(scale=0.5, size=s).astype(np.float32)
                   for s in ((D, 3 * H), (H, 3 * H), (2, 3 * H))]
        converted = answer([w.copy() for w in weights])
        assert isinstance(converted, (tuple, list)) and len(converted) == 4, (
            "return the four arrays (weight_ih, weight_hh, bias_ih, bias_hh)"
        )
        names = ("weight_ih", "weight_hh", "bias_ih", "bias_hh")
        shapes = ((3 * H, D), (3 * H, H), (3 * H,), (3 * H,))
        gru = torch.nn.GRU(D, H, batch_first=True)
        with torch.no_grad():
            for name, shape, value in zip(names, shapes, converted):
                value = np.asarray(value.detach() if hasattr(value, "detach") else value)
                assert value.shape == shape, (
                    f"{name} for D={D}, H={H} should have shape {shape}, got {value.shape}: "
                    "PyTorch stores (3H, inputs), the transpose of Keras' (inputs, 3H)"
                )
                getattr(gru, f"{name}_l0").copy_(torch.from_numpy(value.astype(np.float32)))
        X = rng.normal(size=(4, 6, D)).astype(np.float32)
        h0 = rng.normal(scale=0.5, size=(4, H)).astype(np.float32)
        with torch.no_grad():
            got, _ = gru(torch.from_numpy(X), torch.from_numpy(h0)[None])
        expected = _keras_gru_reference(X, h0, weights)
        assert np.allclose(got.numpy(), expected, atol=1e-5), (
            f"torch.nn.GRU with your converted weights (D={D}, H={H}) computes other states than "
            "the Keras GRU: Keras orders the gates z, r, h, PyTorch r, z, n; bias row 0 is the "
            "input bias (bias_ih), row 1 the recurrent one (bias_hh)"
        )
    one_bias = [weights[0], weights[1], weights[2].sum(axis=0)]
    try:
        answer(one_bias)
    except ValueError:
        return
    raise AssertionError(
        "weights of a Keras GRU(reset_after=False) have one bias of shape (3H,) and compute "
        "another "
        "function (the reset gate before the product): raise ValueError for them"
    )


def exercise_3(answer: Any) -> None:
    """n_params(cell, framework, D, H, num_layers): parameters of a stack of LSTM or GRU layers."""
    assert callable(answer), f"expected a function n_params(...), got {answer!r}"
    cases = [("GRU", "keras", 10, 64, 1), ("LSTM", "torch", 10, 64, 2), ("LSTM", "keras", 3, 5, 1),
             ("LSTM", "torch", 3, 5, 1), ("GRU", "torch", 7, 16, 3), ("LSTM", "keras", 32, 256, 2),
             ("GRU", "keras", 5, 8, 2)]
    for cell, framework, D, H, num_layers in cases:
        gates = {"LSTM": 4, "GRU": 3}[cell]
        biases = 1 if (cell, framework) == ("LSTM", "keras") else 2
        inputs = [D] + [H] * (num_layers - 1)  # layer l > 0 reads the H outputs of the one below
        expected = sum(gates * (H * d + H * H) + biases * gates * H for d in inputs)
        call = f"n_params({cell!r}, {framework!r}, D={D}, H={H}, num_layers={num_layers})"
        got = answer(cell, framework, D, H, num_layers)
        assert isinstance(got, (int, np.integer)) and not isinstance(got, bool), (
            f"{call} should return an int, got {got!r}"
        )
        assert got == expected, (
            f"{call} should be {expected:,}, got {got:,}: G gates (4 or 3) give G(H d + H^2) "
            "weights "
            "per layer, with d = D for the first layer and H above it; PyTorch keeps two bias "
            "vectors of GH, Keras one for the LSTM and two for the GRU (reset_after=True)"
        )
