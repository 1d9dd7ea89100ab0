"""Shared vocabulary of radiology_report: systems, follow-up codes, critical findings.

The follow-up codes name the management of each published table (their sources are
cited in the rule module that returns them: imaging_chest, imaging_thyroid,
imaging_breast and imaging_renal of :mod:`healthgym.clinical.guidelines`); the texts
are this project's paraphrases of those recommendations.
"""

from __future__ import annotations

from typing import Literal

SYSTEMS = ("fleischner_2017", "acr_tirads", "birads", "bosniak_2019")
System = Literal["fleischner_2017", "acr_tirads", "birads", "bosniak_2019"]
SYSTEM_NAMES = {
    "fleischner_2017": "Fleischner Society 2017",
    "acr_tirads": "ACR TI-RADS",
    "birads": "ACR BI-RADS (5th edition)",
    "bosniak_2019": "Bosniak classification, version 2019",
}

# follow-up code -> recommendation text, grouped by system
FLEISCHNER_FOLLOW_UP: dict[str, str] = {
    "no_routine_follow_up": "No routine follow-up.",
    "optional_ct_at_12_months": "Optional CT at 12 months.",
    "ct_6_12_months_then_consider_ct_18_24_months": (
        "CT at 6-12 months, then consider CT at 18-24 months."
    ),
    "ct_6_12_months_then_ct_18_24_months": "CT at 6-12 months, then CT at 18-24 months.",
    "consider_ct_3_months_pet_ct_or_tissue_sampling": (
        "Consider CT at 3 months, PET/CT, or tissue sampling."
    ),
    "ct_3_6_months_then_consider_ct_18_24_months": (
        "CT at 3-6 months, then consider CT at 18-24 months."
    ),
    "ct_3_6_months_then_ct_18_24_months": "CT at 3-6 months, then CT at 18-24 months.",
    "ct_6_12_months_then_every_2_years_until_5_years": (
        "CT at 6-12 months to confirm persistence, then CT every 2 years until 5 years."
    ),
    "ct_3_6_months_then_annual_ct_for_5_years": (
        "CT at 3-6 months to confirm persistence; if unchanged and the solid component "
        "remains <6 mm, annual CT for 5 years."
    ),
    "ct_3_6_months_persistent_highly_suspicious": (
        "CT at 3-6 months to confirm persistence; a persistent part-solid nodule with a solid "
        "component of 6 mm or more is highly suspicious."
    ),
    "ct_3_6_months_then_consider_ct_at_2_and_4_years": (
        "CT at 3-6 months; if stable, consider CT at 2 and 4 years."
    ),
    "ct_3_6_months_then_manage_most_suspicious_nodule": (
        "CT at 3-6 months; subsequent management based on the most suspicious nodule(s)."
    ),
    "pet_ct_or_tissue_sampling": "Interval growth: PET/CT or tissue sampling.",
}
TIRADS_FOLLOW_UP: dict[str, str] = {
    "fine_needle_aspiration": "Ultrasound-guided fine-needle aspiration.",
    "ultrasound_follow_up": "Follow-up ultrasound.",
    "no_fna_or_follow_up": "No fine-needle aspiration or ultrasound follow-up.",
}
BIRADS_FOLLOW_UP: dict[str, str] = {
    "recall_for_additional_imaging": (
        "Recall for additional imaging and/or comparison with prior examinations."
    ),
    "routine_screening": "Routine mammography screening.",
    "short_interval_follow_up_6_months": "Short-interval (6-month) follow-up.",
    "tissue_diagnosis": "Tissue diagnosis (biopsy).",
    "surgical_excision_when_clinically_appropriate": (
        "Surgical excision when clinically appropriate."
    ),
}
BOSNIAK_FOLLOW_UP: dict[str, str] = {
    "no_follow_up": "No imaging follow-up.",
    "imaging_6_12_months_then_annually_to_5_years": (
        "Imaging follow-up at 6 and 12 months, then annually for a total of 5 years."
    ),
    "surgery_or_active_surveillance": "Urology referral: surgery or active surveillance.",
    "surgical_treatment": (
        "Urology referral: treatment (surgery, or ablation/surveillance in selected patients)."
    ),
}
FOLLOW_UP_TEXT: dict[str, str] = {
    **FLEISCHNER_FOLLOW_UP,
    **TIRADS_FOLLOW_UP,
    **BIRADS_FOLLOW_UP,
    **BOSNIAK_FOLLOW_UP,
}
FOLLOW_UP_BY_SYSTEM: dict[str, tuple[str, ...]] = {
    "fleischner_2017": tuple(FLEISCHNER_FOLLOW_UP),
    "acr_tirads": tuple(TIRADS_FOLLOW_UP),
    "birads": tuple(BIRADS_FOLLOW_UP),
    "bosniak_2019": tuple(BOSNIAK_FOLLOW_UP),
}
FollowUp = Literal[tuple(FOLLOW_UP_TEXT)]  # type: ignore[valid-type]

# management that works up a possible cancer, and management that does nothing: a report
# recommending the second where the first is due under-manages the patient (grading.py)
WORKUP_CODES = frozenset(
    {
        "consider_ct_3_months_pet_ct_or_tissue_sampling",
        "pet_ct_or_tissue_sampling",
        "fine_needle_aspiration",
        "tissue_diagnosis",
        "surgical_excision_when_clinically_appropriate",
        "recall_for_additional_imaging",
        "surgery_or_active_surveillance",
        "surgical_treatment",
    }
)
NO_ACTION_CODES = frozenset(
    {"no_routine_follow_up", "no_fna_or_follow_up", "routine_screening", "no_follow_up"}
)
INVASIVE_CODES = frozenset(
    {
        "pet_ct_or_tissue_sampling",
        "fine_needle_aspiration",
        "tissue_diagnosis",
        "surgical_excision_when_clinically_appropriate",
        "surgery_or_active_surveillance",
        "surgical_treatment",
    }
)

CRITICAL_FINDINGS = (
    "pulmonary_embolism",
    "pneumothorax",
    "pneumoperitoneum",
    "aortic_dissection",
    "intracranial_haemorrhage",
)
CriticalFinding = Literal[CRITICAL_FINDINGS]  # type: ignore[valid-type]
CriticalOrNone = Literal[("none", *CRITICAL_FINDINGS)]  # type: ignore[valid-type]
CRITICAL_NAMES = {
    "pulmonary_embolism": "pulmonary embolism",
    "pneumothorax": "pneumothorax",
    "pneumoperitoneum": "pneumoperitoneum (free intraperitoneal air)",
    "aortic_dissection": "aortic dissection",
    "intracranial_haemorrhage": "intracranial haemorrhage",
}
# words that name each critical finding in free text (impression check, leak test)
CRITICAL_WORDS: dict[str, tuple[str, ...]] = {
    "pulmonary_embolism": ("pulmonary embol", "embolus", "emboli", "embolism"),
    "pneumothorax": ("pneumothora",),
    "pneumoperitoneum": ("pneumoperitoneum", "free air", "free gas", "free intraperitoneal"),
    "aortic_dissection": ("dissection",),
    "intracranial_haemorrhage": (
        "haemorrhage",
        "hemorrhage",
        "haematoma",
        "hematoma",
        "bleed",
    ),
}

REPORT_SECTIONS = ("indication", "technique", "comparison", "findings", "impression")
ALL_SECTIONS = (*REPORT_SECTIONS, "recommendation")
CommunicationMethod = Literal["telephone", "in_person", "secure_message", "email"]
DIRECT_METHODS = frozenset({"telephone", "in_person"})
