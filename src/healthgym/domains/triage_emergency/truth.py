"""Ground truth of triage_emergency, derived from a patient's facts by published rules.

* ESI level: :func:`healthgym.patients.esi.true_esi` (ESI v4, Gilboy et al., AHRQ
  2012, applied to the decision-point facts of the encounter record; shared with
  cross_domain).
* Immediate orders and activations: :func:`required_orders` / :func:`acceptable_orders`.
* Care area: :func:`disposition_for`.
* Queue order: :func:`queue_key` (the tie rule inside an ESI level).
"""

from __future__ import annotations

from ...clinical import triage as pr
from ...clinical.scores.psychiatric import c_ssrs_screen
from ...clinical.triage_vocab import GCS_MOTOR
from ...patients.encounter import TriagePatient
from ...patients.esi import avpu, danger_count, gcs_total, true_esi

OXYGEN_TARGET = 94  # BTS 2017 (O'Driscoll BR et al. Thorax 2017;72:i1): target 94-98%


def in_arrest(p: TriagePatient) -> bool:
    return "cpr_defibrillation" in p.lsi


def suicide_risk_level(p: TriagePatient) -> int:
    return int(c_ssrs_screen(**p.suicide.model_dump()).value)


def suspected_infection(p: TriagePatient) -> bool:
    return bool(p.infection_signs)


def activations(p: TriagePatient) -> list[str]:
    """The time-critical activations this patient meets (see :mod:`healthgym.clinical.triage`)."""
    v = p.vitals
    out = []
    if pr.stroke_alert_indicated(p.deficits, p.last_known_well_h):
        out.append("stroke_alert")
    if pr.stemi_alert_indicated(p.ecg.st_elevation_mm, p.sex, p.age_years, p.symptom_onset_h):
        out.append("stemi_alert")
    if not in_arrest(p) and pr.sepsis_alert_indicated(
        adult=p.adult,
        suspected_infection=suspected_infection(p),
        temp_c=v.temp_c,
        hr=v.hr,
        rr=v.rr,
        sbp=v.sbp,
        gcs_total=gcs_total(p),
    ):
        out.append("sepsis_alert")
    if p.mechanism and trauma_red(p):
        out.append("trauma_activation")
    return out


def trauma_red(p: TriagePatient) -> list[str]:
    v = p.vitals
    return pr.trauma_red_criteria(
        age_years=p.age_years,
        injuries=p.injuries,
        motor_obeys=GCS_MOTOR[p.gcs_motor][0] == 6,
        rr=v.rr,
        spo2=v.spo2,
        sbp=v.sbp,
        hr=v.hr,
        respiratory_support="airway_support" in p.lsi,
    )


def required_orders(p: TriagePatient) -> list[str]:
    """Orders a correct triage must start, each from a cited rule.

    * Every needed life-saving intervention (ESI decision point A).
    * Every indicated activation (stroke, STEMI, sepsis, trauma;
      :mod:`healthgym.clinical.triage`).
    * ``ecg_12_lead`` for ischaemic-sounding chest pain: ECG within 10 min of arrival
      (Gulati 2021 AHA/ACC chest-pain guideline, class 1).
    * ``poc_glucose`` for a focal deficit, new confusion or a P/U level of response
      outside cardiac arrest (AHA/ASA 2019: glucose is the one test required before
      thrombolysis; hypoglycaemia mimics stroke and causes altered mental status).
    * ``oxygen`` for SpO2 < 94% when ventilation is not already being supported (BTS
      2017 target 94-98%).
    * ``one_to_one_observation`` for a high C-SSRS screen (The Joint Commission, National
      Patient Safety Goal NPSG.15.01.01, 2019: safety precautions for patients at high
      risk of suicide).
    """
    orders = list(p.lsi) + activations(p)
    if p.symptom_onset_h is not None:
        orders.append("ecg_12_lead")
    altered = p.new_confusion or avpu(p) in ("P", "U")
    if not in_arrest(p) and (p.deficits or altered):
        orders.append("poc_glucose")
    if 0 < p.vitals.spo2 < OXYGEN_TARGET and "airway_support" not in p.lsi:
        orders.append("oxygen")
    if suicide_risk_level(p) >= 3:
        orders.append("one_to_one_observation")
    return sorted(set(orders))


def acceptable_orders(p: TriagePatient, esi: int) -> list[str]:
    """Orders that are reasonable but not required: they neither earn nor cost credit.

    ESI 1-2: IV access, cardiac monitor, oxygen, glucose, ECG; ESI 3: IV access and
    glucose; any level: analgesia for pain >= 4/10; spinal motion restriction after an
    injury at ESI 1-2 or with neck pain; for a child with suspected infection at ESI
    1-2, sepsis activation (outside the adult rule, so neither required nor penalised).
    """
    ok: set[str] = set()
    if esi <= 2:
        ok |= {"iv_access", "cardiac_monitor", "oxygen", "poc_glucose", "ecg_12_lead"}
        if not p.adult and suspected_infection(p):
            ok.add("sepsis_alert")
    elif esi == 3:
        ok |= {"iv_access", "poc_glucose"}
    if p.pain >= 4:
        ok.add("analgesia")
    if p.mechanism and (esi <= 2 or "neck_pain" in p.injuries):
        ok.add("spinal_motion_restriction")
    return sorted(ok - set(required_orders(p)))


def disposition_for(p: TriagePatient, esi: int) -> str:
    """Care area by ESI level (handbook: level 1 immediate physician, level 2 should not
    wait, levels 4-5 suit a fast track); a high suicide risk goes to a safe room."""
    if esi == 1:
        return "resuscitation_bay"
    if esi == 2:
        return "safe_room" if suicide_risk_level(p) >= 3 else "monitored_bed"
    return "acute_bed" if esi == 3 else "fast_track"


def queue_key(p: TriagePatient) -> tuple[int, int, int]:
    """Order of a triage queue: ESI level first (1 before 5); within a level, more
    danger-zone vital signs first (the ESI handbook's age-specific decision-point-D
    limits, its marker of physiological instability); then earlier arrival (first
    come, first served). The handbook does not rank patients inside a level; this tie
    rule is the project's, built from the handbook's own danger-zone criteria."""
    return (true_esi(p), -danger_count(p), p.arrival_minute)
