"""Clinical risk scores as pure functions returning :class:`ScoreResult`, by specialty.

Every function takes keyword-only arguments, validates them (raising
``CalculatorInputError``, a ``ValueError``) and cites its original publication in its
docstring.  Each specialty module lists its scores in ``__all__``; the one registry of
every score and formula calculator, with its metadata, is
:mod:`healthgym.clinical.registry`.  This package re-exports every score by name.
"""

from __future__ import annotations

from healthgym.clinical.scores.acid_base import anion_gap
from healthgym.clinical.scores.caprini import caprini
from healthgym.clinical.scores.cardiac import cha2ds2_vasc, heart_score, timi_ua_nstemi
from healthgym.clinical.scores.cardiology_rules import duke_criteria, qtc_risk_category
from healthgym.clinical.scores.dosing import egfr_dose_band
from healthgym.clinical.scores.early_warning import news2, shock_index
from healthgym.clinical.scores.gastro import (
    alvarado,
    bisap,
    child_pugh,
    glasgow_blatchford,
    meld_na,
)
from healthgym.clinical.scores.icu import apache_ii, sofa
from healthgym.clinical.scores.injury_rules import (
    canadian_ct_head_rule,
    ottawa_ankle_rule,
    ottawa_foot_rule,
)
from healthgym.clinical.scores.neuro import abcd2, gcs, nihss
from healthgym.clinical.scores.obstetric import apgar, bishop_score
from healthgym.clinical.scores.pancreatitis import ranson
from healthgym.clinical.scores.pharyngitis import feverpain
from healthgym.clinical.scores.pneumonia import psi
from healthgym.clinical.scores.psychiatric import c_ssrs_screen, gad7, mdq, pcl5, phq9
from healthgym.clinical.scores.pulmonary import centor_mcisaac, crb65, curb65
from healthgym.clinical.scores.readmission import lace_index
from healthgym.clinical.scores.renal_scores import kdigo_aki_stage
from healthgym.clinical.scores.result import ScoreResult
from healthgym.clinical.scores.risk import charlson, has_bled, rcri
from healthgym.clinical.scores.sepsis import qsofa, sirs
from healthgym.clinical.scores.substance_use import audit, audit_c, cage, dast10
from healthgym.clinical.scores.trauma_triage import (
    jumpstart_triage,
    revised_trauma_score,
    start_triage,
    triage_revised_trauma_score,
)
from healthgym.clinical.scores.triage import esi_danger_zone_vitals, esi_level
from healthgym.clinical.scores.vte import perc, wells_dvt, wells_pe
from healthgym.clinical.scores.vte_severity import pesi, spesi

__all__ = [
    "ScoreResult",
    "abcd2",
    "alvarado",
    "anion_gap",
    "apache_ii",
    "apgar",
    "audit",
    "audit_c",
    "bisap",
    "bishop_score",
    "c_ssrs_screen",
    "cage",
    "canadian_ct_head_rule",
    "caprini",
    "centor_mcisaac",
    "cha2ds2_vasc",
    "charlson",
    "child_pugh",
    "crb65",
    "curb65",
    "dast10",
    "duke_criteria",
    "egfr_dose_band",
    "esi_danger_zone_vitals",
    "esi_level",
    "feverpain",
    "gad7",
    "gcs",
    "glasgow_blatchford",
    "has_bled",
    "heart_score",
    "jumpstart_triage",
    "kdigo_aki_stage",
    "lace_index",
    "mdq",
    "meld_na",
    "news2",
    "nihss",
    "ottawa_ankle_rule",
    "ottawa_foot_rule",
    "pcl5",
    "perc",
    "pesi",
    "phq9",
    "psi",
    "qsofa",
    "qtc_risk_category",
    "ranson",
    "rcri",
    "revised_trauma_score",
    "shock_index",
    "sirs",
    "sofa",
    "spesi",
    "start_triage",
    "timi_ua_nstemi",
    "triage_revised_trauma_score",
    "wells_dvt",
    "wells_pe",
]
