"""Tests for qSOFA and SIRS.

Expected values are hand-computed from the published criteria (Seymour 2016 JAMA /
Sepsis-3; Bone 1992 Chest).
"""

from __future__ import annotations

from typing import Any

import pytest

from healthgym.clinical.scores import qsofa, sirs


def test_qsofa_example() -> None:
    # Hand-computed: RR 24, SBP 95, confused -> 3 -> qSOFA positive.
    result = qsofa(respiratory_rate=24, sbp=95, altered_mentation=True)
    assert result.value == 3
    assert result.components == {"respiratory_rate": 1, "sbp": 1, "altered_mentation": 1}
    assert "qSOFA positive" in result.interpretation


@pytest.mark.parametrize(
    ("rr", "sbp", "mentation", "value", "positive"),
    [
        (21, 101, False, 0, False),
        (22, 101, False, 1, False),
        (21, 100, False, 1, False),
        (21, 101, True, 1, False),
        (22, 100, False, 2, True),
        (22, 101, True, 2, True),
        (21.9, 100.1, True, 1, False),
    ],
)
def test_qsofa_thresholds(
    rr: float, sbp: float, mentation: bool, value: int, positive: bool
) -> None:
    result = qsofa(respiratory_rate=rr, sbp=sbp, altered_mentation=mentation)
    assert result.value == value
    assert ("qSOFA positive" in result.interpretation) is positive
    assert ("qSOFA negative" in result.interpretation) is not positive


@pytest.mark.parametrize(
    ("field", "value"),
    [("respiratory_rate", -1), ("sbp", -20), ("altered_mentation", "confused")],
)
def test_qsofa_invalid(field: str, value: Any) -> None:
    args: dict[str, Any] = {"respiratory_rate": 18, "sbp": 120, "altered_mentation": False}
    with pytest.raises(ValueError, match=field):
        qsofa(**{**args, field: value})


SIRS_NONE: dict[str, Any] = {
    "temperature_c": 37.0,
    "heart_rate": 80.0,
    "respiratory_rate": 16.0,
    "wbc": 8.0,
}


def test_sirs_example() -> None:
    # Hand-computed: T 38.6, HR 112, RR 24, WBC 15 -> 4/4.
    result = sirs(temperature_c=38.6, heart_rate=112, respiratory_rate=24, wbc=15)
    assert result.value == 4
    assert "SIRS present" in result.interpretation


@pytest.mark.parametrize(
    ("field", "value", "component", "points"),
    [
        ("temperature_c", 38.0, "temperature", 0),
        ("temperature_c", 38.1, "temperature", 1),
        ("temperature_c", 36.0, "temperature", 0),
        ("temperature_c", 35.9, "temperature", 1),
        ("heart_rate", 90, "heart_rate", 0),
        ("heart_rate", 91, "heart_rate", 1),
        ("respiratory_rate", 20, "respiratory", 0),
        ("respiratory_rate", 21, "respiratory", 1),
        ("paco2_mmhg", 32, "respiratory", 0),
        ("paco2_mmhg", 31.9, "respiratory", 1),
        ("wbc", 12.0, "wbc", 0),
        ("wbc", 12.1, "wbc", 1),
        ("wbc", 4.0, "wbc", 0),
        ("wbc", 3.9, "wbc", 1),
        ("bands_pct", 10, "wbc", 0),
        ("bands_pct", 11, "wbc", 1),
    ],
)
def test_sirs_thresholds(field: str, value: float, component: str, points: int) -> None:
    result = sirs(**{**SIRS_NONE, field: value})
    assert result.components[component] == points
    assert result.value == points


@pytest.mark.parametrize(
    ("changes", "value", "present"),
    [
        ({}, 0, False),
        ({"heart_rate": 100}, 1, False),
        ({"heart_rate": 100, "temperature_c": 39}, 2, True),
        ({"heart_rate": 100, "temperature_c": 39, "respiratory_rate": 25}, 3, True),
    ],
)
def test_sirs_bands(changes: dict[str, Any], value: int, present: bool) -> None:
    result = sirs(**{**SIRS_NONE, **changes})
    assert result.value == value
    assert ("SIRS present" in result.interpretation) is present
    assert ("not met" in result.interpretation) is not present


def test_sirs_optional_criteria_do_not_double_count() -> None:
    result = sirs(**{**SIRS_NONE, "respiratory_rate": 25, "paco2_mmhg": 28, "bands_pct": 20})
    assert result.components["respiratory"] == 1
    assert result.components["wbc"] == 1
    assert result.value == 2


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("wbc", 12000),  # cells/mm^3 instead of x10^9/L
        ("wbc", -1),
        ("temperature_c", 100),  # Fahrenheit by mistake
        ("bands_pct", 150),
        ("paco2_mmhg", -3),
    ],
)
def test_sirs_invalid(field: str, value: float) -> None:
    with pytest.raises(ValueError, match=field):
        sirs(**{**SIRS_NONE, field: value})


def test_sirs_without_a_white_cell_count_is_not_assumed_normal():
    from healthgym.clinical.scores import sirs

    r = sirs(temperature_c=38.5, heart_rate=110, respiratory_rate=24, wbc=None)
    assert r.value == 3 and "wbc" not in r.components
    assert "not measured" in r.interpretation
