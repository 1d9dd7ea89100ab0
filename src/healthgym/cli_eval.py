"""``healthgym eval``: run benchmarks with a policy, and the combined report of runs.

    healthgym eval --benchmarks medqa,pubmedqa --data-dir ../shared/benchmarks \\
        --policy lazy --mode direct --out runs/lazy
    healthgym eval report runs/text runs/agentic --labels "Text baseline,Agentic baseline" \\
        --out report.md
    healthgym eval --benchmarks medqa --data-dir ../shared/benchmarks --policy openai \\
        --trials 3 --out runs/k3          # pass^k, pass@k, run-to-run std per benchmark
    healthgym eval contamination --data-dir ../shared/benchmarks --format json
"""

from __future__ import annotations

import os
from pathlib import Path

import typer
from rich.console import Console

eval_app = typer.Typer(
    help="Evaluate a policy on medical benchmarks (direct, agentic or loglik mode).",
    invoke_without_command=True,
)
console = Console(stderr=True)


def _benchmarks(spec: str) -> list[str]:
    from .eval.registry import benchmark_names, get_benchmark

    names = (
        benchmark_names() if spec.strip() == "all" else [s for s in spec.split(",") if s.strip()]
    )
    try:
        return [get_benchmark(n).name for n in names]
    except KeyError as e:
        raise typer.BadParameter(str(e.args[0])) from None


@eval_app.callback()
def eval_cmd(
    ctx: typer.Context,
    benchmarks: str = typer.Option(
        None, help="comma-separated benchmark names, or 'all' (see `healthgym eval list`)"
    ),
    data_dir: Path = typer.Option(None, help="folder laid out as shared/benchmarks"),
    policy: str = typer.Option("lazy", help="lazy, random, oracle, openai, local or smollm2"),
    mode: str = typer.Option("direct", help="direct, agentic or loglik"),
    limit: int = typer.Option(0, help="at most this many items per benchmark (0 = all)"),
    out: Path = typer.Option(None, help="output directory (records.jsonl, summary.json)"),
    label: str = typer.Option(None, help="the run's column name in combined reports"),
    seed: int = typer.Option(0, help="seed of the random policy, sampling and the bootstrap"),
    trials: int = typer.Option(
        1, min=1, help="run each item K times (trial t seeds seed + t): pass^k, pass@k, run std"
    ),
    max_turns: int = typer.Option(8, help="agentic: turn limit per episode"),
    max_new_tokens: int = typer.Option(None, help="model policies: new tokens per turn"),
    concurrency: int = typer.Option(16, help="items (or episodes) in flight"),
    resamples: int = typer.Option(2000, help="bootstrap resamples of the 95% interval"),
    sql_db: Path = typer.Option(None, help="EHRSQL: the SQLite database the SQL runs on"),
    loglik_norm: str = typer.Option("mean", help="loglik: 'sum' or 'mean' token log-prob"),
    resume: bool = typer.Option(False, "--resume", help="keep the items already in OUT"),
    base_url: str = typer.Option(None, help="openai: the server's base URL (.../v1)"),
    model: str = typer.Option(None, help="openai: model name; local: model directory or .gguf"),
    api_key_env: str = typer.Option("OPENAI_API_KEY", help="openai: variable holding the key"),
    timeout: float = typer.Option(60.0, help="openai: seconds per request"),
    max_retries: int = typer.Option(4, help="openai: retries per request"),
    tools_mode: str = typer.Option("auto", help="agentic: tool schemas native, hermes or auto"),
    temperature: float = typer.Option(None, help="sampling temperature of model policies"),
    batch_size: int = typer.Option(16, help="local/smollm2: sequences per generation batch"),
    multimodal: bool = typer.Option(False, "--multimodal", help="openai: send VQA images"),
    report: bool = typer.Option(False, "--report", help="also write OUT/report.md and .html"),
) -> None:
    """Run benchmarks with one policy and mode; write OUT/records.jsonl and summary.json.

    With --trials K every item runs K times (trial t samples with seed + t) and each
    benchmark's summary gains trials, pass_hat_k, pass_at_k, success_rate and run_std."""
    if ctx.invoked_subcommand is not None:
        return
    from .eval.config import EvalConfig
    from .eval.harness import run_eval

    if not benchmarks or data_dir is None or out is None:
        raise typer.BadParameter("--benchmarks, --data-dir and --out are required")
    if sql_db is not None:  # the EHRSQL loader and scorer find the database through it
        from .eval.loaders.ehrsql import DB_ENV

        os.environ[DB_ENV] = str(sql_db)
    cfg = EvalConfig(
        benchmarks=_benchmarks(benchmarks),
        data_dir=str(data_dir),
        policy=policy,
        mode=mode,
        limit=limit or None,
        seed=seed,
        label=label,
        max_turns=max_turns,
        max_new_tokens=max_new_tokens,
        concurrency=concurrency,
        resamples=resamples,
        sql_db=str(sql_db) if sql_db else None,
        loglik_norm=loglik_norm,
        resume=resume,
        trials=trials,
        base_url=base_url,
        model=model,
        api_key_env=api_key_env,
        timeout=timeout,
        max_retries=max_retries,
        tools_mode=tools_mode,
        temperature=temperature,
        batch_size=batch_size,
        multimodal=multimodal,
    )
    try:
        cfg.validate()
        summary = run_eval(cfg, out)
    except (ValueError, RuntimeError, OSError) as e:
        raise typer.BadParameter(str(e)) from None
    for name, b in summary["by_benchmark"].items():
        if b["n"]:
            lo, hi = b["ci95"]
            console.print(f"{name}: {b['accuracy']:.3f} [{lo:.3f}, {hi:.3f}] (n={b['n']})")
            if b.get("trials", 1) > 1:
                console.print(f"  {trial_line(b)}")
    for name in summary["skipped"]:
        console.print(f"{name}: skipped (no options to score in {mode} mode)")
    console.print(f"-> {out / 'summary.json'}")
    if report:
        from .eval.report import write_report

        paths = write_report([out], out / "report.md")
        console.print(f"report -> {', '.join(str(p) for p in paths)}")


def trial_line(b: dict) -> str:
    """``K trials, pass^1 ..., pass^K ..., pass@K ..., run std ...`` of a benchmark."""
    k = b["trials"]
    hats = ", ".join(f"pass^{j} {v:.3f}" for j, v in b["pass_hat_k"].items())
    at = b["pass_at_k"].get(str(k))
    std = b.get("run_std")
    return (
        f"{k} trials, {hats}, pass@{k} {'n/a' if at is None else f'{at:.3f}'}, "
        f"run std {'n/a' if std is None else f'{std:.3f}'}"
    )


@eval_app.command("list")
def list_cmd() -> None:
    """The registered benchmarks."""
    from .eval.registry import BENCHMARKS

    for b in BENCHMARKS.values():
        typer.echo(f"{b.name}\t{b.kind}\t{','.join(b.tools)}\t{b.description}")


@eval_app.command("report")
def report_cmd(
    runs: list[Path] = typer.Argument(..., help="eval run directories (or their summary.json)"),
    labels: str = typer.Option(None, help="comma-separated column names, one per run"),
    out: Path = typer.Option(Path("eval_report.md"), help="the markdown file (.html beside it)"),
) -> None:
    """The combined table (benchmarks x runs), as markdown and HTML with bar plots."""
    from .eval.report import write_report

    names = [s.strip() for s in labels.split(",")] if labels else None
    try:
        paths = write_report(runs, out, names)
    except (FileNotFoundError, ValueError) as e:
        raise typer.BadParameter(str(e)) from None
    console.print(f"report -> {', '.join(str(p) for p in paths)}")


@eval_app.command("contamination")
def contamination_cmd(
    data_dir: Path = typer.Option(..., help="folder laid out as shared/benchmarks"),
    benchmarks: str = typer.Option(
        "medqa,medmcqa,mmlu_medical,pubmedqa,medcalc", help="comma-separated benchmark names"
    ),
    domains: str = typer.Option("all", help="'all' or comma-separated domains whose tasks to scan"),
    limit_per_domain: int = typer.Option(0, help="scan at most this many tasks a domain (0 = all)"),
    max_examples: int = typer.Option(50, min=0, help="overlapping items listed at most"),
    format: str = typer.Option("text", "--format", help="text or json"),
    out: Path = typer.Option(None, help="also write the JSON report to this file"),
) -> None:
    """N-gram (13 and 8 words) overlap of the generated tasks with benchmark items."""
    import json

    from .domains import resolve_domains
    from .eval.contamination import contamination_report, text_report

    if format not in ("text", "json"):
        raise typer.BadParameter("--format must be text or json")
    try:
        names = resolve_domains(domains)
    except KeyError as e:
        raise typer.BadParameter(str(e.args[0])) from None
    try:
        report = contamination_report(
            data_dir,
            _benchmarks(benchmarks),
            names,
            limit_per_domain or None,
            max_examples=max_examples,
            progress=lambda msg: console.print(msg),
        )
    except (ValueError, OSError) as e:
        raise typer.BadParameter(str(e)) from None
    if out is not None:
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text(json.dumps(report, indent=2))
    typer.echo(json.dumps(report, indent=2) if format == "json" else text_report(report))
