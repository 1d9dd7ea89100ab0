"""Tests for Wells PE, Wells DVT and PERC.

Expected values are hand-computed from the published criteria (Wells 2000 Thromb Haemost,
Wells 2003 NEJM, Kline 2004 J Thromb Haemost).
"""

from __future__ import annotations

from typing import Any

import pytest

from healthgym.clinical.scores import perc, wells_dvt, wells_pe

PE_NONE: dict[str, Any] = {
    "clinical_signs_dvt": False,
    "pe_most_likely": False,
    "heart_rate": 80.0,
    "immobilization_or_surgery": False,
    "prior_vte": False,
    "hemoptysis": False,
    "malignancy": False,
}


def test_wells_pe_all_items() -> None:
    # Hand-computed maximum: 3 + 3 + 1.5 + 1.5 + 1.5 + 1 + 1 = 12.5.
    result = wells_pe(
        clinical_signs_dvt=True,
        pe_most_likely=True,
        heart_rate=120,
        immobilization_or_surgery=True,
        prior_vte=True,
        hemoptysis=True,
        malignancy=True,
    )
    assert result.value == 12.5
    assert result.components == {
        "clinical_signs_dvt": 3,
        "pe_most_likely": 3,
        "heart_rate": 1.5,
        "immobilization_or_surgery": 1.5,
        "prior_vte": 1.5,
        "hemoptysis": 1,
        "malignancy": 1,
    }
    assert "high probability" in result.interpretation
    assert "PE likely" in result.interpretation


@pytest.mark.parametrize(("hr", "points"), [(100, 0), (100.5, 1.5), (101, 1.5)])
def test_wells_pe_heart_rate_threshold(hr: float, points: float) -> None:
    assert wells_pe(**{**PE_NONE, "heart_rate": hr}).components["heart_rate"] == points


@pytest.mark.parametrize(
    ("changes", "value", "three", "two"),
    [
        ({}, 0, "low probability", "PE unlikely"),
        ({"malignancy": True}, 1, "low probability", "PE unlikely"),
        ({"heart_rate": 110}, 1.5, "low probability", "PE unlikely"),
        ({"malignancy": True, "hemoptysis": True}, 2, "moderate probability", "PE unlikely"),
        ({"pe_most_likely": True, "malignancy": True}, 4, "moderate probability", "PE unlikely"),
        ({"pe_most_likely": True, "heart_rate": 110}, 4.5, "moderate probability", "PE likely"),
        ({"pe_most_likely": True, "clinical_signs_dvt": True}, 6, "moderate", "PE likely"),
        (
            {"pe_most_likely": True, "clinical_signs_dvt": True, "prior_vte": True},
            7.5,
            "high probability",
            "PE likely",
        ),
    ],
)
def test_wells_pe_bands(changes: dict[str, Any], value: float, three: str, two: str) -> None:
    result = wells_pe(**{**PE_NONE, **changes})
    assert result.value == value
    assert three in result.interpretation
    assert two in result.interpretation


@pytest.mark.parametrize(
    ("field", "value"), [("heart_rate", -1), ("heart_rate", 1000), ("malignancy", "no")]
)
def test_wells_pe_invalid(field: str, value: Any) -> None:
    with pytest.raises(ValueError, match=field):
        wells_pe(**{**PE_NONE, field: value})


DVT_NONE: dict[str, Any] = {
    "active_cancer": False,
    "paralysis_or_recent_cast": False,
    "bedridden_or_major_surgery": False,
    "localized_deep_vein_tenderness": False,
    "entire_leg_swollen": False,
    "calf_swelling_3cm": False,
    "pitting_edema_symptomatic_leg": False,
    "collateral_superficial_veins": False,
    "prior_dvt": False,
    "alternative_diagnosis_likely": False,
}


def test_wells_dvt_example() -> None:
    # Hand-computed: active cancer + calf swelling > 3 cm + tenderness = 3 -> DVT likely.
    result = wells_dvt(
        **{
            **DVT_NONE,
            "active_cancer": True,
            "calf_swelling_3cm": True,
            "localized_deep_vein_tenderness": True,
        }
    )
    assert result.value == 3
    assert "DVT likely" in result.interpretation
    assert result.components["alternative_diagnosis_likely"] == 0


def test_wells_dvt_range() -> None:
    maximum = wells_dvt(**{k: k != "alternative_diagnosis_likely" for k in DVT_NONE})
    assert maximum.value == 9
    minimum = wells_dvt(**{**DVT_NONE, "alternative_diagnosis_likely": True})
    assert minimum.value == -2
    assert minimum.components["alternative_diagnosis_likely"] == -2
    assert "DVT unlikely" in minimum.interpretation


@pytest.mark.parametrize(
    ("changes", "value", "text"),
    [
        ({}, 0, "DVT unlikely"),
        ({"prior_dvt": True}, 1, "DVT unlikely"),
        ({"prior_dvt": True, "entire_leg_swollen": True}, 2, "DVT likely"),
        (
            {
                "prior_dvt": True,
                "entire_leg_swollen": True,
                "pitting_edema_symptomatic_leg": True,
                "alternative_diagnosis_likely": True,
            },
            1,
            "DVT unlikely",
        ),
    ],
)
def test_wells_dvt_threshold(changes: dict[str, Any], value: int, text: str) -> None:
    result = wells_dvt(**{**DVT_NONE, **changes})
    assert result.value == value
    assert text in result.interpretation


def test_wells_dvt_invalid() -> None:
    with pytest.raises(ValueError, match="prior_dvt"):
        wells_dvt(**{**DVT_NONE, "prior_dvt": None})


PERC_NONE: dict[str, Any] = {
    "age": 35.0,
    "heart_rate": 80.0,
    "spo2": 98.0,
    "hemoptysis": False,
    "estrogen_use": False,
    "prior_vte": False,
    "unilateral_leg_swelling": False,
    "recent_surgery_or_trauma": False,
}


def test_perc_negative() -> None:
    result = perc(**PERC_NONE)
    assert result.value == 0
    assert "PERC negative" in result.interpretation
    assert len(result.components) == 8


def test_perc_all_positive() -> None:
    result = perc(
        age=70,
        heart_rate=120,
        spo2=90,
        hemoptysis=True,
        estrogen_use=True,
        prior_vte=True,
        unilateral_leg_swelling=True,
        recent_surgery_or_trauma=True,
    )
    assert result.value == 8
    assert "PERC positive" in result.interpretation


@pytest.mark.parametrize(
    ("field", "value", "points"),
    [
        ("age", 49.9, 0),
        ("age", 50, 1),
        ("heart_rate", 99, 0),
        ("heart_rate", 100, 1),
        ("spo2", 95, 0),
        ("spo2", 94, 1),
        ("estrogen_use", True, 1),
    ],
)
def test_perc_thresholds(field: str, value: Any, points: int) -> None:
    result = perc(**{**PERC_NONE, field: value})
    assert result.components[field] == points
    assert result.value == points
    assert ("PERC positive" in result.interpretation) == bool(points)


@pytest.mark.parametrize(("field", "value"), [("spo2", 101), ("spo2", -1), ("age", -2)])
def test_perc_invalid(field: str, value: float) -> None:
    with pytest.raises(ValueError, match=field):
        perc(**{**PERC_NONE, field: value})
