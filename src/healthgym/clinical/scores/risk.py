"""Bleeding, peri-operative and comorbidity risk scores (HAS-BLED, RCRI, Charlson)."""

from __future__ import annotations

from typing import Literal

from healthgym.clinical.scores import _validation as v
from healthgym.clinical.scores._quantity import optional_measured
from healthgym.clinical.scores.result import ScoreResult
from healthgym.clinical.units import Q

__all__ = ["charlson", "has_bled", "rcri"]

_PISTERS_2010 = (
    "Pisters R, Lane DA, Nieuwlaat R, de Vos CB, Crijns HJ, Lip GY. A novel user-friendly "
    "score (HAS-BLED) to assess 1-year risk of major bleeding in patients with atrial "
    "fibrillation: the Euro Heart Survey. Chest. 2010;138(5):1093-1100."
)
_LEE_1999 = (
    "Lee TH, Marcantonio ER, Mangione CM, et al. Derivation and prospective validation of "
    "a simple index for prediction of cardiac risk of major noncardiac surgery. "
    "Circulation. 1999;100(10):1043-1049."
)
_CHARLSON_1987 = (
    "Charlson ME, Pompei P, Ales KL, MacKenzie CR. A new method of classifying prognostic "
    "comorbidity in longitudinal studies: development and validation. J Chronic Dis. "
    "1987;40(5):373-383. Age weighting: Charlson M, Szatrowski TP, Peterson J, Gold J. "
    "Validation of a combined comorbidity index. J Clin Epidemiol. 1994;47(11):1245-1251."
)

# Major bleeds per 100 patient-years by HAS-BLED score (Pisters 2010, Euro Heart Survey).
_HAS_BLED_RATE = {0: 1.13, 1: 1.02, 2: 1.88, 3: 3.74, 4: 8.70, 5: 12.50}


def has_bled(
    *,
    uncontrolled_hypertension: bool,
    abnormal_renal_function: bool,
    abnormal_liver_function: bool,
    stroke: bool,
    bleeding_history_or_predisposition: bool,
    labile_inr: bool,
    age: float,
    antiplatelet_or_nsaid_use: bool,
    alcohol_drinks_per_week: float,
) -> ScoreResult:
    """HAS-BLED score for 1-year major bleeding risk in atrial fibrillation.

    Source: Pisters R, Lane DA, Nieuwlaat R, et al. Chest 2010;138:1093-1100.

    One point each (range 0-9):

    * H: hypertension, uncontrolled (systolic BP > 160 mmHg).
    * A: abnormal renal function (chronic dialysis, renal transplantation or serum
      creatinine >= 200 umol/L).
    * A: abnormal liver function (chronic hepatic disease such as cirrhosis, or bilirubin
      > 2x upper limit of normal with AST/ALT/alkaline phosphatase > 3x upper limit).
    * S: prior stroke.
    * B: bleeding history or predisposition (e.g. anaemia, bleeding diathesis).
    * L: labile INR (unstable/high INRs or time in therapeutic range < 60%).
    * E: elderly, age > 65 years.
    * D: drugs predisposing to bleeding (antiplatelet agents, NSAIDs).
    * D: alcohol excess, >= 8 drinks per week.

    Interpretation (major bleeds per 100 patient-years in Pisters 2010): 0: 1.13; 1: 1.02;
    2: 1.88; 3: 3.74; 4: 8.70; 5: 12.50; 6-9: too few patients to estimate. A score >= 3
    indicates high risk: caution and regular review after starting antithrombotic therapy,
    and correction of modifiable risk factors (it is not by itself a reason to withhold
    anticoagulation).
    """
    age = v.number("age", age, lo=v.AGE[0], hi=v.AGE[1])
    drinks = v.number("alcohol_drinks_per_week", alcohol_drinks_per_week, lo=0.0, hi=500.0)
    components = {
        "hypertension": float(v.flag("uncontrolled_hypertension", uncontrolled_hypertension)),
        "abnormal_renal_function": float(
            v.flag("abnormal_renal_function", abnormal_renal_function)
        ),
        "abnormal_liver_function": float(
            v.flag("abnormal_liver_function", abnormal_liver_function)
        ),
        "stroke": float(v.flag("stroke", stroke)),
        "bleeding": float(
            v.flag("bleeding_history_or_predisposition", bleeding_history_or_predisposition)
        ),
        "labile_inr": float(v.flag("labile_inr", labile_inr)),
        "elderly": float(age > 65),
        "drugs": float(v.flag("antiplatelet_or_nsaid_use", antiplatelet_or_nsaid_use)),
        "alcohol": float(drinks >= 8),
    }
    total = sum(components.values())
    rate = _HAS_BLED_RATE.get(int(total))
    rate_text = (
        f"~{rate:g} major bleeds per 100 patient-years"
        if rate is not None
        else "too few patients in the derivation cohort to estimate the bleeding rate"
    )
    if total >= 3:
        band = (
            f"high bleeding risk ({rate_text}); caution and regular review on "
            "antithrombotic therapy, correct modifiable risk factors"
        )
    else:
        band = f"low-moderate bleeding risk ({rate_text})"
    return ScoreResult(
        name="HAS-BLED",
        value=total,
        components=components,
        interpretation=f"HAS-BLED {total:g}: {band}",
        source=_PISTERS_2010,
    )


# Major cardiac complications by RCRI class in the validation cohort of Lee 1999.
_RCRI_RISK = {0: ("I", 0.4), 1: ("II", 0.9), 2: ("III", 6.6)}


def rcri(
    *,
    high_risk_surgery: bool,
    ischemic_heart_disease: bool,
    congestive_heart_failure: bool,
    cerebrovascular_disease: bool,
    insulin_treatment: bool,
    creatinine_mg_dl: float | Q | None,
) -> ScoreResult:
    """Revised Cardiac Risk Index (Lee index) for major cardiac complications after
    non-cardiac surgery.

    Source: Lee TH, Marcantonio ER, Mangione CM, et al. Circulation 1999;100:1043-1049.

    One point each:

    * High-risk surgery: intraperitoneal, intrathoracic or suprainguinal vascular.
    * Ischaemic heart disease: history of MI, positive exercise test, current ischaemic
      chest pain, nitrate therapy, or ECG with pathological Q waves.
    * Congestive heart failure: history of CHF, pulmonary oedema, paroxysmal nocturnal
      dyspnoea, bilateral rales or S3 gallop, or chest X-ray with pulmonary vascular
      redistribution.
    * Cerebrovascular disease: history of stroke or transient ischaemic attack.
    * Pre-operative treatment with insulin.
    * Pre-operative serum creatinine > 2.0 mg/dL (177 umol/L); ``creatinine_mg_dl`` is in
      mg/dL or a ``Q`` (e.g. ``Q(190, "umol/L")``); None (not measured) does not count.

    Interpretation (major cardiac complications - MI, pulmonary oedema, ventricular
    fibrillation or primary cardiac arrest, complete heart block - in the validation
    cohort):

    * 0 (class I): 0.4%.
    * 1 (class II): 0.9%.
    * 2 (class III): 6.6%.
    * >= 3 (class IV): 11%.
    """
    cr = optional_measured(
        "creatinine_mg_dl", creatinine_mg_dl, analyte="creatinine", unit="mg/dL", lo=0, hi=40
    )
    components = {
        "high_risk_surgery": float(v.flag("high_risk_surgery", high_risk_surgery)),
        "ischemic_heart_disease": float(v.flag("ischemic_heart_disease", ischemic_heart_disease)),
        "congestive_heart_failure": float(
            v.flag("congestive_heart_failure", congestive_heart_failure)
        ),
        "cerebrovascular_disease": float(
            v.flag("cerebrovascular_disease", cerebrovascular_disease)
        ),
        "insulin_treatment": float(v.flag("insulin_treatment", insulin_treatment)),
        "creatinine": float(cr is not None and cr > 2.0),
    }
    total = sum(components.values())
    risk_class, rate = _RCRI_RISK.get(int(total), ("IV", 11.0))
    if total <= 1:
        band = "low risk"
    else:
        band = "elevated risk; consider further cardiac evaluation if it would change management"
    return ScoreResult(
        name="RCRI",
        value=total,
        components=components,
        interpretation=(
            f"RCRI {total:g} (class {risk_class}): major cardiac complications ~{rate:g}%; {band}"
        ),
        source=_LEE_1999,
    )


_LIVER = {"none": 0.0, "mild": 1.0, "moderate_severe": 3.0}
_DIABETES = {"none": 0.0, "uncomplicated": 1.0, "end_organ_damage": 2.0}
_TUMOR = {"none": 0.0, "localized": 2.0, "metastatic": 6.0}

# 1-year mortality by comorbidity points (age excluded) in Charlson 1987's derivation cohort.
_CHARLSON_MORTALITY = ((0, "12%"), (2, "26%"), (4, "52%"))


def charlson(
    *,
    age: float,
    myocardial_infarction: bool = False,
    congestive_heart_failure: bool = False,
    peripheral_vascular_disease: bool = False,
    cerebrovascular_disease: bool = False,
    dementia: bool = False,
    chronic_pulmonary_disease: bool = False,
    connective_tissue_disease: bool = False,
    peptic_ulcer_disease: bool = False,
    liver_disease: Literal["none", "mild", "moderate_severe"] = "none",
    diabetes: Literal["none", "uncomplicated", "end_organ_damage"] = "none",
    hemiplegia: bool = False,
    moderate_severe_renal_disease: bool = False,
    solid_tumor: Literal["none", "localized", "metastatic"] = "none",
    leukemia: bool = False,
    lymphoma: bool = False,
    aids: bool = False,
) -> ScoreResult:
    """Charlson Comorbidity Index, age-combined (as on MDCalc and in MedCalc-Bench).

    Sources: Charlson ME, Pompei P, Ales KL, MacKenzie CR. J Chronic Dis 1987;40:373-383
    (weights); Charlson M, Szatrowski TP, Peterson J, Gold J. J Clin Epidemiol
    1994;47:1245-1251 (combined age-comorbidity score). Conditions default to absent.

    * Age: < 50: 0; 50-59: 1; 60-69: 2; 70-79: 3; >= 80: 4.
    * 1 point each: myocardial infarction; congestive heart failure; peripheral vascular
      disease; cerebrovascular disease (stroke with minor or no residua, or TIA); dementia;
      chronic pulmonary disease; connective tissue disease; peptic ulcer disease.
    * Liver disease: mild (chronic hepatitis or cirrhosis without portal hypertension) 1;
      moderate-severe (cirrhosis with portal hypertension, with or without variceal
      bleeding) 3.
    * Diabetes: diet-controlled or none 0; treated without end-organ damage 1; with
      end-organ damage (retinopathy, nephropathy, neuropathy) 2.
    * 2 points each: hemiplegia; moderate-severe renal disease; leukaemia; lymphoma.
    * Solid tumour: localized (any tumour without metastasis, within 5 years) 2;
      metastatic 6.
    * AIDS: 6.

    Interpretation: the higher the index, the higher the mortality. One-year mortality in
    Charlson 1987's derivation cohort by comorbidity points (age excluded): 0: 12%;
    1-2: 26%; 3-4: 52%; >= 5: 85%. Each age decade from 50 years adds a point, reflecting a
    risk similar to that of one comorbid condition.
    """
    age = v.number("age", age, lo=v.AGE[0], hi=v.AGE[1])
    if age < 50:
        age_points = 0.0
    elif age < 60:
        age_points = 1.0
    elif age < 70:
        age_points = 2.0
    elif age < 80:
        age_points = 3.0
    else:
        age_points = 4.0
    ones = {
        "myocardial_infarction": myocardial_infarction,
        "congestive_heart_failure": congestive_heart_failure,
        "peripheral_vascular_disease": peripheral_vascular_disease,
        "cerebrovascular_disease": cerebrovascular_disease,
        "dementia": dementia,
        "chronic_pulmonary_disease": chronic_pulmonary_disease,
        "connective_tissue_disease": connective_tissue_disease,
        "peptic_ulcer_disease": peptic_ulcer_disease,
    }
    twos = {
        "hemiplegia": hemiplegia,
        "moderate_severe_renal_disease": moderate_severe_renal_disease,
        "leukemia": leukemia,
        "lymphoma": lymphoma,
    }
    components = {"age": age_points}
    components.update({k: float(v.flag(k, val)) for k, val in ones.items()})
    components["liver_disease"] = _LIVER[v.choice("liver_disease", liver_disease, _LIVER)]
    components["diabetes"] = _DIABETES[v.choice("diabetes", diabetes, _DIABETES)]
    components.update({k: 2.0 * v.flag(k, val) for k, val in twos.items()})
    components["solid_tumor"] = _TUMOR[v.choice("solid_tumor", solid_tumor, _TUMOR)]
    components["aids"] = 6.0 * v.flag("aids", aids)
    total = sum(components.values())
    comorbidity = total - age_points
    mortality = "85%"
    for upper, rate in _CHARLSON_MORTALITY:
        if comorbidity <= upper:
            mortality = rate
            break
    return ScoreResult(
        name="Charlson Comorbidity Index",
        value=total,
        components=components,
        interpretation=(
            f"Charlson {total:g} ({comorbidity:g} comorbidity + {age_points:g} age points): "
            f"1-year mortality ~{mortality} for this comorbidity burden in Charlson 1987; "
            "higher scores mean greater comorbidity-related mortality"
        ),
        source=_CHARLSON_1987,
    )
