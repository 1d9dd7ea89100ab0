"""Pulmonary embolism severity: PESI and simplified PESI."""

from __future__ import annotations

import math
from typing import Literal

from healthgym.clinical.scores import _validation as v
from healthgym.clinical.scores.result import ScoreResult

__all__ = ["pesi", "spesi"]

_AUJESKY_2005 = (
    "Aujesky D, Obrosky DS, Stone RA, et al. Derivation and validation of a prognostic "
    "model for pulmonary embolism. Am J Respir Crit Care Med. 2005;172(8):1041-1046."
)
_JIMENEZ_2010 = (
    "Jimenez D, Aujesky D, Moores L, et al. Simplification of the pulmonary embolism "
    "severity index for prognostication in patients with acute symptomatic pulmonary "
    "embolism. Arch Intern Med. 2010;170(15):1383-1389."
)

# (upper limit inclusive, class, 30-day mortality range across the PESI cohorts)
_PESI_CLASSES = (
    (65.0, "I", "very low risk (30-day mortality 0-1.6%)"),
    (85.0, "II", "low risk (30-day mortality 1.7-3.5%)"),
    (105.0, "III", "intermediate risk (30-day mortality 3.2-7.1%)"),
    (125.0, "IV", "high risk (30-day mortality 4.0-11.4%)"),
    (math.inf, "V", "very high risk (30-day mortality 10.0-24.5%)"),
)


def pesi(
    *,
    age: float,
    sex: Literal["male", "female"],
    cancer: bool,
    heart_failure: bool,
    chronic_lung_disease: bool,
    heart_rate: float,
    sbp: float,
    respiratory_rate: float,
    temperature_c: float,
    altered_mental_status: bool,
    spo2: float,
) -> ScoreResult:
    """Pulmonary Embolism Severity Index (PESI).

    Source: Aujesky D, Obrosky DS, Stone RA, et al. Am J Respir Crit Care Med
    2005;172:1041-1046.

    Points:

    * Age: 1 per completed year of age.
    * Male sex: 10.
    * Cancer (active or history of): 30.
    * Heart failure: 10.
    * Chronic lung disease: 10.
    * Pulse >= 110 /min: 20.
    * Systolic BP < 100 mmHg: 30.
    * Respiratory rate >= 30 /min: 20.
    * Temperature < 36 C: 20.
    * Altered mental status (disorientation, lethargy, stupor or coma): 60.
    * Arterial oxyhaemoglobin saturation < 90% (with or without oxygen): 20.

    Interpretation (risk classes; 30-day mortality ranges from the derivation and
    validation samples):

    * Class I <= 65: very low risk (0-1.6%).
    * Class II 66-85: low risk (1.7-3.5%).
    * Class III 86-105: intermediate risk (3.2-7.1%).
    * Class IV 106-125: high risk (4.0-11.4%).
    * Class V > 125: very high risk (10.0-24.5%).

    Classes I-II are low risk, candidates for early discharge or outpatient treatment.
    """
    age = v.number("age", age, lo=18.0, hi=v.AGE[1])
    sex = v.choice("sex", sex, ("male", "female"))
    hr = v.number("heart_rate", heart_rate, lo=v.HEART_RATE[0], hi=v.HEART_RATE[1])
    sbp = v.number("sbp", sbp, lo=v.SBP[0], hi=v.SBP[1])
    rr = v.number(
        "respiratory_rate", respiratory_rate, lo=v.RESPIRATORY_RATE[0], hi=v.RESPIRATORY_RATE[1]
    )
    temp = v.number("temperature_c", temperature_c, lo=v.TEMPERATURE_C[0], hi=v.TEMPERATURE_C[1])
    sat = v.number("spo2", spo2, lo=v.SPO2[0], hi=v.SPO2[1])
    components = {
        "age": float(math.floor(age)),
        "male_sex": 10.0 if sex == "male" else 0.0,
        "cancer": 30.0 if v.flag("cancer", cancer) else 0.0,
        "heart_failure": 10.0 if v.flag("heart_failure", heart_failure) else 0.0,
        "chronic_lung_disease": 10.0
        if v.flag("chronic_lung_disease", chronic_lung_disease)
        else 0.0,
        "heart_rate": 20.0 if hr >= 110 else 0.0,
        "sbp": 30.0 if sbp < 100 else 0.0,
        "respiratory_rate": 20.0 if rr >= 30 else 0.0,
        "temperature": 20.0 if temp < 36 else 0.0,
        "altered_mental_status": 60.0
        if v.flag("altered_mental_status", altered_mental_status)
        else 0.0,
        "spo2": 20.0 if sat < 90 else 0.0,
    }
    total = sum(components.values())
    cls, band = next((c, b) for limit, c, b in _PESI_CLASSES if total <= limit)
    advice = (
        "consider outpatient treatment or early discharge"
        if cls in ("I", "II")
        else "hospital treatment"
    )
    return ScoreResult(
        name="PESI",
        value=total,
        components=components,
        interpretation=f"PESI {total:g}, class {cls}: {band}; {advice}",
        source=_AUJESKY_2005,
    )


def spesi(
    *,
    age: float,
    cancer: bool,
    chronic_cardiopulmonary_disease: bool,
    heart_rate: float,
    sbp: float,
    spo2: float,
) -> ScoreResult:
    """Simplified Pulmonary Embolism Severity Index (sPESI).

    Source: Jimenez D, Aujesky D, Moores L, et al. Arch Intern Med 2010;170:1383-1389.

    One point each:

    * Age > 80 years (completed years).
    * Cancer.
    * Chronic cardiopulmonary disease (heart failure or chronic lung disease).
    * Pulse >= 110 /min.
    * Systolic BP < 100 mmHg.
    * Arterial oxyhaemoglobin saturation < 90%.

    Interpretation (derivation cohort, 30-day all-cause mortality):

    * 0: low risk (1.0%); candidate for outpatient treatment or early discharge.
    * >= 1: high risk (10.9%); hospital treatment.
    """
    age = v.number("age", age, lo=18.0, hi=v.AGE[1])
    hr = v.number("heart_rate", heart_rate, lo=v.HEART_RATE[0], hi=v.HEART_RATE[1])
    sbp = v.number("sbp", sbp, lo=v.SBP[0], hi=v.SBP[1])
    sat = v.number("spo2", spo2, lo=v.SPO2[0], hi=v.SPO2[1])
    components = {
        "age": float(math.floor(age) > 80),
        "cancer": float(v.flag("cancer", cancer)),
        "chronic_cardiopulmonary_disease": float(
            v.flag("chronic_cardiopulmonary_disease", chronic_cardiopulmonary_disease)
        ),
        "heart_rate": float(hr >= 110),
        "sbp": float(sbp < 100),
        "spo2": float(sat < 90),
    }
    total = sum(components.values())
    if total == 0:
        band = "low risk (30-day mortality 1.0%); consider outpatient treatment or early discharge"
    else:
        band = "high risk (30-day mortality 10.9%); hospital treatment"
    return ScoreResult(
        name="sPESI",
        value=total,
        components=components,
        interpretation=f"sPESI {total:g}: {band}",
        source=_JIMENEZ_2010,
    )
