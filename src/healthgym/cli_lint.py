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

from ._cli_output import Column, print_table, unknown_name
from .domains import domain_names, resolve_domains

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
        known = set(domain_names())
        bad = [d.strip() for d in domains.split(",") if d.strip() and d.strip() not in known]
        message = unknown_name("domain", bad[0], domain_names()) if bad else str(e.args[0])
        raise typer.BadParameter(message) from None
    only = [r.strip() for r in rules.split(",") if r.strip()] or None
    if only and set(only) - set(ALL_RULES):
        bad = sorted(set(only) - set(ALL_RULES))
        raise typer.BadParameter(unknown_name("rule", bad[0], list(ALL_RULES), show_all=100))
    report = lint_suite(names, rules=only, workers=workers or None, limit=limit or None)
    if format is Fmt.json:
        typer.echo(json.dumps(report.to_dict(), indent=2))
    else:
        counts = report.counts()
        rows = []
        for (domain, rule_name), n in sorted(counts.items()):
            found = [
                v
                for v in report.violations
                if v.rule == rule_name and v.task_id.rsplit("-", 1)[0] == domain
            ][:EXAMPLES]
            rows.append(
                {
                    "domain": domain,
                    "rule": rule_name,
                    "violations": n,
                    "examples": "\n".join(f"{v.task_id}: {v.detail[:160]}" for v in found),
                    "ids": [v.task_id for v in found],
                }
            )
        columns = [
            Column("domain", "domain", ident=True),
            Column("rule", "rule", ident=True),
            Column("violations", "violations", justify="right"),
            Column("examples", "first examples", fold=True),
        ]
        if rows:
            print_table(columns, rows, must_show=lambda r: r["ids"])
        console.print(
            f"{report.tasks} tasks, {len(report.violations)} violations, {report.seconds:.1f} s"
        )
    if report.violations:
        raise typer.Exit(1)
