"""The shape every domain has: a toolkit, a task generator, a state factory, a grader."""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from ..episode import EpisodeLog
from ..rewards import Grade
from ..tasks import Task, parse_task_id, task_split
from ..tools.registry import Toolkit


@dataclass(frozen=True)
class Domain:
    """A clinical domain.

    ``make_task(index)`` builds task number ``index`` deterministically (0 <= index <
    n_tasks); ``new_state(task)`` builds the mutable episode state the tools act on;
    ``grade(task, state, log)`` scores the finished episode.
    """

    name: str
    description: str
    toolkit: Toolkit
    n_tasks: int
    make_task: Callable[[int], Task]
    new_state: Callable[[Task], Any]
    grade: Callable[[Task, Any, EpisodeLog], Grade]
    instructions: str  # the role and the rules, shown at the top of every episode
    # optional extra content parts for multimodal models, e.g. the episode's image as an
    # OpenAI image part: {"type": "image_url", "image_url": {"url": "data:image/png;..."}}
    reset_content: Callable[[Task, Any], list[dict[str, Any]]] | None = None

    @property
    def submit_tool(self) -> str:
        """Name of the terminal tool that submits the final answer."""
        return next(t.name for t in self.toolkit if t.terminal)

    def task(self, index_or_id: int | str) -> Task:
        """Task by index or id (``<domain>-<index>``)."""
        if isinstance(index_or_id, str):
            domain, index = parse_task_id(index_or_id)
            if domain != self.name:
                raise ValueError(f"task {index_or_id!r} is not in domain {self.name!r}")
        else:
            index = index_or_id
        if not 0 <= index < self.n_tasks:
            raise ValueError(f"{self.name} has tasks 0..{self.n_tasks - 1}, not {index}")
        return self.make_task(index)

    def indices(self, split: str | None = None) -> list[int]:
        """Task indices of a split (``None`` = all), cheap: no task is generated."""
        if split not in (None, "train", "test"):
            raise ValueError(f"split must be 'train', 'test' or None, not {split!r}")
        return [
            i for i in range(self.n_tasks) if split is None or task_split(self.name, i) == split
        ]


def declare_domain(
    package: str,
    *,
    description: str,
    instructions: str,
    reset_content: Callable[[Task, Any], list[dict[str, Any]]] | None = None,
) -> Domain:
    """The :class:`Domain` of a package of the standard shape (``docs/adding-a-domain.md``).

    ``package`` is the domain package's ``__name__``; its last part is the domain's name.
    The parts come from the package's fixed modules: ``records.new_state``,
    ``tools.ALL_TOOLS``, ``tasks.N_TASKS`` and ``tasks.make_task``, ``grading.grade``.
    A missing module or name raises, naming it.
    """
    name = package.rsplit(".", 1)[-1]

    def part(module: str, attr: str) -> Any:
        mod = importlib.import_module(f"{package}.{module}")
        if not hasattr(mod, attr):
            raise TypeError(f"domain {name!r}: {package}.{module} must define {attr}")
        return getattr(mod, attr)

    return Domain(
        name=name,
        description=description,
        toolkit=Toolkit(list(part("tools", "ALL_TOOLS")), domain=name),
        n_tasks=part("tasks", "N_TASKS"),
        make_task=part("tasks", "make_task"),
        new_state=part("records", "new_state"),
        grade=part("grading", "grade"),
        instructions=instructions,
        reset_content=reset_content,
    )
