"""Tests for HEART, TIMI UA/NSTEMI and CHA2DS2-VASc.

Expected values are hand-computed from the published criteria (Six 2008 Neth Heart J,
Antman 2000 JAMA, Lip 2010 Chest); event rates are those printed in the papers / ESC 2010
guideline table.
"""

from __future__ import annotations

from typing import Any

import pytest

from healthgym.clinical.scores import cha2ds2_vasc, heart_score, timi_ua_nstemi

HEART_ZERO: dict[str, Any] = {
    "history": "slightly",
    "ecg": "normal",
    "age": 30.0,
    "risk_factor_count": 0,
    "known_atherosclerotic_disease": False,
    "troponin_ratio": 0.5,
}


def test_heart_maximum_example() -> None:
    # Hand-computed: 70-year-old, highly suspicious history, ST depression, 3 risk factors,
    # troponin 4x the upper limit -> 2 + 2 + 2 + 2 + 2 = 10.
    result = heart_score(
        history="highly",
        ecg="significant_st_deviation",
        age=70,
        risk_factor_count=3,
        known_atherosclerotic_disease=False,
        troponin_ratio=4.0,
    )
    assert result.value == 10
    assert result.components == {
        "history": 2,
        "ecg": 2,
        "age": 2,
        "risk_factors": 2,
        "troponin": 2,
    }
    assert "high risk" in result.interpretation


@pytest.mark.parametrize(
    ("field", "value", "component", "points"),
    [
        ("history", "moderately", "history", 1),
        ("history", "highly", "history", 2),
        ("ecg", "nonspecific_repolarization", "ecg", 1),
        ("ecg", "significant_st_deviation", "ecg", 2),
        ("age", 44.9, "age", 0),
        ("age", 45, "age", 1),
        ("age", 64.9, "age", 1),
        ("age", 65, "age", 2),
        ("risk_factor_count", 1, "risk_factors", 1),
        ("risk_factor_count", 2, "risk_factors", 1),
        ("risk_factor_count", 3, "risk_factors", 2),
        ("known_atherosclerotic_disease", True, "risk_factors", 2),
        ("troponin_ratio", 1.0, "troponin", 0),
        ("troponin_ratio", 1.01, "troponin", 1),
        ("troponin_ratio", 3.0, "troponin", 1),
        ("troponin_ratio", 3.01, "troponin", 2),
    ],
)
def test_heart_criteria(field: str, value: Any, component: str, points: int) -> None:
    result = heart_score(**{**HEART_ZERO, field: value})
    assert result.components[component] == points
    assert result.value == points


@pytest.mark.parametrize(
    ("changes", "value", "text"),
    [
        ({}, 0, "low risk"),
        ({"history": "highly", "age": 50}, 3, "low risk"),
        ({"history": "highly", "age": 65}, 4, "intermediate risk"),
        ({"history": "highly", "age": 65, "ecg": "significant_st_deviation"}, 6, "intermediate"),
        (
            {
                "history": "highly",
                "age": 65,
                "ecg": "significant_st_deviation",
                "troponin_ratio": 2,
            },
            7,
            "high risk",
        ),
    ],
)
def test_heart_bands(changes: dict[str, Any], value: int, text: str) -> None:
    result = heart_score(**{**HEART_ZERO, **changes})
    assert result.value == value
    assert text in result.interpretation


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("history", "very"),
        ("ecg", "stemi"),
        ("age", -1),
        ("risk_factor_count", -1),
        ("risk_factor_count", 1.5),
        ("troponin_ratio", -0.1),
    ],
)
def test_heart_invalid(field: str, value: Any) -> None:
    with pytest.raises(ValueError, match=field):
        heart_score(**{**HEART_ZERO, field: value})


TIMI_NONE: dict[str, Any] = {
    "age": 50.0,
    "three_or_more_cad_risk_factors": False,
    "known_cad_stenosis_50": False,
    "aspirin_last_7d": False,
    "severe_angina_2plus_24h": False,
    "st_deviation_05mm": False,
    "positive_cardiac_marker": False,
}
TIMI_FLAGS = [k for k in TIMI_NONE if k != "age"]


@pytest.mark.parametrize(
    ("n_flags", "rate", "band"),
    [
        (0, "4.7%", "low risk"),
        (1, "4.7%", "low risk"),
        (2, "8.3%", "low risk"),
        (3, "13.2%", "intermediate risk"),
        (4, "19.9%", "intermediate risk"),
        (5, "26.2%", "high risk"),
        (6, "40.9%", "high risk"),
    ],
)
def test_timi_event_rates(n_flags: int, rate: str, band: str) -> None:
    # Event rates from Antman 2000 (14-day death/MI/urgent revascularization).
    args = {**TIMI_NONE, **{k: True for k in TIMI_FLAGS[:n_flags]}}
    result = timi_ua_nstemi(**args)
    assert result.value == n_flags
    assert rate in result.interpretation
    assert band in result.interpretation


def test_timi_maximum_and_age_threshold() -> None:
    args = {**TIMI_NONE, **{k: True for k in TIMI_FLAGS}}
    assert timi_ua_nstemi(**{**args, "age": 64.9}).value == 6
    result = timi_ua_nstemi(**{**args, "age": 65})
    assert result.value == 7
    assert result.components["age"] == 1
    assert "40.9%" in result.interpretation


def test_timi_invalid() -> None:
    with pytest.raises(ValueError, match="age"):
        timi_ua_nstemi(**{**TIMI_NONE, "age": -1})
    with pytest.raises(ValueError, match="aspirin_last_7d"):
        timi_ua_nstemi(**{**TIMI_NONE, "aspirin_last_7d": "yes"})


CHA_NONE: dict[str, Any] = {
    "age": 50.0,
    "sex": "male",
    "chf": False,
    "hypertension": False,
    "stroke_tia_thromboembolism": False,
    "vascular_disease": False,
    "diabetes": False,
}


def test_cha2ds2_vasc_example() -> None:
    # Hand-computed: 76-year-old woman with hypertension and diabetes:
    # age >= 75 (2) + female (1) + HTN (1) + DM (1) = 5 -> 6.7%/year (ESC 2010 table).
    result = cha2ds2_vasc(
        age=76,
        sex="female",
        chf=False,
        hypertension=True,
        stroke_tia_thromboembolism=False,
        vascular_disease=False,
        diabetes=True,
    )
    assert result.value == 5
    assert result.components["age"] == 2
    assert result.components["sex_female"] == 1
    assert "6.7%/year" in result.interpretation
    assert "oral anticoagulation recommended" in result.interpretation


def test_cha2ds2_vasc_maximum() -> None:
    result = cha2ds2_vasc(
        age=80,
        sex="female",
        chf=True,
        hypertension=True,
        stroke_tia_thromboembolism=True,
        vascular_disease=True,
        diabetes=True,
    )
    assert result.value == 9
    assert result.components["stroke_tia_thromboembolism"] == 2
    assert "15.2%/year" in result.interpretation


@pytest.mark.parametrize(("age", "points"), [(64.9, 0), (65, 1), (74.9, 1), (75, 2)])
def test_cha2ds2_vasc_age(age: float, points: int) -> None:
    assert cha2ds2_vasc(**{**CHA_NONE, "age": age}).components["age"] == points


@pytest.mark.parametrize(
    ("changes", "value", "text"),
    [
        ({}, 0, "low risk"),
        ({"sex": "female"}, 1, "female sex is the only risk factor"),
        ({"hypertension": True}, 1, "low-moderate risk"),
        ({"hypertension": True, "sex": "female"}, 2, "moderate-high risk"),
        ({"stroke_tia_thromboembolism": True}, 2, "moderate-high risk"),
    ],
)
def test_cha2ds2_vasc_bands(changes: dict[str, Any], value: int, text: str) -> None:
    result = cha2ds2_vasc(**{**CHA_NONE, **changes})
    assert result.value == value
    assert text in result.interpretation


@pytest.mark.parametrize(("field", "value"), [("sex", "other"), ("sex", "M"), ("age", -5)])
def test_cha2ds2_vasc_invalid(field: str, value: Any) -> None:
    with pytest.raises(ValueError, match=field):
        cha2ds2_vasc(**{**CHA_NONE, field: value})
