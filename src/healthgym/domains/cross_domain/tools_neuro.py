"""NIH Stroke Scale tools: the item-by-item examination and the score.

The examination describes what the examiner sees for each of the 15 items in words
(paraphrasing the NINDS form's definitions) and never gives an item score or a total:
scoring is the agent's job.  :func:`calculate_nihss` adds the agent's item scores
with :func:`healthgym.clinical.scores.neuro.nihss` (Brott T et al. Stroke
1989;20:864-70) and keeps the total for the grader.
"""

from __future__ import annotations

from typing import Annotated

from ...clinical.scores import nihss
from ...tools import Range, tool
from .gen_stroke import FINDINGS, NIHSS_ITEMS
from .records import PathwayState

Item3 = Annotated[int, Range(0, 3)]
Item2 = Annotated[int, Range(0, 2)]
Item4 = Annotated[int, Range(0, 4)]


@tool(kind="observe")
def nihss_examination(state: PathwayState) -> str:
    """Perform the NIH Stroke Scale examination and describe the finding of each of its 15
    items (findings only; the items are not scored)."""
    facts = state.facts
    items = facts.nihss if facts is not None and facts.nihss else None
    if items is None:
        items = dict.fromkeys((k for k, _ in NIHSS_ITEMS), 0)
    lines = ["NIH Stroke Scale examination (findings, not scored):"]
    for key, label in NIHSS_ITEMS:
        lines.append(f"- {label}: {FINDINGS[key][items[key]]}.")
    return "\n".join(lines)


@tool(kind="compute")
def calculate_nihss(
    state: PathwayState,
    loc: Item3,
    loc_questions: Item2,
    loc_commands: Item2,
    best_gaze: Item2,
    visual: Item3,
    facial_palsy: Item3,
    motor_arm_left: Item4,
    motor_arm_right: Item4,
    motor_leg_left: Item4,
    motor_leg_right: Item4,
    limb_ataxia: Item2,
    sensory: Item2,
    best_language: Item3,
    dysarthria: Item2,
    extinction_inattention: Item2,
) -> str:
    """NIH Stroke Scale total from your 15 item scores (Brott 1989, NINDS form).

    Args:
        loc: 1a level of consciousness (0-3).
        loc_questions: 1b month and age questions (0-2).
        loc_commands: 1c eye and grip commands (0-2).
        best_gaze: 2 horizontal gaze (0-2).
        visual: 3 visual fields (0-3).
        facial_palsy: 4 facial palsy (0-3).
        motor_arm_left: 5a left arm drift (0-4).
        motor_arm_right: 5b right arm drift (0-4).
        motor_leg_left: 6a left leg drift (0-4).
        motor_leg_right: 6b right leg drift (0-4).
        limb_ataxia: 7 limb ataxia (0-2).
        sensory: 8 sensation (0-2).
        best_language: 9 language (0-3).
        dysarthria: 10 articulation (0-2).
        extinction_inattention: 11 extinction and inattention (0-2).
    """
    result = nihss(
        loc=loc,
        loc_questions=loc_questions,
        loc_commands=loc_commands,
        best_gaze=best_gaze,
        visual=visual,
        facial_palsy=facial_palsy,
        motor_arm_left=motor_arm_left,
        motor_arm_right=motor_arm_right,
        motor_leg_left=motor_leg_left,
        motor_leg_right=motor_leg_right,
        limb_ataxia=limb_ataxia,
        sensory=sensory,
        best_language=best_language,
        dysarthria=dysarthria,
        extinction_inattention=extinction_inattention,
    )
    state.score_values["nihss"] = float(result.value)
    return f"NIHSS total {result.value:g}: {result.interpretation.split(': ', 1)[-1]}."
