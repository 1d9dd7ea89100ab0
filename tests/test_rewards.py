from __future__ import annotations

import math

import pytest

from healthgym.episode import CallRecord, EpisodeLog
from healthgym.rewards import (
    Grade,
    RewardWeights,
    Violation,
    compute_reward,
    cosine_length_reward,
    format_score,
    process_score,
    safety_score,
)
from healthgym.rewards.length import cos_fn
from healthgym.tasks import RefCall

REF = [
    RefCall(name="get_vitals"),
    RefCall(name="order", arguments={"panel": "cbc"}),
    RefCall(name="examine", arguments={"system": "neck"}, required=False),
]


def log_of(*calls: tuple[str, dict, str], answer: dict | None = None) -> EpisodeLog:
    log = EpisodeLog(calls=[CallRecord(1, n, a, s, "") for n, a, s in calls])
    log.answer = answer
    return log


def test_process_recall_and_redundancy():
    log = log_of(
        ("get_vitals", {}, "ok"),
        ("order", {"panel": "CBC"}, "ok"),
        ("get_vitals", {}, "ok"),
        ("order", {"panel": "bmp"}, "ok"),
    )
    score, details = process_score(REF, log)
    # recall 2/2, 1 of 4 successful calls repeats an earlier one
    assert score == pytest.approx(0.8 * 1.0 + 0.2 * (1 - 1 / 4))
    assert details["required_met"] == 2 and details["redundant_calls"] == 1
    score, details = process_score(REF, log_of(("order", {"panel": "cbc"}, "tool_error")))
    assert score == 0.0  # no evidence gathered: no floor for an empty workup
    assert details["missed"] == ["get_vitals", "order({'panel': 'cbc'})"]
    # redundancy only discounts work that found evidence
    score, _ = process_score(REF, log_of(("get_vitals", {}, "ok"), ("get_vitals", {}, "ok")))
    assert score == pytest.approx(0.5 * (0.8 + 0.2 * 0.5))


def test_submission_alone_is_not_evidence():
    log = log_of(("submit", {"x": 1}, "ok"), answer={"x": 1})
    log.ended_by = "submitted"
    score, details = process_score(REF, log)
    assert score == 0.0 and details["evidence_calls"] == 0
    r = compute_reward(Grade(accuracy=1.0, coherence_checks={"a": True}), log, REF)
    # a right answer with no workup: accuracy, and hygiene at engagement 0.5, no process
    assert r.process == 0.0 and r.accuracy == 1.0
    assert r.composite == pytest.approx((0.25 + 0.5 * (0.20 + 0.10 + 0.10)) / 0.85)


def test_no_valid_submission_scores_zero_but_keeps_components():
    log = log_of(("get_vitals", {}, "ok"), ("order", {"panel": "cbc"}, "ok"))
    log.ended_by = "turn_limit"
    grade = Grade(accuracy=0.0, violations=[Violation("omission", "major", "no antibiotics")])
    r = compute_reward(grade, log, REF)
    assert r.composite == 0.0
    assert r.process > 0.9 and r.safety == pytest.approx(0.5)
    assert r.violations[0]["code"] == "omission"


def test_hygiene_paid_in_proportion_to_engagement():
    log = log_of(("foo", {}, "ok"), answer={"x": 1})  # evidence, but none the task needs
    r = compute_reward(Grade(accuracy=0.0, coherence_checks={"a": True}), log, REF)
    assert r.safety == 1.0 and r.format == 1.0 and r.coherence == 1.0
    assert r.process == 0.0 and r.composite == 0.0


def test_format_counts_well_formed_over_attempts():
    log = log_of(
        ("a", {}, "ok"), ("b", {}, "tool_error"), ("", {}, "malformed"), ("c", {}, "invalid")
    )
    assert format_score(log) == 0.5
    assert format_score(EpisodeLog()) == 0.0
    # an environment error is not the agent's: left out of both counts
    log.calls.append(CallRecord(1, "d", {}, "env_error", ""))
    assert format_score(log) == 0.5 and log.env_errors == 1


def test_safety_penalties_and_critical():
    assert safety_score([]) == 1.0
    assert safety_score([Violation("x", "minor", "")]) == pytest.approx(0.8)
    assert safety_score(
        [Violation("x", "major", ""), Violation("y", "minor", "")]
    ) == pytest.approx(0.3)
    assert safety_score([Violation("x", "major", "")] * 3) == 0.0
    assert safety_score([Violation("x", "critical", "")]) == 0.0


def test_weights_normalised_and_validated():
    w = RewardWeights().normalised()
    assert sum(w.values()) == pytest.approx(1.0)
    assert w["accuracy"] == pytest.approx(0.25 / 0.85)
    with pytest.raises(ValueError):
        RewardWeights(accuracy=-1).normalised()
    with pytest.raises(ValueError):
        RewardWeights(0, 0, 0, 0, 0).normalised()


def test_composite_formula_and_critical_cap():
    log = log_of(("get_vitals", {}, "ok"), ("order", {"panel": "cbc"}, "ok"), answer={"x": 1})
    grade = Grade(accuracy=1.0, coherence_checks={"a": True, "b": False})
    r = compute_reward(grade, log, REF)
    expected = (0.25 * 1 + 0.20 * 1 + 0.20 * 1 + 0.10 * 1 + 0.10 * 0.5) / 0.85
    assert r.composite == pytest.approx(expected) and not r.capped
    assert r.coherence == 0.5
    bad = Grade(accuracy=1.0, violations=[Violation("allergy", "critical", "penicillin")])
    r = compute_reward(bad, log, REF)
    assert r.capped and r.composite == pytest.approx(0.1) and r.safety == 0.0
    assert r.violations == [{"code": "allergy", "severity": "critical", "message": "penicillin"}]


def test_no_answer_zeroes_accuracy_and_coherence():
    log = log_of(("get_vitals", {}, "ok"))
    r = compute_reward(Grade(accuracy=1.0, coherence_checks={"a": True}), log, REF)
    assert r.accuracy == 0.0 and r.coherence == 0.0
    assert set(r.components()) >= {
        "accuracy",
        "process",
        "safety",
        "format",
        "coherence",
        "composite",
    }


def test_cosine_length_reward_matches_yeo_formula():
    # CosFn(t, T, min, max) = min + 0.5 (max - min)(1 + cos(t pi / T))
    assert cos_fn(0, 100, 0.5, 1.0) == pytest.approx(1.0)
    assert cos_fn(100, 100, 0.5, 1.0) == pytest.approx(0.5)
    assert cos_fn(50, 100, 0.5, 1.0) == pytest.approx(0.75)
    assert cosine_length_reward(True, 25, 100) == pytest.approx(
        0.5 + 0.25 * (1 + math.cos(math.pi / 4))
    )
    assert cosine_length_reward(True, 10, 100) > cosine_length_reward(True, 90, 100)
    assert cosine_length_reward(False, 10, 100) > cosine_length_reward(False, 90, 100)
    assert cosine_length_reward(False, 100, 100) == -1.0 == cosine_length_reward(True, 500, 100)
    # Yeo et al.'s own constants can be passed
    assert cosine_length_reward(False, 0, 10, r0_wrong=-10, rl_wrong=0) == pytest.approx(-10)
    with pytest.raises(ValueError):
        cosine_length_reward(True, 1, 0)


def test_length_term_added_after_cap():
    log = log_of(("get_vitals", {}, "ok"), answer={"x": 1})
    r = compute_reward(
        Grade(accuracy=1.0), log, REF, length_weight=0.5, response_tokens=0, max_tokens=100
    )
    base = compute_reward(Grade(accuracy=1.0), log, REF)
    assert r.length_term == pytest.approx(1.0)
    assert r.composite == pytest.approx(base.composite + 0.5)
