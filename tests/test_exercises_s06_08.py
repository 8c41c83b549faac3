"""The checks of section 6.8's exercises accept right answers and reject plausible wrong ones."""

import numpy as np
import pytest

from helpers import exercises


def _ig(grad_f, x, baseline, steps, rule="right", scale=True, average=True):
    k = {"right": np.arange(1, steps + 1), "left": np.arange(steps), "middle": np.arange(steps) + 0.5}
    points = baseline + (k[rule] / steps)[:, None] * (x - baseline)
    g = grad_f(points)
    g = g.mean(axis=0) if average else g.sum(axis=0)
    return (x - baseline) * g if scale else g


def _ig_torch_style(grad_f, x, baseline, steps):
    alphas = np.linspace(1 / steps, 1, steps)  # Captum's riemann_right points
    total = sum(grad_f((baseline + a * (x - baseline))[None])[0] for a in alphas)  # one point a time
    return (x - baseline) * total / steps


def _thresholds(p, y, group, target, common=False, fpr_over_all=False, ge=False):
    out = {}
    for g in (0, 1):
        rows = (group >= 0) if common else (group == g)
        for t in np.concatenate([[-np.inf], np.unique(p[rows])]):
            decision = p[rows] >= t if ge else p[rows] > t
            negatives = np.ones(rows.sum(), bool) if fpr_over_all else y[rows] == 0
            if decision[negatives].mean() <= target:
                out[g] = float(t)
                break
    return out


def _dp(G, clip, sigma, z, per_coordinate=False, clip_mean=False, noise_times_clip=True, eps=0.0):
    if clip_mean:
        mean = G.mean(axis=0)
        summed = mean * min(1.0, clip / np.linalg.norm(mean)) * len(G)
    elif per_coordinate:
        summed = np.clip(G, -clip, clip).sum(axis=0)
    else:
        factor = np.minimum(1.0, clip / (np.linalg.norm(G, axis=1) + eps))
        summed = (factor[:, None] * G).sum(axis=0)
    return (summed + sigma * (clip if noise_times_clip else 1.0) * z) / len(G)


@pytest.mark.parametrize("exercise", ["6.8.1", "6.8.2", "6.8.3"])
def test_unanswered_is_not_an_error(exercise):
    assert exercises.check(exercise, None) is False


@pytest.mark.parametrize("exercise, right", [
    ("6.8.1", _ig),
    ("6.8.1", _ig_torch_style),
    ("6.8.2", _thresholds),
    ("6.8.2", lambda p, y, g, t: {np.int64(k): v for k, v in _thresholds(p, y, g, t).items()}),
    ("6.8.3", _dp),
    ("6.8.3", lambda G, c, s, z: _dp(G, c, s, z, eps=1e-6)),  # Opacus' guard against 0/0
])
def test_right_answers_pass(exercise, right):
    assert exercises.check(exercise, right) is True


@pytest.mark.parametrize("exercise, wrong", [
    ("6.8.1", lambda *a: _ig(*a, rule="left")),
    ("6.8.1", lambda *a: _ig(*a, rule="middle")),
    ("6.8.1", lambda *a: _ig(*a, scale=False)),
    ("6.8.1", lambda *a: _ig(*a, average=False)),
    ("6.8.1", lambda grad_f, x, b, m: (x - b) * grad_f(x[None])[0]),  # gradient times input
    ("6.8.1", lambda *a: _ig(*a).tolist()[:3]),
    ("6.8.2", lambda *a: _thresholds(*a, common=True)),
    ("6.8.2", lambda *a: _thresholds(*a, fpr_over_all=True)),
    ("6.8.2", lambda *a: _thresholds(*a, ge=True)),
    ("6.8.2", lambda p, y, g, t: {0: 0.5, 1: 0.5}),
    ("6.8.2", lambda p, y, g, t: [0.5, 0.5]),
    ("6.8.3", lambda *a: _dp(*a, per_coordinate=True)),
    ("6.8.3", lambda *a: _dp(*a, clip_mean=True)),
    ("6.8.3", lambda *a: _dp(*a, noise_times_clip=False)),
    ("6.8.3", lambda G, c, s, z: _dp(G, c, s, z) * len(G)),
    ("6.8.3", lambda G, c, s, z: G.mean(axis=0) + s * c * z / len(G)),  # no clipping
])
def test_wrong_answers_are_rejected(exercise, wrong):
    with pytest.raises(exercises.WrongAnswer):
        exercises.check(exercise, wrong)
