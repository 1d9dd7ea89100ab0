"""cross_domain: one patient carried through a multi-phase pathway on one shared state.

Six pathways - suspected sepsis, acute chest pain, stroke code, DKA, upper GI
bleeding and post-operative fever - each a fixed sequence of phases (triage, screen,
tests, treatment, disposition ...).  The tools are the other domains' toolkits working
on one shared state (clinical_diagnosis records, tests and scores; the shared
calculators; drug_interaction references; triage_emergency ESI decision points) plus
the pathway's actions, which change the state and are graded per phase: triage level,
protocol activation, antimicrobials checked against allergies, interactions and the
renal band, 30 mL/kg fluids, vasopressors, thrombolysis eligibility and dose, potassium
and insulin, transfusion threshold, endoscopy timing, escalation and disposition.
A clock runs through the episode (the sepsis hour, ECG within 10 minutes, door to
needle within 60 minutes).
"""

from __future__ import annotations

from ...patients.model import Patient
from ...tasks import Task
from ...tools import Toolkit
from ..base import Domain
from ..triage_emergency.records import TriagePatient
from .grading import grade
from .records import Facts, PathwayState
from .tasks import N_TASKS, make_task
from .toolkit import ALL_TOOLS


def new_state(task: Task) -> PathwayState:
    hidden = task.hidden
    triage = hidden.get("triage")
    return PathwayState(
        patient=Patient.model_validate(hidden["patient"]),
        facts=Facts.model_validate(hidden["facts"]),
        phases=tuple(task.grader["phases"]),
        patients={"P1": TriagePatient.model_validate(triage)} if triage else {},
    )


DOMAIN = Domain(
    name="cross_domain",
    description="Clinical pathways that carry one patient through triage, work-up, "
    "treatment and disposition on one shared state (sepsis, chest pain, stroke code, DKA, "
    "GI bleeding, post-operative fever), graded per phase.",
    toolkit=Toolkit(ALL_TOOLS, domain="cross_domain"),
    n_tasks=N_TASKS,
    make_task=make_task,
    new_state=new_state,
    grade=grade,
    instructions=(
        "You are the physician responsible for one patient from arrival (or a ward call) to "
        "disposition. Work through the pathway's phases in order: gather the evidence each "
        "decision needs with the tools, then record the decision with the phase's action "
        "tool. Orders are carried out exactly as written and nothing checks them for you: "
        "check allergies, home drugs, kidney function and weight before you prescribe. Time "
        "runs with every call."
    ),
)

__all__ = ["DOMAIN", "new_state"]
