"""The contract between benchmark loaders, scorers and the evaluation harness.

A loader turns a benchmark's public files into :class:`EvalItem` records; a scorer
turns one item and a model's final answer text into a :class:`ScoreResult`; a
:class:`Benchmark` ties a name to its loader, its scorer and what the harness may offer
the agent. The harness only ever sees these three types, so adding a benchmark means
writing one loader and (at most) one scorer and registering them.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

# mcq: lettered options, gold = letter; yes_no: gold = "yes"/"no"/"maybe" (options hold
# them lettered too); calc: gold = MedCalc-Bench answer with its bounds/output type in
# ``meta``; long_form: gold = reference answer text, must-have statements in ``meta``;
# sql: gold = the answer rows (``meta`` holds the gold SQL); vqa: gold = short answer,
# ``image`` the image path, ``meta["answer_type"]`` "closed" or "open".
ItemKind = Literal["mcq", "yes_no", "calc", "long_form", "sql", "vqa"]


@dataclass(frozen=True)
class EvalItem:
    """One benchmark question. ``gold`` is never shown to the policy."""

    id: str
    benchmark: str
    kind: ItemKind
    question: str
    gold: Any
    options: dict[str, str] = field(default_factory=dict)
    context: tuple[str, ...] = ()
    image: str | None = None
    meta: dict[str, Any] = field(default_factory=dict)

    @property
    def uid(self) -> str:
        return f"{self.benchmark}/{self.id}"


@dataclass(frozen=True)
class ScoreResult:
    """``score`` in [0, 1] (1 = correct; partial credit for long-form/F1 scorers);
    ``correct`` the binary decision the accuracy and its interval use; ``extracted``
    what the scorer read from the answer (a letter, a number, rows ...); ``details``
    anything else worth keeping in the per-item record."""

    score: float
    correct: bool
    extracted: Any = None
    details: dict[str, Any] = field(default_factory=dict)


Loader = Callable[[Path], list[EvalItem]]  # data_dir (layout of shared/benchmarks) -> items
Scorer = Callable[[EvalItem, str], ScoreResult]  # (item, final answer text) -> score


@dataclass(frozen=True)
class Benchmark:
    """A registered benchmark. ``load(data_dir)`` reads the files under ``data_dir``
    laid out as ``shared/benchmarks`` is; ``tools`` names the tool groups the agentic
    mode offers (``"knowledge"``, ``"calculators"``, ``"sql"``, ``"image"``)."""

    name: str
    kind: ItemKind
    load: Loader
    score: Scorer
    description: str = ""
    tools: tuple[str, ...] = ("knowledge",)
