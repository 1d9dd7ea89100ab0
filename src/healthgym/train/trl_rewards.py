"""Reward functions with TRL's signature, one per reward dimension and the total.

``GRPOTrainer`` calls each reward function as ``f(prompts=..., completions=...,
completion_ids=..., **columns)`` where ``columns`` are the dataset's other columns (one
list entry per completion), ``trainer_state``, ``log_metric``, ``log_extra`` and, with
``environment_factory``, ``environments`` (the per-rollout environment instances). Each
function returns one float per completion.

Two ways to get the episode:

* **environment mode** (``environments`` given, e.g. the classes of
  :mod:`healthgym.train.trl_env`): the tools already ran in the rollout's environment;
  its episode is closed if still open and its reward components are read;
* **replay mode** (no environments, single-turn training on text): the completion's
  assistant messages are sent, in order, to a fresh environment of the row's
  ``task_id`` (one step each, as the rollout runner does), then the episode is closed
  and graded. Replays are cached per (task, completion), so the six functions of one
  batch replay each completion once.

The dimensions are those of :mod:`healthgym.rewards.reward`: accuracy, process, safety,
format, coherence, and ``composite`` (the weighted total, with the critical-safety cap).
Note that an environment class that defines ``get_reward`` is already counted by TRL
(weight 1, logged under the class name): add :func:`total_reward` only in replay mode,
or give it weight 0 in ``GRPOConfig.reward_weights`` to log it.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from ..rewards.reward import COMPONENTS
from .env_session import EnvFactory, Replayer, assistant_actions, resolve_task_id

RewardFunc = Callable[..., list[float | None]]
DIMENSIONS = (*COMPONENTS, "composite")


_default_replayer: Replayer | None = None


def _replayer() -> Replayer:
    global _default_replayer
    if _default_replayer is None:
        _default_replayer = Replayer()
    return _default_replayer


def _row_task_id(kwargs: dict[str, Any], i: int) -> str:
    row = {k: v[i] for k, v in kwargs.items() if k in ("task_id", "domain", "index")}
    return resolve_task_id(row)


def episode_components(
    completions: Sequence[Any],
    environments: Sequence[Any] | None = None,
    *,
    replayer: Replayer | None = None,
    **columns: Any,
) -> list[dict[str, Any] | None]:
    """Every reward component of each completion's episode (either mode, see above)."""
    if environments is not None:  # None for an environment that is not a HealthGym one
        return [getattr(env, "reward_components", None) for env in environments]
    rep = replayer or _replayer()
    return [rep.components(_row_task_id(columns, i), c) for i, c in enumerate(completions)]


def make_reward_func(dimension: str, *, env_factory: EnvFactory | None = None) -> RewardFunc:
    """The TRL reward function of one dimension (``accuracy`` ... ``composite``).

    ``env_factory`` (replay mode only): where fresh environments come from, e.g. a
    remote client factory; the default is a local :class:`~healthgym.env.HealthGymEnv`.
    """
    if dimension not in DIMENSIONS:
        raise ValueError(f"unknown reward dimension {dimension!r}; one of {DIMENSIONS}")
    replayer = Replayer(env_factory) if env_factory is not None else None

    def reward(
        prompts: Sequence[Any] | None = None,
        completions: Sequence[Any] | None = None,
        environments: Sequence[Any] | None = None,
        **kwargs: Any,
    ) -> list[float | None]:
        columns = {k: v for k, v in kwargs.items() if k in ("task_id", "domain", "index")}
        comps = episode_components(completions or [], environments, replayer=replayer, **columns)
        return [None if c is None else float(c[dimension]) for c in comps]

    name = "total" if dimension == "composite" else dimension
    reward.__name__ = reward.__qualname__ = f"{name}_reward"
    reward.__doc__ = f"The episode's {dimension} reward component, per completion."
    return reward


accuracy_reward = make_reward_func("accuracy")
process_reward = make_reward_func("process")
safety_reward = make_reward_func("safety")
format_reward = make_reward_func("format")
coherence_reward = make_reward_func("coherence")
total_reward = make_reward_func("composite")


def reward_functions(
    dimensions: Sequence[str] = DIMENSIONS, *, env_factory: EnvFactory | None = None
) -> list[RewardFunc]:
    """The reward functions of ``dimensions`` in order (for ``reward_funcs=``)."""
    if env_factory is None:
        by_name = {
            "accuracy": accuracy_reward,
            "process": process_reward,
            "safety": safety_reward,
            "format": format_reward,
            "coherence": coherence_reward,
            "composite": total_reward,
        }
        return [by_name[d] if d in by_name else make_reward_func(d) for d in dimensions]
    return [make_reward_func(d, env_factory=env_factory) for d in dimensions]


__all__ = [
    "DIMENSIONS",
    "accuracy_reward",
    "assistant_actions",
    "coherence_reward",
    "episode_components",
    "format_reward",
    "make_reward_func",
    "process_reward",
    "reward_functions",
    "safety_reward",
    "total_reward",
]
