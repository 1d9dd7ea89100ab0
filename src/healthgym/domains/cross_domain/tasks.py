"""Seeded task generator of cross_domain, with each task's reference solution.

Task ``i`` is patient ``i // 6`` of pathway ``i % 6`` (sepsis, chest pain, stroke code,
DKA, upper GI bleeding, post-operative fever; 70 patients each).  The prompt gives what
the team knows on arrival (age, sex, how and when the patient came, the complaint, and
for chest pain the onset, for a stroke the last-known-well time, for a ward call the
operation and post-operative day) and the pathway's phase list, which is the same for
every patient of the pathway.  The answer lives in the hidden record and the grader
specification only.
"""

from __future__ import annotations

from typing import Any

from ...tasks import ReferenceSolution, Task, task_id, task_seed, task_split
from . import antibiotics as ab
from . import antithrombotics as at
from .gen_common import Case
from .generator import make_case
from .pathways import PATHWAYS, phase_lines
from .reference import reference
from .safety import safety_rules
from .tools import TOOL_NAMES

DOMAIN = "cross_domain"
PER_PATHWAY = 70
N_TASKS = PER_PATHWAY * len(PATHWAYS)

ED_OPENING = (
    'Patient P1, a {age}-year-old {sex}, arrived {mode} at {time}. Chief complaint: "{cc}".'
)
WARD_OPENING = (
    "Ward call at {time}: patient P1, a {age}-year-old {sex}, is on post-operative day {pod} "
    'after {surgery}. The nurse reports: "{cc}".'
)
CLOSING = (
    "Pathway: {title}. Its phases, each graded on the decisions you record with its tools "
    "and on the evidence and timing behind them:\n{phases}\nThe clock starts at {start}; "
    "every tool call takes time (pathway_status shows the clock and your actions). Use the "
    "ESI tools with patient_id P1. Finish with submit_pathway and your working diagnosis."
)


def prompt(case: Case) -> str:
    p, f = case.patient, case.facts
    pw = PATHWAYS[case.pathway]
    if pw.setting == "ward":
        head = WARD_OPENING.format(
            time=f.arrival,
            age=p.age,
            sex=p.sex,
            pod=f.post_op_day,
            surgery=f.surgery,
            cc=p.chief_complaint,
        )
    else:
        mode = (
            "by ambulance"
            if case.triage and case.triage.arrival_mode == "ambulance"
            else ("on foot")
        )
        head = ED_OPENING.format(
            age=p.age, sex=p.sex, mode=mode, time=f.arrival, cc=p.chief_complaint
        )
    if case.pathway == "chest_pain":
        head += f" The pain began about {f.notes['onset_hours']:g} hours ago."
    if case.pathway == "stroke":
        head += f" Last known well at {f.notes['lkw_clock']}."
    start = "the ward call" if pw.setting == "ward" else "arrival"
    tail = CLOSING.format(title=pw.title, phases=phase_lines(case.pathway), start=start)
    return f"{head}\n\n{tail}"


def applicable_phases(case: Case) -> list[str]:
    keys = list(PATHWAYS[case.pathway].phase_keys)
    if case.pathway == "chest_pain" and case.variant == "stemi":
        keys.remove("risk")  # HEART is for chest pain without ST elevation
    return keys


def grader_spec(case: Case) -> dict[str, Any]:
    spec: dict[str, Any] = {
        "pathway": case.pathway,
        "variant": case.variant,
        "phases": applicable_phases(case),
        "expect": case.expect,
        "diagnosis": case.diagnosis,
        "accepted": list(case.accepted),
    }
    source = case.facts.source
    if source:
        spec["antimicrobial_slots"] = [
            [name, list(drugs)] for name, drugs in ab.slots_for(source, case.patient)
        ]
    if case.pathway == "chest_pain" and case.variant != "low_risk":
        spec["acs_slots"] = [
            [name, list(drugs)] for name, drugs in at.acs_slots(case.variant, case.patient)
        ]
    if case.pathway == "postop_fever" and case.variant == "vte":
        spec["pe_anticoagulants"] = list(at.pe_anticoagulants(case.patient))
    return spec


def make_task(index: int) -> Task:
    """Task number ``index`` of cross_domain (deterministic)."""
    if index < 0:  # indices past the suite are further tasks (healthgym tasks generate)
        raise ValueError(f"task index must be non-negative, not {index}")
    seed = task_seed(DOMAIN, index)
    tid = task_id(DOMAIN, index)
    case = make_case(index, seed, f"P-{tid}")
    calls, answer = reference(case)
    return Task(
        id=tid,
        domain=DOMAIN,
        index=index,
        seed=seed,
        split=task_split(DOMAIN, index),
        prompt=prompt(case),
        allowed_tools=list(TOOL_NAMES),
        hidden={
            "patient": case.patient.model_dump(mode="json"),
            "triage": case.triage.model_dump(mode="json") if case.triage else None,
            "facts": case.facts.model_dump(mode="json"),
        },
        reference=ReferenceSolution(calls=calls, answer=answer),
        grader=grader_spec(case),
        safety=safety_rules(case),
    )
