"""The training reward of rollout episodes and the per-step episode metrics.

``reward = composite_weight * composite + length_weight * cosine
+ sum(component_weights[k] * component_k)`` per usable episode (see
:mod:`healthgym.train.config`); :func:`episode_metrics` averages it and what it is made of
over one step's episodes for ``metrics.jsonl``; :func:`episode_advantages` turns the
rewards into GRPO advantages.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import numpy as np
import torch

from ..rewards.reward import COMPONENTS
from .config import TrainConfig
from .grpo import group_advantages
from .length import cosine_rewards


@dataclass
class EpisodeRewards:
    """Per usable episode: the training reward and what it is made of."""

    reward: list[float]
    composite: list[float]
    cosine: list[float]
    correct: list[bool]
    components: dict[str, list[float]] = field(default_factory=dict)


def episode_rewards(records: list[dict[str, Any]], config: TrainConfig) -> EpisodeRewards:
    """``reward = composite_weight * composite + length_weight * cosine`` (plus
    ``component_weights[k] * component_k``) per record.

    ``composite``: the environment's 5-dimension reward; ``cosine``: the cosine length
    reward of the episode's policy tokens (``sum(env_mask)``) with budget
    ``config.max_response_tokens``, correct when ``accuracy >= correct_threshold``,
    truncated when the episode ended by one of ``config.truncated_by``.
    """
    comps = [r["reward_components"] for r in records]
    correct = [float(c["accuracy"]) >= config.correct_threshold for c in comps]
    n_tokens = [int(sum(r["env_mask"])) for r in records]
    truncated = [r.get("ended_by") in config.truncated_by for r in records]
    cos = cosine_rewards(
        correct, n_tokens, config.max_response_tokens, truncated, **config.length_params
    )
    composite = [float(c["composite"]) for c in comps]
    unknown = set(config.component_weights) - set(COMPONENTS)
    if unknown:
        raise ValueError(f"component_weights: unknown component(s) {sorted(unknown)}")
    reward = [
        config.composite_weight * c
        + config.length_weight * x
        + sum(w * float(comp[k]) for k, w in config.component_weights.items())
        for c, x, comp in zip(composite, cos, comps, strict=True)
    ]
    components = {k: [float(c[k]) for c in comps] for k in COMPONENTS}
    return EpisodeRewards(reward, composite, cos, correct, components)


def episode_advantages(
    rewards: EpisodeRewards, group_ids: torch.Tensor, config: TrainConfig
) -> torch.Tensor:
    """GRPO advantages: ``A_i = norm_g(outcome_i) + (len_i - mean_g(len))``.

    ``len_i = length_weight * cosine_i`` is the length term of the reward and
    ``outcome_i`` the rest (composite and component terms; ``reward = outcome + len``).
    ``norm_g`` is :func:`~healthgym.train.grpo.group_advantages` (``(x - mean_g) /
    std_g`` with ``normalize_std``, else ``x - mean_g``). The length term is centred in
    its group but *not* divided by a standard deviation: it is a shaping term whose size
    was chosen in reward units, and dividing by the group's std would blow a tiny length
    difference up to a full-size signal whenever the outcomes are (nearly) equal (in an
    all-wrong group of 100-103-token answers the rewards differ by ~0.001 and the
    normalised advantages become about +-1.2). With ``normalize_std=False`` this is exactly
    ``reward_i - mean_g(reward)`` (Dr. GRPO), as before.
    """
    # the outcome part is recomputed from its terms (not reward - length: rounding would
    # leave residues that the std normalisation would blow up)
    outcome = torch.tensor(
        [
            config.composite_weight * c
            + sum(w * rewards.components[k][i] for k, w in config.component_weights.items())
            for i, c in enumerate(rewards.composite)
        ],
        dtype=torch.float64,
    )
    length = torch.tensor([config.length_weight * x for x in rewards.cosine], dtype=torch.float64)
    adv_outcome = group_advantages(outcome, group_ids, normalize_std=config.normalize_std)
    adv_length = group_advantages(length, group_ids, normalize_std=False)
    return (adv_outcome + adv_length).float()


def _mean(xs: list[float]) -> float | None:
    return float(np.mean(xs)) if xs else None


def episode_metrics(records: list[dict[str, Any]], config: TrainConfig) -> dict[str, Any]:
    """Means over the usable episodes of a step: rewards, components, lengths, turns."""
    rw = episode_rewards(records, config)
    m: dict[str, Any] = {
        "reward": _mean(rw.reward),
        "reward_std": float(np.std(rw.reward)),
        "reward_env": _mean(rw.composite),
        "length_reward": _mean(rw.cosine),
        "correct": _mean([float(x) for x in rw.correct]),
    }
    for k in COMPONENTS:
        m[k] = _mean(rw.components[k])
    m["response_tokens"] = _mean([float(sum(r["env_mask"])) for r in records])
    m["turns"] = _mean([float(len(r["turns"])) for r in records])
    m["tool_calls"] = _mean(
        [float(sum(len(t.get("tool_calls") or []) for t in r["turns"])) for r in records]
    )
    return m


__all__ = ["EpisodeRewards", "episode_advantages", "episode_metrics", "episode_rewards"]
