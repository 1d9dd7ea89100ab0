"""Run benchmarks with one policy in one mode; write per-item records and a summary.

    run_eval(EvalConfig(benchmarks=["medqa", "pubmedqa"], data_dir="shared/benchmarks",
                        policy="lazy", mode="direct"), out="runs/lazy")

Modes:

* ``direct`` (:mod:`.direct`): one turn, no tools. Scripted policies (:mod:`.scripted`)
  answer at once; model policies (``openai``, ``local``, ``smollm2``) generate one reply
  to :func:`.prompts.direct_prompt` (many items concurrently; local models batch them).
* ``agentic``: every item is an episode of the multi-turn rollout runner
  (:mod:`.agentic`), with the knowledge tools and, where the benchmark offers them, the
  calculator or SQL tools; the submitted answer is scored.
* ``loglik``: local models only; the options are scored by their log-likelihood
  (:mod:`.loglik`). Benchmarks without options are skipped (listed in the summary).

Whatever the mode, the benchmark's own scorer turns the final answer into the item's
score. ``OUT/records.jsonl`` holds one record per item (:mod:`.records`: the answer,
what the scorer extracted, the score, the gold for analysis) and ``OUT/summary.json``
the accuracy of each benchmark with its 95% percentile bootstrap interval
(:mod:`.summary`, :mod:`.stats`). With
``resume=True`` the items already in ``records.jsonl`` (same mode and policy) are kept
and only the others run. A failed generation is recorded with its error and counts as
a wrong answer.

``trials=K`` (``healthgym eval --trials K``) runs every item K times, trial by trial;
trial ``t`` samples with seed ``seed + t`` (the random policy's seed; a model server's
request seed), and each record carries ``trial`` and ``seed``. Each benchmark's summary
then gains the estimators of ``healthgym run --trials`` (:func:`healthgym.runner.
trial_stats`, success = the item scored correct): ``trials``, ``pass_hat_k`` and
``pass_at_k`` ({"1": ..., "K": ...}), ``success_rate`` (the per-item success rates:
mean, std, min, max, histogram), ``trial_accuracy`` (each trial's accuracy) and
``run_std`` (their sample standard deviation: the run-to-run noise of the mean).
``n`` stays the number of items; ``accuracy`` is the mean per-item success rate (=
pass^1) and its interval resamples items (each with its K trials), not records. The
loglik mode has no sampling and refuses ``trials > 1``.
"""

from __future__ import annotations

import json
import time
from dataclasses import asdict
from pathlib import Path
from typing import Any

from ..version import suite_version
from .config import EvalConfig
from .direct import run_direct
from .items import Benchmark, EvalItem
from .loglik import run_loglik
from .records import read_records
from .scripted import SCRIPTED_POLICIES
from .summary import summarize
from .work import Plan, Work


def resolve_benchmarks(names: list[str | Benchmark]) -> list[Benchmark]:
    """Registered benchmarks by name (Benchmark objects pass through)."""
    from .registry import get_benchmark

    return [n if isinstance(n, Benchmark) else get_benchmark(n) for n in names]


def load_items(bench: Benchmark, data_dir: str | Path, limit: int | None) -> list[EvalItem]:
    items = bench.load(Path(data_dir))
    return items[:limit] if limit else items


def _record_key(rec: dict[str, Any]) -> tuple[str, int]:
    return str(rec["uid"]), int(rec.get("trial") or 0)


def run_eval(
    cfg: EvalConfig,
    out: str | Path,
    benchmarks: list[Benchmark] | None = None,
    agent: Any = None,
) -> dict[str, Any]:
    """Evaluate; write ``out/records.jsonl`` and ``out/summary.json``; return the summary.

    ``benchmarks`` overrides the registry lookup of ``cfg.benchmarks`` (e.g. a
    benchmark defined in a test); ``agent`` a prepared model policy. With
    ``cfg.trials`` K every item runs K times (see the module docstring); resuming keeps
    the (item, trial) pairs already recorded.
    """
    cfg.validate()
    benches = benchmarks if benchmarks is not None else resolve_benchmarks(list(cfg.benchmarks))
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    path = out / "records.jsonl"
    work: Work = [(b, load_items(b, cfg.data_dir, cfg.limit)) for b in benches]
    wanted = {(it.uid, t) for _, items in work for it in items for t in range(cfg.trials)}
    kept: list[dict[str, Any]] = []
    if cfg.resume:
        kept = [
            r
            for r in read_records(path)
            if r.get("mode") == cfg.mode
            and r.get("policy") == cfg.policy
            and _record_key(r) in wanted
        ]
    done = {_record_key(r) for r in kept}
    plan: Plan = [
        (t, [(b, [it for it in items if (it.uid, t) not in done]) for b, items in work])
        for t in range(cfg.trials)
    ]
    records = list(kept)
    version = suite_version()
    start = time.perf_counter()
    with path.open("w") as f:
        for r in kept:
            f.write(json.dumps(r) + "\n")

        def sink(rec: dict[str, Any]) -> None:
            rec.setdefault("suite_version", version)
            records.append(rec)
            f.write(json.dumps(rec) + "\n")
            f.flush()

        skipped: list[str] = []
        if cfg.mode == "direct":
            run_direct(plan, cfg, sink, agent)
        elif cfg.mode == "agentic":
            from .agentic import run_agentic  # the rollout runner and the environment

            run_agentic(plan, cfg, sink, agent)
        else:
            skipped = run_loglik(plan, cfg, sink, agent)
    order = [b.name for b in benches if b.name not in skipped]
    summary = summarize(
        records, order, cfg.resamples, cfg.seed, trials=cfg.trials if cfg.trials > 1 else None
    )
    settings = {k: v for k, v in asdict(cfg).items() if k not in ("extra", "api_key_env")}
    summary["config"] = {
        **settings,
        "label": cfg.label or default_label(cfg),
        "benchmarks": [b.name for b in benches],
        **cfg.extra,
    }
    summary["suite_version"] = version
    summary["skipped"] = skipped
    summary["seconds"] = round(time.perf_counter() - start, 3)
    summary["records"] = path.name
    (out / "summary.json").write_text(json.dumps(summary, indent=2))
    return summary


def default_label(cfg: EvalConfig) -> str:
    """A run's column name when none is given: ``<policy or model> (<mode>)``."""
    who = cfg.policy if cfg.policy in SCRIPTED_POLICIES or not cfg.model else cfg.model
    return f"{Path(str(who)).name} ({cfg.mode})"
