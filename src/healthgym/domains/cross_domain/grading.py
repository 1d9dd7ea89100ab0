"""Grader of cross_domain: per-phase accuracy, overall safety, coherence.

* **Accuracy** - each phase that applies to the patient is scored as the fraction of
  its checks that pass (:mod:`.phase_checks`); the accuracy is the mean over those
  phases, and ``Grade.details["phases"]`` reports every phase's score and checks.
  (The HEART phase does not apply to a STEMI: HEART is for chest pain without ST
  elevation.)  Nothing submitted: accuracy 0 (the reward module's rule).
* **Orders as a set** - the accuracy is multiplied by the precision of the drugs
  given (:mod:`.orders`): drugs that fill the pathway's required slots and neutral,
  guideline-endorsed options count; every other drug lowers it.
* **Safety** - the task's rules (:mod:`.safety`), evaluated on the shared state even
  when the episode ended without a submission (a missed sepsis hour is missed either
  way).
* **Coherence** - each decision was made after the evidence it needs had been seen:
  the triage level after the vital signs; any drug after the allergies; an
  antimicrobial with renal bands after the creatinine; fluids, insulin and
  thrombolysis after the weight; thrombolysis after the CT head; insulin after the
  potassium; a transfusion decision after the haemoglobin; and the handover diagnosis
  after at least one of its key tests.

Leak rule (what an observation may say before the submission): a tool reports
findings about the patient (history, examination, vital signs, results, the facts of
one ESI decision point, an NIHSS item described in words) or about what the call
named (a drug's monograph, one interaction, one score from the agent's own inputs), or
confirms an action as ordered.  No observation names the diagnosis or any of its
synonyms, the ESI level, which protocol to activate, which antimicrobial, dose, fluid
volume, thrombolysis decision, potassium plan, transfusion decision, endoscopy timing
or destination is right; actions are never checked or corrected at the bedside.  The
one consequence an action shows is the patient's response to a sepsis fluid bolus (new
vital signs), which is evidence for the next decision, as in a real resuscitation.
The tests check every observation of every reference trajectory and of every tool on
every task against each task's hidden answers.
"""

from __future__ import annotations

from ...clinical.diseases import PROFILES
from ...clinical.drugs import drugs
from ...episode import EpisodeLog
from ...rewards import Grade
from ...tasks import Task
from . import antibiotics as ab
from . import orders
from .diagnoses import match
from .phase_checks import PATHWAY_CHECKS
from .records import PathwayState
from .safety import violations

# evidence that establishes a pathway-only diagnosis (profiles list their own key tests)
LOCAL_KEY_TESTS = {
    "low_risk_chest_pain": ("ecg", "troponin_i"),
    "early_postoperative_fever": ("wbc", "exam:skin"),
    "catheter_associated_uti": ("ua_nitrite", "urine_culture"),
    "hospital_acquired_pneumonia": ("chest_xray",),
}


def key_tests(diagnosis: str) -> tuple[str, ...]:
    if diagnosis in PROFILES:
        return PROFILES[diagnosis].key_tests
    return LOCAL_KEY_TESTS.get(diagnosis, ())


def coherence(state: PathwayState, answer: dict | None) -> dict[str, bool]:
    checks: dict[str, bool] = {}

    def before(name: str, tool: str, key: str) -> None:
        actions = state.of(tool)
        if actions:
            checks[name] = state.saw(key, before=actions[0].minute)

    before("triage_after_vitals", "assign_triage_level", "vitals")
    before("drug_after_allergies", "give_medication", "allergies")
    before("fluids_after_weight", "give_fluids", "demographics")
    before("insulin_after_weight", "start_insulin_infusion", "demographics")
    before("insulin_after_potassium", "start_insulin_infusion", "potassium")
    before("transfusion_after_hemoglobin", "red_cell_transfusion", "hemoglobin")
    lysis = [a for a in state.of("thrombolysis_decision") if a.details["decision"] == "give"]
    if lysis:
        checks["lysis_after_ct"] = state.saw("ct_head", before=lysis[0].minute)
        checks["lysis_after_weight"] = state.saw("demographics", before=lysis[0].minute)
    renal = [
        a
        for a in state.of("give_medication")
        if ab.is_antimicrobial(a.details["drug"]) and drugs()[a.details["drug"]].renal
    ]
    if renal:
        checks["dose_after_creatinine"] = state.saw("creatinine", before=renal[0].minute)
    if answer is not None:
        keys = match(str(answer.get("diagnosis", "")))
        tests = key_tests(next(iter(keys))) if keys else ()
        checks["diagnosis_supported"] = bool(keys) and any(state.saw(t) for t in tests)
    return checks


def grade(task: Task, state: PathwayState, log: EpisodeLog) -> Grade:
    answer = log.answer
    checks = PATHWAY_CHECKS[task.grader["pathway"]](task, state, answer)
    phases = {}
    for key in task.grader["phases"]:
        phase = checks[key]
        score = sum(phase.values()) / len(phase) if phase else 0.0
        phases[key] = {"score": score, "checks": phase}
    accuracy = sum(ph["score"] for ph in phases.values()) / len(phases)
    order_precision, extras = orders.precision(task, state)
    accuracy *= order_precision
    return Grade(
        accuracy=accuracy if answer is not None else 0.0,
        violations=violations(task, state),
        coherence_checks=coherence(state, answer),
        details={
            "pathway": task.grader["pathway"],
            "variant": task.grader["variant"],
            "phases": phases,
            "minutes": state.minute,
            "order_precision": order_precision,
            "extra_drugs": extras,
        },
    )
