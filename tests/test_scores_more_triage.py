"""Tests for ESI v4, the Revised Trauma Score, START and JumpSTART.

Expected values follow the published algorithms: ESI v4 Implementation Handbook 2012
(decision points A-D, danger-zone vitals table); Champion 1989 J Trauma (coded values,
weights, maximum RTS 7.8408); START (Benson 1996 Prehosp Disaster Med); JumpSTART
(Romig 2002 JEMS). The cases are hand-constructed to walk each branch and threshold.
"""

from __future__ import annotations

from typing import Any

import pytest

from healthgym.clinical.errors import CalculatorInputError
from healthgym.clinical.scores.trauma_triage import (
    jumpstart_triage,
    revised_trauma_score,
    start_triage,
    triage_revised_trauma_score,
)
from healthgym.clinical.scores.triage import esi_danger_zone_vitals, esi_level

# ---------------------------------------------------------------- ESI danger zone


@pytest.mark.parametrize(
    ("age", "hr_ok", "hr_bad", "rr_ok", "rr_bad"),
    [
        (0.1, 180, 181, 50, 51),  # < 3 months
        (0.25, 160, 161, 40, 41),  # 3 months
        (2.9, 160, 161, 40, 41),
        (3.0, 140, 141, 30, 31),  # 3 - 8 years
        (8.0, 140, 141, 30, 31),
        (8.5, 100, 101, 20, 21),  # > 8 years
        (45, 100, 101, 20, 21),
    ],
)
def test_esi_danger_zone_age_bands(
    age: float, hr_ok: float, hr_bad: float, rr_ok: float, rr_bad: float
) -> None:
    ok = esi_danger_zone_vitals(age_years=age, heart_rate=hr_ok, respiratory_rate=rr_ok, spo2=98)
    assert ok.value == 0
    assert "No danger-zone vitals" in ok.interpretation
    hr = esi_danger_zone_vitals(age_years=age, heart_rate=hr_bad, respiratory_rate=rr_ok, spo2=98)
    assert hr.components == {"heart_rate": 1, "respiratory_rate": 0, "spo2": 0}
    assert f"heart rate {hr_bad} > {hr_ok}" in hr.interpretation
    rr = esi_danger_zone_vitals(age_years=age, heart_rate=hr_ok, respiratory_rate=rr_bad, spo2=98)
    assert rr.components == {"heart_rate": 0, "respiratory_rate": 1, "spo2": 0}


def test_esi_danger_zone_spo2_and_count() -> None:
    ok = esi_danger_zone_vitals(age_years=30, heart_rate=80, respiratory_rate=16, spo2=92)
    assert ok.value == 0
    low = esi_danger_zone_vitals(age_years=30, heart_rate=80, respiratory_rate=16, spo2=91.9)
    assert low.value == 1
    assert "SpO2 91.9% < 92%" in low.interpretation
    all3 = esi_danger_zone_vitals(age_years=30, heart_rate=130, respiratory_rate=28, spo2=88)
    assert all3.value == 3
    assert "up-triage" in all3.interpretation


@pytest.mark.parametrize(
    ("field", "value"),
    [("age_years", -1), ("heart_rate", "fast"), ("respiratory_rate", 150), ("spo2", 101)],
)
def test_esi_danger_zone_invalid(field: str, value: Any) -> None:
    args: dict[str, Any] = {"age_years": 30, "heart_rate": 80, "respiratory_rate": 16, "spo2": 98}
    with pytest.raises(CalculatorInputError, match=field):
        esi_danger_zone_vitals(**{**args, field: value})


# ---------------------------------------------------------------- ESI level

ESI_NONE: dict[str, Any] = {
    "requires_immediate_lifesaving_intervention": False,
    "high_risk_situation": False,
    "new_confusion_lethargy_disorientation": False,
    "severe_pain_or_distress": False,
    "expected_resources": 0,
    "danger_zone_vitals": False,
}


@pytest.mark.parametrize(
    ("overrides", "level", "text"),
    [
        ({"requires_immediate_lifesaving_intervention": True}, 1, "A: requires immediate"),
        (  # A takes precedence over everything
            {
                "requires_immediate_lifesaving_intervention": True,
                "high_risk_situation": True,
                "expected_resources": 3,
            },
            1,
            "A:",
        ),
        ({"high_risk_situation": True}, 2, "B: high-risk situation"),
        ({"new_confusion_lethargy_disorientation": True}, 2, "new confusion"),
        ({"severe_pain_or_distress": True, "expected_resources": 0}, 2, "severe pain"),
        ({}, 5, "C: no resources"),
        ({"expected_resources": 1}, 4, "C: one resource"),
        ({"expected_resources": 1, "danger_zone_vitals": True}, 4, "one resource"),  # D unused
        ({"expected_resources": 2}, 3, "D: no danger-zone vitals"),
        ({"expected_resources": 5}, 3, "5 resources"),
        ({"expected_resources": 2, "danger_zone_vitals": True}, 2, "D: danger-zone vitals"),
    ],
)
def test_esi_level(overrides: dict[str, Any], level: int, text: str) -> None:
    result = esi_level(**{**ESI_NONE, **overrides})
    assert result.value == level
    assert result.interpretation.startswith(f"ESI level {level} ")
    assert text in result.interpretation


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("expected_resources", -1),
        ("expected_resources", 1.5),
        ("high_risk_situation", "no"),
        ("danger_zone_vitals", None),
    ],
)
def test_esi_level_invalid(field: str, value: Any) -> None:
    with pytest.raises(CalculatorInputError, match=field):
        esi_level(**{**ESI_NONE, field: value})


# ---------------------------------------------------------------- RTS / T-RTS


@pytest.mark.parametrize(
    ("gcs", "code"), [(15, 4), (13, 4), (12, 3), (9, 3), (8, 2), (6, 2), (5, 1), (4, 1), (3, 0)]
)
def test_rts_gcs_coding(gcs: int, code: float) -> None:
    result = triage_revised_trauma_score(gcs=gcs, sbp=120, respiratory_rate=16)
    assert result.components["gcs"] == code


@pytest.mark.parametrize(
    ("sbp", "code"),
    [(120, 4), (90, 4), (89.5, 4), (89, 3), (76, 3), (75.5, 3), (75, 2), (50, 2), (49, 1),
     (1, 1), (0, 0)],
)  # fmt: skip
def test_rts_sbp_coding(sbp: float, code: float) -> None:
    result = triage_revised_trauma_score(gcs=15, sbp=sbp, respiratory_rate=16)
    assert result.components["sbp"] == code


@pytest.mark.parametrize(
    ("rr", "code"),
    [(16, 4), (10, 4), (29, 4), (30, 3), (45, 3), (9.5, 2), (9, 2), (6, 2), (5, 1), (1, 1),
     (0, 0)],
)  # fmt: skip
def test_rts_rr_coding(rr: float, code: float) -> None:
    result = triage_revised_trauma_score(gcs=15, sbp=120, respiratory_rate=rr)
    assert result.components["respiratory_rate"] == code


@pytest.mark.parametrize(
    ("gcs", "sbp", "rr", "rts", "t_rts"),
    [
        (15, 120, 16, 7.8408, 12),  # Champion 1989: maximum RTS 7.8408
        (3, 0, 0, 0.0, 0),
        (10, 80, 35, 5.8806, 9),  # 0.9368*3 + 0.7326*3 + 0.2908*3
        (7, 60, 8, 3.9204, 6),  # 0.9368*2 + 0.7326*2 + 0.2908*2
        (14, 85, 20, 7.1082, 11),  # 3.7472 + 2.1978 + 1.1632
    ],
)
def test_rts_values(gcs: int, sbp: float, rr: float, rts: float, t_rts: float) -> None:
    weighted = revised_trauma_score(gcs=gcs, sbp=sbp, respiratory_rate=rr)
    assert weighted.value == pytest.approx(rts, abs=1e-9)
    assert sum(weighted.components.values()) == pytest.approx(rts, abs=1e-4)
    assert f"T-RTS {t_rts}" in weighted.interpretation
    triage = triage_revised_trauma_score(gcs=gcs, sbp=sbp, respiratory_rate=rr)
    assert triage.value == t_rts
    assert ("trauma centre" in triage.interpretation) == (t_rts <= 11)


@pytest.mark.parametrize(
    ("field", "value"),
    [("gcs", 2), ("gcs", 16), ("gcs", 14.5), ("sbp", -1), ("respiratory_rate", "20")],
)
def test_rts_invalid(field: str, value: Any) -> None:
    args: dict[str, Any] = {"gcs": 15, "sbp": 120, "respiratory_rate": 16}
    for fn in (revised_trauma_score, triage_revised_trauma_score):
        with pytest.raises(CalculatorInputError, match=field):
            fn(**{**args, field: value})


# ---------------------------------------------------------------- START

START_OK: dict[str, Any] = {
    "can_walk": False,
    "respiratory_rate": 20,
    "breathes_after_airway_repositioning": None,
    "radial_pulse_present": True,
    "capillary_refill_s": 1.5,
    "obeys_commands": True,
}


@pytest.mark.parametrize(
    ("overrides", "category", "text"),
    [
        ({"can_walk": True}, 3, "MINOR"),
        ({"can_walk": True, "respiratory_rate": 40, "obeys_commands": False}, 3, "MINOR"),
        ({"respiratory_rate": 0, "breathes_after_airway_repositioning": True}, 1, "IMMEDIATE"),
        ({"respiratory_rate": 0, "breathes_after_airway_repositioning": False}, 4, "DECEASED"),
        ({"respiratory_rate": 31}, 1, "respiratory rate > 30"),
        ({"respiratory_rate": 30}, 2, "DELAYED"),
        ({"radial_pulse_present": False}, 1, "radial pulse absent"),
        ({"capillary_refill_s": 2.0}, 2, "DELAYED"),
        ({"capillary_refill_s": 2.1}, 1, "capillary refill 2.1 s > 2 s"),
        ({"capillary_refill_s": None}, 2, "DELAYED"),  # radial pulse alone
        ({"obeys_commands": False}, 1, "cannot follow simple commands"),
        ({}, 2, "follows simple commands"),
    ],
)
def test_start_triage(overrides: dict[str, Any], category: int, text: str) -> None:
    result = start_triage(**{**START_OK, **overrides})
    assert result.value == category
    assert text in result.interpretation
    assert result.explanation()[-1].startswith("category = ")


@pytest.mark.parametrize(
    ("overrides", "field"),
    [
        ({"respiratory_rate": 0}, "breathes_after_airway_repositioning"),
        ({"respiratory_rate": 0, "breathes_after_airway_repositioning": "yes"},
         "breathes_after_airway_repositioning"),
        ({"respiratory_rate": -2}, "respiratory_rate"),
        ({"capillary_refill_s": -1}, "capillary_refill_s"),
        ({"can_walk": None}, "can_walk"),
        ({"radial_pulse_present": "present"}, "radial_pulse_present"),
    ],
)  # fmt: skip
def test_start_invalid(overrides: dict[str, Any], field: str) -> None:
    with pytest.raises(CalculatorInputError, match=field):
        start_triage(**{**START_OK, **overrides})


# ---------------------------------------------------------------- JumpSTART

JUMP_OK: dict[str, Any] = {
    "can_walk": False,
    "respiratory_rate": 25,
    "breathes_after_airway_positioning": None,
    "peripheral_pulse_present": True,
    "breathes_after_rescue_breaths": None,
    "avpu": "A",
}


@pytest.mark.parametrize(
    ("overrides", "category", "text"),
    [
        ({"can_walk": True}, 3, "MINOR"),
        ({"respiratory_rate": 0, "breathes_after_airway_positioning": True}, 1, "IMMEDIATE"),
        (
            {
                "respiratory_rate": 0,
                "breathes_after_airway_positioning": False,
                "peripheral_pulse_present": False,
            },
            4,
            "no palpable pulse",
        ),
        (
            {
                "respiratory_rate": 0,
                "breathes_after_airway_positioning": False,
                "breathes_after_rescue_breaths": True,
            },
            1,
            "breathes after rescue breaths",
        ),
        (
            {
                "respiratory_rate": 0,
                "breathes_after_airway_positioning": False,
                "breathes_after_rescue_breaths": False,
            },
            4,
            "DECEASED",
        ),
        ({"respiratory_rate": 14}, 1, "respiratory rate < 15 or > 45"),
        ({"respiratory_rate": 15}, 2, "DELAYED"),
        ({"respiratory_rate": 45}, 2, "DELAYED"),
        ({"respiratory_rate": 46}, 1, "respiratory rate < 15 or > 45"),
        ({"peripheral_pulse_present": False}, 1, "no palpable peripheral pulse"),
        ({"avpu": "U"}, 1, "AVPU U"),
        ({"avpu": "P_inappropriate"}, 1, "inappropriate"),
        ({"avpu": "P_appropriate"}, 2, "DELAYED"),
        ({"avpu": "V"}, 2, "DELAYED"),
        ({}, 2, "AVPU A: appropriate"),
    ],
)
def test_jumpstart_triage(overrides: dict[str, Any], category: int, text: str) -> None:
    result = jumpstart_triage(**{**JUMP_OK, **overrides})
    assert result.value == category
    assert text in result.interpretation


@pytest.mark.parametrize(
    ("overrides", "field"),
    [
        ({"respiratory_rate": 0}, "breathes_after_airway_positioning"),
        (
            {"respiratory_rate": 0, "breathes_after_airway_positioning": False},
            "breathes_after_rescue_breaths",
        ),
        ({"avpu": "P"}, "avpu"),
        ({"avpu": "alert"}, "avpu"),
        ({"peripheral_pulse_present": 2}, "peripheral_pulse_present"),
    ],
)
def test_jumpstart_invalid(overrides: dict[str, Any], field: str) -> None:
    with pytest.raises(CalculatorInputError, match=field):
        jumpstart_triage(**{**JUMP_OK, **overrides})
