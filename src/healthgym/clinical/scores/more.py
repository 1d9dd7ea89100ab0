"""Registry of the additional clinical scores (triage, psychiatry, obstetrics, renal, ...).

``MORE_SCORES`` maps each function name to the function, like ``SCORES`` in the package
``__init__``. ``MORE_NON_ADDITIVE`` names those whose value is not the sum of their
components (stages, categories, decision-rule outcomes).
"""

from __future__ import annotations

from collections.abc import Callable

from healthgym.clinical.scores.cardiology_rules import duke_criteria, qtc_risk_category
from healthgym.clinical.scores.dosing import egfr_dose_band
from healthgym.clinical.scores.injury_rules import (
    canadian_ct_head_rule,
    ottawa_ankle_rule,
    ottawa_foot_rule,
)
from healthgym.clinical.scores.neuro import nihss
from healthgym.clinical.scores.obstetric import apgar, bishop_score
from healthgym.clinical.scores.pancreatitis import ranson
from healthgym.clinical.scores.psychiatric import c_ssrs_screen, gad7, mdq, pcl5, phq9
from healthgym.clinical.scores.readmission import lace_index
from healthgym.clinical.scores.renal_scores import kdigo_aki_stage
from healthgym.clinical.scores.result import ScoreResult
from healthgym.clinical.scores.substance_use import audit, audit_c, cage, dast10
from healthgym.clinical.scores.trauma_triage import (
    jumpstart_triage,
    revised_trauma_score,
    start_triage,
    triage_revised_trauma_score,
)
from healthgym.clinical.scores.triage import esi_danger_zone_vitals, esi_level
from healthgym.clinical.scores.vte_severity import pesi, spesi

MORE_SCORES: dict[str, Callable[..., ScoreResult]] = {
    fn.__name__: fn
    for fn in (
        kdigo_aki_stage,
        lace_index,
        ranson,
        pesi,
        spesi,
        nihss,
        bishop_score,
        apgar,
        esi_danger_zone_vitals,
        esi_level,
        revised_trauma_score,
        triage_revised_trauma_score,
        start_triage,
        jumpstart_triage,
        phq9,
        gad7,
        audit,
        audit_c,
        pcl5,
        mdq,
        cage,
        dast10,
        c_ssrs_screen,
        ottawa_ankle_rule,
        ottawa_foot_rule,
        canadian_ct_head_rule,
        duke_criteria,
        qtc_risk_category,
        egfr_dose_band,
    )
}

# Value is a stage, category or rule outcome rather than the sum of the components.
MORE_NON_ADDITIVE: frozenset[str] = frozenset(
    {
        "kdigo_aki_stage",
        "esi_level",
        "start_triage",
        "jumpstart_triage",
        "c_ssrs_screen",
        "ottawa_ankle_rule",
        "ottawa_foot_rule",
        "canadian_ct_head_rule",
        "duke_criteria",
        "qtc_risk_category",
        "egfr_dose_band",
    }
)

__all__ = ["MORE_NON_ADDITIVE", "MORE_SCORES", *sorted(MORE_SCORES)]
