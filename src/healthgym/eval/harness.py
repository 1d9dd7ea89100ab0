"""Run benchmarks with one policy in one mode; write per-item records and a summary.

    run_eval(EvalConfig(benchmarks=["medqa", "pubmedqa"], data_dir="shared/benchmarks",
                        policy="lazy", mode="direct"), out="runs/lazy")

Modes:

* ``direct``: one turn, no tools. Scripted policies (:mod:`.scripted`) answer at once;
  model policies (``openai``, ``local``, ``smollm2``) generate one reply to
  :func:`.prompts.direct_prompt` (many items concurrently; local models batch them).
* ``agentic``: every item is an episode of the multi-turn rollout runner
  (:mod:`.agentic`), with the knowledge tools and, where the benchmark offers them, the
  calculator or SQL tools; the submitted answer is scored.
* ``loglik``: local models only; the options are scored by their log-likelihood
  (:mod:`.loglik`). Benchmarks without options are skipped (listed in the summary).

Whatever the mode, the benchmark's own scorer turns the final answer into the item's
score. ``OUT/records.jsonl`` holds one record per item (the answer, what the scorer
extracted, the score, the gold for analysis) and ``OUT/summary.json`` the accuracy of
each benchmark with its 95% percentile bootstrap interval (:mod:`.stats`). With
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

import asyncio
import json
import time
from collections.abc import Callable, Iterator
from dataclasses import asdict, dataclass, field, replace
from functools import partial
from pathlib import Path
from typing import Any

from ..version import suite_version
from .items import Benchmark, EvalItem, ScoreResult
from .prompts import DIRECT_SYSTEM, direct_prompt
from .scripted import SCRIPTED_POLICIES, scripted_answer, scripted_letter
from .stats import DEFAULT_RESAMPLES, bootstrap_ci

MODES = ("direct", "agentic", "loglik")
MODEL_POLICIES = ("openai", "local", "smollm2")
POLICIES = (*SCRIPTED_POLICIES, *MODEL_POLICIES)
CHUNK = 64  # agentic items per rollout call (records are written after each)


@dataclass
class EvalConfig:
    """What to evaluate and how. ``limit``: the first ``limit`` items of each benchmark
    (file order); ``label``: the run's column name in combined reports."""

    benchmarks: list[str]
    data_dir: str
    policy: str = "lazy"
    mode: str = "direct"
    limit: int | None = None
    seed: int = 0
    label: str | None = None
    max_turns: int = 8
    max_new_tokens: int | None = None
    concurrency: int = 16
    resamples: int = DEFAULT_RESAMPLES
    sql_db: str | None = None
    loglik_norm: str = "mean"
    resume: bool = False
    trials: int = 1
    # model policies (see healthgym.agents.factory.AgentOptions)
    base_url: str | None = None
    model: str | None = None
    api_key_env: str = "OPENAI_API_KEY"
    timeout: float = 60.0
    max_retries: int = 4
    tools_mode: str = "auto"
    temperature: float | None = None
    batch_size: int = 16
    multimodal: bool = False  # openai: send VQA images as image parts
    extra: dict[str, Any] = field(default_factory=dict)

    def validate(self) -> None:
        if self.mode not in MODES:
            raise ValueError(f"mode must be one of {', '.join(MODES)}, not {self.mode!r}")
        if self.policy not in POLICIES:
            raise ValueError(f"policy must be one of {', '.join(POLICIES)}, not {self.policy!r}")
        if self.mode == "loglik" and self.policy not in ("local", "smollm2"):
            raise ValueError("loglik mode needs a local model: --policy local or smollm2")
        if self.limit is not None and self.limit < 1:
            raise ValueError("limit must be at least 1")
        if self.trials < 1:
            raise ValueError("trials must be at least 1")
        if self.mode == "loglik" and self.trials > 1:
            raise ValueError("loglik mode has no sampling: every trial would be the same")


# ------------------------------------------------------------------ records
def _jsonable(value: Any) -> Any:
    try:
        json.dumps(value)
        return value
    except (TypeError, ValueError):
        return repr(value)


def item_record(
    item: EvalItem, cfg: EvalConfig, answer: str | None, result: ScoreResult, **extra: Any
) -> dict[str, Any]:
    """One per-item record (JSON-serialisable)."""
    record = {
        "uid": item.uid,
        "benchmark": item.benchmark,
        "id": item.id,
        "kind": item.kind,
        "mode": cfg.mode,
        "policy": cfg.policy,
        "answer": answer,
        "extracted": _jsonable(result.extracted),
        "score": float(result.score),
        "correct": bool(result.correct),
        "gold": _jsonable(item.gold),
        "details": _jsonable(result.details),
        "error": None,
    }
    record.update({k: _jsonable(v) for k, v in extra.items()})
    return record


def _safe_score(bench: Benchmark, item: EvalItem, answer: str | None) -> ScoreResult:
    if answer is None:
        return ScoreResult(0.0, False, None)
    try:
        return bench.score(item, answer)
    except Exception as e:  # a scorer bug must not end the run; it is recorded
        return ScoreResult(0.0, False, None, {"scorer_error": f"{type(e).__name__}: {e}"[:300]})


def read_records(path: Path) -> list[dict[str, Any]]:
    """The records of a ``records.jsonl`` (a truncated last line is ignored)."""
    out: list[dict[str, Any]] = []
    if not path.is_file():
        return out
    for line in path.read_text().splitlines():
        try:
            rec = json.loads(line)
        except json.JSONDecodeError:
            continue
        if isinstance(rec, dict) and "uid" in rec:
            out.append(rec)
    return out


# ------------------------------------------------------------------ summary
def _per_item(rows: list[dict[str, Any]], key: str) -> list[float]:
    """The mean of ``key`` over each item's records (its trials), items in first-seen
    order: one value per item, so a bootstrap resamples items, not trials."""
    by_item: dict[str, list[float]] = {}
    for r in rows:
        by_item.setdefault(str(r["uid"]), []).append(float(r[key]))
    return [sum(v) / len(v) for v in by_item.values()]


def trial_summary(rows: list[dict[str, Any]]) -> dict[str, Any]:
    """pass^k, pass@k, the per-item success rate and the run-to-run noise of one
    benchmark's records: :func:`healthgym.runner.trial_stats` with the item as the task
    and ``correct`` as the success (a failed generation is a wrong answer, as in the
    accuracy). Records without ``trial`` are trial 0."""
    from ..runner import trial_stats

    episodes = [
        {
            "task_id": r["uid"],
            "trial": int(r.get("trial") or 0),
            "reward_components": {"accuracy": 1.0 if r["correct"] else 0.0},
        }
        for r in rows
    ]
    stats = trial_stats(episodes)
    stats.pop("tasks", None)  # "n" counts the items
    return stats


def summarize(
    records: list[dict[str, Any]],
    order: list[str] | None = None,
    resamples: int = DEFAULT_RESAMPLES,
    seed: int = 0,
    trials: int | None = None,
) -> dict[str, Any]:
    """Accuracy (``correct``) and mean score per benchmark, with 95% bootstrap
    intervals; ``macro_accuracy`` is the unweighted mean over the benchmarks.

    With several records per item (``trials``; inferred from the records when None)
    ``n`` counts items, the accuracy and mean score are means of per-item means (their
    intervals resample items) and ``records`` counts the records; each benchmark then
    gains :func:`trial_summary`'s fields, as it does whenever ``trials`` is given."""
    groups: dict[str, list[dict[str, Any]]] = {name: [] for name in order or []}
    for r in records:
        groups.setdefault(r["benchmark"], []).append(r)
    with_trials = trials is not None or any(r.get("trial") for r in records)
    by: dict[str, Any] = {}
    for name, rows in groups.items():
        acc = bootstrap_ci(_per_item(rows, "correct"), resamples, seed=seed)
        sc = bootstrap_ci(_per_item(rows, "score"), resamples, seed=seed)
        n = acc.n
        by[name] = {
            "n": n,
            "accuracy": acc.mean if n else None,
            "ci95": acc.ci if n else None,
            "mean_score": sc.mean if n else None,
            "score_ci95": sc.ci if n else None,
            "errors": sum(1 for r in rows if r.get("error")),
            "no_answer": sum(1 for r in rows if r.get("extracted") is None),
        }
        if with_trials:
            by[name]["records"] = len(rows)
            if rows:
                by[name].update(trial_summary(rows))
    scored = [b["accuracy"] for b in by.values() if b["n"]]
    total = sum(b["n"] for b in by.values())
    correct = sum(sum(_per_item(rows, "correct")) for rows in groups.values())
    return {
        "by_benchmark": by,
        "overall": {
            "n": total,
            "micro_accuracy": correct / total if total else None,
            "macro_accuracy": sum(scored) / len(scored) if scored else None,
        },
    }


# ------------------------------------------------------------------ model policies
def make_model_agent(cfg: EvalConfig) -> Any:
    """The :class:`~healthgym.agents.base.AgentPolicy` of a model policy."""
    from ..agents.factory import AgentOptions, make_agent

    agent = make_agent(
        AgentOptions(
            policy=cfg.policy,
            seed=cfg.seed,
            base_url=cfg.base_url,
            model=cfg.model,
            api_key_env=cfg.api_key_env,
            concurrency=cfg.concurrency,
            timeout=cfg.timeout,
            max_retries=cfg.max_retries,
            tools_mode=cfg.tools_mode,
            temperature=cfg.temperature,
            max_new_tokens=cfg.max_new_tokens,
            batch_size=cfg.batch_size,
        )
    )
    if cfg.multimodal and hasattr(agent, "multimodal"):
        agent.multimodal = True
    return agent


class _DirectSettings:
    """Plain one-turn chat for a model policy: the direct system prompt and no tools
    (restored afterwards)."""

    def __init__(self, agent: Any) -> None:
        self.agent = agent
        self.saved: dict[str, Any] = {}

    def __enter__(self) -> _DirectSettings:
        for key, value in (("system", DIRECT_SYSTEM), ("tools_mode", "native")):
            if hasattr(self.agent, key) and not hasattr(self.agent, "client"):
                self.saved[key] = getattr(self.agent, key)
                setattr(self.agent, key, value)
        return self

    def __exit__(self, *exc: object) -> None:
        for key, value in self.saved.items():
            setattr(self.agent, key, value)


def direct_session(agent: Any, item: EvalItem) -> Any:
    """A one-turn session asking ``item`` (no tools offered)."""
    prompt = direct_prompt(item)
    session = agent.start(None, prompt, {"tools": [], "task_id": item.uid})
    if hasattr(session, "native"):  # an OpenAI-compatible server: plain chat messages
        session.native = False
        content: Any = prompt
        if item.image and getattr(agent, "multimodal", False):
            from .agentic import image_part

            content = [{"type": "text", "text": prompt}, *image_part(item.image)]
        session.messages = [
            {"role": "system", "content": DIRECT_SYSTEM},
            {"role": "user", "content": content},
        ]
    return session


async def _direct_one(
    agent: Any,
    bench: Benchmark,
    item: EvalItem,
    cfg: EvalConfig,
    gate: asyncio.Semaphore,
    trial: int = 0,
) -> dict[str, Any]:
    start = time.perf_counter()
    tag = _trial_fields(cfg, trial)
    async with gate:
        session = None
        try:
            session = direct_session(agent, item)
            set_seed = getattr(session, "set_seed", None)
            if tag and set_seed is not None:  # the trial's sampling seed
                set_seed(tag["seed"])
            gen = await session.generate(cfg.max_new_tokens)
        except Exception as e:  # recorded; the other items go on
            rec = item_record(item, cfg, None, ScoreResult(0.0, False, None), **tag)
            rec["error"] = f"{type(e).__name__}: {e}"[:500]
            return rec
        finally:
            if session is not None:
                session.close()
    result = _safe_score(bench, item, gen.text)
    return item_record(
        item,
        cfg,
        gen.text,
        result,
        completion_tokens=gen.completion_tokens,
        finish_reason=gen.finish_reason,
        seconds=round(time.perf_counter() - start, 4),
        **tag,
    )


# ------------------------------------------------------------------ the modes
Work = list[tuple[Benchmark, list[EvalItem]]]
# the work of each trial, trial by trial (resuming may leave different items per trial)
Plan = list[tuple[int, Work]]
Sink = Callable[[dict[str, Any]], None]


def _trial_fields(cfg: EvalConfig, trial: int) -> dict[str, Any]:
    """``trial`` and ``seed`` of a record of a run with trials (none for one trial)."""
    return {"trial": trial, "seed": cfg.seed + trial} if cfg.trials > 1 else {}


def _plan(work: Work | Plan) -> Plan:
    """A plain work list is the one trial 0."""
    if work and isinstance(work[0][0], int):
        return work
    return [(0, work)]


def _chunks(work: Work, size: int) -> Iterator[tuple[Benchmark, list[EvalItem]]]:
    for bench, items in work:
        for i in range(0, len(items), size):
            yield bench, items[i : i + size]


def run_direct(work: Work | Plan, cfg: EvalConfig, sink: Sink, agent: Any = None) -> None:
    plan = _plan(work)
    if cfg.policy in SCRIPTED_POLICIES:
        for trial, trial_work in plan:
            tag = _trial_fields(cfg, trial)
            for bench, items in trial_work:
                for item in items:
                    answer = scripted_answer(cfg.policy, item, cfg.seed + trial)
                    result = _safe_score(bench, item, answer)
                    sink(item_record(item, cfg, answer, result, **tag))
        return
    agent = agent or make_model_agent(cfg)

    async def main() -> None:
        gate = asyncio.Semaphore(max(1, cfg.concurrency))
        try:
            with _DirectSettings(agent):
                for trial, trial_work in plan:
                    for bench, items in _chunks(trial_work, max(CHUNK, cfg.concurrency)):
                        jobs = [_direct_one(agent, bench, it, cfg, gate, trial) for it in items]
                        for rec in await asyncio.gather(*jobs):
                            sink(rec)
        finally:
            await agent.aclose()

    asyncio.run(main())


def run_agentic(work: Work | Plan, cfg: EvalConfig, sink: Sink, agent: Any = None) -> None:
    from ..rollout import RolloutConfig, run_rollouts
    from .agentic import (
        EvalScriptedAgent,
        episode_result,
        episode_specs,
        submit_action,
        uses_medical_qa,
    )

    plan = _plan(work)
    if agent is None and cfg.policy in SCRIPTED_POLICIES:
        answers: dict[str, str] = {}
        agent = EvalScriptedAgent(cfg.policy, answers)
    elif agent is None:
        agent = make_model_agent(cfg)
    local = cfg.policy in ("local", "smollm2")
    rcfg = RolloutConfig(
        max_turns=cfg.max_turns,
        max_new_tokens=cfg.max_new_tokens,
        concurrency=min(cfg.concurrency, cfg.batch_size) if local else cfg.concurrency,
    )

    async def main() -> None:
        try:
            for trial, trial_work in plan:
                tag = _trial_fields(cfg, trial)
                for bench, items in _chunks(trial_work, CHUNK):
                    specs = episode_specs(bench, items, cfg.sql_db)
                    if tag:  # the session samples with the trial's seed
                        specs = [replace(sp, trial=trial, seed=tag["seed"]) for sp in specs]
                    if isinstance(agent, EvalScriptedAgent):
                        for it, spec in zip(items, specs, strict=True):
                            assert spec.task is not None
                            pick = scripted_letter if uses_medical_qa(it) else scripted_answer
                            answer = pick(cfg.policy, it, cfg.seed + trial) or ""
                            agent.answers[spec.task.id] = submit_action(it, answer)
                    records = await run_rollouts(agent, specs, rcfg)
                    for it, rec in zip(items, records, strict=True):
                        answer, result, extra = episode_result(it, rec, partial(_safe_score, bench))
                        sink(item_record(it, cfg, answer, result, **extra, **tag))
        finally:
            await agent.aclose()

    asyncio.run(main())


def run_loglik(work: Work | Plan, cfg: EvalConfig, sink: Sink, agent: Any = None) -> list[str]:
    """Returns the benchmarks skipped (no options to score). One trial only: the option
    log-likelihoods involve no sampling."""
    from .loglik import score_options

    plan = _plan(work)
    if len(plan) > 1:
        raise ValueError("loglik mode has no sampling: every trial would be the same")
    agent = agent or make_model_agent(cfg)
    skipped: list[str] = []
    for bench, items in plan[0][1] if plan else []:
        if bench.kind not in ("mcq", "yes_no"):
            skipped.append(bench.name)
            continue
        for item in items:
            start = time.perf_counter()
            try:
                s = score_options(
                    agent.model, agent.tokenizer, item, cfg.loglik_norm, agent.chat_template
                )
            except Exception as e:  # recorded; the other items go on
                rec = item_record(item, cfg, None, ScoreResult(0.0, False, None))
                rec["error"] = f"{type(e).__name__}: {e}"[:500]
                sink(rec)
                continue
            result = _safe_score(bench, item, s.choice)
            sink(
                item_record(
                    item,
                    cfg,
                    s.choice,
                    result,
                    option_logprob_sums=dict(zip(s.letters, s.sums, strict=True)),
                    option_logprob_means=dict(zip(s.letters, s.means, strict=True)),
                    seconds=round(time.perf_counter() - start, 4),
                )
            )
    return skipped


# ------------------------------------------------------------------ entry point
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
