"""Tests for CURB-65, CRB-65 and the McIsaac (modified Centor) score.

Unless stated otherwise, expected values are hand-computed from the criteria in the
original publications (Lim 2003 Thorax; BTS 2009; McIsaac 1998 CMAJ).
"""

from __future__ import annotations

import math
from typing import Any

import pytest

from healthgym.clinical.scores import ScoreResult, centor_mcisaac, crb65, curb65

CURB_NORMAL: dict[str, Any] = {
    "confusion": False,
    "bun_mg_dl": 14.0,
    "respiratory_rate": 16.0,
    "sbp": 125.0,
    "dbp": 75.0,
    "age": 40.0,
}


def test_curb65_all_criteria_positive() -> None:
    # Hand-computed: confused 70-year-old, BUN 30 mg/dL (urea ~10.7 mmol/L), RR 32, BP 85/50
    # -> every criterion positive -> 5.
    result = curb65(confusion=True, bun_mg_dl=30, respiratory_rate=32, sbp=85, dbp=50, age=70)
    assert isinstance(result, ScoreResult)
    assert result.value == 5
    assert result.components == {
        "confusion": 1,
        "urea": 1,
        "respiratory_rate": 1,
        "blood_pressure": 1,
        "age": 1,
    }
    assert "high risk" in result.interpretation
    assert "Thorax" in result.source and "2003" in result.source


def test_curb65_all_negative() -> None:
    result = curb65(**CURB_NORMAL)
    assert result.value == 0
    assert set(result.components.values()) == {0}
    assert result.interpretation.startswith("CURB-65 0: low risk")


@pytest.mark.parametrize(
    ("field", "value", "component", "points"),
    [
        ("bun_mg_dl", 19.0, "urea", 0),  # BUN > 19 mg/dL (urea > 7 mmol/L)
        ("bun_mg_dl", 19.5, "urea", 1),
        ("bun_mg_dl", 20.0, "urea", 1),
        ("respiratory_rate", 29.0, "respiratory_rate", 0),
        ("respiratory_rate", 30.0, "respiratory_rate", 1),
        ("sbp", 90.0, "blood_pressure", 0),
        ("sbp", 89.0, "blood_pressure", 1),
        ("dbp", 61.0, "blood_pressure", 0),
        ("dbp", 60.0, "blood_pressure", 1),
        ("age", 64.9, "age", 0),
        ("age", 65.0, "age", 1),
        ("confusion", True, "confusion", 1),
    ],
)
def test_curb65_thresholds(field: str, value: Any, component: str, points: int) -> None:
    result = curb65(**{**CURB_NORMAL, field: value})
    assert result.components[component] == points
    assert result.value == points


@pytest.mark.parametrize(
    ("positives", "expected_text"),
    [
        ((), "low risk"),
        (("confusion",), "low risk"),
        (("confusion", "age"), "moderate risk (30-day mortality ~9%)"),
        (("confusion", "age", "rr"), "high risk"),
        (("confusion", "age", "rr", "bun"), "high risk"),
    ],
)
def test_curb65_bands(positives: tuple[str, ...], expected_text: str) -> None:
    args = dict(CURB_NORMAL)
    if "confusion" in positives:
        args["confusion"] = True
    if "age" in positives:
        args["age"] = 80
    if "rr" in positives:
        args["respiratory_rate"] = 35
    if "bun" in positives:
        args["bun_mg_dl"] = 40
    result = curb65(**args)
    assert result.value == len(positives)
    assert expected_text in result.interpretation


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("age", -1),
        ("respiratory_rate", -5),
        ("bun_mg_dl", math.nan),
        ("sbp", 500),
        ("dbp", -10),
        ("confusion", "yes"),
        ("confusion", None),
        ("age", True),
        ("age", "70"),
    ],
)
def test_curb65_invalid(field: str, value: Any) -> None:
    with pytest.raises(ValueError, match=field):
        curb65(**{**CURB_NORMAL, field: value})


def test_curb65_keyword_only() -> None:
    with pytest.raises(TypeError):
        curb65(True, 30, 32, 85, 50, 70)  # type: ignore[misc]


CRB_NORMAL: dict[str, Any] = {k: v for k, v in CURB_NORMAL.items() if k != "bun_mg_dl"}


@pytest.mark.parametrize(
    ("changes", "value", "text"),
    [
        ({}, 0, "low risk (mortality <1%)"),
        ({"age": 65}, 1, "intermediate risk"),
        ({"age": 65, "respiratory_rate": 30}, 2, "intermediate risk"),
        ({"age": 65, "respiratory_rate": 30, "sbp": 89}, 3, "high risk"),
        ({"age": 65, "respiratory_rate": 30, "dbp": 60, "confusion": True}, 4, "high risk"),
        ({"respiratory_rate": 29, "sbp": 90, "dbp": 61, "age": 64}, 0, "low risk"),
    ],
)
def test_crb65(changes: dict[str, Any], value: int, text: str) -> None:
    result = crb65(**{**CRB_NORMAL, **changes})
    assert result.value == value
    assert text in result.interpretation
    assert "urea" not in result.components


def test_crb65_invalid() -> None:
    with pytest.raises(ValueError, match="age"):
        crb65(**{**CRB_NORMAL, "age": -3})
    with pytest.raises(TypeError):
        crb65(**{**CRB_NORMAL, "bun_mg_dl": 10})


CENTOR_NONE: dict[str, Any] = {
    "temperature_c": 37.0,
    "cough_absent": False,
    "tender_anterior_cervical_nodes": False,
    "tonsillar_exudate_or_swelling": False,
    "age": 30.0,
}


def test_centor_worked_example() -> None:
    # Hand-computed: 10-year-old, 38.5 C, no cough, tender nodes, exudate -> 4 + 1 (age) = 5.
    result = centor_mcisaac(
        temperature_c=38.5,
        cough_absent=True,
        tender_anterior_cervical_nodes=True,
        tonsillar_exudate_or_swelling=True,
        age=10,
    )
    assert result.value == 5
    assert result.components["age"] == 1
    assert "51-53%" in result.interpretation


@pytest.mark.parametrize(
    ("age", "points"),
    [(3, 1), (14, 1), (14.9, 1), (15, 0), (44, 0), (44.9, 0), (45, -1), (90, -1)],
)
def test_centor_age_bands(age: float, points: int) -> None:
    result = centor_mcisaac(**{**CENTOR_NONE, "age": age})
    assert result.components["age"] == points
    assert result.value == points


@pytest.mark.parametrize(("temp", "points"), [(38.0, 0), (38.1, 1), (37.9, 0), (39.5, 1)])
def test_centor_temperature_threshold(temp: float, points: int) -> None:
    assert (
        centor_mcisaac(**{**CENTOR_NONE, "temperature_c": temp}).components["temperature"] == points
    )


@pytest.mark.parametrize(
    ("changes", "value", "text"),
    [
        ({"age": 50}, -1, "1-2.5%"),
        ({}, 0, "1-2.5%"),
        ({"cough_absent": True}, 1, "5-10%"),
        ({"cough_absent": True, "temperature_c": 39}, 2, "11-17%"),
        (
            {"cough_absent": True, "temperature_c": 39, "tender_anterior_cervical_nodes": True},
            3,
            "28-35%",
        ),
        (
            {
                "cough_absent": True,
                "temperature_c": 39,
                "tender_anterior_cervical_nodes": True,
                "tonsillar_exudate_or_swelling": True,
            },
            4,
            "51-53%",
        ),
    ],
)
def test_centor_bands(changes: dict[str, Any], value: int, text: str) -> None:
    result = centor_mcisaac(**{**CENTOR_NONE, **changes})
    assert result.value == value
    assert text in result.interpretation


@pytest.mark.parametrize(
    ("field", "value"),
    [("age", 2.5), ("age", -1), ("temperature_c", 60), ("temperature_c", 10), ("cough_absent", 2)],
)
def test_centor_invalid(field: str, value: Any) -> None:
    with pytest.raises(ValueError, match=field):
        centor_mcisaac(**{**CENTOR_NONE, field: value})
