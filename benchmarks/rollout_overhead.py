"""How much of a rollout's wall time healthgym itself costs.

Runs N concurrent episodes (round-robin over every domain's test split) against the
scripted OpenAI-compatible mock server, started in a *separate process* so its work
does not share this process's CPU. The server replies at once by replaying each task's
reference calls as structured ``tool_calls``.

    python benchmarks/rollout_overhead.py --episodes 256 [--quick] --json

``--quick`` (seconds): 10 episodes (one per domain), 10 at a time; the server listens
on loopback only.

``healthgym_share`` = (seconds spent in healthgym code: env.reset/step, the session's
message building and observing, the rollout's per-turn record keeping; these run on
the event loop thread one at a time, so they add up) / wall time. The rest of the wall
time is the model side: the server, HTTP and the openai client. ``client_cpu_share``
is this process's whole CPU time / wall (healthgym + openai client + asyncio), and
``server_handler_share`` the server's time building replies / wall. ``reset_share`` is
the part of ``healthgym_share`` spent in ``env.reset`` (generating the task's patient).
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time
import urllib.request

from healthgym.agents.openai_policy import OpenAIChatPolicy
from healthgym.domains import domain_names, get_domain
from healthgym.rollout import EpisodeSpec, RolloutConfig, rollout, select_tasks


def start_server() -> tuple[subprocess.Popen[str], int]:
    proc = subprocess.Popen(
        [sys.executable, "-m", "healthgym.agents.mock_server", "--port", "0"],
        stdout=subprocess.PIPE,
        text=True,
    )
    assert proc.stdout is not None
    line = proc.stdout.readline()
    if not line.startswith("PORT "):
        proc.kill()
        raise RuntimeError(f"mock server did not start: {line!r}")
    port = int(line.split()[1])
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/health", timeout=1).read()
            return proc, port
        except OSError:
            time.sleep(0.05)
    proc.kill()
    raise RuntimeError("mock server did not answer /health")


def specs(n: int) -> list[EpisodeSpec]:
    """Episodes over every domain's test split, tasks prepared up front (as a training
    dataset is): the timed part is the rollout itself, resets included."""
    pools = {d: select_tasks(d, "test", None) for d in domain_names()}
    out: list[EpisodeSpec] = []
    k = 0
    while len(out) < n:
        for d, idx in pools.items():
            if len(out) < n:
                i = idx[k % len(idx)]
                out.append(EpisodeSpec(d, i, task=get_domain(d).task(i)))
        k += 1
    return out


def server_stats(port: int) -> dict[str, float]:
    with urllib.request.urlopen(f"http://127.0.0.1:{port}/stats", timeout=5) as r:
        return json.loads(r.read())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--episodes", type=int, default=256)
    parser.add_argument("--concurrency", type=int, default=256)
    parser.add_argument("--quick", action="store_true", help="10 episodes, 10 at a time")
    parser.add_argument("--json", action="store_true", help="print one JSON line only")
    args = parser.parse_args()
    if args.quick:
        args.episodes = args.concurrency = len(domain_names())
    proc, port = start_server()
    try:
        base = f"http://127.0.0.1:{port}/v1"
        work = specs(args.episodes)

        def policy() -> OpenAIChatPolicy:
            return OpenAIChatPolicy(
                base, "oracle", send_task_id=True, concurrency=args.concurrency, timeout=120
            )

        cfg = RolloutConfig(concurrency=args.concurrency, max_turns=30)
        rollout(policy(), work[: len(domain_names())], cfg)  # warm-up: imports, caches
        before = server_stats(port)
        cpu0, t0 = time.process_time(), time.perf_counter()
        records = rollout(policy(), work, cfg)
        wall = time.perf_counter() - t0
        cpu = time.process_time() - cpu0
        after = server_stats(port)
    finally:
        proc.terminate()
        proc.wait(timeout=10)
    healthgym = sum(r.get("healthgym_seconds", 0.0) for r in records)
    resets = sum(r.get("reset_seconds", 0.0) for r in records)
    failed = sum(1 for r in records if r["error"])
    result = {
        "quick": args.quick,
        "episodes": len(records),
        "episodes_per_s": round(len(records) / wall, 2),
        "healthgym_share": round(healthgym / wall, 4),
        "reset_share": round(resets / wall, 4),
        "client_cpu_share": round(cpu / wall, 4),
        "server_handler_share": round(
            (after["handler_seconds"] - before["handler_seconds"]) / wall, 4
        ),
        "wall_s": round(wall, 3),
        "turns": sum(len(r["turns"]) for r in records),
        "failed": failed,
        "mean_accuracy": round(
            sum(r["reward_components"]["accuracy"] for r in records if not r["error"])
            / max(1, len(records) - failed),
            4,
        ),
    }
    if args.json:
        print(json.dumps(result))
    else:
        for k, v in result.items():
            print(f"{k:>22}: {v}")


if __name__ == "__main__":
    main()
