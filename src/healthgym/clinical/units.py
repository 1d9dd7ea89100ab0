"""Units: a value with its unit, and conversion to the unit a calculator needs.

Calculators accept either a plain number (taken to be in the calculator's own
unit, stated in its docstring) or a :class:`Q` (``Q(88, "umol/L")``) which is
converted.  Unknown or incompatible units raise :class:`UnitError`.

Conversion factors (molar masses from IUPAC atomic weights; SI-unit conversion
tables of the AMA Manual of Style, 11th ed., and Young DS, Ann Intern Med
1987;106:114-29):

* creatinine 1 mg/dL = 88.4 umol/L (M = 113.12 g/mol)
* glucose 1 mmol/L = 18.016 mg/dL (M = 180.16 g/mol)
* urea nitrogen: BUN 1 mg/dL = 0.357 mmol/L urea (M(N2) = 28.014 g/mol)
* calcium 1 mmol/L = 4.008 mg/dL; magnesium 1 mmol/L = 2.431 mg/dL
* cholesterol (total, HDL, LDL) 1 mmol/L = 38.67 mg/dL; triglycerides 1 mmol/L = 88.57 mg/dL
* bilirubin 1 mg/dL = 17.1 umol/L; albumin and protein 1 g/dL = 10 g/L;
  hemoglobin 1 g/dL = 10 g/L = 0.6206 mmol/L
* insulin 1 uIU/mL = 6.0 pmol/L (Heinemann L, Diabetes Care 2010;33:e83)
* sodium, potassium, chloride, bicarbonate: mEq/L = mmol/L (monovalent)
* mass: 1 lb = 0.45359237 kg, 1 oz = 28.349523125 g; length: 1 in = 2.54 cm, 1 ft = 12 in
* temperature: C = (F - 32) * 5/9, K = C + 273.15
* cell counts: 1 x10^9/L = 1,000 /uL (= /mm3)
* drug doses: 1 mg = 1,000 ug (mcg); transdermal rates in ug/h (= mcg/h)
"""

from __future__ import annotations

import math
import numbers
import operator
import re
from collections.abc import Callable
from functools import partial
from typing import NamedTuple

from .errors import CalculatorInputError, UnitError


class Q(NamedTuple):
    """A value with its unit, e.g. ``Q(1.2, "mg/dL")``."""

    value: float
    unit: str


def _canon(unit: str) -> str:
    u = unit.strip().replace("µ", "u").replace("μ", "u").replace("³", "^3").replace("²", "^2")
    u = u.replace("⁹", "9").replace("×", "x").replace("°", "")
    u = re.sub(r"\s+", "", u).lower()
    aliases = {
        "kgs": "kg",
        "kilograms": "kg",
        "kilogram": "kg",
        "lbs": "lb",
        "pounds": "lb",
        "pound": "lb",
        "grams": "g",
        "gram": "g",
        "ounces": "oz",
        "ounce": "oz",
        "centimeters": "cm",
        "centimetres": "cm",
        "meters": "m",
        "metres": "m",
        "inches": "in",
        "inch": "in",
        "feet": "ft",
        "foot": "ft",
        "millimeters": "mm",
        "degreescelsius": "c",
        "celsius": "c",
        "degc": "c",
        "degreesfahrenheit": "f",
        "degreesfahreinheit": "f",
        "degreescelsisus": "c",  # MedCalc-Bench misspelling
        "fahrenheit": "f",
        "degf": "f",
        "kelvin": "k",
        "meq/l": "mmol/l",
        "years": "yr",
        "year": "yr",
        "yrs": "yr",
        "months": "mo",
        "month": "mo",
        "weeks": "wk",
        "week": "wk",
        "days": "d",
        "day": "d",
        "mmhg": "mmhg",
        "mm hg": "mmhg",
        "beatsperminute": "/min",
        "breathsperminute": "/min",
        "bpm": "/min",
        "msec": "ms",
        "milliseconds": "ms",
        "sec": "s",
        "seconds": "s",
        "uiu/ml": "uu/ml",
        "mu/l": "uu/ml",
        "miu/l": "uu/ml",
        "uu/ml": "uu/ml",
        "iu/l": "u/l",
        "units/l": "u/l",
        "ul": "/ul",
        "/mm^3": "/ul",
        "mm^3": "/ul",
        "cells/ul": "/ul",
        "cells/mm^3": "/ul",
        "x10^9/l": "10^9/l",
        "10^9/l": "10^9/l",
        "x10^3/ul": "10^9/l",
        "10^3/ul": "10^9/l",
        "k/ul": "10^9/l",
        "kg/m^2": "kg/m2",
        "kg/m2": "kg/m2",
        "%": "%",
        "percent": "%",
    }
    return aliases.get(u, u)


def _linear(factors: dict[str, float]) -> dict[str, Callable[[float], float]]:
    """Units given as 'how many of the base unit one of this unit is'."""
    return {_canon(u): partial(operator.mul, f) for u, f in factors.items()}


# analyte -> (base unit, {unit: converter to base})
_TABLES: dict[str, tuple[str, dict[str, Callable[[float], float]]]] = {
    "mass": ("kg", _linear({"kg": 1, "g": 1e-3, "lb": 0.45359237, "oz": 0.028349523125})),
    "length": ("cm", _linear({"cm": 1, "m": 100, "mm": 0.1, "in": 2.54, "ft": 30.48})),
    "temperature": (
        "c",
        {"c": lambda x: x, "f": lambda x: (x - 32) * 5 / 9, "k": lambda x: x - 273.15},
    ),
    "creatinine": ("mg/dl", _linear({"mg/dL": 1, "umol/L": 1 / 88.4, "mmol/L": 1000 / 88.4})),
    "glucose": ("mg/dl", _linear({"mg/dL": 1, "mmol/L": 18.016})),
    "bun": ("mg/dl", _linear({"mg/dL": 1, "mmol/L": 1 / 0.357})),
    "calcium": ("mg/dl", _linear({"mg/dL": 1, "mmol/L": 4.008})),
    "magnesium": ("mg/dl", _linear({"mg/dL": 1, "mmol/L": 2.431})),
    "cholesterol": ("mg/dl", _linear({"mg/dL": 1, "mmol/L": 38.67})),
    "triglycerides": ("mg/dl", _linear({"mg/dL": 1, "mmol/L": 88.57})),
    "bilirubin": ("mg/dl", _linear({"mg/dL": 1, "umol/L": 1 / 17.1})),
    "albumin": ("g/dl", _linear({"g/dL": 1, "g/L": 0.1})),
    "hemoglobin": ("g/dl", _linear({"g/dL": 1, "g/L": 0.1, "mmol/L": 1 / 0.6206})),
    "insulin": ("uu/ml", _linear({"uIU/mL": 1, "pmol/L": 1 / 6.0})),
    "electrolyte": ("mmol/l", _linear({"mmol/L": 1})),
    "osmolality": ("mosm/kg", _linear({"mOsm/kg": 1, "mosm/l": 1})),
    "pressure": ("mmhg", _linear({"mmHg": 1, "kPa": 7.50062, "cmH2O": 0.73556})),
    "rate": ("/min", _linear({"/min": 1})),
    "duration": ("ms", _linear({"ms": 1, "s": 1000})),
    "age": ("yr", _linear({"yr": 1, "mo": 1 / 12, "wk": 7 / 365.25, "d": 1 / 365.25})),
    "cell_count": ("10^9/l", _linear({"10^9/L": 1, "/uL": 1e-3})),
    "enzyme": ("u/l", _linear({"U/L": 1})),
    "percent": ("%", _linear({"%": 1})),
    "bmi": ("kg/m2", _linear({"kg/m2": 1})),
    # drug doses: mass (base mg) and transdermal delivery rate (base ug/h)
    "drug_mass": ("mg", _linear({"mg": 1, "g": 1000, "ug": 1e-3, "mcg": 1e-3})),
    "drug_rate": ("ug/h", _linear({"ug/h": 1, "mcg/h": 1, "ug/hr": 1, "mcg/hr": 1})),
    # sodium as a mass concentration: 1 mmol/L = 2.299 mg/dL (M(Na) = 22.99 g/mol)
    "sodium": ("mmol/l", _linear({"mmol/L": 1, "mg/dL": 10 / 22.99})),
}
# albumin reported in mg/dL: 1 g/dL = 1000 mg/dL
_TABLES["albumin"][1].update(_linear({"mg/dL": 1e-3}))

# cells per litre ("/L"; MedCalc-Bench writes a bare "L")
_TABLES["cell_count"][1].update(_linear({"/L": 1e-9, "L": 1e-9}))


def analytes() -> list[str]:
    return sorted(_TABLES)


def convert(analyte: str, value: float, unit: str, to: str | None = None) -> float:
    """Convert ``value`` in ``unit`` to ``to`` (default: the analyte's base unit)."""
    if analyte not in _TABLES:
        raise UnitError(f"no unit table for {analyte!r}")
    base, table = _TABLES[analyte]
    src = _canon(unit)
    if src not in table:
        known = ", ".join(sorted(table))
        raise UnitError(f"cannot convert {analyte} from {unit!r}; known units: {known}")
    in_base = table[src](float(value))
    if to is None or _canon(to) == base:
        return in_base
    dst = _canon(to)
    if dst not in table:
        raise UnitError(f"cannot convert {analyte} to {to!r}")
    one = table[dst](1.0) - table[dst](0.0)
    offset = table[dst](0.0)
    return (in_base - offset) / one


def value_in(name: str, x: float | Q, analyte: str, unit: str) -> float:
    """A calculator input as a float in ``unit``: plain numbers are taken as already
    in ``unit``; a :class:`Q` is converted.  Non-finite or non-numeric values raise
    :class:`CalculatorInputError`."""
    if isinstance(x, Q):
        raw, src = x
        if isinstance(raw, bool) or not isinstance(raw, numbers.Real):
            raise CalculatorInputError(f"{name} must be a number, got {raw!r}")
        result = convert(analyte, raw, src, unit)
    elif isinstance(x, bool) or not isinstance(x, numbers.Real):
        raise CalculatorInputError(f"{name} must be a number or Q(value, unit), got {x!r}")
    else:
        result = float(x)
    if not math.isfinite(result):
        raise CalculatorInputError(f"{name} must be finite, got {x!r}")
    return result
