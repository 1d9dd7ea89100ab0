"""Task lint: declarative consistency rules over every generated task's hidden record.

``healthgym tasks lint`` (:mod:`healthgym.cli_lint`) builds each task, turns its
hidden record into patient views (:mod:`.views`) and runs the rules (:mod:`.rules`,
each citing its source); task-level rules (:mod:`.tool_facts`) call the domain's
observe tools and check what they print.  See :func:`.runner.lint_suite`.
"""

from __future__ import annotations

from .model import PatientView, Violation
from .rules import RULES, check
from .runner import LintReport, lint_suite, lint_task
from .tool_facts import TASK_RULES

# every rule name: the record rules (RULES, on patient views) and the task-level rules
# (TASK_RULES, which run the domain's tools: tool_fact_traceable)
ALL_RULES: tuple[str, ...] = (*RULES, *TASK_RULES)

__all__ = [
    "ALL_RULES",
    "RULES",
    "TASK_RULES",
    "LintReport",
    "PatientView",
    "Violation",
    "check",
    "lint_suite",
    "lint_task",
]
