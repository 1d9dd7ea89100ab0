"""Seeded task generator of the psychiatry domain, with each task's reference solution.

Task ``i`` takes variant ``i mod 17`` (every condition and severity equally common) and
a patient generated from the task's seed.  If the patient's medications and history
leave a first-line treatment group without a safe option (say an MAO-B inhibitor and a
prolonged QTc with severe depression), the patient is drawn again from the next seed,
so every task has a safe first-line plan.

The reference solution observes first: the presentation, psychiatric, social and
medical history, the medication list, the mental state, the structured interview on
the areas that bear on the condition, the C-SSRS, the suicide-risk interview and the
instruments of the condition.  It then computes: scores the instruments it
administered and passes its own criterion judgments - those :func:`dsm5.true_judgments`
derives from facts the observe tools showed - to ``dsm5_checklist``.  It checks every
drug it will prescribe and submits the answer key of :func:`conditions.answer_key` with
the first safe option of each treatment group (the frameworks of the reference tools
it applies are known to it: the episode allows 20 turns).  The observe calls are the
required ones (the process score asks whether the evidence was obtained); the compute
calls are optional.
"""

from __future__ import annotations

from typing import Any

from ...tasks import RefCall, ReferenceSolution, SafetyRule, Task, task_id, task_seed, task_split
from .conditions import VARIANTS, AnswerKey, Variant, answer_key
from .dsm5 import true_judgments
from .generator import generate_record
from .records import PsychRecord
from .safety import answer_targets, safe_add_ons, safe_groups, safety_rules
from .tools import TOOL_NAMES
from .treatments import TREATMENTS

DOMAIN = "psychiatry"
PER_VARIANT = 26
N_TASKS = len(VARIANTS) * PER_VARIANT
MAX_REDRAWS = 50
PROMPT = (
    "A {age}-year-old {sex} is seen in the outpatient psychiatric assessment clinic "
    '({referral}). Chief complaint: "{complaint}" Assess the patient with the '
    "tools, then submit the diagnosis, severity, suicide risk, disposition and initial "
    "treatment with submit_assessment."
)

# (instrument tool, required) and checklists (required) per diagnosis
INSTRUMENTS: dict[str, list[tuple[str, bool]]] = {
    "major_depressive_disorder": [("administer_phq9", True)],
    "generalized_anxiety_disorder": [("administer_gad7", True)],
    "posttraumatic_stress_disorder": [("administer_pcl5", True)],
    "bipolar_i_disorder": [("administer_mdq", True)],
    "bipolar_ii_disorder": [("administer_mdq", True)],
    "panic_disorder": [("administer_gad7", False)],
    "alcohol_use_disorder": [("administer_audit", True), ("administer_cage", False)],
    "schizophrenia": [("administer_dast10", False)],
    "mild_neurocognitive_disorder": [("administer_moca", True), ("administer_mmse", False)],
    "major_neurocognitive_disorder": [("administer_moca", True), ("administer_mmse", False)],
    "adjustment_disorder": [("administer_phq9", True), ("administer_gad7", False)],
    "no_psychiatric_disorder": [("administer_phq9", True), ("administer_gad7", False)],
}
TOPICS: dict[str, list[str]] = {
    "major_depressive_disorder": ["mood", "elevated_mood"],
    "generalized_anxiety_disorder": ["worry"],
    "posttraumatic_stress_disorder": ["trauma"],
    "bipolar_i_disorder": ["elevated_mood"],
    "bipolar_ii_disorder": ["elevated_mood"],
    "panic_disorder": ["panic"],
    "alcohol_use_disorder": ["alcohol"],
    "schizophrenia": ["psychosis"],
    "mild_neurocognitive_disorder": ["cognition"],
    "major_neurocognitive_disorder": ["cognition"],
    "adjustment_disorder": ["mood"],
    "no_psychiatric_disorder": ["mood"],
}
CHECKLISTS: dict[str, list[str]] = {
    "major_depressive_disorder": ["major_depressive_episode"],
    "generalized_anxiety_disorder": ["generalized_anxiety"],
    "posttraumatic_stress_disorder": ["posttraumatic_stress"],
    "bipolar_i_disorder": ["manic_hypomanic_episode"],
    "bipolar_ii_disorder": ["major_depressive_episode", "manic_hypomanic_episode"],
    "panic_disorder": ["panic"],
    "alcohol_use_disorder": ["alcohol_use"],
    "schizophrenia": ["psychosis"],
    "mild_neurocognitive_disorder": ["neurocognitive"],
    "major_neurocognitive_disorder": ["neurocognitive"],
    "adjustment_disorder": ["major_depressive_episode", "adjustment"],
    "no_psychiatric_disorder": ["major_depressive_episode"],
}


def reference_calls(
    v: Variant, key: AnswerKey, treatment: list[str], record: PsychRecord
) -> list[RefCall]:
    calls = [
        RefCall(name=n)
        for n in (
            "get_presentation",
            "get_psychiatric_history",
            "get_social_history",
            "get_medical_history",
            "get_medications",
            "mental_status_exam",
        )
    ]
    topics = list(TOPICS[v.diagnosis])
    if v.episode == "depressed":
        topics = ["mood", *topics]
    calls += [RefCall(name="interview_symptoms", arguments={"topic": t}) for t in topics]
    calls += [RefCall(name="administer_cssrs"), RefCall(name="assess_suicide_risk")]
    instruments = list(INSTRUMENTS[v.diagnosis])
    if v.episode == "depressed":
        instruments.insert(0, ("administer_phq9", True))
    calls += [RefCall(name=n, required=req) for n, req in instruments]
    calls += [
        RefCall(
            name="score_instrument",
            arguments={"instrument": n.removeprefix("administer_")},
            required=False,
        )
        for n, required in instruments
        if required
    ]
    checklists = list(CHECKLISTS[v.diagnosis])
    if v.episode == "depressed" and "major_depressive_episode" not in checklists:
        checklists.insert(0, "major_depressive_episode")
    for c in checklists:
        present, days = true_judgments(c, record)
        calls.append(
            RefCall(
                name="dsm5_checklist",
                arguments={"criteria_set": c, "criteria_present": present, "duration_days": days},
                required=False,
            )
        )
    calls += [
        RefCall(name="check_prescription", arguments={"drug": t}, required=False)
        for t in treatment
        if TREATMENTS[t].kind == "drug"
    ]
    return calls


def build(
    index: int,
) -> tuple[Variant, PsychRecord, AnswerKey, list[SafetyRule], list[list[str]], int]:
    """Variant, record, answer key, safety rules and safe groups of task ``index``."""
    v = VARIANTS[index % len(VARIANTS)]
    base = task_seed(DOMAIN, index)
    for attempt in range(MAX_REDRAWS):
        seed = (base + attempt) % (2**63)
        record = generate_record(v, seed, patient_id=f"P-{task_id(DOMAIN, index)}")
        key = answer_key(v, record)
        rules = safety_rules(v, key, record)
        groups = safe_groups(key.groups, rules)
        if all(groups):
            return v, record, key, rules, groups, seed
    raise RuntimeError(f"no safe first-line plan for task {index} after {MAX_REDRAWS} draws")


def make_task(index: int) -> Task:
    """Task number ``index`` of the psychiatry domain (deterministic)."""
    if index < 0:
        raise ValueError(f"task index must be non-negative, not {index}")
    v, record, key, rules, groups, seed = build(index)
    treatment = [g[0] for g in groups]
    answer: dict[str, Any] = {
        "diagnosis": key.diagnosis,
        "severity": key.severity,
        "suicide_risk": key.risk,
        "disposition": key.disposition,
        "treatment": treatment,
    }
    hit = answer_targets(treatment, key.disposition, key.risk) & {r.target for r in rules}
    if hit:  # pragma: no cover - a generator bug, not a task property
        raise AssertionError(f"reference answer of task {index} hits safety rules {hit}")
    calls = reference_calls(v, key, treatment, record)
    calls.append(RefCall(name="submit_assessment", arguments=answer, required=False))
    tid = task_id(DOMAIN, index)
    return Task(
        id=tid,
        domain=DOMAIN,
        index=index,
        seed=seed,
        split=task_split(DOMAIN, index),
        prompt=PROMPT.format(
            age=record.age,
            sex="woman" if record.sex == "female" else "man",
            referral=record.referral,
            complaint=record.chief_complaint,
        ),
        allowed_tools=list(TOOL_NAMES),
        hidden={"record": record.model_dump(mode="json"), "variant": v.key},
        reference=ReferenceSolution(calls=calls, answer=answer),
        grader={
            "diagnosis": key.diagnosis,
            "severity": key.severity,
            "suicide_risk": key.risk,
            "disposition": key.disposition,
            "treatment_groups": groups,
            "accepted_add_ons": safe_add_ons(key.add_ons, rules),
        },
        safety=rules,
    )
