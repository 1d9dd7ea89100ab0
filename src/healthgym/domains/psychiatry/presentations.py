"""Condition-specific facts of a synthetic patient: symptoms, episodes, history.

Each builder returns record fields for one variant (see ``conditions.VARIANTS``); the
symptom sets respect the DSM-5-TR criteria the variant needs (and, for the other
conditions, stay below them), e.g. a major depressive episode has 5-9 criterion-A
symptoms including depressed mood or anhedonia; an adjustment reaction has at most 4.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from .records import Alcohol, Event, MoodEpisode
from .symptoms import AUD_CRITERIA, GAD_C, MANIA_B, MDD_A, PANIC_SYMPTOMS, PTSD_ITEMS, keys

Facts = dict[str, Any]


def pick(rng: np.random.Generator, options: list[Any] | tuple[Any, ...]) -> Any:
    return options[int(rng.integers(len(options)))]


def sample(rng: np.random.Generator, options: list[str], n: int) -> list[str]:
    n = max(0, min(n, len(options)))
    idx = sorted(rng.choice(len(options), size=n, replace=False).tolist())
    return [options[i] for i in idx]


# (chief complaint, symptom key it needs or "" for none) by presentation family
COMPLAINTS: dict[str, tuple[tuple[str, str], ...]] = {
    "depressed": (
        ("I've been feeling down for weeks and can't shake it.", "mdd.a1"),
        ("I just don't enjoy anything any more.", "mdd.a2"),
        ("My doctor thinks I should talk to someone about how low I've been.", "mdd.a1"),
        ("I'm exhausted and everything feels pointless.", "mdd.a6"),
        ("I'm not myself and I don't know why.", ""),
    ),
    "gad": (
        ("I worry about everything, all the time.", ""),
        ("I can't switch my mind off.", ""),
        ("I'm tense and on edge constantly.", "gad.c5"),
    ),
    "ptsd": (
        ("I can't stop going over what happened.", "ptsd.b1"),
        ("I haven't slept properly since the incident.", "ptsd.e6"),
        ("I'm on edge all the time since what happened.", "ptsd.e3"),
        ("I haven't been myself since what happened.", ""),
    ),
    "manic": (
        ("My family made me come, but I have never felt better.", "elevated"),
        ("My sister says I've been acting strangely; I just have big plans.", "grandiosity"),
        ("My family made me come; everyone is slowing me down.", "irritable"),
    ),
    "panic": (
        ("I keep having attacks where I think I'm dying.", "panic.s13"),
        ("My heart races out of nowhere and I feel I'm going to collapse.", "panic.s1"),
        ("I keep getting sudden attacks of terror.", ""),
    ),
    "alcohol": (
        ("My partner says I have to do something about my drinking.", ""),
        ("My GP is worried about my liver tests.", "liver"),
        ("I want to get my drinking under control.", ""),
    ),
    "psychosis": (
        ("The neighbours are spying on me and I want it to stop.", "scz.a1"),
        ("My family says I'm not myself; I don't know why I'm here.", ""),
    ),
    "cognitive": (
        ("My daughter says I keep forgetting things.", ""),
        ("I've been misplacing things and missing appointments.", ""),
    ),
    "none": (
        ("My employer asked me to get an assessment after a stressful month at work.", ""),
        ("I wanted to check whether my stress levels are normal.", ""),
    ),
}


def complaint(rng: np.random.Generator, family: str, present: list[str] | set[str]) -> str:
    """A chief complaint of the family that the patient's symptoms support."""
    return pick(rng, [text for text, need in COMPLAINTS[family] if not need or need in present])


def duration_text(weeks: int) -> str:
    """A duration in weeks as a clinician would say it ("6 weeks", "about 8 months")."""
    if weeks >= 104:
        return f"about {weeks // 52} years"
    if weeks >= 9:
        return f"about {round(weeks / 4.345)} months"
    return f"{weeks} week{'s' if weeks != 1 else ''}"


def ago_text(months: int) -> str:
    """How long ago an event was ("1 month ago", "about 12 years ago")."""
    if months >= 24:
        return f"about {months // 12} years ago"
    return f"{months} month{'s' if months != 1 else ''} ago"


STRESSORS = (
    "losing their job",
    "a divorce",
    "a move to a new city",
    "a serious illness diagnosed in their partner",
    "failing a professional examination",
)
TRAUMAS = (
    "a violent assault",
    "a serious road traffic collision",
    "a house fire",
    "combat deployment with exposure to casualties",
    "witnessing a colleague's fatal accident",
)


def _depressive_symptoms(rng: np.random.Generator, n: int, with_a9: bool) -> list[str]:
    """``n`` criterion-A symptoms including A1 or A2; A9 exactly when ``with_a9``."""
    mdd = keys(MDD_A)
    core = ["mdd.a1"] if rng.random() < 0.5 else (["mdd.a2"] if rng.random() < 0.5 else mdd[:2])
    rest = mdd[2:8]
    if n - len(core) - int(with_a9) > len(rest):
        core = mdd[:2]
    need = n - len(core) - int(with_a9)
    chosen = core + sample(rng, rest, need) + (["mdd.a9"] if with_a9 else [])
    return chosen


def _subthreshold(rng: np.random.Generator, options: list[str], lo: int, hi: int) -> list[str]:
    return sample(rng, options, int(rng.integers(lo, hi + 1)))


def depressive_episode(rng: np.random.Generator, n: int, ideation: bool) -> Facts:
    symptoms = _depressive_symptoms(rng, n, ideation)
    return {
        "symptoms": symptoms,
        "symptom_weeks": int(rng.integers(3, 26)),
        "impairment": "marked" if n >= 7 else "some",
        "impairment_text": pick(
            rng,
            (
                "Has been off work for two weeks.",
                "Struggling to keep up at work and has stopped seeing friends.",
                "Barely managing household tasks.",
            ),
        ),
        "chief_complaint": complaint(rng, "depressed", symptoms),
    }


def elevated_episode(rng: np.random.Generator, years_ago: int, manic: bool) -> MoodEpisode:
    mood = ["elevated"] if rng.random() < 0.75 else ["irritable"]
    n_b = int(rng.integers(4, 7)) if manic else int(rng.integers(4, 6))
    feats = [*mood, "energy", *sample(rng, list(MANIA_B), n_b)]
    return MoodEpisode(
        years_ago=years_ago,
        duration_days=int(rng.integers(8, 22)) if manic else int(rng.integers(4, 7)),
        features=feats,
        marked_impairment=manic,
        hospitalized=manic and years_ago > 0 and bool(rng.random() < 0.7),
        psychotic=manic and bool(rng.random() < 0.4),
    )


def brief_elevation(rng: np.random.Generator) -> MoodEpisode:
    """A 1-2 day high with two features: below hypomanic criteria (distractor)."""
    return MoodEpisode(
        years_ago=int(rng.integers(2, 10)),
        duration_days=int(rng.integers(1, 3)),
        features=["elevated", pick(rng, ["talkative", "sleep_need"])],
        marked_impairment=False,
        hospitalized=False,
        psychotic=False,
    )


def gad_facts(rng: np.random.Generator) -> Facts:
    c = sample(rng, keys(GAD_C), int(rng.integers(3, 7)))
    overlap = [
        m for g, m in (("gad.c2", "mdd.a6"), ("gad.c3", "mdd.a8"), ("gad.c6", "mdd.a4")) if g in c
    ]
    return {
        "symptoms": ["gad.worry", "gad.uncontrollable", *c, *overlap],
        "symptom_weeks": int(rng.integers(30, 260)),
        "impairment": pick(rng, ["some", "marked"]),
        "impairment_text": "Worry about work, health and family takes hours each day; "
        "calls in sick when it peaks.",
        "chief_complaint": complaint(rng, "gad", c),
    }


def ptsd_facts(rng: np.random.Generator) -> Facts:
    items = keys(PTSD_ITEMS)
    chosen: list[str] = []
    for lo, hi, need in ((0, 5, 1), (5, 7, 1), (7, 14, 2), (14, 20, 2)):
        chosen += sample(rng, items[lo:hi], int(rng.integers(need, hi - lo + 1)))
    overlap = [
        m
        for p, m in (("ptsd.e6", "mdd.a4"), ("ptsd.e5", "mdd.a8"), ("ptsd.d5", "mdd.a2"))
        if p in chosen
    ]
    months = int(rng.integers(3, 60))
    cued = rng.random() < 0.3
    return {
        "symptoms": chosen + overlap[:3],
        "symptom_weeks": months * 4 - int(rng.integers(0, 8)),
        "trauma": Event(what=pick(rng, TRAUMAS), months_ago=months),
        "panic_attacks_per_month": int(rng.integers(2, 6)) if cued else 0,
        "anxiety_explained_by": "attacks occur only with reminders of the event" if cued else "",
        "impairment": "marked",
        "impairment_text": "Stopped driving and rarely leaves home; on sick leave.",
        "chief_complaint": complaint(rng, "ptsd", chosen),
    }


def panic_facts(rng: np.random.Generator) -> Facts:
    attack = sample(rng, keys(PANIC_SYMPTOMS), int(rng.integers(4, 9)))
    return {
        "symptoms": ["panic.unexpected", "panic.concern", *attack],
        "symptom_weeks": int(rng.integers(6, 60)),
        "panic_attacks_per_month": int(rng.integers(3, 12)),
        "anxiety_explained_by": "worry is about having further attacks",
        "impairment": "some",
        "impairment_text": "Avoids the gym and public transport in case an attack happens.",
        "chief_complaint": complaint(rng, "panic", attack),
    }


def aud_criteria(rng: np.random.Generator, severity: str) -> list[str]:
    lo, hi = {"mild": (2, 3), "moderate": (4, 5), "severe": (6, 9)}[severity]
    n = int(rng.integers(lo, hi + 1))
    pool = keys(AUD_CRITERIA)
    if severity == "severe":  # severe disorder here always includes physiological dependence
        return sorted(["aud.11", *sample(rng, [k for k in pool if k != "aud.11"], n - 1)])
    return sample(rng, pool, n)


def alcohol_for(rng: np.random.Generator, criteria: list[str], severity: str) -> Alcohol:
    lo, hi = {"mild": (16, 30), "moderate": (25, 45), "severe": (40, 90)}[severity]
    withdrawal = "none"
    if "aud.11" in criteria:
        complicated = severity == "severe" and rng.random() < 0.5
        withdrawal = pick(rng, ["seizure", "delirium_tremens"]) if complicated else "uncomplicated"
    return Alcohol(
        drinks_per_week=int(rng.integers(lo, hi + 1)),
        pattern=pick(
            rng,
            [
                "beer most evenings",
                "wine daily and spirits at weekends",
                "spirits, mostly alone in the evenings",
            ],
        ),
        ongoing=True,
        withdrawal=withdrawal,
    )


def light_alcohol(rng: np.random.Generator, hazardous: bool) -> Alcohol:
    if hazardous:
        return Alcohol(
            drinks_per_week=int(rng.integers(12, 20)),
            pattern="heavy weekend drinking with friends",
            ongoing=True,
        )
    n = int(rng.integers(0, 8))
    return Alcohol(
        drinks_per_week=n, pattern="a few drinks socially" if n else "does not drink", ongoing=n > 0
    )


def schizophrenia_facts(rng: np.random.Generator, sex: str) -> Facts:
    positive = sample(rng, ["scz.a1", "scz.a2", "scz.a3"], int(rng.integers(1, 4)))
    other = sample(rng, ["scz.a4", "scz.a5"], int(rng.integers(1 if len(positive) == 1 else 0, 3)))
    pron, obj = ("he", "him") if sex == "male" else ("she", "her")
    danger = ""
    roll = rng.random()
    if roll < 0.2:
        danger = f"threatened a neighbour {pron} believes is poisoning {obj}"
    elif roll < 0.35:
        danger = "has stopped eating and is sleeping outdoors, unable to care for self"
    return {
        "symptoms": sorted(positive + other),
        "symptom_weeks": int(rng.integers(4, 20)),
        "psychosis_months": int(rng.integers(8, 120)),
        "functional_decline": True,
        "dangerousness": danger,
        "impairment": "marked",
        "impairment_text": "Has not worked for over a year; self-care has declined.",
        "chief_complaint": complaint(rng, "psychosis", positive),
    }


def ncd_facts(rng: np.random.Generator, major: bool) -> Facts:
    who = pick(rng, ["the patient's daughter", "the patient's husband or wife", "the patient"])
    if major:
        text = pick(
            rng,
            (
                "Daughter now pays the bills and fills a weekly pill organiser; got lost driving "
                "to a familiar shop.",
                "Spouse has taken over finances after unpaid bills; no longer cooks safely "
                "(left the stove on twice).",
            ),
        )
    else:
        text = pick(
            rng,
            (
                "Still manages finances and medications independently, using lists and "
                "reminders; tasks take longer than before.",
                "Independent in shopping, cooking and medications, with more effort and a "
                "calendar for appointments.",
            ),
        )
    return {
        "cognitive_concern": who,
        "iadl_dependent": major,
        "iadl_text": text,
        "symptom_weeks": int(rng.integers(26, 150)),
        "impairment": "marked" if major else "some",
        "impairment_text": text,
        "chief_complaint": complaint(rng, "cognitive", []),
    }


def adjustment_facts(rng: np.random.Generator) -> Facts:
    months = int(rng.integers(1, 4))
    stressor = pick(rng, STRESSORS)
    symptoms = ["mdd.a1", *sample(rng, ["mdd.a4", "mdd.a6", "mdd.a8"], int(rng.integers(1, 4)))]
    return {
        "symptoms": symptoms,
        "symptom_weeks": max(2, months * 4 - 2),
        "stressor": Event(what=stressor, months_ago=months),
        "impairment": "some",
        "impairment_text": "Tearful at work and has missed several days; avoiding friends.",
        "chief_complaint": f"Since {stressor.replace('their', 'my')} I can't cope.",
    }


def no_disorder_facts(rng: np.random.Generator) -> Facts:
    facts: Facts = {
        "symptoms": _subthreshold(rng, ["mdd.a4", "mdd.a6"], 0, 1),
        "symptom_weeks": int(rng.integers(1, 4)),
        "impairment": "none",
        "impairment_text": "Working normally and keeping up with family and friends.",
        "chief_complaint": complaint(rng, "none", []),
    }
    if rng.random() < 0.4:
        facts["stressor"] = Event(what=pick(rng, STRESSORS), months_ago=int(rng.integers(1, 4)))
    return facts
