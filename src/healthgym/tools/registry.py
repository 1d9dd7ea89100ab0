"""Tool registry: typed, documented functions become OpenAI function tools.

A tool is a plain function whose first parameter receives the episode state and
whose remaining parameters are the model-facing arguments::

    @tool
    def order_lab_panel(state: DiagnosisState, panel: Literal["cbc", "bmp"]) -> str:
        '''Order a laboratory panel and return its results.

        Args:
            panel: the panel to order.
        '''

Every tool declares one **kind** (``@tool(kind="observe")``), see :data:`TOOL_KINDS`:

* ``observe`` - returns what a clinician would see, be told or measure (history,
  examination, vitals, results, images, reports, database rows);
* ``compute`` - applies a published formula or rule to values the agent passed as
  arguments, or to values it has already been shown in this episode (declared with
  ``needs=``, checked before the tool runs; see :mod:`.elicit`) - never to hidden
  values it has not seen;
* ``reference`` - general knowledge: protocols, guidelines, the knowledge base, code
  sets; its answer never depends on the episode's hidden record;
* ``act`` - changes the episode's state: orders, medications, notes, dispositions;
* ``submit`` - the terminal tool that hands in the answer (``terminal=True``).

No kind returns the task's judgment (a triage level, a risk level, a diagnosis, a
criterion verdict, a disposition).  A successful ``observe`` or ``act`` call is recorded
in the episode's elicitation record under the tool's name.

The JSON-Schema of the parameters is derived once, at decoration time, from the
type hints (``str``, ``int``, ``float``, ``bool``, ``list[...]``, ``Literal[...]``
as ``enum``, ``X | None`` as optional, ``Annotated[..., Range(...)]`` or
``Annotated[str, MaxLen(n)]`` for bounds) and from the docstring's ``Args:``
section.  :func:`validate_arguments` checks a model's arguments against it and
returns clear messages (missing, unknown, wrong type, out of range).
"""

from __future__ import annotations

import inspect
import json
import re
import types
import typing
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, Literal, Union

from .elicit import Need, elicited

DEFAULT_MAX_STRING = 2000  # longest string argument accepted unless a tool says otherwise
MAX_LIST_ITEMS = 64

ToolKind = Literal["observe", "compute", "reference", "act", "submit"]
TOOL_KINDS: tuple[str, ...] = ("observe", "compute", "reference", "act", "submit")
# kinds whose successful calls show the agent something from the episode's record
_RECORDED_KINDS = frozenset({"observe", "act"})


@dataclass(frozen=True)
class Range:
    """Inclusive numeric bounds for an argument: ``Annotated[int, Range(0, 10)]``."""

    ge: float | None = None
    le: float | None = None


@dataclass(frozen=True)
class MaxLen:
    """Longest accepted string (or list) for an argument."""

    n: int


@dataclass(frozen=True)
class Tool:
    """A registered tool: its callable and the OpenAI function schema built once."""

    name: str
    description: str
    parameters: dict[str, Any]
    fn: Callable[..., str]
    terminal: bool = False  # calling it ends the episode (submit_* tools)
    domains: tuple[str, ...] = ()
    kind: str = ""  # one of TOOL_KINDS ("" only for a tool that has not declared one)
    needs: tuple[Need, ...] = ()  # record values a compute tool reads (see .elicit)
    _required: frozenset[str] = field(default=frozenset(), repr=False)

    @property
    def schema(self) -> dict[str, Any]:
        """The OpenAI function-tool schema."""
        return {
            "type": "function",
            "function": {
                "name": self.name,
                "description": self.description,
                "parameters": self.parameters,
            },
        }

    def __call__(self, state: Any, *args: Any, **kwargs: Any) -> str:
        """Run the tool (arguments are not validated here).

        A tool with ``needs`` first checks the episode's elicitation record and raises
        :class:`~healthgym.tools.errors.ToolError` naming what has not been observed;
        a successful ``observe``/``act`` call is recorded there.
        """
        if self.needs:
            arguments = kwargs
            if args:  # positional arguments fill the needs' {argument} fields too
                bound = inspect.signature(self.fn).bind_partial(state, *args, **kwargs)
                arguments = dict(list(bound.arguments.items())[1:])
            elicited(state).require(self.needs, arguments)
        out = self.fn(state, *args, **kwargs)
        if self.kind in _RECORDED_KINDS:
            elicited(state).show(self.name)
        return out


def tool(
    fn: Callable[..., str] | None = None,
    *,
    name: str | None = None,
    terminal: bool = False,
    kind: ToolKind | None = None,
    needs: tuple[Need, ...] | list[Need] = (),
) -> Any:
    """Decorator turning a typed, documented function into a :class:`Tool`.

    ``kind`` is one of :data:`TOOL_KINDS` (a terminal tool is ``submit``); ``needs``
    lists what a record-reading ``compute`` tool reads (see :mod:`.elicit`).
    """
    if terminal and kind not in (None, "submit"):
        raise TypeError("a terminal tool is of kind 'submit'")
    if kind == "submit" and not terminal:
        raise TypeError("a submit tool ends the episode: declare it with terminal=True")
    resolved = "submit" if terminal else (kind or "")
    if resolved and resolved not in TOOL_KINDS:
        raise TypeError(f"tool kind must be one of {TOOL_KINDS}, not {kind!r}")
    if needs and resolved != "compute":
        raise TypeError("only compute tools declare needs")

    def wrap(f: Callable[..., str]) -> Tool:
        description, arg_docs = _parse_docstring(f)
        if not description:
            raise TypeError(f"tool {f.__name__} needs a docstring")
        params, required = _parameters_schema(f, arg_docs)
        return Tool(
            name=name or f.__name__,
            description=description,
            parameters=params,
            fn=f,
            terminal=terminal,
            kind=resolved,
            needs=tuple(needs),
            _required=frozenset(required),
        )

    return wrap(fn) if fn is not None else wrap


# --------------------------------------------------------------------------- schema


def _parse_docstring(f: Callable[..., Any]) -> tuple[str, dict[str, str]]:
    doc = inspect.getdoc(f) or ""
    head, _, rest = doc.partition("\nArgs:\n")
    description = " ".join(line.strip() for line in head.strip().splitlines()).strip()
    arg_docs: dict[str, str] = {}
    current = None
    for line in rest.splitlines():
        if not line.strip():
            continue
        m = re.match(r"^\s{0,8}(\w+)\s*(?:\([^)]*\))?:\s*(.*)$", line)
        if m and (line.startswith("    ") and not line.startswith("        ")):
            current = m.group(1)
            arg_docs[current] = m.group(2).strip()
        elif re.match(r"^[A-Z]\w*:$", line.strip()):  # next section (Returns:, Raises:)
            break
        elif current:
            arg_docs[current] += " " + line.strip()
    return description, arg_docs


def _parameters_schema(
    f: Callable[..., Any], arg_docs: dict[str, str]
) -> tuple[dict[str, Any], list[str]]:
    sig = inspect.signature(f)
    hints = typing.get_type_hints(f, include_extras=True)
    params = list(sig.parameters.values())[1:]  # the first parameter is the episode state
    properties: dict[str, Any] = {}
    required: list[str] = []
    for p in params:
        if p.kind in (p.VAR_POSITIONAL, p.VAR_KEYWORD):
            raise TypeError(f"tool {f.__name__}: *args/**kwargs are not allowed")
        hint = hints.get(p.name, str)
        prop, optional = _type_schema(hint)
        if p.name in arg_docs:
            prop["description"] = arg_docs[p.name]
        if p.default is not inspect.Parameter.empty and p.default is not None:
            prop["default"] = p.default
        properties[p.name] = prop
        if p.default is inspect.Parameter.empty and not optional:
            required.append(p.name)
    schema: dict[str, Any] = {
        "type": "object",
        "properties": properties,
        "required": required,
        "additionalProperties": False,
    }
    return schema, required


_PRIMITIVES: dict[Any, str] = {str: "string", int: "integer", float: "number", bool: "boolean"}


def _type_schema(hint: Any) -> tuple[dict[str, Any], bool]:
    """JSON-Schema of a type hint and whether ``None`` is allowed."""
    meta: list[Any] = []
    if typing.get_origin(hint) is typing.Annotated:
        hint, *meta = typing.get_args(hint)
    optional = False
    origin = typing.get_origin(hint)
    if origin in (Union, types.UnionType):
        args = [a for a in typing.get_args(hint) if a is not type(None)]
        optional = len(args) < len(typing.get_args(hint))
        if len(args) != 1:
            raise TypeError(f"unsupported union type {hint}")
        inner, inner_opt = _type_schema(args[0])
        return _apply_meta(inner, meta), optional or inner_opt
    if origin is Literal:
        values = list(typing.get_args(hint))
        kinds = {_PRIMITIVES[type(v)] for v in values}
        schema: dict[str, Any] = {"type": kinds.pop() if len(kinds) == 1 else list(kinds)}
        schema["enum"] = values
    elif origin in (list, tuple) or hint in (list, tuple):
        args = typing.get_args(hint)
        item = _type_schema(args[0])[0] if args else {"type": "string"}
        schema = {"type": "array", "items": item, "maxItems": MAX_LIST_ITEMS}
    elif hint in _PRIMITIVES:
        schema = {"type": _PRIMITIVES[hint]}
        if hint is str:
            schema["maxLength"] = DEFAULT_MAX_STRING
    else:
        raise TypeError(f"unsupported tool argument type {hint}")
    return _apply_meta(schema, meta), optional


def _apply_meta(schema: dict[str, Any], meta: list[Any]) -> dict[str, Any]:
    for m in meta:
        if isinstance(m, Range):
            if m.ge is not None:
                schema["minimum"] = m.ge
            if m.le is not None:
                schema["maximum"] = m.le
        elif isinstance(m, MaxLen):
            schema["maxItems" if schema.get("type") == "array" else "maxLength"] = m.n
    return schema


# ----------------------------------------------------------------------- validation


class ArgumentError(ValueError):
    """Arguments that do not fit a tool's schema; the message is shown to the model."""


def validate_arguments(t: Tool, arguments: Any) -> dict[str, Any]:
    """Check ``arguments`` against the tool's schema and return them cleaned.

    Integers are accepted for ``number`` parameters and integral floats for
    ``integer`` ones; string enum values match case-insensitively.  Anything else
    that does not fit raises :class:`ArgumentError` naming the problem.
    """
    if arguments is None:
        arguments = {}
    if isinstance(arguments, str):
        try:
            arguments = json.loads(arguments) if arguments.strip() else {}
        except json.JSONDecodeError as e:
            raise ArgumentError(f"arguments for '{t.name}' are not valid JSON: {e.msg}") from None
    if not isinstance(arguments, dict):
        raise ArgumentError(
            f"arguments for '{t.name}' must be a JSON object, got {type(arguments).__name__}"
        )
    props: dict[str, Any] = t.parameters["properties"]
    unknown = [k for k in arguments if k not in props]
    if unknown:
        expected = ", ".join(props) or "no arguments"
        raise ArgumentError(
            f"unknown argument(s) {_short(unknown)} for '{t.name}'; expected: {expected}"
        )
    missing = [k for k in t._required if k not in arguments or arguments[k] is None]
    if missing:
        raise ArgumentError(f"missing required argument(s) {sorted(missing)} for '{t.name}'")
    clean: dict[str, Any] = {}
    for key, value in arguments.items():
        if value is None and key not in t._required:
            continue
        clean[key] = _check_value(f"{t.name}.{key}", props[key], value)
    return clean


def _short(value: Any, limit: int = 60) -> str:
    text = repr(value)
    return text if len(text) <= limit else text[:limit] + "...'"


def _check_value(where: str, schema: dict[str, Any], value: Any) -> Any:
    kind = schema.get("type")
    if "enum" in schema:
        for option in schema["enum"]:
            if value == option or (
                isinstance(value, str)
                and isinstance(option, str)
                and value.lower() == option.lower()
            ):
                return option
        options = ", ".join(map(str, schema["enum"]))
        raise ArgumentError(f"{where}: {_short(value)} is not one of: {options}")
    if kind == "boolean":
        if not isinstance(value, bool):
            raise ArgumentError(f"{where}: expected true or false, got {_short(value)}")
        return value
    if kind in ("integer", "number"):
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            raise ArgumentError(f"{where}: expected a {kind}, got {_short(value)}")
        if value != value or value in (float("inf"), float("-inf")):
            raise ArgumentError(f"{where}: expected a finite {kind}")
        if kind == "integer":
            if isinstance(value, float) and not value.is_integer():
                raise ArgumentError(f"{where}: expected an integer, got {value!r}")
            value = int(value)
        else:
            value = float(value)
        if "minimum" in schema and value < schema["minimum"]:
            raise ArgumentError(f"{where}: {value} is below the minimum {schema['minimum']}")
        if "maximum" in schema and value > schema["maximum"]:
            raise ArgumentError(f"{where}: {value} is above the maximum {schema['maximum']}")
        return value
    if kind == "string":
        if not isinstance(value, str):
            raise ArgumentError(f"{where}: expected a string, got {_short(value)}")
        limit = schema.get("maxLength", DEFAULT_MAX_STRING)
        if len(value) > limit:
            raise ArgumentError(f"{where}: string of {len(value)} characters exceeds {limit}")
        return value
    if kind == "array":
        if not isinstance(value, list):
            raise ArgumentError(f"{where}: expected a list, got {_short(value)}")
        if len(value) > schema.get("maxItems", MAX_LIST_ITEMS):
            raise ArgumentError(f"{where}: more than {schema.get('maxItems')} items")
        return [_check_value(f"{where}[{i}]", schema["items"], v) for i, v in enumerate(value)]
    raise ArgumentError(f"{where}: unsupported schema {kind}")  # pragma: no cover


# ------------------------------------------------------------------------- toolkit


class Toolkit:
    """An ordered, named set of tools with their schemas built once."""

    def __init__(self, tools: list[Tool], domain: str = "") -> None:
        names = [t.name for t in tools]
        dupes = {n for n in names if names.count(n) > 1}
        if dupes:
            raise ValueError(f"duplicate tool names: {sorted(dupes)}")
        self.domain = domain
        self.tools: dict[str, Tool] = {t.name: t for t in tools}
        self.schemas: list[dict[str, Any]] = [t.schema for t in tools]
        # each tool's schema defaults (what an omitted argument means)
        self.defaults: dict[str, dict[str, Any]] = {
            t.name: {
                k: p["default"] for k, p in t.parameters["properties"].items() if "default" in p
            }
            for t in tools
        }

    def __contains__(self, name: object) -> bool:
        return name in self.tools

    def __len__(self) -> int:
        return len(self.tools)

    def __iter__(self) -> typing.Iterator[Tool]:
        return iter(self.tools.values())

    def get(self, name: str) -> Tool | None:
        return self.tools.get(name)

    def summary(self) -> str:
        """One line per tool: name(args) - first sentence of its description."""
        lines = []
        for t in self:
            args = ", ".join(
                a + ("" if a in t._required else "?") for a in t.parameters["properties"]
            )
            first = t.description.split(". ")[0].rstrip(".")
            lines.append(f"- {t.name}({args}): {first}.")
        return "\n".join(lines)
