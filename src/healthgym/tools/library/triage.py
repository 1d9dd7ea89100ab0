"""Triage tools over emergency-department arrivals: ESI decision points, mental status,
department protocols.

The ESI v4 decision-point tools report the FINDINGS a triage nurse weighs at each
decision point (Gilboy N, Tanabe P, Travers D, Rosenau AM. Emergency Severity Index
(ESI), Version 4, Implementation Handbook 2012 Edition, AHRQ Publication No. 12-0014):

* A (chapter 3): does the patient need an immediate life-saving intervention?
* B (chapter 4): high-risk situation, new confusion / lethargy / disorientation, or
  severe pain or distress?
* C (chapter 5): how many different resources will the ED use?
* D (chapter 6): danger-zone vital signs for the age?

Tools observe and compute; the agent judges.  The three ``observe`` tools report what
the nurse sees, hears and is told for decision points A, B and C - the airway,
breathing, perfusion and responsiveness; the history, examination, mental state,
pain and distress; the care the emergency physician is expected to give, item by item
- and never say whether an intervention is life-saving, a situation high-risk, or an
item an ESI resource, nor how many resources there are: those are the agent's
judgments, made against ``lookup_protocol('esi')``.  The ``compute`` tool of decision
point D compares vital signs the agent has already measured with the handbook's
published limits for the age, value by value, and nothing more.
``assess_mental_status`` observes AVPU, the GCS findings (described, not scored) and
the usual mental state; ``lookup_protocol`` is a ``reference`` tool (the same text in
every task, :data:`healthgym.clinical.triage.PROTOCOL_TEXT`).

Every tool reads one arrival (``patient_id``) of a state holding
:class:`~healthgym.patients.encounter.TriagePatient` records by id
(:class:`TriageEncounterState`: triage_emergency's arrivals and queues, cross_domain's
triage view of its pathway patient), records that the agent has seen it in
``state.seen`` and, for an observation, ``"<tool>:<patient id>"`` in the episode's
elicitation record, which gates the record-reading ``compute`` tools per patient.
"""

from __future__ import annotations

from typing import Annotated, Protocol

from ...clinical.scores.triage import danger_zone_limits
from ...clinical.triage import PROTOCOL_TEXT, ProtocolName
from ...clinical.triage_vocab import AVPU_TEXT, GCS_EYE, GCS_MOTOR, GCS_VERBAL
from ...patients.encounter import TriagePatient
from ...patients.esi import avpu
from ..elicit import Need, elicited
from ..errors import ToolError
from ..registry import MaxLen, tool

PatientId = Annotated[str, MaxLen(8)]


class TriageEncounterState(Protocol):
    """An episode state holding ED arrivals by id (``kind`` ``"mci"``: a mass-casualty
    scene, whose casualties these tools do not read)."""

    @property
    def kind(self) -> str: ...

    @property
    def patients(self) -> dict[str, TriagePatient]: ...

    @property
    def seen(self) -> set[tuple[str, str]]: ...


def get_patient(
    state: TriageEncounterState, patient_id: str, tool_name: str, observe: bool = False
) -> TriagePatient:
    """The patient ``patient_id`` (case-insensitive), noting that ``tool_name`` saw it;
    an observation (``observe``) is also recorded as ``"<tool_name>:<id>"`` in the
    episode's elicitation record."""
    if state.kind == "mci":
        raise ToolError(
            "this is a mass-casualty scene: assess each casualty with mci_assess_casualty"
        )
    pid = patient_id.strip().upper()
    if pid not in state.patients:
        raise ToolError(
            f"unknown patient_id {patient_id[:8]!r}; patients here: {', '.join(state.patients)}"
        )
    state.seen.add((tool_name, pid))
    if observe:
        elicited(state).show(f"{tool_name}:{pid}")
    return state.patients[pid]


def pain_scale(age_years: float) -> str:
    """FLACC under 3 years (Merkel 1997), Wong-Baker FACES 3-7 years (Wong & Baker
    1988), numeric rating scale from 8 years."""
    if age_years < 3:
        return "FLACC behavioural scale"
    return "Wong-Baker FACES scale" if age_years < 8 else "numeric rating scale"


SPO2_DANGER = 92.0  # ESI v4 handbook, decision point D: SpO2 < 92% at any age

# how the patient's distress looks (the nurse's observation, not a decision-point verdict)
_DISTRESS = {
    "none": "settled, in no distress",
    "mild": "mildly uncomfortable",
    "moderate": "visibly uncomfortable and anxious",
    "severe": "in severe distress",
}


@tool(kind="observe")
def esi_lifesaving_needs(state: TriageEncounterState, patient_id: PatientId) -> str:
    """Findings for ESI decision point A (is an immediate life-saving intervention needed?):
    airway, breathing, circulation and perfusion, responsiveness (AVPU), oxygen saturation
    and what was done before arrival. Reports findings only: whether they call for a
    life-saving intervention is your judgment (see lookup_protocol('esi')).

    Args:
        patient_id: the patient's id (e.g. P1).
    """
    p = get_patient(state, patient_id, "esi_lifesaving_needs", observe=True)
    level = avpu(p)
    v = p.vitals
    spo2 = f"SpO2 {v.spo2:g}% on room air" if v.spo2 > 0 else "SpO2 not recordable"
    lines = [
        f"Airway: {p.airway}",
        f"Breathing: {p.breathing} Respiratory rate "
        + (f"{v.rr:g}/min; {spo2}." if v.rr > 0 else f"0/min; {spo2}."),
        f"Circulation: {p.circulation} Capillary refill {v.cap_refill_s:g} s.",
        f"Responsiveness: AVPU {level} ({AVPU_TEXT[level]}).",
        f"Appearance: {p.appearance}",
    ]
    return "\n".join(lines)


def _history_lines(p: TriagePatient) -> list[str]:
    lines = ["History: " + " ".join(p.hpi)] if p.hpi else []
    if p.mechanism:
        lines.append(f"Mechanism of injury: {p.mechanism}")
    pmh = p.pmh_lines()
    if pmh or p.medications:
        lines.append(
            f"Background: {'; '.join(pmh) or 'no significant past history'}; medications: "
            f"{', '.join(p.medications) or 'none'}."
        )
    return lines


@tool(kind="observe")
def esi_high_risk_review(state: TriageEncounterState, patient_id: PatientId) -> str:
    """Findings for ESI decision point B (high-risk situation? new confusion, lethargy or
    disorientation? severe pain or distress?): the focused history and examination, the
    mental state now and as it usually is (per family or carers), the pain score and how
    distressed the patient looks. Reports findings only: whether the situation is high
    risk is your judgment (see lookup_protocol('esi')).

    Args:
        patient_id: the patient's id (e.g. P1).
    """
    p = get_patient(state, patient_id, "esi_high_risk_review", observe=True)
    lines = _history_lines(p)
    if p.deficits:
        lines.append("Neurological deficits now: " + ", ".join(p.deficits) + ".")
    if p.exam:
        lines.append(f"Examination: {p.exam}")
    lines.append(f"Temperature {p.vitals.temp_c:g} C.")
    level = avpu(p)
    speech = GCS_VERBAL[p.gcs_verbal][1]
    lines.append(f"Mental state now: AVPU {level} ({AVPU_TEXT[level]}); {speech}.")
    lines.append(f"Usual mental state: {p.baseline}")
    if level in ("P", "U"):
        lines.append("Pain: cannot be rated (not responding to voice).")
    else:
        lines.append(f"Pain: {p.pain}/10 ({pain_scale(p.age_years)}).")
    lines.append(f"Distress: {_DISTRESS[p.distress]}.")
    return "\n".join(lines)


@tool(kind="observe")
def esi_expected_resources(state: TriageEncounterState, patient_id: PatientId) -> str:
    """Information for ESI decision point C: the care the emergency physician is expected
    to give this patient (the department's usual work-up and treatment for the
    presentation), item by item, in no particular order. Which items count as ESI
    resources, and how many resources that makes, is your judgment (see
    lookup_protocol('esi')).

    Args:
        patient_id: the patient's id (e.g. P1).
    """
    p = get_patient(state, patient_id, "esi_expected_resources", observe=True)
    lines = [f"Anticipated emergency department care for {p.id}:"]
    lines += [f"- {item.name}" for item in p.resources]
    return "\n".join(lines)


def _compare(name: str, value: float, unit: str, limit: float, above: bool) -> str:
    sign, word = (">", "above") if above else ("<", "below")
    met = value > limit if above else value < limit
    return (
        f"- {name} {value:g}{unit}: limit {sign} {limit:g}{unit}; "
        f"{value:g} is {'' if met else 'not '}{word} {limit:g}."
    )


@tool(
    kind="compute",
    needs=(Need("this patient's vital signs", ("get_vitals:{patient_id}",)),),
)
def check_danger_zone_vitals(state: TriageEncounterState, patient_id: PatientId) -> str:
    """ESI decision point D arithmetic: compare the heart rate, respiratory rate and SpO2
    you measured (call get_vitals first) with the ESI handbook's danger-zone limits for
    the patient's age (Gilboy et al. 2012, decision point D), value by value. What the
    comparison means for the triage level is your judgment.

    Args:
        patient_id: the patient's id (e.g. P1).
    """
    p = get_patient(state, patient_id, "check_danger_zone_vitals")
    label, hr_limit, rr_limit = danger_zone_limits(p.age_years)
    v = p.vitals
    if v.hr <= 0 and v.rr <= 0:
        return (
            "No pulse and no breathing were measured: there are no heart rate, respiratory "
            "rate or SpO2 values to compare."
        )
    return "\n".join(
        [
            f"Danger-zone limits for age {label} (ESI v4 handbook, decision point D):",
            _compare("heart rate", v.hr, "/min", hr_limit, above=True),
            _compare("respiratory rate", v.rr, "/min", rr_limit, above=True),
            _compare("SpO2", v.spo2, "%", SPO2_DANGER, above=False),
        ]
    )


@tool(kind="observe")
def assess_mental_status(state: TriageEncounterState, patient_id: PatientId) -> str:
    """Assess responsiveness (AVPU), the Glasgow Coma Scale findings (eye, verbal and motor
    responses, described, not scored) and the usual mental state per family or carers.

    Args:
        patient_id: the patient's id (e.g. P1).
    """
    p = get_patient(state, patient_id, "assess_mental_status", observe=True)
    level = avpu(p)
    findings = "; ".join(
        (GCS_EYE[p.gcs_eye][1], GCS_VERBAL[p.gcs_verbal][1], GCS_MOTOR[p.gcs_motor][1])
    )
    return f"AVPU: {level} ({AVPU_TEXT[level]}). Findings: {findings}. Baseline: {p.baseline}"


@tool(kind="reference")
def lookup_protocol(state: TriageEncounterState, protocol: ProtocolName) -> str:
    """Read a department protocol (general rules, the same for every patient): the ESI v4
    algorithm (decision points A-D, what is and is not a resource, danger-zone vitals by
    age, care areas), the activation criteria for stroke, STEMI, trauma or sepsis, the
    C-SSRS suicide-risk screening rule, or the START / JumpSTART mass-casualty algorithms.

    Args:
        protocol: which protocol to read.
    """
    return PROTOCOL_TEXT[protocol]


DECISION_TOOLS = [
    esi_lifesaving_needs,
    esi_high_risk_review,
    esi_expected_resources,
    check_danger_zone_vitals,
]
