"""Rollout collection for one training step (steps 1-2 of :mod:`healthgym.train.trainer`).

The step's tasks are drawn with a generator seeded by ``(seed, step)`` (so a resumed run
draws the same tasks), each is rolled out ``group_size`` times by the current policy (a
:class:`healthgym.agents.transformers_policy.TransformersPolicy` whose generator is also
re-seeded by ``(seed, step)``), and records that cannot be trained on are set aside with
the reason, for ``failures.jsonl``.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import numpy as np

from ..rollout import EpisodeSpec, RolloutConfig, rollout, select_tasks
from .batch import usable
from .config import TrainConfig


def task_pool(config: TrainConfig) -> list[tuple[str, int]]:
    """Every ``(domain, index)`` of the configured domains' ``split``."""
    pool = [(d, i) for d in config.domains for i in select_tasks(d, config.split, None)]
    if not pool:
        raise ValueError(f"no {config.split!r} tasks in domains {config.domains}")
    return pool


def make_policy(
    model: Any, tokenizer: Any, config: TrainConfig, policy_kwargs: dict[str, Any]
) -> Any:
    """The batched sampling policy over the model being trained."""
    from ..agents.transformers_policy import TransformersPolicy

    c = config
    kwargs = {
        "name": f"train:{c.model}",
        "compact_tools": c.compact_tools,
        "max_new_tokens": c.max_new_tokens,
        "temperature": c.temperature,
        "top_p": c.top_p,
        "top_k": c.top_k,
        "max_batch_size": c.tasks_per_step * c.group_size,
        "batch_wait_s": c.batch_wait_s,
        "seed": c.seed,
        **policy_kwargs,
    }
    return TransformersPolicy(model, tokenizer, **kwargs)


def step_seed(seed: int, step: int) -> int:
    """The sampler seed of ``step`` (deterministic in ``(seed, step)``)."""
    return int(np.random.SeedSequence([seed, step]).generate_state(1)[0])


def sample_tasks(
    pool: list[tuple[str, int]], seed: int, step: int, n: int
) -> list[tuple[str, int]]:
    """``n`` tasks of ``pool`` for ``step`` (deterministic in ``(seed, step)``)."""
    rng = np.random.default_rng([seed, step])
    picks = rng.choice(len(pool), size=n, replace=n > len(pool))
    return [pool[int(i)] for i in picks]


def collect_rollouts(
    policy: Any, model: Any, tasks: list[tuple[str, int]], config: TrainConfig, step: int
) -> tuple[list[dict[str, Any]], list[int]]:
    """Run ``group_size`` episodes of each task; returns every record (failed ones
    included, each with its ``_spec``) and its task group."""
    c = config
    specs = [EpisodeSpec(d, i) for d, i in tasks for _ in range(c.group_size)]
    groups = [g for g in range(len(tasks)) for _ in range(c.group_size)]
    policy.generator.manual_seed(step_seed(c.seed, step))
    model.eval()
    cfg = RolloutConfig(
        max_turns=c.max_turns,
        token_budget=c.token_budget,
        max_new_tokens=c.max_new_tokens,
        episode_timeout=c.episode_timeout,
        concurrency=len(specs),
    )
    try:
        records = rollout(policy, specs, cfg)
    except Exception as e:  # the whole batch failed: every episode counts as failed
        records = [
            {
                "domain": s.domain,
                "task_id": f"{s.domain}-{s.index}",
                "error": {"type": type(e).__name__, "message": str(e)[:300]},
            }
            for s in specs
        ]
    for r, s in zip(records, specs, strict=True):
        r["_spec"] = (s.domain, s.index)
    return records, groups


def split_usable(
    records: list[dict[str, Any]], groups: list[int], step: int
) -> tuple[list[dict[str, Any]], list[int], list[dict[str, Any]]]:
    """``(kept records, their groups, failures)``; a failure names the step, the task and
    why the record cannot be trained on."""
    kept, kept_groups, failures = [], [], []
    for r, g in zip(records, groups, strict=True):
        why = usable(r)
        if why is None:
            kept.append(r)
            kept_groups.append(g)
        else:
            failures.append({"step": step, "task_id": r.get("task_id"), "reason": why})
    return kept, kept_groups, failures


def log_failures(run_dir: Path, failures: list[dict[str, Any]]) -> None:
    """Append ``failures`` to ``run_dir/failures.jsonl`` (nothing when there are none)."""
    if failures:
        with (run_dir / "failures.jsonl").open("a") as f:
            for x in failures:
                f.write(json.dumps(x) + "\n")


__all__ = [
    "collect_rollouts",
    "log_failures",
    "make_policy",
    "sample_tasks",
    "split_usable",
    "step_seed",
    "task_pool",
]
