"""Checks of the exercises of section 2.4 "What a CNN sees"."""

from __future__ import annotations

import math
from typing import Any

import numpy as np

from ._checks import call_answer as _call


def exercise_1(answer: Any) -> None:
    """The shape (N, C, H, W) of the second-layer feature maps of one 8x8 digit."""
    try:
        shape = tuple(int(n) for n in answer)
    except TypeError:
        raise AssertionError(f"expected a tuple of 4 ints, got {answer!r}") from None
    assert len(shape) == 4, f"expected 4 numbers (N, C, H, W), got {len(shape)}: {shape}"
    assert shape[0] == 1, f"one image goes in, so N = 1, got N = {shape[0]}"
    assert shape[1] == 64, (
        f"the second convolution has 64 filters, so C = 64, got C = {shape[1]}"
    )
    assert shape[2:] == (4, 4), (
        f"got H, W = {shape[2:]}: padding 'same' keeps the size and one 2x2 pooling (before the "
        "second convolution) halves 8x8 to 4x4; the second pooling is torch_net[5], not in [:5]"
    )


def _small_lenet(seed: int) -> Any:
    import torch

    from helpers.cnn import LeNetConfig, lenet_torch

    torch.manual_seed(seed)
    net = lenet_torch(LeNetConfig(channels=(4, 8), hidden=16))
    net.eval()
    return net


def exercise_2(answer: Any) -> None:
    """saliency_predicted(torch_net, X): |d s_c / d X| for the predicted class c, (N, 8, 8)."""
    import torch

    for seed in (0, 1):
        net = _small_lenet(seed)
        X = np.random.default_rng(seed).random((6, 8, 8), dtype=np.float32)
        x = torch.from_numpy(X[:, None]).clone().requires_grad_(True)  # (N, 1, 8, 8)
        logits = net(x)
        chosen = logits.argmax(dim=1)
        logits[torch.arange(len(X)), chosen].sum().backward()
        expected = x.grad[:, 0].abs().numpy()  # (N, 8, 8)
        got = _call(answer, net, X.copy())
        if isinstance(got, torch.Tensor):
            got = got.detach().numpy()
        got = np.asarray(got, dtype=np.float64)
        assert got.shape == expected.shape, (
            f"expected an array of shape {expected.shape} (one 8x8 map per image), got {got.shape}"
        )
        assert (got >= 0).all(), "a saliency map is the absolute value of the gradient"
        assert np.allclose(got, expected, atol=1e-6, rtol=1e-4), (
            "the maps differ from |d s_c / d X| with c the arg-max of the logits (the predicted "
            "class): take the gradient of the logit s_c itself, not of a softmax probability, "
            "and of the predicted class of each image"
        )


def exercise_3(answer: Any) -> None:
    """An untrained PyTorch LeNet with global average pooling instead of Flatten."""
    import torch
    from torch import nn

    assert isinstance(answer, nn.Module), (
        f"expected an untrained torch.nn.Module, got {type(answer).__name__}"
    )
    n_params = sum(p.numel() for p in answer.parameters() if p.requires_grad)
    expected = (9 * 32 + 32) + (9 * 32 * 64 + 64) + (64 * 64 + 64) + (64 * 10 + 10)
    flat = (9 * 32 + 32) + (9 * 32 * 64 + 64) + (256 * 64 + 64) + (64 * 10 + 10)
    assert n_params != flat, (
        f"{n_params} parameters: that is the Flatten network (its first dense layer reads 256 "
        "numbers); after global average pooling it reads the 64 channel means"
    )
    assert n_params == expected, (
        f"expected {expected:,} parameters (conv 3x3 1->32, conv 3x3 32->64, dense 64->64, "
        f"dense 64->10, each with a bias), got {n_params:,}"
    )
    was_training = answer.training
    answer.eval()
    with torch.no_grad():
        for side in (8, 16):
            x = torch.rand(3, 1, side, side, generator=torch.Generator().manual_seed(side))
            try:
                out = answer(x)
            except RuntimeError as error:
                raise AssertionError(
                    f"the network fails on {side}x{side} images ({error}); global average pooling "
                    "gives 64 numbers whatever the image size"
                ) from None
            assert tuple(out.shape) == (3, 10), (
                f"expected logits of shape (3, 10) for 3 images of {side}x{side}, "
                f"got {tuple(out.shape)}"
            )
    answer.train(was_training)


def _ring_mean(grid: np.ndarray, r: int) -> float:
    d = np.arange(-2, 3)
    ring = np.maximum(np.abs(d)[:, None], np.abs(d)[None, :]) == r
    return float(grid[ring].mean())


def exercise_4(answer: Any) -> None:
    """ring_mean(grid, r): mean of a 5x5 shift grid over the shifts with max(|dy|, |dx|) = r."""
    rng = np.random.default_rng(24)
    grids = [rng.random((5, 5)), np.arange(25, dtype=float).reshape(5, 5) ** 2, rng.random((5, 5)).T]
    for grid in grids:
        for r in (0, 1, 2):
            expected = _ring_mean(grid, r)
            try:
                got = float(_call(answer, grid.copy(), r))
            except (TypeError, ValueError):
                raise AssertionError(f"ring_mean(grid, {r}) should return one number") from None
            assert math.isclose(got, expected, abs_tol=1e-9), (
                f"ring_mean(grid, {r}) should be {expected:.6f}, got {got:.6f}: average the "
                f"entries [dy + 2, dx + 2] with max(|dy|, |dx|) == {r} (8 of them for r = 1, "
                "16 for r = 2, the centre alone for r = 0)"
            )
