"""High-risk injuries (ESI decision point B) with and without red field-triage criteria.

The anticoagulated head injury and the high-energy crash meet only yellow criteria of
the 2021 national field-triage guideline (Newgard 2022), the stab wound to the torso a
red one; all three are high-risk situations in the ESI handbook's sense.
"""

from __future__ import annotations

import random

from ...patients.encounter import TriagePatient
from .generator import R, make_patient, pick_sex
from .scenarios_resus import LABS, MEDS


def anticoagulated_head_injury(rng: random.Random) -> TriagePatient:
    return make_patient(
        rng,
        scenario="anticoagulated_head_injury",
        exam="Occipital scalp haematoma; pupils equal and reactive; no limb weakness.",
        age_years=rng.randint(70, 92),
        sex=pick_sex(rng),
        complaint="fall, hit head",
        hpi=["No loss of consciousness; mild headache; remembers the fall."],
        mechanism="Tripped on a rug and fell from standing, striking the back of the head.",
        injuries=["scalp_haematoma"],
        pmh=["atrial_fibrillation", "hypertension"],
        medications=["warfarin 5 mg daily", "bisoprolol 2.5 mg daily"],
        pain=rng.randint(2, 4),
        vitals={"sbp": rng.randint(128, 160), "hr": rng.randint(62, 88)},
        high_risk=["head injury in a patient taking an anticoagulant (warfarin)"],
        resources=[LABS, R("CT head", "advanced_imaging")],
    )


def penetrating_torso(rng: random.Random) -> TriagePatient:
    return make_patient(
        rng,
        scenario="penetrating_torso",
        exam="2 cm stab wound in the left upper abdomen; abdomen tender around it.",
        age_years=rng.randint(18, 45),
        sex=pick_sex(rng),
        complaint="stab wound",
        mode=rng.choice(["by ambulance", "on foot"]),
        hpi=["Wound dressed by a friend; bleeding slowed with pressure."],
        mechanism="Stabbed once with a kitchen knife in the left upper abdomen.",
        injuries=["penetrating_torso"],
        pain=rng.randint(5, 6),
        vitals={"hr": rng.randint(94, 100), "sbp": rng.randint(114, 130)},
        high_risk=["stab wound to the torso"],
        resources=[
            LABS,
            R("CT abdomen", "advanced_imaging"),
            MEDS,
            R("general surgery consultation", "consult"),
        ],
    )


def high_risk_crash(rng: random.Random) -> TriagePatient:
    mins = rng.randint(20, 40)
    return make_patient(
        rng,
        scenario="high_risk_crash",
        exam="Seat-belt bruise across the chest; cervical collar in place.",
        age_years=rng.randint(18, 60),
        sex=pick_sex(rng),
        complaint="car crash, neck pain",
        mode="by ambulance",
        hpi=["Restrained driver; neck pain; no numbness or weakness."],
        mechanism=f"Car rolled over at highway speed; trapped for {mins} minutes before release.",
        injuries=["neck_pain"],
        pain=rng.randint(4, 6),
        high_risk=[f"high-energy rollover collision with {mins} minutes of entrapment"],
        resources=[
            R("CT cervical spine, chest and abdomen", "advanced_imaging"),
            LABS,
            R("pelvic radiograph", "xray"),
        ],
    )
