"""Turn-level truncated on-policy distillation loss (the TT-OPD regulariser).

On the tokens the student sampled, the per-token reverse-KL estimate
``d = log pi_S(y_t) - log pi_T(y_t)`` (an unbiased sample of KL(pi_S || pi_T) at that
position) is clipped to ``[-clip, clip]``, averaged within each assistant turn, then
across the turns of a trajectory (each turn weighs the same whatever its length), then
over the trajectories. Only the first ``K = max_turns`` turns and the first ``T =
max_tokens_per_turn`` tokens of each turn count (the truncation).

Gradient. A sampled log-ratio differentiated directly (``grad="pathwise"``) has
gradient ``grad log pi_S(y_t)``, whose expectation under pi_S is zero: it carries no
signal about the teacher. The default ``grad="score"`` keeps the same loss *value* but
gives each token the score-function gradient ``d_t * grad log pi_S(y_t)`` (the
per-token policy gradient of the reverse KL with the log-ratio as a cost, as in
on-policy distillation: Agarwal R. et al., "On-Policy Distillation of Language Models:
Learning from Self-Generated Mistakes", ICLR 2024, arXiv:2306.13649; Gu Y. et al.,
"MiniLLM", ICLR 2024, arXiv:2306.08543). The teacher is always detached.
"""

from __future__ import annotations

from typing import Any

import torch
from torch import Tensor

GRADS = ("score", "pathwise")


def turn_level_kl(
    student_logp: Tensor,
    teacher_logp: Tensor,
    turn_index: Tensor,
    token_in_turn: Tensor,
    *,
    max_turns: int | None = None,
    max_tokens_per_turn: int | None = None,
    clip: float | None = 10.0,
    grad: str = "score",
) -> tuple[Tensor, dict[str, Any]]:
    """The turn-level reverse-KL loss and its statistics.

    Inputs are ``[B, T]``: the student's and the teacher's log-probabilities of the
    student's sampled tokens, and per token its assistant-turn index and its position
    inside the turn (both -1 on environment tokens and padding, see
    :func:`healthgym.train.masks.turn_positions`).

    Returns ``(loss, stats)``: the loss is the mean over trajectories (with at least one
    counted token) of the mean over their counted turns of the mean clipped log-ratio of
    the turn's counted tokens; zero (in the graph) when nothing counts. Stats:
    ``kl_turn_mean`` (the loss value), ``kl_per_turn`` (for turn index 0, 1, ..., the
    mean over the trajectories that have that turn of its mean clipped log-ratio; None for
    an index no trajectory has counted tokens in),
    ``kl_tokens`` (tokens counted) and ``kl_turns`` (turns counted, over the batch).
    """
    if grad not in GRADS:
        raise ValueError(f"grad must be one of {GRADS}")
    if not (student_logp.shape == teacher_logp.shape == turn_index.shape == token_in_turn.shape):
        raise ValueError("student_logp, teacher_logp, turn_index, token_in_turn: same shape")
    if student_logp.dim() != 2:
        raise ValueError("inputs must be [B, T]")
    batch = student_logp.shape[0]
    turn = turn_index.long()
    pos = token_in_turn.long()
    valid = (turn >= 0) & (pos >= 0)
    if max_turns is not None:
        valid &= turn < max_turns
    if max_tokens_per_turn is not None:
        valid &= pos < max_tokens_per_turn

    log_ratio = student_logp - teacher_logp.detach()
    value = log_ratio if clip is None else log_ratio.clamp(-clip, clip)
    if grad == "score":
        # forward value: the clipped log-ratio; gradient: value * grad log pi_S
        per_token = value.detach() * (1.0 + student_logp - student_logp.detach())
    else:
        per_token = value

    n_slots = int(turn[valid].max()) + 1 if bool(valid.any()) else 1
    slot = torch.arange(batch, device=turn.device).unsqueeze(1) * n_slots + turn.clamp(min=0)
    slot = slot[valid]
    weights = valid.to(per_token.dtype)
    sums = per_token.new_zeros(batch * n_slots).index_add(0, slot, per_token[valid])
    counts = weights.new_zeros(batch * n_slots).index_add(0, slot, weights[valid])
    has_turn = counts > 0
    turn_means = torch.where(has_turn, sums / counts.clamp(min=1.0), torch.zeros_like(sums))
    turn_means = turn_means.reshape(batch, n_slots)
    has_turn = has_turn.reshape(batch, n_slots)
    turns_per_traj = has_turn.sum(dim=1)
    traj_means = turn_means.sum(dim=1) / turns_per_traj.clamp(min=1).to(per_token.dtype)
    has_traj = turns_per_traj > 0
    n_traj = int(has_traj.sum())
    loss = traj_means[has_traj].sum() / max(n_traj, 1)  # a zero in the graph when empty

    with torch.no_grad():
        tm = turn_means.detach()
        per_turn: list[float | None] = []
        if n_traj:
            for k in range(n_slots):
                column = has_turn[:, k]
                if column.any():
                    per_turn.append(float(tm[column, k].mean()))
                else:
                    per_turn.append(None)
        stats: dict[str, Any] = {
            "kl_turn_mean": float(loss.detach()),
            "kl_per_turn": per_turn,
            "kl_tokens": int(valid.sum()),
            "kl_turns": int(has_turn.sum()),
        }
    return loss, stats


__all__ = ["GRADS", "turn_level_kl"]
