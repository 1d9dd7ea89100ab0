"""The MCP tool server: typed tools from the registry, one episode, in-process client."""

from __future__ import annotations

import asyncio
import json
import os
import sys

import pytest
from mcp import Client, StdioServerParameters

from healthgym.agents.baselines import OraclePolicy
from healthgym.domains import domain_names, get_domain
from healthgym.env import HealthGymEnv
from healthgym.runner import run_episode
from healthgym.server.mcp_server import RESERVED, annotation_for, create_mcp_server


def run(coro):
    return asyncio.run(coro)


def text(result) -> str:
    return "".join(c.text for c in result.content)


def test_tools_are_typed_from_the_registry_schemas():
    d = get_domain("triage_emergency")

    async def main():
        async with Client(create_mcp_server("triage_emergency")) as c:
            return {t.name: t for t in (await c.list_tools()).tools}

    tools = run(main())
    assert set(tools) == {t.name for t in d.toolkit} | set(RESERVED)
    for t in d.toolkit:
        schema = tools[t.name].input_schema
        ours = t.parameters
        assert set(schema["properties"]) == set(ours["properties"])
        assert set(schema.get("required", [])) == set(ours["required"])
        assert tools[t.name].description == t.description
        for name, prop in ours["properties"].items():
            got = schema["properties"][name]
            flat = got.get("anyOf", [got])[0]  # optional parameters are X | None
            if "enum" in prop:
                assert flat["enum"] == prop["enum"]
            else:
                assert flat["type"] == prop["type"]
            for ours_key, theirs in (
                ("minimum", "minimum"),
                ("maximum", "maximum"),
                ("maxLength", "maxLength"),
                ("maxItems", "maxItems"),
            ):
                if ours_key in prop:
                    assert flat[theirs] == prop[ours_key], (t.name, name)


def test_annotation_for_enum_bounds_and_lists():
    from pydantic import TypeAdapter, ValidationError

    ann = annotation_for({"type": "integer", "minimum": 0, "maximum": 3})
    assert TypeAdapter(ann).validate_python(2) == 2
    with pytest.raises(ValidationError):
        TypeAdapter(ann).validate_python(4)
    ann = annotation_for(
        {"type": "array", "items": {"type": "string", "enum": ["a", "b"]}, "maxItems": 2}
    )
    assert TypeAdapter(ann).validate_python(["a", "b"]) == ["a", "b"]
    for bad in (["c"], ["a", "a", "b"]):
        with pytest.raises(ValidationError):
            TypeAdapter(ann).validate_python(bad)


def test_a_full_episode_over_mcp_equals_the_local_env():
    task = get_domain("radiology_report").task(3)
    expected = run_episode(HealthGymEnv(domain="radiology_report", split=None), OraclePolicy(), 3)
    local_obs = [t["observation"] for t in expected["turns"]]

    async def main():
        server = create_mcp_server("radiology_report", split=None)
        async with Client(server) as c:
            early = await c.call_tool(task.reference.calls[0].name, {})
            opening = await c.call_tool("reset_episode", {"task_id": task.id})
            outs = [await c.call_tool(call.name, call.arguments) for call in task.reference.calls]
            after = await c.call_tool(task.reference.calls[0].name, {})
            state = json.loads(text(await c.call_tool("episode_state", {})))
            return early, opening, outs, after, state

    early, opening, outs, after, state = run(main())
    assert early.is_error and "call reset_episode first" in text(early)
    assert not opening.is_error and text(opening).startswith(f"Episode {task.id} started.")
    assert [text(o) for o in outs[:-1]] == local_obs[:-1]
    last = text(outs[-1])
    assert last.startswith(local_obs[-1]) and "Episode over (submitted)" in last
    tail = last[last.rindex("Episode over") :]
    assert tail.startswith(f"Episode over (submitted). Reward {expected['reward']:.4f}: ")
    components = json.loads(tail[tail.index("{") :])
    assert components == expected["reward_components"]
    assert after.is_error and "the episode has ended" in text(after)
    assert state["done"] and state["reward_components"] == expected["reward_components"]
    assert state["turn"] == len(task.reference.calls)


def test_bad_calls_are_tool_errors_not_crashes():
    async def main():
        async with Client(create_mcp_server("triage_emergency", split=None)) as c:
            await c.call_tool("reset_episode", {"task_index": 3})
            wrong_type = await c.call_tool("get_vitals", {"patient_id": ["P1"]})
            unknown = await c.call_tool("no_such_tool", {})
            bad_reset = await c.call_tool("reset_episode", {"task_index": 10**7})
            both = await c.call_tool("reset_episode", {"task_index": 1, "task_id": "x-1"})
            ok = await c.call_tool("get_vitals", {"patient_id": "P1"})
            state = json.loads(text(await c.call_tool("episode_state", {})))
            return wrong_type, unknown, bad_reset, both, ok, state

    wrong_type, unknown, bad_reset, both, ok, state = run(main())
    assert wrong_type.is_error and "patient_id" in text(wrong_type)
    assert unknown.is_error
    assert bad_reset.is_error and "out of range" in text(bad_reset)
    assert both.is_error and "not both" in text(both)
    assert not ok.is_error and text(ok).startswith("[get_vitals]")
    assert state["task_id"] == "triage_emergency-00003" and state["turn"] == 1


def test_every_domain_builds_a_server():
    async def count(name: str) -> int:
        async with Client(create_mcp_server(name)) as c:
            return len((await c.list_tools()).tools)

    for name in domain_names():
        assert run(count(name)) == len(get_domain(name).toolkit) + len(RESERVED)


def test_cli_serves_mcp_over_stdio():
    params = StdioServerParameters(
        command=sys.executable,
        args=[
            "-c",
            "from healthgym.cli import app; app()",
            "serve",
            "mcp",
            "--domain",
            "psychiatry",
            "--split",
            "all",
        ],
        env={**os.environ, "HF_HUB_OFFLINE": "1"},
    )

    async def main():
        async with Client(params) as c:
            names = {t.name for t in (await c.list_tools()).tools}
            opening = await c.call_tool("reset_episode", {"task_index": 0})
            return names, text(opening)

    names, opening = run(main())
    assert "reset_episode" in names and get_domain("psychiatry").submit_tool in names
    assert opening.startswith("Episode psychiatry-00000 started.")
