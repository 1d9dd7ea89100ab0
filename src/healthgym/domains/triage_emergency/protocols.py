"""Time-critical activation criteria (stroke, STEMI, sepsis, trauma) as pure functions.

Each function states the published rule it implements; :data:`PROTOCOL_TEXT` holds
the same criteria as the reference text the ``lookup_protocol`` tool shows (the
same text for every patient, so it carries no information about any one task).
"""

from __future__ import annotations

import itertools

from ...clinical.scores import qsofa, sirs

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

PROTOCOL_TEXT: dict[str, str] = {
    "esi": (
        "Emergency Severity Index v4 (Gilboy et al., AHRQ 2012). A: needs an immediate "
        "life-saving intervention (airway/ventilation, defibrillation, emergency drugs such "
        "as naloxone or dextrose, major haemodynamic support), or is unresponsive (P or U on "
        "AVPU) -> level 1. B: high-risk situation, new confusion/lethargy/disorientation, or "
        "severe pain/distress (pain >= 7/10) -> level 2. C: count expected resources by type "
        "(labs; ECG; radiographs; CT/MRI/ultrasound; IV fluids; IV/IM/nebulised drugs; "
        "specialty consult; simple procedure 1; complex procedure 2). Not resources: history "
        "and examination, point-of-care tests, saline lock, oral drugs, tetanus, "
        "prescriptions, phone calls, simple wound care, splints/crutches. None -> 5, one -> "
        "4, two or more -> D. D: danger-zone vitals (HR > 180/160/140/100 and RR > 50/40/"
        "30/20 for < 3 mo / 3 mo-3 y / 3-8 y / > 8 y; SpO2 < 92%) -> consider 2, else 3. "
        "Care areas used here: level 1 resuscitation_bay; level 2 monitored_bed (safe_room "
        "for a high suicide risk); level 3 acute_bed; levels 4-5 fast_track."
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
