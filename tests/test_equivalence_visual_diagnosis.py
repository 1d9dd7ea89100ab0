"""Issue 16: clinically equivalent readings score as the reference; near misses do not.

Every case runs a real episode (``HealthGymEnv``) on a test-split task: the reference
measurements, then a submission that changes one thing in the reference answer.
"""

from __future__ import annotations

import json
from functools import cache
from typing import Any

import pytest

from healthgym.domains import get_domain
from healthgym.domains.visual_diagnosis.answers import read_finding
from healthgym.env import HealthGymEnv

DOMAIN = get_domain("visual_diagnosis")


@cache
def task_with(finding: str) -> int:
    return next(i for i in DOMAIN.indices("test") if DOMAIN.task(i).grader["finding"] == finding)


@cache
def play(index: int, changes: str) -> dict[str, Any]:
    task = DOMAIN.task(index)
    env = HealthGymEnv("visual_diagnosis", split=None, max_turns=20)
    env.reset(options={"task": task})
    calls = [c for c in task.reference.calls if c.name != "submit_reading"]
    env.step(
        "".join(
            "<tool_call>" + json.dumps({"name": c.name, "arguments": c.arguments}) + "</tool_call>"
            for c in calls
        )
    )
    answer = {**task.reference.answer, **json.loads(changes)}
    _, _, done, _, info = env.step(
        "<tool_call>" + json.dumps({"name": "submit_reading", "arguments": answer}) + "</tool_call>"
    )
    assert done
    return info["reward_components"]


def run(truth: str, /, **changes: Any) -> dict[str, Any]:
    return play(task_with(truth), json.dumps(changes, sort_keys=True))


def codes(rc: dict[str, Any]) -> set[str]:
    return {v["code"] for v in rc["violations"]}


AF, FL, AVB, LQT = "atrial_fibrillation", "atrial_flutter", "first_degree_av_block", "long_qt"
SR, BRADY, TACHY = "sinus_rhythm", "sinus_bradycardia", "sinus_tachycardia"
HS, SUS, BEN = "highly_suspicious", "suspicious", "benign"

EQUIVALENT: list[tuple[str, dict[str, Any]]] = [
    (AF, {"finding": "AF"}),
    (AF, {"finding": "AFib"}),
    (AF, {"finding": "Atrial fibrillation with rapid ventricular response"}),
    (AF, {"finding": "A-fib", "heart_rate": 118}),  # rate within 5/min
    (FL, {"finding": "Atrial flutter with 2:1 block"}),
    (TACHY, {"finding": "sinus tach"}),
    (BRADY, {"finding": "Sinus bradycardia", "pr_ms": 190}),  # PR within 20 ms
    (AVB, {"finding": "first-degree AV block"}),
    (AVB, {"finding": "1st degree heart block"}),
    (AVB, {"finding": "Sinus rhythm with 1° AV block"}),
    (LQT, {"finding": "Prolonged QTc"}),
    (LQT, {"finding": "QT prolongation", "qtc_ms": 495.0}),  # QTc within 20 ms
    (SR, {"finding": "Normal sinus rhythm"}),
    (SR, {"finding": "NSR, no AF"}),
    (HS, {"finding": "Highly suspicious for melanoma"}),
    (HS, {"finding": "melanoma"}),
    (SUS, {"finding": "Suspicious lesion", "diameter_mm": 9.0}),  # within 1 mm
    (BEN, {"finding": "Benign melanocytic lesion", "tds": 4.1}),  # within 0.15
    (BEN, {"finding": "not suspicious"}),
]


@pytest.mark.parametrize(("finding", "changes"), EQUIVALENT)
def test_equivalent_readings_score_as_the_reference(finding, changes):
    ref = run(finding)
    got = run(finding, **changes)
    assert ref["accuracy"] == pytest.approx(1.0)
    assert got["accuracy"] == pytest.approx(ref["accuracy"]), got["details"]
    assert got["safety"] == ref["safety"] == 1.0, got["violations"]


NEAR_MISSES: list[tuple[str, dict[str, Any]]] = [
    (AF, {"finding": "No AF"}),
    (AF, {"finding": "possible atrial fibrillation"}),
    (AF, {"finding": "AF or atrial flutter"}),
    (AF, {"finding": "atrial flutter"}),
    (AF, {"heart_rate": 140}),  # out of tolerance
    (AVB, {"finding": "second-degree AV block"}),
    (AVB, {"finding": "sinus rhythm"}),
    (AVB, {"pr_ms": 180}),
    (LQT, {"finding": "QT not prolonged"}),
    (LQT, {"qtc_ms": 440}),
    (TACHY, {"finding": "supraventricular tachycardia"}),
    (SR, {"finding": "sinus bradycardia"}),
    (HS, {"finding": "suspicious"}),
    (HS, {"finding": "not melanoma"}),
    (HS, {"finding": "possible melanoma"}),
    (SUS, {"finding": "benign or suspicious"}),
    (SUS, {"diameter_mm": 14.0}),
    (BEN, {"finding": "highly suspicious"}),
    (BEN, {"tds": 4.6}),
]


@pytest.mark.parametrize(("finding", "changes"), NEAR_MISSES)
def test_near_misses_lose_accuracy_or_raise_a_violation(finding, changes):
    ref = run(finding)
    got = run(finding, **changes)
    worse = got["accuracy"] < ref["accuracy"] - 1e-9
    unsafe = bool(codes(got) - codes(ref))
    assert worse or unsafe, (got["accuracy"], got["violations"], got["details"])
    assert got["composite"] < ref["composite"]


def test_negated_findings_are_missed_findings():
    """Negating the true finding is a miss (the task's most severe miss rule); offering
    it hedged is wrong but raised it."""
    assert "missed_atrial_fibrillation" in codes(run(AF, finding="No AF"))
    assert codes(run(AF, finding="possible AF")) == set()
    assert read_finding("ecg", "sinus rhythm, no AF") == SR
    assert read_finding("lesion", "not highly suspicious") is None
