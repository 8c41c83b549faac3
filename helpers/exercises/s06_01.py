"""Checks of the exercises of section 6.1 "Vision beyond classification: detection"."""

from __future__ import annotations

import math
from typing import Any

import numpy as np

from ._checks import as_float as _as_float, call_answer as _call


def _iou_and_hull(a: np.ndarray, b: np.ndarray) -> tuple[float, float, float]:
    """IoU, union area and enclosing-box area of two corner boxes."""
    width = max(0.0, min(a[2], b[2]) - max(a[0], b[0]))
    height = max(0.0, min(a[3], b[3]) - max(a[1], b[1]))
    inter = width * height
    union = (a[2] - a[0]) * (a[3] - a[1]) + (b[2] - b[0]) * (b[3] - b[1]) - inter
    hull = (max(a[2], b[2]) - min(a[0], b[0])) * (max(a[3], b[3]) - min(a[1], b[1]))
    return inter / union, union, hull


def exercise_1(answer: Any) -> None:
    """giou(a, b): generalised IoU of two boxes [x1, y1, x2, y2]."""
    rng = np.random.default_rng(61)
    corners = rng.uniform(0, 20, size=(6, 2, 2))
    random_pairs = [(np.r_[c[0], c[0] + rng.uniform(1, 8, 2)], np.r_[c[1], c[1] + rng.uniform(1, 8, 2)])
                    for c in corners]
    cases = [
        ([0, 0, 4, 4], [0, 0, 4, 4]),  # identical: 1
        ([0, 0, 4, 4], [2, 0, 6, 4]),  # half overlap
        ([0, 0, 2, 2], [4, 0, 6, 2]),  # disjoint, side by side
        ([0, 0, 2, 2], [8, 8, 10, 10]),  # disjoint, far apart: close to -1
        ([0, 0, 10, 10], [2, 3, 5, 6]),  # one inside the other
        ([0.0, 0.0, 3.0, 1.0], [1.0, -2.0, 2.0, 4.0]),  # a cross
        *random_pairs,
    ]
    for a, b in cases:
        a, b = np.asarray(a, np.float64), np.asarray(b, np.float64)
        iou, union, hull = _iou_and_hull(a, b)
        expected = iou - (hull - union) / hull
        call = f"giou({a.tolist()}, {b.tolist()})"
        got = _as_float(_call(answer, list(a), b.copy()), call)
        assert math.isclose(got, expected, rel_tol=1e-6, abs_tol=1e-9), (
            f"{call} should be {expected:.6f}, got {got:.6f}. C is the smallest box containing "
            "both (min of the x1, y1; max of the x2, y2); GIoU = IoU - (|C| - |A u B|) / |C|, "
            "with |A u B| = |A| + |B| - |A n B|"
        )


def _nms(boxes: np.ndarray, scores: np.ndarray, tau: float) -> list[int]:
    order = list(np.argsort(-scores, kind="stable"))
    keep: list[int] = []
    while order:
        best = order.pop(0)
        keep.append(int(best))
        order = [j for j in order if _iou_and_hull(boxes[best], boxes[j])[0] <= tau]
    return keep


def _nms_per_class(boxes: np.ndarray, scores: np.ndarray, classes: np.ndarray, tau: float) -> list:
    kept = []
    for c in np.unique(classes):
        members = np.flatnonzero(classes == c)
        kept += [int(members[k]) for k in _nms(boxes[members], scores[members], tau)]
    return sorted(kept, key=lambda i: -scores[i])


def exercise_2(answer: Any) -> None:
    """nms_per_class(boxes, scores, classes, tau): kept indices, NMS within each class, by score."""
    rng = np.random.default_rng(62)
    for n, n_classes, tau in [(30, 3, 0.3), (60, 4, 0.5), (40, 1, 0.4), (50, 10, 0.2)]:
        corner = rng.uniform(0, 20, size=(n, 2))
        boxes = np.concatenate([corner, corner + rng.uniform(4, 10, size=(n, 2))], 1)
        scores = rng.permutation(n) / n + 0.01  # distinct scores
        classes = rng.integers(0, n_classes, n)
        expected = _nms_per_class(boxes, scores, classes, tau)
        call = f"nms_per_class(boxes, scores, classes, tau={tau}) on {n} boxes of {n_classes} classes"
        got = _call(answer, boxes.copy(), scores.copy(), classes.copy(), tau)
        try:
            got = [int(i) for i in np.asarray(got).ravel()]
        except (TypeError, ValueError):
            raise AssertionError(f"{call} should return an array of indices, got {got!r}") from None
        assert got == expected, (
            f"{call} kept {len(got)} boxes, expected {len(expected)} (first ones expected: "
            f"{expected[:6]}, got {got[:6]}). Run NMS separately on each class's boxes, map the "
            "kept positions back to indices of the full array, and sort them by descending score"
        )


def _ap_all_points(tp: np.ndarray, n_true: int) -> float:
    hits = np.cumsum(tp)
    recall = hits / n_true
    precision = hits / np.arange(1, len(tp) + 1)
    envelope = np.maximum.accumulate(precision[::-1])[::-1]
    steps = np.diff(np.concatenate([[0.0], recall]))
    return float(np.sum(steps * envelope))


def exercise_3(answer: Any) -> None:
    """ap_all_points(tp, n_true): area under the interpolated precision-recall curve (VOC 2010+)."""
    rng = np.random.default_rng(63)
    cases = [
        (np.array([True, False, True, True, False, False, True]), 5),  # not every object found
        (np.array([False, True, True, False, True]), 3),  # a miss first, then all found
        (np.array([True, True, True]), 3),  # perfect: 1
        (np.array([False, False]), 2),  # nothing found: 0
    ]
    for n in (50, 200):
        tp = rng.random(n) < np.linspace(0.9, 0.1, n)  # hits more likely at high scores
        cases.append((tp, int(tp.sum()) + 7))
    for tp, n_true in cases:
        expected = _ap_all_points(tp, n_true)
        call = f"ap_all_points(tp, n_true={n_true}) with {int(tp.sum())} hits in {len(tp)} detections"
        got = _as_float(_call(answer, tp.copy(), n_true), call)
        assert math.isclose(got, expected, rel_tol=1e-9, abs_tol=1e-12), (
            f"{call} should be {expected:.6f}, got {got:.6f}. Precision P_k and recall R_k after k "
            "detections; p_interp(R_k) = max of P_j over j >= k; sum (R_k - R_(k-1)) p_interp(R_k) "
            "from R_0 = 0, over every detection"
        )
