"""Acid-base scores: the serum anion gap."""

from __future__ import annotations

from healthgym.clinical.scores import _validation as v
from healthgym.clinical.scores.result import ScoreResult

__all__ = ["anion_gap"]

_ANION_GAP = (
    "Kraut JA, Madias NE. Serum anion gap: its uses and limitations in clinical medicine. "
    "Clin J Am Soc Nephrol. 2007;2(1):162-174. Reference interval 3-11 mEq/L (ion-selective "
    "electrode analysers): Sadjadi SA, Manalo R, Jaipaul N, McMillan J. Int J Nephrol "
    "Renovasc Dis. 2013;6:101-105."
)


def anion_gap(*, sodium: float, chloride: float, bicarbonate: float) -> ScoreResult:
    """Serum anion gap = Na - (Cl + HCO3), mEq/L, without potassium or albumin correction.

    Sources: Kraut JA, Madias NE. Clin J Am Soc Nephrol 2007;2:162-174. Reference interval
    used here: 3-11 mEq/L, as measured with ion-selective-electrode analysers (Sadjadi SA et
    al. Int J Nephrol Renovasc Dis 2013;6:101-105). The older flame-photometry era value
    was 12 +/- 4 mEq/L; laboratories should use their own interval.

    Interpretation:

    * < 3: low (laboratory error, hypoalbuminaemia, paraproteinaemia, lithium/bromide).
    * 3-11: normal (in metabolic acidosis: normal-gap / hyperchloraemic acidosis).
    * > 11: elevated (suggests high-anion-gap metabolic acidosis, e.g. lactate, ketones,
      renal failure, toxic alcohols, salicylate).

    ``components`` holds the signed contribution of each ion so that they sum to the value.
    """
    na = v.number("sodium", sodium, lo=80.0, hi=200.0)
    cl = v.number("chloride", chloride, lo=40.0, hi=160.0)
    hco3 = v.number("bicarbonate", bicarbonate, lo=0.0, hi=70.0)
    value = round(na - cl - hco3, 6)
    if value < 3:
        band = "low (<3); check for laboratory error, hypoalbuminaemia or paraproteinaemia"
    elif value <= 11:
        band = "normal (3-11)"
    else:
        band = (
            "elevated (>11); suggests high-anion-gap metabolic acidosis (lactate, "
            "ketoacids, uraemia, toxic alcohols, salicylate)"
        )
    return ScoreResult(
        name="Anion gap",
        value=value,
        components={"sodium": na, "chloride": -cl, "bicarbonate": -hco3},
        interpretation=f"Anion gap {value:g} mEq/L: {band}",
        source=_ANION_GAP,
    )
