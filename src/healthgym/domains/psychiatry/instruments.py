"""Item-level questionnaire answers generated coherently from a patient's symptom facts.

Coherence rules (so that the instrument and the DSM-5 checklist tell the same story):

* PHQ-9 (Kroenke 2001): a DSM-5 criterion-A symptom that is present scores 2-3 ("more
  than half the days" or "nearly every day", the threshold of the PHQ-9 diagnostic
  algorithm); an absent one scores 0-1.  Item 9 follows the C-SSRS answers: 0 without
  ideation, 1 for a passive wish to be dead, 2-3 for active thoughts.
* GAD-7 (Spitzer 2006): worry items follow criteria A/B, the others criterion C.
* PCL-5 (Weathers 2013): item *i* is DSM-5 PTSD symptom *i*; present 2-4, absent 0-1.
* MDQ (Hirschfeld 2000): question 1 items follow the features of the most severe
  elevated-mood episode; question 3 follows its impairment.
* AUDIT (Babor 2001) and CAGE (Ewing 1984): consumption from the drinks per week,
  dependence and harm items from the DSM-5 alcohol-use criteria present.
* DAST-10 (Skinner 1982): from the drug-use pattern.
* MoCA and MMSE: item results that add up to the patient's target total.
"""

from __future__ import annotations

import numpy as np

from ...clinical.guidelines.cognitive import MMSE_ITEMS, moca, serial_sevens_points
from .records import Cssrs, Mdq, MoodEpisode
from .symptoms import MDD_A, PHQ9_ORDER, PTSD_ITEMS, keys


def _item(rng: np.random.Generator, present: bool, lo: int = 2, hi: int = 3) -> int:
    if present:
        return int(rng.integers(lo, hi + 1))
    return int(rng.integers(0, 2))


def phq9_items(rng: np.random.Generator, symptoms: set[str], cssrs: Cssrs) -> list[int]:
    mdd = keys(MDD_A)
    items = [_item(rng, mdd[n - 1] in symptoms) for n in PHQ9_ORDER[:8]]
    if cssrs.suicidal_thoughts:
        items.append(int(rng.integers(2, 4)))
    else:
        items.append(1 if cssrs.wish_to_be_dead else 0)
    return items


def gad7_items(rng: np.random.Generator, symptoms: set[str], anxious: bool) -> list[int]:
    """GAD-7 answers; ``anxious``: other anxiety (panic, trauma) raises items 1 and 7."""

    def has(k: str) -> bool:
        return k in symptoms

    worry = has("gad.worry")
    return [
        _item(rng, has("gad.c1") or anxious),
        _item(rng, has("gad.uncontrollable")),
        _item(rng, worry),
        _item(rng, has("gad.c5")),
        _item(rng, has("gad.c1")),
        _item(rng, has("gad.c4") or has("ptsd.e1")),
        _item(rng, worry or anxious, 1, 3),
    ]


def pcl5_items(rng: np.random.Generator, symptoms: set[str]) -> list[int]:
    return [_item(rng, s.key in symptoms, 2, 4) for s in PTSD_ITEMS]


_MDQ_MAP = (
    ("elevated",),
    ("irritable",),
    ("grandiosity",),
    ("sleep_need",),
    ("talkative",),
    ("racing",),
    ("distractible",),
    ("energy",),
    ("activity",),
    ("activity", "grandiosity"),
    ("risky",),
    ("risky",),
    ("risky",),
)


def mdq_answers(rng: np.random.Generator, episodes: list[MoodEpisode]) -> Mdq:
    if not episodes:
        items = [bool(rng.random() < 0.12) for _ in range(13)]
        return Mdq(items=items, same_period=False, impairment="none")
    worst = max(episodes, key=lambda e: (e.hospitalized, e.marked_impairment, e.duration_days))
    feats = set(worst.features)
    items = []
    for i, mapped in enumerate(_MDQ_MAP):
        hit = any(f in feats for f in mapped)
        extra = i in (9, 10, 12)  # social, sexual interest, spending: not every patient
        items.append(hit and (not extra or bool(rng.random() < 0.7)))
    if worst.marked_impairment or worst.hospitalized:
        impairment = "serious"
    elif len(feats) >= 5:
        impairment = "moderate"
    else:
        impairment = "minor"
    return Mdq(items=items, same_period=len(feats) >= 3, impairment=impairment)


def audit_items(
    rng: np.random.Generator, drinks_per_week: int, symptoms: set[str], hazardous: bool
) -> list[int]:
    """AUDIT answers; drinking days and drinks per occasion are derived from the weekly
    total (heavier drinkers drink on more days)."""
    if drinks_per_week == 0:
        return [0] * 10
    days = 1 if drinks_per_week <= 2 else min(7, 2 + drinks_per_week // 12)
    per_day = -(-drinks_per_week // days)
    freq = 1 if drinks_per_week <= 1 else 2 if drinks_per_week <= 2 else 3 if days <= 3 else 4
    quantity = (
        0
        if per_day <= 2
        else 1
        if per_day <= 4
        else 2
        if per_day <= 6
        else (3 if per_day <= 9 else 4)
    )
    binge = 0 if per_day < 6 else 3 if days < 5 else 4
    if per_day in (4, 5):
        binge = 1
    has = symptoms.__contains__
    return [
        freq,
        quantity,
        binge,
        _item(rng, has("aud.1"), 2, 4) if has("aud.1") else 0,
        _item(rng, has("aud.5"), 2, 3) if has("aud.5") else 0,
        _item(rng, has("aud.11"), 2, 4) if has("aud.11") else 0,
        _item(rng, True, 2, 3) if has("aud.9") or has("aud.2") else int(hazardous),
        _item(rng, True, 1, 3) if has("aud.3") or has("aud.8") else 0,
        4 if has("aud.8") else 0,
        4
        if has("aud.6")
        else (2 if hazardous or any(k.startswith("aud.") for k in symptoms) else 0),
    ]


def cage_answers(symptoms: set[str]) -> list[bool]:
    return [
        "aud.2" in symptoms,
        "aud.6" in symptoms,
        "aud.9" in symptoms or "aud.2" in symptoms,
        "aud.11" in symptoms,
    ]


def dast10_answers(rng: np.random.Generator, drug_use: str) -> list[bool]:
    """Raw DAST-10 answers (item 3, 'always able to stop', is True when no problem)."""
    answers = [False, False, True, False, False, False, False, False, False, False]
    if drug_use == "none":
        return answers
    answers[0] = True
    if "daily" in drug_use:
        answers[2] = False
        answers[4] = True
        answers[5] = bool(rng.random() < 0.6)
        answers[6] = bool(rng.random() < 0.4)
    return answers


# MoCA: raw item values at full marks, and how one point is lost from each item
_MOCA_FULL = {
    "trail_making": 1,
    "cube_copy": 1,
    "clock_drawing": 3,
    "naming": 3,
    "digit_span": 2,
    "letter_tapping_errors": 0,
    "serial_sevens_correct": 5,
    "sentence_repetition": 2,
    "fluency_words": 14,
    "abstraction": 2,
    "delayed_recall": 5,
    "orientation": 6,
}
# items most affected in neurocognitive decline are listed more than once
_MOCA_LOSS_ORDER = (
    "delayed_recall",
    "delayed_recall",
    "trail_making",
    "cube_copy",
    "clock_drawing",
    "fluency_words",
    "serial_sevens_correct",
    "orientation",
    "abstraction",
    "digit_span",
    "sentence_repetition",
    "naming",
    "letter_tapping_errors",
    "orientation",
    "clock_drawing",
)


def _moca_points(item: str, raw: dict[str, int]) -> int:
    value = raw[item]
    if item == "letter_tapping_errors":
        return int(value <= 1)
    if item == "serial_sevens_correct":
        return serial_sevens_points(value)
    if item == "fluency_words":
        return int(value >= 11)
    return value


def _lose_moca_point(item: str, raw: dict[str, int]) -> bool:
    if _moca_points(item, raw) == 0:
        return False
    if item == "letter_tapping_errors":
        raw[item] = 3
    elif item == "serial_sevens_correct":
        raw[item] = {5: 3, 4: 3, 3: 1, 2: 1, 1: 0}[raw[item]]
    elif item == "fluency_words":
        raw[item] = 7
    else:
        raw[item] -= 1
    return True


def moca_items(rng: np.random.Generator, target_total: int, education_years: int) -> dict[str, int]:
    """Item results whose MoCA total (education point included) is ``target_total``.

    In the normal range (>= 26) orientation is kept intact and at least 3 words are
    recalled, so that a normal screen never shows the pattern of a neurocognitive disorder.
    """
    raw_target = target_total
    if education_years <= 12:  # the education point lifts a raw 29 (not a raw 30)
        raw_target = target_total - 1 if target_total < 30 else 29 + int(rng.random() < 0.5)
    raw = dict(_MOCA_FULL)
    lost = 30 - raw_target
    normal = target_total >= 26
    order = [i for i in _MOCA_LOSS_ORDER if not (normal and i == "orientation")]
    while lost > 0:
        item = order[int(rng.integers(len(order)))]
        if normal and item == "delayed_recall" and raw[item] <= 3:
            continue
        if _lose_moca_point(item, raw):
            lost -= 1
    if moca(education_years=education_years, **raw).value != target_total:
        raise AssertionError("MoCA generation does not add up")  # pragma: no cover
    return raw


def mmse_items(
    rng: np.random.Generator, target_total: int, orientation_loss: int = 0
) -> dict[str, int]:
    """Item points whose MMSE total is ``target_total``; ``orientation_loss`` points (the
    MoCA orientation errors) are taken from orientation to time first."""
    raw = {name: hi for name, hi in MMSE_ITEMS}
    first = min(orientation_loss, 30 - target_total, 5)
    raw["orientation_time"] -= first
    weights = {
        "recall": 4,
        "orientation_time": 4,
        "attention_calculation": 3,
        "orientation_place": 2,
        "three_stage_command": 1,
        "writing": 1,
        "copying": 1,
        "naming": 1,
        "registration": 1,
        "repetition": 1,
    }
    pool = [k for k, w in weights.items() for _ in range(w)]
    lost = 30 - target_total - first
    while lost > 0:
        item = pool[int(rng.integers(len(pool)))]
        if raw[item] > 0:
            raw[item] -= 1
            lost -= 1
    return raw
