"""Tests for KDIGO AKI staging and the renal dosing band.

Expected values are hand-computed from the published criteria: KDIGO AKI guideline 2012
(Kidney Int Suppl 2:1-138, recommendation 2.1.2 / Table 2) and FDA 2010 renal-impairment
guidance Table 1 with the KDIGO 2012 CKD GFR categories.
"""

from __future__ import annotations

from typing import Any

import pytest

from healthgym.clinical.errors import CalculatorInputError
from healthgym.clinical.scores.dosing import egfr_dose_band
from healthgym.clinical.scores.renal_scores import kdigo_aki_stage


def _aki(**overrides: Any) -> Any:
    args: dict[str, Any] = {
        "baseline_creatinine_mg_dl": 1.0,
        "current_creatinine_mg_dl": 1.0,
        "creatinine_rise_48h_mg_dl": 0.0,
        "rrt_initiated": False,
    }
    return kdigo_aki_stage(**{**args, **overrides})


@pytest.mark.parametrize(
    ("baseline", "current", "rise", "stage"),
    [
        (1.0, 1.0, 0.0, 0),
        (1.0, 1.49, 0.29, 0),  # just under both stage-1 thresholds
        (1.0, 1.29, 0.3, 1),  # absolute rise >= 0.3 mg/dL in 48 h alone
        (1.0, 1.5, 0.0, 1),  # ratio exactly 1.5
        (0.9, 1.35, 0.0, 1),  # ratio 1.5 despite floating-point noise
        (1.0, 1.99, 0.0, 1),
        (1.0, 2.0, 0.0, 2),  # ratio exactly 2.0
        (0.7, 1.4, 0.0, 2),
        (1.0, 2.99, 0.0, 2),
        (1.0, 3.0, 0.0, 3),  # ratio exactly 3.0
        (2.5, 4.0, 0.3, 3),  # rise to >= 4.0 mg/dL with AKI present (ratio only 1.6)
        (3.8, 4.0, 0.2, 0),  # 4.0 mg/dL without an acute rise: CKD, not AKI
        (2.0, 3.99, 0.5, 1),  # just under 4.0 and ratio < 2
    ],
)
def test_kdigo_creatinine(baseline: float, current: float, rise: float, stage: int) -> None:
    result = _aki(
        baseline_creatinine_mg_dl=baseline,
        current_creatinine_mg_dl=current,
        creatinine_rise_48h_mg_dl=rise,
    )
    assert result.value == stage
    assert result.components["stage_by_creatinine"] == stage
    assert f"stage {stage}" in result.interpretation


@pytest.mark.parametrize(
    ("rate", "hours", "stage"),
    [
        (0.49, 5.9, 0),  # < 6 hours
        (0.49, 6.0, 1),
        (0.5, 24.0, 0),  # 0.5 is not < 0.5
        (0.49, 11.9, 1),
        (0.49, 12.0, 2),
        (0.3, 24.0, 2),  # 0.3 is not < 0.3
        (0.29, 23.9, 2),
        (0.29, 24.0, 3),
        (0.0, 11.9, 1),  # anuria for 6 to < 12 h: only < 0.5 mL/kg/h for >= 6 h
        (0.0, 12.0, 3),  # anuria >= 12 h
    ],
)
def test_kdigo_urine_output(rate: float, hours: float, stage: int) -> None:
    result = _aki(urine_output_ml_kg_h=rate, urine_output_hours=hours)
    assert result.components["stage_by_urine_output"] == stage
    assert result.value == stage


def test_kdigo_highest_criterion_wins() -> None:
    result = _aki(
        current_creatinine_mg_dl=1.6,
        urine_output_ml_kg_h=0.4,
        urine_output_hours=13,
    )
    assert result.components["stage_by_creatinine"] == 1
    assert result.components["stage_by_urine_output"] == 2
    assert result.value == 2


def test_kdigo_rrt_and_paediatric_egfr_are_stage_3() -> None:
    assert _aki(rrt_initiated=True).value == 3
    assert _aki(pediatric_egfr_below_35=True).value == 3
    assert _aki(rrt_initiated=True).components["stage_by_rrt"] == 3


def test_kdigo_steps() -> None:
    steps = _aki(current_creatinine_mg_dl=2.1).explanation()
    assert steps[0].startswith("creatinine ratio")
    assert steps[-1] == "stage = highest criterion = 2"


@pytest.mark.parametrize(
    ("overrides", "field"),
    [
        ({"baseline_creatinine_mg_dl": 0}, "baseline_creatinine_mg_dl"),
        ({"current_creatinine_mg_dl": -1}, "current_creatinine_mg_dl"),
        ({"current_creatinine_mg_dl": "2"}, "current_creatinine_mg_dl"),
        ({"creatinine_rise_48h_mg_dl": float("nan")}, "creatinine_rise_48h_mg_dl"),
        ({"rrt_initiated": "yes"}, "rrt_initiated"),
        ({"urine_output_ml_kg_h": -0.1, "urine_output_hours": 6}, "urine_output_ml_kg_h"),
        ({"urine_output_ml_kg_h": 0.2}, "urine_output_hours"),  # rate without a duration
        ({"urine_output_hours": -1}, "urine_output_hours"),
        ({"pediatric_egfr_below_35": None}, "pediatric_egfr_below_35"),
    ],
)
def test_kdigo_invalid(overrides: dict[str, Any], field: str) -> None:
    with pytest.raises(CalculatorInputError, match=field):
        _aki(**overrides)


@pytest.mark.parametrize(
    ("gfr", "dialysis", "band", "kdigo"),
    [
        (120, False, 1, "G1"),
        (90, False, 1, "G1"),
        (89.9, False, 2, "G2"),
        (60, False, 2, "G2"),
        (59.9, False, 3, "G3a"),
        (45, False, 3, "G3a"),
        (44.9, False, 3, "G3b"),
        (30, False, 3, "G3b"),
        (29.9, False, 4, "G4"),
        (15, False, 4, "G4"),
        (14.9, False, 5, "G5"),
        (0, False, 5, "G5"),
        (40, True, 5, "G5D"),  # dialysis overrides the GFR
    ],
)
def test_egfr_dose_band(gfr: float, dialysis: bool, band: int, kdigo: str) -> None:
    result = egfr_dose_band(gfr_ml_min=gfr, on_dialysis=dialysis)
    assert result.value == band
    assert f"KDIGO {kdigo})" in result.interpretation


@pytest.mark.parametrize(
    ("gfr", "dialysis", "field"),
    [(-1, False, "gfr_ml_min"), (300, False, "gfr_ml_min"), (50, "no", "on_dialysis")],
)
def test_egfr_dose_band_invalid(gfr: Any, dialysis: Any, field: str) -> None:
    with pytest.raises(CalculatorInputError, match=field):
        egfr_dose_band(gfr_ml_min=gfr, on_dialysis=dialysis)
