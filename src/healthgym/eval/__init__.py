"""Evaluation on standard medical benchmarks, by the same agent runner as training.

:mod:`.items` is the contract (items, scores, benchmarks), :mod:`.registry` names the
benchmarks, :mod:`.harness` runs them in ``direct``, ``agentic`` or ``loglik`` mode
(:mod:`.direct`, :mod:`.agentic` with the evaluation domains of :mod:`.domain`,
:mod:`.loglik`),
:mod:`.stats` computes accuracies with bootstrap intervals, :mod:`.report` writes
the combined table of several runs and :mod:`.contamination` measures the n-gram
overlap of the generated tasks with the benchmarks. Nothing here imports torch at module level.
"""

from __future__ import annotations

from .config import EvalConfig
from .harness import run_eval
from .items import Benchmark, EvalItem, ScoreResult
from .stats import accuracy_ci, bootstrap_ci
from .summary import summarize

__all__ = [
    "Benchmark",
    "EvalConfig",
    "EvalItem",
    "ScoreResult",
    "accuracy_ci",
    "bootstrap_ci",
    "run_eval",
    "summarize",
]
