"""Rollout records -> padded tensors for the losses.

A record of :func:`healthgym.rollout.run_rollouts` with a local model carries the exact
token stream of its episode: ``prompt_ids``, ``completion_ids`` (every later token,
generated or inserted by the environment), ``logprobs`` (the sampler's, 0.0 on inserted
tokens), ``env_mask`` (1 on tokens the model sampled) and ``turn_spans`` (the generated
segments). :func:`build_batch` stacks a list of such records into a
:class:`TrajectoryBatch`, padded on the right to the longest completion; the loss mask
is the env mask, 0 on padding.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import torch
from torch import Tensor

from .masks import pad_right, turn_positions

TOKEN_FIELDS = ("prompt_ids", "completion_ids", "logprobs", "env_mask", "turn_spans")


def usable(record: dict[str, Any]) -> str | None:
    """Why a rollout record cannot be trained on (None when it can).

    A record is dropped when its episode failed (``error``), has no reward, lacks the
    token-level fields, or generated no token at all.
    """
    if record.get("error"):
        err = record["error"]
        return f"{err.get('type', 'error')}: {err.get('message', '')}"[:300]
    if record.get("reward_components") is None:
        return "no reward (the episode did not finish)"
    if any(record.get(f) is None for f in TOKEN_FIELDS):
        return "no token-level trajectory (not a local model)"
    if not any(record["env_mask"]):
        return "no generated token"
    n = len(record["completion_ids"])
    if len(record["env_mask"]) != n or len(record["logprobs"]) != n:
        return "inconsistent token fields"
    return None


@dataclass
class TrajectoryBatch:
    """``B`` trajectories; completion tensors are ``[B, T]`` (right-padded).

    ``mask``: 1.0 on policy tokens; ``sampler_logp``: the sampler's log-probabilities
    (0 elsewhere); ``turn_index`` / ``token_in_turn``: see
    :func:`healthgym.train.masks.turn_positions` (-1 on environment tokens and padding);
    ``group_ids[b]``: the task group of trajectory ``b``; ``policy_tokens[b]``: its number
    of generated tokens.
    """

    prompts: list[list[int]]
    completions: list[list[int]]
    completion_ids: Tensor
    mask: Tensor
    sampler_logp: Tensor
    turn_index: Tensor
    token_in_turn: Tensor
    group_ids: Tensor
    policy_tokens: list[int]

    def __len__(self) -> int:
        return len(self.prompts)

    def select(self, rows: list[int]) -> TrajectoryBatch:
        """The sub-batch of ``rows`` (padding is kept: the width does not change)."""
        idx = torch.tensor(rows, dtype=torch.long)
        return TrajectoryBatch(
            prompts=[self.prompts[i] for i in rows],
            completions=[self.completions[i] for i in rows],
            completion_ids=self.completion_ids[idx],
            mask=self.mask[idx],
            sampler_logp=self.sampler_logp[idx],
            turn_index=self.turn_index[idx],
            token_in_turn=self.token_in_turn[idx],
            group_ids=self.group_ids[idx],
            policy_tokens=[self.policy_tokens[i] for i in rows],
        )

    def to(self, device: torch.device | str) -> TrajectoryBatch:
        """The same batch with its tensors on ``device``."""
        return TrajectoryBatch(
            prompts=self.prompts,
            completions=self.completions,
            completion_ids=self.completion_ids.to(device),
            mask=self.mask.to(device),
            sampler_logp=self.sampler_logp.to(device),
            turn_index=self.turn_index.to(device),
            token_in_turn=self.token_in_turn.to(device),
            group_ids=self.group_ids.to(device),
            policy_tokens=self.policy_tokens,
        )


def build_batch(
    records: list[dict[str, Any]], group_ids: list[int], pad_id: int
) -> TrajectoryBatch:
    """Stack usable rollout records (see :func:`usable`) with their task groups."""
    if len(records) != len(group_ids):
        raise ValueError("one group id per record")
    if not records:
        raise ValueError("no trajectory to build a batch from")
    turn_idx, in_turn = [], []
    for r in records:
        spans = [(int(a), int(b)) for a, b in r["turn_spans"]]
        ti, tt = turn_positions(r["env_mask"], spans)
        turn_idx.append(ti)
        in_turn.append(tt)
    return TrajectoryBatch(
        prompts=[list(r["prompt_ids"]) for r in records],
        completions=[list(r["completion_ids"]) for r in records],
        completion_ids=pad_right([r["completion_ids"] for r in records], pad_id),
        mask=pad_right([r["env_mask"] for r in records], 0, dtype=torch.float32),
        sampler_logp=pad_right([r["logprobs"] for r in records], 0.0, dtype=torch.float32),
        turn_index=pad_right(turn_idx, -1, dtype=torch.long),
        token_in_turn=pad_right(in_turn, -1, dtype=torch.long),
        group_ids=torch.tensor(group_ids, dtype=torch.long),
        policy_tokens=[int(sum(r["env_mask"])) for r in records],
    )
