"""Neurology scores: NIH Stroke Scale, Glasgow Coma Scale and the ABCD2 score after TIA."""

from __future__ import annotations

from typing import Literal

from healthgym.clinical.scores import _validation as v
from healthgym.clinical.scores.result import ScoreResult

__all__ = ["abcd2", "gcs", "nihss"]

_BROTT_1989 = (
    "Brott T, Adams HP Jr, Olinger CP, et al. Measurements of acute cerebral infarction: a "
    "clinical examination scale. Stroke. 1989;20(7):864-870; item definitions as on the "
    "National Institute of Neurological Disorders and Stroke (NINDS) NIH Stroke Scale form."
)

_TEASDALE_1974 = (
    "Teasdale G, Jennett B. Assessment of coma and impaired consciousness. A practical "
    "scale. Lancet. 1974;2(7872):81-84."
)
_JOHNSTON_2007 = (
    "Johnston SC, Rothwell PM, Nguyen-Huynh MN, et al. Validation and refinement of scores "
    "to predict very early stroke risk after transient ischaemic attack. Lancet. "
    "2007;369(9558):283-292."
)

# (item key, NIHSS item label, maximum score, may be untestable "UN")
_NIHSS_ITEMS = (
    ("loc", "1a level of consciousness", 3, False),
    ("loc_questions", "1b LOC questions", 2, False),
    ("loc_commands", "1c LOC commands", 2, False),
    ("best_gaze", "2 best gaze", 2, False),
    ("visual", "3 visual fields", 3, False),
    ("facial_palsy", "4 facial palsy", 3, False),
    ("motor_arm_left", "5a motor left arm", 4, True),
    ("motor_arm_right", "5b motor right arm", 4, True),
    ("motor_leg_left", "6a motor left leg", 4, True),
    ("motor_leg_right", "6b motor right leg", 4, True),
    ("limb_ataxia", "7 limb ataxia", 2, True),
    ("sensory", "8 sensory", 2, False),
    ("best_language", "9 best language", 3, False),
    ("dysarthria", "10 dysarthria", 2, True),
    ("extinction_inattention", "11 extinction and inattention", 2, False),
)


def nihss(
    *,
    loc: int,
    loc_questions: int,
    loc_commands: int,
    best_gaze: int,
    visual: int,
    facial_palsy: int,
    motor_arm_left: int | None,
    motor_arm_right: int | None,
    motor_leg_left: int | None,
    motor_leg_right: int | None,
    limb_ataxia: int | None,
    sensory: int,
    best_language: int,
    dysarthria: int | None,
    extinction_inattention: int,
) -> ScoreResult:
    """National Institutes of Health Stroke Scale (NIHSS), 15 items, total 0-42.

    Source: Brott T, Adams HP Jr, Olinger CP, et al. Stroke 1989;20:864-870; items as on
    the NINDS NIH Stroke Scale form.

    Items and allowed scores:

    * 1a level of consciousness 0-3 (alert, not alert but rousable, obtunded, coma).
    * 1b LOC questions (month, age) 0-2; 1c LOC commands (open/close eyes, grip) 0-2.
    * 2 best gaze 0-2; 3 visual fields 0-3; 4 facial palsy 0-3.
    * 5a/5b motor arm, left/right, 0-4 (no drift, drift, some effort against gravity, no
      effort against gravity, no movement).
    * 6a/6b motor leg, left/right, 0-4.
    * 7 limb ataxia 0-2; 8 sensory 0-2; 9 best language 0-3; 10 dysarthria 0-2;
      11 extinction and inattention 0-2.

    The form allows "UN" (untestable: amputation or joint fusion for items 5-7, intubation
    or another physical barrier for item 10); pass ``None`` for those items. They add 0 and
    are listed in the interpretation.

    Interpretation (severity bands in common clinical use; not part of Brott 1989):

    * 0: no measurable stroke deficit.
    * 1-4: minor stroke.
    * 5-15: moderate stroke.
    * 16-20: moderate to severe stroke.
    * 21-42: severe stroke.
    """
    given = {
        "loc": loc,
        "loc_questions": loc_questions,
        "loc_commands": loc_commands,
        "best_gaze": best_gaze,
        "visual": visual,
        "facial_palsy": facial_palsy,
        "motor_arm_left": motor_arm_left,
        "motor_arm_right": motor_arm_right,
        "motor_leg_left": motor_leg_left,
        "motor_leg_right": motor_leg_right,
        "limb_ataxia": limb_ataxia,
        "sensory": sensory,
        "best_language": best_language,
        "dysarthria": dysarthria,
        "extinction_inattention": extinction_inattention,
    }
    components: dict[str, float] = {}
    untestable: list[str] = []
    for key, label, hi, may_be_un in _NIHSS_ITEMS:
        value = given[key]
        if value is None and may_be_un:
            untestable.append(label)
            components[key] = 0.0
            continue
        components[key] = float(v.integer(key, value, lo=0, hi=hi))
    total = sum(components.values())
    if total == 0:
        band = "no measurable stroke deficit"
    elif total <= 4:
        band = "minor stroke (1-4)"
    elif total <= 15:
        band = "moderate stroke (5-15)"
    elif total <= 20:
        band = "moderate to severe stroke (16-20)"
    else:
        band = "severe stroke (21-42)"
    text = f"NIHSS {total:g}: {band}"
    if untestable:
        text += "; untestable (UN, scored 0): " + ", ".join(untestable)
    return ScoreResult(
        name="NIHSS",
        value=total,
        components=components,
        interpretation=text,
        source=_BROTT_1989,
    )


def gcs(*, eye: int, verbal: int, motor: int) -> ScoreResult:
    """Glasgow Coma Scale total.

    Source: Teasdale G, Jennett B. Lancet 1974;2:81-84 (summed 3-15 score as later
    standardised).

    * Eye opening 1-4: none 1, to pressure/pain 2, to sound/speech 3, spontaneous 4.
    * Verbal response 1-5: none 1, sounds 2, words 3, confused 4, oriented 5.
    * Motor response 1-6: none 1, extension 2, abnormal flexion 3, normal flexion /
      withdrawal 4, localising 5, obeys commands 6.

    Interpretation (head-injury severity):

    * 13-15: mild.
    * 9-12: moderate.
    * 3-8: severe (coma); protect the airway - consider intubation.
    """
    components = {
        "eye": float(v.integer("eye", eye, lo=1, hi=4)),
        "verbal": float(v.integer("verbal", verbal, lo=1, hi=5)),
        "motor": float(v.integer("motor", motor, lo=1, hi=6)),
    }
    total = sum(components.values())
    if total >= 13:
        band = "mild impairment (13-15)"
    elif total >= 9:
        band = "moderate impairment (9-12); close neurological observation"
    else:
        band = "severe impairment / coma (3-8); secure the airway (consider intubation)"
    return ScoreResult(
        name="GCS",
        value=total,
        components=components,
        interpretation=f"GCS {total:g}: {band}",
        source=_TEASDALE_1974,
    )


_ABCD2_CLINICAL = {
    "unilateral_weakness": 2.0,
    "speech_disturbance_without_weakness": 1.0,
    "other": 0.0,
}


def abcd2(
    *,
    age: float,
    sbp: float,
    dbp: float,
    clinical_features: Literal[
        "unilateral_weakness", "speech_disturbance_without_weakness", "other"
    ],
    duration_min: float,
    diabetes: bool,
) -> ScoreResult:
    """ABCD2 score for early stroke risk after transient ischaemic attack.

    Source: Johnston SC, Rothwell PM, Nguyen-Huynh MN, et al. Lancet 2007;369:283-292.

    * Age >= 60 years: 1.
    * Blood pressure at first assessment: systolic >= 140 or diastolic >= 90 mmHg: 1.
    * Clinical features: unilateral weakness 2; speech disturbance without weakness 1;
      other 0.
    * Duration of symptoms: >= 60 min 2; 10-59 min 1; < 10 min 0.
    * Diabetes: 1.

    Interpretation (2-day stroke risk, Johnston 2007):

    * 0-3: low risk (~1.0%).
    * 4-5: moderate risk (~4.1%).
    * 6-7: high risk (~8.1%).

    Management (NICE CG68, 2008): specialist assessment within 24 hours for scores >= 4 and
    within 1 week for scores <= 3.
    """
    age = v.number("age", age, lo=v.AGE[0], hi=v.AGE[1])
    sbp = v.number("sbp", sbp, lo=v.SBP[0], hi=v.SBP[1])
    dbp = v.number("dbp", dbp, lo=v.DBP[0], hi=v.DBP[1])
    features = v.choice("clinical_features", clinical_features, _ABCD2_CLINICAL)
    duration = v.number("duration_min", duration_min, lo=0.0, hi=60.0 * 24 * 365)
    if duration >= 60:
        duration_points = 2.0
    elif duration >= 10:
        duration_points = 1.0
    else:
        duration_points = 0.0
    components = {
        "age": float(age >= 60),
        "blood_pressure": float(sbp >= 140 or dbp >= 90),
        "clinical_features": _ABCD2_CLINICAL[features],
        "duration": duration_points,
        "diabetes": float(v.flag("diabetes", diabetes)),
    }
    total = sum(components.values())
    urgent = "specialist TIA assessment within 24 hours"
    if total <= 3:
        band = "low risk (2-day stroke risk ~1.0%); specialist TIA assessment within 1 week"
    elif total <= 5:
        band = f"moderate risk (2-day stroke risk ~4.1%); {urgent}"
    else:
        band = f"high risk (2-day stroke risk ~8.1%); {urgent}"
    return ScoreResult(
        name="ABCD2",
        value=total,
        components=components,
        interpretation=f"ABCD2 {total:g}: {band}",
        source=_JOHNSTON_2007,
    )
