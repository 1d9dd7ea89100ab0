"""Turn-level truncated reverse-KL distillation loss (hand-computed values)."""

from __future__ import annotations

import pytest

torch = pytest.importorskip("torch")

from healthgym.train.masks import pad_right, turn_positions  # noqa: E402
from healthgym.train.turn_kl import turn_level_kl  # noqa: E402

F64 = torch.float64
E = 7.0  # a value on environment tokens / padding that must never count


def _example():
    """Two trajectories, three assistant turns each, of unequal lengths.

    traj 0: turn 0 = 3 tokens, env token, turn 1 = 1 token, 2 env tokens, turn 2 = 2 tokens, pad
    traj 1: turn 0 = 2 tokens, env token, turn 1 = 3 tokens, env token, turn 2 = 1 token, pad x2
    The student's log-probs are the log-ratios (teacher log-probs are 0).
    """
    d = torch.tensor(
        [
            [0.5, 3.0, 0.9, E, -0.4, E, E, 2.0, 2.0, E],
            [0.2, -2.5, E, 0.6, 0.0, 5.0, E, 1.0, E, E],
        ],
        dtype=F64,
    )
    turn = torch.tensor([[0, 0, 0, -1, 1, -1, -1, 2, 2, -1], [0, 0, -1, 1, 1, 1, -1, 2, -1, -1]])
    pos = torch.tensor([[0, 1, 2, -1, 0, -1, -1, 0, 1, -1], [0, 1, -1, 0, 1, 2, -1, 0, -1, -1]])
    return d, turn, pos


def test_turn_level_kl_hand_computed_with_truncation_and_clipping() -> None:
    d, turn, pos = _example()
    student = d.clone().requires_grad_(True)
    teacher = torch.zeros_like(d, requires_grad=True)
    loss, stats = turn_level_kl(
        student, teacher, turn, pos, max_turns=2, max_tokens_per_turn=2, clip=1.0
    )
    # K = 2 drops turn 2; T = 2 drops the third token of a turn; clip 1 maps 3.0 -> 1.0,
    # -2.5 -> -1.0. traj 0: turn 0 mean(0.5, 1.0) = 0.75, turn 1 mean(-0.4) = -0.4
    # -> 0.175; traj 1: turn 0 mean(0.2, -1.0) = -0.4, turn 1 mean(0.6, 0.0) = 0.3 -> -0.05
    assert float(loss.detach()) == pytest.approx((0.175 - 0.05) / 2, abs=1e-12)
    assert stats["kl_turn_mean"] == pytest.approx(0.0625, abs=1e-12)
    assert stats["kl_per_turn"] == pytest.approx([(0.75 - 0.4) / 2, (-0.4 + 0.3) / 2], abs=1e-12)
    assert stats["kl_tokens"] == 7
    assert stats["kl_turns"] == 4
    loss.backward()
    # score-function gradient: weight 1 / (trajectories * turns * tokens of the turn)
    # times the clipped log-ratio, on counted tokens only
    expected = torch.zeros_like(d)
    expected[0, 0], expected[0, 1], expected[0, 4] = 0.5 / 8, 1.0 / 8, -0.4 / 4
    expected[1, 0], expected[1, 1], expected[1, 3], expected[1, 4] = 0.2 / 8, -1 / 8, 0.6 / 8, 0
    assert torch.allclose(student.grad, expected, atol=1e-12)
    assert teacher.grad is None  # the teacher is detached


def test_pathwise_gradient_is_the_weight_on_unclipped_tokens() -> None:
    d, turn, pos = _example()
    student = d.clone().requires_grad_(True)
    loss, _ = turn_level_kl(
        student,
        torch.zeros_like(d),
        turn,
        pos,
        max_turns=2,
        max_tokens_per_turn=2,
        clip=1.0,
        grad="pathwise",
    )
    assert float(loss.detach()) == pytest.approx(0.0625, abs=1e-12)
    loss.backward()
    expected = torch.zeros_like(d)
    expected[0, 0], expected[0, 4] = 1 / 8, 1 / 4  # (0, 1) is clipped: no gradient
    expected[1, 0], expected[1, 3], expected[1, 4] = 1 / 8, 1 / 8, 1 / 8
    assert torch.allclose(student.grad, expected, atol=1e-12)
    with pytest.raises(ValueError):
        turn_level_kl(student, student, turn, pos, grad="nope")


def test_without_truncation_or_clipping_every_turn_counts() -> None:
    d, turn, pos = _example()
    loss, stats = turn_level_kl(d, torch.zeros_like(d), turn, pos, clip=None)
    traj0 = ((0.5 + 3.0 + 0.9) / 3 - 0.4 + 2.0) / 3
    traj1 = ((0.2 - 2.5) / 2 + (0.6 + 0.0 + 5.0) / 3 + 1.0) / 3
    assert float(loss) == pytest.approx((traj0 + traj1) / 2, abs=1e-12)
    assert stats["kl_tokens"] == 12 and len(stats["kl_per_turn"]) == 3
    # the default clip of 10 changes nothing here
    assert float(turn_level_kl(d, torch.zeros_like(d), turn, pos)[0]) == pytest.approx(
        float(loss), abs=1e-12
    )


def test_each_turn_weighs_the_same_whatever_its_length() -> None:
    # turn 0: one token with log-ratio 1; turn 1: nine tokens with log-ratio 0
    d = torch.tensor([[1.0] + [0.0] * 9])
    turn = torch.tensor([[0] + [1] * 9])
    pos = torch.tensor([[0, *range(9)]])
    loss, _ = turn_level_kl(d, torch.zeros_like(d), turn, pos)
    assert float(loss) == pytest.approx(0.5)  # a token mean would give 0.1
    # making turn 1 longer (same per-token values) leaves the loss unchanged
    d2 = torch.tensor([[1.0] + [0.0] * 30])
    turn2 = torch.tensor([[0] + [1] * 30])
    pos2 = torch.tensor([[0, *range(30)]])
    assert float(turn_level_kl(d2, torch.zeros_like(d2), turn2, pos2)[0]) == pytest.approx(0.5)
    # and each trajectory weighs the same whatever its number of turns
    d3 = torch.tensor([[2.0, 0.0, 0.0], [4.0, -1.0, -1.0]])
    turn3 = torch.tensor([[0, -1, -1], [0, 1, 2]])
    pos3 = torch.tensor([[0, -1, -1], [0, 0, 0]])
    assert float(turn_level_kl(d3, torch.zeros_like(d3), turn3, pos3)[0]) == pytest.approx(
        (2.0 + 2.0 / 3) / 2
    )


def test_nothing_counted_is_a_differentiable_zero() -> None:
    student = torch.zeros(2, 3, requires_grad=True)
    turn = torch.full((2, 3), -1)
    loss, stats = turn_level_kl(student, torch.zeros(2, 3), turn, turn)
    assert float(loss.detach()) == 0.0
    loss.backward()
    assert float(student.grad.abs().sum()) == 0.0
    assert stats == {"kl_turn_mean": 0.0, "kl_per_turn": [], "kl_tokens": 0, "kl_turns": 0}
    d, turn, pos = _example()
    loss, stats = turn_level_kl(d, torch.zeros_like(d), turn, pos, max_turns=0)
    assert float(loss) == 0.0 and stats["kl_tokens"] == 0


def test_from_token_trajectories_end_to_end() -> None:
    envs = [[1, 1, 0, 1], [1, 0, 0, 1, 1, 1]]
    spans = [[(0, 2), (3, 4)], [(0, 1), (3, 6)]]
    positions = [turn_positions(m, s) for m, s in zip(envs, spans, strict=True)]
    turn = pad_right([p[0] for p in positions], pad=-1)
    pos = pad_right([p[1] for p in positions], pad=-1)
    student = pad_right([[-1.0, -2.0, 0.0, -1.0], [-0.5, 0.0, 0.0, -1.0, -1.0, -1.0]], 0.0)
    teacher = pad_right([[-1.5, -1.0, -9.0, -2.0], [-0.5, -9.0, -9.0, -1.0, -2.0, -3.0]], 0.0)
    loss, stats = turn_level_kl(student, teacher, turn, pos)
    # traj 0: turn 0 mean(0.5, -1.0) = -0.25, turn 1: 1.0 -> 0.375
    # traj 1: turn 0: 0.0, turn 1 mean(0, 1, 2) = 1.0 -> 0.5
    assert float(loss) == pytest.approx((0.375 + 0.5) / 2)
    assert stats["kl_per_turn"] == pytest.approx([-0.125, 1.0])


def test_shape_errors() -> None:
    x = torch.zeros(2, 3)
    with pytest.raises(ValueError):
        turn_level_kl(x, torch.zeros(2, 4), x.long(), x.long())
    with pytest.raises(ValueError):
        turn_level_kl(x[0], x[0], x[0].long(), x[0].long())


def test_score_gradient_is_exactly_the_reverse_kl_gradient_in_expectation() -> None:
    # one-token turns from a categorical student: averaging the per-sample gradient over
    # every token y weighted by pi_S(y) gives grad KL(pi_S || pi_T) for grad="score" and
    # zero for grad="pathwise"
    theta = torch.tensor([0.3, -1.2, 0.8, 0.1], dtype=F64, requires_grad=True)
    teacher = torch.log_softmax(torch.tensor([1.0, 0.0, -0.5, 0.2], dtype=F64), -1)
    one = torch.zeros(1, 1, dtype=torch.long)
    grads = {}
    for mode in ("score", "pathwise"):
        theta.grad = None
        logp = torch.log_softmax(theta, -1)
        total = 0.0
        for y in range(4):
            loss, _ = turn_level_kl(
                logp[y].reshape(1, 1), teacher[y].reshape(1, 1), one, one, clip=None, grad=mode
            )
            total = total + logp[y].exp().detach() * loss
        total.backward()
        grads[mode] = theta.grad.clone()
    theta.grad = None
    p = torch.softmax(theta, -1)
    (p * (p.log() - teacher)).sum().backward()
    assert torch.allclose(grads["score"], theta.grad, atol=1e-12)
    assert torch.allclose(grads["pathwise"], torch.zeros(4, dtype=F64), atol=1e-12)
