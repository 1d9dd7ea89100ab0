"""Patients of the sepsis and chest-pain pathways.

Sepsis: urosepsis (profile ``urosepsis``) or severe community-acquired pneumonia
(profile ``community_acquired_pneumonia`` with the hypotension, tachypnoea and lactate
of sepsis).  Every septic patient has sepsis-induced hypoperfusion (hypotension or
lactate >= 4 mmol/L), so 30 mL/kg applies; about half of the hypotensive ones stay
below MAP 65 mmHg after the bolus (septic shock); the repeat lactate after the bolus
clears in about half of the fluid-responsive patients and the disposition follows it
(:func:`.rules.sepsis_destinations`).  Allergies, QT-prolonging or
interacting home drugs and the creatinine vary, so the antimicrobial choice and its
renal band vary; a patient always has at least one safe regimen.

Chest pain: inferior STEMI or NSTEMI (their profiles), or low-risk chest-wall pain
(a pathway profile: young, atypical pleuritic pain, normal ECG and troponin, HEART
<= 3), after the HEART pathway (Mahler SA et al. Circ Cardiovasc Qual Outcomes
2015;8:195-203) and the 2021 AHA/ACC chest pain guideline (Gulati M et al.
Circulation 2021;144:e368-e454).
"""

from __future__ import annotations

import numpy as np

from ...clinical.diseases import DiseaseProfile
from ...patients.model import Patient
from ...tools.library.encounter_scores import calculate_heart_score
from . import antibiotics as ab
from . import gen_common as g
from . import rules
from .records import Facts

SEPSIS_ALLERGIES = (
    "Penicillin",
    "Penicillin",
    "Penicillin",
    "Cephalosporins",
    "Fluoroquinolones",
    "Macrolides",
    "Carbapenems",
    "Sulfonamide antibiotics",
)
# (drug, dose text, comorbidity it treats): home drugs that interact with antimicrobials
INTERACTING = (
    ("citalopram", "20 mg once daily", "depression"),
    ("amiodarone", "200 mg once daily", "atrial_fibrillation"),
    ("warfarin", "5 mg once daily (INR target 2-3)", "atrial_fibrillation"),
)
LOW_RISK_CHEST_PAIN = DiseaseProfile(
    key="low_risk_chest_pain",
    name="Low-risk chest wall pain",
    icd10="R07.89",
    system="musculoskeletal",
    source=(
        "Gulati M et al. 2021 AHA/ACC chest pain guideline, Circulation 2021;144:e368-e454; "
        "Mahler SA et al. HEART Pathway, Circ Cardiovasc Qual Outcomes 2015;8:195-203."
    ),
    age=(25, 50),
    female_fraction=0.5,
    chief_complaints=(
        "sharp pain in my chest when I breathe in or twist",
        "sore chest since I moved furniture two days ago",
    ),
    symptoms={"chest_pain": 1.0, "pleuritic_chest_pain": 0.6},
    history={"current_smoker": 0.2},
    exam={"musculoskeletal": ("Pain reproduced by pressure over the left costochondral joints.",)},
    labs={"troponin_i": (1.0, 6.0)},
    key_tests=("ecg", "troponin_i"),
    first_line=("ibuprofen",),
    alternatives={"ibuprofen": ("naproxen",)},
)


# INR of a patient established on warfarin: the therapeutic range 2.0-3.0 (warfarin
# (Coumadin) prescribing information section 2.1; Holbrook A et al. Chest 2012;141(2
# Suppl):e152S-84S, ACCP 9th ed.); prothrombin time about 12 s x INR
WARFARIN_INR = (2.0, 3.0)


def _add_interacting_drug(patient: Patient, rng: np.random.Generator) -> Patient:
    drug, dose, condition = g.pick(rng, INTERACTING)
    if condition == "atrial_fibrillation" and drug == "warfarin":
        patient = g.replace_medication(patient, "apixaban", drug, dose)
        # a child stream, so the parent's draws (allergy, vitals ...) stay as they were
        inr = g.uniform(rng.spawn(1)[0], *WARFARIN_INR, 1)
        patient = g.set_labs(patient, inr=inr, pt=round(12.0 * inr, 1))
    patient = g.add_comorbidity(patient, condition)
    if condition == "depression":
        patient = g.replace_medication(patient, "sertraline", drug, dose)
    names = {m.name for m in patient.medications}
    if drug not in names:
        label = {
            "depression": "Major depressive disorder",
            "atrial_fibrillation": "Atrial fibrillation",
        }[condition]
        patient = g.add_medication(patient, drug, dose, label)
    return patient


def _choose_allergy(patient: Patient, source: str, rng: np.random.Generator) -> Patient:
    """An allergy (half the patients) chosen so that a safe empirical regimen remains."""
    allergic = rng.random() < 0.5
    for _ in range(8):
        allergen = g.pick(rng, SEPSIS_ALLERGIES) if allergic else None
        candidate = g.set_allergy(patient, allergen, rng)
        if all(drugs for _, drugs in ab.slots_for(source, candidate)):
            return candidate
    return g.set_allergy(patient, None, rng)


def _repeat_lactate(initial: float, responsive: bool, rng: np.random.Generator) -> float:
    """Lactate after the 30 mL/kg bolus: in about half of the fluid-responsive patients it
    clears to <= 2 mmol/L, in the others (and in refractory shock) it stays above 2."""
    if initial <= rules.LACTATE_NORMAL:
        return initial if not responsive else g.uniform(rng, 0.8, initial, 1)
    if responsive and rng.random() < 0.5:
        return g.uniform(rng, 1.0, 2.0, 1)
    low, high = (2.1, max(2.2, 0.9 * initial)) if responsive else (0.8 * initial, 1.1 * initial)
    return max(2.1, g.uniform(rng, low, high, 1))


def make_sepsis(k: int, seed: int, pid: str) -> g.Case:
    source = "urinary" if k % 2 == 0 else "respiratory"
    rng = g.overlay_rng(seed)
    profile = "urosepsis" if source == "urinary" else "community_acquired_pneumonia"
    p = g.base_patient(profile, seed, pid)
    if source == "respiratory":
        p = g.set_vitals(
            p,
            sbp=g.uniform(rng, 78, 100),
            dbp=g.uniform(rng, 40, 58),
            hr=g.uniform(rng, 106, 130),
            rr=g.uniform(rng, 24, 32),
            spo2=g.uniform(rng, 87, 93),
        )
        lactate = g.uniform(rng, 2.2, 6.0, 1)
        creatinine = g.uniform(rng, 0.8, 2.6, 1)
        p = g.set_labs(p, lactate=lactate, bun=g.uniform(rng, 22, 48))
        p = g.set_creatinine(p, creatinine)
        if rng.random() < 0.35:
            p = g.with_features(p, add=("confusion",))
    if not rules.hypoperfusion(p):
        p = g.set_labs(p, lactate=g.uniform(rng, 4.0, 6.5, 1))
    if rules.hypotension(p.vitals) and rng.random() < 0.3:
        p = g.with_features(p, add=("mottled_skin",))
    if rng.random() < 0.3:
        p = _add_interacting_drug(p, rng)
    p = _choose_allergy(p, source, rng)

    v = p.vitals
    shocked = rules.hypotension(v)
    responsive = not shocked or rng.random() < 0.55
    after = (
        {
            "sbp": g.uniform(rng, 100, 118),
            "dbp": g.uniform(rng, 56, 68),
            "hr": max(80.0, v["hr"] - g.uniform(rng, 8, 18)),
            "rr": max(16.0, v["rr"] - g.uniform(rng, 0, 3)),
        }
        if responsive
        else {
            "sbp": g.uniform(rng, 76, 86),
            "dbp": g.uniform(rng, 38, 48),
            "hr": v["hr"] + g.uniform(rng, 0, 5),
            "rr": v["rr"],
        }
    )
    hypoperfused = shocked and (p.has("mottled_skin") or p.has("confusion"))
    arrival = int(rng.integers(0, 24 * 60))
    resources = [g.LABS, g.IV_FLUIDS, g.IV_MEDS] + ([g.CXR] if source == "respiratory" else [])
    view = g.triage_view(
        p,
        scenario="sepsis",
        arrival_minute=arrival,
        arrival_mode="ambulance",
        resources=resources,
        lsi=("iv_fluid_bolus",) if hypoperfused else (),
        high_risk=("fever with a likely source of infection and abnormal vital signs",),
        pain=int(rng.integers(2, 6)),
        distress="moderate",
        cap_refill_s=3.5 if p.has("mottled_skin") else 2.0,
    )
    lactate0 = float(p.labs["lactate"])
    lactate1 = _repeat_lactate(lactate0, responsive, rng)
    facts = Facts(
        pathway="sepsis",
        variant=source,
        arrival=g.clock(arrival),
        source=source,
        fluid_responsive=responsive,
        post_bolus_vitals=after,
        initial_lactate=lactate0,
        post_bolus_lactate=lactate1,
    )
    diagnosis = "urosepsis" if source == "urinary" else "community_acquired_pneumonia"
    final = {**v, **after}
    return g.Case(
        "sepsis",
        source,
        p,
        facts,
        diagnosis,
        (diagnosis,),
        view,
        expect={
            "esi": rules.esi_truth(view),
            "vasopressor": rules.needs_vasopressor(final),
            "destination": rules.sepsis_destination(final, lactate0, lactate1),
            "destinations": list(rules.sepsis_destinations(final, lactate0, lactate1)),
            "fluid_targets": rules.fluid_targets(p),
        },
    )


# ------------------------------------------------------------------ chest pain
CHEST_VARIANTS = ("stemi", "nstemi", "low_risk")


def make_chest_pain(k: int, seed: int, pid: str) -> g.Case:
    variant = CHEST_VARIANTS[k % 3]
    rng = g.overlay_rng(seed)
    profile = LOW_RISK_CHEST_PAIN if variant == "low_risk" else variant
    p = g.base_patient(profile, seed, pid)
    allergen = None
    if variant != "low_risk" and rng.random() < 0.25:
        allergen = "Aspirin/NSAIDs" if variant == "stemi" or rng.random() < 0.6 else "Heparin (HIT)"
    if "aspirin" in {m.name for m in p.medications} and allergen == "Aspirin/NSAIDs":
        allergen = None  # a patient taking aspirin is not allergic to it
    p = g.set_allergy(p, allergen, rng)
    onset_h = g.uniform(rng, 1.0, 6.0, 1) if variant != "low_risk" else g.uniform(rng, 4, 30)
    arrival = int(rng.integers(0, 24 * 60))
    acs = variant != "low_risk"
    view = g.triage_view(
        p,
        scenario="chest_pain",
        arrival_minute=arrival,
        arrival_mode="ambulance" if acs else "walk-in",
        resources=[g.LABS, g.ECG, g.CXR] + ([g.IV_MEDS] if acs else []),
        high_risk=("chest pain with features of an acute coronary syndrome",) if acs else (),
        pain=int(rng.integers(5, 9)) if acs else int(rng.integers(3, 6)),
        distress="moderate" if acs else "mild",
    )
    facts = Facts(
        pathway="chest_pain",
        variant=variant,
        arrival=g.clock(arrival),
        notes={"onset_hours": onset_h},
    )
    diagnosis = variant if acs else "low_risk_chest_pain"
    history = "highly" if acs else "slightly"
    ecg = "significant_st_deviation" if acs else "normal"
    heart = None
    if variant != "stemi":  # HEART is for chest pain without ST elevation
        heart = g.score_value(calculate_heart_score, p, history=history, ecg=ecg)
    return g.Case(
        "chest_pain",
        variant,
        p,
        facts,
        diagnosis,
        (diagnosis,),
        view,
        expect={
            "esi": rules.esi_truth(view),
            "stemi": variant == "stemi",
            "heart_history": history,
            "heart_ecg": ecg,
            "heart": heart,
            "destination": {"stemi": "cath_lab", "nstemi": "monitored_bed"}.get(
                variant, "discharge"
            ),
        },
    )
