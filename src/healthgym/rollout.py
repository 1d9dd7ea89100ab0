"""Concurrent multi-turn rollouts: many episodes at once, across domains, with asyncio.

Each episode runs the straight line of the design: ``env.reset`` -> the policy's
session generates a turn -> ``env.step`` -> the session observes the reply -> ... until
the episode is submitted, reaches the turn limit, or spends its token budget (that
turn is then made the last: the environment truncates and grades it). Every turn is
recorded: the action, its tool calls and their results, the observation, timings and
token counts; the final record holds the reward components, the session's messages
and, for local models, the token-level fields (``prompt_ids``, ``completion_ids``,
``logprobs``, ``env_mask``/``loss_mask``).

A failure (an exception, a timeout, a server error after retries) ends only its own
episode: the record carries ``error`` and the batch goes on. A context-length failure
(:class:`~healthgym.agents.base.ContextLengthExceeded`) is not a failure: the episode
ends truncated and graded (``ended_by: "context_length"``, the reward components
present). With ``context_window`` set, each request is first fitted to
``context_window`` minus the turn's ``max_new_tokens`` (or ``context_reserve`` when none
is set) by trimming old tool output (sessions with ``fit_context``: see
:func:`healthgym.agents.chat.trim_tool_output`).

``EpisodeSpec.trial`` / ``seed`` run a task several times (``healthgym run --trials``):
a session with ``set_seed`` samples with that seed, and the record carries both.

This is the one episode loop of healthgym: the scripted reference policies run in it
through :class:`~healthgym.agents.scripted.ScriptedAgent`, and
:func:`healthgym.runner.run_episode` / :func:`~healthgym.runner.run_suite` are its
synchronous faces (:func:`play`). :func:`healthgym.runner.summarize` aggregates the
records.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import time
import traceback
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from .agents.base import AgentPolicy, AgentSession, ContextLengthExceeded
from .domains import get_domain
from .env import HealthGymEnv
from .tasks import Task, task_id
from .version import suite_version


@dataclass(frozen=True)
class EpisodeSpec:
    """One episode to run: task ``index`` of ``domain``, or a prepared ``task`` (e.g. a
    dataset row or a generated task), which then skips task generation at reset."""

    domain: str
    index: int
    task: Task | None = None
    trial: int | None = None
    seed: int | None = None


@dataclass
class RolloutConfig:
    """``token_budget``: completion tokens an episode may generate in all (None: no
    limit); ``max_new_tokens``: per turn; ``context_reserve``: room kept for the
    environment's reply when a local model's context fills up; ``episode_timeout``:
    seconds per episode; ``concurrency``: episodes in flight; ``context_window``: the
    server model's context in tokens (None: unknown, nothing is trimmed)."""

    max_turns: int = 20
    token_budget: int | None = None
    max_new_tokens: int | None = None
    context_reserve: int = 512
    episode_timeout: float | None = None
    concurrency: int = 64
    context_window: int | None = None


def select_tasks(domain: str, split: str | None, limit: int | None) -> list[int]:
    """The first ``limit`` task indices of ``domain``'s split (all when ``limit`` is None)."""
    indices = get_domain(domain).indices(split)
    return indices[:limit] if limit else indices


def episode_specs(
    domains: list[str], split: str | None, limit_per_domain: int | None
) -> list[EpisodeSpec]:
    """The first ``limit_per_domain`` tasks of each domain's split, domain by domain."""
    return [EpisodeSpec(d, i) for d in domains for i in select_tasks(d, split, limit_per_domain)]


def trial_specs(specs: list[EpisodeSpec], trials: int, seed: int = 0) -> list[EpisodeSpec]:
    """Every spec ``trials`` times, trial by trial; trial ``t`` samples with seed
    ``seed + t``."""
    return [
        EpisodeSpec(s.domain, s.index, s.task, trial=t, seed=seed + t)
        for t in range(trials)
        for s in specs
    ]


class _EnvPool:
    """Reuses environments per domain (building one indexes the domain's tasks)."""

    def __init__(self, max_turns: int) -> None:
        self.max_turns = max_turns
        self.free: dict[str, list[HealthGymEnv]] = {}

    def get(self, domain: str) -> HealthGymEnv:
        free = self.free.setdefault(domain, [])
        return free.pop() if free else HealthGymEnv(domain, split=None, max_turns=self.max_turns)

    def put(self, env: HealthGymEnv) -> None:
        env.max_turns = self.max_turns
        self.free.setdefault(env.domain.name, []).append(env)


def _turn_calls(env: HealthGymEnv, turn: int) -> list[dict[str, Any]]:
    return [
        {"name": c.name, "arguments": c.arguments, "status": c.status, "result": c.observation}
        for c in env.log.calls
        if c.turn == turn
    ]


async def _episode(
    agent: AgentPolicy,
    env: HealthGymEnv,
    spec: EpisodeSpec,
    cfg: RolloutConfig,
    record_errors: bool = True,
) -> dict[str, Any]:
    """Play one episode on ``env`` and return its record. A failure is recorded in the
    record's ``error`` (``record_errors``) or raised."""
    start = time.perf_counter()
    record: dict[str, Any] = {
        "task_id": task_id(spec.domain, spec.index),
        "domain": spec.domain,
        "suite_version": suite_version(),
        "policy": agent.name,
        "turns": [],
        "ended_by": None,
        "reward": None,
        "reward_components": None,
        "error": None,
        "completion_tokens": 0,
        "healthgym_seconds": 0.0,
    }
    if spec.trial is not None:
        record["trial"], record["seed"] = spec.trial, spec.seed
    session: AgentSession | None = None
    try:
        t0 = time.perf_counter()
        options = (
            {"task_id": task_id(spec.domain, spec.index)}
            if spec.task is None
            else {"task": spec.task}
        )
        obs, info = env.reset(options=options)
        assert env.task is not None
        record["task_id"], record["task_hash"] = env.task.id, env.task.content_hash()
        record["reset_seconds"] = time.perf_counter() - t0
        session = agent.start(env.task, obs, info)
        set_seed = getattr(session, "set_seed", None)
        if spec.seed is not None and set_seed is not None:
            set_seed(spec.seed)
        record["healthgym_seconds"] += time.perf_counter() - t0
        done = False
        while not done:
            limit = _turn_limit(cfg, record["completion_tokens"], session)
            fit = getattr(session, "fit_context", None)
            if cfg.context_window is not None and fit is not None:
                fit(max(1, cfg.context_window - (limit or cfg.context_reserve)))
            try:
                gen = await session.generate(limit)
            except ContextLengthExceeded as e:
                _grade_truncated(env, record, "context_length")
                record["context_length"] = {
                    "limit": e.limit,
                    "requested": e.requested,
                    "message": str(e)[:500],
                }
                break
            t0 = time.perf_counter()
            used = record["completion_tokens"] + (gen.completion_tokens or 0)
            record["completion_tokens"] = used
            if _out_of_budget(cfg, used, session):
                env.max_turns = env.log.turns + 1  # this step becomes the last one
            obs, reward, terminated, truncated, step_info = env.step(gen.action)
            done = terminated or truncated
            turn = step_info["turn"]
            record["turns"].append(
                {
                    "turn": turn,
                    "action": gen.action,
                    "text": gen.text,
                    "tool_calls": _turn_calls(env, turn),
                    "observation": obs,
                    "reward": reward,
                    "finish_reason": gen.finish_reason,
                    "prompt_tokens": gen.prompt_tokens,
                    "completion_tokens": gen.completion_tokens,
                    "retries": gen.retries,
                    "gen_seconds": round(gen.seconds, 5),
                }
            )
            if done:
                record["reward"] = reward
                record["reward_components"] = step_info["reward_components"]
                record["env_errors"] = step_info.get("env_errors", 0)
                ended = step_info.get("ended_by")
                budget_end = truncated and env.max_turns < cfg.max_turns
                record["ended_by"] = "token_budget" if budget_end else ended
            else:
                session.observe(obs, step_info)
            spent = time.perf_counter() - t0
            record["turns"][-1]["env_seconds"] = round(spent, 6)
            record["healthgym_seconds"] += spent
    except asyncio.CancelledError:
        raise
    except Exception as e:  # recorded; the other episodes go on
        if not record_errors:
            raise
        record["error"] = _error(e, len(record["turns"]))
    finally:
        if session is not None:
            record.update(session.trajectory())
            session.close()
    record["seconds"] = round(time.perf_counter() - start, 4)
    return record


def _grade_truncated(env: HealthGymEnv, record: dict[str, Any], reason: str) -> None:
    """End the episode where it stands, truncated, and grade it (as a turn limit
    would): the reward components are never lost."""
    env.log.ended_by = reason
    env._done = True
    breakdown = env._finish()
    record["reward"] = breakdown.composite
    record["reward_components"] = breakdown.components()
    record["env_errors"] = env.log.env_errors
    record["ended_by"] = reason
    record["truncated"] = True


def _turn_limit(cfg: RolloutConfig, used: int, session: AgentSession) -> int | None:
    limits = [cfg.max_new_tokens]
    if cfg.token_budget is not None:
        limits.append(max(1, cfg.token_budget - used))
    room = getattr(session, "context_room", None)
    if room is not None:
        limits.append(max(1, room()))
    given = [x for x in limits if x is not None]
    return min(given) if given else None


def _out_of_budget(cfg: RolloutConfig, used: int, session: AgentSession) -> bool:
    if cfg.token_budget is not None and used >= cfg.token_budget:
        return True
    room = getattr(session, "context_room", None)
    return room is not None and room() < cfg.context_reserve


def _error(e: BaseException, turn: int) -> dict[str, Any]:
    status = getattr(e, "status_code", None)
    return {
        "type": type(e).__name__,
        "message": str(e)[:500] or type(e).__name__,
        "status_code": status,
        "turn": turn,
        "traceback": traceback.format_exc(limit=4)[-2000:],
    }


async def run_rollouts(
    agent: AgentPolicy,
    specs: list[EpisodeSpec],
    config: RolloutConfig | None = None,
    on_result: Callable[[dict[str, Any]], None] | None = None,
) -> list[dict[str, Any]]:
    """Run every episode of ``specs`` (at most ``config.concurrency`` at a time) and
    return the records in the order of ``specs``."""
    cfg = config or RolloutConfig()
    pool = _EnvPool(cfg.max_turns)
    gate = asyncio.Semaphore(max(1, cfg.concurrency))

    async def one(spec: EpisodeSpec) -> dict[str, Any]:
        async with gate:
            env = pool.get(spec.domain)
            try:
                coro = _episode(agent, env, spec, cfg)
                record = await asyncio.wait_for(coro, cfg.episode_timeout)
            except asyncio.TimeoutError as e:
                record = {
                    "task_id": task_id(spec.domain, spec.index),
                    "domain": spec.domain,
                    **({"trial": spec.trial, "seed": spec.seed} if spec.trial is not None else {}),
                    "policy": agent.name,
                    "turns": [],
                    "reward": None,
                    "reward_components": None,
                    "ended_by": None,
                    "error": _error(e, env.log.turns) | {"message": "episode timeout"},
                    "seconds": cfg.episode_timeout,
                }
            pool.put(env)
        if on_result is not None:
            on_result(record)
        return record

    return list(await asyncio.gather(*(one(s) for s in specs)))


def rollout(
    agent: AgentPolicy,
    specs: list[EpisodeSpec],
    config: RolloutConfig | None = None,
    on_result: Callable[[dict[str, Any]], None] | None = None,
) -> list[dict[str, Any]]:
    """Synchronous wrapper: runs :func:`run_rollouts` and closes the agent."""

    async def main() -> list[dict[str, Any]]:
        try:
            return await run_rollouts(agent, specs, config, on_result)
        finally:
            await agent.aclose()

    return asyncio.run(main())


def play(agent: AgentPolicy, env: HealthGymEnv, spec: EpisodeSpec) -> dict[str, Any]:
    """One episode of ``spec`` on the caller's ``env``, synchronously: the loop of
    :func:`run_rollouts` with the environment's turn limit, no token budget and no
    timeout; a failure is raised, not recorded. The agent stays open."""
    cfg = RolloutConfig(max_turns=env.max_turns, concurrency=1)
    coro = _episode(agent, env, spec, cfg, record_errors=False)
    try:
        asyncio.get_running_loop()
    except RuntimeError:  # no event loop in this thread: the usual case
        return asyncio.run(coro)
    with concurrent.futures.ThreadPoolExecutor(1) as pool:  # called from async code
        return pool.submit(asyncio.run, coro).result()
