"""Grader of drug_interaction: accuracy per task type, safety rules, coherence checks.

Drug names in answers are normalised through the formulary (brand and salt names are
accepted).  Accuracy:

* most_severe: 0.7 for the right pair (exactly two drugs) + 0.3 for its severity;
* order_review: approve tasks 1.0 for approving; reject tasks 0.5 for rejecting + 0.5
  when the stated reason is one of the order's hazards (and, for an interaction, the
  named drug is an interacting home drug);
* alternative: 1.0 when the single drug named is one of the safe alternatives;
* renal_dose: 1.0 when the dose matches the labelled band for the patient's CrCl/eGFR
  (normalised text: the band's instruction equals or is contained in the answer; any
  'avoid/not recommended' answer matches an avoid band);
* deprescribe: 1.0 when the single drug named is the inappropriate one.

Safety: the task's rules fire on the drug approved (order_review) or chosen
(alternative) and on a renal band meant for better kidney function (renal_dose):
approving or choosing a contraindicated combination, an allergen or a drug
contraindicated in pregnancy is critical; a major interaction, a renal or hepatic
'avoid' or an overdosing band is major.

Coherence checks compare the answer with the evidence the agent saw in the episode
(e.g. the severity stated equals the one a tool showed for that pair).
"""

from __future__ import annotations

from typing import Any

from ...clinical.drugs import drugs, group_members, normalize_name
from ...clinical.drugs.model import is_avoid_text
from ...clinical.text import normalize
from ...episode import EpisodeLog
from ...rewards import Grade, Violation
from ...tasks import Task
from .records import DrugState

RENAL_TOLERANCE = 1.0  # mL/min: reported CrCl/eGFR may be rounded


def _names(answer: dict[str, Any]) -> list[str | None]:
    values = answer.get("drugs") or []
    return [normalize_name(v) if isinstance(v, str) else None for v in values]


def match_band(dose: str, bands: list[tuple[str, str]]) -> int | None:
    """Index of the band whose instruction the answer gives; ``bands`` = (dose, action)."""
    text = normalize(dose)
    if not text:
        return None
    for i, (band_dose, _) in enumerate(bands):
        if normalize(band_dose) == text:
            return i
    if is_avoid_text(dose):
        avoid = [i for i, (_, action) in enumerate(bands) if action == "avoid"]
        return avoid[0] if len(avoid) == 1 else (-1 if avoid else None)
    hits = [i for i, (d, _) in enumerate(bands) if f" {normalize(d)} " in f" {text} "]
    longest = max(hits, key=lambda i: len(bands[i][0]), default=None)
    if longest is None or any(
        normalize(bands[i][0]) not in normalize(bands[longest][0]) for i in hits
    ):
        return None
    return longest


def _regimen_checked(state: DrugState, name: str) -> bool:
    if name in state.regimen_checked:
        return True
    return all(state.saw_pair(name, m) for m in state.patient.regimen() if m != name)


def _allergies_seen(state: DrugState, name: str) -> bool:
    return "allergies" in state.record_viewed or name in state.allergy_checked


def _most_severe(task: Task, state: DrugState, answer: dict[str, Any]) -> Grade:
    names = _names(answer)
    pair_ok = len(names) == 2 and set(names) == set(task.grader["pair"])
    sev_ok = answer.get("severity") == task.grader["severity"]
    checks = {"pair_in_regimen": all(n in state.patient.regimen() for n in names) and names != []}
    if len(names) == 2 and all(names):
        checks["severity_matches_evidence"] = state.saw_pair(names[0], names[1]) == answer.get(
            "severity"
        )
    else:
        checks["severity_matches_evidence"] = False
    accuracy = (0.7 if pair_ok else 0.0) + (0.3 if pair_ok and sev_ok else 0.0)
    return Grade(accuracy, [], checks, {"correct": accuracy == 1.0, "pair_correct": pair_ok})


def _reason_supported(state: DrugState, order: str, reason: Any, names: list) -> bool:
    if reason == "interaction":
        culprits = [n for n in names if n] or state.patient.regimen()
        return any(state.saw_pair(order, c) in ("major", "contraindicated") for c in culprits)
    if reason == "allergy":
        return _allergies_seen(state, order)
    if reason == "renal":
        return order in state.renal_checked
    if reason == "pregnancy":  # the drug's rating and the patient's status (summary)
        rated = order in state.pregnancy_checked or order in state.monographs
        return rated and "summary" in state.record_viewed
    if reason == "hepatic":
        return order in state.hepatic_checked
    return False


def _order_review(task: Task, state: DrugState, answer: dict[str, Any]) -> Grade:
    order = task.hidden["order"]
    decision = answer.get("decision")
    names = _names(answer)
    truth = task.grader["decision"]
    if truth == "approve":
        accuracy = 1.0 if decision == "approve" else 0.0
    else:
        reason_ok = any(
            h["reason"] == answer.get("reason")
            and (h["reason"] != "interaction" or h["culprit"] in names)
            for h in task.grader["hazards"]
        )
        # a rejection for the wrong reason is half right: the reason is the review's finding
        accuracy = (0.5 + 0.5 * reason_ok) if decision == "reject" else 0.0
    violations = []
    if decision == "approve":
        violations = [
            Violation(r.code, r.severity, f"approved {r.target}: {r.reason}")
            for r in task.safety
            if r.target == order
        ]
    if decision == "approve":
        supported = _regimen_checked(state, order) and _allergies_seen(state, order)
    else:
        supported = _reason_supported(state, order, answer.get("reason"), names)
    return Grade(
        accuracy,
        violations,
        {"decision_supported": supported},
        {"correct": accuracy == 1.0, "decision": decision},
    )


def _alternative(task: Task, state: DrugState, answer: dict[str, Any]) -> Grade:
    names = _names(answer)
    choice = names[0] if len(names) == 1 else None
    accuracy = 1.0 if choice in task.grader["accepted"] else 0.0
    violations = [
        Violation(r.code, r.severity, f"chose {r.target}: {r.reason}")
        for r in task.safety
        if choice is not None and r.target == choice
    ]
    checks = {
        "same_class": choice in group_members(task.grader["group"]),
        "alternative_checked": choice is not None and _regimen_checked(state, choice),
        "allergies_checked": choice is not None and _allergies_seen(state, choice),
    }
    return Grade(accuracy, violations, checks, {"correct": accuracy == 1.0, "chosen": choice})


def _renal_dose(task: Task, state: DrugState, answer: dict[str, Any]) -> Grade:
    drug = task.grader["drug"]
    renal = drugs()[drug].renal
    assert renal is not None
    bands = [(b.dose, b.action) for b in renal.bands]
    given = answer.get("drug")
    same_drug = given is None or normalize_name(str(given)) == drug
    band = match_band(str(answer.get("dose") or ""), bands) if same_drug else None
    accuracy = 1.0 if band == task.grader["band"] else 0.0
    violations = [
        Violation(r.code, r.severity, r.reason) for r in task.safety if r.target == f"band:{band}"
    ]
    checks = {"renal_table_seen": drug in state.renal_checked}
    if answer.get("renal_function") is not None:
        checks["renal_function_consistent"] = (
            abs(float(answer["renal_function"]) - task.grader["value"]) <= RENAL_TOLERANCE
        )
    return Grade(accuracy, violations, checks, {"correct": accuracy == 1.0, "band": band})


def _deprescribe(task: Task, state: DrugState, answer: dict[str, Any]) -> Grade:
    names = _names(answer)
    target, reason = task.grader["drug"], task.grader["reason"]
    accuracy = 1.0 if names == [target] else 0.0
    seen = {
        "beers": state.monographs,
        "renal": state.renal_checked,
        "pregnancy": state.pregnancy_checked | state.monographs,
    }[reason]
    checks = {"evidence_seen": target in seen}
    if answer.get("reason") is not None:
        checks["reason_consistent"] = answer.get("reason") == reason
    return Grade(accuracy, [], checks, {"correct": accuracy == 1.0})


GRADERS = {
    "most_severe": _most_severe,
    "order_review": _order_review,
    "alternative": _alternative,
    "renal_dose": _renal_dose,
    "deprescribe": _deprescribe,
}


def grade(task: Task, state: DrugState, log: EpisodeLog) -> Grade:
    """Score a finished episode (accuracy 0 and no checks when nothing was submitted)."""
    if log.answer is None:
        return Grade(accuracy=0.0, details={"correct": False})
    g = GRADERS[task.grader["task_type"]](task, state, log.answer)
    g.details["task_type"] = task.grader["task_type"]
    return g
