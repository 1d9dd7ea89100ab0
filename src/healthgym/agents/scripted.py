"""Run the synchronous scripted policies (oracle, lazy, random) in the async rollout.

The rollout runner (:mod:`healthgym.rollout`) is the one episode loop and drives only
:class:`~healthgym.agents.base.AgentPolicy`; :class:`ScriptedAgent` adapts a scripted
:class:`~healthgym.agents.base.Policy` (``reset`` + ``act``) to it. By default each
episode gets its own deep copy of the domain's policy object, so concurrent episodes
never share per-episode state (the oracle's queue, the random stream);
:meth:`ScriptedAgent.driving` drives one policy object itself instead (the synchronous
:func:`healthgym.runner.run_episode`, one episode at a time).
"""

from __future__ import annotations

import copy
import time
from collections.abc import Callable
from typing import Any

from ..tasks import Task
from .base import Generation, Policy


class ScriptedSession:
    def __init__(self, policy: Policy, observation: str) -> None:
        self.policy = policy
        self.last_observation = observation
        self.messages: list[dict[str, Any]] = [{"role": "user", "content": observation}]

    async def generate(self, max_new_tokens: int | None = None) -> Generation:
        start = time.perf_counter()
        text = self.policy.act(self.last_observation)
        self.messages.append({"role": "assistant", "content": text})
        return Generation(text=text, action=text, seconds=time.perf_counter() - start)

    def observe(self, observation: str, info: dict[str, Any]) -> None:
        self.last_observation = observation
        self.messages.append({"role": "user", "content": observation})

    def trajectory(self) -> dict[str, Any]:
        return {"messages": self.messages}

    def close(self) -> None:
        pass


class ScriptedAgent:
    """Adapts ``make_policy(domain) -> Policy`` to the :class:`AgentPolicy` interface.

    ``isolate`` (default): every episode plays a deep copy of the domain's policy;
    otherwise the policy object itself, whose state then carries from one episode to
    the next (run its episodes one at a time)."""

    def __init__(
        self,
        make_policy: Callable[[str], Policy],
        name: str | None = None,
        isolate: bool = True,
    ) -> None:
        self.make_policy = make_policy
        self.isolate = isolate
        self._prototypes: dict[str, Policy] = {}
        self.name = name or ""

    @classmethod
    def driving(cls, policy: Policy) -> ScriptedAgent:
        """An agent that plays ``policy`` itself in every domain (no copies)."""
        return cls(lambda domain: policy, name=policy.name, isolate=False)

    def start(self, task: Task, observation: str, info: dict[str, Any]) -> ScriptedSession:
        if task.domain not in self._prototypes:
            self._prototypes[task.domain] = self.make_policy(task.domain)
        policy = self._prototypes[task.domain]
        if self.isolate:
            policy = copy.deepcopy(policy)
        self.name = self.name or policy.name
        policy.reset(task, observation, info)
        return ScriptedSession(policy, observation)

    async def aclose(self) -> None:
        pass
