"""MedCalc-Bench score adapters (healthgym.clinical.medcalc.scores).

Hypothesis cross-checks: random valid entity dicts through our adapter against the
``medcalc`` package's implementation (PyPI ``medcalc-bench``, used only in tests), which
must agree exactly for these integer / half-point scores. Documented convention
differences are tested separately at the end. Hand-built entity dicts with hand-computed
answers are in test_medcalc_score_entities.py.
"""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from healthgym.clinical.medcalc import compute
from healthgym.clinical.medcalc.scores import ADAPTERS

medcalc = pytest.importorskip("medcalc")
from medcalc.cardiac_risk_index import compute_cardiac_index_explanation  # noqa: E402
from medcalc.cci import compute_cci_explanation  # noqa: E402
from medcalc.centor_score import compute_centor_score_explanation  # noqa: E402
from medcalc.cha2ds2_vasc_score import generate_cha2ds2_vasc_explanation  # noqa: E402
from medcalc.curb_65 import curb_65_explanation  # noqa: E402
from medcalc.feverpain import compute_fever_pain_explanation  # noqa: E402
from medcalc.has_bled_score import compute_has_bled_score_explanation  # noqa: E402
from medcalc.wells_criteria_dvt import compute_wells_criteria_dvt_explanation  # noqa: E402
from medcalc.wells_criteria_pe import calculate_pe_wells_explanation  # noqa: E402

SETTINGS = settings(max_examples=200, deadline=None)
MAYBE = st.one_of(st.none(), st.booleans())  # None: the entity is absent from the dict


def test_adapter_ids() -> None:
    expected = {4, 8, 15, 16, 17, 18, 20, 21, 23, 25, 27, 28, 29, 32, 33, 36, 43, 45, 48, 51}
    assert set(ADAPTERS) == expected


def _split(flags: dict[tuple[str, str], bool | None]) -> tuple[dict[str, Any], dict[str, Any]]:
    """(ours, theirs) entity dicts from {(medcalc_entity, package_key): value or None}."""
    ours = {k[0]: val for k, val in flags.items() if val is not None}
    theirs = {k[1]: val for k, val in flags.items() if val is not None}
    return ours, theirs


def _flags(pairs: list[tuple[str, str]]) -> st.SearchStrategy[dict[tuple[str, str], Any]]:
    return st.fixed_dictionaries({pair: MAYBE for pair in pairs})


# ---------------------------------------------------------------- cross-checks


HAS_BLED_KEYS = [
    ("Hypertension history", "hypertension"),
    ("Liver disease criteria for the HAS-BLED rule", "liver_disease_has_bled"),
    ("Renal disease criteria for the HAS-BLED rule", "renal_disease_has_bled"),
    ("Stroke", "stroke"),
    ("Prior major bleeding or predisposition to bleeding", "prior_bleeding"),
    ("Labile international normalized ratio", "labile_inr"),
    ("Medication usage predisposing to bleeding", "medications_for_bleeding"),
]


@SETTINGS
@given(flags=_flags(HAS_BLED_KEYS), age=st.integers(18, 100), drinks=st.integers(0, 20))
def test_has_bled_matches_medcalc(flags: dict, age: int, drinks: int) -> None:
    ours, theirs = _split(flags)
    ours |= {"age": [age, "years"], "Number of Alcoholic Drinks Per Week": drinks}
    theirs |= {"age": (age, "years"), "alcoholic_drinks": drinks}
    assert compute(25, ours) == compute_has_bled_score_explanation(theirs)["Answer"]


RCRI_KEYS = [
    ("Elevated-risk surgery", "elevated_risk_surgery"),
    ("History of ischemic heart disease", "ischemetic_heart_disease"),
    (
        "Congestive Heart Failure criteria for the Cardiac Risk Index rule",
        "congestive_heart_failure",
    ),
    ("Cerebrovascular disease history", "cerebrovascular_disease"),
    ("Pre-operative treatment with insulin", "pre_operative_insulin_treatment"),
]


@SETTINGS
@given(flags=_flags(RCRI_KEYS), creatinine=st.integers(30, 500).map(lambda x: x / 100))
def test_rcri_matches_medcalc(flags: dict, creatinine: float) -> None:
    ours, theirs = _split(flags)
    ours["Pre-operative creatinine"] = [creatinine, "mg/dL"]
    theirs["pre_operative_creatinine"] = (creatinine, "mg/dL")
    assert compute(17, ours) == compute_cardiac_index_explanation(theirs)["Answer"]


FEVERPAIN_KEYS = [
    ("Fever in past 24 hours", "fever_24_hours"),
    ("Absence of cough or coryza", "cough_coryza_absent"),
    ("Symptom onset ≤3 days", "symptom_onset"),
    ("Purulent tonsils", "purulent_tonsils"),
    ("Severe tonsil inflammation", "severe_tonsil_inflammation"),
]


@SETTINGS
@given(flags=_flags(FEVERPAIN_KEYS))
def test_feverpain_matches_medcalc(flags: dict) -> None:
    ours, theirs = _split(flags)
    assert compute(33, ours) == compute_fever_pain_explanation(theirs)["Answer"]


CCI_KEYS = [
    ("Myocardial infarction", "mi"),
    ("Congestive Heart Faliure", "chf"),
    ("Peripheral vascular disease", "peripheral_vascular_disease"),
    ("Cerebrovascular Accident", "cva"),
    ("Transient Ischemic Attacks History", "tia"),
    ("Connective tissue disease", "connective_tissue_disease"),
    ("Dementia", "dementia"),
    ("Chronic Obstructive Pulmonary Disease", "copd"),
    ("Hemiplegia", "hemiplegia"),
    ("Peptic ulcer disease", "peptic_ucler_disease"),
    ("Moderate to severe Chronic Kidney Disease", "moderate_to_severe_ckd"),
    ("Leukemia", "leukemia"),
    ("Lymphoma", "lymphoma"),
    ("AIDS", "aids"),
]
# (MedCalc-Bench's text, as in its entity dicts; the package's lower-case spelling)
CCI_LIVER = [("None", "none"), ("Mild", "mild"), ("Moderate to severe", "moderate to severe")]
CCI_DIABETES = [
    ("None or Diet-controlled", "none or diet-controlled"),
    ("Uncomplicated", "uncomplicated"),
    ("End-organ damage", "end-organ damage"),
]
CCI_TUMOR = [("None", "none"), ("Localized", "localized"), ("Metastatic", "metastatic")]


def _maybe_choice(options: list[tuple[str, str]]) -> st.SearchStrategy[tuple[str, str] | None]:
    return st.one_of(st.none(), st.sampled_from(options))


@SETTINGS
@given(
    flags=_flags(CCI_KEYS),
    age=st.integers(18, 100),
    liver=_maybe_choice(CCI_LIVER),
    diabetes=_maybe_choice(CCI_DIABETES),
    tumor=_maybe_choice(CCI_TUMOR),
)
def test_charlson_matches_medcalc(flags: dict, age: int, liver, diabetes, tumor) -> None:
    # The package compares graded items in lower case (see the convention test below), so
    # it is given its own spelling while our adapter reads MedCalc-Bench's capitalised text.
    ours, theirs = _split(flags)
    ours["age"], theirs["age"] = [age, "years"], (age, "years")
    for key, pkg_key, value in (
        ("Liver disease severity", "liver_disease", liver),
        ("Diabetes mellitus criteria for CCI rule", "diabetes_mellitus", diabetes),
        ("Solid tumor", "solid_tumor", tumor),
    ):
        if value is not None:
            ours[key], theirs[pkg_key] = value
    assert compute(32, ours) == compute_cci_explanation(theirs)["Answer"]


CENTOR_KEYS = [
    ("Cough Absent", "cough_absent"),
    ("Tender/swollen anterior cervical lymph nodes", "tender_lymph_nodes"),
    ("Exudate or swelling on tonsils", "exudate_swelling_tonsils"),
]


@SETTINGS
@given(
    flags=_flags(CENTOR_KEYS),
    age=st.integers(3, 90),
    temp=st.integers(350, 410).map(lambda x: x / 10),
)
def test_centor_matches_medcalc(flags: dict, age: int, temp: float) -> None:
    ours, theirs = _split(flags)
    ours |= {"age": [age, "years"], "Temperature": [temp, "degrees celsius"]}
    theirs |= {"age": (age, "years"), "temperature": (temp, "degrees celsius")}
    assert compute(20, ours) == compute_centor_score_explanation(theirs)["Answer"]


@SETTINGS
@given(
    confusion=MAYBE,
    age=st.integers(18, 100),
    sbp=st.integers(60, 200),
    dbp=st.integers(30, 120),
    rr=st.integers(8, 40),
    bun=st.integers(30, 600).map(lambda x: x / 10),
)
def test_curb65_matches_medcalc(confusion, age, sbp, dbp, rr, bun) -> None:
    ours: dict[str, Any] = {
        "age": [age, "years"],
        "Systolic Blood Pressure": [sbp, "mm hg"],
        "Diastolic Blood Pressure": [dbp, "mm hg"],
        "respiratory rate": [rr, "breaths per minute"],
        "Blood Urea Nitrogen (BUN)": [bun, "mg/dL"],
    }
    theirs: dict[str, Any] = {
        "age": (age, "years"),
        "sys_bp": (sbp, "mm hg"),
        "dia_bp": (dbp, "mm hg"),
        "respiratory_rate": (rr, "breaths per minute"),
        "bun": (bun, "mg/dL"),
    }
    if confusion is not None:
        ours["Confusion"], theirs["confusion"] = confusion, confusion
    assert compute(45, ours) == curb_65_explanation(theirs)["Answer"]


CHA2DS2_KEYS = [
    ("Congestive Heart Faliure", "chf"),
    ("Hypertension history", "hypertension"),
    ("Stroke", "stroke"),
    ("Transient Ischemic Attacks History", "tia"),
    ("Thromboembolism history", "thromboembolism"),
    ("Vascular disease history", "vascular_disease"),
    ("Diabetes history", "diabetes"),
]


@SETTINGS
@given(
    flags=_flags(CHA2DS2_KEYS),
    age=st.integers(18, 100),
    sex=st.sampled_from(["Male", "Female"]),
)
def test_cha2ds2_vasc_matches_medcalc(flags: dict, age: int, sex: str) -> None:
    ours, theirs = _split(flags)
    ours |= {"age": [age, "years"], "sex": sex}
    theirs |= {"age": (age, "years"), "sex": sex}
    assert compute(4, ours) == generate_cha2ds2_vasc_explanation(theirs)["Answer"]


WELLS_PE_KEYS = [
    ("Clinical signs and symptoms of Deep Vein Thrombosis", "clinical_dvt"),
    ("Pulmonary Embolism is #1 diagnosis OR equally likely", "pe_number_one"),
    ("Immobilization for at least 3 days", "immobilization_for_3days"),
    ("Surgery in the previous 4 weeks", "surgery_in_past4weeks"),
    ("Previously Documented Pulmonary Embolism", "previous_pe"),
    ("Previously documented Deep Vein Thrombosis", "previous_dvt"),
    ("Hemoptysis", "hemoptysis"),
    ("Malignancy with treatment within 6 months or palliative", "malignancy_with_treatment"),
]


@SETTINGS
@given(flags=_flags(WELLS_PE_KEYS), hr=st.integers(40, 160))
def test_wells_pe_matches_medcalc(flags: dict, hr: int) -> None:
    ours, theirs = _split(flags)
    ours["Heart Rate or Pulse"] = [hr, "beats per minute"]
    theirs["heart_rate"] = (hr, "beats per minute")
    assert compute(8, ours) == calculate_pe_wells_explanation(theirs)["Answer"]


WELLS_DVT_KEYS = [
    ("Active cancer", "active_cancer"),
    ("Bedridden recently >3 days or major surgery within 12 weeks", "bedridden_for_atleast_3_days"),
    ("Major surgery within 12 weeks", "major_surgery_in_last_12_weeks"),
    ("Calf swelling >3 centimeters compared to the other leg", "calf_swelling_3cm"),
    ("Collateral (nonvaricose) superficial veins present", "collateral_superficial_veins"),
    ("Entire Leg Swollen", "leg_swollen"),
    (
        "Localized tenderness along the deep venous system",
        "localized_tenderness_on_deep_venuous_system",
    ),
    ("Pitting edema, confined to symptomatic leg", "pitting_edema_on_symptomatic_leg"),
    (
        "Paralysis, paresis, or recent plaster immobilization of the lower extremity",
        "paralysis_paresis_immobilization_in_lower_extreme",
    ),
    ("Previously documented Deep Vein Thrombosis", "previous_dvt"),
    (
        "Alternative diagnosis to Deep Vein Thrombosis as likely or more likely",
        "alternative_to_dvt_diagnosis",
    ),
]


@SETTINGS
@given(flags=_flags(WELLS_DVT_KEYS))
def test_wells_dvt_matches_medcalc(flags: dict) -> None:
    ours, theirs = _split(flags)
    assert compute(16, ours) == compute_wells_criteria_dvt_explanation(theirs)["Answer"]


# ---------------------------------------------------------------- convention differences


@pytest.mark.parametrize(
    ("entity", "value", "ours", "package"),
    [
        # MedCalc's package compares the graded items with lower-case strings, so the
        # capitalised text of MedCalc-Bench's own entity dicts falls through to its
        # "present: +1" branch. We score the stated grade (Charlson 1987 weights).
        ("Solid tumor", "Metastatic", 6, 1),
        ("Diabetes mellitus criteria for CCI rule", "None or Diet-controlled", 0, 1),
        ("Liver disease severity", "Moderate to severe", 3, 1),
    ],
)
def test_charlson_graded_text_convention(entity: str, value: str, ours: int, package: int) -> None:
    assert compute(32, {"age": [40, "years"], entity: value}) == ours
    pkg_key = {
        "Solid tumor": "solid_tumor",
        "Diabetes mellitus criteria for CCI rule": "diabetes_mellitus",
        "Liver disease severity": "liver_disease",
    }[entity]
    theirs = compute_cci_explanation({"age": (40, "years"), pkg_key: value})["Answer"]
    assert theirs == package


def test_rcri_cerebrovascular_either_key() -> None:
    # MedCalc-Bench writes cerebrovascular disease under two keys, sometimes conflicting;
    # the package reads only one. A documented stroke/TIA under either key counts.
    entities = {
        "History of cerebrovascular disease": True,
        "Cerebrovascular disease history": False,
        "Pre-operative creatinine": [1.0, "mg/dL"],
    }
    assert compute(17, entities) == 1
    theirs = {"cerebrovascular_disease": False, "pre_operative_creatinine": (1.0, "mg/dL")}
    assert compute_cardiac_index_explanation(theirs)["Answer"] == 0


def test_temperature_misspelt_celsius_is_celsius() -> None:
    # MedCalc-Bench writes "degrees celsisus"; the package treats any unit other than
    # "degrees celsius" as Fahrenheit. 38.0 "celsisus" is 38.0 C: no PSI temperature points.
    base = {"age": [60, "years"], "sex": "Male"}
    assert compute(29, {**base, "Temperature": [38.0, "degrees celsisus"]}) == 60
    assert compute(29, {**base, "Temperature": [34.0, "degrees celsisus"]}) == 75
