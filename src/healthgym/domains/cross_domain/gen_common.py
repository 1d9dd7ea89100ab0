"""Shared pieces of the pathway patient generators.

A pathway patient starts as a coherent patient of a disease profile
(:func:`healthgym.patients.generator.generate_patient`) and then receives what the
pathway needs (an overlay, drawn from a separate seeded stream so the base patient
is exactly the profile's): weight-dependent doses read the record's weight, the
creatinine feeds Cockcroft-Gault, and the facts a pathway decision turns on (last
known well, anticoagulant use, platelets, potassium ...) are set explicitly.

Cultures never result during the emergency phase: every culture in the record reads
"pending" (blood culture results take 24-48 h; a result in minutes would also hand
over the antibiotic choice).
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from ...clinical.diseases import PROFILES, DiseaseProfile
from ...clinical.features import FEATURES
from ...clinical.labs import LAB_TESTS
from ...patients.coherence import (
    CKD_EGFR_MAX,
    CONCEPT_BY_FEATURE,
    MEDICATION_PRIORITY,
    asserted_concepts,
    creatinine_for_egfr,
    medication_conflict,
)
from ...patients.comorbidities import COMORBIDITIES
from ...patients.encounter import Ecg, ResourceItem, TriagePatient, Vitals
from ...patients.generator import generate_patient
from ...patients.model import Allergy, Medication, Patient
from ...tools.library.encounter import EncounterState
from .records import Facts

PENDING = (
    "Pending: specimen sent; no result during the emergency phase (preliminary report in 24-48 h)."
)
CULTURES = ("blood_culture", "urine_culture", "throat_culture", "synovial_culture")
REACTIONS = ("hives", "rash", "anaphylaxis", "angioedema", "wheezing")


@dataclass
class Case:
    """One generated pathway patient with everything the task needs."""

    pathway: str
    variant: str
    patient: Patient
    facts: Facts
    diagnosis: str  # diagnosis key (see :mod:`.diagnoses`)
    accepted: tuple[str, ...]  # diagnosis keys accepted at handover
    triage: TriagePatient | None = None
    expect: dict[str, Any] = field(default_factory=dict)  # truth the grader reads


def overlay_rng(seed: int) -> np.random.Generator:
    """The overlay's own stream (the base patient uses ``seed`` itself)."""
    return np.random.default_rng([seed, 0xC0FFEE])


def base_patient(profile: str | DiseaseProfile, seed: int, patient_id: str) -> Patient:
    p = PROFILES[profile] if isinstance(profile, str) else profile
    patient = generate_patient(p, seed, patient_id=patient_id)
    labs = dict(patient.labs)
    for key in CULTURES:
        if key in labs:
            labs[key] = PENDING
    return patient.model_copy(update={"labs": labs})


def uniform(rng: np.random.Generator, lo: float, hi: float, decimals: int = 0) -> float:
    value = round(float(rng.uniform(lo, hi)), decimals)
    return float(int(value)) if decimals == 0 else value


def pick(rng: np.random.Generator, options: list[Any] | tuple[Any, ...]) -> Any:
    return options[int(rng.integers(len(options)))]


def clock(minute_of_day: int) -> str:
    return f"{(minute_of_day // 60) % 24:02d}:{minute_of_day % 60:02d}"


def update(patient: Patient, **changes: Any) -> Patient:
    return patient.model_copy(update=changes)


def set_labs(patient: Patient, **labs: float | str) -> Patient:
    return update(patient, labs={**patient.labs, **labs})


def set_creatinine(patient: Patient, creatinine: float) -> Patient:
    """Set the scenario's creatinine (mg/dL), never below the chronic baseline of a
    patient with CKD stage 3-4: eGFR stays below 60 mL/min/1.73 m2 (KDIGO 2024 CKD
    guideline, chapter 1; CKD-EPI 2021, Inker LA et al. N Engl J Med 2021;385:1737-49).
    The floor is rounded up to 0.1 mg/dL so the recorded value keeps eGFR <= 59."""
    if "chronic_kidney_disease" in patient.comorbidities:
        floor = creatinine_for_egfr(CKD_EGFR_MAX, patient.age, patient.sex)
        creatinine = max(creatinine, math.ceil(floor * 10 - 1e-9) / 10)
    return set_labs(patient, creatinine=creatinine)


def set_complaint(patient: Patient, complaint: str) -> Patient:
    """Replace the chief complaint; a pertinent negative of the base patient that the
    new complaint asserts ("Denies fevers." under "low-grade fever ...") is dropped, so
    the record never asserts and denies one symptom (the lint rule
    ``symptom_contradiction``; NegEx reading, Chapman WW et al. J Biomed Inform
    2001;34:301-10)."""
    said = asserted_concepts(complaint)
    negatives = [
        f
        for f in patient.pertinent_negatives
        if f not in CONCEPT_BY_FEATURE or CONCEPT_BY_FEATURE[f].key not in said
    ]
    return update(patient, chief_complaint=complaint, pertinent_negatives=negatives)


def set_vitals(patient: Patient, **vitals: float) -> Patient:
    return update(patient, vitals={**patient.vitals, **vitals})


def with_features(
    patient: Patient,
    add: tuple[str, ...] = (),
    drop: tuple[str, ...] = (),
    negate: bool = True,
) -> Patient:
    """Add or remove clinical features; with ``negate`` a removed feature that has a
    negative text becomes a pertinent negative."""
    features = [f for f in patient.features if f not in drop]
    features += [f for f in add if f not in features]
    negatives = [f for f in patient.pertinent_negatives if f not in features]
    if negate:
        negatives += [
            f for f in drop if f not in negatives and FEATURES[f].absent and f not in features
        ]
    return update(patient, features=features, pertinent_negatives=negatives)


def add_medication(patient: Patient, name: str, dose: str, indication: str) -> Patient:
    """Add a home drug the scenario needs; a home drug it cannot be co-prescribed with
    (same drug, one duplication family, a contraindicated pair:
    :func:`healthgym.patients.coherence.medication_conflict`) is stopped."""
    meds = [
        m for m in patient.medications if m.name != name and not medication_conflict(m.name, name)
    ]
    meds.append(Medication(name=name, dose=dose, indication=indication))
    return update(patient, medications=meds)


def _priority(indication: str) -> int:
    """Reconciliation rank of a home drug's indication (lower: more specific)."""
    names = set(indication.split("; "))
    keys = [k for k, c in COMORBIDITIES.items() if c.name in names]
    order = {k: i for i, k in enumerate(MEDICATION_PRIORITY)}
    return min((order.get(k, len(order)) for k in keys), default=len(order))


def replace_medication(patient: Patient, old: str, name: str, dose: str) -> Patient:
    meds = [
        Medication(name=name, dose=dose, indication=m.indication) if m.name == old else m
        for m in patient.medications
    ]
    return update(patient, medications=meds)


def add_comorbidity(patient: Patient, key: str) -> Patient:
    if key in patient.comorbidities:
        return patient
    return update(patient, comorbidities=sorted([*patient.comorbidities, key]))


def set_allergy(patient: Patient, allergen: str | None, rng: np.random.Generator) -> Patient:
    """Replace the documented allergies by one (``None``: no known drug allergy)."""
    if allergen is None:
        return update(patient, allergies=[])
    return update(patient, allergies=[Allergy(allergen=allergen, reaction=pick(rng, REACTIONS))])


def mean_arterial_pressure(vitals: dict[str, float]) -> float:
    """MAP = DBP + (SBP - DBP) / 3 (the standard bedside estimate)."""
    return vitals["dbp"] + (vitals["sbp"] - vitals["dbp"]) / 3


def triage_view(
    patient: Patient,
    *,
    scenario: str,
    arrival_minute: int,
    arrival_mode: str,
    resources: list[tuple[str, str]],
    lsi: tuple[str, ...] = (),
    high_risk: tuple[str, ...] = (),
    pain: int = 0,
    distress: str = "mild",
    cap_refill_s: float = 2.0,
    drowsy: bool = False,
    verbal: str | None = None,
    deficits: tuple[str, ...] = (),
    last_known_well_h: float | None = None,
) -> TriagePatient:
    """The ED-encounter view of the same person (what the shared ESI tools read).

    Mental status follows the record: a patient with new confusion opens the eyes
    spontaneously but talks confusedly (GCS verbal 4); ``drowsy`` opens them to voice;
    ``verbal`` overrides the verbal response (aphasia).  The ESI findings tools show the
    record's findings: the symptoms as the history, the signs as the examination, and a
    circulation that follows the perfusion (a needed fluid bolus is a weak, rapid pulse
    with cool, mottled or slow-refilling skin).  ``lsi``, ``high_risk`` and
    ``resources`` are the authored truth the ESI level is computed from
    (:func:`.rules.esi_truth`); the tools never print them.
    """
    v = patient.vitals
    symptoms = [FEATURES[f].present for f in patient.features if FEATURES[f].kind == "symptom"]
    signs = [FEATURES[f].present for f in patient.features if FEATURES[f].kind == "sign"]
    if "iv_fluid_bolus" in lsi:
        skin = "cool and mottled" if patient.has("mottled_skin") else "cool and clammy"
        circulation = f"Radial pulse weak and rapid; skin {skin}."
    elif v["sbp"] < 90:
        circulation = "Radial pulse weak and rapid; skin warm."
    else:
        circulation = "Radial pulse strong and regular; skin warm and dry."
    confused = patient.has("confusion")
    baseline = (
        "Family say this is new: normally fully oriented and independent."
        if confused or drowsy
        else "At baseline mental status."
    )
    return TriagePatient(
        id="P1",
        scenario=scenario,
        age_days=int(patient.age * 365.25) + 100,
        sex=patient.sex,
        weight_kg=patient.weight_kg,
        arrival_minute=arrival_minute,
        arrival_mode=arrival_mode,
        chief_complaint=patient.chief_complaint,
        hpi=symptoms,
        exam=" ".join(signs),
        circulation=circulation,
        deficits=list(deficits),
        last_known_well_h=last_known_well_h,
        vitals=Vitals(
            hr=v["hr"],
            sbp=v["sbp"],
            dbp=v["dbp"],
            rr=v["rr"],
            spo2=v["spo2"],
            temp_c=v["temp_c"],
            cap_refill_s=cap_refill_s,
        ),
        gcs_eye="to_sound" if drowsy else "spontaneous",
        gcs_verbal=verbal or ("confused" if confused or drowsy else "oriented"),
        baseline=baseline,
        new_confusion=confused or drowsy,
        lsi=list(lsi),
        high_risk=list(high_risk),
        resources=[ResourceItem(name=n, kind=k) for n, k in resources],
        pain=pain,
        distress=distress,  # type: ignore[arg-type]
        ecg=Ecg(rhythm="Sinus rhythm", rate=int(v["hr"])),
    )


LABS = ("blood tests", "labs")
IV_FLUIDS = ("IV fluids", "iv_fluids")
IV_MEDS = ("IV medications", "parenteral_meds")
ECG = ("12-lead ECG", "ecg")
CXR = ("chest radiograph", "xray")
CT = ("CT", "advanced_imaging")
CONSULT = ("specialty consultation", "consult")


def add_condition(patient: Patient, key: str) -> Patient:
    """Add a chronic condition with the home medications and features it implies."""
    c = COMORBIDITIES[key]
    patient = add_comorbidity(patient, key)
    have = {m.name for m in patient.medications}
    for name, dose in c.medications:
        if name in have:
            continue
        clash = [m for m in patient.medications if medication_conflict(m.name, name)]
        if clash and min(_priority(m.indication) for m in clash) <= _priority(c.name):
            # the drug already prescribed serves this condition too (reconciliation order
            # of healthgym.patients.coherence: the more specific indication's drug is kept)
            kept = clash[0]
            meds = [
                m.model_copy(update={"indication": f"{m.indication}; {c.name}"})
                if m is kept and c.name not in m.indication.split("; ")
                else m
                for m in patient.medications
            ]
            patient = update(patient, medications=meds)
            continue
        patient = add_medication(patient, name, dose, c.name)
    extra = tuple(f for f in c.features if f not in patient.features)
    if key == "coronary_artery_disease":
        extra = (*extra, "known_cad")
    return with_features(patient, add=extra) if extra else patient


def score_value(tool: Any, patient: Patient, **arguments: Any) -> float:
    """Value a clinical_diagnosis score tool computes for the record (all tests seen).

    The generator computes the truth, so it runs the tool's function itself, past the
    elicitation gate that an agent's call goes through."""
    state = EncounterState(patient=patient, revealed_labs=set(LAB_TESTS), ecg_done=True)
    tool.fn(state, **arguments)
    return next(iter(state.score_values.values()))
