"""An MCP tool server for one domain: one patient episode at a time.

``create_mcp_server("triage_emergency")`` returns an mcp 2.x
:class:`~mcp.server.mcpserver.MCPServer` whose tools are

* ``reset_episode(task_id?, task_index?, seed?)``: start an episode (a given task, or
  one drawn from the split with ``seed``) and return its opening observation;
* every tool of the domain, the submit tool included, with typed parameters derived
  from the registry's JSON schemas (types, enums, bounds, descriptions): a call runs
  as one environment step, so validation, the episode log and the reward are exactly
  those of :class:`~healthgym.env.HealthGymEnv`;
* ``episode_state()``: public progress (turn, calls so far, and the reward components
  once the episode has ended).

The hidden patient, answer and reference solution are never sent.  Run it over stdio
with ``healthgym serve mcp --domain D``.
"""

from __future__ import annotations

import inspect
import json
import threading
from typing import Annotated, Any, Literal

from pydantic import Field

from ..domains import get_domain
from ..env import HealthGymEnv
from ..tools.registry import Tool

RESERVED = ("reset_episode", "episode_state")
_PRIMITIVE = {"string": str, "integer": int, "number": float, "boolean": bool}


class EpisodeError(Exception):
    """A call the episode cannot take (no episode yet, or it has ended)."""


class McpEpisode:
    """The single episode an MCP server drives; calls are serialized by a lock."""

    def __init__(self, domain: str, split: str | None = "train", max_turns: int = 20) -> None:
        self.env = HealthGymEnv(domain=domain, split=split, max_turns=max_turns)
        self._lock = threading.Lock()
        self.final: dict[str, Any] | None = None
        self.reward: float | None = None

    def reset(
        self, task_id: str | None = None, task_index: int | None = None, seed: int | None = None
    ) -> str:
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
        return f"Episode {info['task_id']} started.\n\n{obs}"

    def call(self, name: str, arguments: dict[str, Any]) -> str:
        """Run one tool call as one environment step; the observation text back."""
        args = {k: v for k, v in arguments.items() if v is not None}
        with self._lock:
            if self.env.task is None:
                raise EpisodeError("no episode yet: call reset_episode first")
            if self.final is not None:
                raise EpisodeError("the episode has ended: call reset_episode to start another")
            obs, reward, terminated, truncated, info = self.env.step(
                {"name": name, "arguments": args}
            )
            if terminated or truncated:
                self.final, self.reward = info, reward
                components = json.dumps(info["reward_components"], sort_keys=True)
                obs += f"\n\nEpisode over ({info['ended_by']}). Reward {reward:.4f}: {components}"
        return obs

    def state(self) -> dict[str, Any]:
        with self._lock:
            env, task = self.env, self.env.task
            out: dict[str, Any] = {
                "domain": env.domain.name,
                "task_id": task.id if task else None,
                "turn": env.log.turns,
                "max_turns": env.max_turns,
                "tool_calls": [
                    {"turn": c.turn, "name": c.name, "status": c.status} for c in env.log.calls
                ],
                "done": task is None or self.final is not None,
            }
            if self.final is not None:
                out["reward"] = self.reward
                out["reward_components"] = self.final["reward_components"]
            return out


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


def tool_function(episode: McpEpisode, tool: Tool) -> Any:
    """A function with ``tool``'s typed signature that runs it as an episode step."""
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

    def run(**kwargs: Any) -> str:
        return _as_tool_result(lambda: episode.call(tool.name, kwargs))

    run.__signature__ = inspect.Signature(signature, return_annotation=str)  # type: ignore[attr-defined]
    run.__name__ = tool.name
    run.__doc__ = tool.description
    return run


def _as_tool_result(fn: Any) -> str:
    from mcp.server.mcpserver.exceptions import ToolError

    try:
        result: str = fn()
    except EpisodeError as e:
        raise ToolError(str(e)) from None
    return result


def create_mcp_server(
    domain: str, split: str | None = "train", max_turns: int = 20
) -> Any:  # MCPServer; mcp is imported lazily
    """An MCPServer exposing ``domain``'s tools for one episode at a time."""
    from mcp.server.mcpserver import MCPServer

    d = get_domain(domain)
    clash = [t.name for t in d.toolkit if t.name in RESERVED]
    if clash:  # pragma: no cover - guarded by a test over every domain
        raise ValueError(f"tool names {clash} clash with the server's own tools")
    episode = McpEpisode(domain, split=split, max_turns=max_turns)
    server = MCPServer(
        name=f"healthgym-{domain}",
        instructions=(
            f"{d.instructions}\n\nCall reset_episode to start an episode, then the "
            f"domain's tools; {d.submit_tool} submits the answer and ends the episode."
        ),
    )

    def reset_episode(
        task_id: Annotated[str | None, Field(max_length=128)] = None,
        task_index: Annotated[int | None, Field(ge=0)] = None,
        seed: Annotated[int | None, Field(ge=0, le=2**63 - 1)] = None,
    ) -> str:
        """Start an episode: a task by id (<domain>-<index>) or index, or one drawn
        from the split with seed. Returns the opening observation."""
        return _as_tool_result(lambda: episode.reset(task_id, task_index, seed))

    def episode_state() -> str:
        """Public progress of the episode: turn, calls so far, done, and the reward
        components once it has ended (JSON)."""
        return json.dumps(episode.state(), sort_keys=True)

    server.add_tool(reset_episode, structured_output=False)
    server.add_tool(episode_state, structured_output=False)
    for t in d.toolkit:
        server.add_tool(tool_function(episode, t), name=t.name, structured_output=False)
    server.episode = episode  # type: ignore[attr-defined]  # for tests and embedding
    return server
