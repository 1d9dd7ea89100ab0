"""Run policies over tasks and aggregate the reward components.

This is the synchronous episode loop behind ``healthgym run``; every episode
goes through :class:`healthgym.env.HealthGymEnv`, so the reward is the one the
trainers see.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from typing import Any

from .agents.base import Policy
from .domains import get_domain
from .env import HealthGymEnv
from .rewards.reward import COMPONENTS
from .tasks import task_id
from .version import suite_version


def run_episode(env: HealthGymEnv, policy: Policy, task_index: int) -> dict[str, Any]:
    """One full episode of ``policy`` on task ``task_index`` (the domain-wide index)."""
    obs, info = env.reset(options={"task_id": task_id(env.domain.name, task_index)})
    assert env.task is not None
    policy.reset(env.task, obs, info)
    turns = []
    start = time.perf_counter()
    done = False
    reward, step_info = 0.0, {}
    while not done:
        action = policy.act(obs)
        obs, reward, terminated, truncated, step_info = env.step(action)
        turns.append({"action": action, "observation": obs})
        done = terminated or truncated
    return {
        "task_id": env.task.id,
        "domain": env.task.domain,
        "task_hash": env.task.content_hash(),
        "suite_version": suite_version(),
        "policy": policy.name,
        "turns": turns,
        "ended_by": step_info.get("ended_by"),
        "env_errors": step_info.get("env_errors", 0),
        "reward": reward,
        "reward_components": step_info["reward_components"],
        "seconds": round(time.perf_counter() - start, 4),
    }


def select_tasks(domain: str, split: str | None, limit: int | None) -> list[int]:
    indices = get_domain(domain).indices(split)
    return indices[:limit] if limit else indices


def run_suite(
    make_policy: Callable[[str], Policy],
    domains: list[str],
    split: str | None = "test",
    limit_per_domain: int | None = None,
    max_turns: int = 20,
) -> Iterator[dict[str, Any]]:
    """Yield one trajectory per task of each domain's split."""
    for domain in domains:
        env = HealthGymEnv(domain=domain, split=split, max_turns=max_turns)
        policy = make_policy(domain)
        for index in select_tasks(domain, split, limit_per_domain):
            yield run_episode(env, policy, index)


def summarize(trajectories: list[dict[str, Any]]) -> dict[str, Any]:
    """Mean reward and components, overall and by domain.

    Episodes that failed (a record with ``error``, from the rollout runner) are counted
    in ``episodes`` and ``errors`` but left out of the means, which are over the
    ``scored`` episodes.
    """

    def agg(rows: list[dict[str, Any]]) -> dict[str, Any]:
        scored = [r for r in rows if r.get("reward_components")]
        n = len(scored)
        out: dict[str, Any] = {"episodes": len(rows), "scored": n, "errors": len(rows) - n}
        out["reward"] = sum(r["reward"] for r in scored) / n if n else 0.0
        for k in COMPONENTS:
            out[k] = sum(r["reward_components"][k] for r in scored) / n if n else 0.0
        out["critical_capped"] = sum(r["reward_components"]["capped"] for r in scored)
        out["env_errors"] = sum(r.get("env_errors", 0) for r in rows)
        out["mean_turns"] = sum(len(r["turns"]) for r in scored) / n if n else 0.0
        return out

    by_domain: dict[str, list[dict[str, Any]]] = {}
    for t in trajectories:
        by_domain.setdefault(t["domain"], []).append(t)
    return {
        "suite_version": suite_version(),
        "overall": agg(trajectories),
        "by_domain": {d: agg(r) for d, r in by_domain.items()},
    }
