"""Building blocks of the patient generator: age-appropriate vitals, defaults, the builder.

Normal vital signs by age are drawn inside the central part of the paediatric
centile charts of Fleming S, Thompson M, Stevens R, et al. Normal ranges of heart
rate and respiratory rate in children from birth to 18 years of age: a systematic
review of observational studies. Lancet 2011;377:1011-1018, and kept below the ESI
danger-zone limits for the age (so a normal child is never up-triaged by chance);
systolic pressures stay above the PALS hypotension limits (Topjian AA et al. Part 4:
Pediatric Basic and Advanced Life Support, AHA 2020. Circulation 2020;142:S469).
Weight for age: APLS formulae (infant 0.5 x months + 4; 1-5 y 2 x age + 8; 6-12 y
3 x age + 7; Advanced Life Support Group, Advanced Paediatric Life Support, 2011).
"""

from __future__ import annotations

import random
from typing import Any

from ...patients.encounter import (
    Ecg,
    FamilyHistory,
    ResourceItem,
    SuicideScreen,
    TriagePatient,
    Vitals,
)

HS_TNT_URL = 14.0  # ng/L: 99th-percentile upper reference limit of hs-troponin T
MMOL_TO_MG_DL_GLUCOSE = 18.016

# (upper age in years, HR range, RR range, SBP range)
_BANDS: tuple[tuple[float, tuple[int, int], tuple[int, int], tuple[int, int]], ...] = (
    (28 / 365.25, (120, 160), (34, 48), (64, 80)),
    (0.25, (115, 160), (30, 46), (70, 88)),
    (3.0, (95, 145), (24, 36), (86, 104)),
    (8.0, (75, 120), (18, 26), (92, 112)),
    (13.0, (68, 96), (14, 20), (98, 118)),
    (65.0, (60, 94), (12, 18), (108, 138)),
    (200.0, (58, 92), (12, 18), (118, 156)),
)


def days(years: float) -> int:
    return int(years * 365.25 + 0.5)


def normal_vitals(rng: random.Random, age_years: float) -> dict[str, float]:
    band = next((b for b in _BANDS if age_years < b[0]), _BANDS[-1])
    _, hr, rr, sbp = band
    s = rng.randint(*sbp)
    return {
        "hr": float(rng.randint(*hr)),
        "sbp": float(s),
        "dbp": float(round(s * rng.uniform(0.55, 0.66))),
        "rr": float(rng.randint(*rr)),
        "spo2": float(rng.randint(96, 100)),
        "temp_c": round(rng.uniform(36.4, 37.3), 1),
        "cap_refill_s": float(rng.choice((1, 1.5, 2))),
    }


def weight_for_age(rng: random.Random, age_years: float) -> float:
    if age_years < 1:
        w = 0.5 * (age_years * 12) + 4 if age_years >= 28 / 365.25 else rng.uniform(3.0, 4.2)
    elif age_years <= 5:
        w = 2 * int(age_years) + 8
    elif age_years <= 12:
        w = 3 * int(age_years) + 7
    elif age_years < 18:
        w = rng.uniform(40, 65)
    else:
        w = rng.uniform(52, 98)
    return round(w * (rng.uniform(0.92, 1.08) if age_years >= 1 else 1.0), 1)


def age_text(age_days: int) -> str:
    if age_days < 60:
        return f"{age_days}-day-old"
    if age_days < 730:
        return f"{int(age_days / 30.44)}-month-old"
    return f"{round(age_days / 365.25)}-year-old"


def article(word: str) -> str:
    """'a' or 'an' before an age ("an 8-year-old", "an 11-month-old", "an 18-day-old")."""
    return "an" if word.startswith(("8", "11-", "18-")) else "a"


def person_word(sex: str, age_years: float) -> str:
    if age_years < 1:
        return "baby boy" if sex == "male" else "baby girl"
    if age_years < 18:
        return "boy" if sex == "male" else "girl"
    return "man" if sex == "male" else "woman"


def clock(minute: int) -> str:
    return f"{minute // 60 % 24:02d}:{minute % 60:02d}"


def default_ecg(hr: float, adult: bool) -> Ecg:
    rhythm = "sinus rhythm"
    if adult and hr > 100:
        rhythm = "sinus tachycardia"
    elif adult and 0 < hr < 60:
        rhythm = "sinus bradycardia"
    return Ecg(rhythm=rhythm, rate=int(hr), other=["normal axis, normal intervals"])


def default_poc(rng: random.Random, age_years: float, sex: str, diabetic: bool) -> dict[str, Any]:
    glucose = rng.uniform(6.0, 12.0) if diabetic else rng.uniform(4.4, 7.0)
    poc: dict[str, Any] = {
        "glucose": round(glucose, 1),
        "troponin": float(rng.randint(3, 11)) if age_years >= 18 else None,
        "lactate": round(rng.uniform(0.7, 1.8), 1),
        "urine_hcg": "negative" if sex == "female" and 12 <= age_years <= 55 else None,
    }
    return poc


def R(name: str, kind: str) -> ResourceItem:
    return ResourceItem(name=name, kind=kind)


HX = R("history and examination", "history_exam")

# usual home medication for a past-history key, when the scenario names none
HOME_MEDS: dict[str, str] = {
    "hypertension": "amlodipine 5 mg daily",
    "hyperlipidaemia": "atorvastatin 40 mg daily",
    "diabetes_t2": "metformin 1 g twice daily",
    "diabetes_t1": "insulin glargine and insulin aspart",
    "cad": "aspirin 75 mg daily",
    "prior_stroke": "clopidogrel 75 mg daily",
    "atrial_fibrillation": "warfarin (dose by INR)",
    "asthma": "salbutamol and beclometasone inhalers",
    "copd": "tiotropium inhaler",
    "depression": "sertraline 100 mg daily",
    "opioid_use": "none prescribed",
}


def make_patient(
    rng: random.Random,
    *,
    scenario: str,
    age_years: float,
    sex: str,
    complaint: str,
    hpi: list[str],
    vitals: dict[str, float] | None = None,
    mode: str = "on foot",
    poc: dict[str, Any] | None = None,
    ecg: Ecg | None = None,
    suicide: SuicideScreen | None = None,
    **fields: Any,
) -> TriagePatient:
    """A patient with normal age-appropriate defaults, overridden by the scenario."""
    age_days = max(1, days(age_years))
    years = age_days / 365.25
    v = normal_vitals(rng, years)
    v.update(vitals or {})
    pmh = fields.pop("pmh", [])
    _pmh_details(rng, pmh, years, fields)
    if "medications" not in fields:
        fields["medications"] = sorted({HOME_MEDS[k] for k in pmh if k in HOME_MEDS})
    diabetic = any(k in pmh for k in ("diabetes_t1", "diabetes_t2"))
    p_poc = default_poc(rng, years, sex, diabetic)
    p_poc.update(poc or {})
    resources = fields.pop("resources", [])
    _default_findings(rng, years, fields)
    care = anticipated_care(rng, [HX, *resources], years, sex, fields)
    return TriagePatient(
        id="P1",
        scenario=scenario,
        age_days=age_days,
        sex=sex,  # type: ignore[arg-type]
        weight_kg=weight_for_age(rng, years),
        arrival_minute=0,
        arrival_mode=mode,
        chief_complaint=complaint,
        hpi=hpi,
        pmh=pmh,
        vitals=Vitals(**v),
        ecg=ecg or default_ecg(v["hr"], years >= 18),
        poc=p_poc,
        resources=care,
        suicide=suicide or SuicideScreen(),
        **fields,
    )


# premature coronary disease in a first-degree relative (the HEART score's family-history
# risk factor): a male relative before 55, a female before 65; (sex, youngest, oldest)
PREMATURE_CAD_AGE: dict[str, tuple[str, int, int]] = {
    "father": ("male", 40, 54),
    "mother": ("female", 45, 64),
    "brother": ("male", 38, 54),
    "sister": ("female", 42, 64),
}
# KDIGO GFR categories of a triage patient's "chronic kidney disease" and their weights
CKD_STAGES: tuple[tuple[str, float], ...] = (("3a", 0.5), ("3b", 0.35), ("4", 0.15))


def _pmh_details(
    rng: random.Random, pmh: list[str], age_years: float, fields: dict[str, Any]
) -> None:
    """Draw the details a past-history item prints (in place, where the scenario gives
    none): the relative and age of a premature myocardial infarction for
    ``family_history_cad`` (a sibling only for a patient of 40 or more, at most eight
    years older than the patient at the event), the CKD stage for ``ckd``.  Drawn from a
    generator seeded by ``rng``'s state without consuming it, so the rest of the
    scenario is what it was before these details were recorded."""
    need_fh = "family_history_cad" in pmh and fields.get("family_history") is None
    need_ckd = "ckd" in pmh and fields.get("ckd_stage") is None
    if not (need_fh or need_ckd):
        return
    side = random.Random(str(rng.getstate()[1]))
    if need_fh:
        relatives = ["father", "mother"] + (["brother", "sister"] if age_years >= 40 else [])
        relative = side.choice(relatives)
        _, lo, hi = PREMATURE_CAD_AGE[relative]
        if relative in ("brother", "sister"):
            hi = min(hi, int(age_years) + 8)
        fields["family_history"] = FamilyHistory(
            relative=relative,  # type: ignore[arg-type]
            age_years=side.randint(lo, max(lo, hi)),
        )
    if need_ckd:
        stages, weights = zip(*CKD_STAGES, strict=True)
        fields["ckd_stage"] = side.choices(stages, weights=weights)[0]


# Normal findings, several wordings each, so that no fixed sentence marks a well patient.
_TALKING = (
    "Patent; speaking in full sentences.",
    "Patent; talking normally.",
    "Clear; conversing freely.",
)
_PREVERBAL = ("Patent; crying and babbling normally.", "Clear; vocalising normally.")
_BREATHING = (
    "Unlaboured; equal air entry.",
    "Quiet, regular breathing; equal air entry.",
    "No increased work of breathing; air entry equal on both sides.",
)
_CIRCULATION = (
    "Radial pulse strong and regular; skin warm and dry.",
    "Good-volume regular pulse; warm, pink peripheries.",
    "Pulse regular and strong; skin warm and well perfused.",
)
_APPEARANCE = (
    "Sitting on the trolley, colour normal.",
    "Awake, skin colour normal.",
    "Resting on the trolley, colour normal.",
)
_APPEARANCE_BABY = ("Held by a parent, colour normal.", "Lying in a parent's arms, colour normal.")


def _default_findings(rng: random.Random, years: float, fields: dict[str, Any]) -> None:
    """Fill the airway, breathing, circulation and appearance findings a scenario leaves
    unwritten with one of several wordings of a normal finding (in place)."""
    defaults = {
        "airway": _PREVERBAL if years < 2 else _TALKING,
        "breathing": _BREATHING,
        "circulation": _CIRCULATION,
        "appearance": _APPEARANCE_BABY if years < 2 else _APPEARANCE,
    }
    for key, options in defaults.items():
        if not fields.get(key):
            fields[key] = rng.choice(options)


# Care a triage nurse commonly sees alongside the work-up, all of it on the ESI
# handbook's list of what is *not* a resource (Gilboy et al. 2012, chapter 5, table 5-1):
# point-of-care tests, a saline lock, oral medication, a phone call to the primary care
# physician, tetanus immunisation.  Anticipated-care lists are filled up with such items
# to a length drawn independently of the presentation, so the length of the list says
# nothing about how many resources it holds.
MIN_CARE_ITEMS, MAX_CARE_ITEMS = 5, 7


def anticipated_care(
    rng: random.Random,
    items: list[ResourceItem],
    years: float,
    sex: str,
    fields: dict[str, Any],
) -> list[ResourceItem]:
    """The scenario's anticipated care, padded with plausible non-resource items and
    shuffled (the order says nothing either)."""
    responsive = fields.get("gcs_eye", "spontaneous") == "spontaneous"
    extra = [
        R("point-of-care blood glucose", "poc_test"),
        R("IV cannula with a saline lock (no fluids)", "saline_lock"),
    ]
    extra.append(R("phone call to the patient's primary care physician", "phone_call"))
    if years >= 2:
        extra.append(R("bedside urine dipstick", "poc_test"))
    if responsive and fields.get("pain", 0) > 0:
        extra.append(R("oral paracetamol", "oral_meds"))
    if sex == "female" and 12 <= years <= 55:
        extra.append(R("bedside urine pregnancy test", "poc_test"))
    if fields.get("injuries") or fields.get("mechanism"):
        extra.append(R("tetanus immunisation if not up to date", "tetanus"))
    names = {i.name for i in items}
    extra = [i for i in extra if i.name not in names]
    target = rng.randint(MIN_CARE_ITEMS, MAX_CARE_ITEMS)
    care = list(items) + rng.sample(extra, max(0, min(len(extra), target - len(items))))
    rng.shuffle(care)
    return care


def pick_sex(rng: random.Random) -> str:
    return rng.choice(("male", "female"))


def pain_score(rng: random.Random, lo: int, hi: int) -> int:
    return rng.randint(lo, hi)
