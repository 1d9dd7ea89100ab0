"""The maths of one optimiser step on fixed trajectories (step 5 of
:mod:`healthgym.train.trainer`): micro-batches and their loss weights, the loss of one
micro-batch, and the first epoch's statistics on the whole batch.

The loss of a micro-batch is the clipped GRPO token loss over policy tokens
(:func:`healthgym.train.grpo.ppo_clip_loss`), plus ``kl_ref_coef`` times the KL to the
initial model when it is on, plus ``lambda`` times the turn-level truncated reverse KL to
the hinted teacher (TT-OPD, :func:`healthgym.train.turn_kl.turn_level_kl`). Each term is
weighted so that the sum over micro-batches equals the whole-batch loss
(:func:`chunk_weights`); the statistics are computed once on the whole batch, so they
are exact under micro-batching.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import torch
from torch import Tensor

from .batch import TrajectoryBatch
from .config import TrainConfig
from .grpo import aggregate, kl_estimate, ppo_clip_loss
from .turn_kl import turn_level_kl


@dataclass
class UpdatePlan:
    """What the optimiser step of one batch needs, fixed before its first epoch.

    ``chunks[k]`` are the batch rows of micro-batch ``mbs[k]``; ``old`` the old
    log-probabilities per micro-batch (None: the update's own forward pass, detached);
    ``ref_logp`` the reference model's (None: no KL to it); ``teacher_logp`` the hinted
    teacher's on the whole batch (None: GRPO); ``lam`` the turn-level KL weight.
    """

    batch: TrajectoryBatch
    advantages: Tensor
    chunks: list[list[int]]
    mbs: list[TrajectoryBatch]
    weights: dict[str, list[float]]
    lam: float = 0.0
    teacher_logp: Tensor | None = None
    ref_logp: list[Tensor] | None = None
    old: list[Tensor] | None = None


@dataclass
class EpochTotals:
    """The first epoch's policy log-probabilities and losses, and the last gradient norm."""

    full_logp: Tensor
    loss: float = 0.0
    loss_grpo: float = 0.0
    grad_norm: float = 0.0


def micro_batches(n: int, size: int | None) -> list[list[int]]:
    """Rows ``0..n-1`` in consecutive chunks of ``size`` (one chunk when None or 0)."""
    size = size or n
    return [list(range(i, min(n, i + size))) for i in range(0, n, size)]


def chunk_weights(
    mbs: list[TrajectoryBatch], batch: TrajectoryBatch, config: TrainConfig
) -> dict[str, list[float]]:
    """Weights that make the sum of micro-batch losses equal the whole-batch loss:
    by policy tokens (token_mean) or by trajectories with a policy token (sequence means)
    for the GRPO term; by trajectories with a counted turn for the turn-level KL."""

    def counted(mb: TrajectoryBatch) -> int:
        valid = (mb.turn_index >= 0) & (mb.token_in_turn >= 0)
        if config.kl_max_turns is not None:
            valid &= mb.turn_index < config.kl_max_turns
        if config.kl_max_tokens is not None:
            valid &= mb.token_in_turn < config.kl_max_tokens
        return int(valid.any(dim=1).sum())

    if config.aggregation == "token_mean":
        pg = [float(mb.mask.sum()) for mb in mbs]
    else:
        pg = [float((mb.mask.sum(dim=1) > 0).sum()) for mb in mbs]
    kl = [float(counted(mb)) for mb in mbs]
    return {
        "pg": [x / max(sum(pg), 1.0) for x in pg],
        "kl": [x / max(sum(kl), 1.0) for x in kl],
    }


def micro_loss(
    logp: Tensor, k: int, plan: UpdatePlan, config: TrainConfig
) -> tuple[Tensor, Tensor]:
    """``(loss, GRPO loss)`` of micro-batch ``k`` given its current log-probabilities."""
    c = config
    rows, mb = plan.chunks[k], plan.mbs[k]
    old_k = plan.old[k] if plan.old is not None else logp.detach()
    loss_pg, _ = ppo_clip_loss(
        logp,
        old_k,
        plan.advantages[rows],
        mb.mask,
        clip_low=c.clip_low,
        clip_high=c.clip_high,
        aggregation=c.aggregation,
    )
    loss = plan.weights["pg"][k] * loss_pg
    if plan.ref_logp is not None:
        kl = aggregate(
            kl_estimate(logp, plan.ref_logp[k], c.kl_ref_estimator), mb.mask, c.aggregation
        )
        loss = loss + c.kl_ref_coef * plan.weights["pg"][k] * kl
    if plan.teacher_logp is not None and plan.lam > 0:
        loss_kl, _ = turn_level_kl(
            logp,
            plan.teacher_logp[rows],
            mb.turn_index,
            mb.token_in_turn,
            max_turns=c.kl_max_turns,
            max_tokens_per_turn=c.kl_max_tokens,
            clip=c.kl_clip,
        )
        loss = loss + plan.lam * plan.weights["kl"][k] * loss_kl
    return loss, loss_pg


def whole_batch_stats(full_logp: Tensor, plan: UpdatePlan, config: TrainConfig) -> dict[str, Any]:
    """The first epoch's clip / ratio statistics, KL to the reference and turn-level KL,
    computed on the whole batch at once (exact under micro-batching)."""
    c, batch = config, plan.batch
    old_full = batch.sampler_logp if c.old_logprobs == "sampler" else None
    if old_full is None:
        old_full = torch.cat(plan.old) if plan.old is not None else full_logp
    stats: dict[str, Any] = {}
    with torch.no_grad():
        _, pst = ppo_clip_loss(
            full_logp,
            old_full,
            plan.advantages,
            batch.mask,
            clip_low=c.clip_low,
            clip_high=c.clip_high,
            aggregation=c.aggregation,
        )
        stats.update(pst)
        if plan.ref_logp is not None:
            ref_full = torch.cat(plan.ref_logp)
            stats["kl_ref"] = float(
                aggregate(
                    kl_estimate(full_logp, ref_full, c.kl_ref_estimator),
                    batch.mask,
                    c.aggregation,
                )
            )
        if plan.teacher_logp is not None:
            _, kst = turn_level_kl(
                full_logp,
                plan.teacher_logp,
                batch.turn_index,
                batch.token_in_turn,
                max_turns=c.kl_max_turns,
                max_tokens_per_turn=c.kl_max_tokens,
                clip=c.kl_clip,
            )
            stats.update(kst)
    return stats


__all__ = [
    "EpochTotals",
    "UpdatePlan",
    "chunk_weights",
    "micro_batches",
    "micro_loss",
    "whole_batch_stats",
]
