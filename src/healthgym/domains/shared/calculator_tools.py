"""Calculator tools shared by the domains: one tool per calculator family.

Each tool takes the inputs explicitly (the agent reads them from the record or
the question), converts units, calls the cited calculator in
:mod:`healthgym.clinical` and returns the value, its interpretation and the
step-by-step working.  Missing or invalid inputs come back as a tool error
naming the problem.  The tools do not read the episode state: they are ``compute``
tools over the values the agent passes as arguments (see
:mod:`healthgym.tools.registry`), so they need no elicitation gate.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Literal

from ...clinical.calculators import (
    body,
    cardiovascular_risk,
    electrolytes,
    hepatic,
    medications,
    metabolic,
    obstetric_dates,
    qtc,
    renal,
)
from ...clinical.errors import CalculatorInputError
from ...clinical.scores import anion_gap
from ...clinical.scores.result import ScoreResult
from ...clinical.units import Q
from ...tools import Tool, ToolError, tool

Sex = Literal["male", "female"]


def _run(fn: Callable[..., ScoreResult], needs: dict[str, Any], **fixed: Any) -> str:
    missing = [k for k, v in needs.items() if v is None]
    if missing:
        raise ToolError(f"{fn.__name__} needs {', '.join(missing)}")
    try:
        result = fn(**fixed)
    except CalculatorInputError as e:
        raise ToolError(str(e)) from None
    steps = "; ".join(result.explanation())
    return f"{result.as_text()}\nWorking: {steps}"


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
        return _run(
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
    return _run(fn, {}, age=age, sex=sex, creatinine=cr)


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
        return _run(body.bmi, {"weight_kg": w, "height_cm": h}, weight=w, height=h)
    if measure == "bsa":
        return _run(body.bsa, {"weight_kg": w, "height_cm": h}, weight=w, height=h)
    if measure == "ideal_body_weight":
        return _run(body.ideal_body_weight, {"sex": sex, "height_cm": h}, sex=sex, height=h)
    if measure == "adjusted_body_weight":
        return _run(
            body.adjusted_body_weight,
            {"sex": sex, "height_cm": h, "weight_kg": w},
            sex=sex,
            height=h,
            weight=w,
        )
    if measure == "target_weight":
        return _run(
            body.target_weight,
            {"target_bmi": target_bmi, "height_cm": h},
            target_bmi=target_bmi,
            height=h,
        )
    return _run(body.maintenance_fluids, {"weight_kg": w}, weight=w)


_GAPS: dict[str, Callable[..., ScoreResult]] = {
    "anion_gap": anion_gap,
    "delta_gap": electrolytes.delta_gap,
    "delta_ratio": electrolytes.delta_ratio,
    "albumin_corrected_anion_gap": electrolytes.albumin_corrected_anion_gap,
    "albumin_corrected_delta_gap": electrolytes.albumin_corrected_delta_gap,
    "albumin_corrected_delta_ratio": electrolytes.albumin_corrected_delta_ratio,
}


@tool(kind="compute")
def calc_acid_base(
    state: Any,
    measure: Literal[
        "anion_gap",
        "delta_gap",
        "delta_ratio",
        "albumin_corrected_anion_gap",
        "albumin_corrected_delta_gap",
        "albumin_corrected_delta_ratio",
    ],
    sodium: float,
    chloride: float,
    bicarbonate: float,
    albumin_g_dl: float | None = None,
) -> str:
    """Anion gap, delta gap and delta ratio, optionally corrected for albumin (mmol/L inputs).

    Args:
        measure: which measure to compute.
        sodium: serum sodium (mmol/L).
        chloride: serum chloride (mmol/L).
        bicarbonate: serum bicarbonate (mmol/L).
        albumin_g_dl: serum albumin in g/dL (albumin-corrected measures).
    """
    fn = _GAPS[measure]
    ions = {"sodium": sodium, "chloride": chloride, "bicarbonate": bicarbonate}
    if measure.startswith("albumin"):
        return _run(fn, {"albumin_g_dl": albumin_g_dl}, **ions, albumin=albumin_g_dl)
    return _run(fn, {}, **ions)


@tool(kind="compute")
def calc_electrolytes(
    state: Any,
    measure: Literal[
        "serum_osmolality",
        "sodium_correction_hyperglycemia",
        "calcium_correction",
        "free_water_deficit",
        "fena",
    ],
    sodium: float | None = None,
    glucose_mg_dl: float | None = None,
    bun_mg_dl: float | None = None,
    calcium_mg_dl: float | None = None,
    albumin_g_dl: float | None = None,
    weight_kg: float | None = None,
    age: float | None = None,
    sex: Sex | None = None,
    creatinine_mg_dl: float | None = None,
    urine_sodium: float | None = None,
    urine_creatinine_mg_dl: float | None = None,
) -> str:
    """Osmolality, corrected sodium and calcium, free water deficit and FENa.

    Args:
        measure: which measure to compute.
        sodium: serum sodium (mmol/L).
        glucose_mg_dl: serum glucose (mg/dL).
        bun_mg_dl: blood urea nitrogen (mg/dL).
        calcium_mg_dl: total serum calcium (mg/dL).
        albumin_g_dl: serum albumin (g/dL).
        weight_kg: body weight (kg).
        age: age in years.
        sex: male or female.
        creatinine_mg_dl: serum creatinine (mg/dL).
        urine_sodium: urine sodium (mmol/L).
        urine_creatinine_mg_dl: urine creatinine (mg/dL).
    """
    if measure == "serum_osmolality":
        return _run(
            electrolytes.serum_osmolality,
            {"sodium": sodium, "glucose_mg_dl": glucose_mg_dl, "bun_mg_dl": bun_mg_dl},
            sodium=sodium,
            glucose=glucose_mg_dl,
            bun=bun_mg_dl,
        )
    if measure == "sodium_correction_hyperglycemia":
        return _run(
            electrolytes.sodium_correction_hyperglycemia,
            {"sodium": sodium, "glucose_mg_dl": glucose_mg_dl},
            sodium=sodium,
            glucose=glucose_mg_dl,
        )
    if measure == "calcium_correction":
        return _run(
            electrolytes.calcium_correction,
            {"calcium_mg_dl": calcium_mg_dl, "albumin_g_dl": albumin_g_dl},
            calcium=calcium_mg_dl,
            albumin=albumin_g_dl,
        )
    if measure == "free_water_deficit":
        return _run(
            electrolytes.free_water_deficit,
            {"sodium": sodium, "weight_kg": weight_kg, "age": age, "sex": sex},
            sodium=sodium,
            weight=weight_kg,
            age=age,
            sex=sex,
        )
    return _run(
        electrolytes.fena,
        {
            "sodium": sodium,
            "creatinine_mg_dl": creatinine_mg_dl,
            "urine_sodium": urine_sodium,
            "urine_creatinine_mg_dl": urine_creatinine_mg_dl,
        },
        sodium=sodium,
        creatinine=creatinine_mg_dl,
        urine_sodium=urine_sodium,
        urine_creatinine=urine_creatinine_mg_dl,
    )


_QTC: dict[str, Callable[..., ScoreResult]] = {
    "bazett": qtc.qtc_bazett,
    "fridericia": qtc.qtc_fridericia,
    "framingham": qtc.qtc_framingham,
    "hodges": qtc.qtc_hodges,
    "rautaharju": qtc.qtc_rautaharju,
}


@tool(kind="compute")
def calc_qtc(
    state: Any,
    formula: Literal["bazett", "fridericia", "framingham", "hodges", "rautaharju"],
    heart_rate: float,
    qt_ms: float,
    sex: Sex | None = None,
) -> str:
    """Heart-rate-corrected QT interval by the chosen formula, with its risk band.

    Args:
        formula: the correction formula.
        heart_rate: heart rate (beats/min).
        qt_ms: measured QT interval (ms).
        sex: male or female (sex-specific prolongation thresholds).
    """
    return _run(_QTC[formula], {}, heart_rate=heart_rate, qt=qt_ms, sex=sex)


@tool(kind="compute")
def calc_pregnancy_dates(
    state: Any,
    measure: Literal["due_date", "conception_date", "gestational_age"],
    lmp: str,
    cycle_length: int = 28,
    current_date: str | None = None,
) -> str:
    """Pregnancy dating from the last menstrual period: due date, conception date, gestational age.

    Args:
        measure: which date or age to compute.
        lmp: first day of the last menstrual period (YYYY-MM-DD or MM/DD/YYYY).
        cycle_length: usual cycle length in days (due and conception dates).
        current_date: today's date (gestational age).
    """
    if measure == "gestational_age":
        return _run(
            obstetric_dates.gestational_age,
            {"current_date": current_date},
            lmp=lmp,
            current_date=current_date,
        )
    fn = obstetric_dates.due_date if measure == "due_date" else obstetric_dates.conception_date
    return _run(fn, {}, lmp=lmp, cycle_length=cycle_length)


@tool(kind="compute")
def calc_opioid_mme(
    state: Any, drugs: list[str], doses: list[float], doses_per_day: list[float]
) -> str:
    """Total daily morphine milligram equivalents (CDC 2022 factors) of an opioid regimen.

    Args:
        drugs: opioid names (e.g. oxycodone, fentanyl patch), one per regimen line.
        doses: dose per administration in the drug's unit (mg; mcg for buccal fentanyl;
            mcg/h for the fentanyl patch), aligned with drugs.
        doses_per_day: administrations per day, aligned with drugs.
    """
    if not (len(drugs) == len(doses) == len(doses_per_day)) or not drugs:
        raise ToolError("drugs, doses and doses_per_day must be non-empty lists of equal length")
    lines = list(zip(drugs, doses, doses_per_day, strict=True))
    return _run(medications.morphine_milligram_equivalents, {}, doses=lines)


@tool(kind="compute")
def calc_steroid_conversion(state: Any, dose_mg: float, from_steroid: str, to_steroid: str) -> str:
    """Equivalent dose of another corticosteroid (glucocorticoid potency equivalence).

    Args:
        dose_mg: dose of the current steroid in mg.
        from_steroid: current steroid (e.g. prednisone, dexamethasone IV).
        to_steroid: steroid to convert to.
    """
    return _run(
        medications.steroid_conversion,
        {},
        dose=dose_mg,
        from_steroid=from_steroid,
        to_steroid=to_steroid,
    )


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
        return _run(
            metabolic.ldl_friedewald,
            needs,
            total_cholesterol=total_cholesterol_mg_dl,
            hdl_cholesterol=hdl_mg_dl,
            triglycerides=triglycerides_mg_dl,
        )
    return _run(
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
    return _run(
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
    return _run(hepatic.fib4, {}, age=age, ast=ast, alt=alt, platelets=platelets_10e9_l)


@tool(kind="compute")
def calc_mean_arterial_pressure(state: Any, sbp: float, dbp: float) -> str:
    """Mean arterial pressure from systolic and diastolic blood pressure (mmHg).

    Args:
        sbp: systolic blood pressure (mmHg).
        dbp: diastolic blood pressure (mmHg).
    """
    return _run(body.mean_arterial_pressure, {}, systolic=sbp, diastolic=dbp)


CALCULATOR_TOOLS: list[Tool] = [
    calc_renal_function,
    calc_body_size,
    calc_acid_base,
    calc_electrolytes,
    calc_qtc,
    calc_pregnancy_dates,
    calc_opioid_mme,
    calc_steroid_conversion,
    calc_lipids_metabolic,
    calc_cardiovascular_risk,
    calc_liver_fibrosis,
    calc_mean_arterial_pressure,
]
