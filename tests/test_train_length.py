"""Batched cosine length reward in model tokens (hand-computed values)."""

from __future__ import annotations

import math

import pytest

from healthgym.rewards.length import cosine_length_reward
from healthgym.train.length import cosine_rewards


def test_cosine_rewards_hand_computed_defaults() -> None:
    # defaults: correct 1.0 -> 0.5, wrong -0.5 -> -1.0, truncation -1.0; budget 100 tokens
    got = cosine_rewards(
        correct=[True, True, True, False, False, True, True],
        n_tokens=[0, 25, 50, 0, 50, 100, 25],
        max_tokens=100,
        truncated=[False, False, False, False, False, False, True],
    )
    expected = [
        1.0,
        0.5 + 0.25 * (1 + math.cos(math.pi / 4)),
        0.75,
        -0.5,
        -0.75,
        -1.0,  # at the budget: r_exceed
        -1.0,  # truncated (e.g. by the turn limit): r_exceed whatever its length
    ]
    assert got == pytest.approx(expected, abs=1e-12)


def test_shorter_correct_beats_longer_and_longer_wrong_is_worse() -> None:
    lengths = [1, 10, 40, 80, 99]
    right = cosine_rewards([True] * 5, lengths, 100)
    wrong = cosine_rewards([False] * 5, lengths, 100)
    assert right == sorted(right, reverse=True)
    assert wrong == sorted(wrong, reverse=True)
    assert min(right) > max(wrong)


def test_cosine_rewards_passes_parameters_and_matches_the_scalar_function() -> None:
    params = {"r0_correct": 2.0, "rl_correct": 1.0, "r0_wrong": -10.0, "rl_wrong": 0.0}
    got = cosine_rewards(
        [True, False, False], [30, 30, 7], 64, [False, False, True], **params, r_exceed=-10.0
    )
    assert got[0] == cosine_length_reward(True, 30, 64, **params)
    assert got[1] == cosine_length_reward(False, 30, 64, **params)
    assert got[2] == -10.0
    assert cosine_rewards([], [], 10) == []


def test_cosine_rewards_rejects_bad_input() -> None:
    with pytest.raises(ValueError):
        cosine_rewards([True], [1, 2], 10)
    with pytest.raises(ValueError):
        cosine_rewards([True], [1], 10, truncated=[False, True])
    with pytest.raises(ValueError):
        cosine_rewards([True], [1], 0)
