"""Tests for LACE, Ranson, PESI and sPESI.

Expected values are hand-computed from the published point tables: van Walraven 2010
CMAJ (LACE, range 0-19 stated in the paper); Ranson 1974 Surg Gynecol Obstet and Ranson
1982 Am J Gastroenterol (gallstone thresholds); Aujesky 2005 AJRCCM (PESI points and
class limits); Jimenez 2010 Arch Intern Med (sPESI).
"""

from __future__ import annotations

from typing import Any

import pytest

from healthgym.clinical.errors import CalculatorInputError
from healthgym.clinical.scores.pancreatitis import ranson
from healthgym.clinical.scores.readmission import lace_index
from healthgym.clinical.scores.vte_severity import pesi, spesi

# ---------------------------------------------------------------- LACE


@pytest.mark.parametrize(
    ("days", "points"),
    [(0, 0), (1, 1), (2, 2), (3, 3), (4, 4), (6, 4), (7, 5), (13, 5), (14, 7), (60, 7)],
)
def test_lace_length_of_stay(days: int, points: float) -> None:
    result = lace_index(
        length_of_stay_days=days, acute_admission=False, charlson_index=0, ed_visits_6_months=0
    )
    assert result.components["length_of_stay"] == points
    assert result.value == points


@pytest.mark.parametrize(("charlson", "points"), [(0, 0), (1, 1), (3, 3), (4, 5), (12, 5)])
def test_lace_comorbidity(charlson: int, points: float) -> None:
    result = lace_index(
        length_of_stay_days=0,
        acute_admission=False,
        charlson_index=charlson,
        ed_visits_6_months=0,
    )
    assert result.components["comorbidity"] == points


@pytest.mark.parametrize(("visits", "points"), [(0, 0), (3, 3), (4, 4), (9, 4)])
def test_lace_ed_visits(visits: int, points: float) -> None:
    result = lace_index(
        length_of_stay_days=0, acute_admission=False, charlson_index=0, ed_visits_6_months=visits
    )
    assert result.components["ed_visits"] == points


def test_lace_range_and_threshold() -> None:
    # Paper: scores range from 0 to 19.
    low = lace_index(
        length_of_stay_days=0, acute_admission=False, charlson_index=0, ed_visits_6_months=0
    )
    high = lace_index(
        length_of_stay_days=20, acute_admission=True, charlson_index=6, ed_visits_6_months=5
    )
    assert low.value == 0
    assert high.value == 19
    assert high.components["acuity"] == 3
    # 5 days (4) + acute (3) + Charlson 2 (2) = 9 -> lower; one ED visit more -> 10 high.
    nine = lace_index(
        length_of_stay_days=5, acute_admission=True, charlson_index=2, ed_visits_6_months=0
    )
    ten = lace_index(
        length_of_stay_days=5, acute_admission=True, charlson_index=2, ed_visits_6_months=1
    )
    assert (nine.value, ten.value) == (9, 10)
    assert "lower risk" in nine.interpretation
    assert "high risk" in ten.interpretation


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("length_of_stay_days", -1),
        ("length_of_stay_days", 2.5),
        ("charlson_index", -1),
        ("ed_visits_6_months", True),
        ("acute_admission", "yes"),
    ],
)
def test_lace_invalid(field: str, value: Any) -> None:
    args: dict[str, Any] = {
        "length_of_stay_days": 3,
        "acute_admission": True,
        "charlson_index": 1,
        "ed_visits_6_months": 0,
    }
    with pytest.raises(CalculatorInputError, match=field):
        lace_index(**{**args, field: value})


# ---------------------------------------------------------------- Ranson

RANSON_NORMAL: dict[str, Any] = {
    "age": 40,
    "wbc": 10,
    "glucose_mg_dl": 120,
    "ldh_u_l": 200,
    "ast_u_l": 40,
    "gallstone": False,
    "hematocrit_fall_pct_points": 2,
    "bun_rise_mg_dl": 0,
    "calcium_mg_dl": 9,
    "pao2_mm_hg": 90,
    "base_deficit_meq_l": 0,
    "fluid_sequestration_l": 2,
}


@pytest.mark.parametrize(
    ("field", "not_met", "met", "gallstone"),
    [
        ("age", 55, 55.5, False),
        ("age", 70, 71, True),
        ("wbc", 16, 16.1, False),
        ("wbc", 18, 18.1, True),
        ("glucose_mg_dl", 200, 201, False),
        ("glucose_mg_dl", 220, 221, True),
        ("ldh_u_l", 350, 351, False),
        ("ldh_u_l", 400, 401, True),
        ("ast_u_l", 250, 251, False),
        ("ast_u_l", 250, 251, True),
        ("hematocrit_fall_pct_points", 10, 10.5, False),
        ("hematocrit_fall_pct_points", 10, 10.5, True),
        ("bun_rise_mg_dl", 5, 5.1, False),
        ("bun_rise_mg_dl", 2, 2.1, True),
        ("calcium_mg_dl", 8, 7.9, False),
        ("calcium_mg_dl", 8, 7.9, True),
        ("pao2_mm_hg", 60, 59, False),
        ("base_deficit_meq_l", 4, 4.1, False),
        ("base_deficit_meq_l", 5, 5.1, True),
        ("fluid_sequestration_l", 6, 6.1, False),
        ("fluid_sequestration_l", 4, 4.1, True),
    ],
)
def test_ranson_thresholds(field: str, not_met: float, met: float, gallstone: bool) -> None:
    base = {**RANSON_NORMAL, "gallstone": gallstone}
    assert ranson(**{**base, field: not_met}).value == 0
    assert ranson(**{**base, field: met}).value == 1


def test_ranson_gallstone_thresholds_differ() -> None:
    # Age 60 and WBC 17 meet the non-gallstone but not the gallstone criteria.
    args = {**RANSON_NORMAL, "age": 60, "wbc": 17}
    assert ranson(**args).value == 2
    assert ranson(**{**args, "gallstone": True}).value == 0


def test_ranson_gallstone_ignores_pao2() -> None:
    result = ranson(**{**RANSON_NORMAL, "gallstone": True, "pao2_mm_hg": 50})
    assert "pao2" not in result.components
    assert len(result.components) == 10
    assert result.value == 0
    assert "gallstone" in result.interpretation


@pytest.mark.parametrize(
    ("overrides", "total", "text"),
    [
        ({"age": 60, "wbc": 17}, 2, "mortality ~1%"),
        ({"age": 60, "wbc": 17, "calcium_mg_dl": 7.5}, 3, "~15%"),
        (
            {"age": 60, "wbc": 17, "calcium_mg_dl": 7.5, "pao2_mm_hg": 55, "ldh_u_l": 500},
            5,
            "~40%",
        ),
        (
            {
                "age": 60,
                "wbc": 17,
                "calcium_mg_dl": 7.5,
                "pao2_mm_hg": 55,
                "ldh_u_l": 500,
                "fluid_sequestration_l": 7,
                "base_deficit_meq_l": 6,
            },
            7,
            "approaching 100%",
        ),
    ],
)
def test_ranson_bands(overrides: dict[str, Any], total: int, text: str) -> None:
    result = ranson(**{**RANSON_NORMAL, **overrides})
    assert result.value == total
    assert text in result.interpretation
    assert "incomplete" not in result.interpretation


def test_ranson_admission_only_is_flagged_incomplete() -> None:
    admission = {k: RANSON_NORMAL[k] for k in ("age", "wbc", "glucose_mg_dl", "ldh_u_l")}
    result = ranson(**admission, ast_u_l=300, gallstone=False)
    assert result.value == 1
    assert len(result.components) == 11
    assert "incomplete" in result.interpretation
    assert "calcium" in result.interpretation


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("age", -1),
        ("wbc", 16000),  # cells/mm^3 instead of x10^9/L
        ("glucose_mg_dl", "high"),
        ("calcium_mg_dl", -1),
        ("pao2_mm_hg", 1000),
        ("gallstone", None),
    ],
)
def test_ranson_invalid(field: str, value: Any) -> None:
    with pytest.raises(CalculatorInputError, match=field):
        ranson(**{**RANSON_NORMAL, field: value})


# ---------------------------------------------------------------- PESI / sPESI

PESI_NORMAL: dict[str, Any] = {
    "age": 50,
    "sex": "female",
    "cancer": False,
    "heart_failure": False,
    "chronic_lung_disease": False,
    "heart_rate": 80,
    "sbp": 130,
    "respiratory_rate": 16,
    "temperature_c": 37,
    "altered_mental_status": False,
    "spo2": 97,
}


@pytest.mark.parametrize(
    ("age", "cls"),
    [(65, "I"), (66, "II"), (85, "II"), (86, "III"), (105, "III"), (106, "IV"), (125, "IV")],
)
def test_pesi_class_limits(age: int, cls: str) -> None:
    # A woman with no other criterion scores her age.
    result = pesi(**{**PESI_NORMAL, "age": age})
    assert result.value == age
    assert f"class {cls}:" in result.interpretation


def test_pesi_class_v_worked_example() -> None:
    # 70-year-old man with cancer and pulse 115: 70 + 10 + 30 + 20 = 130 -> class V.
    result = pesi(**{**PESI_NORMAL, "age": 70, "sex": "male", "cancer": True, "heart_rate": 115})
    assert result.value == 130
    assert "class V:" in result.interpretation
    assert "hospital treatment" in result.interpretation


@pytest.mark.parametrize(
    ("field", "not_met", "met", "points"),
    [
        ("sex", "female", "male", 10),
        ("cancer", False, True, 30),
        ("heart_failure", False, True, 10),
        ("chronic_lung_disease", False, True, 10),
        ("heart_rate", 109, 110, 20),
        ("sbp", 100, 99, 30),
        ("respiratory_rate", 29, 30, 20),
        ("temperature_c", 36.0, 35.9, 20),
        ("altered_mental_status", False, True, 60),
        ("spo2", 90, 89, 20),
    ],
)
def test_pesi_points(field: str, not_met: Any, met: Any, points: float) -> None:
    assert pesi(**{**PESI_NORMAL, field: not_met}).value == 50
    assert pesi(**{**PESI_NORMAL, field: met}).value == 50 + points


def test_pesi_age_in_completed_years() -> None:
    assert pesi(**{**PESI_NORMAL, "age": 70.9}).value == 70


@pytest.mark.parametrize(
    ("field", "value"), [("age", 17), ("sex", "m"), ("spo2", 101), ("cancer", 0.5)]
)
def test_pesi_invalid(field: str, value: Any) -> None:
    with pytest.raises(CalculatorInputError, match=field):
        pesi(**{**PESI_NORMAL, field: value})


SPESI_NORMAL: dict[str, Any] = {
    "age": 60,
    "cancer": False,
    "chronic_cardiopulmonary_disease": False,
    "heart_rate": 80,
    "sbp": 130,
    "spo2": 97,
}


@pytest.mark.parametrize(
    ("field", "not_met", "met"),
    [
        ("age", 80.9, 81),
        ("cancer", False, True),
        ("chronic_cardiopulmonary_disease", False, True),
        ("heart_rate", 109, 110),
        ("sbp", 100, 99),
        ("spo2", 90, 89),
    ],
)
def test_spesi_criteria(field: str, not_met: Any, met: Any) -> None:
    low = spesi(**{**SPESI_NORMAL, field: not_met})
    high = spesi(**{**SPESI_NORMAL, field: met})
    assert low.value == 0
    assert "low risk (30-day mortality 1.0%)" in low.interpretation
    assert high.value == 1
    assert "high risk (30-day mortality 10.9%)" in high.interpretation


def test_spesi_maximum() -> None:
    result = spesi(
        age=85,
        cancer=True,
        chronic_cardiopulmonary_disease=True,
        heart_rate=120,
        sbp=90,
        spo2=85,
    )
    assert result.value == 6


@pytest.mark.parametrize(("field", "value"), [("heart_rate", -5), ("sbp", "90")])
def test_spesi_invalid(field: str, value: Any) -> None:
    with pytest.raises(CalculatorInputError, match=field):
        spesi(**{**SPESI_NORMAL, field: value})
