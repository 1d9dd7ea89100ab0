"""Tests for HAS-BLED, RCRI, FeverPAIN, Charlson, Caprini, PSI, APACHE II and SOFA.

Expected values are hand-computed from the published criteria (Pisters 2010 Chest, Lee 1999
Circulation, Little 2013 BMJ, Charlson 1987 J Chronic Dis, Caprini 2005 Dis Mon, Fine 1997
NEJM, Knaus 1985 Crit Care Med, Vincent 1996 Intensive Care Med); the source of each case
is given in a comment.
"""

from __future__ import annotations

import inspect
from typing import Any

import pytest

from healthgym.clinical.registry import calculators
from healthgym.clinical.scores import (
    caprini,
    charlson,
    feverpain,
    has_bled,
    rcri,
)
from healthgym.clinical.units import Q

HAS_BLED_NONE: dict[str, Any] = dict(
    uncontrolled_hypertension=False,
    abnormal_renal_function=False,
    abnormal_liver_function=False,
    stroke=False,
    bleeding_history_or_predisposition=False,
    labile_inr=False,
    age=60,
    antiplatelet_or_nsaid_use=False,
    alcohol_drinks_per_week=0,
)
RCRI_NONE: dict[str, Any] = dict(
    high_risk_surgery=False,
    ischemic_heart_disease=False,
    congestive_heart_failure=False,
    cerebrovascular_disease=False,
    insulin_treatment=False,
    creatinine_mg_dl=1.0,
)
FEVERPAIN_NONE: dict[str, Any] = dict(
    fever_past_24h=False,
    purulence=False,
    attend_rapidly_within_3_days=False,
    severely_inflamed_tonsils=False,
    no_cough_or_coryza=False,
)

# One valid input set per new score, for the generic checks below.
SAMPLES: dict[str, dict[str, Any]] = {
    "has_bled": HAS_BLED_NONE,
    "rcri": RCRI_NONE,
    "feverpain": FEVERPAIN_NONE,
    "charlson": dict(age=72, dementia=True, diabetes="uncomplicated"),
    "caprini": dict(age=50, surgery_type="major", mobility="bed_rest", bmi=27),
    "psi": dict(age=70, sex="female", heart_rate=130, bun_mg_dl=35),
    "apache_ii": dict(
        age=50,
        temperature_c=37,
        map_mmhg=80,
        heart_rate=90,
        respiratory_rate=16,
        fio2=0.21,
        pao2_mmhg=90,
        arterial_ph=7.4,
        sodium_mmol_l=140,
        potassium_mmol_l=4,
        creatinine_mg_dl=1,
        acute_renal_failure=False,
        hematocrit_pct=40,
        wbc=8,
        gcs=15,
        chronic_health="none",
    ),
    "sofa": dict(
        pao2_mmhg=90,
        fio2=0.4,
        respiratory_support=False,
        platelets=200,
        gcs=15,
        bilirubin_mg_dl=0.8,
        creatinine_mg_dl=0.9,
        map_mmhg=80,
    ),
}


@pytest.mark.parametrize("name", sorted(SAMPLES))
def test_generic_contract(name: str) -> None:
    fn = calculators()[name]
    assert fn.__name__ == name
    sig = inspect.signature(fn)
    for param in sig.parameters.values():
        assert param.kind is inspect.Parameter.KEYWORD_ONLY, (name, param.name)
        assert param.annotation is not inspect.Parameter.empty, (name, param.name)
    doc = inspect.getdoc(fn) or ""
    assert "Source" in doc and "Interpretation" in doc
    result = fn(**SAMPLES[name])
    assert result.name and result.source and result.interpretation and result.components
    assert sum(result.components.values()) == pytest.approx(result.value)
    assert result.as_text().startswith(result.name)
    with pytest.raises(TypeError):
        fn(**SAMPLES[name], not_a_parameter=1)
    with pytest.raises(TypeError):
        fn(*SAMPLES[name].values())


# ---------------------------------------------------------------- HAS-BLED (Pisters 2010)


def test_has_bled_all_criteria() -> None:
    # Hand-computed: every item present, 70 years, 10 drinks/week -> 9 (maximum).
    args = {k: True for k, val in HAS_BLED_NONE.items() if isinstance(val, bool)}
    result = has_bled(**args, age=70, alcohol_drinks_per_week=10)
    assert result.value == 9
    assert set(result.components.values()) == {1.0}
    assert "too few patients" in result.interpretation


@pytest.mark.parametrize(
    ("changes", "value", "text"),
    [
        ({}, 0, "1.13 major bleeds"),
        ({"age": 65}, 0, "low-moderate"),
        ({"age": 65.5}, 1, "1.02"),
        ({"alcohol_drinks_per_week": 7}, 0, "1.13"),
        ({"alcohol_drinks_per_week": 8}, 1, "1.02"),
        ({"stroke": True, "labile_inr": True}, 2, "1.88"),
        ({"stroke": True, "labile_inr": True, "age": 80}, 3, "high bleeding risk (~3.74"),
    ],
)
def test_has_bled_boundaries_and_bands(changes: dict[str, Any], value: int, text: str) -> None:
    result = has_bled(**{**HAS_BLED_NONE, **changes})
    assert result.value == value
    assert text in result.interpretation


@pytest.mark.parametrize(
    ("field", "bad"), [("age", -1), ("alcohol_drinks_per_week", -2), ("stroke", "yes")]
)
def test_has_bled_invalid(field: str, bad: Any) -> None:
    with pytest.raises(ValueError, match=field):
        has_bled(**{**HAS_BLED_NONE, field: bad})


# ---------------------------------------------------------------- RCRI (Lee 1999)


def test_rcri_class_iv_example() -> None:
    # Hand-computed: intraperitoneal surgery, prior MI, creatinine 2.5 mg/dL -> 3, class IV.
    result = rcri(
        **{
            **RCRI_NONE,
            "high_risk_surgery": True,
            "ischemic_heart_disease": True,
            "creatinine_mg_dl": 2.5,
        }
    )
    assert result.value == 3
    assert "class IV" in result.interpretation and "11%" in result.interpretation


@pytest.mark.parametrize(
    ("creatinine", "points"),
    [(2.0, 0), (2.01, 1), (Q(177, "umol/L"), 1), (Q(176, "umol/L"), 0), (None, 0)],
)
def test_rcri_creatinine_threshold(creatinine: Any, points: int) -> None:
    # 2.0 mg/dL = 176.8 umol/L (x 88.4); the criterion is creatinine > 2.0 mg/dL.
    result = rcri(**{**RCRI_NONE, "creatinine_mg_dl": creatinine})
    assert result.components["creatinine"] == points


@pytest.mark.parametrize(
    ("n", "text"), [(0, "class I)"), (1, "class II)"), (2, "class III)"), (5, "class IV)")]
)
def test_rcri_classes(n: int, text: str) -> None:
    flags = ["high_risk_surgery", "ischemic_heart_disease", "congestive_heart_failure"]
    flags += ["cerebrovascular_disease", "insulin_treatment"]
    result = rcri(**{**RCRI_NONE, **{f: True for f in flags[:n]}})
    assert result.value == n
    assert text in result.interpretation


@pytest.mark.parametrize("bad", ["2", -1, Q(2, "g"), True])
def test_rcri_invalid_creatinine(bad: Any) -> None:
    with pytest.raises(ValueError, match="creatinine"):
        rcri(**{**RCRI_NONE, "creatinine_mg_dl": bad})


# ---------------------------------------------------------------- FeverPAIN (Little 2013)


@pytest.mark.parametrize(
    ("n", "text"), [(0, "13-18%"), (1, "13-18%"), (2, "34-40%"), (3, "34-40%"), (4, "62-65%")]
)
def test_feverpain_bands(n: int, text: str) -> None:
    keys = list(FEVERPAIN_NONE)
    result = feverpain(**{**FEVERPAIN_NONE, **{k: True for k in keys[:n]}})
    assert result.value == n
    assert text in result.interpretation


def test_feverpain_all_and_invalid() -> None:
    assert feverpain(**{k: True for k in FEVERPAIN_NONE}).value == 5
    with pytest.raises(ValueError, match="purulence"):
        feverpain(**{**FEVERPAIN_NONE, "purulence": 1.5})


# ---------------------------------------------------------------- Charlson (1987)


def test_charlson_worked_example() -> None:
    # Hand-computed (the patient of MedCalc-Bench dev row 428): 75 y (3), MI, CHF, PVD,
    # connective tissue disease, dementia (1 each), mild liver disease (1), metastatic
    # solid tumour (6) -> 15.
    result = charlson(
        age=75,
        myocardial_infarction=True,
        congestive_heart_failure=True,
        peripheral_vascular_disease=True,
        connective_tissue_disease=True,
        dementia=True,
        liver_disease="mild",
        solid_tumor="metastatic",
    )
    assert result.value == 15
    assert result.components["solid_tumor"] == 6 and result.components["age"] == 3
    assert "12 comorbidity + 3 age" in result.interpretation and "85%" in result.interpretation


@pytest.mark.parametrize(
    ("age", "points"), [(49.9, 0), (50, 1), (59.9, 1), (60, 2), (69, 2), (70, 3), (80, 4)]
)
def test_charlson_age_points(age: float, points: int) -> None:
    assert charlson(age=age).value == points


@pytest.mark.parametrize(
    ("kwargs", "points", "mortality"),
    [
        ({}, 0, "12%"),
        ({"hemiplegia": True}, 2, "26%"),
        ({"aids": True}, 6, "85%"),
        ({"liver_disease": "moderate_severe"}, 3, "52%"),
        ({"diabetes": "end_organ_damage"}, 2, "26%"),
        ({"diabetes": "none"}, 0, "12%"),
        ({"solid_tumor": "localized", "leukemia": True}, 4, "52%"),
        ({"moderate_severe_renal_disease": True, "lymphoma": True, "dementia": True}, 5, "85%"),
    ],
)
def test_charlson_weights(kwargs: dict[str, Any], points: int, mortality: str) -> None:
    result = charlson(age=40, **kwargs)
    assert result.value == points
    assert f"~{mortality}" in result.interpretation


@pytest.mark.parametrize(
    ("field", "bad"), [("liver_disease", "severe"), ("solid_tumor", True), ("age", 200)]
)
def test_charlson_invalid(field: str, bad: Any) -> None:
    with pytest.raises(ValueError, match=field):
        charlson(**{"age": 50, field: bad})


# ---------------------------------------------------------------- Caprini (2005)


def test_caprini_worked_example() -> None:
    # Hand-computed (patient of MedCalc-Bench dev row 908): 63 y (2), major surgery (2),
    # major surgery < 1 month (1), leg fracture (5), multiple trauma (5), varicose veins
    # (1), previous DVT (3), family history (3), homocysteine (3), confined > 72 h (2),
    # BMI 27.1 (1) -> 28.
    result = caprini(
        age=63,
        surgery_type="major",
        mobility="confined_over_72h",
        bmi=27.1,
        recent_major_surgery=True,
        recent_hip_pelvis_leg_fracture=True,
        recent_multiple_trauma=True,
        varicose_veins=True,
        history_dvt_pe=True,
        family_history_thrombosis=True,
        elevated_homocysteine=True,
    )
    assert result.value == 28
    assert "highest risk" in result.interpretation


@pytest.mark.parametrize(
    ("age", "points"), [(40, 0), (41, 1), (60, 1), (61, 2), (74, 2), (75, 3), (90, 3)]
)
def test_caprini_age(age: float, points: int) -> None:
    assert caprini(age=age, surgery_type="none", mobility="ambulatory").value == points


@pytest.mark.parametrize(
    ("kwargs", "value", "band"),
    [
        ({"bmi": 25}, 0, "low risk"),
        ({"bmi": 25.1}, 1, "low risk"),
        ({"surgery_type": "minor", "copd": True}, 2, "moderate risk"),
        ({"mobility": "bed_rest", "recent_plaster_cast": True}, 3, "high risk"),
        ({"central_venous_access": True, "malignancy": True}, 4, "high risk"),
        ({"surgery_type": "elective_lower_extremity_arthroplasty"}, 5, "highest risk"),
        ({"heparin_induced_thrombocytopenia": True, "pregnant_or_postpartum": True}, 4, "high"),
    ],
)
def test_caprini_items_and_bands(kwargs: dict[str, Any], value: int, band: str) -> None:
    base = dict(age=30, surgery_type="none", mobility="ambulatory")
    result = caprini(**{**base, **kwargs})
    assert result.value == value
    assert band in result.interpretation


@pytest.mark.parametrize(
    ("field", "bad"), [("surgery_type", "big"), ("mobility", "walks"), ("bmi", -1), ("copd", "yes")]
)
def test_caprini_invalid(field: str, bad: Any) -> None:
    base: dict[str, Any] = dict(age=30, surgery_type="none", mobility="ambulatory")
    with pytest.raises(ValueError, match=field):
        caprini(**{**base, field: bad})
