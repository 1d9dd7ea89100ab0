"""Vocabulary of the emergency-department encounter: ESI resources, GCS and AVPU findings,
and the past-history items a triage record lists.

Sources:

* ESI resources: Gilboy N, Tanabe P, Travers D, Rosenau AM. Emergency Severity Index
  (ESI): A Triage Tool for Emergency Department Care, Version 4. Implementation
  Handbook 2012 Edition. AHRQ Publication No. 12-0014 (chapter 5, resources).
* Glasgow Coma Scale: Teasdale G, Jennett B. Lancet 1974;2:81-84; the preverbal
  (paediatric) verbal and motor responses: James HE. Neurologic evaluation and
  support in the child with an acute brain insult. Pediatr Ann 1986;15:16-22.
* AVPU from eye opening (alert, voice, pain, unresponsive): the ESI v4 handbook's
  decision point A (an unresponsive patient, P or U, needs a life-saving intervention).
* Past-history items carrying the HEART score's risk factors and known atherosclerotic
  disease: Six AJ, Backus BE, Kelder JC. Neth Heart J 2008;16:191-6.

The records that use this vocabulary are :class:`healthgym.patients.encounter.TriagePatient`
(``resources``, ``gcs_*``, ``pmh``); the ESI truth derived from them is in
:mod:`healthgym.patients.esi`.
"""

from __future__ import annotations

from typing import Literal

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
# record and printed from it (:meth:`~healthgym.patients.encounter.TriagePatient.pmh_lines`)
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
