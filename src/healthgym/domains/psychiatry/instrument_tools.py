"""Instrument, criteria and suicide-risk tools of the psychiatry domain.

Rule: *tools observe and compute; the agent judges*.

* ``administer_*`` (observe) ask a validated questionnaire or cognitive test and return
  the patient's answer to each item - nothing more: no total, band or screen verdict.
* ``score_instrument`` (compute) adds up the items of a questionnaire the agent has
  already administered in this episode (gated: it refuses before ``administer_<name>``)
  with the published scoring rules (:mod:`healthgym.clinical.scores.psychiatric`,
  :mod:`~healthgym.clinical.scores.substance_use`; MoCA and MMSE
  from :mod:`healthgym.clinical.guidelines.cognitive`) and reports totals and
  sub-scores, never the cut-off bands -
  those are general knowledge, in ``psychiatry_guideline('instruments')``.
* ``dsm5_checklist`` (compute) applies DSM-5-TR's counting rules to the criterion
  judgments the agent passes; ``dsm5_criteria`` (reference) prints a criteria set.
* ``assess_suicide_risk`` (observe) is the suicide-risk interview: the risk and
  protective factors the patient and record hold (VA/DoD 2019), not a risk level; the
  level is the agent's judgment against ``psychiatry_guideline('suicide_risk')``.
"""

from __future__ import annotations

from typing import Annotated, Literal

from healthgym.clinical.registry import calculator
from healthgym.clinical.scores.result import ScoreResult

from ...clinical.guidelines.cognitive import MMSE_ITEMS, MOCA_ITEMS, mmse, moca
from ...tools import MaxLen, Range, ToolError, tool
from ...tools.elicit import Need
from .dsm5 import CRITERIA, CRITERIA_SETS, RULES, evaluate, normalize_codes
from .guideline import GUIDELINE_TOPICS, guideline_text
from .records import PsychState
from .risk import PROTECTIVE_FACTORS, RISK_FACTORS, cssrs_result

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


def _listing(questions: tuple[str, ...], answers: list) -> str:
    def show(a: object) -> str:
        return ("yes" if a else "no") if isinstance(a, bool) else str(a)

    return "; ".join(
        f"{i}. {q}: {show(a)}" for i, (q, a) in enumerate(zip(questions, answers, strict=True), 1)
    )


_FREQ = "0 not at all, 1 several days, 2 more than half the days, 3 nearly every day"


def _given(state: PsychState, name: str) -> None:
    state.seen.add(f"administer_{name}")


@tool(kind="observe")
def administer_phq9(state: PsychState) -> str:
    """Administer the PHQ-9 depression questionnaire (past 2 weeks): the patient's answers."""
    _given(state, "phq9")
    listing = _listing(PHQ9_Q, state.record.phq9)
    return f"PHQ-9 answers ({_FREQ}): {listing}."


@tool(kind="observe")
def administer_gad7(state: PsychState) -> str:
    """Administer the GAD-7 anxiety questionnaire (past 2 weeks): the patient's answers."""
    _given(state, "gad7")
    listing = _listing(GAD7_Q, state.record.gad7)
    return f"GAD-7 answers ({_FREQ}): {listing}."


@tool(kind="observe")
def administer_pcl5(state: PsychState) -> str:
    """Administer the PCL-5 (past month, anchored to the worst traumatic event): the answers."""
    r = state.record
    _given(state, "pcl5")
    if r.pcl5 is None or r.trauma is None:
        return "PCL-5 not applicable: the patient reports no traumatic event to anchor it."
    items = "; ".join(f"{i}: {a}" for i, a in enumerate(r.pcl5, 1))
    return (
        f"PCL-5 answers anchored to {r.trauma.what} (0 not at all - 4 extremely), items 1-20 "
        f"in DSM-5 symptom order: {items}."
    )


@tool(kind="observe")
def administer_mdq(state: PsychState) -> str:
    """Administer the Mood Disorder Questionnaire (lifetime elevated-mood periods): the answers."""
    m = state.record.mdq
    _given(state, "mdq")
    return (
        f"MDQ question 1 (has there ever been a period when you ...): {_listing(MDQ_Q, m.items)}. "
        f"Question 2, several of these during the same period: "
        f"{'yes' if m.same_period else 'no'}. Question 3, how much of a problem they caused: "
        f"{m.impairment}."
    )


@tool(kind="observe")
def administer_audit(state: PsychState) -> str:
    """Administer the AUDIT alcohol questionnaire (past year): the answers (item points)."""
    _given(state, "audit")
    return f"AUDIT answers (points per item, 0-4): {_listing(AUDIT_Q, state.record.audit)}."


@tool(kind="observe")
def administer_cage(state: PsychState) -> str:
    """Ask the four CAGE alcohol questions: the answers."""
    _given(state, "cage")
    q = ("Felt you should cut down", "Annoyed by criticism", "Felt guilty", "Eye-opener")
    return f"CAGE answers: {_listing(q, state.record.cage)}."


@tool(kind="observe")
def administer_dast10(state: PsychState) -> str:
    """Administer the DAST-10 drug-use questionnaire (past 12 months): the raw yes/no answers."""
    _given(state, "dast10")
    return f"DAST-10 answers: {_listing(DAST_Q, state.record.dast10)}."


@tool(kind="observe")
def administer_cssrs(state: PsychState) -> str:
    """Ask the C-SSRS screen questions (past month; behaviour lifetime): the answers."""
    c = state.record.cssrs
    _given(state, "cssrs")
    # what the grader's coherence check compares the stated risk with (never shown)
    state.results["cssrs"] = float(cssrs_result(c).value)
    if not c.suicidal_thoughts:
        q345 = "questions 3-5 not asked (no to question 2)"
    else:
        q345 = (
            f"3. thought about how: {'yes' if c.thoughts_with_method else 'no'}; 4. some "
            f"intention of acting: {'yes' if c.intent else 'no'}; 5. worked out details and "
            f"intend to carry out: {'yes' if c.plan_and_intent else 'no'}"
        )
    behaviour = {
        "none": "no",
        "over_3_months_ago": "yes, more than 3 months ago",
        "past_3_months": "yes, within the past 3 months",
    }[c.suicidal_behavior]
    if c.behaviour_text:
        behaviour += f" ({c.behaviour_text})"
    return (
        f"C-SSRS screen answers: 1. wished to be dead: {'yes' if c.wish_to_be_dead else 'no'}; "
        f"2. thoughts of killing yourself: {'yes' if c.suicidal_thoughts else 'no'}; {q345}; "
        f"6. ever did, started or prepared anything to end your life: {behaviour}."
    )


@tool(kind="observe")
def administer_moca(state: PsychState) -> str:
    """Administer the Montreal Cognitive Assessment: the result of each task (raw)."""
    r = state.record
    _given(state, "moca")
    raw = "; ".join(
        f"{name.replace('_', ' ')}: {r.moca[name]}" + ("" if name in _MOCA_RAW else f"/{hi}")
        for name, hi in MOCA_ITEMS
    )
    return (
        f"MoCA task results: {raw} (letter tapping: errors; serial sevens: correct "
        f"subtractions of 5; fluency: F-words in one minute). Years of education: "
        f"{r.education_years}."
    )


_MOCA_RAW = {"letter_tapping_errors", "serial_sevens_correct", "fluency_words"}


@tool(kind="observe")
def administer_mmse(state: PsychState) -> str:
    """Administer the Mini-Mental State Examination: the points of each item."""
    r = state.record
    _given(state, "mmse")
    items = "; ".join(f"{name.replace('_', ' ')}: {r.mmse[name]}/{hi}" for name, hi in MMSE_ITEMS)
    return f"MMSE item points: {items}."


Instrument = Literal["phq9", "gad7", "pcl5", "mdq", "audit", "cage", "dast10", "moca", "mmse"]

_PCL5_CLUSTERS = (("B", 1, 5), ("C", 6, 7), ("D", 8, 14), ("E", 15, 20))


def _score(state: PsychState, instrument: str) -> tuple[ScoreResult, str]:
    r = state.record
    if instrument == "phq9":
        res = calculator("phq9")(items=r.phq9)
        return res, f"PHQ-9 total {res.value:g}/27 (sum of items 1-9; item 9 = {r.phq9[8]})."
    if instrument == "gad7":
        res = calculator("gad7")(items=r.gad7)
        return res, f"GAD-7 total {res.value:g}/21 (sum of items 1-7)."
    if instrument == "pcl5":
        if r.pcl5 is None:
            raise ToolError("there are no PCL-5 answers to score: it was not applicable")
        res = calculator("pcl5")(items=r.pcl5)
        clusters = "; ".join(
            f"{c} (items {lo}-{hi}): {sum(x >= 2 for x in r.pcl5[lo - 1 : hi])} rated >= 2"
            for c, lo, hi in _PCL5_CLUSTERS
        )
        return (
            res,
            f"PCL-5 total {res.value:g}/80. Items rated 2 (moderately) or more by cluster: "
            f"{clusters}.",
        )
    if instrument == "mdq":
        m = r.mdq
        res = calculator("mdq")(items=m.items, same_period=m.same_period, impairment=m.impairment)
        return res, (
            f"MDQ question 1: {res.value:g}/13 yes; question 2 (same period): "
            f"{'yes' if m.same_period else 'no'}; question 3 (problems): {m.impairment}."
        )
    if instrument == "audit":
        res = calculator("audit")(items=r.audit)
        c = sum(r.audit[:3])
        return res, f"AUDIT total {res.value:g}/40; AUDIT-C (items 1-3) {c}/12."
    if instrument == "cage":
        a = r.cage
        res = calculator("cage")(cut_down=a[0], annoyed=a[1], guilty=a[2], eye_opener=a[3])
        return res, f"CAGE {res.value:g}/4 yes answers."
    if instrument == "dast10":
        res = calculator("dast10")(answers=r.dast10)
        return res, f"DAST-10 {res.value:g}/10 (one point per yes, item 3 reverse-scored)."
    if instrument == "moca":
        res = moca(education_years=r.education_years, **r.moca)
        points = ", ".join(f"{k.replace('_', ' ')} {v:g}" for k, v in res.components.items())
        return res, f"MoCA total {res.value:g}/30. Points: {points}."
    if instrument == "mmse":
        res = mmse(**r.mmse)
        return res, f"MMSE total {res.value:g}/30."
    raise ToolError(f"no scoring rule for {instrument!r} (the C-SSRS is triaged, not scored)")


@tool(kind="compute", needs=(Need("the questionnaire's answers", ("administer_{instrument}",)),))
def score_instrument(state: PsychState, instrument: Instrument) -> str:
    """Score a questionnaire or cognitive test you have administered: totals and sub-scores.

    Published scoring rules (PHQ-9 Kroenke 2001; GAD-7 Spitzer 2006; PCL-5 Weathers 2013;
    MDQ Hirschfeld 2000; AUDIT Babor 2001 and AUDIT-C Bush 1998; CAGE Ewing 1984; DAST-10
    Skinner 1982; MoCA Nasreddine 2005 with the education point; MMSE Folstein 1975).
    Cut-offs are in psychiatry_guideline('instruments').

    Args:
        instrument: the instrument to score (administer it first).
    """
    res, text = _score(state, instrument)
    state.results[instrument] = float(res.value)  # type: ignore[arg-type]
    return text


ChecklistName = Literal[CRITERIA_SETS]  # type: ignore[valid-type]


@tool(kind="compute")
def dsm5_checklist(
    state: PsychState,
    criteria_set: ChecklistName,
    criteria_present: Annotated[list[str], MaxLen(40)] | None = None,
    duration_days: Annotated[int, Range(0, 36500)] = 0,
) -> str:
    """Apply DSM-5-TR's counting rules to YOUR criterion judgments for one criteria set.

    Pass the codes of the criteria you judge present (see dsm5_criteria for each set's
    codes) and the duration you established; the tool counts them and reports which
    criteria, and whether the whole set, are met. It does not look at the patient.

    Args:
        criteria_set: the criteria set (major_depressive_episode, generalized_anxiety,
            posttraumatic_stress, manic_hypomanic_episode (one episode per call), panic,
            alcohol_use, psychosis, neurocognitive, adjustment).
        criteria_present: codes of the criteria you judge present, e.g. ["A1", "A2", "A4",
            "B", "C"]; every code not listed is taken as absent.
        duration_days: how long the symptoms (or the episode) have lasted, in days.
    """
    present, unknown = normalize_codes(criteria_set, criteria_present or [])
    if unknown:
        codes = ", ".join(code for code, _ in CRITERIA[criteria_set])
        raise ToolError(f"not criterion codes of {criteria_set}: {unknown}; its codes: {codes}")
    ev = evaluate(criteria_set, present, duration_days)
    state.seen.add(f"checklist:{criteria_set}")
    state.checklist_counts[criteria_set] = ev.count
    for name, met in ev.met.items():
        state.checklist_met[name] = met
    return f"DSM-5-TR counting rules [{criteria_set}] over your judgments:\n" + "\n".join(ev.lines)


@tool(kind="reference")
def dsm5_criteria(state: PsychState, criteria_set: ChecklistName) -> str:
    """The DSM-5-TR criteria of a set, with the code of each criterion and its counting rule.

    Source: American Psychiatric Association, DSM-5-TR (2022).

    Args:
        criteria_set: the criteria set to print.
    """
    rows = "\n".join(f"  {code}: {text}" for code, text in CRITERIA[criteria_set])
    return f"DSM-5-TR criteria [{criteria_set}]:\n{rows}\nRule: {RULES[criteria_set]}"


GuidelineTopic = Literal[GUIDELINE_TOPICS]  # type: ignore[valid-type]


@tool(kind="reference")
def psychiatry_guideline(state: PsychState, topic: GuidelineTopic) -> str:
    """Published frameworks: suicide-risk triage, disposition, instrument cut-offs, severity.

    Args:
        topic: suicide_risk (Columbia triage, VA/DoD 2019), disposition, instruments
            (published cut-offs and bands) or severity_specifiers (DSM-5-TR).
    """
    return guideline_text(topic)


def _yn(flag: bool) -> str:
    return "yes" if flag else "no"


@tool(kind="observe")
def assess_suicide_risk(state: PsychState) -> str:
    """Suicide-risk interview: ideation, intent, plan, behaviour, lethal means, other factors.

    Reports what the patient and the record hold, in the domains of the VA/DoD 2019
    guideline; the acute risk level is yours to judge (psychiatry_guideline('suicide_risk')).
    """
    r = state.record
    c = r.cssrs
    state.seen.add("assess_suicide_risk")
    ideation = (
        f"Ideation (past month): wishes to be dead: {_yn(c.wish_to_be_dead)}; thoughts of "
        f"killing self: {_yn(c.suicidal_thoughts)}"
    )
    if c.suicidal_thoughts:
        ideation += (
            f"; has thought about a method: {_yn(c.thoughts_with_method)}; some intention of "
            f"acting: {_yn(c.intent)}; has worked out the details and intends to carry them "
            f"out: {_yn(c.plan_and_intent)}"
        )
    behaviour = {
        "none": "Suicidal or preparatory behaviour: none ever",
        "over_3_months_ago": "Suicidal behaviour: yes, more than 3 months ago",
        "past_3_months": "Suicidal behaviour: yes, within the past 3 months",
    }[c.suicidal_behavior]
    if c.behaviour_text:
        behaviour += f" ({c.behaviour_text})"
    means = "a firearm is kept at home" if r.firearm_access else "no firearm at home"
    risk = [RISK_FACTORS[k] for k in r.risk_factors if k not in ("prior_attempt", "firearm_access")]
    protective = [PROTECTIVE_FACTORS[k] for k in r.protective_factors]
    if "future_plans" not in r.protective_factors:
        protective.append("cannot name reasons for living or plans for the future")
    return (
        f"{ideation}. {behaviour}. Access to lethal means: {means}. Other factors reported: "
        f"{'; '.join(risk) if risk else 'none'}. Supports and reasons for living: "
        f"{'; '.join(protective) if protective else 'none'}."
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
    score_instrument,
    assess_suicide_risk,
    dsm5_checklist,
    dsm5_criteria,
    psychiatry_guideline,
]
