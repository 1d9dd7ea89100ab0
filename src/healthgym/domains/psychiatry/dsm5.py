"""DSM-5-TR criteria checklists evaluated against a patient record's facts.

Source: American Psychiatric Association. Diagnostic and Statistical Manual of Mental
Disorders, 5th ed., text revision (DSM-5-TR). Washington, DC: APA; 2022 - criteria for
major depressive episode/disorder, generalized anxiety disorder, posttraumatic stress
disorder (adults), manic and hypomanic episodes, panic disorder, alcohol use disorder,
schizophrenia and major/mild neurocognitive disorder.

A checklist states, criterion by criterion, whether the record's facts meet it and
counts the symptoms present; it never states a diagnosis.  Criteria that depend on
another checklist (e.g. "never a manic or hypomanic episode") point to it.  Each
function returns ``(lines, count)`` where ``count`` is the symptom count the checklist
is about (criterion-A symptoms, the 11 alcohol-use criteria ...).
"""

from __future__ import annotations

from collections.abc import Callable

from .cognition import mmse, moca
from .presentations import ago_text
from .records import MoodEpisode, PsychRecord, PsychState
from .symptoms import (
    AUD_CRITERIA,
    GAD_C,
    MANIA_A,
    MANIA_B,
    MDD_A,
    PANIC_SYMPTOMS,
    PTSD_CLUSTERS,
    PTSD_ITEMS,
    SCZ_A,
    Symptom,
    keys,
)

Checklist = tuple[list[str], int]


def _met(ok: bool) -> str:
    return "met" if ok else "not met"


def _boxes(r: PsychRecord, group: tuple[Symptom, ...]) -> list[str]:
    return [f"  [{'x' if r.has(s.key) else ' '}] {s.criterion} {s.text}" for s in group]


def _cause_line(label: str, r: PsychRecord) -> str:
    return f"{label} not attributable to a substance or another medical condition: met ({r.labs})"


def _impairment_line(label: str, r: PsychRecord) -> str:
    text = f" ({r.impairment_text})" if r.impairment_text else ""
    met = _met(r.impairment != "none")
    return f"{label} clinically significant distress or impairment: {met}{text}"


def depressive_episode(r: PsychRecord) -> Checklist:
    n = r.count(keys(MDD_A))
    core = r.has("mdd.a1") or r.has("mdd.a2")
    elevated = [e for e in r.past_elevated_episodes if episode_kind(e) != "below threshold"]
    lines = [
        "A: >= 5 of 9 symptoms during the same 2-week period, including A1 or A2",
        *_boxes(r, MDD_A),
        f"  symptoms present: {n} of 9; A1 or A2 present: {'yes' if core else 'no'}; "
        f"current symptoms for {r.symptom_weeks} weeks (>= 2 needed)",
        _impairment_line("B", r),
        _cause_line("C", r),
        "D not better explained by a primary psychotic illness: " + _met(not r.functional_decline),
        "E no lifetime manic or hypomanic episode: "
        + (
            "not met - past elevated-mood episode(s), see checklist manic_hypomanic_episode"
            if elevated
            else "met (none reported)"
        ),
    ]
    return lines, n


def generalized_anxiety(r: PsychRecord) -> Checklist:
    months = r.symptom_weeks // 4
    worry = r.has("gad.worry")
    n = r.count(keys(GAD_C))
    lines = [
        f"A excessive anxiety and worry about several matters, more days than not, for >= 6 "
        f"months: {_met(worry and months >= 6)}"
        + (f" ({months} months)" if worry else " (no excessive worry)"),
        f"B worry difficult to control: {_met(r.has('gad.uncontrollable'))}",
        "C: >= 3 of 6 symptoms",
        *_boxes(r, GAD_C),
        f"  symptoms present: {n} of 6",
        _impairment_line("D", r),
        _cause_line("E", r),
        "F not better explained by another mental disorder: "
        + (f"not met ({r.anxiety_explained_by})" if r.anxiety_explained_by else "met"),
    ]
    return lines, n


def posttraumatic_stress(r: PsychRecord) -> Checklist:
    items = keys(PTSD_ITEMS)
    lines = [
        "A exposure to actual or threatened death, serious injury or sexual violence: "
        + (
            f"met ({r.trauma.what}, {ago_text(r.trauma.months_ago)})"
            if r.trauma
            else "not met (no qualifying event reported)"
        )
    ]
    total = 0
    for cluster, lo, hi, need in PTSD_CLUSTERS:
        n = r.count(items[lo:hi])
        total += n
        lines.append(f"{cluster}: >= {need} of {hi - lo} needed - {n} present")
        lines += _boxes(r, PTSD_ITEMS[lo:hi])
    months = r.trauma.months_ago if r.trauma else 0
    lines += [
        f"F duration of B-E disturbance more than 1 month: {_met(total > 0 and months >= 1)}",
        _impairment_line("G", r),
        _cause_line("H", r),
    ]
    return lines, total


def episode_kind(e: MoodEpisode) -> str:
    """DSM-5 manic (A-D) / hypomanic (A-F) episode classification of an episode's facts."""
    mood = "elevated" in e.features or "irritable" in e.features
    b = sum(f in e.features for f in MANIA_B)
    need = 3 if "elevated" in e.features else 4
    if not (mood and "energy" in e.features and b >= need):
        return "below threshold"
    severe = e.marked_impairment or e.hospitalized or e.psychotic
    if severe and (e.duration_days >= 7 or e.hospitalized):
        return "manic"
    if not severe and e.duration_days >= 4:
        return "hypomanic"
    return "below threshold"


def _episode_lines(e: MoodEpisode) -> list[str]:
    when = "current episode" if e.years_ago == 0 else f"episode about {e.years_ago} years ago"
    mood = [MANIA_A[k] for k in ("elevated", "irritable", "energy") if k in e.features]
    b = [MANIA_B[k] for k in MANIA_B if k in e.features]
    severe = [
        text
        for ok, text in (
            (e.marked_impairment, "marked impairment"),
            (e.hospitalized, "hospitalisation"),
            (e.psychotic, "psychotic features"),
        )
        if ok
    ]
    return [
        f"{when.capitalize()}:",
        f"  A mood and energy: {'; '.join(mood) if mood else 'no sustained change'}; "
        f"lasted {e.duration_days} days",
        f"  B symptoms: {len(b)} of 7 (>= 3 needed, >= 4 if the mood is only irritable)"
        + (f": {'; '.join(b)}" if b else ""),
        "  marked impairment, hospitalisation or psychotic features: "
        + (", ".join(severe) if severe else "none (a change in functioning others noticed)"),
        "  not attributable to a substance or medication: met",
    ]


def manic_hypomanic_episode(r: PsychRecord) -> Checklist:
    episodes = ([r.current_mood_episode] if r.current_mood_episode else []) + list(
        r.past_elevated_episodes
    )
    lines = [
        "Manic episode: A >= 1 week (any duration if hospitalised); B; C marked impairment, "
        "hospitalisation or psychotic features; D not substance-induced.",
        "Hypomanic episode: A >= 4 consecutive days; B; change in functioning observable by "
        "others, without marked impairment, hospitalisation or psychotic features.",
    ]
    if not episodes:
        lines.append("No period of elevated or irritable mood reported.")
    for e in episodes:
        lines += _episode_lines(e)
    current_mde = r.count(keys(MDD_A))
    lines.append(
        f"Depressive episodes: {r.past_depressive_episodes} previous; current depressive "
        f"symptoms: {current_mde} of 9 (see checklist major_depressive_episode)"
    )
    return lines, len(episodes)


def panic(r: PsychRecord) -> Checklist:
    n = r.count(keys(PANIC_SYMPTOMS))
    unexpected = r.has("panic.unexpected")
    attacks = r.panic_attacks_per_month
    lines = [
        "A recurrent unexpected panic attacks (abrupt surge peaking within minutes, >= 4 of "
        f"13 symptoms): {_met(unexpected and n >= 4)}; {attacks} attacks a month"
        + ("" if unexpected or not attacks else " (cued, not unexpected)"),
        *_boxes(r, PANIC_SYMPTOMS),
        f"  attack symptoms present: {n} of 13",
        "B >= 1 month of persistent concern about attacks or maladaptive change in "
        f"behaviour: {_met(r.has('panic.concern'))}",
        _cause_line("C", r),
        "D not better explained by another mental disorder: "
        + (
            "met"
            if unexpected or not r.anxiety_explained_by
            else f"not met ({r.anxiety_explained_by})"
        ),
    ]
    return lines, n


def alcohol_use(r: PsychRecord) -> Checklist:
    n = r.count(keys(AUD_CRITERIA))
    lines = [
        "A problematic pattern of alcohol use with >= 2 of 11 criteria within 12 months:",
        *_boxes(r, AUD_CRITERIA),
        f"  criteria present: {n} of 11",
        f"  current use: about {r.alcohol.drinks_per_week} standard drinks a week "
        f"({r.alcohol.pattern})",
    ]
    return lines, n


def psychosis(r: PsychRecord) -> Checklist:
    n = r.count(keys(SCZ_A))
    positive = r.count(keys(SCZ_A)[:3])
    lines = [
        "A: >= 2 of 5 for a significant part of 1 month, at least one of A1-A3",
        *_boxes(r, SCZ_A),
        f"  symptoms present: {n} of 5 (A1-A3: {positive})",
        f"B level of functioning markedly below the prior level: {_met(r.functional_decline)}",
        f"C continuous signs for >= 6 months: {_met(r.psychosis_months >= 6)}"
        + (f" ({r.psychosis_months} months)" if r.psychosis_months else ""),
        "D no major mood episode concurrent with the active phase: "
        + _met(not r.mood_episodes_during_psychosis),
        f"E not attributable to a substance or another medical condition: met (drug use: "
        f"{r.drug_use}; {r.labs})",
    ]
    return lines, n


def neurocognitive(r: PsychRecord, state: PsychState) -> Checklist:
    tests = []
    if "administer_moca" in state.seen:
        tests.append(moca(education_years=r.education_years, **r.moca).interpretation)
    if "administer_mmse" in state.seen:
        tests.append(mmse(**r.mmse).interpretation)
    lines = [
        "A evidence of cognitive decline from a previous level:",
        "  concern of the individual, an informant or the clinician: "
        + (f"yes ({r.cognitive_concern})" if r.cognitive_concern else "none expressed"),
        "  objective impairment on standardised testing: "
        + ("; ".join(tests) if tests else "no testing yet (administer the MoCA or MMSE)"),
        "  (major: substantial decline; mild: modest decline)",
        "B deficits interfere with independence in everyday activities: "
        + ("yes" if r.iadl_dependent else "no")
        + (f" ({r.iadl_text})" if r.iadl_text else ""),
        "C not exclusively in the context of a delirium: met (alert, attention not fluctuating)",
        "D not better explained by another mental disorder (e.g. a depressive episode): "
        + _met(r.count(keys(MDD_A)) < 5),
    ]
    return lines, 0


CHECKLISTS: dict[str, Callable[..., Checklist]] = {
    "major_depressive_episode": depressive_episode,
    "generalized_anxiety": generalized_anxiety,
    "posttraumatic_stress": posttraumatic_stress,
    "manic_hypomanic_episode": manic_hypomanic_episode,
    "panic": panic,
    "alcohol_use": alcohol_use,
    "psychosis": psychosis,
    "neurocognitive": neurocognitive,
}


def run_checklist(name: str, state: PsychState) -> Checklist:
    fn = CHECKLISTS[name]
    if name == "neurocognitive":
        return fn(state.record, state)
    return fn(state.record)
