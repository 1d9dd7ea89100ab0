"""HealthGym as an OpenEnv environment (openenv-core 0.3.0, the ``[openenv]`` extra).

:class:`HealthGymOpenEnv` wraps :class:`~healthgym.env.HealthGymEnv` in OpenEnv's
``Environment`` interface with typed models:

* :class:`HealthGymAction`: the agent's turn, either ``message`` (its text: Hermes
  ``<tool_call>`` blocks, a bare JSON call, prose) or ``tool_call`` (``{"name": ...,
  "arguments": {...}}``), or both (the message's text with the call appended);
* :class:`HealthGymObservation`: ``text`` (what the agent reads), ``tools`` (the
  episode's OpenAI tool schemas, on reset), ``task_id``, ``domain``, ``turn``,
  ``max_turns``, ``ended_by`` and ``reward_components`` (once the episode ends), and
  ``step_signals`` (this turn's process and safety events, see :mod:`healthgym.env`);
  ``reward`` is the composite reward on the final step and 0.0 before it.

The domain and task are chosen by keyword arguments of ``reset``: ``domain``,
``task_id``, ``split`` (``train``/``test``/``all``), ``index``, ``max_turns``
(and OpenEnv's own ``seed`` and ``episode_id``).  Each OpenEnv session (one ``/ws``
connection) owns one instance, so episodes are isolated.  :func:`create_openenv_app`
serves it with openenv-core's own app factory.  The episode bookkeeping (done, final
reward, public progress) is the same code the project's HTTP server uses
(:func:`healthgym.server.sessions.episode_progress`).
"""

from __future__ import annotations

import asyncio
import os
import uuid
from concurrent.futures import ThreadPoolExecutor
from typing import Any

from openenv.core.env_server.interfaces import Environment
from openenv.core.env_server.types import Action, EnvironmentMetadata, Observation, State
from pydantic import Field

from ..domains import domain_names, resolve_domains
from ..env import MAX_ACTION_CHARS, HealthGymEnv
from .sessions import episode_progress

MAX_TURNS_CAP = 100
_POOL: ThreadPoolExecutor | None = None


def _pool() -> ThreadPoolExecutor:
    """One small process-wide pool for the environments' CPU-bound work (task
    generation, tools, grading): 64 sessions' worth of threads contending for the GIL
    would starve the event loop (and its WebSocket keepalive pings)."""
    global _POOL
    if _POOL is None:
        _POOL = ThreadPoolExecutor(
            max_workers=min(4, os.cpu_count() or 1), thread_name_prefix="healthgym-openenv"
        )
    return _POOL


DESCRIPTION = (
    "HealthGym: multi-turn, tool-using clinical episodes (diagnosis, triage, drug "
    "interactions, EHR, obstetrics, psychiatry, radiology, visual diagnosis, medical QA). "
    "Reset with domain / task_id / split / index; act with a message or a tool call; the "
    "final step's reward is the composite of five graded components."
)


class ToolCall(Action):
    """One tool call: the tool's name and its arguments."""

    name: str = Field(min_length=1, max_length=200, description="the tool to call")
    arguments: dict[str, Any] = Field(default_factory=dict, description="its arguments")


class HealthGymAction(Action):
    """The agent's turn: its message text, a structured tool call, or both."""

    message: str | None = Field(
        default=None,
        max_length=MAX_ACTION_CHARS,
        description='the agent\'s text, e.g. <tool_call>{"name": ..., "arguments": {...}}'
        "</tool_call>",
    )
    tool_call: ToolCall | None = Field(default=None, description="a structured tool call")


class HealthGymObservation(Observation):
    """What the environment returns after a reset or a step."""

    text: str = Field(default="", description="the observation the agent reads")
    domain: str = Field(default="", description="the episode's domain")
    task_id: str | None = Field(default=None, description="the episode's task")
    turn: int = Field(default=0, ge=0, description="turns taken so far")
    max_turns: int = Field(default=0, ge=0, description="the episode's turn limit")
    tools: list[dict[str, Any]] = Field(
        default_factory=list, description="OpenAI tool schemas of the episode (on reset)"
    )
    ended_by: str | None = Field(default=None, description="submitted or turn_limit")
    reward_components: dict[str, Any] | None = Field(
        default=None, description="every reward dimension, once the episode has ended"
    )
    step_signals: dict[str, Any] | None = Field(
        default=None, description="this turn's process and safety events (trainer signals)"
    )


class HealthGymState(State):
    """OpenEnv state (``episode_id``, ``step_count``) plus the public progress."""

    domain: str | None = None
    task_id: str | None = None
    done: bool = True
    progress: dict[str, Any] = Field(default_factory=dict)


class HealthGymOpenEnv(Environment[HealthGymAction, HealthGymObservation, HealthGymState]):
    """One OpenEnv session's episodes over HealthGym's domains."""

    SUPPORTS_CONCURRENT_SESSIONS = True

    def __init__(
        self,
        domain: str = "clinical_diagnosis",
        domains: tuple[str, ...] | None = None,
        split: str | None = "train",
        max_turns: int = 20,
        step_signals: bool = True,
    ) -> None:
        super().__init__()
        self.domains = tuple(domains) if domains else tuple(domain_names())
        if domain not in self.domains:
            raise ValueError(f"default domain {domain!r} is not served: {list(self.domains)}")
        self.default_domain = domain
        self.default_split = split
        self.default_max_turns = max_turns
        self.step_signals = step_signals
        self._envs: dict[tuple[str, str | None, int], HealthGymEnv] = {}
        self.env: HealthGymEnv | None = None
        self._episode_id: str | None = None
        self._final: dict[str, Any] | None = None
        self._reward: float | None = None

    # ------------------------------------------------------------------ OpenEnv API
    def reset(
        self,
        seed: int | None = None,
        episode_id: str | None = None,
        domain: str | None = None,
        task_id: str | None = None,
        split: str | None = None,
        index: int | None = None,
        max_turns: int | None = None,
        **kwargs: Any,
    ) -> HealthGymObservation:
        """Start an episode; unknown keyword arguments are an error, never ignored."""
        if kwargs:
            raise ValueError(
                f"unknown reset arguments {sorted(kwargs)}; use domain, task_id, split, "
                "index, max_turns, seed, episode_id"
            )
        if task_id is not None and index is not None:
            raise ValueError("give task_id or index, not both")
        name = domain or (str(task_id).rsplit("-", 1)[0] if task_id else self.default_domain)
        if name not in self.domains:
            raise ValueError(f"unknown domain {name!r}; available: {list(self.domains)}")
        if split is None:
            chosen_split = self.default_split
        elif split in ("train", "test", "all"):
            chosen_split = None if split == "all" else split
        else:
            raise ValueError("split must be train, test or all")
        turns = self.default_max_turns if max_turns is None else int(max_turns)
        if not 1 <= turns <= MAX_TURNS_CAP:
            raise ValueError(f"max_turns must be between 1 and {MAX_TURNS_CAP}")
        key = (name, chosen_split, turns)
        env = self._envs.get(key)
        if env is None:
            env = HealthGymEnv(domain=name, split=chosen_split, max_turns=turns)
            self._envs[key] = env
        options: dict[str, Any] = {}
        if task_id is not None:
            options["task_id"] = str(task_id)
        elif index is not None:
            options["index"] = int(index)
        obs, info = env.reset(seed=seed, options=options)  # ValueError/KeyError: bad task
        self.env = env
        self._episode_id = episode_id or uuid.uuid4().hex
        self._final, self._reward = None, None
        return HealthGymObservation(
            text=obs,
            domain=info["domain"],
            task_id=info["task_id"],
            turn=0,
            max_turns=info["max_turns"],
            tools=info["tools"],
            done=False,
            reward=0.0,
            metadata={"split": info["split"], "episode_id": self._episode_id},
        )

    async def reset_async(
        self, seed: int | None = None, episode_id: str | None = None, **kwargs: Any
    ) -> HealthGymObservation:
        loop = asyncio.get_running_loop()
        return await loop.run_in_executor(
            _pool(), lambda: self.reset(seed=seed, episode_id=episode_id, **kwargs)
        )

    async def step_async(
        self, action: HealthGymAction, timeout_s: float | None = None, **kwargs: Any
    ) -> HealthGymObservation:
        loop = asyncio.get_running_loop()
        return await loop.run_in_executor(_pool(), self.step, action)

    def step(
        self, action: HealthGymAction, timeout_s: float | None = None, **kwargs: Any
    ) -> HealthGymObservation:
        env = self.env
        if env is None or env.task is None:
            raise RuntimeError("no episode: reset first (reset accepts domain, task_id, index)")
        if self._final is not None:
            raise RuntimeError("the episode has ended: reset to start another")
        obs, reward, terminated, truncated, info = env.step(_env_action(action))
        done = terminated or truncated
        if done:
            self._final, self._reward = info, reward
        signals = info.get("step_signals")
        show = self.step_signals or done
        return HealthGymObservation(
            text=obs,
            domain=env.domain.name,
            task_id=info["task_id"],
            turn=info["turn"],
            max_turns=env.turn_limit(),
            done=done,
            reward=reward,
            ended_by=info.get("ended_by"),
            reward_components=info.get("reward_components"),
            step_signals=signals if show else None,
            metadata={"step_signals": signals} if show else {},
        )

    @property
    def state(self) -> HealthGymState:
        env = self.env
        if env is None:
            return HealthGymState(episode_id=None, step_count=0, done=True)
        progress = episode_progress(
            env, env.task is None or self._final is not None, self._reward, self._final
        )
        return HealthGymState(
            episode_id=self._episode_id,
            step_count=env.log.turns,
            domain=progress["domain"],
            task_id=progress["task_id"],
            done=progress["done"],
            progress=progress,
        )

    def get_metadata(self) -> EnvironmentMetadata:
        from .. import __version__

        return EnvironmentMetadata(
            name="healthgym",
            description=DESCRIPTION,
            version=__version__,
            author="HealthGym",
        )

    def close(self) -> None:
        for env in self._envs.values():
            env.close()
        self._envs.clear()
        self.env = None


def _env_action(action: HealthGymAction) -> Any:
    """The action as :meth:`HealthGymEnv.step` takes it."""
    call = action.tool_call
    if call is None:
        if action.message is None:
            return ""  # an empty turn: the env answers "No tool call found" and counts it
        return action.message
    if not action.message:
        return {"name": call.name, "arguments": call.arguments}
    # an OpenAI-style assistant message: the text and the structured call together
    return {
        "role": "assistant",
        "content": action.message,
        "tool_calls": [
            {"type": "function", "function": {"name": call.name, "arguments": call.arguments}}
        ],
    }


def create_openenv_app(
    domains: str = "all",
    default_domain: str | None = None,
    split: str | None = "train",
    max_turns: int = 20,
    max_concurrent_envs: int = 64,
    step_signals: bool = True,
    idle_timeout_s: float | None = 600.0,
) -> Any:  # a FastAPI app
    """openenv-core's app (``/ws``, ``/reset``, ``/step``, ``/state``, ``/schema``,
    ``/metadata``, ``/health``, ``/mcp``, ``/openapi.json``) over :class:`HealthGymOpenEnv`;
    ``/ws`` sessions idle ``idle_timeout_s`` are closed (``None``: never)."""
    from openenv.core.env_server.http_server import create_app
    from openenv.core.env_server.types import ConcurrencyConfig

    served = tuple(resolve_domains(domains))
    default = default_domain or served[0]
    if default not in served:
        raise ValueError(f"default domain {default!r} is not among the served {list(served)}")

    def factory() -> HealthGymOpenEnv:
        return HealthGymOpenEnv(
            domain=default,
            domains=served,
            split=split,
            max_turns=max_turns,
            step_signals=step_signals,
        )

    return create_app(
        factory,
        HealthGymAction,
        HealthGymObservation,
        env_name="healthgym",
        concurrency_config=ConcurrencyConfig(
            max_concurrent_envs=max_concurrent_envs, session_timeout=idle_timeout_s
        ),
    )
