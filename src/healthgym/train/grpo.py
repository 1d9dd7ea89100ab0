"""GRPO: group-normalised advantages, the PPO clipped token loss, KL estimators.

References:

- Shao Z. et al. "DeepSeekMath: Pushing the Limits of Mathematical Reasoning in Open
  Language Models", arXiv:2402.03300 (2024): Group Relative Policy Optimization, the
  advantage of each of the G responses to one prompt is its reward normalised by the
  group's mean and standard deviation.
- Liu Z. et al. "Understanding R1-Zero-Like Training: A Critical Perspective" (Dr. GRPO),
  arXiv:2503.20783 (2025): dividing by the group's standard deviation biases the update
  towards too easy / too hard questions; ``normalize_std=False`` drops it.
- Schulman J. et al. "Proximal Policy Optimization Algorithms", arXiv:1707.06347 (2017):
  the clipped surrogate objective.
- Yu Q. et al. "DAPO: An Open-Source LLM Reinforcement Learning System at Scale",
  arXiv:2503.14476 (2025): decoupled (asymmetric) clip range "clip-higher" and the
  token-level loss aggregation.
- Schulman J. "Approximating KL Divergence" (2020), http://joschu.net/blog/kl-approx.html:
  the k1, k2 and k3 estimators of KL(pi || ref) from samples of pi.

Shapes: ``B`` trajectories, ``T`` padded completion tokens. ``mask`` is 1 on the tokens
the policy sampled and 0 on every token the environment inserted (tool results, hints,
chat-template text) and on padding; only masked tokens ever reach a loss.
"""

from __future__ import annotations

from collections.abc import Hashable, Sequence

import torch
from torch import Tensor

MAX_LOG_RATIO = 20.0  # |log ratio| is clamped before exp() so a stale token cannot overflow
AGGREGATIONS = ("token_mean", "seq_mean_token_mean", "seq_mean_token_sum")
KL_ESTIMATORS = ("k1", "k2", "k3", "low_var_kl")


def _group_index(group_ids: Tensor | Sequence[Hashable], n: int, device: torch.device) -> Tensor:
    if not isinstance(group_ids, Tensor):  # any hashable labels, e.g. task ids
        codes: dict[Hashable, int] = {}
        group_ids = [codes.setdefault(g, len(codes)) for g in group_ids]
    ids = torch.as_tensor(group_ids, device=device).reshape(-1)
    if ids.numel() != n:
        raise ValueError(f"{ids.numel()} group ids for {n} rewards")
    return torch.unique(ids, return_inverse=True)[1]


def group_advantages(
    rewards: Tensor,
    group_ids: Tensor | Sequence[Hashable],
    *,
    normalize_std: bool = True,
    eps: float = 1e-6,
    unbiased: bool = True,
) -> Tensor:
    """GRPO advantages: ``(r_i - mean_g) / (std_g + eps)`` within each group ``g``.

    ``group_ids[i]`` names the group (the task / prompt) of trajectory ``i``: ints or any
    hashable labels such as task ids; groups need not be contiguous.
    ``normalize_std=False`` gives Dr. GRPO's ``r_i - mean_g``. The standard deviation is
    the sample one (``unbiased=True``, ``ddof=1``, as ``torch.std``) by default. A group
    of one trajectory has no baseline and gets advantage 0; a group whose rewards are all
    equal gets exactly 0 as well. Returns a float tensor of shape ``[B]`` without gradient.
    """
    r = torch.as_tensor(rewards).detach().reshape(-1).to(torch.float64)
    n = r.numel()
    if n == 0:
        return torch.zeros(0, dtype=torch.float32)
    inv = _group_index(group_ids, n, r.device)
    n_groups = int(inv.max()) + 1
    count = torch.zeros(n_groups, dtype=r.dtype, device=r.device).index_add_(
        0, inv, torch.ones_like(r)
    )
    mean = torch.zeros_like(count).index_add_(0, inv, r) / count
    centred = r - mean[inv]
    if normalize_std:
        sq = torch.zeros_like(count).index_add_(0, inv, centred**2)
        denom = (count - 1.0) if unbiased else count
        std = torch.sqrt(sq / denom.clamp(min=1.0))
        centred = centred / (std[inv] + eps)
    # exactly 0 for singletons and for groups of equal rewards (no rounding residue)
    high = torch.full_like(count, -torch.inf).scatter_reduce_(0, inv, r, "amax")
    low = torch.full_like(count, torch.inf).scatter_reduce_(0, inv, r, "amin")
    informative = (count > 1) & (high > low)
    centred = torch.where(informative[inv], centred, torch.zeros_like(centred))
    floating = isinstance(rewards, Tensor) and rewards.is_floating_point()
    return centred.to(rewards.dtype if floating else torch.float32)


def aggregate(values: Tensor, mask: Tensor, mode: str = "token_mean") -> Tensor:
    """Reduce per-token ``values[B, T]`` over the tokens where ``mask`` is 1 to a scalar.

    - ``"token_mean"``: sum over all masked tokens of the batch / their number (every
      policy token of the batch weighs the same; DAPO's token-level loss);
    - ``"seq_mean_token_mean"``: mean over each trajectory's masked tokens, then mean
      over the trajectories (the original GRPO objective: each trajectory weighs the same);
    - ``"seq_mean_token_sum"``: sum over each trajectory's masked tokens, then mean over
      the trajectories.

    Trajectories without any masked token are left out of the sequence means. With no
    masked token at all the result is a zero that still belongs to the autograd graph.
    """
    if mode not in AGGREGATIONS:
        raise ValueError(f"unknown aggregation {mode!r}; choose one of {AGGREGATIONS}")
    if values.shape != mask.shape:
        raise ValueError(f"values {tuple(values.shape)} and mask {tuple(mask.shape)} differ")
    m = mask.to(values.dtype)
    masked = values * m
    if values.dim() < 2 or mode == "token_mean":
        return masked.sum() / m.sum().clamp(min=1.0)
    per_seq = masked.sum(dim=-1)
    n_tok = m.sum(dim=-1)
    if mode == "seq_mean_token_mean":
        per_seq = per_seq / n_tok.clamp(min=1.0)
    has = (n_tok > 0).to(values.dtype)
    return (per_seq * has).sum() / has.sum().clamp(min=1.0)


def ppo_clip_loss(
    logp: Tensor,
    old_logp: Tensor,
    advantages: Tensor,
    mask: Tensor,
    *,
    clip_low: float = 0.2,
    clip_high: float = 0.2,
    aggregation: str = "token_mean",
) -> tuple[Tensor, dict[str, float]]:
    """The PPO clipped surrogate loss on policy tokens (to minimise).

    Per token: ``ratio = exp(logp - old_logp)``, ``A`` the trajectory's advantage
    (``advantages[B]``; a per-token ``[B, T]`` tensor is accepted as well),
    ``loss = -min(ratio * A, clip(ratio, 1 - clip_low, 1 + clip_high) * A)``, reduced by
    :func:`aggregate` over the tokens where ``mask`` is 1. ``clip_high > clip_low`` is
    DAPO's clip-higher. The log-ratio is clamped to [-20, 20] before ``exp`` (only a
    numerical guard: no realistic token reaches it). Gradients flow through ``logp`` only.

    Stats (floats): ``clip_fraction`` the share of policy tokens on which the clipped
    branch is the active one (``A > 0`` and ``ratio > 1 + clip_high``, or ``A < 0`` and
    ``ratio < 1 - clip_low``; such tokens get no gradient), ``ratio_mean`` the mean ratio
    over policy tokens, ``approx_kl`` the mean of ``old_logp - logp`` over policy tokens.
    """
    if logp.shape != old_logp.shape or logp.shape != mask.shape:
        raise ValueError("logp, old_logp and mask must have the same shape [B, T]")
    adv = advantages.detach().to(logp.dtype)
    if logp.dim() == 2 and adv.dim() == 1:
        adv = adv.reshape(-1, 1)
    old = old_logp.detach().to(logp.dtype)
    ratio = torch.exp((logp - old).clamp(-MAX_LOG_RATIO, MAX_LOG_RATIO))
    surr = ratio * adv
    surr_clipped = torch.clamp(ratio, 1.0 - clip_low, 1.0 + clip_high) * adv
    loss = aggregate(-torch.minimum(surr, surr_clipped), mask, aggregation)
    with torch.no_grad():
        m = mask.to(torch.bool)
        n = max(int(m.sum()), 1)
        r = ratio.detach()
        clipped = ((adv > 0) & (r > 1.0 + clip_high)) | ((adv < 0) & (r < 1.0 - clip_low))
        stats = {
            "clip_fraction": float((clipped & m).sum()) / n,
            "ratio_mean": float((r * m).sum()) / n if m.any() else 1.0,
            "approx_kl": float(((old - logp.detach()) * m).sum()) / n,
        }
    return loss, stats


def kl_estimate(logp: Tensor, ref_logp: Tensor, estimator: str = "k3") -> Tensor:
    """Per-token estimate of KL(pi || ref) from tokens sampled from ``pi``.

    With ``log_ratio = logp - ref_logp`` (Schulman 2020):

    - ``"k1"``: ``log_ratio`` (unbiased, high variance, can be negative);
    - ``"k2"``: ``0.5 * log_ratio**2`` (biased, low variance, >= 0);
    - ``"k3"``: ``exp(r) - 1 - r`` with ``r = ref_logp - logp`` (unbiased, >= 0);
    - ``"low_var_kl"``: k3 with ``r`` clamped to [-20, 20] and the estimate clamped to
      [-10, 10], for numerical safety.

    Gradients flow through ``logp`` (and through ``ref_logp`` unless the caller detaches
    it; a frozen reference normally has no graph).
    """
    if estimator not in KL_ESTIMATORS:
        raise ValueError(f"unknown KL estimator {estimator!r}; choose one of {KL_ESTIMATORS}")
    if estimator == "k1":
        return logp - ref_logp
    if estimator == "k2":
        return 0.5 * (logp - ref_logp) ** 2
    r = ref_logp - logp
    if estimator == "low_var_kl":
        r = r.clamp(-20.0, 20.0)
        return (torch.exp(r) - 1.0 - r).clamp(-10.0, 10.0)
    return torch.exp(r) - 1.0 - r


__all__ = [
    "AGGREGATIONS",
    "KL_ESTIMATORS",
    "aggregate",
    "group_advantages",
    "kl_estimate",
    "ppo_clip_loss",
]
