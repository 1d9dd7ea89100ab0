"""Symptom vocabulary of the psychiatry domain, keyed by DSM-5 criterion.

Each symptom fact of a patient record is one key below (``"mdd.a1"``, ``"aud.7"``...).
The criterion wording paraphrases the American Psychiatric Association, *Diagnostic and
Statistical Manual of Mental Disorders*, 5th ed., text revision (DSM-5-TR, 2022):
major depressive episode (A1-A9), generalized anxiety (C1-C6), posttraumatic stress
(B1-B5, C1-C2, D1-D7, E1-E6; the PCL-5 items follow the same order, Weathers 2013),
panic attack symptoms (13), manic/hypomanic episode (A and B1-B7), alcohol use (11
criteria) and schizophrenia (A1-A5).  The ``voice`` texts are how a patient describes the
symptom in the presenting history.

No text here names a diagnosis: the checklists state criteria, not conclusions.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Symptom:
    key: str
    criterion: str  # criterion label within its set, e.g. "A1"
    text: str  # clinician wording of the criterion
    voice: str = ""  # first-person description for the presenting history


def _set(prefix: str, rows: tuple[tuple[str, str, str], ...]) -> tuple[Symptom, ...]:
    return tuple(
        Symptom(f"{prefix}.{crit.lower()}", crit, text, voice) for crit, text, voice in rows
    )


MDD_A = _set(
    "mdd",
    (
        ("A1", "Depressed mood most of the day, nearly every day", "I feel low and empty."),
        (
            "A2",
            "Markedly diminished interest or pleasure in almost all activities",
            "Nothing interests me any more.",
        ),
        ("A3", "Significant change in appetite or weight", "My appetite has changed a lot."),
        ("A4", "Insomnia or hypersomnia nearly every day", "My sleep is all over the place."),
        (
            "A5",
            "Psychomotor agitation or retardation observable by others",
            "People say I move and talk slowly.",
        ),
        ("A6", "Fatigue or loss of energy nearly every day", "I have no energy at all."),
        ("A7", "Feelings of worthlessness or excessive guilt", "I feel worthless."),
        (
            "A8",
            "Diminished ability to think or concentrate, or indecisiveness",
            "I can't concentrate on anything.",
        ),
        ("A9", "Recurrent thoughts of death or suicidal ideation", "I keep thinking about death."),
    ),
)
# PHQ-9 item order (Kroenke 2001) expressed as DSM-5 criterion A numbers
PHQ9_ORDER = (2, 1, 4, 6, 3, 7, 8, 5, 9)

GAD_C = _set(
    "gad",
    (
        ("C1", "Restlessness or feeling keyed up or on edge", "I feel keyed up all the time."),
        ("C2", "Being easily fatigued", "I get tired easily."),
        ("C3", "Difficulty concentrating or mind going blank", "My mind goes blank."),
        ("C4", "Irritability", "I snap at people."),
        ("C5", "Muscle tension", "My neck and shoulders are always tense."),
        ("C6", "Sleep disturbance", "I lie awake worrying."),
    ),
)
GAD_WORRY = "gad.worry"  # criterion A: excessive anxiety and worry about several matters
GAD_UNCONTROLLABLE = "gad.uncontrollable"  # criterion B

PTSD_ITEMS = _set(
    "ptsd",
    (
        ("B1", "Recurrent, involuntary, intrusive distressing memories", "The memories intrude."),
        ("B2", "Recurrent distressing dreams related to the event", "I have nightmares about it."),
        ("B3", "Dissociative reactions (flashbacks)", "It feels like it is happening again."),
        ("B4", "Intense psychological distress at reminders", "Reminders upset me badly."),
        ("B5", "Marked physiological reactions to reminders", "My heart pounds at reminders."),
        (
            "C1",
            "Avoidance of distressing memories, thoughts or feelings",
            "I try not to think about it.",
        ),
        ("C2", "Avoidance of external reminders", "I avoid places that remind me."),
        ("D1", "Inability to remember an important aspect of the event", ""),
        (
            "D2",
            "Persistent exaggerated negative beliefs about oneself or the world",
            "The world feels dangerous.",
        ),
        ("D3", "Distorted blame of self or others for the event", "I blame myself."),
        ("D4", "Persistent negative emotional state (fear, horror, anger, guilt, shame)", ""),
        ("D5", "Markedly diminished interest in significant activities", ""),
        ("D6", "Feelings of detachment or estrangement from others", "I feel cut off."),
        ("D7", "Persistent inability to experience positive emotions", ""),
        ("E1", "Irritable behaviour and angry outbursts", "I lose my temper."),
        ("E2", "Reckless or self-destructive behaviour", ""),
        ("E3", "Hypervigilance", "I am always on guard."),
        ("E4", "Exaggerated startle response", "I jump at every noise."),
        ("E5", "Problems with concentration", ""),
        ("E6", "Sleep disturbance", "I hardly sleep."),
    ),
)
# DSM-5 clusters over PTSD_ITEMS (0-based slices) and the number of symptoms needed
PTSD_CLUSTERS = (("B", 0, 5, 1), ("C", 5, 7, 1), ("D", 7, 14, 2), ("E", 14, 20, 2))

PANIC_SYMPTOMS = _set(
    "panic",
    (
        ("S1", "Palpitations or pounding heart", "My heart races."),
        ("S2", "Sweating", ""),
        ("S3", "Trembling or shaking", ""),
        ("S4", "Sensations of shortness of breath or smothering", "I can't breathe."),
        ("S5", "Feelings of choking", ""),
        ("S6", "Chest pain or discomfort", "My chest hurts."),
        ("S7", "Nausea or abdominal distress", ""),
        ("S8", "Dizziness, unsteadiness or faintness", ""),
        ("S9", "Chills or heat sensations", ""),
        ("S10", "Paresthesias", ""),
        ("S11", "Derealization or depersonalization", ""),
        ("S12", "Fear of losing control", ""),
        ("S13", "Fear of dying", "I think I'm going to die."),
    ),
)
PANIC_UNEXPECTED = "panic.unexpected"  # recurrent unexpected attacks
PANIC_CONCERN = "panic.concern"  # >= 1 month of worry about attacks or maladaptive change

# Manic/hypomanic episode: criterion A mood/energy and the seven B symptoms
MANIA_A = {
    "elevated": "Abnormally and persistently elevated or expansive mood",
    "irritable": "Abnormally and persistently irritable mood",
    "energy": "Persistently increased activity or energy",
}
MANIA_B = {
    "grandiosity": "Inflated self-esteem or grandiosity",
    "sleep_need": "Decreased need for sleep",
    "talkative": "More talkative than usual or pressure to keep talking",
    "racing": "Flight of ideas or racing thoughts",
    "distractible": "Distractibility",
    "activity": "Increase in goal-directed activity or psychomotor agitation",
    "risky": "Excessive involvement in activities with painful consequences",
}
MANIA_PLAIN = {  # how a relative or the patient describes each feature
    "elevated": "felt on top of the world",
    "irritable": "was irritable and picked fights",
    "energy": "had boundless energy",
    "grandiosity": "believed they had special talents",
    "sleep_need": "slept 2-3 hours a night without feeling tired",
    "talkative": "talked non-stop",
    "racing": "had thoughts racing",
    "distractible": "could not stay on one task",
    "activity": "started many projects at once",
    "risky": "spent heavily and took risks",
}

AUD_CRITERIA = _set(
    "aud",
    (
        ("1", "Alcohol often taken in larger amounts or over a longer period than intended", ""),
        ("2", "Persistent desire or unsuccessful efforts to cut down or control use", ""),
        ("3", "A great deal of time spent obtaining, using or recovering from alcohol", ""),
        ("4", "Craving, or a strong desire or urge to use alcohol", ""),
        ("5", "Recurrent use resulting in failure to fulfil major obligations", ""),
        ("6", "Continued use despite persistent social or interpersonal problems", ""),
        ("7", "Important social, occupational or recreational activities given up", ""),
        ("8", "Recurrent use in physically hazardous situations", ""),
        ("9", "Continued use despite a physical or psychological problem caused by alcohol", ""),
        ("10", "Tolerance", ""),
        ("11", "Withdrawal, or alcohol taken to relieve or avoid withdrawal", ""),
    ),
)
AUD_PLAIN = {
    "aud.1": "often drinks more or longer than intended",
    "aud.2": "has tried to cut down without success",
    "aud.3": "spends much of the weekend drinking or recovering",
    "aud.4": "has strong urges to drink",
    "aud.5": "has missed work because of drinking",
    "aud.6": "argues with the family about drinking",
    "aud.7": "has given up football with friends",
    "aud.8": "has driven after drinking",
    "aud.9": "keeps drinking despite reflux and low mood made worse by alcohol",
    "aud.10": "needs much more alcohol for the same effect",
    "aud.11": "gets shaky and sweaty in the morning and drinks to settle it",
}

SCZ_A = _set(
    "scz",
    (
        ("A1", "Delusions", ""),
        ("A2", "Hallucinations", ""),
        ("A3", "Disorganized speech", ""),
        ("A4", "Grossly disorganized or catatonic behaviour", ""),
        ("A5", "Negative symptoms (diminished emotional expression or avolition)", ""),
    ),
)

ALL_SYMPTOMS: dict[str, Symptom] = {
    s.key: s
    for group in (MDD_A, GAD_C, PTSD_ITEMS, PANIC_SYMPTOMS, AUD_CRITERIA, SCZ_A)
    for s in group
}


def keys(group: tuple[Symptom, ...]) -> list[str]:
    return [s.key for s in group]
