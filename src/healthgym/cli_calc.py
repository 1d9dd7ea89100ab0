"""``healthgym calc``: run any clinical calculator from the command line."""

from __future__ import annotations

import inspect
import json
from typing import Any

import typer

from .clinical.errors import CalculatorInputError
from .clinical.units import Q


def _inputs(raw: str) -> dict[str, Any]:
    try:
        data = json.loads(raw) if raw.strip() else {}
    except json.JSONDecodeError as e:
        raise typer.BadParameter(f"--json is not valid JSON: {e.msg}") from None
    if not isinstance(data, dict):
        raise typer.BadParameter("--json must be a JSON object of inputs")
    # [value, "unit"] pairs become Q(value, unit)
    return {
        k: Q(v[0], v[1])
        if isinstance(v, list)
        and len(v) == 2
        and isinstance(v[1], str)
        and isinstance(v[0], (int, float))
        else v
        for k, v in data.items()
    }


def calc(
    name: str = typer.Argument("", help="calculator name (see --list)"),
    inputs: str = typer.Option(
        "{}", "--json", help='inputs, e.g. \'{"age": 70, "creatinine": [1.2, "mg/dL"]}\''
    ),
    list_: bool = typer.Option(False, "--list", help="list calculators and their inputs"),
) -> None:
    """Run a clinical calculator and print its value, interpretation and working as JSON."""
    from .clinical.registry import calculators

    table = calculators()
    if list_ or not name:
        for n, fn in table.items():
            params = ", ".join(inspect.signature(fn).parameters)
            typer.echo(f"{n}({params})")
        return
    if name not in table:
        raise typer.BadParameter(f"unknown calculator {name!r}; see `healthgym calc --list`")
    try:
        result = table[name](**_inputs(inputs))
    except CalculatorInputError as e:
        typer.echo(json.dumps({"error": str(e)}), err=True)
        raise typer.Exit(2) from None
    except TypeError as e:  # missing or unexpected keyword arguments
        typer.echo(json.dumps({"error": str(e)}), err=True)
        raise typer.Exit(2) from None
    typer.echo(json.dumps(result.to_dict(), indent=2, default=str))
