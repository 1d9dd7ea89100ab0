"""Stable presentations decided by expected resources (ESI decision points C and D).

Some builders have a variant whose vital signs fall in the age-specific danger zone,
which up-triages a two-resource patient (ESI decision point D); the rest keep the
vitals below the danger limits and the infection screens negative, so that the level
follows from the resources alone.
"""

from __future__ import annotations

import random

from ...patients.encounter import TriagePatient
from .generator import HX, R, make_patient, pick_sex
from .scenarios_resus import CT, CXR, IVF, LABS, MEDS

UA = R("urinalysis and urine culture", "labs")


def abdominal_pain(rng: random.Random) -> TriagePatient:
    tachy = rng.random() < 0.35
    return make_patient(
        rng,
        scenario="abdominal_pain",
        exam="Abdomen soft, tender centrally, no guarding; bowel sounds present.",
        age_years=rng.randint(18, 60),
        sex=pick_sex(rng),
        complaint="abdominal pain",
        hpi=[
            f"Crampy central abdominal pain for {rng.randint(8, 30)} hours; vomited twice.",
            "No fever, no urinary symptoms, no bleeding.",
        ],
        pain=rng.randint(4, 6),
        vitals={"hr": rng.randint(102, 114)} if tachy else {"hr": rng.randint(70, 96)},
        resources=[LABS, R("CT abdomen and pelvis", "advanced_imaging"), IVF, MEDS],
    )


def hip_fall(rng: random.Random) -> TriagePatient:
    return make_patient(
        rng,
        scenario="hip_fall",
        exam="Right leg shortened and externally rotated; foot warm with good pulses.",
        age_years=rng.randint(70, 92),
        sex=pick_sex(rng),
        complaint="fall, hip pain",
        mode="by ambulance",
        hpi=[
            "Cannot stand since the fall; given pain relief by paramedics.",
            "Not taking blood thinners; no headache.",
        ],
        mechanism="Tripped and fell from standing onto the right hip; no head strike.",
        injuries=["hip_deformity"],
        pain=rng.randint(5, 6),
        vitals={"sbp": rng.randint(126, 158), "hr": rng.randint(64, 90)},
        resources=[
            R("hip and pelvis radiographs", "xray"),
            LABS,
            MEDS,
            R("orthopaedic consultation", "consult"),
        ],
    )


def pneumonia_stable(rng: random.Random) -> TriagePatient:
    return make_patient(
        rng,
        scenario="pneumonia_stable",
        exam="Throat normal; no rash.",
        age_years=rng.randint(22, 60),
        sex=pick_sex(rng),
        complaint="cough and fever",
        hpi=["Productive cough for three days; felt feverish last night."],
        vitals={
            "temp_c": round(rng.uniform(38.2, 38.6), 1),
            "hr": rng.randint(76, 88),
            "rr": rng.randint(16, 20),
            "spo2": rng.randint(95, 97),
        },
        breathing="Few crackles at the left base; no increased work of breathing.",
        infection_signs=["productive cough", "fever"],
        resources=[CXR, LABS],
    )


def pyelonephritis(rng: random.Random) -> TriagePatient:
    return make_patient(
        rng,
        scenario="pyelonephritis",
        exam="Right renal-angle tenderness; abdomen soft.",
        age_years=rng.randint(18, 45),
        sex="female",
        complaint="painful urination and back pain",
        hpi=["Dysuria for four days, now right loin pain and shivers; vomited once."],
        pain=rng.randint(4, 6),
        vitals={
            "temp_c": round(rng.uniform(38.2, 38.7), 1),
            "hr": rng.randint(78, 88),
            "rr": rng.randint(14, 18),
        },
        infection_signs=["dysuria", "loin pain", "fever"],
        resources=[LABS, UA, IVF, MEDS],
    )


def child_gastroenteritis(rng: random.Random) -> TriagePatient:
    tachy = rng.random() < 0.4
    months = rng.randint(6, 34)
    return make_patient(
        rng,
        scenario="child_gastroenteritis",
        exam="Dry lips; tears present; abdomen soft.",
        age_years=months / 12,
        sex=pick_sex(rng),
        complaint="vomiting and diarrhoea",
        mode="carried in by parents",
        hpi=[
            "Vomiting and watery diarrhoea for two days; fewer wet nappies; keeps little down.",
            "Sibling had the same illness last week.",
        ],
        vitals={
            "hr": rng.randint(166, 178) if tachy else rng.randint(118, 146),
            "temp_c": round(rng.uniform(37.6, 38.2), 1),
        },
        gcs_verbal="irritable_cry" if months < 24 else "oriented",
        gcs_motor="spontaneous_movement" if months < 24 else "obeys",
        appearance="Dry lips, tired but consolable.",
        infection_signs=["diarrhoea and vomiting", "low-grade fever"],
        resources=[LABS, IVF, R("oral ondansetron", "oral_meds")],
    )


def child_pneumonia(rng: random.Random) -> TriagePatient:
    distressed = rng.random() < 0.4
    vitals = {"temp_c": round(rng.uniform(38.3, 39.3), 1), "hr": rng.randint(104, 134)}
    if distressed:
        vitals |= {"rr": rng.randint(34, 42), "spo2": rng.randint(90, 93)}
    else:
        vitals |= {"rr": rng.randint(20, 26), "spo2": rng.randint(95, 97)}
    return make_patient(
        rng,
        scenario="child_pneumonia",
        exam="Ears and throat normal; no rash.",
        age_years=rng.randint(3, 8),
        sex=pick_sex(rng),
        complaint="cough and fever",
        mode="brought in by parents",
        hpi=["Cough and fever for three days; off food; complains of a sore chest."],
        vitals=vitals,
        breathing="Crackles at the right base" + ("; subcostal recession." if distressed else "."),
        infection_signs=["cough", "fever"],
        resources=[CXR, R("nebulised salbutamol and IV antibiotics", "parenteral_meds"), LABS],
    )


def child_forearm_fracture(rng: random.Random) -> TriagePatient:
    return make_patient(
        rng,
        scenario="child_forearm_fracture",
        exam="Angulated distal forearm; fingers pink, warm and moving normally.",
        age_years=rng.randint(4, 10),
        sex=pick_sex(rng),
        complaint="arm injury",
        mode="brought in by parents",
        hpi=["Fell onto an outstretched hand; ibuprofen given at home."],
        mechanism="Fell about 1.5 m from playground climbing bars onto grass.",
        injuries=["forearm_deformity"],
        pain=rng.randint(4, 6),
        resources=[
            R("forearm radiographs", "xray"),
            R("procedural sedation for fracture reduction", "complex_procedure"),
            R("orthopaedic consultation", "consult"),
            R("backslab plaster", "splint"),
        ],
    )


def simple_laceration(rng: random.Random) -> TriagePatient:
    cm = rng.randint(2, 4)
    return make_patient(
        rng,
        scenario="simple_laceration",
        exam="Clean laceration of the palm; full finger movement and normal sensation.",
        age_years=rng.randint(8, 70),
        sex=pick_sex(rng),
        complaint="cut hand",
        hpi=[f"A {cm} cm cut on the palm; bleeding stopped with pressure; moves all fingers."],
        mechanism="Cut the palm on a kitchen knife while slicing vegetables.",
        injuries=["simple_laceration"],
        pain=rng.randint(2, 4),
        resources=[
            R("laceration repair with sutures", "simple_procedure"),
            R("tetanus booster", "tetanus"),
        ],
    )


def ankle_injury(rng: random.Random) -> TriagePatient:
    return make_patient(
        rng,
        scenario="ankle_injury",
        exam="Swelling and tenderness at the posterior edge of the lateral malleolus.",
        age_years=rng.randint(12, 60),
        sex=pick_sex(rng),
        complaint="twisted ankle",
        hpi=["Could not take four steps afterwards; tender over the back of the outer ankle bone."],
        mechanism="Inverted the ankle stepping off a kerb.",
        injuries=["ankle_swelling"],
        pain=rng.randint(4, 6),
        resources=[
            R("ankle radiographs", "xray"),
            R("crutches and splint", "splint"),
            R("oral analgesia", "oral_meds"),
        ],
    )


def uti_simple(rng: random.Random) -> TriagePatient:
    return make_patient(
        rng,
        scenario="uti_simple",
        exam="Mild suprapubic tenderness; no loin tenderness.",
        age_years=rng.randint(18, 50),
        sex="female",
        complaint="burning when passing urine",
        hpi=["Dysuria and frequency for two days; no fever, no back pain, no vomiting."],
        pain=rng.randint(2, 3),
        vitals={"hr": rng.randint(66, 86)},
        infection_signs=["dysuria and urinary frequency"],
        resources=[UA, R("oral antibiotics", "oral_meds")],
    )


def ear_pain_child(rng: random.Random) -> TriagePatient:
    return make_patient(
        rng,
        scenario="ear_pain_child",
        exam="Right eardrum red and bulging; playing with a toy.",
        age_years=rng.randint(3, 7),
        sex=pick_sex(rng),
        complaint="ear ache",
        mode="brought in by parents",
        hpi=["Right ear pain since last night after a cold; playing normally after paracetamol."],
        pain=rng.randint(3, 5),
        vitals={"temp_c": round(rng.uniform(37.6, 38.3), 1), "hr": rng.randint(90, 118)},
        infection_signs=["ear pain after a cold"],
        resources=[R("oral analgesia", "oral_meds")],
    )


def prescription_refill(rng: random.Random) -> TriagePatient:
    drug, cond = rng.choice(
        [
            ("amlodipine", "hypertension"),
            ("salbutamol inhaler", "asthma"),
            ("levothyroxine", "none"),
            ("metformin", "diabetes_t2"),
        ]
    )
    return make_patient(
        rng,
        scenario="prescription_refill",
        exam="No abnormality found.",
        age_years=rng.randint(25, 75),
        sex=pick_sex(rng),
        complaint="ran out of medication",
        hpi=[f"Ran out of {drug} two days ago while travelling; feels well, no symptoms."],
        pmh=[cond],
        medications=[drug],
        resources=[R(f"prescription for {drug}", "prescription")],
    )


def minor_rash(rng: random.Random) -> TriagePatient:
    return make_patient(
        rng,
        scenario="minor_rash",
        exam="Itchy red papules in streaks on both forearms; no blisters; mouth normal.",
        age_years=rng.randint(4, 60),
        sex=pick_sex(rng),
        complaint="itchy rash",
        hpi=[
            "Itchy red rash on both forearms for two days after gardening.",
            "No fever, no lip or tongue swelling, no breathing difficulty, no blisters.",
        ],
        pain=1,
        resources=[
            R("oral antihistamine", "oral_meds"),
            R("prescription for a topical steroid cream", "prescription"),
        ],
    )


def sore_throat(rng: random.Random) -> TriagePatient:
    return make_patient(
        rng,
        scenario="sore_throat",
        exam="Red tonsils without exudate; no drooling; no stridor.",
        age_years=rng.randint(6, 40),
        sex=pick_sex(rng),
        complaint="sore throat",
        hpi=["Sore throat for two days; swallowing fluids without difficulty; no drooling."],
        pain=rng.randint(3, 4),
        vitals={"temp_c": round(rng.uniform(37.4, 38.0), 1)},
        infection_signs=["sore throat"],
        resources=[R("rapid strep antigen test", "poc_test"), R("oral antibiotics", "oral_meds")],
    )


def suture_removal(rng: random.Random) -> TriagePatient:
    return make_patient(
        rng,
        scenario="suture_removal",
        exam="Healed forearm wound, sutures in place, no redness.",
        age_years=rng.randint(18, 70),
        sex=pick_sex(rng),
        complaint="stitches out",
        hpi=["Forearm sutures placed ten days ago; wound dry, no redness or discharge."],
        resources=[R("suture removal and dressing", "simple_wound_care")],
    )


def urinary_retention(rng: random.Random) -> TriagePatient:
    return make_patient(
        rng,
        scenario="urinary_retention",
        exam="Tender, palpable bladder above the pubis.",
        age_years=rng.randint(60, 88),
        sex="male",
        complaint="cannot pass urine",
        hpi=[
            "Unable to pass urine for ten hours; lower abdominal discomfort.",
            "No fever, no back pain, no leg weakness.",
        ],
        pain=rng.randint(4, 6),
        pmh=["hypertension"],
        resources=[
            R("urinary catheter insertion", "simple_procedure"),
            R("bladder scan", "poc_test"),
        ],
    )


def skin_abscess(rng: random.Random) -> TriagePatient:
    return make_patient(
        rng,
        scenario="skin_abscess",
        exam="3 cm fluctuant, tender swelling in the armpit with surrounding redness.",
        age_years=rng.randint(16, 60),
        sex=pick_sex(rng),
        complaint="painful lump",
        hpi=["Tender fluctuant lump in the armpit for four days; no fever, feels well."],
        pain=rng.randint(3, 5),
        resources=[
            R("incision and drainage", "simple_procedure"),
            R("dressing", "simple_wound_care"),
        ],
    )


def _pool(*fns):
    return {f.__name__: f for f in fns}


STABLE_SCENARIOS = _pool(
    abdominal_pain,
    hip_fall,
    pneumonia_stable,
    pyelonephritis,
    child_gastroenteritis,
    child_pneumonia,
    child_forearm_fracture,
)
ONE_RESOURCE_SCENARIOS = _pool(
    simple_laceration, ankle_injury, uti_simple, urinary_retention, skin_abscess
)
NO_RESOURCE_SCENARIOS = _pool(
    ear_pain_child, prescription_refill, minor_rash, sore_throat, suture_removal
)
URGENT_SCENARIOS = {**STABLE_SCENARIOS, **ONE_RESOURCE_SCENARIOS, **NO_RESOURCE_SCENARIOS}
__all__ = [
    "CT",
    "HX",
    "NO_RESOURCE_SCENARIOS",
    "ONE_RESOURCE_SCENARIOS",
    "STABLE_SCENARIOS",
    "URGENT_SCENARIOS",
]
