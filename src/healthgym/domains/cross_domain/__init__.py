"""cross_domain: one patient carried through a multi-phase pathway on one shared state.

Six pathways - suspected sepsis, acute chest pain, stroke code, DKA, upper GI bleeding
and post-operative fever - each a fixed sequence of phases (triage, screen, tests,
treatment, disposition ...). The tools are the shared clinical tools working on one
shared state (the work-up records and tests, clinical_diagnosis scores, the shared
calculators, drug references and ESI decision points of :mod:`healthgym.tools.library`)
plus the pathway's actions, which change the state and are graded per phase: triage
level, protocol activation, antimicrobials checked against allergies, interactions and
the renal band, 30 mL/kg fluids, vasopressors, thrombolysis eligibility and dose,
potassium and insulin, transfusion threshold, endoscopy timing, escalation and
disposition. A clock runs through the episode (the sepsis hour, ECG within 10 minutes,
door to needle within 60 minutes).
"""

from __future__ import annotations

from ..base import declare_domain

DOMAIN = declare_domain(
    __name__,
    description="Clinical pathways that carry one patient through triage, work-up, "
    "treatment and disposition on one shared state (sepsis, chest pain, stroke code, DKA, "
    "GI bleeding, post-operative fever), graded per phase.",
    instructions=(
        "You are the physician responsible for one patient from arrival (or a ward call) to "
        "disposition. Work through the pathway's phases in order: gather the evidence each "
        "decision needs with the tools, then record the decision with the phase's action "
        "tool. Orders are carried out exactly as written and nothing checks them for you: "
        "check allergies, home drugs, kidney function and weight before you prescribe. Time "
        "runs with every call."
    ),
)

__all__ = ["DOMAIN"]
