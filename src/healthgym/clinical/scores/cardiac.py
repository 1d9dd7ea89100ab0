"""Cardiac risk scores (HEART, TIMI UA/NSTEMI, CHA2DS2-VASc)."""

from __future__ import annotations

from typing import Literal

from healthgym.clinical.scores import _validation as v
from healthgym.clinical.scores.result import ScoreResult

__all__ = ["cha2ds2_vasc", "heart_score", "timi_ua_nstemi"]

_SIX_2008 = (
    "Six AJ, Backus BE, Kelder JC. Chest pain in the emergency room: value of the HEART "
    "score. Neth Heart J. 2008;16(6):191-196."
)
_ANTMAN_2000 = (
    "Antman EM, Cohen M, Bernink PJ, et al. The TIMI risk score for unstable angina/non-ST "
    "elevation MI: a method for prognostication and therapeutic decision making. JAMA. "
    "2000;284(7):835-842."
)
_LIP_2010 = (
    "Lip GY, Nieuwlaat R, Pisters R, Lane DA, Crijns HJ. Refining clinical risk "
    "stratification for predicting stroke and thromboembolism in atrial fibrillation using "
    "a novel risk factor-based approach: the euro heart survey on atrial fibrillation. "
    "Chest. 2010;137(2):263-272. Stroke rates: Camm AJ et al. 2010 ESC Guidelines for the "
    "management of atrial fibrillation. Eur Heart J. 2010;31(19):2369-2429."
)

_HISTORY = {"slightly": 0.0, "moderately": 1.0, "highly": 2.0}
_ECG = {"normal": 0.0, "nonspecific_repolarization": 1.0, "significant_st_deviation": 2.0}


def heart_score(
    *,
    history: Literal["slightly", "moderately", "highly"],
    ecg: Literal["normal", "nonspecific_repolarization", "significant_st_deviation"],
    age: float,
    risk_factor_count: int,
    known_atherosclerotic_disease: bool,
    troponin_ratio: float,
) -> ScoreResult:
    """HEART score for major adverse cardiac events in emergency chest pain.

    Source: Six AJ, Backus BE, Kelder JC. Neth Heart J 2008;16:191-196.

    Criteria (0/1/2 points each):

    * History: slightly suspicious 0, moderately suspicious 1, highly suspicious 2.
    * ECG: normal 0, non-specific repolarization disturbance 1, significant ST deviation 2.
    * Age: < 45 years 0, 45-64 years 1, >= 65 years 2.
    * Risk factors (hypercholesterolemia, hypertension, diabetes, smoking, family history,
      obesity): none 0, 1-2 risk factors 1, >= 3 risk factors or known atherosclerotic
      disease 2.
    * Troponin, as ``troponin_ratio`` = troponin / upper limit of normal: <= 1 (normal) 0,
      > 1 and <= 3 (1-3x normal limit) 1, > 3 (> 3x normal limit) 2.

    Interpretation (MACE at 6 weeks in Six 2008):

    * 0-3: low risk (~2.5%); candidate for early discharge.
    * 4-6: intermediate risk (~20.3%); admit for clinical observation and further testing.
    * 7-10: high risk (~72.7%); early invasive strategy.
    """
    history = v.choice("history", history, _HISTORY)
    ecg = v.choice("ecg", ecg, _ECG)
    age = v.number("age", age, lo=v.AGE[0], hi=v.AGE[1])
    n_rf = v.integer("risk_factor_count", risk_factor_count, lo=0, hi=20)
    athero = v.flag("known_atherosclerotic_disease", known_atherosclerotic_disease)
    trop = v.number("troponin_ratio", troponin_ratio, lo=0.0, hi=1e6)

    if age < 45:
        age_points = 0.0
    elif age < 65:
        age_points = 1.0
    else:
        age_points = 2.0
    if n_rf >= 3 or athero:
        rf_points = 2.0
    elif n_rf >= 1:
        rf_points = 1.0
    else:
        rf_points = 0.0
    if trop <= 1:
        trop_points = 0.0
    elif trop <= 3:
        trop_points = 1.0
    else:
        trop_points = 2.0
    components = {
        "history": _HISTORY[history],
        "ecg": _ECG[ecg],
        "age": age_points,
        "risk_factors": rf_points,
        "troponin": trop_points,
    }
    total = sum(components.values())
    if total <= 3:
        band = "low risk (6-week MACE ~2.5%); candidate for early discharge"
    elif total <= 6:
        band = (
            "intermediate risk (6-week MACE ~20%); admit for clinical observation and "
            "further investigation"
        )
    else:
        band = "high risk (6-week MACE ~73%); early invasive strategy"
    return ScoreResult(
        name="HEART",
        value=total,
        components=components,
        interpretation=f"HEART {total:g}: {band}",
        source=_SIX_2008,
    )


# 14-day rate of death, new or recurrent MI, or severe recurrent ischemia requiring urgent
# revascularization, by TIMI score (Antman 2000, TIMI 11B test cohort).
_TIMI_EVENT_RATE = {0: 4.7, 1: 4.7, 2: 8.3, 3: 13.2, 4: 19.9, 5: 26.2, 6: 40.9, 7: 40.9}


def timi_ua_nstemi(
    *,
    age: float,
    three_or_more_cad_risk_factors: bool,
    known_cad_stenosis_50: bool,
    aspirin_last_7d: bool,
    severe_angina_2plus_24h: bool,
    st_deviation_05mm: bool,
    positive_cardiac_marker: bool,
) -> ScoreResult:
    """TIMI risk score for unstable angina / non-ST-elevation myocardial infarction.

    Source: Antman EM, Cohen M, Bernink PJ, et al. JAMA 2000;284:835-842.

    One point each:

    * Age >= 65 years.
    * >= 3 risk factors for CAD (family history, hypertension, hypercholesterolemia,
      diabetes, current smoker).
    * Known CAD (stenosis >= 50%).
    * Aspirin use in the past 7 days.
    * Severe angina (>= 2 episodes in the past 24 h).
    * ST deviation >= 0.5 mm on presenting ECG.
    * Elevated serum cardiac markers.

    Interpretation: 14-day all-cause mortality, new/recurrent MI or severe recurrent ischemia
    requiring urgent revascularization was 4.7% (0-1), 8.3% (2), 13.2% (3), 19.9% (4),
    26.2% (5) and 40.9% (6-7). Bands used here: 0-2 low risk, 3-4 intermediate risk,
    5-7 high risk (scores >= 3 benefited most from enoxaparin, GP IIb/IIIa inhibition and an
    early invasive strategy in the TIMI trials).
    """
    age = v.number("age", age, lo=v.AGE[0], hi=v.AGE[1])
    components = {
        "age": float(age >= 65),
        "three_or_more_cad_risk_factors": float(
            v.flag("three_or_more_cad_risk_factors", three_or_more_cad_risk_factors)
        ),
        "known_cad_stenosis_50": float(v.flag("known_cad_stenosis_50", known_cad_stenosis_50)),
        "aspirin_last_7d": float(v.flag("aspirin_last_7d", aspirin_last_7d)),
        "severe_angina_2plus_24h": float(
            v.flag("severe_angina_2plus_24h", severe_angina_2plus_24h)
        ),
        "st_deviation_05mm": float(v.flag("st_deviation_05mm", st_deviation_05mm)),
        "positive_cardiac_marker": float(
            v.flag("positive_cardiac_marker", positive_cardiac_marker)
        ),
    }
    total = sum(components.values())
    rate = _TIMI_EVENT_RATE[int(total)]
    if total <= 2:
        band = "low risk"
        action = "consider non-invasive evaluation"
    elif total <= 4:
        band = "intermediate risk"
        action = "consider early invasive strategy and intensified antithrombotic therapy"
    else:
        band = "high risk"
        action = "early invasive strategy and intensified antithrombotic therapy"
    return ScoreResult(
        name="TIMI UA/NSTEMI",
        value=total,
        components=components,
        interpretation=(
            f"TIMI {total:g}: {band} (14-day death/MI/urgent revascularization "
            f"~{rate:g}%); {action}"
        ),
        source=_ANTMAN_2000,
    )


# Adjusted annual stroke rate (%/year) by CHA2DS2-VASc score (ESC 2010 guideline table).
_CHA2DS2_VASC_STROKE_RATE = {
    0: 0.0,
    1: 1.3,
    2: 2.2,
    3: 3.2,
    4: 4.0,
    5: 6.7,
    6: 9.8,
    7: 9.6,
    8: 6.7,
    9: 15.2,
}


def cha2ds2_vasc(
    *,
    age: float,
    sex: Literal["male", "female"],
    chf: bool,
    hypertension: bool,
    stroke_tia_thromboembolism: bool,
    vascular_disease: bool,
    diabetes: bool,
) -> ScoreResult:
    """CHA2DS2-VASc stroke risk score in atrial fibrillation.

    Source: Lip GY, Nieuwlaat R, Pisters R, Lane DA, Crijns HJ. Chest 2010;137:263-272.

    Criteria:

    * C: congestive heart failure / LV dysfunction: 1.
    * H: hypertension: 1.
    * A2: age >= 75 years: 2.
    * D: diabetes mellitus: 1.
    * S2: prior stroke, TIA or thromboembolism: 2.
    * V: vascular disease (prior MI, peripheral artery disease, aortic plaque): 1.
    * A: age 65-74 years: 1.
    * Sc: sex category female: 1.

    Interpretation (adjusted stroke rate per year from the ESC 2010 guideline table; Lip
    2010 / ESC 2010 recommendations):

    * 0: low risk (0%/yr); no antithrombotic therapy (preferred) or aspirin.
    * 1: low-moderate risk (1.3%/yr); oral anticoagulation or aspirin, anticoagulation
      preferred. A female patient scoring 1 for sex alone is treated as low risk (female
      sex is a risk modifier rather than an independent risk factor).
    * >= 2: moderate-high risk (2.2-15.2%/yr); oral anticoagulation recommended.
    """
    age = v.number("age", age, lo=v.AGE[0], hi=v.AGE[1])
    sex = v.choice("sex", sex, ("male", "female"))
    if age >= 75:
        age_points = 2.0
    elif age >= 65:
        age_points = 1.0
    else:
        age_points = 0.0
    components = {
        "chf": float(v.flag("chf", chf)),
        "hypertension": float(v.flag("hypertension", hypertension)),
        "age": age_points,
        "diabetes": float(v.flag("diabetes", diabetes)),
        "stroke_tia_thromboembolism": 2.0
        * v.flag("stroke_tia_thromboembolism", stroke_tia_thromboembolism),
        "vascular_disease": float(v.flag("vascular_disease", vascular_disease)),
        "sex_female": 1.0 if sex == "female" else 0.0,
    }
    total = sum(components.values())
    rate = _CHA2DS2_VASC_STROKE_RATE[int(total)]
    if total == 0 or (total == 1 and sex == "female"):
        band = f"low risk (stroke ~{rate:g}%/year); no antithrombotic therapy recommended"
        if total == 1:
            band = (
                "low risk (female sex is the only risk factor); no antithrombotic "
                "therapy recommended"
            )
    elif total == 1:
        band = (
            f"low-moderate risk (stroke ~{rate:g}%/year); consider oral "
            "anticoagulation (preferred over aspirin)"
        )
    else:
        band = f"moderate-high risk (stroke ~{rate:g}%/year); oral anticoagulation recommended"
    return ScoreResult(
        name="CHA2DS2-VASc",
        value=total,
        components=components,
        interpretation=f"CHA2DS2-VASc {total:g}: {band}",
        source=_LIP_2010,
    )
