"""Accuracy with a 95% percentile bootstrap interval.

The percentile interval of Efron & Tibshirani (*An Introduction to the Bootstrap*,
Chapman & Hall 1993, ch. 13): draw ``B`` resamples of the ``n`` per-item values with
replacement, compute the mean of each, and take the ``B*alpha``-th and
``B*(1-alpha)``-th values of the ordered replications as the interval's ends (for
``B = 2000`` and a 95% interval: the 50th and the 1950th). The resamples come from
``numpy.random.default_rng(seed)`` in blocks of rows, so the same values and seed give
the same interval on every machine, whatever the block size.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

DEFAULT_RESAMPLES = 2000
DEFAULT_SEED = 0
_BLOCK_CELLS = 2_000_000  # resampled values drawn at once (bounds memory)


@dataclass(frozen=True)
class Estimate:
    """A mean over ``n`` items and its percentile bootstrap interval ``[lo, hi]``."""

    n: int
    mean: float
    lo: float
    hi: float

    @property
    def ci(self) -> list[float]:
        return [self.lo, self.hi]


def bootstrap_means(
    values: Sequence[float] | np.ndarray, resamples: int = DEFAULT_RESAMPLES, seed: int = 0
) -> np.ndarray:
    """The means of ``resamples`` bootstrap resamples of ``values`` (in draw order)."""
    x = np.asarray(values, dtype=np.float64)
    n = x.size
    if n == 0:
        raise ValueError("no values to resample")
    if resamples < 1:
        raise ValueError("resamples must be at least 1")
    rng = np.random.default_rng(seed)
    rows = max(1, _BLOCK_CELLS // n)
    means = np.empty(resamples, dtype=np.float64)
    for start in range(0, resamples, rows):
        stop = min(resamples, start + rows)
        idx = rng.integers(0, n, size=(stop - start, n))
        means[start:stop] = x[idx].mean(axis=1)
    return means


def percentile_interval(replications: np.ndarray, level: float = 0.95) -> tuple[float, float]:
    """Efron & Tibshirani's percentile interval: the ``B*alpha``-th and
    ``B*(1-alpha)``-th ordered replications (1-based, rounded outward)."""
    if not 0.0 < level < 1.0:
        raise ValueError("level must be in (0, 1)")
    ordered = np.sort(np.asarray(replications, dtype=np.float64))
    b = ordered.size
    alpha = (1.0 - level) / 2.0
    lo_rank = max(1, math.floor(b * alpha + 1e-9))
    hi_rank = min(b, math.ceil(b * (1.0 - alpha) - 1e-9))
    return float(ordered[lo_rank - 1]), float(ordered[hi_rank - 1])


def bootstrap_ci(
    values: Sequence[float] | np.ndarray,
    resamples: int = DEFAULT_RESAMPLES,
    level: float = 0.95,
    seed: int = DEFAULT_SEED,
) -> Estimate:
    """Mean of ``values`` with its percentile bootstrap interval.

    No values: mean and interval are NaN (nothing was measured). Constant values: the
    interval is that constant (every resample has the same mean).
    """
    x = np.asarray(values, dtype=np.float64)
    if x.size == 0:
        nan = float("nan")
        return Estimate(0, nan, nan, nan)
    mean = float(x.mean())
    if np.all(x == x[0]):
        return Estimate(int(x.size), mean, mean, mean)
    lo, hi = percentile_interval(bootstrap_means(x, resamples, seed), level)
    return Estimate(int(x.size), mean, lo, hi)


def accuracy_ci(
    correct: Sequence[bool] | Sequence[int],
    resamples: int = DEFAULT_RESAMPLES,
    level: float = 0.95,
    seed: int = DEFAULT_SEED,
) -> Estimate:
    """Accuracy (share of ``True``) with its percentile bootstrap interval."""
    return bootstrap_ci([1.0 if c else 0.0 for c in correct], resamples, level, seed)
