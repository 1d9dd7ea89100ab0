"""Emergency-department triage rules: time-critical activation criteria (stroke, STEMI,
sepsis, trauma) as pure functions, and the department protocols as reference text.

Each function states the published rule it implements; :data:`PROTOCOL_TEXT` holds
the same criteria as the reference text the ``lookup_protocol`` tool
(:mod:`healthgym.tools.library.triage`) shows (the same text for every patient, so it
carries no information about any one task).  Used by triage_emergency (activations of
an arrival) and cross_domain (the sepsis screen of a pathway patient).
"""

from __future__ import annotations

import itertools
from typing import Literal

from .scores import qsofa, sirs

AHA_ASA_2019 = (
    "Powers WJ, Rabinstein AA, Ackerson T, et al. Guidelines for the Early Management of "
    "Patients With Acute Ischemic Stroke: 2019 Update. Stroke. 2019;50:e344-e418."
)
ACC_AHA_STEMI = (
    "O'Gara PT, Kushner FG, Ascheim DD, et al. 2013 ACCF/AHA Guideline for the Management "
    "of ST-Elevation Myocardial Infarction. Circulation. 2013;127:e362-e425; Thygesen K, "
    "et al. Fourth Universal Definition of Myocardial Infarction. Circulation. "
    "2018;138:e618-e651; Gulati M, et al. 2021 AHA/ACC Guideline for the Evaluation and "
    "Diagnosis of Chest Pain. Circulation. 2021;144:e368-e454."
)
ACS_COT_2021 = (
    "Newgard CD, Fischer PE, Gestring M, et al. National guideline for the field triage of "
    "injured patients: Recommendations of the National Expert Panel on Field Triage, 2021. "
    "J Trauma Acute Care Surg. 2022;93(2):e49-e60."
)
SSC_2021 = (
    "Evans L, Rhodes A, Alhazzani W, et al. Surviving Sepsis Campaign: International "
    "Guidelines for Management of Sepsis and Septic Shock 2021. Crit Care Med. "
    "2021;49:e1063-e1143; SIRS: Bone RC, et al. Chest. 1992;101:1644-1655."
)

STROKE_WINDOW_H = 24.0  # thrombectomy may be offered up to 24 h in selected patients
STEMI_WINDOW_H = 12.0  # primary PCI is indicated within 12 h of symptom onset

# ------------------------------------------------------------------------ stroke


def stroke_alert_indicated(deficits: list[str], last_known_well_h: float | None) -> bool:
    """Stroke-team activation: an acute focal neurological deficit with the patient last
    known well <= 24 h ago (AHA/ASA 2019: IV alteplase within 4.5 h, section 3.5;
    mechanical thrombectomy within 6 h and, for selected patients, 6-24 h, section 3.7)."""
    return bool(deficits) and last_known_well_h is not None and last_known_well_h <= STROKE_WINDOW_H


# ------------------------------------------------------------------------ STEMI

_INFERIOR = ("II", "III", "aVF")
_HIGH_LATERAL = ("I", "aVL")
_PRECORDIAL = ("V1", "V2", "V3", "V4", "V5", "V6")


def _contiguous_pairs() -> list[tuple[str, str]]:
    pairs = [(a, b) for grp in (_INFERIOR, _HIGH_LATERAL) for a in grp for b in grp if a < b]
    pairs += list(itertools.pairwise(_PRECORDIAL))
    pairs.append(("V6", "I"))  # lateral continuity
    return pairs


def st_elevation_threshold_mm(lead: str, sex: str, age_years: float) -> float:
    """J-point ST elevation that counts in one lead (Fourth Universal Definition, 2018):
    V2-V3 >= 2 mm in men >= 40 y, >= 2.5 mm in men < 40 y, >= 1.5 mm in women;
    >= 1 mm in every other lead."""
    if lead in ("V2", "V3"):
        if sex == "female":
            return 1.5
        return 2.0 if age_years >= 40 else 2.5
    return 1.0


def stemi_on_ecg(st_elevation_mm: dict[str, float], sex: str, age_years: float) -> bool:
    """New ST elevation meeting the threshold in >= 2 anatomically contiguous leads."""
    meets = {
        lead
        for lead, mm in st_elevation_mm.items()
        if mm >= st_elevation_threshold_mm(lead, sex, age_years)
    }
    return any(a in meets and b in meets for a, b in _contiguous_pairs())


def stemi_alert_indicated(
    st_elevation_mm: dict[str, float], sex: str, age_years: float, onset_h: float | None
) -> bool:
    """Catheterisation-laboratory activation: STEMI criteria on the ECG with ischaemic
    symptoms for <= 12 h (O'Gara 2013: primary PCI, class I, within 12 h)."""
    return (
        onset_h is not None
        and onset_h <= STEMI_WINDOW_H
        and stemi_on_ecg(st_elevation_mm, sex, age_years)
    )


# ------------------------------------------------------------------------ sepsis


def sirs_vital_criteria(temp_c: float, hr: float, rr: float) -> dict[str, float]:
    """The three SIRS criteria assessable at triage, before any white-cell count (Bone
    1992): temperature > 38 or < 36 C, heart rate > 90, respiratory rate > 20. Computed
    with :func:`healthgym.clinical.scores.sirs` with no white-cell count (``wbc=None``),
    so the WBC criterion is not assessed."""
    return dict(sirs(temperature_c=temp_c, heart_rate=hr, respiratory_rate=rr, wbc=None).components)


def sepsis_alert_indicated(
    *,
    adult: bool,
    suspected_infection: bool,
    temp_c: float,
    hr: float,
    rr: float,
    sbp: float,
    gcs_total: int,
) -> bool:
    """Adult sepsis-pathway activation: suspected infection AND (>= 2 SIRS vital-sign
    criteria OR qSOFA >= 2). SSC 2021 recommends screening for sepsis and advises
    against qSOFA as a single screening tool compared with SIRS, NEWS or MEWS, so
    either positive screen activates; antimicrobials within 1 hour follow. Children are
    outside this adult rule (paediatric SSC 2020 criteria differ)."""
    if not (adult and suspected_infection):
        return False
    n_sirs = sum(sirs_vital_criteria(temp_c, hr, rr).values())
    q = qsofa(respiratory_rate=rr, sbp=sbp, altered_mentation=gcs_total < 15).value
    return n_sirs >= 2 or float(q) >= 2


# ------------------------------------------------------------------------ trauma

# key -> (description, ACS-COT 2021 red (high-risk) injury pattern?)
INJURY_PATTERNS: dict[str, tuple[str, bool]] = {
    "penetrating_torso": ("penetrating injury to the torso", True),
    "penetrating_neck": ("penetrating injury to the neck", True),
    "skull_deformity": ("palpable skull deformity", True),
    "spinal_deficit": ("suspected spinal injury with new limb weakness and numbness", True),
    "flail_chest": ("chest wall instability (paradoxical segment)", True),
    "pelvic_instability": ("pelvic instability on gentle compression", True),
    "two_long_bones": ("deformity of both thighs (two proximal long bones)", True),
    "active_bleeding_tourniquet": ("active bleeding needing a tourniquet", True),
    "hip_deformity": ("shortened, externally rotated leg", False),
    "forearm_deformity": ("closed deformity of the forearm, hand warm and pink", False),
    "scalp_haematoma": ("scalp haematoma", False),
    "ankle_swelling": ("swelling over the lateral ankle", False),
    "simple_laceration": ("clean linear laceration", False),
    "neck_pain": ("midline neck tenderness, moves all limbs normally", False),
}


def trauma_red_criteria(
    *,
    age_years: float,
    injuries: list[str],
    motor_obeys: bool,
    rr: float,
    spo2: float,
    sbp: float,
    hr: float,
    respiratory_support: bool,
) -> list[str]:
    """The red (high-risk) criteria of the 2021 national field-triage guideline met by an
    injured patient; any one means transport to the highest-level trauma centre and, in
    hospital, full trauma-team activation (Newgard 2022).

    Injury patterns (see :data:`INJURY_PATTERNS`); mental status and vital signs: unable
    to follow commands (motor GCS < 6); respiratory rate < 10 or > 29 /min; respiratory
    distress or need for respiratory support; room-air SpO2 < 90%; age 0-9 y: SBP < 70 +
    2 x age; age 10-64 y: SBP < 90 or HR > SBP; age >= 65 y: SBP < 110 or HR > SBP.
    """
    met = [INJURY_PATTERNS[k][0] for k in injuries if INJURY_PATTERNS[k][1]]
    if not motor_obeys:
        met.append("unable to follow commands (motor GCS < 6)")
    if rr < 10 or rr > 29:
        met.append("respiratory rate < 10 or > 29")
    if respiratory_support:
        met.append("needs respiratory support")
    if spo2 < 90:
        met.append("SpO2 < 90%")
    if age_years < 10:
        if sbp < 70 + 2 * int(age_years):
            met.append("SBP < 70 + 2 x age")
    elif sbp < (90 if age_years < 65 else 110) or hr > sbp:
        met.append("SBP below the age limit or heart rate > SBP")
    return met


# ------------------------------------------------------------------------ reference text

GILBOY_2012 = (
    "Gilboy N, Tanabe P, Travers D, Rosenau AM. Emergency Severity Index (ESI): A Triage "
    "Tool for Emergency Department Care, Version 4. Implementation Handbook 2012 Edition. "
    "AHRQ Publication No. 12-0014. Rockville, MD: Agency for Healthcare Research and "
    "Quality; 2011."
)
POSNER_2011 = (
    "Posner K, Brown GK, Stanley B, et al. The Columbia-Suicide Severity Rating Scale. Am J "
    "Psychiatry. 2011;168:1266-1277 (C-SSRS Screen Version triage levels); The Joint "
    "Commission, National Patient Safety Goal NPSG.15.01.01 (2019)."
)

ESI_TEXT = (
    "Emergency Severity Index, version 4: work through decision points A to D in order; "
    "the first that applies fixes the level.\n"
    "A - Does the patient need an immediate life-saving intervention? If yes: ESI 1. "
    "Life-saving interventions: airway and breathing support (bag-valve-mask ventilation, "
    "intubation, surgical airway, emergency CPAP/BiPAP, airway manoeuvres such as jaw thrust "
    "or suction to keep open an airway the patient cannot protect); electrical therapy "
    "(defibrillation, emergency cardioversion, pacing) and CPR; haemodynamic support "
    "(significant IV fluid resuscitation or blood for shock, control of major haemorrhage); "
    "emergency medications (naloxone, IV dextrose, IM/IV epinephrine, atropine, adenosine, "
    "vasopressors). Not life-saving: oxygen by nasal cannula or mask, nebulised "
    "bronchodilators, cardiac monitoring, ECG, laboratory tests, imaging, IV access without "
    "resuscitation, analgesia. Patients who typically need one: apnoeic or pulseless; "
    "unresponsive (AVPU P or U); an airway that needs manoeuvres, suction or an adjunct to "
    "stay open, or stridor with facial/tongue swelling; breathing so slow or weak that it "
    "needs assistance (e.g. < 10/min with low SpO2), apnoeic spells, SpO2 < 90%, or "
    "speaking only in single words from breathlessness; shock - hypotension for the age "
    "(adult systolic < 90 mmHg; child 1-10 y < 70 + 2 x age in years) with poor perfusion "
    "(capillary refill > 2 s, weak or thready pulse, cold, clammy or mottled skin); "
    "anaphylaxis with airway or circulatory compromise; hypoglycaemia with altered mental "
    "status.\n"
    "B - Should the patient not wait? If any of the following: ESI 2. (1) A high-risk "
    "situation: a presentation that could deteriorate quickly or needs time-critical "
    "treatment, e.g. chest pain suspicious for acute coronary syndrome (pressure, radiation, "
    "sweating, onset at rest), a sudden focal neurological deficit, suicidal or homicidal "
    "ideation with a plan or intent, fever >= 38.0 C in an infant aged 28 days or younger, "
    "suspected ectopic pregnancy (abdominal pain with vaginal bleeding or faintness after "
    "a missed period), suspected testicular torsion (sudden severe testicular pain), head "
    "injury in a patient taking an anticoagulant, a penetrating wound of the torso or neck, "
    "a high-energy mechanism of injury (rollover, ejection, prolonged entrapment, "
    "pedestrian struck). The question is whether the nurse would give this patient the "
    "last open bed - not whether tests will be needed. (2) New confusion, lethargy or "
    "disorientation: a change from the usual mental state (e.g. responds only to voice, "
    "or confused when normally oriented). (3) Severe pain or distress: pain >= 7/10 on "
    "assessment, or severe physiological or psychological distress observed.\n"
    "C - How many different resources will the emergency department use to reach a "
    "disposition? None: ESI 5. One: ESI 4. Two or more: go to D. Count resources by "
    "type, each type once (several blood tests, or blood and urine laboratory tests, are "
    "one resource; several radiographs are one). Resources: laboratory tests (blood, "
    "urine); ECG; plain radiographs; CT, MRI, ultrasound or angiography; IV fluids "
    "(hydration); IV, IM or nebulised medications; specialty consultation; a simple "
    "procedure counts 1 (laceration repair, urinary catheter, incision and drainage, "
    "lumbar puncture); a complex procedure counts 2 (procedural sedation). Not resources: "
    "history and physical examination (including pelvic); point-of-care (bedside) tests "
    "such as capillary glucose, urine dipstick, urine pregnancy test, rapid strep test or "
    "bladder scan; a saline or heparin lock; oral medications; tetanus immunisation; "
    "prescription refills; a phone call to the primary care physician; simple wound care "
    "(dressings, recheck, suture removal); crutches, splints, slings.\n"
    "D - Danger-zone vital signs (for patients with two or more resources): heart rate "
    "> 180/min and respiratory rate > 50/min under 3 months; > 160 and > 40 from 3 months "
    "to 3 years; > 140 and > 30 from 3 to 8 years; > 100 and > 20 over 8 years; SpO2 < 92% "
    "at any age. Any vital sign in the danger zone: ESI 2 (this department up-triages); "
    "none: ESI 3.\n"
    "Care areas used here: ESI 1 resuscitation_bay; ESI 2 monitored_bed (safe_room for a "
    "high suicide risk, see the suicide protocol); ESI 3 acute_bed; ESI 4-5 fast_track.\n"
    "Standing orders from triage: 12-lead ECG within 10 minutes for chest pain suspicious "
    "for ischaemia; point-of-care glucose for a focal deficit, new confusion or a P/U "
    "level of response; oxygen for SpO2 < 94% when breathing is not already being "
    "supported (target 94-98%, British Thoracic Society 2017); every life-saving "
    "intervention the patient needs; the activations whose criteria are met (stroke, "
    "STEMI, sepsis, trauma protocols).\n"
    f"Source: {GILBOY_2012}"
)

PROTOCOL_TEXT: dict[str, str] = {
    "esi": ESI_TEXT,
    "suicide": (
        "Suicide-risk screening with the C-SSRS Screen Version (questions 1-5 about the past "
        "month, 6 about suicidal behaviour). High risk: yes to question 4 (intent) or 5 (plan "
        "and intent), or suicidal behaviour within the past 3 months - continuous one-to-one "
        "observation in a ligature-safe room (care area safe_room) and urgent psychiatric "
        "evaluation. Moderate risk: yes to question 3 (method), or suicidal behaviour more "
        "than 3 months ago. Low risk: yes to question 1 or 2 only. "
        f"Source: {POSNER_2011}"
    ),
    "stroke": (
        f"Stroke alert: acute focal neurological deficit (face droop, arm/leg weakness, "
        f"speech or visual disturbance, ataxia) with last known well <= 24 h: activate the "
        f"stroke team; check point-of-care glucose (hypoglycaemia mimics stroke); CT within "
        f"20 min of arrival; IV thrombolysis <= 4.5 h, thrombectomy for selected patients up "
        f"to 24 h. Source: {AHA_ASA_2019}"
    ),
    "stemi": (
        f"Chest pain: 12-lead ECG within 10 min of arrival. STEMI alert: new J-point ST "
        f"elevation in >= 2 contiguous leads, >= 1 mm in all leads except V2-V3, where "
        f">= 2 mm (men >= 40 y), >= 2.5 mm (men < 40 y) or >= 1.5 mm (women), with "
        f"ischaemic symptoms <= 12 h: activate the catheterisation laboratory (first "
        f"medical contact to device <= 90 min). Source: {ACC_AHA_STEMI}"
    ),
    "trauma": (
        f"Full trauma activation for any red criterion. Injury patterns: penetrating injury "
        f"of head, neck, torso or proximal extremity; skull deformity; suspected spinal "
        f"injury with new motor/sensory loss; chest wall instability; suspected pelvic "
        f"fracture; fracture of >= 2 proximal long bones; crushed, degloved, mangled or "
        f"pulseless extremity; amputation proximal to wrist/ankle; bleeding needing a "
        f"tourniquet or packing. Mental status/vitals: unable to follow commands (motor GCS "
        f"< 6); RR < 10 or > 29; respiratory distress or support; SpO2 < 90%; SBP < 70 + 2 x "
        f"age (0-9 y), SBP < 90 or HR > SBP (10-64 y), SBP < 110 or HR > SBP (>= 65 y). "
        f"Yellow criteria (high-risk crash, ejection, fall > 10 ft, anticoagulant use, "
        f"older adult ground-level fall) mean trauma-centre evaluation, not full activation. "
        f"Source: {ACS_COT_2021}"
    ),
    "sepsis": (
        f"Adult sepsis pathway: suspected infection AND (>= 2 SIRS vital-sign criteria: "
        f"temperature > 38 or < 36 C, HR > 90, RR > 20 - or qSOFA >= 2: RR >= 22, SBP <= "
        f"100, altered mentation). qSOFA is not to be used alone as the screen. Activation: "
        f"lactate, blood cultures, antimicrobials within 1 h, 30 mL/kg crystalloid for "
        f"hypotension or lactate >= 4. Source: {SSC_2021}"
    ),
    "start": (
        "START (adults and children from 9 years; Super 1984, Benson 1996): walking -> "
        "minor. Not breathing: reposition the airway; breathes -> immediate, still apnoeic "
        "-> expectant. Respiratory rate > 30 -> immediate. No radial pulse or capillary "
        "refill > 2 s -> immediate. Cannot follow simple commands -> immediate. Otherwise "
        "delayed. Submit categories as immediate, delayed, minor or expectant."
    ),
    "jumpstart": (
        "JumpSTART (children about 1-8 years; Romig 2002): walking -> minor. Not breathing: "
        "position the airway; breathes -> immediate; still apnoeic: no palpable pulse -> "
        "expectant; pulse present -> 5 rescue breaths: breathes -> immediate, else "
        "expectant. Respiratory rate < 15 or > 45 -> immediate. No palpable peripheral "
        "pulse -> immediate. AVPU: P with inappropriate response (posturing) or U -> "
        "immediate; A, V or P appropriate -> delayed."
    ),
}

# the protocols lookup_protocol offers, in the order its schema lists them
PROTOCOLS: tuple[str, ...] = (
    "esi",
    "stroke",
    "stemi",
    "trauma",
    "sepsis",
    "suicide",
    "start",
    "jumpstart",
)
ProtocolName = Literal[PROTOCOLS]  # type: ignore[valid-type]
