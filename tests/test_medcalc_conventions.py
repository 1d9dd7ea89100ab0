"""MedCalc-Bench adapter conventions (healthgym issue 17, point 4).

The adapter follows the benchmark where MedCalc-Bench states a convention of its own; the
core calculators stay strict. Each convention is checked against the benchmark's own
explanations (../shared/benchmarks/medcalc_bench) where those files are present.
"""

from __future__ import annotations

import json
import math
from pathlib import Path

import pytest

from healthgym.clinical.errors import CalculatorInputError
from healthgym.clinical.medcalc import compute
from healthgym.clinical.medcalc.dataset import MedCalcRow, is_correct, load_rows
from healthgym.clinical.scores import gcs
from shared_data import BENCHMARKS, needs_shared

ROOT = Path(__file__).resolve().parents[1]
BENCH = BENCHMARKS / "medcalc_bench"
DEV = BENCH / "dev_data.csv"
ONE_SHOT = BENCH / "one_shot_finalized_explanation.json"


def _decimal_row(truth: float) -> MedCalcRow:
    """A decimal MedCalc-Bench row with the benchmark's +-5% limits."""
    return MedCalcRow(
        row_number=0,
        calculator_id=46,
        calculator_name="Framingham Risk Score for Hard Coronary Heart Disease",
        output_type="decimal",
        note="",
        question="",
        entities={},
        ground_truth=str(truth),
        lower=str(truth * 0.95),
        upper=str(truth * 1.05),
        explanation="",
    )


def _framingham_by_hand(age: float, tc: float, hdl: float, sbp: float) -> float:
    # ATP III (2001) hard-CHD model for a non-smoking woman, untreated BP, mg/dL:
    # L = 31.764001 ln(age) + 22.465206 ln(TC) - 1.187731 ln(HDL) + 2.552905 ln(SBP)
    #     - 5.060998 ln(age) ln(TC) - 146.5933061;  risk = 1 - 0.98767^exp(L)
    la, lt = math.log(age), math.log(tc)
    lp = (
        31.764001 * la
        + 22.465206 * lt
        - 1.187731 * math.log(hdl)
        + 2.552905 * math.log(sbp)
        - 5.060998 * la * lt
        - 146.5933061
    )
    return (1 - 0.98767 ** math.exp(lp)) * 100


def _woman(age: int, tc: float, hdl: float, sbp: float) -> dict:
    return {
        "sex": "Female",
        "age": [age, "years"],
        "Total cholesterol": [tc, "mg/dL"],
        "high-density lipoprotein cholesterol": [hdl, "mg/dL"],
        "Systolic Blood Pressure": [sbp, "mm Hg"],
        "Smoker": False,
        "Blood pressure being treated with medicines": False,
    }


@pytest.mark.parametrize(
    ("age", "tc", "hdl", "sbp"),
    [(45, 180.0, 55.0, 120.0), (40, 160.0, 60.0, 110.0), (50, 200.0, 50.0, 130.0)],
)
def test_framingham_low_risk_is_unrounded(age: int, tc: float, hdl: float, sbp: float) -> None:
    # 45 y: 0.2501%; rounded to 0.1% it would be 0.3%, 20% above the label and outside
    # MedCalc-Bench's +-5% interval. 40 y: 0.0606% (rounded 0.1%, 65% too high).
    truth = _framingham_by_hand(age, tc, hdl, sbp)
    answer = compute(46, _woman(age, tc, hdl, sbp))
    assert answer == pytest.approx(truth, rel=1e-9)
    assert is_correct(answer, _decimal_row(round(truth, 3)))


def test_framingham_one_shot_example_to_three_decimals() -> None:
    # MedCalc-Bench's one-shot for id 46 (79-year-old man, TC 190, HDL 49, SBP 120,
    # non-smoker, untreated) works the model to 17.12250744770245 and answers 17.123.
    entities = {
        "sex": "Male",
        "age": [79, "years"],
        "Total cholesterol": [190.0, "mg/dL"],
        "high-density lipoprotein cholesterol": [49.0, "mg/dL"],
        "Systolic Blood Pressure": [120.0, "mm Hg"],
    }
    assert compute(46, entities) == pytest.approx(17.12250744770245, abs=1e-9)


@needs_shared(ONE_SHOT)
def test_one_shot_answers_for_the_convention_calculators() -> None:
    shots = json.loads(ONE_SHOT.read_text())
    assert shots["46"]["Response"]["answer"] == 17.123
    assert "not mentioned/not testable" in shots["21"]["Response"]["step_by_step_thinking"]
    assert "full score for that attribute" in shots["21"]["Response"]["step_by_step_thinking"]


@pytest.mark.parametrize(
    ("eye", "verbal", "motor", "total"),
    [
        ("not testable", "confused", "localizes pain", 4 + 4 + 5),
        ("eye opening to pain", "not testable", "withdrawal from pain", 2 + 5 + 4),
        ("no eye opening", "no verbal response", "not testable", 1 + 1 + 6),
        ("not testable", "not testable", "flexion to pain", 4 + 5 + 3),
        ("Not testable", "Not testable (intubated)", "extension to pain", 4 + 5 + 2),
    ],
)
def test_gcs_not_testable_component_scores_full(eye: str, verbal: str, motor: str, total: int):
    entities = {"Best eye response": eye, "Best verbal response": verbal}
    assert compute(21, {**entities, "Best motor response": motor}) == total


def test_gcs_core_stays_strict() -> None:
    # the core scale has no "not testable" grade: it takes the three numeric components only
    with pytest.raises(CalculatorInputError):
        gcs(eye=0, verbal=5, motor=6)
    with pytest.raises(CalculatorInputError, match="Best eye response"):
        compute(21, {"Best eye response": "eyes wide"})


CENTOR = {
    "age": [30, "years"],
    "Temperature": [38.5, "degrees celsius"],  # +1
    "Tender/swollen anterior cervical lymph nodes": True,  # +1
}
FEVERPAIN = {"Fever in past 24 hours": True, "Purulent tonsils": True}


def test_centor_unreported_cough_scores_no_point() -> None:
    assert compute(20, CENTOR) == 2
    assert compute(20, {**CENTOR, "Cough Absent": False}) == 2
    assert compute(20, {**CENTOR, "Cough Absent": True}) == 3


def test_feverpain_unreported_cough_or_coryza_scores_no_point() -> None:
    assert compute(33, FEVERPAIN) == 2
    assert compute(33, {**FEVERPAIN, "Absence of cough or coryza": False}) == 2
    assert compute(33, {**FEVERPAIN, "Absence of cough or coryza": True}) == 3


@needs_shared(DEV)
@pytest.mark.parametrize(
    ("row_number", "key", "phrase"),
    [
        (302, None, "does not mention details about 'cough absent' and so we assume it"),
        (447, "Absence of cough or coryza", "absence of cough or coryza is not reported"),
        (448, "Absence of cough or coryza", "absence of cough or coryza is not reported"),
    ],
)
def test_cough_convention_matches_the_benchmark_rows(row_number, key, phrase) -> None:
    row = next(r for r in load_rows(DEV) if r.row_number == row_number)
    assert phrase in row.explanation
    if key is not None:
        assert key not in row.entities  # unreported, and the label gives it no point
    assert is_correct(compute(row.calculator_id, row.entities), row)
