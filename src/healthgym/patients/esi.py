"""ESI level of an emergency-department encounter, derived from its record by published rules.

:func:`true_esi` applies :func:`healthgym.clinical.scores.triage.esi_level` (ESI v4,
Gilboy N, Tanabe P, Travers D, Rosenau AM. Emergency Severity Index, Version 4,
Implementation Handbook 2012 Edition, AHRQ Publication No. 12-0014) to the
decision-point facts of a :class:`~healthgym.patients.encounter.TriagePatient`:

* A: any needed life-saving intervention (the record's ``lsi`` list; every
  unresponsive patient, P or U on AVPU, needs airway support);
* B: any high-risk feature, new confusion / lethargy / disorientation, or severe pain
  or distress (pain >= 7/10, the handbook's threshold, or severe distress);
* C: resources counted by type (:func:`resource_count`, handbook chapter 5);
* D: any danger-zone vital sign for the age
  (:func:`healthgym.clinical.scores.triage.esi_danger_zone_vitals`) up-triages to 2.

Every domain that needs the ESI truth of an encounter (triage_emergency, cross_domain)
reads it from here.
"""

from __future__ import annotations

from ..clinical.scores import esi_danger_zone_vitals, esi_level, gcs
from ..clinical.scores.result import ScoreResult
from ..clinical.triage_vocab import AVPU_BY_EYE, GCS_EYE, GCS_MOTOR, GCS_VERBAL, RESOURCE_TYPES
from .encounter import ResourceItem, TriagePatient

SEVERE_PAIN = 7  # ESI handbook: pain >= 7/10 is severe pain (decision point B)


def gcs_total(p: TriagePatient) -> int:
    """Glasgow Coma Scale total of the record's eye, verbal and motor findings (Teasdale
    G, Jennett B. Lancet 1974;2:81-84; points in :mod:`healthgym.clinical.triage_vocab`)."""
    return int(
        gcs(
            eye=GCS_EYE[p.gcs_eye][0],
            verbal=GCS_VERBAL[p.gcs_verbal][0],
            motor=GCS_MOTOR[p.gcs_motor][0],
        ).value
    )


def avpu(p: TriagePatient) -> str:
    """AVPU from eye opening: spontaneous A, to voice V, to pain P, none U."""
    return AVPU_BY_EYE[p.gcs_eye]


def danger_zone(p: TriagePatient) -> ScoreResult:
    """ESI decision point D: the danger-zone vital signs for the age."""
    v = p.vitals
    return esi_danger_zone_vitals(
        age_years=p.age_years, heart_rate=v.hr, respiratory_rate=v.rr, spo2=v.spo2
    )


def danger_count(p: TriagePatient) -> int:
    """How many vital signs are in the danger zone for the age."""
    return int(danger_zone(p).value)


def resource_count(items: list[ResourceItem]) -> int:
    """ESI expected resources: each resource *type* counts once (several laboratory
    tests are one resource, as are several radiographs); a complex procedure counts
    two; items that are not resources count zero (ESI v4 handbook, chapter 5)."""
    kinds = {i.kind for i in items if i.kind in RESOURCE_TYPES}
    return sum(RESOURCE_TYPES[k][1] for k in kinds)


def severe_pain_or_distress(p: TriagePatient) -> bool:
    """ESI decision point B: pain >= 7/10 or severe distress."""
    return p.pain >= SEVERE_PAIN or p.distress == "severe"


def esi_result(p: TriagePatient) -> ScoreResult:
    """The ESI v4 algorithm applied to the record's decision-point facts."""
    return esi_level(
        requires_immediate_lifesaving_intervention=bool(p.lsi),
        high_risk_situation=bool(p.high_risk),
        new_confusion_lethargy_disorientation=p.new_confusion,
        severe_pain_or_distress=severe_pain_or_distress(p),
        expected_resources=resource_count(p.resources),
        danger_zone_vitals=danger_count(p) > 0,
    )


def true_esi(p: TriagePatient) -> int:
    """The encounter's ESI level (1-5)."""
    return int(esi_result(p).value)
