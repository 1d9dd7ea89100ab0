"""Kidney function: Cockcroft-Gault creatinine clearance, CKD-EPI 2021 and MDRD eGFR.

Serum creatinine is in mg/dL (a ``Q`` in umol/L is converted: 1 mg/dL = 88.4 umol/L),
age in years (a ``Q`` in months etc. is converted), weight in kg, height in cm.
"""

from __future__ import annotations

from typing import Literal

from healthgym.clinical.errors import CalculatorInputError
from healthgym.clinical.scores import _validation as v
from healthgym.clinical.scores.result import ScoreResult
from healthgym.clinical.units import Q

from .body import _fmt, _height, _ibw, _read, _weight

__all__ = ["ckd_epi_2021", "cockcroft_gault", "mdrd"]

CREATININE_MG_DL = (0.05, 40.0)

_COCKCROFT_1976 = (
    "Cockcroft DW, Gault MH. Prediction of creatinine clearance from serum creatinine. "
    "Nephron. 1976;16(1):31-41. Weight choice by BMI ('auto'): MDCalc / MedCalc-Bench "
    "convention (Khandekar N, et al. NeurIPS 2024 Datasets and Benchmarks), after Winter MA, "
    "Guhr KN, Berg GM. Pharmacotherapy. 2012;32(7):604-612."
)
_INKER_2021 = (
    "Inker LA, Eneanya ND, Coresh J, et al. New creatinine- and cystatin C-based equations "
    "to estimate GFR without race. N Engl J Med. 2021;385(19):1737-1749."
)
_LEVEY_2006 = (
    "Levey AS, Coresh J, Greene T, et al. Using standardized serum creatinine values in the "
    "modification of diet in renal disease study equation for estimating glomerular "
    "filtration rate. Ann Intern Med. 2006;145(4):247-254."
)
_KDIGO = "GFR categories: KDIGO 2012 CKD guideline (Kidney Int Suppl. 2013;3:1-150)."


def _age(x: float | Q, steps: list[str], lo: float = 0.0) -> float:
    age = _read("age", x, "age", "yr", lo=lo, hi=v.AGE[1], steps=steps)
    return age


def _creatinine(x: float | Q, steps: list[str]) -> float:
    lo, hi = CREATININE_MG_DL
    return _read("creatinine", x, "creatinine", "mg/dL", lo=lo, hi=hi, steps=steps)


def _gfr_category(value: float) -> str:
    """KDIGO GFR category for a value in mL/min(/1.73 m^2)."""
    if value >= 90:
        return "G1, normal or high (>=90)"
    if value >= 60:
        return "G2, mildly decreased (60-89)"
    if value >= 45:
        return "G3a, mildly to moderately decreased (45-59)"
    if value >= 30:
        return "G3b, moderately to severely decreased (30-44)"
    if value >= 15:
        return "G4, severely decreased (15-29)"
    return "G5, kidney failure range (<15)"


WeightType = Literal["auto", "actual", "ideal", "adjusted"]


def cockcroft_gault(
    *,
    age: float | Q,
    sex: Literal["male", "female"],
    weight: float | Q,
    creatinine: float | Q,
    height: float | Q | None = None,
    weight_type: WeightType = "auto",
) -> ScoreResult:
    """Creatinine clearance by the Cockcroft-Gault equation, mL/min.

    Formula (Cockcroft DW, Gault MH. Nephron 1976;16:31-41):
    CrCl = (140 - age) x weight (kg) / (72 x serum creatinine (mg/dL)), x 0.85 if female.

    ``weight_type`` chooses the weight:

    * ``'actual'``: the measured weight (height not needed).
    * ``'ideal'``: Devine ideal body weight (needs height).
    * ``'adjusted'``: IBW + 0.4 x (actual - IBW) (needs height).
    * ``'auto'`` (default), the MDCalc convention that MedCalc-Bench follows (after Winter
      MA et al. Pharmacotherapy 2012;32:604-612), by BMI = weight / height^2:
      BMI < 18.5 -> actual weight; 18.5 <= BMI <= 24.9 -> the lesser of ideal and actual
      weight; BMI > 24.9 (overweight/obese) -> adjusted body weight. Needs height.

    Inputs: age in years; sex; weight in kg; serum creatinine in mg/dL (or umol/L as Q);
    height in cm. The creatinine is used as measured (no rounding up to 1 mg/dL).
    """
    sex = v.choice("sex", sex, ("male", "female"))
    weight_type = v.choice("weight_type", weight_type, ("auto", "actual", "ideal", "adjusted"))
    steps: list[str] = []
    years = _age(age, steps)
    w = _weight(weight, steps)
    scr = _creatinine(creatinine, steps)
    if weight_type == "actual":
        used, label = w, "actual weight"
    else:
        if height is None:
            raise CalculatorInputError(f"height is required for weight_type={weight_type!r}")
        h = _height(height, steps)
        bmi = w / (h / 100) ** 2
        steps.append(f"BMI = {_fmt(w)} kg / ({_fmt(h / 100)} m)^2 = {_fmt(bmi)} kg/m^2")
        ibw = _ibw(sex, h, steps)
        abw = ibw + 0.4 * (w - ibw)
        if weight_type == "ideal":
            used, label = ibw, "ideal body weight"
        elif weight_type == "adjusted" or bmi > 24.9:
            steps.append(f"adjusted weight = {_fmt(ibw)} + 0.4 x ({_fmt(w)} - {_fmt(ibw)})")
            used, label = abw, "adjusted body weight"
            if weight_type == "auto":
                label += " (BMI > 24.9, overweight/obese)"
        elif bmi < 18.5:
            used, label = w, "actual weight (BMI < 18.5, underweight)"
        else:
            used = min(ibw, w)
            label = "lesser of ideal and actual weight (BMI 18.5-24.9)"
    steps.append(f"weight used: {label} = {_fmt(used)} kg")
    coefficient = 0.85 if sex == "female" else 1.0
    value = (140 - years) * used * coefficient / (72 * scr)
    steps.append(
        f"CrCl = (140 - age) x weight x sex factor / (72 x creatinine) = (140 - {_fmt(years)}) "
        f"x {_fmt(used)} x {coefficient:g} / (72 x {_fmt(scr)}) = {_fmt(value)} mL/min"
    )
    return ScoreResult(
        name="Creatinine clearance (Cockcroft-Gault)",
        value=round(value, 6),
        components={
            "age_years": years,
            "weight_used_kg": used,
            "creatinine_mg_dL": scr,
            "sex_factor": coefficient,
        },
        interpretation=f"Creatinine clearance {_fmt(value)} mL/min: {_gfr_category(value)}",
        source=_COCKCROFT_1976 + " " + _KDIGO,
        unit="mL/min",
        steps=tuple(steps),
    )


def ckd_epi_2021(
    *, age: float | Q, sex: Literal["male", "female"], creatinine: float | Q
) -> ScoreResult:
    """eGFR by the race-free CKD-EPI 2021 creatinine equation, mL/min/1.73 m^2.

    Formula (Inker LA et al. N Engl J Med 2021;385:1737-1749):
    eGFR = 142 x min(Scr/k, 1)^a x max(Scr/k, 1)^-1.200 x 0.9938^age [x 1.012 if female],
    with Scr in mg/dL, k = 0.7 (female) / 0.9 (male), a = -0.241 (female) / -0.302 (male).
    The equation was developed in adults (>= 18 years); younger ages are computed but
    flagged. Interpretation: KDIGO 2012 GFR categories.
    """
    sex = v.choice("sex", sex, ("male", "female"))
    steps: list[str] = []
    years = _age(age, steps)
    scr = _creatinine(creatinine, steps)
    kappa, alpha, factor = (0.7, -0.241, 1.012) if sex == "female" else (0.9, -0.302, 1.0)
    ratio = scr / kappa
    value = 142 * min(ratio, 1) ** alpha * max(ratio, 1) ** -1.2 * 0.9938**years * factor
    steps.append(f"{sex}: k = {kappa:g}, a = {alpha:g}, sex factor = {factor:g}")
    steps.append(f"Scr/k = {_fmt(scr)} / {kappa:g} = {_fmt(ratio)}")
    steps.append(
        f"eGFR = 142 x min({_fmt(ratio)}, 1)^{alpha:g} x max({_fmt(ratio)}, 1)^-1.2 x "
        f"0.9938^{_fmt(years)} x {factor:g} = {_fmt(value)} mL/min/1.73 m^2"
    )
    note = "" if years >= 18 else " (equation validated in adults >= 18 years only)"
    return ScoreResult(
        name="eGFR (CKD-EPI 2021 creatinine)",
        value=round(value, 6),
        components={"age_years": years, "creatinine_mg_dL": scr, "sex_factor": factor},
        interpretation=f"eGFR {_fmt(value)} mL/min/1.73 m^2: {_gfr_category(value)}{note}",
        source=_INKER_2021 + " " + _KDIGO,
        unit="mL/min/1.73 m^2",
        steps=tuple(steps),
    )


def mdrd(
    *,
    age: float | Q,
    sex: Literal["male", "female"],
    creatinine: float | Q,
    black: bool = False,
) -> ScoreResult:
    """eGFR by the 4-variable MDRD Study equation (IDMS-traceable), mL/min/1.73 m^2.

    Formula (Levey AS et al. Ann Intern Med 2006;145:247-254):
    eGFR = 175 x Scr^-1.154 x age^-0.203 [x 0.742 if female] [x 1.212 if black],
    with Scr in mg/dL (IDMS-standardised) and age in years (> 0). ``black`` defaults to
    False (the race coefficient is applied only when stated). Interpretation: KDIGO 2012.
    """
    sex = v.choice("sex", sex, ("male", "female"))
    black = v.flag("black", black)
    steps: list[str] = []
    years = _age(age, steps)
    if years <= 0:
        raise CalculatorInputError("age must be greater than 0 for the MDRD equation")
    scr = _creatinine(creatinine, steps)
    sex_factor = 0.742 if sex == "female" else 1.0
    race_factor = 1.212 if black else 1.0
    value = 175 * scr**-1.154 * years**-0.203 * sex_factor * race_factor
    steps.append(f"sex factor = {sex_factor:g} ({sex}); race factor = {race_factor:g}")
    steps.append(
        f"eGFR = 175 x {_fmt(scr)}^-1.154 x {_fmt(years)}^-0.203 x {sex_factor:g} x "
        f"{race_factor:g} = {_fmt(value)} mL/min/1.73 m^2"
    )
    note = "" if years >= 18 else " (equation validated in adults only)"
    return ScoreResult(
        name="eGFR (MDRD, 4-variable)",
        value=round(value, 6),
        components={
            "age_years": years,
            "creatinine_mg_dL": scr,
            "sex_factor": sex_factor,
            "race_factor": race_factor,
        },
        interpretation=f"eGFR {_fmt(value)} mL/min/1.73 m^2: {_gfr_category(value)}{note}",
        source=_LEVEY_2006 + " " + _KDIGO,
        unit="mL/min/1.73 m^2",
        steps=tuple(steps),
    )
