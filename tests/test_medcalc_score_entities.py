"""MedCalc-Bench score adapters on hand-built entity dicts (MedCalc's key names, values and
units), with hand-computed answers from each score's published criteria."""

from __future__ import annotations

import pytest

from healthgym.clinical.errors import CalculatorInputError
from healthgym.clinical.medcalc import compute


@pytest.mark.parametrize(
    ("count", "sirs"),
    [
        ([9400.0, "m^3"], 0),  # MedCalc's "m^3" is per mm^3: 9.4 x10^9/L
        ([4200.0, "µL"], 0),  # 4.2 x10^9/L is not < 4
        ([3900.0, "µL"], 1),
        ([13.0e9, "L"], 1),  # cells per litre
        ([12.5, "x10^9/L"], 1),
    ],
)
def test_sirs_white_cell_units(count: list, sirs: int) -> None:
    entities = {
        "Temperature": [98.6, "degrees fahreinheit"],  # 37 C
        "Heart Rate or Pulse": [80, "beats per minute"],
        "respiratory rate": [16, "breaths per minute"],
        "White blood cell count": count,
    }
    assert compute(51, entities) == sirs
    assert compute(51, {**entities, "PaCO₂": [30.0, "mm hg"]}) == sirs + 1


@pytest.mark.parametrize(
    ("eye", "verbal", "motor", "total"),
    [
        ("eyes open spontaneously", "oriented", "obeys commands", 15),
        ("eye opening to verbal command", "confused", "localizes pain", 12),
        ("eye opening to pain", "inappropriate words", "withdrawal from pain", 9),
        ("no eye opening", "incomprehensible sounds", "flexion to pain", 6),
        ("no eye opening", "no verbal response", "extension to pain", 4),
        ("no eye opening", "no verbal response", "no motor response", 3),
    ],
)
def test_gcs_text(eye: str, verbal: str, motor: str, total: int) -> None:
    entities = {"Best eye response": eye, "Best verbal response": verbal}
    assert compute(21, {**entities, "Best motor response": motor}) == total


def test_gcs_missing_component_scores_full_and_unknown_text_fails() -> None:
    assert compute(21, {"Best eye response": "eye opening to pain"}) == 2 + 5 + 6
    with pytest.raises(CalculatorInputError, match="Best motor response"):
        compute(21, {"Best motor response": "wiggles"})


def test_heart_text_and_risk_factors() -> None:
    # Hand-computed: highly suspicious (2), ST deviation (2), 50 y (1), three risk factors
    # (2), troponin 1-3x (1) -> 8.
    entities = {
        "age": [50, "years"],
        "Suspicion History": "Highly suspicious",
        "Electrocardiogram Test": "Significant ST deviation",
        "Initial troponin": "between the normal limit or up to three times the normal limit",
        "Hypertension history": True,
        "smoking": True,
        "obesity": True,
    }
    assert compute(18, entities) == 8
    assert compute(18, {"age": [30, "years"]}) == 0
    tia = {"age": [30, "years"], "Transient Ischemic Attacks History": True}
    assert compute(18, tia) == 2  # prior TIA is known atherosclerotic disease
    ecg = {"age": [30, "years"], "Electrocardiogram Test": "Non-specific repolarization"}
    assert compute(18, ecg) == 1
    trop = {"age": [30, "years"], "Initial troponin": "greater than three times normal limit"}
    assert compute(18, trop) == 2


@pytest.mark.parametrize(
    ("ascites", "encephalopathy", "total"),
    [
        ("absent", "No Encephalopathy", 5 + 1),
        ("slight", "Grade 1-2", 5 + 3),
        ("moderate", "Grade 3-4", 5 + 5),
    ],
)
def test_child_pugh_text(ascites: str, encephalopathy: str, total: int) -> None:
    # Bilirubin 40 umol/L = 2.3 mg/dL (2), albumin 3.6 (1), INR 1.2 (1) -> 4 + grades.
    entities = {
        "Bilirubin": [40.0, "µmol/L"],
        "Albumin": [3.6, "g/dL"],
        "international normalized ratio": 1.2,
        "Ascites": ascites,
        "Encephalopathy": encephalopathy,
    }
    assert compute(15, entities) == total


def test_meld_na_dialysis_keys() -> None:
    base = {
        "creatinine": [1.0, "mg/dL"],
        "international normalized ratio": 1.0,
        "Sodium": [137.0, "mEq/L"],
        "Bilirubin": [1.0, "mg/dL"],
    }
    # MELD(i) = 0.643 -> 6; with dialysis creatinine is 4.0: 0.957 ln 4 + 0.643 = 1.97 -> 20
    assert compute(23, base) == 6
    cvvhd = "Continuous veno-venous hemodialysis for ≥24 hours in the past week"
    assert compute(23, {**base, cvvhd: True}) == 20


def test_centor_under_three_years() -> None:
    # 14 months, 38.4 C: McIsaac is defined from 3 years; MedCalc scores the age item 0.
    entities = {"age": [14, "months"], "Temperature": [38.4, "degrees celsius"]}
    assert compute(20, entities) == 1


APACHE_ENTITIES = {
    "age": [61.0, "years"],
    "Temperature": [38.3, "degrees celsisus"],
    "Systolic Blood Pressure": [125.0, "mm Hg"],
    "Diastolic Blood Pressure": [83.0, "mm Hg"],
    "Heart Rate or Pulse": [143.0, "beats per minute"],
    "respiratory rate": [21.0, "breaths per minute"],
    "FiO₂": [68.0, "%"],
    "A-a gradient": 240.0,
    "pH": 7.47,
    "Sodium": [132.38, "mmol/L"],
    "Potassium": [6.43, "mEq/L"],
    "creatinine": [2.57, "mg/dL"],
    "Acute renal failure": True,
    "Chronic Renal Failure": True,
    "Hematocrit": [54.0, "%"],
    "White blood cell count": [27463.0, "µL"],
    "Glasgow Coma Score": 15.0,
    "History of severe organ failure or immunocompromise": False,
}


@pytest.mark.parametrize(
    ("changes", "total"),
    [
        # Hand-computed (Knaus 1985): age 3, A-a 240 2, HR 143 3, K 6.43 3, creatinine
        # 2.57 with ARF 6, Hct 54 2, WBC 27.5 2; 38.3 C, MAP 97, RR 21, pH, Na normal -> 21.
        ({}, 21),
        ({"History of severe organ failure or immunocompromise": True}, 26),  # nonoperative
        (
            {
                "History of severe organ failure or immunocompromise": True,
                "Surgery Type": "Elective postoperative",
            },
            23,
        ),
        ({"Glasgow Coma Score": 12.0}, 24),
        (
            {"FiO₂": [40.0, "%"], "Partial pressure of oxygen (PaO₂) for Apache II": [58, "mm Hg"]},
            22,
        ),
    ],
)
def test_apache_ii_entities(changes: dict, total: int) -> None:
    assert compute(28, {**APACHE_ENTITIES, **changes}) == total


def test_sofa_entities() -> None:
    # Hand-computed (Vincent 1996): PaO2/FiO2 76/0.60 = 127 on ventilation (3), hypotension
    # without vasopressors (1), GCS 9 (3), bilirubin 88.4 umol/L = 5.2 mg/dL (2), platelets
    # 140 x10^9/L (1), creatinine 121 umol/L = 1.37 mg/dL (1) -> 11.
    entities = {
        "FiO₂": [60.0, "%"],
        "On mechanical ventilation": True,
        "Partial pressure of oxygen (PaO₂) for Apache II": [76.0, "mm Hg"],
        "Hypotension": True,
        "Glasgow Coma Score": 9.0,
        "creatinine": [121.32, "µmol/L"],
        "Bilirubin": [88.41, "µmol/L"],
        "Platelet count": [140400.0, "µL"],
    }
    assert compute(43, entities) == 11
    # missing GCS is taken as 15; SBP/DBP give MAP (120 + 2 x 80) / 3 = 93 (no hypotension)
    bp = {"Systolic Blood Pressure": [120, "mm Hg"], "Diastolic Blood Pressure": [80, "mm Hg"]}
    no_gcs = {k: v for k, v in entities.items() if k != "Glasgow Coma Score"}
    assert compute(43, {**no_gcs, **bp}) == 11 - 3 - 1
    assert compute(43, {**entities, "norEPINEPHrine": [0.2, "mcg/kg/min"]}) == 11 + 3


def test_psi_entities() -> None:
    # Hand-computed (Fine 1997): female 77 (67), cerebrovascular (10), renal (10), pulse 130
    # (10), 42 C (15), RR 34 (20), SBP 87 (20), BUN 36.75 (20), Na 117 (20), glucose 250.2
    # (10) -> 202.
    entities = {
        "age": [77.0, "years"],
        "sex": "Female",
        "Renal disease": True,
        "Cerebrovascular disease history": True,
        "Heart Rate or Pulse": [130.0, "beats per minute"],
        "Temperature": [42.0, "degrees celsisus"],
        "respiratory rate": [34.0, "breaths per minute"],
        "Systolic Blood Pressure": [87.0, "mm Hg"],
        "Blood Urea Nitrogen (BUN)": [36.75, "mg/dL"],
        "Sodium": [117.0, "mmol/L"],
        "Glucose": [250.21, "mg/dL"],
        "pH": 7.39,
        "Hematocrit": [37.0, "%"],
    }
    assert compute(29, entities) == 202
    assert compute(29, {**entities, "Glucose": [13.0, "mmol/L"]}) == 192  # 234 mg/dL


def test_caprini_entities() -> None:
    # Hand-computed (Caprini 2005): 81 y (3), arthroplasty (5), sepsis (1), stroke (5),
    # varicose veins (1), previous DVT (3), family history (3), prothrombin 20210A (3),
    # HIT (3), normal mobility, BMI 21.4 -> 27.
    entities = {
        "age": [81.0, "years"],
        "sex": "Male",
        "Surgery Type": "elective major lower extremity arthroplasty",
        "Sepsis in the last month": True,
        "Stroke in the last month": True,
        "Varicose veins": True,
        "Previously documented Deep Vein Thrombosis": True,
        "Family history of thrombosis": True,
        "Positive prothrombin 20210A": True,
        "Heparin-induced thrombocytopenia": True,
        "Mobility": "normal",
        "Body Mass Index (BMI)": [21.4, "kg/m^2"],
    }
    assert compute(36, entities) == 27
    assert compute(36, {**entities, "Mobility": "confined to bed >72 hours"}) == 29
    assert compute(36, {**entities, "Mobility": "on bed rest", "Surgery Type": "minor"}) == 24
    assert compute(36, {"age": [30.0, "years"]}) == 0


@pytest.mark.parametrize(
    ("extra", "total"),
    [
        ({"Solid tumor": True}, 2),  # a tumour without stated spread: localized
        ({"Solid tumor": False}, 0),
        ({"Moderate to severe Chronic Kidney Disease": "Moderate to severe"}, 2),
        ({"Moderate to severe Chronic Kidney Disease": True}, 2),
        ({"Moderate to severe Chronic Kidney Disease": "None"}, 0),
        ({"Diabetes mellitus criteria for CCI rule": "End-organ damage"}, 2),
        ({"Transient Ischemic Attacks History": True, "Cerebrovascular Accident": True}, 1),
    ],
)
def test_charlson_entities(extra: dict, total: int) -> None:
    assert compute(32, {"age": [45.0, "years"], **extra}) == total


def test_simple_score_entities() -> None:
    # HAS-BLED without the alcohol entity counts 0 drinks: age 70 (1) + stroke (1) = 2.
    assert compute(25, {"age": [70, "years"], "Stroke": True}) == 2
    # RCRI creatinine in umol/L: 190.2 / 88.4 = 2.15 mg/dL > 2 -> 1.
    assert compute(17, {"Pre-operative creatinine": [190.2, "µmol/L"]}) == 1
    # CURB-65 urea in mmol/L: 7.5 mmol/L = 21 mg/dL BUN > 19 -> 1 (+ age 70 -> 2).
    curb = {
        "age": [70, "years"],
        "Systolic Blood Pressure": [130, "mm hg"],
        "Diastolic Blood Pressure": [80, "mm hg"],
        "respiratory rate": [18, "breaths per minute"],
        "Blood Urea Nitrogen (BUN)": [7.5, "mmol/L"],
    }
    assert compute(45, curb) == 2
    # PERC: age 50, HR 100, SpO2 94, hormone use, prior DVT -> 5.
    perc = {
        "age": [50, "years"],
        "Heart Rate or Pulse": [100, "beats per minute"],
        "O₂ saturation percentage": [94, "%"],
        "Hormone use": True,
        "Previously documented Deep Vein Thrombosis": True,
    }
    assert compute(48, perc) == 5
    # Wells PE: HR 101 (1.5) + surgery (1.5) + prior PE and DVT (1.5, once) = 4.5.
    wells = {
        "Heart Rate or Pulse": [101, "beats per minute"],
        "Surgery in the previous 4 weeks": True,
        "Previously Documented Pulmonary Embolism": True,
        "Previously documented Deep Vein Thrombosis": True,
    }
    assert compute(8, wells) == 4.5
    # Glasgow-Blatchford: BUN 8 mmol/L = 22.4 mg/dL -> urea 8.0 mmol/L (3), Hb 11.5 g/dL
    # male (3), SBP 95 (2), pulse 100 (1) -> 9.
    gbs = {
        "Blood Urea Nitrogen (BUN)": [8.0, "mmol/L"],
        "Hemoglobin": [11.5, "g/dL"],
        "sex": "Male",
        "Systolic Blood Pressure": [95, "mm Hg"],
        "Heart Rate or Pulse": [100, "beats per minute"],
    }
    assert compute(27, gbs) == 9
