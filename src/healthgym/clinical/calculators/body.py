"""Body size and haemodynamic formulas: BMI, BSA, ideal/adjusted/target weight,
maintenance fluids and mean arterial pressure.

Inputs are plain numbers in the unit each docstring states, or
:class:`~healthgym.clinical.units.Q` values that are converted (weight: kg, lb, g,
oz; height: cm, m, in, ft; pressure: mmHg, kPa).
"""

from __future__ import annotations

import math
from typing import Literal

from healthgym.clinical.errors import CalculatorInputError
from healthgym.clinical.scores import _validation as v
from healthgym.clinical.scores.result import ScoreResult
from healthgym.clinical.units import Q, value_in

__all__ = [
    "adjusted_body_weight",
    "bmi",
    "bsa",
    "ideal_body_weight",
    "maintenance_fluids",
    "mean_arterial_pressure",
    "target_weight",
]

WEIGHT_KG = (0.1, 700.0)
HEIGHT_CM = (20.0, 280.0)
CM_PER_INCH = 2.54

_KEYS_1972 = (
    "Keys A, Fidanza F, Karvonen MJ, Kimura N, Taylor HL. Indices of relative weight and "
    "obesity. J Chronic Dis. 1972;25(6):329-343. Classes: WHO Technical Report Series 894, 2000."
)
_MOSTELLER_1987 = (
    "Mosteller RD. Simplified calculation of body-surface area. N Engl J Med. 1987;317(17):1098."
)
_DEVINE_1974 = "Devine BJ. Gentamicin therapy. Drug Intell Clin Pharm. 1974;8:650-655."
_TRAYNOR_1995 = (
    "Traynor AM, Nafziger AN, Bertino JS Jr. Aminoglycoside dosing weight correction factors "
    "for patients of various body sizes. Antimicrob Agents Chemother. 1995;39(2):545-548. "
    "IBW: " + _DEVINE_1974
)
_HOLLIDAY_1957 = (
    "Holliday MA, Segar WE. The maintenance need for water in parenteral fluid therapy. "
    "Pediatrics. 1957;19(5):823-832."
)
_MAP = (
    "Standard estimate MAP = DBP + (SBP - DBP)/3; see Razminia M, Trivedi A, Molnar J, et al. "
    "Validation of a new formula for mean arterial pressure calculation. Catheter Cardiovasc "
    "Interv. 2004;63(4):419-425."
)


def _fmt(x: float) -> str:
    """A number for the working: at most 3 decimals, no trailing zeros."""
    return f"{round(x, 3) + 0.0:.10g}"


def _read(
    name: str,
    x: float | Q,
    analyte: str,
    unit: str,
    *,
    lo: float,
    hi: float,
    steps: list[str] | None = None,
) -> float:
    """``x`` as a float in ``unit`` (plain numbers are taken as already in ``unit``),
    range-checked; a unit conversion is recorded in ``steps``."""
    value = v.number(name, value_in(name, x, analyte, unit), lo=lo, hi=hi)
    if steps is not None and isinstance(x, Q) and value != float(x.value):
        steps.append(f"{name} {_fmt(x.value)} {x.unit} = {_fmt(value)} {unit}")
    return value


def _weight(x: float | Q, steps: list[str], name: str = "weight") -> float:
    return _read(name, x, "mass", "kg", lo=WEIGHT_KG[0], hi=WEIGHT_KG[1], steps=steps)


def _height(x: float | Q, steps: list[str]) -> float:
    return _read("height", x, "length", "cm", lo=HEIGHT_CM[0], hi=HEIGHT_CM[1], steps=steps)


def _bmi_class(value: float) -> str:
    if value < 18.5:
        return "underweight (<18.5)"
    if value < 25:
        return "normal weight (18.5-24.9)"
    if value < 30:
        return "overweight (25-29.9)"
    if value < 35:
        return "obesity class I (30-34.9)"
    if value < 40:
        return "obesity class II (35-39.9)"
    return "obesity class III (>=40)"


def bmi(*, weight: float | Q, height: float | Q) -> ScoreResult:
    """Body mass index (Quetelet index), kg/m^2.

    Formula: BMI = weight (kg) / height (m)^2. Source: Keys A et al. J Chronic Dis
    1972;25:329-343. Classes (WHO TRS 894, 2000): <18.5 underweight, 18.5-24.9 normal,
    25-29.9 overweight, 30-34.9 / 35-39.9 / >=40 obesity class I / II / III.

    Inputs: weight in kg, height in cm (or Q values in other units).
    """
    steps: list[str] = []
    w = _weight(weight, steps)
    h = _height(height, steps)
    h_m = h / 100
    value = w / (h_m * h_m)
    steps.append(f"BMI = weight / height^2 = {_fmt(w)} kg / ({_fmt(h_m)} m)^2 = {_fmt(value)}")
    return ScoreResult(
        name="Body mass index",
        value=round(value, 6),
        components={"weight_kg": w, "height_cm": h},
        interpretation=f"BMI {_fmt(value)} kg/m^2: {_bmi_class(value)}",
        source=_KEYS_1972,
        unit="kg/m^2",
        steps=tuple(steps),
    )


def bsa(*, weight: float | Q, height: float | Q) -> ScoreResult:
    """Body surface area by the Mosteller formula, m^2.

    Formula: BSA = sqrt(height (cm) x weight (kg) / 3600). Source: Mosteller RD. N Engl J
    Med 1987;317:1098. A typical adult BSA is about 1.7-2.0 m^2.

    Inputs: weight in kg, height in cm (or Q values in other units).
    """
    steps: list[str] = []
    w = _weight(weight, steps)
    h = _height(height, steps)
    value = math.sqrt(w * h / 3600)
    steps.append(f"BSA = sqrt(height x weight / 3600) = sqrt({_fmt(h)} x {_fmt(w)} / 3600)")
    steps.append(f"BSA = {_fmt(value)} m^2")
    return ScoreResult(
        name="Body surface area (Mosteller)",
        value=round(value, 6),
        components={"weight_kg": w, "height_cm": h},
        interpretation=f"Body surface area {_fmt(value)} m^2 (typical adult 1.7-2.0 m^2)",
        source=_MOSTELLER_1987,
        unit="m^2",
        steps=tuple(steps),
    )


def _ibw(sex: str, height_cm: float, steps: list[str]) -> float:
    inches = height_cm / CM_PER_INCH
    base = 50.0 if sex == "male" else 45.5
    value = base + 2.3 * (inches - 60)
    steps.append(f"height {_fmt(height_cm)} cm / 2.54 = {_fmt(inches)} in")
    steps.append(
        f"IBW ({sex}) = {base:g} kg + 2.3 kg x (height in inches - 60) = {base:g} + 2.3 x "
        f"({_fmt(inches)} - 60) = {_fmt(value)} kg"
    )
    if value <= 0:
        raise CalculatorInputError(
            f"the Devine formula gives a non-positive ideal body weight ({value:.1f} kg) for "
            f"height {height_cm:g} cm; it does not apply to such short stature"
        )
    return value


def ideal_body_weight(*, sex: Literal["male", "female"], height: float | Q) -> ScoreResult:
    """Ideal body weight by the Devine formula, kg.

    Formula: IBW = 50 kg (male) or 45.5 kg (female) + 2.3 kg per inch of height over
    60 inches (5 ft); height in inches = cm / 2.54. Source: Devine BJ. Drug Intell Clin
    Pharm 1974;8:650-655. Below 60 inches the same line is extrapolated (as MedCalc-Bench
    does); a non-positive result raises :class:`CalculatorInputError`.

    Inputs: sex 'male'/'female'; height in cm (or a Q in m, in, ft).
    """
    sex = v.choice("sex", sex, ("male", "female"))
    steps: list[str] = []
    h = _height(height, steps)
    value = _ibw(sex, h, steps)
    return ScoreResult(
        name="Ideal body weight (Devine)",
        value=round(value, 6),
        components={"height_cm": h},
        interpretation=f"Ideal body weight {_fmt(value)} kg",
        source=_DEVINE_1974,
        unit="kg",
        steps=tuple(steps),
    )


def adjusted_body_weight(
    *, sex: Literal["male", "female"], height: float | Q, weight: float | Q
) -> ScoreResult:
    """Adjusted body weight, kg: ABW = IBW + 0.4 x (actual weight - IBW).

    IBW is the Devine ideal body weight (:func:`ideal_body_weight`); the correction factor
    0.4 is that of Traynor AM et al. Antimicrob Agents Chemother 1995;39:545-548 (used for
    dosing in obesity). Inputs: sex; height in cm; weight in kg (or Q values).
    """
    sex = v.choice("sex", sex, ("male", "female"))
    steps: list[str] = []
    h = _height(height, steps)
    w = _weight(weight, steps)
    ibw = _ibw(sex, h, steps)
    value = ibw + 0.4 * (w - ibw)
    steps.append(
        f"ABW = IBW + 0.4 x (weight - IBW) = {_fmt(ibw)} + 0.4 x ({_fmt(w)} - {_fmt(ibw)}) "
        f"= {_fmt(value)} kg"
    )
    return ScoreResult(
        name="Adjusted body weight",
        value=round(value, 6),
        components={"ideal_body_weight_kg": ibw, "weight_kg": w, "height_cm": h},
        interpretation=f"Adjusted body weight {_fmt(value)} kg (ideal {_fmt(ibw)} kg)",
        source=_TRAYNOR_1995,
        unit="kg",
        steps=tuple(steps),
    )


def target_weight(*, target_bmi: float | Q, height: float | Q) -> ScoreResult:
    """Weight that gives a target BMI, kg: target weight = target BMI x height (m)^2.

    This is the BMI definition (Keys A et al. J Chronic Dis 1972;25:329-343) solved for
    weight. Inputs: target BMI in kg/m^2 (10-80); height in cm (or a Q in m, in, ft).
    """
    steps: list[str] = []
    target = _read("target BMI", target_bmi, "bmi", "kg/m2", lo=10.0, hi=80.0)
    h = _height(height, steps)
    h_m = h / 100
    value = target * h_m * h_m
    steps.append(
        f"target weight = target BMI x height^2 = {_fmt(target)} x ({_fmt(h_m)} m)^2 "
        f"= {_fmt(value)} kg"
    )
    return ScoreResult(
        name="Target weight",
        value=round(value, 6),
        components={"target_bmi": target, "height_cm": h},
        interpretation=f"Weight for BMI {_fmt(target)} kg/m^2 at {_fmt(h)} cm: {_fmt(value)} kg",
        source=_KEYS_1972,
        unit="kg",
        steps=tuple(steps),
    )


def maintenance_fluids(*, weight: float | Q) -> ScoreResult:
    """Maintenance fluid rate by the Holliday-Segar "4-2-1" rule, mL/h.

    Formula: 4 mL/kg/h for the first 10 kg, 2 mL/kg/h for the next 10 kg and 1 mL/kg/h
    for each kg above 20 kg, i.e. weight < 10 kg: 4 x W; 10-20 kg: 40 + 2 x (W - 10);
    > 20 kg: 60 + (W - 20). Source: Holliday MA, Segar WE. Pediatrics 1957;19:823-832
    (100/50/20 mL/kg/day, expressed hourly).

    Input: weight in kg (or a Q in g, lb, oz).
    """
    steps: list[str] = []
    w = _weight(weight, steps)
    if w < 10:
        value = 4 * w
        steps.append(f"weight < 10 kg: 4 mL/kg/h x {_fmt(w)} kg = {_fmt(value)} mL/h")
    elif w <= 20:
        value = 40 + 2 * (w - 10)
        steps.append(
            f"weight 10-20 kg: 40 mL/h + 2 mL/kg/h x ({_fmt(w)} - 10) kg = {_fmt(value)} mL/h"
        )
    else:
        value = 60 + (w - 20)
        steps.append(
            f"weight > 20 kg: 60 mL/h + 1 mL/kg/h x ({_fmt(w)} - 20) kg = {_fmt(value)} mL/h"
        )
    steps.append(f"per day: {_fmt(value)} x 24 = {_fmt(value * 24)} mL/day")
    return ScoreResult(
        name="Maintenance fluids (Holliday-Segar)",
        value=round(value, 6),
        components={"weight_kg": w},
        interpretation=f"Maintenance fluids {_fmt(value)} mL/h ({_fmt(value * 24)} mL/day)",
        source=_HOLLIDAY_1957,
        unit="mL/h",
        steps=tuple(steps),
    )


def mean_arterial_pressure(*, systolic: float | Q, diastolic: float | Q) -> ScoreResult:
    """Mean arterial pressure, mmHg: MAP = 2/3 x DBP + 1/3 x SBP (= DBP + pulse pressure / 3).

    Source: the standard estimate, discussed in Razminia M et al. Catheter Cardiovasc Interv
    2004;63:419-425. MAP < 65 mmHg is below the usual perfusion target (Surviving Sepsis
    Campaign). Inputs: systolic and diastolic pressure in mmHg (or Q in kPa); the diastolic
    must not exceed the systolic.
    """
    steps: list[str] = []
    sbp = _read("systolic pressure", systolic, "pressure", "mmHg", lo=1.0, hi=v.SBP[1], steps=steps)
    dbp = _read(
        "diastolic pressure", diastolic, "pressure", "mmHg", lo=0.0, hi=v.DBP[1], steps=steps
    )
    if dbp > sbp:
        raise CalculatorInputError(
            f"diastolic pressure ({dbp:g} mmHg) must not exceed systolic pressure ({sbp:g} mmHg)"
        )
    value = 2 * dbp / 3 + sbp / 3
    steps.append(f"MAP = 2/3 x DBP + 1/3 x SBP = 2/3 x {_fmt(dbp)} + 1/3 x {_fmt(sbp)}")
    steps.append(f"MAP = {_fmt(value)} mmHg")
    if value < 65:
        band = "below 65 mmHg, the usual minimum target for organ perfusion"
    elif value <= 100:
        band = "within the usual range (65-100 mmHg)"
    else:
        band = "elevated (>100 mmHg)"
    return ScoreResult(
        name="Mean arterial pressure",
        value=round(value, 6),
        components={"systolic_mmHg": sbp, "diastolic_mmHg": dbp},
        interpretation=f"MAP {_fmt(value)} mmHg: {band}",
        source=_MAP,
        unit="mmHg",
        steps=tuple(steps),
    )
