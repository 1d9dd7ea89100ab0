"""Mass-casualty scenes: casualties generated for START / JumpSTART, and their category.

The category is computed by :func:`healthgym.clinical.scores.trauma_triage.start_triage`
(adults and children from 9 years; Super 1984, Benson 1996) or
:func:`~healthgym.clinical.scores.trauma_triage.jumpstart_triage` (children 1-8 years; Romig
2002) from the casualty's findings. The findings text a responder records never
names a category (no triage words or tag colours).
"""

from __future__ import annotations

import random

from ...clinical.scores import jumpstart_triage, start_triage
from .records import Casualty
from .vocab import MCI_CODE

SCENES: tuple[str, ...] = (
    "A tour bus has overturned on a motorway embankment.",
    "An explosion has torn through an indoor market.",
    "Part of a school building collapsed during renovation work.",
    "A multi-vehicle pile-up has happened in thick fog.",
    "A stand at a sports ground has collapsed onto the crowd.",
)

# template -> (descriptions for adults, descriptions for children)
_TEXT: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "walking": (
        ("holding a cut forearm", "limping, grazes on both knees", "dazed, small scalp cut"),
        ("crying, grazed hands", "holding a sore wrist", "frightened, bruised cheek"),
    ),
    "stable": (
        (
            "open lower-leg fracture, talking",
            "legs pinned under debris, talking clearly",
            "back pain, cannot stand, answers questions",
        ),
        ("painful swollen thigh, will not stand", "burn to one arm, sitting on the ground"),
    ),
    "tachypnoea": (
        ("bruising across the chest, breathing hard", "soot around the mouth, coughing"),
        ("bruising over the ribs, grunting",),
    ),
    "perfusion": (
        ("pale, bleeding heavily from the thigh", "cold and clammy, abdominal bruising"),
        ("pale, bleeding from a deep leg wound",),
    ),
    "mental": (
        ("head wound, moaning", "large scalp wound, eyes closed"),
        ("head wound, floppy",),
    ),
    "apnoea": (
        ("face down in rubble, not moving", "pinned under a car door, not moving"),
        ("lying still under debris",),
    ),
}


def _start_casualty(rng: random.Random, cid: str, age: int, template: str) -> Casualty:
    text = rng.choice(_TEXT[template][0])
    c = Casualty(
        id=cid,
        age_years=age,
        sex=rng.choice(("male", "female")),
        description=text,
        can_walk=False,
        rr=rng.randint(14, 26),
        cap_refill_s=rng.choice((1.0, 2.0)),
    )
    if template == "walking":
        c.can_walk = True
    elif template == "tachypnoea":
        c.rr = rng.randint(32, 40)
    elif template == "perfusion":
        if rng.random() < 0.5:
            c.pulse, c.cap_refill_s = False, None
        else:
            c.cap_refill_s = rng.choice((3.0, 4.0))
    elif template == "mental":
        c.obeys = False
    elif template == "apnoea":
        c.rr, c.breathes_after_airway = 0, rng.random() < 0.5
    return c


def _jumpstart_casualty(rng: random.Random, cid: str, age: int, template: str) -> Casualty:
    text = rng.choice(_TEXT[template][1])
    c = Casualty(
        id=cid,
        age_years=age,
        sex=rng.choice(("male", "female")),
        description=text,
        can_walk=False,
        rr=rng.randint(20, 40),
        avpu=rng.choice(("A", "V")),
    )
    if template == "walking":
        c.can_walk = True
    elif template == "stable":
        c.avpu = rng.choice(("A", "V", "P_appropriate"))
    elif template == "tachypnoea":
        c.rr = rng.choice((rng.randint(8, 13), rng.randint(48, 60)))
    elif template == "perfusion":
        c.pulse = False
    elif template == "mental":
        c.avpu = rng.choice(("P_inappropriate", "U"))
    elif template == "apnoea":
        c.rr = 0
        c.breathes_after_airway = rng.random() < 0.35
        if not c.breathes_after_airway:
            c.pulse = rng.random() < 0.6
            if c.pulse:
                c.breathes_after_rescue = rng.random() < 0.5
        c.avpu = "U"
    return c


_TEMPLATES = ("walking", "stable", "tachypnoea", "perfusion", "mental", "apnoea")
_WEIGHTS = (0.24, 0.26, 0.12, 0.14, 0.12, 0.12)


def generate_casualties(rng: random.Random) -> list[Casualty]:
    """4-7 casualties of all ages (children 2-8 years with probability 0.3)."""
    n = rng.randint(4, 7)
    out = []
    for i in range(n):
        template = rng.choices(_TEMPLATES, weights=_WEIGHTS)[0]
        cid = f"C{i + 1}"
        if rng.random() < 0.3:
            out.append(_jumpstart_casualty(rng, cid, rng.randint(2, 8), template))
        else:
            out.append(_start_casualty(rng, cid, rng.randint(9, 85), template))
    return out


def category(c: Casualty) -> str:
    """START / JumpSTART category of a casualty (immediate, delayed, minor, expectant)."""
    if c.protocol == "start":
        result = start_triage(
            can_walk=c.can_walk,
            respiratory_rate=c.rr,
            breathes_after_airway_repositioning=c.breathes_after_airway,
            radial_pulse_present=c.pulse,
            capillary_refill_s=c.cap_refill_s,
            obeys_commands=c.obeys,
        )
    else:
        result = jumpstart_triage(
            can_walk=c.can_walk,
            respiratory_rate=c.rr,
            breathes_after_airway_positioning=c.breathes_after_airway,
            peripheral_pulse_present=c.pulse,
            breathes_after_rescue_breaths=c.breathes_after_rescue,
            avpu=c.avpu,
        )
    return MCI_CODE[int(result.value)]


_AVPU_FINDING = {
    "A": "alert",
    "V": "responds to voice",
    "P_appropriate": "responds to pain by localising and pushing the hand away",
    "P_inappropriate": "responds to pain only with abnormal posturing",
    "U": "no response to voice or pain",
}


def assessment_text(c: Casualty) -> str:
    """What a responder finds on the rapid assessment (never a category)."""
    who = "child" if c.age_years < 16 else "adult"
    sex = "boy" if who == "child" and c.sex == "male" else c.sex
    sex = "girl" if who == "child" and c.sex == "female" else sex
    parts = [f"{c.id}: {who} ({sex}), about {c.age_years} years old; {c.description}."]
    if c.can_walk:
        parts.append("Walks to the collection point when asked; breathing normally.")
        return " ".join(parts)
    parts.append("Cannot walk.")
    if c.rr == 0:
        parts.append("Not breathing.")
        verb = "repositioned" if c.protocol == "start" else "positioned"
        if c.breathes_after_airway:
            parts.append(f"After the airway is {verb}: spontaneous breathing starts.")
            return " ".join(parts)
        parts.append(f"After the airway is {verb}: still not breathing.")
        if c.protocol == "jumpstart":
            parts.append("Peripheral pulse " + ("palpable." if c.pulse else "not palpable."))
            if c.pulse:
                ok = c.breathes_after_rescue
                parts.append(
                    "After 5 rescue breaths: "
                    + ("breathing starts." if ok else "still not breathing.")
                )
        return " ".join(parts)
    parts.append(f"Breathing at {c.rr}/min.")
    if c.protocol == "start":
        parts.append("Radial pulse " + ("present" if c.pulse else "absent"))
        if c.cap_refill_s is not None:
            parts[-1] += f"; capillary refill {c.cap_refill_s:g} s"
        parts[-1] += "."
        parts.append(
            "Follows simple commands."
            if c.obeys
            else "Does not follow simple commands; moans incomprehensibly."
        )
    else:
        parts.append("Peripheral pulse " + ("palpable." if c.pulse else "not palpable."))
        parts.append(f"AVPU: {_AVPU_FINDING[c.avpu]}.")
    return " ".join(parts)
