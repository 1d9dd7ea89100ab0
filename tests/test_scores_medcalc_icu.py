"""Tests for APACHE II (Knaus 1985) and SOFA (Vincent 1996).

Expected values are hand-computed from the published tables; the source of each case is
given in a comment. Where a case reuses a MedCalc-Bench patient, the value is our own hand
computation (not MedCalc's label).
"""

from __future__ import annotations

from typing import Any

import pytest

from healthgym.clinical.scores import apache_ii, sofa
from healthgym.clinical.units import Q

APACHE_NORMAL: dict[str, Any] = dict(
    age=40,
    temperature_c=37.0,
    map_mmhg=85,
    heart_rate=80,
    respiratory_rate=16,
    fio2=0.21,
    pao2_mmhg=95,
    arterial_ph=7.40,
    sodium_mmol_l=140,
    potassium_mmol_l=4.0,
    creatinine_mg_dl=1.0,
    acute_renal_failure=False,
    hematocrit_pct=40,
    wbc=8,
    gcs=15,
    chronic_health="none",
)
SOFA_NORMAL: dict[str, Any] = dict(
    pao2_mmhg=100,
    fio2=0.21,
    respiratory_support=False,
    platelets=250,
    gcs=15,
    bilirubin_mg_dl=0.5,
    creatinine_mg_dl=0.8,
    map_mmhg=85,
)


# ---------------------------------------------------------------- APACHE II


def test_apache_ii_worked_example() -> None:
    # Patient of MedCalc-Bench's one-shot APACHE II example, checked by hand against
    # Knaus 1985: age 64 (3), FiO2 36% with PaO2 75 (0), 100.8 F = 38.2 C (0), MAP
    # (110 + 2 x 58) / 3 = 75.3 (0), HR 107 (0), RR 22 (0), pH 7.29 (2), Na 136 (0),
    # K 4.5 (0), creatinine 1.8 in acute renal failure (2 x 2 = 4), Hct 34 (0),
    # WBC 12.3 (0), GCS 13 (2) -> 11.
    result = apache_ii(
        age=64,
        temperature_c=Q(100.8, "degrees fahrenheit"),
        map_mmhg=(110 + 2 * 58) / 3,
        heart_rate=107,
        respiratory_rate=22,
        fio2=0.36,
        pao2_mmhg=75,
        arterial_ph=7.29,
        sodium_mmol_l=136,
        potassium_mmol_l=4.5,
        creatinine_mg_dl=1.8,
        acute_renal_failure=True,
        hematocrit_pct=34,
        wbc=Q(12300, "/uL"),
        gcs=13,
        chronic_health="none",
    )
    assert result.value == 11
    assert result.components["creatinine"] == 4
    assert result.components["gcs"] == 2
    assert "~15%" in result.interpretation
    assert result.explanation()[-1] == "total = 11"


def test_apache_ii_second_example() -> None:
    # Hand-computed (patient of MedCalc-Bench dev row 869): age 61 (3), FiO2 0.68 with A-a
    # 240 (2), 38.3 C (0), MAP 97 (0), HR 143 (3), RR 21 (0), pH 7.47 (0), Na 132.4 (0),
    # K 6.43 (3), creatinine 2.57 with ARF (6), Hct 54 (2), WBC 27.5 (2), GCS 15 -> 21.
    result = apache_ii(
        **{
            **APACHE_NORMAL,
            "age": 61,
            "fio2": 0.68,
            "aa_gradient_mmhg": 240,
            "temperature_c": 38.3,
            "map_mmhg": 97,
            "heart_rate": 143,
            "respiratory_rate": 21,
            "arterial_ph": 7.47,
            "sodium_mmol_l": 132.38,
            "potassium_mmol_l": 6.43,
            "creatinine_mg_dl": 2.57,
            "acute_renal_failure": True,
            "hematocrit_pct": 54,
            "wbc": 27.463,
        }
    )
    assert result.value == 21


def test_apache_ii_maximum_is_71() -> None:
    # Knaus 1985: the maximum APACHE II score is 71.
    worst = dict(
        age=80,
        temperature_c=29,
        map_mmhg=40,
        heart_rate=30,
        respiratory_rate=4,
        fio2=1.0,
        aa_gradient_mmhg=600,
        arterial_ph=7.0,
        sodium_mmol_l=100,
        potassium_mmol_l=2.0,
        creatinine_mg_dl=4.0,
        acute_renal_failure=True,
        hematocrit_pct=15,
        wbc=0.5,
        gcs=3,
        chronic_health="nonoperative",
    )
    result = apache_ii(**worst)
    assert result.value == 71
    assert "~85%" in result.interpretation


def test_apache_ii_normal_is_zero() -> None:
    result = apache_ii(**APACHE_NORMAL)
    assert result.value == 0
    assert "~4%" in result.interpretation


@pytest.mark.parametrize(
    ("field", "value", "component", "points"),
    [
        ("temperature_c", 41, "temperature", 4),
        ("temperature_c", 38.5, "temperature", 1),
        ("temperature_c", 38.45, "temperature", 0),
        ("temperature_c", 35.9, "temperature", 1),
        ("temperature_c", 30, "temperature", 3),
        ("map_mmhg", 160, "mean_arterial_pressure", 4),
        ("map_mmhg", 110, "mean_arterial_pressure", 2),
        ("map_mmhg", 69, "mean_arterial_pressure", 2),
        ("map_mmhg", 49, "mean_arterial_pressure", 4),
        ("heart_rate", 110, "heart_rate", 2),
        ("heart_rate", 54, "heart_rate", 3),
        ("heart_rate", 39, "heart_rate", 4),
        ("respiratory_rate", 25, "respiratory_rate", 1),
        ("respiratory_rate", 11, "respiratory_rate", 1),
        ("respiratory_rate", 9, "respiratory_rate", 2),
        ("respiratory_rate", 5, "respiratory_rate", 4),
        ("arterial_ph", 7.5, "acid_base", 1),
        ("arterial_ph", 7.33, "acid_base", 0),
        ("arterial_ph", 7.32, "acid_base", 2),
        ("arterial_ph", 7.7, "acid_base", 4),
        ("sodium_mmol_l", 150, "sodium", 1),
        ("sodium_mmol_l", 129, "sodium", 2),
        ("sodium_mmol_l", 111, "sodium", 3),
        ("sodium_mmol_l", 110, "sodium", 4),
        ("potassium_mmol_l", 5.5, "potassium", 1),
        ("potassium_mmol_l", 3.4, "potassium", 1),
        ("potassium_mmol_l", 2.9, "potassium", 2),
        ("creatinine_mg_dl", 0.5, "creatinine", 2),
        ("creatinine_mg_dl", 1.5, "creatinine", 2),
        ("creatinine_mg_dl", 3.5, "creatinine", 4),
        ("hematocrit_pct", 46, "hematocrit", 1),
        ("hematocrit_pct", 29.9, "hematocrit", 2),
        ("wbc", 15, "wbc", 1),
        ("wbc", 2.9, "wbc", 2),
        ("wbc", Q(9103, "/uL"), "wbc", 0),
        ("gcs", 12, "gcs", 3),
        ("age", 45, "age", 2),
        ("age", 55, "age", 3),
        ("age", 65, "age", 5),
        ("age", 75, "age", 6),
        ("chronic_health", "elective_postoperative", "chronic_health", 2),
        ("chronic_health", "emergency_postoperative", "chronic_health", 5),
        ("chronic_health", "nonoperative", "chronic_health", 5),
    ],
)
def test_apache_ii_bands(field: str, value: Any, component: str, points: int) -> None:
    result = apache_ii(**{**APACHE_NORMAL, field: value})
    assert result.components[component] == points
    assert result.value == points


@pytest.mark.parametrize(
    ("fio2", "pao2", "aa", "points"),
    [
        (0.5, None, 199, 0),
        (0.5, None, 200, 2),
        (0.6, None, 350, 3),
        (0.6, None, 499, 3),
        (1.0, None, 500, 4),
        (0.49, 71, 600, 0),  # FiO2 < 0.5: the A-a gradient is ignored
        (0.4, 70, None, 1),
        (0.4, 61, None, 1),
        (0.4, 60, None, 3),
        (0.4, 55, None, 3),
        (0.4, 54.9, None, 4),
    ],
)
def test_apache_ii_oxygenation(fio2: float, pao2: Any, aa: Any, points: int) -> None:
    args = {**APACHE_NORMAL, "fio2": fio2, "pao2_mmhg": pao2, "aa_gradient_mmhg": aa}
    assert apache_ii(**args).components["oxygenation"] == points


def test_apache_ii_renal_failure_doubles_creatinine() -> None:
    base = {**APACHE_NORMAL, "creatinine_mg_dl": 2.5}
    assert apache_ii(**base).components["creatinine"] == 3
    assert apache_ii(**{**base, "acute_renal_failure": True}).components["creatinine"] == 6
    normal = {**APACHE_NORMAL, "acute_renal_failure": True}
    assert apache_ii(**normal).components["creatinine"] == 0


def test_apache_ii_bicarbonate_without_gas() -> None:
    args = {**APACHE_NORMAL, "arterial_ph": None, "serum_hco3_mmol_l": 16}
    assert apache_ii(**args).components["acid_base"] == 3
    with pytest.raises(ValueError, match="arterial_ph"):
        apache_ii(**{**APACHE_NORMAL, "arterial_ph": None})


@pytest.mark.parametrize(
    ("changes", "match"),
    [
        ({"fio2": 0.6}, "aa_gradient_mmhg"),
        ({"pao2_mmhg": None}, "pao2_mmhg"),
        ({"fio2": 60}, "fio2"),
        ({"gcs": 2}, "gcs"),
        ({"gcs": 14.5}, "gcs"),
        ({"chronic_health": "yes"}, "chronic_health"),
        ({"wbc": Q(9, "g")}, "cell_count"),
    ],
)
def test_apache_ii_invalid(changes: dict[str, Any], match: str) -> None:
    with pytest.raises(ValueError, match=match):
        apache_ii(**{**APACHE_NORMAL, **changes})


# ---------------------------------------------------------------- SOFA


def test_sofa_worked_example() -> None:
    # Hand-computed (patient of MedCalc-Bench dev row 890): PaO2/FiO2 87/0.53 = 164 without
    # ventilation (2), dopamine 9.1 and epinephrine 0.33 ug/kg/min (4), GCS 15 (0),
    # bilirubin 7.43 (3), platelets 75.3 (2), creatinine 2.56 (2) -> 13.
    result = sofa(
        pao2_mmhg=87,
        fio2=0.53,
        respiratory_support=False,
        platelets=Q(75300, "/uL"),
        gcs=15,
        bilirubin_mg_dl=7.43,
        creatinine_mg_dl=2.56,
        dopamine=9.1,
        epinephrine=0.33,
    )
    assert result.value == 13
    assert result.components["cardiovascular"] == 4
    assert "> 11" in result.interpretation


def test_sofa_maximum_and_normal() -> None:
    worst = dict(
        pao2_mmhg=50,
        fio2=1.0,
        respiratory_support=True,
        platelets=10,
        gcs=3,
        bilirubin_mg_dl=Q(300, "umol/L"),
        creatinine_mg_dl=6,
        norepinephrine=0.2,
    )
    assert sofa(**worst).value == 24
    result = sofa(**SOFA_NORMAL)
    assert result.value == 0 and "< 33%" in result.interpretation


@pytest.mark.parametrize(
    ("pao2", "fio2", "support", "points"),
    [
        (84, 0.21, False, 0),  # ratio 400
        (83.8, 0.21, False, 1),
        (90, 0.3, False, 1),  # ratio 300
        (89, 0.3, False, 2),
        (60, 0.4, False, 2),  # ratio 150, no respiratory support: capped at 2
        (60, 0.4, True, 3),
        (40, 0.4, False, 2),
        (39, 0.4, True, 4),  # ratio 97.5
        (40, 0.4, True, 3),  # ratio 100
    ],
)
def test_sofa_respiration(pao2: float, fio2: float, support: bool, points: int) -> None:
    args = {**SOFA_NORMAL, "pao2_mmhg": pao2, "fio2": fio2, "respiratory_support": support}
    assert sofa(**args).components["respiration"] == points


@pytest.mark.parametrize(
    ("changes", "points"),
    [
        ({"map_mmhg": 70}, 0),
        ({"map_mmhg": 69}, 1),
        ({"map_mmhg": None, "hypotension": True}, 1),
        ({"map_mmhg": 80, "hypotension": True}, 0),  # a measured MAP takes precedence
        ({"dobutamine": 2.5}, 2),
        ({"dopamine": 5}, 2),
        ({"dopamine": 5.1}, 3),
        ({"dopamine": 15}, 3),
        ({"dopamine": 15.1}, 4),
        ({"epinephrine": 0.1}, 3),
        ({"epinephrine": 0.11}, 4),
        ({"norepinephrine": 0.1, "dobutamine": 5}, 3),
        ({"norepinephrine": 0.5}, 4),
    ],
)
def test_sofa_cardiovascular(changes: dict[str, Any], points: int) -> None:
    assert sofa(**{**SOFA_NORMAL, **changes}).components["cardiovascular"] == points


@pytest.mark.parametrize(
    ("field", "value", "component", "points"),
    [
        ("platelets", 150, "coagulation", 0),
        ("platelets", 149, "coagulation", 1),
        ("platelets", 99, "coagulation", 2),
        ("platelets", 49, "coagulation", 3),
        ("platelets", 19, "coagulation", 4),
        ("bilirubin_mg_dl", 1.19, "liver", 0),
        ("bilirubin_mg_dl", 1.2, "liver", 1),
        ("bilirubin_mg_dl", 2.0, "liver", 2),
        ("bilirubin_mg_dl", 6.0, "liver", 3),
        ("bilirubin_mg_dl", 12.0, "liver", 4),
        ("gcs", 14, "cns", 1),
        ("gcs", 10, "cns", 2),
        ("gcs", 6, "cns", 3),
        ("gcs", 5, "cns", 4),
        ("creatinine_mg_dl", 1.2, "renal", 1),
        ("creatinine_mg_dl", Q(200, "umol/L"), "renal", 2),
        ("creatinine_mg_dl", 3.5, "renal", 3),
        ("creatinine_mg_dl", 5.0, "renal", 4),
        ("urine_output_ml_day", 499, "renal", 3),
        ("urine_output_ml_day", 199, "renal", 4),
        ("urine_output_ml_day", 600, "renal", 0),
    ],
)
def test_sofa_organ_bands(field: str, value: Any, component: str, points: int) -> None:
    assert sofa(**{**SOFA_NORMAL, field: value}).components[component] == points


def test_sofa_renal_inputs() -> None:
    only_urine = {**SOFA_NORMAL, "creatinine_mg_dl": None, "urine_output_ml_day": 150}
    assert sofa(**only_urine).components["renal"] == 4
    with pytest.raises(ValueError, match="urine_output_ml_day"):
        sofa(**{**SOFA_NORMAL, "creatinine_mg_dl": None})


@pytest.mark.parametrize(
    ("field", "bad"), [("fio2", 40), ("gcs", 16), ("dopamine", -1), ("platelets", -5)]
)
def test_sofa_invalid(field: str, bad: Any) -> None:
    with pytest.raises(ValueError, match=field):
        sofa(**{**SOFA_NORMAL, field: bad})
