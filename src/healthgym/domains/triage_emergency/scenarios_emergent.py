"""High-risk presentations (ESI decision point B): chest pain, stroke, suicidality,
new confusion, severe pain or distress, the febrile neonate, high-risk injuries.

High-risk situations follow the ESI v4 handbook (chapter 4) examples; each is
written as the clinical fact a triage nurse would record, never as a triage level.
"""

from __future__ import annotations

import random

from ...patients.encounter import Ecg, SuicideScreen, TriagePatient
from .generator import R, make_patient, pick_sex
from .scenarios_injury import anticoagulated_head_injury, high_risk_crash, penetrating_torso
from .scenarios_resus import CXR, ECG, IVF, LABS, MEDS

_RISK = [
    "hypertension",
    "hyperlipidaemia",
    "diabetes_t2",
    "smoker",
    "family_history_cad",
    "obesity",
]
_CHEST_HPI = "Central chest pressure radiating to the {side}, with sweating and nausea."


def _chest_patient(rng: random.Random, scenario: str, ecg: Ecg, age: int, sex: str):
    onset = round(rng.uniform(0.5, 8.0), 1)
    pmh = rng.sample(_RISK, rng.randint(1, 3)) + (["cad"] if rng.random() < 0.3 else [])
    trop = rng.choice([float(rng.randint(4, 12)), float(rng.randint(18, 60))])
    return make_patient(
        rng,
        scenario=scenario,
        exam="Chest wall not tender; heart sounds normal; calves soft.",
        age_years=age,
        sex=sex,
        complaint="chest pain",
        mode=rng.choice(["on foot", "by ambulance"]),
        hpi=[
            _CHEST_HPI.format(side=rng.choice(["left arm", "jaw", "both arms"])),
            f"Began {onset} hours ago at rest and has not settled.",
        ],
        pmh=pmh,
        pain=rng.randint(4, 6),
        distress="moderate",
        vitals={"hr": rng.randint(72, 98), "sbp": rng.randint(128, 168)},
        appearance="Pale and sweaty.",
        high_risk=["chest pain typical of acute coronary syndrome (pressure radiating, sweating)"],
        symptom_onset_h=onset,
        ecg=ecg,
        poc={"troponin": trop},
        resources=[LABS, ECG, CXR, MEDS],
    )


def acs_chest_pain(rng: random.Random) -> TriagePatient:
    """Chest pain with ischaemic features and an ECG below the STEMI thresholds."""
    sex = pick_sex(rng)
    variant = rng.choice(["normal", "depression", "t_inversion", "subthreshold"])
    age = rng.randint(46, 84)
    ecg = Ecg(rhythm="sinus rhythm", rate=80, other=["normal axis"])
    if variant == "depression":
        mm = rng.choice((1.0, 1.5))
        ecg.st_depression_mm = {"V4": mm, "V5": mm, "V6": mm}
    elif variant == "t_inversion":
        ecg.other = ["T-wave inversion in V4-V6"]
    elif variant == "subthreshold":
        # below the V2-V3 limit for the sex and age (2 mm men >= 40, 1.5 mm women)
        ecg.st_elevation_mm = {"V2": 1.0, "V3": 1.0} if sex == "female" else {"V2": 1.5, "V3": 1.5}
    p = _chest_patient(rng, "acs_chest_pain", ecg, age, sex)
    p.ecg.rate = int(p.vitals.hr)
    return p


def stemi(rng: random.Random) -> TriagePatient:
    """Chest pain with ST elevation meeting the Fourth Universal Definition thresholds."""
    sex = pick_sex(rng)
    age = rng.randint(42, 84)
    territory = rng.choice(["inferior", "anterior"])
    if territory == "inferior":
        mm = rng.choice((1.5, 2.0, 3.0))
        ecg = Ecg(
            rhythm="sinus rhythm",
            rate=70,
            st_elevation_mm={"II": mm, "III": mm + 0.5, "aVF": mm},
            st_depression_mm={"aVL": 1.0},
        )
    else:
        mm = (1.5 if sex == "female" else 2.0) + rng.choice((0.0, 0.5, 1.0))
        ecg = Ecg(
            rhythm="sinus rhythm",
            rate=80,
            st_elevation_mm={"V2": mm, "V3": mm, "V4": max(1.0, mm - 0.5)},
        )
    p = _chest_patient(rng, "stemi", ecg, age, sex)
    p.ecg.rate = int(p.vitals.hr)
    return p


_DEFICITS = [
    ["right face droop", "right arm and leg weakness", "slurred speech"],
    ["left face droop", "left arm weakness"],
    ["difficulty finding words", "right arm weakness"],
    ["sudden loss of balance", "double vision", "slurred speech"],
]


def _stroke(rng: random.Random, scenario: str, lkw: float, when: str) -> TriagePatient:
    deficits = rng.choice(_DEFICITS)
    return make_patient(
        rng,
        scenario=scenario,
        exam="Pupils equal; no neck stiffness; deficits as described.",
        age_years=rng.randint(52, 90),
        sex=pick_sex(rng),
        complaint="weakness and speech problem",
        mode=rng.choice(["by ambulance", "brought in by family"]),
        hpi=[f"{when}: {', '.join(deficits)}.", "No headache, no head injury, no seizure."],
        pmh=rng.sample(["hypertension", "atrial_fibrillation", "diabetes_t2", "prior_stroke"], 2),
        vitals={"sbp": rng.randint(152, 192), "dbp": rng.randint(84, 104)},
        high_risk=[f"sudden focal neurological deficit ({', '.join(deficits)})"],
        deficits=deficits,
        last_known_well_h=lkw,
        resources=[
            LABS,
            R("CT and CT angiography of the head", "advanced_imaging"),
            R("neurology consultation", "consult"),
            ECG,
        ],
    )


def stroke_acute(rng: random.Random) -> TriagePatient:
    lkw = round(rng.uniform(0.5, 20.0), 1)
    return _stroke(rng, "stroke_acute", lkw, f"Last known well {lkw} hours ago, then sudden")


def stroke_late(rng: random.Random) -> TriagePatient:
    lkw = float(rng.randint(30, 72))
    return _stroke(rng, "stroke_late", lkw, f"Symptoms first noticed {lkw:g} hours ago")


def suicidal_ideation(rng: random.Random) -> TriagePatient:
    plan = rng.choice(
        [
            "has been saving up tablets to take all at once",
            "has looked up how to hang themselves and bought a rope",
            "plans to jump from a bridge near home",
        ]
    )
    recent_attempt = rng.random() < 0.4
    return make_patient(
        rng,
        scenario="suicidal_ideation",
        exam="No fresh wounds; old healed scars on the forearms.",
        age_years=rng.randint(15, 70),
        sex=pick_sex(rng),
        complaint="wants to end their life",
        mode=rng.choice(["on foot", "brought by a family member", "brought by police"]),
        hpi=[
            "Low mood for several months, worse since a relationship ended.",
            f"Says they intend to kill themselves and {plan}.",
        ],
        pmh=["depression"],
        medications=["sertraline 100 mg daily"],
        appearance="Tearful, poor eye contact, calm.",
        high_risk=["suicidal ideation with a specific plan and intent"],
        suicide=SuicideScreen(
            wish_to_be_dead=True,
            suicidal_thoughts=True,
            thoughts_with_method=True,
            intent=True,
            plan_and_intent=True,
            suicidal_behavior="past_3_months" if recent_attempt else "none",
        ),
        resources=[LABS, R("psychiatry consultation", "consult")],
    )


def delirium_elderly(rng: random.Random) -> TriagePatient:
    infected = rng.random() < 0.6
    vitals = {"rr": rng.randint(16, 20), "sbp": rng.randint(118, 150)}
    if infected:
        vitals |= {"temp_c": round(rng.uniform(38.2, 38.9), 1), "hr": rng.randint(93, 108)}
    return make_patient(
        rng,
        scenario="delirium_elderly",
        exam="Inattentive: cannot name the months backwards; picking at the sheets.",
        age_years=rng.randint(76, 95),
        sex=pick_sex(rng),
        complaint="confused",
        mode="brought in by family",
        hpi=[
            "Since yesterday muddled, picking at the bedclothes, not sleeping.",
            "Dysuria and foul-smelling urine this week."
            if infected
            else "No urinary symptoms, cough, fever or falls; a new sleeping tablet was started.",
        ],
        pmh=rng.sample(["hypertension", "ckd", "diabetes_t2"], 2),
        vitals=vitals,
        gcs_verbal="confused",
        new_confusion=True,
        baseline="Daughter: normally fully oriented, lives alone and manages her own affairs.",
        infection_signs=["dysuria and foul-smelling urine", "fever"] if infected else [],
        resources=[LABS, R("CT head", "advanced_imaging"), IVF],
    )


def adult_sepsis(rng: random.Random) -> TriagePatient:
    return make_patient(
        rng,
        scenario="adult_sepsis",
        exam="Flushed and warm; dry mucous membranes.",
        age_years=rng.randint(30, 80),
        sex=pick_sex(rng),
        complaint="cough, fever and breathlessness",
        mode=rng.choice(["on foot", "by ambulance"]),
        hpi=["Productive cough and rigors for three days; breathless on walking today."],
        pmh=rng.sample(["copd", "diabetes_t2", "hypertension", "none"], 1),
        vitals={
            "temp_c": round(rng.uniform(38.4, 39.6), 1),
            "hr": rng.randint(104, 124),
            "rr": rng.randint(22, 28),
            "spo2": rng.randint(90, 95),
            "sbp": rng.randint(102, 124),
        },
        breathing="Crackles at the right base; mildly increased work of breathing.",
        distress="moderate",
        infection_signs=["productive cough", "fever with rigors"],
        resources=[LABS, CXR, MEDS, IVF],
    )


def febrile_neonate(rng: random.Random) -> TriagePatient:
    day = rng.randint(7, 28)
    return make_patient(
        rng,
        scenario="febrile_neonate",
        exam="Anterior fontanelle soft and flat; no rash.",
        age_years=day / 365.25,
        sex=pick_sex(rng),
        complaint="fever",
        mode="carried in by parents",
        hpi=["Felt hot this evening; feeding a little less than usual.", "Born at term, well."],
        vitals={"temp_c": round(rng.uniform(38.1, 38.8), 1), "hr": rng.randint(150, 172)},
        gcs_verbal="coos_babbles",
        gcs_motor="spontaneous_movement",
        high_risk=[f"temperature >= 38.0 C in an infant aged {day} days (28 days or younger)"],
        infection_signs=["fever"],
        resources=[LABS, MEDS, R("lumbar puncture", "simple_procedure")],
    )


def ectopic_pregnancy(rng: random.Random) -> TriagePatient:
    weeks = rng.randint(6, 9)
    return make_patient(
        rng,
        scenario="ectopic_pregnancy",
        exam="Tender left iliac fossa with voluntary guarding; pale.",
        age_years=rng.randint(18, 40),
        sex="female",
        complaint="lower abdominal pain",
        hpi=[
            f"Left lower abdominal pain since this morning; last period {weeks} weeks ago.",
            "Light vaginal bleeding today and felt faint when standing.",
        ],
        pain=rng.randint(5, 6),
        vitals={"hr": rng.randint(96, 100), "sbp": rng.randint(100, 112)},
        poc={"urine_hcg": "positive"},
        high_risk=["abdominal pain and vaginal bleeding with a missed period and faintness"],
        resources=[
            LABS,
            R("pelvic ultrasound", "advanced_imaging"),
            R("gynaecology consultation", "consult"),
            IVF,
        ],
    )


def testicular_torsion(rng: random.Random) -> TriagePatient:
    return make_patient(
        rng,
        scenario="testicular_torsion",
        exam="Left testis high-riding and exquisitely tender; cremasteric reflex absent.",
        age_years=rng.randint(12, 17),
        sex="male",
        complaint="testicle pain",
        hpi=["Woke two hours ago with sudden severe left testicular pain; vomited once."],
        pain=rng.randint(8, 9),
        distress="moderate",
        high_risk=["sudden-onset severe testicular pain in an adolescent"],
        resources=[
            R("scrotal ultrasound", "advanced_imaging"),
            R("urology consultation", "consult"),
            MEDS,
        ],
    )


def renal_colic(rng: random.Random) -> TriagePatient:
    return make_patient(
        rng,
        scenario="renal_colic",
        exam="Right renal-angle tenderness; abdomen soft.",
        age_years=rng.randint(25, 60),
        sex=pick_sex(rng),
        complaint="flank pain",
        hpi=[
            "Sudden right flank pain radiating to the groin, comes in waves; vomiting.",
            "No fever, no urinary symptoms.",
        ],
        pain=rng.randint(8, 10),
        distress="moderate",
        vitals={"hr": rng.randint(86, 99)},
        appearance="Writhing, cannot keep still.",
        resources=[LABS, R("CT kidneys, ureters and bladder", "advanced_imaging"), MEDS],
    )


def severe_asthma(rng: random.Random) -> TriagePatient:
    return make_patient(
        rng,
        scenario="severe_asthma",
        exam="Too breathless to attempt a peak flow.",
        age_years=rng.randint(18, 45),
        sex=pick_sex(rng),
        complaint="asthma attack",
        hpi=["Wheezy for a day; used the reliever every 20 minutes without relief."],
        pmh=["asthma"],
        vitals={
            "hr": rng.randint(112, 128),
            "rr": rng.randint(28, 34),
            # 90-91%: below the danger-zone limit (92%), not below the 90% the ESI handbook
            # lists among signs that call for an immediate life-saving intervention
            "spo2": rng.randint(90, 91),
        },
        airway="Patent; speaks in short phrases only.",
        breathing="Widespread wheeze, accessory muscle use, tripod position.",
        appearance="Exhausted, anxious.",
        distress="severe",
        resources=[R("nebulised bronchodilators, IV magnesium", "parenteral_meds"), CXR, LABS],
    )


EMERGENT_SCENARIOS = {
    f.__name__: f
    for f in (
        acs_chest_pain,
        stemi,
        stroke_acute,
        stroke_late,
        suicidal_ideation,
        delirium_elderly,
        adult_sepsis,
        febrile_neonate,
        ectopic_pregnancy,
        testicular_torsion,
        renal_colic,
        severe_asthma,
        anticoagulated_head_injury,
        penetrating_torso,
        high_risk_crash,
    )
}
