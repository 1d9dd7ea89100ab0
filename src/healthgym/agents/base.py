"""The policy interface the episode loop drives, and the scripted-policy shape.

* :class:`AgentPolicy`: the one interface of the episode loop
  (:mod:`healthgym.rollout`). ``start`` opens an :class:`AgentSession` per episode;
  the session keeps that episode's full multi-turn history (messages, and for local
  models the exact token stream) and its ``generate`` coroutine returns a
  :class:`Generation`. One policy serves many concurrent episodes.
* :class:`Policy`: the shape of a scripted reference policy (oracle, lazy, random,
  the exploit and shallow-reader probes): ``reset`` then ``act`` per turn.
  :class:`~healthgym.agents.scripted.ScriptedAgent` adapts it to
  :class:`AgentPolicy`; nothing drives it directly.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Protocol

from ..tasks import Task


class Policy(Protocol):
    """A scripted policy: the agent's next message from the latest observation (run
    through :class:`~healthgym.agents.scripted.ScriptedAgent`)."""

    name: str

    def reset(self, task: Task, observation: str, info: dict[str, Any]) -> None:
        """Start an episode. Scripted reference policies may read the task; model
        policies must use only ``observation`` and ``info``."""

    def act(self, observation: str) -> str:
        """The next assistant message (text with tool calls)."""
        ...


@dataclass
class Generation:
    """One assistant turn as produced by a policy.

    ``action`` is what goes to :meth:`HealthGymEnv.step`: text (Hermes
    ``<tool_call>`` blocks) or an OpenAI assistant message with ``tool_calls``.
    Token fields are filled by local models only: ``completion_ids`` are exactly the
    sampled ids (stop token included) and ``logprobs`` their log-probabilities under
    the sampling distribution.
    """

    text: str
    action: str | dict[str, Any]
    tool_calls: list[dict[str, Any]] = field(default_factory=list)
    finish_reason: str | None = None
    prompt_tokens: int | None = None
    completion_tokens: int | None = None
    completion_ids: list[int] | None = None
    logprobs: list[float] | None = None
    seconds: float = 0.0
    retries: int = 0


class ContextLengthExceeded(RuntimeError):
    """The model's context window cannot hold the episode's next request.

    A policy raises it (instead of an error) when the server reports a context-length
    failure (OpenAI's ``context_length_exceeded`` code, or "maximum context length is
    N tokens ... you requested M"); the rollout then ends the episode as truncated and
    grades it (``ended_by: "context_length"``): a deterministic limit of the setup, not a
    transport failure, and the reward components are never lost.
    """

    def __init__(self, message: str, limit: int | None = None, requested: int | None = None):
        super().__init__(message)
        self.limit = limit
        self.requested = requested


class AgentSession(Protocol):
    """One episode's conversation with a model-backed policy."""

    async def generate(self, max_new_tokens: int | None = None) -> Generation:
        """The next assistant turn (appended to the session's history)."""
        ...

    def observe(self, observation: str, info: dict[str, Any]) -> None:
        """Append the environment's reply to the last turn (tool results)."""

    def trajectory(self) -> dict[str, Any]:
        """What the session recorded: ``messages`` and, for local models, the
        token-level fields (``prompt_ids``, ``completion_ids``, ``logprobs``,
        ``env_mask``/``loss_mask``)."""
        ...

    def close(self) -> None:
        """Free what the session holds (e.g. a KV cache)."""


class AgentPolicy(Protocol):
    """A policy that serves many concurrent episodes."""

    name: str

    def start(self, task: Task, observation: str, info: dict[str, Any]) -> AgentSession:
        """Open the session of a new episode. Model policies read only ``observation``
        and ``info`` (the task is passed for scripted policies)."""
        ...

    async def aclose(self) -> None:
        """Release clients, threads and models."""
