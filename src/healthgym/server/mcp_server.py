"""An MCP tool server for one domain: many episodes by handle, over stdio or streamable HTTP.

``create_mcp_server("triage_emergency")`` returns an mcp 2.x
:class:`~mcp.server.mcpserver.MCPServer` whose tools are

* ``reset_episode(task_id?, task_index?, seed?)``: start an episode (a given task, or
  one drawn from the split with ``seed``) and return its opening observation;
* every tool of the domain, the submit tool included, advertised with typed parameters
  derived from the registry's JSON schemas (types, enums, bounds, descriptions).  A
  call runs as one environment step and is validated by the *environment*, not by
  MCP's schema layer: a call with bad arguments is recorded in the episode (it uses a
  turn and costs format reward) exactly as in :class:`~healthgym.env.HealthGymEnv`;
* ``episode_state()``: public progress (turn, calls so far, and the reward components
  once the episode has ended).

``reset_episode`` returns an episode handle (``episode_id``); every tool takes an
optional ``episode_id``, so one server runs many episodes at once (MCP 2026-07-28
requests are single exchanges without a session to hang an episode on); a call that
names no episode acts on the latest one, the one-agent workflow.  A call the
environment rejects (unknown tool, invalid arguments, a tool error) comes back with
``isError=True``; every result carries ``structuredContent`` (the step's status, turn,
done, reward and reward components at the end; ``step_signals`` at the end, and on
every turn when the server is built with ``step_signals=True``: they name what the
task requires, so they are a trainer's channel).  The hidden patient, answer and
reference solution are never sent.  Run it with ``healthgym serve mcp --domain D``
(``--transport streamable-http`` for HTTP).
"""

from __future__ import annotations

import inspect
import json
import re
import secrets
import threading
from collections import OrderedDict
from dataclasses import dataclass, field
from typing import Annotated, Any, Literal

from pydantic import Field

from ..domains import get_domain
from ..env import HealthGymEnv
from ..tools.registry import Tool
from .sessions import episode_progress

RESERVED = ("reset_episode", "episode_state")
_PRIMITIVE = {"string": str, "integer": int, "number": float, "boolean": bool}
_HERMES_HINT = re.compile(r"Call tools as <tool_call>.*?</tool_call>\. ")
MCP_HINT = (
    "Call the tools directly through MCP (each call is one turn); finish by calling the "
    "submit tool. "
)
EPISODE_ARG = "episode_id"


class EpisodeError(Exception):
    """A call the episode cannot take (no episode yet, it has ended, or no room)."""


@dataclass
class StepResult:
    """One MCP tool call's outcome: the text, whether it failed, structured content."""

    text: str
    is_error: bool
    structured: dict[str, Any] = field(default_factory=dict)


class McpEpisode:
    """One MCP session's episode; calls are serialized by a lock."""

    def __init__(
        self,
        domain: str,
        split: str | None = "train",
        max_turns: int = 20,
        step_signals: bool = False,
    ) -> None:
        self.env = HealthGymEnv(domain=domain, split=split, max_turns=max_turns)
        self.step_signals = step_signals
        self._lock = threading.Lock()
        self.final: dict[str, Any] | None = None
        self.reward: float | None = None

    def reset(
        self, task_id: str | None = None, task_index: int | None = None, seed: int | None = None
    ) -> StepResult:
        if task_id is not None and task_index is not None:
            raise EpisodeError("give task_id or task_index, not both")
        options: dict[str, Any] = {}
        if task_id is not None:
            options["task_id"] = task_id
        elif task_index is not None:
            options["index"] = task_index
        with self._lock:
            try:
                obs, info = self.env.reset(seed=seed, options=options)
            except (ValueError, KeyError) as e:
                raise EpisodeError(str(e.args[0] if e.args else e)) from None
            self.final, self.reward = None, None
        obs = _HERMES_HINT.sub(MCP_HINT, obs)
        structured = {
            "task_id": info["task_id"],
            "domain": info["domain"],
            "split": info["split"],
            "max_turns": info["max_turns"],
            "tools": [t["function"]["name"] for t in info["tools"]],
        }
        return StepResult(f"Episode {info['task_id']} started.\n\n{obs}", False, structured)

    def call(self, name: str, arguments: Any) -> StepResult:
        """Run one tool call as one environment step (the environment validates it)."""
        if isinstance(arguments, dict):
            arguments = {k: v for k, v in arguments.items() if v is not None}
        with self._lock:
            if self.env.task is None:
                raise EpisodeError("no episode yet: call reset_episode first")
            if self.final is not None:
                raise EpisodeError("the episode has ended: call reset_episode to start another")
            obs, reward, terminated, truncated, info = self.env.step(
                {"name": name, "arguments": arguments}
            )
            turn = info["turn"]
            statuses = [c.status for c in self.env.log.calls if c.turn == turn]
            done = terminated or truncated
            structured: dict[str, Any] = {
                "turn": turn,
                "status": statuses[0] if len(statuses) == 1 else statuses,
                "done": done,
                "reward": reward if done else None,
            }
            if done:
                self.final, self.reward = info, reward
                components = json.dumps(info["reward_components"], sort_keys=True)
                obs += f"\n\nEpisode over ({info['ended_by']}). Reward {reward:.4f}: {components}"
                structured["ended_by"] = info["ended_by"]
                structured["reward_components"] = info["reward_components"]
            if done or self.step_signals:
                structured["step_signals"] = info["step_signals"]
        return StepResult(obs, any(s != "ok" for s in statuses), structured)

    def state(self) -> dict[str, Any]:
        with self._lock:
            env = self.env
            return episode_progress(
                env, env.task is None or self.final is not None, self.reward, self.final
            )


class EpisodeRegistry:
    """The server's episodes by handle (``episode_id``), at most ``max_episodes``: when
    full, the least recently used *finished* episode makes room, else a new one is
    refused.  Calls that name no episode act on the most recently started one."""

    def __init__(
        self,
        domain: str,
        split: str | None,
        max_turns: int,
        max_episodes: int = 256,
        step_signals: bool = False,
    ) -> None:
        self.domain, self.split, self.max_turns = domain, split, max_turns
        self.max_episodes = max_episodes
        self.step_signals = step_signals
        self._episodes: OrderedDict[str, McpEpisode] = OrderedDict()
        self._latest: str | None = None
        self._lock = threading.Lock()

    def __len__(self) -> int:
        return len(self._episodes)

    @property
    def latest(self) -> str | None:
        """The handle of the most recently started episode."""
        return self._latest

    def create(self) -> McpEpisode:
        """A new, unregistered episode (registered by :meth:`add` once it has reset)."""
        with self._lock:
            self._make_room()
        return McpEpisode(self.domain, self.split, self.max_turns, self.step_signals)

    def add(self, episode: McpEpisode) -> str:
        """Register a started episode; its handle back.  It becomes the latest."""
        with self._lock:
            self._make_room()
            handle = secrets.token_urlsafe(12)
            self._episodes[handle] = episode
            self._latest = handle
            return handle

    def _make_room(self) -> None:
        if len(self._episodes) < self.max_episodes:
            return
        done = [k for k, e in self._episodes.items() if e.final is not None]
        if not done:
            raise EpisodeError(
                f"the server holds {self.max_episodes} unfinished episodes; finish one "
                "(submit) and retry"
            )
        del self._episodes[done[0]]
        if self._latest == done[0]:
            self._latest = None

    def get(self, handle: str | None) -> McpEpisode:
        with self._lock:
            key = self._latest if handle is None else handle
            if key is None:
                raise EpisodeError("no episode yet: call reset_episode first")
            episode = self._episodes.get(key)
            if episode is None:
                raise EpisodeError(
                    f"unknown episode_id {str(handle)[:40]!r}: call reset_episode for a new one"
                )
            self._episodes.move_to_end(key)
            return episode


def annotation_for(prop: dict[str, Any]) -> Any:
    """A typed annotation (``Annotated[..., Field(...)]``) for a JSON-schema property."""
    if "enum" in prop:
        base: Any = Literal[tuple(prop["enum"])]
    elif prop.get("type") == "array":
        base = list[annotation_for(prop.get("items", {"type": "string"}))]
    else:
        base = _PRIMITIVE.get(prop.get("type", "string"), str)
    constraints: dict[str, Any] = {}
    if "description" in prop:
        constraints["description"] = prop["description"]
    if "minimum" in prop:
        constraints["ge"] = prop["minimum"]
    if "maximum" in prop:
        constraints["le"] = prop["maximum"]
    if "maxLength" in prop or "maxItems" in prop:
        constraints["max_length"] = prop.get("maxLength", prop.get("maxItems"))
    return Annotated[base, Field(**constraints)] if constraints else base


def tool_function(tool: Tool) -> Any:
    """A function with ``tool``'s typed signature: what MCP advertises for it.  Calls
    never reach it: the server routes them to the episode, whose environment validates
    the arguments (so a rejected call is recorded in the episode)."""
    params = tool.parameters
    required = set(params.get("required", []))
    signature = []
    for name, prop in params["properties"].items():
        ann = annotation_for(prop)
        if name in required:
            signature.append(
                inspect.Parameter(name, inspect.Parameter.KEYWORD_ONLY, annotation=ann)
            )
        else:
            signature.append(
                inspect.Parameter(
                    name,
                    inspect.Parameter.KEYWORD_ONLY,
                    annotation=ann | None,
                    default=prop.get("default"),
                )
            )
    signature.append(
        inspect.Parameter(
            EPISODE_ARG,
            inspect.Parameter.KEYWORD_ONLY,
            annotation=Annotated[
                str | None,
                Field(
                    max_length=64,
                    description="the episode (from reset_episode); default: the latest",
                ),
            ],
            default=None,
        )
    )

    def run(**kwargs: Any) -> str:  # pragma: no cover - routed by the server
        raise RuntimeError("domain tools run through the episode")

    run.__signature__ = inspect.Signature(signature, return_annotation=str)  # type: ignore[attr-defined]
    run.__name__ = tool.name
    run.__doc__ = tool.description
    return run


def _result(outcome: StepResult) -> Any:
    from mcp_types import CallToolResult, TextContent

    return CallToolResult(
        content=[TextContent(type="text", text=outcome.text)],
        structured_content=outcome.structured,
        is_error=outcome.is_error,
    )


def _error(message: str) -> Any:
    from mcp_types import CallToolResult, TextContent

    return CallToolResult(
        content=[TextContent(type="text", text=message)],
        structured_content={"error": message},
        is_error=True,
    )


def create_mcp_server(
    domain: str,
    split: str | None = "train",
    max_turns: int = 20,
    max_episodes: int = 256,
    step_signals: bool = False,
) -> Any:  # MCPServer; mcp is imported lazily
    """An MCPServer exposing ``domain``'s tools, episodes by handle (``episode_id``)."""
    import anyio
    from mcp.server.mcpserver import MCPServer

    d = get_domain(domain)
    clash = [t.name for t in d.toolkit if t.name in RESERVED]
    if clash:  # pragma: no cover - guarded by a test over every domain
        raise ValueError(f"tool names {clash} clash with the server's own tools")
    episodes = EpisodeRegistry(domain, split, max_turns, max_episodes, step_signals)
    domain_tools = {t.name for t in d.toolkit}

    class HealthGymMCPServer(MCPServer):
        """Routes the domain's tools to their episode (see the module doc)."""

        async def call_tool(self, name: str, arguments: dict[str, Any], context: Any = None):
            if name not in domain_tools:
                return await super().call_tool(name, arguments, context)
            arguments = dict(arguments)
            handle = arguments.pop(EPISODE_ARG, None)
            if handle is not None and not isinstance(handle, str):
                return _error(f"{EPISODE_ARG} must be a string (from reset_episode)")
            try:
                episode = episodes.get(handle)
                outcome = await anyio.to_thread.run_sync(episode.call, name, arguments)
            except EpisodeError as e:
                return _error(str(e))
            return _result(outcome)

    server = HealthGymMCPServer(
        name=f"healthgym-{domain}",
        instructions=(
            f"{d.instructions}\n\nCall reset_episode to start an episode (it returns an "
            "episode_id), then call the domain's tools directly, each call one turn; pass "
            "episode_id when several episodes run at once (without it a call goes to the "
            f"latest episode). {d.submit_tool} submits the answer and ends the episode. "
            "Results carry structuredContent; a rejected call has isError set and still "
            "counts as a turn."
        ),
    )

    async def reset_episode(
        task_id: Annotated[str | None, Field(max_length=128)] = None,
        task_index: Annotated[int | None, Field(ge=0)] = None,
        seed: Annotated[int | None, Field(ge=0, le=2**63 - 1)] = None,
    ) -> Any:
        """Start a new episode: a task by id (<domain>-<index>) or index, or one drawn
        from the split with seed. Returns the opening observation and its episode_id."""
        try:
            episode = episodes.create()
            outcome = await anyio.to_thread.run_sync(episode.reset, task_id, task_index, seed)
            handle = episodes.add(episode)
        except EpisodeError as e:
            return _error(str(e))
        outcome.structured[EPISODE_ARG] = handle
        outcome.text = outcome.text.replace(" started.", f" started (episode_id: {handle}).", 1)
        return _result(outcome)

    async def episode_state(
        episode_id: Annotated[str | None, Field(max_length=64)] = None,
    ) -> Any:
        """Public progress of an episode (default: the latest): turn, calls so far,
        done, and the reward components once it has ended."""
        try:
            state = episodes.get(episode_id).state()
        except EpisodeError as e:
            return _error(str(e))
        state[EPISODE_ARG] = episode_id or episodes.latest
        return _result(StepResult(json.dumps(state, sort_keys=True), False, state))

    _returns_result(reset_episode)
    _returns_result(episode_state)
    server.add_tool(reset_episode)
    server.add_tool(episode_state)
    for t in d.toolkit:
        if EPISODE_ARG in t.parameters["properties"]:  # pragma: no cover - no domain has one
            raise ValueError(f"tool {t.name} has a parameter named {EPISODE_ARG}")
        server.add_tool(tool_function(t), name=t.name, structured_output=False)
    server.episodes = episodes  # type: ignore[attr-defined]  # for tests and embedding
    return server


def _returns_result(fn: Any) -> None:
    """Annotate ``fn`` as returning a CallToolResult (resolved now: mcp is lazy)."""
    from mcp_types import CallToolResult

    fn.__annotations__["return"] = CallToolResult
