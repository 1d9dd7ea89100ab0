"""Metabolic formulas: Friedewald LDL cholesterol and HOMA-IR.

Lipids are in mg/dL (a ``Q`` in mmol/L is converted: cholesterol x 38.67,
triglycerides x 88.57); glucose in mg/dL (mmol/L x 18.016); insulin in uIU/mL
(pmol/L / 6.0).
"""

from __future__ import annotations

from healthgym.clinical.scores.result import ScoreResult
from healthgym.clinical.units import Q

from .body import _fmt, _read

__all__ = ["homa_ir", "ldl_friedewald"]

_FRIEDEWALD_1972 = (
    "Friedewald WT, Levy RI, Fredrickson DS. Estimation of the concentration of low-density "
    "lipoprotein cholesterol in plasma, without use of the preparative ultracentrifuge. Clin "
    "Chem. 1972;18(6):499-502. Categories: NCEP ATP III, JAMA. 2001;285(19):2486-2497."
)
_MATTHEWS_1985 = (
    "Matthews DR, Hosker JP, Rudenski AS, Naylor BA, Treacher DF, Turner RC. Homeostasis "
    "model assessment: insulin resistance and beta-cell function from fasting plasma glucose "
    "and insulin concentrations in man. Diabetologia. 1985;28(7):412-419."
)


def _ldl_band(value: float) -> str:
    if value < 100:
        return "optimal (<100)"
    if value < 130:
        return "near optimal (100-129)"
    if value < 160:
        return "borderline high (130-159)"
    if value < 190:
        return "high (160-189)"
    return "very high (>=190)"


def ldl_friedewald(
    *,
    total_cholesterol: float | Q,
    hdl_cholesterol: float | Q,
    triglycerides: float | Q,
) -> ScoreResult:
    """LDL cholesterol by the Friedewald equation, mg/dL.

    Formula: LDL = total cholesterol - HDL cholesterol - triglycerides / 5 (all mg/dL;
    TG/5 estimates VLDL cholesterol). Source: Friedewald WT et al. Clin Chem
    1972;18:499-502. The estimate is not valid when triglycerides exceed 400 mg/dL (the
    value is still computed, with a warning). Categories: NCEP ATP III (JAMA 2001).
    """
    steps: list[str] = []
    tc = _read(
        "total cholesterol",
        total_cholesterol,
        "cholesterol",
        "mg/dL",
        lo=10.0,
        hi=2000.0,
        steps=steps,
    )
    hdl = _read(
        "HDL cholesterol", hdl_cholesterol, "cholesterol", "mg/dL", lo=1.0, hi=500.0, steps=steps
    )
    tg = _read(
        "triglycerides", triglycerides, "triglycerides", "mg/dL", lo=0.0, hi=20000.0, steps=steps
    )
    value = tc - hdl - tg / 5
    steps.append(
        f"LDL = total cholesterol - HDL - TG / 5 = {_fmt(tc)} - {_fmt(hdl)} - {_fmt(tg)} / 5 "
        f"= {_fmt(value)} mg/dL"
    )
    text = f"LDL cholesterol {_fmt(value)} mg/dL: {_ldl_band(value)}"
    if tg > 400:
        text += "; triglycerides > 400 mg/dL make the Friedewald estimate unreliable"
    return ScoreResult(
        name="LDL cholesterol (Friedewald)",
        value=round(value, 6),
        components={"total_cholesterol": tc, "hdl_cholesterol": hdl, "triglycerides": tg},
        interpretation=text,
        source=_FRIEDEWALD_1972,
        unit="mg/dL",
        steps=tuple(steps),
    )


def homa_ir(*, glucose: float | Q, insulin: float | Q) -> ScoreResult:
    """HOMA-IR (homeostatic model assessment of insulin resistance).

    Formula: HOMA-IR = fasting insulin (uIU/mL) x fasting glucose (mg/dL) / 405
    (= insulin x glucose (mmol/L) / 22.5). Source: Matthews DR et al. Diabetologia
    1985;28:412-419. Values above about 2.5 are commonly taken to suggest insulin
    resistance; cut-offs vary by population. Inputs: glucose in mg/dL (or Q in mmol/L);
    insulin in uIU/mL (or Q in pmol/L).
    """
    steps: list[str] = []
    glu = _read("glucose", glucose, "glucose", "mg/dL", lo=1.0, hi=5000.0, steps=steps)
    ins = _read("insulin", insulin, "insulin", "uIU/mL", lo=0.0, hi=5000.0, steps=steps)
    value = ins * glu / 405
    steps.append(
        f"HOMA-IR = insulin x glucose / 405 = {_fmt(ins)} x {_fmt(glu)} / 405 = {_fmt(value)}"
    )
    band = "suggests insulin resistance (> 2.5)" if value > 2.5 else "not elevated (<= 2.5)"
    return ScoreResult(
        name="HOMA-IR",
        value=round(value, 6),
        components={"glucose_mg_dL": glu, "insulin_uIU_mL": ins},
        interpretation=f"HOMA-IR {_fmt(value)}: {band}",
        source=_MATTHEWS_1985,
        unit="",
        steps=tuple(steps),
    )
