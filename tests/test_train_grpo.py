"""GRPO core: advantages, clipped loss, aggregation, KL estimators (hand-computed values)."""

from __future__ import annotations

import math

import pytest

torch = pytest.importorskip("torch")

from healthgym.train.grpo import (  # noqa: E402
    aggregate,
    group_advantages,
    kl_estimate,
    ppo_clip_loss,
)

F64 = torch.float64


def close(a, b, tol: float = 1e-9) -> bool:
    return torch.allclose(torch.as_tensor(a, dtype=F64), torch.as_tensor(b, dtype=F64), atol=tol)


# ---------------------------------------------------------------- advantages


def test_group_advantages_hand_computed() -> None:
    rewards = torch.tensor([1.0, 0.0, 0.0, 1.0, 2.0, 5.0], dtype=F64)
    groups = [0, 0, 0, 1, 1, 2]
    # group 0: mean 1/3, sample std sqrt(1/3); group 1: mean 1.5, sample std sqrt(0.5);
    # group 2 is a singleton: no baseline, advantage 0
    s0, s1 = math.sqrt(1 / 3), math.sqrt(0.5)
    expected = [(2 / 3) / s0, (-1 / 3) / s0, (-1 / 3) / s0, -0.5 / s1, 0.5 / s1, 0.0]
    adv = group_advantages(rewards, groups, eps=0.0)
    assert adv.dtype == F64
    assert close(adv, expected)
    # Dr. GRPO: no division by the standard deviation
    assert close(
        group_advantages(rewards, groups, normalize_std=False),
        [2 / 3, -1 / 3, -1 / 3, -0.5, 0.5, 0],
    )
    # population std (ddof 0): group 1 has std 0.5
    adv_b = group_advantages(rewards, groups, eps=0.0, unbiased=False)
    assert close(adv_b[3:5], [-1.0, 1.0])
    # eps enters the denominator
    assert close(group_advantages(rewards, groups, eps=0.5)[3], -0.5 / (s1 + 0.5))


def test_group_advantages_groups_need_not_be_contiguous_and_ids_are_labels() -> None:
    rewards = torch.tensor([2.0, 7.0, 0.0, 7.0, 4.0])
    adv = group_advantages(rewards, torch.tensor([9, 3, 9, 3, 9]), eps=0.0)
    # group 9: [2, 0, 4], mean 2, sample std 2; group 3: [7, 7], all equal -> 0
    assert close(adv, [0.0, 0.0, -1.0, 0.0, 1.0], 1e-6)
    assert adv.dtype == torch.float32


def test_group_advantages_equal_rewards_are_exactly_zero_even_with_rounding() -> None:
    # 0.1 * 3 / 3 != 0.1 in floating point: the equal-reward group must still give 0
    adv = group_advantages(torch.tensor([0.1, 0.1, 0.1], dtype=F64), [0, 0, 0], eps=0.0)
    assert adv.tolist() == [0.0, 0.0, 0.0]
    assert group_advantages(torch.tensor([3.0]), [0]).tolist() == [0.0]
    assert group_advantages(torch.zeros(0), []).shape == (0,)
    # integer rewards are accepted
    assert close(group_advantages(torch.tensor([0, 1]), [0, 0], eps=0.0), [-1 / 2**0.5, 1 / 2**0.5])


def test_group_advantages_accepts_task_ids_as_labels() -> None:
    rewards = torch.tensor([1.0, 0.0, 3.0, 1.0])
    by_label = group_advantages(rewards, ["qa-1", "dx-2", "qa-1", "dx-2"], eps=0.0)
    by_int = group_advantages(rewards, [0, 1, 0, 1], eps=0.0)
    assert torch.equal(by_label, by_int)
    assert close(by_label, [-(2**-0.5), -(2**-0.5), 2**-0.5, 2**-0.5], 1e-6)


def test_ppo_clip_loss_accepts_per_token_advantages() -> None:
    logp, old, adv, mask = _ppo_example()
    per_token = adv.reshape(2, 1).expand(2, 3).clone()
    a, _ = ppo_clip_loss(logp, old, adv, mask, clip_high=0.28)
    b, _ = ppo_clip_loss(logp, old, per_token, mask, clip_high=0.28)
    assert close(a, b)


def test_group_advantages_rejects_mismatched_group_ids() -> None:
    with pytest.raises(ValueError):
        group_advantages(torch.tensor([1.0, 2.0]), [0])


# ---------------------------------------------------------------- clipped loss


def _ppo_example():
    # traj 0: A = +1, ratios 1.1, 1.5, 0.5, all policy tokens
    # traj 1: A = -2, ratios 0.7, 1.3, 2.0, the last one an environment token
    ratios = torch.tensor([[1.1, 1.5, 0.5], [0.7, 1.3, 2.0]], dtype=F64)
    logp = ratios.log().requires_grad_(True)
    old = torch.zeros(2, 3, dtype=F64)
    adv = torch.tensor([1.0, -2.0], dtype=F64)
    mask = torch.tensor([[1, 1, 1], [1, 1, 0]])
    return logp, old, adv, mask


def test_ppo_clip_loss_hand_computed_with_clip_higher() -> None:
    logp, old, adv, mask = _ppo_example()
    # clip range [0.8, 1.28]. Per token -min(rA, clip(r)A):
    # traj 0 (A=+1): -1.1, -1.28 (clipped), -0.5 (0.5 < 0.8 but A > 0: unclipped branch)
    # traj 1 (A=-2): +1.6 (0.7 -> 0.8 clipped), +2.6 (1.3 < 1.28? no: r*A=-2.6 < -2.56)
    loss, stats = ppo_clip_loss(logp, old, adv, mask, clip_low=0.2, clip_high=0.28)
    assert close(loss, (-1.1 - 1.28 - 0.5 + 1.6 + 2.6) / 5)
    assert stats["clip_fraction"] == pytest.approx(2 / 5)
    assert stats["ratio_mean"] == pytest.approx((1.1 + 1.5 + 0.5 + 0.7 + 1.3) / 5)
    assert set(stats) >= {"clip_fraction", "ratio_mean"}
    loss.backward()
    # d/dlogp of -r*A = -r*A on unclipped policy tokens, 0 on clipped and masked ones
    assert close(logp.grad, [[-1.1 / 5, 0.0, -0.5 / 5], [0.0, 2.6 / 5, 0.0]])


@pytest.mark.parametrize(
    ("mode", "expected"),
    [
        ("token_mean", (-2.88 + 4.2) / 5),
        ("seq_mean_token_mean", (-2.88 / 3 + 4.2 / 2) / 2),
        ("seq_mean_token_sum", (-2.88 + 4.2) / 2),
    ],
)
def test_ppo_clip_loss_aggregations(mode: str, expected: float) -> None:
    logp, old, adv, mask = _ppo_example()
    loss, _ = ppo_clip_loss(logp, old, adv, mask, clip_high=0.28, aggregation=mode)
    assert close(loss, expected)


def test_ppo_clip_loss_ignores_environment_tokens_entirely() -> None:
    logp, old, adv, mask = _ppo_example()
    loss_a, _ = ppo_clip_loss(logp, old, adv, mask)
    logp_b = logp.detach().clone()
    logp_b[1, 2] = 50.0  # an absurd value on the masked environment token
    loss_b, _ = ppo_clip_loss(logp_b, old, adv, mask)
    assert close(loss_a, loss_b)


def test_ppo_clip_loss_on_policy_equals_minus_mean_advantage() -> None:
    logp = torch.randn(3, 4, dtype=F64)
    adv = torch.tensor([0.5, -1.0, 2.0], dtype=F64)
    mask = torch.tensor([[1, 1, 0, 0], [1, 1, 1, 1], [1, 0, 0, 0]])
    loss, stats = ppo_clip_loss(logp, logp.clone(), adv, mask)
    assert close(loss, -(0.5 * 2 - 1.0 * 4 + 2.0 * 1) / 7)
    assert stats["clip_fraction"] == 0.0
    assert stats["ratio_mean"] == pytest.approx(1.0)


def test_ppo_clip_loss_with_no_policy_token_is_zero_and_differentiable() -> None:
    logp = torch.zeros(2, 3, requires_grad=True)
    loss, stats = ppo_clip_loss(logp, torch.zeros(2, 3), torch.ones(2), torch.zeros(2, 3))
    assert float(loss.detach()) == 0.0
    loss.backward()
    assert logp.grad is not None and float(logp.grad.abs().sum()) == 0.0
    assert stats["clip_fraction"] == 0.0


def test_ppo_clip_loss_stays_finite_for_a_stale_token() -> None:
    logp = torch.tensor([[100.0, 0.0]], requires_grad=True)
    loss, _ = ppo_clip_loss(logp, torch.zeros(1, 2), torch.tensor([-1.0]), torch.ones(1, 2))
    assert bool(torch.isfinite(loss))
    loss.backward()
    assert bool(torch.isfinite(logp.grad).all())


def test_aggregate_skips_empty_trajectories_and_rejects_bad_input() -> None:
    values = torch.tensor([[1.0, 3.0], [5.0, 7.0], [9.0, 9.0]])
    mask = torch.tensor([[1, 1], [1, 0], [0, 0]])
    assert float(aggregate(values, mask, "token_mean")) == pytest.approx(3.0)
    assert float(aggregate(values, mask, "seq_mean_token_mean")) == pytest.approx(3.5)
    assert float(aggregate(values, mask, "seq_mean_token_sum")) == pytest.approx(4.5)
    with pytest.raises(ValueError):
        aggregate(values, mask, "nope")
    with pytest.raises(ValueError):
        aggregate(values, mask[:, :1], "token_mean")


# ---------------------------------------------------------------- KL estimators


def test_kl_estimators_hand_computed_with_gradients() -> None:
    logp = torch.tensor([math.log(0.5)], dtype=F64, requires_grad=True)
    ref = torch.tensor([math.log(0.25)], dtype=F64)
    l2 = math.log(2.0)
    # (value, d value / d logp) with log-ratio log 2 and r = ref - logp = -log 2
    cases = {
        "k1": (l2, 1.0),
        "k2": (0.5 * l2**2, l2),
        "k3": (0.5 - 1.0 + l2, 1.0 - 0.5),
        "low_var_kl": (0.5 - 1.0 + l2, 1.0 - 0.5),
    }
    for name, (value, grad) in cases.items():
        logp.grad = None
        est = kl_estimate(logp, ref, name)
        est.sum().backward()
        assert close(est, [value]), name
        assert close(logp.grad, [grad]), name
    with pytest.raises(ValueError):
        kl_estimate(logp, ref, "k4")


def test_k1_and_k3_are_unbiased_for_the_exact_kl() -> None:
    p = torch.tensor([0.5, 0.3, 0.2], dtype=F64)
    q = torch.tensor([0.2, 0.2, 0.6], dtype=F64)
    kl = float((p * (p / q).log()).sum())
    for name in ("k1", "k3"):
        expectation = float((p * kl_estimate(p.log(), q.log(), name)).sum())
        assert expectation == pytest.approx(kl, abs=1e-12), name
    assert bool((kl_estimate(p.log(), q.log(), "k3") >= 0).all())


def test_low_var_kl_is_clamped_and_finite() -> None:
    logp = torch.tensor([0.0, -30.0, 0.0, -1000.0], requires_grad=True)
    ref = torch.tensor([30.0, 0.0, -50.0, 0.0])
    est = kl_estimate(logp, ref, "low_var_kl")
    assert est.tolist() == [10.0, 10.0, 10.0, 10.0]
    est.sum().backward()
    assert bool(torch.isfinite(logp.grad).all())
