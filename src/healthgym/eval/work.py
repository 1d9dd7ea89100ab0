"""The work of a run (benchmarks, their items and trials) and the model policy it uses."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

from .config import EvalConfig
from .items import Benchmark, EvalItem

CHUNK = 64  # agentic items per rollout call (records are written after each)
Work = list[tuple[Benchmark, list[EvalItem]]]
# the work of each trial, trial by trial (resuming may leave different items per trial)
Plan = list[tuple[int, Work]]
Sink = Callable[[dict[str, Any]], None]


def make_model_agent(cfg: EvalConfig) -> Any:
    """The :class:`~healthgym.agents.base.AgentPolicy` of a model policy."""
    from ..agents.factory import AgentOptions, make_agent

    agent = make_agent(
        AgentOptions(
            policy=cfg.policy,
            seed=cfg.seed,
            base_url=cfg.base_url,
            model=cfg.model,
            api_key_env=cfg.api_key_env,
            concurrency=cfg.concurrency,
            timeout=cfg.timeout,
            max_retries=cfg.max_retries,
            tools_mode=cfg.tools_mode,
            temperature=cfg.temperature,
            max_new_tokens=cfg.max_new_tokens,
            batch_size=cfg.batch_size,
        )
    )
    if cfg.multimodal and hasattr(agent, "multimodal"):
        agent.multimodal = True
    return agent


def trial_fields(cfg: EvalConfig, trial: int) -> dict[str, Any]:
    """``trial`` and ``seed`` of a record of a run with trials (none for one trial)."""
    return {"trial": trial, "seed": cfg.seed + trial} if cfg.trials > 1 else {}


def as_plan(work: Work | Plan) -> Plan:
    """A plain work list is the one trial 0."""
    if work and isinstance(work[0][0], int):
        return work
    return [(0, work)]


def chunks(work: Work, size: int) -> Iterator[tuple[Benchmark, list[EvalItem]]]:
    for bench, items in work:
        for i in range(0, len(items), size):
            yield bench, items[i : i + size]
