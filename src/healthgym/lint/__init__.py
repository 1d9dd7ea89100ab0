"""Task lint: declarative consistency rules over every generated task's hidden record.

``healthgym tasks lint`` (:mod:`healthgym.cli_lint`) builds each task, turns its
hidden record into patient views (:mod:`.views`) and runs the rules (:mod:`.rules`,
each citing its source).  See :func:`.runner.lint_suite`.
"""

from __future__ import annotations

from .model import PatientView, Violation
from .rules import RULES, check
from .runner import LintReport, lint_suite, lint_task

__all__ = ["RULES", "LintReport", "PatientView", "Violation", "check", "lint_suite", "lint_task"]
