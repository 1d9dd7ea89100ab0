"""Reading MedCalc-Bench "Relevant Entities" dictionaries.

An entity dict maps MedCalc's entity names to either a bare value (``True``,
``'Male'``, ``2.1``, ``'12/11/2013'``) or ``[value, unit]``.  MedCalc-Bench lists
only the criteria a note mentions, so a boolean criterion that is absent counts
as not present (``flag`` default ``False``) -- that is the benchmark's own
convention, applied here explicitly.  A missing numeric input is an error.
"""

from __future__ import annotations

from typing import Any

from ..errors import CalculatorInputError
from ..units import Q, convert


class Entities:
    def __init__(self, data: dict[str, Any]) -> None:
        if not isinstance(data, dict):
            raise CalculatorInputError(f"entities must be a dict, got {type(data).__name__}")
        self.data = data

    def has(self, *keys: str) -> bool:
        return any(k in self.data for k in keys)

    def raw(self, *keys: str) -> Any:
        for k in keys:
            if k in self.data:
                return self.data[k]
        raise CalculatorInputError(f"missing entity: {' / '.join(keys)}")

    def quantity(self, *keys: str) -> Q:
        """The entity as Q(value, unit); a bare number gets unit ''."""
        v = self.raw(*keys)
        if isinstance(v, (list, tuple)) and len(v) == 2:
            return Q(float(v[0]), str(v[1]))
        if isinstance(v, (int, float)) and not isinstance(v, bool):
            return Q(float(v), "")
        raise CalculatorInputError(f"entity {keys[0]!r} is not a number: {v!r}")

    def number(self, *keys: str, analyte: str | None = None, unit: str | None = None) -> float:
        """Numeric entity; with ``analyte`` and ``unit`` converted to ``unit``."""
        q = self.quantity(*keys)
        if analyte is None or not q.unit:
            return q.value
        return convert(analyte, q.value, q.unit, unit)

    def flag(self, *keys: str, default: bool = False) -> bool:
        for k in keys:
            if k in self.data:
                v = self.data[k]
                if isinstance(v, bool):
                    return v
                raise CalculatorInputError(f"entity {k!r} is not true/false: {v!r}")
        return default

    def text(self, *keys: str) -> str:
        v = self.raw(*keys)
        if not isinstance(v, str):
            raise CalculatorInputError(f"entity {keys[0]!r} is not text: {v!r}")
        return v

    def sex(self) -> str:
        s = self.text("sex").strip().lower()
        if s not in ("male", "female"):
            raise CalculatorInputError(f"sex must be Male or Female, got {s!r}")
        return s
