"""Tests for the psychiatric and substance-use questionnaires.

Expected values are hand-computed from the published scoring rules: PHQ-9 bands (Kroenke
2001), GAD-7 bands (Spitzer 2006), PCL-5 cut-point 31-33 and DSM-5 cluster rule
(Weathers 2013; Bovin 2016), MDQ positive-screen rule (Hirschfeld 2000), C-SSRS screener
triage levels (Posner 2011 / Columbia screen version), AUDIT zones (Babor WHO 2001),
AUDIT-C cut-offs (Bush 1998; Bradley 2007), CAGE >= 2 (Ewing 1984), DAST-10 bands and
reverse-scored item 3 (Skinner 1982).
"""

from __future__ import annotations

from typing import Any

import pytest

from healthgym.clinical.errors import CalculatorInputError
from healthgym.clinical.scores.psychiatric import c_ssrs_screen, gad7, mdq, pcl5, phq9
from healthgym.clinical.scores.substance_use import audit, audit_c, cage, dast10


def _items_summing_to(total: int, n: int, hi: int) -> list[int]:
    items = []
    for _ in range(n):
        x = min(hi, total)
        items.append(x)
        total -= x
    assert total == 0
    return items


# ---------------------------------------------------------------- PHQ-9


@pytest.mark.parametrize(
    ("total", "band"),
    [
        (0, "minimal"),
        (4, "minimal"),
        (5, "mild"),
        (9, "mild"),
        (10, "moderate depression (10-14)"),
        (14, "moderate depression (10-14)"),
        (15, "moderately severe"),
        (19, "moderately severe"),
        (20, "severe depression (20-27)"),
        (24, "severe depression (20-27)"),
    ],
)
def test_phq9_bands(total: int, band: str) -> None:
    items = [*_items_summing_to(total, 8, 3), 0]  # item 9 kept at 0
    result = phq9(items=items)
    assert result.value == total
    assert band in result.interpretation
    assert "item 9" not in result.interpretation


def test_phq9_item9_flag_regardless_of_total() -> None:
    result = phq9(items=[0] * 8 + [1])
    assert result.value == 1
    assert "minimal" in result.interpretation
    assert "suicide risk" in result.interpretation
    assert phq9(items=(3,) * 9).value == 27  # tuple accepted; maximum


@pytest.mark.parametrize(
    ("items", "message"),
    [
        ([0] * 8, "exactly 9"),
        ([0] * 10, "exactly 9"),
        ([0] * 8 + [4], "item 9"),
        ([-1] + [0] * 8, "item 1"),
        ([0, 1.0] + [0] * 7, "item 2"),
        ([True] + [0] * 8, "item 1"),
        ("000000000", "list or tuple"),
        (None, "list or tuple"),
    ],
)
def test_phq9_invalid(items: Any, message: str) -> None:
    with pytest.raises(CalculatorInputError, match=message):
        phq9(items=items)


# ---------------------------------------------------------------- GAD-7


@pytest.mark.parametrize(
    ("total", "band"),
    [
        (0, "minimal"),
        (4, "minimal"),
        (5, "mild"),
        (9, "mild"),
        (10, "moderate anxiety"),
        (14, "moderate anxiety"),
        (15, "severe anxiety"),
        (21, "severe anxiety"),
    ],
)
def test_gad7_bands(total: int, band: str) -> None:
    result = gad7(items=_items_summing_to(total, 7, 3))
    assert result.value == total
    assert band in result.interpretation
    assert ("probable GAD" in result.interpretation) == (total >= 10)


@pytest.mark.parametrize("items", [[0] * 6, [0] * 6 + [4], [0] * 9])
def test_gad7_invalid(items: list[int]) -> None:
    with pytest.raises(CalculatorInputError, match="items"):
        gad7(items=items)


# ---------------------------------------------------------------- PCL-5


def _pcl(**items: int) -> list[int]:
    """20 answers, all 0 except item_N=value."""
    answers = [0] * 20
    for key, value in items.items():
        answers[int(key.split("_")[1]) - 1] = value
    return answers


def test_pcl5_cluster_rule_minimum() -> None:
    # One B (item 1), one C (item 6), two D (items 8, 9), two E (items 15, 16), each 2.
    items = _pcl(item_1=2, item_6=2, item_8=2, item_9=2, item_15=2, item_16=2)
    result = pcl5(items=items)
    assert result.value == 12
    assert "DSM-5 cluster rule met" in result.interpretation
    assert "below the provisional PTSD cut-point" in result.interpretation


@pytest.mark.parametrize("drop", ["item_1", "item_6", "item_9", "item_16"])
def test_pcl5_cluster_rule_each_cluster_needed(drop: str) -> None:
    items = {"item_1": 2, "item_6": 2, "item_8": 2, "item_9": 2, "item_15": 2, "item_16": 2}
    items[drop] = 1  # rated 1 (a little bit) does not count as endorsed
    result = pcl5(items=_pcl(**items))
    assert "DSM-5 cluster rule not met" in result.interpretation


@pytest.mark.parametrize(
    ("total", "cutoff", "probable"),
    [(32, 33, False), (33, 33, True), (31, 31, True), (30, 31, False), (32, 32, True)],
)
def test_pcl5_cutoff(total: int, cutoff: int, probable: bool) -> None:
    result = pcl5(items=_items_summing_to(total, 20, 4), cutoff=cutoff)
    assert result.value == total
    assert ("probable PTSD" in result.interpretation) == probable


def test_pcl5_default_cutoff_and_max() -> None:
    assert "probable PTSD" in pcl5(items=[4] * 20).interpretation
    assert pcl5(items=[4] * 20).value == 80
    assert "probable PTSD" not in pcl5(items=_items_summing_to(32, 20, 4)).interpretation


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"items": [0] * 19}, "exactly 20"),
        ({"items": [5] + [0] * 19}, "item 1"),
        ({"items": [0] * 20, "cutoff": 30}, "cutoff"),
        ({"items": [0] * 20, "cutoff": 34}, "cutoff"),
    ],
)
def test_pcl5_invalid(kwargs: dict[str, Any], message: str) -> None:
    with pytest.raises(CalculatorInputError, match=message):
        pcl5(**kwargs)


# ---------------------------------------------------------------- MDQ


@pytest.mark.parametrize(
    ("yes", "same", "impairment", "positive"),
    [
        (7, True, "moderate", True),
        (7, True, "serious", True),
        (13, True, "serious", True),
        (6, True, "serious", False),  # fewer than 7 symptoms
        (7, False, "serious", False),  # not in the same period
        (7, True, "minor", False),  # impairment below moderate
        (7, True, "none", False),
    ],
)
def test_mdq(yes: int, same: bool, impairment: str, positive: bool) -> None:
    items = [True] * yes + [False] * (13 - yes)
    result = mdq(items=items, same_period=same, impairment=impairment)
    assert result.value == yes
    assert ("positive screen" in result.interpretation) == positive


@pytest.mark.parametrize(
    ("kwargs", "field"),
    [
        ({"items": [True] * 12}, "items"),
        ({"items": [1] * 12 + ["yes"]}, "items item 13"),
        ({"same_period": "yes"}, "same_period"),
        ({"impairment": "severe"}, "impairment"),
    ],
)
def test_mdq_invalid(kwargs: dict[str, Any], field: str) -> None:
    args: dict[str, Any] = {"items": [False] * 13, "same_period": True, "impairment": "none"}
    with pytest.raises(CalculatorInputError, match=field):
        mdq(**{**args, **kwargs})


# ---------------------------------------------------------------- C-SSRS screener

CSSRS_NO: dict[str, Any] = {
    "wish_to_be_dead": False,
    "suicidal_thoughts": False,
    "thoughts_with_method": False,
    "intent": False,
    "plan_and_intent": False,
    "suicidal_behavior": "none",
}


@pytest.mark.parametrize(
    ("overrides", "level", "text"),
    [
        ({}, 0, "no risk identified"),
        ({"wish_to_be_dead": True}, 1, "low risk"),
        ({"suicidal_thoughts": True}, 1, "low risk"),
        ({"suicidal_thoughts": True, "thoughts_with_method": True}, 2, "moderate risk"),
        ({"suicidal_behavior": "over_3_months_ago"}, 2, "moderate risk"),
        ({"suicidal_thoughts": True, "intent": True}, 3, "high risk"),
        ({"suicidal_thoughts": True, "plan_and_intent": True}, 3, "high risk"),
        ({"suicidal_behavior": "past_3_months"}, 3, "high risk"),
        ({"wish_to_be_dead": True, "suicidal_behavior": "past_3_months"}, 3, "high risk"),
    ],
)
def test_c_ssrs_screen(overrides: dict[str, Any], level: int, text: str) -> None:
    result = c_ssrs_screen(**{**CSSRS_NO, **overrides})
    assert result.value == level
    assert text in result.interpretation


@pytest.mark.parametrize(
    ("overrides", "field"),
    [
        ({"thoughts_with_method": True}, "thoughts_with_method"),  # skip logic violated
        ({"intent": True}, "intent"),
        ({"suicidal_behavior": "yes"}, "suicidal_behavior"),
        ({"wish_to_be_dead": None}, "wish_to_be_dead"),
    ],
)
def test_c_ssrs_screen_invalid(overrides: dict[str, Any], field: str) -> None:
    with pytest.raises(CalculatorInputError, match=field):
        c_ssrs_screen(**{**CSSRS_NO, **overrides})


# ---------------------------------------------------------------- AUDIT


@pytest.mark.parametrize(
    ("items", "total", "zone"),
    [
        ([0] * 10, 0, "zone I"),
        ([4, 3] + [0] * 8, 7, "zone I"),
        ([4, 4] + [0] * 8, 8, "zone II"),
        ([4, 4, 4, 3] + [0] * 6, 15, "zone II"),
        ([4, 4, 4, 4] + [0] * 6, 16, "zone III"),
        ([4, 4, 4, 3, 0, 0, 0, 0, 2, 2], 19, "zone III"),
        ([4, 4, 4, 4, 0, 0, 0, 0, 2, 2], 20, "zone IV"),
        ([4] * 10, 40, "zone IV"),
    ],
)
def test_audit_zones(items: list[int], total: int, zone: str) -> None:
    result = audit(items=items)
    assert result.value == total
    assert zone + "," in result.interpretation


@pytest.mark.parametrize(
    ("items", "message"),
    [
        ([0] * 8 + [1, 0], "item 9 must be one of 0, 2, 4"),
        ([0] * 9 + [3], "item 10 must be one of 0, 2, 4"),
        ([5] + [0] * 9, "item 1"),
        ([0] * 9, "exactly 10"),
    ],
)
def test_audit_invalid(items: list[int], message: str) -> None:
    with pytest.raises(CalculatorInputError, match=message):
        audit(items=items)


@pytest.mark.parametrize(
    ("items", "sex", "positive"),
    [
        ([1, 1, 1], "male", False),
        ([2, 1, 1], "male", True),  # men >= 4
        ([1, 1, 1], "female", True),  # women >= 3
        ([1, 1, 0], "female", False),
        ([4, 4, 4], "female", True),
    ],
)
def test_audit_c(items: list[int], sex: str, positive: bool) -> None:
    result = audit_c(items=items, sex=sex)
    assert result.value == sum(items)
    assert ("positive screen" in result.interpretation) == positive


def test_audit_c_points_only_from_item_1() -> None:
    result = audit_c(items=[4, 0, 0], sex="male")
    assert "positive screen" in result.interpretation
    assert "all points from item 1" in result.interpretation


@pytest.mark.parametrize(
    ("kwargs", "field"),
    [({"items": [5, 0, 0]}, "items"), ({"items": [0, 0]}, "items"), ({"sex": "M"}, "sex")],
)
def test_audit_c_invalid(kwargs: dict[str, Any], field: str) -> None:
    with pytest.raises(CalculatorInputError, match=field):
        audit_c(**{"items": [0, 0, 0], "sex": "male", **kwargs})


# ---------------------------------------------------------------- CAGE


@pytest.mark.parametrize(
    ("answers", "total", "significant"),
    [
        ((False, False, False, False), 0, False),
        ((True, False, False, False), 1, False),
        ((True, True, False, False), 2, True),
        ((False, False, True, True), 2, True),
        ((True, True, True, True), 4, True),
    ],
)
def test_cage(answers: tuple[bool, ...], total: int, significant: bool) -> None:
    keys = ("cut_down", "annoyed", "guilty", "eye_opener")
    result = cage(**dict(zip(keys, answers, strict=True)))
    assert result.value == total
    assert ("clinically significant (>= 2)" in result.interpretation) == significant


def test_cage_eye_opener_note_and_invalid() -> None:
    result = cage(cut_down=False, annoyed=False, guilty=False, eye_opener=True)
    assert "eye-opener" in result.interpretation
    with pytest.raises(CalculatorInputError, match="guilty"):
        cage(cut_down=False, annoyed=False, guilty="no", eye_opener=False)


# ---------------------------------------------------------------- DAST-10


def test_dast10_item3_reverse_scored() -> None:
    # All "no": only item 3 ("always able to stop?" -> no) scores.
    result = dast10(answers=[False] * 10)
    assert result.value == 1
    assert result.components["item_3"] == 1
    # A "yes" to item 3 scores 0; all others "no": total 0.
    none = dast10(answers=[False, False, True] + [False] * 7)
    assert none.value == 0
    assert "no problems reported" in none.interpretation
    # All "yes": 9 (item 3 contributes 0).
    assert dast10(answers=[True] * 10).value == 9


@pytest.mark.parametrize(
    ("n_yes", "band"),
    [
        (0, "no problems"),
        (1, "low level"),
        (2, "low level"),
        (3, "moderate level"),
        (5, "moderate level"),
        (6, "substantial level"),
        (8, "substantial level"),
        (9, "severe level"),
        (10, "severe level"),
    ],
)
def test_dast10_bands(n_yes: int, band: str) -> None:
    # Build answers scoring n_yes: item 3 answered "no" scores 1 (reverse scored).
    others = [True] * min(n_yes, 9) + [False] * (9 - min(n_yes, 9))
    item3_yes = n_yes < 10  # "yes" to item 3 scores 0; "no" scores the 10th point
    answers = [*others[:2], item3_yes, *others[2:]]
    result = dast10(answers=answers)
    assert result.value == n_yes
    assert band in result.interpretation


@pytest.mark.parametrize("answers", [[True] * 9, [1] * 9 + [None], "yes"])
def test_dast10_invalid(answers: Any) -> None:
    with pytest.raises(CalculatorInputError, match="answers"):
        dast10(answers=answers)
