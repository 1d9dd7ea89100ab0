"""Measure environment latency per domain: reset, step, short episodes, start-up.

    python benchmarks/env_steps.py [--domains all] [--episodes 200] [--quick] [--json]

Per domain, in this order (so "first" really is the first use in this process):

* ``first_make_s``: the first ``gym.make`` of the domain's id (loads the domain);
* ``generation``: tasks of the shipped suite (``Domain.task``) per task (p50 ms),
  and ``suite_generate_s``: :func:`healthgym.suite.generate_tasks` for the same number
  of new tasks (the ``healthgym tasks generate`` path), with ``suite_estimate_s``,
  the whole shipped suite (``n_tasks``) at the measured mean;
* ``reset_ms``: ``env.reset`` of a prepared task (p50/p95; every task is reset once
  before the timings, so per-task caches such as rendered images are warm);
* ``step_ms``: ``env.step`` replaying the oracle's reference calls, one call per
  step (p50/p95; the last step grades the episode);
* ``short_episode_ms``: reset + the first reference call + the submission (p50): the
  cheapest complete, graded episode;
* ``process_to_first_step_s``: a fresh ``python`` process that imports healthgym,
  makes the env, resets and steps once (wall time from spawn to the step's return);
* ``first_image_ms`` (visual_diagnosis only): the first ``reset`` of tasks this process
  has never reset (the study drawn and its image encoded), p50/p95;
* baseline, in the same run: a reset that also rebuilds every tool schema from the
  tool's function (what the public reference implementation does per reset), timed
  alternately with ``reset_ms``, and ``reset_speedup_vs_baseline`` (ratio of p50s).

Whole suite (``suite``; ``null`` with ``--quick`` or ``--no-suite``, the reason in
``suite_skipped``): a fresh process
generates every task of the selected domains (``Domain.make_task`` for ``0 ..
n_tasks-1``) and reports seconds per domain and in total (all ten domains: the 6,110
tasks of the shipped suite).

``--quick`` (seconds): 3 episodes per domain, and the process-to-first-step
subprocess for the first domain only (the others report ``null`` and are listed in
``skipped``).  ``--json`` prints ``{"quick", "episodes", "by_domain": {domain: {...}},
"suite", "suite_skipped", "skipped"}``.
"""

from __future__ import annotations

import argparse
import importlib
import inspect
import json
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from typing import Any

import gymnasium as gym

import healthgym
from healthgym.domains import get_domain, resolve_domains
from healthgym.env import HealthGymEnv
from healthgym.suite import generate_tasks
from healthgym.tools.parse import format_hermes
from healthgym.tools.registry import Tool, Toolkit, tool

QUICK_EPISODES = 3
FIRST_STEP_SCRIPT = """
import sys
import gymnasium as gym
import healthgym
env = gym.make(healthgym.env_id(sys.argv[1]))
env.reset(seed=0)
env.step("no tool call yet")
print("STEPPED", flush=True)
"""
SUITE_SCRIPT = """
import json, sys, time
from healthgym.domains import get_domain
out = {}
t_all = time.perf_counter()
for name in sys.argv[1].split(","):
    d = get_domain(name)
    t0 = time.perf_counter()
    for i in range(d.n_tasks):
        d.make_task(i)
    out[name] = {"tasks": d.n_tasks, "seconds": round(time.perf_counter() - t0, 2)}
total = round(time.perf_counter() - t_all, 2)
print(json.dumps({"by_domain": out, "tasks": sum(v["tasks"] for v in out.values()),
                  "seconds": total}))
"""


def percentiles(ms: list[float]) -> dict[str, float | None]:
    if not ms:
        return {"p50": None, "p95": None, "n": 0}
    xs = sorted(ms)
    return {
        "p50": round(statistics.median(xs), 3),
        "p95": round(xs[min(len(xs) - 1, round(0.95 * (len(xs) - 1)))], 3),
        "n": len(xs),
    }


def timed_ms(fn: Callable[[], Any]) -> float:
    t0 = time.perf_counter()
    fn()
    return (time.perf_counter() - t0) * 1000


def schema_source(t: Tool) -> Callable[..., str]:
    """The function whose signature defines ``t``'s schema.

    A domain may wrap its tools (cross_domain's pathway clock wraps each function in
    ``run(state, *args, **kwargs)``, keeping name and docstring): rebuilding a schema
    from the wrapper fails (``*args/**kwargs are not allowed``), so follow
    ``__wrapped__`` and closures to the function of the same name with a real signature.
    """
    fn: Any = t.fn
    for _ in range(8):
        fn = inspect.unwrap(fn)
        kinds = {p.kind for p in inspect.signature(fn).parameters.values()}
        if not kinds & {inspect.Parameter.VAR_POSITIONAL, inspect.Parameter.VAR_KEYWORD}:
            return fn
        inner = [
            c.cell_contents
            for c in (getattr(fn, "__closure__", None) or ())
            if callable(getattr(c, "cell_contents", None))
            and getattr(c.cell_contents, "__name__", None) == fn.__name__
        ]
        if not inner:
            break
        fn = inner[0]
    raise TypeError(f"tool {t.name}: no function with an introspectable signature")


def process_to_first_step(domain: str) -> float:
    t0 = time.perf_counter()
    proc = subprocess.Popen(
        [sys.executable, "-c", FIRST_STEP_SCRIPT, domain],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert proc.stdout is not None
    line = proc.stdout.readline()
    seconds = time.perf_counter() - t0
    _, err = proc.communicate(timeout=120)
    if not line.startswith("STEPPED"):
        raise RuntimeError(f"first-step subprocess for {domain} failed: {err[-2000:]}")
    return round(seconds, 3)


def whole_suite(domains: list[str]) -> dict[str, Any]:
    """Generate every shipped task of ``domains`` in one fresh process (no warm caches)."""
    proc = subprocess.run(
        [sys.executable, "-c", SUITE_SCRIPT, ",".join(domains)],
        capture_output=True,
        text=True,
        timeout=1800,
    )
    if proc.returncode != 0:
        raise RuntimeError(f"suite generation failed: {proc.stderr[-2000:]}")
    return json.loads(proc.stdout.strip().splitlines()[-1])


def drop_study_caches(domain: str) -> None:
    """Forget the per-process caches of drawn studies and encoded pictures, so the next
    reset of a task draws its study (``clear_caches`` of the domain's package; trees
    without it: the study and picture caches of visual_diagnosis, cleared directly)."""
    package = importlib.import_module(f"healthgym.domains.{domain}")
    clear = getattr(package, "clear_caches", None)
    if clear is not None:
        clear()
        return
    for module, name in ((f"{package.__name__}.study", "_STUDIES"), (package.__name__, "_URLS")):
        cache = getattr(importlib.import_module(module), name, None)
        if cache is not None:
            cache.clear()


def first_images(domain: str, env: HealthGymEnv, count: int) -> dict[str, float | None]:
    """First resets of tasks whose study this process has not drawn (visual_diagnosis:
    the study drawn and its picture encoded on the way to the observation)."""
    d = get_domain(domain)
    tasks = [d.task(d.n_tasks - 1 - i) for i in range(min(count, d.n_tasks))]
    drop_study_caches(domain)
    return percentiles([timed_ms(lambda t=t: env.reset(options={"task": t})) for t in tasks])


def bench_domain(domain: str, episodes: int, first_step: bool) -> dict[str, Any]:
    t0 = time.perf_counter()
    made = gym.make(healthgym.env_id(domain))
    first_make_s = time.perf_counter() - t0
    made.close()

    d = get_domain(domain)
    n = min(episodes, d.n_tasks)
    gen_ms: list[float] = []
    tasks = []
    for i in range(n):
        t0 = time.perf_counter()
        tasks.append(d.task(i))
        gen_ms.append((time.perf_counter() - t0) * 1000)
    t0 = time.perf_counter()
    generated = list(generate_tasks(domain, n, seed=0))
    suite_s = time.perf_counter() - t0

    env = HealthGymEnv(domain=domain, split=None)
    fns = [schema_source(t) for t in d.toolkit]
    for task in tasks:  # warm-up outside the timings: a task's first reset fills caches
        env.reset(options={"task": task})
    # reset and the baseline alternate task by task, so caches and load affect both alike;
    # baseline: rebuild every tool schema from its function on each reset
    reset_ms: list[float] = []
    base_ms: list[float] = []
    for task in tasks:
        reset_ms.append(timed_ms(lambda t=task: env.reset(options={"task": t})))
        t0 = time.perf_counter()
        Toolkit([tool(f, name=f.__name__, terminal=False) for f in fns])
        env.reset(options={"task": task})
        base_ms.append((time.perf_counter() - t0) * 1000)

    step_ms: list[float] = []
    graded = 0
    for task in tasks:
        env.reset(options={"task": task})
        for call in task.reference.calls:
            action = format_hermes(call.name, call.arguments)
            t0 = time.perf_counter()
            _obs, _r, terminated, truncated, info = env.step(action)
            step_ms.append((time.perf_counter() - t0) * 1000)
            if terminated or truncated:
                graded += "reward_components" in info
                break

    short_ms: list[float] = []
    for task in tasks:
        calls = task.reference.calls
        plan = [c for c in calls[:1] if c is not calls[-1]] + calls[-1:]
        t0 = time.perf_counter()
        env.reset(options={"task": task})
        for call in plan:
            env.step(format_hermes(call.name, call.arguments))
        short_ms.append((time.perf_counter() - t0) * 1000)

    first_image = first_images(domain, env, min(n, 20)) if d.reset_content else None

    mean_gen_s = sum(gen_ms) / len(gen_ms) / 1000 if gen_ms else 0.0
    reset_p50 = percentiles(reset_ms)["p50"]
    base_p50 = percentiles(base_ms)["p50"]
    return {
        "first_make_s": round(first_make_s, 3),
        "process_to_first_step_s": process_to_first_step(domain) if first_step else None,
        "generation_ms": percentiles(gen_ms),
        "suite_generate_s": round(suite_s, 3),
        "suite_generated_tasks": len(generated),
        "suite_estimate_s": round(mean_gen_s * d.n_tasks, 1),
        "n_tasks": d.n_tasks,
        "reset_ms": percentiles(reset_ms),
        "first_image_ms": first_image,
        "step_ms": percentiles(step_ms),
        "short_episode_ms": percentiles(short_ms),
        "baseline_schema_rebuild_reset_ms": percentiles(base_ms),
        "reset_speedup_vs_baseline": round(base_p50 / reset_p50, 2) if reset_p50 else None,
        "episodes": len(tasks),
        "steps": len(step_ms),
        "graded_episodes": graded,
        "tools": len(fns),
    }


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--domains", default="all")
    ap.add_argument("--episodes", type=int, default=200)
    ap.add_argument("--quick", action="store_true", help="3 episodes per domain (seconds)")
    ap.add_argument("--json", action="store_true")
    ap.add_argument(
        "--no-suite", action="store_true", help="skip generating the whole suite (slow)"
    )
    args = ap.parse_args(argv)
    episodes = QUICK_EPISODES if args.quick else args.episodes
    domains = resolve_domains(args.domains)
    t0 = time.perf_counter()
    by_domain = {
        d: bench_domain(d, episodes, first_step=not args.quick or i == 0)
        for i, d in enumerate(domains)
    }
    suite = None if args.quick or args.no_suite else whole_suite(domains)
    skipped = [
        {"domain": d, "metric": "process_to_first_step_s", "reason": "--quick: first domain only"}
        for d, r in by_domain.items()
        if r["process_to_first_step_s"] is None
    ]
    out = {
        "quick": args.quick,
        "episodes": episodes,
        "by_domain": by_domain,
        "suite": suite,
        "suite_skipped": None if suite is not None else ("--quick" if args.quick else "--no-suite"),
        "skipped": skipped,
        "seconds": round(time.perf_counter() - t0, 1),
    }
    if args.json:
        print(json.dumps(out, indent=2))
        return
    for d, r in by_domain.items():
        pfs = r["process_to_first_step_s"]
        print(
            f"{d}: reset p50 {r['reset_ms']['p50']} ms (p95 {r['reset_ms']['p95']}), step p50 "
            f"{r['step_ms']['p50']} ms (p95 {r['step_ms']['p95']}), short episode p50 "
            f"{r['short_episode_ms']['p50']} ms, first make {r['first_make_s']} s, "
            f"process to first step {pfs if pfs is not None else '-'} s, first image p50 "
            f"{(r['first_image_ms'] or {}).get('p50', '-')} ms, task generation p50 "
            f"{r['generation_ms']['p50']} ms; reset speed-up vs schema rebuild "
            f"{r['reset_speedup_vs_baseline']}x ({r['episodes']} episodes)"
        )
    if suite is not None:
        print(f"whole suite: {suite['tasks']} tasks in {suite['seconds']} s (one process)")


if __name__ == "__main__":
    main()
