"""Psychiatric screening questionnaires: PHQ-9, GAD-7, PCL-5, MDQ and the C-SSRS screener."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Literal

from healthgym.clinical.errors import CalculatorInputError
from healthgym.clinical.scores import _items
from healthgym.clinical.scores import _validation as v
from healthgym.clinical.scores.result import ScoreResult

__all__ = ["c_ssrs_screen", "gad7", "mdq", "pcl5", "phq9"]

_KROENKE_2001 = (
    "Kroenke K, Spitzer RL, Williams JB. The PHQ-9: validity of a brief depression "
    "severity measure. J Gen Intern Med. 2001;16(9):606-613."
)
_SPITZER_2006 = (
    "Spitzer RL, Kroenke K, Williams JB, Lowe B. A brief measure for assessing generalized "
    "anxiety disorder: the GAD-7. Arch Intern Med. 2006;166(10):1092-1097."
)
_WEATHERS_2013 = (
    "Weathers FW, Litz BT, Keane TM, Palmieri PA, Marx BP, Schnurr PP. The PTSD Checklist "
    "for DSM-5 (PCL-5). National Center for PTSD; 2013. Cut-point 31-33: Bovin MJ, Marx BP, "
    "Weathers FW, et al. Psychol Assess. 2016;28(11):1379-1391."
)
_HIRSCHFELD_2000 = (
    "Hirschfeld RM, Williams JB, Spitzer RL, et al. Development and validation of a "
    "screening instrument for bipolar spectrum disorder: the Mood Disorder Questionnaire. "
    "Am J Psychiatry. 2000;157(11):1873-1875."
)
_POSNER_2011 = (
    "Posner K, Brown GK, Stanley B, et al. The Columbia-Suicide Severity Rating Scale: "
    "initial validity and internal consistency findings from three multisite studies with "
    "adolescents and adults. Am J Psychiatry. 2011;168(12):1266-1277; risk levels from the "
    "C-SSRS Screen Version (The Columbia Lighthouse Project)."
)


def _item_components(items: list[int] | list[bool]) -> dict[str, float]:
    return {f"item_{i}": float(x) for i, x in enumerate(items, start=1)}


def phq9(*, items: Sequence[int]) -> ScoreResult:
    """Patient Health Questionnaire-9 (PHQ-9) depression severity, 0-27.

    Source: Kroenke K, Spitzer RL, Williams JB. J Gen Intern Med 2001;16:606-613.

    ``items``: the 9 answers in questionnaire order, each 0 (not at all), 1 (several days),
    2 (more than half the days) or 3 (nearly every day) over the last 2 weeks. Item 9 asks
    about thoughts of being better off dead or of hurting oneself.

    Interpretation (Kroenke 2001):

    * 0-4: minimal or none; 5-9: mild; 10-14: moderate; 15-19: moderately severe;
      20-27: severe depression.
    * >= 10 had 88% sensitivity and 88% specificity for major depression.
    * Any answer above 0 on item 9 needs a direct suicide-risk assessment, whatever the
      total.
    """
    answers = _items.int_items("items", items, n=9, lo=0, hi=3)
    components = _item_components(answers)
    total = sum(components.values())
    if total <= 4:
        band = "minimal or no depression (0-4)"
    elif total <= 9:
        band = "mild depression (5-9)"
    elif total <= 14:
        band = "moderate depression (10-14)"
    elif total <= 19:
        band = "moderately severe depression (15-19)"
    else:
        band = "severe depression (20-27)"
    text = f"PHQ-9 {total:g}: {band}"
    if answers[8] > 0:
        text += (
            f"; item 9 positive ({answers[8]}): thoughts of death or self-harm - assess "
            "suicide risk now"
        )
    return ScoreResult(
        name="PHQ-9", value=total, components=components, interpretation=text, source=_KROENKE_2001
    )


def gad7(*, items: Sequence[int]) -> ScoreResult:
    """Generalized Anxiety Disorder-7 (GAD-7) severity, 0-21.

    Source: Spitzer RL, Kroenke K, Williams JB, Lowe B. Arch Intern Med 2006;166:1092-1097.

    ``items``: the 7 answers in questionnaire order, each 0 (not at all) to 3 (nearly every
    day) over the last 2 weeks.

    Interpretation (Spitzer 2006):

    * 0-4: minimal; 5-9: mild; 10-14: moderate; 15-21: severe anxiety.
    * >= 10: probable generalised anxiety disorder (sensitivity 89%, specificity 82%);
      evaluate further.
    """
    components = _item_components(_items.int_items("items", items, n=7, lo=0, hi=3))
    total = sum(components.values())
    if total <= 4:
        band = "minimal anxiety (0-4)"
    elif total <= 9:
        band = "mild anxiety (5-9)"
    elif total <= 14:
        band = "moderate anxiety (10-14); probable GAD, evaluate further"
    else:
        band = "severe anxiety (15-21); probable GAD, evaluate further"
    return ScoreResult(
        name="GAD-7",
        value=total,
        components=components,
        interpretation=f"GAD-7 {total:g}: {band}",
        source=_SPITZER_2006,
    )


# DSM-5 PTSD clusters over PCL-5 items (1-based) and symptoms needed per cluster.
_PCL5_CLUSTERS = (
    ("B (intrusion)", range(1, 6), 1),
    ("C (avoidance)", range(6, 8), 1),
    ("D (negative cognitions and mood)", range(8, 15), 2),
    ("E (arousal and reactivity)", range(15, 21), 2),
)


def pcl5(*, items: Sequence[int], cutoff: int = 33) -> ScoreResult:
    """PTSD Checklist for DSM-5 (PCL-5), 0-80, with the DSM-5 symptom-cluster rule.

    Sources: Weathers FW, Litz BT, Keane TM, et al. The PTSD Checklist for DSM-5 (PCL-5).
    National Center for PTSD, 2013; cut-point: Bovin MJ, Marx BP, Weathers FW, et al.
    Psychol Assess 2016;28:1379-1391.

    ``items``: the 20 answers in questionnaire order, each 0 (not at all), 1 (a little
    bit), 2 (moderately), 3 (quite a bit) or 4 (extremely) over the past month.
    ``cutoff``: the provisional-diagnosis total, 31-33 (default 33).

    DSM-5 cluster rule for a provisional diagnosis: an item rated >= 2 counts as a symptom
    endorsed; at least 1 B item (1-5), 1 C item (6-7), 2 D items (8-14) and 2 E items
    (15-20).

    Interpretation: a total >= the cutoff (31-33) suggests probable PTSD, to be confirmed
    by a structured clinical interview; the cluster rule gives a second, DSM-based
    provisional diagnosis.
    """
    answers = _items.int_items("items", items, n=20, lo=0, hi=4)
    cut = v.integer("cutoff", cutoff, lo=31, hi=33)
    components = _item_components(answers)
    total = sum(components.values())
    counts = []
    rule_met = True
    for label, item_numbers, needed in _PCL5_CLUSTERS:
        endorsed = sum(answers[i - 1] >= 2 for i in item_numbers)
        rule_met = rule_met and endorsed >= needed
        counts.append(f"cluster {label}: {endorsed} endorsed (need {needed})")
    by_total = total >= cut
    total_text = (
        f"total >= {cut}: probable PTSD (provisional)"
        if by_total
        else f"total < {cut}: below the provisional PTSD cut-point"
    )
    rule_text = "DSM-5 cluster rule met" if rule_met else "DSM-5 cluster rule not met"
    follow = "; confirm with a structured clinical interview" if by_total or rule_met else ""
    return ScoreResult(
        name="PCL-5",
        value=total,
        components=components,
        interpretation=f"PCL-5 {total:g}: {total_text}; {rule_text}{follow}",
        source=_WEATHERS_2013,
        steps=(
            *counts,
            f"total = {total:g} (cutoff {cut})",
            rule_text,
        ),
    )


_MDQ_IMPAIRMENT = ("none", "minor", "moderate", "serious")


def mdq(
    *,
    items: Sequence[bool],
    same_period: bool,
    impairment: Literal["none", "minor", "moderate", "serious"],
) -> ScoreResult:
    """Mood Disorder Questionnaire (MDQ) screen for bipolar spectrum disorder.

    Source: Hirschfeld RM, Williams JB, Spitzer RL, et al. Am J Psychiatry
    2000;157:1873-1875.

    ``items``: the 13 yes/no answers to question 1 (periods of elevated mood, energy,
    reduced sleep, racing thoughts, etc.); ``same_period``: question 2, several of them
    happened during the same period; ``impairment``: question 3, how much of a problem
    they caused (none, minor, moderate, serious).

    The value is the number of "yes" answers to question 1 (0-13).

    Interpretation: a positive screen needs all three: >= 7 of 13 "yes", same period
    "yes", and moderate or serious problems (sensitivity 0.73, specificity 0.90 in the
    validation sample). A positive screen calls for a full diagnostic evaluation for
    bipolar disorder.
    """
    answers = _items.bool_items("items", items, n=13)
    same = v.flag("same_period", same_period)
    impairment = v.choice("impairment", impairment, _MDQ_IMPAIRMENT)
    components = _item_components(answers)
    total = sum(components.values())
    met = [total >= 7, same, impairment in ("moderate", "serious")]
    if all(met):
        band = "positive screen for bipolar spectrum disorder; full diagnostic evaluation"
    else:
        missing = [
            text
            for ok, text in zip(
                met,
                ("fewer than 7 symptoms", "not in the same period", "no moderate/serious problem"),
                strict=True,
            )
            if not ok
        ]
        band = "negative screen (" + ", ".join(missing) + ")"
    return ScoreResult(
        name="MDQ",
        value=total,
        components=components,
        interpretation=(
            f"MDQ {total:g}/13 yes, same period {'yes' if same else 'no'}, "
            f"{impairment} problems: {band}"
        ),
        source=_HIRSCHFELD_2000,
    )


_BEHAVIOUR = ("none", "over_3_months_ago", "past_3_months")
_RISK = {0: "no risk identified", 1: "low risk", 2: "moderate risk", 3: "high risk"}
_RISK_ACTION = {
    0: "no suicidal ideation or behaviour reported; routine care",
    1: "behavioural health referral at discharge; consider safety planning",
    2: "behavioural health consultation and safety precautions",
    3: "immediate safety precautions (constant observation) and urgent psychiatric evaluation",
}


def c_ssrs_screen(
    *,
    wish_to_be_dead: bool,
    suicidal_thoughts: bool,
    thoughts_with_method: bool,
    intent: bool,
    plan_and_intent: bool,
    suicidal_behavior: Literal["none", "over_3_months_ago", "past_3_months"],
) -> ScoreResult:
    """Columbia-Suicide Severity Rating Scale (C-SSRS) screener risk level, 0-3.

    Source: Posner K, Brown GK, Stanley B, et al. Am J Psychiatry 2011;168:1266-1277;
    triage levels of the C-SSRS Screen Version (Columbia Lighthouse Project).

    Questions (past month unless stated):

    1. Wished you were dead or could go to sleep and not wake up?
    2. Actually had any thoughts of killing yourself?
    3. Thought about how you might do this (method)?
    4. Had these thoughts and some intention of acting on them?
    5. Started to work out or worked out the details of how to kill yourself, and intend
       to carry out this plan?
    6. Ever done anything, started to do anything or prepared to do anything to end your
       life; if yes, was it within the past 3 months (``suicidal_behavior``)?

    Questions 3-5 are asked only when question 2 is "yes"; a "yes" to them with "no" to
    question 2 is rejected as inconsistent.

    Interpretation (value = risk level):

    * 3 high risk: yes to question 4 or 5, or suicidal behaviour in the past 3 months -
      immediate safety precautions and urgent psychiatric evaluation.
    * 2 moderate risk: yes to question 3, or suicidal behaviour more than 3 months ago.
    * 1 low risk: yes to question 1 or 2 only.
    * 0: no ideation or behaviour reported.
    """
    q1 = v.flag("wish_to_be_dead", wish_to_be_dead)
    q2 = v.flag("suicidal_thoughts", suicidal_thoughts)
    q3 = v.flag("thoughts_with_method", thoughts_with_method)
    q4 = v.flag("intent", intent)
    q5 = v.flag("plan_and_intent", plan_and_intent)
    behaviour = v.choice("suicidal_behavior", suicidal_behavior, _BEHAVIOUR)
    if not q2 and (q3 or q4 or q5):
        raise CalculatorInputError(
            "thoughts_with_method, intent and plan_and_intent are asked only when "
            "suicidal_thoughts is True"
        )
    components = {
        "wish_to_be_dead": float(q1),
        "suicidal_thoughts": float(q2),
        "thoughts_with_method": float(q3),
        "intent": float(q4),
        "plan_and_intent": float(q5),
        "behavior_over_3_months_ago": float(behaviour == "over_3_months_ago"),
        "behavior_past_3_months": float(behaviour == "past_3_months"),
    }
    if q4 or q5 or behaviour == "past_3_months":
        level = 3
    elif q3 or behaviour == "over_3_months_ago":
        level = 2
    elif q1 or q2:
        level = 1
    else:
        level = 0
    reasons = [k.replace("_", " ") for k, x in components.items() if x]
    return ScoreResult(
        name="C-SSRS screen",
        value=float(level),
        components=components,
        interpretation=f"C-SSRS screen: {_RISK[level]} - {_RISK_ACTION[level]}",
        source=_POSNER_2011,
        steps=(
            "positive answers: " + (", ".join(reasons) if reasons else "none"),
            f"risk level = {level} ({_RISK[level]})",
        ),
    )
