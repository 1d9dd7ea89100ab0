"""Fetal and neonatal rules: NICHD tracing categories, NST, biophysical profile, newborn.

Pure functions, each with its source:

* Macones GA, Hankins GDV, Spong CY, Hauth J, Moore T. The 2008 National Institute of
  Child Health and Human Development workshop report on electronic fetal monitoring:
  update on definitions, interpretation, and research guidelines. Obstet Gynecol
  2008;112:661-666 (definitions and the three-tier categories), and ACOG Practice
  Bulletin No. 116: Management of intrapartum fetal heart rate tracings. Obstet Gynecol
  2010;116:1232-1240 (management by category).
* Manning FA, Platt LD, Sipos L. Antepartum fetal evaluation: development of a fetal
  biophysical profile. Am J Obstet Gynecol 1980;136:787-795 (five components, 2 points
  each); management by score after Manning FA et al. Am J Obstet Gynecol
  1987;157:880-884; ACOG Practice Bulletin No. 229: Antepartum fetal surveillance. Obstet
  Gynecol 2021;137:e116-e127 (8-10 normal, 6 equivocal, <= 4 abnormal; amniotic fluid
  normal when the deepest vertical pocket exceeds 2 cm; modified BPP = NST + fluid).
* Aziz K, et al. Part 5: Neonatal resuscitation. 2020 AHA Guidelines. Circulation
  2020;142(suppl 2):S524-S550, and AAP/ACOG. The Apgar score. Pediatrics
  2015;136:819-822.
"""

from __future__ import annotations

from typing import Literal

from .plan import Plan

Variability = Literal["absent", "minimal", "moderate", "marked"]
Recurrence = Literal["none", "intermittent", "recurrent"]


def variability_class(amplitude_bpm: float) -> Variability:
    """Baseline variability by amplitude range: undetectable (0) absent, <= 5 minimal,
    6-25 moderate, > 25 marked (NICHD 2008)."""
    if amplitude_bpm <= 0:
        return "absent"
    if amplitude_bpm <= 5:
        return "minimal"
    return "moderate" if amplitude_bpm <= 25 else "marked"


def deceleration_type(onset_to_nadir_s: float, nadir_timing: str, duration_s: float) -> str:
    """NICHD deceleration type: prolonged (>= 2 min and < 10 min); abrupt (onset to
    nadir < 30 s) variable; gradual with the nadir at the contraction peak early, with
    the nadir after the peak late."""
    if duration_s >= 120:
        return "prolonged"
    if onset_to_nadir_s < 30:
        return "variable"
    return "early" if nadir_timing == "coincident" else "late"


def recurrence(n_with_type: int, n_contractions: int) -> Recurrence:
    """Recurrent when the decelerations accompany >= 50% of contractions in 20 minutes."""
    if n_with_type == 0:
        return "none"
    if n_contractions and n_with_type / n_contractions >= 0.5:
        return "recurrent"
    return "intermittent"


def nichd_category(
    baseline_bpm: float,
    variability: str,
    late: str = "none",
    variable: str = "none",
    prolonged: bool = False,
    sinusoidal: bool = False,
) -> str:
    """NICHD three-tier category 'I', 'II' or 'III' (Macones 2008).

    III: sinusoidal pattern, or absent variability with recurrent late decelerations,
    recurrent variable decelerations or bradycardia (< 110 bpm).  I: baseline 110-160,
    moderate variability, no late, variable or prolonged decelerations (early
    decelerations and accelerations may or may not be present).  II: everything else.
    Accelerations and early decelerations do not change the category.
    """
    if sinusoidal:
        return "III"
    if variability == "absent" and (
        late == "recurrent" or variable == "recurrent" or baseline_bpm < 110
    ):
        return "III"
    if (
        110 <= baseline_bpm <= 160
        and variability == "moderate"
        and late == "none"
        and variable == "none"
        and not prolonged
    ):
        return "I"
    return "II"


def ctg_plan(category: str) -> Plan:
    """Management by category (ACOG PB 116): I routine monitoring; II evaluation,
    intrauterine resuscitation as indicated and continued surveillance; III prompt
    intrauterine resuscitation and, if the tracing does not resolve, expedited
    delivery."""
    if category == "I":
        return Plan(
            required=(("routine_monitoring",),),
            forbidden=("delivery", "intrauterine_resuscitation"),
        )
    if category == "II":
        return Plan(
            required=(("intrauterine_resuscitation",), ("continued_surveillance",)),
            forbidden=("routine_monitoring",),
        )
    return Plan(
        required=(("intrauterine_resuscitation",), ("delivery",)),
        forbidden=("routine_monitoring",),
    )


def acceleration_qualifies(amplitude_bpm: float, duration_s: float, ga_weeks: int) -> bool:
    """An acceleration: >= 15 bpm for >= 15 s from 32 weeks; >= 10 bpm for >= 10 s before
    (NICHD 2008); lasting less than 2 minutes."""
    need = 15 if ga_weeks >= 32 else 10
    return amplitude_bpm >= need and need <= duration_s < 120


def nst_reactive(qualifying_accelerations: int) -> bool:
    """Reactive NST: two or more accelerations within 20 minutes (ACOG PB 229)."""
    return qualifying_accelerations >= 2


def bpp_points(
    nst_reactive: bool,
    breathing_30s: bool,
    body_movements: int,
    tone: bool,
    deepest_pocket_cm: float,
) -> dict[str, int]:
    """Points per BPP component (Manning 1980; fluid by PB 229): 2 or 0 each.

    Breathing: >= 1 episode of rhythmic breathing lasting >= 30 s in 30 minutes.
    Movement: >= 3 discrete body or limb movements in 30 minutes.  Tone: >= 1 episode
    of extension with return to flexion.  Fluid: deepest vertical pocket > 2 cm.
    """
    return {
        "nst": 2 * nst_reactive,
        "breathing": 2 * breathing_30s,
        "movement": 2 * (body_movements >= 3),
        "tone": 2 * tone,
        "fluid": 2 * (deepest_pocket_cm > 2.0),
    }


def bpp_band(score: int) -> str:
    """bpp_normal (8-10), bpp_equivocal (6), bpp_abnormal (<= 4) (ACOG PB 229)."""
    if score >= 8:
        return "bpp_normal"
    return "bpp_equivocal" if score == 6 else "bpp_abnormal"


def bpp_plan(score: int, oligohydramnios: bool, ga_weeks: int) -> Plan:
    """Management by BPP (after Manning 1987; PB 229).

    8-10 with normal fluid: routine testing.  6 with normal fluid: deliver at term
    (>= 37 weeks), else repeat within 24 h.  6 with oligohydramnios, or <= 4: deliver.
    (8/10 with oligohydramnios needs individual evaluation and is not generated.)
    """
    if score >= 8 and not oligohydramnios:
        return Plan(required=(("routine_antenatal_testing",),), forbidden=("delivery",))
    if score == 6 and not oligohydramnios and ga_weeks < 37:
        return Plan(required=(("repeat_bpp_within_24h",),), forbidden=("delivery",))
    if score <= 6:
        return Plan(required=(("delivery",),), forbidden=("routine_antenatal_testing",))
    raise ValueError("8/10 with oligohydramnios is not given a single plan here")


def modified_bpp_plan(reactive: bool, deepest_pocket_cm: float) -> tuple[str, Plan]:
    """Modified BPP (PB 229): normal when the NST is reactive and the deepest vertical
    pocket exceeds 2 cm; otherwise abnormal, to be followed by a full BPP."""
    if reactive and deepest_pocket_cm > 2.0:
        return "modified_bpp_normal", Plan(
            required=(("routine_antenatal_testing",),), forbidden=("full_bpp",)
        )
    return "modified_bpp_abnormal", Plan(
        required=(("full_bpp",),), forbidden=("routine_antenatal_testing",)
    )


def apgar_band(score: int) -> str:
    """AAP/ACOG 2015: 7-10 reassuring, 4-6 moderately abnormal, 0-3 low."""
    if score >= 7:
        return "apgar_reassuring"
    return "apgar_moderately_abnormal" if score >= 4 else "apgar_low"


def newborn_plan(
    minute: int, score: int, heart_rate: int, respiration_points: int, tone_points: int
) -> Plan:
    """Newborn actions (NRP 2020; AAP/ACOG 2015).

    Apnoea (no respiratory effort) or heart rate < 100/min: positive-pressure
    ventilation.  Otherwise a vigorous newborn (crying, good tone) gets routine care
    with the mother, and one breathing weakly or with poor tone the initial steps with
    pulse oximetry.  At 5 minutes a score < 7 is repeated every 5 minutes up to 20.
    """
    required: list[tuple[str, ...]] = []
    if respiration_points == 0 or heart_rate < 100:
        required.append(("positive_pressure_ventilation",))
        forbidden = ("routine_newborn_care",)
    elif respiration_points == 2 and tone_points == 2:
        required.append(("routine_newborn_care",))
        forbidden = ("positive_pressure_ventilation", "initial_steps_and_monitoring")
    else:
        required.append(("initial_steps_and_monitoring",))
        forbidden = ("positive_pressure_ventilation", "routine_newborn_care")
    if minute >= 5 and score < 7:
        required.append(("continue_apgar_every_5_min",))
    return Plan(required=tuple(required), forbidden=forbidden)
