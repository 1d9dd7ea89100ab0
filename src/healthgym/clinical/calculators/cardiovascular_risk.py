"""Framingham 10-year risk of hard coronary heart disease (ATP III, 2001)."""

from __future__ import annotations

import math
from typing import Literal

from healthgym.clinical.scores import _validation as v
from healthgym.clinical.scores.result import ScoreResult
from healthgym.clinical.units import Q, value_in

__all__ = ["framingham_hard_chd"]

_ATP_III = (
    "Expert Panel on Detection, Evaluation, and Treatment of High Blood Cholesterol in "
    "Adults. Executive Summary of the Third Report of the National Cholesterol Education "
    "Program (NCEP) Adult Treatment Panel III. JAMA. 2001;285(19):2486-2497; full report "
    "Circulation. 2002;106(25):3143-3421. Sex-specific Cox model for hard CHD (myocardial "
    "infarction or coronary death) from the Framingham Heart Study, in the continuous form "
    "used by the NCEP ATP III risk calculator and MDCalc."
)

# sex -> (coefficients, baseline 10-year survival S0, age cap in the smoking term)
_MODEL: dict[str, tuple[dict[str, float], float, float]] = {
    "male": (
        {
            "ln_age": 52.00961,
            "ln_tc": 20.014077,
            "ln_hdl": -0.905964,
            "ln_sbp": 1.305784,
            "bp_treated": 0.241549,
            "smoker": 12.096316,
            "ln_age_x_ln_tc": -4.605038,
            "ln_age_smoke_x_smoker": -2.84367,
            "ln_age_sq": -2.93323,
            "constant": -172.300168,
        },
        0.9402,
        70.0,
    ),
    "female": (
        {
            "ln_age": 31.764001,
            "ln_tc": 22.465206,
            "ln_hdl": -1.187731,
            "ln_sbp": 2.552905,
            "bp_treated": 0.420251,
            "smoker": 13.07543,
            "ln_age_x_ln_tc": -5.060998,
            "ln_age_smoke_x_smoker": -2.996945,
            "ln_age_sq": 0.0,
            "constant": -146.5933061,
        },
        0.98767,
        78.0,
    ),
}


def framingham_hard_chd(
    *,
    sex: Literal["male", "female"],
    age: float | Q,
    total_cholesterol: float | Q,
    hdl_cholesterol: float | Q,
    sbp: float | Q,
    smoker: bool,
    bp_treated: bool,
) -> ScoreResult:
    """Framingham 10-year risk (%) of hard CHD (myocardial infarction or coronary death).

    Source: NCEP ATP III (JAMA 2001;285:2486-2497; Circulation 2002;106:3143-3421),
    Framingham hard-CHD Cox model, continuous form (ln = natural log, cholesterol in
    mg/dL, SBP in mmHg, smoker and bp_treated 1/0):

    Men:   L = 52.00961 ln(age) + 20.014077 ln(TC) - 0.905964 ln(HDL)
           + 1.305784 ln(SBP) + 0.241549 treated + 12.096316 smoker
           - 4.605038 ln(age) ln(TC) - 2.84367 ln(min(age, 70)) smoker
           - 2.93323 ln(age)^2 - 172.300168;   risk = 1 - 0.9402^exp(L)
    Women: L = 31.764001 ln(age) + 22.465206 ln(TC) - 1.187731 ln(HDL)
           + 2.552905 ln(SBP) + 0.420251 treated + 13.07543 smoker
           - 5.060998 ln(age) ln(TC) - 2.996945 ln(min(age, 78)) smoker
           - 146.5933061;                      risk = 1 - 0.98767^exp(L)

    The value is the risk in %, rounded to 0.1.  ATP III risk categories: < 10% low,
    10-20% intermediate, > 20% high (CHD risk equivalent).  Intended for adults 20-79
    years without CHD or diabetes; ages 18-19 and 80-110 are computed but flagged.
    Cholesterol accepts Q in mmol/L (1 mmol/L = 38.67 mg/dL).
    """
    sex = v.choice("sex", sex, ("male", "female"))  # type: ignore[assignment]
    age_y = v.number("age (years)", value_in("age", age, "age", "yr"), lo=18, hi=110)
    tc = value_in("total_cholesterol", total_cholesterol, "cholesterol", "mg/dL")
    tc = v.number("total_cholesterol (mg/dL)", tc, lo=50, hi=1000)
    hdl = value_in("hdl_cholesterol", hdl_cholesterol, "cholesterol", "mg/dL")
    hdl = v.number("hdl_cholesterol (mg/dL)", hdl, lo=5, hi=300)
    sbp_mm = v.number("sbp (mmHg)", value_in("sbp", sbp, "pressure", "mmHg"), lo=50, hi=300)
    smoke = 1.0 if v.flag("smoker", smoker) else 0.0
    treated = 1.0 if v.flag("bp_treated", bp_treated) else 0.0

    beta, s0, cap = _MODEL[sex]
    ln_age = math.log(age_y)
    ln_tc = math.log(tc)
    terms = {
        "ln_age": beta["ln_age"] * ln_age,
        "ln_tc": beta["ln_tc"] * ln_tc,
        "ln_hdl": beta["ln_hdl"] * math.log(hdl),
        "ln_sbp": beta["ln_sbp"] * math.log(sbp_mm),
        "bp_treated": beta["bp_treated"] * treated,
        "smoker": beta["smoker"] * smoke,
        "ln_age_x_ln_tc": beta["ln_age_x_ln_tc"] * ln_age * ln_tc,
        "ln_age_smoke_x_smoker": beta["ln_age_smoke_x_smoker"] * math.log(min(age_y, cap)) * smoke,
        "ln_age_sq": beta["ln_age_sq"] * ln_age * ln_age,
        "constant": beta["constant"],
    }
    lp = math.fsum(terms.values())
    risk = (1.0 - s0 ** math.exp(lp)) * 100.0
    value = v.round_half_up(risk, 1)

    if value > 20:
        band = "high (> 20%, CHD risk equivalent)"
    elif value >= 10:
        band = "intermediate (10-20%)"
    else:
        band = "low (< 10%)"
    note = "" if 20 <= age_y <= 79 else "; age outside the 20-79 range the model was built for"
    steps = (
        f"{sex}: age {age_y:g} y, TC {tc:g} mg/dL, HDL {hdl:g} mg/dL, SBP {sbp_mm:g} mmHg, "
        f"smoker {smoke:g}, treated BP {treated:g}",
        *(f"{k.replace('_', ' ')}: {t:+.4f}" for k, t in terms.items() if t or k == "smoker"),
        f"L = {lp:.4f}",
        f"risk = 1 - {s0:g}^exp({lp:.4f}) = {risk:.3f}% -> {value:g}%",
    )
    return ScoreResult(
        name="Framingham hard CHD 10-year risk",
        value=value,
        components={"linear_predictor": lp, **{k: t for k, t in terms.items()}},
        interpretation=f"10-year hard CHD risk {value:g}%: {band}{note}",
        source=_ATP_III,
        unit="%",
        steps=steps,
    )
