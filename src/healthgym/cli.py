"""The ``healthgym`` command line: tools, tasks and policy runs."""

from __future__ import annotations

import json
from enum import Enum
from pathlib import Path
from typing import Any

import typer
from rich.console import Console

from ._cli_output import Column, first_sentence, print_table, unknown_name
from ._progress import ProgressAgent, RunProgress
from ._warnings import install as install_warning_filters
from .cli_calc import calc
from .cli_eval import eval_app
from .cli_kb import kb_app
from .cli_lint import tasks_lint
from .cli_serve import serve_app
from .cli_train import train as train_cmd
from .domains import domain_names, get_domain, resolve_domains

# plain (click) help and errors: they wrap to the terminal's width, where Rich's
# boxed option tables cut option names and squeeze help into a narrow column at 80
HELP = {"rich_markup_mode": None, "context_settings": {"max_content_width": 100}}
app = typer.Typer(
    help="healthgym: train and evaluate multi-turn medical agents.", no_args_is_help=True, **HELP
)
tools_app = typer.Typer(help="Inspect the tool registry.", no_args_is_help=True, **HELP)
tasks_app = typer.Typer(help="Inspect the task suite.", no_args_is_help=True, **HELP)
app.add_typer(tools_app, name="tools")
app.add_typer(tasks_app, name="tasks")
app.add_typer(kb_app, name="kb")
app.add_typer(eval_app, name="eval")
app.add_typer(serve_app, name="serve")
app.command("calc", short_help="Run a clinical calculator (value, working, source).")(calc)
app.command("train", short_help="Train a policy with multi-turn GRPO or TT-OPD.")(train_cmd)
console = Console(stderr=True)


class Fmt(str, Enum):
    json = "json"
    table = "table"


class PolicyName(str, Enum):
    oracle = "oracle"
    lazy = "lazy"
    random = "random"
    openai = "openai"
    local = "local"
    smollm2 = "smollm2"


class ToolsMode(str, Enum):
    auto = "auto"
    native = "native"
    hermes = "hermes"


class ToolChoice(str, Enum):
    auto = "auto"
    required = "required"
    none = "none"


@app.callback()
def _startup() -> None:
    """healthgym: train and evaluate multi-turn medical agents."""
    install_warning_filters()


def domain_error(name: str) -> str:
    """``unknown domain NAME; did you mean ...?`` for a name that is not a domain."""
    return unknown_name("domain", name, domain_names())


def _domains(spec: str) -> list[str]:
    try:
        return resolve_domains(spec)
    except KeyError as e:
        known = set(domain_names())
        bad = [s.strip() for s in spec.split(",") if s.strip() and s.strip() not in known]
        raise typer.BadParameter(domain_error(bad[0]) if bad else str(e.args[0])) from None


@tools_app.command("list")
def tools_list(
    domains: str = typer.Option("all", help="'all' or comma-separated domain names"),
    format: Fmt = typer.Option(Fmt.table, "--format", help="output format"),
) -> None:
    """List every tool: name, kind, domains, description, parameters.

    The kind is observe, compute, reference, act or submit (see ``healthgym.tools``);
    ``needs`` lists what a record-reading compute tool requires the agent to have
    observed first.
    """
    rows: dict[str, dict[str, Any]] = {}
    for d in _domains(domains):
        for t in get_domain(d).toolkit:
            row = rows.setdefault(
                t.name,
                {
                    "name": t.name,
                    "kind": t.kind,
                    "domains": [],
                    "description": t.description,
                    "parameters": t.parameters,
                    "needs": [{"what": n.what, "observe": list(n.keys)} for n in t.needs],
                },
            )
            row["domains"].append(d)
    if format is Fmt.json:
        typer.echo(json.dumps(list(rows.values()), indent=2))
        return
    columns = [
        Column("name", "tool", ident=True),
        Column("kind", "kind"),
        Column("domains", "domains"),
        Column("parameters", "parameters"),
        Column("description", "description", fold=True),
    ]
    print_table(
        columns,
        [
            r
            | {
                "description": first_sentence(r["description"]),
                "domains": ", ".join(r["domains"]),
                "parameters": ", ".join(r["parameters"]["properties"]),
            }
            for r in rows.values()
        ],
    )
    console.print(f"{len(rows)} tools (`healthgym tools show NAME` for one tool's schema)")


@tools_app.command("show")
def tools_show(name: str = typer.Argument(..., help="the tool's name")) -> None:
    """Print one tool's full description and parameter schema as JSON."""
    found: dict[str, Any] | None = None
    names: list[str] = []
    for d in domain_names():
        for t in get_domain(d).toolkit:
            names.append(t.name)
            if t.name == name.strip():
                if found is None:
                    found = {
                        "name": t.name,
                        "kind": t.kind,
                        "domains": [],
                        "description": t.description,
                        "parameters": t.parameters,
                        "needs": [{"what": n.what, "observe": list(n.keys)} for n in t.needs],
                    }
                found["domains"].append(d)
    if found is None:
        unique = list(dict.fromkeys(names))
        raise typer.BadParameter(unknown_name("tool", name, unique, see="`healthgym tools list`"))
    typer.echo(json.dumps(found, indent=2))


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
    rows = [
        {"domain": d, "train": v["train"], "test": v["test"], "total": v["train"] + v["test"]}
        for d, v in by_domain.items()
    ]
    rows.append(
        {
            "domain": "total",
            "train": sum(v["train"] for v in by_domain.values()),
            "test": sum(v["test"] for v in by_domain.values()),
            "total": stats["total"],
        }
    )
    columns = [Column("domain", "domain", ident=True)] + [
        Column(k, k, justify="right") for k in ("train", "test", "total")
    ]
    print_table(columns, rows)


@tasks_app.command("generate")
def tasks_generate(
    domain: str = typer.Option(..., "--domain", help="the domain to generate tasks for"),
    n: int = typer.Option(100, "--n", help="how many tasks"),
    seed: int = typer.Option(0, "--seed", help="generation seed (different seeds never overlap)"),
    out: Path | None = typer.Option(None, "--out", help="JSONL file (default: standard output)"),
    workers: int = typer.Option(
        1, "--workers", min=1, help="generate in N processes (same tasks, same order)"
    ),
) -> None:
    """Generate tasks past the shipped suite, with reference solutions, as JSONL."""
    from .suite import generate_tasks

    names = _domains(domain)
    if len(names) != 1:
        raise typer.BadParameter("--domain takes one domain")
    try:
        tasks = generate_tasks(names[0], n, seed, workers=workers)
        lines = (t.model_dump_json() for t in tasks)
        if out is None:
            for line in lines:
                typer.echo(line)
        else:
            with out.open("w") as f:
                for line in lines:
                    f.write(line + "\n")
            console.print(f"{n} {names[0]} tasks (seed {seed}) -> {out}")
    except ValueError as e:
        raise typer.BadParameter(str(e)) from None


tasks_app.command("lint")(tasks_lint)


@tasks_app.command("show")
def tasks_show(
    task_id: str,
    reveal: bool = typer.Option(False, help="also print the hidden record and reference solution"),
) -> None:
    """Print a task's initial prompt (and, with --reveal, its hidden parts)."""
    from .tasks import parse_task_id

    try:
        domain, _ = parse_task_id(task_id.strip())
    except ValueError as e:
        raise typer.BadParameter(str(e)) from None
    if domain not in domain_names():
        raise typer.BadParameter(f"task {task_id.strip()}: {domain_error(domain)}")
    try:
        task = get_domain(domain).task(task_id.strip())
    except (ValueError, KeyError) as e:
        raise typer.BadParameter(str(e.args[0]) if e.args else str(e)) from None
    data = task.model_dump(mode="json")
    if not reveal:
        data = {k: data[k] for k in ("id", "domain", "split", "prompt", "allowed_tools")}
    typer.echo(json.dumps(data, indent=2))


@app.command(short_help="Run a policy over the task suite.")
def run(
    policy: PolicyName = typer.Option(..., help="which policy plays the episodes"),
    domains: str = typer.Option("all", help="'all' or comma-separated domain names"),
    split: str = typer.Option("test", help="train, test or all"),
    limit_per_domain: int = typer.Option(0, help="at most this many tasks per domain (0 = all)"),
    max_turns: int = typer.Option(20, help="turn limit per episode"),
    seed: int = typer.Option(0, help="seed of stochastic policies (trial t uses seed + t)"),
    trials: int = typer.Option(
        1, min=1, help="run each task K times (seeds seed..seed+K-1): pass^k, pass@k, run std"
    ),
    out: Path = typer.Option(..., help="output directory"),
    base_url: str = typer.Option(None, help="openai: the server's base URL (.../v1)"),
    model: str = typer.Option(None, help="openai: model name; local: model directory or .gguf"),
    api_key_env: str = typer.Option("OPENAI_API_KEY", help="openai: variable holding the key"),
    concurrency: int = typer.Option(16, help="openai: requests in flight"),
    timeout: float = typer.Option(60.0, help="openai: seconds per request"),
    tools_mode: ToolsMode = typer.Option(ToolsMode.auto, help="tool schemas: native or Hermes"),
    tool_choice: ToolChoice = typer.Option(
        None, help="openai: the request's tool_choice (default: not sent, the server's auto)"
    ),
    extra_body: str = typer.Option(
        None, help='openai: a JSON object merged into every request body, e.g. {"top_k": 20}'
    ),
    context_window: int = typer.Option(
        None,
        min=1,
        help="openai: the model's context in tokens; old tool output is trimmed to fit it "
        "minus --max-new-tokens (512 when unset)",
    ),
    keep_last_turns: int = typer.Option(
        1, min=0, help="openai, with --context-window: the last turns never trimmed"
    ),
    send_task_id: bool = typer.Option(
        False, help="openai: send the task id as the request's `user` (routing, mock server)"
    ),
    temperature: float = typer.Option(None, help="sampling temperature of model policies"),
    max_new_tokens: int = typer.Option(None, help="model policies: new tokens per turn"),
    token_budget: int = typer.Option(None, help="completion tokens per episode in all"),
    batch_size: int = typer.Option(16, help="local/smollm2: episodes per generation batch"),
    episodes_in_flight: int = typer.Option(64, help="episodes run concurrently"),
    episode_timeout: float = typer.Option(None, help="seconds per episode (default: none)"),
    report: bool = typer.Option(False, "--report", help="also write OUT/report.html"),
) -> None:
    """Run a policy over the task suite; write summary.json and trajectories.jsonl.

    With --trials K every task runs K times (trial t samples with seed + t) and each
    summary group gains trials, pass_hat_k, pass_at_k, success_rate and run_std.
    Episodes that hit the model's context length end truncated and graded
    (ended_by "context_length"); warnings (e.g. a server ignoring `tools`) are printed
    and listed in summary.json."""
    import asyncio

    from .agents.factory import SCRIPTED, AgentOptions, make_agent
    from .rollout import RolloutConfig, episode_specs, run_rollouts, trial_specs
    from .runner import TOOLS_IGNORED_EPISODES, summarize, tools_ignored_warning

    names = _domains(domains)
    split_arg = None if split == "all" else split
    if split_arg not in (None, "train", "test"):
        raise typer.BadParameter("split must be train, test or all")
    body: dict[str, Any] | None = None
    if extra_body:
        try:
            body = json.loads(extra_body)
        except json.JSONDecodeError as e:
            raise typer.BadParameter(f"--extra-body is not JSON: {e}") from None
        if not isinstance(body, dict):
            raise typer.BadParameter("--extra-body must be a JSON object")
    base_specs = episode_specs(names, split_arg, limit_per_domain or None)
    specs = trial_specs(base_specs, trials, seed)

    def options(trial_seed: int) -> AgentOptions:
        return AgentOptions(
            policy=policy.value,
            seed=trial_seed,
            base_url=base_url,
            model=model,
            api_key_env=api_key_env,
            concurrency=concurrency,
            timeout=timeout,
            tools_mode=tools_mode.value,
            temperature=temperature,
            max_new_tokens=max_new_tokens,
            batch_size=batch_size,
            send_task_id=send_task_id,
            tool_choice=tool_choice.value if tool_choice is not None else None,
            extra_body=body,
            keep_last_turns=keep_last_turns,
        )

    # scripted policies take their seed at construction: one agent per trial; a model
    # policy is built once and seeded per episode (the request's seed, for openai)
    scripted = policy.value in SCRIPTED
    try:
        agents = [make_agent(options(seed + t)) for t in range(trials if scripted else 1)]
    except (ValueError, RuntimeError, OSError) as e:
        raise typer.BadParameter(str(e)) from None
    config = RolloutConfig(
        max_turns=max_turns,
        token_budget=token_budget,
        max_new_tokens=max_new_tokens,
        episode_timeout=episode_timeout,
        context_window=context_window,
        # a local model keeps each open episode's KV cache: open no more than one batch
        concurrency=min(episodes_in_flight, batch_size)
        if policy in (PolicyName.local, PolicyName.smollm2)
        else episodes_in_flight,
    )
    out.mkdir(parents=True, exist_ok=True)
    warned: list[str] = []
    done: list[dict[str, Any]] = []
    progress = RunProgress(console, f"{policy.value} episodes", len(specs))
    with progress, (out / "trajectories.jsonl").open("w") as f:

        def write(record: dict[str, Any]) -> None:
            f.write(json.dumps(record) + "\n")
            f.flush()
            progress.episode_done(record)
            done.append(record)
            if not warned and len(done) >= min(TOOLS_IGNORED_EPISODES, len(specs)):
                warning = tools_ignored_warning(done)
                if warning:
                    warned.append(warning)
                    console.print(f"[yellow]warning:[/yellow] {warning}")

        async def main() -> list[dict[str, Any]]:
            records: list[dict[str, Any]] = []
            try:
                if scripted:
                    n = len(base_specs)
                    for t, agent in enumerate(agents):
                        chunk = specs[t * n : (t + 1) * n]
                        records += await run_rollouts(agent, chunk, config, write)
                else:  # a model policy: progress also per turn and per token
                    model_agent = ProgressAgent(agents[0], progress)
                    records = await run_rollouts(model_agent, specs, config, write)
            finally:
                for agent in agents:
                    await agent.aclose()
            return records

        trajectories = asyncio.run(main())
    summary = summarize(trajectories)
    summary["config"] = {
        "policy": policy.value,
        "policy_name": agents[0].name,
        "model": model,
        "domains": names,
        "split": split,
        "limit_per_domain": limit_per_domain,
        "max_turns": max_turns,
        "max_new_tokens": max_new_tokens,
        "token_budget": token_budget,
        "seed": seed,
        "trials": trials,
        "tool_choice": tool_choice.value if tool_choice is not None else None,
        "extra_body": body,
        "context_window": context_window,
        "keep_last_turns": keep_last_turns,
    }
    (out / "summary.json").write_text(json.dumps(summary, indent=2))
    for warning in summary["warnings"]:
        if warning not in warned:
            console.print(f"[yellow]warning:[/yellow] {warning}")
    o = summary["overall"]

    def num(x: float | None) -> str:
        return "n/a" if x is None else f"{x:.3f}"

    console.print(
        f"{o['episodes']} episodes ({o['errors']} failed): reward {num(o['reward'])}, "
        f"accuracy {num(o['accuracy'])}, safety {num(o['safety'])} -> {out / 'summary.json'}",
        soft_wrap=True,
    )
    if trials > 1:
        for d, s in summary["by_domain"].items():
            hats = ", ".join(f"pass^{k} {v:.3f}" for k, v in s["pass_hat_k"].items())
            console.print(
                f"  {d}: {trials} trials, {hats}, pass@{trials} "
                f"{num(s['pass_at_k'].get(str(trials)))}, run std {num(s['run_std'])}"
            )
    if report:
        from .report import write_report

        console.print(f"report -> {write_report([out], out / 'report.html')}")


@app.command("report", short_help="An HTML report of runs side by side.")
def report_cmd(
    runs: list[Path] = typer.Argument(
        ..., help="run directories (or their summary.json); a training run holds metrics.jsonl"
    ),
    out: Path = typer.Option(Path("report.html"), help="the HTML file to write"),
) -> None:
    """An HTML report of one or several runs side by side (plots embedded).

    Evaluation runs (``healthgym run``) get the evaluation report; training runs
    (``healthgym train``, a directory with ``metrics.jsonl``) get their training
    dynamics; given both, the evaluation report ends with a training section."""
    from .report import write_report
    from .report.training import (
        is_training_run,
        load_training_run,
        training_section,
        write_training_report,
    )

    training = [p for p in runs if is_training_run(p)]
    evals = [p for p in runs if not is_training_run(p)]
    try:
        if not evals:
            path = write_training_report(training, out)
        else:
            runs_t = [load_training_run(p) for p in training]
            path = write_report(evals, out, [training_section(runs_t)] if runs_t else [])
    except (FileNotFoundError, ValueError) as e:
        raise typer.BadParameter(str(e)) from None
    console.print(f"report -> {path}")


def main() -> None:  # pragma: no cover
    app()


if __name__ == "__main__":  # pragma: no cover
    main()
