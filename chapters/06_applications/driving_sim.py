"""A seeded 2-D lane-keeping simulator, small enough to read (section 6.7 "Driving by imitation").

A car drives at constant speed along a winding road. Its state is measured relative to the road's
centre line (the Frenet frame): `s` the distance travelled along the road (m), `e` the lateral
offset from the centre (m, positive to the left), `psi` the heading error (rad, the angle between
the car and the road) and `steer` the steering applied at the last step. The action is a steering
command `u`: the curvature (1/m) of the path the car tries to follow, clipped to +-MAX_STEER. Each
step of DT seconds is one Euler step of the kinematics

    s' = v cos(psi) / (1 - kappa(s) e),    e' = v sin(psi),    psi' = v u - kappa(s) s',

with kappa(s) the road's curvature, followed by a random gust (rad) added to the heading. The driver
observes e and psi through a noisy camera (SENSOR_STD), the curvature here and PREVIEW metres ahead,
and its own steering. An episode ends when the car leaves the road (|e| > HALF_WIDTH) or after its
number of steps. Every function is vectorised over a batch of N episodes (one road each), and every
random draw comes from a seeded generator.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

import numpy as np

DT = 0.1  # seconds per step
SPEED = 10.0  # v, m/s (36 km/h)
HALF_WIDTH = 1.5  # m: the episode fails when |e| exceeds it
MAX_STEER = 0.1  # 1/m: the tightest path the car can follow has a 10 m radius
PREVIEW = 15.0  # m: the car also sees the road's curvature this far ahead
SENSOR_STD = (0.15, 0.015)  # standard deviations of the camera's estimates of e (m) and psi (rad)
FEATURES = ("e", "psi", "kappa", "kappa_ahead", "steer")  # the observation, in this order


class Roads:
    """N random roads: kappa(s) = sum_j a_j sin(2 pi s / lambda_j + phi_j), three waves each."""

    def __init__(self, n: int, seed: int) -> None:
        rng = np.random.default_rng(seed)
        self.amplitude = rng.uniform(-0.015, 0.015, size=(n, 3))  # a_j, 1/m
        self.wavelength = rng.uniform(80.0, 250.0, size=(n, 3))  # lambda_j, m
        self.phase = rng.uniform(0.0, 2 * np.pi, size=(n, 3))  # phi_j
        self.n = n

    def curvature(self, s: np.ndarray) -> np.ndarray:
        """kappa at distances s: (N,) -> (N,), or (N, K) -> (N, K) for K points per road."""
        s = np.asarray(s, dtype=float)
        extra = (slice(None),) + (None,) * (s.ndim - 1) + (slice(None),)  # broadcast over s
        waves = self.amplitude[extra] * np.sin(
            2 * np.pi * s[..., None] / self.wavelength[extra] + self.phase[extra]
        )  # (N, ..., 3)
        return waves.sum(axis=-1)


def observe(state: np.ndarray, roads: Roads, noise: np.ndarray) -> np.ndarray:
    """What the driver sees: (N, 4) states (s, e, psi, steer) -> (N, 5) features FEATURES.

    The camera estimates e and psi with errors `noise` (N, 2); the curvature of the road here and
    PREVIEW metres ahead (from a map) and the steering currently applied are known exactly.
    """
    s, e, psi, steer = state.T
    ahead = roads.curvature(s + PREVIEW)
    return np.stack([e + noise[:, 0], psi + noise[:, 1], roads.curvature(s), ahead, steer], axis=1)


def step(state: np.ndarray, u: np.ndarray, roads: Roads, gust: np.ndarray) -> np.ndarray:
    """One Euler step of DT seconds with steering u (N,): (N, 4) -> (N, 4)."""
    s, e, psi, _ = state.T
    u = np.clip(u, -MAX_STEER, MAX_STEER)
    kappa = roads.curvature(s)
    s_dot = SPEED * np.cos(psi) / (1 - kappa * e)
    e_dot = SPEED * np.sin(psi)
    psi_dot = SPEED * u - kappa * s_dot
    return np.stack([s + DT * s_dot, e + DT * e_dot, psi + DT * psi_dot + gust, u], axis=1)


def expert(state: np.ndarray, roads: Roads, k_e: float = 0.0225, k_psi: float = 0.27) -> np.ndarray:
    """The expert steers from the TRUE state: (N, 4) -> (N,), u = kappa(s) - k_e e - k_psi psi.

    Linearised, e'' + v k_psi e' + v^2 k_e e = 0: with v = 10 m/s the default gains give a
    natural frequency of 1.5 rad/s and a damping ratio of 0.9.
    """
    s, e, psi, _ = state.T
    return roads.curvature(s) - k_e * e - k_psi * psi


@dataclass
class Episodes:
    """The record of N episodes of T steps: what was seen, done, and how far each car got."""

    obs: np.ndarray  # (T, N, 5): the observation before each step
    actions: np.ndarray  # (T, N): the steering the driving policy chose
    labels: np.ndarray  # (T, N): the expert's steering in the same true state
    alive: np.ndarray  # (T, N) bool: still on the road before this step
    states: np.ndarray  # (T + 1, N, 4): (s, e, psi, steer) from the start to the end

    @property
    def distance(self) -> np.ndarray:
        """(N,): metres driven along the road before leaving it (or to the end)."""
        return self.states[-1, :, 0]

    @property
    def success(self) -> np.ndarray:
        """(N,) bool: the car stayed on the road for the whole episode."""
        return np.abs(self.states[-1, :, 1]) <= HALF_WIDTH


def run(
    policy: Callable[[np.ndarray], np.ndarray] | None,
    roads: Roads,
    num_steps: int,
    seed: int,
    gust_std: float = 0.01,
) -> Episodes:
    """Drive N episodes, one per road, with `policy` ((N, 5) observations -> (N,) steering).

    policy=None lets the expert drive. Each car starts on the centre line, aligned with its road.
    A car that leaves the road stops there (its state is frozen); `alive` marks the steps before.
    """
    rng = np.random.default_rng(seed)
    state = np.zeros((roads.n, 4))
    alive = np.ones(roads.n, dtype=bool)
    record: dict[str, list[np.ndarray]] = {key: [] for key in ("obs", "actions", "labels", "alive")}
    record["states"] = [state]
    for _ in range(num_steps):
        obs = observe(state, roads, rng.normal(0.0, SENSOR_STD, size=(roads.n, 2)))
        label = expert(state, roads)
        u = label if policy is None else np.asarray(policy(obs), dtype=float).reshape(roads.n)
        gust = rng.normal(0.0, gust_std, size=roads.n)
        new_state = step(state, u, roads, gust)
        state = np.where(alive[:, None], new_state, state)  # frozen once off the road
        for key, value in (("obs", obs), ("actions", u), ("labels", label), ("alive", alive)):
            record[key].append(value)
        record["states"].append(state)
        alive = alive & (np.abs(state[:, 1]) <= HALF_WIDTH)
    return Episodes(**{key: np.stack(values) for key, values in record.items()})


def world_xy(roads: Roads, i: int, s: np.ndarray, e: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Bird's-eye (x, y) in metres of points at distance s and offset e on road i (for plots)."""
    grid = np.linspace(0.0, float(np.max(s)) + 1.0, 4001)  # a fine grid along the road
    kappa = roads.curvature(np.broadcast_to(grid, (roads.n, grid.size)))[i]
    theta = np.concatenate([[0.0], np.cumsum(kappa[:-1] * np.diff(grid))])  # road direction
    x = np.concatenate([[0.0], np.cumsum(np.cos(theta[:-1]) * np.diff(grid))])
    y = np.concatenate([[0.0], np.cumsum(np.sin(theta[:-1]) * np.diff(grid))])
    th = np.interp(s, grid, theta)
    return np.interp(s, grid, x) - e * np.sin(th), np.interp(s, grid, y) + e * np.cos(th)
