"""Grader of clinical_diagnosis: diagnosis, plan, safety and consistency.

* The diagnosis is read by meaning with the shared matching layer
  (:func:`healthgym.clinical.diseases.match.match_diagnosis_detail`): name, synonyms,
  abbreviations and spelling variants are accepted; a negated diagnosis ("not X",
  "X ruled out") is not asserted; an answer asserting two diagnoses ("X or Y") names
  neither; an ICD-10 code (the ``icd10`` field or one written in the text) only
  confirms a text match - an unmatched or wrong text is wrong whatever the code.
* accuracy = 0 if the diagnosis is wrong, else ``(0.7 + 0.3 * recall) * precision``
  (:mod:`.plan`): recall is the fraction of first-line items (each satisfied by the item
  or a listed alternative safe for this patient) in the plan; precision is the fraction
  of planned treatments that are required, guideline-endorsed options for the condition
  (:data:`.plan.NEUTRAL`, with sources) or the patient's own home medicines.  A
  treatment named only to be withheld ("do not use nitrofurantoin") is not planned.
* safety: the task's rules (allergy: critical; contraindicated by the disease:
  critical; by a comorbidity: major) plus harmful extras found with the shared drug
  knowledge (:func:`.plan.grade_plan`: duplicate therapeutic class, interactions in the
  shared table, unindicated high-alert medicines and invasive procedures).
* coherence checks: ``diagnosis_supported`` - the agent saw at least one key test of
  the disease it named; ``score_consistent`` (when a score is reported) - the value
  equals what the score tool returned in this episode (score names case-insensitive,
  with synonyms: :func:`healthgym.clinical.matching.match_score_name`);
  ``icd10_consistent`` (when a code is given with a matched text) - the code agrees
  with the text; ``differential_consistent`` (when a differential was recorded) - the
  final diagnosis is on it.
"""

from __future__ import annotations

from ...clinical.diseases import PROFILES
from ...clinical.diseases.match import DiagnosisMatch, match_diagnosis, match_diagnosis_detail
from ...clinical.matching import match_score_name
from ...clinical.treatment_match import match_treatments
from ...episode import EpisodeLog
from ...rewards import Grade, Violation
from ...tasks import Task
from .plan import grade_plan
from .records import DiagnosisState

SCORE_TOLERANCE = 0.011  # reported scores may be rounded to 2 decimals


def diagnosis_match(answer: dict) -> DiagnosisMatch:
    """The shared layer's reading of the submitted diagnosis (text, optional code)."""
    code = answer.get("icd10")
    return match_diagnosis_detail(
        str(answer.get("diagnosis") or ""), code if isinstance(code, str) else None
    )


def submitted_disease(answer: dict) -> str | None:
    """Profile key the submitted diagnosis text asserts (None when none, negated or two);
    a code never names a disease by itself."""
    return diagnosis_match(answer).key


def plan_treatments(plan: list[str]) -> set[str]:
    keys: set[str] = set()
    for item in plan or []:
        keys |= match_treatments(item)
    return keys


def grade(task: Task, state: DiagnosisState, log: EpisodeLog) -> Grade:
    answer = log.answer
    if answer is None:
        return Grade(accuracy=0.0, details={"diagnosis_correct": False})
    match = diagnosis_match(answer)
    disease = match.key
    target = task.grader["diagnosis"]
    correct = match.names(target)
    rule_targets = {r.target for r in task.safety}
    plan = grade_plan(
        answer.get("plan", []),
        task.grader["plan_groups"],
        target,
        state.patient,
        dict(PROFILES[target].contraindicated),
        rule_targets,
    )
    planned = set(plan.required) | set(plan.neutral) | set(plan.extras)
    accuracy = (0.7 + 0.3 * plan.recall) * plan.precision if correct else 0.0

    violations = [
        Violation(r.code, r.severity, f"{r.target}: {r.reason}")
        for r in task.safety
        if r.target in planned
    ]
    violations += plan.violations

    checks: dict[str, bool] = {}
    seen = state.observed_tests()
    checks["diagnosis_supported"] = disease is not None and bool(
        set(PROFILES[disease].key_tests) & seen
    )
    if answer.get("score_name"):
        name = match_score_name(str(answer["score_name"]), allowed=tuple(state.score_values))
        computed = state.score_values.get(name) if name else None
        value = answer.get("score_value")
        checks["score_consistent"] = (
            computed is not None
            and isinstance(value, (int, float))
            and abs(float(value) - computed) <= SCORE_TOLERANCE
        )
    if disease is not None and match.code_confirms is not None:
        checks["icd10_consistent"] = match.code_confirms
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
            "diagnosis_negated": list(match.negated),
            "diagnosis_hedged": match.hedged,
            "diagnosis_ambiguous": match.ambiguous,
            "code_confirms": match.code_confirms,
            "plan_coverage": plan.recall,
            "plan_precision": plan.precision,
            "plan_neutral": plan.neutral,
            "plan_extras": plan.extras,
            "plan_withheld": plan.withheld,
            "avoided_contraindicated": plan.avoided_contraindicated,
        },
    )
