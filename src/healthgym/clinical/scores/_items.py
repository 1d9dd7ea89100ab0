"""Input checks for questionnaire item lists (private helpers for the ``more`` scores)."""

from __future__ import annotations

from healthgym.clinical.errors import CalculatorInputError
from healthgym.clinical.scores import _validation as v


def _sequence(name: str, values: object, n: int) -> list[object]:
    if not isinstance(values, list | tuple):
        raise CalculatorInputError(f"{name} must be a list or tuple of {n} items, got {values!r}")
    if len(values) != n:
        raise CalculatorInputError(f"{name} must have exactly {n} items, got {len(values)}")
    return list(values)


def int_items(name: str, values: object, *, n: int, lo: int, hi: int) -> list[int]:
    """Return ``values`` as a list of ``n`` ints in [lo, hi]."""
    return [
        v.integer(f"{name} item {i}", item, lo=lo, hi=hi)
        for i, item in enumerate(_sequence(name, values, n), start=1)
    ]


def bool_items(name: str, values: object, *, n: int) -> list[bool]:
    """Return ``values`` as a list of ``n`` bools (yes = True)."""
    return [
        v.flag(f"{name} item {i}", item) for i, item in enumerate(_sequence(name, values, n), 1)
    ]
