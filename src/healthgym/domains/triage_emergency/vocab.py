"""Vocabulary of triage_emergency's answers: orders, care areas, mass-casualty categories,
point-of-care tests.

Life-saving interventions: Gilboy N, Tanabe P, Travers D, Rosenau AM. Emergency
Severity Index (ESI): A Triage Tool for Emergency Department Care, Version 4.
Implementation Handbook 2012 Edition. AHRQ Publication No. 12-0014 (chapter 3).  The
vocabulary of the encounter record itself (ESI resources, GCS and AVPU findings, past
history) is :mod:`healthgym.clinical.triage_vocab`; the protocols are
:mod:`healthgym.clinical.triage`.
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

POC_TESTS: tuple[str, ...] = ("glucose", "troponin", "lactate", "urine_hcg")
PocTest = Literal[POC_TESTS]  # type: ignore[valid-type]
