"""The ``healthgym`` command line: tools, tasks and policy runs."""

from __future__ import annotations

import json
from enum import Enum
from pathlib import Path
from typing import Any

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from .cli_calc import calc
from .domains import domain_names, get_domain, resolve_domains

app = typer.Typer(
    help="healthgym: train and evaluate multi-turn medical agents.", no_args_is_help=True
)
tools_app = typer.Typer(help="Inspect the tool registry.", no_args_is_help=True)
tasks_app = typer.Typer(help="Inspect the task suite.", no_args_is_help=True)
app.add_typer(tools_app, name="tools")
app.add_typer(tasks_app, name="tasks")
app.command("calc")(calc)
console = Console(stderr=True)


class Fmt(str, Enum):
    json = "json"
    table = "table"


class PolicyName(str, Enum):
    oracle = "oracle"
    lazy = "lazy"
    random = "random"


def _domains(spec: str) -> list[str]:
    try:
        return resolve_domains(spec)
    except KeyError as e:
        raise typer.BadParameter(str(e.args[0])) from None


@tools_app.command("list")
def tools_list(
    domains: str = typer.Option("all", help="'all' or comma-separated domain names"),
    format: Fmt = typer.Option(Fmt.table, "--format", help="output format"),
) -> None:
    """List every tool: name, domains, description, parameters."""
    rows: dict[str, dict[str, Any]] = {}
    for d in _domains(domains):
        for t in get_domain(d).toolkit:
            row = rows.setdefault(
                t.name,
                {
                    "name": t.name,
                    "domains": [],
                    "description": t.description,
                    "parameters": t.parameters,
                },
            )
            row["domains"].append(d)
    if format is Fmt.json:
        typer.echo(json.dumps(list(rows.values()), indent=2))
        return
    table = Table("tool", "domains", "parameters", "description")
    for r in rows.values():
        table.add_row(
            r["name"],
            ",".join(r["domains"]),
            ", ".join(r["parameters"]["properties"]),
            r["description"][:70],
        )
    Console().print(table)
    console.print(f"{len(rows)} tools")


@tasks_app.command("stats")
def tasks_stats(format: Fmt = typer.Option(Fmt.table, "--format")) -> None:
    """Count tasks by domain and split."""
    by_domain = {}
    for d in domain_names():
        dom = get_domain(d)
        test = len(dom.indices("test"))
        by_domain[d] = {"train": dom.n_tasks - test, "test": test}
    stats = {
        "total": sum(v["train"] + v["test"] for v in by_domain.values()),
        "by_domain": by_domain,
    }
    if format is Fmt.json:
        typer.echo(json.dumps(stats, indent=2))
        return
    table = Table("domain", "train", "test")
    for d, v in by_domain.items():
        table.add_row(d, str(v["train"]), str(v["test"]))
    table.add_row("total", "", str(stats["total"]))
    Console().print(table)


@tasks_app.command("show")
def tasks_show(
    task_id: str,
    reveal: bool = typer.Option(False, help="also print the hidden record and reference solution"),
) -> None:
    """Print a task's initial prompt (and, with --reveal, its hidden parts)."""
    from .tasks import parse_task_id

    try:
        domain, _ = parse_task_id(task_id)
        task = get_domain(domain).task(task_id)
    except (ValueError, KeyError) as e:
        raise typer.BadParameter(str(e)) from None
    data = task.model_dump(mode="json")
    if not reveal:
        data = {k: data[k] for k in ("id", "domain", "split", "prompt", "allowed_tools")}
    typer.echo(json.dumps(data, indent=2))


def _make_policy(name: PolicyName, seed: int):
    from .agents import LazyPolicy, OraclePolicy, RandomToolPolicy

    if name is PolicyName.oracle:
        return lambda domain: OraclePolicy()
    if name is PolicyName.lazy:
        return LazyPolicy.for_domain
    return lambda domain: RandomToolPolicy(seed=seed)


@app.command()
def run(
    policy: PolicyName = typer.Option(..., help="which policy plays the episodes"),
    domains: str = typer.Option("all", help="'all' or comma-separated domain names"),
    split: str = typer.Option("test", help="train, test or all"),
    limit_per_domain: int = typer.Option(0, help="at most this many tasks per domain (0 = all)"),
    max_turns: int = typer.Option(20, help="turn limit per episode"),
    seed: int = typer.Option(0, help="seed of stochastic policies"),
    out: Path = typer.Option(..., help="output directory"),
) -> None:
    """Run a policy over the task suite; write summary.json and trajectories.jsonl."""
    from .runner import run_suite, select_tasks, summarize

    names = _domains(domains)
    split_arg = None if split == "all" else split
    if split_arg not in (None, "train", "test"):
        raise typer.BadParameter("split must be train, test or all")
    total = sum(len(select_tasks(d, split_arg, limit_per_domain or None)) for d in names)
    out.mkdir(parents=True, exist_ok=True)
    trajectories = []
    columns = (
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
    )
    with Progress(*columns, console=console) as bar, (out / "trajectories.jsonl").open("w") as f:
        job = bar.add_task(f"{policy.value} episodes", total=total)
        for traj in run_suite(
            _make_policy(policy, seed), names, split_arg, limit_per_domain or None, max_turns
        ):
            f.write(json.dumps(traj) + "\n")
            trajectories.append(traj)
            bar.advance(job)
    summary = summarize(trajectories)
    summary["config"] = {
        "policy": policy.value,
        "domains": names,
        "split": split,
        "limit_per_domain": limit_per_domain,
        "max_turns": max_turns,
        "seed": seed,
    }
    (out / "summary.json").write_text(json.dumps(summary, indent=2))
    o = summary["overall"]
    console.print(
        f"{o['episodes']} episodes: reward {o['reward']:.3f}, accuracy {o['accuracy']:.3f}, "
        f"safety {o['safety']:.3f} -> {out / 'summary.json'}"
    )


def main() -> None:  # pragma: no cover
    app()


if __name__ == "__main__":  # pragma: no cover
    main()
