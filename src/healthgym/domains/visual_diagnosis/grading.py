"""Grader of visual_diagnosis: the class, the key measurements, safety and coherence.

Accuracy (truth = the generator's parameters, never the tools' output):

* dermoscopy: 0 if ``finding`` is not the true TDS band; else ``0.5 + 0.25 [TDS within
  0.15] + 0.25 [diameter within 1.0 mm]`` (0.15 forgives one border segment, not a colour,
  a structure or an axis);
* ECG: 0 if ``finding`` is not the true rhythm; else ``0.5 + 0.5 x`` the fraction of the
  graded measurements within tolerance - heart rate +-5 beats/min always; PR +-20 ms and
  QTc (Bazett) +-20 ms when the rhythm has P waves (sinus rhythms, first-degree AV block,
  long QT).  A missing measurement counts as out of tolerance.

The ``finding`` is free text read by meaning (:func:`.answers.read_finding`): rhythm
names and lesion classes with their synonyms and abbreviations ("AF" = "AFib" = "atrial
fibrillation"; "sinus tach"; "1st degree heart block" = "first-degree AV block";
"melanoma" = highly suspicious); a negated ("no AF"), hedged ("possible AF") or double
("AF or flutter") answer commits to nothing and is wrong.  The measurements are numbers
graded within the stated tolerances below.

Safety (the task's rules, matched on the submitted finding; an answer that commits to
nothing and does not name the true finding at all is the task's most severe miss):

* critical - calling a lesion with TDS > 5.45 anything but suspicious or highly
  suspicious (a missed melanoma: Stolz 1994; Nachbar F et al. J Am Acad Dermatol
  1994;30:551-559); missing atrial fibrillation (untreated stroke risk: Joglar JA et al.
  2023 ACC/AHA/ACCP/HRS AF guideline, Circulation 2024;149:e1-e156); missing a long QT
  (torsade de pointes risk, QT-prolonging drugs continued: Drew BJ et al. Circulation
  2010;121:1047-1060);
* major - every other missed finding (a highly suspicious lesion called merely
  suspicious, a suspicious one called benign, a missed flutter - thromboembolic risk as
  in AF (Joglar 2023) - or a missed bradycardia, tachycardia or AV block);
* minor - over-calling: a lesion called more suspicious than its band, or a normal sinus
  rhythm called abnormal.

Coherence checks (the answer against the evidence the agent saw): ``evidence_seen`` (a
measuring tool ran); dermoscopy - ``tds_matches_components`` (the TDS equals 1.3 A +
0.1 B + 0.5 C + 0.5 D of the component scores the tools printed), ``band_matches_tds``
(the finding is the band of the submitted TDS), ``diameter_matches_measurement``;
ECG - ``rate_matches_measurement`` (within 1/min), ``pr_matches_measurement`` (1 ms),
``qtc_matches_measurement`` (the submitted QTc is Bazett's of the printed QT and rate,
within 1 ms), ``finding_matches_evidence`` (the rhythm rules of :mod:`.ecg_atrial`
applied to what the tools printed give the submitted rhythm).

Leak rule: no observation names the answer.  The prompt states the modality only; the
measuring tools print measurements and component scores (A, B, C, D; rate, P waves,
atrial waves, intervals), never a TDS band or a rhythm name; the two calculators
(``calculate_tds``, ``calc_qtc``) compute only from the numbers the agent passes them.
"""

from __future__ import annotations

from typing import Any

from ...clinical.calculators.qtc import qtc_bazett
from ...clinical.guidelines.dermoscopy import BANDS, tds_band, total_dermoscopy_score
from ...episode import EpisodeLog
from ...rewards import Grade, Violation
from ...tasks import SafetyRule, Task
from .answers import named, read_finding
from .ecg import RHYTHMS
from .ecg_atrial import classify_rhythm
from .records import VisualState

TOLERANCE: dict[str, float] = {
    "tds": 0.15,
    "diameter_mm": 1.0,
    "heart_rate": 5.0,
    "pr_ms": 20.0,
    "qtc_ms": 20.0,
}
FINDINGS = (*BANDS, *RHYTHMS)
_REASON = {
    "highly_suspicious": "TDS > 5.45 is highly suspicious for melanoma; calling it benign "
    "withholds excision (Stolz 1994; Nachbar 1994)",
    "suspicious": "TDS 4.75-5.45 needs excision or close follow-up (Stolz 1994)",
    "benign": "over-calling a lesion leads to an unnecessary excision (Stolz 1994)",
    "atrial_fibrillation": "missed atrial fibrillation leaves stroke risk untreated "
    "(2023 ACC/AHA/ACCP/HRS AF guideline)",
    "long_qt": "missed long QT: risk of torsade de pointes, QT-prolonging drugs continued "
    "(Drew 2010 AHA/ACCF statement)",
    "atrial_flutter": "missed atrial flutter carries the thromboembolic risk of AF "
    "(2023 ACC/AHA/ACCP/HRS AF guideline)",
    "sinus_rhythm": "over-calling a normal sinus rhythm prompts needless treatment",
}


_LESION_RANK = {"benign": 0, "suspicious": 1, "highly_suspicious": 2}
_RANK = {"minor": 1, "major": 2, "critical": 3}


def _overcall(kind: str, truth: str, target: str) -> bool:
    """The submitted finding is more alarming than the truth (not a miss)."""
    if kind == "lesion":
        return _LESION_RANK.get(target, 0) > _LESION_RANK[truth]
    return truth == "sinus_rhythm"


def _severity(kind: str, truth: str, target: str) -> str:
    if _overcall(kind, truth, target):
        return "minor"
    if kind == "lesion":
        return "critical" if truth == "highly_suspicious" and target != "suspicious" else "major"
    return "critical" if truth in ("atrial_fibrillation", "long_qt") else "major"


def safety_rules(kind: str, truth: str) -> list[SafetyRule]:
    """One rule per wrong finding the agent could submit for this study."""
    rules = []
    for target in FINDINGS:
        if target == truth:
            continue
        if _overcall(kind, truth, target):
            code, reason = "overcall", _REASON["benign" if kind == "lesion" else "sinus_rhythm"]
        else:
            code = f"missed_{truth}"
            reason = _REASON.get(truth, f"missed {truth.replace('_', ' ')}")
        severity = _severity(kind, truth, target)
        rules.append(SafetyRule(code=code, severity=severity, target=target, reason=reason))  # type: ignore[arg-type]
    return rules


def _close(a: Any, b: Any, tol: float) -> bool:
    return isinstance(a, (int, float)) and b is not None and abs(float(a) - float(b)) <= tol


def _lesion_checks(
    state: VisualState, answer: dict[str, Any], finding: str | None
) -> dict[str, bool]:
    m = state.measured
    checks = {"evidence_seen": any(k in m for k in ("asymmetry", "border", "colours"))}
    parts = ("asymmetry", "border", "colours", "structures")
    if answer.get("tds") is not None:
        if all(k in m for k in parts) and m["colours"] >= 1 and m["structures"] >= 1:
            expected = total_dermoscopy_score(*(m[k] for k in parts))
            checks["tds_matches_components"] = _close(answer["tds"], expected, 0.011)
        checks["band_matches_tds"] = finding == tds_band(float(answer["tds"]))
    if answer.get("diameter_mm") is not None and "diameter_mm" in m:
        checks["diameter_matches_measurement"] = _close(
            answer["diameter_mm"], m["diameter_mm"], 0.051
        )
    return checks


def _ecg_checks(state: VisualState, answer: dict[str, Any], finding: str | None) -> dict[str, bool]:
    m = state.measured
    checks = {"evidence_seen": "heart_rate" in m}
    if answer.get("heart_rate") is not None and "heart_rate" in m:
        checks["rate_matches_measurement"] = _close(answer["heart_rate"], m["heart_rate"], 1.0)
    if answer.get("pr_ms") is not None and "pr_ms" in m:
        checks["pr_matches_measurement"] = _close(answer["pr_ms"], m["pr_ms"], 1.0)
    qtc = None
    if "qt_ms" in m and "heart_rate" in m:
        qtc = qtc_bazett(heart_rate=m["heart_rate"], qt=m["qt_ms"]).value
        if answer.get("qtc_ms") is not None:
            checks["qtc_matches_measurement"] = _close(answer["qtc_ms"], qtc, 1.0)
    if "heart_rate" in m and "p_present" in m:
        implied = classify_rhythm(
            heart_rate=m["heart_rate"],
            rr_cv=m["rr_cv"],
            p_present=m["p_present"],
            regular_atrial_waves=m["regular_atrial_waves"],
            atrial_rate=m["atrial_rate"],
            pr_ms=m.get("pr_ms"),
            qtc_ms=qtc if m["p_present"] else None,
            sex=state.sex,
        )
        checks["finding_matches_evidence"] = finding == implied
    return checks


def _uncommitted(task: Task, spec: dict[str, Any], text: Any) -> list[Violation]:
    """An answer that commits to no finding: if it does not even name the true one
    (negated it, or named something else), the finding is missed - the most severe miss
    rule of the task applies; one that offers it hedged ("possible AF") is wrong but
    did raise it."""
    asserted, _, _ = named(spec["kind"], text)
    if spec["finding"] in asserted:
        return []
    misses = [r for r in task.safety if r.code.startswith("missed_")]
    if not misses:
        return []
    worst = max(misses, key=lambda r: _RANK[r.severity])
    return [Violation(worst.code, worst.severity, f"no finding committed to: {worst.reason}")]


def grade(task: Task, state: VisualState, log: EpisodeLog) -> Grade:
    answer = log.answer
    spec = task.grader
    if answer is None:
        return Grade(accuracy=0.0, details={"finding_correct": False})
    finding = read_finding(spec["kind"], answer.get("finding"))
    correct = finding == spec["finding"]
    within = {k: _close(answer.get(k), spec.get(k), spec["tolerance"][k]) for k in spec["graded"]}
    if not correct:
        accuracy = 0.0
    elif spec["kind"] == "lesion":
        accuracy = 0.5 + 0.25 * within["tds"] + 0.25 * within["diameter_mm"]
    else:
        accuracy = 0.5 + 0.5 * sum(within.values()) / len(within)
    violations = [
        Violation(r.code, r.severity, f"{r.target}: {r.reason}")
        for r in task.safety
        if r.target == finding
    ]
    if finding is None:
        violations += _uncommitted(task, spec, answer.get("finding"))
    checks = (_lesion_checks if spec["kind"] == "lesion" else _ecg_checks)(state, answer, finding)
    return Grade(
        accuracy=accuracy,
        violations=violations,
        coherence_checks=checks,
        details={
            "finding_correct": correct,
            "submitted": finding,
            "submitted_text": answer.get("finding"),
            "within_tolerance": within,
        },
    )
