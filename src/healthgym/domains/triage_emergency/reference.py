"""Reference solutions: the calls a careful triage nurse makes, and the right answer.

Single patient: presentation and vitals (observations first: every record-reading
score is gated on the observations it reads), the ESI protocol text, the findings of
the ESI decision points in order up to the one that decides (A always; B when A is
no; C when A and B are no; D, the danger-zone arithmetic over the measured vitals,
when C counts two or more); the evidence a protocol needs (ECG for chest pain, glucose
for an altered patient or a focal deficit, the mental-status assessment and the sepsis
screen for an adult with suspected infection, the C-SSRS answers, the hCG for
possible pregnancy); optional extras (GCS, HEART, RTS, protocol texts).  Queue:
presentation and vitals of every patient and the anticipated care of those decided
at C/D.  Mass casualty: the
rapid assessment of every casualty.  A reference never exceeds
:data:`MAX_REFERENCE_CALLS` calls (the oracle makes one per turn; the default episode
allows 20 turns).
"""

from __future__ import annotations

from typing import Any

from ...clinical.triage import stemi_on_ecg
from ...patients.encounter import TriagePatient
from ...patients.esi import avpu, gcs_total, resource_count, severe_pain_or_distress
from ...tasks import RefCall
from . import truth as T
from .records import Casualty

MAX_REFERENCE_CALLS = 20
_PROTOCOL_OF = {
    "stroke_alert": "stroke",
    "stemi_alert": "stemi",
    "sepsis_alert": "sepsis",
    "trauma_activation": "trauma",
}


def _call(
    name: str, required: bool = True, alternatives: tuple[str, ...] = (), **arguments: Any
) -> RefCall:
    return RefCall(
        name=name, arguments=arguments, required=required, alternatives=list(alternatives)
    )


def presentation_sources(p: TriagePatient) -> tuple[str, ...]:
    """Tools that yield the triage history of ``p`` (process and coherence by evidence).

    ``get_presentation`` gives the history of the complaint, mechanism, visible injuries,
    neurological deficits, past history, medications, allergies, pain and appearance;
    arrival and chief complaint are in the prompt.  ``esi_high_risk_review`` gives the
    same history, mechanism, deficits, past history, medications and pain (plus the
    examination, mental state and distress) - everything but the visible injuries and
    allergies (appearance is in ``esi_lifesaving_needs``).  Allergies change no triage
    decision (no order here is a drug choice), so the review is an equivalent source
    unless the patient has visible injuries, which only ``get_presentation`` shows.

    Vital signs have no equivalent source: heart rate, blood pressure and temperature are
    shown only by ``get_vitals`` (``esi_lifesaving_needs`` gives the respiratory rate,
    SpO2 and capillary refill alone; the score tools need ``get_vitals`` first).
    """
    if p.injuries:
        return ("get_presentation",)
    return ("get_presentation", "esi_high_risk_review")


def _presentation(p: TriagePatient) -> RefCall:
    first, *rest = presentation_sources(p)
    return _call(first, alternatives=tuple(rest), patient_id=p.id)


def decided_at(p: TriagePatient) -> str:
    """The ESI decision point that fixes this patient's level (A, B, C or D)."""
    if p.lsi:
        return "A"
    if p.high_risk or p.new_confusion or severe_pain_or_distress(p):
        return "B"
    return "D" if resource_count(p.resources) >= 2 else "C"


def heart_arguments(p: TriagePatient) -> dict[str, str]:
    """The reference reading of the history and ECG for the HEART score."""
    e = p.ecg
    deviation = any(mm >= 1.0 for mm in e.st_depression_mm.values())
    if stemi_on_ecg(e.st_elevation_mm, p.sex, p.age_years) or deviation:
        ecg = "significant_st_deviation"
    elif e.st_elevation_mm or any("inversion" in o for o in e.other):
        ecg = "nonspecific_repolarization"
    else:
        ecg = "normal"
    return {"history": "highly" if p.high_risk else "moderately", "ecg": ecg}


def single_reference(p: TriagePatient) -> tuple[list[RefCall], dict[str, Any]]:
    """Reference calls (without the submit call) and the score part of the answer."""
    pid = p.id
    point = decided_at(p)
    calls = [_presentation(p), _call("get_vitals", patient_id=pid)]
    calls.append(_call("assess_abc", required=point == "A", patient_id=pid))
    altered = avpu(p) != "A" or gcs_total(p) < 15
    sepsis = bool(p.infection_signs) and p.adult
    rts = bool(p.mechanism) and bool(T.trauma_red(p)) and p.vitals.sbp > 0
    if altered or sepsis or rts:  # the GCS findings feed qSOFA and the RTS
        calls.append(_call("assess_mental_status", required=altered, patient_id=pid))
    if altered:
        calls.append(
            _call(
                "calculate_gcs",
                required=False,
                eye=p.gcs_eye,
                verbal=p.gcs_verbal,
                motor=p.gcs_motor,
            )
        )
    calls.append(_call("esi_lifesaving_needs", patient_id=pid))
    if point != "A":
        calls.append(_call("esi_high_risk_review", patient_id=pid))
    if point in ("C", "D"):
        calls.append(_call("esi_expected_resources", patient_id=pid))
    if point == "D":
        calls.append(_call("check_danger_zone_vitals", patient_id=pid))
    answer: dict[str, Any] = {}
    if p.symptom_onset_h is not None:
        calls.append(_call("obtain_triage_ecg", patient_id=pid))
        calls.append(_call("point_of_care_test", required=False, patient_id=pid, test="troponin"))
        calls.append(
            _call("calculate_heart_score", required=False, patient_id=pid, **heart_arguments(p))
        )
        answer["score_name"] = "heart_score"
    if not T.in_arrest(p) and (p.deficits or altered):
        calls.append(_call("point_of_care_test", patient_id=pid, test="glucose"))
    if sepsis:
        calls.append(_call("sepsis_screen", patient_id=pid))
    if T.suicide_risk_level(p) >= 1:
        calls.append(_call("suicide_risk_screen", patient_id=pid))
        calls.append(_call("lookup_protocol", required=False, protocol="suicide"))
    if p.poc.get("urine_hcg") == "positive":
        calls.append(_call("point_of_care_test", patient_id=pid, test="urine_hcg"))
    if rts:
        calls.append(_call("calculate_rts", required=False, patient_id=pid))
    for key in T.activations(p):
        calls.append(_call("lookup_protocol", required=False, protocol=_PROTOCOL_OF[key]))
    if len(calls) < MAX_REFERENCE_CALLS - 1:  # one turn is the submission
        calls.insert(2, _call("lookup_protocol", required=False, protocol="esi"))
    return calls, answer


def queue_reference(patients: list[TriagePatient]) -> list[RefCall]:
    calls = []
    for p in patients:
        calls.append(_presentation(p))
        calls.append(_call("get_vitals", patient_id=p.id))
        if decided_at(p) in ("C", "D"):
            calls.append(_call("esi_expected_resources", patient_id=p.id))
    # optional decision-point calls while the turn budget allows (one turn is the submit)
    for p in patients:
        if len(calls) >= MAX_REFERENCE_CALLS - 1:
            break
        point = decided_at(p)
        if point == "A":
            calls.append(_call("esi_lifesaving_needs", required=False, patient_id=p.id))
        elif point == "B":
            calls.append(_call("esi_high_risk_review", required=False, patient_id=p.id))
    return calls


def mci_reference(casualties: list[Casualty]) -> list[RefCall]:
    calls = [_call("lookup_protocol", required=False, protocol="start")]
    if any(c.protocol == "jumpstart" for c in casualties):
        calls.append(_call("lookup_protocol", required=False, protocol="jumpstart"))
    calls += [_call("mci_assess_casualty", casualty_id=c.id) for c in casualties]
    return calls
