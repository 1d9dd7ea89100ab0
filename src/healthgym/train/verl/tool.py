"""A verl ``BaseTool`` backed by HealthGym environments (requires verl >= 0.9).

verl builds one tool object per tool name from the tool-config YAML (see
:mod:`.tool_config`). Its tool agent loop (``verl.experimental.agent_loop.ToolAgentLoop``)
runs each call of the model as ``create(create_kwargs=...)`` -> ``execute(instance_id,
parameters, agent_data=...)`` -> ``release(instance_id)``, with the row's
``extra_info.tools_kwargs[<tool>]["create_kwargs"]`` (from :mod:`.export`: the task id
and domain). The episode must outlive a single call and be shared by the trajectory's
different tools, so :class:`HealthGymTool` keeps it on the trajectory's ``agent_data``
(verl's per-trajectory state object), and records the calls and, once the episode ends,
its reward components in ``agent_data.extra_fields["healthgym"]``, which verl hands to
``compute_score`` (:mod:`.reward`). Used without ``agent_data`` (the plain ``BaseTool``
contract: ``create`` -> ``execute``... -> ``calc_reward`` -> ``release`` on one instance
id), the episode is kept per instance id instead.

Each call is one environment step (validated, run, logged for the reward); the step
reward returned to verl is 0.0 (the episode's reward is scored once, at the end).
``config`` keys: ``max_turns`` (default 20) and optional ``env_factory``,
``"module:attribute"`` of a callable ``(domain, max_turns) -> env-like`` (for instance
a remote HTTP environment client) used instead of a local ``HealthGymEnv``.
"""

from __future__ import annotations

import importlib
from typing import Any
from uuid import uuid4

from verl.tools.base_tool import BaseTool
from verl.tools.schemas import OpenAIFunctionToolSchema, ToolResponse

from ..env_session import EnvFactory, EpisodeSession, local_env_factory
from .reward import SESSION_KEY

_AGENT_ATTR = "_healthgym_session"


def load_env_factory(spec: str | None, max_turns: int) -> EnvFactory:
    """The env factory named by ``"module:attribute"`` (called as ``f(domain,
    max_turns)``), or the local one."""
    if not spec:
        return local_env_factory(max_turns)
    module, _, attr = spec.partition(":")
    if not module or not attr:
        raise ValueError(f"env_factory must be 'module:attribute', got {spec!r}")
    fn = getattr(importlib.import_module(module), attr)
    return lambda domain: fn(domain, max_turns)


class HealthGymTool(BaseTool):
    """One HealthGym tool (by name) for verl's tool agent loop."""

    def __init__(self, config: dict[str, Any], tool_schema: OpenAIFunctionToolSchema) -> None:
        super().__init__(config, tool_schema)
        self.max_turns = int(config.get("max_turns", 20))
        self.env_factory = load_env_factory(config.get("env_factory"), self.max_turns)
        self._instances: dict[str, dict[str, Any]] = {}

    async def create(
        self, instance_id: str | None = None, **kwargs: Any
    ) -> tuple[str, ToolResponse]:
        """Register an instance with its ``create_kwargs`` (``task_id``, ``domain``)."""
        if instance_id is None:
            instance_id = str(uuid4())
        create = kwargs.get("create_kwargs")
        if not isinstance(create, dict):
            create = kwargs
        self._instances[instance_id] = {
            "task_id": create.get("task_id"),
            "domain": create.get("domain"),
            "session": None,
        }
        return instance_id, ToolResponse()

    def _session(self, instance_id: str, agent_data: Any) -> EpisodeSession:
        inst = self._instances.get(instance_id)
        if inst is None:
            raise ValueError(f"unknown tool instance {instance_id!r}; call create() first")
        holder_session = getattr(agent_data, _AGENT_ATTR, None) if agent_data is not None else None
        session = holder_session or inst["session"]
        if session is None:
            tid = inst["task_id"]
            if not isinstance(tid, str) or not tid:
                raise ValueError("create_kwargs carry no task_id (see healthgym.train.verl.export)")
            domain = inst["domain"] or tid.rpartition("-")[0]
            session = EpisodeSession(self.env_factory(domain))
            session.start(tid)
        inst["session"] = session
        if agent_data is not None:
            setattr(agent_data, _AGENT_ATTR, session)
        return session

    async def execute(
        self, instance_id: str, parameters: dict[str, Any], **kwargs: Any
    ) -> tuple[ToolResponse, float, dict[str, Any]]:
        """Run the call in the trajectory's episode; the observation is the response."""
        agent_data = kwargs.get("agent_data")
        session = self._session(instance_id, agent_data)
        text = session.call(self.name, parameters if isinstance(parameters, dict) else {})
        if agent_data is not None and isinstance(getattr(agent_data, "extra_fields", None), dict):
            agent_data.extra_fields[SESSION_KEY] = record(session)
        metrics = {"healthgym_steps": session.steps, "healthgym_done": session.done}
        return ToolResponse(text=text), 0.0, metrics

    async def calc_reward(self, instance_id: str, **kwargs: Any) -> float:
        """The episode's composite reward (an open episode is closed and graded)."""
        session = self._session(instance_id, kwargs.get("agent_data"))
        return float(session.finish()["composite"])

    async def release(self, instance_id: str, **kwargs: Any) -> None:
        """Forget the instance (the trajectory's episode lives on its ``agent_data``)."""
        self._instances.pop(instance_id, None)


def record(session: EpisodeSession) -> dict[str, Any]:
    """The plain-data record of an episode that :func:`.reward.compute_score` reads."""
    return {
        "task_id": session.task_id,
        "calls": [dict(c) for c in session.calls],
        "done": session.done,
        "reward_components": dict(session.components) if session.components else None,
    }


__all__ = ["HealthGymTool", "load_env_factory", "record"]
