"""``healthgym calc``: run any clinical calculator from the command line."""

from __future__ import annotations

import inspect
import json
from typing import Any

import typer

from ._cli_output import either, suggestions, unknown_name
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


def _signature(fn: Any) -> list[dict[str, Any]]:
    """A calculator's inputs: name, whether required, default."""
    out = []
    for p in inspect.signature(fn).parameters.values():
        if p.kind in (p.VAR_POSITIONAL, p.VAR_KEYWORD):
            continue
        required = p.default is inspect.Parameter.empty
        out.append(
            {"name": p.name, "required": required, "default": None if required else p.default}
        )
    return out


def _shown(param: dict[str, Any]) -> str:
    return param["name"] if param["required"] else f"{param['name']}={param['default']!r}"


def _input_error(name: str, fn: Any, given: dict[str, Any], message: str) -> dict[str, Any]:
    """The error as JSON, with a hint naming the field(s) to add or fix in --json."""
    params = _signature(fn)
    names = [p["name"] for p in params]
    missing = [p["name"] for p in params if p["required"] and p["name"] not in given]
    unknown = [k for k in given if k not in names]
    # an input the calculator names in its message (e.g. "height is required ...")
    named = [n for n in names if n not in given and n in message.replace("'", " ").split()]
    hints = []
    if unknown:
        for k in unknown:
            close = suggestions(k, names)
            hints.append(
                f"{k} is not an input of {name}"
                + (f"; did you mean {either(close)}?" if close else "")
            )
    add = list(dict.fromkeys(missing + named))
    if add:
        hints.append(
            "add "
            + ", ".join(f'"{n}"' for n in add)
            + ' to --json (a number, a [value, "unit"] pair or a word)'
        )
    return {
        "error": message,
        **({"hint": "; ".join(hints)} if hints else {}),
        "inputs": ", ".join(_shown(p) for p in params),
    }


def calc(
    name: str = typer.Argument("", help="calculator name (see --list)"),
    inputs: str = typer.Option(
        "{}", "--json", help='inputs, e.g. \'{"age": 70, "creatinine": [1.2, "mg/dL"]}\''
    ),
    list_: bool = typer.Option(False, "--list", help="list calculators and their inputs"),
    format: str = typer.Option("text", "--format", help="--list output: text or json"),
) -> None:
    """Run a clinical calculator and print its value, interpretation and working as JSON.

    Quantities are [value, "unit"] pairs, e.g.
    healthgym calc cockcroft_gault --json '{"age": 70, "sex": "male", "weight": [80, "kg"],
    "height": [175, "cm"], "creatinine": [1.2, "mg/dL"]}'"""
    from .clinical.registry import calculators

    table = calculators()
    if format not in ("text", "json"):
        raise typer.BadParameter("--format must be text or json")
    if list_ or not name:
        if format == "json":
            listing = [{"name": n, "inputs": _signature(fn)} for n, fn in table.items()]
            typer.echo(json.dumps(listing, indent=2, default=repr))
            return
        for n, fn in table.items():
            params = ", ".join(_shown(p) for p in _signature(fn))
            typer.echo(f"{n}({params})")
        return
    if name.strip() not in table:
        raise typer.BadParameter(
            unknown_name("calculator", name, list(table), see="`healthgym calc --list`")
        )
    fn = table[name.strip()]
    given = _inputs(inputs)
    try:
        result = fn(**given)
    except (CalculatorInputError, TypeError) as e:  # TypeError: missing or unknown inputs
        message = str(e)
        if isinstance(e, TypeError):
            message = message.replace(f"{fn.__name__}() ", "")
        typer.echo(json.dumps(_input_error(name.strip(), fn, given, message)), err=True)
        raise typer.Exit(2) from None
    typer.echo(json.dumps(result.to_dict(), indent=2, default=str))
