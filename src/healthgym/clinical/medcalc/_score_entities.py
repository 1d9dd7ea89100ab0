"""Reading MedCalc-Bench entities for the score adapters (shared helpers).

Entity names are MedCalc's own (including its spellings, e.g. "Faliure"). Unit
conventions of the benchmark handled here are described in :mod:`.scores`.
"""

from __future__ import annotations

from typing import Any

from ..errors import CalculatorInputError
from ..units import convert
from .entities import Entities

HR = "Heart Rate or Pulse"
RR = "respiratory rate"
SBP = "Systolic Blood Pressure"
DBP = "Diastolic Blood Pressure"
TEMP = "Temperature"
BUN = "Blood Urea Nitrogen (BUN)"
CHF = "Congestive Heart Faliure"  # MedCalc's spelling
PAO2 = "Partial pressure of oxygen (PaO₂) for Apache II"
FIO2 = "FiO₂"
PE = "Previously Documented Pulmonary Embolism"
DVT = "Previously documented Deep Vein Thrombosis"
CVVHD = "Continuous veno-venous hemodialysis for ≥24 hours in the past week"


def any_flag(e: Entities, *keys: str) -> bool:
    return any(e.flag(k) for k in keys)


def age_years(e: Entities) -> float:
    return e.number("age", analyte="age", unit="yr")


def temp_celsius(e: Entities) -> float:
    return e.number(TEMP, analyte="temperature", unit="c")


def optional_number(
    e: Entities, key: str, analyte: str | None = None, unit: str | None = None
) -> Any:
    return e.number(key, analyte=analyte, unit=unit) if e.has(key) else None


def count_1e9_per_l(e: Entities, key: str) -> float:
    """A cell count in x10^9/L (see the module docstring for MedCalc's units)."""
    q = e.quantity(key)
    unit = q.unit.strip().lower().replace("µ", "u").replace("μ", "u").replace("³", "^3")
    if unit in ("m^3", "mm^3", "/mm^3", "ul", "/ul") or (not unit and q.value >= 1000):
        return q.value / 1000.0
    if not unit:
        return q.value
    return convert("cell_count", q.value, q.unit, "10^9/L")


def whole(e: Entities, key: str) -> int:
    """A count or scale entity that must be a whole number (e.g. a GCS of 12.0)."""
    value = e.number(key)
    if value != int(value):
        raise CalculatorInputError(f"entity {key!r} must be a whole number, got {value!r}")
    return int(value)


def fio2_fraction(e: Entities) -> float:
    return e.number(FIO2, analyte="percent", unit="%") / 100.0


def mean_arterial_pressure(e: Entities) -> float:
    return (e.number(SBP) + 2 * e.number(DBP)) / 3


def pick(e: Entities, key: str, options: dict[str, str], default: str) -> str:
    """Map a free-text (or boolean) grade to a choice by the first matching keyword."""
    if not e.has(key):
        return default
    raw = e.raw(key)
    if isinstance(raw, bool):
        raw = "yes" if raw else "none"
    text = str(raw).strip().lower()
    for word, choice in options.items():
        if word in text:
            return choice
    raise CalculatorInputError(f"unrecognised value for {key!r}: {raw!r}")


def truthy(e: Entities, key: str) -> bool:
    """A criterion given as a boolean or as text such as 'Moderate to severe' / 'None'."""
    return pick(e, key, {"none": "n", "no": "n", "absent": "n", "mild": "n", "": "y"}, "n") == "y"
