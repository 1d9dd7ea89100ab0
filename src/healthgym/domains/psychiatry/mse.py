"""The mental status examination, composed from a record's facts.

Headings follow the standard psychiatric MSE (appearance, behaviour, speech, mood,
affect, thought process, thought content, perception, cognition, insight, judgement);
each finding is the observable counterpart of a symptom fact (e.g. criterion A5
psychomotor retardation -> slowed movements and speech; flight of ideas -> thought
process; delusions and hallucinations -> content and perception; the MoCA orientation
and recall results -> cognition).
"""

from __future__ import annotations

from .records import PsychRecord


def _appearance(r: PsychRecord, manic: bool) -> str:
    if manic:
        return "Brightly and carelessly dressed, dishevelled"
    if "unable to care for self" in r.dangerousness or r.has("scz.a4"):
        return "Unkempt and malodorous, with evident weight loss"
    if r.has("mdd.a5") or (r.impairment == "marked" and r.has("mdd.a1")):
        return "Unkempt, poor eye contact"
    return "Appropriately dressed and groomed"


def _behaviour(r: PsychRecord, manic: bool) -> str:
    found = []
    if manic:
        found.append("restless and intrusive, unable to stay seated")
    if r.has("mdd.a5"):
        found.append("psychomotor slowing with long pauses before answering")
    if r.has("ptsd.e3"):
        found.append("hypervigilant, sits facing the door and scans the room")
    if r.has("gad.c1") or r.has("gad.c5"):
        found.append("tense and fidgety")
    if r.has("scz.a2"):
        found.append("at times appears to respond to internal stimuli")
    if r.has("scz.a4"):
        found.append("disorganised, wanders during the interview")
    return "; ".join(found).capitalize() if found else "Calm and cooperative; good rapport"


def _mood_affect(r: PsychRecord, manic: bool, irritable: bool) -> tuple[str, str]:
    if manic:
        if irritable:
            return "'Irritated - everyone is slowing me down.'", "Irritable and labile"
        return "'Fantastic, never better.'", "Elevated, expansive and labile"
    if r.has("mdd.a1"):
        return "'Low.'", "Restricted and dysphoric"
    if r.has("mdd.a2"):
        return "'Flat - nothing interests me.'", "Restricted"
    anxious = r.has("gad.worry") or r.has("panic.concern") or r.has("ptsd.e3")
    if anxious:
        return "'Anxious.'", "Anxious, reactive"
    if r.has("scz.a5"):
        return "'Fine.'", "Blunted"
    if r.cognitive_concern:
        return "'Fine, I don't know why I'm here.'", "Full range"
    return "'Okay.'", "Full range and reactive"


def _thought(r: PsychRecord, manic: bool, psychotic_mania: bool) -> tuple[str, str]:
    if manic and r.current_mood_episode and "racing" in r.current_mood_episode.features:
        process = "Flight of ideas"
    elif r.has("scz.a3"):
        process = "Loosening of associations; tangential"
    else:
        process = "Linear and goal-directed"
    content = []
    if psychotic_mania:
        content.append("grandiose delusion of having been chosen for a special mission")
    elif manic:
        content.append("grandiose plans without fixed delusions")
    if r.has("scz.a1") and not psychotic_mania:
        content.append("persecutory delusion that the neighbours monitor them through the walls")
    if r.has("gad.worry"):
        content.append("preoccupied with worries about health, money and family")
    if r.has("mdd.a7"):
        content.append("themes of worthlessness and guilt")
    if r.trauma is not None and r.has("ptsd.b1"):
        content.append("intrusive thoughts about the traumatic event")
    c = r.cssrs
    if c.suicidal_thoughts:
        content.append("reports thoughts of suicide")
    elif c.wish_to_be_dead:
        content.append("reports passive thoughts of being better off dead")
    else:
        content.append("denies thoughts of suicide or self-harm")
    if r.dangerousness.startswith("threatened"):
        content.append("voices anger towards a neighbour")
    return process, "; ".join(content).capitalize()


def _cognition(r: PsychRecord) -> str:
    orientation = r.moca.get("orientation", 6)
    recall = r.moca.get("delayed_recall", 5)
    parts = ["Alert"]
    parts.append("fully oriented" if orientation == 6 else "disoriented to the date")
    if recall <= 2:
        parts.append("poor recall of a short address after five minutes")
    else:
        parts.append("attention and memory grossly intact")
    return ", ".join(parts)


def mental_state(r: PsychRecord) -> str:
    e = r.current_mood_episode
    manic = e is not None
    irritable = manic and "elevated" not in e.features  # type: ignore[union-attr]
    psychotic_mania = manic and e.psychotic  # type: ignore[union-attr]
    mood, affect = _mood_affect(r, manic, irritable)
    process, content = _thought(r, manic, psychotic_mania)
    if manic and "talkative" in e.features:  # type: ignore[union-attr]
        speech = "Pressured, loud and hard to interrupt"
    elif r.has("mdd.a5"):
        speech = "Slow, soft and monotonous"
    elif r.has("scz.a3"):
        speech = "Normal rate; content hard to follow"
    else:
        speech = "Normal rate, volume and tone"
    if r.has("scz.a2"):
        perception = "Auditory hallucinations: a voice commenting on their actions"
    elif r.has("ptsd.b3"):
        perception = "Describes flashbacks; no hallucinations"
    else:
        perception = "No perceptual abnormalities"
    poor = manic or r.functional_decline or r.iadl_dependent
    insight = "Poor" if poor else "Good"
    judgement = "Impaired" if manic or r.dangerousness else "Intact"
    sections = (
        ("Appearance", _appearance(r, manic)),
        ("Behaviour", _behaviour(r, manic)),
        ("Speech", speech),
        ("Mood", mood),
        ("Affect", affect),
        ("Thought process", process),
        ("Thought content", content),
        ("Perception", perception),
        ("Cognition", _cognition(r)),
        ("Insight", insight),
        ("Judgement", judgement),
    )
    return " ".join(f"{k}: {v}." for k, v in sections)
