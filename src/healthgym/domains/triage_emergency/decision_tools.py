"""ESI v4 decision-point tools: each returns the facts for ONE decision point.

Gilboy N, Tanabe P, Travers D, Rosenau AM. Emergency Severity Index (ESI), Version 4,
Implementation Handbook 2012 Edition (AHRQ Publication No. 12-0014):

* A (chapter 3): does the patient need an immediate life-saving intervention?
* B (chapter 4): high-risk situation, new confusion / lethargy / disorientation, or
  severe pain or distress?
* C (chapter 5): how many different resources will the ED use?
* D (chapter 6): danger-zone vital signs for the age?

The tools report findings and classify interventions and resources by the handbook's
definitions; they never combine the decision points into a level (that is the agent's
job, and the answer the grader checks).
"""

from __future__ import annotations

from ...clinical.scores.triage import danger_zone_limits
from ...tools import tool
from .records import TriageState
from .tools import PatientId, get_patient
from .truth import (
    OXYGEN_TARGET,
    SEVERE_PAIN,
    avpu,
    danger_zone,
    in_arrest,
    resource_count,
)
from .vocab import AVPU_TEXT, LSI_CATEGORY, NOT_RESOURCES, RESOURCE_TYPES


@tool
def esi_lifesaving_needs(state: TriageState, patient_id: PatientId) -> str:
    """ESI decision point A: responsiveness and the kinds of intervention the patient needs
    right now (the handbook's life-saving categories: airway/breathing, electrical therapy,
    emergency medications, haemodynamic), and whether oxygen alone is needed.

    Args:
        patient_id: the patient's id (e.g. P1).
    """
    p = get_patient(state, patient_id, "esi_lifesaving_needs")
    level = avpu(p)
    lines = [
        "Decision point A (immediate life-saving intervention?).",
        f"Responsiveness: AVPU {level} ({AVPU_TEXT[level]}).",
    ]
    categories = dict.fromkeys(LSI_CATEGORY[k] for k in p.lsi)
    needs = [f"- {c} [life-saving intervention category]" for c in categories]
    if 0 < p.vitals.spo2 < OXYGEN_TARGET and "airway_support" not in p.lsi:
        needs.append("- supplemental oxygen [not a life-saving intervention]")
    if needs:
        lines.append("Interventions needed now:")
        lines += needs
    else:
        lines.append("Interventions needed now: none on the handbook's life-saving list.")
    return "\n".join(lines)


@tool
def esi_high_risk_review(state: TriageState, patient_id: PatientId) -> str:
    """ESI decision point B: high-risk features of the presentation, new confusion / lethargy
    / disorientation compared with baseline, and pain or distress.

    Args:
        patient_id: the patient's id (e.g. P1).
    """
    p = get_patient(state, patient_id, "esi_high_risk_review")
    lines = ["Decision point B (high-risk situation, new confusion, severe pain/distress?)."]
    if p.high_risk:
        lines.append("High-risk features: " + "; ".join(p.high_risk) + ".")
    else:
        lines.append("High-risk features: none identified in the history and examination.")
    if p.new_confusion:
        lines.append(f"New confusion, lethargy or disorientation: yes. {p.baseline}")
    else:
        lines.append("New confusion, lethargy or disorientation: no.")
    if avpu(p) in ("P", "U"):
        lines.append("Pain: cannot be rated.")
    else:
        band = "severe" if p.pain >= SEVERE_PAIN else "not severe"
        lines.append(f"Pain: {p.pain}/10 ({band}; severe is >= {SEVERE_PAIN}/10).")
    lines.append(f"Distress: {p.distress}.")
    return "\n".join(lines)


@tool
def esi_expected_resources(state: TriageState, patient_id: PatientId) -> str:
    """ESI decision point C: the care the ED is expected to give this patient, each item
    classified as an ESI resource (by type) or not, and the number of resources.

    Args:
        patient_id: the patient's id (e.g. P1).
    """
    p = get_patient(state, patient_id, "esi_expected_resources")
    lines = ["Decision point C (expected resources). Anticipated care:"]
    for item in p.resources:
        if item.kind in RESOURCE_TYPES:
            label, n = RESOURCE_TYPES[item.kind]
            extra = " - counts 2" if n == 2 else ""
            lines.append(f"- {item.name}: resource ({label}{extra})")
        else:
            lines.append(f"- {item.name}: not a resource ({NOT_RESOURCES[item.kind]})")
    kinds = sorted({i.kind for i in p.resources if i.kind in RESOURCE_TYPES})
    types = ", ".join(RESOURCE_TYPES[k][0] for k in kinds) or "none"
    lines.append(
        f"Resource types (each type counts once): {types}. "
        f"Expected resources: {resource_count(p.resources)}."
    )
    return "\n".join(lines)


@tool
def check_danger_zone_vitals(state: TriageState, patient_id: PatientId) -> str:
    """ESI decision point D: compare heart rate, respiratory rate and SpO2 with the
    handbook's age-specific danger-zone limits.

    Args:
        patient_id: the patient's id (e.g. P1).
    """
    p = get_patient(state, patient_id, "check_danger_zone_vitals")
    result = danger_zone(p)
    label, hr_limit, rr_limit = danger_zone_limits(p.age_years)
    v = p.vitals
    if in_arrest(p):
        return "Decision point D: not applicable - no pulse, no breathing, SpO2 not recordable."
    rows = [
        ("heart rate", v.hr, f"> {hr_limit:g}/min", result.components["heart_rate"]),
        ("respiratory rate", v.rr, f"> {rr_limit:g}/min", result.components["respiratory_rate"]),
        ("SpO2", v.spo2, "< 92%", result.components["spo2"]),
    ]
    lines = [f"Decision point D (danger-zone vitals), age band {label}:"]
    for name, value, limit, flagged in rows:
        state_text = "IN the danger zone" if flagged else "within limits"
        lines.append(f"- {name} {value:g} (danger zone {limit}): {state_text}")
    lines.append(f"Danger-zone vital signs: {int(result.value)} of 3.")
    return "\n".join(lines)


DECISION_TOOLS = [
    esi_lifesaving_needs,
    esi_high_risk_review,
    esi_expected_resources,
    check_danger_zone_vitals,
]
