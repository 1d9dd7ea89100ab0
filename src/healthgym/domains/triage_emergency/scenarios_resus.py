"""Presentations that need an immediate life-saving intervention (ESI decision point A).

Each builder returns a coherent patient; the ESI level is not written here but
computed from the facts by :mod:`.truth`.  Life-saving interventions follow the ESI
v4 handbook list (chapter 3): airway/ventilation support, defibrillation, emergency
medications (naloxone, dextrose, epinephrine), significant fluid resuscitation or
blood, control of major bleeding; every unresponsive patient (P or U) needs airway
support.
"""

from __future__ import annotations

import random

from ...patients.encounter import Ecg, TriagePatient
from .generator import R, make_patient, pick_sex

LABS = R("CBC, electrolytes, creatinine, coagulation", "labs")
ECG = R("12-lead ECG", "ecg")
CXR = R("chest radiograph", "xray")
CT = R("CT scan", "advanced_imaging")
IVF = R("IV fluids", "iv_fluids")
MEDS = R("IV medications", "parenteral_meds")


def cardiac_arrest(rng: random.Random) -> TriagePatient:
    down = rng.randint(6, 15)
    return make_patient(
        rng,
        scenario="cardiac_arrest",
        exam="Pupils dilated; defibrillator pads on the chest.",
        age_years=rng.randint(45, 85),
        sex=pick_sex(rng),
        complaint="collapsed at home, CPR in progress",
        mode="by ambulance",
        hpi=[
            f"Collapsed at home about {down} minutes ago; a relative started chest compressions.",
            "Paramedics found no pulse and delivered one shock; compressions continue.",
        ],
        pmh=rng.sample(["cad", "hypertension", "diabetes_t2", "smoker"], 2),
        vitals={"hr": 0, "sbp": 0, "dbp": 0, "rr": 0, "spo2": 0, "cap_refill_s": 6},
        gcs_eye="none",
        gcs_verbal="none",
        gcs_motor="none",
        baseline="Independent and well this morning per family.",
        airway="No protective reflexes; oropharyngeal airway in place.",
        breathing="Apnoeic; no spontaneous respiratory effort.",
        circulation="No palpable carotid pulse; skin pale and mottled.",
        appearance="Unresponsive, grey, mottled.",
        distress="severe",
        lsi=["cpr_defibrillation", "airway_support"],
        ecg=Ecg(rhythm="ventricular fibrillation", rate=0),
        resources=[LABS, ECG, CXR, MEDS, R("cardiology consultation", "consult")],
    )


def opioid_overdose(rng: random.Random) -> TriagePatient:
    rr = rng.randint(4, 7)
    return make_patient(
        rng,
        scenario="opioid_overdose",
        exam="Fresh needle mark in the left antecubital fossa.",
        age_years=rng.randint(19, 55),
        sex=pick_sex(rng),
        complaint="found unresponsive by a friend",
        mode="by ambulance",
        hpi=[
            "Found slumped in a bathroom; a syringe was beside them.",
            "Friend says they had used heroin earlier this evening.",
        ],
        pmh=["opioid_use"],
        vitals={"hr": rng.randint(50, 62), "rr": rr, "spo2": rng.randint(76, 86)},
        gcs_eye="to_pressure",
        gcs_verbal="sounds",
        gcs_motor="withdraws",
        baseline="Friend says they were talking normally two hours ago.",
        airway="Snoring respirations; improves with a jaw thrust.",
        breathing=f"Slow, shallow breaths at {rr}/min.",
        circulation="Radial pulse present and slow; skin cool.",
        appearance="Pupils pinpoint; cyanosed lips.",
        lsi=["naloxone", "airway_support"],
        resources=[LABS, MEDS, ECG],
    )


def hypoglycaemia(rng: random.Random) -> TriagePatient:
    return make_patient(
        rng,
        scenario="hypoglycaemia",
        exam="Sweaty; moves all four limbs to pain equally; no injury seen.",
        age_years=rng.randint(22, 80),
        sex=pick_sex(rng),
        complaint="unresponsive, known to have diabetes",
        mode="by ambulance",
        hpi=[
            "Partner found them unrousable in bed this morning.",
            "Took the usual insulin last night but skipped dinner.",
        ],
        pmh=["diabetes_t1"],
        medications=["insulin glargine", "insulin aspart"],
        vitals={"hr": rng.randint(92, 112)},
        poc={"glucose": round(rng.uniform(1.3, 2.4), 1)},
        gcs_eye="none",
        gcs_verbal="sounds",
        gcs_motor="withdraws",
        baseline="Partner says they were fully alert last night.",
        airway="Gurgling; clears with suction and a head tilt.",
        breathing="Regular breathing, adequate depth.",
        circulation="Radial pulse rapid; skin cold and sweaty.",
        appearance="Diaphoretic, not rousable to voice.",
        lsi=["iv_dextrose", "airway_support"],
        resources=[LABS, MEDS],
    )


def anaphylaxis(rng: random.Random) -> TriagePatient:
    trigger = rng.choice(
        [
            ("ate a cake containing peanuts", "peanut allergy"),
            ("was stung by a wasp", "previous reaction to a wasp sting"),
            ("took a first dose of amoxicillin", "no known allergies before today"),
        ]
    )
    return make_patient(
        rng,
        scenario="anaphylaxis",
        exam="Swollen lips and tongue; urticaria over the trunk and limbs.",
        age_years=rng.randint(14, 60),
        sex=pick_sex(rng),
        complaint="throat swelling and rash after an exposure",
        mode="by ambulance",
        hpi=[
            f"Twenty minutes ago {trigger[0]}; within minutes developed hives and lip swelling.",
            f"Now a tight throat and difficulty breathing ({trigger[1]}).",
        ],
        vitals={
            "hr": rng.randint(124, 142),
            "sbp": rng.randint(70, 84),
            "dbp": rng.randint(38, 48),
            "rr": rng.randint(28, 34),
            "spo2": rng.randint(88, 92),
            "cap_refill_s": 4,
        },
        airway="Audible inspiratory stridor; lips and tongue swollen; speaks in single words.",
        breathing="Wheeze throughout; accessory muscle use.",
        circulation="Weak, rapid radial pulse; generalised urticaria; skin flushed.",
        appearance="Anxious, sitting upright, in marked distress.",
        distress="severe",
        lsi=["im_epinephrine", "iv_fluid_bolus"],
        resources=[MEDS, IVF, LABS],
    )


def trauma_shock(rng: random.Random) -> TriagePatient:
    injury = rng.choice(["pelvic_instability", "two_long_bones", "active_bleeding_tourniquet"])
    lsi = ["iv_fluid_bolus"]
    if injury == "active_bleeding_tourniquet":
        lsi.append("hemorrhage_control")
    return make_patient(
        rng,
        scenario="trauma_shock",
        exam="Tender lower abdomen with bruising across it.",
        age_years=rng.randint(18, 60),
        sex=pick_sex(rng),
        complaint="motor vehicle collision",
        mode="by ambulance",
        hpi=["Complains of severe pain; paramedics gave 1 L of fluid en route."],
        mechanism=rng.choice(
            [
                "Unrestrained driver ejected from a car in a rollover at highway speed.",
                "Motorcyclist thrown from the bike in a collision with a truck at 70 km/h.",
            ]
        ),
        injuries=[injury],
        pain=rng.randint(8, 10),
        vitals={
            "hr": rng.randint(124, 146),
            "sbp": rng.randint(72, 86),
            "dbp": rng.randint(40, 52),
            "rr": rng.randint(24, 28),
            "spo2": rng.randint(94, 96),
            "cap_refill_s": 4,
        },
        gcs_verbal="confused",
        new_confusion=True,
        baseline="Paramedics: talking normally at the scene, increasingly muddled since.",
        airway="Patent; speaking.",
        breathing="Rapid, shallow; equal air entry.",
        circulation="Thready radial pulse; pale, cold, clammy peripheries.",
        appearance="Pale and distressed.",
        distress="severe",
        lsi=lsi,
        resources=[
            LABS,
            R("chest and pelvic radiographs", "xray"),
            R("CT head to pelvis", "advanced_imaging"),
            IVF,
            MEDS,
            R("trauma surgery consultation", "consult"),
        ],
    )


def severe_head_injury(rng: random.Random) -> TriagePatient:
    return make_patient(
        rng,
        scenario="severe_head_injury",
        exam="Right pupil larger than the left and sluggish; boggy scalp swelling.",
        age_years=rng.randint(18, 85),
        sex=pick_sex(rng),
        complaint="head injury, not waking up",
        mode="by ambulance",
        hpi=["Bystanders report brief loss of consciousness, then vomiting twice."],
        mechanism=rng.choice(
            [
                "Fell backwards down a flight of concrete stairs, striking the head.",
                "Assaulted; struck on the head with a bat and fell to the ground.",
            ]
        ),
        injuries=[rng.choice(["skull_deformity", "scalp_haematoma"])],
        vitals={
            "hr": rng.randint(54, 66),
            "sbp": rng.randint(152, 178),
            "rr": rng.randint(11, 14),
            "spo2": rng.randint(93, 95),
        },
        gcs_eye="to_pressure",
        gcs_verbal="words",
        gcs_motor="abnormal_flexion",
        baseline="Walking and talking before the injury.",
        airway="Snoring; needs a jaw thrust to stay open.",
        breathing="Irregular pattern.",
        circulation="Radial pulse slow and bounding.",
        appearance="Unequal pupils, right larger than left.",
        lsi=["airway_support"],
        resources=[LABS, R("CT head and cervical spine", "advanced_imaging"), MEDS],
    )


def paediatric_septic_shock(rng: random.Random) -> TriagePatient:
    age = rng.randint(1, 5)
    preverbal = age < 2
    return make_patient(
        rng,
        scenario="paediatric_septic_shock",
        exam="Non-blanching petechiae on both shins; dry lips and tongue.",
        age_years=age,
        sex=pick_sex(rng),
        complaint="fever and floppy",
        mode="carried in by parents",
        hpi=[
            "Fever for two days; today very sleepy and not drinking.",
            "No wet nappy or urine since last night; a few spots appeared on the legs.",
        ],
        vitals={
            "hr": rng.randint(176, 192),
            "sbp": 70 + 2 * age - rng.randint(5, 12),
            "rr": rng.randint(42, 50),
            "spo2": rng.randint(94, 97),
            "temp_c": round(rng.uniform(39.5, 40.4), 1),
            "cap_refill_s": rng.choice((4, 5)),
        },
        gcs_eye="to_sound",
        gcs_verbal="irritable_cry" if preverbal else "confused",
        gcs_motor="spontaneous_movement" if preverbal else "obeys",
        new_confusion=True,
        baseline="Parents: usually lively and playful; drowsy since this morning.",
        airway="Patent.",
        breathing="Tachypnoeic, no recession.",
        circulation="Weak central pulses; mottled, cold hands and feet.",
        appearance="Lethargic and pale; a few non-blanching spots on the shins.",
        infection_signs=["fever for two days", "non-blanching spots on the legs"],
        lsi=["iv_fluid_bolus"],
        resources=[LABS, IVF, MEDS, R("paediatric intensive care consultation", "consult")],
    )


def infant_apnoea(rng: random.Random) -> TriagePatient:
    months = rng.randint(1, 3)
    return make_patient(
        rng,
        scenario="infant_apnoea",
        exam="Nasal flaring and subcostal recession; anterior fontanelle flat.",
        age_years=months / 12,
        sex=pick_sex(rng),
        complaint="stops breathing and turns blue",
        mode="carried in by parents",
        hpi=[
            "Runny nose and cough for three days, feeding less.",
            "Twice today stopped breathing for several seconds and went blue.",
        ],
        vitals={
            "hr": rng.randint(150, 172),
            "rr": rng.randint(58, 70),
            "spo2": rng.randint(82, 88),
            "temp_c": round(rng.uniform(37.8, 38.4), 1),
        },
        gcs_eye="to_sound",
        gcs_verbal="cries_to_pain",
        gcs_motor="withdraws",
        new_confusion=True,
        baseline="Parents: normally alert and feeding well until three days ago.",
        airway="Nasal secretions; patent after suction.",
        breathing="Grunting, marked subcostal recession; a 15-second apnoea with desaturation.",
        circulation="Brachial pulse present; capillary refill 2 s.",
        appearance="Lethargic, weak cry.",
        infection_signs=["runny nose and cough", "low-grade fever"],
        lsi=["airway_support"],
        resources=[LABS, CXR, R("paediatric consultation", "consult")],
    )


def pedestrian_child(rng: random.Random) -> TriagePatient:
    age = rng.randint(4, 8)
    return make_patient(
        rng,
        scenario="pedestrian_child",
        exam="Tyre mark across the abdomen; abdomen tender to touch.",
        age_years=age,
        sex=pick_sex(rng),
        complaint="hit by a car",
        mode="by ambulance",
        hpi=["Complains of tummy pain; vomited once in the ambulance."],
        mechanism="Pedestrian struck by a car at about 40 km/h and thrown several metres.",
        injuries=["pelvic_instability"],
        pain=rng.randint(7, 9),
        vitals={
            "hr": rng.randint(150, 166),
            "sbp": 70 + 2 * age - rng.randint(4, 10),
            "rr": rng.randint(26, 30),
            "cap_refill_s": 4,
        },
        gcs_verbal="confused",
        new_confusion=True,
        baseline="Parent: was chatting normally before the accident.",
        airway="Patent; crying.",
        breathing="Rapid; equal air entry.",
        circulation="Weak radial pulse; pale and cool peripheries; tyre mark across the abdomen.",
        appearance="Pale, quiet, anxious.",
        distress="severe",
        lsi=["iv_fluid_bolus"],
        resources=[
            LABS,
            R("pelvic radiograph", "xray"),
            R("CT abdomen and pelvis", "advanced_imaging"),
            IVF,
            MEDS,
            R("paediatric surgery consultation", "consult"),
        ],
    )


RESUS_SCENARIOS = {
    f.__name__: f
    for f in (
        cardiac_arrest,
        opioid_overdose,
        hypoglycaemia,
        anaphylaxis,
        trauma_shock,
        severe_head_injury,
        paediatric_septic_shock,
        infant_apnoea,
        pedestrian_child,
    )
}
