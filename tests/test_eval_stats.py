"""Accuracy and the percentile bootstrap interval (Efron & Tibshirani 1993)."""

from __future__ import annotations

import math

import numpy as np
import pytest

from healthgym.eval import stats
from healthgym.eval.stats import accuracy_ci, bootstrap_ci, bootstrap_means, percentile_interval


def test_percentile_ranks_are_b_alpha_and_b_one_minus_alpha():
    # replications 1..B: the interval ends are the (B*0.025)-th and (B*0.975)-th values
    assert percentile_interval(np.arange(1, 2001)) == (50.0, 1950.0)
    assert percentile_interval(np.arange(1, 1001)) == (25.0, 975.0)
    # shuffled input: the ranks are of the ordered replications
    rng = np.random.default_rng(3)
    assert percentile_interval(rng.permutation(np.arange(1, 1001))) == (25.0, 975.0)
    # B*alpha below 1 rounds out to the extremes
    assert percentile_interval(np.arange(1, 11)) == (1.0, 10.0)
    assert percentile_interval(np.arange(1, 101), level=0.9) == (5.0, 95.0)


def test_bootstrap_equals_the_textbook_procedure_exactly():
    values = (np.arange(3000) % 7 == 0).astype(float)  # 429 of 3000
    b, seed = 1000, 11
    rng = np.random.default_rng(seed)
    idx = rng.integers(0, values.size, size=(b, values.size))  # one draw of all resamples
    expected = np.sort(values[idx].mean(axis=1))
    est = bootstrap_ci(values, resamples=b, seed=seed)
    assert est.n == 3000
    assert est.mean == 429 / 3000
    assert (est.lo, est.hi) == (expected[24], expected[974])


def test_blocks_do_not_change_the_draws(monkeypatch):
    values = np.linspace(0.0, 1.0, 50)
    whole = bootstrap_means(values, resamples=300, seed=5)
    monkeypatch.setattr(stats, "_BLOCK_CELLS", 50 * 7)  # blocks of 7 resamples
    assert np.array_equal(bootstrap_means(values, resamples=300, seed=5), whole)


def test_same_seed_same_interval_and_seed_matters():
    correct = [i % 3 == 0 for i in range(200)]
    a = accuracy_ci(correct, seed=1)
    assert a == accuracy_ci(correct, seed=1)
    assert a.mean == 67 / 200
    assert accuracy_ci(correct, seed=2) != a  # another stream, another interval
    assert a.lo < a.mean < a.hi


def test_two_values_cover_the_whole_range():
    # resample means of [0, 1] are 0, 0.5, 1 with probabilities 1/4, 1/2, 1/4
    est = accuracy_ci([False, True])
    assert (est.mean, est.lo, est.hi) == (0.5, 0.0, 1.0)


def test_interval_width_matches_the_binomial_standard_error():
    est = accuracy_ci([True] * 200 + [False] * 200, resamples=4000, seed=0)
    half = 1.96 * math.sqrt(0.25 / 400)  # 0.049
    assert abs((est.hi - est.lo) / 2 - half) < 0.006
    assert abs((est.hi + est.lo) / 2 - 0.5) < 0.006


def test_degenerate_cases():
    empty = accuracy_ci([])
    assert empty.n == 0 and math.isnan(empty.mean) and math.isnan(empty.lo)
    assert accuracy_ci([True] * 9).ci == [1.0, 1.0]
    assert accuracy_ci([False] * 9).ci == [0.0, 0.0]
    one = accuracy_ci([True])
    assert (one.n, one.mean, one.lo, one.hi) == (1, 1.0, 1.0, 1.0)
    partial = bootstrap_ci([0.25, 0.25, 0.25])
    assert partial.ci == [0.25, 0.25]


def test_bad_arguments():
    with pytest.raises(ValueError):
        percentile_interval(np.arange(10), level=1.0)
    with pytest.raises(ValueError):
        bootstrap_means([], resamples=10)
    with pytest.raises(ValueError):
        bootstrap_means([1.0], resamples=0)
