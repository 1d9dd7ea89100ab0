"""``healthgym tasks lint``: consistency rules over every generated task's hidden record.

    healthgym tasks lint
    healthgym tasks lint --domains clinical_diagnosis,cross_domain --format json

JSON: ``{"tasks": N, "violations": [{"task_id", "rule", "detail"}], "seconds": s}``.
The table lists violations by domain and rule with the first examples, and the
runtime.  Exit status 1 when any violation is found.
"""

from __future__ import annotations

import json
from enum import Enum

import typer
from rich.console import Console
from rich.table import Table

from .domains import resolve_domains

console = Console(stderr=True)
EXAMPLES = 3  # examples shown per (domain, rule) in the table


class Fmt(str, Enum):
    json = "json"
    table = "table"


def tasks_lint(
    domains: str = typer.Option("all", help="'all' or comma-separated domain names"),
    format: Fmt = typer.Option(Fmt.table, "--format", help="output format"),
    rules: str = typer.Option("", help="comma-separated rule names (default: every rule)"),
    workers: int = typer.Option(0, help="worker processes (0 = one per CPU)"),
    limit: int = typer.Option(0, help="lint only the first N tasks of each domain (0 = all)"),
) -> None:
    """Lint every generated task's hidden record against the consistency rules."""
    from .lint import ALL_RULES, lint_suite

    try:
        names = resolve_domains(domains)
    except KeyError as e:
        raise typer.BadParameter(str(e.args[0])) from None
    only = [r.strip() for r in rules.split(",") if r.strip()] or None
    if only and set(only) - set(ALL_RULES):
        bad = ", ".join(sorted(set(only) - set(ALL_RULES)))
        raise typer.BadParameter(f"unknown rule(s) {bad}; rules: {', '.join(ALL_RULES)}")
    report = lint_suite(names, rules=only, workers=workers or None, limit=limit or None)
    if format is Fmt.json:
        typer.echo(json.dumps(report.to_dict(), indent=2))
    else:
        counts = report.counts()
        table = Table("domain", "rule", "violations", "first examples")
        for (domain, rule_name), n in sorted(counts.items()):
            examples = [
                f"{v.task_id}: {v.detail}"
                for v in report.violations
                if v.rule == rule_name and v.task_id.rsplit("-", 1)[0] == domain
            ][:EXAMPLES]
            table.add_row(domain, rule_name, str(n), "\n".join(e[:160] for e in examples))
        Console().print(table)
        console.print(
            f"{report.tasks} tasks, {len(report.violations)} violations, {report.seconds:.1f} s"
        )
    if report.violations:
        raise typer.Exit(1)
