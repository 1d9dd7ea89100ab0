"""The training reward of rollout episodes and the per-step episode metrics.

``reward = composite_weight * composite + length_weight * cosine
+ sum(component_weights[k] * component_k)`` per usable episode (see
:mod:`healthgym.train.config`); :func:`episode_metrics` averages it and what it is made of
over one step's episodes for ``metrics.jsonl``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import numpy as np

from ..rewards.reward import COMPONENTS
from .config import TrainConfig
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


__all__ = ["EpisodeRewards", "episode_metrics", "episode_rewards"]
