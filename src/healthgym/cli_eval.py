"""``healthgym eval``: run benchmarks with a policy, and the combined report of runs.

    healthgym eval list --files            # the files each benchmark expects, and their source
    healthgym eval --benchmarks medqa,pubmedqa --data-dir data/benchmarks \\
        --policy lazy --mode direct --out runs/lazy
    healthgym eval report runs/text runs/agentic --labels "Text baseline,Agentic baseline" \\
        --out report.md
    healthgym eval --benchmarks medqa --data-dir data/benchmarks --policy openai \\
        --trials 3 --out runs/k3          # pass^k, pass@k, run-to-run std per benchmark
    healthgym eval contamination --data-dir data/benchmarks --format json

The benchmark files are not bundled: ``--data-dir`` is a folder holding each
benchmark's files under the names ``healthgym eval list --files`` prints (from
:data:`healthgym.eval.registry.DATA_FILES`, with the public source of each).
"""

from __future__ import annotations

import json
import os
from enum import Enum
from pathlib import Path
from typing import Any

import typer
from rich.console import Console

from ._cli_output import Column, print_table, unknown_name

eval_app = typer.Typer(
    help="Evaluate a policy on medical benchmarks (direct, agentic or loglik mode).",
    invoke_without_command=True,
    rich_markup_mode=None,
)
console = Console(stderr=True)


def _benchmarks(spec: str) -> list[str]:
    from .eval.registry import BENCHMARKS, benchmark_names

    names = (
        benchmark_names()
        if spec.strip() == "all"
        else [s.strip() for s in spec.split(",") if s.strip()]
    )
    for n in names:
        if n.lower() not in BENCHMARKS:
            message = unknown_name("benchmark", n, benchmark_names(), show_all=100)
            raise typer.BadParameter(f"{message}; see `healthgym eval list --files`")
    return [BENCHMARKS[n.lower()].name for n in names]


def _check_data(names: list[str], data_dir: Path) -> None:
    """Fail before anything is written when a benchmark's files are not under data_dir."""
    from .eval.registry import data_files, missing_data_files

    problems = []
    for name in names:
        missing = missing_data_files(name, data_dir)
        if missing:
            files = ", ".join(str(m) for m in missing)
            source = data_files(name).source
            problems.append(f"  {name}: missing {files}\n    (source: {source})")
    if problems:
        where = "" if data_dir.exists() else f" ({data_dir} does not exist)"
        raise typer.BadParameter(
            f"benchmark files not found under --data-dir {data_dir}{where}:\n"
            + "\n".join(problems)
            + "\n`healthgym eval list --files` lists what each benchmark needs"
        )


def _created_dirs(out: Path) -> list[Path]:
    """The folders ``out.mkdir(parents=True)`` would create (deepest first)."""
    made = []
    p = out
    while not p.exists() and p != p.parent:
        made.append(p)
        p = p.parent
    return made


def _remove_if_empty(dirs: list[Path]) -> None:
    for d in dirs:  # deepest first: a parent is empty only once its child is gone
        try:
            d.rmdir()
        except OSError:
            return


@eval_app.callback()
def eval_cmd(
    ctx: typer.Context,
    benchmarks: str = typer.Option(
        None, help="comma-separated benchmark names, or 'all' (see `healthgym eval list`)"
    ),
    data_dir: Path = typer.Option(
        None, help="folder of benchmark files (`healthgym eval list --files`: names, sources)"
    ),
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
    fresh = _created_dirs(out)
    try:
        cfg.validate()
        _check_data(list(cfg.benchmarks), data_dir)
        summary = run_eval(cfg, out)
    except (ValueError, RuntimeError, OSError) as e:
        _remove_if_empty(fresh)  # a failed run leaves no empty output folder behind
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


class ListFormat(str, Enum):
    table = "table"
    json = "json"
    tsv = "tsv"


@eval_app.command("list")
def list_cmd(
    files: bool = typer.Option(
        False, "--files", help="also the expected files under --data-dir and their public source"
    ),
    data_dir: Path = typer.Option(
        None, help="with --files: say which benchmarks have their files there"
    ),
    format: ListFormat = typer.Option(ListFormat.table, "--format", help="table, json or tsv"),
) -> None:
    """The registered benchmarks (with --files: the file names each expects, and where
    to get them)."""
    from .eval.registry import BENCHMARKS, data_files, missing_data_files

    rows = []
    for b in BENCHMARKS.values():
        row: dict[str, Any] = {
            "name": b.name,
            "kind": b.kind,
            "tools": list(b.tools),
            "description": b.description,
        }
        if files or data_dir is not None:
            spec = data_files(b.name)
            row["folder"] = spec.folder
            row["files"] = [f"{spec.folder}/{f}" for f in spec.files]
            row["optional"] = [f"{spec.folder}/{f}" for f in spec.optional]
            row["source"] = spec.source
            if data_dir is not None:
                row["missing"] = [str(m) for m in missing_data_files(b.name, data_dir)]
        rows.append(row)
    if format is ListFormat.json:
        typer.echo(json.dumps(rows, indent=2))
        return
    if format is ListFormat.tsv:
        for r in rows:
            extra = [",".join(r["files"]), r["source"]] if "files" in r else []
            typer.echo(
                "\t".join([r["name"], r["kind"], ",".join(r["tools"]), r["description"], *extra])
            )
        return
    columns = [Column("name", "benchmark", ident=True), Column("kind", "kind")]
    if "files" in rows[0]:
        columns += [Column("files", "files"), Column("source", "source", fold=True)]
        shown = [
            r
            | {
                "files": "\n".join(r["files"] + [f"{o} (optional)" for o in r["optional"]]),
                "status": ("missing " + ", ".join(r["missing"])) if r.get("missing") else "ok",
            }
            for r in rows
        ]
        if data_dir is not None:
            columns.append(Column("status", "status"))
        print_table(columns, shown, lines=True, must_show=lambda r: r["files"].split("\n"))
        console.print(
            "Files are not bundled: put each benchmark's files under one folder as listed "
            "(`--data-dir` that folder); `|` separates accepted alternatives."
        )
        return
    columns += [Column("tools", "tools"), Column("description", "description", fold=True)]
    print_table(columns, [r | {"tools": ", ".join(r["tools"])} for r in rows])


@eval_app.command("report")
def report_cmd(
    runs: list[Path] = typer.Argument(..., help="eval run directories (or their summary.json)"),
    labels: str = typer.Option(None, help="comma-separated column names, one per run"),
    out: Path = typer.Option(Path("eval_report.md"), help="the markdown file (.html beside it)"),
) -> None:
    """The combined table (benchmarks x runs), as markdown and HTML with bar plots."""
    from .eval.report import write_report

    names = [s.strip() for s in labels.split(",")] if labels else default_labels(runs)
    try:
        paths = write_report(runs, out, names)
    except (FileNotFoundError, ValueError) as e:
        raise typer.BadParameter(str(e)) from None
    console.print(f"report -> {', '.join(str(p) for p in paths)}")


def default_labels(runs: list[Path]) -> list[str] | None:
    """Column names when ``--labels`` is not given: a run keeps the label it was given
    (``healthgym eval --label``); a run that only has the default ``<policy> (<mode>)``
    is named by its folder (the shortest trailing path that tells the runs apart), so
    two runs of the same policy and mode stay distinguishable. ``None`` when a run has no
    readable summary (the report names the problem)."""
    from .eval.config import EvalConfig
    from .eval.harness import default_label

    folders = [(p.parent if p.name == "summary.json" else p) for p in runs]
    given: list[str | None] = []
    for folder in folders:
        try:
            config = json.loads((folder / "summary.json").read_text()).get("config") or {}
        except (OSError, ValueError, AttributeError):
            return None
        label = config.get("label")
        try:
            fields = {k: config[k] for k in ("policy", "mode", "model") if k in config}
            default = default_label(EvalConfig(benchmarks=[], data_dir="", **fields))
        except (TypeError, ValueError):
            default = None
        given.append(label if label and label != default else None)
    names = []
    for i, folder in enumerate(folders):
        if given[i]:
            names.append(str(given[i]))
            continue
        parts = folder.resolve().parts
        depth = 1
        while depth < len(parts):
            tail = "/".join(parts[-depth:])
            others = ["/".join(f.resolve().parts[-depth:]) for j, f in enumerate(folders) if j != i]
            if tail not in others:
                break
            depth += 1
        names.append("/".join(parts[-depth:]))
    return names


@eval_app.command("contamination")
def contamination_cmd(
    data_dir: Path = typer.Option(
        ..., help="folder of benchmark files (`healthgym eval list --files`)"
    ),
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
    from .domains import resolve_domains
    from .eval.contamination import contamination_report, text_report

    if format not in ("text", "json"):
        raise typer.BadParameter("--format must be text or json")
    try:
        names = resolve_domains(domains)
    except KeyError as e:
        from .domains import domain_names

        bad = [d.strip() for d in domains.split(",") if d.strip() not in domain_names()]
        message = unknown_name("domain", bad[0], domain_names()) if bad else str(e.args[0])
        raise typer.BadParameter(message) from None
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
