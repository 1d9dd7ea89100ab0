"""Tests for BISAP, Glasgow-Blatchford, Child-Pugh, MELD-Na and Alvarado.

Expected values are hand-computed from the published criteria (Wu 2008 Gut; Blatchford
2000 Lancet; Pugh 1973 Br J Surg; OPTN/UNOS 2016 MELD-Na formula; Alvarado 1986 Ann Emerg
Med). The MELD-Na arithmetic is written out in the comments.
"""

from __future__ import annotations

from typing import Any

import pytest

from healthgym.clinical.scores import alvarado, bisap, child_pugh, glasgow_blatchford, meld_na

BISAP_NONE: dict[str, Any] = {
    "bun_mg_dl": 12.0,
    "impaired_mental_status": False,
    "sirs_criteria_met": 0,
    "age": 40.0,
    "pleural_effusion": False,
}


def test_bisap_maximum() -> None:
    result = bisap(
        bun_mg_dl=40,
        impaired_mental_status=True,
        sirs_criteria_met=3,
        age=75,
        pleural_effusion=True,
    )
    assert result.value == 5
    assert "high risk" in result.interpretation


@pytest.mark.parametrize(
    ("field", "value", "component", "points"),
    [
        ("bun_mg_dl", 25, "bun", 0),
        ("bun_mg_dl", 25.1, "bun", 1),
        ("sirs_criteria_met", 1, "sirs", 0),
        ("sirs_criteria_met", 2, "sirs", 1),
        ("sirs_criteria_met", 4, "sirs", 1),
        ("age", 60, "age", 0),
        ("age", 60.5, "age", 1),
        ("pleural_effusion", True, "pleural_effusion", 1),
    ],
)
def test_bisap_thresholds(field: str, value: Any, component: str, points: int) -> None:
    result = bisap(**{**BISAP_NONE, field: value})
    assert result.components[component] == points
    assert result.value == points


@pytest.mark.parametrize(
    ("changes", "value", "text"),
    [
        ({}, 0, "lower risk"),
        ({"age": 70, "pleural_effusion": True}, 2, "lower risk"),
        ({"age": 70, "pleural_effusion": True, "bun_mg_dl": 30}, 3, "high risk"),
    ],
)
def test_bisap_bands(changes: dict[str, Any], value: int, text: str) -> None:
    result = bisap(**{**BISAP_NONE, **changes})
    assert result.value == value
    assert text in result.interpretation


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("sirs_criteria_met", 5),
        ("sirs_criteria_met", -1),
        ("sirs_criteria_met", 2.0),
        ("bun_mg_dl", -1),
        ("age", -1),
    ],
)
def test_bisap_invalid(field: str, value: Any) -> None:
    with pytest.raises(ValueError, match=field):
        bisap(**{**BISAP_NONE, field: value})


GBS_NONE: dict[str, Any] = {
    "bun_mg_dl": 10.0,
    "hemoglobin_g_dl": 14.0,
    "sex": "male",
    "sbp": 130.0,
    "heart_rate": 80.0,
    "melena": False,
    "syncope": False,
    "hepatic_disease": False,
    "cardiac_failure": False,
}


def test_glasgow_blatchford_example() -> None:
    # Hand-computed: BUN 30 mg/dL -> urea 10.7 mmol/L (4); Hb 9.5 g/dL man (6); SBP 95 (2);
    # pulse 110 (1); melaena (1); syncope (2) -> 16.
    result = glasgow_blatchford(
        bun_mg_dl=30,
        hemoglobin_g_dl=9.5,
        sex="male",
        sbp=95,
        heart_rate=110,
        melena=True,
        syncope=True,
        hepatic_disease=False,
        cardiac_failure=False,
    )
    assert result.value == 16
    assert result.components == {
        "urea": 4,
        "hemoglobin": 6,
        "sbp": 2,
        "heart_rate": 1,
        "melena": 1,
        "syncope": 2,
        "hepatic_disease": 0,
        "cardiac_failure": 0,
    }
    assert "not low risk" in result.interpretation


@pytest.mark.parametrize(
    ("bun", "points"),
    [
        # urea mmol/L = BUN mg/dL / 2.8; bands 6.5, 8, 10, 25 mmol/L = 18.2, 22.4, 28, 70 mg/dL
        (18.1, 0),
        (18.2, 2),
        (22.3, 2),
        (22.4, 3),
        (27.9, 3),
        (28.0, 4),
        (69.9, 4),
        (70.0, 6),
    ],
)
def test_glasgow_blatchford_urea_bands(bun: float, points: int) -> None:
    assert glasgow_blatchford(**{**GBS_NONE, "bun_mg_dl": bun}).components["urea"] == points


@pytest.mark.parametrize(
    ("sex", "hb", "points"),
    [
        ("male", 13.0, 0),
        ("male", 12.9, 1),
        ("male", 12.0, 1),
        ("male", 11.9, 3),
        ("male", 10.0, 3),
        ("male", 9.9, 6),
        ("female", 12.0, 0),
        ("female", 11.9, 1),
        ("female", 10.0, 1),
        ("female", 9.9, 6),
    ],
)
def test_glasgow_blatchford_hemoglobin(sex: str, hb: float, points: int) -> None:
    result = glasgow_blatchford(**{**GBS_NONE, "sex": sex, "hemoglobin_g_dl": hb})
    assert result.components["hemoglobin"] == points


@pytest.mark.parametrize(
    ("field", "value", "component", "points"),
    [
        ("sbp", 110, "sbp", 0),
        ("sbp", 109, "sbp", 1),
        ("sbp", 100, "sbp", 1),
        ("sbp", 99, "sbp", 2),
        ("sbp", 90, "sbp", 2),
        ("sbp", 89, "sbp", 3),
        ("heart_rate", 99, "heart_rate", 0),
        ("heart_rate", 100, "heart_rate", 1),
        ("hepatic_disease", True, "hepatic_disease", 2),
        ("cardiac_failure", True, "cardiac_failure", 2),
    ],
)
def test_glasgow_blatchford_other_items(
    field: str, value: Any, component: str, points: int
) -> None:
    result = glasgow_blatchford(**{**GBS_NONE, field: value})
    assert result.components[component] == points
    assert result.value == points


@pytest.mark.parametrize(
    ("changes", "value", "text"),
    [
        ({}, 0, "very low risk"),
        ({"melena": True}, 1, "low risk (<=1)"),
        ({"syncope": True}, 2, "not low risk"),
    ],
)
def test_glasgow_blatchford_bands(changes: dict[str, Any], value: int, text: str) -> None:
    result = glasgow_blatchford(**{**GBS_NONE, **changes})
    assert result.value == value
    assert text in result.interpretation


@pytest.mark.parametrize(
    ("field", "value"), [("sex", "unknown"), ("hemoglobin_g_dl", -1), ("bun_mg_dl", -2)]
)
def test_glasgow_blatchford_invalid(field: str, value: Any) -> None:
    with pytest.raises(ValueError, match=field):
        glasgow_blatchford(**{**GBS_NONE, field: value})


CP_A5: dict[str, Any] = {
    "bilirubin_mg_dl": 1.0,
    "albumin_g_dl": 4.0,
    "inr": 1.1,
    "ascites": "none",
    "encephalopathy": "none",
}


def test_child_pugh_example() -> None:
    # Hand-computed: bilirubin 2.5 (2), albumin 3.0 (2), INR 1.8 (2), mild ascites (2),
    # no encephalopathy (1) -> 9, class B.
    result = child_pugh(
        bilirubin_mg_dl=2.5, albumin_g_dl=3.0, inr=1.8, ascites="mild", encephalopathy="none"
    )
    assert result.value == 9
    assert "class B" in result.interpretation


@pytest.mark.parametrize(
    ("field", "value", "component", "points"),
    [
        ("bilirubin_mg_dl", 1.9, "bilirubin", 1),
        ("bilirubin_mg_dl", 2.0, "bilirubin", 2),
        ("bilirubin_mg_dl", 3.0, "bilirubin", 2),
        ("bilirubin_mg_dl", 3.1, "bilirubin", 3),
        ("albumin_g_dl", 3.6, "albumin", 1),
        ("albumin_g_dl", 3.5, "albumin", 2),
        ("albumin_g_dl", 2.8, "albumin", 2),
        ("albumin_g_dl", 2.7, "albumin", 3),
        ("inr", 1.69, "inr", 1),
        ("inr", 1.7, "inr", 2),
        ("inr", 2.3, "inr", 2),
        ("inr", 2.31, "inr", 3),
        ("ascites", "mild", "ascites", 2),
        ("ascites", "moderate_severe", "ascites", 3),
        ("encephalopathy", "grade_1_2", "encephalopathy", 2),
        ("encephalopathy", "grade_3_4", "encephalopathy", 3),
    ],
)
def test_child_pugh_criteria(field: str, value: Any, component: str, points: int) -> None:
    result = child_pugh(**{**CP_A5, field: value})
    assert result.components[component] == points
    assert result.value == 4 + points


@pytest.mark.parametrize(
    ("changes", "value", "cls"),
    [
        ({}, 5, "class A"),
        ({"ascites": "mild"}, 6, "class A"),
        ({"ascites": "mild", "inr": 2.0}, 7, "class B"),
        ({"ascites": "moderate_severe", "inr": 2.0, "albumin_g_dl": 3.0}, 9, "class B"),
        (
            {
                "ascites": "moderate_severe",
                "inr": 2.0,
                "albumin_g_dl": 3.0,
                "encephalopathy": "grade_1_2",
            },
            10,
            "class C",
        ),
        (
            {
                "bilirubin_mg_dl": 5,
                "albumin_g_dl": 2.0,
                "inr": 3.0,
                "ascites": "moderate_severe",
                "encephalopathy": "grade_3_4",
            },
            15,
            "class C",
        ),
    ],
)
def test_child_pugh_classes(changes: dict[str, Any], value: int, cls: str) -> None:
    result = child_pugh(**{**CP_A5, **changes})
    assert result.value == value
    assert cls in result.interpretation


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("ascites", "severe"),
        ("encephalopathy", "grade_2"),
        ("bilirubin_mg_dl", -1),
        ("inr", 0),
        ("albumin_g_dl", 20),
    ],
)
def test_child_pugh_invalid(field: str, value: Any) -> None:
    with pytest.raises(ValueError, match=field):
        child_pugh(**{**CP_A5, field: value})


def test_meld_na_worked_example() -> None:
    # Hand-computed (OPTN formula): bilirubin 2.0, INR 1.5, creatinine 1.2, Na 130.
    # MELD(i) = 0.957 ln 1.2 + 0.378 ln 2 + 1.120 ln 1.5 + 0.643
    #         = 0.1745 + 0.2620 + 0.4541 + 0.643 = 1.5336 -> 1.5 -> x10 = 15 (> 11)
    # MELD = 15 + 1.32 * 7 - 0.033 * 15 * 7 = 15 + 9.24 - 3.465 = 20.775 -> 21
    result = meld_na(bilirubin_mg_dl=2.0, inr=1.5, creatinine_mg_dl=1.2, sodium_mmol_l=130)
    assert result.value == 21
    assert isinstance(result.value, int)
    assert result.components["meld_i"] == 15
    assert result.components["sodium_adjustment"] == pytest.approx(5.775)
    assert "19.6%" in result.interpretation


def test_meld_na_lower_bounds() -> None:
    # All labs below 1.0 are set to 1.0: MELD(i) = 0.643 -> 0.6 -> 6; Na 140 bounded to 137.
    result = meld_na(bilirubin_mg_dl=0.5, inr=0.9, creatinine_mg_dl=0.7, sodium_mmol_l=140)
    assert result.value == 6
    assert "1.9%" in result.interpretation


@pytest.mark.parametrize(
    ("creatinine", "dialysis", "sodium", "expected"),
    [
        # Cr 4.0: MELD(i) = 0.957 ln 4 + 0.643 = 1.9697 -> 2.0 -> 20.
        (1.0, True, 137, 20),  # dialysis sets creatinine to 4.0
        (6.0, False, 137, 20),  # creatinine capped at 4.0
        (4.0, False, 137, 20),
        # Na 125: 20 + 1.32*12 - 0.033*20*12 = 20 + 15.84 - 7.92 = 27.92 -> 28.
        (4.0, False, 125, 28),
        (4.0, False, 115, 28),  # Na floor 125
    ],
)
def test_meld_na_creatinine_and_sodium_bounds(
    creatinine: float, dialysis: bool, sodium: float, expected: int
) -> None:
    result = meld_na(
        bilirubin_mg_dl=1.0,
        inr=1.0,
        creatinine_mg_dl=creatinine,
        sodium_mmol_l=sodium,
        dialysis_twice_past_week=dialysis,
    )
    assert result.value == expected


@pytest.mark.parametrize(
    ("creatinine", "expected"),
    [
        # Cr 1.6: 0.957 ln 1.6 + 0.643 = 1.0928 -> 1.1 -> 11: not > 11, no Na term -> 11.
        (1.6, 11),
        # Cr 1.7: 0.957 ln 1.7 + 0.643 = 1.1508 -> 1.2 -> 12 (> 11):
        # 12 + 1.32*12 - 0.033*12*12 = 12 + 15.84 - 4.752 = 23.088 -> 23.
        (1.7, 23),
    ],
)
def test_meld_na_sodium_term_only_above_11(creatinine: float, expected: int) -> None:
    result = meld_na(bilirubin_mg_dl=1.0, inr=1.0, creatinine_mg_dl=creatinine, sodium_mmol_l=125)
    assert result.value == expected


def test_meld_na_cap_40() -> None:
    # Bilirubin 40, INR 5, Cr 4: MELD(i) = 1.3267 + 1.3944 + 1.8026 + 0.643 = 5.17 -> 52
    # -> capped at 40.
    result = meld_na(bilirubin_mg_dl=40, inr=5, creatinine_mg_dl=4, sodium_mmol_l=137)
    assert result.value == 40
    assert "71.3%" in result.interpretation


@pytest.mark.parametrize(
    ("bili", "expected_text"),
    [(1.0, "1.9%"), (8.0, "6.0%"), (30.0, "52.6%")],
)
def test_meld_na_bands(bili: float, expected_text: str) -> None:
    # bili 8, INR 1, Cr 1, Na 137: 0.378 ln 8 + 0.643 = 1.429 -> 1.4 -> 14 (10-19 band).
    # bili 30, INR 2.5, Cr 2: 0.6634 + 1.2857 + 1.0262 + 0.643 = 3.618 -> 36 (30-39 band).
    inr = 2.5 if bili == 30.0 else 1.0
    cr = 2.0 if bili == 30.0 else 1.0
    result = meld_na(bilirubin_mg_dl=bili, inr=inr, creatinine_mg_dl=cr, sodium_mmol_l=137)
    assert expected_text in result.interpretation


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("bilirubin_mg_dl", -1),
        ("inr", -0.5),
        ("creatinine_mg_dl", -1),
        ("sodium_mmol_l", 20),
        ("dialysis_twice_past_week", "no"),
    ],
)
def test_meld_na_invalid(field: str, value: Any) -> None:
    args: dict[str, Any] = {
        "bilirubin_mg_dl": 1.0,
        "inr": 1.0,
        "creatinine_mg_dl": 1.0,
        "sodium_mmol_l": 137,
    }
    with pytest.raises(ValueError, match=field):
        meld_na(**{**args, field: value})


ALV_NONE: dict[str, Any] = {
    "migration_to_rlq": False,
    "anorexia": False,
    "nausea_vomiting": False,
    "rlq_tenderness": False,
    "rebound_tenderness": False,
    "temperature_c": 36.8,
    "wbc": 7.0,
    "neutrophils_pct": 60.0,
}


def test_alvarado_maximum() -> None:
    result = alvarado(
        migration_to_rlq=True,
        anorexia=True,
        nausea_vomiting=True,
        rlq_tenderness=True,
        rebound_tenderness=True,
        temperature_c=38.0,
        wbc=15.0,
        neutrophils_pct=85.0,
    )
    assert result.value == 10
    assert result.components["rlq_tenderness"] == 2
    assert result.components["leukocytosis"] == 2
    assert "very probable" in result.interpretation


@pytest.mark.parametrize(
    ("field", "value", "component", "points"),
    [
        ("temperature_c", 37.2, "temperature", 0),
        ("temperature_c", 37.3, "temperature", 1),
        ("wbc", 10.0, "leukocytosis", 0),
        ("wbc", 10.1, "leukocytosis", 2),
        ("neutrophils_pct", 75, "left_shift", 0),
        ("neutrophils_pct", 75.5, "left_shift", 1),
    ],
)
def test_alvarado_thresholds(field: str, value: float, component: str, points: int) -> None:
    result = alvarado(**{**ALV_NONE, field: value})
    assert result.components[component] == points
    assert result.value == points


@pytest.mark.parametrize(
    ("changes", "value", "text"),
    [
        ({}, 0, "unlikely"),
        ({"rlq_tenderness": True, "wbc": 12}, 4, "unlikely"),
        ({"rlq_tenderness": True, "wbc": 12, "anorexia": True}, 5, "compatible"),
        (
            {"rlq_tenderness": True, "wbc": 12, "anorexia": True, "nausea_vomiting": True},
            6,
            "compatible",
        ),
        (
            {
                "rlq_tenderness": True,
                "wbc": 12,
                "anorexia": True,
                "nausea_vomiting": True,
                "migration_to_rlq": True,
            },
            7,
            "probable appendicitis",
        ),
        (
            {
                "rlq_tenderness": True,
                "wbc": 12,
                "anorexia": True,
                "nausea_vomiting": True,
                "migration_to_rlq": True,
                "rebound_tenderness": True,
            },
            8,
            "probable appendicitis",
        ),
        (
            {
                "rlq_tenderness": True,
                "wbc": 12,
                "anorexia": True,
                "nausea_vomiting": True,
                "migration_to_rlq": True,
                "rebound_tenderness": True,
                "neutrophils_pct": 80,
            },
            9,
            "very probable",
        ),
    ],
)
def test_alvarado_bands(changes: dict[str, Any], value: int, text: str) -> None:
    result = alvarado(**{**ALV_NONE, **changes})
    assert result.value == value
    assert text in result.interpretation
    if value in (7, 8):
        assert "very probable" not in result.interpretation


@pytest.mark.parametrize(
    ("field", "value"),
    [("neutrophils_pct", 101), ("wbc", 15000), ("temperature_c", 99), ("anorexia", None)],
)
def test_alvarado_invalid(field: str, value: Any) -> None:
    with pytest.raises(ValueError, match=field):
        alvarado(**{**ALV_NONE, field: value})
