"""Tests for NIHSS, the Bishop score and the Apgar score.

Expected values are hand-computed from the published scales: NIHSS item ranges from the
NINDS form (Brott 1989; maximum 42); Bishop 1964 Obstet Gynecol table (maximum 13) with
ACOG 2009 thresholds; Apgar 1953 signs (0-2 each, maximum 10) with AAP/ACOG 2015 bands.
"""

from __future__ import annotations

from typing import Any

import pytest

from healthgym.clinical.errors import CalculatorInputError
from healthgym.clinical.scores.neuro import nihss
from healthgym.clinical.scores.obstetric import apgar, bishop_score

NIHSS_MAX: dict[str, int] = {
    "loc": 3,
    "loc_questions": 2,
    "loc_commands": 2,
    "best_gaze": 2,
    "visual": 3,
    "facial_palsy": 3,
    "motor_arm_left": 4,
    "motor_arm_right": 4,
    "motor_leg_left": 4,
    "motor_leg_right": 4,
    "limb_ataxia": 2,
    "sensory": 2,
    "best_language": 3,
    "dysarthria": 2,
    "extinction_inattention": 2,
}
NIHSS_ZERO: dict[str, Any] = dict.fromkeys(NIHSS_MAX, 0)
UNTESTABLE = {
    "motor_arm_left",
    "motor_arm_right",
    "motor_leg_left",
    "motor_leg_right",
    "limb_ataxia",
    "dysarthria",
}


def test_nihss_range() -> None:
    assert nihss(**NIHSS_ZERO).value == 0
    assert "no measurable stroke deficit" in nihss(**NIHSS_ZERO).interpretation
    top = nihss(**NIHSS_MAX)
    assert top.value == 42
    assert len(top.components) == 15
    assert "severe stroke" in top.interpretation


@pytest.mark.parametrize(
    ("items", "total", "band"),
    [
        ({"facial_palsy": 1, "sensory": 1, "dysarthria": 2}, 4, "minor stroke"),
        ({"facial_palsy": 1, "sensory": 2, "dysarthria": 2}, 5, "moderate stroke (5-15)"),
        (
            {"motor_arm_left": 4, "motor_leg_left": 4, "facial_palsy": 3, "best_gaze": 2},
            13,
            "moderate stroke (5-15)",
        ),
        (
            {"motor_arm_left": 4, "motor_leg_left": 4, "facial_palsy": 3, "visual": 2,
             "extinction_inattention": 2},
            15,
            "moderate stroke (5-15)",
        ),
        (
            {"motor_arm_left": 4, "motor_leg_left": 4, "facial_palsy": 3, "visual": 3,
             "extinction_inattention": 2},
            16,
            "moderate to severe",
        ),
        (
            {"motor_arm_left": 4, "motor_leg_left": 4, "facial_palsy": 3, "visual": 3,
             "extinction_inattention": 2, "best_gaze": 2, "sensory": 2},
            20,
            "moderate to severe",
        ),
        (
            {"motor_arm_left": 4, "motor_leg_left": 4, "facial_palsy": 3, "visual": 3,
             "extinction_inattention": 2, "best_gaze": 2, "sensory": 2, "loc": 1},
            21,
            "severe stroke (21-42)",
        ),
    ],
)  # fmt: skip
def test_nihss_bands(items: dict[str, int], total: int, band: str) -> None:
    result = nihss(**{**NIHSS_ZERO, **items})
    assert result.value == total
    assert band in result.interpretation


@pytest.mark.parametrize("item", sorted(NIHSS_MAX))
def test_nihss_item_ranges(item: str) -> None:
    assert nihss(**{**NIHSS_ZERO, item: NIHSS_MAX[item]}).value == NIHSS_MAX[item]
    for bad in (NIHSS_MAX[item] + 1, -1, 1.0, True, "1"):
        with pytest.raises(CalculatorInputError, match=item):
            nihss(**{**NIHSS_ZERO, item: bad})


@pytest.mark.parametrize("item", sorted(NIHSS_MAX))
def test_nihss_untestable(item: str) -> None:
    if item in UNTESTABLE:
        result = nihss(**{**NIHSS_ZERO, item: None, "sensory": 1})
        assert result.value == 1
        assert result.components[item] == 0
        assert "untestable" in result.interpretation
    else:
        with pytest.raises(CalculatorInputError, match=item):
            nihss(**{**NIHSS_ZERO, item: None})


# ---------------------------------------------------------------- Bishop

BISHOP_ZERO: dict[str, Any] = {
    "dilation_cm": 0,
    "effacement_pct": 0,
    "station": -3,
    "consistency": "firm",
    "position": "posterior",
}


@pytest.mark.parametrize(
    ("cm", "points"),
    [(0, 0), (0.9, 0), (1, 1), (2, 1), (2.9, 1), (3, 2), (4, 2), (4.9, 2), (5, 3), (10, 3)],
)
def test_bishop_dilation(cm: float, points: float) -> None:
    assert bishop_score(**{**BISHOP_ZERO, "dilation_cm": cm}).components["dilation"] == points


@pytest.mark.parametrize(
    ("pct", "points"),
    [(0, 0), (30, 0), (39, 0), (40, 1), (50, 1), (59, 1), (60, 2), (70, 2), (79, 2), (80, 3)],
)
def test_bishop_effacement(pct: float, points: float) -> None:
    result = bishop_score(**{**BISHOP_ZERO, "effacement_pct": pct})
    assert result.components["effacement"] == points


@pytest.mark.parametrize(
    ("station", "points"),
    [(-5, 0), (-3, 0), (-2, 1), (-1, 2), (0, 2), (1, 3), (2, 3), (5, 3)],
)
def test_bishop_station(station: int, points: float) -> None:
    assert bishop_score(**{**BISHOP_ZERO, "station": station}).components["station"] == points


def test_bishop_consistency_and_position() -> None:
    for consistency, points in (("firm", 0), ("medium", 1), ("soft", 2)):
        result = bishop_score(**{**BISHOP_ZERO, "consistency": consistency})
        assert result.components["consistency"] == points
    for position, points in (("posterior", 0), ("mid", 1), ("anterior", 2)):
        result = bishop_score(**{**BISHOP_ZERO, "position": position})
        assert result.components["position"] == points


def test_bishop_range() -> None:
    assert bishop_score(**BISHOP_ZERO).value == 0
    top = bishop_score(
        dilation_cm=5, effacement_pct=80, station=1, consistency="soft", position="anterior"
    )
    assert top.value == 13


@pytest.mark.parametrize(
    ("overrides", "total", "band"),
    [
        # 2 cm (1), 50% (1), station -1 (2), medium (1), mid (1) = 6
        ({"dilation_cm": 2, "effacement_pct": 50, "station": -1, "consistency": "medium",
          "position": "mid"}, 6, "unfavourable cervix (<=6)"),
        ({"dilation_cm": 2, "effacement_pct": 60, "station": -1, "consistency": "medium",
          "position": "mid"}, 7, "intermediate"),
        ({"dilation_cm": 3, "effacement_pct": 60, "station": -1, "consistency": "medium",
          "position": "mid"}, 8, "intermediate"),
        ({"dilation_cm": 3, "effacement_pct": 60, "station": -1, "consistency": "soft",
          "position": "mid"}, 9, "favourable cervix (>8)"),
    ],
)  # fmt: skip
def test_bishop_bands(overrides: dict[str, Any], total: int, band: str) -> None:
    result = bishop_score(**{**BISHOP_ZERO, **overrides})
    assert result.value == total
    assert result.interpretation.startswith(f"Bishop score {total}: {band}")


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("dilation_cm", -1),
        ("dilation_cm", 11),
        ("effacement_pct", 101),
        ("station", 6),
        ("station", -1.5),
        ("consistency", "hard"),
        ("position", "Anterior"),
    ],
)
def test_bishop_invalid(field: str, value: Any) -> None:
    with pytest.raises(CalculatorInputError, match=field):
        bishop_score(**{**BISHOP_ZERO, field: value})


# ---------------------------------------------------------------- Apgar

APGAR_FIELDS = ("heart_rate", "respiratory_effort", "muscle_tone", "reflex_irritability", "color")


@pytest.mark.parametrize(
    ("scores", "total", "band"),
    [
        ((2, 2, 2, 2, 2), 10, "reassuring"),
        ((2, 2, 2, 2, 1), 9, "reassuring"),  # typical: acrocyanosis at 1 minute
        ((2, 1, 2, 1, 1), 7, "reassuring"),
        ((2, 1, 1, 1, 1), 6, "moderately abnormal"),
        ((1, 1, 1, 1, 0), 4, "moderately abnormal"),
        ((1, 1, 1, 0, 0), 3, "low"),
        ((0, 0, 0, 0, 0), 0, "low"),
    ],
)
def test_apgar(scores: tuple[int, ...], total: int, band: str) -> None:
    result = apgar(**dict(zip(APGAR_FIELDS, scores, strict=True)))
    assert result.value == total
    assert band in result.interpretation
    assert ("repeat every 5 minutes" in result.interpretation) == (total < 7)


@pytest.mark.parametrize("field", APGAR_FIELDS)
@pytest.mark.parametrize("bad", [3, -1, 1.5, True])
def test_apgar_invalid(field: str, bad: Any) -> None:
    args = dict.fromkeys(APGAR_FIELDS, 2)
    with pytest.raises(CalculatorInputError, match=field):
        apgar(**{**args, field: bad})
