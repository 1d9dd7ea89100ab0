"""Antithrombotic regimens of the chest-pain and post-operative pathways.

Acute coronary syndrome (each slot filled by one safe drug, nothing else added):

* aspirin loading dose (O'Gara PT et al. 2013 ACCF/AHA STEMI guideline, Circulation
  2013;127:e362-e425; Amsterdam EA et al. 2014 AHA/ACC NSTE-ACS guideline, Circulation
  2014;130:e344-e426); with aspirin allergy the slot is dropped and a P2Y12 inhibitor is
  given alone (2014 NSTE-ACS, class I: clopidogrel for patients unable to take aspirin);
* a P2Y12 inhibitor: ticagrelor or clopidogrel, and prasugrel only at primary PCI for
  STEMI and never after a stroke/TIA (TRITON-TIMI 38; FDA boxed warning) or at age >= 75;
* a parenteral anticoagulant: unfractionated heparin or enoxaparin (STEMI, primary PCI);
  heparin, enoxaparin or fondaparinux (NSTEMI); heparin-induced thrombocytopenia rules
  out heparin and enoxaparin (Cuker A et al. ASH 2018 HIT guideline).

Low-risk chest pain takes no antithrombotic.  Pulmonary embolism after surgery takes
unfractionated heparin, or enoxaparin when CrCl >= 30 mL/min (Stevens SM et al. CHEST
2021 VTE guideline, Chest 2021;160:e545-e608: parenteral anticoagulation; heparin
preferred when bleeding risk is high or renal function is poor).

Antithrombotic combinations given for an acute coronary syndrome carry 'major' bleeding
interactions in the formulary; they are the guideline regimen, so interaction rules
are applied to antimicrobials only (:mod:`.antibiotics`).
"""

from __future__ import annotations

from ...clinical.drugs import drugs
from ...clinical.drugs.hazards import allergy_hits
from ...clinical.treatment_match import match_treatments
from ...clinical.treatments import TREATMENTS
from ...patients.model import Patient
from .antibiotics import crcl_values

P2Y12 = {
    "stemi": ("ticagrelor", "clopidogrel", "prasugrel"),
    "nstemi": ("ticagrelor", "clopidogrel"),
}
ANTICOAGULANTS = {
    "stemi": ("heparin", "enoxaparin"),
    "nstemi": ("heparin", "enoxaparin", "fondaparinux"),
}


ANTIPLATELETS = ("aspirin", "clopidogrel", "ticagrelor", "prasugrel")


def is_anticoagulant(name: str) -> bool:
    """Heparins, fondaparinux, direct oral anticoagulants and vitamin K antagonists (the
    formulary's highest bleeding class)."""
    d = drugs().get(name)
    return d is not None and d.bleeding >= 3


def is_antithrombotic(name: str) -> bool:
    """Antiplatelets, anticoagulants and NSAIDs (the formulary's bleeding-risk drugs)."""
    d = drugs().get(name)
    return d is not None and d.bleeding >= 2


def allergic(name: str, patient: Patient) -> bool:
    d = drugs().get(name)
    return d is not None and bool(allergy_hits(d, patient.allergies))


def comorbidity_contraindications(name: str, patient: Patient) -> list[str]:
    """Reasons from :data:`healthgym.clinical.treatments.TREATMENTS` (major)."""
    out = []
    for key in match_treatments(name):
        for c, why in TREATMENTS[key].contraindicated_in.items():
            if c in patient.comorbidities:
                out.append(why)
    return out


def _ok(name: str, patient: Patient) -> bool:
    if allergic(name, patient) or comorbidity_contraindications(name, patient):
        return False
    return not (name == "prasugrel" and patient.age >= 75)


def acs_slots(variant: str, patient: Patient) -> list[tuple[str, tuple[str, ...]]]:
    slots = []
    if _ok("aspirin", patient):
        slots.append(("aspirin", ("aspirin",)))
    slots.append(("P2Y12 inhibitor", tuple(n for n in P2Y12[variant] if _ok(n, patient))))
    slots.append(("anticoagulant", tuple(n for n in ANTICOAGULANTS[variant] if _ok(n, patient))))
    return slots


def pe_anticoagulants(patient: Patient) -> tuple[str, ...]:
    options = ["heparin"]
    if min(crcl_values(patient)) >= 30:
        options.append("enoxaparin")
    return tuple(n for n in options if _ok(n, patient))


def slots_filled(slots: list[tuple[str, tuple[str, ...]]], given: list[str]) -> bool:
    """Every slot has one of its drugs, and nothing outside the slots was given."""
    chosen = set(given)
    if not all(options and chosen & set(options) for _, options in slots):
        return False
    allowed = {n for _, options in slots for n in options}
    return chosen <= allowed and len(chosen) == len(slots)
