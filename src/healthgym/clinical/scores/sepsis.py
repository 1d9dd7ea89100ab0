"""Sepsis screening criteria (qSOFA, SIRS)."""

from __future__ import annotations

from healthgym.clinical.scores import _validation as v
from healthgym.clinical.scores.result import ScoreResult

__all__ = ["qsofa", "sirs"]

_SEYMOUR_2016 = (
    "Seymour CW, Liu VX, Iwashyna TJ, et al. Assessment of clinical criteria for sepsis: "
    "for the Third International Consensus Definitions for Sepsis and Septic Shock "
    "(Sepsis-3). JAMA. 2016;315(8):762-774. Singer M, Deutschman CS, Seymour CW, et al. "
    "The Third International Consensus Definitions for Sepsis and Septic Shock (Sepsis-3). "
    "JAMA. 2016;315(8):801-810."
)
_BONE_1992 = (
    "Bone RC, Balk RA, Cerra FB, et al. Definitions for sepsis and organ failure and "
    "guidelines for the use of innovative therapies in sepsis. The ACCP/SCCM Consensus "
    "Conference Committee. Chest. 1992;101(6):1644-1655."
)


def qsofa(*, respiratory_rate: float, sbp: float, altered_mentation: bool) -> ScoreResult:
    """Quick SOFA (qSOFA) bedside criteria (Sepsis-3).

    Source: Seymour CW, Liu VX, Iwashyna TJ, et al. JAMA 2016;315:762-774; Singer M et al.
    JAMA 2016;315:801-810.

    One point each:

    * Respiratory rate >= 22 /min.
    * Systolic blood pressure <= 100 mmHg.
    * Altered mentation (any GCS < 15).

    Interpretation:

    * 0-1: qSOFA negative; lower risk, but does not exclude sepsis - keep reassessing.
    * >= 2: qSOFA positive; in suspected infection outside the ICU, in-hospital mortality is
      3- to 14-fold higher than with a score < 2: assess for organ dysfunction (full SOFA),
      start/escalate sepsis management and consider ICU referral.
    """
    rr = v.number(
        "respiratory_rate", respiratory_rate, lo=v.RESPIRATORY_RATE[0], hi=v.RESPIRATORY_RATE[1]
    )
    sbp = v.number("sbp", sbp, lo=v.SBP[0], hi=v.SBP[1])
    components = {
        "respiratory_rate": float(rr >= 22),
        "sbp": float(sbp <= 100),
        "altered_mentation": float(v.flag("altered_mentation", altered_mentation)),
    }
    total = sum(components.values())
    if total < 2:
        band = (
            "qSOFA negative: lower risk of poor outcome, but sepsis is not excluded; "
            "continue to monitor"
        )
    else:
        band = (
            "qSOFA positive: high risk of poor outcome (in-hospital mortality 3- to "
            "14-fold higher); assess for organ dysfunction (SOFA), escalate sepsis care, "
            "consider ICU referral"
        )
    return ScoreResult(
        name="qSOFA",
        value=total,
        components=components,
        interpretation=f"qSOFA {total:g}: {band}",
        source=_SEYMOUR_2016,
    )


def sirs(
    *,
    temperature_c: float,
    heart_rate: float,
    respiratory_rate: float,
    wbc: float | None,
    paco2_mmhg: float | None = None,
    bands_pct: float | None = None,
) -> ScoreResult:
    """Systemic inflammatory response syndrome (SIRS) criteria.

    Source: Bone RC, Balk RA, Cerra FB, et al. (ACCP/SCCM Consensus Conference). Chest
    1992;101:1644-1655.

    One point per criterion met (value 0-4):

    * Temperature > 38 C or < 36 C.
    * Heart rate > 90 /min.
    * Respiratory rate > 20 /min or PaCO2 < 32 mmHg (PaCO2 optional).
    * White cell count > 12 or < 4 x10^9/L (12,000 / 4,000 per mm^3), or > 10% immature
      (band) forms (bands optional).  ``wbc=None`` means no count is available yet (e.g.
      at triage): that criterion is then not assessed and is left out of ``components``;
      the interpretation says so.  It is never assumed normal.

    Interpretation:

    * 0-1: SIRS criteria not met.
    * >= 2: SIRS present; when the response is due to documented or suspected infection this
      meets the 1992 ACCP/SCCM definition of sepsis: look for a source of infection and
      for organ dysfunction.
    """
    temp = v.number("temperature_c", temperature_c, lo=v.TEMPERATURE_C[0], hi=v.TEMPERATURE_C[1])
    hr = v.number("heart_rate", heart_rate, lo=v.HEART_RATE[0], hi=v.HEART_RATE[1])
    rr = v.number(
        "respiratory_rate", respiratory_rate, lo=v.RESPIRATORY_RATE[0], hi=v.RESPIRATORY_RATE[1]
    )
    count = None if wbc is None else v.number("wbc", wbc, lo=v.WBC[0], hi=v.WBC[1])
    paco2 = None if paco2_mmhg is None else v.number("paco2_mmhg", paco2_mmhg, lo=0.0, hi=250.0)
    bands = None if bands_pct is None else v.number("bands_pct", bands_pct, lo=0.0, hi=100.0)

    respiratory = rr > 20 or (paco2 is not None and paco2 < 32)
    components = {
        "temperature": float(temp > 38 or temp < 36),
        "heart_rate": float(hr > 90),
        "respiratory": float(respiratory),
    }
    if count is not None:
        white = count > 12 or count < 4 or (bands is not None and bands > 10)
        components["wbc"] = float(white)
    total = sum(components.values())
    if total < 2:
        band = "SIRS criteria not met (<2)"
    else:
        band = (
            "SIRS present (>=2 criteria); with suspected or documented infection this "
            "meets the 1992 ACCP/SCCM definition of sepsis - seek a source and assess "
            "for organ dysfunction"
        )
    return ScoreResult(
        name="SIRS",
        value=total,
        components=components,
        interpretation=f"SIRS {total:g}/4: {band}"
        if count is not None
        else f"SIRS {total:g} of the 3 criteria assessable without a white-cell count "
        f"(count not measured): {band}",
        source=_BONE_1992,
    )
