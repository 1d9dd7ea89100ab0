"""Load test of the HTTP environment server: concurrent full oracle episodes.

    python benchmarks/server_load.py --sessions 200 [--quick] --json

Starts ``healthgym serve env`` on loopback in a subprocess (uvicorn), then runs
``--sessions`` episodes at once over HTTP (asyncio + httpx), each a different task
(session ``i`` takes the ``i // 10``-th test task of domain ``i % 10``, reset by task
id), replaying the
task's reference calls (computed locally: the oracle's actions).  Each session's
observations, reward and reward components must equal a local
:class:`~healthgym.env.HealthGymEnv` run of the same task; any difference is a
cross-session mix-up.  Step latency is measured at the client (queueing
included).  Half the sessions are closed with ``DELETE``; the other half are left
for the server's idle expiry, and the run waits until the server reports 0 open
sessions.  Server RSS is read from ``/proc`` before the load, at its peak and after
the clean-up; ``--waves`` repeats the whole load on the same server so the RSS after
each wave shows whether memory levels off (latencies are those of the first wave;
errors and mix-ups are summed over all waves).

``--quick`` (seconds): 10 sessions, one wave, a 1 s idle timeout.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import socket
import statistics
import subprocess
import sys
import threading
import time
from typing import Any

import httpx

from healthgym.agents.baselines import OraclePolicy
from healthgym.domains import domain_names, get_domain
from healthgym.env import HealthGymEnv
from healthgym.runner import run_episode
from healthgym.tasks import task_id


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def rss_mb(pid: int) -> float:
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return float("nan")


def plan(sessions: int) -> list[tuple[str, int]]:
    names = domain_names()
    tests = {d: get_domain(d).indices("test") for d in names}
    return [
        (names[i % len(names)], tests[names[i % len(names)]][i // len(names)])
        for i in range(sessions)
    ]


def local_runs(jobs: list[tuple[str, int]]) -> list[dict[str, Any]]:
    envs = {d: HealthGymEnv(domain=d, split="test") for d in {d for d, _ in jobs}}
    out = []
    for d, index in jobs:
        traj = run_episode(envs[d], OraclePolicy(), index)
        out.append(
            {
                "actions": [t["action"] for t in traj["turns"]],
                "observations": [t["observation"] for t in traj["turns"]],
                "reward": traj["reward"],
                "reward_components": traj["reward_components"],
            }
        )
    return out


async def session(
    http: httpx.AsyncClient,
    domain: str,
    index: int,
    expected: dict[str, Any],
    close: bool,
    latencies: list[float],
) -> tuple[bool, bool]:
    """(error, mixup) for one episode."""
    try:
        # the task by id: the server's task_index is a position inside the split, while
        # ``index`` is the domain-wide index the local reference run used
        body = {"domain": domain, "split": "test", "task_id": task_id(domain, index)}
        r = await http.post("/reset", json=body)
        r.raise_for_status()
        sid = r.json()["session_id"]
        observations, data = [], {}
        for action in expected["actions"]:
            t0 = time.perf_counter()
            r = await http.post("/step", json={"session_id": sid, "action": action})
            latencies.append((time.perf_counter() - t0) * 1000)
            r.raise_for_status()
            data = r.json()
            observations.append(data["observation"])
        state = (await http.get("/state", params={"session_id": sid})).json()
        if close:
            (await http.delete(f"/session/{sid}")).raise_for_status()
    except (httpx.HTTPError, KeyError, ValueError):
        return True, False
    mixup = (
        observations != expected["observations"]
        or data.get("reward") != expected["reward"]
        or data["info"].get("reward_components") != expected["reward_components"]
        or state.get("reward_components") != expected["reward_components"]
        or not data.get("done")
    )
    return False, mixup


async def load(
    base: str, jobs: list[tuple[str, int]], expected: list[dict[str, Any]], idle_timeout: float
) -> dict[str, Any]:
    limits = httpx.Limits(max_connections=len(jobs) + 8, max_keepalive_connections=len(jobs) + 8)
    latencies: list[float] = []
    async with httpx.AsyncClient(base_url=base, timeout=300, limits=limits) as http:
        t0 = time.perf_counter()
        results = await asyncio.gather(
            *[
                session(http, d, i, exp, close=(n % 2 == 1), latencies=latencies)
                for n, ((d, i), exp) in enumerate(zip(jobs, expected, strict=True))
            ]
        )
        wall = time.perf_counter() - t0
        open_after = (await http.get("/health")).json()["sessions"]
        t1 = time.perf_counter()
        deadline = t1 + idle_timeout * 3 + 10
        remaining = open_after
        while remaining and time.perf_counter() < deadline:
            await asyncio.sleep(0.5)
            remaining = (await http.get("/health")).json()["sessions"]
        cleanup_s = time.perf_counter() - t1
    lat = sorted(latencies)
    return {
        "errors": sum(e for e, _ in results),
        "mixups": sum(m for _, m in results),
        "steps": len(lat),
        "p50_ms": round(statistics.median(lat), 2) if lat else None,
        "p95_ms": round(lat[int(0.95 * (len(lat) - 1))], 2) if lat else None,
        "max_ms": round(lat[-1], 2) if lat else None,
        "wall_s": round(wall, 2),
        "steps_per_s": round(len(lat) / wall, 1) if wall else None,
        "left_open_for_expiry": open_after,
        "open_after_expiry": remaining,
        "expiry_cleanup_s": round(cleanup_s, 2),
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sessions", type=int, default=200)
    ap.add_argument("--idle-timeout", type=float, default=10.0)
    ap.add_argument("--waves", type=int, default=2, help="repeat the load to show RSS levels off")
    ap.add_argument("--quick", action="store_true", help="10 sessions, 1 wave, 1 s idle timeout")
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()
    if args.quick:
        args.sessions, args.waves, args.idle_timeout = 10, 1, 1.0
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    load_start = os.getloadavg()[0]
    jobs = plan(args.sessions)
    t0 = time.perf_counter()
    expected = local_runs(jobs)
    local_s = time.perf_counter() - t0
    port = free_port()
    cmd = [
        sys.executable,
        "-c",
        "from healthgym.cli import app; app()",
        "serve",
        "env",
        "--host",
        "127.0.0.1",
        "--port",
        str(port),
        "--max-sessions",
        str(args.sessions + 8),
        "--idle-timeout",
        str(args.idle_timeout),
    ]
    server = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    peak = [0.0]
    stop = threading.Event()
    try:
        for _ in range(600):
            try:
                if httpx.get(base + "/health", timeout=1).status_code == 200:
                    break
            except httpx.HTTPError:
                time.sleep(0.1)
        else:
            raise RuntimeError("the server did not start")
        httpx.get(base + "/metadata", timeout=60)  # loads every domain once
        before = rss_mb(server.pid)

        def sample() -> None:
            while not stop.is_set():
                peak[0] = max(peak[0], rss_mb(server.pid))
                time.sleep(0.1)

        threading.Thread(target=sample, daemon=True).start()
        waves = []
        for _ in range(args.waves):
            waves.append(asyncio.run(load(base, jobs, expected, args.idle_timeout)))
            waves[-1]["rss_after_mb"] = round(rss_mb(server.pid), 1)
        stop.set()
        after = rss_mb(server.pid)
        result = {k: v for k, v in waves[0].items() if k != "rss_after_mb"}
        result["errors"] = sum(w["errors"] for w in waves)
        result["mixups"] = sum(w["mixups"] for w in waves)
        result["open_after_expiry"] = max(w["open_after_expiry"] for w in waves)
        result["rss_after_each_wave_mb"] = [w["rss_after_mb"] for w in waves]
        result["p95_ms_each_wave"] = [w["p95_ms"] for w in waves]
        alive = server.poll() is None
    finally:
        stop.set()
        server.terminate()
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()
    out = {
        "quick": args.quick,
        "sessions": args.sessions,
        "errors": result["errors"],
        "mixups": result["mixups"],
        "p50_ms": result["p50_ms"],
        "p95_ms": result["p95_ms"],
        "rss_before_mb": round(before, 1),
        "rss_after_mb": round(after, 1),
        "rss_peak_mb": round(peak[0], 1),
        "server_alive": alive,
        "local_reference_s": round(local_s, 2),
        "cpus": os.cpu_count(),
        "load_avg_1m_start": round(load_start, 2),
        "load_avg_1m_end": round(os.getloadavg()[0], 2),
        **{k: v for k, v in result.items() if k not in ("errors", "mixups", "p50_ms", "p95_ms")},
    }
    if args.json:
        print(json.dumps(out))
    else:
        for k, v in out.items():
            print(f"{k}: {v}")


if __name__ == "__main__":
    main()
