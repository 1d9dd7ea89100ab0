"""visual_diagnosis grader: accuracy with tolerances, safety severities, coherence."""

from __future__ import annotations

import pytest

from healthgym.domains import get_domain
from healthgym.domains.visual_diagnosis.grading import grade, safety_rules
from healthgym.episode import EpisodeLog

DOMAIN = get_domain("visual_diagnosis")


def _task(finding: str):
    return next(
        DOMAIN.task(i) for i in range(DOMAIN.n_tasks) if DOMAIN.task(i).grader["finding"] == finding
    )


def _grade(task, answer: dict, measured: dict | None = None):
    state = DOMAIN.new_state(task)
    state.measured.update(measured or {})
    return grade(task, state, EpisodeLog(answer=answer))


def test_lesion_accuracy_and_tolerances():
    task = _task("highly_suspicious")
    g = task.grader
    exact = {"finding": g["finding"], "tds": g["tds"], "diameter_mm": g["diameter_mm"]}
    assert _grade(task, exact).accuracy == 1.0
    assert _grade(task, {**exact, "tds": g["tds"] + 0.1}).accuracy == 1.0  # one B segment
    assert _grade(task, {**exact, "tds": g["tds"] + 0.5}).accuracy == 0.75  # a colour
    assert _grade(task, {**exact, "diameter_mm": g["diameter_mm"] + 0.9}).accuracy == 1.0
    assert _grade(task, {**exact, "diameter_mm": g["diameter_mm"] + 1.2}).accuracy == 0.75
    assert _grade(task, {"finding": g["finding"]}).accuracy == 0.5
    wrong = _grade(task, {**exact, "finding": "suspicious"})
    assert wrong.accuracy == 0.0 and wrong.details["finding_correct"] is False
    assert _grade(task, {}).accuracy == 0.0


def test_lesion_safety_severities():
    def severity(truth: str, target: str) -> str:
        return next(r.severity for r in safety_rules("lesion", truth) if r.target == target)

    assert severity("highly_suspicious", "benign") == "critical"  # a missed melanoma
    assert severity("highly_suspicious", "sinus_rhythm") == "critical"
    assert severity("highly_suspicious", "suspicious") == "major"
    assert severity("suspicious", "benign") == "major"
    assert severity("benign", "suspicious") == "minor"  # over-call
    assert severity("suspicious", "highly_suspicious") == "minor"
    task = _task("highly_suspicious")
    v = _grade(task, {"finding": "benign"}).violations
    assert [x.severity for x in v] == ["critical"] and "Stolz" in v[0].message
    assert not _grade(task, {"finding": "highly_suspicious"}).violations


def test_ecg_accuracy_tolerances_and_safety():
    task = _task("long_qt")
    g = task.grader
    exact = {"finding": "long_qt", "heart_rate": g["heart_rate"], "pr_ms": g["pr_ms"],
             "qtc_ms": g["qtc_ms"]}  # fmt: skip
    assert _grade(task, exact).accuracy == 1.0
    assert _grade(task, {**exact, "qtc_ms": g["qtc_ms"] + 19}).accuracy == 1.0
    off = _grade(task, {**exact, "qtc_ms": g["qtc_ms"] + 25, "heart_rate": g["heart_rate"] - 6})
    assert off.accuracy == pytest.approx(0.5 + 0.5 / 3)
    missed = _grade(task, {**exact, "finding": "sinus_rhythm"})
    assert missed.accuracy == 0 and [v.severity for v in missed.violations] == ["critical"]
    af = _task("atrial_fibrillation")
    assert af.grader["graded"] == ["heart_rate"]
    assert [v.severity for v in _grade(af, {"finding": "atrial_flutter"}).violations] == [
        "critical"
    ]
    fl = _task("atrial_flutter")
    assert [v.severity for v in _grade(fl, {"finding": "sinus_tachycardia"}).violations] == [
        "major"
    ]
    sr = _task("sinus_rhythm")
    assert [v.severity for v in _grade(sr, {"finding": "atrial_fibrillation"}).violations] == [
        "minor"
    ]


def test_coherence_checks_compare_the_answer_with_what_the_tools_showed():
    task = _task("benign")
    c = task.grader["components"]
    measured = {**c, "diameter_mm": task.reference.answer["diameter_mm"]}
    ok = _grade(task, task.reference.answer, measured).coherence_checks
    assert ok == {"evidence_seen": True, "tds_matches_components": True,
                  "band_matches_tds": True, "diameter_matches_measurement": True}  # fmt: skip
    bad = {**task.reference.answer, "tds": task.reference.answer["tds"] + 1.0}
    checks = _grade(task, bad, measured).coherence_checks
    assert not checks["tds_matches_components"]
    assert _grade(task, task.reference.answer).coherence_checks == {
        "evidence_seen": False, "band_matches_tds": True
    }  # fmt: skip
    ecg_task = _task("sinus_bradycardia")
    ans = ecg_task.reference.answer
    seen = {"heart_rate": ans["heart_rate"], "rr_cv": 0.01, "p_present": True,
            "regular_atrial_waves": False, "atrial_rate": 0.0, "pr_ms": ans["pr_ms"]}  # fmt: skip
    checks = _grade(ecg_task, ans, seen).coherence_checks
    assert checks["finding_matches_evidence"] and checks["rate_matches_measurement"]
    checks = _grade(ecg_task, {**ans, "finding": "sinus_rhythm"}, seen).coherence_checks
    assert not checks["finding_matches_evidence"]
