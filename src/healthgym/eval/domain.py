"""The evaluation domains: where benchmark items that are not ``medical_qa`` tasks run.

Each benchmark gets one domain, ``eval_<benchmark>``, registered with the public domain
registry (:func:`healthgym.domains.register_domain`) the first time its items are bound
(:func:`bind_items`), so an environment opens it by name like any other domain
(``HealthGymEnv("eval_medcalc", split=None)``). Its toolkit holds every evaluation
tool: the knowledge tools, the calculator tools, ``run_sql`` (on the user's SQLite
database, through the shared read-only executor :mod:`healthgym.tools.sql` and the
EHRSQL scorer's query normalisation) and the terminal ``submit_final_answer(answer)``;
each task allows only the groups its benchmark offers (:func:`allowed_tools`).

The domain's tasks are the items bound to it: :func:`bind_items` binds a benchmark's
items by uid (task ``i`` is the ``i``-th item bound, :func:`eval_task`), and the
domain's grader scores the submitted answer with the benchmark's scorer, so the
episode's accuracy reward is the benchmark's own score. Binding a uid again (a later
run, another benchmark object of the same name) replaces its item and scorer. The gold
answer is never in a task's prompt; it is only in the reference solution.
"""

from __future__ import annotations

import base64
import hashlib
import mimetypes
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Any

from ..domains import register_domain
from ..domains.base import Domain
from ..episode import EpisodeLog
from ..knowledge.tools import KNOWLEDGE_TOOLS
from ..rewards import Grade
from ..tasks import RefCall, ReferenceSolution, Task
from ..tools import MaxLen, ToolError, Toolkit, tool
from ..tools.calculators import CALCULATOR_TOOLS
from ..tools.sql import run_readonly_file
from .items import Benchmark, EvalItem
from .prompts import agentic_prompt
from .records import jsonable
from .scorers.sql import FUNCTIONS, postprocess
from .scripted import reference_answer

SUBMIT = "submit_final_answer"
SQL_MAX_ROWS = 50  # rows shown to the agent
SQL_MAX_SCAN = 10_000  # rows a query may return at all
SQL_TIME_LIMIT_S = 5.0
INSTRUCTIONS = (
    "You are a physician answering a benchmark question. Use the tools you need, then "
    f"call {SUBMIT} with your final answer in the format the question asks for."
)


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
    if not state.db_path:
        raise ToolError("no database is configured for this evaluation (--sql-db PATH)")
    try:
        result = run_readonly_file(
            state.db_path,
            postprocess(query),
            time_limit_s=SQL_TIME_LIMIT_S,
            max_rows=SQL_MAX_SCAN,
            functions=FUNCTIONS,
        )
    except FileNotFoundError:
        raise ToolError(f"the database {Path(state.db_path).name} does not exist") from None
    if result.truncated:
        raise ToolError(f"the query returned more than {SQL_MAX_SCAN} rows")
    rows = result.rows
    lines = [" | ".join(_cell(v) for v in r) for r in rows[:SQL_MAX_ROWS]]
    shown = f" (the first {SQL_MAX_ROWS} shown)" if len(rows) > SQL_MAX_ROWS else ""
    return f"{len(rows)} row(s){shown}" + "".join("\n" + line for line in lines)


TOOL_GROUPS: dict[str, tuple[Any, ...]] = {
    "knowledge": tuple(KNOWLEDGE_TOOLS),
    "calculators": tuple(CALCULATOR_TOOLS),
    "sql": (run_sql,),
}


def allowed_tools(benchmark: Benchmark) -> list[str]:
    """The tools an episode of ``benchmark`` offers: the knowledge tools, the groups the
    benchmark names, and the submission, in toolkit order."""
    groups = ["knowledge", *(g for g in ("calculators", "sql") if g in benchmark.tools)]
    return [t.name for g in groups for t in TOOL_GROUPS[g]] + [SUBMIT]


def image_part(path: str) -> list[dict[str, Any]]:
    """The image at ``path`` as an OpenAI ``image_url`` content part (none if missing)."""
    p = Path(path)
    if not p.is_file():
        return []
    kind = mimetypes.guess_type(p.name)[0] or "image/png"
    data = base64.b64encode(p.read_bytes()).decode("ascii")
    return [{"type": "image_url", "image_url": {"url": f"data:{kind};base64,{data}"}}]


def _seed(uid: str) -> int:
    return int.from_bytes(hashlib.sha256(f"eval/{uid}".encode()).digest()[:8], "big") % 2**63


def eval_task(item: EvalItem, index: int, benchmark: Benchmark, db_path: str | None = None) -> Task:
    """``item`` as task ``index`` of its benchmark's evaluation domain. The gold answer is
    only in the reference solution (which the scripted oracle replays)."""
    name = domain_name(benchmark)
    answer = reference_answer(item)
    return Task(
        id=f"{name}/{item.id}",
        domain=name,
        index=index,
        seed=_seed(item.uid),
        split="test",
        prompt=agentic_prompt(item, SUBMIT),
        allowed_tools=allowed_tools(benchmark),
        hidden={"db_path": db_path or item.meta.get("db_path")},
        reference=ReferenceSolution(
            calls=[RefCall(name=SUBMIT, arguments={"answer": answer})],
            answer={"answer": answer},
        ),
        grader={"uid": item.uid, "kind": item.kind},
    )


class _Host:
    """One evaluation domain's bound items: uid -> (item, benchmark), in binding order."""

    def __init__(self) -> None:
        self.bound: dict[str, tuple[EvalItem, Benchmark]] = {}
        self.order: dict[str, int] = {}  # uid -> task index
        self.domain: Domain | None = None

    def bind(self, items: list[EvalItem], benchmark: Benchmark) -> None:
        for item in items:
            self.order.setdefault(item.uid, len(self.order))
            self.bound[item.uid] = (item, benchmark)

    def item(self, task: Task) -> tuple[EvalItem, Benchmark]:
        return self.bound[task.grader["uid"]]

    def make_task(self, index: int) -> Task:
        uid = list(self.order)[index]
        item, benchmark = self.bound[uid]
        return eval_task(item, index, benchmark)

    def new_state(self, task: Task) -> EvalState:
        return EvalState(uid=task.grader["uid"], db_path=task.hidden.get("db_path"))

    def grade(self, task: Task, state: EvalState, log: EpisodeLog) -> Grade:
        item, benchmark = self.item(task)
        if log.answer is None:
            return Grade(accuracy=0.0, details={"correct": False, "submitted": False})
        result = benchmark.score(item, str(log.answer.get("answer", "")))
        details = {"correct": result.correct, "extracted": jsonable(result.extracted)}
        return Grade(accuracy=float(result.score), details=details)

    def reset_content(self, task: Task, state: EvalState) -> list[dict[str, Any]]:
        image = self.item(task)[0].image
        return image_part(image) if image else []


_hosts: dict[str, _Host] = {}
_lock = threading.Lock()


def domain_name(benchmark: Benchmark) -> str:
    """The evaluation domain of ``benchmark``: ``eval_<benchmark>``."""
    return f"eval_{benchmark.name}"


def bind_items(benchmark: Benchmark, items: list[EvalItem]) -> Domain:
    """Bind ``items`` (with ``benchmark``, whose scorer grades them) to the benchmark's
    evaluation domain, registering the domain on first use, and return it. Its
    ``n_tasks`` counts the items bound when it was registered (later items run as
    prepared tasks, e.g. from :func:`eval_task`)."""
    name = domain_name(benchmark)
    with _lock:
        host = _hosts.setdefault(name, _Host())
        host.bind(items, benchmark)
        if host.domain is None:
            tools = [t for group in TOOL_GROUPS.values() for t in group]
            host.domain = Domain(
                name=name,
                description=f"Evaluation episodes of {benchmark.name}",
                toolkit=Toolkit([*tools, submit_final_answer], domain=name),
                n_tasks=len(host.order),
                make_task=host.make_task,
                new_state=host.new_state,
                grade=host.grade,
                instructions=INSTRUCTIONS,
                reset_content=host.reset_content,
            )
            register_domain(host.domain)
        return host.domain


def task_index(benchmark: Benchmark, item: EvalItem) -> int:
    """The task index of a bound item in its benchmark's evaluation domain."""
    return _hosts[domain_name(benchmark)].order[item.uid]
