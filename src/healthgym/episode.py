"""What happened in an episode: the call log the grader and the reward read."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any, Literal

EndReason = Literal["submitted", "turn_limit"]


@dataclass
class CallRecord:
    """One attempted tool call and what came of it.

    ``status`` is ``ok`` (the tool ran), ``tool_error`` (well-formed, but the tool
    refused, e.g. a lab that was not ordered yet), ``invalid`` (unknown tool or
    arguments that do not fit the schema), ``malformed`` (unparseable call) or
    ``env_error`` (the tool itself failed unexpectedly: a bug of the environment, logged
    with its traceback; it counts neither for nor against the agent's format).
    """

    turn: int
    name: str
    arguments: dict[str, Any]
    status: Literal["ok", "tool_error", "invalid", "malformed", "env_error"]
    observation: str

    @property
    def well_formed(self) -> bool:
        return self.status in ("ok", "tool_error")


@dataclass
class EpisodeLog:
    calls: list[CallRecord] = field(default_factory=list)
    messages: list[str] = field(default_factory=list)  # free text the agent wrote
    turns: int = 0
    answer: dict[str, Any] | None = None
    ended_by: EndReason | None = None

    @property
    def env_errors(self) -> int:
        """Calls on which a tool failed unexpectedly (environment bugs)."""
        return sum(c.status == "env_error" for c in self.calls)

    def successful(self, name: str | None = None) -> list[CallRecord]:
        """Calls that ran, optionally only those of one tool."""
        return [c for c in self.calls if c.status == "ok" and (name is None or c.name == name)]

    def to_dict(self) -> dict[str, Any]:
        return {
            "calls": [asdict(c) for c in self.calls],
            "messages": list(self.messages),
            "turns": self.turns,
            "answer": self.answer,
            "ended_by": self.ended_by,
        }
