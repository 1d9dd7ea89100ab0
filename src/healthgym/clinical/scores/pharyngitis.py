"""Sore-throat scores (FeverPAIN)."""

from __future__ import annotations

from healthgym.clinical.scores import _validation as v
from healthgym.clinical.scores.result import ScoreResult

__all__ = ["feverpain"]

_LITTLE_2013 = (
    "Little P, Hobbs FD, Moore M, et al. Clinical score and rapid antigen detection test to "
    "guide antibiotic use for sore throats: randomised controlled trial of PRISM (primary "
    "care streptococcal management). BMJ. 2013;347:f5806. Derivation: Little P, Moore M, "
    "Hobbs FD, et al. BMJ Open. 2013;3(10):e003943."
)


def feverpain(
    *,
    fever_past_24h: bool,
    purulence: bool,
    attend_rapidly_within_3_days: bool,
    severely_inflamed_tonsils: bool,
    no_cough_or_coryza: bool,
) -> ScoreResult:
    """FeverPAIN score for streptococcal (Lancefield A/C/G) pharyngitis.

    Source: Little P, Hobbs FD, Moore M, et al. BMJ 2013;347:f5806 (PRISM trial; score
    derived in Little P et al. BMJ Open 2013;3:e003943).

    One point each (range 0-5):

    * Fever: fever in the past 24 hours.
    * Purulence: pus on the tonsils.
    * Attend rapidly: presentation within 3 days of symptom onset.
    * Inflamed tonsils: severely inflamed tonsils.
    * No cough or coryza.

    Interpretation (probability of isolating streptococci and the PRISM strategy; NICE
    NG84 uses the same bands):

    * 0-1: ~13-18%; no antibiotic.
    * 2-3: ~34-40%; consider no antibiotic or a delayed (back-up) prescription.
    * 4-5: ~62-65%; consider an immediate antibiotic, or a delayed prescription.
    """
    components = {
        "fever": float(v.flag("fever_past_24h", fever_past_24h)),
        "purulence": float(v.flag("purulence", purulence)),
        "attend_rapidly": float(
            v.flag("attend_rapidly_within_3_days", attend_rapidly_within_3_days)
        ),
        "inflamed_tonsils": float(v.flag("severely_inflamed_tonsils", severely_inflamed_tonsils)),
        "no_cough_or_coryza": float(v.flag("no_cough_or_coryza", no_cough_or_coryza)),
    }
    total = sum(components.values())
    if total <= 1:
        band = "streptococcal probability ~13-18%; no antibiotic"
    elif total <= 3:
        band = (
            "streptococcal probability ~34-40%; consider no antibiotic or a delayed "
            "(back-up) prescription"
        )
    else:
        band = (
            "streptococcal probability ~62-65%; consider an immediate antibiotic or a "
            "delayed prescription"
        )
    return ScoreResult(
        name="FeverPAIN",
        value=total,
        components=components,
        interpretation=f"FeverPAIN {total:g}: {band}",
        source=_LITTLE_2013,
    )
