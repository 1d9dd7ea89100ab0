"""Tests for the Ottawa ankle/foot rules, the Canadian CT Head Rule, the modified Duke
criteria and the QTc risk category.

Expected values follow the published rules: Stiell 1992 Ann Emerg Med / 1993 JAMA
(Ottawa), Stiell 2001 Lancet (CT head: 5 high-risk, 2 medium-risk factors, exclusions),
Li 2000 Clin Infect Dis (Duke: definite / possible / rejected combinations), Rautaharju
2009 Circulation (QTc >= 450 men / >= 460 women; <= 390 short) and Drew 2010 Circulation
(> 500 ms or > 60 ms increase). Cases are hand-constructed to cover every branch.
"""

from __future__ import annotations

from itertools import product
from typing import Any

import pytest

from healthgym.clinical.errors import CalculatorInputError
from healthgym.clinical.scores.cardiology_rules import duke_criteria, qtc_risk_category
from healthgym.clinical.scores.injury_rules import (
    canadian_ct_head_rule,
    ottawa_ankle_rule,
    ottawa_foot_rule,
)

# ---------------------------------------------------------------- Ottawa


@pytest.mark.parametrize(("pain", "lat", "med", "weight"), list(product([False, True], repeat=4)))
def test_ottawa_ankle_truth_table(pain: bool, lat: bool, med: bool, weight: bool) -> None:
    result = ottawa_ankle_rule(
        malleolar_zone_pain=pain,
        lateral_malleolus_tenderness=lat,
        medial_malleolus_tenderness=med,
        unable_to_bear_weight=weight,
    )
    indicated = pain and (lat or med or weight)
    assert result.value == float(indicated)
    assert ("X-ray series indicated" in result.interpretation) == indicated
    assert result.interpretation.startswith("Ottawa ankle rule: ankle X-ray")


@pytest.mark.parametrize(("pain", "mt5", "nav", "weight"), list(product([False, True], repeat=4)))
def test_ottawa_foot_truth_table(pain: bool, mt5: bool, nav: bool, weight: bool) -> None:
    result = ottawa_foot_rule(
        midfoot_zone_pain=pain,
        fifth_metatarsal_base_tenderness=mt5,
        navicular_tenderness=nav,
        unable_to_bear_weight=weight,
    )
    indicated = pain and (mt5 or nav or weight)
    assert result.value == float(indicated)
    assert result.interpretation.startswith("Ottawa foot rule: foot X-ray")


def test_ottawa_texts_and_invalid() -> None:
    no_zone = ottawa_ankle_rule(
        malleolar_zone_pain=False,
        lateral_malleolus_tenderness=True,
        medial_malleolus_tenderness=False,
        unable_to_bear_weight=False,
    )
    assert "no malleolar zone pain" in no_zone.interpretation
    yes = ottawa_foot_rule(
        midfoot_zone_pain=True,
        fifth_metatarsal_base_tenderness=True,
        navicular_tenderness=False,
        unable_to_bear_weight=False,
    )
    assert "fifth metatarsal base tenderness" in yes.interpretation
    with pytest.raises(CalculatorInputError, match="navicular_tenderness"):
        ottawa_foot_rule(
            midfoot_zone_pain=True,
            fifth_metatarsal_base_tenderness=False,
            navicular_tenderness="yes",
            unable_to_bear_weight=False,
        )


# ---------------------------------------------------------------- Canadian CT Head Rule

CT_LOW: dict[str, Any] = {
    "age": 40,
    "gcs_initial": 15,
    "gcs_at_2h": 15,
    "loss_of_consciousness_amnesia_or_disorientation": True,
    "suspected_open_or_depressed_skull_fracture": False,
    "basal_skull_fracture_signs": False,
    "vomiting_episodes": 0,
    "amnesia_before_impact_30min": False,
    "dangerous_mechanism": False,
    "anticoagulation_or_bleeding_disorder": False,
    "seizure_after_injury": False,
    "acute_focal_neurological_deficit": False,
    "obvious_open_or_depressed_skull_fracture": False,
    "unstable_vital_signs": False,
    "other_exclusion": False,
}


@pytest.mark.parametrize(
    ("overrides", "value", "text"),
    [
        ({}, 0, "low risk"),
        ({"vomiting_episodes": 1}, 0, "low risk"),
        ({"age": 64.9}, 0, "low risk"),
        ({"gcs_at_2h": 14}, 2, "gcs below 15 at 2h"),
        ({"suspected_open_or_depressed_skull_fracture": True}, 2, "high risk"),
        ({"basal_skull_fracture_signs": True}, 2, "basal skull fracture signs"),
        ({"vomiting_episodes": 2}, 2, "vomiting 2 or more"),
        ({"age": 65}, 2, "age 65 or over"),
        ({"amnesia_before_impact_30min": True}, 1, "medium risk"),
        ({"dangerous_mechanism": True}, 1, "dangerous mechanism"),
        ({"dangerous_mechanism": True, "age": 70}, 2, "high risk"),  # high outranks medium
        ({"gcs_initial": 13, "gcs_at_2h": 15}, 0, "low risk"),  # 13 is still included
    ],
)
def test_canadian_ct_head_rule(overrides: dict[str, Any], value: int, text: str) -> None:
    result = canadian_ct_head_rule(**{**CT_LOW, **overrides})
    assert result.value == value
    assert text in result.interpretation
    assert ("CT head indicated" in result.interpretation) == (value > 0)


@pytest.mark.parametrize(
    ("overrides", "exclusion"),
    [
        ({"age": 15.9}, "age under 16"),
        ({"loss_of_consciousness_amnesia_or_disorientation": False}, "minimal head injury"),
        ({"gcs_initial": 12}, "initial gcs below 13"),
        ({"anticoagulation_or_bleeding_disorder": True}, "anticoagulation"),
        ({"seizure_after_injury": True}, "seizure"),
        ({"acute_focal_neurological_deficit": True}, "focal"),
        ({"obvious_open_or_depressed_skull_fracture": True}, "obvious open"),
        ({"unstable_vital_signs": True}, "unstable vital signs"),
        ({"other_exclusion": True}, "other exclusion"),
        ({"other_exclusion": True, "age": 80}, "other exclusion"),  # exclusion wins
    ],
)
def test_canadian_ct_head_rule_exclusions(overrides: dict[str, Any], exclusion: str) -> None:
    result = canadian_ct_head_rule(**{**CT_LOW, **overrides})
    assert result.value == -1
    assert "not applicable" in result.interpretation
    assert exclusion in result.interpretation


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("gcs_initial", 16),
        ("gcs_at_2h", 2),
        ("vomiting_episodes", -1),
        ("vomiting_episodes", 1.5),
        ("age", -3),
        ("dangerous_mechanism", "no"),
    ],
)
def test_canadian_ct_head_rule_invalid(field: str, value: Any) -> None:
    with pytest.raises(CalculatorInputError, match=field):
        canadian_ct_head_rule(**{**CT_LOW, field: value})


# ---------------------------------------------------------------- Duke

MAJORS = ("major_blood_cultures", "major_endocardial_involvement")
MINORS = (
    "minor_predisposition",
    "minor_fever",
    "minor_vascular_phenomena",
    "minor_immunologic_phenomena",
    "minor_microbiological_evidence",
)
REJECTIONS = (
    "firm_alternate_diagnosis",
    "resolution_with_antibiotics_4_days_or_less",
    "no_pathology_after_antibiotics_4_days_or_less",
)


def _duke(n_major: int, n_minor: int, **extra: bool) -> Any:
    args = {"pathological_criteria": False}
    args |= {k: i < n_major for i, k in enumerate(MAJORS)}
    args |= {k: i < n_minor for i, k in enumerate(MINORS)}
    args |= dict.fromkeys(REJECTIONS, False)
    return duke_criteria(**{**args, **extra})


@pytest.mark.parametrize(("n_major", "n_minor"), list(product(range(3), range(6))))
def test_duke_all_combinations(n_major: int, n_minor: int) -> None:
    # Li 2000: definite = 2 major, 1 major + 3 minor, or 5 minor;
    # possible = 1 major + 1 minor, or 3 minor; otherwise rejected.
    if n_major >= 2 or (n_major == 1 and n_minor >= 3) or n_minor >= 5:
        expected, text = 2, "definite"
    elif (n_major == 1 and n_minor >= 1) or n_minor >= 3:
        expected, text = 1, "possible"
    else:
        expected, text = 0, "rejected"
    result = _duke(n_major, n_minor)
    assert result.value == expected
    assert text in result.interpretation
    assert result.explanation()[:2] == [f"major criteria: {n_major}", f"minor criteria: {n_minor}"]


def test_duke_pathological_and_rejection_precedence() -> None:
    assert _duke(0, 0, pathological_criteria=True).value == 2
    assert _duke(0, 0, pathological_criteria=True, firm_alternate_diagnosis=True).value == 2
    for rejection in REJECTIONS:
        result = _duke(2, 5, **{rejection: True})
        assert result.value == 0
        assert rejection.replace("_", " ") in result.interpretation


def test_duke_invalid() -> None:
    with pytest.raises(CalculatorInputError, match="minor_fever"):
        _duke(1, 0, minor_fever="yes")


# ---------------------------------------------------------------- QTc


@pytest.mark.parametrize(
    ("qtc", "sex", "tier", "text"),
    [
        (449, "male", 0, "not prolonged"),
        (450, "male", 1, "prolonged QTc (>= 450 ms in males)"),
        (459, "female", 0, "not prolonged"),
        (460, "female", 1, "prolonged QTc (>= 460 ms in females)"),
        (500, "male", 1, "prolonged"),
        (500.5, "female", 2, "QTc > 500 ms"),
        (390, "male", 0, "short QTc"),
        (391, "female", 0, "not prolonged"),
    ],
)
def test_qtc_thresholds(qtc: float, sex: str, tier: int, text: str) -> None:
    result = qtc_risk_category(qtc_ms=qtc, sex=sex)
    assert result.value == tier
    assert text in result.interpretation
    assert result.components["short_qt"] == float(qtc <= 390)


@pytest.mark.parametrize(
    ("qtc", "baseline", "tier"),
    [(440, 380, 0), (441, 380, 2), (470, 420, 1), (481, 420, 2)],
)
def test_qtc_increase_from_baseline(qtc: float, baseline: float, tier: int) -> None:
    result = qtc_risk_category(qtc_ms=qtc, sex="female", baseline_qtc_ms=baseline)
    assert result.value == tier
    assert result.components["increase_from_baseline_ms"] == qtc - baseline
    if tier == 2:
        assert "> 60 ms from baseline" in result.interpretation


@pytest.mark.parametrize(
    ("kwargs", "field"),
    [
        ({"qtc_ms": 150}, "qtc_ms"),
        ({"qtc_ms": "450"}, "qtc_ms"),
        ({"sex": "other"}, "sex"),
        ({"baseline_qtc_ms": 900}, "baseline_qtc_ms"),
    ],
)
def test_qtc_invalid(kwargs: dict[str, Any], field: str) -> None:
    with pytest.raises(CalculatorInputError, match=field):
        qtc_risk_category(**{"qtc_ms": 440, "sex": "male", **kwargs})
