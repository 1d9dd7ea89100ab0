"""Every benchmark runs: ``benchmarks/*.py --quick --json`` in a subprocess, keys checked.

Benchmarks are found with a glob, so a new one is covered (and fails here until its
expected JSON keys are added to :data:`EXPECTED`).  None is skipped silently: a
benchmark that needs something this machine lacks (the shared MedCalc-Bench data) must
print ``{"unavailable": "<reason>"}``; only the ones listed in :data:`MAY_BE_UNAVAILABLE`
may, and the test is then reported as skipped with that reason.

The benchmarks run concurrently (2-6 at a time, by CPU count) once per module; each
test checks one benchmark's result.  The servers that server_load and
rollout_overhead start listen on loopback only.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import pytest

from healthgym.domains import domain_names

ROOT = Path(__file__).resolve().parents[1]
BENCHMARKS = sorted(p.stem for p in (ROOT / "benchmarks").glob("*.py"))
TIMEOUT_S = 600  # per benchmark; a quick run takes seconds to tens of seconds
DOMAINS = set(domain_names())

# the keys each benchmark's --quick --json object must have
EXPECTED: dict[str, set[str]] = {
    "difficulty": DOMAINS,
    "env_steps": {"quick", "episodes", "by_domain", "skipped"},
    "fuzz_actions": {"quick", "actions", "unhandled", "http_5xx", "env_actions", "http_actions"},
    "kb_search": {"quick", "passages", "queries", "ours", "fts5", "p50_speedup", "top10_overlap"},
    "learning_signal": {"quick", "params", "reward", "start_mean", "end_mean", "gain"},
    "medcalc_dev": {"quick", "rows", "correct", "accuracy", "by_calculator"},
    "reward_exploits": {"baselines", "exploits", "episodes", "must_show"},
    "rollout_overhead": {"quick", "episodes", "healthgym_share", "failed", "mean_accuracy"},
    "server_load": {"quick", "sessions", "errors", "mixups", "p50_ms", "p95_ms"},
    "shallow_reader": {"by_domain", "composite", "best_rule", "margin", "quick", "errors"},
    "train_step": {"quick", "grpo_s", "ttopd_s", "ratio", "trajectories"},
}
ENV_STEPS_DOMAIN_KEYS = {
    "first_make_s",
    "process_to_first_step_s",
    "generation_ms",
    "suite_generate_s",
    "reset_ms",
    "step_ms",
    "short_episode_ms",
    "baseline_schema_rebuild_reset_ms",
    "reset_speedup_vs_baseline",
    "graded_episodes",
}
# benchmark -> why it may report {"unavailable": reason} instead of results
MAY_BE_UNAVAILABLE = {"medcalc_dev": "the shared MedCalc-Bench data is not in the repository"}
# benchmark -> the test that already runs its --quick --json and checks its keys (run once,
# not twice: each of these takes tens of seconds)
COVERED_ELSEWHERE = {
    "difficulty": "tests/test_validity_probes.py",
    "shallow_reader": "tests/test_validity_probes.py",
    "reward_exploits": "tests/test_reward_exploits.py",
}
# longest first, so the slow ones do not start last
ORDER_HINT = ["difficulty", "shallow_reader", "reward_exploits", "learning_signal", "train_step"]


def _run(name: str) -> dict[str, Any]:
    env = {**os.environ, "HF_HUB_OFFLINE": "1", "PYTHONUNBUFFERED": "1"}
    cmd = [sys.executable, str(ROOT / "benchmarks" / f"{name}.py"), "--quick", "--json"]
    t0 = time.perf_counter()
    try:
        proc = subprocess.run(
            cmd, cwd=ROOT, env=env, capture_output=True, text=True, timeout=TIMEOUT_S
        )
    except subprocess.TimeoutExpired as e:
        return {"rc": None, "stdout": "", "stderr": f"timed out after {TIMEOUT_S} s: {e}"}
    return {
        "rc": proc.returncode,
        "stdout": proc.stdout,
        "stderr": proc.stderr,
        "seconds": round(time.perf_counter() - t0, 1),
    }


@pytest.fixture(scope="module")
def results() -> dict[str, dict[str, Any]]:
    names = [n for n in BENCHMARKS if n not in COVERED_ELSEWHERE]
    order = sorted(names, key=lambda n: ORDER_HINT.index(n) if n in ORDER_HINT else 99)
    workers = max(2, min(6, os.cpu_count() or 2))
    t0 = time.perf_counter()
    with ThreadPoolExecutor(workers) as pool:
        out = dict(zip(order, pool.map(_run, order), strict=True))
    wall = time.perf_counter() - t0
    times = ", ".join(f"{n} {r.get('seconds')} s" for n, r in out.items())
    print(f"\nquick benchmarks: {wall:.1f} s wall with {workers} at a time ({times})")
    return out


def _parse(stdout: str) -> dict[str, Any]:
    """The benchmark's JSON object: all of stdout, else its last line."""
    text = stdout.strip()
    try:
        return json.loads(text)
    except json.JSONDecodeError:
        return json.loads(text.splitlines()[-1])


def test_benchmarks_are_found():
    assert "env_steps" in BENCHMARKS and len(BENCHMARKS) >= len(EXPECTED)


@pytest.mark.slow
@pytest.mark.parametrize("name", BENCHMARKS)
def test_quick_benchmark_runs_and_reports(name: str, results: dict[str, dict[str, Any]]) -> None:
    assert name in EXPECTED, f"benchmarks/{name}.py is new: add its JSON keys to EXPECTED"
    if name in COVERED_ELSEWHERE:
        text = (ROOT / COVERED_ELSEWHERE[name]).read_text()
        assert name in text and "--quick" in text, f"{COVERED_ELSEWHERE[name]} must run it"
        pytest.skip(f"{name} --quick runs in {COVERED_ELSEWHERE[name]}")
    r = results[name]
    assert r["rc"] == 0, f"{name} failed (rc {r['rc']}):\n{r['stderr'][-3000:]}"
    out = _parse(r["stdout"])
    assert isinstance(out, dict)
    if "unavailable" in out:
        assert name in MAY_BE_UNAVAILABLE, f"{name} may not be unavailable: {out}"
        assert isinstance(out["unavailable"], str) and out["unavailable"]
        pytest.skip(f"{name}: {out['unavailable']}")
    missing = EXPECTED[name] - set(out)
    assert not missing, f"{name}: missing keys {sorted(missing)} in {sorted(out)}"
    if "quick" in EXPECTED[name]:
        assert out["quick"] is True
    CHECKS.get(name, lambda _out: None)(out)


def _env_steps(out: dict[str, Any]) -> None:
    assert set(out["by_domain"]) == DOMAINS  # cross_domain included: it used to crash
    for domain, r in out["by_domain"].items():
        assert set(r) >= ENV_STEPS_DOMAIN_KEYS, (domain, sorted(r))
        assert r["graded_episodes"] == r["episodes"] > 0, domain
        assert r["reset_ms"]["p50"] > 0 and r["step_ms"]["p95"] >= r["step_ms"]["p50"] > 0
        assert r["reset_speedup_vs_baseline"] is not None
    timed = [d for d, r in out["by_domain"].items() if r["process_to_first_step_s"] is not None]
    assert len(timed) == 1 and out["by_domain"][timed[0]]["process_to_first_step_s"] > 0
    assert {s["domain"] for s in out["skipped"]} == DOMAINS - set(timed)


def _server_load(out: dict[str, Any]) -> None:
    assert out["errors"] == 0 and out["mixups"] == 0 and out["server_alive"]
    assert out["open_after_expiry"] == 0


def _rollout_overhead(out: dict[str, Any]) -> None:
    assert out["failed"] == 0 and out["episodes"] == len(DOMAINS)
    assert out["mean_accuracy"] == 1.0  # the oracle replayed through the mock server


def _fuzz_actions(out: dict[str, Any]) -> None:
    assert out["unhandled"] == 0 and out["http_5xx"] == 0 and out["actions"] == 300


def _medcalc_dev(out: dict[str, Any]) -> None:
    assert out["rows"] > 0 and 0 <= out["accuracy"] <= 1


CHECKS = {
    "env_steps": _env_steps,
    "server_load": _server_load,
    "rollout_overhead": _rollout_overhead,
    "fuzz_actions": _fuzz_actions,
    "medcalc_dev": _medcalc_dev,
}
