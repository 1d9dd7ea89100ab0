"""The MCP tool server: typed tools from the registry, episodes by handle, environment-side
validation, isError and structured content, stdio and streamable HTTP."""

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
        assert set(schema["properties"]) == set(ours["properties"]) | {"episode_id"}
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
    assert not opening.is_error and text(opening).startswith(f"Episode {task.id} started (")
    assert opening.structured_content["task_id"] == task.id
    assert "<tool_call>" not in text(opening) and "through MCP" in text(opening)
    assert [text(o) for o in outs[:-1]] == local_obs[:-1]
    assert not any(o.is_error for o in outs)
    assert [o.structured_content["turn"] for o in outs] == list(range(1, len(outs) + 1))
    final = outs[-1].structured_content
    assert final["done"] and final["reward"] == pytest.approx(expected["reward"])
    assert final["reward_components"] == expected["reward_components"]
    assert final["step_signals"]["evidence_met"] == final["step_signals"]["evidence_required"]
    assert "step_signals" not in outs[0].structured_content  # a trainer's channel: off
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
    assert wrong_type.structured_content == {
        "turn": 1,
        "status": "invalid",
        "done": False,
        "reward": None,
    }
    assert unknown.is_error
    assert bad_reset.is_error and "out of range" in text(bad_reset)
    assert both.is_error and "not both" in text(both)
    assert not ok.is_error and text(ok).startswith("[get_vitals]")
    # the rejected call used a turn (the environment validated it, not MCP's schema)
    assert state["task_id"] == "triage_emergency-00003" and state["turn"] == 2
    assert [c["status"] for c in state["tool_calls"]] == ["invalid", "ok"]


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
    assert opening.startswith("Episode psychiatry-00000 started (episode_id: ")


def test_a_rejected_call_costs_format_reward_as_in_the_env():
    task = get_domain("triage_emergency").task(0)
    bad = {"name": "get_vitals", "arguments": {"patient_id": ["P1"]}}
    env = HealthGymEnv(domain="triage_emergency", split=None)
    env.reset(options={"task_id": task.id})
    env.step(bad)
    for c in task.reference.calls:
        *_, info = env.step({"name": c.name, "arguments": c.arguments})
    local = info["reward_components"]

    async def main():
        async with Client(create_mcp_server("triage_emergency", split=None)) as c:
            await c.call_tool("reset_episode", {"task_id": task.id})
            rejected = await c.call_tool(bad["name"], bad["arguments"])
            outs = [await c.call_tool(x.name, x.arguments) for x in task.reference.calls]
            return rejected, outs[-1]

    rejected, last = run(main())
    assert rejected.is_error
    assert local["format"] < 1.0
    assert last.structured_content["reward_components"] == local


def test_concurrent_episodes_by_handle_stay_apart():
    d = get_domain("psychiatry")

    async def main():
        server = create_mcp_server("psychiatry", split=None, step_signals=True)
        async with Client(server) as c:
            handles = []
            for i in range(3):
                r = await c.call_tool("reset_episode", {"task_index": i})
                handles.append(r.structured_content["episode_id"])
            tasks = [d.task(i) for i in range(3)]
            # interleave: one call of each episode at a time
            outs: list[list] = [[], [], []]
            longest = max(len(t.reference.calls) for t in tasks)
            for k in range(longest):
                for i, t in enumerate(tasks):
                    if k < len(t.reference.calls):
                        call = t.reference.calls[k]
                        args = {**call.arguments, "episode_id": handles[i]}
                        outs[i].append(await c.call_tool(call.name, args))
            states = [
                (await c.call_tool("episode_state", {"episode_id": h})).structured_content
                for h in handles
            ]
            unknown = await c.call_tool("episode_state", {"episode_id": "nope"})
            return tasks, outs, states, unknown

    tasks, outs, states, unknown = run(main())
    for t, o, st in zip(tasks, outs, states, strict=True):
        local = run_episode(
            HealthGymEnv(domain="psychiatry", split=None),
            OraclePolicy(),
            int(t.id.rsplit("-", 1)[1]),
        )
        assert st["task_id"] == t.id and st["turn"] == len(t.reference.calls)
        assert o[-1].structured_content["reward"] == pytest.approx(local["reward"])
        assert all("step_signals" in x.structured_content for x in o)  # step_signals=True
    assert unknown.is_error and "unknown episode_id" in text(unknown)


def test_cli_serves_mcp_over_streamable_http(tmp_path):
    import socket
    import subprocess
    import time

    import httpx

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    log = (tmp_path / "mcp.log").open("wb")
    proc = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "from healthgym.cli import app; app()",
            "serve",
            "mcp",
            "--domain",
            "obstetrics",
            "--split",
            "all",
            "--transport",
            "streamable-http",
            "--port",
            str(port),
        ],
        env={**os.environ, "HF_HUB_OFFLINE": "1"},
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    url = f"http://127.0.0.1:{port}/mcp"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                httpx.get(url, timeout=1)
                break
            except httpx.HTTPError:
                if proc.poll() is not None or time.monotonic() > deadline:
                    pytest.fail("the MCP server did not start")
                time.sleep(0.2)
        task = get_domain("obstetrics").task(0)

        async def main():
            async with Client(url) as c:
                opening = await c.call_tool("reset_episode", {"task_id": task.id})
                handle = opening.structured_content["episode_id"]
                outs = [
                    await c.call_tool(x.name, {**x.arguments, "episode_id": handle})
                    for x in task.reference.calls
                ]
                return opening, outs

        opening, outs = run(main())
        assert not opening.is_error
        assert outs[-1].structured_content["done"] and not any(o.is_error for o in outs)
        assert outs[-1].structured_content["reward"] == pytest.approx(1.0)
    finally:
        proc.terminate()
        proc.wait(timeout=20)
        log.close()


def test_the_registry_caps_unfinished_episodes_and_recycles_finished_ones():
    from healthgym.server.mcp_server import EpisodeError, EpisodeRegistry

    reg = EpisodeRegistry("psychiatry", None, 20, max_episodes=2)
    first = reg.create()
    first.reset(task_index=0)
    h1 = reg.add(first)
    second = reg.create()
    second.reset(task_index=1)
    h2 = reg.add(second)
    assert reg.latest == h2 and reg.get(None) is second and reg.get(h1) is first
    with pytest.raises(EpisodeError, match="unfinished"):
        reg.create()
    task = get_domain("psychiatry").task(0)
    for c in task.reference.calls:
        first.call(c.name, c.arguments)
    assert first.final is not None
    third = reg.create()
    third.reset(task_index=2)
    h3 = reg.add(third)  # the finished episode made room
    assert len(reg) == 2 and reg.get(h3) is third
    with pytest.raises(EpisodeError, match="unknown episode_id"):
        reg.get(h1)
