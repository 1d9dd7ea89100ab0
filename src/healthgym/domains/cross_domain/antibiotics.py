"""Empirical antimicrobial choice and renal dosing for the pathways.

Regimens by source (each "slot" must be filled by one safe drug of its list, and no
drug outside the slots may be added):

* **urinary** (urosepsis; catheter-associated infection with sepsis): one
  anti-Gram-negative beta-lactam - piperacillin-tazobactam, ceftriaxone, meropenem or
  cefepime (EAU Guidelines on Urological Infections 2024, urosepsis regimens:
  third/fourth-generation cephalosporin, piperacillin-tazobactam or a carbapenem);
  with a documented beta-lactam allergy aztreonam is also accepted (Khan DA et al.
  AAAAI/ACAAI drug allergy practice parameter 2022: no cross-reactivity with
  penicillins; Azactam label: complicated urinary infection and septicaemia); a
  fluoroquinolone (levofloxacin, ciprofloxacin) only when no beta-lactam is safe
  (EAU 2024: fluoroquinolones not for empirical use where resistance is >= 10%;
  Hooton TM et al. IDSA CAUTI guideline, Clin Infect Dis 2010;50:625-63).
* **urinary_nonseptic** (post-operative catheter-associated pyelonephritis with fever
  alone, adult sepsis screen negative): the urinary beta-lactams, or ciprofloxacin or
  levofloxacin (Gupta K et al. IDSA/ESCMID 2010 update, Clin Infect Dis
  2011;52:e103-20: ciprofloxacin 500 mg twice daily for 7 days, with or without an
  initial 400 mg IV dose, or levofloxacin 750 mg daily for 5 days, where resistance is
  not known to exceed 10% - not in pregnancy, not with a fluoroquinolone allergy:
  :func:`healthgym.clinical.treatments.fluoroquinolone_pyelonephritis_ok`; Hooton 2010
  CAUTI: levofloxacin 5 days for patients not severely ill).
* **respiratory** (severe community-acquired pneumonia): ceftriaxone plus a macrolide
  (azithromycin, clarithromycin) or a respiratory fluoroquinolone (levofloxacin,
  moxifloxacin); doxycycline only when none of those is safe; when ceftriaxone is not
  safe (beta-lactam allergy) a respiratory fluoroquinolone alone (Metlay JP et al.
  ATS/IDSA CAP guideline, Am J Respir Crit Care Med 2019;200:e45-e67).
* **hap** (post-operative, hospital-acquired pneumonia without MRSA risk factors or high
  mortality risk): one of piperacillin-tazobactam, meropenem, cefepime or levofloxacin;
  aztreonam with a documented beta-lactam allergy (Kalil AC et al. IDSA/ATS HAP/VAP
  guideline, Clin Infect Dis 2016;63:e61-e111, table 4).

A drug is unsafe for the patient when a documented allergy rules it out (critical;
:func:`healthgym.clinical.treatments.allergy_conflict`: the class, and for cephalosporins
and carbapenems after a penicillin allergy the reaction's severity and the R1 side chain,
per the 2022 practice parameter), has a contraindicated (critical) or major (major)
interaction with a home medication, or its renal band says avoid (major).

Dose: the regimen of the formulary's renal band for the patient's Cockcroft-Gault
creatinine clearance (Cockcroft DW, Gault MH. Nephron 1976;16:31-41), computed with
actual body weight (the original derivation; the record's CrCl,
:mod:`healthgym.patients.derived`) or with the calculator's default weight choice
(``weight_type='auto'``); either band is accepted (:func:`crcl_values`).  Where the label has a
separate table for the indication, that table is used
(:data:`healthgym.clinical.drugs.data_infect.INDICATION_DOSING`: piperacillin-tazobactam
for nosocomial pneumonia 4.5 g every 6 h, CrCl 20-40 3.375 g every 6 h, < 20 2.25 g
every 6 h - Zosyn label; IDSA/ATS 2016).  Drugs without renal bands use the formulary's
usual dose, as does a band whose action is "usual" (no adjustment needed).  Guideline
regimens accepted besides the label's (:data:`GUIDELINE_REGIMENS`): piperacillin-
tazobactam 4.5 g every 8 h for urosepsis (EAU 2024).  Intravenous vancomycin is dosed by
weight (Rybak MJ et al. ASHP/IDSA/PIDS/SIDP consensus, Am J Health Syst Pharm
2020;77:835-64): 15-20 mg/kg actual body weight every 8-12 h, or a 20-35 mg/kg loading
dose (maximum 3 g); with CrCl < 50 mL/min every 12-48 h.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ...clinical.calculators.renal import cockcroft_gault
from ...clinical.drugs import SEVERITY_RANK, drugs, normalize_name
from ...clinical.drugs.data_infect import INDICATION_DOSING
from ...clinical.drugs.hazards import allergy_hits, ix_of
from ...clinical.treatments import (
    fluoroquinolone_pyelonephritis_ok,
)
from ...patients.model import Patient

INFECTION_CONDITIONS = frozenset(
    {
        "pneumonia",
        "urinary_tract_infection",
        "skin_infection",
        "c_difficile",
        "intra_abdominal_infection",
        "fungal_infection",
    }
)


@dataclass(frozen=True)
class Slot:
    name: str
    drugs: tuple[str, ...]  # acceptable, in order of preference
    fallback: tuple[str, ...] = ()  # acceptable only when none of ``drugs`` is safe
    # acceptable besides ``drugs`` when the patient has a documented beta-lactam allergy
    allergy_alternatives: tuple[str, ...] = ()
    # acceptable besides ``drugs`` when safe and the guideline's conditions hold
    alternatives: tuple[str, ...] = ()


URINARY_BETA_LACTAMS = ("piperacillin-tazobactam", "ceftriaxone", "meropenem", "cefepime")
URINARY_FQ = ("levofloxacin", "ciprofloxacin")
SOURCES: dict[str, tuple[Slot, ...]] = {
    "urinary": (
        Slot(
            "anti-Gram-negative beta-lactam",
            URINARY_BETA_LACTAMS,
            URINARY_FQ,
            allergy_alternatives=("aztreonam",),
        ),
    ),
    "urinary_nonseptic": (
        Slot(
            "anti-Gram-negative agent",
            URINARY_BETA_LACTAMS,
            allergy_alternatives=("aztreonam",),
            alternatives=("ciprofloxacin", "levofloxacin"),
        ),
    ),
    "respiratory": (
        Slot("beta-lactam", ("ceftriaxone",)),
        Slot(
            "atypical cover",
            ("azithromycin", "clarithromycin", "levofloxacin", "moxifloxacin"),
            ("doxycycline",),
        ),
    ),
    "hap": (
        Slot(
            "anti-pseudomonal",
            ("piperacillin-tazobactam", "meropenem", "cefepime", "levofloxacin"),
            allergy_alternatives=("aztreonam",),
        ),
    ),
}
RESPIRATORY_FQ = ("levofloxacin", "moxifloxacin")
BETA_LACTAM_ALLERGIES = ("Penicillin", "Cephalosporins", "Carbapenems")
# infection source -> the label indication whose dose table applies
INDICATION_OF_SOURCE = {"hap": "nosocomial_pneumonia"}
# (drug, source) -> guideline regimens accepted besides the label's in the usual band
GUIDELINE_REGIMENS: dict[tuple[str, str], tuple[str, ...]] = {
    # EAU Guidelines on Urological Infections 2024, urosepsis: 4.5 g three times daily
    ("piperacillin-tazobactam", "urinary"): ("4.5 g IV every 8 hours",),
}
# IV vancomycin by weight (Rybak 2020): mg/kg per dose, loading range, maximum dose
VANCOMYCIN_MAINTENANCE_MG_PER_KG = (15.0, 20.0)
VANCOMYCIN_LOADING_MG_PER_KG = (20.0, 35.0)
VANCOMYCIN_MAX_DOSE_MG = 3000.0


@dataclass(frozen=True)
class Regimen:
    doses: tuple[tuple[float, float], ...]  # accepted dose ranges in mg
    intervals: tuple[float, ...]  # accepted dosing intervals in hours

    def matches(self, dose_mg: float, interval_h: float) -> bool:
        dose_ok = any(lo * 0.999 <= dose_mg <= hi * 1.001 for lo, hi in self.doses)
        return dose_ok and any(abs(interval_h - i) < 0.01 for i in self.intervals)

    def reference(self) -> tuple[float, float]:
        """The dose and interval the reference solution gives (top of the first range)."""
        return self.doses[0][1], self.intervals[0]


_DOSE = re.compile(r"(\d+(?:\.\d+)?)(?:\s*-\s*(\d+(?:\.\d+)?))?(?:/\d+(?:\.\d+)?)?\s*(mg|g)\b")
_EVERY = re.compile(r"every\s+(\d+)(?:\s*-\s*(\d+))?\s*hours?")
_DAILY = re.compile(r"\b(once daily|daily)\b")


def parse_regimen(text: str) -> Regimen | None:
    """Doses and intervals of a formulary dosing text ('3.375 g IV every 6 hours',
    '1-2 g IV once daily', '750 mg once, then 500 mg every 48 hours'); None when the
    text gives no dose or no interval."""
    t = text.lower()
    doses = []
    for lo, hi, unit in _DOSE.findall(t):
        scale = 1000.0 if unit == "g" else 1.0
        doses.append((float(lo) * scale, float(hi or lo) * scale))
    intervals = [float(n) for m in _EVERY.findall(t) for n in m if n]
    if _DAILY.search(t):
        intervals.append(24.0)
    if not doses or not intervals:
        return None
    return Regimen(tuple(doses), tuple(dict.fromkeys(intervals)))


def is_antimicrobial(name: str) -> bool:
    d = drugs().get(name)
    return d is not None and bool(set(d.indications) & INFECTION_CONDITIONS)


def home_drugs(patient: Patient) -> list[str]:
    """Generic names of the home medications the formulary knows."""
    names = (normalize_name(m.name) for m in patient.medications)
    return [n for n in names if n]


def crcl_values(patient: Patient) -> tuple[float, ...]:
    """The creatinine clearances whose renal band a dose may follow: the record's CrCl
    (:meth:`healthgym.patients.model.PatientCore.crcl`, Cockcroft-Gault with actual body
    weight, the project's one rule) and - a grading tolerance of this domain, kept so
    that its answers do not change - Cockcroft-Gault with the calculator's weight choice
    by BMI (``weight_type='auto'``: the lesser of ideal and actual weight at BMI
    18.5-24.9, adjusted weight above 24.9; Winter MA et al. Pharmacotherapy
    2012;32:604-12), the convention an agent using ``calc_renal_function``'s default
    gets."""
    by_bmi = cockcroft_gault(
        age=patient.age,
        sex=patient.sex,
        weight=patient.weight_kg,
        creatinine=float(patient.labs["creatinine"]),
        height=patient.height_cm,
        weight_type="auto",
    )
    return (patient.crcl(), round(float(by_bmi.value), 1))


def _band_texts(renal, usual: str, patient: Patient) -> list[str]:
    bands = [renal.band_for(c) for c in crcl_values(patient)]
    texts = [b.dose for b in bands]
    if any(b.action == "usual" for b in bands):  # no adjustment: the usual dose too
        texts.append(usual)
    return texts


def vancomycin_iv_regimens(patient: Patient) -> list[Regimen]:
    """Weight-based IV vancomycin (Rybak 2020): maintenance 15-20 mg/kg or a 20-35 mg/kg
    loading dose (maximum 3 g), every 8-12 h; every 12-48 h with CrCl < 50 mL/min."""
    w = patient.weight_kg
    lo = VANCOMYCIN_MAINTENANCE_MG_PER_KG[0] * w
    hi = min(VANCOMYCIN_LOADING_MG_PER_KG[1] * w, VANCOMYCIN_MAX_DOSE_MG)
    impaired = min(crcl_values(patient)) < 50
    intervals = (12.0, 24.0, 48.0) if impaired else (12.0, 8.0)
    return [Regimen(((min(lo, hi), hi),), intervals)]


def regimens(
    name: str, patient: Patient, source: str | None = None, route: str | None = None
) -> list[Regimen]:
    """The accepted regimens of ``name`` for this patient's kidney function, for the
    infection ``source`` (its label indication table where there is one) and ``route``
    (intravenous vancomycin is dosed by weight)."""
    if name == "vancomycin" and route == "iv":
        return vancomycin_iv_regimens(patient)
    d = drugs()[name]
    indication = INDICATION_OF_SOURCE.get(source or "")
    special = INDICATION_DOSING.get((name, indication or ""))
    if special is not None:
        usual, renal = special
        texts = _band_texts(renal, usual, patient)
    elif d.renal is None:
        texts = [d.usual_dose]
    else:
        texts = _band_texts(d.renal, d.usual_dose, patient)
    if d.renal is None or any(d.renal.band_for(c).action == "usual" for c in crcl_values(patient)):
        texts += list(GUIDELINE_REGIMENS.get((name, source or ""), ()))
    texts = list(dict.fromkeys(texts))
    parsed = [parse_regimen(t) for t in texts]
    return [r for r in parsed if r is not None]


def allergy_hazards(name: str, patient: Patient) -> list[tuple[str, str, str]]:
    """(allergy label, reaction, why) for each documented allergy that rules ``name`` out
    (:func:`healthgym.clinical.drugs.hazards.allergy_hits`)."""
    return allergy_hits(drugs()[name], patient.allergies)


def hazards(name: str, patient: Patient) -> list[tuple[str, str, str]]:
    """(code, severity, text) for every reason ``name`` is unsafe for this patient."""
    d = drugs()[name]
    out = [
        ("allergy", "critical", f"{name}: {label} allergy ({reaction}) - {why}")
        for label, reaction, why in allergy_hazards(name, patient)
    ]
    for other in home_drugs(patient):
        ix = ix_of(name, other) if other != name else None
        if ix is not None and SEVERITY_RANK[ix.severity] >= SEVERITY_RANK["major"]:
            severity = "critical" if ix.severity == "contraindicated" else "major"
            out.append(
                (
                    f"{ix.severity}_interaction",
                    severity,
                    f"{name} + home {other}: {ix.severity} interaction ({ix.category})",
                )
            )
    if d.renal is not None and all(
        d.renal.band_for(c).action == "avoid" for c in crcl_values(patient)
    ):
        out.append(("renal_avoid", "major", f"{name}: labelled 'avoid' at this CrCl"))
    return out


def is_safe(name: str, patient: Patient, source: str | None = None) -> bool:
    return not hazards(name, patient) and bool(regimens(name, patient, source))


def beta_lactam_allergy(patient: Patient) -> bool:
    return any(a.allergen in BETA_LACTAM_ALLERGIES for a in patient.allergies)


def slots_for(source: str, patient: Patient) -> list[tuple[str, tuple[str, ...]]]:
    """Each slot of the empirical regimen with the drugs acceptable for this patient
    (preferred drugs first: the reference takes the first).

    An empty drug list means no safe regimen exists (the generator never makes such a
    patient)."""
    slots = SOURCES[source]
    if source == "respiratory" and not is_safe("ceftriaxone", patient, source):
        slots = (Slot("respiratory fluoroquinolone", RESPIRATORY_FQ),)
    out = []
    for s in slots:
        safe = [n for n in s.drugs if is_safe(n, patient, source)]
        if beta_lactam_allergy(patient):
            safe += [n for n in s.allergy_alternatives if is_safe(n, patient, source)]
        safe += [
            n
            for n in s.alternatives
            if is_safe(n, patient, source)
            and fluoroquinolone_pyelonephritis_ok(n, patient.allergies)
        ]
        if not safe:
            safe = [n for n in s.fallback if is_safe(n, patient, source)]
        out.append((s.name, tuple(dict.fromkeys(safe))))
    return out


def regimen_ok(source: str, patient: Patient, given: list[str]) -> bool:
    """Whether the antimicrobials ``given`` fill every slot and add nothing else."""
    slots = slots_for(source, patient)
    chosen = set(given)
    if not all(slot_drugs and chosen & set(slot_drugs) for _, slot_drugs in slots):
        return False
    allowed = {n for _, slot_drugs in slots for n in slot_drugs}
    if not chosen <= allowed:
        return False
    # one drug per slot: the number of distinct drugs equals the number of slots
    return len(chosen) == len(slots)


def reference_regimen(source: str, patient: Patient) -> list[tuple[str, float, float]]:
    """(drug, dose mg, interval h) of the reference regimen: the first safe choice of
    each slot that is not already chosen, at its renal-band dose for the source's
    indication."""
    chosen: list[str] = []
    for _, slot_drugs in slots_for(source, patient):
        pick = next(n for n in slot_drugs if n not in chosen)
        chosen.append(pick)
    out = []
    for name in chosen:
        dose, interval = regimens(name, patient, source, "iv")[0].reference()
        out.append((name, dose, interval))
    return out
