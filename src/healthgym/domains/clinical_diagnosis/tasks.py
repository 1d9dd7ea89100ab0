"""Seeded task generator of clinical_diagnosis, with each task's reference solution.

Task ``i`` takes disease profile ``i mod n`` (so every disease is equally common)
and a patient generated from the task's seed.  The reference solution takes the
history, allergies and vital signs, examines the systems with findings, orders
the disease's key tests, computes the profile's first risk score (first observing
whatever that score reads and has not been seen yet: the examination of a body system,
the social history, a laboratory panel, the ECG - the score tools refuse otherwise),
and submits the diagnosis with a first-line plan
that is safe for this patient (alternatives replace drugs the patient is
allergic to or that a comorbidity rules out).
"""

from __future__ import annotations

import re
from functools import cache
from typing import Any

from ...clinical.diseases import PROFILES, DiseaseProfile
from ...clinical.features import FEATURES
from ...clinical.imaging import IMAGING
from ...clinical.labs import LAB_TESTS
from ...clinical.treatments import ALLERGY_CLASSES, TREATMENTS
from ...patients.generator import generate_patient, is_unsafe
from ...patients.model import Patient
from ...tasks import RefCall, ReferenceSolution, SafetyRule, Task, task_id, task_seed, task_split
from ...tools.elicit import elicited
from ...tools.library.encounter import key_call
from ...tools.library.encounter_scores import SCORE_TOOL_BY_NAME
from ...tools.library.record import EXAM_SYSTEMS
from .plan import drug_group
from .records import DiagnosisState
from .tools import ALL_TOOLS, TOOL_NAMES

_TOOLS = {t.name: t for t in ALL_TOOLS}

DOMAIN = "clinical_diagnosis"
N_TASKS = 1500
PROMPT = (
    "A {age}-year-old {sex} presents to the emergency department. Chief complaint: "
    '"{complaint}". Work the patient up with the tools, then submit the single most '
    "likely diagnosis and an initial management plan with submit_diagnosis."
)


@cache
def profile_order() -> tuple[str, ...]:
    return tuple(sorted(PROFILES))


def _ecg_reading(text: str) -> str:
    t = text.lower()
    if re.search(r"(?<!no )st[- ](segment )?(elevation|depression)", t):
        return "significant_st_deviation"
    if re.search(
        r"t[- ]wave inversion|bundle branch block|left ventricular hypertrophy|"
        r"repolari[sz]ation|nonspecific",
        t,
    ):
        return "nonspecific_repolarization"
    return "normal"


def _mentions_positive(text: str, word: str) -> bool:
    for sentence in text.lower().split("."):
        if word in sentence and not re.search(r"\bno\b|\bwithout\b", sentence):
            return True
    return False


def _score_arguments(score: str, profile: DiseaseProfile, patient: Patient) -> dict[str, Any]:
    """The clinician-judgement inputs a correct work-up would give each score."""
    if score == "wells_pe":
        return {"pe_most_likely": profile.key == "pulmonary_embolism"}
    if score == "wells_dvt":
        return {"alternative_diagnosis_likely": profile.key != "deep_vein_thrombosis"}
    if score == "heart_score":
        acs = "troponin_i" in profile.key_tests
        return {"history": "highly" if acs else "moderately", "ecg": _ecg_reading(patient.ecg)}
    if score == "timi_ua_nstemi":
        return {"st_deviation_05mm": _ecg_reading(patient.ecg) == "significant_st_deviation"}
    if score == "bisap":
        reports = " ".join(patient.imaging.values())
        return {"pleural_effusion": _mentions_positive(reports, "effusion")}
    if score == "child_pugh":
        findings = [line for lines in patient.exam.values() for line in lines]
        text = " ".join([*patient.features, *findings, *patient.imaging.values()])
        ascites = "moderate_severe" if _mentions_positive(text, "ascites") else "none"
        enceph = "grade_1_2" if patient.has("confusion") or patient.has("asterixis") else "none"
        return {"ascites": ascites, "encephalopathy": enceph}
    return {}


def safe_plan(profile: DiseaseProfile, patient: Patient) -> list[list[str]]:
    """For each first-line item, the options (item + alternatives) safe for the patient."""
    allergy_classes = {ALLERGY_CLASSES[a.allergen] for a in patient.allergies}
    comorbidities = set(patient.comorbidities)
    groups = []
    for item in profile.first_line:
        options = [item, *profile.alternatives.get(item, ())]
        groups.append([t for t in options if not is_unsafe(t, allergy_classes, comorbidities)])
    return groups


def reference_plan(groups: list[list[str]]) -> list[str]:
    """One treatment per first-line group: an item already chosen that satisfies a group
    satisfies it again (an aspirin-allergic STEMI patient gets one P2Y12 inhibitor, not
    two), and an option of a therapeutic group already chosen is passed over (no
    therapeutic duplication: :func:`.plan.drug_group`)."""
    chosen: list[str] = []
    for g in groups:
        if set(g) & set(chosen):
            continue
        taken = {drug_group(k) for k in chosen} - {None}
        fresh = [k for k in g if drug_group(k) not in taken]
        if fresh or g:
            chosen.append((fresh or g)[0])
    return chosen


def safety_rules(profile: DiseaseProfile, patient: Patient) -> list[SafetyRule]:
    rules = []
    for a in patient.allergies:
        cls = ALLERGY_CLASSES[a.allergen]
        rules += [
            SafetyRule(
                code="allergy",
                severity="critical",
                target=t.key,
                reason=f"patient is allergic to {a.allergen} ({a.reaction})",
            )
            for t in TREATMENTS.values()
            if cls in t.allergy_classes
        ]
    rules += [
        SafetyRule(code="contraindicated_treatment", severity="critical", target=key, reason=reason)
        for key, reason in profile.contraindicated.items()
    ]
    for t in TREATMENTS.values():
        for c in patient.comorbidities:
            if c in t.contraindicated_in:
                rules.append(
                    SafetyRule(
                        code="comorbidity_contraindication",
                        severity="major",
                        target=t.key,
                        reason=t.contraindicated_in[c],
                    )
                )
    return rules


def _panel_of(lab: str) -> str:
    return LAB_TESTS[lab].panel


def reference_calls(
    profile: DiseaseProfile, patient: Patient
) -> tuple[list[RefCall], dict[str, Any]]:
    """The reference work-up and the score part of the answer.

    The calls are replayed on a fresh episode state as they are chosen, so the score's
    missing inputs are observed first and the reported value is exactly what the score
    tool returns in an episode that makes these calls.
    """
    calls = [
        RefCall(name=n)
        for n in (
            "get_history_of_present_illness",
            "get_past_medical_history",
            "get_allergies",
            "get_vitals",
        )
    ]
    calls.append(RefCall(name="get_medications", required=False))
    exam_systems = set(patient.exam)
    exam_systems |= {FEATURES[f].system for f in patient.features if FEATURES[f].kind == "sign"}
    calls += [
        RefCall(name="examine", arguments={"system": s}, required=False)
        for s in EXAM_SYSTEMS
        if s in exam_systems
    ]
    panels_done: list[str] = []
    for test in profile.key_tests:
        if test == "ecg":
            calls.append(RefCall(name="order_ecg"))
        elif test in IMAGING:
            calls.append(RefCall(name="order_imaging", arguments={"study": test}))
        elif _panel_of(test) not in panels_done:
            panels_done.append(_panel_of(test))
            calls.append(RefCall(name="order_lab_panel", arguments={"panel": _panel_of(test)}))
    state = DiagnosisState(patient=patient)
    for c in calls:
        _TOOLS[c.name](state, **c.arguments)
    answer: dict[str, Any] = {}
    scores = [s for s in profile.scores if s in SCORE_TOOL_BY_NAME]
    if scores:
        score = scores[0]
        tool = SCORE_TOOL_BY_NAME[score]
        seen = elicited(state)
        for need in tool.needs:
            if not seen.any_of(need.keys):
                name, arguments = key_call(need.keys[0])
                calls.append(RefCall(name=name, arguments=arguments, required=False))
                _TOOLS[name](state, **arguments)
        args = _score_arguments(score, profile, patient)
        calls.append(RefCall(name=tool.name, arguments=args, required=False))
        tool(state, **args)
        answer = {"score_name": score, "score_value": state.score_values[score]}
    return calls, answer


def make_task(index: int) -> Task:
    """Task number ``index`` of clinical_diagnosis (deterministic)."""
    order = profile_order()
    profile = PROFILES[order[index % len(order)]]
    seed = task_seed(DOMAIN, index)
    tid = task_id(DOMAIN, index)
    patient = generate_patient(profile, seed, patient_id=f"P-{tid}")
    calls, score_answer = reference_calls(profile, patient)
    groups = safe_plan(profile, patient)
    plan = [TREATMENTS[k].name for k in reference_plan(groups)]
    answer = {"diagnosis": profile.name, "icd10": profile.icd10, "plan": plan, **score_answer}
    calls.append(RefCall(name="submit_diagnosis", arguments=answer, required=False))
    return Task(
        id=tid,
        domain=DOMAIN,
        index=index,
        seed=seed,
        split=task_split(DOMAIN, index),
        prompt=PROMPT.format(age=patient.age, sex=patient.sex, complaint=patient.chief_complaint),
        allowed_tools=list(TOOL_NAMES),
        hidden={"patient": patient.model_dump(mode="json")},
        reference=ReferenceSolution(calls=calls, answer=answer),
        grader={
            "diagnosis": profile.key,
            "accepted": [profile.name, *profile.synonyms],
            "icd10": profile.icd10,
            "plan_groups": groups,
        },
        safety=safety_rules(profile, patient),
    )
