"""Input checks shared by the score functions (private helpers)."""

from __future__ import annotations

import math
import numbers
from collections.abc import Collection
from decimal import ROUND_HALF_UP, Decimal

from ..errors import CalculatorInputError


def number(name: str, value: object, *, lo: float, hi: float) -> float:
    """Return ``value`` as a float, raising ValueError unless it is a finite real in [lo, hi]."""
    if isinstance(value, bool) or not isinstance(value, numbers.Real):
        raise CalculatorInputError(f"{name} must be a real number, got {value!r}")
    result = float(value)
    if not math.isfinite(result):
        raise CalculatorInputError(f"{name} must be finite, got {value!r}")
    if result < lo or result > hi:
        raise CalculatorInputError(f"{name} must be between {lo:g} and {hi:g}, got {result:g}")
    return result


def integer(name: str, value: object, *, lo: int, hi: int) -> int:
    """Return ``value`` as an int, raising ValueError unless it is an integer in [lo, hi]."""
    if isinstance(value, bool) or not isinstance(value, numbers.Integral):
        raise CalculatorInputError(f"{name} must be an integer, got {value!r}")
    result = int(value)
    if result < lo or result > hi:
        raise CalculatorInputError(f"{name} must be between {lo} and {hi}, got {result}")
    return result


def flag(name: str, value: object) -> bool:
    """Return ``value`` as a bool, raising ValueError unless it is True/False."""
    if value is None or isinstance(value, str) or value not in (True, False):
        raise CalculatorInputError(f"{name} must be a bool, got {value!r}")
    return bool(value)


def choice(name: str, value: object, options: Collection[str]) -> str:
    """Return ``value`` unchanged, raising ValueError unless it is one of ``options``."""
    if not isinstance(value, str) or value not in options:
        allowed = ", ".join(repr(o) for o in options)
        raise CalculatorInputError(f"{name} must be one of {allowed}, got {value!r}")
    return value


def round_half_up(value: float, ndigits: int = 0) -> float:
    """Round with ties away from zero (clinical convention), unlike Python's banker's round."""
    quantum = Decimal(1).scaleb(-ndigits)
    return float(Decimal(repr(value)).quantize(quantum, rounding=ROUND_HALF_UP))


# Plausibility ranges shared by several scores.
AGE = (0.0, 130.0)
HEART_RATE = (0.0, 350.0)
RESPIRATORY_RATE = (0.0, 100.0)
SBP = (0.0, 350.0)
DBP = (0.0, 250.0)
TEMPERATURE_C = (20.0, 46.0)
SPO2 = (0.0, 100.0)
WBC = (0.0, 500.0)  # x10^9/L; a value in cells/mm^3 (e.g. 12000) is rejected
BUN_MG_DL = (0.0, 300.0)
PERCENT = (0.0, 100.0)
