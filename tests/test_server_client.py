"""EnvClient / AsyncEnvClient: the gymnasium signatures over HTTP."""

from __future__ import annotations

import asyncio

import httpx
import pytest
from fastapi.testclient import TestClient

from healthgym.agents.baselines import OraclePolicy
from healthgym.env import HealthGymEnv
from healthgym.runner import run_episode
from healthgym.server.app import create_app
from healthgym.server.client import AsyncEnvClient, EnvClient, EnvServerError
from healthgym.server.config import ServerConfig

TOKEN = "client-test-token-0123456789"


@pytest.fixture
def app():
    return create_app(ServerConfig(trainer_token=TOKEN))


def test_sync_client_runs_an_episode_like_the_local_env(app):
    expected = run_episode(HealthGymEnv(domain="obstetrics", split=None), OraclePolicy(), 5)
    with TestClient(app) as http:
        env = EnvClient(domain="obstetrics", split=None, client=http)
        obs, info = env.reset(options={"index": 5})
        local_obs, local_info = HealthGymEnv(domain="obstetrics", split=None).reset(
            options={"index": 5}
        )
        assert obs == local_obs and info["tools"] == local_info["tools"] == env.tool_schemas
        assert env.state()["turn"] == 0
        for turn in expected["turns"]:
            obs, reward, terminated, truncated, info = env.step(turn["action"])
            assert obs == turn["observation"]
        assert terminated and not truncated and reward == expected["reward"]
        assert info["reward_components"] == expected["reward_components"]
        assert env.state()["done"]
        assert env.privileged(TOKEN)["reference"]["answer"]
        with pytest.raises(EnvServerError) as e:
            env.privileged("wrong-token-0123456789")
        assert e.value.status == 403
        with pytest.raises(EnvServerError) as e:
            env.step("more")
        assert e.value.status == 409 and "ended" in str(e.value)
        env.close()
        assert app.state.sessions.expire_idle() == 0 and len(app.state.sessions) == 0


def test_reset_replaces_the_previous_session_and_errors_are_raised(app):
    with TestClient(app) as http:
        env = EnvClient(domain="psychiatry", client=http)
        with pytest.raises(RuntimeError, match="reset"):
            env.step("x")
        first = env.reset(seed=3)[1]["task_id"]
        sid = env.session_id
        assert env.reset(seed=3)[1]["task_id"] == first  # same seed, same task
        assert env.session_id != sid and len(app.state.sessions) == 1
        assert (
            env.reset(options={"task_id": "psychiatry-00007"})[1]["task_id"] == first[:-5] + "00007"
        )
        with pytest.raises(EnvServerError) as e:
            env.reset(options={"index": 10**6})
        assert e.value.status == 422 and "out of range: psychiatry" in str(e.value.detail)
        with pytest.raises(ValueError, match="unsupported reset option"):
            env.reset(options={"task": {}})
        bad = EnvClient(domain="nope", client=http)
        with pytest.raises(EnvServerError) as e:
            bad.reset()
        assert e.value.status == 422 and e.value.error == "unknown_domain"
    # a client that owns its connection pool closes it
    env = EnvClient("http://127.0.0.1:9", domain="psychiatry")
    with env, pytest.raises(httpx.ConnectError):
        env.reset()
    assert env._http.is_closed


def test_async_client_concurrent_episodes(app):
    runs = {
        i: run_episode(HealthGymEnv(domain="triage_emergency", split=None), OraclePolicy(), i)
        for i in (0, 1, 2)
    }

    async def episode(http: httpx.AsyncClient, index: int) -> dict:
        async with AsyncEnvClient(domain="triage_emergency", split=None, client=http) as env:
            await env.reset(options={"index": index})
            observations = []
            for turn in runs[index]["turns"]:
                obs, reward, terminated, truncated, info = await env.step(turn["action"])
                observations.append(obs)
            state = await env.state()
            return {
                "obs": observations,
                "reward": reward,
                "rc": info["reward_components"],
                "state": state,
                "priv": await env.privileged(TOKEN),
            }

    async def main() -> list[dict]:
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://t") as http:
            return await asyncio.gather(*[episode(http, i) for i in runs])

    for index, got in zip(runs, asyncio.run(main()), strict=True):
        assert got["obs"] == [t["observation"] for t in runs[index]["turns"]]
        assert (
            got["reward"] == runs[index]["reward"] and got["rc"] == runs[index]["reward_components"]
        )
        assert got["state"]["done"] and got["priv"]["task_id"] == f"triage_emergency-{index:05d}"
    assert len(app.state.sessions) == 0  # every client closed its session
