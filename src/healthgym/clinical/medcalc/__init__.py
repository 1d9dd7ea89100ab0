"""MedCalc-Bench adapter: MedCalc's entity dicts in, MedCalc's answer form out.

``compute(calculator_id, entities)`` reads the "Relevant Entities" of a
MedCalc-Bench row (a dict, as ``ast.literal_eval`` gives it), calls this
project's calculator for that id and returns the answer as MedCalc states it: a
number, an ``MM/DD/YYYY`` string for dates, or a ``(weeks, days)`` tuple for
gestational age.  It is an adapter over :mod:`healthgym.clinical`, not a second
implementation: each entry only maps entity names and units to arguments.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from ..errors import CalculatorInputError
from .entities import Entities

Adapter = Callable[[Entities], Any]


def _registry() -> dict[int, Adapter]:
    from . import formulas, misc, scores

    merged: dict[int, Adapter] = {}
    for module in (formulas, misc, scores):
        for cid, fn in module.ADAPTERS.items():
            if cid in merged:
                raise RuntimeError(f"calculator id {cid} has two adapters")
            merged[cid] = fn
    return merged


_ADAPTERS: dict[int, Adapter] | None = None


def adapters() -> dict[int, Adapter]:
    global _ADAPTERS
    if _ADAPTERS is None:
        _ADAPTERS = _registry()
    return _ADAPTERS


def compute(calculator_id: int, entities: dict[str, Any]) -> Any:
    """MedCalc-Bench answer for ``calculator_id`` from its entity dict."""
    table = adapters()
    if int(calculator_id) not in table:
        raise CalculatorInputError(f"no calculator with MedCalc id {calculator_id}")
    return table[int(calculator_id)](Entities(entities))


__all__ = ["Entities", "adapters", "compute"]
