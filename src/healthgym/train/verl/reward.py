"""verl's ``compute_score`` for HealthGym rows (``custom_reward_function``).

verl's reward loop calls ``compute_score(data_source=..., solution_str=...,
ground_truth=..., extra_info=...)`` once per trajectory, with ``extra_info`` = the row's
``extra_info`` updated with the agent loop's ``extra_fields``. The score is the
environment's own composite reward, and the returned dict carries every component
(verl logs each key):

1. when :class:`~.tool.HealthGymTool` ran the trajectory's calls, it recorded them in
   ``extra_info["healthgym"]`` (``task_id``, ``calls``, and ``reward_components`` once
   the episode ended); an ended episode's components are used as they are, an open one
   (the model stopped without submitting) is replayed from its calls in a fresh
   environment and closed (the environment is deterministic, so the replay is exact);
2. otherwise (single-turn training, no tool loop) ``solution_str`` is sent as the
   model's one action to a fresh episode of the row's task (``extra_info["task_id"]``,
   else the ground truth, which :mod:`.export` sets to the task id), then closed.

Rows of other data sources go to verl's ``default_compute_score`` when verl is
installed. Unusable input (no task id, unknown task) scores 0 with ``valid`` 0.
"""

from __future__ import annotations

from typing import Any

from ...rewards.reward import COMPONENTS
from ..env_session import EnvFactory, Replayer
from .export import domain_of

SESSION_KEY = "healthgym"  # the agent loop's extra_fields key written by the tool
_replayers: dict[int, Replayer] = {}


def _replayer(env_factory: EnvFactory | None) -> Replayer:
    key = id(env_factory)
    if key not in _replayers:
        _replayers[key] = Replayer(env_factory)
    return _replayers[key]


def score_dict(components: dict[str, Any], valid: bool = True) -> dict[str, float]:
    """``{"score": composite, <component>: value ..., "capped", "valid"}`` as floats."""
    out = {"score": float(components.get("composite", 0.0))}
    for c in COMPONENTS:
        out[c] = float(components.get(c, 0.0))
    out["capped"] = float(bool(components.get("capped", False)))
    out["valid"] = float(valid)
    return out


def _invalid() -> dict[str, float]:
    return score_dict({}, valid=False)


def compute_score(
    data_source: str,
    solution_str: str,
    ground_truth: Any,
    extra_info: dict[str, Any] | None = None,
    *,
    env_factory: EnvFactory | None = None,
    **kwargs: Any,
) -> dict[str, float]:
    """The episode's reward components, ``score`` = the composite (see above)."""
    if domain_of(data_source) is None:
        try:
            from verl.utils.reward_score import default_compute_score
        except ImportError:
            raise ValueError(f"not a HealthGym data source: {data_source!r}") from None
        return default_compute_score(data_source, solution_str, ground_truth, extra_info, **kwargs)
    info = extra_info if isinstance(extra_info, dict) else {}
    replayer = _replayer(env_factory)
    try:
        record = info.get(SESSION_KEY)
        if isinstance(record, dict) and isinstance(record.get("task_id"), str):
            if isinstance(record.get("reward_components"), dict):
                return score_dict(record["reward_components"])
            return score_dict(replayer.replay_calls(record["task_id"], record.get("calls") or []))
        tid = info.get("task_id") or ground_truth
        if not isinstance(tid, str) or domain_of(data_source) != tid.rpartition("-")[0]:
            return _invalid()
        return score_dict(replayer.components(tid, solution_str or ""))
    except (ValueError, KeyError):  # unknown task, malformed id
        return _invalid()


__all__ = ["SESSION_KEY", "compute_score", "score_dict"]
