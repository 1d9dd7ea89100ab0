"""Instrument, checklist and risk tools: item-level answers scored by the clinical library.

Every questionnaire tool returns the patient's answer to each item and the total the
library computes (:mod:`healthgym.clinical.scores.more`; MoCA and MMSE from
``cognition.py``).  Interpretation bands are shown with their cut-points but without
naming a diagnosis (a screen is evidence, not a diagnosis).
"""

from __future__ import annotations

from typing import Literal

from healthgym.clinical.scores.more import MORE_SCORES
from healthgym.clinical.scores.result import ScoreResult

from ...tools import ToolError, tool
from .cognition import MMSE_ITEMS, MOCA_ITEMS, mmse, moca
from .dsm5 import CHECKLISTS, run_checklist
from .records import PsychState
from .risk import PROTECTIVE_FACTORS, RISK_FACTORS, acute_risk, cssrs_result

PHQ9_Q = (
    "Little interest or pleasure in doing things",
    "Feeling down, depressed or hopeless",
    "Trouble falling or staying asleep, or sleeping too much",
    "Feeling tired or having little energy",
    "Poor appetite or overeating",
    "Feeling bad about yourself, or that you are a failure",
    "Trouble concentrating on things",
    "Moving or speaking slowly, or being fidgety or restless",
    "Thoughts that you would be better off dead or of hurting yourself",
)
GAD7_Q = (
    "Feeling nervous, anxious or on edge",
    "Not being able to stop or control worrying",
    "Worrying too much about different things",
    "Trouble relaxing",
    "Being so restless that it is hard to sit still",
    "Becoming easily annoyed or irritable",
    "Feeling afraid as if something awful might happen",
)
AUDIT_Q = (
    "How often do you have a drink containing alcohol",
    "Standard drinks on a typical drinking day",
    "How often six or more drinks on one occasion",
    "Unable to stop drinking once started",
    "Failed to do what was expected because of drinking",
    "Needed a first drink in the morning",
    "Feeling of guilt or remorse after drinking",
    "Unable to remember the night before",
    "You or someone else injured because of your drinking",
    "Relative, friend or doctor concerned about your drinking",
)
DAST_Q = (
    "Used drugs other than those required for medical reasons",
    "Abuse more than one drug at a time",
    "Always able to stop using drugs when you want to",
    "Had blackouts or flashbacks as a result of drug use",
    "Ever feel bad or guilty about your drug use",
    "Spouse or parents ever complain about your involvement with drugs",
    "Neglected your family because of your use of drugs",
    "Engaged in illegal activities to obtain drugs",
    "Experienced withdrawal symptoms when you stopped taking drugs",
    "Had medical problems as a result of your drug use",
)
MDQ_Q = (
    "felt so good or hyper that others thought you were not your normal self",
    "were so irritable that you shouted at people or started fights",
    "felt much more self-confident than usual",
    "got much less sleep than usual and found you didn't really miss it",
    "were much more talkative or spoke much faster than usual",
    "thoughts raced through your head",
    "were so easily distracted that you had trouble concentrating",
    "had much more energy than usual",
    "were much more active or did many more things than usual",
    "were much more social or outgoing than usual",
    "were much more interested in sex than usual",
    "did things that were unusual, excessive, foolish or risky",
    "spending money got you or your family into trouble",
)


def _listing(questions: tuple[str, ...], answers: list) -> str:
    def show(a: object) -> str:
        return ("yes" if a else "no") if isinstance(a, bool) else str(a)

    return "; ".join(
        f"{i}. {q}: {show(a)}" for i, (q, a) in enumerate(zip(questions, answers, strict=True), 1)
    )


def _record(state: PsychState, name: str, result: ScoreResult) -> float:
    value = float(result.value)  # type: ignore[arg-type]
    state.results[name] = value
    state.seen.add(f"administer_{name}")
    return value


@tool
def administer_phq9(state: PsychState) -> str:
    """Administer the PHQ-9 depression questionnaire (past 2 weeks) and score it."""
    r = state.record
    res = MORE_SCORES["phq9"](items=r.phq9)
    _record(state, "phq9", res)
    listing = _listing(PHQ9_Q, r.phq9)
    return f"PHQ-9 (0 not at all - 3 nearly every day): {listing}. {res.interpretation}."


@tool
def administer_gad7(state: PsychState) -> str:
    """Administer the GAD-7 anxiety questionnaire (past 2 weeks) and score it."""
    r = state.record
    res = MORE_SCORES["gad7"](items=r.gad7)
    _record(state, "gad7", res)
    band = res.interpretation.split(";")[0]
    return (
        f"GAD-7 (0 not at all - 3 nearly every day): {_listing(GAD7_Q, r.gad7)}. {band}; "
        "screening cut-point >= 10 (Spitzer 2006)."
    )


@tool
def administer_pcl5(state: PsychState) -> str:
    """Administer the PCL-5 (past month, anchored to the worst traumatic event) and score it."""
    r = state.record
    if r.pcl5 is None or r.trauma is None:
        state.seen.add("administer_pcl5")
        return "PCL-5 not applicable: the patient reports no traumatic event to anchor it."
    res = MORE_SCORES["pcl5"](items=r.pcl5)
    _record(state, "pcl5", res)
    items = "; ".join(f"{i}: {a}" for i, a in enumerate(r.pcl5, 1))
    return (
        f"PCL-5 anchored to {r.trauma.what} (0 not at all - 4 extremely), items 1-20: {items}. "
        f"Total {res.value:g}/80 (provisional cut-point 31-33). " + "; ".join(res.steps) + "."
    )


@tool
def administer_mdq(state: PsychState) -> str:
    """Administer the Mood Disorder Questionnaire (lifetime elevated-mood periods) and score it."""
    m = state.record.mdq
    res = MORE_SCORES["mdq"](items=m.items, same_period=m.same_period, impairment=m.impairment)
    _record(state, "mdq", res)
    positive = "negative screen" not in res.interpretation
    return (
        f"MDQ question 1 (has there ever been a period when you ...): {_listing(MDQ_Q, m.items)}. "
        f"Question 1 total {res.value:g}/13; question 2, several at the same time: "
        f"{'yes' if m.same_period else 'no'}; question 3, problems caused: {m.impairment}. "
        "Screen criteria (>= 7 yes, same period, moderate or serious problems; Hirschfeld "
        f"2000): {'met' if positive else 'not met'}."
    )


@tool
def administer_audit(state: PsychState) -> str:
    """Administer the AUDIT alcohol questionnaire (past year) and score it with AUDIT-C."""
    r = state.record
    res = MORE_SCORES["audit"](items=r.audit)
    c = MORE_SCORES["audit_c"](items=r.audit[:3], sex=r.sex)
    _record(state, "audit", res)
    _record(state, "audit_c", c)
    return f"AUDIT: {_listing(AUDIT_Q, r.audit)}. {res.interpretation}. {c.interpretation}."


@tool
def administer_cage(state: PsychState) -> str:
    """Ask the four CAGE alcohol questions and score them."""
    a = state.record.cage
    res = MORE_SCORES["cage"](cut_down=a[0], annoyed=a[1], guilty=a[2], eye_opener=a[3])
    value = _record(state, "cage", res)
    q = ("Felt you should cut down", "Annoyed by criticism", "Felt guilty", "Eye-opener")
    return f"CAGE: {_listing(q, a)}. Score {value:g}/4 (>= 2 clinically significant, Ewing 1984)."


@tool
def administer_dast10(state: PsychState) -> str:
    """Administer the DAST-10 drug-use questionnaire (past 12 months) and score it."""
    r = state.record
    res = MORE_SCORES["dast10"](answers=r.dast10)
    _record(state, "dast10", res)
    return f"DAST-10: {_listing(DAST_Q, r.dast10)}. {res.interpretation} (item 3 reverse-scored)."


@tool
def administer_cssrs(state: PsychState) -> str:
    """Ask the C-SSRS screen questions (past month; behaviour lifetime) and triage the answers."""
    c = state.record.cssrs
    res = cssrs_result(c)
    level = int(_record(state, "cssrs", res))
    if not c.suicidal_thoughts:
        q345 = "questions 3-5 not asked (no to question 2)"
    else:
        q345 = (
            f"3. thought about how: {'yes' if c.thoughts_with_method else 'no'}; 4. some "
            f"intention of acting: {'yes' if c.intent else 'no'}; 5. worked out details and "
            f"intend to carry out: {'yes' if c.plan_and_intent else 'no'}"
        )
    behaviour = c.suicidal_behavior.replace("_", " ")
    if c.behaviour_text:
        behaviour += f" ({c.behaviour_text})"
    names = ("no risk identified", "low", "moderate", "high")
    return (
        f"C-SSRS screen: 1. wished to be dead: {'yes' if c.wish_to_be_dead else 'no'}; "
        f"2. thoughts of killing yourself: {'yes' if c.suicidal_thoughts else 'no'}; {q345}; "
        f"6. suicidal behaviour: {behaviour}. Columbia screen triage level {level} "
        f"({names[level]})."
    )


@tool
def administer_moca(state: PsychState) -> str:
    """Administer the Montreal Cognitive Assessment and score it (education point included)."""
    r = state.record
    res = moca(education_years=r.education_years, **r.moca)
    _record(state, "moca", res)
    raw = "; ".join(f"{name.replace('_', ' ')}: {r.moca[name]}" for name, _ in MOCA_ITEMS)
    points = ", ".join(f"{k.replace('_', ' ')} {v:g}" for k, v in res.components.items())
    return f"MoCA item results: {raw}. Points: {points}. {res.interpretation}."


@tool
def administer_mmse(state: PsychState) -> str:
    """Administer the Mini-Mental State Examination and score it."""
    r = state.record
    res = mmse(**r.mmse)
    _record(state, "mmse", res)
    items = "; ".join(f"{name.replace('_', ' ')}: {r.mmse[name]}/{hi}" for name, hi in MMSE_ITEMS)
    return f"MMSE: {items}. {res.interpretation}."


ChecklistName = Literal[tuple(CHECKLISTS)]  # type: ignore[valid-type]


@tool
def dsm5_checklist(state: PsychState, criteria_set: ChecklistName) -> str:
    """Go through a DSM-5-TR criteria set with the patient and report each criterion met or not.

    Args:
        criteria_set: the criteria set to check (major_depressive_episode,
            generalized_anxiety, posttraumatic_stress, manic_hypomanic_episode, panic,
            alcohol_use, psychosis, neurocognitive).
    """
    lines, count = run_checklist(criteria_set, state)
    state.seen.add(f"checklist:{criteria_set}")
    state.checklist_counts[criteria_set] = count
    return f"DSM-5-TR checklist [{criteria_set}]:\n" + "\n".join(lines)


@tool
def assess_suicide_risk(state: PsychState) -> str:
    """Stratify acute suicide risk from the C-SSRS and the risk and protective factors.

    Needs the C-SSRS answers and the psychiatric and social history (where the factors
    come from).  Level: Columbia Protocol triage; factors per the VA/DoD 2019 guideline.
    """
    missing = [
        label
        for name, label in (
            ("administer_cssrs", "administer the C-SSRS"),
            ("get_psychiatric_history", "take the psychiatric history"),
            ("get_social_history", "take the social history"),
        )
        if name not in state.seen
    ]
    if missing:
        raise ToolError("first " + ", ".join(missing))
    r = state.record
    level = acute_risk(int(cssrs_result(r.cssrs).value))
    state.risk_level = level
    risk = [RISK_FACTORS[k] for k in r.risk_factors] or ["none identified"]
    protective = [PROTECTIVE_FACTORS[k] for k in r.protective_factors] or ["none identified"]
    return (
        f"Risk factors (VA/DoD 2019): {'; '.join(risk)}. Protective factors: "
        f"{'; '.join(protective)}. Acute suicide risk: {level} (Columbia triage level "
        f"{int(state.results.get('cssrs', 0))})."
    )


INSTRUMENT_TOOLS = [
    administer_phq9,
    administer_gad7,
    administer_pcl5,
    administer_mdq,
    administer_audit,
    administer_cage,
    administer_dast10,
    administer_cssrs,
    administer_moca,
    administer_mmse,
    dsm5_checklist,
    assess_suicide_risk,
]
