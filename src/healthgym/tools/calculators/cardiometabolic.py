"""Lipid, cardiovascular-risk and liver calculator tools (Friedewald LDL, HOMA-IR,
Framingham hard CHD risk, FIB-4)."""

from __future__ import annotations

from typing import Any, Literal

from ...clinical.calculators import cardiovascular_risk, hepatic, metabolic
from ..registry import tool
from ._common import Sex, run


@tool(kind="compute")
def calc_lipids_metabolic(
    state: Any,
    measure: Literal["ldl_friedewald", "homa_ir"],
    total_cholesterol_mg_dl: float | None = None,
    hdl_mg_dl: float | None = None,
    triglycerides_mg_dl: float | None = None,
    glucose_mg_dl: float | None = None,
    insulin_uiu_ml: float | None = None,
) -> str:
    """Calculated LDL cholesterol (Friedewald) or insulin resistance (HOMA-IR).

    Args:
        measure: which measure to compute.
        total_cholesterol_mg_dl: total cholesterol (mg/dL).
        hdl_mg_dl: HDL cholesterol (mg/dL).
        triglycerides_mg_dl: triglycerides (mg/dL).
        glucose_mg_dl: fasting glucose (mg/dL).
        insulin_uiu_ml: fasting insulin (uIU/mL).
    """
    if measure == "ldl_friedewald":
        needs = {
            "total_cholesterol_mg_dl": total_cholesterol_mg_dl,
            "hdl_mg_dl": hdl_mg_dl,
            "triglycerides_mg_dl": triglycerides_mg_dl,
        }
        return run(
            metabolic.ldl_friedewald,
            needs,
            total_cholesterol=total_cholesterol_mg_dl,
            hdl_cholesterol=hdl_mg_dl,
            triglycerides=triglycerides_mg_dl,
        )
    return run(
        metabolic.homa_ir,
        {"glucose_mg_dl": glucose_mg_dl, "insulin_uiu_ml": insulin_uiu_ml},
        glucose=glucose_mg_dl,
        insulin=insulin_uiu_ml,
    )


@tool(kind="compute")
def calc_cardiovascular_risk(
    state: Any,
    sex: Sex,
    age: float,
    total_cholesterol_mg_dl: float,
    hdl_mg_dl: float,
    sbp: float,
    smoker: bool,
    bp_treated: bool,
) -> str:
    """10-year risk of hard coronary heart disease (Framingham / ATP III).

    Args:
        sex: male or female.
        age: age in years.
        total_cholesterol_mg_dl: total cholesterol (mg/dL).
        hdl_mg_dl: HDL cholesterol (mg/dL).
        sbp: systolic blood pressure (mmHg).
        smoker: current smoker.
        bp_treated: on blood-pressure treatment.
    """
    return run(
        cardiovascular_risk.framingham_hard_chd,
        {},
        sex=sex,
        age=age,
        total_cholesterol=total_cholesterol_mg_dl,
        hdl_cholesterol=hdl_mg_dl,
        sbp=sbp,
        smoker=smoker,
        bp_treated=bp_treated,
    )


@tool(kind="compute")
def calc_liver_fibrosis(
    state: Any, age: float, ast: float, alt: float, platelets_10e9_l: float
) -> str:
    """FIB-4 index of liver fibrosis.

    Args:
        age: age in years.
        ast: aspartate aminotransferase (U/L).
        alt: alanine aminotransferase (U/L).
        platelets_10e9_l: platelet count (x10^9/L).
    """
    return run(hepatic.fib4, {}, age=age, ast=ast, alt=alt, platelets=platelets_10e9_l)
