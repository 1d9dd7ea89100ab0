"""Vocabulary of triage_emergency: orders, care areas, ESI resources, GCS findings.

Sources:

* ESI resources and life-saving interventions: Gilboy N, Tanabe P, Travers D,
  Rosenau AM. Emergency Severity Index (ESI): A Triage Tool for Emergency Department
  Care, Version 4. Implementation Handbook 2012 Edition. AHRQ Publication No.
  12-0014 (chapter 3, life-saving interventions; chapter 5, resources).
* Glasgow Coma Scale: Teasdale G, Jennett B. Lancet 1974;2:81-84; the preverbal
  (paediatric) verbal and motor responses: James HE. Neurologic evaluation and
  support in the child with an acute brain insult. Pediatr Ann 1986;15:16-22.
"""

from __future__ import annotations

from typing import Literal

# ------------------------------------------------------------------ immediate orders
ORDERS: dict[str, str] = {
    "cpr_defibrillation": "start CPR and defibrillation (ACLS/PALS)",
    "airway_support": "airway and ventilation support (positioning, bag-valve-mask, intubation)",
    "naloxone": "naloxone for opioid toxicity with respiratory depression",
    "iv_dextrose": "IV dextrose for hypoglycaemia",
    "im_epinephrine": "IM epinephrine for anaphylaxis",
    "iv_fluid_bolus": "resuscitation fluid bolus / blood for shock",
    "hemorrhage_control": "control of major external haemorrhage (pressure, tourniquet)",
    "oxygen": "supplemental oxygen",
    "iv_access": "IV access",
    "cardiac_monitor": "continuous cardiac monitoring",
    "ecg_12_lead": "12-lead ECG within 10 minutes of arrival",
    "poc_glucose": "point-of-care blood glucose",
    "analgesia": "analgesia",
    "spinal_motion_restriction": "spinal motion restriction",
    "one_to_one_observation": "continuous one-to-one observation and a ligature-safe room",
    "stroke_alert": "stroke team activation (code stroke)",
    "stemi_alert": "STEMI / catheterisation-laboratory activation",
    "sepsis_alert": "sepsis pathway activation (lactate, cultures, antibiotics within 1 h)",
    "trauma_activation": "full trauma team activation",
}
OrderKey = Literal[tuple(ORDERS)]  # type: ignore[valid-type]

# Orders that are life-saving interventions in the ESI handbook's sense (chapter 3).
LSI_ORDERS: frozenset[str] = frozenset(
    {
        "cpr_defibrillation",
        "airway_support",
        "naloxone",
        "iv_dextrose",
        "im_epinephrine",
        "iv_fluid_bolus",
        "hemorrhage_control",
    }
)
# The handbook category of each life-saving intervention (chapter 3). No tool prints
# these: whether an intervention is needed, and life-saving, is the agent's judgment.
LSI_CATEGORY: dict[str, str] = {
    "cpr_defibrillation": "electrical therapy / CPR (pulseless)",
    "airway_support": "airway/breathing (airway or ventilation must be supported)",
    "naloxone": "emergency medication",
    "iv_dextrose": "emergency medication",
    "im_epinephrine": "emergency medication",
    "iv_fluid_bolus": "haemodynamic (major fluid or blood resuscitation, bleeding control)",
    "hemorrhage_control": "haemodynamic (major fluid or blood resuscitation, bleeding control)",
}
ACTIVATIONS: tuple[str, ...] = ("stroke_alert", "stemi_alert", "sepsis_alert", "trauma_activation")

# ------------------------------------------------------------------ care areas
DISPOSITIONS: dict[str, str] = {
    "resuscitation_bay": "resuscitation room, physician at the bedside now",
    "monitored_bed": "monitored acute bed now, without waiting",
    "safe_room": "ligature-safe room with continuous observation, without waiting",
    "acute_bed": "main emergency department bed as one becomes available",
    "fast_track": "fast-track / minor-care stream",
}
Disposition = Literal[tuple(DISPOSITIONS)]  # type: ignore[valid-type]

MCI_CATEGORIES: tuple[str, ...] = ("immediate", "delayed", "minor", "expectant")
# library code (start_triage / jumpstart_triage value) -> category word
MCI_CODE: dict[int, str] = {1: "immediate", 2: "delayed", 3: "minor", 4: "expectant"}

# ------------------------------------------------------------------ ESI resources
# type -> (label, resources counted). Resources are counted by type: several tests of
# one type (a CBC and electrolytes; two radiographs) are one resource; a complex
# procedure counts two (ESI handbook chapter 5, table of resources).
RESOURCE_TYPES: dict[str, tuple[str, int]] = {
    "labs": ("laboratory tests (blood, urine)", 1),
    "ecg": ("ECG", 1),
    "xray": ("plain radiographs", 1),
    "advanced_imaging": ("CT, MRI, ultrasound or angiography", 1),
    "iv_fluids": ("IV fluids (hydration)", 1),
    "parenteral_meds": ("IV, IM or nebulised medications", 1),
    "consult": ("specialty consultation", 1),
    "simple_procedure": ("simple procedure (laceration repair, urinary catheter)", 1),
    "complex_procedure": ("complex procedure (procedural sedation)", 2),
}
NOT_RESOURCES: dict[str, str] = {
    "history_exam": "history and physical examination (including pelvic)",
    "poc_test": "point-of-care testing",
    "saline_lock": "saline or heparin lock",
    "oral_meds": "oral medications",
    "tetanus": "tetanus immunisation",
    "prescription": "prescription refill",
    "phone_call": "phone call to the primary care physician",
    "simple_wound_care": "simple wound care (dressings, recheck)",
    "splint": "crutches, splints, slings",
}

# ------------------------------------------------------------------ GCS findings
# key -> (points, how the finding is described at the bedside)
GCS_EYE: dict[str, tuple[int, str]] = {
    "spontaneous": (4, "eyes open spontaneously"),
    "to_sound": (3, "eyes open to voice"),
    "to_pressure": (2, "eyes open only to a painful stimulus"),
    "none": (1, "no eye opening, even to pain"),
}
GCS_VERBAL: dict[str, tuple[int, str]] = {
    "oriented": (5, "oriented conversation"),
    "confused": (4, "confused conversation, disoriented to time and place"),
    "words": (3, "inappropriate words"),
    "sounds": (2, "incomprehensible sounds only"),
    "none": (1, "no verbal response"),
    "coos_babbles": (5, "coos and babbles (preverbal)"),
    "irritable_cry": (4, "irritable but consolable cry"),
    "cries_to_pain": (3, "cries only to pain"),
    "moans_to_pain": (2, "moans only to pain"),
}
GCS_MOTOR: dict[str, tuple[int, str]] = {
    "obeys": (6, "obeys commands"),
    "localises": (5, "localises to a painful stimulus"),
    "withdraws": (4, "withdraws from pain (normal flexion)"),
    "abnormal_flexion": (3, "abnormal (decorticate) flexion to pain"),
    "extension": (2, "extension (decerebrate) to pain"),
    "none": (1, "no motor response"),
    "spontaneous_movement": (6, "moves all limbs spontaneously and purposefully (preverbal)"),
    "withdraws_to_touch": (5, "withdraws to touch (preverbal)"),
}
GcsEye = Literal[tuple(GCS_EYE)]  # type: ignore[valid-type]
GcsVerbal = Literal[tuple(GCS_VERBAL)]  # type: ignore[valid-type]
GcsMotor = Literal[tuple(GCS_MOTOR)]  # type: ignore[valid-type]
AVPU_BY_EYE: dict[str, str] = {"spontaneous": "A", "to_sound": "V", "to_pressure": "P", "none": "U"}
AVPU_TEXT: dict[str, str] = {
    "A": "alert",
    "V": "responds to voice",
    "P": "responds only to pain",
    "U": "unresponsive",
}

# ------------------------------------------------------------------ history
# past-history key -> (display name, HEART risk factor, known atherosclerotic disease);
# the display names hold no numbers of their own: a detail with a number (the relative's
# age at a premature myocardial infarction, the CKD stage) is a field of the patient's
# record and printed from it (:func:`pmh_text`)
PMH: dict[str, tuple[str, bool, bool]] = {
    "hypertension": ("hypertension", True, False),
    "hyperlipidaemia": ("hypercholesterolaemia", True, False),
    "diabetes_t2": ("type 2 diabetes", True, False),
    "diabetes_t1": ("type 1 diabetes on insulin", True, False),
    "smoker": ("current smoker", True, False),
    "family_history_cad": (
        "family history of premature coronary artery disease",
        True,
        False,
    ),
    "obesity": ("obesity", True, False),
    "cad": ("coronary artery disease with a stent", False, True),
    "prior_stroke": ("previous ischaemic stroke", False, True),
    "atrial_fibrillation": ("atrial fibrillation on warfarin", False, False),
    "asthma": ("asthma", False, False),
    "copd": ("COPD", False, False),
    "depression": ("depression", False, False),
    "opioid_use": ("opioid use disorder", False, False),
    "dementia": ("mild cognitive impairment", False, False),
    "sickle_cell": ("sickle cell disease", False, False),
    "ckd": ("chronic kidney disease", False, False),
    "eczema": ("eczema", False, False),
    "none": ("no significant past history", False, False),
}

PROTOCOLS: tuple[str, ...] = (
    "esi",
    "stroke",
    "stemi",
    "trauma",
    "sepsis",
    "suicide",
    "start",
    "jumpstart",
)
Protocol = Literal[PROTOCOLS]  # type: ignore[valid-type]
POC_TESTS: tuple[str, ...] = ("glucose", "troponin", "lactate", "urine_hcg")
PocTest = Literal[POC_TESTS]  # type: ignore[valid-type]
