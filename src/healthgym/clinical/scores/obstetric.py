"""Obstetric and newborn scores: Bishop score and Apgar score."""

from __future__ import annotations

from typing import Literal

from healthgym.clinical.scores import _validation as v
from healthgym.clinical.scores.result import ScoreResult

__all__ = ["apgar", "bishop_score"]

_BISHOP_1964 = (
    "Bishop EH. Pelvic scoring for elective induction. Obstet Gynecol. 1964;24:266-268. "
    "Favourable/unfavourable thresholds: ACOG Practice Bulletin No. 107: Induction of "
    "labor. Obstet Gynecol. 2009;114(2 Pt 1):386-397."
)
_APGAR_1953 = (
    "Apgar V. A proposal for a new method of evaluation of the newborn infant. Curr Res "
    "Anesth Analg. 1953;32(4):260-267. Score bands: American Academy of Pediatrics "
    "Committee on Fetus and Newborn, American College of Obstetricians and Gynecologists "
    "Committee on Obstetric Practice. The Apgar Score. Pediatrics. 2015;136(4):819-822."
)

_CONSISTENCY = {"firm": 0.0, "medium": 1.0, "soft": 2.0}
_POSITION = {"posterior": 0.0, "mid": 1.0, "anterior": 2.0}


def _dilation_points(cm: float) -> float:
    if cm < 1:
        return 0.0
    if cm < 3:
        return 1.0
    return 2.0 if cm < 5 else 3.0


def _effacement_points(pct: float) -> float:
    if pct < 40:
        return 0.0
    if pct < 60:
        return 1.0
    return 2.0 if pct < 80 else 3.0


def _station_points(station: int) -> float:
    if station <= -3:
        return 0.0
    if station == -2:
        return 1.0
    return 2.0 if station <= 0 else 3.0


def bishop_score(
    *,
    dilation_cm: float,
    effacement_pct: float,
    station: int,
    consistency: Literal["firm", "medium", "soft"],
    position: Literal["posterior", "mid", "anterior"],
) -> ScoreResult:
    """Bishop score of cervical favourability before induction of labour (0-13).

    Source: Bishop EH. Obstet Gynecol 1964;24:266-268; thresholds from ACOG Practice
    Bulletin No. 107, 2009.

    * Dilation (cm): closed (< 1) 0; 1-2 1; 3-4 2; >= 5 3. Values between the rows fall in
      the row whose lower limit they reach (2.5 cm scores 1).
    * Effacement (%): 0-30 0; 40-50 1; 60-70 2; >= 80 3 (in between: < 40 0, < 60 1, < 80 2).
    * Station (-5 to +5, cm relative to the ischial spines): <= -3 0; -2 1; -1 or 0 2;
      >= +1 3.
    * Consistency: firm 0; medium 1; soft 2.
    * Position of the cervix: posterior 0; mid 1; anterior 2.

    Interpretation:

    * > 8: favourable cervix; the chance of vaginal delivery after induction is similar to
      that after spontaneous labour (ACOG 2009; Bishop found no failed inductions in
      multiparas scoring >= 9).
    * 7-8: intermediate.
    * <= 6: unfavourable cervix; consider cervical ripening before induction.
    """
    dilation = v.number("dilation_cm", dilation_cm, lo=0.0, hi=10.0)
    effacement = v.number("effacement_pct", effacement_pct, lo=v.PERCENT[0], hi=v.PERCENT[1])
    station = v.integer("station", station, lo=-5, hi=5)
    consistency = v.choice("consistency", consistency, _CONSISTENCY)
    position = v.choice("position", position, _POSITION)
    components = {
        "dilation": _dilation_points(dilation),
        "effacement": _effacement_points(effacement),
        "station": _station_points(station),
        "consistency": _CONSISTENCY[consistency],
        "position": _POSITION[position],
    }
    total = sum(components.values())
    if total > 8:
        band = "favourable cervix (>8); induction likely to succeed"
    elif total >= 7:
        band = "intermediate (7-8)"
    else:
        band = "unfavourable cervix (<=6); consider cervical ripening before induction"
    return ScoreResult(
        name="Bishop score",
        value=total,
        components=components,
        interpretation=f"Bishop score {total:g}: {band}",
        source=_BISHOP_1964,
    )


def apgar(
    *,
    heart_rate: int,
    respiratory_effort: int,
    muscle_tone: int,
    reflex_irritability: int,
    color: int,
) -> ScoreResult:
    """Apgar score of the newborn (0-10), usually at 1 and 5 minutes.

    Source: Apgar V. Curr Res Anesth Analg 1953;32:260-267; bands from AAP/ACOG, The Apgar
    Score, Pediatrics 2015;136:819-822.

    Each sign scores 0-2:

    * Heart rate: absent 0; < 100 /min 1; >= 100 /min 2.
    * Respiratory effort: absent 0; slow or irregular (weak cry) 1; good, crying 2.
    * Muscle tone: limp 0; some flexion of the extremities 1; active motion 2.
    * Reflex irritability (response to catheter in the nostril / stimulation): no response
      0; grimace 1; cough, sneeze or cry 2.
    * Colour: blue or pale 0; body pink, extremities blue (acrocyanosis) 1; completely
      pink 2.

    Interpretation (AAP/ACOG 2015):

    * 7-10: reassuring.
    * 4-6: moderately abnormal.
    * 0-3: low; in a term infant, continue scoring every 5 minutes up to 20 minutes while
      the score is < 7. The score alone does not diagnose asphyxia and does not decide
      whether to start resuscitation.
    """
    components = {
        "heart_rate": float(v.integer("heart_rate", heart_rate, lo=0, hi=2)),
        "respiratory_effort": float(
            v.integer("respiratory_effort", respiratory_effort, lo=0, hi=2)
        ),
        "muscle_tone": float(v.integer("muscle_tone", muscle_tone, lo=0, hi=2)),
        "reflex_irritability": float(
            v.integer("reflex_irritability", reflex_irritability, lo=0, hi=2)
        ),
        "color": float(v.integer("color", color, lo=0, hi=2)),
    }
    total = sum(components.values())
    if total >= 7:
        band = "reassuring (7-10)"
    elif total >= 4:
        band = "moderately abnormal (4-6)"
    else:
        band = "low (0-3)"
    if total < 7:
        band += "; repeat every 5 minutes up to 20 minutes while < 7"
    return ScoreResult(
        name="Apgar score",
        value=total,
        components=components,
        interpretation=f"Apgar {total:g}: {band}",
        source=_APGAR_1953,
    )
