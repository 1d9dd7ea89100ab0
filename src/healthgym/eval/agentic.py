"""Agentic mode: benchmark items as episodes of the multi-turn rollout runner.

Each item becomes a prepared :class:`~healthgym.tasks.Task` that
:func:`healthgym.rollout.run_rollouts` plays like any other task, so a model is
evaluated by exactly the loop it is trained in:

* multiple-choice and yes/no items with at most five options are ``medical_qa`` tasks
  (:func:`healthgym.domains.medical_qa.benchmark_task`): knowledge search and reader,
  the score calculator and ``submit_answer(answer=<letter>, rationale)``;
* every other item (MedCalc, long-form, EHRSQL, VQA, MCQ with more options) is a task
  of its benchmark's registered evaluation domain ``eval_<benchmark>``
  (:mod:`.domain`): the knowledge tools, the calculator tools when the benchmark offers
  ``"calculators"``, ``run_sql`` when it offers ``"sql"``, and the terminal
  ``submit_final_answer(answer)``.

Whichever route, the harness reads the submitted answer from the episode record
(:func:`submitted_answer`) and scores it with the benchmark's own scorer. The gold
answer is never in a task's prompt; it is only in the reference solution (which the
scripted oracle replays) and is read by the evaluation grader through the item.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from dataclasses import replace
from functools import partial
from typing import Any

from ..agents.baselines import OraclePolicy
from ..agents.scripted import ScriptedSession
from ..datasets import MCQRecord
from ..domains.medical_qa import LETTERS as QA_LETTERS
from ..domains.medical_qa import benchmark_task
from ..rollout import EpisodeSpec, RolloutConfig, run_rollouts
from ..tasks import Task
from ..tools import format_hermes
from .config import EvalConfig
from .domain import SUBMIT, bind_items, eval_task, task_index
from .items import Benchmark, EvalItem, ScoreResult
from .records import item_record, safe_score
from .scripted import SCRIPTED_POLICIES, gold_letter, scripted_answer, scripted_letter
from .work import CHUNK, Plan, Sink, Work, as_plan, chunks, make_model_agent, trial_fields

HOME_DOMAIN = "medical_qa"  # the registered domain of the lettered multiple-choice items
MCQ_SUBMIT = "submit_answer"


# ------------------------------------------------------------------ items -> tasks
def uses_medical_qa(item: EvalItem) -> bool:
    """Whether the item runs as a ``medical_qa`` task (lettered options A-E, known key)."""
    letters = list(item.options)
    return (
        item.kind in ("mcq", "yes_no")
        and 2 <= len(letters) <= len(QA_LETTERS)
        and letters == list(QA_LETTERS[: len(letters)])
        and gold_letter(item) in item.options
    )


def item_task(item: EvalItem, index: int, benchmark: Benchmark, db_path: str | None = None) -> Task:
    """``item`` as a prepared task (see the module docstring for the two routes):
    ``index`` numbers a ``medical_qa`` task; an evaluation-domain task is bound to its
    domain and keeps the index it has there."""
    if uses_medical_qa(item):
        record = MCQRecord(
            id=item.id,
            source=item.benchmark,
            question=item.question,
            options=dict(item.options),
            answer=str(gold_letter(item)),
            context=tuple(item.context),
        )
        return benchmark_task(record, index=index)
    bind_items(benchmark, [item])
    return eval_task(item, task_index(benchmark, item), benchmark, db_path)


def episode_specs(
    benchmark: Benchmark, items: list[EvalItem], db_path: str | None = None
) -> list[EpisodeSpec]:
    """One rollout episode per item, in order."""
    own = [it for it in items if not uses_medical_qa(it)]
    if own:
        bind_items(benchmark, own)
    specs = []
    for i, it in enumerate(items):
        task = item_task(it, i, benchmark, db_path)
        specs.append(EpisodeSpec(task.domain, task.index, task))
    return specs


# ------------------------------------------------------------------ scripted agents
def submit_action(item: EvalItem, answer: str) -> str:
    """The Hermes call that submits ``answer`` (a letter for medical_qa tasks)."""
    if uses_medical_qa(item):
        return format_hermes(MCQ_SUBMIT, {"answer": answer, "rationale": "scripted answer"})
    return format_hermes(SUBMIT, {"answer": answer})


class _OneShot:
    """Submits a fixed action at once."""

    name = "scripted"

    def __init__(self, action: str) -> None:
        self.action = action

    def reset(self, task: Task, observation: str, info: dict[str, Any]) -> None:
        pass

    def act(self, observation: str) -> str:
        return self.action


class EvalScriptedAgent:
    """A scripted :class:`~healthgym.agents.base.AgentPolicy` for evaluation episodes.

    ``answers`` maps a task id to the submit action of ``lazy``/``random``; ``oracle``
    replays each task's reference solution (the gold answer) instead.
    """

    def __init__(self, name: str, answers: dict[str, str] | None = None) -> None:
        self.name = name
        self.answers = answers or {}

    def start(self, task: Task, observation: str, info: dict[str, Any]) -> ScriptedSession:
        policy: _OneShot | OraclePolicy
        policy = OraclePolicy() if self.name == "oracle" else _OneShot(self.answers[task.id])
        policy.reset(task, observation, info)
        return ScriptedSession(policy, observation)

    async def aclose(self) -> None:
        pass


# ------------------------------------------------------------------ reading episodes
def submitted_answer(record: dict[str, Any]) -> str | None:
    """The ``answer`` argument of the episode's accepted submission (None if none)."""
    for turn in record.get("turns") or []:
        for call in turn.get("tool_calls") or []:
            if call.get("name") in (SUBMIT, MCQ_SUBMIT) and call.get("status") == "ok":
                return str((call.get("arguments") or {}).get("answer", ""))
    return None


def episode_result(
    item: EvalItem, record: dict[str, Any], score: Callable[[EvalItem, str], ScoreResult]
) -> tuple[str | None, ScoreResult, dict[str, Any]]:
    """The submitted answer, its score and the episode's own fields (turns, tool calls,
    how it ended, its reward, its error) of one finished episode."""
    answer = submitted_answer(record)
    result = score(item, answer) if answer is not None else ScoreResult(0.0, False, None)
    turns = record.get("turns") or []
    error = record.get("error")
    extra = {
        "error": (error.get("message") or error.get("type")) if error else None,
        "turns": len(turns),
        "tool_calls": [c.get("name") for t in turns for c in t.get("tool_calls") or []],
        "ended_by": record.get("ended_by"),
        "reward": record.get("reward"),
        "completion_tokens": record.get("completion_tokens"),
        "seconds": record.get("seconds"),
    }
    return answer, result, extra


# ------------------------------------------------------------------ the mode
def run_agentic(work: Work | Plan, cfg: EvalConfig, sink: Sink, agent: Any = None) -> None:
    """Every item an episode of the rollout runner, ``CHUNK`` items per rollout call
    (records are written after each); see the module docstring."""
    plan = as_plan(work)
    if agent is None and cfg.policy in SCRIPTED_POLICIES:
        agent = EvalScriptedAgent(cfg.policy, {})
    elif agent is None:
        agent = make_model_agent(cfg)
    local = cfg.policy in ("local", "smollm2")
    rcfg = RolloutConfig(
        max_turns=cfg.max_turns,
        max_new_tokens=cfg.max_new_tokens,
        concurrency=min(cfg.concurrency, cfg.batch_size) if local else cfg.concurrency,
    )

    async def main() -> None:
        try:
            for trial, trial_work in plan:
                tag = trial_fields(cfg, trial)
                for bench, items in chunks(trial_work, CHUNK):
                    specs = episode_specs(bench, items, cfg.sql_db)
                    if tag:  # the session samples with the trial's seed
                        specs = [replace(sp, trial=trial, seed=tag["seed"]) for sp in specs]
                    if isinstance(agent, EvalScriptedAgent):
                        for it, spec in zip(items, specs, strict=True):
                            assert spec.task is not None
                            pick = scripted_letter if uses_medical_qa(it) else scripted_answer
                            answer = pick(cfg.policy, it, cfg.seed + trial) or ""
                            agent.answers[spec.task.id] = submit_action(it, answer)
                    records = await run_rollouts(agent, specs, rcfg)
                    for it, rec in zip(items, records, strict=True):
                        answer, result, extra = episode_result(it, rec, partial(safe_score, bench))
                        sink(item_record(it, cfg, answer, result, **extra, **tag))
        finally:
            await agent.aclose()

    asyncio.run(main())
