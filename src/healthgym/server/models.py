"""Request and response bodies of the HTTP environment server (pydantic models).

Their JSON schemas are what ``GET /schema`` serves.  Requests forbid unknown fields
so a typo is a clear 422, not a silently ignored option.
"""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

MAX_SEED = 2**63 - 1
Action = str | dict[str, Any] | list[dict[str, Any]]


class ResetRequest(BaseModel):
    """Start an episode: a task by id or index, or one drawn from a split with ``seed``."""

    model_config = ConfigDict(extra="forbid")

    domain: str = Field(max_length=64, description="a domain name, see GET /metadata")
    seed: int | None = Field(default=None, ge=0, le=MAX_SEED)
    task_index: int | None = Field(
        default=None,
        ge=0,
        le=10**9,
        description=(
            "position of the task inside `split` (0-based, in task-id order; with split "
            "'all' the domain-wide index); out of range is a 422. task_id is global."
        ),
    )
    task_id: str | None = Field(default=None, max_length=128)
    split: Literal["train", "test", "all"] = "train"
    max_turns: int | None = Field(default=None, ge=1)

    @model_validator(mode="after")
    def _one_task_selector(self) -> ResetRequest:
        if self.task_index is not None and self.task_id is not None:
            raise ValueError("give task_index or task_id, not both")
        return self


class ResetResponse(BaseModel):
    session_id: str
    observation: str
    info: dict[str, Any] = Field(
        description="task_id, domain, split, max_turns, tools (OpenAI function schemas), "
        "and for image domains content (OpenAI content parts)"
    )


class StepRequest(BaseModel):
    """One agent turn: Hermes text, a bare JSON call, or an OpenAI assistant message."""

    model_config = ConfigDict(extra="forbid")

    session_id: str = Field(max_length=128)
    action: Action


class StepResponse(BaseModel):
    observation: str
    reward: float
    terminated: bool
    truncated: bool
    done: bool
    info: dict[str, Any] = Field(
        description="turn, task_id; at the end also reward_components and ended_by"
    )


class StateResponse(BaseModel):
    session_id: str
    domain: str
    task_id: str | None
    split: str | None
    turn: int
    max_turns: int
    tool_calls: list[dict[str, Any]]
    done: bool
    ended_by: str | None
    idle_s: float
    reward: float | None = None
    reward_components: dict[str, Any] | None = None
