"""Structured clinical interview by topic: what the patient (and informants) report.

Each topic asks about every symptom of one area, in the order of the DSM-5-TR criteria
it bears on, and reports the answer as the clinician hears it - *reports* or *denies*,
with how long, how often, and what it does to everyday life.  No answer is labelled
with a criterion code and nothing is counted or concluded: mapping the answers to
criteria, counting them and weighing durations and exclusions is the agent's judgment
(the ``dsm5_checklist`` compute tool then applies the counting rules to it).

The questions paraphrase the DSM-5-TR criteria (American Psychiatric Association, 2022),
as a semi-structured interview such as the SCID-5 (First MB, Williams JBW, Karg RS,
Spitzer RL. Structured Clinical Interview for DSM-5 Disorders, Clinician Version.
APA Publishing; 2016) does.
"""

from __future__ import annotations

from .presentations import ago_text, duration_text
from .records import MoodEpisode, PsychRecord
from .symptoms import (
    AUD_CRITERIA,
    GAD_C,
    MANIA_PLAIN,
    MDD_A,
    PANIC_SYMPTOMS,
    PTSD_ITEMS,
    SCZ_A,
    Symptom,
)

TOPICS: tuple[str, ...] = (
    "mood",
    "elevated_mood",
    "worry",
    "panic",
    "trauma",
    "alcohol",
    "psychosis",
    "cognition",
)


def _answers(r: PsychRecord, group: tuple[Symptom, ...]) -> str:
    said = []
    for s in group:
        text = s.text[0].lower() + s.text[1:]
        said.append(("reports " if r.has(s.key) else "denies ") + text)
    return "; ".join(said)


def _impact(r: PsychRecord) -> str:
    return r.impairment_text or "No effect on work or relationships described."


def mood(r: PsychRecord) -> str:
    span = duration_text(max(2, r.symptom_weeks)).removeprefix("about ")
    parts = [f"Asked about the past {span}: {_answers(r, MDD_A)}."]
    reported = [s.key for s in MDD_A if r.has(s.key)]
    if reported:
        weeks = max(r.weeks_of(k) for k in reported)
        parts.append(
            f"These have been present for {duration_text(weeks)}, most of the day on most days."
        )
    if r.stressor is not None:
        parts.append(f"They began after {r.stressor.what} ({ago_text(r.stressor.months_ago)}).")
    parts.append(f"Effect on daily life: {_impact(r)}")
    return " ".join(parts)


def _episode(e: MoodEpisode) -> str:
    when = "Now (current period)" if e.years_ago == 0 else f"About {e.years_ago} years ago"
    plain = ", ".join(MANIA_PLAIN[f] for f in e.features)
    text = f"{when}: for {e.duration_days} days the patient {plain}"
    if e.marked_impairment:
        text += "; could not work or keep up with responsibilities and the family had to step in"
    else:
        text += "; friends and colleagues noticed the change, but the patient kept working"
    text += "; admitted to hospital" if e.hospitalized else "; not admitted to hospital"
    if e.psychotic:
        text += "; believed they had been chosen for a special mission"
    text += "; no drugs or medication started beforehand"
    return text + "."


def elevated_mood(r: PsychRecord) -> str:
    episodes = ([r.current_mood_episode] if r.current_mood_episode else []) + list(
        r.past_elevated_episodes
    )
    if not episodes:
        return (
            "Asked about periods of unusually high, expansive or irritable mood with "
            "increased energy: denies any, now or in the past."
        )
    return "Periods of unusually high or irritable mood with more energy: " + " ".join(
        _episode(e) for e in episodes
    )


def worry(r: PsychRecord) -> str:
    if r.has("gad.worry"):
        head = (
            f"Reports excessive worry about several things (work, health, family), more days "
            f"than not, for {duration_text(r.symptom_weeks)}"
        )
    else:
        head = "Denies excessive worry about everyday matters"
    control = (
        "finds the worry hard to control"
        if r.has("gad.uncontrollable")
        else ("can put worries aside")
    )
    parts = [f"{head}; {control}.", f"With it: {_answers(r, GAD_C)}."]
    if r.anxiety_explained_by:
        parts.append(f"Patient adds: the {r.anxiety_explained_by}.")
    parts.append(f"Effect on daily life: {_impact(r)}")
    return " ".join(parts)


def panic(r: PsychRecord) -> str:
    if not r.panic_attacks_per_month:
        return "Asked about sudden surges of intense fear or discomfort: denies having had any."
    how = (
        "out of the blue, including at rest"
        if r.has("panic.unexpected")
        else "only when something reminds them of what happened"
    )
    parts = [
        f"About {r.panic_attacks_per_month} sudden surges of intense fear a month, peaking "
        f"within minutes, {how}.",
        f"During the attacks: {_answers(r, PANIC_SYMPTOMS)}.",
    ]
    if r.has("panic.concern"):
        parts.append(
            f"For {duration_text(r.symptom_weeks)} has worried constantly about the "
            "next attack and changed routines to avoid one."
        )
    else:
        parts.append("Does not dwell on the attacks between them.")
    return " ".join(parts)


def trauma(r: PsychRecord) -> str:
    if r.trauma is None:
        return (
            "Asked about exposure to actual or threatened death, serious injury or sexual "
            "violence: denies any such event."
        )
    reported = [s.key for s in PTSD_ITEMS if r.has(s.key)]
    weeks = max((r.weeks_of(k) for k in reported), default=r.symptom_weeks)
    return (
        f"Event: {r.trauma.what}, {ago_text(r.trauma.months_ago)}. Since then, for "
        f"{duration_text(weeks)}: {_answers(r, PTSD_ITEMS)}. "
        f"Effect on daily life: {_impact(r)}"
    )


def alcohol(r: PsychRecord) -> str:
    a = r.alcohol
    if not a.drinks_per_week:
        use = "Does not drink alcohol."
    else:
        use = (
            f"About {a.drinks_per_week} standard drinks a week ({a.pattern})"
            + ("" if a.ongoing else ", stopped recently")
            + "."
        )
    return f"{use} Over the past 12 months: {_answers(r, AUD_CRITERIA)}."


def psychosis(r: PsychRecord) -> str:
    parts = [f"Asked about unusual beliefs and experiences: {_answers(r, SCZ_A)}."]
    if r.psychosis_months:
        parts.append(
            f"The family date the change to {r.psychosis_months} months ago, with "
            "signs continuously since."
        )
    if r.mood_episodes_during_psychosis:
        parts.append(
            "The unusual beliefs have been present only during the current period of high mood."
        )
    elif r.psychosis_months:
        parts.append("No prolonged period of low or high mood during this time.")
    parts.append(
        "Work and self-care have fallen well below the previous level."
        if r.functional_decline
        else "Work and self-care at the usual level."
    )
    parts.append(f"Drug use: {r.drug_use}.")
    return " ".join(parts)


def cognition(r: PsychRecord) -> str:
    if r.cognitive_concern:
        head = (
            f"Decline in memory and thinking over {duration_text(r.symptom_weeks)}, "
            f"noticed by {r.cognitive_concern}."
        )
    else:
        head = "No concern about memory or thinking from the patient or the family."
    daily = r.iadl_text or "Manages finances, medications, shopping and cooking independently."
    return (
        f"{head} Everyday activities: {daily} Alert throughout, attention steady; no "
        "fluctuation or confusion reported by the family."
    )


INTERVIEWS = {
    "mood": mood,
    "elevated_mood": elevated_mood,
    "worry": worry,
    "panic": panic,
    "trauma": trauma,
    "alcohol": alcohol,
    "psychosis": psychosis,
    "cognition": cognition,
}
