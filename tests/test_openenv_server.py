"""The OpenEnv server (``healthgym serve openenv``) driven by openenv-core's own client
and validator: the oracle over ``/ws`` on every domain, 64 isolated concurrent
sessions, error replies, and ``openenv validate --url`` (every criterion)."""

from __future__ import annotations

import asyncio
import json
import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest

pytest.importorskip("openenv.core")
pytest.importorskip("websockets")

from openenv.core.generic_client import GenericEnvClient

from healthgym.agents.baselines import OraclePolicy
from healthgym.domains import domain_names, get_domain
from healthgym.env import HealthGymEnv
from healthgym.runner import run_episode

OPENENV = Path(sys.executable).with_name("openenv")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def server_url(tmp_path_factory):
    port = _free_port()
    log = tmp_path_factory.mktemp("openenv") / "server.log"
    cmd = [
        sys.executable,
        "-c",
        "from healthgym.cli import app; app()",
        "serve",
        "openenv",
        "--port",
        str(port),
        "--split",
        "all",
        "--max-concurrent-envs",
        "80",
    ]
    env = {**os.environ, "HF_HUB_OFFLINE": "1"}
    sink = log.open("wb")  # a file, never a pipe: a full pipe would stall the server
    proc = subprocess.Popen(cmd, env=env, stdout=sink, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                if httpx.get(f"{url}/health", timeout=1).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            if proc.poll() is not None or time.monotonic() > deadline:
                out = log.read_text(errors="replace")
                pytest.fail(f"the OpenEnv server did not start: {out[-2000:]}")
            time.sleep(0.2)
        yield url
    finally:
        proc.terminate()
        proc.wait(timeout=20)
        sink.close()


def _oracle_actions(task) -> list[dict]:
    return [{"tool_call": {"name": c.name, "arguments": c.arguments}} for c in task.reference.calls]


async def _play(url: str, task_id: str, actions: list[dict]):
    async with GenericEnvClient(base_url=url) as client:
        first = await client.reset(task_id=task_id)
        results = [await client.step(a) for a in actions]
        state = await client.state()
    return first, results, state


@pytest.mark.parametrize("domain", domain_names())
def test_the_oracle_reaches_the_local_reward_over_ws(server_url, domain):
    d = get_domain(domain)
    index = d.indices("train")[0]
    task = d.task(index)
    local = run_episode(HealthGymEnv(domain=domain, split=None), OraclePolicy(), index)
    first, results, state = asyncio.run(_play(server_url, task.id, _oracle_actions(task)))
    obs = first.observation
    assert obs["task_id"] == task.id and obs["domain"] == domain and not first.done
    assert task.prompt[:200] in obs["text"] and "Tools available" in obs["text"]
    assert {t["function"]["name"] for t in obs["tools"]} >= {c.name for c in task.reference.calls}
    last = results[-1]
    assert last.done and all(not r.done for r in results[:-1])
    assert last.reward == pytest.approx(local["reward"])
    assert last.reward == pytest.approx(1.0)  # the oracle's full reward
    assert last.observation["reward_components"] == local["reward_components"]
    assert last.observation["ended_by"] == "submitted"
    signals = [r.observation["step_signals"] for r in results]
    assert signals[-1]["evidence_met"] == signals[-1]["evidence_required"]
    assert sum(len(s["evidence_gained"]) for s in signals) == signals[-1]["evidence_met"]
    assert state["episode_id"] and state["step_count"] == len(task.reference.calls)
    assert state["done"] and state["progress"]["reward"] == pytest.approx(local["reward"])


def test_64_concurrent_sessions_stay_isolated(server_url):
    d = get_domain("triage_emergency")
    tasks = [d.task(i) for i in d.indices("train")[:64]]
    local = {
        t.id: run_episode(
            HealthGymEnv(domain=d.name, split=None), OraclePolicy(), int(t.id.rsplit("-", 1)[1])
        )["reward"]
        for t in tasks[:4]
    }

    async def one(k: int, task):
        async with GenericEnvClient(base_url=server_url, message_timeout_s=120) as client:
            await client.reset(task_id=task.id)
            out = []
            calls = task.reference.calls
            # half the sessions submit straight away, the others play the oracle
            plan = calls if k % 2 == 0 else calls[-1:]
            for i, c in enumerate(plan):
                r = await client.step({"tool_call": {"name": c.name, "arguments": c.arguments}})
                out.append(r)
                if i == 0:
                    await asyncio.sleep(0)  # interleave with the other sessions
            state = await client.state()
            return task.id, len(plan), out[-1], state

    async def main():
        return await asyncio.gather(*(one(k, t) for k, t in enumerate(tasks)))

    results = asyncio.run(main())
    assert len({r[3]["episode_id"] for r in results}) == 64
    for task_id, steps, last, state in results:
        assert state["task_id"] == task_id and state["step_count"] == steps
        assert last.done and last.observation["task_id"] == task_id
        assert state["progress"]["turn"] == steps
        if task_id in local and steps > 1:
            assert last.reward == pytest.approx(local[task_id])


def test_errors_come_back_as_server_errors(server_url):
    async def main():
        async with GenericEnvClient(base_url=server_url) as client:
            errors = []
            for coro in (
                lambda: client.step({"message": "hello"}),
                lambda: client.reset(domain="no_such_domain"),
                lambda: client.reset(domain="psychiatry", index=10**7),
                lambda: client.reset(domain="psychiatry", task_id="psychiatry-1", index=1),
                lambda: client.step({"bogus": 1}),
            ):
                try:
                    await coro()
                    errors.append(None)
                except RuntimeError as e:
                    errors.append(str(e))
            ok = await client.reset(domain="psychiatry", index=0, seed=3)
            text_turn = await client.step({"message": "I think it is depression."})
            return errors, ok, text_turn

    errors, ok, text_turn = asyncio.run(main())
    assert "reset first" in errors[0]
    assert "unknown domain" in errors[1]
    assert "out of range" in errors[2]
    assert "not both" in errors[3]
    assert errors[4] is not None and "Server error" in errors[4]
    assert ok.observation["domain"] == "psychiatry" and not ok.done
    assert "No tool call found" in text_turn.observation["text"]
    assert text_turn.observation["turn"] == 1 and not text_turn.done


def test_http_endpoints_follow_openenv(server_url):
    health = httpx.get(f"{server_url}/health").json()
    assert health["status"] == "healthy"
    meta = httpx.get(f"{server_url}/metadata").json()
    assert meta["name"] == "healthgym" and "clinical" in meta["description"]
    schema = httpx.get(f"{server_url}/schema").json()
    assert {"message", "tool_call"} <= set(schema["action"]["properties"])
    assert "step_signals" in schema["observation"]["properties"]
    reset = httpx.post(f"{server_url}/reset", json={"domain": "obstetrics", "index": 0})
    assert reset.status_code == 200 and reset.json()["observation"]["domain"] == "obstetrics"


def test_openenv_validate_url_passes_every_criterion(server_url):
    out = subprocess.run(
        [str(OPENENV), "validate", "--url", server_url, "--json"],
        capture_output=True,
        text=True,
        timeout=120,
    )
    report = json.loads(out.stdout)
    failed = [c for c in report["criteria"] if not c["passed"]]
    assert out.returncode == 0 and report["passed"] is True, failed
    assert report["summary"]["passed_count"] == report["summary"]["total_count"] >= 6


def test_openenv_validate_passes_on_the_hub_package():
    space = Path(__file__).resolve().parents[1] / "src/healthgym/integrations/openenv_space"
    out = subprocess.run(
        [str(OPENENV), "validate", str(space), "--json"],
        capture_output=True,
        text=True,
        timeout=120,
    )
    report = json.loads(out.stdout)
    assert out.returncode == 0 and report["passed"] is True, report
    assert report["issues"] == []


def test_the_hub_app_module_serves_the_same_app():
    from fastapi.testclient import TestClient

    from healthgym.server.openenv_app import app

    with TestClient(app) as client:
        assert client.get("/health").json()["status"] == "healthy"
        with client.websocket_connect("/ws") as ws:
            ws.send_text(json.dumps({"type": "reset", "data": {"domain": "medical_qa"}}))
            reply = json.loads(ws.receive_text())
            assert reply["type"] == "observation"
            assert reply["data"]["observation"]["domain"] == "medical_qa"
