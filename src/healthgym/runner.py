"""Synchronous faces of the episode loop, and the aggregation of episode records.

:func:`run_episode` and :func:`run_suite` (behind ``healthgym run`` with scripted
policies, the tests and the benchmarks) play scripted :class:`~healthgym.agents.base.
Policy` objects through the one episode loop, :mod:`healthgym.rollout` (the policy
adapted by :class:`~healthgym.agents.scripted.ScriptedAgent`), on the caller's
:class:`healthgym.env.HealthGymEnv`, so the reward is the one the trainers see.
:func:`summarize` aggregates records of either.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterator
from math import comb
from typing import Any

from .agents.base import Policy
from .agents.scripted import ScriptedAgent
from .env import HealthGymEnv
from .rewards.reward import COMPONENTS
from .rollout import EpisodeSpec, play, select_tasks
from .version import suite_version

# the fields of a trajectory of run_episode, in order (a turn: action, observation)
TRAJECTORY_FIELDS = (
    "task_id",
    "domain",
    "task_hash",
    "suite_version",
    "policy",
    "turns",
    "ended_by",
    "env_errors",
    "reward",
    "reward_components",
    "seconds",
)


def trajectory(record: dict[str, Any]) -> dict[str, Any]:
    """The compact trajectory of a rollout record: :data:`TRAJECTORY_FIELDS`, each turn
    reduced to its ``action`` and ``observation``."""
    out = {k: record.get(k) for k in TRAJECTORY_FIELDS}
    out["env_errors"] = record.get("env_errors", 0)
    out["turns"] = [{"action": t["action"], "observation": t["observation"]} for t in out["turns"]]
    return out


def run_episode(env: HealthGymEnv, policy: Policy, task_index: int) -> dict[str, Any]:
    """One full episode of ``policy`` on task ``task_index`` (the domain-wide index),
    played on ``env`` by the rollout loop (:func:`healthgym.rollout.play`): its
    :func:`trajectory`. The policy object itself plays (its state carries over)."""
    spec = EpisodeSpec(env.domain.name, task_index)
    return trajectory(play(ScriptedAgent.driving(policy), env, spec))


def run_suite(
    make_policy: Callable[[str], Policy],
    domains: list[str],
    split: str | None = "test",
    limit_per_domain: int | None = None,
    max_turns: int = 20,
) -> Iterator[dict[str, Any]]:
    """Yield one trajectory (:func:`run_episode`) per task of each domain's split, one
    environment and one ``make_policy(domain)`` per domain."""
    for domain in domains:
        env = HealthGymEnv(domain=domain, split=split, max_turns=max_turns)
        policy = make_policy(domain)
        for index in select_tasks(domain, split, limit_per_domain):
            yield run_episode(env, policy, index)


TOOLS_IGNORED_EPISODES = 5


def pass_hat_k(n: int, c: int, k: int) -> float:
    """pass^k of one task: the probability that ``k`` i.i.d. trials all succeed,
    estimated without bias from ``c`` successes in ``n`` trials as C(c,k)/C(n,k)
    (Yao et al. 2024, "tau-bench", arXiv:2406.12045)."""
    if not 0 < k <= n:
        raise ValueError("need 0 < k <= n")
    return comb(c, k) / comb(n, k)


def pass_at_k(n: int, c: int, k: int) -> float:
    """pass@k of one task: the probability that at least one of ``k`` trials succeeds,
    by the unbiased estimator 1 - C(n-c,k)/C(n,k) (Chen et al. 2021, "Evaluating
    Large Language Models Trained on Code", arXiv:2107.03374)."""
    if not 0 < k <= n:
        raise ValueError("need 0 < k <= n")
    return 1.0 - comb(n - c, k) / comb(n, k)


def succeeded(record: dict[str, Any]) -> bool:
    """A trial succeeds when its accuracy is 1.0; a failed (error) episode does not."""
    comps = record.get("reward_components")
    return bool(comps) and comps.get("accuracy") == 1.0


def trial_stats(rows: list[dict[str, Any]]) -> dict[str, Any]:
    """pass^k, pass@k, the per-task success rate and the run-to-run noise of rows that
    carry ``trial`` (``healthgym run --trials K``).

    * ``trials``: K (the trials per task; tasks with fewer trials, e.g. a partial run,
      bound the k reported);
    * ``pass_hat_k`` / ``pass_at_k``: {"1": ..., "K": ...}, each the mean over tasks of
      the per-task estimator (:func:`pass_hat_k`, :func:`pass_at_k`); success is
      accuracy 1.0, and an episode that failed with an error counts as a failure;
    * ``success_rate``: the per-task success rates c/n: their ``mean`` (= pass^1),
      ``std``, ``min``, ``max`` and ``histogram`` (tasks by number of successes, "0".."K");
    * ``trial_accuracy``: the mean accuracy of each trial run (its scored episodes);
      ``run_std``: their sample standard deviation (n-1; null with fewer than two).
    """
    by_task: dict[str, list[dict[str, Any]]] = {}
    by_trial: dict[int, list[float]] = {}
    for r in rows:
        by_task.setdefault(str(r["task_id"]), []).append(r)
        if r.get("reward_components"):
            by_trial.setdefault(int(r.get("trial") or 0), []).append(
                float(r["reward_components"]["accuracy"])
            )
    counts = [(len(rs), sum(succeeded(r) for r in rs)) for rs in by_task.values()]
    trials = max((n for n, _ in counts), default=0)
    k_max = min((n for n, _ in counts), default=0)
    tasks = len(counts)

    def avg(f: Callable[[int, int, int], float], k: int) -> float:
        return sum(f(n, c, k) for n, c in counts) / tasks

    rates = [c / n for n, c in counts]
    hist = {str(j): 0 for j in range(trials + 1)}
    for _, c in counts:
        hist[str(c)] += 1
    means = [sum(v) / len(v) for _, v in sorted(by_trial.items())]
    return {
        "trials": trials,
        "tasks": tasks,
        "pass_hat_k": {str(k): avg(pass_hat_k, k) for k in range(1, k_max + 1)},
        "pass_at_k": {str(k): avg(pass_at_k, k) for k in range(1, k_max + 1)},
        "success_rate": {
            "mean": _mean(rates),
            "std": _std(rates, ddof=0),
            "min": min(rates) if rates else None,
            "max": max(rates) if rates else None,
            "histogram": hist,
        },
        "trial_accuracy": means,
        "run_std": _std(means, ddof=1),
    }


def _mean(values: list[float]) -> float | None:
    return sum(values) / len(values) if values else None


def _std(values: list[float], ddof: int) -> float | None:
    if len(values) <= ddof or not values:
        return None
    m = sum(values) / len(values)
    return math.sqrt(sum((v - m) ** 2 for v in values) / (len(values) - ddof))


def tools_ignored_warning(
    records: list[dict[str, Any]], first_n: int = TOOLS_IGNORED_EPISODES
) -> str | None:
    """A warning when the server seems to ignore ``tools``: over the first ``first_n``
    episodes that sent the tool schemas natively (``tools_mode: "native"``) and ran a
    turn, the model returned no structured tool call and the environment parsed no
    call from the text either. None when that is not so (or no such episode ran)."""
    native = [r for r in records if r.get("tools_mode") == "native" and r.get("turns")]
    sample = native[:first_n]
    if not sample:
        return None
    for r in sample:
        for t in r["turns"]:
            action = t.get("action")
            if isinstance(action, dict) and action.get("tool_calls"):
                return None
            if any(c.get("name") for c in t.get("tool_calls") or []):
                return None
    return (
        f"the server seems to ignore `tools`: over the first {len(sample)} episode(s) "
        "the model made no structured tool call and none was parsed from its text "
        "(check the server's chat format / tool-call parser, or use --tools-mode hermes)"
    )


def summarize(trajectories: list[dict[str, Any]]) -> dict[str, Any]:
    """Mean reward and components, overall and by domain.

    Episodes that failed (a record with ``error``, from the rollout runner) are counted
    in ``episodes`` and ``errors`` but left out of the means, which are over the
    ``scored`` episodes; with nothing scored the means are null (not 0.0).
    Records with ``trial`` (``--trials K``) add :func:`trial_stats` to each group;
    ``warnings`` lists what looked wrong with the run (:func:`tools_ignored_warning`).
    """
    with_trials = any(t.get("trial") is not None for t in trajectories)

    def agg(rows: list[dict[str, Any]]) -> dict[str, Any]:
        scored = [r for r in rows if r.get("reward_components")]
        n = len(scored)
        out: dict[str, Any] = {"episodes": len(rows), "scored": n, "errors": len(rows) - n}
        out["reward"] = sum(r["reward"] for r in scored) / n if n else None
        for k in COMPONENTS:
            out[k] = sum(r["reward_components"][k] for r in scored) / n if n else None
        out["critical_capped"] = sum(r["reward_components"]["capped"] for r in scored)
        out["env_errors"] = sum(r.get("env_errors", 0) for r in rows)
        out["mean_turns"] = sum(len(r["turns"]) for r in scored) / n if n else None
        ended: dict[str, int] = {}
        for r in scored:
            if r.get("ended_by") == "context_length":
                ended["context_length"] = ended.get("context_length", 0) + 1
        if ended:
            out["context_length"] = ended["context_length"]
        if with_trials:
            out.update(trial_stats(rows))
        return out

    by_domain: dict[str, list[dict[str, Any]]] = {}
    for t in trajectories:
        by_domain.setdefault(t["domain"], []).append(t)
    warning = tools_ignored_warning(trajectories)
    return {
        "suite_version": suite_version(),
        "overall": agg(trajectories),
        "by_domain": {d: agg(r) for d, r in by_domain.items()},
        "warnings": [warning] if warning else [],
    }
