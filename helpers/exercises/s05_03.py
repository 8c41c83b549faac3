"""Checks of the exercises of section 5.3 "Data augmentation"."""

from __future__ import annotations

from typing import Any

import numpy as np

# Exercise 2: a transform given by three input points and where they land in the output.
INPUT_POINTS = ((0.0, 0.0), (4.0, 0.0), (0.0, 4.0))  # (x, y) in the input image
OUTPUT_POINTS = ((-1.0, 2.0), (3.0, 2.0), (1.0, 6.0))  # where each lands in the output image

# Exercise 3: candidate augmentations of 8x8 handwritten digits; which keep every digit's label?
TRANSFORMS = (
    "rotate by 10 degrees",
    "shift by 1 pixel",
    "zoom by 1.1",
    "shear by 10 degrees",
    "horizontal flip",
    "vertical flip",
    "rotate by 180 degrees",
    "shift by 6 pixels",
)
_KEEPS_LABEL = {"rotate by 10 degrees", "shift by 1 pixel", "zoom by 1.1", "shear by 10 degrees"}
_WHY_NOT = {
    "horizontal flip": "a mirrored 3 is no 3 (the network of section 7 reads most of them as 8)",
    "vertical flip": "a 2 mirrored top to bottom reads as a 5, and a 5 as a 2",
    "rotate by 180 degrees": "an upside-down 6 is a 9",
    "shift by 6 pixels": "on an 8x8 canvas it pushes most of the digit out of the frame",
}


def _rotation_about_centre(angle: float, H: int, W: int) -> np.ndarray:
    """The 2x3 output -> input matrix of a counter-clockwise rotation about the image centre."""
    theta = np.deg2rad(angle)
    A_inv = np.array([[np.cos(theta), -np.sin(theta)], [np.sin(theta), np.cos(theta)]])  # R(theta)^-1
    c = np.array([(W - 1) / 2, (H - 1) / 2])
    return np.hstack([A_inv, (c - A_inv @ c)[:, None]])


def _matrix(value: Any, what: str) -> np.ndarray:
    try:
        M = np.asarray(value, dtype=float)
    except (TypeError, ValueError):
        raise AssertionError(f"expected {what} as a 2x3 array of numbers, got {type(value).__name__}") from None
    assert M.shape == (2, 3), f"expected {what} of shape (2, 3), got shape {M.shape}"
    assert np.isfinite(M).all(), f"{what} contains NaN or infinity"
    return M


def exercise_1(answer: Any) -> None:
    """rotation_about_centre(angle, H, W): the 2x3 output -> input matrix of a rotation about the centre."""
    assert callable(answer), "expected a function rotation_about_centre(angle, H, W) -> 2x3 array"
    for angle, H, W in ((90.0, 8, 8), (30.0, 8, 8), (-45.0, 5, 9), (180.0, 6, 10), (12.5, 28, 28)):
        M = _matrix(answer(angle, H, W), f"rotation_about_centre({angle}, {H}, {W})")
        expected = _rotation_about_centre(angle, H, W)
        if np.allclose(M, expected, atol=1e-6):
            continue
        if np.allclose(M, _rotation_about_centre(-angle, H, W), atol=1e-6):
            raise AssertionError(
                f"for angle={angle} your matrix is the forward map (input -> output) or rotates clockwise; "
                "the warp needs the inverse, output -> input: A^-1 = R(-angle)")
        wrong_centre = np.hstack([expected[:, :2], (np.array([W, H]) / 2 - expected[:, :2] @ [W / 2, H / 2])[:, None]])
        if np.allclose(M, wrong_centre, atol=1e-6):
            raise AssertionError("the rotation is about (W/2, H/2); pixel centres run from 0 to W-1, so the "
                                 "image centre is ((W-1)/2, (H-1)/2)")
        corner = M @ [0.0, 0.0, 1.0]
        raise AssertionError(
            f"for angle={angle}, H={H}, W={W}: output pixel (0, 0) should read input point "
            f"{tuple(np.round(expected[:, 2], 4))}, yours reads {tuple(np.round(corner, 4))}")


def exercise_2(answer: Any) -> None:
    """The 2x3 output -> input matrix of the affine map taking INPUT_POINTS to OUTPUT_POINTS."""
    M = _matrix(answer, "M")
    forward = np.array([[*q, 1.0] for q in INPUT_POINTS])  # (3, 3) rows (x, y, 1)
    if np.allclose(forward @ M.T, OUTPUT_POINTS, atol=1e-6):
        raise AssertionError("your matrix maps the input points to the output points: that is the forward "
                             "map; the warp needs output -> input (its inverse)")
    for p_in, p_out in zip(INPUT_POINTS, OUTPUT_POINTS):
        got = M @ [*p_out, 1.0]
        assert np.allclose(got, p_in, atol=1e-6), (
            f"output point {p_out} should be read from input point {p_in}, your M gives "
            f"{tuple(np.round(got, 4))}")


def exercise_3(answer: Any) -> None:
    """The set of names in TRANSFORMS that keep the label of every digit."""
    assert not isinstance(answer, str), "expected a set of names, e.g. {'shift by 1 pixel', ...}, not one string"
    try:
        chosen = set(answer)
    except TypeError:
        raise AssertionError(f"expected a set of names from TRANSFORMS, got {type(answer).__name__}") from None
    unknown = sorted(str(name) for name in chosen - set(TRANSFORMS))
    assert not unknown, f"not in the list of transforms: {unknown}; choose from {list(TRANSFORMS)}"
    for name in TRANSFORMS:
        if name in chosen and name not in _KEEPS_LABEL:
            raise AssertionError(f"'{name}' does not keep every label: {_WHY_NOT[name]}")
    missing = sorted(_KEEPS_LABEL - chosen)
    assert not missing, (f"{missing} keep(s) the label: a small change of pose or size, like the "
                         "augmentation that helped in section 6")
