"""The process score asks 'did the agent obtain this evidence?', not 'this exact call'."""

from __future__ import annotations

import pytest

from healthgym.episode import CallRecord, EpisodeLog
from healthgym.rewards.reward import process_score, value_matches
from healthgym.tasks import RefCall


def _log(*calls: tuple[str, dict]) -> EpisodeLog:
    return EpisodeLog(calls=[CallRecord(1, n, a, "ok", "") for n, a in calls])


@pytest.mark.parametrize(
    ("expected", "got"),
    [
        (1300, 1250),  # a fluid volume within 10%
        (7.5, 7.0),  # an insulin rate within 10%
        ("Dr David Nguyen", "Dr David Nguyen, Emergency Medicine"),
        ("Dr David Nguyen", "david nguyen"),
        (["none"], []),
        ([], ["None"]),
        (["cbc", "bmp"], ["BMP", "CBC"]),
        ("right lower lobe", "Right  lower-lobe"),
        ({"a": 2.0}, {"a": 2.1}),
    ],
)
def test_equivalent_arguments_match(expected, got) -> None:
    assert value_matches(expected, got)


@pytest.mark.parametrize(
    ("expected", "got"),
    [
        (1300, 900),
        (7.5, 5.0),
        ("Dr David Nguyen", "Dr Sarah Nguyen"),
        ("ceftriaxone, azithromycin", "ceftriaxone"),
        (["cbc", "bmp"], ["cbc"]),
        (["none"], ["heparin"]),
        (True, False),
        ("left", "right"),
    ],
)
def test_different_arguments_do_not_match(expected, got) -> None:
    assert not value_matches(expected, got)


def test_alternative_tools_and_accepted_equivalents_meet_a_requirement() -> None:
    ref = [
        RefCall(name="get_presentation", arguments={"patient_id": "P1"}, alternatives=["ask"]),
        RefCall(
            name="give_anticoagulant",
            arguments={"drug": "heparin"},
            accept={"drug": ["enoxaparin"]},
        ),
        RefCall(name="give_fluids", arguments={"volume_ml": 1300}, tolerance={"volume_ml": 0.02}),
    ]
    log = _log(
        ("ask", {"question": "what brings you in"}),  # shares no argument: held to none
        ("give_anticoagulant", {"drug": "Enoxaparin"}),
        ("give_fluids", {"volume_ml": 1250}),  # outside this step's 2% tolerance
    )
    score, details = process_score(ref, log)
    assert details["required_met"] == 2
    assert details["missed"] == ["give_fluids({'volume_ml': 1300})"]


def test_omitted_arguments_mean_their_schema_default() -> None:
    ref = [RefCall(name="order", arguments={"panel": "cbc", "urgent": False})]
    log = _log(("order", {"panel": "CBC"}))
    assert process_score(ref, log)[1]["required_met"] == 0
    score, details = process_score(ref, log, defaults={"order": {"urgent": False}})
    assert details["required_met"] == 1 and score == pytest.approx(1.0)
