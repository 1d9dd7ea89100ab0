"""The policy interface the episode runner drives."""

from __future__ import annotations

from typing import Any, Protocol

from ..tasks import Task


class Policy(Protocol):
    """Produces the agent's next message from the latest observation."""

    name: str

    def reset(self, task: Task, observation: str, info: dict[str, Any]) -> None:
        """Start an episode. Scripted reference policies may read the task; model
        policies must use only ``observation`` and ``info``."""

    def act(self, observation: str) -> str:
        """The next assistant message (text with tool calls)."""
        ...
