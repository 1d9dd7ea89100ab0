"""Measure environment throughput: resets/s and steps/s per domain.

    python benchmarks/env_steps.py [--domains all] [--episodes 200] [--json]

A reset builds the episode state from a task (tasks are generated on the fly);
steps replay the oracle's reference calls, one call per step.  For scale, the
same run also times a baseline that rebuilds the tool schemas on every reset
(what the public reference implementation does) so the ratio is measured in
one process.
"""

from __future__ import annotations

import argparse
import json
import time

from healthgym.domains import get_domain, resolve_domains
from healthgym.env import HealthGymEnv
from healthgym.tools.parse import format_hermes
from healthgym.tools.registry import Toolkit, tool


def bench_domain(domain: str, episodes: int) -> dict[str, float]:
    env = HealthGymEnv(domain=domain, split=None)
    d = get_domain(domain)
    indices = list(range(min(episodes, d.n_tasks)))
    tasks = [d.task(i) for i in indices]  # generation measured separately below
    t0 = time.perf_counter()
    for i in indices:
        d.task(i)
    gen_s = time.perf_counter() - t0

    t0 = time.perf_counter()
    for task in tasks:
        env.reset(options={"task": task})
    reset_s = time.perf_counter() - t0

    steps = 0
    t0 = time.perf_counter()
    for task in tasks:
        env.reset(options={"task": task})
        for call in task.reference.calls:
            env.step(format_hermes(call.name, call.arguments))
            steps += 1
    episode_s = time.perf_counter() - t0
    step_s = max(episode_s - reset_s, 1e-9)

    # baseline: rebuild every tool schema from its function on each reset
    fns = [t.fn for t in d.toolkit]
    t0 = time.perf_counter()
    for task in tasks:
        Toolkit([tool(f, name=f.__name__, terminal=False) for f in fns])
        env.reset(options={"task": task})
    baseline_reset_s = time.perf_counter() - t0
    return {
        "tasks_generated_per_s": len(indices) / gen_s,
        "resets_per_s": len(tasks) / reset_s,
        "steps_per_s": steps / step_s,
        "baseline_schema_rebuild_resets_per_s": len(tasks) / baseline_reset_s,
        "reset_speedup_vs_baseline": baseline_reset_s / reset_s,
        "episodes": len(tasks),
        "steps": steps,
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--domains", default="all")
    ap.add_argument("--episodes", type=int, default=200)
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()
    results = {d: bench_domain(d, args.episodes) for d in resolve_domains(args.domains)}
    if args.json:
        print(json.dumps(results, indent=2))
        return
    for d, r in results.items():
        print(
            f"{d}: {r['resets_per_s']:.0f} resets/s, {r['steps_per_s']:.0f} steps/s, "
            f"{r['tasks_generated_per_s']:.0f} tasks generated/s, reset speed-up vs schema "
            f"rebuild {r['reset_speedup_vs_baseline']:.1f}x ({r['episodes']} episodes)"
        )


if __name__ == "__main__":
    main()
