"""The HTTP environment server: endpoints, errors, isolation, caps, expiry, limits."""

from __future__ import annotations

import asyncio
import time

import httpx
import pytest
from fastapi.testclient import TestClient

from healthgym.agents.baselines import OraclePolicy
from healthgym.domains import domain_names, get_domain
from healthgym.env import HealthGymEnv
from healthgym.runner import run_episode
from healthgym.server.app import create_app
from healthgym.server.config import ServerConfig
from healthgym.tools.parse import format_hermes

TOKEN = "trainer-token-abcdef0123456789"


class FakeClock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def client():
    with TestClient(create_app(ServerConfig(trainer_token=TOKEN))) as c:
        yield c


def reset(c: TestClient, domain: str = "triage_emergency", index: int = 3, **kw) -> dict:
    r = c.post("/reset", json={"domain": domain, "split": "all", "task_index": index, **kw})
    assert r.status_code == 200, r.text
    return r.json()


def step(c: TestClient, sid: str, action) -> httpx.Response:
    return c.post("/step", json={"session_id": sid, "action": action})


def local(domain: str, index: int) -> dict:
    return run_episode(HealthGymEnv(domain=domain, split=None), OraclePolicy(), index)


def test_full_episode_equals_a_local_run(client):
    expected = local("triage_emergency", 3)
    data = reset(client)
    sid = data["session_id"]
    assert set(data["info"]) == {"task_id", "domain", "split", "max_turns", "tools"}
    assert data["info"]["task_id"] == "triage_emergency-00003"
    env = HealthGymEnv(domain="triage_emergency", split=None)
    obs, info = env.reset(options={"index": 3})
    assert data["observation"] == obs and data["info"]["tools"] == info["tools"]
    state = client.get("/state", params={"session_id": sid}).json()
    assert (state["turn"], state["tool_calls"], state["done"]) == (0, [], False)
    assert state["reward"] is None and state["reward_components"] is None
    for n, turn in enumerate(expected["turns"], 1):
        body = step(client, sid, turn["action"]).json()
        assert body["observation"] == turn["observation"]
        assert body["info"]["turn"] == n
    assert body["done"] and body["terminated"] and not body["truncated"]
    assert body["reward"] == expected["reward"]
    assert body["info"]["reward_components"] == expected["reward_components"]
    assert body["info"]["ended_by"] == "submitted"
    state = client.get("/state", params={"session_id": sid}).json()
    assert state["done"] and state["turn"] == len(expected["turns"])
    assert state["reward_components"] == expected["reward_components"]
    assert [c["status"] for c in state["tool_calls"]] == ["ok"] * len(expected["turns"])


def test_step_after_the_end_unknown_and_closed_sessions(client):
    sid = reset(client, "psychiatry", 0)["session_id"]
    task = get_domain("psychiatry").task(0)
    sub = task.reference.calls[-1]
    assert step(client, sid, format_hermes(sub.name, sub.arguments)).json()["done"]
    r = step(client, sid, "more")
    assert r.status_code == 409 and "ended" in r.json()["detail"]
    assert r.json()["error"] == "episode_over"
    assert client.delete(f"/session/{sid}").json() == {"session_id": sid, "closed": True}
    for r in (
        step(client, sid, "x"),
        client.get("/state", params={"session_id": sid}),
        client.delete(f"/session/{sid}"),
        step(client, "not-a-session", "x"),
    ):
        assert r.status_code == 404 and "unknown or expired session" in r.json()["detail"]
        assert r.json()["error"] == "session_not_found"


def test_turn_limit_truncates(client):
    sid = reset(client, max_turns=2)["session_id"]
    assert not step(client, sid, "hello").json()["done"]
    body = step(client, sid, "hello").json()
    assert body["truncated"] and not body["terminated"] and body["done"]
    assert body["info"]["ended_by"] == "turn_limit"
    assert set(body["info"]["reward_components"]) >= {"accuracy", "safety", "composite"}


@pytest.mark.parametrize(
    ("path", "body", "status", "phrase"),
    [
        ("/step", b"{not json", 400, "not valid JSON"),
        ("/reset", b"\xff\xfe", 400, "not valid JSON"),
        ("/reset", b"[" * 50_000, 400, "not valid JSON"),
        ("/step", b"[]", 422, "valid dictionary"),
        ("/step", b'{"session_id": 5, "action": "x"}', 422, "valid string"),
        ("/step", b'{"session_id": "abc"}', 422, "Field required"),
        ("/step", b'{"session_id": "abc", "action": 7}', 422, "action"),
        ("/step", b'{"session_id": "abc", "action": "x", "extra": 1}', 422, "Extra inputs"),
        ("/reset", b'{"domain": "nope"}', 422, "unknown domain 'nope'"),
        ("/reset", b'{"domain": "obstetrics", "task_index": 999999}', 422, "out of range"),
        (
            "/reset",
            b'{"domain": "obstetrics", "task_id": "psychiatry-00001"}',
            422,
            "not in domain",
        ),
        ("/reset", b'{"domain": "obstetrics", "task_id": "x"}', 422, "malformed task id"),
        ("/reset", b'{"domain": "obstetrics", "task_id": "a", "task_index": 1}', 422, "not both"),
        ("/reset", b'{"domain": "obstetrics", "seed": -1}', 422, "greater than or equal"),
        ("/reset", b'{"domain": "obstetrics", "split": "dev"}', 422, "'train', 'test' or 'all'"),
        ("/reset", b'{"domain": "obstetrics", "max_turns": 101}', 422, "at most 100"),
    ],
)
def test_bad_input_is_a_clear_4xx(client, path, body, status, phrase):
    r = client.post(path, content=body)
    assert r.status_code == status, r.text
    assert r.json()["error"] and phrase in str(r.json()["detail"])


def test_size_limits_413():
    config = ServerConfig(max_body_bytes=10_000, max_action_chars=500)
    with TestClient(create_app(config)) as c:
        sid = reset(c)["session_id"]
        r = step(c, sid, "a" * 501)
        assert r.status_code == 413 and "501 characters exceeds 500" in r.json()["detail"]
        r = c.post("/step", content=b"x" * 10_001)  # declared Content-Length
        assert r.status_code == 413 and "exceeds the limit of 10000" in r.json()["detail"]

        def chunks():  # no Content-Length: counted while it arrives
            for _ in range(30):
                yield b"y" * 1000

        r = c.post("/step", content=chunks())
        assert r.status_code == 413
        assert step(c, sid, "a" * 500).status_code == 200  # the session is unaffected


def test_session_cap_429_then_freed():
    with TestClient(create_app(ServerConfig(max_sessions=2))) as c:
        a, _b = reset(c)["session_id"], reset(c)["session_id"]
        r = c.post("/reset", json={"domain": "triage_emergency"})
        assert r.status_code == 429 and r.headers["retry-after"] == "5"
        assert r.json()["error"] == "session_limit"
        assert "session limit reached (2" in r.json()["detail"]
        c.delete(f"/session/{a}")
        assert c.post("/reset", json={"domain": "triage_emergency"}).status_code == 200
        assert c.get("/health").json() == {"status": "ok", "sessions": 2, "max_sessions": 2}


def test_idle_sessions_expire():
    clock = FakeClock()
    app = create_app(ServerConfig(max_sessions=1, idle_timeout_s=60), clock=clock)
    with TestClient(app) as c:
        sid = reset(c)["session_id"]
        clock.now += 30
        assert step(c, sid, "hi").status_code == 200  # use resets the idle time
        clock.now += 59
        assert app.state.sessions.expire_idle() == 0
        assert c.get("/state", params={"session_id": sid}).json()["idle_s"] == 59.0
        clock.now += 2
        # the cap is full, but the idle session is expired to make room
        new = reset(c)["session_id"]
        assert c.get("/state", params={"session_id": sid}).status_code == 404
        assert app.state.sessions.expired_total == 1
        clock.now += 61
        assert app.state.sessions.expire_idle() == 1
        assert c.get("/state", params={"session_id": new}).status_code == 404


def test_session_ids_are_unguessable_and_sessions_isolated(client):
    a = reset(client, "obstetrics", 1)
    b = reset(client, "obstetrics", 2)
    assert len(a["session_id"]) >= 32 and a["session_id"] != b["session_id"]
    ea, eb = local("obstetrics", 1), local("obstetrics", 2)
    # interleave the two episodes turn by turn
    for ta, tb in zip(ea["turns"], eb["turns"], strict=False):
        assert (
            step(client, a["session_id"], ta["action"]).json()["observation"] == ta["observation"]
        )
        assert (
            step(client, b["session_id"], tb["action"]).json()["observation"] == tb["observation"]
        )
    sa = client.get("/state", params={"session_id": a["session_id"]}).json()
    sb = client.get("/state", params={"session_id": b["session_id"]}).json()
    assert (sa["task_id"], sb["task_id"]) == ("obstetrics-00001", "obstetrics-00002")
    assert sa["reward_components"] == ea["reward_components"]
    assert sb["reward_components"] == eb["reward_components"]


def test_same_seed_same_task(client):
    ids = [reset(client, seed=s, index=None)["info"]["task_id"] for s in (7, 7, 8)]
    assert ids[0] == ids[1]
    body = {"domain": "triage_emergency", "seed": 7, "split": "train"}
    tid = client.post("/reset", json=body).json()["info"]["task_id"]
    env = HealthGymEnv(domain="triage_emergency", split="train")
    assert env.reset(seed=7)[1]["task_id"] == tid


def test_trainer_endpoint_needs_the_token(client):
    sid = reset(client)["session_id"]
    r = client.get(f"/trainer/task/{sid}")
    assert r.status_code == 401 and r.headers["www-authenticate"] == "Bearer"
    assert client.get(f"/trainer/task/{sid}", headers={"Authorization": TOKEN}).status_code == 401
    bad = {"Authorization": "Bearer " + TOKEN[:-1] + "x"}
    assert client.get(f"/trainer/task/{sid}", headers=bad).status_code == 403
    good = {"Authorization": "Bearer " + TOKEN}
    data = client.get(f"/trainer/task/{sid}", headers=good).json()
    task = get_domain("triage_emergency").task(3)
    assert data["reference"] == task.reference.model_dump(mode="json")
    assert data["grader"] == task.grader and data["task_id"] == task.id
    assert client.get("/trainer/task/nope", headers=good).status_code == 404


def test_trainer_endpoint_absent_without_a_configured_token():
    with TestClient(create_app()) as c:
        sid = reset(c)["session_id"]
        good = {"Authorization": "Bearer " + TOKEN}
        assert c.get(f"/trainer/task/{sid}", headers=good).status_code == 404
        assert c.get("/metadata").json()["trainer_endpoint"] is False
    with pytest.raises(ValueError, match="at least 16"):
        ServerConfig(trainer_token="short")


def test_schema_metadata_health(client):
    schema = client.get("/schema").json()
    assert set(schema) == {"reset", "action", "observation", "state", "tools"}
    assert set(schema["tools"]) == set(domain_names())
    for name in domain_names():
        assert schema["tools"][name] == get_domain(name).toolkit.schemas
    assert set(schema["action"]["properties"]) == {"session_id", "action"}
    assert "additionalProperties" in schema["reset"]
    one = client.get("/schema", params={"domain": "psychiatry"}).json()["tools"]
    assert list(one) == ["psychiatry"]
    assert client.get("/schema", params={"domain": "x"}).status_code == 404
    meta = client.get("/metadata").json()
    assert meta["name"] == "healthgym" and meta["trainer_endpoint"] is True
    for name in domain_names():
        d = get_domain(name)
        m = meta["domains"][name]
        assert (m["n_tasks"], m["submit_tool"]) == (d.n_tasks, d.submit_tool)
        assert m["train"] + m["test"] == d.n_tasks and m["test"] == len(d.indices("test"))
    assert client.get("/health").json()["status"] == "ok"
    r = client.get("/state")
    assert r.status_code == 422 and r.json()["detail"][0]["loc"] == ["query", "session_id"]
    assert client.put("/step").status_code == 405


def test_restricted_domains():
    with TestClient(create_app(ServerConfig(domains=("psychiatry",)))) as c:
        assert list(c.get("/metadata").json()["domains"]) == ["psychiatry"]
        r = c.post("/reset", json={"domain": "obstetrics"})
        assert r.status_code == 422 and "available: ['psychiatry']" in r.json()["detail"]
    with pytest.raises(ValueError, match="unknown domain"):
        create_app(ServerConfig(domains=("nope",)))


def test_concurrent_steps_on_one_session_serialize_and_slow_sessions_do_not_block():
    app = create_app()

    async def main() -> None:
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://t") as http:
            r = await http.post("/reset", json={"domain": "triage_emergency", "task_index": 3})
            slow_sid = r.json()["session_id"]
            r = await http.post("/reset", json={"domain": "psychiatry", "task_index": 0})
            fast_sid = r.json()["session_id"]
            env = app.state.sessions.get(slow_sid).env
            real_step = env.step

            def slow_step(action):
                time.sleep(1.0)
                return real_step(action)

            env.step = slow_step

            async def post(sid: str) -> tuple[float, dict]:
                r = await http.post("/step", json={"session_id": sid, "action": "hi"})
                return time.perf_counter(), r.json()

            t0 = time.perf_counter()
            slow = [asyncio.create_task(post(slow_sid)) for _ in range(2)]
            await asyncio.sleep(0.05)
            fast_done, fast = await post(fast_sid)
            await http.get("/health")
            health_done = time.perf_counter()
            done = await asyncio.gather(*slow)
            turns = sorted(d["info"]["turn"] for _, d in done)
            assert turns == [1, 2]  # serialized: never two steps on one turn
            assert max(t for t, _ in done) - t0 >= 2.0  # the second waited for the first
            first_slow = min(t for t, _ in done)
            assert fast["info"]["turn"] == 1
            assert fast_done < first_slow and health_done < first_slow  # nobody else waited

    asyncio.run(main())
