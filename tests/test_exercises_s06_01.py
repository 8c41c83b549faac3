"""The checks of section 6.1's exercises accept right answers and reject plausible wrong ones."""

import numpy as np
import pytest

from helpers import exercises


def _parts(a, b):
    a, b = np.asarray(a, float), np.asarray(b, float)
    width = max(0.0, min(a[2], b[2]) - max(a[0], b[0]))
    height = max(0.0, min(a[3], b[3]) - max(a[1], b[1]))
    inter = width * height
    union = np.prod(a[2:] - a[:2]) + np.prod(b[2:] - b[:2]) - inter
    hull = (max(a[2], b[2]) - min(a[0], b[0])) * (max(a[3], b[3]) - min(a[1], b[1]))
    return inter, union, hull


def _giou(a, b, hull_term=True, unclipped=False):
    inter, union, hull = _parts(a, b)
    if unclipped:  # intersection without max(0, .): negative widths multiply to a positive area
        a, b = np.asarray(a, float), np.asarray(b, float)
        inter = (min(a[2], b[2]) - max(a[0], b[0])) * (min(a[3], b[3]) - max(a[1], b[1]))
        union = np.prod(a[2:] - a[:2]) + np.prod(b[2:] - b[:2]) - inter
    return inter / union - ((hull - union) / hull if hull_term else 0.0)


def _iou(boxes, i, j):
    return _parts(boxes[i], boxes[j])[0] / _parts(boxes[i], boxes[j])[1]


def _nms(boxes, scores, tau, index=None):
    order = list(np.argsort(-scores, kind="stable") if index is None else index)
    keep = []
    while order:
        best = order.pop(0)
        keep.append(best)
        order = [j for j in order if _iou(boxes, best, j) <= tau]
    return keep


def _nms_per_class(boxes, scores, classes, tau, sort=True, remap=True):
    kept = []
    for c in np.unique(classes):
        members = np.flatnonzero(classes == c)
        local = _nms(boxes[members], scores[members], tau)
        kept += [int(members[k]) if remap else int(k) for k in local]
    return np.array(sorted(kept, key=lambda i: -scores[i]) if sort else kept)


def _ap(tp, n_true, interpolate=True, levels=None):
    hits = np.cumsum(tp)
    recall, precision = hits / n_true, hits / np.arange(1, len(tp) + 1)
    if interpolate:
        precision = np.maximum.accumulate(precision[::-1])[::-1]
    if levels is not None:
        at = np.searchsorted(recall, np.linspace(0, 1, levels), side="left")
        return float(np.mean([precision[k] if k < len(recall) else 0.0 for k in at]))
    return float(np.sum(np.diff(np.concatenate([[0.0], recall])) * precision))


@pytest.mark.parametrize("exercise", ["6.1.1", "6.1.2", "6.1.3"])
def test_unanswered_is_not_an_error(exercise):
    assert exercises.check(exercise, None) is False


@pytest.mark.parametrize("exercise, right", [
    ("6.1.1", _giou),
    ("6.1.2", _nms_per_class),
    ("6.1.2", lambda b, s, c, tau: list(_nms_per_class(b, s, c, tau))),  # a list is fine too
    ("6.1.3", _ap),
])
def test_right_answers_pass(exercise, right):
    assert exercises.check(exercise, right) is True


@pytest.mark.parametrize("exercise, wrong", [
    ("6.1.1", lambda a, b: _giou(a, b, hull_term=False)),  # plain IoU
    ("6.1.1", lambda a, b: _giou(a, b, unclipped=True)),  # intersection not clipped at 0
    ("6.1.1", lambda a, b: _parts(a, b)[0] / _parts(a, b)[2]),  # intersection over hull
    ("6.1.1", 0.5),  # a number, not a function
    ("6.1.2", lambda b, s, c, tau: np.array(_nms(b, s, tau))),  # class-agnostic NMS
    ("6.1.2", lambda b, s, c, tau: _nms_per_class(b, s, c, tau, sort=False)),  # grouped by class
    ("6.1.2", lambda b, s, c, tau: _nms_per_class(b, s, c, tau, remap=False)),  # local indices
    ("6.1.3", lambda tp, n: _ap(tp, n, interpolate=False)),  # no interpolation
    ("6.1.3", lambda tp, n: _ap(tp, n, levels=101)),  # COCO's 101 recall levels
    ("6.1.3", lambda tp, n: _ap(tp, n, levels=11)),  # VOC 2007's 11 recall levels
    ("6.1.3", lambda tp, n: _ap(tp, len(tp))),  # recall over detections, not true boxes
])
def test_wrong_answers_are_rejected(exercise, wrong):
    with pytest.raises(exercises.WrongAnswer):
        exercises.check(exercise, wrong)
