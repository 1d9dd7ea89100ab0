"""Seeded task generator of obstetrics, with each task's reference solution.

Task ``i`` is of type ``TASK_TYPES[i % 9]`` (dating, labour, ctg, hypertension, gdm,
rhesus, bpp, apgar, medication) and its patient is drawn from the task's seed by the
type's builder.  The reference solution gathers the evidence with the record tools
(required calls), runs the matching calculator or criteria checker on the correct
reading and reads the protocol (optional calls), and submits the finding, the actions
(the first option of each required group), and the score, EDD or medication list the
type asks for.

Every task's safety specification holds the builder's rules (missed magnesium,
missed RhIG, ...) plus one rule per drug that is contraindicated (critical) or to be
avoided (major) at the patient's gestational age, should the agent name it.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import numpy as np

from ...tasks import RefCall, ReferenceSolution, SafetyRule, Task, task_id, task_seed, task_split
from .gen_fetal import ctg_case
from .gen_hypertension import hypertension_case
from .gen_maternal import dating_case, gdm_case, labour_case
from .gen_meds import medication_case
from .gen_rhesus import rhesus_case
from .gen_testing import apgar_case, bpp_case
from .generator import Case, answer_actions, intro
from .medications import all_drug_keys, assess
from .tools import TOOL_NAMES
from .vocab import TASK_TYPES

DOMAIN = "obstetrics"
N_TASKS = 450
BUILDERS: dict[str, Callable[[np.random.Generator, str], Case]] = {
    "dating": dating_case,
    "labour": labour_case,
    "ctg": ctg_case,
    "hypertension": hypertension_case,
    "gdm": gdm_case,
    "rhesus": rhesus_case,
    "bpp": bpp_case,
    "apgar": apgar_case,
    "medication": medication_case,
}
NO_ACTIONS = ("dating", "medication")  # types graded without management actions


def task_type(index: int) -> str:
    return TASK_TYPES[index % len(TASK_TYPES)]


def drug_rules(ga_weeks: int) -> list[SafetyRule]:
    """A rule for every drug (this domain's table, then the formulary) that is
    contraindicated (critical) or to be avoided (major) at this gestational age."""
    rules = []
    for key in all_drug_keys():
        a = assess(key, ga_weeks)
        if a.level == "contraindicated":
            reason = f"{a.name} is contraindicated in pregnancy: {a.note}"
            rules.append(
                SafetyRule(
                    code="teratogen", severity="critical", target=f"drug:{key}", reason=reason
                )
            )
        elif a.level == "avoid":
            reason = f"{a.name} should be avoided at {ga_weeks} weeks: {a.note}"
            rules.append(
                SafetyRule(
                    code="avoid_in_pregnancy", severity="major", target=f"drug:{key}", reason=reason
                )
            )
    return rules


def reference_answer(kind: str, case: Case) -> dict[str, Any]:
    answer: dict[str, Any] = {"finding": case.finding}
    if kind not in NO_ACTIONS:
        answer["actions"] = answer_actions(case.plan)
    if case.score is not None:
        answer["score"] = case.score
    if case.edd is not None:
        answer["edd"] = case.edd
    if case.medications is not None:
        answer["medications"] = case.medications
    return answer


def make_task(index: int) -> Task:
    """Task number ``index`` of obstetrics (deterministic)."""
    kind = task_type(index)
    seed = task_seed(DOMAIN, index)
    tid = task_id(DOMAIN, index)
    case = BUILDERS[kind](np.random.default_rng(seed), f"P-{tid}")
    patient = case.patient
    answer = reference_answer(kind, case)
    calls = [*case.calls, RefCall(name="submit_assessment", arguments=answer, required=False)]
    shown_ga = patient.ga_days if kind not in ("dating",) else None
    return Task(
        id=tid,
        domain=DOMAIN,
        index=index,
        seed=seed,
        split=task_split(DOMAIN, index),
        prompt=f"{intro(patient, shown_ga)} {case.request}",
        allowed_tools=list(TOOL_NAMES),
        hidden={"patient": patient.model_dump(mode="json")},
        reference=ReferenceSolution(calls=calls, answer=answer),
        grader={
            "type": kind,
            "finding": case.finding,
            "score": case.score,
            "edd": case.edd,
            "required": [list(g) for g in case.plan.required],
            "forbidden": list(case.plan.forbidden),
            "evidence": case.evidence,
            "medications": case.medication_spec,
        },
        safety=[*case.safety, *drug_rules(case.ga_weeks)],
    )
