"""DSM-5-TR criteria sets, and their counting rules applied to the agent's judgments.

Source: American Psychiatric Association. Diagnostic and Statistical Manual of Mental
Disorders, 5th ed., text revision (DSM-5-TR). Washington, DC: APA; 2022 - criteria for
major depressive episode/disorder, generalized anxiety disorder, posttraumatic stress
disorder (adults), manic and hypomanic episodes, panic disorder, alcohol use disorder,
schizophrenia, major/mild neurocognitive disorder and adjustment disorder.

Rule: *tools observe and compute; the agent judges*.  Nothing here reads a patient
record to decide a criterion for the agent:

* :data:`CRITERIA` is the text of each set with the code the agent uses for each
  criterion (general knowledge; the ``dsm5_criteria`` reference tool prints it);
* :func:`evaluate` applies DSM-5-TR's counting rules (how many symptoms, which ones
  are required, minimum durations, which criteria must all hold) to the criterion
  codes **the agent judged present** and the duration **the agent passed** - the
  ``dsm5_checklist`` compute tool;
* :func:`true_judgments` derives, for the task generator's reference solution only, the
  judgments a clinician would make from the record's facts (every one of them is
  observable through the interview, history, examination and instrument tools).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .records import MoodEpisode, PsychRecord
from .symptoms import (
    AUD_CRITERIA,
    GAD_C,
    MANIA_B,
    MDD_A,
    PANIC_SYMPTOMS,
    PTSD_ITEMS,
    SCZ_A,
    keys,
)

_NOT_CAUSED = (
    "Not attributable to the physiological effects of a substance or another medical condition"
)
_IMPAIRS = (
    "Clinically significant distress or impairment in social, occupational or other important "
    "areas of functioning"
)

MANIA_B_CODES = {k: f"B{i}" for i, k in enumerate(MANIA_B, 1)}

# criteria set -> ((code, criterion text), ...)
CRITERIA: dict[str, tuple[tuple[str, str], ...]] = {
    "major_depressive_episode": (
        *((s.criterion, s.text) for s in MDD_A),
        ("B", _IMPAIRS),
        ("C", _NOT_CAUSED),
        ("D", "Not better explained by a primary psychotic illness"),
        ("E", "There has never been a manic episode or a hypomanic episode"),
    ),
    "generalized_anxiety": (
        (
            "A",
            "Excessive anxiety and worry, more days than not, about a number of events or "
            "activities",
        ),
        ("B", "The individual finds it difficult to control the worry"),
        *((s.criterion, s.text) for s in GAD_C),
        ("D", _IMPAIRS),
        ("E", _NOT_CAUSED),
        (
            "F",
            "Not better explained by another mental disorder (e.g. worry about having panic "
            "attacks, reminders of a trauma)",
        ),
    ),
    "posttraumatic_stress": (
        ("A", "Exposure to actual or threatened death, serious injury or sexual violence"),
        *((s.criterion, s.text) for s in PTSD_ITEMS),
        ("G", _IMPAIRS),
        ("H", _NOT_CAUSED),
    ),
    "manic_hypomanic_episode": (
        (
            "A",
            "A distinct period of abnormally and persistently elevated, expansive or "
            "irritable mood AND abnormally and persistently increased activity or energy",
        ),
        ("irritable_only", "The mood in A is only irritable (not elevated or expansive)"),
        *((MANIA_B_CODES[k], text) for k, text in MANIA_B.items()),
        ("marked_impairment", "Marked impairment in social or occupational functioning"),
        ("hospitalized", "Hospitalisation was necessary"),
        ("psychotic_features", "Psychotic features were present"),
        (
            "observable_change",
            "An unequivocal change in functioning, uncharacteristic of the "
            "person and observable by others",
        ),
        (
            "not_substance",
            "Not attributable to a substance (drug, medication, other treatment) "
            "or another medical condition",
        ),
    ),
    "panic": (
        (
            "A",
            "Recurrent unexpected panic attacks (an abrupt surge of intense fear or discomfort "
            "peaking within minutes)",
        ),
        *((s.criterion, s.text) for s in PANIC_SYMPTOMS),
        (
            "B",
            "At least one attack followed by persistent concern about further attacks or their "
            "consequences, or a significant maladaptive change in behaviour related to the attacks",
        ),
        ("C", _NOT_CAUSED),
        (
            "D",
            "Not better explained by another mental disorder (e.g. attacks only in response to "
            "reminders of a traumatic event)",
        ),
    ),
    "alcohol_use": tuple((f"A{s.criterion}", s.text) for s in AUD_CRITERIA),
    "psychosis": (
        *((s.criterion, s.text) for s in SCZ_A),
        (
            "B",
            "Level of functioning in work, relations or self-care markedly below the level "
            "achieved before the onset",
        ),
        ("D", "No major depressive or manic episode concurrent with the active-phase symptoms"),
        ("E", _NOT_CAUSED),
    ),
    "neurocognitive": (
        (
            "A_concern",
            "Concern of the individual, a knowledgeable informant or the clinician "
            "about a decline in cognitive function",
        ),
        (
            "A_impairment",
            "Impairment of cognitive performance documented by standardized "
            "testing (or another quantified clinical assessment)",
        ),
        (
            "B",
            "The cognitive deficits interfere with independence in everyday activities "
            "(at a minimum, help is needed with complex instrumental activities such as paying "
            "bills or managing medications)",
        ),
        ("C", "The deficits do not occur exclusively in the context of a delirium"),
        ("D", "Not better explained by another mental disorder (e.g. a major depressive episode)"),
    ),
    "adjustment": (
        (
            "A",
            "Emotional or behavioural symptoms in response to an identifiable stressor, "
            "beginning within 3 months of its onset",
        ),
        (
            "B",
            "Marked distress out of proportion to the stressor, or significant impairment in "
            "social, occupational or other important areas of functioning",
        ),
        (
            "C",
            "Does not meet the criteria for another mental disorder and is not merely an "
            "exacerbation of a pre-existing one",
        ),
        ("D", "Does not represent normal bereavement"),
        (
            "E",
            "Once the stressor or its consequences have ended, the symptoms do not persist for "
            "more than a further 6 months",
        ),
    ),
}

# counting rules, as the reference tool states them (DSM-5-TR)
RULES: dict[str, str] = {
    "major_depressive_episode": "A: >= 5 of A1-A9 present during the same 2-week period "
    "(duration_days >= 14), at least one of them A1 or A2. The episode needs A, B and C; "
    "the whole set (the disorder) also needs D and E.",
    "generalized_anxiety": "A for at least 6 months (duration_days >= 182); B; C: >= 3 of "
    "C1-C6; D, E and F. All needed.",
    "posttraumatic_stress": "A; B: >= 1 of B1-B5; C: >= 1 of C1-C2; D: >= 2 of D1-D7; E: "
    ">= 2 of E1-E6; F: duration of the disturbance more than 1 month (duration_days > 30); "
    "G and H. All needed.",
    "manic_hypomanic_episode": "Judge one episode per call. B needs >= 3 of B1-B7 (>= 4 when "
    "irritable_only). Manic episode: A and B lasting >= 7 days (duration_days >= 7, any "
    "duration if hospitalized), with marked_impairment, hospitalized or psychotic_features, "
    "and not_substance. Hypomanic episode: A and B lasting >= 4 consecutive days, "
    "observable_change, none of marked_impairment, hospitalized or psychotic_features, and "
    "not_substance.",
    "panic": "A: recurrent unexpected attacks with >= 4 of S1-S13; B lasting >= 1 month "
    "(duration_days >= 30); C and D. All needed.",
    "alcohol_use": "A problematic pattern of use with >= 2 of A1-A11 within a 12-month period.",
    "psychosis": ">= 2 of A1-A5, at least one of A1-A3; B; C: continuous signs for >= 6 "
    "months (duration_days >= 182); D and E. All needed.",
    "neurocognitive": "Both A_concern and A_impairment, C and D. With B present: the major "
    "form (substantial decline); with B absent: the mild form (modest decline).",
    "adjustment": "A, B, C, D and E. All needed.",
}


@dataclass
class Evaluation:
    """What the counting rules give for one call: text lines and the verdicts."""

    lines: list[str]
    count: int = 0  # the symptom count the set is about (MDE: A1-A9; alcohol: A1-A11)
    met: dict[str, bool] = field(default_factory=dict)  # verdict name -> met


def codes_of(criteria_set: str) -> list[str]:
    return [code for code, _ in CRITERIA[criteria_set]]


def normalize_codes(criteria_set: str, judged: list[str]) -> tuple[set[str], list[str]]:
    """The judged codes of the set (case-insensitive) and those that are not codes of it."""
    by_lower = {c.lower(): c for c in codes_of(criteria_set)}
    found, unknown = set(), []
    for raw in judged:
        code = by_lower.get(str(raw).strip().lower())
        if code is None:
            unknown.append(str(raw))
        else:
            found.add(code)
    return found, unknown


def _yes(ok: bool) -> str:
    return "met" if ok else "not met"


def _judged(p: set[str], code: str, label: str) -> str:
    return f"{code} ({label}): {'judged present' if code in p else 'judged absent'}"


def _count(p: set[str], codes: list[str]) -> tuple[int, str]:
    have = [c for c in codes if c in p]
    return len(have), (", ".join(have) if have else "none")


def _evaluate_mde(p: set[str], days: int) -> Evaluation:
    a_codes = [f"A{i}" for i in range(1, 10)]
    n, which = _count(p, a_codes)
    core = "A1" in p or "A2" in p
    a = n >= 5 and core and days >= 14
    episode = a and "B" in p and "C" in p
    whole = episode and "D" in p and "E" in p
    lines = [
        f"A: {n} of 9 judged present ({which}); >= 5 needed: {'yes' if n >= 5 else 'no'}; "
        f"A1 or A2 among them: {'yes' if core else 'no'}; duration {days} days (>= 14 "
        f"needed): {'yes' if days >= 14 else 'no'} -> A {_yes(a)}",
        _judged(p, "B", "distress or impairment"),
        _judged(p, "C", "not caused by a substance or medical condition"),
        _judged(p, "D", "not better explained by a psychotic illness"),
        _judged(p, "E", "never a manic or hypomanic episode"),
        f"Episode criteria A-C: {_yes(episode)}. All criteria A-E of the set: {_yes(whole)}.",
    ]
    return Evaluation(lines, n, {"major_depressive_episode": whole, "episode_a_to_c": episode})


def _evaluate_gad(p: set[str], days: int) -> Evaluation:
    n, which = _count(p, [f"C{i}" for i in range(1, 7)])
    a = "A" in p and days >= 182
    ok = a and "B" in p and n >= 3 and all(c in p for c in "DEF")
    lines = [
        f"A: {'judged present' if 'A' in p else 'judged absent'}; duration {days} days "
        f"(>= 182 needed, 6 months) -> A {_yes(a)}",
        _judged(p, "B", "worry difficult to control"),
        f"C: {n} of 6 judged present ({which}); >= 3 needed -> C {_yes(n >= 3)}",
        _judged(p, "D", "distress or impairment"),
        _judged(p, "E", "not caused by a substance or medical condition"),
        _judged(p, "F", "not better explained by another mental disorder"),
        f"All criteria A-F of the set: {_yes(ok)}.",
    ]
    return Evaluation(lines, n, {"generalized_anxiety": ok})


def _evaluate_ptsd(p: set[str], days: int) -> Evaluation:
    clusters = (("B", 5, 1), ("C", 2, 1), ("D", 7, 2), ("E", 6, 2))
    lines = [_judged(p, "A", "exposure to a qualifying traumatic event")]
    ok = "A" in p
    total = 0
    for letter, size, need in clusters:
        n, which = _count(p, [f"{letter}{i}" for i in range(1, size + 1)])
        total += n
        ok = ok and n >= need
        lines.append(
            f"{letter}: {n} of {size} judged present ({which}); >= {need} needed -> "
            f"{letter} {_yes(n >= need)}"
        )
    lines.append(f"F: duration {days} days (> 30 needed) -> F {_yes(days > 30)}")
    lines += [
        _judged(p, "G", "distress or impairment"),
        _judged(p, "H", "not caused by a substance or medical condition"),
    ]
    ok = ok and days > 30 and "G" in p and "H" in p
    lines.append(f"All criteria A-H of the set: {_yes(ok)}.")
    return Evaluation(lines, total, {"posttraumatic_stress": ok})


def _evaluate_mania(p: set[str], days: int) -> Evaluation:
    n, which = _count(p, list(MANIA_B_CODES.values()))
    need = 4 if "irritable_only" in p else 3
    core = "A" in p and n >= need
    severe = [c for c in ("marked_impairment", "hospitalized", "psychotic_features") if c in p]
    long_enough = days >= 7 or "hospitalized" in p
    manic = core and bool(severe) and long_enough and "not_substance" in p
    hypomanic = (
        core and not severe and days >= 4 and "observable_change" in p and ("not_substance" in p)
    )
    lines = [
        _judged(p, "A", "elevated, expansive or irritable mood with increased energy")
        + ("; mood only irritable" if "irritable_only" in p else ""),
        f"B: {n} of 7 judged present ({which}); >= {need} needed -> B {_yes(n >= need)}",
        f"Duration {days} days; hospitalized: {'yes' if 'hospitalized' in p else 'no'}",
        "Marked impairment, hospitalisation or psychotic features: "
        + (", ".join(severe) if severe else "none judged present"),
        _judged(p, "observable_change", "change in functioning observable by others"),
        _judged(p, "not_substance", "not caused by a substance or medical condition"),
        f"Manic episode criteria (>= 7 days or hospitalized, with marked impairment, "
        f"hospitalisation or psychotic features): {_yes(manic)}.",
        f"Hypomanic episode criteria (>= 4 days, observable change, without them): "
        f"{_yes(hypomanic)}.",
    ]
    return Evaluation(lines, n, {"manic_episode": manic, "hypomanic_episode": hypomanic})


def _evaluate_panic(p: set[str], days: int) -> Evaluation:
    n, which = _count(p, [f"S{i}" for i in range(1, 14)])
    a = "A" in p and n >= 4
    b = "B" in p and days >= 30
    ok = a and b and "C" in p and "D" in p
    lines = [
        f"A: recurrent unexpected attacks {'judged present' if 'A' in p else 'judged absent'}; "
        f"attack symptoms {n} of 13 judged present ({which}); >= 4 needed -> A {_yes(a)}",
        f"B: {'judged present' if 'B' in p else 'judged absent'}; duration {days} days "
        f"(>= 30 needed) -> B {_yes(b)}",
        _judged(p, "C", "not caused by a substance or medical condition"),
        _judged(p, "D", "not better explained by another mental disorder"),
        f"All criteria A-D of the set: {_yes(ok)}.",
    ]
    return Evaluation(lines, n, {"panic": ok})


def _evaluate_alcohol(p: set[str], days: int) -> Evaluation:
    n, which = _count(p, [f"A{i}" for i in range(1, 12)])
    lines = [
        f"A: {n} of 11 judged present within 12 months ({which}); >= 2 needed.",
        f"Criteria set: {_yes(n >= 2)}.",
    ]
    return Evaluation(lines, n, {"alcohol_use": n >= 2})


def _evaluate_psychosis(p: set[str], days: int) -> Evaluation:
    n, which = _count(p, [f"A{i}" for i in range(1, 6)])
    positive = sum(f"A{i}" in p for i in (1, 2, 3))
    a = n >= 2 and positive >= 1
    ok = a and "B" in p and days >= 182 and "D" in p and "E" in p
    lines = [
        f"A: {n} of 5 judged present ({which}); >= 2 needed, at least one of A1-A3 "
        f"({positive}) -> A {_yes(a)}",
        _judged(p, "B", "functioning markedly below the previous level"),
        f"C: continuous signs for {days} days (>= 182 needed, 6 months) -> C {_yes(days >= 182)}",
        _judged(p, "D", "no concurrent major mood episode"),
        _judged(p, "E", "not caused by a substance or medical condition"),
        f"All criteria A-E of the set: {_yes(ok)}.",
    ]
    return Evaluation(lines, n, {"psychosis": ok})


def _evaluate_ncd(p: set[str], days: int) -> Evaluation:
    base = all(c in p for c in ("A_concern", "A_impairment", "C", "D"))
    major = base and "B" in p
    mild = base and "B" not in p
    lines = [
        _judged(p, "A_concern", "concern about cognitive decline"),
        _judged(p, "A_impairment", "impairment on standardized testing"),
        _judged(p, "B", "deficits interfere with independence in everyday activities"),
        _judged(p, "C", "not exclusively during a delirium"),
        _judged(p, "D", "not better explained by another mental disorder"),
        f"Major form (A, B, C, D): {_yes(major)}. Mild form (A, C, D with B absent): {_yes(mild)}.",
    ]
    return Evaluation(lines, 0, {"neurocognitive_major": major, "neurocognitive_mild": mild})


def _evaluate_adjustment(p: set[str], days: int) -> Evaluation:
    ok = all(c in p for c in "ABCDE")
    lines = [
        _judged(p, "A", "symptoms in response to a stressor, within 3 months of it"),
        _judged(p, "B", "marked distress or significant impairment"),
        _judged(p, "C", "criteria of another mental disorder not met"),
        _judged(p, "D", "not normal bereavement"),
        _judged(p, "E", "not persisting > 6 months after the stressor ended"),
        f"All criteria A-E of the set: {_yes(ok)}.",
    ]
    return Evaluation(lines, 0, {"adjustment": ok})


_EVALUATORS = {
    "major_depressive_episode": _evaluate_mde,
    "generalized_anxiety": _evaluate_gad,
    "posttraumatic_stress": _evaluate_ptsd,
    "manic_hypomanic_episode": _evaluate_mania,
    "panic": _evaluate_panic,
    "alcohol_use": _evaluate_alcohol,
    "psychosis": _evaluate_psychosis,
    "neurocognitive": _evaluate_ncd,
    "adjustment": _evaluate_adjustment,
}
CRITERIA_SETS: tuple[str, ...] = tuple(CRITERIA)


def evaluate(criteria_set: str, present: set[str], duration_days: int) -> Evaluation:
    """DSM-5-TR counting rules of ``criteria_set`` over the judged-present codes."""
    return _EVALUATORS[criteria_set](present, int(duration_days))


# ------------------------------------------------------------ episode classification


def episode_kind(e: MoodEpisode) -> str:
    """DSM-5 manic (A-D) / hypomanic (A-F) episode classification of an episode's facts."""
    ev = _evaluate_mania(set(mania_codes(e)), e.duration_days)
    if ev.met["manic_episode"]:
        return "manic"
    if ev.met["hypomanic_episode"]:
        return "hypomanic"
    return "below threshold"


def mania_codes(e: MoodEpisode) -> list[str]:
    """The criterion codes an episode's facts support (for the reference solution)."""
    codes = []
    if ("elevated" in e.features or "irritable" in e.features) and "energy" in e.features:
        codes.append("A")
    if "elevated" not in e.features:
        codes.append("irritable_only")
    codes += [MANIA_B_CODES[k] for k in MANIA_B if k in e.features]
    for ok, code in (
        (e.marked_impairment, "marked_impairment"),
        (e.hospitalized, "hospitalized"),
        (e.psychotic, "psychotic_features"),
    ):
        if ok:
            codes.append(code)
    codes += ["observable_change", "not_substance"]
    return codes


# ------------------------------------------------- judgments of the reference solution


def _symptom_codes(r: PsychRecord, group: tuple, prefix: str = "") -> list[str]:
    return [prefix + s.criterion for s in group if r.has(s.key)]


def reference_episode(r: PsychRecord) -> MoodEpisode | None:
    """The elevated-mood episode the reference solution judges (the most severe)."""
    episodes = ([r.current_mood_episode] if r.current_mood_episode else []) + list(
        r.past_elevated_episodes
    )
    if not episodes:
        return None
    rank = {"manic": 2, "hypomanic": 1, "below threshold": 0}
    return max(episodes, key=lambda e: rank[episode_kind(e)])


def true_judgments(criteria_set: str, r: PsychRecord) -> tuple[list[str], int]:
    """(codes judged present, duration in days) a clinician would pass for this record."""
    impaired = r.impairment != "none"
    weeks = r.symptom_weeks * 7
    if criteria_set == "major_depressive_episode":
        codes = _symptom_codes(r, MDD_A)
        codes += ["B"] * impaired + ["C"] + ["D"] * (not r.functional_decline)
        episodes = ([r.current_mood_episode] if r.current_mood_episode else []) + list(
            r.past_elevated_episodes
        )
        if all(episode_kind(e) == "below threshold" for e in episodes):
            codes.append("E")
        return codes, weeks
    if criteria_set == "generalized_anxiety":
        codes = ["A"] * r.has("gad.worry") + ["B"] * r.has("gad.uncontrollable")
        codes += _symptom_codes(r, GAD_C)
        codes += ["D"] * impaired + ["E"] + ["F"] * (not r.anxiety_explained_by)
        return codes, weeks
    if criteria_set == "posttraumatic_stress":
        codes = ["A"] * (r.trauma is not None) + _symptom_codes(r, PTSD_ITEMS)
        return codes + ["G"] * impaired + ["H"], weeks
    if criteria_set == "manic_hypomanic_episode":
        e = reference_episode(r)
        return (mania_codes(e), e.duration_days) if e else ([], 0)
    if criteria_set == "panic":
        unexpected = r.has("panic.unexpected")
        codes = ["A"] * unexpected + _symptom_codes(r, PANIC_SYMPTOMS)
        codes += ["B"] * r.has("panic.concern") + ["C"]
        codes += ["D"] * (unexpected or not r.anxiety_explained_by)
        return codes, weeks
    if criteria_set == "alcohol_use":
        return _symptom_codes(r, AUD_CRITERIA, "A"), 365
    if criteria_set == "psychosis":
        codes = _symptom_codes(r, SCZ_A) + ["B"] * r.functional_decline
        codes += ["D"] * (not r.mood_episodes_during_psychosis) + ["E"]
        return codes, r.psychosis_months * 30
    if criteria_set == "neurocognitive":
        from ...clinical.guidelines.cognitive import moca

        impaired_test = moca(education_years=r.education_years, **r.moca).value < 26
        codes = ["A_concern"] * bool(r.cognitive_concern) + ["A_impairment"] * impaired_test
        codes += ["B"] * r.iadl_dependent + ["C"] + ["D"] * (r.count(keys(MDD_A)) < 5)
        return codes, weeks
    if criteria_set == "adjustment":
        s = r.stressor
        other = r.count(keys(MDD_A)) >= 5 or bool(
            r.past_elevated_episodes
            and any(episode_kind(e) != "below threshold" for e in r.past_elevated_episodes)
        )
        codes = ["A"] * (s is not None and s.months_ago <= 3 and bool(r.symptoms))
        codes += ["B"] * impaired + ["C"] * (not other) + ["D", "E"]
        return codes, weeks
    raise KeyError(criteria_set)
