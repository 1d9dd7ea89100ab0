"""Numeric inputs that may come as a plain number (in the documented unit) or a ``Q``."""

from __future__ import annotations

from healthgym.clinical.scores import _validation as v
from healthgym.clinical.units import Q, value_in


def measured(name: str, x: float | Q, *, analyte: str, unit: str, lo: float, hi: float) -> float:
    """``x`` as a float in ``unit`` (a ``Q`` is converted), checked to lie in [lo, hi]."""
    return v.number(name, value_in(name, x, analyte, unit), lo=lo, hi=hi)


def optional_measured(
    name: str, x: float | Q | None, *, analyte: str, unit: str, lo: float, hi: float
) -> float | None:
    """Like :func:`measured`, but ``None`` (not measured) passes through."""
    if x is None:
        return None
    return measured(name, x, analyte=analyte, unit=unit, lo=lo, hi=hi)
