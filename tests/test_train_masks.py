"""Per-token turn bookkeeping and padding."""

from __future__ import annotations

import pytest

torch = pytest.importorskip("torch")

from healthgym.agents.tokens import TokenTrajectory  # noqa: E402
from healthgym.train.masks import pad_right, turn_positions  # noqa: E402


def test_turn_positions_hand_computed() -> None:
    env_mask = [1, 1, 0, 0, 1, 1, 1, 0, 1]
    spans = [(0, 2), (4, 7), (8, 9)]
    turn, pos = turn_positions(env_mask, spans)
    assert turn == [0, 0, -1, -1, 1, 1, 1, -1, 2]
    assert pos == [0, 1, -1, -1, 0, 1, 2, -1, 0]


def test_turn_positions_of_a_real_token_trajectory() -> None:
    traj = TokenTrajectory(prompt_ids=[1, 2, 3])
    traj.add_generation([10, 11, 12], [-0.1, -0.2, -0.3])
    traj.add_environment([50, 51])
    traj.add_generation([], [])  # an empty turn still counts as a turn
    traj.add_environment([52])
    traj.add_generation([13, 14], [-0.4, -0.5])
    turn, pos = turn_positions(traj.env_mask, traj.turn_spans)
    assert turn == [0, 0, 0, -1, -1, -1, 2, 2]
    assert pos == [0, 1, 2, -1, -1, -1, 0, 1]
    assert [t >= 0 for t in turn] == [bool(m) for m in traj.env_mask]


def test_turn_positions_policy_tokens_outside_spans_and_bad_spans() -> None:
    turn, pos = turn_positions([1, 1, 0, 1], [(0, 1)])
    assert turn == [0, -1, -1, -1] and pos == [0, -1, -1, -1]
    assert turn_positions([], []) == ([], [])
    for spans in ([(0, 5)], [(2, 1)], [(0, 2), (1, 3)], [(-1, 2)]):
        with pytest.raises(ValueError):
            turn_positions([1, 1, 1, 1], spans)


def test_pad_right() -> None:
    ids = pad_right([[1, 2, 3], [4], []], pad=0)
    assert ids.dtype == torch.long
    assert ids.tolist() == [[1, 2, 3], [4, 0, 0], [0, 0, 0]]
    lp = pad_right([[-0.5], [-1.0, -2.0]], pad=0.0)
    assert lp.dtype == torch.float32
    assert lp.tolist() == [[-0.5, 0.0], [-1.0, -2.0]]
    assert pad_right([[1], [2, 3]], pad=-1).tolist() == [[1, -1], [2, 3]]
    assert pad_right([[1, 0]], pad=0, dtype=torch.bool).dtype == torch.bool
    assert pad_right([], pad=0).shape == (0, 0)
