"""Neurology scores: NIH Stroke Scale."""

from __future__ import annotations

from healthgym.clinical.scores import _validation as v
from healthgym.clinical.scores.result import ScoreResult

_BROTT_1989 = (
    "Brott T, Adams HP Jr, Olinger CP, et al. Measurements of acute cerebral infarction: a "
    "clinical examination scale. Stroke. 1989;20(7):864-870; item definitions as on the "
    "National Institute of Neurological Disorders and Stroke (NINDS) NIH Stroke Scale form."
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
