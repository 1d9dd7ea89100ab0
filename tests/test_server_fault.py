"""Faults against a real uvicorn server on loopback: the server stays up and other
sessions are unaffected (a session killed mid-episode, a client vanishing mid-request,
malformed JSON, oversized payloads, a client trickling its body)."""

from __future__ import annotations

import socket
import threading
import time

import httpx
import pytest
import uvicorn

from healthgym.agents.baselines import OraclePolicy
from healthgym.env import HealthGymEnv
from healthgym.runner import run_episode
from healthgym.server.app import create_app
from healthgym.server.config import ServerConfig


@pytest.fixture(scope="module")
def server():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    config = ServerConfig(max_body_bytes=50_000, body_timeout_s=2.0, max_sessions=16)
    app = create_app(config)
    srv = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="error"))
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    base = f"http://127.0.0.1:{port}"
    for _ in range(200):
        if srv.started:
            break
        time.sleep(0.05)
    assert srv.started
    yield base, port, app
    srv.should_exit = True
    thread.join(timeout=10)


def healthy(base: str) -> bool:
    return httpx.get(base + "/health", timeout=5).json()["status"] == "ok"


def raw(port: int, data: bytes, read: bool = True, timeout: float = 5.0) -> bytes:
    with socket.create_connection(("127.0.0.1", port), timeout=timeout) as s:
        s.sendall(data)
        if not read:
            return b""
        out = b""
        while chunk := s.recv(65536):
            out += chunk
        return out


def test_killed_session_mid_episode_leaves_others_intact(server):
    base, port, app = server
    expected = run_episode(HealthGymEnv(domain="obstetrics", split=None), OraclePolicy(), 4)
    with httpx.Client(base_url=base, timeout=30) as http:
        a = http.post("/reset", json={"domain": "obstetrics", "split": "all", "task_index": 4})
        b = http.post("/reset", json={"domain": "obstetrics", "split": "all", "task_index": 4})
        sid_a, sid_b = a.json()["session_id"], b.json()["session_id"]
        turns = expected["turns"]
        for sid in (sid_a, sid_b):
            assert (
                http.post("/step", json={"session_id": sid, "action": turns[0]["action"]}).json()[
                    "observation"
                ]
                == turns[0]["observation"]
            )
        assert http.delete(f"/session/{sid_a}").status_code == 200  # killed mid-episode
        r = http.post("/step", json={"session_id": sid_a, "action": turns[1]["action"]})
        assert r.status_code == 404
        for turn in turns[1:]:
            body = http.post("/step", json={"session_id": sid_b, "action": turn["action"]}).json()
            assert body["observation"] == turn["observation"]
        assert body["info"]["reward_components"] == expected["reward_components"]
    assert healthy(base)


def test_client_vanishing_mid_request_and_malformed_bodies(server):
    base, port, _app = server
    # headers promise 1000 bytes; the client sends 10 and disappears
    raw(
        port,
        b"POST /step HTTP/1.1\r\nHost: x\r\nContent-Length: 1000\r\n\r\n0123456789",
        read=False,
    )
    raw(port, b"GARBAGE\r\n\r\n")  # not HTTP at all
    with httpx.Client(base_url=base, timeout=30) as http:
        for body in (b"{", b"\x00\x01", b'{"session_id": ', b"[" * 20_000, b'{"action": "x"}'):
            r = http.post("/step", content=body)
            assert r.status_code in (400, 422), (body[:20], r.status_code)
            assert r.json()["error"] in ("malformed_json", "invalid_request")
    assert healthy(base)


def test_oversized_payloads_are_refused(server):
    base, port, _app = server
    with httpx.Client(base_url=base, timeout=30) as http:
        r = http.post("/step", content=b"x" * 50_001)
        assert r.status_code == 413 and "exceeds the limit of 50000" in r.json()["detail"]
        r = http.post("/reset", content=(b"y" * 10_000 for _ in range(10)))  # chunked
        assert r.status_code == 413
    # a huge declared length is refused before any of it is read
    reply = raw(port, b"POST /reset HTTP/1.1\r\nHost: x\r\nContent-Length: 999999999\r\n\r\n")
    assert reply.startswith(b"HTTP/1.1 413")
    assert healthy(base)


def test_a_slow_client_does_not_hold_up_others(server):
    base, port, _app = server
    replies: list[tuple[float, bytes]] = []

    def trickle() -> None:
        with socket.create_connection(("127.0.0.1", port), timeout=10) as s:
            s.sendall(b"POST /step HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n\r\n")
            for _ in range(3):  # 3 of the 100 bytes over ~1 s, then nothing
                s.sendall(b"{")
                time.sleep(0.35)
            reply = s.recv(65536)
            replies.append((time.perf_counter(), reply))

    slow = threading.Thread(target=trickle)
    slow.start()
    expected = run_episode(HealthGymEnv(domain="psychiatry", split=None), OraclePolicy(), 2)
    with httpx.Client(base_url=base, timeout=30) as http:
        sid = http.post("/reset", json={"domain": "psychiatry", "split": "all", "task_index": 2})
        sid = sid.json()["session_id"]
        for turn in expected["turns"]:
            body = http.post("/step", json={"session_id": sid, "action": turn["action"]}).json()
            assert body["observation"] == turn["observation"]
        episode_end = time.perf_counter()
    slow.join()
    assert body["info"]["reward_components"] == expected["reward_components"]
    ((replied_at, reply),) = replies
    assert reply.startswith(b"HTTP/1.1 408")  # cut off after body_timeout_s
    assert b"did not arrive within 2 s" in reply
    assert episode_end < replied_at  # the episode ran while the slow client held on
    assert healthy(base)
