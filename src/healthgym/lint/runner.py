"""Run the lint over the generated suite: every task of the chosen domains is built,
viewed (:mod:`.views`) and checked (:mod:`.rules`); the task-level rules
(:data:`.tool_facts.TASK_RULES`: ``tool_fact_traceable``) run the domain's observe tools
on a fresh episode state and check what they print.

Generating the tasks dominates the runtime; the work is spread over worker processes
(one per CPU by default), each taking contiguous chunks of one domain's indices.  A
task whose generation raises is reported as a ``task_generation`` violation (the
suite cannot ship a task that cannot be built).
"""

from __future__ import annotations

import multiprocessing as mp
import os
import time
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

from ..domains import get_domain
from ..tasks import Task, task_id
from .model import PatientView, Violation
from .rules import RULES, check
from .tool_facts import OPT_IN, TASK_RULES
from .views import VIEWS

CHUNK = 40  # tasks per work item


@dataclass
class LintReport:
    tasks: int
    violations: list[Violation]
    seconds: float
    tasks_by_domain: dict[str, int] = field(default_factory=dict)

    def to_dict(self) -> dict:
        return {
            "tasks": self.tasks,
            "violations": [v.to_dict() for v in self.violations],
            "seconds": round(self.seconds, 2),
        }

    def counts(self) -> Counter[tuple[str, str]]:
        """(domain, rule) -> number of violations."""
        return Counter((v.task_id.rsplit("-", 1)[0], v.rule) for v in self.violations)


def _no_views(task: Task) -> list[PatientView]:
    return []


def lint_task(domain: str, index: int, rules: Iterable[str] | None = None) -> list[Violation]:
    """The violations of task ``index`` of ``domain``."""
    try:
        task = get_domain(domain).make_task(index)
    except Exception as e:
        return [Violation(task_id(domain, index), "task_generation", f"{type(e).__name__}: {e}")]
    only = set(rules) if rules is not None else None
    out = []
    # patient-view rules apply to domains that describe their patients (lint.views)
    for view in VIEWS.get(domain, _no_views)(task):
        for name, detail in check(view, only):
            who = "" if view.who == "patient" else f"{view.who}: "
            out.append(Violation(task.id, name, who + detail))
    # task-level rules run the domain's tools on a fresh episode state (.tool_facts);
    # those in OPT_IN only when named
    for name, fn in TASK_RULES.items():
        if (only is None and name in OPT_IN) or (only is not None and name not in only):
            continue
        try:
            out += [Violation(task.id, name, d) for d in fn(domain, task)]
        except Exception as e:  # a tool that crashes on its own task is a finding too
            out.append(Violation(task.id, name, f"tool raised {type(e).__name__}: {e}"))
    return out


def _work(item: tuple[str, int, int, tuple[str, ...] | None]) -> tuple[int, list[Violation]]:
    domain, start, stop, rules = item
    out: list[Violation] = []
    for i in range(start, stop):
        out += lint_task(domain, i, rules)
    return stop - start, out


def lint_suite(
    domains: list[str],
    rules: Iterable[str] | None = None,
    workers: int | None = None,
    limit: int | None = None,
) -> LintReport:
    """Lint every task of ``domains`` (the first ``limit`` of each, if given)."""
    t0 = time.perf_counter()
    only = tuple(rules) if rules is not None else None
    if only is not None:
        unknown = set(only) - set(RULES) - set(TASK_RULES)
        if unknown:
            raise KeyError(f"unknown rule(s): {', '.join(sorted(unknown))}")
    items = []
    sizes = {}
    for d in domains:
        n = get_domain(d).n_tasks if limit is None else min(limit, get_domain(d).n_tasks)
        sizes[d] = n
        items += [(d, s, min(s + CHUNK, n), only) for s in range(0, n, CHUNK)]
    workers = workers or max(1, min(len(items), os.cpu_count() or 1))
    violations: list[Violation] = []
    total = 0
    if workers == 1:
        results = map(_work, items)
        for n, vs in results:
            total += n
            violations += vs
    else:
        ctx = mp.get_context("fork") if "fork" in mp.get_all_start_methods() else mp.get_context()
        with ctx.Pool(workers) as pool:
            for n, vs in pool.imap(_work, items):
                total += n
                violations += vs
    return LintReport(total, violations, time.perf_counter() - t0, sizes)
