"""MedCalc-Bench adapters for the point scores of :mod:`healthgym.clinical.scores`.

Each adapter maps MedCalc's entity names and units to a score function's arguments and
returns the score's value. Conventions of the benchmark applied here (not in the scores):

* A yes/no criterion missing from the entity dict is absent (``Entities.flag``); where
  MedCalc names one criterion with two keys (e.g. "Stroke" / "Transient Ischemic Attacks
  History" / "Thromboembolism history" for CHA2DS2-VASc's S2) the criterion is met when
  any of them is true.
* Missing graded items take their normal grade: GCS components not reported score full
  marks (id 21), and so does a component recorded as "not testable" (eye 4, verbal 5,
  motor 6). MedCalc-Bench's GCS states the rule: "if a patient's value is not
  mentioned/not testable in the note, we assume that it gets the full score for that
  attribute" (calculator_implementations/glasgow_coma_score.py, commit f557a04e, and
  the one-shot example for id 21); its per-component text reads an untestable eye as
  "eyes open spontaneously" and an untestable verbal response as "oriented". (That
  file's table gives the untestable verbal response 4 points, contradicting its own text;
  the adapter follows the stated rule, oriented = 5.) The core :func:`gcs` stays strict:
  the Glasgow scale itself records such a component as NT and gives no total.
  A missing SOFA GCS is 15 (id 43); HEART history/ECG/troponin default to
  slightly suspicious / normal / <= normal limit (id 18), Child-Pugh ascites and
  encephalopathy to none (id 15), Caprini surgery to none and mobility to ambulatory
  (id 36), Charlson liver disease, diabetes and tumour to none (id 32).
* White cell and platelet counts: MedCalc writes per-mm^3 counts with the unit "m^3" or
  "uL" (e.g. 9400 "m^3"); both are read as cells/uL and converted to x10^9/L.
* FiO2 is given in %, and converted to a fraction. Mean arterial pressure is
  (SBP + 2 DBP) / 3.
* HEART troponin is reported as a band; it is passed as a representative ratio to the
  upper limit of normal (1, 2 or 4). TIA history counts as known atherosclerotic disease
  (HEART's definition includes prior CVA/TIA).
* Unreported cough (Centor "Cough Absent", id 20; FeverPAIN "Absence of cough or
  coryza", id 33): MedCalc-Bench assumes the criterion absent and gives no point.
  Its label explanations say so: "The patient note does not mention
  details about 'cough absent' and so we assume it to be absent. Hence, we do not change
  the score" (Centor, dev row 302) and "Whether the patient has an absence of cough or
  coryza is not reported and so we assume that it is absent for the patient. Because of
  this, we do not increment the score" (FeverPAIN, dev rows 447 and 448); MedCalc-Bench
  Verified keeps it ("If cough/coryza status is missing, this implementation does not
  award a point for that criterion", calculator_implementations/feverpain.py). The
  adapters read the criterion with :func:`_unreported_absent`, which says so by name.
  (The one-shot example for id 20 at MedCalc-Bench HEAD, 20b10f9d, instead reads an
  unmentioned cough as "cough absent" and adds a point; the test-set labels and the
  package implementation do not, and the adapter follows the labels.)
  (Clinically an unreported cough is unknown, and the core scores take no default.)
* Centor/McIsaac (id 20): the score is defined from 3 years of age and
  :func:`centor_mcisaac` rejects younger children; MedCalc scores them with 0 age points,
  which the adapter follows by evaluating the other four criteria with an age in the
  0-point band.
* APACHE II (id 28): with "History of severe organ failure or immunocompromise" the
  chronic-health points follow "Surgery Type" (elective postoperative 2, otherwise 5;
  missing: nonoperative). "Chronic Renal Failure" does not change the creatinine points
  (only acute renal failure doubles them, as in Knaus 1985).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from ..scores import (
    centor_mcisaac,
    cha2ds2_vasc,
    child_pugh,
    curb65,
    feverpain,
    gcs,
    glasgow_blatchford,
    has_bled,
    heart_score,
    meld_na,
    perc,
    rcri,
    sirs,
    wells_dvt,
    wells_pe,
)
from ._score_entities import (
    BUN,
    CHF,
    CVVHD,
    DBP,
    DVT,
    HR,
    PE,
    RR,
    SBP,
    age_years,
    any_flag,
    count_1e9_per_l,
    optional_number,
    pick,
    temp_celsius,
)
from .entities import Entities
from .scores_multi import (
    apache_adapter,
    caprini_adapter,
    charlson_adapter,
    psi_adapter,
    sofa_adapter,
)


def _cha2ds2_vasc(e: Entities) -> float:
    return cha2ds2_vasc(
        age=age_years(e),
        sex=e.sex(),
        chf=e.flag(CHF),
        hypertension=e.flag("Hypertension history"),
        stroke_tia_thromboembolism=any_flag(
            e, "Stroke", "Transient Ischemic Attacks History", "Thromboembolism history"
        ),
        vascular_disease=e.flag("Vascular disease history"),
        diabetes=e.flag("Diabetes history"),
    ).value


def _wells_pe(e: Entities) -> float:
    return wells_pe(
        clinical_signs_dvt=e.flag("Clinical signs and symptoms of Deep Vein Thrombosis"),
        pe_most_likely=e.flag("Pulmonary Embolism is #1 diagnosis OR equally likely"),
        heart_rate=e.number(HR),
        immobilization_or_surgery=any_flag(
            e, "Immobilization for at least 3 days", "Surgery in the previous 4 weeks"
        ),
        prior_vte=any_flag(e, PE, DVT),
        hemoptysis=e.flag("Hemoptysis"),
        malignancy=e.flag("Malignancy with treatment within 6 months or palliative"),
    ).value


# keyword in MedCalc's text -> grade; the first keyword found wins
_ASCITES = {
    "absent": "none",
    "none": "none",
    "no": "none",
    "slight": "mild",
    "mild": "mild",
    "moderate": "moderate_severe",
    "severe": "moderate_severe",
    "large": "moderate_severe",
    "tense": "moderate_severe",
}
_ENCEPHALOPATHY = {
    "3": "grade_3_4",
    "4": "grade_3_4",
    "1": "grade_1_2",
    "2": "grade_1_2",
    "no": "none",
    "absent": "none",
    "0": "none",
}


def _child_pugh(e: Entities) -> float:
    return child_pugh(
        bilirubin_mg_dl=e.number("Bilirubin", analyte="bilirubin", unit="mg/dL"),
        albumin_g_dl=e.number("Albumin", analyte="albumin", unit="g/dL"),
        inr=e.number("international normalized ratio"),
        ascites=pick(e, "Ascites", _ASCITES, "none"),
        encephalopathy=pick(e, "Encephalopathy", _ENCEPHALOPATHY, "none"),
    ).value


def _wells_dvt(e: Entities) -> float:
    return wells_dvt(
        active_cancer=e.flag("Active cancer"),
        paralysis_or_recent_cast=e.flag(
            "Paralysis, paresis, or recent plaster immobilization of the lower extremity"
        ),
        bedridden_or_major_surgery=any_flag(
            e,
            "Bedridden recently >3 days or major surgery within 12 weeks",
            "Major surgery within 12 weeks",
        ),
        localized_deep_vein_tenderness=e.flag("Localized tenderness along the deep venous system"),
        entire_leg_swollen=e.flag("Entire Leg Swollen"),
        calf_swelling_3cm=e.flag("Calf swelling >3 centimeters compared to the other leg"),
        pitting_edema_symptomatic_leg=e.flag("Pitting edema, confined to symptomatic leg"),
        collateral_superficial_veins=e.flag("Collateral (nonvaricose) superficial veins present"),
        prior_dvt=e.flag(DVT),
        alternative_diagnosis_likely=e.flag(
            "Alternative diagnosis to Deep Vein Thrombosis as likely or more likely"
        ),
    ).value


def _rcri(e: Entities) -> float:
    key = "Pre-operative creatinine"
    return rcri(
        high_risk_surgery=e.flag("Elevated-risk surgery"),
        ischemic_heart_disease=e.flag("History of ischemic heart disease"),
        congestive_heart_failure=e.flag(
            "Congestive Heart Failure criteria for the Cardiac Risk Index rule"
        ),
        cerebrovascular_disease=any_flag(
            e, "Cerebrovascular disease history", "History of cerebrovascular disease"
        ),
        insulin_treatment=e.flag("Pre-operative treatment with insulin"),
        creatinine_mg_dl=optional_number(e, key, "creatinine", "mg/dL"),
    ).value


_HEART_RISK_FACTORS = (
    "Hypertension history",
    "hypercholesterolemia",
    "Diabetes mellitus criteria for CCI rule",
    "smoking",
    "obesity",
    "parent or sibling with Cardiovascular disease before age 65",
)


def _heart(e: Entities) -> float:
    history = pick(
        e,
        "Suspicion History",
        {"slight": "slightly", "moderate": "moderately", "high": "highly"},
        "slightly",
    )
    ecg = pick(
        e,
        "Electrocardiogram Test",
        {"normal": "normal", "repolari": "nonspecific_repolarization"}
        | {"st ": "significant_st_deviation", "significant": "significant_st_deviation"},
        "normal",
    )
    troponin = pick(
        e,
        "Initial troponin",
        {"less than or equal": "1", "between": "2", "up to three": "2", "three": "4"},
        "1",
    )
    return heart_score(
        history=history,
        ecg=ecg,
        age=age_years(e),
        risk_factor_count=sum(e.flag(k) for k in _HEART_RISK_FACTORS),
        known_atherosclerotic_disease=any_flag(
            e, "atherosclerotic disease", "Transient Ischemic Attacks History"
        ),
        troponin_ratio=float(troponin),
    ).value


def _unreported_absent(e: Entities, key: str) -> bool:
    """A criterion MedCalc-Bench scores 0 when the note does not report it (module docstring)."""
    return e.flag(key, default=False)


def _centor(e: Entities) -> float:
    age = age_years(e)
    if age < 3:
        # McIsaac's age item starts at 3 years; MedCalc scores a younger child's age item 0
        # (see the module docstring), so the score is taken with an age in the 0-point band.
        age = 15.0
    return centor_mcisaac(
        temperature_c=temp_celsius(e),
        cough_absent=_unreported_absent(e, "Cough Absent"),
        tender_anterior_cervical_nodes=e.flag("Tender/swollen anterior cervical lymph nodes"),
        tonsillar_exudate_or_swelling=e.flag("Exudate or swelling on tonsils"),
        age=age,
    ).value


_EYE = {
    "spontan": 4,
    "no eye": 1,
    "none": 1,
    "verbal": 3,
    "speech": 3,
    "sound": 3,
    "pain": 2,
    "pressure": 2,
}
_VERBAL = {
    "no verbal": 1,
    "none": 1,
    "confus": 4,
    "disorient": 4,
    "inappropriate": 3,
    "incomprehensible": 2,
    "sound": 2,
    "oriented": 5,
}
_MOTOR = {
    "no motor": 1,
    "none": 1,
    "obey": 6,
    "locali": 5,
    "withdraw": 4,
    "flexion": 3,
    "decorticate": 3,
    "extension": 2,
    "decerebrate": 2,
}


_NOT_TESTABLE = ("not testable", "untestable", "not assessable")


def _gcs(e: Entities) -> float:
    def part(key: str, table: dict[str, int], full: int) -> int:
        raw = e.raw(key) if e.has(key) else None
        if isinstance(raw, str) and any(w in raw.strip().lower() for w in _NOT_TESTABLE):
            return full  # MedCalc-Bench: a not-testable component scores full marks
        options = {word: str(points) for word, points in table.items()}
        return int(pick(e, key, options, str(full)))

    return gcs(
        eye=part("Best eye response", _EYE, 4),
        verbal=part("Best verbal response", _VERBAL, 5),
        motor=part("Best motor response", _MOTOR, 6),
    ).value


def _meld_na(e: Entities) -> float:
    return meld_na(
        bilirubin_mg_dl=e.number("Bilirubin", analyte="bilirubin", unit="mg/dL"),
        inr=e.number("international normalized ratio"),
        creatinine_mg_dl=e.number("creatinine", analyte="creatinine", unit="mg/dL"),
        sodium_mmol_l=e.number("Sodium", analyte="electrolyte", unit="mmol/L"),
        dialysis_twice_past_week=any_flag(e, "Dialysis at least twice in the past week", CVVHD),
    ).value


def _has_bled(e: Entities) -> float:
    drinks = "Number of Alcoholic Drinks Per Week"
    return has_bled(
        uncontrolled_hypertension=e.flag("Hypertension history"),
        abnormal_renal_function=e.flag("Renal disease criteria for the HAS-BLED rule"),
        abnormal_liver_function=e.flag("Liver disease criteria for the HAS-BLED rule"),
        stroke=e.flag("Stroke"),
        bleeding_history_or_predisposition=e.flag(
            "Prior major bleeding or predisposition to bleeding"
        ),
        labile_inr=e.flag("Labile international normalized ratio"),
        age=age_years(e),
        antiplatelet_or_nsaid_use=e.flag("Medication usage predisposing to bleeding"),
        alcohol_drinks_per_week=e.number(drinks) if e.has(drinks) else 0.0,
    ).value


def _gbs(e: Entities) -> float:
    return glasgow_blatchford(
        bun_mg_dl=e.number(BUN, analyte="bun", unit="mg/dL"),
        hemoglobin_g_dl=e.number("Hemoglobin", analyte="hemoglobin", unit="g/dL"),
        sex=e.sex(),
        sbp=e.number(SBP),
        heart_rate=e.number(HR),
        melena=e.flag("Melena present"),
        syncope=e.flag("Recent syncope"),
        hepatic_disease=e.flag("Hepatic disease history"),
        cardiac_failure=e.flag("Cardiac failure present"),
    ).value


def _feverpain(e: Entities) -> float:
    return feverpain(
        fever_past_24h=e.flag("Fever in past 24 hours"),
        purulence=e.flag("Purulent tonsils"),
        attend_rapidly_within_3_days=e.flag("Symptom onset ≤3 days"),
        severely_inflamed_tonsils=e.flag("Severe tonsil inflammation"),
        no_cough_or_coryza=_unreported_absent(e, "Absence of cough or coryza"),
    ).value


def _curb65(e: Entities) -> float:
    return curb65(
        confusion=e.flag("Confusion"),
        bun_mg_dl=e.number(BUN, analyte="bun", unit="mg/dL"),
        respiratory_rate=e.number(RR),
        sbp=e.number(SBP),
        dbp=e.number(DBP),
        age=age_years(e),
    ).value


def _perc(e: Entities) -> float:
    return perc(
        age=age_years(e),
        heart_rate=e.number(HR),
        spo2=e.number("O₂ saturation percentage"),
        hemoptysis=e.flag("Hemoptysis"),
        estrogen_use=e.flag("Hormone use"),
        prior_vte=any_flag(e, PE, DVT),
        unilateral_leg_swelling=e.flag("Unilateral Leg Swelling"),
        recent_surgery_or_trauma=e.flag("Recent surgery or trauma"),
    ).value


def _sirs(e: Entities) -> float:
    return sirs(
        temperature_c=temp_celsius(e),
        heart_rate=e.number(HR),
        respiratory_rate=e.number(RR),
        wbc=count_1e9_per_l(e, "White blood cell count"),
        paco2_mmhg=optional_number(e, "PaCO₂", "pressure", "mmHg"),
    ).value


ADAPTERS: dict[int, Callable[[Entities], Any]] = {
    4: _cha2ds2_vasc,
    8: _wells_pe,
    15: _child_pugh,
    16: _wells_dvt,
    17: _rcri,
    18: _heart,
    20: _centor,
    21: _gcs,
    23: _meld_na,
    25: _has_bled,
    27: _gbs,
    28: apache_adapter,
    29: psi_adapter,
    32: charlson_adapter,
    33: _feverpain,
    36: caprini_adapter,
    43: sofa_adapter,
    45: _curb65,
    48: _perc,
    51: _sirs,
}

__all__ = ["ADAPTERS"]
