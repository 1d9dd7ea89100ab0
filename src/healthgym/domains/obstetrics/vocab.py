"""The answer vocabulary of obstetrics: task types, findings and management actions.

The submit tool takes a ``finding`` (one label of :data:`FINDINGS`) and ``actions``
(labels of :data:`ACTIONS`); both are JSON-schema enums, so an answer is graded
exactly.  Each action's meaning is spelled out in :data:`ACTION_TEXT`, which the
submit tool's description shows to the agent.
"""

from __future__ import annotations

from typing import Literal

TASK_TYPES: tuple[str, ...] = (
    "dating",
    "labour",
    "ctg",
    "hypertension",
    "gdm",
    "rhesus",
    "bpp",
    "apgar",
    "medication",
)

FINDINGS_BY_TYPE: dict[str, tuple[str, ...]] = {
    "dating": ("dated_by_lmp", "dated_by_ultrasound"),
    "labour": ("favourable_cervix", "unfavourable_cervix"),
    "ctg": ("category_i", "category_ii", "category_iii"),
    "hypertension": (
        "no_hypertensive_disorder",
        "gestational_hypertension",
        "preeclampsia_without_severe_features",
        "preeclampsia_with_severe_features",
    ),
    "gdm": ("gdm", "no_gdm"),
    "rhesus": ("rh_positive", "rh_negative_unsensitised", "rh_negative_alloimmunised"),
    "bpp": (
        "bpp_normal",
        "bpp_equivocal",
        "bpp_abnormal",
        "modified_bpp_normal",
        "modified_bpp_abnormal",
    ),
    "apgar": ("apgar_reassuring", "apgar_moderately_abnormal", "apgar_low"),
    "medication": ("unsafe_medication_identified", "medications_compatible"),
}
FINDINGS: tuple[str, ...] = tuple(f for fs in FINDINGS_BY_TYPE.values() for f in fs)

ACTION_TEXT: dict[str, str] = {
    "routine_prenatal_care": "continue routine prenatal care",
    "expectant_management": "expectant management with maternal and fetal surveillance",
    "delivery": "plan or expedite delivery (after maternal stabilisation where needed)",
    "magnesium_sulfate": "magnesium sulfate for seizure prophylaxis",
    "antihypertensive": "acute antihypertensive treatment (labetalol, hydralazine, nifedipine)",
    "antenatal_corticosteroids": "antenatal corticosteroids for fetal lung maturity",
    "routine_monitoring": "continue routine intrapartum monitoring",
    "continued_surveillance": "continued surveillance and re-evaluation of the tracing",
    "intrauterine_resuscitation": "intrauterine resuscitative measures",
    "medical_nutrition_therapy": "medical nutrition therapy with glucose self-monitoring",
    "rh_immune_globulin": "give Rh D immune globulin",
    "fetomaternal_hemorrhage_screen": "screen for excess fetomaternal haemorrhage",
    "antibody_titre_monitoring": "serial anti-D titres with maternal-fetal medicine",
    "misoprostol_ripening": "cervical ripening with misoprostol",
    "dinoprostone_ripening": "cervical ripening with dinoprostone",
    "balloon_catheter_ripening": "mechanical cervical ripening with a balloon catheter",
    "oxytocin_induction": "induction with oxytocin",
    "amniotomy": "artificial rupture of membranes",
    "routine_antenatal_testing": "continue antenatal testing at the usual interval",
    "repeat_bpp_within_24h": "repeat the biophysical profile within 24 hours",
    "full_bpp": "further evaluation with a full biophysical profile",
    "routine_newborn_care": "routine newborn care with the mother",
    "initial_steps_and_monitoring": "initial newborn steps (warm, dry, stimulate, airway) "
    "and pulse oximetry",
    "positive_pressure_ventilation": "positive-pressure ventilation",
    "continue_apgar_every_5_min": "keep assigning Apgar scores every 5 minutes to 20 minutes",
}
ACTIONS: tuple[str, ...] = tuple(ACTION_TEXT)
RIPENING: frozenset[str] = frozenset(
    {"misoprostol_ripening", "dinoprostone_ripening", "balloon_catheter_ripening"}
)

Finding = Literal[FINDINGS]  # type: ignore[valid-type]
Action = Literal[ACTIONS]  # type: ignore[valid-type]


def finding_words(finding: str) -> str:
    """A finding label as words ('category_iii' -> 'category iii')."""
    return finding.replace("_", " ")
