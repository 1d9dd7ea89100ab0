"""One episode of an environment driven one tool call at a time: the core that the TRL
environment class, the TRL reward functions and the verl tool adapter share.

The environment is any *env-like* object with the Gymnasium methods of
:class:`healthgym.env.HealthGymEnv`: ``reset(seed=..., options={"task_id": ...}) ->
(observation, info)`` and ``step(action) -> (observation, reward, terminated,
truncated, info)``, the last ``info`` of an episode holding ``reward_components``. A
local :class:`~healthgym.env.HealthGymEnv` is the default; a remote HTTP client with the
same two methods plugs in through the ``env_factory`` argument of the adapters.

Each call is sent to the environment as one Hermes block
``<tool_call>{"name": ..., "arguments": {...}}</tool_call>`` (one environment step, so
one turn per call): the environment validates the arguments, runs the tool, logs the
call for the process and format rewards, and ends the episode on a submit tool. An
episode the model leaves without submitting is closed by :meth:`EpisodeSession.finish`
the way the rollout runner closes one that runs out of token budget: one last step with
no tool call is made the episode's last turn, so the environment truncates and grades it
(no valid submission: composite 0). Such an episode's ``ended_by`` is
``"closed_without_submission"`` (:data:`CLOSED_WITHOUT_SUBMISSION`), never the
environment's ``"turn_limit"`` of that forced last turn.

``tool_list_in_prompt=False`` leaves the environment's text list of tools (the
``Tools available:`` block) out of the initial observation, for a caller whose chat
template already renders the tools' JSON schemas (one copy of the tools in the prompt).
The environment itself is unchanged; its default observation keeps the list.
"""

from __future__ import annotations

import json
from collections import OrderedDict
from collections.abc import Callable, Sequence
from typing import Any, Protocol

from ..tasks import parse_task_id, task_id

MAX_FINISH_STEPS = 1000  # an env-like without ``max_turns`` is stepped at most this often
ENDED = "The episode has ended; no further tool calls are accepted."
REPLAY_CACHE_SIZE = 4096
CLOSED_WITHOUT_SUBMISSION = "closed_without_submission"  # ended_by of an episode finish() closed
TOOL_LIST_HEADER = "\n\nTools available:\n"  # the text tool list of the initial observation


def without_tool_list(observation: str) -> str:
    """The initial observation without its ``Tools available:`` block (the paragraph
    listing one ``- name(args): description`` line per tool); unchanged if it has none."""
    start = observation.find(TOOL_LIST_HEADER)
    if start < 0:
        return observation
    end = observation.find("\n\n", start + len(TOOL_LIST_HEADER))
    return observation[:start] + (observation[end:] if end >= 0 else "")


class EnvLike(Protocol):
    """What the adapters need from an environment (local or remote)."""

    def reset(
        self, *, seed: int | None = None, options: dict[str, Any] | None = None
    ) -> tuple[str, dict[str, Any]]: ...

    def step(self, action: Any) -> tuple[str, float, bool, bool, dict[str, Any]]: ...


EnvFactory = Callable[[str], EnvLike]  # domain name -> a fresh environment of that domain


def local_env_factory(max_turns: int = 20) -> EnvFactory:
    """A factory of local :class:`~healthgym.env.HealthGymEnv` over every split."""

    def make(domain: str) -> EnvLike:
        from ..env import HealthGymEnv

        return HealthGymEnv(domain, split=None, max_turns=max_turns)

    return make


def hermes_call(name: str, arguments: Any) -> str:
    """One tool call as a Hermes ``<tool_call>`` block (ASCII JSON)."""
    return "<tool_call>" + json.dumps({"name": name, "arguments": arguments}) + "</tool_call>"


def resolve_task_id(row: dict[str, Any]) -> str:
    """The task id of a dataset row: ``task_id``, or ``domain`` + ``index``.

    Raises ``ValueError`` naming what is missing.
    """
    tid = row.get("task_id")
    if isinstance(tid, str) and tid:
        parse_task_id(tid)  # validates the form
        return tid
    domain, index = row.get("domain"), row.get("index")
    if isinstance(domain, str) and domain and index is not None:
        return task_id(domain, int(index))
    raise ValueError("a row needs a 'task_id', or a 'domain' and an 'index'")


class EpisodeSession:
    """The state of one episode of ``env``: observations, calls sent, and the outcome.

    ``tool_list_in_prompt=False``: :meth:`start` returns the initial observation without
    the environment's text tool list (see :func:`without_tool_list`).
    """

    def __init__(self, env: EnvLike, *, tool_list_in_prompt: bool = True) -> None:
        self.env = env
        self.tool_list_in_prompt = tool_list_in_prompt
        self._max_turns = getattr(env, "max_turns", None)
        self.task_id: str | None = None
        self.initial_observation = ""  # what reset returned (the model's first input)
        self.observation = ""
        self.info: dict[str, Any] = {}
        self.calls: list[dict[str, Any]] = []  # {"name", "arguments"} in the order sent
        self.steps = 0
        self.done = False
        self.reward: float | None = None
        self.components: dict[str, Any] | None = None
        self.ended_by: str | None = None

    # ----------------------------------------------------------------- episode
    def start(self, tid: str, seed: int | None = None) -> str:
        """Reset the environment to task ``tid``; returns the initial observation."""
        if self._max_turns is not None:
            self.env.max_turns = self._max_turns  # type: ignore[attr-defined]
        self.observation, self.info = self.env.reset(seed=seed, options={"task_id": tid})
        if not self.tool_list_in_prompt:
            self.observation = without_tool_list(self.observation)
        self.initial_observation = self.observation
        self.task_id = tid
        self.calls = []
        self.steps = 0
        self.done = False
        self.reward = None
        self.components = None
        self.ended_by = None
        return self.observation

    @property
    def task(self) -> Any:
        """The environment's current :class:`~healthgym.tasks.Task`, when it exposes it."""
        return getattr(self.env, "task", None)

    def act(self, action: Any) -> str:
        """Send one raw action (text or message) as one step; returns the observation."""
        if self.task_id is None:
            raise RuntimeError("start() the episode first")
        if self.done:
            return ENDED
        obs, reward, terminated, truncated, info = self.env.step(action)
        self.steps += 1
        self.observation, self.info = obs, info
        if terminated or truncated:
            self.done = True
            self.reward = float(reward)
            self.components = dict(info.get("reward_components") or {})
            self.ended_by = info.get("ended_by")
        return obs

    def call(self, name: str, arguments: Any) -> str:
        """Send one tool call; returns the environment's answer (never raises on bad
        arguments: the environment reports them to the model)."""
        if self.done:
            return ENDED
        self.calls.append({"name": name, "arguments": arguments})
        return self.act(hermes_call(name, arguments))

    def finish(self) -> dict[str, Any]:
        """Close the episode if still open and return every reward component.

        An open episode gets one last step with no tool call, made its last turn (the
        environment truncates and grades it, as when a rollout runs out of budget; no
        valid submission, so its composite is 0); its ``ended_by`` is
        :data:`CLOSED_WITHOUT_SUBMISSION`, whether or not any call was made.
        """
        if self.task_id is None:
            raise RuntimeError("start() the episode first")
        closing = not self.done
        if not self.done and hasattr(self.env, "max_turns"):
            self.env.max_turns = self.steps + 1  # type: ignore[attr-defined]
            self.act("")
        for _ in range(MAX_FINISH_STEPS):
            if self.done:
                break
            self.act("")
        if not self.done or self.components is None:
            raise RuntimeError(f"the environment did not end episode {self.task_id}")
        if closing:
            self.ended_by = CLOSED_WITHOUT_SUBMISSION
        return self.components

    def replay(self, calls: list[dict[str, Any]]) -> dict[str, Any]:
        """Send recorded calls in order, then :meth:`finish` (deterministic: the same
        task and calls give the same components)."""
        for c in calls:
            if self.done:
                break
            self.call(str(c.get("name", "")), c.get("arguments", {}))
        return self.finish()


def assistant_actions(completion: Any) -> list[Any]:
    """The actions of a completion: its text, or each assistant message of a
    conversational completion (structured ``tool_calls`` included)."""
    if isinstance(completion, str):
        return [completion]
    if isinstance(completion, dict):
        completion = [completion]
    if isinstance(completion, Sequence):
        return [m for m in completion if isinstance(m, dict) and m.get("role") == "assistant"]
    return []


class Replayer:
    """Grades completions in fresh episodes: one environment per domain, results cached
    per (task, completion) (the environment is deterministic, so a replay is exact)."""

    def __init__(self, env_factory: EnvFactory | None = None) -> None:
        self.env_factory = env_factory or local_env_factory()
        self.sessions: dict[str, EpisodeSession] = {}
        self.cache: OrderedDict[tuple[str, str, str], dict[str, Any]] = OrderedDict()

    def components(self, tid: str, completion: Any) -> dict[str, Any]:
        """The reward components of ``completion`` (its assistant actions sent in order)."""
        return self._cached(("actions", tid, repr(completion)), tid, assistant_actions(completion))

    def replay_calls(self, tid: str, calls: Sequence[dict[str, Any]]) -> dict[str, Any]:
        """The reward components of recorded calls ``{"name", "arguments"}`` sent in order."""
        actions = [hermes_call(str(c.get("name", "")), c.get("arguments", {})) for c in calls]
        return self._cached(("calls", tid, repr(actions)), tid, actions)

    def _cached(self, key: tuple[str, str, str], tid: str, actions: list[Any]) -> dict[str, Any]:
        hit = self.cache.get(key)
        if hit is not None:
            self.cache.move_to_end(key)
            return hit
        domain = tid.rpartition("-")[0]
        session = self.sessions.get(domain)
        if session is None:
            session = self.sessions[domain] = EpisodeSession(self.env_factory(domain))
        session.start(tid)
        for action in actions:
            if session.done:
                break
            session.act(action)
        result = session.finish()
        self.cache[key] = result
        if len(self.cache) > REPLAY_CACHE_SIZE:
            self.cache.popitem(last=False)
        return result


__all__ = [
    "CLOSED_WITHOUT_SUBMISSION",
    "ENDED",
    "EnvFactory",
    "EnvLike",
    "EpisodeSession",
    "Replayer",
    "assistant_actions",
    "hermes_call",
    "local_env_factory",
    "resolve_task_id",
    "without_tool_list",
]
