"""Clinical risk scores as pure functions returning :class:`ScoreResult`.

Every function takes keyword-only arguments, validates them (raising ``ValueError``) and
cites its original publication in its docstring. ``SCORES`` maps each function name to the
function.
"""

from __future__ import annotations

from collections.abc import Callable

from healthgym.clinical.scores.cardiac import cha2ds2_vasc, heart_score, timi_ua_nstemi
from healthgym.clinical.scores.gastro import (
    alvarado,
    bisap,
    child_pugh,
    glasgow_blatchford,
    meld_na,
)
from healthgym.clinical.scores.general import abcd2, anion_gap, gcs, news2, shock_index
from healthgym.clinical.scores.pulmonary import centor_mcisaac, crb65, curb65
from healthgym.clinical.scores.result import ScoreResult
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
    )
}

__all__ = [
    "SCORES",
    "ScoreResult",
    "abcd2",
    "alvarado",
    "anion_gap",
    "bisap",
    "centor_mcisaac",
    "cha2ds2_vasc",
    "child_pugh",
    "crb65",
    "curb65",
    "gcs",
    "glasgow_blatchford",
    "heart_score",
    "meld_na",
    "news2",
    "perc",
    "qsofa",
    "shock_index",
    "sirs",
    "timi_ua_nstemi",
    "wells_dvt",
    "wells_pe",
]
