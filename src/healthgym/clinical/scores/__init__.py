"""Clinical risk scores as pure functions returning :class:`ScoreResult`.

Every function takes keyword-only arguments, validates them (raising ``ValueError``) and
cites its original publication in its docstring. ``SCORES`` maps each function name to the
function.
"""

from __future__ import annotations

from collections.abc import Callable

from healthgym.clinical.scores.caprini import caprini
from healthgym.clinical.scores.cardiac import cha2ds2_vasc, heart_score, timi_ua_nstemi
from healthgym.clinical.scores.gastro import (
    alvarado,
    bisap,
    child_pugh,
    glasgow_blatchford,
    meld_na,
)
from healthgym.clinical.scores.general import abcd2, anion_gap, gcs, news2, shock_index
from healthgym.clinical.scores.icu import apache_ii, sofa
from healthgym.clinical.scores.pharyngitis import feverpain
from healthgym.clinical.scores.pneumonia import psi
from healthgym.clinical.scores.pulmonary import centor_mcisaac, crb65, curb65
from healthgym.clinical.scores.result import ScoreResult
from healthgym.clinical.scores.risk import charlson, has_bled, rcri
from healthgym.clinical.scores.sepsis import qsofa, sirs
from healthgym.clinical.scores.vte import perc, wells_dvt, wells_pe

SCORES: dict[str, Callable[..., ScoreResult]] = {
    fn.__name__: fn
    for fn in (
        curb65,
        crb65,
        wells_pe,
        wells_dvt,
        perc,
        heart_score,
        timi_ua_nstemi,
        cha2ds2_vasc,
        centor_mcisaac,
        alvarado,
        qsofa,
        sirs,
        bisap,
        glasgow_blatchford,
        child_pugh,
        meld_na,
        gcs,
        shock_index,
        anion_gap,
        abcd2,
        news2,
        has_bled,
        rcri,
        feverpain,
        apache_ii,
        psi,
        charlson,
        caprini,
        sofa,
    )
}

__all__ = [
    "SCORES",
    "ScoreResult",
    "abcd2",
    "alvarado",
    "anion_gap",
    "apache_ii",
    "bisap",
    "caprini",
    "centor_mcisaac",
    "cha2ds2_vasc",
    "charlson",
    "child_pugh",
    "crb65",
    "curb65",
    "feverpain",
    "gcs",
    "glasgow_blatchford",
    "has_bled",
    "heart_score",
    "meld_na",
    "news2",
    "perc",
    "psi",
    "qsofa",
    "rcri",
    "shock_index",
    "sirs",
    "sofa",
    "timi_ua_nstemi",
    "wells_dvt",
    "wells_pe",
]
