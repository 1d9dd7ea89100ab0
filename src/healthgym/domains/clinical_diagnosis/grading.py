"""Grader of clinical_diagnosis: diagnosis, plan, safety and consistency.

* accuracy = 0 if the diagnosis is wrong, else ``0.7 + 0.3 * plan coverage`` where
  plan coverage is the fraction of first-line items (each satisfied by the item or
  one of its listed alternatives that is safe for this patient) found in the plan.
  The diagnosis is matched by canonical name, synonym or ICD-10 code
  (:func:`healthgym.clinical.diseases.match.match_diagnosis`); an answer naming
  two diseases matches neither.
* safety: each plan item is mapped to treatments; a treatment the patient is
  allergic to, or one contraindicated by the disease, is a critical violation; one
  contraindicated by a comorbidity is major (the task's safety rules).
* coherence checks: ``diagnosis_supported`` - the agent saw at least one key test of
  the disease it named; ``score_consistent`` (when a score is reported) - the
  value equals what the score tool returned in this episode;
  ``differential_consistent`` (when a differential was recorded) - the final
  diagnosis is on it.
"""

from __future__ import annotations

from ...clinical.diseases import PROFILES
from ...clinical.diseases.match import icd_lookup, match_diagnosis
from ...clinical.treatment_match import match_treatments
from ...episode import EpisodeLog
from ...rewards import Grade, Violation
from ...tasks import Task
from .records import DiagnosisState

SCORE_TOLERANCE = 0.011  # reported scores may be rounded to 2 decimals


def submitted_disease(answer: dict) -> str | None:
    """Profile key of the submitted diagnosis (ICD-10 code as a fallback)."""
    key = match_diagnosis(str(answer.get("diagnosis", "")))
    if key is None and answer.get("icd10"):
        key = icd_lookup(str(answer["icd10"]))
    return key


def plan_treatments(plan: list[str]) -> set[str]:
    keys: set[str] = set()
    for item in plan or []:
        keys |= match_treatments(item)
    return keys


def grade(task: Task, state: DiagnosisState, log: EpisodeLog) -> Grade:
    answer = log.answer
    if answer is None:
        return Grade(accuracy=0.0, details={"diagnosis_correct": False})
    disease = submitted_disease(answer)
    correct = disease == task.grader["diagnosis"]
    planned = plan_treatments(answer.get("plan", []))
    groups = task.grader["plan_groups"]
    covered = sum(1 for g in groups if planned & set(g))
    coverage = covered / len(groups) if groups else 1.0
    accuracy = (0.7 + 0.3 * coverage) if correct else 0.0

    violations = [
        Violation(r.code, r.severity, f"{r.target}: {r.reason}")
        for r in task.safety
        if r.target in planned
    ]

    checks: dict[str, bool] = {}
    seen = state.observed_tests()
    checks["diagnosis_supported"] = disease is not None and bool(
        set(PROFILES[disease].key_tests) & seen
    )
    if answer.get("score_name"):
        name = str(answer["score_name"]).removeprefix("calculate_")
        computed = state.score_values.get(name)
        value = answer.get("score_value")
        checks["score_consistent"] = (
            computed is not None
            and value is not None
            and abs(float(value) - computed) <= SCORE_TOLERANCE
        )
    if state.differential:
        checks["differential_consistent"] = disease is not None and disease in {
            match_diagnosis(d) for d in state.differential
        }
    return Grade(
        accuracy=accuracy,
        violations=violations,
        coherence_checks=checks,
        details={
            "diagnosis_correct": correct,
            "submitted_disease": disease,
            "plan_coverage": coverage,
        },
    )
