"""MedCalc-Bench adapters of the multi-item scores: APACHE II (28), PSI (29),
Charlson (32), Caprini (36) and SOFA (43). Conventions: see :mod:`.scores`."""

from __future__ import annotations

from ..scores import apache_ii, caprini, charlson, psi, sofa
from ._score_entities import (
    BUN,
    CHF,
    DBP,
    DVT,
    HR,
    PAO2,
    PE,
    RR,
    SBP,
    TEMP,
    age_years,
    any_flag,
    count_1e9_per_l,
    fio2_fraction,
    mean_arterial_pressure,
    optional_number,
    pick,
    temp_celsius,
    truthy,
    whole,
)
from .entities import Entities

_SURGERY_APACHE = {
    "nonelective": "nonoperative",
    "non-elective": "nonoperative",
    "elective": "elective_postoperative",
    "emergen": "emergency_postoperative",
    "": "nonoperative",
}


def apache_adapter(e: Entities) -> float:
    chronic = "none"
    if e.flag("History of severe organ failure or immunocompromise"):
        chronic = pick(e, "Surgery Type", _SURGERY_APACHE, "nonoperative")
    return apache_ii(
        age=age_years(e),
        temperature_c=temp_celsius(e),
        map_mmhg=mean_arterial_pressure(e),
        heart_rate=e.number(HR),
        respiratory_rate=e.number(RR),
        fio2=fio2_fraction(e),
        pao2_mmhg=optional_number(e, PAO2, "pressure", "mmHg"),
        aa_gradient_mmhg=optional_number(e, "A-a gradient"),
        arterial_ph=e.number("pH"),
        sodium_mmol_l=e.number("Sodium", analyte="electrolyte", unit="mmol/L"),
        potassium_mmol_l=e.number("Potassium", analyte="electrolyte", unit="mmol/L"),
        creatinine_mg_dl=e.number("creatinine", analyte="creatinine", unit="mg/dL"),
        acute_renal_failure=e.flag("Acute renal failure"),
        hematocrit_pct=e.number("Hematocrit"),
        wbc=count_1e9_per_l(e, "White blood cell count"),
        gcs=whole(e, "Glasgow Coma Score"),
        chronic_health=chronic,
    ).value


def psi_adapter(e: Entities) -> float:
    return psi(
        age=age_years(e),
        sex=e.sex(),
        nursing_home_resident=e.flag("Nursing home resident"),
        neoplastic_disease=e.flag("Neoplastic disease"),
        liver_disease=e.flag("Liver disease severity"),
        congestive_heart_failure=e.flag(CHF),
        cerebrovascular_disease=e.flag("Cerebrovascular disease history"),
        renal_disease=e.flag("Renal disease"),
        altered_mental_status=e.flag("Altered mental status"),
        respiratory_rate=optional_number(e, RR),
        sbp=optional_number(e, SBP),
        temperature_c=optional_number(e, TEMP, "temperature", "c"),
        heart_rate=optional_number(e, HR),
        arterial_ph=optional_number(e, "pH"),
        bun_mg_dl=optional_number(e, BUN, "bun", "mg/dL"),
        sodium_mmol_l=optional_number(e, "Sodium", "electrolyte", "mmol/L"),
        glucose_mg_dl=optional_number(e, "Glucose", "glucose", "mg/dL"),
        hematocrit_pct=optional_number(e, "Hematocrit"),
        pao2_mmhg=optional_number(e, PAO2, "pressure", "mmHg"),
        pleural_effusion=e.flag("Pleural effusion on x-ray"),
    ).value


def charlson_adapter(e: Entities) -> float:
    return charlson(
        age=age_years(e),
        myocardial_infarction=e.flag("Myocardial infarction"),
        congestive_heart_failure=e.flag(CHF),
        peripheral_vascular_disease=e.flag("Peripheral vascular disease"),
        cerebrovascular_disease=any_flag(
            e, "Cerebrovascular Accident", "Transient Ischemic Attacks History"
        ),
        dementia=e.flag("Dementia"),
        chronic_pulmonary_disease=e.flag("Chronic Obstructive Pulmonary Disease"),
        connective_tissue_disease=e.flag("Connective tissue disease"),
        peptic_ulcer_disease=e.flag("Peptic ulcer disease"),
        liver_disease=pick(
            e,
            "Liver disease severity",
            {"moderate": "moderate_severe", "severe": "moderate_severe", "mild": "mild"}
            | {"none": "none", "no": "none"},
            "none",
        ),
        diabetes=pick(
            e,
            "Diabetes mellitus criteria for CCI rule",
            {
                "end": "end_organ_damage",
                "organ": "end_organ_damage",
                "uncomplicated": "uncomplicated",
            }
            | {"none": "none", "diet": "none", "no": "none"},
            "none",
        ),
        hemiplegia=e.flag("Hemiplegia"),
        moderate_severe_renal_disease=truthy(e, "Moderate to severe Chronic Kidney Disease"),
        solid_tumor=pick(
            e,
            "Solid tumor",
            {"metasta": "metastatic", "local": "localized", "none": "none", "yes": "localized"}
            | {"no": "none"},
            "none",
        ),
        leukemia=e.flag("Leukemia"),
        lymphoma=e.flag("Lymphoma"),
        aids=e.flag("AIDS"),
    ).value


_CAPRINI_FLAGS = {
    "recent_major_surgery": "Major Surgery in the last month",
    "recent_chf": "Congestive Heart Failure in the last month",
    "recent_sepsis": "Sepsis in the last month",
    "recent_pneumonia": "Pneumonia in the last month",
    "recent_plaster_cast": "Immobilizing plaster cast in the last month",
    "recent_hip_pelvis_leg_fracture": "Hip, pelvis, or leg fracture in the last month",
    "recent_stroke": "Stroke in the last month",
    "recent_multiple_trauma": "Multiple trauma in the last month",
    "recent_spinal_cord_injury_paralysis": (
        "Acute spinal cord injury causing paralysis in the last month"
    ),
    "varicose_veins": "Varicose veins",
    "swollen_legs": "Current swollen legs",
    "central_venous_access": "Current central venous access",
    "family_history_thrombosis": "Family history of thrombosis",
    "factor_v_leiden": "Positive Factor V Leiden",
    "prothrombin_20210a": "Positive prothrombin 20210A",
    "elevated_homocysteine": "Elevated serum homocysteine",
    "lupus_anticoagulant": "Positive lupus anticoagulant",
    "anticardiolipin_antibody": "Elevated anticardiolipin antibody",
    "heparin_induced_thrombocytopenia": "Heparin-induced thrombocytopenia",
    "other_thrombophilia": "Other congenital or acquired thrombophilia",
    "inflammatory_bowel_disease": "History of inflammatory bowel disease",
    "acute_mi": "Acute Myocardial infarction",
    "copd": "Chronic Obstructive Pulmonary Disease",
    "malignancy": "Present or previous malignancy",
}
_CAPRINI_SURGERY = {
    "arthroplasty": "elective_lower_extremity_arthroplasty",
    "major": "major",
    "arthroscop": "major",
    "laparoscop": "major",
    "minor": "minor",
    "none": "none",
    "no": "none",
}
_CAPRINI_MOBILITY = {
    "72": "confined_over_72h",
    "confined": "confined_over_72h",
    "bed rest": "bed_rest",
    "normal": "ambulatory",
    "ambulat": "ambulatory",
}


def caprini_adapter(e: Entities) -> float:
    flags = {arg: e.flag(key) for arg, key in _CAPRINI_FLAGS.items()}
    return caprini(
        age=age_years(e),
        surgery_type=pick(e, "Surgery Type", _CAPRINI_SURGERY, "none"),
        mobility=pick(e, "Mobility", _CAPRINI_MOBILITY, "ambulatory"),
        bmi=optional_number(e, "Body Mass Index (BMI)"),
        history_dvt_pe=any_flag(e, PE, DVT),
        **flags,
    ).value


def sofa_adapter(e: Entities) -> float:
    has_bp = e.has(SBP) and e.has(DBP)
    pressors = {
        "dopamine": "DOPamine",
        "dobutamine": "DOBUTamine",
        "epinephrine": "EPINEPHrine",
        "norepinephrine": "norEPINEPHrine",
    }
    doses = {arg: e.number(key) if e.has(key) else 0.0 for arg, key in pressors.items()}
    return sofa(
        pao2_mmhg=e.number(PAO2, analyte="pressure", unit="mmHg"),
        fio2=fio2_fraction(e),
        respiratory_support=any_flag(
            e, "On mechanical ventilation", "Continous positive airway pressure"
        ),
        platelets=count_1e9_per_l(e, "Platelet count"),
        gcs=whole(e, "Glasgow Coma Score") if e.has("Glasgow Coma Score") else 15,
        bilirubin_mg_dl=e.number("Bilirubin", analyte="bilirubin", unit="mg/dL"),
        creatinine_mg_dl=optional_number(e, "creatinine", "creatinine", "mg/dL"),
        map_mmhg=mean_arterial_pressure(e) if has_bp else None,
        hypotension=e.flag("Hypotension"),
        urine_output_ml_day=optional_number(e, "Urine Output"),
        **doses,
    ).value
