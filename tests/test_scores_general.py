"""Tests for GCS, shock index, anion gap, NEWS2 and ABCD2.

Expected values are hand-computed from the published criteria (Teasdale & Jennett 1974
Lancet; Allgower 1967; Kraut & Madias 2007 / Sadjadi 2013 reference interval; RCP NEWS2
2017 chart; Johnston 2007 Lancet).
"""

from __future__ import annotations

from typing import Any

import pytest

from healthgym.clinical.scores import abcd2, anion_gap, gcs, news2, shock_index


@pytest.mark.parametrize(
    ("eye", "verbal", "motor", "value", "text"),
    [
        (4, 5, 6, 15, "mild"),
        (3, 4, 6, 13, "mild"),
        (3, 4, 5, 12, "moderate"),
        (2, 3, 4, 9, "moderate"),
        (2, 2, 4, 8, "severe"),
        (1, 1, 1, 3, "severe"),
    ],
)
def test_gcs_bands(eye: int, verbal: int, motor: int, value: int, text: str) -> None:
    result = gcs(eye=eye, verbal=verbal, motor=motor)
    assert result.value == value
    assert result.components == {"eye": eye, "verbal": verbal, "motor": motor}
    assert text in result.interpretation


@pytest.mark.parametrize(
    ("eye", "verbal", "motor", "field"),
    [
        (5, 5, 6, "eye"),
        (0, 5, 6, "eye"),
        (4, 6, 6, "verbal"),
        (4, 0, 6, "verbal"),
        (4, 5, 7, "motor"),
        (4, 5, 0, "motor"),
        (4.0, 5, 6, "eye"),
        (True, 5, 6, "eye"),
    ],
)
def test_gcs_invalid(eye: Any, verbal: Any, motor: Any, field: str) -> None:
    with pytest.raises(ValueError, match=field):
        gcs(eye=eye, verbal=verbal, motor=motor)


@pytest.mark.parametrize(
    ("hr", "sbp", "value", "text"),
    [
        (70, 120, 0.58, "normal range"),
        (90, 100, 0.9, "normal range"),
        (91, 100, 0.91, "raised"),
        (99, 100, 0.99, "raised"),
        (100, 100, 1.0, "abnormal"),
        (99.6, 100, 1.0, "abnormal"),  # 0.996 rounds to 1.00; band follows the shown value
        (140, 70, 2.0, "abnormal"),
        (199, 200, 1.0, "abnormal"),  # 0.995 rounds half up
    ],
)
def test_shock_index(hr: float, sbp: float, value: float, text: str) -> None:
    result = shock_index(heart_rate=hr, sbp=sbp)
    assert result.value == value
    assert text in result.interpretation


@pytest.mark.parametrize(
    ("hr", "sbp", "field"), [(80, 0, "sbp"), (-1, 120, "heart_rate"), (80, -5, "sbp")]
)
def test_shock_index_invalid(hr: float, sbp: float, field: str) -> None:
    with pytest.raises(ValueError, match=field):
        shock_index(heart_rate=hr, sbp=sbp)


@pytest.mark.parametrize(
    ("na", "cl", "hco3", "value", "text"),
    [
        (140, 104, 24, 12, "elevated"),
        (140, 105, 24, 11, "normal"),
        (140, 105, 25, 10, "normal"),
        (140, 110, 27, 3, "normal"),
        (140, 110, 28, 2, "low"),
        (135, 98, 12, 25, "elevated"),  # e.g. diabetic ketoacidosis
    ],
)
def test_anion_gap(na: float, cl: float, hco3: float, value: float, text: str) -> None:
    result = anion_gap(sodium=na, chloride=cl, bicarbonate=hco3)
    assert result.value == value
    assert sum(result.components.values()) == pytest.approx(value)
    assert text in result.interpretation


@pytest.mark.parametrize(
    ("field", "value"), [("sodium", -140), ("chloride", 0), ("bicarbonate", -1)]
)
def test_anion_gap_invalid(field: str, value: float) -> None:
    args: dict[str, Any] = {"sodium": 140, "chloride": 104, "bicarbonate": 24}
    with pytest.raises(ValueError, match=field):
        anion_gap(**{**args, field: value})


NEWS_ZERO: dict[str, Any] = {
    "respiratory_rate": 16.0,
    "spo2": 97.0,
    "on_supplemental_oxygen": False,
    "sbp": 120.0,
    "heart_rate": 70.0,
    "consciousness": "alert",
    "temperature_c": 37.0,
}


@pytest.mark.parametrize(
    ("field", "value", "component", "points"),
    [
        ("respiratory_rate", 8, "respiratory_rate", 3),
        ("respiratory_rate", 9, "respiratory_rate", 1),
        ("respiratory_rate", 11, "respiratory_rate", 1),
        ("respiratory_rate", 12, "respiratory_rate", 0),
        ("respiratory_rate", 20, "respiratory_rate", 0),
        ("respiratory_rate", 21, "respiratory_rate", 2),
        ("respiratory_rate", 24, "respiratory_rate", 2),
        ("respiratory_rate", 25, "respiratory_rate", 3),
        ("spo2", 91, "spo2", 3),
        ("spo2", 92, "spo2", 2),
        ("spo2", 93, "spo2", 2),
        ("spo2", 94, "spo2", 1),
        ("spo2", 95, "spo2", 1),
        ("spo2", 96, "spo2", 0),
        ("on_supplemental_oxygen", True, "supplemental_oxygen", 2),
        ("sbp", 90, "sbp", 3),
        ("sbp", 91, "sbp", 2),
        ("sbp", 100, "sbp", 2),
        ("sbp", 101, "sbp", 1),
        ("sbp", 110, "sbp", 1),
        ("sbp", 111, "sbp", 0),
        ("sbp", 219, "sbp", 0),
        ("sbp", 220, "sbp", 3),
        ("heart_rate", 40, "heart_rate", 3),
        ("heart_rate", 41, "heart_rate", 1),
        ("heart_rate", 50, "heart_rate", 1),
        ("heart_rate", 51, "heart_rate", 0),
        ("heart_rate", 90, "heart_rate", 0),
        ("heart_rate", 91, "heart_rate", 1),
        ("heart_rate", 110, "heart_rate", 1),
        ("heart_rate", 111, "heart_rate", 2),
        ("heart_rate", 130, "heart_rate", 2),
        ("heart_rate", 131, "heart_rate", 3),
        ("consciousness", "cvpu", "consciousness", 3),
        ("temperature_c", 35.0, "temperature", 3),
        ("temperature_c", 35.1, "temperature", 1),
        ("temperature_c", 36.0, "temperature", 1),
        ("temperature_c", 36.1, "temperature", 0),
        ("temperature_c", 38.0, "temperature", 0),
        ("temperature_c", 38.1, "temperature", 1),
        ("temperature_c", 39.0, "temperature", 1),
        ("temperature_c", 39.1, "temperature", 2),
    ],
)
def test_news2_chart(field: str, value: Any, component: str, points: int) -> None:
    result = news2(**{**NEWS_ZERO, field: value})
    assert result.components[component] == points
    assert result.value == points


@pytest.mark.parametrize(
    ("changes", "value", "prefix"),
    [
        ({}, 0, "low clinical risk: routine monitoring"),
        ({"heart_rate": 95}, 1, "low clinical risk: ward-based response"),
        ({"heart_rate": 95, "respiratory_rate": 22, "spo2": 95}, 4, "low clinical risk: ward"),
        ({"consciousness": "cvpu"}, 3, "low-medium clinical risk"),
        ({"respiratory_rate": 26, "spo2": 95}, 4, "low-medium clinical risk"),
        (
            {"respiratory_rate": 22, "on_supplemental_oxygen": True, "heart_rate": 95},
            5,
            "medium clinical risk",
        ),
        # a single red score inside a total of 5-6 is "medium", not "low-medium"
        ({"consciousness": "cvpu", "heart_rate": 95, "spo2": 95}, 5, "medium clinical risk"),
        ({"respiratory_rate": 26, "spo2": 93, "heart_rate": 95}, 6, "medium clinical risk"),
        ({"respiratory_rate": 26, "spo2": 93, "heart_rate": 115}, 7, "high clinical risk"),
    ],
)
def test_news2_bands(changes: dict[str, Any], value: int, prefix: str) -> None:
    # Hand-computed from the RCP 2017 chart.
    result = news2(**{**NEWS_ZERO, **changes})
    assert result.value == value
    assert result.interpretation.startswith(f"NEWS2 {value}: {prefix}")


def test_news2_example() -> None:
    # Hand-computed: RR 22 (2), SpO2 93 (2), on O2 (2), SBP 100 (2), HR 115 (2), alert (0),
    # T 38.5 (1) -> 11, high clinical risk.
    result = news2(
        respiratory_rate=22,
        spo2=93,
        on_supplemental_oxygen=True,
        sbp=100,
        heart_rate=115,
        consciousness="alert",
        temperature_c=38.5,
    )
    assert result.value == 11
    assert "emergency response" in result.interpretation


@pytest.mark.parametrize(
    ("field", "value"),
    [("consciousness", "confused"), ("spo2", 120), ("temperature_c", 101), ("sbp", -1)],
)
def test_news2_invalid(field: str, value: Any) -> None:
    with pytest.raises(ValueError, match=field):
        news2(**{**NEWS_ZERO, field: value})


ABCD_ZERO: dict[str, Any] = {
    "age": 50.0,
    "sbp": 120.0,
    "dbp": 80.0,
    "clinical_features": "other",
    "duration_min": 5.0,
    "diabetes": False,
}


def test_abcd2_example() -> None:
    # Hand-computed: 72-year-old, BP 150/85, unilateral weakness for 90 min, diabetic
    # -> 1 + 1 + 2 + 2 + 1 = 7.
    result = abcd2(
        age=72,
        sbp=150,
        dbp=85,
        clinical_features="unilateral_weakness",
        duration_min=90,
        diabetes=True,
    )
    assert result.value == 7
    assert "8.1%" in result.interpretation


@pytest.mark.parametrize(
    ("field", "value", "component", "points"),
    [
        ("age", 59.9, "age", 0),
        ("age", 60, "age", 1),
        ("sbp", 139, "blood_pressure", 0),
        ("sbp", 140, "blood_pressure", 1),
        ("dbp", 89, "blood_pressure", 0),
        ("dbp", 90, "blood_pressure", 1),
        ("clinical_features", "speech_disturbance_without_weakness", "clinical_features", 1),
        ("clinical_features", "unilateral_weakness", "clinical_features", 2),
        ("duration_min", 9.9, "duration", 0),
        ("duration_min", 10, "duration", 1),
        ("duration_min", 59, "duration", 1),
        ("duration_min", 60, "duration", 2),
        ("diabetes", True, "diabetes", 1),
    ],
)
def test_abcd2_criteria(field: str, value: Any, component: str, points: int) -> None:
    result = abcd2(**{**ABCD_ZERO, field: value})
    assert result.components[component] == points
    assert result.value == points


@pytest.mark.parametrize(
    ("changes", "value", "text"),
    [
        ({}, 0, "low risk"),
        (
            {"age": 65, "sbp": 150, "clinical_features": "speech_disturbance_without_weakness"},
            3,
            "low risk",
        ),
        ({"age": 65, "sbp": 150, "clinical_features": "unilateral_weakness"}, 4, "moderate"),
        (
            {"age": 65, "sbp": 150, "clinical_features": "unilateral_weakness", "duration_min": 30},
            5,
            "moderate",
        ),
        (
            {"age": 65, "sbp": 150, "clinical_features": "unilateral_weakness", "duration_min": 60},
            6,
            "high risk",
        ),
    ],
)
def test_abcd2_bands(changes: dict[str, Any], value: int, text: str) -> None:
    result = abcd2(**{**ABCD_ZERO, **changes})
    assert result.value == value
    assert text in result.interpretation


@pytest.mark.parametrize(
    ("field", "value"),
    [("clinical_features", "weakness"), ("duration_min", -1), ("age", -1)],
)
def test_abcd2_invalid(field: str, value: Any) -> None:
    with pytest.raises(ValueError, match=field):
        abcd2(**{**ABCD_ZERO, field: value})
