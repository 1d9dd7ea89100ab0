"""Renal function and body-size calculator tools (Cockcroft-Gault, CKD-EPI, MDRD; BMI,
BSA, ideal/adjusted/target weight, maintenance fluids)."""

from __future__ import annotations

from typing import Any, Literal

from ...clinical.calculators import body, renal
from ...clinical.units import Q
from ..registry import tool
from ._common import Sex, run


@tool(kind="compute")
def calc_renal_function(
    state: Any,
    equation: Literal["cockcroft_gault", "ckd_epi_2021", "mdrd"],
    age: float,
    sex: Sex,
    creatinine: float,
    creatinine_unit: Literal["mg/dL", "umol/L"] = "mg/dL",
    weight_kg: float | None = None,
    height_cm: float | None = None,
    weight_type: Literal["auto", "actual", "ideal", "adjusted"] = "auto",
) -> str:
    """Estimate renal function: creatinine clearance (Cockcroft-Gault) or eGFR (CKD-EPI 2021, MDRD).

    Args:
        equation: which equation to use.
        age: age in years.
        sex: male or female.
        creatinine: serum creatinine.
        creatinine_unit: unit of the creatinine value.
        weight_kg: body weight (Cockcroft-Gault only).
        height_cm: height (Cockcroft-Gault ideal/adjusted weight).
        weight_type: which weight Cockcroft-Gault uses ('auto' chooses by BMI).
    """
    cr = Q(creatinine, creatinine_unit)
    if equation == "cockcroft_gault":
        return run(
            renal.cockcroft_gault,
            {"weight_kg": weight_kg},
            age=age,
            sex=sex,
            weight=weight_kg,
            creatinine=cr,
            height=height_cm,
            weight_type=weight_type,
        )
    fn = renal.ckd_epi_2021 if equation == "ckd_epi_2021" else renal.mdrd
    return run(fn, {}, age=age, sex=sex, creatinine=cr)


@tool(kind="compute")
def calc_body_size(
    state: Any,
    measure: Literal[
        "bmi",
        "bsa",
        "ideal_body_weight",
        "adjusted_body_weight",
        "target_weight",
        "maintenance_fluids",
    ],
    weight_kg: float | None = None,
    height_cm: float | None = None,
    sex: Sex | None = None,
    target_bmi: float | None = None,
) -> str:
    """Body-size measures: BMI, body surface area, ideal/adjusted/target weight, maintenance fluids.

    Args:
        measure: which measure to compute.
        weight_kg: body weight in kg.
        height_cm: height in cm.
        sex: male or female (ideal and adjusted body weight).
        target_bmi: the target BMI (target weight).
    """
    w, h = weight_kg, height_cm
    if measure == "bmi":
        return run(body.bmi, {"weight_kg": w, "height_cm": h}, weight=w, height=h)
    if measure == "bsa":
        return run(body.bsa, {"weight_kg": w, "height_cm": h}, weight=w, height=h)
    if measure == "ideal_body_weight":
        return run(body.ideal_body_weight, {"sex": sex, "height_cm": h}, sex=sex, height=h)
    if measure == "adjusted_body_weight":
        return run(
            body.adjusted_body_weight,
            {"sex": sex, "height_cm": h, "weight_kg": w},
            sex=sex,
            height=h,
            weight=w,
        )
    if measure == "target_weight":
        return run(
            body.target_weight,
            {"target_bmi": target_bmi, "height_cm": h},
            target_bmi=target_bmi,
            height=h,
        )
    return run(body.maintenance_fluids, {"weight_kg": w}, weight=w)
