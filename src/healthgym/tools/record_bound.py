"""Record-bound calculator tools: a registry calculator becomes a tool of any domain by
declaration.

A record-bound tool is a ``compute`` tool (see :mod:`.registry`) that applies one
calculator of :mod:`healthgym.clinical.registry` to values the episode's record holds -
values the agent has already been shown, which its ``needs=`` check before it runs (see
:mod:`.elicit`) - and to values only the agent can supply (its reading of a history or
an ECG), which are the tool's arguments.  Three pieces keep each score tool declared
once, with each domain supplying only how it reads its record:

* :class:`RecordScore` - the declaration, independent of any domain: the tool's name,
  the registry calculator, which calculator inputs come from the record and which are
  elicited from the agent.  The score tools that several domains offer are declared
  here: :data:`QSOFA`, :data:`SIRS`, :data:`SHOCK_INDEX` and :data:`HEART_SCORE`.
* :class:`RecordSource` - a domain's record accessor: the tool arguments that locate a
  record (none, ``patient_id``, ``charttime``, ...), the function that finds it, one
  getter per record input (named by the calculator input it feeds) and how the domain
  reports a result (its wording, where it logs the value).
* :meth:`RecordScore.bind` - declaration + source + the domain's docstring and needs
  -> the registered :class:`~.registry.Tool`.  Its arguments are the locator's, then the
  elicited inputs; its function carries the :class:`Binding` (``tool.fn.record_bound``),
  whose :meth:`Binding.run` is the one implementation every record-bound tool runs.

The medical content stays where it is cited: the formulas and thresholds in the
calculators of :mod:`healthgym.clinical`, the reading of a record in its domain.
"""

from __future__ import annotations

import inspect
import typing
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any, Generic, TypeVar

from ..clinical.errors import CalculatorInputError
from ..clinical.registry import calculator
from ..clinical.scores.result import ScoreResult
from .elicit import Need
from .errors import ToolError
from .registry import Tool, tool

R = TypeVar("R")

Report = Callable[[Any, Any, str, ScoreResult], str]
"""How a domain reports a result: ``(state, record, key, result) -> text``."""


@dataclass(frozen=True)
class Arg:
    """A tool argument: its name and type (``None``: the calculator input's own type)."""

    name: str
    annotation: Any = None


@dataclass(frozen=True)
class RecordSource(Generic[R]):
    """How a domain finds and reads the record its record-bound tools compute from.

    ``locate(state, tool_name, **locator)`` returns the record (``locator`` are the
    tool arguments that pick it, e.g. ``patient_id``; none when an episode has one
    record) and raises :class:`~.errors.ToolError` when there is none.  ``fields`` maps
    a calculator input name to its getter on that record; a getter is only called
    when a tool's calculator takes that input.  ``report`` turns a result into the
    tool's text.
    """

    locate: Callable[..., R]
    fields: Mapping[str, Callable[[R], Any]]
    report: Report
    locator: tuple[Arg, ...] = ()


@dataclass(frozen=True)
class RecordScore:
    """A record-bound score tool, declared once for every domain that offers it.

    ``record``: the calculator inputs read from the record, in reading order (an input
    with a default in the calculator's signature is passed only where the domain's
    source has a getter for it); ``elicited``: the inputs the agent passes, in argument
    order.  ``key`` names the value in the domain's log (default: the calculator).
    """

    tool: str
    calculator: str
    record: tuple[str, ...]
    elicited: tuple[Arg, ...] = ()
    key: str = ""

    @property
    def log_key(self) -> str:
        return self.key or self.calculator

    def bind(
        self,
        source: RecordSource[Any],
        *,
        doc: str,
        needs: tuple[Need, ...] = (),
        check: Callable[[Any], None] | None = None,
        report: Report | None = None,
        refuse_invalid_inputs: bool = False,
    ) -> Tool:
        """The tool of one domain: ``doc`` is its docstring (description and ``Args:``),
        ``needs`` what it reads (see :mod:`.elicit`), ``check`` refuses a record the
        score does not apply to (raises ToolError), ``report`` overrides the source's
        wording for this score, ``refuse_invalid_inputs`` returns a calculator's input
        error as a ToolError instead of raising it."""
        binding = Binding(
            score=self,
            source=source,
            check=check,
            report=report or source.report,
            refuse_invalid_inputs=refuse_invalid_inputs,
        )
        return tool(kind="compute", needs=needs)(binding.function(doc))


@dataclass(frozen=True)
class Binding:
    """A :class:`RecordScore` bound to one domain's :class:`RecordSource`."""

    score: RecordScore
    source: RecordSource[Any]
    check: Callable[[Any], None] | None
    report: Report
    refuse_invalid_inputs: bool
    calculator: Callable[..., ScoreResult] = field(init=False, repr=False)
    optional: frozenset[str] = field(init=False, repr=False)

    def __post_init__(self) -> None:
        fn = calculator(self.score.calculator)
        params = inspect.signature(fn).parameters
        elicited = [a.name for a in self.score.elicited]
        declared = [*self.score.record, *elicited]
        where = f"{self.score.tool} ({self.score.calculator})"
        unknown = sorted(set(declared) - set(params))
        if unknown or len(set(declared)) != len(declared):
            raise TypeError(f"{where}: unknown or repeated inputs {unknown or declared}")
        required = {n for n, p in params.items() if p.default is inspect.Parameter.empty}
        if required - set(declared):
            raise TypeError(f"{where}: inputs not declared: {sorted(required - set(declared))}")
        optional = frozenset(n for n in self.score.record if n not in required)
        unread = [n for n in self.score.record if n not in optional and n not in self.source.fields]
        if unread:
            raise TypeError(f"{where}: the record source has no getter for {unread}")
        object.__setattr__(self, "calculator", fn)
        object.__setattr__(self, "optional", optional)

    def arguments(self) -> tuple[Arg, ...]:
        """The tool's arguments with their types: the locator's, then the elicited ones."""
        hints = typing.get_type_hints(self.calculator, include_extras=True)
        return tuple(
            Arg(a.name, a.annotation if a.annotation is not None else hints[a.name])
            for a in (*self.source.locator, *self.score.elicited)
        )

    def function(self, doc: str) -> Callable[..., str]:
        """The tool function (``state`` then the arguments) that runs :meth:`run`."""
        args = self.arguments()
        signature = inspect.Signature(
            [inspect.Parameter("state", inspect.Parameter.POSITIONAL_OR_KEYWORD)]
            + [
                inspect.Parameter(
                    a.name, inspect.Parameter.POSITIONAL_OR_KEYWORD, annotation=a.annotation
                )
                for a in args
            ],
            return_annotation=str,
        )

        def record_bound(state: Any, *positional: Any, **named: Any) -> str:
            bound = signature.bind(state, *positional, **named)
            return self.run(state, {k: v for k, v in bound.arguments.items() if k != "state"})

        record_bound.__name__ = record_bound.__qualname__ = self.score.tool
        record_bound.__doc__ = doc
        record_bound.__signature__ = signature  # type: ignore[attr-defined]
        record_bound.__annotations__ = {a.name: a.annotation for a in args} | {"return": str}
        record_bound.record_bound = self  # type: ignore[attr-defined]
        return record_bound

    def run(self, state: Any, arguments: dict[str, Any]) -> str:
        """Locate the record, check it, read the inputs, compute, report."""
        locator = {a.name: arguments[a.name] for a in self.source.locator}
        record = self.source.locate(state, self.score.tool, **locator)
        if self.check is not None:
            self.check(record)
        fields = self.source.fields
        inputs = {
            name: fields[name](record)
            for name in self.score.record
            if name not in self.optional or name in fields
        }
        inputs.update((a.name, arguments[a.name]) for a in self.score.elicited)
        try:
            result = self.calculator(**inputs)
        except CalculatorInputError as e:
            if not self.refuse_invalid_inputs:
                raise
            raise ToolError(str(e)) from None
        return self.report(state, record, self.score.log_key, result)


# --------------------------------------------------------------------------------------
# score tools offered by several domains, declared once

QSOFA = RecordScore(
    tool="calculate_qsofa",
    calculator="qsofa",
    record=("respiratory_rate", "sbp", "altered_mentation"),
)
SIRS = RecordScore(
    tool="calculate_sirs",
    calculator="sirs",
    record=("temperature_c", "heart_rate", "respiratory_rate", "wbc", "paco2_mmhg"),
)
SHOCK_INDEX = RecordScore(
    tool="calculate_shock_index",
    calculator="shock_index",
    record=("heart_rate", "sbp"),
)
HEART_SCORE = RecordScore(
    tool="calculate_heart_score",
    calculator="heart_score",
    record=("age", "risk_factor_count", "known_atherosclerotic_disease", "troponin_ratio"),
    elicited=(Arg("history"), Arg("ecg")),
)

SHARED_SCORES: tuple[RecordScore, ...] = (QSOFA, SIRS, SHOCK_INDEX, HEART_SCORE)

__all__ = [
    "HEART_SCORE",
    "QSOFA",
    "SHARED_SCORES",
    "SHOCK_INDEX",
    "SIRS",
    "Arg",
    "Binding",
    "RecordScore",
    "RecordSource",
    "Report",
]
