"""Agentic mode: benchmark items as episodes of the multi-turn rollout runner.

Each item becomes a prepared :class:`~healthgym.tasks.Task` that
:func:`healthgym.rollout.run_rollouts` plays like any other task, so a model is
evaluated by exactly the loop it is trained in:

* multiple-choice and yes/no items with at most five options are ``medical_qa`` tasks
  (:func:`healthgym.domains.medical_qa.benchmark_task`): knowledge search and reader,
  the score calculator and ``submit_answer(answer=<letter>, rationale)``;
* every other item (MedCalc, long-form, EHRSQL, VQA, MCQ with more options) runs in an
  evaluation domain built here for its benchmark: the knowledge tools, the calculator
  tools when the benchmark offers ``"calculators"``, ``run_sql`` (on the user's SQLite
  database, through the EHRSQL scorer's own read-only executor and query
  normalisation) when it offers ``"sql"``, and the terminal
  ``submit_final_answer(answer)``. The task carries that domain as ``episode_domain``
  (the hook of :meth:`healthgym.env.HealthGymEnv.reset`); no domain is registered.

Whichever route, the harness reads the submitted answer from the episode record
(:func:`submitted_answer`) and scores it with the benchmark's own scorer. The gold
answer is never in a task's prompt; it is only in the reference solution (which the
scripted oracle replays) and is read by the evaluation grader through the item.
"""

from __future__ import annotations

import base64
import hashlib
import json
import mimetypes
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Any

from pydantic import PrivateAttr

from ..agents.scripted import ScriptedSession
from ..datasets import MCQRecord
from ..domains.base import Domain
from ..domains.medical_qa import benchmark_task
from ..domains.medical_qa.records import LETTERS as QA_LETTERS
from ..domains.shared.calculator_tools import CALCULATOR_TOOLS
from ..episode import EpisodeLog
from ..knowledge.tools import KNOWLEDGE_TOOLS
from ..rewards import Grade
from ..rollout import EpisodeSpec
from ..tasks import RefCall, ReferenceSolution, Task
from ..tools import MaxLen, ToolError, Toolkit, format_hermes, tool
from .items import Benchmark, EvalItem, ScoreResult
from .prompts import agentic_prompt

HOME_DOMAIN = "medical_qa"  # the registered domain whose environments host eval episodes
MCQ_SUBMIT = "submit_answer"
SUBMIT = "submit_final_answer"
SQL_MAX_ROWS = 50  # rows shown to the agent
SQL_MAX_SCAN = 10_000  # rows a query may return at all
SQL_TIME_LIMIT_S = 5.0
INSTRUCTIONS = (
    "You are a physician answering a benchmark question. Use the tools you need, then "
    f"call {SUBMIT} with your final answer in the format the question asks for."
)


# ------------------------------------------------------------------ the eval domain
@dataclass
class EvalState:
    """An evaluation episode's state: the item it asks and the user's SQL database."""

    uid: str
    db_path: str | None = None


@tool(terminal=True)
def submit_final_answer(state: EvalState, answer: Annotated[str, MaxLen(8000)]) -> str:
    """Submit your final answer to the question. Ends the episode.

    Args:
        answer: the final answer, in the format the question asks for.
    """
    return "Answer submitted."


def _cell(value: Any) -> str:
    text = "NULL" if value is None else str(value)
    return text if len(text) <= 200 else text[:200] + "..."


@tool(kind="observe")
def run_sql(state: EvalState, query: Annotated[str, MaxLen(4000)]) -> str:
    """Run a read-only SQLite query on the patient database; returns up to 50 rows.

    Args:
        query: one SQLite SELECT statement.
    """
    from .scorers.sql import SqlExecutionError, execute_readonly, postprocess

    if not state.db_path:
        raise ToolError("no database is configured for this evaluation (--sql-db PATH)")
    try:
        rows = execute_readonly(state.db_path, postprocess(query), SQL_TIME_LIMIT_S, SQL_MAX_SCAN)
    except SqlExecutionError as e:
        raise ToolError(str(e)) from None
    except FileNotFoundError:
        raise ToolError(f"the database {Path(state.db_path).name} does not exist") from None
    lines = [" | ".join(_cell(v) for v in r) for r in rows[:SQL_MAX_ROWS]]
    shown = f" (the first {SQL_MAX_ROWS} shown)" if len(rows) > SQL_MAX_ROWS else ""
    return f"{len(rows)} row(s){shown}" + "".join("\n" + line for line in lines)


def _jsonable(value: Any) -> Any:
    try:
        json.dumps(value)
        return value
    except (TypeError, ValueError):
        return repr(value)


def image_part(path: str) -> list[dict[str, Any]]:
    """The image at ``path`` as an OpenAI ``image_url`` content part (none if missing)."""
    p = Path(path)
    if not p.is_file():
        return []
    kind = mimetypes.guess_type(p.name)[0] or "image/png"
    data = base64.b64encode(p.read_bytes()).decode("ascii")
    return [{"type": "image_url", "image_url": {"url": f"data:{kind};base64,{data}"}}]


def eval_domain(benchmark: Benchmark, items: dict[str, EvalItem]) -> Domain:
    """The episode domain of ``benchmark``'s items (``items``: uid -> item).

    Its grader scores the submitted answer with the benchmark's scorer, so the
    episode's accuracy reward is the benchmark's own score.
    """
    tools = [*KNOWLEDGE_TOOLS]
    if "calculators" in benchmark.tools:
        tools += CALCULATOR_TOOLS
    if "sql" in benchmark.tools:
        tools.append(run_sql)
    tools.append(submit_final_answer)
    name = f"eval_{benchmark.name}"

    def grade(task: Task, state: EvalState, log: EpisodeLog) -> Grade:
        item = items[task.grader["uid"]]
        if log.answer is None:
            return Grade(accuracy=0.0, details={"correct": False, "submitted": False})
        result = benchmark.score(item, str(log.answer.get("answer", "")))
        details = {"correct": result.correct, "extracted": _jsonable(result.extracted)}
        return Grade(accuracy=float(result.score), details=details)

    def reset_content(task: Task, state: EvalState) -> list[dict[str, Any]]:
        image = items[task.grader["uid"]].image
        return image_part(image) if image else []

    def new_state(task: Task) -> EvalState:
        return EvalState(uid=task.grader["uid"], db_path=task.hidden.get("db_path"))

    def make_task(index: int) -> Task:
        raise ValueError(f"{name} has no task suite; its tasks are prepared items")

    return Domain(
        name=name,
        description=f"Evaluation episodes of {benchmark.name}",
        toolkit=Toolkit(tools, domain=name),
        n_tasks=0,
        make_task=make_task,
        new_state=new_state,
        grade=grade,
        instructions=INSTRUCTIONS,
        reset_content=reset_content,
    )


class EvalTask(Task):
    """A prepared task that brings its own (unregistered) episode domain."""

    _episode_domain: Domain | None = PrivateAttr(default=None)

    @property
    def episode_domain(self) -> Domain | None:
        return self._episode_domain


# ------------------------------------------------------------------ items -> tasks
def reference_answer(item: EvalItem) -> str:
    """The answer a perfect agent submits: the gold letter / word / value, the gold SQL
    (``meta['sql']``, ``null`` when unanswerable) for EHRSQL, the reference text for
    long-form items."""
    if item.kind == "sql":  # the gold query, or the abstention of an unanswerable one
        return str(item.meta.get("sql") or "null")
    if isinstance(item.gold, (list, tuple)):
        return ", ".join(str(g) for g in item.gold)
    return str(item.gold)


def gold_letter(item: EvalItem) -> str | None:
    """The letter of the correct option (MCQ: the gold; yes/no: the option naming it)."""
    if item.kind == "mcq":
        return str(item.gold).strip().upper()
    if item.kind == "yes_no":
        gold = str(item.gold).strip().lower()
        return next((k for k, v in item.options.items() if v.strip().lower() == gold), None)
    return None


def uses_medical_qa(item: EvalItem) -> bool:
    """Whether the item runs as a ``medical_qa`` task (lettered options A-E, known key)."""
    letters = list(item.options)
    return (
        item.kind in ("mcq", "yes_no")
        and 2 <= len(letters) <= len(QA_LETTERS)
        and letters == list(QA_LETTERS[: len(letters)])
        and gold_letter(item) in item.options
    )


def _seed(uid: str) -> int:
    return int.from_bytes(hashlib.sha256(f"eval/{uid}".encode()).digest()[:8], "big") % 2**63


def item_task(item: EvalItem, index: int, domain: Domain, db_path: str | None = None) -> Task:
    """``item`` as a prepared task (see the module docstring for the two routes)."""
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
    answer = reference_answer(item)
    task = EvalTask(
        id=f"{domain.name}/{item.id}",
        domain=domain.name,
        index=index,
        seed=_seed(item.uid),
        split="test",
        prompt=agentic_prompt(item, SUBMIT),
        allowed_tools=[t.name for t in domain.toolkit],
        hidden={"db_path": db_path or item.meta.get("db_path")},
        reference=ReferenceSolution(
            calls=[RefCall(name=SUBMIT, arguments={"answer": answer})],
            answer={"answer": answer},
        ),
        grader={"uid": item.uid, "kind": item.kind},
    )
    task._episode_domain = domain
    return task


def episode_specs(
    benchmark: Benchmark, items: list[EvalItem], db_path: str | None = None
) -> list[EpisodeSpec]:
    """One rollout episode per item, in order."""
    domain = eval_domain(benchmark, {it.uid: it for it in items})
    return [
        EpisodeSpec(HOME_DOMAIN, i, item_task(it, i, domain, db_path)) for i, it in enumerate(items)
    ]


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


class _Replay:
    """Replays the task's reference calls, one per turn (the oracle)."""

    name = "oracle"

    def __init__(self) -> None:
        self.queue: list[str] = []

    def reset(self, task: Task, observation: str, info: dict[str, Any]) -> None:
        self.queue = [format_hermes(c.name, c.arguments) for c in task.reference.calls]

    def act(self, observation: str) -> str:
        return self.queue.pop(0) if self.queue else "I have nothing more to add."


class EvalScriptedAgent:
    """A scripted :class:`~healthgym.agents.base.AgentPolicy` for evaluation episodes.

    ``answers`` maps a task id to the submit action of ``lazy``/``random``; ``oracle``
    replays each task's reference solution (the gold answer) instead.
    """

    def __init__(self, name: str, answers: dict[str, str] | None = None) -> None:
        self.name = name
        self.answers = answers or {}

    def start(self, task: Task, observation: str, info: dict[str, Any]) -> ScriptedSession:
        policy: _OneShot | _Replay
        policy = _Replay() if self.name == "oracle" else _OneShot(self.answers[task.id])
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
